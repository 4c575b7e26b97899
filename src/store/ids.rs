//! Note ids: made fresh, and found from what a person typed.

use std::fs;
use std::path::Path;

use anyhow::Result;

use super::{Store, index};
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
    ///
    /// At the speed of a file read: a whole id opens its file, a prefix
    /// is looked up in the list cache while that is fresh; the notes
    /// folder is listed only when neither tells. What was typed is used
    /// as a path only when it is written in the id alphabet ([`is_id`]).
    pub fn resolve(&self, wanted: &str, lang: Lang) -> Result<String> {
        self.resolve_saying(wanted, lang, i18n::ERR_NO_SUCH_NOTE)
    }

    /// [`Store::resolve`], saying `missing` of a note it cannot find.
    fn resolve_saying(&self, wanted: &str, lang: Lang, missing: i18n::Msg) -> Result<String> {
        let typed = wanted.trim().to_lowercase();
        if typed.is_empty() {
            let e = bad_input(i18n::ERR_NO_ID_TYPED.get(lang));
            return Err(hinted(e, Kind::BadInput, i18n::HINT_NOTE_IDS.get(lang)));
        }
        if is_id(&typed) {
            if self.is_note_file(&typed) {
                return Ok(typed);
            }
            if let Some(ids) = self.cached_ids(&typed)
                && let [one] = ids.as_slice()
                && self.is_note_file(one)
            {
                return Ok(one.clone());
            }
        }
        resolve_in(self.ids()?, &typed, lang, missing)
            .map_err(|e| hinted(e, Kind::NotFound, i18n::HINT_NOTE_IDS.get(lang)))
    }

    /// Finds the note a person named: by its id or a unique id prefix,
    /// which always win, else by words from its title (`driehoek show
    /// koffiehuis`) when one note's title holds them all; several are
    /// listed with their ids.
    pub fn resolve_named(&self, wanted: &str, lang: Lang) -> Result<String> {
        let err = match self.resolve_saying(wanted, lang, i18n::ERR_NO_NOTE_NAMED) {
            Ok(id) => return Ok(id),
            Err(e) if crate::error::kind(&e) == Kind::NotFound => e,
            Err(e) => return Err(e),
        };
        let words: Vec<String> = wanted.split_whitespace().map(fold).collect();
        if words.is_empty() {
            return Err(err);
        }
        let mut named: Vec<(String, String)> = self
            .summaries()?
            .notes
            .into_iter()
            .filter(|s| {
                let title = fold(&s.title);
                words.iter().all(|w| title.contains(w.as_str()))
            })
            .map(|s| (s.id, s.title))
            .collect();
        named.sort();
        match named.as_slice() {
            [] => Err(err),
            [(id, _)] => Ok(id.clone()),
            many => {
                let notes: Vec<String> = many
                    .iter()
                    .map(|(id, title)| format!("  {id}  {}", crate::printable::printable(title)))
                    .collect();
                Err(bad_input(i18n::ERR_TITLES_AMBIGUOUS.with(
                    lang,
                    &[
                        ("words", &shown(wanted.trim())),
                        ("notes", &notes.join("\n")),
                    ],
                )))
            }
        }
    }

    /// Whether the notes folder holds a file (of any kind: a link or a
    /// folder is reported where it is read) for note `id`.
    fn is_note_file(&self, id: &str) -> bool {
        std::fs::symlink_metadata(self.path_of(id)).is_ok()
    }

    /// The ids in the list cache that begin with `prefix`; `None` when
    /// the cache is missing, or stale: made before the notes folder's last
    /// change (a note made, renamed or removed).
    fn cached_ids(&self, prefix: &str) -> Option<Vec<String>> {
        let cache = index::dir(&self.root).join(index::SUMMARY_FILE);
        index::cached_ids(&cache, index::folder_time(&self.notes_dir()), prefix)
    }
}

/// Whether `typed` is written in the id alphabet and no longer than an id
/// can be: only such text is ever made into a path. Ids also come from
/// URLs (the browser's front end).
pub fn is_id(typed: &str) -> bool {
    (1..=32).contains(&typed.len()) && typed.bytes().all(|b| ID_ALPHABET.contains(&b))
}

/// Text as a title is searched: lowercase, without accents on the
/// letters most Dutch titles use, so "cafe" finds "Café".
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
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
    resolve_in(ids, wanted, lang, i18n::ERR_NO_SUCH_NOTE)
}

/// What was typed, as a message says it back: a pasted page of text is
/// not repeated whole.
fn shown(typed: &str) -> String {
    crate::printable::cut(typed, 60).into_owned()
}

/// [`resolve_among`], saying `missing` of an id it cannot find.
fn resolve_in(ids: Vec<String>, wanted: &str, lang: Lang, missing: i18n::Msg) -> Result<String> {
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
            let mut msg = missing.with(lang, &[("id", &shown(&wanted))]);
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
            Err(bad_input(i18n::ERR_AMBIGUOUS.with(
                lang,
                &[("id", &shown(&wanted)), ("ids", &ids.join(", "))],
            )))
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
    fn only_text_in_the_id_alphabet_is_an_id() {
        for id in ["7328j3", "7s", "abcdefghjkmnpqrstuvwxyz23456789"] {
            assert!(is_id(id), "{id}");
        }
        let not = [
            "",
            "../notes",
            "7328J3",
            "koffiehuis",
            "a/b",
            "a b",
            "7328j3.toml",
            "0",
            "l1",
            "..",
            "a\0",
            "ab%2f",
        ];
        for typed in not {
            assert!(!is_id(typed), "{typed:?}");
        }
        assert!(!is_id(&"a".repeat(33)));
    }

    #[test]
    fn ids_use_the_unambiguous_alphabet() {
        for _ in 0..100 {
            let id = new_id();
            assert_eq!(id.len(), ID_LEN);
            assert!(id.bytes().all(|b| ID_ALPHABET.contains(&b)), "{id}");
        }
    }
}
