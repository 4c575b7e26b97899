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

mod context;
mod parse;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashSet};

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use serde::Deserialize;

use crate::i18n::{Lang, Text};

/// The lexicon format this version reads.
pub const LEXICON_FORMAT: u32 = 1;

/// The lexicon built into the binary.
pub const EMBEDDED: &str = include_str!("../../../questions/lexicon.toml");

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

impl Lexicon {
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
        self.hits(text, false)
    }

    /// [`Lexicon::find`], also where the phrase is denied ("geen zorgmijder
    /// meer", "niet ongemotiveerd"). The mirror asks nothing of a denial,
    /// but a label the person reads about themselves is there denied too:
    /// the page for the person reads its texts this way.
    pub fn find_denied_too(&self, text: &str) -> Vec<LabelHit> {
        self.hits(text, true)
    }

    fn hits(&self, text: &str, denied_too: bool) -> Vec<LabelHit> {
        let mut candidates: Vec<(usize, usize, usize)> = self
            .candidates(text)
            .into_iter()
            .filter(|&(id, start, end)| {
                self.applies(&self.patterns[id], text, start, end, denied_too)
            })
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

    /// Whether the phrase at `start..end` is used as a label here (a
    /// denial counts if `denied_too`).
    fn applies(
        &self,
        pattern: &Pattern,
        text: &str,
        start: usize,
        end: usize,
        denied_too: bool,
    ) -> bool {
        let before = context::before(text, start);
        let after = context::after(text, end);
        let about = self.labels[pattern.label].about;
        (denied_too || !context::negated(&before, &after))
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

fn phrases(label: &Label) -> impl Iterator<Item = &String> {
    label.phrases_nl.iter().chain(&label.phrases_en)
}

/// The form two phrases are compared in, and matched in (see [`Folded`]):
/// one case, single spaces, one kind of apostrophe. Two phrases the same in
/// this form find the same words.
fn normalise(phrase: &str) -> String {
    Folded::build(phrase.trim(), false).text
}
