//! Reading a lexicon file: every problem with file:line:col.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{
    About, LEXICON_FORMAT, Label, Lexicon, MAX_LABELS, MAX_LEXICON_BYTES, MAX_PHRASE_CHARS,
    MAX_PHRASES, normalise,
};
use crate::domain::problem::{Problem, Problems};
use crate::i18n::{self, Lang, Text};

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
        if let Some(message) = over_limits(&raw, file, lang) {
            return Err(fail(vec![Problem::at(file, src, 0, None, message)]));
        }
        let mut reader = Reader {
            file,
            src,
            lang,
            problems: Vec::new(),
            labels: Vec::new(),
            seen: HashMap::new(),
        };
        if *raw.format.get_ref() != LEXICON_FORMAT {
            let message = i18n::LEX_FORMAT.with(
                lang,
                &[
                    ("found", &raw.format.get_ref().to_string()),
                    ("known", &LEXICON_FORMAT.to_string()),
                ],
            );
            reader.at(raw.format.span(), None, message);
        }
        for rl in raw.label {
            reader.label(rl);
        }
        if !reader.problems.is_empty() {
            return Err(fail(reader.problems));
        }
        Ok(Lexicon::compile(reader.labels))
    }
}

/// Why a lexicon is too big to read further, if it is.
fn over_limits(raw: &RawLexicon, file: &str, lang: Lang) -> Option<String> {
    let phrase_count: usize = raw.label.iter().map(|l| l.nl.len() + l.en.len()).sum();
    if raw.label.len() <= MAX_LABELS && phrase_count <= MAX_PHRASES {
        return None;
    }
    let (count, limit) = (raw.label.len().to_string(), MAX_LABELS.to_string());
    let (phrases, phrase_limit) = (phrase_count.to_string(), MAX_PHRASES.to_string());
    Some(i18n::LEXICON_TOO_MANY.with(
        lang,
        &[
            ("file", file),
            ("labels", &count),
            ("limit", &limit),
            ("phrases", &phrases),
            ("phrase_limit", &phrase_limit),
        ],
    ))
}

/// The labels read so far, and the problems found on the way.
struct Reader<'a> {
    file: &'a str,
    src: &'a str,
    lang: Lang,
    problems: Vec<Problem>,
    labels: Vec<Label>,
    /// Each phrase (normalised) and where it was first seen: which label,
    /// in which language.
    seen: HashMap<String, (usize, Lang)>,
}

impl Reader<'_> {
    /// A problem at `span`, about label `key` where there is one.
    fn at(&mut self, span: Range<usize>, key: Option<&str>, msg: String) {
        let problem = Problem::at(self.file, self.src, span.start, key, msg);
        self.problems.push(problem);
    }

    /// One label: its key, question, phrases and official terms checked.
    fn label(&mut self, rl: RawLabel) {
        let lang = self.lang;
        let key = rl.key.get_ref().clone();
        let at_key = rl.key.span();
        if !is_key(&key) {
            self.at(at_key.clone(), Some(&key), i18n::LEX_KEY.get(lang).into());
        }
        if self.labels.iter().any(|l| l.key == key) {
            let message = i18n::LEX_TWICE.with(lang, &[("key", &key)]);
            self.at(at_key.clone(), Some(&key), message);
        }
        if rl.nl.is_empty() && rl.en.is_empty() {
            self.at(at_key, Some(&key), i18n::LEX_NO_PHRASE.get(lang).into());
        }
        let question = rl.question.get_ref();
        if question.nl.trim().is_empty() || question.en.trim().is_empty() {
            let message = i18n::LEX_QUESTION.get(lang).into();
            self.at(rl.question.span(), Some(&key), message);
        }
        for (written_in, phrases) in [(Lang::Nl, &rl.nl), (Lang::En, &rl.en)] {
            for phrase in phrases {
                self.phrase(phrase, written_in, &key);
            }
        }
        for term in &rl.official {
            let own = rl.nl.iter().chain(&rl.en);
            if !own
                .map(|p| normalise(p.get_ref()))
                .any(|p| p == normalise(term.get_ref()))
            {
                let message = i18n::LEX_OFFICIAL.with(lang, &[("term", term.get_ref())]);
                self.at(term.span(), Some(&key), message);
            }
        }
        let texts = |list: Vec<Spanned<String>>| list.into_iter().map(Spanned::into_inner);
        self.labels.push(Label {
            key,
            phrases_nl: texts(rl.nl).collect(),
            phrases_en: texts(rl.en).collect(),
            question: rl.question.into_inner(),
            about: rl.about,
            official: texts(rl.official).collect(),
        });
    }

    /// One phrase of the label being read (its `key`), written in
    /// `written_in`: well formed, and not already another label's.
    fn phrase(&mut self, phrase: &Spanned<String>, written_in: Lang, key: &str) {
        let lang = self.lang;
        let index = self.labels.len();
        let text = phrase.get_ref();
        if let Err(msg) = check_phrase(text, lang) {
            self.at(phrase.span(), Some(key), msg);
            return;
        }
        let normal = normalise(text);
        match self.seen.get(&normal) {
            // A loanword may stand in both languages of one label.
            Some(&(i, l)) if i == index && l != written_in => {}
            Some(&(i, _)) if i == index => {
                let message = i18n::LEX_PHRASE_TWICE.with(lang, &[("phrase", text)]);
                self.at(phrase.span(), Some(key), message);
            }
            Some(&(i, _)) => {
                let other = &self.labels[i].key;
                let message =
                    i18n::LEX_PHRASE_ELSEWHERE.with(lang, &[("phrase", text), ("key", other)]);
                self.at(phrase.span(), Some(key), message);
            }
            None => {
                self.seen.insert(normal, (index, written_in));
            }
        }
    }
}

fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
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

/// A size as people read it: `300 KiB`.
fn format_bytes(n: usize) -> String {
    format!("{} KiB", n.div_ceil(1024))
}
