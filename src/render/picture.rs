//! The method's two pictures as plain Unicode text for the terminal: the
//! value triangle with a verdict at each corner, and the rational/relational
//! profile with where each contrast stands now and where it should go. Both
//! read without colour: every verdict has its own symbol and word, and the
//! profile's markers differ in shape.

use unicode_width::UnicodeWidthStr;

use crate::domain::note::{CaseNote, Contrast};

use crate::domain::answer::Verdict;
use crate::i18n::{self, Lang};

/// The symbol that marks a corner, per verdict; `○` when unanswered.
pub(crate) fn symbol(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Ja) => "✓",
        Some(Verdict::Nee) => "✗",
        Some(Verdict::Twijfel) => "?",
        None => "○",
    }
}

/// The verdict's word, `—` when unanswered.
pub(crate) fn verdict_word(verdict: Option<Verdict>, lang: Lang) -> &'static str {
    verdict.map_or("—", |v| v.label(lang))
}

/// The three corners as (short name: verdict, verdict) in the method's
/// order: law (top), money (bottom left), self-direction (bottom right).
pub(crate) fn corners(note: &CaseNote, lang: Lang) -> [(String, Option<Verdict>); 3] {
    let t = &note.triangle;
    [
        (i18n::H_LAW, t.law),
        (i18n::H_MONEY, t.money),
        (i18n::H_SELF, t.self_direction),
    ]
    .map(|(name, v)| (format!("{}: {}", name.get(lang), verdict_word(v, lang)), v))
}

/// A solution that passes all three questions is maatwerk.
pub(crate) fn is_maatwerk(note: &CaseNote) -> bool {
    let t = &note.triangle;
    [t.law, t.money, t.self_direction]
        .iter()
        .all(|v| *v == Some(Verdict::Ja))
}

/// The verdict legend: `✓ ja  ✗ nee  ? twijfel  ○ onbeantwoord`.
pub(crate) fn verdict_legend(lang: Lang) -> String {
    [
        Some(Verdict::Ja),
        Some(Verdict::Nee),
        Some(Verdict::Twijfel),
        None,
    ]
    .iter()
    .map(|&v| {
        let word = v.map_or(i18n::PIC_UNANSWERED.get(lang), |v| v.label(lang));
        format!("{} {word}", symbol(v))
    })
    .collect::<Vec<_>>()
    .join("  ")
}

/// Rows of sloped sides between the apex and the base.
const SIDES: usize = 6;

/// The value triangle, about 11 lines and at most 60 columns:
///
/// ```text
///                wet: nee
///                   ✗
///                  ╱ ╲
///                 ╱   ╲
///                ╱     ╲
///               ╱       ╲
///              ╱         ╲
///             ╱           ╲
/// middelen: ja ✓─────────────? zelfregie: twijfel
///
/// ✓ ja  ✗ nee  ? twijfel  ○ onbeantwoord
/// ```
///
/// The corners carry their verdict's symbol, and the middle says
/// "maatwerk" when all three verdicts are yes.
pub fn triangle(note: &CaseNote, lang: Lang) -> String {
    let [(top, top_v), (left, left_v), (right, right_v)] = corners(note, lang);
    let left_w = left.width();
    // The apex column: the base row is `left ✓───…───? right`.
    let apex = left_w + 1 + SIDES + 1;
    let mut lines = Vec::new();

    let top_w = top.width();
    lines.push(format!(
        "{}{top}",
        " ".repeat((apex + 1).saturating_sub(top_w.div_ceil(2)))
    ));
    lines.push(format!("{}{}", " ".repeat(apex), symbol(top_v)));
    let middle = is_maatwerk(note).then(|| i18n::PIC_MAATWERK.get(lang));
    // The word sits on the highest side row whose inside (2i − 1 columns)
    // holds it with a space either side.
    let middle_row = middle.map(|m| {
        (1..=SIDES)
            .find(|&i| 2 * i > m.width() + 2)
            .unwrap_or(SIDES)
    });
    for i in 1..=SIDES {
        let inner = 2 * i - 1;
        let fill = match middle {
            Some(m) if middle_row == Some(i) => {
                let pad = inner.saturating_sub(m.width());
                format!("{}{m}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2))
            }
            _ => " ".repeat(inner),
        };
        lines.push(format!("{}╱{fill}╲", " ".repeat(apex - i)));
    }
    lines.push(format!(
        "{left} {}{}{} {right}",
        symbol(left_v),
        "─".repeat(2 * SIDES + 1),
        symbol(right_v)
    ));
    lines.push(String::new());
    lines.push(verdict_legend(lang));

    let mut out = lines
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out
}

/// The most points a track draws; a hand-edited note with a wider scale
/// is drawn on the default 1–5.
const MAX_POINTS: i64 = 11;

/// A contrast's scale as drawn: its own when sane, else 1–5.
pub(crate) fn scale(c: &Contrast) -> (i64, i64) {
    if c.min < c.max && c.max.checked_sub(c.min).is_some_and(|d| d < MAX_POINTS) {
        (c.min, c.max)
    } else {
        (1, 5)
    }
}

/// A point if it lies on the scale; values off the scale are not drawn.
pub(crate) fn on_scale(p: Option<i64>, (min, max): (i64, i64)) -> Option<i64> {
    p.filter(|p| (min..=max).contains(p))
}

/// Text from user data (pole labels from a coach's set) made safe for one
/// terminal line: control characters become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// One contrast's track: `·   ●─→─·─→─◆   ·`.
fn track(c: &Contrast) -> String {
    let range = scale(c);
    let (min, max) = range;
    let now = on_scale(c.now, range);
    let desired = on_scale(c.desired, range);
    let span = match (now, desired) {
        (Some(n), Some(d)) if n != d => Some((n.min(d), n.max(d), d > n)),
        _ => None,
    };
    let mut out = String::new();
    for p in min..=max {
        if p > min {
            let between = span.is_some_and(|(lo, hi, _)| lo < p && p <= hi);
            out.push_str(match span {
                Some((_, _, true)) if between => "─→─",
                Some((_, _, false)) if between => "─←─",
                _ => "   ",
            });
        }
        out.push_str(match (now == Some(p), desired == Some(p)) {
            (true, true) => "◈",
            (true, false) => "●",
            (false, true) => "◆",
            (false, false) => "·",
        });
    }
    out
}

/// The contrast profile, one line per contrast, the rational pole on the
/// left and the relational pole on the right:
///
/// ```text
///    uniform ·   ●─→─·─→─◆   · pluriform
///    control ·   ·   ◈   ·   · learn
///            ● nu  ◆ gewenst  ◈ nu = gewenst
/// ```
///
/// A missing now or desired shows only the known marker. Empty when the
/// note has no contrasts.
pub fn profile(note: &CaseNote, lang: Lang) -> String {
    if note.contrasts.is_empty() {
        return String::new();
    }
    let rows: Vec<(String, String, String)> = note
        .contrasts
        .iter()
        .map(|c| (one_line(&c.rational), track(c), one_line(&c.relational)))
        .collect();
    let label_w = rows.iter().map(|(l, _, _)| l.width()).max().unwrap_or(0);
    let track_w = rows.iter().map(|(_, t, _)| t.width()).max().unwrap_or(0);
    let mut out = String::new();
    for (rational, track, relational) in &rows {
        let line = format!(
            "{}{rational} {track}{} {relational}",
            " ".repeat(label_w - rational.width()),
            " ".repeat(track_w - track.width()),
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&" ".repeat(label_w + 1));
    out.push_str(&profile_legend(lang));
    out.push('\n');
    out
}

/// `● nu  ◆ gewenst  ◈ nu = gewenst`.
pub(crate) fn profile_legend(lang: Lang) -> String {
    format!(
        "● {}  ◆ {}  ◈ {}",
        i18n::PIC_NOW.get(lang),
        i18n::PIC_DESIRED.get(lang),
        i18n::PIC_SAME.get(lang)
    )
}

#[cfg(test)]
pub(crate) mod tests {
    /// Columns between two scale points on a track ("─→─").
    const GAP: usize = 3;

    use super::*;
    use crate::domain::answer::Answer;
    use crate::domain::bank::Bank;

    /// A note of the embedded set with the given verdicts and contrast
    /// points (in the set's order: uniform, zorg, weten, …).
    pub(crate) fn note(
        lang: Lang,
        verdicts: [Option<&str>; 3],
        points: &[(Option<i64>, Option<i64>)],
    ) -> CaseNote {
        let bank = Bank::embedded();
        let set = bank.get("waardendriehoek").expect("embedded set");
        let mut answers = vec![(
            "casus.titel".to_string(),
            Answer::Text("Schulden en een leeg huis".into()),
        )];
        for (id, v) in ["wet.oordeel", "middelen.oordeel", "zelfregie.oordeel"]
            .iter()
            .zip(verdicts)
        {
            if let Some(v) = v {
                answers.push((id.to_string(), Answer::Choice(v.into())));
            }
        }
        let keys = [
            "uniform",
            "zorg",
            "weten",
            "verantwoording",
            "positie",
            "sturing",
        ];
        for (key, (now, desired)) in keys.iter().zip(points) {
            if let Some(n) = now {
                answers.push((format!("contrasten.{key}_nu"), Answer::Scale(*n)));
            }
            if let Some(d) = desired {
                answers.push((format!("contrasten.{key}_gewenst"), Answer::Scale(*d)));
            }
        }
        let mut note = CaseNote::new(
            "7sq2".into(),
            "2026-03-01T09:00:00Z".parse().unwrap(),
            set,
            lang,
            answers,
        );
        note.contrasts.truncate(points.len());
        note
    }

    fn chars_before(line: &str, marker: char) -> usize {
        line.chars().position(|c| c == marker).expect("marker")
    }

    #[test]
    fn the_triangle_shows_each_verdict_in_both_languages() {
        let t = triangle(
            &note(Lang::Nl, [Some("nee"), Some("ja"), Some("twijfel")], &[]),
            Lang::Nl,
        );
        assert!(t.contains("wet: nee"), "{t}");
        assert!(t.contains("middelen: ja ✓"), "{t}");
        assert!(t.contains("? zelfregie: twijfel"), "{t}");
        assert!(t.lines().nth(1).unwrap().trim() == "✗", "{t}");
        assert!(t.contains("✓ ja  ✗ nee  ? twijfel"), "{t}");
        assert!(!t.contains("maatwerk"), "{t}");

        let t = triangle(
            &note(Lang::En, [Some("nee"), Some("ja"), Some("twijfel")], &[]),
            Lang::En,
        );
        assert!(t.contains("law: no"), "{t}");
        assert!(t.contains("money: yes ✓"), "{t}");
        assert!(t.contains("? self-direction: in doubt"), "{t}");
        assert!(t.contains("✓ yes  ✗ no  ? in doubt"), "{t}");

        let t = triangle(
            &note(Lang::Nl, [Some("twijfel"), Some("nee"), Some("ja")], &[]),
            Lang::Nl,
        );
        assert!(t.contains("wet: twijfel"), "{t}");
        assert!(t.contains("middelen: nee ✗"), "{t}");
        assert!(t.contains("✓ zelfregie: ja"), "{t}");
    }

    #[test]
    fn an_unanswered_verdict_shows_a_dash() {
        let t = triangle(&note(Lang::Nl, [None, Some("ja"), None], &[]), Lang::Nl);
        assert!(t.contains("wet: —"), "{t}");
        assert!(t.contains("○ zelfregie: —"), "{t}");
        assert!(t.contains("○ onbeantwoord"), "{t}");
        let t = triangle(&note(Lang::En, [None, None, None], &[]), Lang::En);
        assert!(t.contains("law: —") && t.contains("money: — ○"), "{t}");
    }

    #[test]
    fn maatwerk_only_when_all_three_are_yes() {
        for lang in [Lang::Nl, Lang::En] {
            let all = note(lang, [Some("ja"); 3], &[]);
            let t = triangle(&all, lang);
            assert_eq!(t.matches("maatwerk").count(), 1, "{t}");
            let line = t.lines().find(|l| l.contains("maatwerk")).unwrap();
            assert!(line.contains('╱') && line.contains('╲'), "{t}");
        }
        for verdicts in [
            [Some("ja"), Some("ja"), Some("twijfel")],
            [Some("nee"), Some("ja"), Some("ja")],
            [Some("ja"), None, Some("ja")],
            [None, None, None],
        ] {
            let t = triangle(&note(Lang::Nl, verdicts, &[]), Lang::Nl);
            assert!(!t.contains("maatwerk"), "{verdicts:?}\n{t}");
        }
    }

    #[test]
    fn the_triangle_fits_a_small_terminal() {
        for lang in [Lang::Nl, Lang::En] {
            for v in ["ja", "nee", "twijfel"] {
                let t = triangle(&note(lang, [Some(v); 3], &[]), lang);
                let lines: Vec<&str> = t.lines().collect();
                assert!((7..=11).contains(&lines.len()), "{t}");
                for l in &lines {
                    assert!(l.width() <= 60, "{l}");
                    assert_eq!(l.trim_end(), *l);
                }
                // The apex sits right above the middle of the base.
                let apex = lines[1].width() - 1;
                let base = lines[lines.len() - 3];
                let line = base.find('─').unwrap();
                // The corner symbol is one column left of the line.
                let base_start = base[..line].width() - 1;
                assert_eq!(apex - base_start, SIDES + 1, "{t}");
            }
        }
    }

    #[test]
    fn the_profile_puts_now_and_desired_on_their_points() {
        let n = note(
            Lang::Nl,
            [None; 3],
            &[(Some(2), Some(4)), (Some(3), Some(3)), (Some(4), Some(2))],
        );
        let p = profile(&n, Lang::Nl);
        let lines: Vec<&str> = p.lines().collect();
        assert_eq!(lines.len(), 4, "{p}");
        // "zorg voor (wat niet kan)" is the longest rational label.
        let start = "zorg voor (wat niet kan)".chars().count() + 1;
        let at = |point: usize| start + (point - 1) * (GAP + 1);

        assert!(lines[0].ends_with(" pluriform"), "{p}");
        assert_eq!(chars_before(lines[0], '●'), at(2), "{p}");
        assert_eq!(chars_before(lines[0], '◆'), at(4), "{p}");
        assert!(lines[0].contains("●─→─·─→─◆"), "{p}");
        assert!(!lines[0].contains('◈'), "{p}");

        assert_eq!(chars_before(lines[1], '◈'), at(3), "{p}");
        assert!(!lines[1].contains('●') && !lines[1].contains('◆'), "{p}");
        assert!(!lines[1].contains('→') && !lines[1].contains('←'), "{p}");

        assert_eq!(chars_before(lines[2], '◆'), at(2), "{p}");
        assert_eq!(chars_before(lines[2], '●'), at(4), "{p}");
        assert!(lines[2].contains("◆─←─·─←─●"), "{p}");

        assert_eq!(lines[3].trim(), "● nu  ◆ gewenst  ◈ nu = gewenst");
        assert_eq!(chars_before(lines[3], '●'), start, "{p}");
        assert!(profile(&n, Lang::En).contains("● now  ◆ desired"));
    }

    #[test]
    fn the_profile_shows_what_is_known() {
        let n = note(
            Lang::Nl,
            [None; 3],
            &[(Some(1), None), (None, Some(5)), (None, None)],
        );
        let p = profile(&n, Lang::Nl);
        let lines: Vec<&str> = p.lines().collect();
        assert_eq!(lines.len(), 4, "{p}");
        assert!(
            lines[0].contains("uniform ●   ·   ·   ·   · pluriform"),
            "{p}"
        );
        assert!(!lines[0].contains('◆'), "{p}");
        assert!(lines[1].contains("·   ·   ·   ·   ◆ zorg dat"), "{p}");
        assert!(!lines[1].contains('●'), "{p}");
        assert!(lines[2].contains("·   ·   ·   ·   · onzeker weten"), "{p}");
    }

    #[test]
    fn profile_rows_align_on_the_track() {
        let mut n = note(Lang::En, [None; 3], &[(Some(1), Some(5)); 6]);
        // A pole label with wide characters still aligns by columns.
        n.contrasts[0].rational = "統一".into();
        n.contrasts[1].rational = "a\u{1b}[31mb".into();
        let p = profile(&n, Lang::En);
        let lines: Vec<&str> = p.lines().collect();
        assert_eq!(lines.len(), 7, "{p}");
        let col = |l: &str| l[..l.find('●').unwrap()].width();
        let relational = |l: &str| l[..l.rfind('◆').unwrap()].width();
        for l in &lines[..6] {
            assert_eq!(col(l), col(lines[0]), "{p}");
            assert_eq!(relational(l), relational(lines[0]), "{p}");
            assert!(!l.contains('\u{1b}'), "{p}");
        }
        assert_eq!(col(lines[6]), col(lines[0]), "{p}");
    }

    #[test]
    fn no_contrasts_no_profile() {
        let n = note(Lang::Nl, [Some("ja"); 3], &[]);
        assert!(n.contrasts.is_empty());
        assert_eq!(profile(&n, Lang::Nl), "");
    }

    #[test]
    fn odd_scales_do_not_break_the_track() {
        let mut n = note(Lang::Nl, [None; 3], &[(Some(2), Some(9))]);
        assert_eq!(n.contrasts[0].desired, Some(9));
        let p = profile(&n, Lang::Nl);
        assert!(p.contains("·   ●   ·   ·   ·"), "{p}");
        n.contrasts[0].max = i64::MAX;
        n.contrasts[0].min = i64::MIN;
        let p = profile(&n, Lang::Nl);
        assert_eq!(p.lines().next().unwrap().matches('·').count(), 4, "{p}");
    }
}
