//! Choosing notes: by filters, from the list cache (`list`, `export
//! --all`, `bundle`), or every readable note (`check`). A file that cannot
//! be read is named on stderr and never hides the others.

use anyhow::Result;

use crate::domain::filter::Filter;
use crate::domain::note::CaseNote;
use crate::i18n::{self, Lang};
use crate::printable::say;
use crate::store::index::Summary;
use crate::store::{Broken, Store};

/// The notes a filter keeps, newest first, from the cache where it is
/// fresh; broken files are named on stderr and returned.
pub fn select(store: &Store, filter: &Filter, lang: Lang) -> Result<(Vec<Summary>, Vec<Broken>)> {
    let listing = store.summaries()?;
    report_broken(&listing.broken, lang);
    for path in &listing.exposed {
        let path = path.display().to_string();
        say(format!(
            "driehoek: {}",
            i18n::WARN_EXPOSED.with(lang, &[("path", &path)])
        ));
    }
    let (mut rows, broken) = (listing.notes, listing.broken);
    rows.retain(|s| filter.keeps(s));
    if let Some(text) = &filter.search {
        let found = store.search(text)?;
        rows.retain(|s| found.contains(&s.id));
    }
    Ok((rows, broken))
}

/// Every note that can be read; each broken file is named on stderr, so
/// one bad file never hides the others.
pub fn readable_notes(store: &Store, lang: Lang) -> Result<Vec<CaseNote>> {
    let (notes, broken) = store.all()?;
    report_broken(&broken, lang);
    Ok(notes)
}

/// Names each file that could not be read, with why, on stderr.
pub fn report_broken(broken: &[Broken], lang: Lang) {
    for b in broken {
        let file = b.path.display().to_string();
        let error = crate::error::describe(&b.error, lang);
        // A TOML error names the file already, with its line and column.
        let warning = if error.starts_with(&file) {
            i18n::WARN_SKIPPED.with(lang, &[("error", &error)])
        } else {
            i18n::WARN_BROKEN_NOTE.with(lang, &[("file", &file), ("error", &error)])
        };
        say(format!("driehoek: {warning}"));
    }
}
