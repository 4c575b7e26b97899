//! The list of notes as a table.

use comfy_table::{ContentArrangement, Table, presets};

use super::date;
use crate::i18n::{self, Lang};
use crate::note::{CaseNote, Verdict};

pub fn render(notes: &[CaseNote], lang: Lang) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(
            [
                i18n::H_ID,
                i18n::H_DATE,
                i18n::H_TITLE,
                i18n::H_LAW,
                i18n::H_MONEY,
                i18n::H_SELF,
                i18n::H_SCOPE,
            ]
            .map(|h| h.get(lang)),
        );
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
