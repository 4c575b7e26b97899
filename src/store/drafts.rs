//! Drafts: walks and edits that were stopped before saving, to resume.

use anyhow::{Context, Result};

use super::file::{read_text, remove_if_there};
use super::ids::{ids_in, resolve_among};
use super::notes::{NoteGone, check_size, toml_error};
use super::{Broken, Store};
use crate::domain::note::Draft;
use crate::error::{SayAbout, failure};
use crate::i18n::{self, Lang, Phrase};

impl Store {
    /// Saves a draft, replacing its previous state. A draft that edits a
    /// note is saved only while that note is there, checked under the
    /// lock: a purge leaves no draft behind ([`NoteGone`]).
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        let text =
            toml::to_string_pretty(draft).said(|| Phrase::new(i18n::ERR_NOT_A_DRAFT, &[]))?;
        check_size(&text)?;
        let path = self.drafts_dir().join(format!("{}.toml", draft.id));
        let _lock = match &draft.edit_of {
            Some(id) => {
                let lock = self.lock()?;
                if self.purging(id) || !self.path_of(id).exists() {
                    return Err(NoteGone.into());
                }
                Some(lock)
            }
            None => None,
        };
        self.write(&path, text.as_bytes(), true)
            .about(i18n::ERR_CANNOT_WRITE, &path)
    }

    pub fn load_draft(&self, id: &str) -> Result<Draft> {
        let path = self.drafts_dir().join(format!("{id}.toml"));
        let text = read_text(&path)?;
        let mut table: toml::Table = toml::from_str(&text)
            .map_err(|e| toml_error(&path, &text, &e, i18n::ERR_NOT_A_DRAFT))?;
        if table.get("format").and_then(toml::Value::as_integer) == Some(1) {
            crate::domain::migrate::format1(&mut table);
        }
        let mut draft: Draft = table
            .try_into()
            .said(|| Phrase::new(i18n::ERR_NOT_A_DRAFT, &[]))
            .with_context(|| path.display().to_string())?;
        crate::domain::migrate::set2(&draft.set, draft.set_version, &mut draft.answers);
        // The ids in a draft name files: its own must be its file's name,
        // and the ones it points at may not lead out of the store.
        let unsafe_id = |i: &str| i.is_empty() || i.starts_with('.') || i.contains(['/', '\\']);
        if draft.id != id
            || [&draft.edit_of, &draft.revises]
                .into_iter()
                .flatten()
                .any(|i| unsafe_id(i))
        {
            let file = path.display().to_string();
            return Err(failure(Phrase::new(
                i18n::ERR_DRAFT_IDS,
                &[("file", &file)],
            )));
        }
        Ok(draft)
    }

    pub fn remove_draft(&self, id: &str) -> Result<()> {
        remove_if_there(&self.drafts_dir().join(format!("{id}.toml")))
    }

    /// Every readable draft, newest first, and the broken draft files.
    pub fn drafts(&self) -> Result<(Vec<Draft>, Vec<Broken>)> {
        let mut drafts = Vec::new();
        let mut broken = Vec::new();
        for id in ids_in(&self.drafts_dir())? {
            match self.load_draft(&id) {
                Ok(d) => drafts.push(d),
                Err(error) => broken.push(Broken {
                    path: self.drafts_dir().join(format!("{id}.toml")),
                    error,
                }),
            }
        }
        drafts.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
        Ok((drafts, broken))
    }

    /// Like [`Store::resolve`], for drafts.
    pub fn resolve_draft(&self, wanted: &str, lang: Lang) -> Result<String> {
        resolve_among(ids_in(&self.drafts_dir())?, wanted, lang)
    }
}
