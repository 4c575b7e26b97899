//! Note ids: made fresh, and found from what a person typed.

use std::fs;
use std::path::Path;

use anyhow::Result;

use super::Store;
use crate::error::{Kind, SayAbout, bad_input, hinted, not_found};
use crate::i18n::{self, Lang};

/// Characters of an id: no 0/o, 1/l/i, so ids survive being read aloud
/// in a meeting or copied by hand.
const ID_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const ID_LEN: usize = 6;

impl Store {
    /// The ids of every note file, in no order.
    pub fn ids(&self) -> Result<Vec<String>> {
        ids_in(&self.notes_dir())
    }

    /// Finds the one note an id or unique id prefix names. Unknown ids
    /// get the closest ids as suggestions.
    pub fn resolve(&self, wanted: &str, lang: Lang) -> Result<String> {
        resolve_among(self.ids()?, wanted, lang)
            .map_err(|e| hinted(e, Kind::NotFound, i18n::HINT_NOTE_IDS.get(lang)))
    }
}

/// The ids of the `.toml` files in a folder (not temp files), in no order.
pub(super) fn ids_in(dir: &Path) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for entry in fs::read_dir(dir).about(i18n::ERR_CANNOT_READ, dir)? {
        let name = entry?.file_name();
        if let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".toml"))
            && !id.starts_with('.')
        {
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

/// The one id among `ids` that `wanted` names, exactly or as a unique
/// prefix; otherwise a message with the closest ids.
pub fn resolve_among(ids: Vec<String>, wanted: &str, lang: Lang) -> Result<String> {
    let wanted = wanted.trim().to_lowercase();
    if ids.contains(&wanted) {
        return Ok(wanted);
    }
    let mut matches: Vec<&String> = ids.iter().filter(|id| id.starts_with(&wanted)).collect();
    matches.sort();
    match matches.as_slice() {
        [one] if !wanted.is_empty() => Ok((*one).clone()),
        [] | [_] => {
            let mut close: Vec<(usize, &String)> = ids
                .iter()
                .map(|id| (strsim::levenshtein(&wanted, id), id))
                .filter(|(d, _)| *d <= 2)
                .collect();
            close.sort();
            let mut msg = i18n::ERR_NO_SUCH_NOTE.with(lang, &[("id", &wanted)]);
            if !close.is_empty() {
                let ids: Vec<&str> = close.iter().take(3).map(|(_, id)| id.as_str()).collect();
                msg = format!(
                    "{msg}; {}",
                    i18n::ERR_DID_YOU_MEAN.with(lang, &[("ids", &ids.join(", "))])
                );
            }
            Err(not_found(msg))
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|s| s.as_str()).collect();
            Err(bad_input(
                i18n::ERR_AMBIGUOUS.with(lang, &[("id", &wanted), ("ids", &ids.join(", "))]),
            ))
        }
    }
}

/// A fresh random id.
pub fn new_id() -> String {
    (0..ID_LEN)
        .map(|_| ID_ALPHABET[fastrand::usize(..ID_ALPHABET.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_use_the_unambiguous_alphabet() {
        for _ in 0..100 {
            let id = new_id();
            assert_eq!(id.len(), ID_LEN);
            assert!(id.bytes().all(|b| ID_ALPHABET.contains(&b)), "{id}");
        }
    }
}
