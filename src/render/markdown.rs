//! A note as CommonMark, for the team's meeting.

use super::{Block, Doc};

pub fn render(doc: &Doc) -> String {
    let mut out = format!("# {}\n", inline(&doc.title));
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading(h) => out.push_str(&format!("## {}\n", inline(h))),
            Block::Meta(m) => out.push_str(&format!("*{}*\n", inline(m))),
            Block::Quote(q) => {
                for line in paragraph(q).lines() {
                    out.push_str(&if line.is_empty() {
                        ">\n".to_string()
                    } else {
                        format!("> {line}\n")
                    });
                }
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                out.push_str(&row(head));
                let rule: Vec<String> = (0..head.len())
                    .map(|i| if numeric.contains(&i) { "---:" } else { "---" }.to_string())
                    .collect();
                out.push_str(&format!("|{}|\n", rule.join("|")));
                for r in rows {
                    out.push_str(&row(r));
                }
            }
            Block::Picture(p) => {
                // Four backticks: a drawing never holds a run that long.
                out.push_str(&format!("````text\n{p}````\n"));
            }
            Block::Image { alt, src } => {
                out.push_str(&format!(
                    "![{}](<{}>)\n",
                    inline(alt),
                    src.replace('>', "%3E")
                ));
            }
            Block::Answer { question, answer } => {
                out.push_str(&format!(
                    "**{}**\n\n{}\n",
                    inline(question),
                    paragraph(answer)
                ));
            }
        }
    }
    out
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Text on one line: no line breaks, and nothing read as HTML.
fn inline(s: &str) -> String {
    escape_html(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A table cell: one line, pipes escaped, line breaks kept as `<br>`.
fn cell(s: &str) -> String {
    let lines: Vec<String> = s.lines().map(|l| inline(l).replace('|', "\\|")).collect();
    lines.join("<br>")
}

/// Free text as paragraphs, with the person's line breaks kept as hard
/// breaks (CommonMark would otherwise join the lines).
fn paragraph(s: &str) -> String {
    let text = escape_html(s.trim());
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let next_is_text = lines.get(i + 1).is_some_and(|n| !n.is_empty());
        if i + 1 < lines.len() {
            if !line.is_empty() && next_is_text {
                out.push('\\');
            }
            out.push('\n');
        }
    }
    out
}

fn escape_html(s: &str) -> String {
    s.replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_stay_on_one_line_and_pipes_are_escaped() {
        assert_eq!(cell("a | b\nc"), "a \\| b<br>c");
        assert_eq!(inline("<b>vet</b>\n x"), "&lt;b>vet&lt;/b> x");
    }

    #[test]
    fn line_breaks_in_answers_are_kept() {
        assert_eq!(paragraph("een\ntwee\n\ndrie"), "een\\\ntwee\n\ndrie");
    }
}
