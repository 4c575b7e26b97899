//! Tables for the terminal: the list of notes, drafts, kept versions.

use std::path::PathBuf;

use comfy_table::{ContentArrangement, Table, presets};

use super::date;
use crate::i18n::{self, Lang, Msg};
use crate::note::{CaseNote, Draft, Verdict};

/// A table in the tool's one style, fitted to the terminal when there is one.
pub fn styled<T: ToString>(head: impl IntoIterator<Item = T>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(head.into_iter().map(|h| h.to_string()));
    t
}

fn headers<const N: usize>(msgs: [Msg; N], lang: Lang) -> [&'static str; N] {
    msgs.map(|h| h.get(lang))
}

/// The notes: id, date, title, the three verdicts, scope.
pub fn render(notes: &[CaseNote], lang: Lang) -> String {
    use i18n::{H_DATE, H_ID, H_LAW, H_MONEY, H_SCOPE, H_SELF, H_TITLE};
    let mut t = styled(headers(
        [H_ID, H_DATE, H_TITLE, H_LAW, H_MONEY, H_SELF, H_SCOPE],
        lang,
    ));
    let verdict = |v: Option<Verdict>| v.map_or("—", |v| v.label(lang));
    for n in notes {
        t.add_row([
            n.id.as_str(),
            &date(n.created),
            &n.title,
            verdict(n.triangle.law),
            verdict(n.triangle.money),
            verdict(n.triangle.self_direction),
            n.scope.map_or("—", |s| s.label(lang)),
        ]);
    }
    format!("{t}\n")
}

/// The drafts, each with its title so far (`titles` in the same order).
pub fn drafts(drafts: &[Draft], titles: &[String], lang: Lang) -> String {
    use i18n::{H_EDIT_OF, H_ID, H_PROGRESS, H_STARTED, H_TITLE, H_UPDATED};
    let mut t = styled(headers(
        [H_ID, H_STARTED, H_UPDATED, H_TITLE, H_PROGRESS, H_EDIT_OF],
        lang,
    ));
    for (d, title) in drafts.iter().zip(titles) {
        t.add_row([
            d.id.clone(),
            date(d.started),
            date(d.updated),
            title.clone(),
            d.answers.len().to_string(),
            d.edit_of.clone().unwrap_or_default(),
        ]);
    }
    format!("{t}\n")
}

/// A note's versions as (updated, title, file), oldest first.
pub fn versions(rows: &[(String, String, PathBuf)], lang: Lang) -> String {
    let mut t = styled(headers(
        [i18n::H_UPDATED, i18n::H_TITLE, i18n::H_FILE],
        lang,
    ));
    for (when, title, path) in rows {
        t.add_row([when.clone(), title.clone(), path.display().to_string()]);
    }
    format!("{t}\n")
}
