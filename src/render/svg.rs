//! The method's two pictures as one standalone SVG 1.1 document for
//! exports: the value triangle with a verdict at each corner, and below it
//! the rational/relational profile. Colour only adds emphasis: every
//! verdict is written out as a word and the profile's markers differ in
//! shape, so it reads in greyscale print. No scripts, no external
//! references, one generic font family; all text is escaped.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::picture::{corners, is_maatwerk, on_scale, scale, symbol, verdict_legend};
use crate::domain::answer::Verdict;
use crate::domain::note::{CaseNote, Contrast};
use crate::i18n::{self, Lang};

const MARGIN: f64 = 24.0;
const FONT: &str = "sans-serif";
/// Text sizes in px.
const TITLE: f64 = 18.0;
const LABEL: f64 = 15.0;
const SMALL: f64 = 13.0;
/// The triangle: half its base, its height, the corner circles.
const HALF_BASE: f64 = 130.0;
const HEIGHT: f64 = 190.0;
const CORNER: f64 = 15.0;
/// The profile: row height, distance between scale points, marker radius.
const ROW: f64 = 34.0;
const STEP: f64 = 40.0;
const MARK: f64 = 7.0;
/// Longest visible title, in characters; `<title>` keeps all of it.
const TITLE_CHARS: usize = 80;

const INK: &str = "#1f1f1f";
const TRACK: &str = "#b0b0b0";
const TRACK_FILL: &str = "fill=\"#b0b0b0\"";

/// (circle fill, symbol colour) per verdict.
fn colours(v: Option<Verdict>) -> (&'static str, &'static str) {
    match v {
        Some(Verdict::Ja) => ("#2e7d32", "#ffffff"),
        Some(Verdict::Nee) => ("#c62828", "#ffffff"),
        Some(Verdict::Twijfel) => ("#f9a825", INK),
        None => ("#ffffff", "#616161"),
    }
}

/// Text as XML character data or attribute value: the five special
/// characters escaped, and characters XML 1.0 forbids (control characters,
/// U+FFFE, U+FFFF) and bidi overrides replaced, so user data can never
/// break the document or read backwards.
fn esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c if c.is_control() || crate::printable::steers(c) => out.push(' '),
            c => out.push(c),
        }
    }
}

/// A coordinate to a tenth, without needless decimals. Written by hand in
/// tenths, straight into the document: `{:.1}` takes std's slow exact path,
/// and a string per number was much of what drawing cost; an export of
/// every note writes a million of them.
fn n(x: f64) -> Tenths {
    Tenths((x * 10.0).round() as i64)
}

struct Tenths(i64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sign, abs) = if self.0 < 0 {
            ("-", -self.0)
        } else {
            ("", self.0)
        };
        match abs % 10 {
            0 => write!(f, "{sign}{}", abs / 10),
            d => write!(f, "{sign}{}.{d}", abs / 10),
        }
    }
}

/// A guess at how wide text renders in a generic sans-serif, to size the
/// canvas; wide (East Asian) characters count double.
fn text_width(s: &str, size: f64) -> f64 {
    s.width() as f64 * size * 0.6
}

// Elements are written straight into the document: an export of every
// note draws a million of them.

fn text(out: &mut String, x: f64, y: f64, size: f64, anchor: &str, extra: &str, content: &str) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\"{extra}>",
        n(x),
        n(y),
        n(size),
    );
    esc(out, content);
    out.push_str("</text>\n");
}

fn circle(out: &mut String, x: f64, y: f64, r: f64, style: &str) {
    let _ = writeln!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {style}/>",
        n(x),
        n(y),
        n(r)
    );
}

/// The now/desired markers: now a filled dot, desired a ring, both on one
/// point a ring around a dot.
fn marker(out: &mut String, x: f64, y: f64, now: bool, desired: bool) {
    const RING: &str = "fill=\"#ffffff\" stroke=\"#1f1f1f\" stroke-width=\"2.5\"";
    const DOT: &str = "fill=\"#1f1f1f\"";
    match (now, desired) {
        (true, true) => {
            circle(out, x, y, MARK + 1.5, RING);
            circle(out, x, y, MARK - 3.0, DOT);
        }
        (true, false) => circle(out, x, y, MARK, DOT),
        (false, true) => circle(out, x, y, MARK, RING),
        (false, false) => {}
    }
}

/// The title, the triangle and its legend; returns where the legend sits.
fn triangle_part(
    body: &mut String,
    note: &CaseNote,
    lang: Lang,
    corners: &[(String, Option<Verdict>); 3],
    shown_title: &str,
    width: f64,
) -> f64 {
    text(
        body,
        MARGIN,
        MARGIN + TITLE,
        TITLE,
        "start",
        " font-weight=\"bold\"",
        shown_title,
    );

    // The triangle.
    let cx = (width / 2.0).round();
    let apex_y = MARGIN + TITLE + 24.0 + LABEL + 12.0 + CORNER;
    let base_y = apex_y + HEIGHT;
    let points = [
        (cx, apex_y),
        (cx - HALF_BASE, base_y),
        (cx + HALF_BASE, base_y),
    ];
    let [(x1, y1), (x2, y2), (x3, y3)] = points.map(|(x, y)| (n(x), n(y)));
    let _ = writeln!(
        body,
        "<polygon points=\"{x1},{y1} {x2},{y2} {x3},{y3}\" fill=\"#f4f4f4\" stroke=\"#555555\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
    );
    if is_maatwerk(note) {
        text(
            body,
            cx,
            apex_y + HEIGHT * 2.0 / 3.0 + 6.0,
            TITLE,
            "middle",
            " font-weight=\"bold\"",
            i18n::PIC_MAATWERK.get(lang),
        );
    }
    let label_ys = [
        apex_y - CORNER - 10.0,
        base_y + CORNER + 10.0 + LABEL,
        base_y + CORNER + 10.0 + LABEL,
    ];
    for (((label, verdict), (x, y)), label_y) in corners.iter().zip(points).zip(label_ys) {
        let (fill, ink) = colours(*verdict);
        circle(
            body,
            x,
            y,
            CORNER,
            &format!("fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"1.5\""),
        );
        text(
            body,
            x,
            y + 6.0,
            LABEL + 2.0,
            "middle",
            &format!(" fill=\"{ink}\" font-weight=\"bold\""),
            symbol(*verdict),
        );
        text(body, x, label_y, LABEL, "middle", "", label);
    }
    let y = base_y + CORNER + 10.0 + LABEL + 24.0 + SMALL;
    text(
        body,
        cx,
        y,
        SMALL,
        "middle",
        " fill=\"#444444\" xml:space=\"preserve\"",
        &verdict_legend(lang),
    );
    y
}

/// How an SVG begins that driehoek wrote (a comment after the XML
/// declaration): such a file beside an export may be replaced by the next.
pub const WRITTEN_BY: &str = "<!-- written by driehoek";

/// The note's pictures as a standalone SVG document.
pub fn svg(note: &CaseNote, lang: Lang) -> String {
    draw(note, lang, Parts::Both)
}

/// The triangle alone (with the title), to stand in its own place on a page.
pub fn triangle(note: &CaseNote, lang: Lang) -> String {
    draw(note, lang, Parts::Triangle)
}

/// The profile alone, without its heading (the page has one); none
/// without contrasts.
pub fn profile(note: &CaseNote, lang: Lang) -> Option<String> {
    (!note.contrasts.is_empty()).then(|| draw(note, lang, Parts::Profile))
}

/// Which pictures a document holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parts {
    /// The triangle with the title, the profile below it.
    Both,
    Triangle,
    /// The profile without a heading.
    Profile,
}

impl Parts {
    fn triangle(self) -> bool {
        self != Parts::Profile
    }

    fn profile(self) -> bool {
        self != Parts::Triangle
    }
}

/// The pictures asked for, one below the other.
fn draw(note: &CaseNote, lang: Lang, parts: Parts) -> String {
    let title = if note.title.is_empty() {
        note.id.clone()
    } else {
        note.title.clone()
    };
    let shown_title = if title.chars().count() > TITLE_CHARS {
        let mut t: String = title.chars().take(TITLE_CHARS - 1).collect();
        t.push('…');
        t
    } else {
        title.clone()
    };
    let corners = corners(note, lang);
    let rows: Vec<&Contrast> = note.contrasts.iter().filter(|_| parts.profile()).collect();
    let profile = Profile::measure(rows, lang);
    let width = if parts.triangle() {
        triangle_width(&corners, &shown_title, lang)
    } else {
        0.0
    }
    .max(profile.width())
    .ceil();

    let mut body = String::with_capacity(8 * 1024);
    let mut y = MARGIN;
    if parts.triangle() {
        y = triangle_part(&mut body, note, lang, &corners, &shown_title, width);
    }
    if !profile.rows.is_empty() {
        y = profile.draw(&mut body, y, parts == Parts::Both);
    }
    let desc = corners
        .iter()
        .map(|(l, _)| l.clone())
        .collect::<Vec<_>>()
        .join("; ");
    document(&title, &desc, width, (y + MARGIN).ceil(), &body)
}

/// How wide the triangle's part needs the canvas: its side labels, the
/// title and the legend.
fn triangle_width(corners: &[(String, Option<Verdict>); 3], shown_title: &str, lang: Lang) -> f64 {
    let [_, left, right] = corners;
    let side_label = |l: &str| text_width(l, LABEL) / 2.0;
    let triangle_w =
        2.0 * (MARGIN + HALF_BASE + side_label(&left.0).max(side_label(&right.0)).max(CORNER));
    [
        480.0,
        triangle_w,
        2.0 * MARGIN + text_width(shown_title, TITLE),
        2.0 * MARGIN + text_width(&verdict_legend(lang), SMALL),
    ]
    .into_iter()
    .fold(0.0, f64::max)
}

/// The profile's markers as its legend explains them: (now, desired, word).
fn legend_items(lang: Lang) -> [(bool, bool, &'static str); 3] {
    [
        (true, false, i18n::PIC_NOW.get(lang)),
        (false, true, i18n::PIC_DESIRED.get(lang)),
        (true, true, i18n::PIC_SAME.get(lang)),
    ]
}

/// The rational/relational profile and the widths it is laid out in.
struct Profile<'a> {
    rows: Vec<&'a Contrast>,
    /// The widest rational label (or the column's head).
    left_w: f64,
    /// The widest relational label (or the column's head).
    right_w: f64,
    /// The longest scale's track.
    track_w: f64,
    lang: Lang,
}

impl<'a> Profile<'a> {
    fn measure(rows: Vec<&'a Contrast>, lang: Lang) -> Profile<'a> {
        let widest = |labels: &mut dyn Iterator<Item = f64>| labels.fold(0.0, f64::max);
        let left_w = widest(
            &mut rows
                .iter()
                .map(|c| text_width(&c.rational, LABEL))
                .chain([text_width(i18n::PIC_RATIONAL.get(lang), SMALL)]),
        );
        let right_w = widest(
            &mut rows
                .iter()
                .map(|c| text_width(&c.relational, LABEL))
                .chain([text_width(i18n::PIC_RELATIONAL.get(lang), SMALL)]),
        );
        let track_w = widest(&mut rows.iter().map(|c| {
            let (min, max) = scale(c);
            (max - min) as f64 * STEP
        }));
        Profile {
            rows,
            left_w,
            right_w,
            track_w,
            lang,
        }
    }

    /// How wide the profile needs the canvas (0 without rows): its
    /// columns, and its legend.
    fn width(&self) -> f64 {
        if self.rows.is_empty() {
            return 0.0;
        }
        let columns = MARGIN + self.left_w + 16.0 + self.track_w + 16.0 + self.right_w + MARGIN;
        let legend_w: f64 = legend_items(self.lang)
            .iter()
            .map(|(_, _, t)| 2.0 * MARK + 8.0 + text_width(t, SMALL) + 24.0)
            .sum();
        columns.max(2.0 * MARGIN + legend_w)
    }

    /// Draws the profile below `y` (with its heading when it is not alone);
    /// returns where it ends.
    fn draw(&self, body: &mut String, mut y: f64, heading: bool) -> f64 {
        let lang = self.lang;
        if heading {
            y += 40.0;
            text(
                body,
                MARGIN,
                y,
                LABEL + 1.0,
                "start",
                " font-weight=\"bold\"",
                i18n::H_CONTRASTS.get(lang),
            );
        }
        let label_x = MARGIN + self.left_w;
        let x0 = label_x + 16.0;
        let right_x = x0 + self.track_w + 16.0;
        y += 24.0;
        let head = " fill=\"#444444\"";
        text(
            body,
            label_x,
            y,
            SMALL,
            "end",
            head,
            i18n::PIC_RATIONAL.get(lang),
        );
        text(
            body,
            right_x,
            y,
            SMALL,
            "start",
            head,
            i18n::PIC_RELATIONAL.get(lang),
        );
        y += 28.0;
        for c in &self.rows {
            row(body, c, [label_x, x0, right_x], y);
            y += ROW;
        }
        let mut x = MARGIN + MARK;
        for (now, desired, word) in legend_items(lang) {
            marker(body, x, y, now, desired);
            x += MARK + 8.0;
            text(body, x, y + 4.5, SMALL, "start", "", word);
            x += text_width(word, SMALL) + 24.0 + MARK;
        }
        y
    }
}

/// One row of the profile at height `y`: its labels at `label_x` and
/// `right_x`, its track from `x0`, the arrow from now to desired.
fn row(body: &mut String, c: &Contrast, [label_x, x0, right_x]: [f64; 3], y: f64) {
    let range = scale(c);
    let (min, max) = range;
    let at = |p: i64| x0 + (p - min) as f64 * STEP;
    body.push_str("<g>\n");
    text(body, label_x, y + 5.0, LABEL, "end", "", &c.rational);
    let _ = writeln!(
        body,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{TRACK}\" stroke-width=\"2\"/>",
        n(at(min)),
        n(y),
        n(at(max)),
        n(y)
    );
    for p in min..=max {
        circle(body, at(p), y, 2.5, TRACK_FILL);
    }
    let now = on_scale(c.now, range);
    let desired = on_scale(c.desired, range);
    if let (Some(a), Some(b)) = (now, desired)
        && a != b
    {
        let dir = if b > a { 1.0 } else { -1.0 };
        let from = at(a) + dir * (MARK + 2.0);
        let tip = at(b) - dir * (MARK + 3.0);
        let back = tip - dir * 8.0;
        let _ = writeln!(
            body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{INK}\" stroke-width=\"2\"/>",
            n(from),
            n(y),
            n(back),
            n(y)
        );
        let _ = writeln!(
            body,
            "<polygon points=\"{},{} {},{} {},{}\" fill=\"{INK}\"/>",
            n(tip),
            n(y),
            n(back),
            n(y - 5.0),
            n(back),
            n(y + 5.0)
        );
    }
    for p in min..=max {
        marker(body, at(p), y, now == Some(p), desired == Some(p));
    }
    text(body, right_x, y + 5.0, LABEL, "start", "", &c.relational);
    body.push_str("</g>\n");
}

/// The standalone document around the drawn `body`.
fn document(title: &str, desc: &str, width: f64, height: f64, body: &str) -> String {
    let mut doc = String::with_capacity(body.len() + 512);
    let (w, h) = (n(width), n(height));
    let _ = write!(
        doc,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         {WRITTEN_BY}; a new export replaces it -->\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" fill=\"{INK}\">\n\
         <title>"
    );
    esc(&mut doc, title);
    doc.push_str("</title>\n<desc>");
    esc(&mut doc, desc);
    doc.push_str("</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    doc.push_str(body);
    doc.push_str("</svg>\n");
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::picture::tests::note;

    fn parse(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"))
    }

    fn texts(doc: &roxmltree::Document) -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn a_well_formed_standalone_svg() {
        let n = note(
            Lang::Nl,
            [Some("nee"), Some("ja"), Some("twijfel")],
            &[(Some(2), Some(4)), (Some(3), Some(3)), (Some(4), Some(2))],
        );
        let s = svg(&n, Lang::Nl);
        let doc = parse(&s);
        let root = doc.root_element();
        assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
        assert_eq!(root.attribute("version"), Some("1.1"));
        let (w, h) = (
            root.attribute("width").unwrap(),
            root.attribute("height").unwrap(),
        );
        assert_eq!(
            root.attribute("viewBox"),
            Some(format!("0 0 {w} {h}").as_str())
        );
        assert!(w.parse::<f64>().unwrap() >= 480.0);
        assert!(h.parse::<f64>().unwrap() > 400.0);
        let title = root.children().find(|c| c.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some("Schulden en een leeg huis"));
        for node in doc.descendants() {
            assert!(!node.has_tag_name("script") && !node.has_tag_name("image"));
            assert!(!node.has_tag_name("style") && !node.has_tag_name("foreignObject"));
            for a in node.attributes() {
                assert!(a.name() != "href" && !a.value().contains("url("), "{s}");
            }
        }
    }

    #[test]
    fn every_verdict_word_and_pole_label_is_text() {
        for (lang, words) in [
            (
                Lang::Nl,
                [
                    "wet: nee",
                    "middelen: ja",
                    "zelfregie: twijfel",
                    "uniform",
                    "pluriform",
                    "zorg voor (wat niet kan)",
                    "zorg dat (wat wel kan)",
                    "zeker weten",
                    "onzeker weten",
                    "nu",
                    "gewenst",
                ],
            ),
            (
                Lang::En,
                [
                    "law: no",
                    "money: yes",
                    "self-direction: in doubt",
                    "uniform",
                    "pluriform",
                    "care for (what can't)",
                    "enable (what can)",
                    "certain knowing",
                    "uncertain knowing",
                    "now",
                    "desired",
                ],
            ),
        ] {
            let n = note(
                lang,
                [Some("nee"), Some("ja"), Some("twijfel")],
                &[(Some(2), Some(4)), (Some(3), Some(3)), (None, Some(2))],
            );
            let s = svg(&n, lang);
            let doc = parse(&s);
            let found = texts(&doc);
            for w in words {
                assert!(found.iter().any(|t| t == w), "{w} in {found:?}");
            }
            assert!(!found.iter().any(|t| t == "maatwerk"), "{found:?}");
        }
        let all = note(Lang::En, [Some("ja"); 3], &[]);
        let doc_src = svg(&all, Lang::En);
        let found = texts(&parse(&doc_src));
        assert!(found.iter().any(|t| t == "maatwerk"), "{found:?}");
        assert!(found.iter().any(|t| t == "law: yes"), "{found:?}");
        let none = note(Lang::Nl, [None; 3], &[]);
        let doc_src = svg(&none, Lang::Nl);
        let found = texts(&parse(&doc_src));
        assert!(found.iter().any(|t| t == "wet: —"), "{found:?}");
    }

    #[test]
    fn user_text_is_escaped() {
        let mut n = note(Lang::Nl, [None; 3], &[(Some(1), Some(5))]);
        n.title = "A & B <script>".into();
        n.contrasts[0].rational = "x\"y'z</text>".into();
        n.contrasts[0].relational = "p\u{1}q\u{ffff}".into();
        let s = svg(&n, Lang::Nl);
        assert!(s.contains("<title>A &amp; B &lt;script&gt;</title>"), "{s}");
        assert!(!s.contains("<script"), "{s}");
        let doc = parse(&s);
        let title = doc
            .root_element()
            .children()
            .find(|c| c.has_tag_name("title"))
            .unwrap();
        assert_eq!(title.text(), Some("A & B <script>"));
        let found = texts(&doc);
        assert!(found.iter().any(|t| t == "A & B <script>"), "{found:?}");
        assert!(found.iter().any(|t| t == "x\"y'z</text>"), "{found:?}");
        assert!(found.iter().any(|t| t == "p q\u{fffd}"), "{found:?}");
        let mut out = String::new();
        esc(&mut out, "&<>\"'");
        assert_eq!(out, "&amp;&lt;&gt;&quot;&apos;");
    }

    #[test]
    fn markers_sit_on_their_points() {
        let n = note(
            Lang::En,
            [None; 3],
            &[(Some(2), Some(4)), (Some(3), Some(3))],
        );
        let s = svg(&n, Lang::En);
        let doc = parse(&s);
        let groups: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("g")).collect();
        assert_eq!(groups.len(), 2);
        let circles = |g: &roxmltree::Node| -> Vec<(f64, f64, String)> {
            g.children()
                .filter(|c| c.has_tag_name("circle"))
                .map(|c| {
                    (
                        c.attribute("cx").unwrap().parse().unwrap(),
                        c.attribute("r").unwrap().parse().unwrap(),
                        c.attribute("fill").unwrap().to_string(),
                    )
                })
                .collect()
        };
        // The first five small circles are the scale points 1..=5.
        let row = circles(&groups[0]);
        let ticks: Vec<f64> = row.iter().take(5).map(|c| c.0).collect();
        let marks: Vec<_> = row.iter().skip(5).collect();
        assert_eq!(marks.len(), 2, "{s}");
        assert_eq!(marks[0].0, ticks[1]);
        assert_eq!(marks[0].2, INK, "now is a filled dot");
        assert_eq!(marks[1].0, ticks[3]);
        assert_eq!(marks[1].2, "#ffffff", "desired is a ring");
        assert_eq!(
            groups[0]
                .children()
                .filter(|c| c.has_tag_name("polygon"))
                .count(),
            1,
            "one arrowhead"
        );
        let same = circles(&groups[1]);
        let marks: Vec<_> = same.iter().skip(5).collect();
        assert_eq!(marks.len(), 2, "ring and dot");
        assert!(marks.iter().all(|m| m.0 == same[2].0));
        assert_eq!(
            groups[1]
                .children()
                .filter(|c| c.has_tag_name("polygon"))
                .count(),
            0
        );
    }

    #[test]
    fn the_triangle_and_the_profile_apart() {
        let n = note(Lang::Nl, [Some("nee"); 3], &[(Some(2), Some(4))]);
        let doc_src = triangle(&n, Lang::Nl);
        let doc = parse(&doc_src);
        let found = texts(&doc);
        assert!(found.iter().any(|t| t == "wet: nee"), "{found:?}");
        assert!(
            !found.iter().any(|t| t == "gewenst" || t == "uniform"),
            "{found:?}"
        );
        let doc_src = profile(&n, Lang::Nl).unwrap();
        let doc = parse(&doc_src);
        let found = texts(&doc);
        assert!(
            found.iter().any(|t| t == "uniform" || t == "gewenst"),
            "{found:?}"
        );
        assert!(!found.iter().any(|t| t == "wet: nee"), "{found:?}");
        assert_eq!(doc.descendants().filter(|n| n.has_tag_name("g")).count(), 1);
        let none = note(Lang::Nl, [None; 3], &[]);
        assert_eq!(profile(&none, Lang::Nl), None);
    }

    #[test]
    fn without_contrasts_only_the_triangle() {
        let n = note(Lang::Nl, [Some("ja"); 3], &[]);
        let s = svg(&n, Lang::Nl);
        let doc = parse(&s);
        assert_eq!(doc.descendants().filter(|n| n.has_tag_name("g")).count(), 0);
        assert!(!texts(&doc).iter().any(|t| t == "gewenst"));
    }
}

#[cfg(test)]
mod number_tests {
    #[test]
    fn coordinates_are_written_to_a_tenth() {
        for (x, s) in [
            (0.0, "0"),
            (12.0, "12"),
            (12.34, "12.3"),
            (12.35, "12.4"),
            (-0.04, "0"),
            (-3.25, "-3.3"),
            (0.5, "0.5"),
        ] {
            assert_eq!(super::n(x).to_string(), s, "{x}");
        }
    }
}
