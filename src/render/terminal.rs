//! A note for reading in a terminal. Works without colour: structure comes
//! from layout, and styling only adds emphasis.

use comfy_table::CellAlignment;
use console::style;

use super::{Block, Doc};

pub fn render(doc: &Doc) -> String {
    let mut out = format!("{}\n", style(&doc.title).bold());
    out.push_str(&"═".repeat(doc.title.chars().count().clamp(3, 72)));
    out.push('\n');
    out.push_str(&blocks(&doc.blocks));
    out
}

/// Blocks on their own, as the end-of-walk summary shows them.
pub fn blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(h) => {
                out.push_str(&format!(
                    "\n{}\n{}\n",
                    style(h).bold(),
                    "─".repeat(h.chars().count())
                ));
            }
            Block::Meta(m) => out.push_str(&format!("{}\n", style(m).dim())),
            Block::Quote(q) => {
                for line in q.lines() {
                    out.push_str(&format!("│ {line}\n"));
                }
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let mut t = super::table::styled(head);
                for r in rows {
                    t.add_row(r);
                }
                for &i in numeric {
                    if let Some(col) = t.column_mut(i) {
                        col.set_cell_alignment(CellAlignment::Right);
                    }
                }
                out.push_str(&format!("{t}\n"));
            }
            Block::Picture(p) => {
                out.push('\n');
                out.push_str(p);
            }
            // Files beside an export; the terminal draws its own pictures.
            Block::Image { .. } => {}
            Block::Answer { question, answer } => {
                out.push_str(&format!("{}\n", style(question).bold()));
                for line in answer.lines() {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        }
    }
    out
}
