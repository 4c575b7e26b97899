//! Tables for the terminal: the list of notes, drafts, kept versions.

use std::path::PathBuf;

use comfy_table::{ColumnConstraint, ContentArrangement, Row, Table, Width, presets};

use unicode_width::UnicodeWidthStr;

use super::picture::{symbol, verdict_legend};
use crate::domain::answer::Scope;
use crate::domain::day::in_table as date;
use crate::domain::note::Draft;
use crate::domain::outcome::Status;
use crate::domain::summary::Summary;
use crate::i18n::{self, Lang, Msg};
use crate::printable::{cut, printable};

/// A table in the tool's one style, fitted to `width` columns when given
/// (else to the terminal when there is one).
pub fn styled<T: ToString>(head: impl IntoIterator<Item = T>, width: Option<usize>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_truncation_indicator("…")
        .set_header(head.into_iter().map(|h| h.to_string()));
    if let Some(w) = width {
        t.set_width(u16::try_from(w).unwrap_or(u16::MAX));
    }
    t
}

/// Keeps the columns in `whole` as wide as their content (ids, dates,
/// keys a person types again); the others share the room that is left,
/// the `title` at least a fifth of it.
pub fn keep_whole(t: &mut Table, whole: &[usize], title: usize) {
    for &i in whole {
        if let Some(col) = t.column_mut(i) {
            col.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    if let Some(col) = t.column_mut(title) {
        col.set_constraint(ColumnConstraint::LowerBoundary(Width::Percentage(20)));
    }
}

/// Adds a row of a list: one line, cut with `…` where it does not fit,
/// its cells (which may hold untrusted text) made [`printable`].
pub fn add_row<T: AsRef<str>>(t: &mut Table, cells: impl IntoIterator<Item = T>) {
    let mut row = Row::from(
        cells
            .into_iter()
            .map(|c| printable(c.as_ref()).into_owned()),
    );
    row.max_height(1);
    t.add_row(row);
}

fn headers<const N: usize>(msgs: [Msg; N], lang: Lang) -> [&'static str; N] {
    msgs.map(|h| h.get(lang))
}

/// The notes: id, date, title, the three verdicts as symbols, scope as
/// its initial, and a legend below. In the same style as [`styled`], but
/// written row by row: comfy-table lays out the whole table in memory
/// first, which at ten thousand notes costs more than everything else
/// `list` does. The table fits `width` columns: the title takes the room
/// that is left, and is cut with `…`.
pub fn render(notes: &[Summary], lang: Lang, width: usize) -> String {
    use i18n::{H_DATE, H_ID, H_LAW, H_MONEY, H_SCOPE, H_SELF, H_TITLE};
    const TITLE: usize = 2;
    let corners = [H_LAW, H_MONEY, H_SELF];
    let initial = |word: &str| {
        word.chars()
            .next()
            .map_or(String::new(), |c| c.to_uppercase().collect())
    };
    let dates: Vec<String> = notes.iter().map(|n| date(n.created, lang)).collect();
    let titles: Vec<String> = notes
        .iter()
        .map(|n| {
            let title = printable(&n.title);
            match n.practice {
                Some(_) => format!("{title} ({})", i18n::PRACTICE_MARK.get(lang)),
                None => title.into_owned(),
            }
        })
        .collect();
    let ids: Vec<_> = notes.iter().map(|n| printable(&n.id)).collect();
    let verdicts: Vec<String> = notes
        .iter()
        .map(|n| {
            let t = &n.triangle;
            [t.law, t.money, t.self_direction].map(symbol).join(" ")
        })
        .collect();
    let scopes: Vec<String> = notes
        .iter()
        .map(|n| n.scope.map_or_else(|| "—".to_string(), |s| s.mark(lang)))
        .collect();
    let statuses: Vec<String> = notes
        .iter()
        .map(|n| initial(n.status.label(lang)))
        .collect();
    let row = |i: usize| -> [&str; 6] {
        [
            &ids[i],
            &dates[i],
            &titles[i],
            &verdicts[i],
            &scopes[i],
            &statuses[i],
        ]
    };
    let triangle_head = corners.map(|c| initial(c.get(lang))).join(" ");
    let head = [
        H_ID.get(lang),
        H_DATE.get(lang),
        H_TITLE.get(lang),
        &triangle_head,
        H_SCOPE.get(lang),
        i18n::H_STATUS.get(lang),
    ];
    let mut out = boxed(head, notes.len(), row, &[TITLE], width);
    let names = corners
        .map(|c| format!("{} {}", initial(c.get(lang)), c.get(lang)))
        .join(" · ");
    // "weet ik nog niet" is explained only where a note says it, so a
    // list without one reads as it always did.
    let unknown = notes.iter().any(|n| n.scope == Some(Scope::WeetNiet));
    let scope_names = [Scope::Structureel, Scope::Incidenteel, Scope::WeetNiet]
        .iter()
        .filter(|s| unknown || **s != Scope::WeetNiet)
        .map(|s| format!("{} {}", s.mark(lang), s.label(lang)))
        .collect::<Vec<_>>()
        .join(" · ");
    let status_names = [Status::Open, Status::Besloten, Status::Uitgevoerd]
        .map(|s| format!("{} {}", initial(s.label(lang)), s.label(lang)))
        .join(" · ");
    let legend = format!(
        "{names}: {} · {}: {scope_names} · {}: {status_names}",
        verdict_legend(lang),
        H_SCOPE.get(lang),
        i18n::H_STATUS.get(lang)
    );
    for part in textwrap::wrap(&legend, width) {
        out.push_str(&part);
        out.push('\n');
    }
    out
}

/// A list as a table in the tool's one style, written row by row
/// (`row(i)` gives the cells of row `i`). Every column is as wide as its
/// widest cell, but the columns in `cut` (the title), which share the room
/// left in `width` columns and cut their cells with `…`.
fn boxed<'a, const N: usize>(
    head: [&'a str; N],
    count: usize,
    row: impl Fn(usize) -> [&'a str; N],
    cut_to_fit: &[usize],
    width: usize,
) -> String {
    let mut widths = head.map(UnicodeWidthStr::width);
    for i in 0..count {
        for (w, cell) in widths.iter_mut().zip(row(i)) {
            *w = (*w).max(cell.width());
        }
    }
    // Each column takes its width plus a space either side and a rule; the
    // narrowest of the columns to cut gets its room first.
    let fixed: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
    let mut room =
        width.saturating_sub(fixed - cut_to_fit.iter().map(|&c| widths[c]).sum::<usize>());
    let mut order = cut_to_fit.to_vec();
    order.sort_by_key(|&c| widths[c]);
    for (n, c) in order.iter().enumerate() {
        widths[*c] = widths[*c].min(room / (order.len() - n)).max(8);
        room = room.saturating_sub(widths[*c]);
    }
    let rule = |left: &str, mid: &str, right: &str, fill: &str| {
        let parts: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
        format!("{left}{}{right}\n", parts.join(mid))
    };
    let line = |cells: [&str; N], out: &mut String| {
        out.push('│');
        for (c, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let cell = cut(cell, w);
            out.push(' ');
            out.push_str(&cell);
            out.push_str(&" ".repeat(w - cell.width() + 1));
            out.push(if c + 1 == N { '│' } else { '┆' });
        }
        out.push('\n');
    };
    let mut out = String::with_capacity((count + 4) * (widths.iter().sum::<usize>() + 30));
    out.push_str(&rule("┌", "┬", "┐", "─"));
    line(head, &mut out);
    out.push_str(&rule("╞", "╪", "╡", "═"));
    for i in 0..count {
        line(row(i), &mut out);
    }
    out.push_str(&rule("└", "┴", "┘", "─"));
    out
}

/// The drafts, each with its title so far (`titles` in the same order).
pub fn drafts(drafts: &[Draft], titles: &[String], lang: Lang, width: usize) -> String {
    use i18n::{H_CHANGED, H_ID, H_PROGRESS, H_TITLE};
    let ids: Vec<_> = drafts.iter().map(|d| printable(&d.id)).collect();
    let dates: Vec<String> = drafts.iter().map(|d| date(d.updated, lang)).collect();
    // What an edit draft edits stands after its title, as a practice
    // note's mark does in the list of notes.
    let titles: Vec<String> = drafts
        .iter()
        .zip(titles)
        .map(|(d, title)| {
            let title = printable(title);
            match &d.edit_of {
                Some(of) => format!("{title} ({} {})", i18n::H_EDIT_OF.get(lang), printable(of)),
                None => title.into_owned(),
            }
        })
        .collect();
    let counts: Vec<String> = drafts.iter().map(|d| d.answers.len().to_string()).collect();
    let head = headers([H_ID, H_CHANGED, H_TITLE, H_PROGRESS], lang);
    let row = |i: usize| [&*ids[i], &dates[i], &titles[i], &counts[i]];
    boxed(head, drafts.len(), row, &[2], width)
}

/// A note's versions as (updated, title, file), oldest first.
pub fn versions(rows: &[(String, String, PathBuf)], lang: Lang, width: usize) -> String {
    let cells: Vec<[String; 3]> = rows
        .iter()
        .map(|(when, title, path)| {
            [when, title, &path.display().to_string()].map(|c| printable(c).into_owned())
        })
        .collect();
    let head = headers([i18n::H_CHANGED, i18n::H_TITLE, i18n::H_FILE], lang);
    let row = |i: usize| cells[i].each_ref().map(String::as_str);
    boxed(head, rows.len(), row, &[1, 2], width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{Bank, DEFAULT_SET};

    #[test]
    fn drafts_and_versions_show_steering_text_as_placeholders() {
        let bank = Bank::embedded();
        let set = bank.get(DEFAULT_SET).unwrap();
        let draft = Draft::new(
            "d\x1b[2J".into(),
            jiff::Timestamp::UNIX_EPOCH,
            set,
            Lang::Nl,
            None,
        );
        let shown = drafts(&[draft], &["titel\x1b]52;c;eA==\x07".into()], Lang::Nl, 100);
        assert!(
            shown.contains("d␛[2J") && shown.contains("titel␛]52;c;eA==␇"),
            "{shown}"
        );
        let rows = [(String::new(), "\u{202E}x".into(), PathBuf::from("a\x07"))];
        let shown = versions(&rows, Lang::Nl, 100);
        assert!(shown.contains("�x") && shown.contains("a␇"), "{shown}");
        assert!(!shown.contains(['\x1b', '\x07', '\u{202E}']));
    }

    #[test]
    fn a_list_fits_its_width_and_cuts_the_title() {
        let bank = Bank::embedded();
        let set = bank.get(DEFAULT_SET).unwrap();
        let draft = Draft::new(
            "ab12cd".into(),
            jiff::Timestamp::UNIX_EPOCH,
            set,
            Lang::Nl,
            None,
        );
        let title =
            "Jongeren die zelf voedselpakketten zijn gaan uitdelen in het buurthuis".to_string();
        for width in [60, 80] {
            let shown = drafts(
                std::slice::from_ref(&draft),
                std::slice::from_ref(&title),
                Lang::Nl,
                width,
            );
            assert!(shown.lines().all(|l| l.chars().count() <= width), "{shown}");
            assert!(
                shown.contains("ab12cd") && shown.contains("Jongeren") && shown.contains('…'),
                "{shown}"
            );
        }
    }
}
