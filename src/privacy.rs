//! The privacy guard's detector: finds text in a case note that looks like
//! personal data, so the tool can warn before it stores it and offer a
//! rewrite with the data replaced by a placeholder.
//!
//! Pure: no printing, no disk. What it looks for:
//!
//! - **BSN**: 9 digits (`123456782`, `1234.56.782`, `123 456 782`,
//!   `123.456.782`, `123-456-782`) that pass the 11-check. Not inside a longer
//!   run of digits, and not when written as a euro amount (`€ 123.456.782`).
//! - **IBAN**: 2 letters, 2 check digits and 11 to 30 letters or digits,
//!   written together or in groups of 4 separated by single spaces, any case,
//!   with a valid mod-97 check.
//! - **E-mail addresses**.
//! - **Dutch phone numbers**: 10 digits starting with `0` and then not `0`, or
//!   `+31` / `0031` (optionally `(0)`) and then 9 digits not starting with `0`;
//!   digits may be separated by single spaces, dashes, dots or slashes; an area
//!   code may be in brackets (`(020) 123 4567`).
//! - **Postcode with house number**: `1012 AB 12`, `1012AB 12a`,
//!   `1012 ab, 12`, and an address such as `Damstraat 12, 1012 AB`. A postcode
//!   alone is not a finding.
//! - **Date of birth**: a full date (day, month and year; numeric or with a
//!   Dutch or English month name) with a birth word (*geboren*, *geb.*,
//!   *geboortedatum*, *born*, *date of birth*, *DOB*, ...) at most four words
//!   before it or three words after it, in the same sentence.
//! - **Names** from a list the user configured: whole words, any case.

use std::sync::LazyLock;

use regex::Regex;

use crate::i18n::Lang;
use crate::note::Answer;

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
        let iban_shapes: Vec<(usize, usize)> =
            IBAN.find_iter(text).map(|m| (m.start(), m.end())).collect();
        found.retain(|f| {
            f.kind == FindingKind::Iban
                || f.kind == FindingKind::Name
                || !iban_shapes.iter().any(|&(s, e)| s <= f.start && f.end <= e)
        });
        resolve_overlaps(found)
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
/// side: directly, through one of `joiners`, so that they are part of a
/// longer number.
fn continues_number(text: &str, start: usize, end: usize, joiners: &[char]) -> bool {
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let touches = |first: Option<char>, second: Option<char>| match first {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if joiners.contains(&c) => second.is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    };
    touches(before.next(), before.next()) || touches(after.next(), after.next())
}

// ---------------------------------------------------------------- BSN

static BSN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b(?:[0-9]{9}|[0-9]{4}[ .][0-9]{2}[ .][0-9]{3}|[0-9]{3}[ .\-][0-9]{3}[ .\-][0-9]{3})\b")
});

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

fn find_bsns(text: &str, found: &mut Vec<Finding>) {
    for m in BSN.find_iter(text) {
        let s = m.as_str();
        let mut seps = s.chars().filter(|c| !c.is_ascii_digit());
        let same_separator = match seps.next() {
            Some(first) => seps.all(|c| c == first),
            None => true,
        };
        let mut joiners = vec!['.', ',', '-', '/'];
        if s.contains(' ') {
            joiners.push(' ');
        }
        if same_separator
            && elfproef(&digits_of(s))
            && !continues_number(text, m.start(), m.end(), &joiners)
            && !looks_like_money(text, m.start(), m.end())
        {
            push(text, found, FindingKind::Bsn, m.start(), m.end());
        }
    }
}

// ---------------------------------------------------------------- IBAN

static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b[a-z]{2}[0-9]{2}(?:[a-z0-9]{11,30}|(?: [a-z0-9]{4}){2,7}(?: [a-z0-9]{1,3})?)\b")
});

/// The mod-97 check of ISO 13616 on an IBAN without spaces.
fn iban_valid(compact: &str) -> bool {
    if !(15..=34).contains(&compact.len()) || !compact.is_ascii() {
        return false;
    }
    let (head, tail) = compact.split_at(4);
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
    for m in IBAN.find_iter(text) {
        // A grouped match may have taken a following word as its last group
        // ("... 7034 voor"); try shorter prefixes, group by group.
        let s = m.as_str();
        let mut len = s.len();
        loop {
            let compact: String = s[..len].chars().filter(|c| *c != ' ').collect();
            if iban_valid(&compact) {
                push(text, found, FindingKind::Iban, m.start(), m.start() + len);
                break;
            }
            match s[..len].rfind(' ') {
                Some(space) => len = space,
                None => break,
            }
        }
    }
}

// ---------------------------------------------------------------- e-mail

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b[a-z0-9][a-z0-9._%+_\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}\b",
    )
});

fn find_emails(text: &str, found: &mut Vec<Finding>) {
    for m in EMAIL.find_iter(text) {
        push(text, found, FindingKind::Email, m.start(), m.end());
    }
}

// ---------------------------------------------------------------- phone

/// Between two digits of a phone number: nothing, one space, or one of
/// `- . /` with at most a space on either side.
const SEP: &str = r"(?:[ \u{a0}]?[\-./][ \u{a0}]?|[ \u{a0}])?";

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    let national = format!(r"\b0[1-9](?:{SEP}[0-9]){{8}}");
    let bracketed = format!(
        r"\((?:0[1-9]\)(?:{SEP}[0-9]){{8}}|0[1-9][0-9]\)(?:{SEP}[0-9]){{7}}|0[1-9][0-9]{{2}}\)(?:{SEP}[0-9]){{6}})"
    );
    let international =
        format!(r"(?:\+|\b00)31{SEP}(?:\(0\){SEP}|0{SEP})?[1-9](?:{SEP}[0-9]){{8}}");
    regex(&format!("{international}|{bracketed}|{national}"))
});

fn find_phones(text: &str, found: &mut Vec<Finding>) {
    for m in PHONE.find_iter(text) {
        let start = m.start();
        let preceded_by_digit = char_before(text, start).is_some_and(|c| c.is_ascii_digit());
        if !preceded_by_digit && !continues_number(text, start, m.end(), &['-', '.', '/', ',']) {
            push(text, found, FindingKind::Phone, start, m.end());
        }
    }
}

// ---------------------------------------------------------------- postcode

/// A house number with an optional addition: `12`, `12a`, `12-II`, `12-3`.
const HOUSE_NUMBER: &str = r"[1-9][0-9]{0,4}(?:-?[A-Za-z]{1,4}|-[0-9]{1,4})?\b";

static POSTCODE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b(?<pc>[1-9][0-9]{{3}})[ \u{{a0}}]?(?<letters>[A-Za-z]{{2}})\b(?:[ \t]*,[ \t]*|[ \t]+){HOUSE_NUMBER}"
    ))
});

static ADDRESS_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\p{{L}}[\p{{L}}.'\-]*[ \t]+(?<nr>{HOUSE_NUMBER})(?:\s*,\s*|\s+)(?<pc>[1-9][0-9]{{3}})[ \u{{a0}}]?(?<letters>[A-Za-z]{{2}})\b"
    ))
});

/// Short words that could follow a year or amount and look like the letters
/// of a postcode when written in lower case ("sinds 2019 op 12 maart").
const TWO_LETTER_WORDS: &[&str] = &[
    "af", "al", "am", "an", "as", "at", "be", "by", "da", "de", "do", "en", "er", "go", "he", "hé",
    "ik", "if", "in", "is", "it", "ja", "je", "me", "mn", "my", "na", "no", "nu", "of", "oh", "ok",
    "om", "on", "op", "or", "so", "te", "to", "tv", "uw", "up", "us", "we", "wo", "ze", "zo",
];

/// Whether two letters after 4 digits are postcode letters: not SA, SD or
/// SS (never used), and in lower or mixed case not a common short word.
fn postcode_letters(letters: &str) -> bool {
    let upper = letters.to_ascii_uppercase();
    if matches!(upper.as_str(), "SA" | "SD" | "SS") {
        return false;
    }
    letters == upper || !TWO_LETTER_WORDS.contains(&letters.to_ascii_lowercase().as_str())
}

fn find_postcodes(text: &str, found: &mut Vec<Finding>) {
    for caps in POSTCODE_FIRST.captures_iter(text) {
        let all = caps.get(0).expect("whole match");
        if postcode_letters(&caps["letters"])
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
        let all = caps.get(0).expect("whole match");
        let joined_on = char_after(text, all.end()).is_some_and(|c| c.is_ascii_digit());
        if postcode_letters(&caps["letters"]) && !joined_on {
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

const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|sept|jan|feb|mrt|mar|apr|jun|jul|aug|sep|okt|oct|nov|dec";

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:(?<d>[0-9]{1,2})(?<s1>[\-/.])(?<m>[0-9]{1,2})(?<s2>[\-/.])(?<y>[0-9]{4}|[0-9]{2})|(?<iy>[0-9]{4})(?<is1>[\-/.])(?<im>[0-9]{1,2})(?<is2>[\-/.])(?<id>[0-9]{1,2}))\b",
    )
});

static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:(?<d>[0-9]{{1,2}})(?:e|ste|de|st|nd|rd|th)?\.?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+(?<y>[0-9]{{4}})|(?:{MONTHS})\.?\s+(?<ed>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?<ey>[0-9]{{4}}))\b"
    ))
});

/// Words that say a date nearby is a date of birth (lower case, without
/// surrounding punctuation).
const BIRTH_WORDS: &[&str] = &[
    "geboren",
    "geb",
    "geb.datum",
    "geb.dat",
    "geboortedatum",
    "geboortedag",
    "geboorte",
    "born",
    "birth",
    "birthdate",
    "d.o.b",
    "dob",
];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "geb", "dhr", "mevr", "mw", "mr", "dr", "nr", "bijv", "evt", "art", "ca", "jl", "dd", "tel",
    "vlg", "zgn", "resp", "incl", "excl", "plm", "st", "no",
];

/// How many words before and after a date are searched for a birth word.
const WORDS_BEFORE: usize = 4;
const WORDS_AFTER: usize = 3;

fn bare_word(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn is_birth_word(word: &str) -> bool {
    BIRTH_WORDS.contains(&bare_word(word).as_str())
}

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

/// Whether a birth word stands near the date at `start..end`: among the
/// last few words before it or the first few after it, in the same sentence.
fn near_birth_word(text: &str, start: usize, end: usize) -> bool {
    for word in text[..start].split_whitespace().rev().take(WORDS_BEFORE) {
        if ends_sentence(word) {
            break;
        }
        if is_birth_word(word) {
            return true;
        }
    }
    if text[end..].starts_with(['.', '!', '?', ';']) {
        return false;
    }
    for word in text[end..].split_whitespace().take(WORDS_AFTER) {
        if is_birth_word(word) {
            return true;
        }
        if ends_sentence(word) {
            break;
        }
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

fn find_dates_of_birth(text: &str, found: &mut Vec<Finding>) {
    for caps in NUMERIC_DATE.captures_iter(text) {
        let all = caps.get(0).expect("whole match");
        let (day, month, year, s1, s2) = if caps.name("d").is_some() {
            let year = caps.name("y").map(|y| y.as_str());
            // A two-digit year says nothing about the century.
            let year = year.and_then(|y| if y.len() == 4 { y.parse().ok() } else { None });
            (
                number(&caps, "d"),
                number(&caps, "m"),
                year,
                &caps["s1"],
                &caps["s2"],
            )
        } else {
            (
                number(&caps, "id"),
                number(&caps, "im"),
                number(&caps, "iy"),
                &caps["is1"],
                &caps["is2"],
            )
        };
        let (Some(day), Some(month)) = (day, month) else {
            continue;
        };
        if s1 == s2
            && plausible_date(day, month, year)
            && !continues_number(text, all.start(), all.end(), &['-', '/', '.'])
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
        let year = number(&caps, "y").or_else(|| number(&caps, "ey"));
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
            let close = if name.ends_with(char::is_alphanumeric) {
                r"\b"
            } else {
                ""
            };
            format!("{open}{body}{close}")
        })
        .collect();
    Regex::new(&format!("(?i)(?:{})", alternatives.join("|"))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<Finding> {
        Scanner::new(Vec::new()).scan(text)
    }

    fn found(text: &str) -> Vec<(FindingKind, String)> {
        scan(text).into_iter().map(|f| (f.kind, f.text)).collect()
    }

    /// Every `(text, expected)` yields exactly one finding of `kind`, with
    /// exactly the expected text, and nothing else.
    fn assert_finds(kind: FindingKind, cases: &[(&str, &str)]) {
        for (text, expected) in cases {
            assert_eq!(
                found(text),
                vec![(kind, expected.to_string())],
                "in {text:?}"
            );
        }
    }

    /// No text yields any finding at all.
    fn assert_clean(cases: &[&str]) {
        for text in cases {
            assert_eq!(found(text), vec![], "in {text:?}");
        }
    }

    // ------------------------------------------------------------ BSN

    #[test]
    fn elfproef_follows_the_rule() {
        assert!(elfproef(&digits_of("123456782")));
        assert!(elfproef(&digits_of("111222333")));
        assert!(!elfproef(&digits_of("123456789")));
        assert!(!elfproef(&digits_of("000000000")));
        assert!(!elfproef(&digits_of("12345678")));
    }

    #[test]
    fn bsn_found() {
        assert_finds(
            FindingKind::Bsn,
            &[
                ("123456782", "123456782"),
                ("BSN 123456782", "123456782"),
                ("bsn: 1234.56.782.", "1234.56.782"),
                ("BSN 123 456 782 van cliënt", "123 456 782"),
                ("nummer 123.456.782 staat op de brief", "123.456.782"),
                ("nummer 123-456-782", "123-456-782"),
                ("(628194821)", "628194821"),
                ("sofinummer 252760189, moeder", "252760189"),
                ("BSN 079244026 en 3 kinderen", "079244026"),
                ("zijn bsn is 1215 47 280", "1215 47 280"),
                ("BSN=385280841;", "385280841"),
                ("BSN 353799075 3 kinderen", "353799075"),
            ],
        );
    }

    #[test]
    fn bsn_not_found() {
        assert_clean(&[
            "123456789",
            "dossier 653705656",
            "337 344 197",
            "1234.56.789",
            "12345678",
            "1234567820",
            "01234567820",
            "1 123 456 782",
            "123 456 782 9",
            "000000000",
            "123.456 782",
            "€ 123.456.782",
            "EUR 123456782",
            "123.456.782,- subsidie",
            "123.456.782,50",
            "123456782 euro",
            "v123456782",
            "1.123456782",
        ]);
    }

    // ------------------------------------------------------------ IBAN

    #[test]
    fn iban_found() {
        assert_finds(
            FindingKind::Iban,
            &[
                ("NL91ABNA0417164300", "NL91ABNA0417164300"),
                ("rekening NL91 ABNA 0417 1643 00.", "NL91 ABNA 0417 1643 00"),
                ("nl91abna0417164300", "nl91abna0417164300"),
                ("IBAN: NL20INGB0001234567", "NL20INGB0001234567"),
                (
                    "NL39 RABO 0300 0652 64 op naam van",
                    "NL39 RABO 0300 0652 64",
                ),
                ("DE89370400440532013000", "DE89370400440532013000"),
                ("DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
                ("BE68539007547034", "BE68539007547034"),
                ("BE68 5390 0754 7034 voor de huur", "BE68 5390 0754 7034"),
                ("GB82WEST12345698765432", "GB82WEST12345698765432"),
                (
                    "FR14 2004 1010 0505 0001 3M02 606",
                    "FR14 2004 1010 0505 0001 3M02 606",
                ),
                ("(NO9386011117947)", "NO9386011117947"),
                ("ES9121000418450200051332", "ES9121000418450200051332"),
                (
                    "PL61109010140000071219812874",
                    "PL61109010140000071219812874",
                ),
            ],
        );
    }

    #[test]
    fn iban_not_found() {
        assert_clean(&[
            "NL92ABNA0417164300",
            "NL91ABNA0417164301",
            "NL91 ABNA 0417 1643 01",
            "NL91 ABNA 0417 1643 01 als rekening",
            "DE88370400440532013000",
            "BE69539007547034",
            "GB82WEST1234569876543",
            "NL91ABNA04171643",
            "NL91",
            "AB12CDEF",
            "Wmo2015 artikel 2.3.5",
        ]);
    }

    #[test]
    fn iban_check() {
        assert!(iban_valid("NL91ABNA0417164300"));
        assert!(iban_valid("nl91abna0417164300"));
        assert!(!iban_valid("NL91ABNA0417164399"));
        assert!(!iban_valid("NL91"));
    }

    // ------------------------------------------------------------ e-mail

    #[test]
    fn email_found() {
        assert_finds(
            FindingKind::Email,
            &[
                ("jan@example.nl", "jan@example.nl"),
                (
                    "mail: j.de.vries@gemeente.amsterdam.nl.",
                    "j.de.vries@gemeente.amsterdam.nl",
                ),
                ("<Piet.Jansen@Example.COM>", "Piet.Jansen@Example.COM"),
                (
                    "mail naar info+casus@buurtteam-west.nl of bel",
                    "info+casus@buurtteam-west.nl",
                ),
                ("(ouder_2@hotmail.com)", "ouder_2@hotmail.com"),
                ("x@y.org", "x@y.org"),
                ("adres: a.b-c@sub.domein.co.uk, ", "a.b-c@sub.domein.co.uk"),
                ("m.yilmaz85@gmail.com", "m.yilmaz85@gmail.com"),
                ("MAIL@EXAMPLE.NL", "MAIL@EXAMPLE.NL"),
                (
                    "stuur naar fatima.el-amrani@outlook.com",
                    "fatima.el-amrani@outlook.com",
                ),
            ],
        );
    }

    #[test]
    fn email_not_found() {
        assert_clean(&[
            "@buurtteam",
            "jan@",
            "jan@localhost",
            "vergadering @ 14:30",
            "info at example dot nl",
            "a @ b.nl",
            "e-mail volgt",
            "jan@example.",
            "@example.nl",
            "twitter: @gemeente020",
        ]);
    }

    // ------------------------------------------------------------ phone

    #[test]
    fn phone_found() {
        assert_finds(
            FindingKind::Phone,
            &[
                ("06-12345678", "06-12345678"),
                ("bel 06 1234 5678 na vijven", "06 1234 5678"),
                ("0612345678", "0612345678"),
                ("+31 6 12345678", "+31 6 12345678"),
                ("+31612345678", "+31612345678"),
                ("0031 6 12345678", "0031 6 12345678"),
                ("0031612345678", "0031612345678"),
                ("+31 (0)6 12345678", "+31 (0)6 12345678"),
                ("+31 06 12345678", "+31 06 12345678"),
                ("+31(0)20-1234567", "+31(0)20-1234567"),
                ("tel. 020-1234567", "020-1234567"),
                ("020 123 4567", "020 123 4567"),
                ("010-1234567", "010-1234567"),
                ("0229-123456", "0229-123456"),
                ("+31 20 123 4567", "+31 20 123 4567"),
                ("(020) 123 4567", "(020) 123 4567"),
                ("(0229) 123456", "(0229) 123456"),
                ("(06) 12345678", "(06) 12345678"),
                ("06 - 12 34 56 78", "06 - 12 34 56 78"),
                ("06.12.34.56.78", "06.12.34.56.78"),
                ("020/1234567", "020/1234567"),
                ("bel 06-12345678, of mail", "06-12345678"),
                ("nummer 0612345678 3 keer gebeld", "0612345678"),
            ],
        );
    }

    #[test]
    fn phone_not_found() {
        assert_clean(&[
            "06",
            "bel 06 als het nodig is",
            "dossiernummer 1234567890",
            "ordernummer 0012345678",
            "06-1234567",
            "06123456789",
            "061234567890",
            "+3161234567",
            "31612345678",
            "0612345678-9",
            "10612345678",
            "1-0612345678",
            "vraag 3 van 51",
            "om 14:30 bellen",
        ]);
    }

    // ------------------------------------------------------------ postcode

    #[test]
    fn postcode_found() {
        assert_finds(
            FindingKind::PostcodeHouseNumber,
            &[
                ("1012 AB 12", "1012 AB 12"),
                ("1012AB 12a", "1012AB 12a"),
                ("1012 ab, 12", "1012 ab, 12"),
                ("1055 XK 3-II", "1055 XK 3-II"),
                ("2513 AA 140-3 is het adres", "2513 AA 140-3"),
                ("Damstraat 12, 1012 AB Amsterdam", "12, 1012 AB"),
                ("Kalverstraat 92-3, 1012 PH", "92-3, 1012 PH"),
                ("Laan van Meerdervoort 5a 2517 AB Den Haag", "5a 2517 AB"),
                ("Dorpsstraat 1\n1234 XY Ergens", "1\n1234 XY"),
                ("woont aan de Wibautstraat 3, 1091gh", "3, 1091gh"),
                ("Postbus 123, 1000 AB Amsterdam", "123, 1000 AB"),
            ],
        );
    }

    #[test]
    fn postcode_not_found() {
        assert_clean(&[
            "1012 AB",
            "postcode 1012 AB Amsterdam",
            "Damstraat 12",
            "0123 AB 12",
            "1012 SS 12",
            "1012 SA 3",
            "1012 sd 3",
            "sinds 2019 op 12 maart",
            "in 2023 en 2024",
            "2019 in 3 weken",
            "Wmo 2015 en 3 andere wetten",
            "kosten 1250 per maand",
            "vraag 12 van 2025",
        ]);
    }

    // ------------------------------------------------------------ date of birth

    #[test]
    fn date_of_birth_found() {
        assert_finds(
            FindingKind::DateOfBirth,
            &[
                ("geboren 12-03-1985", "12-03-1985"),
                ("geb. 12/3/1985", "12/3/1985"),
                ("Geboortedatum: 12.03.1985", "12.03.1985"),
                ("geboortedatum 1985-03-12", "1985-03-12"),
                ("Geboren op 12 maart 1985 in Utrecht", "12 maart 1985"),
                ("zoon is op 3 mei 2001 geboren.", "3 mei 2001"),
                ("Geboren in Amsterdam op 3 mei 2001", "3 mei 2001"),
                ("born 3 May 2001", "3 May 2001"),
                ("date of birth: March 12, 1985", "March 12, 1985"),
                ("DOB 12/03/1985", "12/03/1985"),
                ("d.o.b. 12-03-85", "12-03-85"),
                ("moeder (geb. 1 jan. 1970) woont", "1 jan. 1970"),
                ("12-03-1985 (geboortedatum)", "12-03-1985"),
                ("dhr. De Vries, geb. 1e februari 1960", "1e februari 1960"),
                ("datum van geboorte 31-12-1999", "31-12-1999"),
                ("was born on the 3rd of May 2001", "3rd of May 2001"),
            ],
        );
    }

    #[test]
    fn date_of_birth_not_found() {
        assert_clean(&[
            "op 12-03-2025 bespreken we het",
            "vergadering 3 mei 2026",
            "12 maart 1985",
            "12-03-1985",
            "geboren in 1985",
            "geboren in maart 1985",
            "geboren op 12-03",
            "Zij is in Gouda geboren. Op 12-03-2025 volgt een gesprek.",
            "Gesprek op 12-03-2025. Geboren in Gouda.",
            "geboren 32-03-1985",
            "geboren 12-13-1985",
            "geboren 12-03/1985",
            "geboren, daarna verhuisd, intake op het kantoor 12-03-2025",
            "Gesprek 3 mei 2026, daarna verder met de geboorteakte",
            "postcode 1012AB, huisnummer onbekend",
        ]);
    }

    // ------------------------------------------------------------ names

    #[test]
    fn names_found() {
        let scanner = Scanner::new(vec![
            "Fatima".into(),
            "de Vries".into(),
            "Zoë".into(),
            "Jan".into(),
            "Jan Jansen".into(),
            "  ".into(),
            "Özil".into(),
        ]);
        let cases: &[(&str, &[&str])] = &[
            ("Fatima belde", &["Fatima"]),
            ("gesprek met fatima.", &["fatima"]),
            ("FATIMA", &["FATIMA"]),
            ("mevrouw De Vries", &["De Vries"]),
            ("mevrouw de  Vries", &["de  Vries"]),
            ("Zoë en Jan", &["Zoë", "Jan"]),
            ("ZOË", &["ZOË"]),
            ("Jan Jansen kwam", &["Jan Jansen"]),
            ("Anne-Jan", &["Jan"]),
            ("(Jan)", &["Jan"]),
            ("ÖZIL", &["ÖZIL"]),
        ];
        for (text, expected) in cases {
            let got: Vec<String> = scanner
                .scan(text)
                .into_iter()
                .inspect(|f| assert_eq!(f.kind, FindingKind::Name, "in {text:?}"))
                .map(|f| f.text)
                .collect();
            assert_eq!(got, *expected, "in {text:?}");
        }
    }

    #[test]
    fn names_not_found() {
        let scanner = Scanner::new(vec!["Jan".into(), "Zoë".into(), "Ali".into(), "".into()]);
        for text in [
            "januari", "Janssen", "Zoe", "Alice", "kalig", "Ja, n", "Zoëtje", "", "Mohammed",
            "vraag 3",
        ] {
            assert_eq!(scanner.scan(text), vec![], "in {text:?}");
        }
        assert_eq!(Scanner::new(vec![]).scan("Jan"), vec![]);
        assert_eq!(Scanner::new(vec![" ".into()]).scan("Jan"), vec![]);
    }

    // ------------------------------------------------------------ ordinary text

    #[test]
    fn ordinary_case_text_is_clean() {
        assert_clean(&[
            "€ 24.000",
            "24000 euro",
            "€1.250,50",
            "kosten 120000 per jaar",
            "€ 1.250.000 voor het hele project",
            "sinds 2019",
            "in 2023-2024",
            "schooljaar 2023/2024",
            "op 12-03-2025 bespreken we het",
            "vergadering 3 mei 2026",
            "dossiernummer 1234567890",
            "vraag 3",
            "vraag 7 van 51",
            "art. 4:84 Awb",
            "artikel 2.3.5 Wmo 2015",
            "Wmo 2015",
            "om 14:30",
            "75% van het minimum",
            "een 9-cijferig nummer: 123456789",
            "IBAN NL92ABNA0417164300 klopt niet",
            "1012 AB",
            "06",
            "3 kinderen van 4, 6 en 9",
            "score 3 op een schaal van 1 tot 5",
            "Zij is 42 jaar en woont sinds 2019 in Amsterdam-Noord.",
            "de kosten zijn 2 x € 1.250 per maand, totaal € 30.000 per jaar",
            "Jeugdwet art. 2.3 lid 1; Participatiewet art. 18",
        ]);
    }

    // ------------------------------------------------------------ scan as a whole

    #[test]
    fn findings_are_sorted_and_do_not_overlap() {
        let text = "Mail jan.jansen@example.nl, IBAN NL91 ABNA 0417 1643 00, bel 0612345678.";
        let scanner = Scanner::new(vec!["Jansen".into()]);
        let got: Vec<(FindingKind, String)> = scanner
            .scan(text)
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect();
        assert_eq!(
            got,
            vec![
                (FindingKind::Email, "jan.jansen@example.nl".into()),
                (FindingKind::Iban, "NL91 ABNA 0417 1643 00".into()),
                (FindingKind::Phone, "0612345678".into()),
            ]
        );
    }

    #[test]
    fn finding_ranges_point_into_the_text() {
        let text = "Cliënt (geb. 3 mei 2001), BSN 123456782.";
        for f in scan(text) {
            assert_eq!(&text[f.start..f.end], f.text);
        }
        let kinds: Vec<FindingKind> = scan(text).iter().map(|f| f.kind).collect();
        assert_eq!(kinds, vec![FindingKind::DateOfBirth, FindingKind::Bsn]);
    }

    #[test]
    fn realistic_case_text() {
        let text = "\
Casus 'de verhuizing'. Mevrouw Yilmaz (geb. 14-07-1979) woont sinds 2019 met
haar 3 kinderen van 4, 6 en 9 op de Javastraat 118-2, 1094 HN Amsterdam. Zij
heeft schulden van € 24.000; de huur (€ 1.250,50 per maand) wordt betaald van
NL91 ABNA 0417 1643 00. Haar BSN 123 456 782 stond in de brief van de
gemeente. Bereikbaar op 06-12345678 of fatma.yilmaz@example.com. Haar oudste
zoon is op 3 mei 2001 geboren en woont in 3512 JK 8. Volgens art. 2.3.5 Wmo
2015 kan maatwerk; we bespreken het op 12-03-2025 om 14:30 (vraag 7 van 51).
Kosten maatwerk 120000 per jaar, 75% gedekt. Dossier 123456789.";
        let scanner = Scanner::new(vec!["Yilmaz".into()]);
        let got: Vec<(FindingKind, String)> = scanner
            .scan(text)
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect();
        assert_eq!(
            got,
            vec![
                (FindingKind::Name, "Yilmaz".into()),
                (FindingKind::DateOfBirth, "14-07-1979".into()),
                (FindingKind::PostcodeHouseNumber, "118-2, 1094 HN".into()),
                (FindingKind::Iban, "NL91 ABNA 0417 1643 00".into()),
                (FindingKind::Bsn, "123 456 782".into()),
                (FindingKind::Phone, "06-12345678".into()),
                (FindingKind::Email, "fatma.yilmaz@example.com".into()),
                (FindingKind::DateOfBirth, "3 mei 2001".into()),
                (FindingKind::PostcodeHouseNumber, "3512 JK 8".into()),
            ]
        );
    }

    // ------------------------------------------------------------ redact

    #[test]
    fn redact_replaces_findings_by_labels() {
        let text = "BSN 123456782, bel 06-12345678 of mail a@b.nl.";
        let findings = scan(text);
        assert_eq!(
            redact(text, &findings, Lang::Nl),
            "BSN [BSN], bel [telefoonnummer] of mail [e-mailadres]."
        );
    }

    #[test]
    fn redact_every_kind() {
        let text = "Jan, geb. 12-03-1985, Damstraat 12, 1012 AB, NL91ABNA0417164300";
        let scanner = Scanner::new(vec!["Jan".into()]);
        assert_eq!(
            redact(text, &scanner.scan(text), Lang::Nl),
            "[naam], geb. [geboortedatum], Damstraat [postcode met huisnummer], [IBAN]"
        );
    }

    #[test]
    fn redact_without_findings_keeps_the_text() {
        assert_eq!(
            redact("niets aan de hand", &[], Lang::Nl),
            "niets aan de hand"
        );
        assert_eq!(redact("", &[], Lang::Nl), "");
    }

    #[test]
    fn redact_keeps_multibyte_text_around_findings() {
        let text = "Cliënt Zoë: 06-12345678 — überhaupt";
        let scanner = Scanner::new(vec!["Zoë".into()]);
        assert_eq!(
            redact(text, &scanner.scan(text), Lang::Nl),
            "Cliënt [naam]: [telefoonnummer] — überhaupt"
        );
    }

    #[test]
    fn redact_takes_findings_in_any_order_and_skips_bad_ones() {
        let text = "a 0612345678 b 123456782 c";
        let mut findings = scan(text);
        findings.reverse();
        // Overlapping, out of range and inside a character: skipped.
        findings.push(Finding {
            kind: FindingKind::Name,
            start: 3,
            end: 5,
            text: "61".into(),
        });
        findings.push(Finding {
            kind: FindingKind::Name,
            start: 20,
            end: 99,
            text: String::new(),
        });
        assert_eq!(
            redact(text, &findings, Lang::Nl),
            "a [telefoonnummer] b [BSN] c"
        );
        assert_eq!(
            redact(text, &findings, Lang::En),
            "a [phone number] b [BSN] c"
        );
        let text = "é";
        let bad = Finding {
            kind: FindingKind::Name,
            start: 1,
            end: 2,
            text: String::new(),
        };
        assert_eq!(redact(text, &[bad], Lang::Nl), "é");
    }

    #[test]
    fn redacted_text_scans_clean() {
        let text = "BSN 1234.56.782, NL91ABNA0417164300, 0031 6 12345678, x@y.nl, 1012 AB 12, geboren 3 mei 2001";
        let redacted = redact(text, &scan(text), Lang::Nl);
        assert_eq!(scan(&redacted), vec![]);
    }

    #[test]
    fn labels_in_both_languages() {
        let all = [
            FindingKind::Bsn,
            FindingKind::Iban,
            FindingKind::Email,
            FindingKind::Phone,
            FindingKind::PostcodeHouseNumber,
            FindingKind::DateOfBirth,
            FindingKind::Name,
        ];
        let nl: Vec<&str> = all.iter().map(|k| k.label(Lang::Nl)).collect();
        let en: Vec<&str> = all.iter().map(|k| k.label(Lang::En)).collect();
        assert_eq!(
            nl,
            [
                "BSN",
                "IBAN",
                "e-mailadres",
                "telefoonnummer",
                "postcode met huisnummer",
                "geboortedatum",
                "naam"
            ]
        );
        assert_eq!(
            en,
            [
                "BSN",
                "IBAN",
                "e-mail address",
                "phone number",
                "postcode with house number",
                "date of birth",
                "name"
            ]
        );
    }
}
