//! Tables for the terminal: the list of notes, drafts, kept versions.

use std::path::PathBuf;

use comfy_table::{ContentArrangement, Table, presets};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::date;
use crate::i18n::{self, Lang, Msg};
use crate::index::Summary;
use crate::note::{Draft, Verdict};
use crate::printable::printable;

/// A table in the tool's one style, fitted to the terminal when there is one.
pub fn styled<T: ToString>(head: impl IntoIterator<Item = T>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(head.into_iter().map(|h| h.to_string()));
    t
}

/// Adds a row whose cells may hold untrusted text: made [`printable`].
pub fn add_row<T: AsRef<str>>(t: &mut Table, cells: impl IntoIterator<Item = T>) {
    t.add_row(
        cells
            .into_iter()
            .map(|c| printable(c.as_ref()).into_owned()),
    );
}

fn headers<const N: usize>(msgs: [Msg; N], lang: Lang) -> [&'static str; N] {
    msgs.map(|h| h.get(lang))
}

/// The notes: id, date, title, the three verdicts, scope. In the same
/// style as [`styled`], but written row by row: comfy-table lays out the
/// whole table in memory first, which at ten thousand notes costs more
/// than everything else `list` does. With `width` (a terminal), titles are
/// cut to make the rows fit.
pub fn render(notes: &[Summary], lang: Lang, width: Option<usize>) -> String {
    use i18n::{H_DATE, H_ID, H_LAW, H_MONEY, H_SCOPE, H_SELF, H_TITLE};
    const TITLE: usize = 2;
    let verdict = |v: Option<Verdict>| v.map_or("—", |v| v.label(lang));
    let dates: Vec<String> = notes.iter().map(|n| date(n.created)).collect();
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
    let row = |i: usize| -> [&str; 7] {
        let n = &notes[i];
        [
            &ids[i],
            dates[i].as_str(),
            titles[i].as_str(),
            verdict(n.triangle.law),
            verdict(n.triangle.money),
            verdict(n.triangle.self_direction),
            n.scope.map_or("—", |s| s.label(lang)),
        ]
    };
    let head = headers(
        [H_ID, H_DATE, H_TITLE, H_LAW, H_MONEY, H_SELF, H_SCOPE],
        lang,
    );
    let mut widths = head.map(UnicodeWidthStr::width);
    for i in 0..notes.len() {
        for (w, cell) in widths.iter_mut().zip(row(i)) {
            *w = (*w).max(cell.width());
        }
    }
    if let Some(room) = width {
        // Each column takes its width plus a space either side and a rule.
        let total: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
        if total > room {
            widths[TITLE] = widths[TITLE].saturating_sub(total - room).max(10);
        }
    }
    let rule = |left: &str, mid: &str, right: &str, fill: &str| {
        let parts: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
        format!("{left}{}{right}\n", parts.join(mid))
    };
    let line = |cells: [&str; 7], out: &mut String| {
        out.push('│');
        for (c, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let cell = fit(cell, w);
            out.push(' ');
            out.push_str(&cell);
            out.push_str(&" ".repeat(w - cell.width() + 1));
            out.push(if c + 1 == widths.len() { '│' } else { '┆' });
        }
        out.push('\n');
    };
    let mut out = String::with_capacity((notes.len() + 4) * (widths.iter().sum::<usize>() + 30));
    out.push_str(&rule("┌", "┬", "┐", "─"));
    line(head, &mut out);
    out.push_str(&rule("╞", "╪", "╡", "═"));
    for i in 0..notes.len() {
        line(row(i), &mut out);
    }
    out.push_str(&rule("└", "┴", "┘", "─"));
    out
}

/// Text cut to `width` columns, with an ellipsis when cut.
fn fit(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= width {
        return text.into();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out.into()
}

/// The drafts, each with its title so far (`titles` in the same order).
pub fn drafts(drafts: &[Draft], titles: &[String], lang: Lang) -> String {
    use i18n::{H_CHANGED, H_EDIT_OF, H_ID, H_PROGRESS, H_STARTED, H_TITLE};
    let mut t = styled(headers(
        [H_ID, H_STARTED, H_CHANGED, H_TITLE, H_PROGRESS, H_EDIT_OF],
        lang,
    ));
    for (d, title) in drafts.iter().zip(titles) {
        add_row(
            &mut t,
            [
                d.id.clone(),
                date(d.started),
                date(d.updated),
                title.clone(),
                d.answers.len().to_string(),
                d.edit_of.clone().unwrap_or_default(),
            ],
        );
    }
    format!("{t}\n")
}

/// A note's versions as (updated, title, file), oldest first.
pub fn versions(rows: &[(String, String, PathBuf)], lang: Lang) -> String {
    let mut t = styled(headers(
        [i18n::H_CHANGED, i18n::H_TITLE, i18n::H_FILE],
        lang,
    ));
    for (when, title, path) in rows {
        add_row(
            &mut t,
            [when.clone(), title.clone(), path.display().to_string()],
        );
    }
    format!("{t}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Bank, DEFAULT_SET};

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
        let shown = drafts(&[draft], &["titel\x1b]52;c;eA==\x07".into()], Lang::Nl);
        assert!(
            shown.contains("d␛[2J") && shown.contains("titel␛]52;c;eA==␇"),
            "{shown}"
        );
        let rows = [(String::new(), "\u{202E}x".into(), PathBuf::from("a\x07"))];
        let shown = versions(&rows, Lang::Nl);
        assert!(shown.contains("�x") && shown.contains("a␇"), "{shown}");
        assert!(!shown.contains(['\x1b', '\x07', '\u{202E}']));
    }
}
