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

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::i18n::{Lang, Text};
use crate::problem::{Problem, Problems};

/// The lexicon format this version reads.
pub const LEXICON_FORMAT: u32 = 1;

/// The lexicon built into the binary.
pub const EMBEDDED: &str = include_str!("../questions/lexicon.toml");

/// One label: the phrases that express it and the question to ask back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Stable id (a-z, 0-9 and _); notes refer to it.
    pub key: String,
    pub phrases_nl: Vec<String>,
    pub phrases_en: Vec<String>,
    pub question: Text,
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
    /// Every phrase of every label in one whole-word pattern, one capture
    /// group per phrase, longest first; `None` when there are no phrases.
    /// One pattern builds several times faster than one per label, and
    /// building is part of every start of the tool.
    matcher: Option<Regex>,
    /// The label of each phrase group: group `i + 1` belongs to
    /// `labels[owners[i]]`.
    owners: Vec<usize>,
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
}

impl Lexicon {
    /// Parses one lexicon file; every problem with file:line:col. `file`
    /// names it in messages.
    pub fn parse(file: &str, src: &str) -> Result<Lexicon, Problems> {
        let fail = |list: Vec<Problem>| Problems::in_file(file, list);
        let raw: RawLexicon =
            toml::from_str(src).map_err(|e| fail(vec![Problem::from_toml(file, src, &e)]))?;
        let mut problems = Vec::new();
        let at = |span: Range<usize>, key: Option<&str>, msg: String| {
            Problem::at(file, src, span.start, key, msg)
        };

        if *raw.format.get_ref() != LEXICON_FORMAT {
            problems.push(at(
                raw.format.span(),
                None,
                format!(
                    "lexicon format {} is not supported; this version of driehoek reads format {LEXICON_FORMAT}",
                    raw.format.get_ref()
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
                    "a label key uses only a-z, 0-9 and _".into(),
                ));
            }
            if labels.iter().any(|l| l.key == key) {
                problems.push(at(
                    at_key.clone(),
                    Some(&key),
                    format!("label '{key}' appears twice"),
                ));
            }
            if rl.nl.is_empty() && rl.en.is_empty() {
                problems.push(at(
                    at_key,
                    Some(&key),
                    "a label needs at least one phrase (nl or en)".into(),
                ));
            }
            let question = rl.question.get_ref();
            if question.nl.trim().is_empty() || question.en.trim().is_empty() {
                problems.push(at(
                    rl.question.span(),
                    Some(&key),
                    "the question back needs a text in nl and en".into(),
                ));
            }
            for (lang, phrases) in [(Lang::Nl, &rl.nl), (Lang::En, &rl.en)] {
                for phrase in phrases {
                    let text = phrase.get_ref();
                    if let Err(msg) = check_phrase(text) {
                        problems.push(at(phrase.span(), Some(&key), msg));
                        continue;
                    }
                    match seen.get(&normalise(text)) {
                        // A loanword may stand in both languages of one label.
                        Some(&(i, l)) if i == index && l != lang => {}
                        Some(&(i, _)) if i == index => problems.push(at(
                            phrase.span(),
                            Some(&key),
                            format!("phrase '{text}' appears twice in this label"),
                        )),
                        Some(&(i, _)) => problems.push(at(
                            phrase.span(),
                            Some(&key),
                            format!(
                                "phrase '{text}' is already in label '{}'; a phrase belongs to one label",
                                labels[i].key
                            ),
                        )),
                        None => {
                            seen.insert(normalise(text), (index, lang));
                        }
                    }
                }
            }
            let texts = |list: Vec<Spanned<String>>| list.into_iter().map(Spanned::into_inner);
            labels.push(Label {
                key,
                phrases_nl: texts(rl.nl).collect(),
                phrases_en: texts(rl.en).collect(),
                question: rl.question.into_inner(),
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
        Lexicon::parse("lexicon.toml (built in)", EMBEDDED)
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
    /// case-insensitive, sorted by start. Hits never overlap: of two
    /// overlapping candidates the longer one is kept ("zorgwekkende
    /// zorgmijder" over "zorgmijder"), of two as long the first.
    pub fn find(&self, text: &str) -> Vec<LabelHit> {
        let Some(re) = &self.matcher else {
            return Vec::new();
        };
        // At each place a phrase can start, the longest phrase that is a
        // whole word there; the search resumes just inside it, so a phrase
        // that starts within it is a candidate too.
        let mut candidates = Vec::new();
        let mut groups = re.capture_locations();
        let mut pos = 0;
        while re.captures_read_at(&mut groups, text, pos).is_some() {
            let Some((group, (start, end))) =
                (1..groups.len()).find_map(|g| groups.get(g).map(|span| (g, span)))
            else {
                break;
            };
            candidates.push((self.owners[group - 1], start, end));
            pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        candidates.sort_by_key(|&(_, start, end)| (std::cmp::Reverse(end - start), start));
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for c in candidates {
            if kept.iter().all(|k| c.2 <= k.1 || k.2 <= c.1) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|&(_, start, _)| start);
        kept.into_iter()
            .map(|(index, start, end)| LabelHit {
                key: self.labels[index].key.clone(),
                start,
                end,
                text: text[start..end].to_string(),
            })
            .collect()
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

    /// Builds the matcher for checked labels. Phrases are escaped, so this
    /// fails only on size, and the limit is set far above any lexicon a
    /// person writes.
    fn compile(labels: Vec<Label>) -> Lexicon {
        let mut seen = HashSet::new();
        let mut all: Vec<(usize, &String)> = Vec::new();
        for (i, label) in labels.iter().enumerate() {
            for p in phrases(label) {
                if seen.insert(normalise(p)) {
                    all.push((i, p));
                }
            }
        }
        // Leftmost-first: of the phrases that fit at one place, the first
        // listed wins, so list the longest first.
        all.sort_by_key(|&(i, p)| (std::cmp::Reverse(p.chars().count()), i));
        let owners = all.iter().map(|&(i, _)| i).collect();
        let matcher = (!all.is_empty()).then(|| {
            let alts: Vec<String> = all
                .iter()
                .map(|(_, p)| format!("({})", phrase_pattern(p)))
                .collect();
            // The regex crate has no look-around, and its Unicode `\b` makes
            // the fast engines give up on non-ASCII text; a non-word
            // character on either side (or the edge of the text) is the same
            // test and stays fast.
            RegexBuilder::new(&format!(r"(?:^|\W)(?:{})(?:$|\W)", alts.join("|")))
                .case_insensitive(true)
                .size_limit(1 << 30)
                .build()
                .expect("escaped phrases always compile")
        });
        Lexicon {
            labels,
            matcher,
            owners,
        }
    }
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
/// word" can be checked against.
fn check_phrase(phrase: &str) -> Result<(), String> {
    let trimmed = phrase.trim();
    let edge = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if trimmed.is_empty() {
        Err("a phrase cannot be empty".into())
    } else if !edge(trimmed.chars().next()) || !edge(trimmed.chars().next_back()) {
        Err(format!(
            "phrase '{phrase}' must begin and end with a letter or digit"
        ))
    } else {
        Ok(())
    }
}

/// The form two phrases are compared in: lower case, single spaces, one
/// kind of apostrophe. Matching treats them the same way.
fn normalise(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

/// The pattern of one phrase: its words, escaped, joined by any white
/// space; an apostrophe matches either kind.
fn phrase_pattern(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(|word| {
            regex::escape(word)
                .chars()
                .map(|c| match c {
                    '\'' | '’' => "['’]".to_string(),
                    c => c.to_string(),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(r"\s+")
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
                let text = format!("Ik schreef: {phrase}.");
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
        Lexicon::parse("extra.toml", src)
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
        assert_eq!(err.summary, "1 fout in extra.toml");
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
}
