//! Notes as one self-contained HTML page, to read on a screen and to print
//! on A4 for the team's meeting. maud escapes every piece of text by
//! construction; the only markup taken whole is our own CSS and the note's
//! SVG drawing, which escapes its text itself. A Content-Security-Policy
//! forbids every request and every script: the page loads and runs nothing.
//! Control characters and bidi overrides show as placeholders, as in a
//! terminal: they have no place in a page, nor in a file someone `cat`s.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Block, Doc, picture, svg};
use crate::domain::note::CaseNote;
use crate::i18n::Lang;
use crate::printable::printable;

/// Nothing may be fetched or run; only the page's own inline style applies.
const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const CSS: &str = include_str!("html.css");

/// One note (or the agenda's overview) in a page.
pub struct Part<'a> {
    pub doc: &'a Doc,
    /// The language the note's own words are written in (the agenda's
    /// overview: the reader's).
    pub note_lang: Lang,
    /// SVG documents for the text drawings, as (text drawing, SVG): each
    /// stands where its text drawing stood. A drawing without one is shown
    /// as text.
    pub drawings: &'a [(String, String)],
}

/// A note's drawings as SVG, each with the text drawing it stands for,
/// labelled in the reader's language.
pub fn drawings(note: &CaseNote, ui_lang: Lang) -> Vec<(String, String)> {
    let triangle = (
        picture::triangle(note, ui_lang),
        svg::triangle(note, ui_lang),
    );
    let mut out = vec![triangle];
    if let Some(profile) = svg::profile(note, ui_lang) {
        out.push((picture::profile(note, ui_lang), profile));
    }
    out
}

/// A page of `parts`, each after the first from a new sheet of paper. The
/// page's language is its one part's, or the reader's (`ui_lang`) for
/// several; words of the reader's language inside a part in another say so.
pub fn render(title: &str, ui_lang: Lang, parts: &[Part]) -> String {
    let page_lang = match parts {
        [one] => one.note_lang,
        _ => ui_lang,
    };
    let body = html! {
        @for part in parts {
            (article(part, ui_lang, page_lang))
        }
    };
    document(title, page_lang, body)
}

/// The page for the person: `doc` alone, wholly in its language `lang`
/// (the note's), in the larger type of [`person_article`].
pub fn person(doc: &Doc, lang: Lang) -> String {
    document(&doc.title, lang, person_article(doc, lang, lang))
}

/// The page for the person as an article in a page of `page_lang` (the
/// browser's pages are in the reader's language): a larger type, quotes
/// upright, nothing but text.
pub fn person_article(doc: &Doc, lang: Lang, page_lang: Lang) -> Markup {
    let article_lang = (lang != page_lang).then_some(lang.code());
    html! {
        article.person lang=[article_lang] {
            h1 { (printable(&doc.title)) }
            @for block in &doc.blocks { (block_html(block, None, &[])) }
        }
    }
}

/// A whole page around `body`, in `lang`.
fn document(title: &str, lang: Lang, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (printable(title)) }
                style { (PreEscaped(CSS)) }
            }
            body { (body) }
        }
    }
    .into_string()
}

/// A part: its title, then its blocks in order.
pub fn article(part: &Part, ui_lang: Lang, page_lang: Lang) -> Markup {
    let ui = (ui_lang != part.note_lang).then_some(ui_lang.code());
    let article_lang = (part.note_lang != page_lang).then_some(part.note_lang.code());
    html! {
        article lang=[article_lang] {
            h1 { (printable(&part.doc.title)) }
            @for block in &part.doc.blocks { (block_html(block, ui, part.drawings)) }
        }
    }
}

/// One block. `ui` is the reader's language where it differs from the
/// note's: labels and headings are in it, answers are not.
fn block_html(block: &Block, ui: Option<&str>, drawings: &[(String, String)]) -> Markup {
    match block {
        Block::Heading(h) => html! { h2 lang=[ui] { (printable(h)) } },
        Block::Meta(m) => html! { p.meta lang=[ui] { (printable(m)) } },
        Block::Field { label, value } => html! {
            p.field lang=[ui] {
                span.label { (printable(label)) ":" }
                " "
                @match value {
                    Some(v) => span.value { (printable(v)) },
                    None => span.blank {},
                }
            }
        },
        Block::WriteBox(label) => html! {
            section.writebox lang=[ui] { h2 { (printable(label)) } }
        },
        Block::Quote(q) => html! { blockquote { (paragraphs(q)) } },
        Block::Text(t) => paragraphs(t),
        Block::Answer { question, answer } => html! {
            div.answer {
                p.question { (printable(question)) }
                div { (paragraphs(answer)) }
            }
        },
        Block::Table {
            head,
            rows,
            numeric,
        } => {
            let class = |i: usize| numeric.contains(&i).then_some("num");
            // A table of more than three columns is "wide": on a phone
            // each row becomes a card, each cell after its column's name
            // (data-label), where equal columns broke every word.
            let wide = (head.len() > WIDE).then_some("wide");
            let label = |i: usize| wide.and(head.get(i)).map(|h| printable(h).into_owned());
            html! {
                table class=[wide] {
                    thead lang=[ui] {
                        tr { @for (i, h) in head.iter().enumerate() { th class=[class(i)] { (printable(h)) } } }
                    }
                    tbody {
                        @for row in rows {
                            tr { @for (i, c) in row.iter().enumerate() { td class=[class(i)] data-label=[label(i)] { (lines(c)) } } }
                        }
                    }
                }
            }
        }
        Block::Picture(p) => match drawings.iter().find(|(text, _)| text == p) {
            Some((_, svg)) => html! { figure { (PreEscaped(svg_element(svg))) } },
            None => html! { pre { (printable(p)) } },
        },
        // A file beside a Markdown export; the page holds its drawing itself.
        Block::Image { .. } => html! {},
    }
}

/// The most columns a table keeps on a phone's width; a wider one is a
/// card per row there (the browser's style sheet).
const WIDE: usize = 3;

/// The `<svg>` element of a standalone SVG document, without its XML
/// declaration (HTML takes the element as it is).
fn svg_element(svg: &str) -> &str {
    svg.find("<svg").map_or("", |at| &svg[at..])
}

/// Free text as paragraphs (split at blank lines), the person's line
/// breaks kept.
fn paragraphs(text: &str) -> Markup {
    html! {
        @for para in text.trim().split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            p { (lines(para)) }
        }
    }
}

/// Text with its line breaks as `<br>`.
fn lines(text: &str) -> Markup {
    html! {
        @for (i, line) in text.lines().enumerate() {
            @if i > 0 { br; }
            (printable(line))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(blocks: Vec<Block>) -> Doc {
        Doc {
            title: "Titel <b>".into(),
            blocks,
        }
    }

    fn page(doc: &Doc, drawings: &[(String, String)]) -> String {
        render(
            &doc.title,
            Lang::Nl,
            &[Part {
                doc,
                note_lang: Lang::Nl,
                drawings,
            }],
        )
    }

    #[test]
    fn text_is_escaped_and_control_characters_replaced() {
        let d = doc(vec![
            Block::Heading("<script>alert(1)</script>".into()),
            Block::Answer {
                question: "Wat & waarom?".into(),
                answer: "\"x\" <img src=x onerror=alert(1)>\n\x1b[31mrood".into(),
            },
            Block::Table {
                head: vec!["a".into(), "b".into()],
                rows: vec![vec!["<td>".into(), "1\n2".into()]],
                numeric: vec![1],
            },
        ]);
        let out = page(&d, &[]);
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains('\x1b'), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
        assert!(out.contains("<title>Titel &lt;b&gt;</title>"), "{out}");
        assert!(out.contains("Wat &amp; waarom?"), "{out}");
        assert!(out.contains("<br>␛[31mrood"), "{out}");
        assert!(
            out.contains("<td>&lt;td&gt;</td><td class=\"num\">1<br>2</td>"),
            "{out}"
        );
    }

    #[test]
    fn a_field_is_filled_or_left_to_write_on_and_the_advice_box_stands_empty() {
        let d = doc(vec![
            Block::Field {
                label: "Overleg".into(),
                value: Some("<b>8 dec.</b>".into()),
            },
            Block::Field {
                label: "Overleg".into(),
                value: None,
            },
            Block::WriteBox("Advies & zo".into()),
        ]);
        let out = page(&d, &[]);
        assert!(
            out.contains("<p class=\"field\"><span class=\"label\">Overleg:</span> <span class=\"value\">&lt;b&gt;8 dec.&lt;/b&gt;</span></p>"),
            "{out}"
        );
        assert!(out.contains("<span class=\"blank\"></span>"), "{out}");
        assert!(
            out.contains("<section class=\"writebox\"><h2>Advies &amp; zo</h2></section>"),
            "{out}"
        );
    }

    #[test]
    fn the_page_forbids_requests_and_says_its_language() {
        let d = doc(vec![Block::Meta("m".into())]);
        let out = render(
            "t",
            Lang::Nl,
            &[Part {
                doc: &d,
                note_lang: Lang::En,
                drawings: &[],
            }],
        );
        assert!(
            out.starts_with("<!DOCTYPE html><html lang=\"en\">"),
            "{out}"
        );
        assert!(out.contains(&format!("content=\"{CSP}\"")), "{out}");
        // The reader's Dutch labels are marked as Dutch inside an English note.
        assert!(out.contains("<p class=\"meta\" lang=\"nl\">m</p>"), "{out}");
    }

    #[test]
    fn drawings_stand_where_their_text_pictures_stood() {
        let d = doc(vec![
            Block::Heading("Driehoek".into()),
            Block::Picture("  /\\\n".into()),
            Block::Heading("Profiel".into()),
            Block::Picture("--o--\n".into()),
        ]);
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n";
        let out = page(&d, &[("--o--\n".into(), svg.into())]);
        assert!(
            out.contains("<h2>Profiel</h2><figure><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n</figure>"),
            "{out}"
        );
        assert!(!out.contains("<?xml"), "{out}");
        // A drawing without an SVG is shown as it is.
        assert!(out.contains("<h2>Driehoek</h2><pre>  /\\\n</pre>"), "{out}");
    }

    #[test]
    fn parts_after_the_first_are_articles_of_their_own_language() {
        let a = doc(vec![Block::Heading("Agenda".into())]);
        let b = doc(vec![Block::Quote("een\n\ntwee".into())]);
        let out = render(
            "Agenda",
            Lang::Nl,
            &[
                Part {
                    doc: &a,
                    note_lang: Lang::Nl,
                    drawings: &[],
                },
                Part {
                    doc: &b,
                    note_lang: Lang::En,
                    drawings: &[],
                },
            ],
        );
        assert!(out.contains("<html lang=\"nl\">"), "{out}");
        assert_eq!(out.matches("<article").count(), 2, "{out}");
        assert!(out.contains("<article lang=\"en\">"), "{out}");
        assert!(
            out.contains("<blockquote><p>een</p><p>twee</p></blockquote>"),
            "{out}"
        );
    }
}
