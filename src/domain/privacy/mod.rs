//! The privacy guard's detector: finds text in a case note that looks like
//! personal data, so the tool can warn before it stores it and offer a
//! rewrite with the data replaced by a placeholder.
//!
//! Pure: no printing, no disk. What it looks for (between digits, "space"
//! is any space: tab, no-break and the other Unicode spaces;
//! "dash" is any dash):
//!
//! - **BSN**: 9 digits that pass the 11-check, together or in groups of 2
//!   to 6 joined the same way by spaces, dots or dashes (`1234.56.782`,
//!   `12 34 56 782`). Not inside a longer number, not before `:` and a
//!   digit (a time), and not written as a euro amount (`€ 123.456.782`).
//!   Right after a BSN label (`BSN`, `bsn-nummer`, `sofinummer`, also glued
//!   on), any grouping counts, whatever follows, and 8 digits too (a BSN
//!   whose leading 0 is left off).
//! - **IBAN**: a country code, 2 check digits and 11 to 30 letters or
//!   digits, any case, together or with runs of spaces or dashes between,
//!   with a valid mod-97 check and the country's length.
//! - **E-mail addresses**, in any script (`zoë@`, `_jan@`).
//! - **Dutch phone numbers**: 10 digits starting with `0` and then not `0`,
//!   or `+31` / `0031` (optionally `(0)`) and then 9 digits not starting
//!   with `0`; digits may be separated by a few spaces, or a dash, dot or
//!   slash with spaces around it; an area code may be in brackets (`(020)
//!   123 4567`); glued to `tel`, `mob` and the like. Not a date followed by
//!   a time (`05-03-2025 10:00`).
//! - **Postcode with house number**: `1012 AB 12`, `1012AB12`, `1012 ab,
//!   12`, `1234 AB, nr. 12`, and an address such as `Damstraat 12, 1012 AB`
//!   or `Damstraat 12 hs - 1012 AB`. A postcode alone is not a finding, nor
//!   a year before a law (`2022 WW, 3`), an amount before a unit (`1200 pm,
//!   12`) or anything followed by a counting word (`12 maanden`).
//! - **Date of birth**: a full date (day, month and year; numeric, also as
//!   8 digits or with spaces, or with a Dutch or English month name, also
//!   abbreviated; two-digit years also as `'85`) with a birth word
//!   (*geboren*, *geb.*, *geboortedatum*, *born*, *date of birth*, *DOB*,
//!   ...) at most eight words before or after it in the same sentence. A
//!   verb or event (*geboren*, *born*) more than four words before or three
//!   after counts only when no comma or clause word (*en*, *daarna*) stands
//!   between.
//! - **Names** from a list the user configured: whole words, any case,
//!   also bent as Dutch bends them (`Jansens`, `Jansentje`).
//!
//! Invisible characters (a soft hyphen, zero-width joiners) are read as
//! if absent and full-width digits and letters as ASCII, so neither hides
//! a number or a name.

use std::sync::LazyLock;

use regex::{Match, Regex};

use crate::domain::answer::Answer;
use crate::i18n::Lang;

/// A finding in the answer to one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerFinding {
    pub question: String,
    pub finding: Finding,
}

/// Scans the free text of every answer (the title, the person's words,
/// every reasoning): the places where personal data slips in.
pub fn scan_answers<'a>(
    scanner: &Scanner,
    answers: impl IntoIterator<Item = (&'a str, &'a Answer)>,
) -> Vec<AnswerFinding> {
    let mut found = Vec::new();
    for (id, answer) in answers {
        if let Answer::Text(text) = answer {
            found.extend(scanner.scan(text).into_iter().map(|finding| AnswerFinding {
                question: id.to_string(),
                finding,
            }));
        }
    }
    found
}

impl AnswerFinding {
    /// `[question] kind: text`, as warnings list them.
    pub fn line(&self, lang: Lang) -> String {
        format!(
            "[{}] {}: {}",
            self.question,
            self.finding.kind.label(lang),
            self.finding.text
        )
    }
}

/// What kind of personal data a finding looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    Bsn,
    Iban,
    Email,
    Phone,
    PostcodeHouseNumber,
    DateOfBirth,
    Name,
}

impl FindingKind {
    /// What to call this kind of data in a warning.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FindingKind::Bsn, _) => "BSN",
            (FindingKind::Iban, _) => "IBAN",
            (FindingKind::Email, Lang::Nl) => "e-mailadres",
            (FindingKind::Email, Lang::En) => "e-mail address",
            (FindingKind::Phone, Lang::Nl) => "telefoonnummer",
            (FindingKind::Phone, Lang::En) => "phone number",
            (FindingKind::PostcodeHouseNumber, Lang::Nl) => "postcode met huisnummer",
            (FindingKind::PostcodeHouseNumber, Lang::En) => "postcode with house number",
            (FindingKind::DateOfBirth, Lang::Nl) => "geboortedatum",
            (FindingKind::DateOfBirth, Lang::En) => "date of birth",
            (FindingKind::Name, Lang::Nl) => "naam",
            (FindingKind::Name, Lang::En) => "name",
        }
    }

    /// Which kind wins when two findings of the same length overlap.
    fn rank(self) -> u8 {
        match self {
            FindingKind::Email => 0,
            FindingKind::Iban => 1,
            FindingKind::Bsn => 2,
            FindingKind::Phone => 3,
            FindingKind::DateOfBirth => 4,
            FindingKind::PostcodeHouseNumber => 5,
            FindingKind::Name => 6,
        }
    }
}

/// One piece of text that looks like personal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    /// Byte range of the finding in the scanned text.
    pub start: usize,
    pub end: usize,
    /// The text found, `&text[start..end]`.
    pub text: String,
}

/// Looks for personal data in text. Built once with the names the user wants
/// to be warned about (from the config), then used for every answer.
pub struct Scanner {
    /// The configured names as one case-insensitive whole-word pattern, or
    /// `None` when no names are configured.
    names: Option<Regex>,
}

impl Scanner {
    /// A scanner that also looks for the given names. Empty names are
    /// ignored; runs of white space inside a name match any white space.
    pub fn new(names: Vec<String>) -> Scanner {
        Scanner {
            names: names_regex(&names),
        }
    }

    /// Everything in `text` that looks like personal data, sorted by start.
    /// Findings never overlap: of two overlapping candidates the longer one
    /// is kept.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        // Invisible characters inside a number or a name, and full-width
        // digits and letters, hide nothing: the text is read without
        // them, and what is found is placed back in the text as written.
        match Unhidden::of(text) {
            None => self.scan_plain(text),
            Some(unhidden) => self
                .scan_plain(&unhidden.text)
                .into_iter()
                .map(|f| unhidden.placed(text, f))
                .collect(),
        }
    }

    fn scan_plain(&self, text: &str) -> Vec<Finding> {
        let mut found = Vec::new();
        if let Some(names) = &self.names {
            for m in names.find_iter(text) {
                push(text, &mut found, FindingKind::Name, m.start(), m.end());
            }
        }
        // Every kind but a name has a digit or an '@' in it; most answers
        // have neither, and the patterns are what scanning costs.
        if !text.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
            return resolve_overlaps(found);
        }
        find_bsns(text, &mut found);
        find_ibans(text, &mut found);
        find_emails(text, &mut found);
        find_phones(text, &mut found);
        find_postcodes(text, &mut found);
        find_dates_of_birth(text, &mut found);
        // Digits inside something shaped like an IBAN whose check failed
        // are part of that (wrong) IBAN, not a phone number or BSN.
        let iban_shapes: Vec<(usize, usize)> = IBAN_SHAPE
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        found.retain(|f| {
            f.kind == FindingKind::Iban
                || f.kind == FindingKind::Name
                || !iban_shapes.iter().any(|&(s, e)| s <= f.start && f.end <= e)
        });
        resolve_overlaps(found)
    }
}

/// Characters that show nothing and join nothing a reader sees: a soft
/// hyphen, zero-width joiners, invisible operators. Zero-width spaces count
/// as spaces ([`is_space`]).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{34f}' | '\u{180e}' | '\u{200c}' | '\u{200d}' | '\u{2061}'..='\u{2064}'
    )
}

/// Text as the guard reads it: without invisible characters, and with
/// full-width digits, letters and signs as their ASCII selves, with where
/// each of its bytes stands in the text as written.
struct Unhidden {
    text: String,
    /// For each byte of `text` (and its end), the offset in the original.
    at: Vec<usize>,
}

impl Unhidden {
    /// `None` when there is nothing to unhide: the text is read as it is.
    fn of(original: &str) -> Option<Unhidden> {
        let changes = |c: char| is_invisible(c) || ('\u{ff01}'..='\u{ff5e}').contains(&c);
        if !original.chars().any(changes) {
            return None;
        }
        let mut text = String::with_capacity(original.len());
        let mut at = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            if is_invisible(c) {
                continue;
            }
            let c = match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                c => c,
            };
            for _ in 0..c.len_utf8() {
                at.push(i);
            }
            text.push(c);
        }
        at.push(original.len());
        Some(Unhidden { text, at })
    }

    /// A finding in the unhidden text, placed in the text as written.
    fn placed(&self, original: &str, f: Finding) -> Finding {
        let start = self.at[f.start];
        // The end of the last character found, not the next one's start:
        // an invisible character after it stays out.
        let end = self.text[..f.end]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| {
                let from = self.at[i];
                from + original[from..].chars().next().map_or(0, char::len_utf8)
            });
        Finding {
            kind: f.kind,
            start,
            end,
            text: original[start..end].to_string(),
        }
    }
}

/// `text` with every finding replaced by its label in brackets, such as
/// `[BSN]` or `[telefoonnummer]`. Findings that overlap an earlier one or do
/// not fit the text are skipped.
pub fn redact(text: &str, findings: &[Finding], lang: Lang) -> String {
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| (f.start, f.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for f in sorted {
        let fits = f.start >= pos
            && f.start < f.end
            && f.end <= text.len()
            && text.is_char_boundary(f.start)
            && text.is_char_boundary(f.end);
        if !fits {
            continue;
        }
        out.push_str(&text[pos..f.start]);
        out.push('[');
        out.push_str(f.kind.label(lang));
        out.push(']');
        pos = f.end;
    }
    out.push_str(&text[pos..]);
    out
}

fn push(text: &str, found: &mut Vec<Finding>, kind: FindingKind, start: usize, end: usize) {
    found.push(Finding {
        kind,
        start,
        end,
        text: text[start..end].to_string(),
    });
}

/// Keeps the longest of overlapping candidates (ties by kind), then sorts
/// by start.
fn resolve_overlaps(mut candidates: Vec<Finding>) -> Vec<Finding> {
    candidates.sort_by_key(|f| (std::cmp::Reverse(f.end - f.start), f.kind.rank(), f.start));
    let mut kept: Vec<Finding> = Vec::new();
    for c in candidates {
        if kept.iter().all(|k| c.end <= k.start || k.end <= c.start) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|f| (f.start, f.end));
    kept
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the privacy patterns are valid")
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

fn digits_of(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// Whether the digits at `start..end` continue into more digits on either
/// side: directly, through one of `joiners` or any dash, so that they are
/// part of a longer number.
fn continues_number(text: &str, start: usize, end: usize, joiners: &[char]) -> bool {
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let touches = |first: Option<char>, second: Option<char>| match first {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if joiners.contains(&c) || is_dash(c) => second.is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    };
    touches(before.next(), before.next()) || touches(after.next(), after.next())
}

// ---------------------------------------------------------------- spaces, dashes, words

/// Every space that can stand between the parts of a number: space and tab,
/// the no-break and other Unicode spaces (general category Zs: U+00A0,
/// U+1680, U+2000–U+200A, U+202F, U+205F, U+3000), and the zero-width ones
/// a copy from a PDF or a web page brings along. Never a line break.
/// [`is_space`] is the same set.
const SPACE: &str = r"[\t \u{a0}\u{1680}\u{2000}-\u{200b}\u{202f}\u{205f}\u{2060}\u{3000}\u{feff}]";

fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{2060}' | '\u{3000}' | '\u{feff}'
    )
}

/// Every dash: hyphen-minus, the Unicode hyphens and dashes (en dash, em
/// dash, non-breaking hyphen), minus, and the small and full-width hyphens.
/// [`is_dash`] is the same set.
const DASH: &str = r"[\-\u{2010}-\u{2015}\u{2212}\u{fe58}\u{fe63}\u{ff0d}]";

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}'
    )
}

fn bare_word(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The last `n` words before `at`, nearest first, up to the end of the
/// sentence before them.
fn words_before(text: &str, at: usize, n: usize) -> impl Iterator<Item = &str> {
    text[..at]
        .split_whitespace()
        .rev()
        .take(n)
        .enumerate()
        .take_while(|&(i, w)| i == 0 || !ends_sentence(w))
        .map(|(_, w)| w)
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "geb", "dhr", "mevr", "mw", "mr", "dr", "nr", "bijv", "evt", "art", "ca", "jl", "dd", "tel",
    "vlg", "zgn", "resp", "incl", "excl", "plm", "st", "no",
];

/// Whether `word` ends a sentence: it ends in `.`, `!`, `?` or `;`, and is
/// not an abbreviation such as `geb.` or `d.o.b.`.
fn ends_sentence(word: &str) -> bool {
    let trimmed = word.trim_end_matches([')', '"', '\'', '’', '”']);
    if trimmed.ends_with(['!', '?', ';']) {
        return true;
    }
    if !trimmed.ends_with('.') {
        return false;
    }
    let bare = bare_word(trimmed);
    let abbreviation = bare.contains('.') || ABBREVIATIONS.contains(&bare.as_str());
    !abbreviation
}

// ---------------------------------------------------------------- BSN

/// Digits in groups, each group joined to the next by spaces, or by one
/// dot, comma, slash or dash with at most two spaces around it: every way a
/// number is written out. A BSN is looked for among the groups of a run.
static NUMBER_RUN: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"[0-9]+(?:(?:{SPACE}{{1,3}}|{SPACE}{{0,2}}(?:[.,/]|{DASH}){SPACE}{{0,2}})[0-9]+)*"
    ))
});

/// What joins two groups of digits: a mark (`' '` for spaces alone, else
/// `.`, `,`, `/` or `-` for any dash) and whether spaces stand around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Joint {
    mark: char,
    spaced: bool,
}

impl Joint {
    fn of(sep: &str) -> Joint {
        let mark = sep
            .chars()
            .find(|c| !is_space(*c))
            .map_or(' ', |c| if is_dash(c) { '-' } else { c });
        Joint {
            mark,
            spaced: sep.chars().any(is_space),
        }
    }

    /// Whether this joint, next to digits joined by `inner`, makes them one
    /// longer number: a tight dot, comma, slash or dash always does; spaces
    /// do next to digits grouped by spaces.
    fn continues(self, inner: Option<Joint>) -> bool {
        (self.mark != ' ' && !self.spaced)
            || Some(self) == inner
            || (self.mark == ' ' && inner.is_some_and(|i| i.mark == ' '))
    }
}

/// One group of digits of a run: its byte range and what joins it to the
/// group before (`None` for the first).
#[derive(Clone, Copy, Debug)]
struct Group {
    start: usize,
    end: usize,
    joint: Option<Joint>,
}

/// The groups of a run of digits that starts at `offset` in the text.
fn groups(run: &str, offset: usize) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut sep_start = None;
    for (i, c) in run.char_indices() {
        if c.is_ascii_digit() {
            match (out.last_mut(), sep_start.take()) {
                (Some(last), None) if last.end == offset + i => last.end += 1,
                (_, sep) => out.push(Group {
                    start: offset + i,
                    end: offset + i + 1,
                    joint: sep.map(|s: usize| Joint::of(&run[s..i])),
                }),
            }
        } else if sep_start.is_none() {
            sep_start = Some(i);
        }
    }
    out
}

/// The 11-check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11, and
/// not all digits are 0.
fn elfproef(digits: &[u32]) -> bool {
    if digits.len() != 9 || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let weighted: i64 = digits[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(&d, w)| i64::from(d) * w)
        .sum();
    (weighted - i64::from(digits[8])) % 11 == 0
}

/// Whether the number at `start..end` is written as an amount of money:
/// after `€` or `EUR`, or before `euro`, `EUR`, `€` or `,-`.
fn looks_like_money(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end().to_lowercase();
    let after = text[end..].to_lowercase();
    before.ends_with('€')
        || before.ends_with("eur")
        || before.ends_with("euro")
        || after.starts_with(",-")
        || after.trim_start().starts_with("eur")
        || after.trim_start().starts_with('€')
}

/// Whether `word` names a BSN: `BSN`, `bsn-nummer`, `BSN-nr.`,
/// `burgerservicenummer`, `sofinummer`, ...
fn is_bsn_label(word: &str) -> bool {
    let bare: String = bare_word(word)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let rest = bare
        .strip_prefix("bsn")
        .or_else(|| bare.strip_prefix("burgerservice"))
        .or_else(|| bare.strip_prefix("sofi"));
    matches!(rest, Some("" | "nummer" | "nr" | "no" | "ummer"))
}

/// How many words before a number are searched for a BSN label ("BSN van
/// de moeder: ...").
const BSN_LABEL_WORDS: usize = 4;

fn find_bsns(text: &str, found: &mut Vec<Finding>) {
    for run in NUMBER_RUN.find_iter(text) {
        // A BSN has 9 digits (8 when its leading 0 is left off).
        if run.as_str().bytes().filter(u8::is_ascii_digit).count() < 8 {
            continue;
        }
        let groups = groups(run.as_str(), run.start());
        let labelled = words_before(text, run.start(), BSN_LABEL_WORDS).any(is_bsn_label);
        if labelled && let Some((start, end)) = labelled_bsn(text, &groups) {
            push(text, found, FindingKind::Bsn, start, end);
            continue;
        }
        for (start, end) in unlabelled_bsns(text, &groups) {
            push(text, found, FindingKind::Bsn, start, end);
        }
    }
}

/// The digits of some groups, in order.
fn window_digits(text: &str, groups: &[Group]) -> Vec<u32> {
    groups
        .iter()
        .flat_map(|g| digits_of(&text[g.start..g.end]))
        .collect()
}

/// A BSN right after its label: the first 9 digits of the run, grouped and
/// followed by anything; or 8 digits (a BSN whose leading 0 is left off)
/// that end the number.
fn labelled_bsn(text: &str, groups: &[Group]) -> Option<(usize, usize)> {
    let mut count = 0;
    let mut eight = None;
    for (j, g) in groups.iter().enumerate() {
        count += g.end - g.start;
        let window = &groups[..=j];
        if count == 9 && elfproef(&window_digits(text, window)) {
            return Some((groups[0].start, g.end));
        }
        if count == 8 {
            let ends = groups
                .get(j + 1)
                .is_none_or(|next| next.joint.is_some_and(|n| n.spaced));
            let mut digits = vec![0];
            digits.extend(window_digits(text, window));
            if ends && elfproef(&digits) {
                eight = Some((groups[0].start, g.end));
            }
        }
        if count >= 9 {
            break;
        }
    }
    eight
}

/// BSNs without a label: 9 digits together, or in groups of 2 to 6 digits
/// joined the same way by spaces, dots or dashes (`1234.56.782`,
/// `12 34 56 782`), not part of a longer number and not an amount of money.
fn unlabelled_bsns(text: &str, groups: &[Group]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..groups.len() {
        let mut count = 0;
        for j in i..groups.len() {
            count += groups[j].end - groups[j].start;
            if count < 9 {
                continue;
            }
            if count == 9 && unlabelled_window(text, groups, i, j) {
                out.push((groups[i].start, groups[j].end));
            }
            break;
        }
    }
    out
}

fn unlabelled_window(text: &str, groups: &[Group], i: usize, j: usize) -> bool {
    let window = &groups[i..=j];
    let inner = window.get(1).and_then(|g| g.joint);
    if let Some(inner) = inner {
        let same = window[1..].iter().all(|g| g.joint == Some(inner));
        let allowed = inner.mark == ' ' || (matches!(inner.mark, '.' | '-') && !inner.spaced);
        let sizes = window.iter().all(|g| (2..=6).contains(&(g.end - g.start)));
        if !(same && allowed && sizes) {
            return false;
        }
    }
    let (start, end) = (window[0].start, window[window.len() - 1].end);
    let joined_before = match window[0].joint {
        Some(joint) => joint.continues(inner),
        None => char_before(text, start).is_some_and(|c| c.is_alphanumeric() || c == '_'),
    };
    let joined_after = match groups.get(j + 1) {
        Some(next) => next.joint.is_some_and(|joint| joint.continues(inner)),
        None => char_after(text, end).is_some_and(|c| c.is_alphanumeric() || c == '_'),
    };
    // "12:30" after the number: it is a time.
    let time_after =
        text[end..].starts_with(':') && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
    !joined_before
        && !joined_after
        && !time_after
        && !looks_like_money(text, start, end)
        && elfproef(&window_digits(text, window))
}

// ---------------------------------------------------------------- IBAN

/// Between two characters of an IBAN: nothing, a run of spaces, or a dash
/// with spaces around it.
static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)(?:\biban|\b)(?<iban>[a-z]{{2}}[0-9]{{2}}(?:(?:{SPACE}{{1,4}}|{SPACE}{{0,2}}{DASH}{SPACE}{{0,2}})?[a-z0-9]){{11,30}})\b"
    ))
});

/// Something shaped like an IBAN: written together, or in groups of 4.
/// Digits inside one whose check fails belong to that wrong IBAN and are
/// no phone number or BSN.
static IBAN_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b[a-z]{{2}}[0-9]{{2}}(?:[a-z0-9]{{11,30}}|(?:{SPACE}{{1,4}}[a-z0-9]{{4}}){{2,7}}(?:{SPACE}{{1,4}}[a-z0-9]{{1,3}})?)\b"
    ))
});

/// The length of an IBAN in each country that has them (the SWIFT IBAN
/// registry). A country not listed may have any length from 15 to 34.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NL", 18),
    ("NO", 15),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("SA", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
];

/// The mod-97 check of ISO 13616 on an IBAN without spaces, and its
/// country's length.
fn iban_valid(compact: &str) -> bool {
    if !(15..=34).contains(&compact.len()) || !compact.is_ascii() {
        return false;
    }
    let (head, tail) = compact.split_at(4);
    let country = head[..2].to_ascii_uppercase();
    if let Some(&(_, len)) = IBAN_LENGTHS.iter().find(|(c, _)| *c == country)
        && len != compact.len()
    {
        return false;
    }
    let mut rem: u32 = 0;
    for c in tail.chars().chain(head.chars()) {
        let Some(v) = c.to_digit(36) else {
            return false;
        };
        rem = if v < 10 {
            (rem * 10 + v) % 97
        } else {
            (rem * 100 + v) % 97
        };
    }
    rem == 1
}

fn find_ibans(text: &str, found: &mut Vec<Finding>) {
    for caps in IBAN.captures_iter(text) {
        let m = caps.name("iban").expect("the IBAN group");
        // The match may have taken following words along ("... 7034 voor
        // de huur"); try it whole, then shorter, up to each space or dash.
        let s = m.as_str();
        let ends = s
            .char_indices()
            .filter(|&(i, c)| {
                (is_space(c) || is_dash(c)) && s[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
            })
            .map(|(i, _)| i)
            .chain([s.len()]);
        let mut ends: Vec<usize> = ends.collect();
        ends.reverse();
        for len in ends {
            let compact: String = s[..len]
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            if iban_valid(&compact) {
                push(text, found, FindingKind::Iban, m.start(), m.start() + len);
                break;
            }
        }
    }
}

// ---------------------------------------------------------------- e-mail

/// Local parts in any script (`zoë@`, `_jan@`), domains too. The parts
/// are "anything but a space or a delimiter": the Unicode classes of
/// letters and digits would make this pattern take 60 ms to build.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    let delim = r#"\s@<>()\[\]{},;:"“”‘’«»/\\|!?"#;
    regex(&format!(
        r"[^{delim}.'\-][^{delim}]*@[^{delim}.\-'_]+(?:-+[^{delim}.\-'_]+)*(?:\.[^{delim}.\-'_]+(?:-+[^{delim}.\-'_]+)*)*\.[^{delim}.\-'_0-9]{{2,24}}\b"
    ))
});

fn find_emails(text: &str, found: &mut Vec<Finding>) {
    if !text.contains('@') {
        return;
    }
    for m in EMAIL.find_iter(text) {
        push(text, found, FindingKind::Email, m.start(), m.end());
    }
}

// ---------------------------------------------------------------- phone

/// Words a phone number may be glued to: `tel0612345678`, `mob:06...`.
const PHONE_LABEL: &str =
    r"(?i:tel(?:efoon(?:nummer)?|\.?nr)?|mob(?:iel)?|gsm|phone|whatsapp|nummer|nr|[tm])\.?:?";

/// Phone numbers never use ':' between digits; after one, it makes a time.
const PHONE_JOINERS: &[char] = &['.', '/', ',', ':'];

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    // Between two digits: nothing, a few spaces, or one of `- – . /` with
    // at most two spaces on either side.
    let sep = format!(r"(?:{SPACE}{{0,2}}(?:[./]|{DASH}){SPACE}{{0,2}}|{SPACE}{{1,3}})?");
    let national = format!(r"0[1-9](?:{sep}[0-9]){{8}}");
    let bracketed = format!(
        r"\((?:0[1-9]\)(?:{sep}[0-9]){{8}}|0[1-9][0-9]\)(?:{sep}[0-9]){{7}}|0[1-9][0-9]{{2}}\)(?:{sep}[0-9]){{6}})"
    );
    let international = format!(r"(?:\+|00)31{sep}(?:\(0\){sep}|0{sep})?[1-9](?:{sep}[0-9]){{8}}");
    regex(&format!(
        r"(?<label>\b{PHONE_LABEL})?(?<n>{international}|{bracketed}|{national})"
    ))
});

/// A full date with a 4-digit year at the start of a text: `05-03-2025`.
static DATE_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^[0-9]{{1,2}}(?:[./]|{DASH})[0-9]{{1,2}}(?:[./]|{DASH})[0-9]{{4}}"
    ))
});

fn find_phones(text: &str, found: &mut Vec<Finding>) {
    for caps in PHONE.captures_iter(text) {
        let n = caps.name("n").expect("the number group");
        let (start, end) = (n.start(), n.end());
        let glued = char_before(text, start).is_some_and(|c| c.is_alphanumeric() || c == '_');
        // "op 05-03-2025 10:00": a date and a time, not a number.
        let date = DATE_AT_START.is_match(n.as_str());
        if (caps.name("label").is_some() || !glued)
            && !date
            && !continues_number(text, start, end, PHONE_JOINERS)
        {
            push(text, found, FindingKind::Phone, start, end);
        }
    }
}

// ---------------------------------------------------------------- postcode

/// A house number with an optional addition: `12`, `12a`, `12-II`, `12-3`.
fn house_number() -> String {
    format!(r"[1-9][0-9]{{0,4}}(?:{DASH}?[A-Za-z]{{1,4}}|{DASH}[0-9]{{1,4}})?\b")
}

/// Words between a postcode and its house number: `1012 AB, nr. 12`.
const NUMBER_WORD: &str = r"(?i:huisnummer|huisnr|nummer|nr|no)\.?:?";

static POSTCODE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let nr = house_number();
    regex(&format!(
        r"\b(?<pc>[1-9][0-9]{{3}}){SPACE}{{0,3}}(?<letters>[A-Za-z]{{2}})(?:{SPACE}*,{SPACE}*(?:{NUMBER_WORD}{SPACE}*)?|{SPACE}+(?:{NUMBER_WORD}{SPACE}*)?|){nr}"
    ))
});

static ADDRESS_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    // In an address a house number may have a spaced addition: `12 hs`.
    let nr = format!(
        r"[1-9][0-9]{{0,4}}(?:{DASH}?[A-Za-z]{{1,4}}|{DASH}[0-9]{{1,4}}|{SPACE}(?:[A-Za-z]|hs|HS|bis|bg|zw|I{{1,3}}|IV|huis|boven|beneden))?\b"
    );
    regex(&format!(
        r"\p{{L}}[\p{{L}}.'’\-]*{SPACE}+(?<nr>{nr})(?:\s*[,;/|]\s*|\s*{DASH}\s*|\s+)(?<pc>[1-9][0-9]{{3}}){SPACE}{{0,3}}(?<letters>[A-Za-z]{{2}})\b"
    ))
});

/// Short words that could follow a year or amount and look like the letters
/// of a postcode when written in lower case ("sinds 2019 op 12 maart").
const TWO_LETTER_WORDS: &[&str] = &[
    "af", "al", "am", "an", "as", "at", "be", "by", "da", "de", "do", "en", "er", "go", "he", "hé",
    "ik", "if", "in", "is", "it", "ja", "je", "me", "mn", "my", "na", "no", "nu", "of", "oh", "ok",
    "om", "on", "op", "or", "so", "te", "to", "tv", "uw", "up", "us", "we", "wo", "ze", "zo",
];

/// Units after an amount ("huur 1200 pm, 12 maanden"): per month, week,
/// year, day, person, hour; household; number; pieces; weights, lengths,
/// sizes; years, weeks, days, hours; net and gross.
const UNITS: &[&str] = &[
    "pm", "pw", "pj", "pd", "pp", "pu", "ph", "hh", "nr", "st", "ct", "kg", "gr", "mg", "km", "cm",
    "mm", "ml", "cl", "dl", "gb", "mb", "kb", "jr", "wk", "dg", "hr", "mn", "nt", "bt", "br", "ex",
    "ca", "pc",
];

/// Two-letter abbreviations of laws ("sinds 2022 WW, 3 maanden"):
/// Werkloosheidswet, Ziektewet, Burgerlijk Wetboek, Participatiewet,
/// Jeugdwet, Toeslagenwet, Wetboek van Strafrecht and van Strafvordering,
/// Arbeidstijdenwet, inkomstenbelasting.
const LAW_ABBREVIATIONS: &[&str] = &["ww", "zw", "bw", "pw", "jw", "tw", "sr", "sv", "at", "ib"];

/// Words before an amount of money.
const AMOUNT_WORDS: &[&str] = &[
    "€",
    "eur",
    "euro",
    "huur",
    "kosten",
    "bedrag",
    "loon",
    "salaris",
    "inkomen",
    "uitkering",
    "toeslag",
    "schuld",
    "premie",
    "rente",
    "aflossing",
    "budget",
    "rent",
    "income",
    "cost",
    "costs",
];

/// Whether four digits and two letters are a postcode: not SA, SD or SS
/// (never used); in lower or mixed case not a common short word or a unit;
/// not a year and a law ("2022 WW"); not an amount and a unit ("€ 1200
/// PM").
fn postcode_letters(text: &str, digits: Match<'_>, letters: &str) -> bool {
    let upper = letters.to_ascii_uppercase();
    let lower = letters.to_ascii_lowercase();
    if matches!(upper.as_str(), "SA" | "SD" | "SS") {
        return false;
    }
    if letters != upper
        && (TWO_LETTER_WORDS.contains(&lower.as_str()) || UNITS.contains(&lower.as_str()))
    {
        return false;
    }
    let year = digits
        .as_str()
        .parse::<u32>()
        .is_ok_and(|y| (1900..=2099).contains(&y));
    if year && LAW_ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    let amount = text[..digits.start()].trim_end().ends_with('€')
        || words_before(text, digits.start(), 2)
            .any(|w| AMOUNT_WORDS.contains(&bare_word(w).as_str()));
    !(amount && UNITS.contains(&lower.as_str()))
}

/// Words that count what comes before them: "1200 PM, 12 maanden" is an
/// amount and a period, not a postcode and a house number.
const COUNTING_WORDS: &[&str] = &[
    "maand",
    "maanden",
    "mnd",
    "jaar",
    "jaren",
    "jr",
    "week",
    "weken",
    "wk",
    "dag",
    "dagen",
    "uur",
    "uren",
    "keer",
    "maal",
    "termijnen",
    "personen",
    "kinderen",
    "euro",
    "procent",
    "months",
    "years",
    "weeks",
    "days",
    "hours",
    "times",
    "people",
    "persons",
    "children",
];

fn find_postcodes(text: &str, found: &mut Vec<Finding>) {
    for caps in POSTCODE_FIRST.captures_iter(text) {
        let all = caps.get(0).expect("whole match");
        let pc = caps.name("pc").expect("postcode digits");
        let counted = text[all.end()..]
            .split_whitespace()
            .next()
            .is_some_and(|w| COUNTING_WORDS.contains(&bare_word(w).as_str()));
        if postcode_letters(text, pc, &caps["letters"])
            && !counted
            && !continues_number(text, all.start(), all.end(), &['.', ','])
        {
            push(
                text,
                found,
                FindingKind::PostcodeHouseNumber,
                all.start(),
                all.end(),
            );
        }
    }
    // "Damstraat 12, 1012 AB": the finding runs from the house number to the
    // postcode; the street name alone says little.
    for caps in ADDRESS_FIRST.captures_iter(text) {
        let nr = caps.name("nr").expect("house number");
        let pc = caps.name("pc").expect("postcode digits");
        let all = caps.get(0).expect("whole match");
        let joined_on = char_after(text, all.end()).is_some_and(|c| c.is_ascii_digit());
        if postcode_letters(text, pc, &caps["letters"]) && !joined_on {
            push(
                text,
                found,
                FindingKind::PostcodeHouseNumber,
                nr.start(),
                all.end(),
            );
        }
    }
}

// ---------------------------------------------------------------- date of birth

const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|sept|febr|jan|feb|mrt|maa|mar|apr|jun|jul|aug|sep|okt|oct|nov|dec";

/// A year: four digits, or two with or without an apostrophe (`'85`).
const YEAR: &str = r"[0-9]{4}|['’‘][0-9]{2}|[0-9]{2}";

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Between day, month and year: a dash, slash or dot (spaces around
    // allowed), or spaces alone.
    let sep = format!(r"{SPACE}{{0,2}}(?:[/.]|{DASH}){SPACE}{{0,2}}|{SPACE}{{1,2}}");
    regex(&format!(
        r"\b(?:(?<d>[0-9]{{1,2}})(?<s1>{sep})(?<m>[0-9]{{1,2}})(?<s2>{sep})(?<y>{YEAR})|(?<iy>[0-9]{{4}})(?<is1>{sep})(?<im>[0-9]{{1,2}})(?<is2>{sep})(?<id>[0-9]{{1,2}})|(?<compact>[0-9]{{8}}))\b"
    ))
});

static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Between day, month and year: spaces, a dash, slash or dot, or
    // nothing (`12mrt1985`).
    let sep = format!(r"(?:\s+|{SPACE}*(?:[/.]|{DASH}){SPACE}*)?");
    regex(&format!(
        r"(?i)\b(?:(?<d>[0-9]{{1,2}})(?:e|ste|de|st|nd|rd|th)?\.?{sep}(?:of\s+)?(?:{MONTHS})\.?,?{sep}(?<y>{YEAR})|(?:{MONTHS})\.?\s+(?<ed>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?<ey>{YEAR}))\b"
    ))
});

/// A quick test for text that may hold a birth word at all: every birth
/// word contains one of these.
static BIRTH_HINT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)geb|born|birth|dob|d\.o\.b|verjaardag"));

/// Words that say a date nearby is a date of birth (lower case, without
/// surrounding punctuation), and whether each is a label (a noun that
/// names the date) rather than a verb or an event.
const BIRTH_WORDS: &[(&str, bool)] = &[
    ("geboren", false),
    ("geb", true),
    ("geb.datum", true),
    ("geb.dat", true),
    ("gebdat", true),
    ("gebdatum", true),
    ("geboortedatum", true),
    ("geboortedag", true),
    ("geboorte", false),
    ("verjaardag", true),
    ("born", false),
    ("birth", true),
    ("birthdate", true),
    ("birthday", true),
    ("d.o.b", true),
    ("dob", true),
];

/// Words that begin a new clause: a verb such as *geboren* before one does
/// not reach a date after it.
const CLAUSE_WORDS: &[&str] = &[
    "en",
    "maar",
    "daarna",
    "toen",
    "want",
    "terwijl",
    "nadat",
    "waarna",
    "sindsdien",
    "and",
    "but",
    "then",
    "after",
    "since",
];

/// How many words before and after a date are searched for a birth word.
/// Up to the near limits any birth word counts; beyond them, up to
/// `WORDS_FAR`, a verb only while no comma or clause word stands between
/// ("geboren, daarna verhuisd, intake op 12-03-2025" is no birth date).
const WORDS_BEFORE: usize = 4;
const WORDS_AFTER: usize = 3;
const WORDS_FAR: usize = 8;

/// `Some(is_label)` when `word` is a birth word.
fn birth_word(word: &str) -> Option<bool> {
    let bare = bare_word(word);
    BIRTH_WORDS
        .iter()
        .find(|(w, _)| *w == bare)
        .map(|&(_, label)| label)
}

fn breaks_clause(word: &str) -> bool {
    word.ends_with([',', ':', '(', ')']) || CLAUSE_WORDS.contains(&bare_word(word).as_str())
}

/// Whether a birth word stands near the date at `start..end`, in the same
/// sentence.
fn near_birth_word(text: &str, start: usize, end: usize) -> bool {
    let counts = |i: usize, near: usize, broken: bool, label: bool| i < near || !broken || label;
    let mut broken = false;
    for (i, word) in text[..start]
        .split_whitespace()
        .rev()
        .take(WORDS_FAR)
        .enumerate()
    {
        if ends_sentence(word) {
            break;
        }
        broken |= breaks_clause(word);
        if birth_word(word).is_some_and(|label| counts(i, WORDS_BEFORE, broken, label)) {
            return true;
        }
    }
    if text[end..].starts_with(['.', '!', '?', ';']) {
        return false;
    }
    let mut broken = false;
    for (i, word) in text[end..].split_whitespace().take(WORDS_FAR).enumerate() {
        if birth_word(word).is_some_and(|label| counts(i, WORDS_AFTER, broken, label)) {
            return true;
        }
        if ends_sentence(word) {
            break;
        }
        broken |= breaks_clause(word);
    }
    false
}

fn plausible_date(day: u32, month: u32, year: Option<u32>) -> bool {
    (1..=31).contains(&day)
        && (1..=12).contains(&month)
        && year.is_none_or(|y| (1800..=2199).contains(&y))
}

fn number(caps: &regex::Captures, name: &str) -> Option<u32> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

/// A year as written: four digits say it; two (with or without an
/// apostrophe) say nothing about the century.
fn year_of(caps: &regex::Captures, name: &str) -> Option<Option<u32>> {
    let y = caps.name(name)?.as_str();
    Some(if y.len() == 4 { y.parse().ok() } else { None })
}

/// Day, month and year of eight digits: `12031985` or `19850312`.
fn compact_date(digits: &str) -> Option<(u32, u32, Option<u32>)> {
    let n = |r: std::ops::Range<usize>| digits[r].parse::<u32>().ok();
    let (d, m, y) = (n(0..2)?, n(2..4)?, n(4..8)?);
    if plausible_date(d, m, Some(y)) {
        return Some((d, m, Some(y)));
    }
    let (y, m, d) = (n(0..4)?, n(4..6)?, n(6..8)?);
    plausible_date(d, m, Some(y)).then_some((d, m, Some(y)))
}

fn find_dates_of_birth(text: &str, found: &mut Vec<Finding>) {
    if !BIRTH_HINT.is_match(text) {
        return;
    }
    for caps in NUMERIC_DATE.captures_iter(text) {
        let all = caps.get(0).expect("whole match");
        let parts = if let Some(c) = caps.name("compact") {
            compact_date(c.as_str()).map(|date| (date, true))
        } else if caps.name("d").is_some() {
            let same = Joint::of(&caps["s1"]) == Joint::of(&caps["s2"]);
            number(&caps, "d")
                .zip(number(&caps, "m"))
                .zip(year_of(&caps, "y"))
                .map(|((d, m), y)| ((d, m, y), same))
        } else {
            let same = Joint::of(&caps["is1"]) == Joint::of(&caps["is2"]);
            number(&caps, "id")
                .zip(number(&caps, "im"))
                .map(|(d, m)| ((d, m, number(&caps, "iy")), same))
        };
        let Some(((day, month, year), same_separators)) = parts else {
            continue;
        };
        if same_separators
            && plausible_date(day, month, year)
            && !continues_number(text, all.start(), all.end(), &['/', '.'])
            && near_birth_word(text, all.start(), all.end())
        {
            push(
                text,
                found,
                FindingKind::DateOfBirth,
                all.start(),
                all.end(),
            );
        }
    }
    for caps in WRITTEN_DATE.captures_iter(text) {
        let all = caps.get(0).expect("whole match");
        let day = number(&caps, "d").or_else(|| number(&caps, "ed"));
        let year = year_of(&caps, "y")
            .or_else(|| year_of(&caps, "ey"))
            .flatten();
        if day.is_some_and(|d| plausible_date(d, 1, year))
            && near_birth_word(text, all.start(), all.end())
        {
            push(
                text,
                found,
                FindingKind::DateOfBirth,
                all.start(),
                all.end(),
            );
        }
    }
}

// ---------------------------------------------------------------- names

fn names_regex(names: &[String]) -> Option<Regex> {
    let mut names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return None;
    }
    // Longest first, so "Jan Jansen" wins over "Jan" at the same place.
    names.sort_by_key(|n| (std::cmp::Reverse(n.chars().count()), *n));
    names.dedup();
    let alternatives: Vec<String> = names
        .iter()
        .map(|name| {
            let words: Vec<String> = name.split_whitespace().map(regex::escape).collect();
            let body = words.join(r"\s+");
            let open = if name.starts_with(char::is_alphanumeric) {
                r"\b"
            } else {
                ""
            };
            // A name bends as Dutch words do: "Jansens", "Jansen's",
            // "Pietje", "Jansentje", "Kimmetje".
            let close = if name.ends_with(char::is_alphanumeric) {
                r"(?:['’]?s|je|tjes?|pjes?|kjes?|jes|\p{L}?etjes?|ie)?\b"
            } else {
                ""
            };
            format!("{open}{body}{close}")
        })
        .collect();
    Regex::new(&format!("(?i)(?:{})", alternatives.join("|"))).ok()
}

#[cfg(test)]
mod tests;
