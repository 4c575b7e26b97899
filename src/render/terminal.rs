//! A note for reading in a terminal. Works without colour: structure comes
//! from layout, and styling only adds emphasis.

use comfy_table::CellAlignment;
use unicode_width::UnicodeWidthStr;

use super::{Block, Doc};
use crate::printable::{Look, Styled, printable};

/// The columns a table fits in when its output is not a terminal (a
/// pipe into `less`, a file): wide enough to read, narrow enough to print.
pub const PIPE_WIDTH: usize = 100;

/// A document; with a `width`, long lines are wrapped between words. It
/// is laid out and styled here, and painted by the door that writes it.
pub fn render(doc: &Doc, width: Option<usize>) -> Styled {
    let title = printable(&doc.title);
    let mut out = Styled::looking(&wrapped(&title, "", width), Look::Bold);
    let rule = "═".repeat(title.chars().count().clamp(3, width.unwrap_or(72).min(72)));
    out.push(&rule, Look::Plain).push("\n", Look::Plain);
    out.append(&blocks(&doc.blocks, width));
    out
}

/// `text`'s lines, each wrapped to fit after `prefix` and prefixed with it.
fn wrapped(text: &str, prefix: &str, width: Option<usize>) -> String {
    let mut out = String::new();
    for line in text.lines() {
        match width {
            Some(w) if w > prefix.len() + 10 => {
                for part in textwrap::wrap(line, w - prefix.chars().count()) {
                    out.push_str(&format!("{}\n", format!("{prefix}{part}").trim_end()));
                }
            }
            _ => out.push_str(&format!("{prefix}{line}\n")),
        }
    }
    out
}

/// A block with all its text made [`printable`]: what a note, a question
/// set or a practice case says never steers the terminal.
fn cleaned(block: &Block) -> Block {
    let text = |s: &String| printable(s).into_owned();
    match block {
        Block::Heading(h) => Block::Heading(text(h)),
        Block::Meta(m) => Block::Meta(text(m)),
        Block::Quote(q) => Block::Quote(text(q)),
        Block::Text(t) => Block::Text(text(t)),
        Block::Picture(p) => Block::Picture(text(p)),
        Block::Field { label, value } => Block::Field {
            label: text(label),
            value: value.as_ref().map(text),
        },
        Block::WriteBox(label) => Block::WriteBox(text(label)),
        Block::Image { alt, src } => Block::Image {
            alt: text(alt),
            src: text(src),
        },
        Block::Answer { question, answer } => Block::Answer {
            question: text(question),
            answer: text(answer),
        },
        Block::Table {
            head,
            rows,
            numeric,
        } => Block::Table {
            head: head.iter().map(text).collect(),
            rows: rows.iter().map(|r| r.iter().map(text).collect()).collect(),
            numeric: numeric.clone(),
        },
    }
}

/// The longest word a column keeps whole: longer ones may break.
const WHOLE_WORD: usize = 16;

/// The narrowest a column without a lower bound gets.
const NARROWEST: usize = 6;

/// Keeps columns at least as wide as their longest word (up to
/// [`WHOLE_WORD`]), the columns of short words first, as far as they fit
/// in `width` beside the rest: "Doorgebroken" never reads as
/// "Doorgebroke" over "n" while a long rule line can still wrap. False
/// when not every column fits so.
fn whole_words(
    t: &mut comfy_table::Table,
    head: &[String],
    rows: &[Vec<String>],
    width: Option<usize>,
) -> bool {
    let Some(width) = width else { return true };
    let words = |cell: &String| {
        cell.split_whitespace()
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    };
    let mut least: Vec<(usize, usize)> = (0..head.len())
        .map(|i| {
            let column = std::iter::once(&head[i]).chain(rows.iter().filter_map(|r| r.get(i)));
            (column.map(words).max().unwrap_or(0).min(WHOLE_WORD), i)
        })
        .collect();
    least.sort_unstable();
    // Each column also takes a border and two spaces of padding.
    let mut room = width.saturating_sub(3 * head.len() + 1);
    for (n, (w, i)) in least.iter().enumerate() {
        let others = NARROWEST * (least.len() - n - 1);
        if w + others > room {
            return false;
        }
        room -= w;
        if let Some(col) = t.column_mut(*i) {
            let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
            col.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                comfy_table::Width::Fixed(w),
            ));
        }
    }
    true
}

/// A table in the tool's one style, each column at least as wide as its
/// longest word. When the columns cannot all be so in `width` (a report
/// of eight columns at 80), each row is a record instead: its first cell
/// on a line, then every other cell after its column's name. A table that
/// broke its words ("Eigena" over "ar", "stadsde" over "el") was not to
/// be read.
fn table(
    out: &mut Styled,
    head: &[String],
    rows: &[Vec<String>],
    numeric: &[usize],
    width: Option<usize>,
) {
    let mut t = super::table::styled(head, width);
    for r in rows {
        t.add_row(r);
    }
    for &i in numeric {
        if let Some(col) = t.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    if whole_words(&mut t, head, rows, width) {
        out.push(&format!("{t}\n"), Look::Plain);
        return;
    }
    for row in rows {
        let mut cells = row.iter();
        if let Some(first) = cells.next() {
            out.push(&wrapped(first, "", width), Look::Bold);
        }
        for (name, cell) in head.iter().skip(1).zip(cells) {
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(
                &wrapped(&format!("{name}: {cell}"), "  ", width),
                Look::Plain,
            );
        }
        out.push("\n", Look::Plain);
    }
}

/// Blocks on their own, as the end-of-walk summary shows them.
pub fn blocks(blocks: &[Block], width: Option<usize>) -> Styled {
    let mut out = Styled::new();
    for block in blocks {
        match &cleaned(block) {
            Block::Heading(h) => {
                let rule = h.chars().count().min(width.unwrap_or(usize::MAX));
                out.push("\n", Look::Plain);
                out.push(&wrapped(h, "", width), Look::Bold);
                out.push(&"─".repeat(rule), Look::Plain);
                out.push("\n", Look::Plain);
            }
            Block::Meta(m) => {
                out.push(&wrapped(m, "", width), Look::Dim);
            }
            Block::Quote(q) => {
                out.push(&wrapped(q, "│ ", width), Look::Plain);
            }
            Block::Text(t) => {
                out.push(&wrapped(t, "", width), Look::Plain);
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => table(&mut out, head, rows, numeric, width),
            Block::Picture(p) => {
                out.push(&format!("\n{p}\n"), Look::Plain);
            }

            Block::Field {
                label,
                value: Some(value),
            } => {
                out.push(&wrapped(&format!("{label}: {value}"), "", width), Look::Dim);
            }
            // Room to write in is for paper.
            Block::Field { value: None, .. } | Block::WriteBox(_) => {}
            // Files beside an export; the terminal draws its own pictures.
            Block::Image { .. } => {}
            Block::Answer { question, answer } => {
                out.push(&wrapped(question, "", width), Look::Bold);
                out.push(&wrapped(answer, "  ", width), Look::Plain);
            }
        }
    }
    out
}
