//! A note as CommonMark, for the team's meeting.

use super::{Block, Doc};

/// The document as CommonMark. Written straight into one buffer: an export
/// of every note renders ten thousand of these.
pub fn render(doc: &Doc) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("# ");
    inline(&mut out, &doc.title);
    out.push('\n');
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading(h) => {
                out.push_str("## ");
                inline(&mut out, h);
                out.push('\n');
            }
            Block::Meta(m) => {
                out.push('*');
                inline(&mut out, m);
                out.push_str("*\n");
            }
            Block::Quote(q) => {
                for line in paragraph(q).lines() {
                    out.push('>');
                    if !line.is_empty() {
                        out.push(' ');
                        out.push_str(line);
                    }
                    out.push('\n');
                }
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                row(&mut out, head);
                out.push('|');
                for i in 0..head.len() {
                    out.push_str(if numeric.contains(&i) {
                        "---:|"
                    } else {
                        "---|"
                    });
                }
                out.push('\n');
                for r in rows {
                    row(&mut out, r);
                }
            }
            Block::Picture(p) => {
                // Four backticks: a drawing never holds a run that long.
                out.push_str("````text\n");
                out.push_str(p);
                out.push_str("````\n");
            }
            Block::Image { alt, src } => {
                out.push_str("![");
                inline(&mut out, alt);
                out.push_str("](<");
                out.push_str(&src.replace('>', "%3E"));
                out.push_str(">)\n");
            }
            Block::Answer { question, answer } => {
                out.push_str("**");
                inline(&mut out, question);
                out.push_str("**\n\n");
                out.push_str(&paragraph(answer));
                out.push('\n');
            }
        }
    }
    out
}

fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        cell(out, c);
        out.push_str(" |");
    }
    out.push('\n');
}

/// Text on one line: no line breaks, and nothing read as HTML.
fn inline(out: &mut String, s: &str) {
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        escape_html(out, word);
    }
}

/// A table cell: one line, pipes escaped, line breaks kept as `<br>`.
fn cell(out: &mut String, s: &str) {
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for (j, word) in line.split_whitespace().enumerate() {
            if j > 0 {
                out.push(' ');
            }
            for part in word.split_inclusive('|') {
                match part.strip_suffix('|') {
                    Some(text) => {
                        escape_html(out, text);
                        out.push_str("\\|");
                    }
                    None => escape_html(out, part),
                }
            }
        }
    }
}

/// Free text as paragraphs, with the person's line breaks kept as hard
/// breaks (CommonMark would otherwise join the lines).
fn paragraph(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    escape_html(&mut text, s.trim());
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut out = String::with_capacity(text.len() + lines.len());
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

fn escape_html(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = memchr::memchr(b'<', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        out.push_str("&lt;");
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: fn(&mut String, &str), s: &str) -> String {
        let mut out = String::new();
        f(&mut out, s);
        out
    }

    #[test]
    fn cells_stay_on_one_line_and_pipes_are_escaped() {
        assert_eq!(with(cell, "a | b\nc"), "a \\| b<br>c");
        assert_eq!(with(cell, "|x|| <y>"), "\\|x\\|\\| &lt;y>");
        assert_eq!(with(inline, "<b>vet</b>\n x"), "&lt;b>vet&lt;/b> x");
    }

    #[test]
    fn line_breaks_in_answers_are_kept() {
        assert_eq!(paragraph("een\ntwee\n\ndrie"), "een\\\ntwee\n\ndrie");
    }
}
