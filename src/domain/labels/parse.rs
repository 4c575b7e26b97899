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
