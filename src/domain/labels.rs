//! The label mirror: a lexicon of labels and positional phrases
//! ("zorgmijder", "niet gemotiveerd", "wat een rotgemeente"), each with a
//! relational question back, and a matcher that finds them in a worker's own
//! text. A label is the rational column in one word; noticing it and asking
//! a question back invites the worker to see the person (or the institution)
//! behind the word again.
//!
//! Pure: no printing, no disk. How phrases match:
//!
//! - whole words only (Unicode-aware): `zorgmijder` is not found in
//!   `zorgmijders`, `lastige` not in `belastingdienst`;
//! - in any case, with diacritics as written: a lexicon lists `cliënt` and
//!   `client` both when both are meant;
//! - any run of white space (spaces, tabs, newlines) between the words of a
//!   phrase; a `'` in a phrase also matches `’`;
//! - both languages in every text: a worker writing Dutch uses English
//!   loanwords ("non-compliant", "frequent flyer").
//!
//! When a phrase is not a label (see [`Lexicon::find`]): when it is negated
//! ("een zorgmijder is ze niet", "hij is niet ongemotiveerd"); when a
//! label about a person is said of an organisation, an official or a thing
//! ("de deurwaarder treedt agressief op", "een luie stoel"); and when an
//! official term is used neutrally ("zij is laaggeletterd", but not "ze is
//! gewoon laaggeletterd").

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use serde::Deserialize;
use toml::Spanned;

use crate::domain::problem::{Problem, Problems};
use crate::i18n::{self, Lang, Text};

/// The lexicon format this version reads.
pub const LEXICON_FORMAT: u32 = 1;

/// The lexicon built into the binary.
pub const EMBEDDED: &str = include_str!("../../questions/lexicon.toml");

/// The largest lexicon file and the most labels and phrases it may hold:
/// far above what a coach writes (the built-in one has 55 labels, about
/// 500 phrases and 40 KiB), and low enough that reading it and building the
/// matcher, which every `show` does, stays well under 100 ms at the limit
/// (`cargo bench --bench whole`), where a 4 MB lexicon took 11 s and 2.4 GB.
pub const MAX_LEXICON_BYTES: usize = 256 * 1024;
pub const MAX_LABELS: usize = 1_000;
pub const MAX_PHRASES: usize = 2_000;
/// The longest phrase, in characters (the built-in ones have at most 40):
/// matching walks at most this far from each place a phrase can start, so
/// a note of any size is read in time linear in its length.
pub const MAX_PHRASE_CHARS: usize = 100;

/// One label: the phrases that express it and the question to ask back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Stable id (a-z, 0-9 and _); notes refer to it.
    pub key: String,
    pub phrases_nl: Vec<String>,
    pub phrases_en: Vec<String>,
    pub question: Text,
    pub about: About,
    /// Phrases that are the official, neutral term ("laaggeletterd"): they
    /// are a label only in a labelling frame ("gewoon laaggeletterd").
    pub official: Vec<String>,
}

/// Whom a label is about. A label about a person does not apply to an
/// organisation, an official or a thing; one about the system does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum About {
    #[default]
    Person,
    System,
}

/// A label phrase found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelHit {
    pub key: String,
    /// Byte range of the phrase in the searched text.
    pub start: usize,
    pub end: usize,
    /// The phrase as it is written in the text, `&text[start..end]`.
    pub text: String,
}

/// The labels to look for, compiled for matching.
#[derive(Clone, Debug)]
pub struct Lexicon {
    labels: Vec<Label>,
    /// Every phrase of every label, longest first: of the phrases that fit
    /// at one place, the first listed wins.
    patterns: Vec<Pattern>,
    /// The folded text of every pattern, sorted, with the pattern's id (the
    /// first of equal texts): matching walks it like a trie from each place
    /// a phrase can start, so it costs the text's length times the longest
    /// phrase, and building it takes a sort. One big case-insensitive regex
    /// took a second to build at the lexicon limits, and every `show`
    /// builds the matcher.
    sorted: Vec<(String, usize)>,
}

/// One phrase in the matcher: its label, and whether it is an official
/// term (a label only in a labelling frame).
#[derive(Clone, Debug)]
struct Pattern {
    label: usize,
    official: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    format: Spanned<u32>,
    #[serde(default)]
    label: Vec<RawLabel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    key: Spanned<String>,
    #[serde(default)]
    nl: Vec<Spanned<String>>,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    question: Spanned<Text>,
    #[serde(default)]
    about: About,
    #[serde(default)]
    official: Vec<Spanned<String>>,
}

impl Lexicon {
    /// Parses one lexicon file; every problem with file:line:col. `file`
    /// names it in messages; a lexicon over the limits is refused in
    /// `lang` before it is read further.
    pub fn parse(file: &str, src: &str, lang: Lang) -> Result<Lexicon, Problems> {
        let fail = |list: Vec<Problem>| Problems::in_file(file, list, lang);
        if src.len() > MAX_LEXICON_BYTES {
            let size = format_bytes(src.len());
            let limit = format_bytes(MAX_LEXICON_BYTES);
            let message = i18n::LEXICON_TOO_LARGE
                .with(lang, &[("file", file), ("size", &size), ("limit", &limit)]);
            return Err(fail(vec![Problem::at(file, src, 0, None, message)]));
        }
        let raw: RawLexicon =
            toml::from_str(src).map_err(|e| fail(vec![Problem::from_toml(file, src, &e, lang)]))?;
        let phrase_count: usize = raw.label.iter().map(|l| l.nl.len() + l.en.len()).sum();
        if raw.label.len() > MAX_LABELS || phrase_count > MAX_PHRASES {
            let (count, limit) = (raw.label.len().to_string(), MAX_LABELS.to_string());
            let (phrases, phrase_limit) = (phrase_count.to_string(), MAX_PHRASES.to_string());
            let message = i18n::LEXICON_TOO_MANY.with(
                lang,
                &[
                    ("file", file),
                    ("labels", &count),
                    ("limit", &limit),
                    ("phrases", &phrases),
                    ("phrase_limit", &phrase_limit),
                ],
            );
            return Err(fail(vec![Problem::at(file, src, 0, None, message)]));
        }
        let mut problems = Vec::new();
        let at = |span: Range<usize>, key: Option<&str>, msg: String| {
            Problem::at(file, src, span.start, key, msg)
        };

        if *raw.format.get_ref() != LEXICON_FORMAT {
            problems.push(at(
                raw.format.span(),
                None,
                i18n::LEX_FORMAT.with(
                    lang,
                    &[
                        ("found", &raw.format.get_ref().to_string()),
                        ("known", &LEXICON_FORMAT.to_string()),
                    ],
                ),
            ));
        }

        let mut labels: Vec<Label> = Vec::new();
        // Each phrase (normalised) and where it was first seen: which label,
        // in which language.
        let mut seen: HashMap<String, (usize, Lang)> = HashMap::new();
        for rl in raw.label {
            let key = rl.key.get_ref().clone();
            let at_key = rl.key.span();
            let index = labels.len();
            if !is_key(&key) {
                problems.push(at(
                    at_key.clone(),
                    Some(&key),
                    i18n::LEX_KEY.get(lang).into(),
                ));
            }
            if labels.iter().any(|l| l.key == key) {
                problems.push(at(
                    at_key.clone(),
                    Some(&key),
                    i18n::LEX_TWICE.with(lang, &[("key", &key)]),
                ));
            }
            if rl.nl.is_empty() && rl.en.is_empty() {
                problems.push(at(at_key, Some(&key), i18n::LEX_NO_PHRASE.get(lang).into()));
            }
            let question = rl.question.get_ref();
            if question.nl.trim().is_empty() || question.en.trim().is_empty() {
                problems.push(at(
                    rl.question.span(),
                    Some(&key),
                    i18n::LEX_QUESTION.get(lang).into(),
                ));
            }
            for (written_in, phrases) in [(Lang::Nl, &rl.nl), (Lang::En, &rl.en)] {
                for phrase in phrases {
                    let text = phrase.get_ref();
                    if let Err(msg) = check_phrase(text, lang) {
                        problems.push(at(phrase.span(), Some(&key), msg));
                        continue;
                    }
                    let normal = normalise(text);
                    match seen.get(&normal) {
                        // A loanword may stand in both languages of one label.
                        Some(&(i, l)) if i == index && l != written_in => {}
                        Some(&(i, _)) if i == index => problems.push(at(
                            phrase.span(),
                            Some(&key),
                            i18n::LEX_PHRASE_TWICE.with(lang, &[("phrase", text)]),
                        )),
                        Some(&(i, _)) => problems.push(at(
                            phrase.span(),
                            Some(&key),
                            i18n::LEX_PHRASE_ELSEWHERE
                                .with(lang, &[("phrase", text), ("key", &labels[i].key)]),
                        )),
                        None => {
                            seen.insert(normal, (index, written_in));
                        }
                    }
                }
            }
            for term in &rl.official {
                let own = rl.nl.iter().chain(&rl.en);
                if !own
                    .map(|p| normalise(p.get_ref()))
                    .any(|p| p == normalise(term.get_ref()))
                {
                    problems.push(at(
                        term.span(),
                        Some(&key),
                        i18n::LEX_OFFICIAL.with(lang, &[("term", term.get_ref())]),
                    ));
                }
            }
            let texts = |list: Vec<Spanned<String>>| list.into_iter().map(Spanned::into_inner);
            labels.push(Label {
                key,
                phrases_nl: texts(rl.nl).collect(),
                phrases_en: texts(rl.en).collect(),
                question: rl.question.into_inner(),
                about: rl.about,
                official: texts(rl.official).collect(),
            });
        }
        if !problems.is_empty() {
            return Err(fail(problems));
        }
        Ok(Lexicon::compile(labels))
    }

    /// The built-in lexicon. It is checked by a unit test; a broken one is a
    /// build defect, not a user error, so this panics.
    pub fn embedded() -> Lexicon {
        Lexicon::parse("lexicon.toml (built in)", EMBEDDED, Lang::En)
            .unwrap_or_else(|e| panic!("the built-in lexicon is invalid:\n{e}"))
    }

    /// Adds the labels of another lexicon (a coach's extra file in the
    /// config dir); same key replaces. A phrase the other lexicon lists
    /// moves to its label: the coach's file is the more specific one.
    pub fn extend(&mut self, other: Lexicon) {
        let theirs: HashSet<String> = other
            .labels
            .iter()
            .flat_map(phrases)
            .map(|p| normalise(p))
            .collect();
        let mut labels = std::mem::take(&mut self.labels);
        for label in &mut labels {
            label.phrases_nl.retain(|p| !theirs.contains(&normalise(p)));
            label.phrases_en.retain(|p| !theirs.contains(&normalise(p)));
        }
        for label in other.labels {
            match labels.iter().position(|l| l.key == label.key) {
                Some(i) => labels[i] = label,
                None => labels.push(label),
            }
        }
        *self = Lexicon::compile(labels);
    }

    /// Every label phrase in `text` (both languages), whole words only,
    /// case-insensitive, sorted by start, that is used as a label there
    /// (see the module doc). Hits never overlap: of two overlapping
    /// candidates the longer one is kept ("zorgwekkende zorgmijder" over
    /// "zorgmijder"), of two as long the first.
    pub fn find(&self, text: &str) -> Vec<LabelHit> {
        let mut candidates: Vec<(usize, usize, usize)> = self
            .candidates(text)
            .into_iter()
            .filter(|&(id, start, end)| self.applies(&self.patterns[id], text, start, end))
            .map(|(id, start, end)| (self.patterns[id].label, start, end))
            .collect();
        candidates.sort_by_key(|&(_, start, end)| (std::cmp::Reverse(end - start), start));
        // The hits kept so far, by start; they never overlap, so a candidate
        // overlaps one only if it overlaps the last that starts before its
        // end.
        let mut kept: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for (index, start, end) in candidates {
            let before = kept.range(..end).next_back();
            if before.is_none_or(|(_, &(_, kept_end))| kept_end <= start) {
                kept.insert(start, (index, end));
            }
        }
        kept.into_iter()
            .map(|(start, (index, end))| LabelHit {
                key: self.labels[index].key.clone(),
                start,
                end,
                text: text[start..end].to_string(),
            })
            .collect()
    }

    /// At each place a phrase can start, the longest phrase that is a
    /// whole word there (the first in the matcher's order), by start: its
    /// pattern id and byte range. A phrase that starts within another is a
    /// candidate too.
    fn candidates(&self, text: &str) -> Vec<(usize, usize, usize)> {
        if self.patterns.is_empty() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        let mut found = Vec::new();
        let mut after_word = false;
        for (at, c) in folded.text.char_indices() {
            if !after_word
                && c != ' '
                && let Some((id, len)) = self.first_fit(&folded.text[at..])
            {
                let (start, end) = folded.source(at, at + len);
                found.push((id, start, end));
            }
            after_word = is_word(c);
        }
        found
    }

    /// The first pattern in the matcher's order that `rest` starts with as
    /// a whole word, and its length: a walk down the sorted patterns, one
    /// byte at a time, that ends where no pattern goes on like `rest`.
    fn first_fit(&self, rest: &str) -> Option<(usize, usize)> {
        let (mut lo, mut hi) = (0, self.sorted.len());
        let mut best: Option<(usize, usize)> = None;
        for (depth, &byte) in rest.as_bytes().iter().enumerate() {
            // Every pattern in lo..hi starts with rest[..depth]; the one that
            // is all of it (there is at most one) sorts first and has ended.
            if lo < hi && self.sorted[lo].0.len() == depth {
                lo += 1;
            }
            // Keep those that go on with `byte`: at once when the first and
            // the last do (so do all between), else by two binary searches.
            let goes_on = |i: usize| self.sorted[i].0.as_bytes()[depth] == byte;
            if !(lo < hi && goes_on(lo) && goes_on(hi - 1)) {
                let range = &self.sorted[lo..hi];
                lo += range.partition_point(|(p, _)| p.as_bytes()[depth] < byte);
                hi = lo + self.sorted[lo..hi].partition_point(|(p, _)| p.as_bytes()[depth] == byte);
            }
            let Some((phrase, id)) = self.sorted.get(lo).filter(|_| lo < hi) else {
                break;
            };
            let end = depth + 1;
            if phrase.len() == end
                && !rest[end..].chars().next().is_some_and(is_word)
                && best.is_none_or(|(b, _)| *id < b)
            {
                best = Some((*id, end));
            }
        }
        best
    }

    /// Whether the phrase at `start..end` is used as a label here.
    fn applies(&self, pattern: &Pattern, text: &str, start: usize, end: usize) -> bool {
        let before = context::before(text, start);
        let after = context::after(text, end);
        let about = self.labels[pattern.label].about;
        !context::negated(&before, &after)
            && (about == About::System || !context::about_no_person(&before, &after))
            && (!pattern.official || context::labelling(&before))
    }

    /// The question back for a label, in the reader's language.
    pub fn question(&self, key: &str, lang: Lang) -> Option<&str> {
        self.get(key).map(|l| l.question.get(lang))
    }

    /// The label with this key.
    pub fn get(&self, key: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.key == key)
    }

    /// Every label, in file order (extensions after the built-in ones).
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Builds the matcher for checked labels.
    fn compile(labels: Vec<Label>) -> Lexicon {
        let mut seen = HashSet::new();
        let mut all: Vec<(usize, &String, String)> = Vec::new();
        for (i, label) in labels.iter().enumerate() {
            for p in phrases(label) {
                let normal = normalise(p);
                if seen.insert(normal.clone()) {
                    all.push((i, p, normal));
                }
            }
        }
        // Of the phrases that fit at one place, the first listed wins, so
        // list the longest first.
        all.sort_by_key(|&(i, p, _)| (std::cmp::Reverse(p.chars().count()), i));
        let official: HashSet<String> = labels
            .iter()
            .flat_map(|l| &l.official)
            .map(|p| normalise(p))
            .collect();
        let patterns: Vec<Pattern> = all
            .iter()
            .map(|(label, _, normal)| Pattern {
                label: *label,
                official: official.contains(normal),
            })
            .collect();
        let mut sorted: Vec<(String, usize)> = all
            .into_iter()
            .enumerate()
            .map(|(id, (_, _, normal))| (normal, id))
            .collect();
        sorted.sort_unstable();
        sorted.dedup_by(|later, first| later.0 == first.0);
        Lexicon {
            labels,
            patterns,
            sorted,
        }
    }
}

/// A text as the matcher reads it: every run of white space one space,
/// both apostrophes one, and every letter in one case (Unicode simple case
/// folding, as the regex engines fold it: `K`, `k` and the Kelvin sign are
/// one letter), with the place in the original of every byte.
struct Folded {
    text: String,
    /// For each byte of `text`, the byte range in the original of the
    /// character (or run of white space) it came from.
    source: Vec<(usize, usize)>,
}

impl Folded {
    fn new(original: &str) -> Folded {
        Folded::build(original, true)
    }

    /// The folded text, and where each byte came from if `sourced`.
    fn build(original: &str, sourced: bool) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut source = Vec::with_capacity(if sourced { original.len() } else { 0 });
        let mut chars = original.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let mut end = start + c.len_utf8();
            let folded = if c.is_whitespace() {
                while let Some(&(at, next)) = chars.peek().filter(|(_, n)| n.is_whitespace()) {
                    end = at + next.len_utf8();
                    chars.next();
                }
                ' '
            } else {
                fold(c)
            };
            text.push(folded);
            if sourced {
                source.extend(std::iter::repeat_n((start, end), folded.len_utf8()));
            }
        }
        Folded { text, source }
    }

    /// The range in the original of the folded bytes `start..end`.
    fn source(&self, start: usize, end: usize) -> (usize, usize) {
        (self.source[start].0, self.source[end - 1].1)
    }
}

/// One character of each case-folding class: the smallest. `’` is `'`.
fn fold(c: char) -> char {
    /// The folds of the first characters past ASCII (Latin, Greek,
    /// Cyrillic): looking one up is many times faster than folding it, and
    /// a lexicon at its limit can be all such letters.
    static LOW: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    const LOW_END: u32 = 0x800;
    if c.is_ascii() {
        c.to_ascii_uppercase()
    } else if c == '’' {
        '\''
    } else if (c as u32) < LOW_END {
        let low = LOW.get_or_init(|| {
            (0..LOW_END)
                .filter_map(char::from_u32)
                .map(fold_slowly)
                .collect()
        });
        low[c as usize]
    } else {
        fold_slowly(c)
    }
}

fn fold_slowly(c: char) -> char {
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class.ranges().first().map_or(c, |r| r.start())
}

/// A word character as the regex engines read `\w` (Unicode): a phrase is
/// found only with none on either side.
fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn phrases(label: &Label) -> impl Iterator<Item = &String> {
    label.phrases_nl.iter().chain(&label.phrases_en)
}

/// A phrase must begin and end with a letter or digit: that is what "whole
/// word" can be checked against. And it is at most [`MAX_PHRASE_CHARS`]
/// long.
fn check_phrase(phrase: &str, lang: Lang) -> Result<(), String> {
    let trimmed = phrase.trim();
    let edge = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let length = trimmed.chars().count();
    if trimmed.is_empty() {
        Err(i18n::LEX_PHRASE_EMPTY.get(lang).into())
    } else if length > MAX_PHRASE_CHARS {
        let (length, max) = (length.to_string(), MAX_PHRASE_CHARS.to_string());
        Err(i18n::LEX_PHRASE_LONG.with(lang, &[("length", &length), ("max", &max)]))
    } else if !edge(trimmed.chars().next()) || !edge(trimmed.chars().next_back()) {
        Err(i18n::LEX_PHRASE_EDGE.with(lang, &[("phrase", phrase)]))
    } else {
        Ok(())
    }
}

/// The form two phrases are compared in, and matched in (see [`Folded`]):
/// one case, single spaces, one kind of apostrophe. Two phrases the same in
/// this form find the same words.
fn normalise(phrase: &str) -> String {
    Folded::build(phrase.trim(), false).text
}

/// A size as people read it: `300 KiB`.
fn format_bytes(n: usize) -> String {
    format!("{} KiB", n.div_ceil(1024))
}

/// The words around a phrase, and what they say about whether it is used
/// as a label. Word lists in Dutch and English, lower case.
mod context {
    /// How far around a phrase its context is read: enough for "een
    /// zorgmijder is ze niet" and "de deurwaarder treedt ... op", and
    /// bounded, so that a text full of labels is still read in linear time.
    const CONTEXT_BYTES: usize = 160;
    const CONTEXT_WORDS: usize = 6;

    /// Punctuation that ends a clause: context is read within one.
    fn breaks_clause(c: char) -> bool {
        matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '"'
                | '“'
                | '”'
                | '«'
                | '»'
                | '\n'
                | '–'
                | '—'
        )
    }

    /// A word as compared: lower case, without surrounding punctuation,
    /// one kind of apostrophe ("zo'n", "isn't").
    fn word(w: &str) -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .to_lowercase()
            .replace('’', "'")
    }

    /// The words of the clause before `at`, nearest first.
    pub fn before(text: &str, at: usize) -> Vec<String> {
        let mut from = at.saturating_sub(CONTEXT_BYTES);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let slice = &text[from..at];
        let clause = match slice.char_indices().rev().find(|&(_, c)| breaks_clause(c)) {
            Some((i, c)) => &slice[i + c.len_utf8()..],
            None => slice,
        };
        clause
            .split_whitespace()
            .rev()
            .take(CONTEXT_WORDS)
            .map(word)
            .collect()
    }

    /// The words of the clause after `at`, nearest first.
    pub fn after(text: &str, at: usize) -> Vec<String> {
        let mut to = (at + CONTEXT_BYTES).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let slice = &text[at..to];
        let clause = slice.find(breaks_clause).map_or(slice, |i| &slice[..i]);
        clause
            .split_whitespace()
            .take(CONTEXT_WORDS)
            .map(word)
            .collect()
    }

    #[rustfmt::skip]
    const NEGATIONS: &[&str] = &[
        "niet", "geen", "nooit", "allesbehalve", "geenszins", "allerminst", "nimmer", "not",
        "no", "never", "nor", "neither",
    ];

    fn is_negation(w: &str) -> bool {
        NEGATIONS.contains(&w) || w.ends_with("n't")
    }

    /// Words that may stand between a negation and the phrase it negates:
    /// "niet echt lui", "geen echte zorgmijder", "not at all lazy".
    #[rustfmt::skip]
    const BETWEEN: &[&str] = &[
        "een", "de", "het", "echt", "echte", "zo", "zo'n", "erg", "heel", "helemaal", "zeker",
        "eens", "meer", "bepaald", "per", "se", "zozeer", "te", "bijzonder", "typisch", "a",
        "an", "the", "really", "so", "very", "at", "all", "that", "particularly", "exactly",
        "entirely", "by", "any", "means", "remotely", "overly", "too", "even", "actually",
        "such", "be", "being",
    ];

    /// Words of "een zorgmijder is ze niet" and "lazy he is not" between the
    /// phrase and the negation: a verb of being or calling, a pronoun, an
    /// adverb.
    #[rustfmt::skip]
    const INVERTED: &[&str] = &[
        "is", "was", "ben", "bent", "zijn", "waren", "wordt", "werd", "lijkt", "leek", "blijkt",
        "bleek", "vind", "vond", "noem", "noemde", "noemen", "zou", "zal", "ik", "je", "jij",
        "u", "hij", "zij", "ze", "het", "we", "wij", "jullie", "die", "dat", "hem", "haar",
        "men", "toch", "echt", "zeker", "helemaal", "ook", "nu", "eigenlijk", "beslist",
        "absoluut", "are", "were", "am", "he", "she", "they", "it", "i", "you", "him", "her",
        "them", "really", "certainly", "definitely", "surely",
    ];

    /// Whether the phrase is negated: "niet ongemotiveerd", "geen echte
    /// zorgmijder", "ik denk niet dat hij een zorgmijder is", "far from
    /// lazy"; or "een zorgmijder is ze niet", "lazy he is not".
    pub fn negated(before: &[String], after: &[String]) -> bool {
        let mut adjacent = true;
        for (i, w) in before.iter().enumerate() {
            let next = before.get(i + 1).map(String::as_str);
            if adjacent && is_negation(w) {
                return true;
            }
            if adjacent
                && matches!(
                    (next, w.as_str()),
                    (Some("far"), "from") | (Some("verre"), "van")
                )
            {
                return true;
            }
            // "niet dat ...", "geen idee of ...", "not that ...": the whole
            // clause is denied or doubted.
            if matches!(w.as_str(), "dat" | "of" | "that" | "whether" | "if")
                && next.is_some_and(is_negation)
            {
                return true;
            }
            adjacent &= BETWEEN.contains(&w.as_str());
        }
        let mut words = after.iter().map(String::as_str);
        if !words.next().is_some_and(|w| INVERTED.contains(&w)) {
            return false;
        }
        for w in words {
            if is_negation(w) {
                return true;
            }
            if !INVERTED.contains(&w) {
                return false;
            }
        }
        false
    }

    /// People a label may be about.
    #[rustfmt::skip]
    const PERSONS: &[&str] = &[
        "ik", "je", "jij", "u", "hij", "zij", "ze", "hem", "haar", "wij", "we", "men", "meneer",
        "mevrouw", "dhr", "mevr", "man", "vrouw", "moeder", "vader", "ouder", "ouders", "zoon",
        "dochter", "kind", "kinderen", "jongen", "meisje", "jongere", "jongeren", "cliënt",
        "client", "cliënte", "cliënten", "clienten", "klant", "bewoner", "bewoonster",
        "huurder", "inwoner", "buurman", "buurvrouw", "broer", "zus", "opa", "oma", "partner",
        "vriend", "vriendin", "gezin", "familie", "persoon", "personen", "mensen", "he", "she",
        "him", "her", "they", "them", "i", "you", "woman", "mother", "father", "parent",
        "parents", "son", "daughter", "child", "children", "boy", "girl", "tenant", "resident",
        "neighbour", "neighbor", "family", "person", "people",
    ];

    /// Organisations and officials: "de deurwaarder treedt agressief op".
    #[rustfmt::skip]
    const ORGANISATIONS: &[&str] = &[
        "deurwaarder", "deurwaarders", "deurwaarderskantoor", "incassobureau", "incassobureaus",
        "incassobedrijf", "incasseerder", "gemeente", "gemeenten", "gemeentes", "politie",
        "agent", "agenten", "wijkagent", "ambtenaar", "ambtenaren", "belastingdienst", "uwv",
        "cak", "duo", "svb", "cjib", "ind", "woningcorporatie", "woningcorporaties",
        "corporatie", "corporaties", "woningbouwvereniging", "verhuurder", "verhuurders",
        "huisbaas", "zorgverzekeraar", "zorgverzekeraars", "verzekeraar", "verzekeraars",
        "bank", "banken", "energieleverancier", "energiebedrijf", "leverancier", "instantie",
        "instanties", "organisatie", "organisaties", "bedrijf", "bedrijven", "werkgever",
        "werkgevers", "school", "rechter", "rechters", "rechtbank", "advocaat", "advocaten",
        "beveiliging", "beveiliger", "beveiligers", "boa", "boa's", "handhaver", "handhavers",
        "handhaving", "toezichthouder", "inspectie", "ministerie", "overheid", "staat",
        "jeugdbescherming", "kinderbescherming", "ggd", "ggz", "wijkteam", "buurtteam",
        "schuldeiser", "schuldeisers", "crediteur", "crediteuren", "bewindvoerder", "consulent",
        "klantmanager", "loket", "dienst", "afdeling", "uitzendbureau", "justitie",
        "reclassering", "bailiff", "bailiffs", "collector", "collectors", "agency", "agencies",
        "council", "councils", "municipality", "police", "officer", "officers", "landlord",
        "landlords", "insurer", "insurers", "banks", "company", "companies", "employer",
        "employers", "court", "judge", "official", "officials", "authorities", "authority",
        "government", "organisation", "organization", "firm", "department", "office",
    ];

    /// Things, animals and times: "een luie stoel", "agressieve kanker".
    #[rustfmt::skip]
    const THINGS: &[&str] = &[
        "stoel", "stoelen", "fauteuil", "zetel", "zondag", "zaterdag", "dag", "dagen", "middag",
        "ochtend", "avond", "weekend", "week", "vakantie", "zomer", "oog", "ogen", "hond",
        "honden", "kat", "katten", "dier", "dieren", "paard", "kanker", "tumor", "tumoren",
        "ziekte", "virus", "infectie", "vorm", "behandeling", "chemo", "marketing", "reclame",
        "campagne", "verkoop", "verkooptechniek", "verkooptechnieken", "incasso", "beleid",
        "aanpak", "belegging", "beleggingen", "strategie", "markt", "prijs", "prijzen",
        "concurrentie", "overname", "rijstijl", "verkeer", "brief", "brieven", "mail", "mails",
        "muziek", "film", "game", "games", "spel", "wetgeving", "onkruid", "plant", "planten",
        "stof", "stoffen", "middel", "middelen", "schimmel", "bacterie", "chair", "chairs",
        "sofa", "couch", "afternoon", "sunday", "day", "days", "morning", "evening", "summer",
        "eye", "dog", "dogs", "cat", "cats", "animal", "animals", "cancer", "tumour", "tumor",
        "disease", "infection", "treatment", "campaign", "sales", "strategy", "policy",
        "approach", "investment", "investments", "takeover", "driving", "letter", "letters",
        "music", "weeds",
    ];

    const ARTICLES: &[&str] = &["de", "het", "een", "the", "a", "an", "die", "dat", "deze"];

    fn not_a_person(w: &str) -> bool {
        ORGANISATIONS.contains(&w) || THINGS.contains(&w)
    }

    /// Whether a label about a person is said here of an organisation, an
    /// official or a thing: the noun right after it ("een luie stoel"),
    /// else the nearest person or other noun before it ("de deurwaarder
    /// treedt agressief op", but "de deurwaarder vond hem agressief"),
    /// else "... van de deurwaarder" after it.
    pub fn about_no_person(before: &[String], after: &[String]) -> bool {
        if after.first().is_some_and(|w| not_a_person(w)) {
            return true;
        }
        for (i, w) in before.iter().enumerate() {
            if PERSONS.contains(&w.as_str()) {
                return false;
            }
            if not_a_person(w) {
                // "de zoon van de deurwaarder is agressief": the noun after
                // "van" is not the subject; read on.
                let rest = &before[i + 1..];
                let skip = rest.first().is_some_and(|a| ARTICLES.contains(&a.as_str())) as usize;
                if !rest
                    .get(skip)
                    .is_some_and(|p| matches!(p.as_str(), "van" | "of" | "bij"))
                {
                    return true;
                }
            }
        }
        let Some(of) = after
            .iter()
            .take(3)
            .position(|w| matches!(w.as_str(), "van" | "of" | "by" | "door"))
        else {
            return false;
        };
        after[of + 1..]
            .iter()
            .find(|w| !ARTICLES.contains(&w.as_str()))
            .is_some_and(|w| not_a_person(w))
    }

    /// Words that make an official term a label: "gewoon laaggeletterd",
    /// "zo'n laaggeletterde", "those low literacy types".
    #[rustfmt::skip]
    const LABELLING: &[&str] = &[
        "gewoon", "typisch", "typische", "echt", "echte", "zo'n", "zulke", "zo", "weer",
        "alweer", "hopeloos", "totaal", "totale", "compleet", "complete", "volslagen", "nogal",
        "zwaar", "zware", "typical", "typically", "such", "those", "totally", "completely",
        "just", "hopelessly", "utterly",
    ];

    /// Whether one of the two words before an official term labels with it.
    pub fn labelling(before: &[String]) -> bool {
        before
            .iter()
            .take(2)
            .any(|w| LABELLING.contains(&w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(lexicon: &Lexicon, text: &str) -> Vec<String> {
        lexicon.find(text).into_iter().map(|h| h.key).collect()
    }

    #[test]
    fn the_embedded_lexicon_is_complete() {
        let lexicon = Lexicon::embedded();
        assert!(lexicon.len() >= 40, "only {} labels", lexicon.len());
        assert!(!lexicon.is_empty());
        for label in lexicon.labels() {
            assert!(!label.phrases_nl.is_empty(), "{}: no nl phrase", label.key);
            assert!(!label.phrases_en.is_empty(), "{}: no en phrase", label.key);
            for lang in [Lang::Nl, Lang::En] {
                let q = lexicon.question(&label.key, lang).unwrap();
                assert!(
                    !q.trim().is_empty(),
                    "{}: no {} question",
                    label.key,
                    lang.code()
                );
                assert!(q.ends_with('?') || q.ends_with('.'), "{}: {q}", label.key);
            }
        }
    }

    #[test]
    fn every_embedded_phrase_finds_its_own_label() {
        let lexicon = Lexicon::embedded();
        for label in lexicon.labels() {
            for phrase in phrases(label) {
                // An official term is a label in a labelling frame only.
                let frame = if label.official.contains(phrase) {
                    "gewoon "
                } else {
                    ""
                };
                let text = format!("Ik schreef: {frame}{phrase}.");
                let hits = lexicon.find(&text);
                assert_eq!(hits.len(), 1, "{phrase}: {hits:?}");
                assert_eq!(hits[0].key, label.key, "{phrase}");
                assert_eq!(hits[0].text, *phrase);
            }
        }
    }

    #[test]
    fn finds_labels() {
        let lexicon = Lexicon::embedded();
        let table = [
            ("Hij is een echte zorgmijder.", "zorgmijder", "zorgmijder"),
            (
                "Het zijn zorgmijders, zegt de wijkagent.",
                "zorgmijder",
                "zorgmijders",
            ),
            ("Een zorgmijdende man van 50.", "zorgmijder", "zorgmijdende"),
            (
                "Het is een multiprobleemgezin",
                "multiprobleemgezin",
                "multiprobleemgezin",
            ),
            (
                "een multi-probleemgezin in Oost",
                "multiprobleemgezin",
                "multi-probleemgezin",
            ),
            (
                "Ze is niet gemotiveerd",
                "niet_gemotiveerd",
                "niet gemotiveerd",
            ),
            ("NIET GEMOTIVEERD", "niet_gemotiveerd", "NIET GEMOTIVEERD"),
            (
                "hij is niet\n gemotiveerd",
                "niet_gemotiveerd",
                "niet\n gemotiveerd",
            ),
            (
                "niet\tgemotiveerde ouders",
                "niet_gemotiveerd",
                "niet\tgemotiveerde",
            ),
            (
                "He is a difficult client.",
                "lastige_client",
                "difficult client",
            ),
            ("wat een rotgemeente", "rotgemeente", "wat een rotgemeente"),
            (
                "Wat een rot gemeente!",
                "rotgemeente",
                "Wat een rot gemeente",
            ),
            ("een lastige cliënt", "lastige_client", "lastige cliënt"),
            ("een LASTIGE CLIËNT", "lastige_client", "LASTIGE CLIËNT"),
            ("een lastige client", "lastige_client", "lastige client"),
            (
                "lastige of vervelende client",
                "lastige_client",
                "vervelende client",
            ),
            ("Zij is non-compliant.", "non_compliant", "non-compliant"),
            ("noncompliance again", "non_compliant", "noncompliance"),
            ("a care avoider", "zorgmijder", "care avoider"),
            (
                "a multi-problem family",
                "multiprobleemgezin",
                "multi-problem family",
            ),
            (
                "they are hard to reach",
                "moeilijk_bereikbaar",
                "hard to reach",
            ),
            ("a frequent flyer at the GP", "draaideur", "frequent flyer"),
            (
                "treatment-resistant, they say",
                "therapieresistent",
                "treatment-resistant",
            ),
            ("hij werd agressief", "agressief", "agressief"),
            ("een agressieve reactie", "agressief", "agressieve"),
            (
                "Hij heeft geen ziekte-inzicht.",
                "geen_ziekte_inzicht",
                "geen ziekte-inzicht",
            ),
            (
                "Ze heeft het aan zichzelf te danken",
                "eigen_schuld",
                "heeft het aan zichzelf te danken",
            ),
            (
                "Ach, die werken toch niet mee.",
                "die_instanties",
                "die werken toch niet mee",
            ),
            (
                "De gemeente werkt nooit mee",
                "gemeente_werkt_niet_mee",
                "De gemeente werkt nooit mee",
            ),
            (
                "Het systeem wil niet.",
                "het_systeem",
                "Het systeem wil niet",
            ),
            ("een draaideurcliënt", "draaideur", "draaideurcliënt"),
            (
                "probleemjongeren op het plein",
                "probleemjongere",
                "probleemjongeren",
            ),
            ("Ik vind hem manipulatief", "manipulatief", "manipulatief"),
            ("Zij is zo’n type", "dat_soort_mensen", "zo’n type"),
            ("(zorgmijder)", "zorgmijder", "zorgmijder"),
            ("«kansloos»", "kansloos", "kansloos"),
            ("zorgmijder-achtig gedrag", "zorgmijder", "zorgmijder"),
            // Issue 10: still labels, in running sentences.
            (
                "Ze is gewoon laaggeletterd, daar valt niks aan te doen.",
                "laaggeletterd",
                "laaggeletterd",
            ),
            (
                "Weer zo'n laaggeletterde die de brief niet opent.",
                "laaggeletterd",
                "laaggeletterde",
            ),
            ("Hij is een analfabeet.", "laaggeletterd", "analfabeet"),
            (
                "De deurwaarder vond hem agressief.",
                "agressief",
                "agressief",
            ),
            (
                "Moeder werd agressief tegen de deurwaarder.",
                "agressief",
                "agressief",
            ),
            (
                "De zoon van de deurwaarder is agressief.",
                "agressief",
                "agressief",
            ),
            (
                "Hij is niet alleen agressief maar ook dreigend.",
                "agressief",
                "agressief",
            ),
            (
                "Zij is geen zorgmijder, maar wel manipulatief.",
                "manipulatief",
                "manipulatief",
            ),
            (
                "Een agressieve moeder, zegt de school.",
                "agressief",
                "agressieve",
            ),
            (
                "Hij werkt niet mee, dat is duidelijk.",
                "onwillig",
                "werkt niet mee",
            ),
            (
                "De gemeente werkt niet mee.",
                "gemeente_werkt_niet_mee",
                "De gemeente werkt niet mee",
            ),
            (
                "Ach, die werken toch niet mee.",
                "die_instanties",
                "die werken toch niet mee",
            ),
            (
                "De gemeente zit vol bureaucraten.",
                "bureaucraten",
                "bureaucraten",
            ),
            (
                "Het is een zorgmijder, is het niet?",
                "zorgmijder",
                "zorgmijder",
            ),
            (
                "The mother is aggressive towards the bailiff.",
                "agressief",
                "aggressive",
            ),
            ("She is just a care avoider.", "zorgmijder", "care avoider"),
            ("He is not motivated.", "niet_gemotiveerd", "not motivated"),
        ];
        for (text, key, found) in table {
            let hits = lexicon.find(text);
            assert_eq!(hits.len(), 1, "{text:?}: {hits:?}");
            assert_eq!(hits[0].key, key, "{text:?}");
            assert_eq!(hits[0].text, found, "{text:?}");
            assert_eq!(&text[hits[0].start..hits[0].end], found, "{text:?}");
        }
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let lexicon = Lexicon::embedded();
        let table = [
            "Hij is gemotiveerd.",
            "gemotiveerde ouders",
            "Brief van de belastingdienst.",
            "Het is een lastige vraag.",
            "Het is lastig om de post te openen.",
            "Ze wil de zorg mijden tot na de zomer.",
            "agressiviteit",
            "zorgmijderschap",
            "multiprobleemgezinsaanpak",
            "De cliënt wil zelf de schulden aflossen.",
            "Moeder zorgt voor drie kinderen; twee hebben kinderdementie.",
            "Zij heeft drie tassen met ongeopende post.",
            "We hebben de huur afgesproken met de woningcorporatie.",
            "Het hangt af van de gemeente.",
            "De gemeente werkt mee.",
            "Hij is gemotiveerd, niet gedwongen.",
            "She is motivated and clear about what she wants.",
            "The client asked for a different letter.",
            "Het is afhankelijk van de uitkomst.",
            "Hij heeft een laptop en een fiets.",
            "een lastigheid",
            "Wij hebben de daklozenopvang gebeld.",
            "Het initiatief groeide van 4 naar 170 mensen.",
            "",
        ];
        for text in table {
            assert_eq!(lexicon.find(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn the_longest_of_overlapping_hits_wins() {
        let lexicon = Lexicon::embedded();
        // A longer phrase of another label that starts earlier...
        assert_eq!(
            keys(&lexicon, "Hij is een zorgwekkende zorgmijder."),
            ["zorgwekkende_zorgmijder"]
        );
        assert_eq!(
            keys(&lexicon, "de gemeente werkt niet mee"),
            ["gemeente_werkt_niet_mee"]
        );
        assert_eq!(
            keys(&lexicon, "a severe care avoider"),
            ["zorgwekkende_zorgmijder"]
        );
        // ...and hits next to each other all stay, sorted by start.
        let hits = lexicon.find("zorgmijder zorgmijder, niet gemotiveerd");
        let spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
        assert_eq!(spans, [(0, 10), (11, 21), (23, 39)]);

        // A longer phrase that starts later beats a shorter one before it.
        let lexicon = parse(
            r#"format = 1
[[label]]
key = "short"
nl = ["aa bb"]
question = { nl = "k?", en = "s?" }
[[label]]
key = "long"
nl = ["bb cc dd"]
question = { nl = "l?", en = "l?" }
"#,
        )
        .unwrap();
        let hits = lexicon.find("aa bb cc dd");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].key.as_str(), hits[0].start), ("long", 3));
    }

    #[test]
    fn a_shorter_phrase_matches_where_a_longer_one_is_not_whole() {
        let lexicon = parse(
            r#"format = 1
[[label]]
key = "x"
nl = ["niet gemotiveerd", "niet gemotiveerde"]
question = { nl = "?", en = "?" }
"#,
        )
        .unwrap();
        assert_eq!(lexicon.find("niet gemotiveerdere")[..], []);
        assert_eq!(
            lexicon.find("niet gemotiveerd.")[0].text,
            "niet gemotiveerd"
        );
        assert_eq!(
            lexicon.find("niet gemotiveerde.")[0].text,
            "niet gemotiveerde"
        );
    }

    fn parse(src: &str) -> Result<Lexicon, Problems> {
        Lexicon::parse("extra.toml", src, Lang::En)
    }

    fn places(src: &str) -> Vec<(usize, usize, String)> {
        parse(src)
            .unwrap_err()
            .list
            .into_iter()
            .map(|p| (p.line, p.col, p.message))
            .collect()
    }

    #[test]
    fn an_unknown_field_is_placed() {
        let found = places(
            r#"format = 1
[[label]]
key = "a"
nl = ["x"]
colour = "red"
question = { nl = "?", en = "?" }
"#,
        );
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1), (5, 1), "{found:?}");
        assert!(found[0].2.contains("colour"), "{found:?}");
    }

    #[test]
    fn a_missing_question_is_placed() {
        let found = places(
            r#"format = 1
[[label]]
key = "a"
nl = ["x"]
"#,
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].2.contains("question"), "{found:?}");
        assert!((2..=4).contains(&found[0].0), "{found:?}");
    }

    #[test]
    fn a_half_question_is_placed() {
        let found = places(
            r#"format = 1
[[label]]
key = "a"
nl = ["x"]
question = { nl = "Wat wil iemand?", en = " " }
"#,
        );
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1), (5, 12), "{found:?}");
    }

    #[test]
    fn a_duplicate_key_is_placed() {
        let err = parse(
            r#"format = 1
[[label]]
key = "a"
nl = ["x"]
question = { nl = "?", en = "?" }
[[label]]
key = "a"
nl = ["y"]
question = { nl = "?", en = "?" }
"#,
        )
        .unwrap_err();
        assert_eq!(err.list.len(), 1);
        assert_eq!(
            err.list[0].to_string(),
            "extra.toml:7:7: [a] label 'a' appears twice"
        );
        assert_eq!(err.summary, "1 problem in extra.toml");
    }

    #[test]
    fn a_wrong_format_is_placed() {
        let found = places(
            r#"format = 2
[[label]]
key = "a"
nl = ["x"]
question = { nl = "?", en = "?" }
"#,
        );
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1), (1, 10), "{found:?}");
        assert!(found[0].2.contains("format 2"), "{found:?}");
    }

    #[test]
    fn bad_keys_and_phrases_are_all_placed() {
        let found = places(
            r#"format = 1
[[label]]
key = "Niet-Gemotiveerd"
nl = ["ok", "", "lastig!"]
en = ["ok"]
question = { nl = "?", en = "?" }
[[label]]
key = "b"
nl = ["OK"]
en = []
question = { nl = "?", en = "?" }
[[label]]
key = "c"
question = { nl = "?", en = "?" }
"#,
        );
        let at: Vec<(usize, usize)> = found.iter().map(|f| (f.0, f.1)).collect();
        assert_eq!(at, [(3, 7), (4, 13), (4, 17), (9, 7), (13, 7)], "{found:?}");
        assert!(found[0].2.contains("a-z"));
        assert!(found[1].2.contains("empty"));
        assert!(found[2].2.contains("letter or digit"));
        assert!(found[3].2.contains("already in label 'Niet-Gemotiveerd'"));
        assert!(found[4].2.contains("at least one phrase"));
    }

    #[test]
    fn a_phrase_twice_in_one_list_is_a_problem_but_not_in_both_languages() {
        let found = places(
            r#"format = 1
[[label]]
key = "a"
nl = ["non-compliant", "Non-Compliant"]
en = ["non-compliant"]
question = { nl = "?", en = "?" }
"#,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (4, 24));
        assert!(found[0].2.contains("twice in this label"));
    }

    #[test]
    fn a_syntax_error_is_placed() {
        let found = places("format = 1\n[[label]\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 2, "{found:?}");
    }

    #[test]
    fn an_empty_lexicon_is_allowed() {
        let lexicon = parse("format = 1\n").unwrap();
        assert!(lexicon.is_empty());
        assert_eq!(lexicon.find("zorgmijder"), vec![]);
    }

    #[test]
    fn extend_replaces_a_key_and_adds_new_ones() {
        let mut lexicon = Lexicon::embedded();
        let before = lexicon.len();
        let extra = parse(
            r#"format = 1
[[label]]
key = "zorgmijder"
nl = ["mijdt de zorg"]
question = { nl = "Eigen vraag?", en = "Own question?" }
[[label]]
key = "eigen_label"
nl = ["multiprobleemgezin", "hopeloos"]
question = { nl = "Nieuw?", en = "New?" }
"#,
        )
        .unwrap();
        lexicon.extend(extra);
        assert_eq!(lexicon.len(), before + 1);
        assert_eq!(
            lexicon.question("zorgmijder", Lang::Nl),
            Some("Eigen vraag?")
        );
        assert_eq!(
            lexicon.question("zorgmijder", Lang::En),
            Some("Own question?")
        );
        // The replaced label has only the coach's phrases now.
        assert_eq!(lexicon.find("een zorgmijder"), vec![]);
        assert_eq!(keys(&lexicon, "hij mijdt de zorg"), ["zorgmijder"]);
        // A phrase the coach claimed moved to the coach's label; the rest of
        // the built-in label still matches.
        assert_eq!(keys(&lexicon, "een multiprobleemgezin"), ["eigen_label"]);
        assert_eq!(keys(&lexicon, "een probleemgezin"), ["multiprobleemgezin"]);
        assert_eq!(keys(&lexicon, "hopeloos"), ["eigen_label"]);
        assert_eq!(lexicon.question("eigen_label", Lang::En), Some("New?"));
        assert_eq!(lexicon.question("bestaat_niet", Lang::Nl), None);
    }

    #[test]
    fn a_label_left_without_phrases_keeps_its_question() {
        let mut lexicon = parse(
            r#"format = 1
[[label]]
key = "a"
nl = ["woord"]
question = { nl = "A?", en = "A?" }
"#,
        )
        .unwrap();
        lexicon.extend(
            parse(
                r#"format = 1
[[label]]
key = "b"
en = ["WOORD"]
question = { nl = "B?", en = "B?" }
"#,
            )
            .unwrap(),
        );
        assert_eq!(keys(&lexicon, "een woord"), ["b"]);
        assert_eq!(lexicon.question("a", Lang::Nl), Some("A?"));
    }

    #[test]
    fn offsets_are_bytes_and_the_text_is_as_written() {
        let lexicon = Lexicon::embedded();
        let text = "Één cliënt, één Zorgmijder.";
        let hits = lexicon.find(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].text, "Zorgmijder");
        assert_eq!(&text[hits[0].start..hits[0].end], "Zorgmijder");
    }

    #[test]
    fn finds_several_labels_in_one_text() {
        let lexicon = Lexicon::embedded();
        let text = "Een zorgwekkende zorgmijder uit een multiprobleemgezin;\nde gemeente werkt niet mee. Wat een rotgemeente.";
        assert_eq!(
            keys(&lexicon, text),
            [
                "zorgwekkende_zorgmijder",
                "multiprobleemgezin",
                "gemeente_werkt_niet_mee",
                "rotgemeente"
            ]
        );
    }

    // ------------------------------------------------------------ issue 10: when a phrase is not a label

    /// No text holds a label.
    fn assert_no_label(texts: &[&str]) {
        let lexicon = Lexicon::embedded();
        for text in texts {
            assert_eq!(lexicon.find(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn a_negated_phrase_is_no_label() {
        assert_no_label(&[
            "Een zorgmijder is ze niet.",
            "Hij is niet ongemotiveerd, hij is moe.",
            "Ze is zeker geen zorgmijder.",
            "Zij is geen echte zorgmijder, ze wil alleen geen bemoeienis.",
            "Ik vind hem niet manipulatief.",
            "Agressief was hij nooit.",
            "Ik denk niet dat hij een zorgmijder is.",
            "Ik weet niet of hij weigerachtig is.",
            "Hij is allesbehalve werkschuw.",
            "Ze is verre van hysterisch.",
            "Agressief is niet het goede woord.",
            "She is not a care avoider.",
            "He isn't lazy at all.",
            "Lazy he is not.",
            "She was never aggressive with us.",
            "They are far from unmotivated.",
        ]);
    }

    #[test]
    fn a_label_about_no_person_is_no_label() {
        assert_no_label(&[
            "De deurwaarder treedt agressief op.",
            "Het incassobureau reageerde vijandig op de regeling.",
            "Hij zat de hele middag in een luie stoel.",
            "Het was een luie zondag.",
            "Agressieve incassobureaus maken het erger.",
            "Het agressieve optreden van de deurwaarder schrok haar af.",
            "De gemeente was onwillig om de regel los te laten.",
            "Die hond is agressief.",
            "The bailiff was aggressive on the phone.",
            "The debt collector acted hostile.",
            "She sat in a lazy chair all afternoon.",
        ]);
    }

    #[test]
    fn an_official_term_used_neutrally_is_no_label() {
        assert_no_label(&[
            "Mevrouw is laaggeletterd; we lezen de brieven samen.",
            "Het Taalhuis helpt laaggeletterde inwoners.",
            "Een cursus voor laaggeletterden.",
            "Hij is zwakbegaafd en heeft een bewindvoerder.",
            "Nazorg voor ex-gedetineerden loopt via de gemeente.",
            "She has low literacy, so we read the letter aloud.",
        ]);
    }

    #[test]
    fn about_and_official_are_read_and_checked() {
        let lexicon = parse(
            r#"format = 1
[[label]]
key = "sys"
nl = ["lui"]
question = { nl = "?", en = "?" }
about = "system"
[[label]]
key = "off"
nl = ["dakloos"]
question = { nl = "?", en = "?" }
official = ["dakloos"]
"#,
        )
        .unwrap();
        assert_eq!(keys(&lexicon, "de deurwaarder is lui"), ["sys"]);
        assert_eq!(keys(&lexicon, "hij is dakloos"), Vec::<String>::new());
        assert_eq!(keys(&lexicon, "hij is gewoon dakloos"), ["off"]);
        let found = places(
            r#"format = 1
[[label]]
key = "a"
nl = ["x"]
question = { nl = "?", en = "?" }
official = ["y"]
"#,
        );
        assert_eq!((found[0].0, found[0].1), (6, 13), "{found:?}");
        assert!(found[0].2.contains("'y'"), "{found:?}");
        // In the reader's language, like every other problem.
        let src = "format = 1\n[[label]]\nkey = \"a\"\nnl = [\"x\"]\nquestion = { nl = \"?\", en = \"?\" }\nofficial = [\"y\"]\n";
        let err = Lexicon::parse("extra.toml", src, Lang::Nl).unwrap_err();
        assert!(
            err.to_string()
                .contains("officiële term 'y' is geen van de uitdrukkingen van dit label"),
            "{err}"
        );
        let found = places(
            r#"format = 1
[[label]]
key = "a"
nl = ["x"]
question = { nl = "?", en = "?" }
about = "everyone"
"#,
        );
        assert_eq!(found[0].0, 6, "{found:?}");
    }

    /// A lexicon of `labels` labels with `per` phrases each.
    fn generated(labels: usize, per: usize) -> String {
        let mut src = String::from("format = 1\n");
        for l in 0..labels {
            let phrases: Vec<String> = (0..per).map(|p| format!("\"w{l}x{p}\"")).collect();
            src.push_str(&format!(
                "[[label]]\nkey = \"l{l}\"\nnl = [{}]\nquestion = {{ nl = \"?\", en = \"?\" }}\n",
                phrases.join(", ")
            ));
        }
        src
    }

    #[test]
    fn a_lexicon_at_the_limits_is_read() {
        let src = generated(MAX_LABELS, MAX_PHRASES / MAX_LABELS);
        assert!(src.len() <= MAX_LEXICON_BYTES);
        let mut lexicon = Lexicon::embedded();
        lexicon.extend(parse(&src).unwrap());
        assert_eq!(
            keys(&lexicon, "een w999x1 en een zorgmijder"),
            ["l999", "zorgmijder"]
        );
    }

    /// Each limit holds at exactly one past it, and a lexicon at it is read.
    #[test]
    fn each_lexicon_limit_holds_at_exactly_one_past_it() {
        let with_phrase = |phrase: &str| {
            let src = format!(
                "format = 1\n[[label]]\nkey = \"a\"\nnl = [\"{phrase}\"]\nquestion = {{ nl = \"?\", en = \"?\" }}\n"
            );
            Lexicon::parse("lang.toml", &src, Lang::Nl)
        };
        let longest = format!("{} ë", "é".repeat(MAX_PHRASE_CHARS - 2));
        assert_eq!(
            with_phrase(&longest)
                .unwrap()
                .find(&format!("a {longest}."))
                .len(),
            1
        );
        let err = with_phrase(&format!("{longest}k")).unwrap_err();
        assert_eq!(err.list.len(), 1);
        assert_eq!(
            err.list[0].to_string(),
            "lang.toml:4:7: [a] een uitdrukking heeft hoogstens 100 tekens; deze heeft er 101"
        );

        let base = generated(1, 1);
        let padded = |size: usize| format!("{base}#{}\n", "x".repeat(size - base.len() - 2));
        assert_eq!(padded(MAX_LEXICON_BYTES).len(), MAX_LEXICON_BYTES);
        assert!(parse(&padded(MAX_LEXICON_BYTES)).is_ok());
        let err = parse(&padded(MAX_LEXICON_BYTES + 1)).unwrap_err();
        assert!(err.to_string().contains("is 257 KiB"), "{err}");

        assert!(parse(&generated(MAX_LABELS, 1)).is_ok());
        let err = parse(&generated(MAX_LABELS + 1, 1)).unwrap_err();
        assert!(err.to_string().contains("1001 labels"), "{err}");

        assert!(parse(&generated(2, MAX_PHRASES / 2)).is_ok());
        let err = parse(&generated(3, (MAX_PHRASES + 1) / 3)).unwrap_err();
        assert!(err.to_string().contains("2001 phrases"), "{err}");
    }

    #[test]
    fn a_lexicon_over_the_limits_is_refused_in_the_readers_language() {
        let refused = |src: &str, lang: Lang| {
            let err = Lexicon::parse("/cfg/lexicon.toml", src, lang).unwrap_err();
            assert_eq!(err.list.len(), 1);
            err.list[0].to_string()
        };
        let too_many = generated(MAX_LABELS + 1, 1);
        assert_eq!(
            refused(&too_many, Lang::Nl),
            "/cfg/lexicon.toml:1:1: het lexicon /cfg/lexicon.toml heeft 1001 labels met samen 1001 zinnen; een lexicon mag hoogstens 1000 labels en 2000 zinnen hebben. Maak het kleiner."
        );
        assert!(refused(&too_many, Lang::En).contains("has 1001 labels with 1001 phrases in all; a lexicon may have at most 1000 labels and 2000 phrases"));
        let too_many_phrases = generated(10, MAX_PHRASES / 10 + 1);
        assert!(refused(&too_many_phrases, Lang::Nl).contains("2010 zinnen"));
        let too_large = format!("format = 1\n# {}\n", "x".repeat(MAX_LEXICON_BYTES));
        assert_eq!(
            refused(&too_large, Lang::Nl),
            "/cfg/lexicon.toml:1:1: het lexicon /cfg/lexicon.toml is 257 KiB; een lexicon mag hoogstens 256 KiB zijn. Maak het kleiner."
        );
        assert!(
            refused(&too_large, Lang::En).contains("is 257 KiB; a lexicon may be at most 256 KiB")
        );
    }

    // ------------------------------------------------------------ issue 11: the matcher is fast and means the same

    /// The form phrases were compared in before: lower case, single spaces,
    /// one kind of apostrophe.
    fn lowercased(phrase: &str) -> String {
        phrase
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace('’', "'")
    }

    /// The matcher as it was (one big case-insensitive regex) over the
    /// built-in lexicon, kept here to check that the fast one finds exactly
    /// what it found: the regex, and the label key of each phrase.
    static REGEX: std::sync::LazyLock<(regex::Regex, HashMap<String, String>)> =
        std::sync::LazyLock::new(|| {
            let lexicon = Lexicon::embedded();
            let mut seen = HashSet::new();
            let mut all: Vec<(usize, &String)> = Vec::new();
            for (i, label) in lexicon.labels().iter().enumerate() {
                for p in phrases(label) {
                    if seen.insert(lowercased(p)) {
                        all.push((i, p));
                    }
                }
            }
            all.sort_by_key(|&(i, p)| (std::cmp::Reverse(p.chars().count()), i));
            let owners = all
                .iter()
                .map(|&(i, p)| (lowercased(p), lexicon.labels()[i].key.clone()))
                .collect();
            let alts: Vec<String> = all
                .iter()
                .map(|(_, p)| {
                    let words: Vec<String> = p
                        .split_whitespace()
                        .map(|w| regex::escape(w).replace(['\'', '’'], "['’]"))
                        .collect();
                    words.join(r"\s+")
                })
                .collect();
            let re = regex::RegexBuilder::new(&format!(r"(?:^|\W)({})(?:$|\W)", alts.join("|")))
                .case_insensitive(true)
                .size_limit(1 << 30)
                .build()
                .unwrap();
            (re, owners)
        });

    /// What the regex took as candidates, before the context was read.
    fn regex_candidates(text: &str) -> Vec<(String, usize, usize)> {
        let (re, owners) = &*REGEX;
        let mut found = Vec::new();
        let mut groups = re.capture_locations();
        let mut pos = 0;
        while re.captures_read_at(&mut groups, text, pos).is_some() {
            let (start, end) = groups.get(1).unwrap();
            // As before: a match whose text normalises differently is lost.
            if let Some(key) = owners.get(&lowercased(&text[start..end])) {
                found.push((key.clone(), start, end));
            }
            pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }

    /// What the fast matcher takes as candidates, before the context is read.
    fn candidates(lexicon: &Lexicon, text: &str) -> Vec<(String, usize, usize)> {
        lexicon
            .candidates(text)
            .into_iter()
            .map(|(id, start, end)| {
                let label = &lexicon.labels[lexicon.patterns[id].label];
                (label.key.clone(), start, end)
            })
            .collect()
    }

    static EMBEDDED_LEXICON: std::sync::LazyLock<Lexicon> =
        std::sync::LazyLock::new(Lexicon::embedded);

    /// Pieces of text a worker writes: the built-in phrases, bent (case,
    /// spacing, apostrophes, glued to other words), and words around them.
    fn piece() -> impl Strategy<Value = String> {
        let all: Vec<String> = EMBEDDED_LEXICON
            .labels()
            .iter()
            .flat_map(phrases)
            .cloned()
            .collect();
        prop_oneof![
            4 => (proptest::sample::select(all), 0u8..6).prop_map(|(p, bend)| match bend {
                0 => p.to_uppercase(),
                1 => p.replace(' ', " \n\t"),
                2 => p.replace('\'', "’"),
                3 => format!("{p}s"),
                4 => format!("on{p}"),
                _ => p,
            }),
            2 => proptest::sample::select(vec![
                " ", "  ", "\n", ". ", ", ", "-", "_", "'", "’", "(", ")", "\u{a0}", "niet ", "geen ",
                "de deurwaarder ", "gewoon ", "hij is ", "K", "ẞ", "İ", "é", "\u{301}", "²",
            ])
            .prop_map(str::to_string),
            1 => "[a-zA-Zëé ]{0,8}",
        ]
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// The fast matcher takes exactly the places the regex took, and the
        /// same phrase at each, whatever the text.
        #[test]
        fn the_fast_matcher_finds_what_the_regex_found(pieces in proptest::collection::vec(piece(), 0..12)) {
            let text: String = pieces.concat();
            prop_assert_eq!(candidates(&EMBEDDED_LEXICON, &text), regex_candidates(&text), "{:?}", text);
            // Of overlapping hits the longest stays, as when every kept hit
            // was compared with every candidate.
            let lexicon = &*EMBEDDED_LEXICON;
            let mut each: Vec<(usize, usize, usize)> = lexicon
                .candidates(&text)
                .into_iter()
                .filter(|&(id, start, end)| lexicon.applies(&lexicon.patterns[id], &text, start, end))
                .collect();
            each.sort_by_key(|&(_, start, end)| (std::cmp::Reverse(end - start), start));
            let mut kept: Vec<(usize, usize, usize)> = Vec::new();
            for c in each {
                if kept.iter().all(|k| c.2 <= k.1 || k.2 <= c.1) {
                    kept.push(c);
                }
            }
            kept.sort_by_key(|&(_, start, _)| start);
            let spans: Vec<(usize, usize)> = lexicon.find(&text).iter().map(|h| (h.start, h.end)).collect();
            let expected: Vec<(usize, usize)> = kept.iter().map(|&(_, start, end)| (start, end)).collect();
            prop_assert_eq!(spans, expected, "{:?}", text);
        }
    }
}
