//! Problems found in a file a person wrote (an answers file, a question
//! set), each pointing at a line and column so it can be fixed in one go.

use std::fmt;

use crate::i18n::{self, Lang};

/// One problem at one place in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub col: usize,
    /// The question the problem is about, when there is one.
    pub question: Option<String>,
    pub message: String,
}

impl Problem {
    /// A problem at byte `offset` of `src`.
    pub fn at(
        file: &str,
        src: &str,
        offset: usize,
        question: Option<&str>,
        message: impl Into<String>,
    ) -> Problem {
        let (line, col) = line_col(src, offset);
        Problem {
            file: file.to_string(),
            line,
            col,
            question: question.map(str::to_string),
            message: message.into(),
        }
    }

    /// A TOML syntax or type error, placed where the parser saw it, said
    /// in the reader's language.
    pub fn from_toml(file: &str, src: &str, err: &toml::de::Error, lang: Lang) -> Problem {
        let offset = err.span().map_or(0, |s| s.start);
        let message = toml_text(err.message(), lang);
        Problem::at(file, src, offset, None, message)
    }

    /// A JSON syntax or type error, placed where the reader saw it, said
    /// in the reader's language.
    pub fn from_json(file: &str, err: &serde_json::Error, lang: Lang) -> Problem {
        let full = err.to_string();
        let at = format!(" at line {} column {}", err.line(), err.column());
        let bare = full.strip_suffix(&at).unwrap_or(&full);
        Problem {
            file: file.to_string(),
            line: err.line(),
            col: err.column(),
            question: None,
            message: serde_text(bare, lang, i18n::ERR_JSON),
        }
    }
}

impl Problem {
    /// A JSON mistake in a part cut out of a file, placed in the file: the
    /// part starts at `line` and column `col` (from 1).
    pub fn from_json_at(
        file: &str,
        err: &serde_json::Error,
        (line, col): (usize, usize),
        lang: Lang,
    ) -> Problem {
        let mut p = Problem::from_json(file, err, lang);
        if p.line <= 1 {
            p.col = col + p.col.saturating_sub(1);
        }
        p.line = line + p.line.saturating_sub(1);
        p
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.col)?;
        if let Some(q) = &self.question {
            write!(f, "[{q}] ")?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem in one file, reported together; this is bad input (exit 2).
#[derive(Debug)]
pub struct Problems {
    pub summary: String,
    pub list: Vec<Problem>,
}

impl Problems {
    /// The problems in one file, in the order of the file, summed up in the
    /// reader's language.
    pub fn in_file(file: &str, mut list: Vec<Problem>, lang: Lang) -> Problems {
        list.sort_by_key(|p| (p.line, p.col));
        let problems = i18n::N_PROBLEMS.count(lang, list.len());
        Problems {
            summary: i18n::PROBLEMS_IN.with(lang, &[("problems", &problems), ("file", file)]),
            list,
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.list {
            writeln!(f, "{p}")?;
        }
        f.write_str(&self.summary)
    }
}

impl std::error::Error for Problems {}

/// The TOML parser's message in the reader's language. Its English
/// wording is turned into Dutch piece by piece; what is not known is
/// summed up rather than shown in English.
pub fn toml_text(message: &str, lang: Lang) -> String {
    serde_text(message, lang, i18n::ERR_TOML)
}

/// A TOML or JSON reader's message in the reader's language; `unknown`
/// sums up what cannot be said in Dutch.
fn serde_text(message: &str, lang: Lang, unknown: i18n::Msg) -> String {
    let message = message.trim();
    if lang == Lang::En {
        return message.to_string();
    }
    let (head, expected) = match message.split_once(", expected ") {
        Some((head, expected)) => (head, Some(expected)),
        None => (message, None),
    };
    let mut text = toml_head(head).unwrap_or_else(|| unknown.nl.to_string());
    if let Some(expected) = expected.and_then(toml_expected) {
        text.push_str("; verwacht ");
        text.push_str(&expected);
    }
    text
}

/// Dutch for what the TOML parser or serde found wrong.
fn toml_head(head: &str) -> Option<String> {
    const PLAIN: &[(&str, &str)] = &[
        (
            "string values must be quoted",
            "tekst moet tussen aanhalingstekens",
        ),
        ("key with no value", "sleutel zonder waarde"),
        ("missing value for key", "sleutel zonder waarde"),
        ("missing value", "waarde ontbreekt"),
        ("unclosed table", "tabelkop zonder sluithaak"),
        ("unclosed array table", "tabelkop zonder sluithaken"),
        ("unclosed array", "lijst zonder sluithaak"),
        ("unclosed inline table", "inline tabel zonder sluitaccolade"),
        (
            "invalid basic string",
            "tekst zonder sluitend aanhalingsteken",
        ),
        (
            "invalid literal string",
            "tekst zonder sluitend aanhalingsteken",
        ),
        (
            "invalid multi-line basic string",
            "tekst over meer regels niet gesloten",
        ),
        (
            "invalid multi-line literal string",
            "tekst over meer regels niet gesloten",
        ),
        (
            "unquoted keys cannot be empty",
            "een sleutel mag niet leeg zijn",
        ),
        ("invalid unquoted key", "ongeldige sleutel"),
        ("invalid key", "ongeldige sleutel"),
        ("duplicate key", "deze sleutel staat er al"),
        (
            "missing comma between array elements",
            "komma ontbreekt tussen de elementen",
        ),
        (
            "missing comma between key-value pairs",
            "komma ontbreekt tussen de sleutels",
        ),
        ("extra comma in array", "komma te veel in de lijst"),
        ("extra comma in inline table", "komma te veel in de tabel"),
        (
            "missing assignment between key-value pairs",
            "'=' ontbreekt",
        ),
        ("extra assignment between key-value pairs", "'=' te veel"),
        ("extra `=`", "'=' te veel"),
        ("unexpected content", "onverwachte tekst"),
        ("unexpected key or value", "onverwachte sleutel of waarde"),
        (
            "unexpected content between comment and newline",
            "onverwachte tekst na het commentaar",
        ),
        ("invalid comment character", "ongeldig teken in commentaar"),
        ("invalid integer number", "ongeldig getal"),
        ("invalid float", "ongeldig getal"),
        ("invalid date-time", "ongeldige datum of tijd"),
        ("invalid table", "ongeldige tabel"),
        ("invalid string", "ongeldige tekst"),
        ("invalid value", "ongeldige waarde"),
        (
            "invalid inline table element",
            "ongeldig element in de tabel",
        ),
        (
            "invalid key-value pair",
            "ongeldige regel; schrijf sleutel = waarde",
        ),
        ("unexpected leading zero", "getal begint met een nul"),
        (
            "carriage return must be followed by newline",
            "regeleinde klopt niet",
        ),
        ("recursion limit", "te diep genest"),
    ];
    if let Some((_, nl)) = PLAIN.iter().find(|(en, _)| *en == head) {
        return Some((*nl).to_string());
    }
    let quoted = |prefix: &str| head.strip_prefix(prefix).map(str::to_string);
    if let Some(name) = quoted("unknown field ") {
        return Some(format!("onbekend veld {name}"));
    }
    if let Some(name) = quoted("unknown variant ") {
        return Some(format!("onbekende waarde {name}"));
    }
    if let Some(name) = quoted("missing field ") {
        return Some(format!("veld {name} ontbreekt"));
    }
    if let Some(found) = quoted("invalid type: ") {
        return Some(format!("verkeerd soort waarde: {}", toml_found(&found)));
    }
    if let Some(found) = quoted("invalid value: ") {
        return Some(format!("ongeldige waarde: {}", toml_found(&found)));
    }
    if let Some(found) = quoted("invalid length ") {
        return Some(format!("verkeerde lengte {}", toml_found(&found)));
    }
    None
}

/// "integer `3`" as "geheel getal `3`".
fn toml_found(found: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("string", "tekst"),
        ("integer", "geheel getal"),
        ("floating point", "kommagetal"),
        ("boolean", "true of false"),
        ("sequence", "lijst"),
        ("map", "tabel"),
    ];
    for (en, nl) in KINDS {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    found
        .split_once(' ')
        .map_or_else(String::new, |(_, value)| value.to_string())
}

/// Dutch for what the parser expected, when it can be said.
fn toml_expected(expected: &str) -> Option<String> {
    const WORDS: &[(&str, &str)] = &[
        ("a sequence", "een lijst"),
        ("a boolean", "true of false"),
        ("a string", "tekst"),
        ("literal string", "tekst"),
        ("a map", "een tabel"),
        ("struct", "een tabel"),
        ("letters, numbers, `-`, `_`", "letters, cijfers, `-` of `_`"),
    ];
    if let Some((_, nl)) = WORDS.iter().find(|(en, _)| *en == expected) {
        return Some((*nl).to_string());
    }
    let number = [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
    ];
    if number.contains(&expected) {
        return Some("een heel getal".into());
    }
    if ["f32", "f64"].contains(&expected) {
        return Some("een getal".into());
    }
    let list = expected.strip_prefix("one of ").unwrap_or(expected);
    let list = list.replace(" or ", " of ");
    // Only quoted names and separators are left: nothing to translate.
    let bare = list.replace(['`', ','], " ");
    let words_quoted = list
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "of")
        .all(|w| w.starts_with('`') && w.ends_with('`'));
    let many = list.contains(',') || list.contains(" of ");
    (words_quoted && !bare.trim().is_empty()).then(|| {
        if many {
            format!("een van {list}")
        } else {
            list.clone()
        }
    })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    line_cols(src, &[offset])[0]
}

/// The line and column of many byte offsets in one pass over `src`, in
/// the order given: a file with thousands of problems is read once, not
/// once for each.
pub fn line_cols(src: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut places = vec![(1, 1); offsets.len()];
    let (mut line, mut col, mut at) = (1, 1, 0);
    for i in order {
        let to = floor_char_boundary(src, offsets[i].min(src.len())).max(at);
        for c in src[at..to].chars() {
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        at = to;
        places[i] = (line, col);
    }
    places
}

/// Problems found at byte offsets of one file, placed together at the end
/// (see [`line_cols`]).
pub struct Pending<'a> {
    file: &'a str,
    src: &'a str,
    found: Vec<(usize, Option<String>, String)>,
}

impl<'a> Pending<'a> {
    pub fn new(file: &'a str, src: &'a str) -> Self {
        Pending {
            file,
            src,
            found: Vec::new(),
        }
    }

    pub fn push(&mut self, offset: usize, question: Option<&str>, message: String) {
        self.found
            .push((offset, question.map(str::to_string), message));
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Where `offset` is, as `file:line:col`.
    pub fn place(&self, offset: usize) -> String {
        let (line, col) = line_col(self.src, offset);
        format!("{}:{line}:{col}", self.file)
    }

    /// The questions problems were found about so far.
    pub fn questions(&self) -> impl Iterator<Item = &str> {
        self.found.iter().filter_map(|(_, q, _)| q.as_deref())
    }

    pub fn placed(self) -> Vec<Problem> {
        let offsets: Vec<usize> = self.found.iter().map(|(o, _, _)| *o).collect();
        let places = line_cols(self.src, &offsets);
        self.found
            .into_iter()
            .zip(places)
            .map(|((_, question, message), (line, col))| Problem {
                file: self.file.to_string(),
                line,
                col,
                question,
                message,
            })
            .collect()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let src = "a = 1\nbé = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        // 'b', 'é' (two bytes), ' ', '=': the '=' is the 4th character.
        assert_eq!(line_col(src, 10), (2, 4));
        assert_eq!(line_col(src, 999), (3, 1));
        assert_eq!(line_cols(src, &[10, 0, 6]), vec![(2, 4), (1, 1), (2, 1)]);
    }

    #[test]
    fn fifty_thousand_places_take_one_pass() {
        let src = "sleutel_met_een_naam = 1\n".repeat(50_000);
        let offsets: Vec<usize> = (0..50_000).rev().map(|n| n * 25 + 3).collect();
        let start = std::time::Instant::now();
        let places = line_cols(&src, &offsets);
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(places[0], (50_000, 4));
        assert_eq!(places[49_999], (1, 4));
    }

    #[test]
    fn toml_messages_are_said_in_dutch() {
        let nl = |m: &str| toml_text(m, Lang::Nl);
        assert_eq!(
            nl("key with no value, expected `=`"),
            "sleutel zonder waarde; verwacht `=`"
        );
        assert_eq!(
            nl("unknown variant `fr`, expected `nl` or `en`"),
            "onbekende waarde `fr`; verwacht een van `nl` of `en`"
        );
        assert_eq!(
            nl("unknown field `zz`, expected one of `lang`, `set`"),
            "onbekend veld `zz`; verwacht een van `lang`, `set`"
        );
        assert_eq!(
            nl("invalid type: integer `3`, expected a sequence"),
            "verkeerd soort waarde: geheel getal `3`; verwacht een lijst"
        );
        assert_eq!(
            nl("invalid type: string \"x\", expected u32"),
            "verkeerd soort waarde: tekst \"x\"; verwacht een heel getal"
        );
        assert_eq!(nl("missing field `x`"), "veld `x` ontbreekt");
        // Unknown wording is summed up, never passed on in English.
        assert_eq!(
            nl("something new, expected a thing"),
            "de TOML klopt hier niet"
        );
        assert_eq!(
            toml_text("missing field `x`", Lang::En),
            "missing field `x`"
        );
    }
}
