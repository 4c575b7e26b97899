//! A note as CommonMark, for the team's meeting. Answers are the
//! person's text, never Markdown: whatever they hold, they cannot open or
//! close a code block, add a heading, a list, a quote, a table or indented
//! code, or embed an image that loads from the network. The document's
//! structure is the renderer's alone.

use super::{Block, Doc};
use crate::printable::printable;

/// The document as CommonMark. Written straight into one buffer: an export
/// of every note renders ten thousand of these.
pub fn render(doc: &Doc) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("# ");
    inline(&mut out, &doc.title);
    out.push('\n');
    // Drawings in text break when pasted into Word, Teams or an e-mail:
    // here the pictures are the SVG beside the file (an Image block). Room
    // to write in is for the printed page.
    let blocks: Vec<&Block> = doc
        .blocks
        .iter()
        .filter(|b| {
            !matches!(
                b,
                Block::Picture(_) | Block::WriteBox(_) | Block::Field { value: None, .. }
            )
        })
        .collect();
    for (i, block) in blocks.iter().enumerate() {
        match block {
            // A heading whose only content was a drawing stands empty.
            Block::Heading(_) if matches!(blocks.get(i + 1), None | Some(Block::Heading(_))) => {
                continue;
            }
            _ => out.push('\n'),
        }
        match block {
            Block::Heading(h) => {
                out.push_str("## ");
                inline(&mut out, h);
                out.push('\n');
            }
            Block::Meta(m) if m.trim().is_empty() => {}
            Block::Meta(m) => {
                out.push('*');
                inline(&mut out, m);
                out.push_str("*\n");
            }
            Block::Quote(q) => {
                let text = paragraph(q);
                if text.is_empty() {
                    out.push_str(">\n");
                }
                for line in text.lines() {
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
            Block::Field {
                label,
                value: Some(value),
            } => {
                out.push('*');
                inline(&mut out, &format!("{label}: {value}"));
                out.push_str("*\n");
            }
            // Left out above.
            Block::Picture(_) | Block::WriteBox(_) | Block::Field { value: None, .. } => {}
            Block::Image { alt, src } => {
                out.push_str("![");
                // Its brackets and backslashes escaped as all text is.
                inline(&mut out, alt);
                out.push_str("](<");
                for c in src.chars() {
                    match c {
                        '>' | '<' | '\n' | '\r' | '\\' => {
                            out.push_str(&format!("%{:02X}", u32::from(c)))
                        }
                        c => out.push(c),
                    }
                }
                out.push_str(">)\n");
            }
            Block::Text(t) => {
                out.push_str(&paragraph(t));
                out.push('\n');
            }
            Block::Answer { question, answer } => {
                if !question.trim().is_empty() {
                    out.push_str("**");
                    inline(&mut out, question);
                    out.push_str("**\n\n");
                }
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

/// Text on one line: no line breaks, nothing read as HTML, and no `*` or
/// `_` of its own (it may stand between the renderer's `*…*`).
fn inline(out: &mut String, s: &str) {
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let start = out.len();
        escape_html(out, word);
        if out[start..].contains(['*', '_']) {
            let escaped = out[start..].replace('*', "\\*").replace('_', "\\_");
            out.truncate(start);
            out.push_str(&escaped);
        }
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
/// breaks (CommonMark would otherwise join the lines). Each line starts
/// with its text: no indent (indented code), and a first character that
/// would start a block (`#`, `>`, `-`, `1.`, a fence …) is escaped.
fn paragraph(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    escape_html(&mut text, s.trim());
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = String::with_capacity(text.len() + 2 * lines.len());
    for (i, line) in lines.iter().enumerate() {
        escape_line_start(&mut out, line);
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

/// A line of free text, with what would open a block at its start
/// escaped: ATX headings, quotes, list markers, thematic breaks, setext
/// underlines, fences, table rows and link definitions.
fn escape_line_start(out: &mut String, line: &str) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line.as_bytes().first() {
        Some(b'#' | b'>' | b'-' | b'+' | b'*' | b'=' | b'_' | b'`' | b'~' | b'|' | b':' | b'[') => {
            out.push('\\');
            out.push_str(line);
        }
        // An ordered list: "1." or "1)".
        Some(_) if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) => {
            out.push_str(&line[..digits]);
            out.push('\\');
            out.push_str(&line[digits..]);
        }
        _ => out.push_str(line),
    }
}

/// Text as Markdown inline content: nothing read as HTML (`<` escaped),
/// no link, image or reference (brackets and backslashes escaped, so a
/// typed `[tekst](https://…)` stays text and nothing loads from the
/// network), and nothing that could steer a terminal the Markdown is
/// printed to.
fn escape_html(out: &mut String, s: &str) {
    let s = printable(s);
    let mut rest = &*s;
    while let Some(at) = rest.find(['<', '[', ']', '\\']) {
        out.push_str(&rest[..at]);
        match rest.as_bytes()[at] {
            b'<' => out.push_str("&lt;"),
            c => {
                out.push('\\');
                out.push(char::from(c));
            }
        }
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
    fn room_to_write_and_headings_left_empty_stay_off_the_page() {
        let doc = Doc {
            title: "T".into(),
            blocks: vec![
                Block::Field {
                    label: "Overleg".into(),
                    value: Some("8 dec. 2026".into()),
                },
                Block::Field {
                    label: "Leeg".into(),
                    value: None,
                },
                Block::WriteBox("Advies".into()),
                Block::Heading("Driehoek".into()),
                Block::Picture("/\\".into()),
                Block::Heading("Profiel".into()),
                Block::Meta("m".into()),
                Block::Heading("Einde".into()),
            ],
        };
        assert_eq!(
            render(&doc),
            "# T\n\n*Overleg: 8 dec. 2026*\n\n## Profiel\n\n*m*\n"
        );
    }

    #[test]
    fn line_breaks_in_answers_are_kept() {
        assert_eq!(paragraph("een\ntwee\n\ndrie"), "een\\\ntwee\n\ndrie");
    }

    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// A document with `answer` in every place a note's text can go.
    fn with_answer(answer: &str) -> Doc {
        let text = || answer.to_string();
        Doc {
            title: text(),
            blocks: vec![
                Block::Meta(text()),
                Block::Image {
                    alt: text(),
                    src: "x.svg".into(),
                },
                Block::Heading("Eigen woorden".into()),
                Block::Quote(text()),
                Block::Table {
                    head: vec![text(), "oordeel".into()],
                    rows: vec![vec![text(), text()]],
                    numeric: vec![1],
                },
                Block::Picture(format!("╱╲ {answer}\n")),
                Block::Heading("Casus".into()),
                Block::Answer {
                    question: text(),
                    answer: text(),
                },
                Block::Answer {
                    question: "Wens".into(),
                    answer: text(),
                },
            ],
        }
    }

    /// What a Markdown reader makes of the structure: headings by level,
    /// and every block element, image and piece of HTML.
    fn structure(markdown: &str) -> Vec<String> {
        let mut found = Vec::new();
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => found.push(format!("{level}")),
                Event::Start(Tag::CodeBlock(kind)) => found.push(format!("code {kind:?}")),
                Event::Start(Tag::Image { dest_url, .. }) => {
                    found.push(format!("image {dest_url}"))
                }
                Event::Start(
                    t @ (Tag::List(_)
                    | Tag::Item
                    | Tag::BlockQuote(_)
                    | Tag::Table(_)
                    | Tag::HtmlBlock
                    | Tag::FootnoteDefinition(_)),
                ) => found.push(format!("{t:?}")),
                // Line breaks in table cells are the renderer's own.
                Event::InlineHtml(h) if &*h == "<br>" => {}
                Event::Html(h) | Event::InlineHtml(h) => found.push(format!("html {h}")),
                Event::Rule => found.push("rule".into()),
                Event::End(TagEnd::CodeBlock) => found.push("end code".into()),
                _ => {}
            }
        }
        found
    }

    const ATTACKS: &[&str] = &[
        "```\ncode\n```",
        "~~~\nx",
        "text\n```\nopen",
        "# kop",
        "kop\n===",
        "kop\n---",
        "    ingesprongen code",
        "a\n\n    code na een lege regel",
        "\t\tcode",
        "- lijst\n- twee",
        "* ster",
        "+ plus",
        "1. een\n2) twee",
        "> citaat",
        "![foto](https://example.org/x.png)",
        "tekst ![x][r]\n\n[r]: https://example.org/y.png",
        "<img src=https://example.org/z.png>",
        "| a | b |\n|---|---|\n| c | d |",
        "a | b\n--|--",
        "***",
        "[^1]: voetnoot",
        "````\n````",
        "<!-- -->",
        "- [ ] taak",
    ];

    #[test]
    fn no_answer_changes_the_structure() {
        let expected = structure(&render(&with_answer("gewoon een antwoord")));
        for attack in ATTACKS {
            let markdown = render(&with_answer(attack));
            assert_eq!(structure(&markdown), expected, "{attack:?}:\n{markdown}");
        }
    }

    #[test]
    fn the_structure_holds_for_any_answer() {
        proptest::proptest!(proptest::test_runner::Config::with_cases(2000), |(answer in "[-#>*+=_`~|:!\\[\\]()<>0-9. a-z\n\t]{0,40}|\\PC{0,40}")| {
            let expected = structure(&render(&with_answer("gewoon")));
            let markdown = render(&with_answer(&answer));
            proptest::prop_assert_eq!(structure(&markdown), expected, "{:?}:\n{}", answer, markdown);
        });
    }
}
