//! Choosing notes: by filters, from the list cache (`list`, `export
//! --all`, `bundle`). A file that cannot be read never hides the others:
//! it is returned beside them, for the command to name.

use anyhow::Result;

use crate::domain::filter::Filter;
use crate::i18n::{self, Lang};
use crate::store::{Broken, Listing, Store};

/// The notes a filter keeps, newest first, from the cache where it is
/// fresh; with the files that could not be read and those others can read.
pub fn select(store: &Store, filter: &Filter) -> Result<Listing> {
    let mut listing = store.summaries()?;
    listing.notes.retain(|s| filter.keeps(s));
    if let Some(text) = &filter.search {
        let found = store.search(text)?;
        listing.notes.retain(|s| found.contains(&s.id));
    }
    Ok(listing)
}

impl Broken {
    /// Which file could not be read, and why, in the reader's language.
    pub fn said(&self, ui_lang: Lang) -> String {
        let file = self.path.display().to_string();
        let error = crate::error::describe(&self.error, ui_lang);
        // A TOML error names the file already, with its line and column.
        if error.starts_with(&file) {
            i18n::WARN_SKIPPED.with(ui_lang, &[("error", &error)])
        } else {
            i18n::WARN_BROKEN_NOTE.with(ui_lang, &[("file", &file), ("error", &error)])
        }
    }
}
