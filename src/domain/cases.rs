//! Example cases for practice mode: a situation to walk and what an
//! experienced maatwerk coach would look for, as data. A coach can add
//! cases of their own in the config folder (`cases/*.toml`).
//!
//! Since format 2 a coach note's legal points are entries of their own
//! (`[[legal]]`: law, article, text), and the note's prose refers to them
//! with a marker, `[§id]`: every legal statement then names its law and
//! article in one place, and the renderer lists them under the part that
//! refers to them. Format 1 files, without entries, read as before.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::answer::Verdict;
use crate::domain::problem::{Problem, Problems};
use crate::i18n::{self, Lang, Text};

/// The newest format; every format from 1 up to this one is read.
pub const CASES_FORMAT: u32 = 2;

/// How prose refers to a legal point: `[§id]`.
pub const MARK_OPEN: &str = "[§";
const MARK_CLOSE: char = ']';

/// The cases shipped in the binary. A unit test checks that this list
/// and `questions/cases/` agree.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "questions/cases/achttien-en-dan.toml",
        include_str!("../../questions/cases/achttien-en-dan.toml"),
    ),
    (
        "questions/cases/bewind-voor-de-zekerheid.toml",
        include_str!("../../questions/cases/bewind-voor-de-zekerheid.toml"),
    ),
    (
        "questions/cases/controle-bewonersinitiatief.toml",
        include_str!("../../questions/cases/controle-bewonersinitiatief.toml"),
    ),
    (
        "questions/cases/de-derde-opruimbeurt.toml",
        include_str!("../../questions/cases/de-derde-opruimbeurt.toml"),
    ),
    (
        "questions/cases/drie-zakken-post.toml",
        include_str!("../../questions/cases/drie-zakken-post.toml"),
    ),
    (
        "questions/cases/drieentwintig.toml",
        include_str!("../../questions/cases/drieentwintig.toml"),
    ),
    (
        "questions/cases/een-nieuwe-badkamer.toml",
        include_str!("../../questions/cases/een-nieuwe-badkamer.toml"),
    ),
    (
        "questions/cases/geen-adres-geen-post.toml",
        include_str!("../../questions/cases/geen-adres-geen-post.toml"),
    ),
    (
        "questions/cases/ik-ben-haar-vader.toml",
        include_str!("../../questions/cases/ik-ben-haar-vader.toml"),
    ),
    (
        "questions/cases/mantelzorger-zonder-huurcontract.toml",
        include_str!("../../questions/cases/mantelzorger-zonder-huurcontract.toml"),
    ),
    (
        "questions/cases/niemand-voor-thuis.toml",
        include_str!("../../questions/cases/niemand-voor-thuis.toml"),
    ),
    (
        "questions/cases/nooit-meer-tekenen.toml",
        include_str!("../../questions/cases/nooit-meer-tekenen.toml"),
    ),
    (
        "questions/cases/van-rellen-naar-voedselpakketten.toml",
        include_str!("../../questions/cases/van-rellen-naar-voedselpakketten.toml"),
    ),
];

/// What the coach looks for, per part of the walk. `casus` and `vervolg`
/// came later: a coach's own case file from before still loads without them.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoachNotes {
    pub casus: Option<Text>,
    pub wet: Text,
    pub middelen: Text,
    pub zelfregie: Text,
    pub contrasten: Text,
    pub reflectie: Text,
    pub vervolg: Option<Text>,
}

/// A coach's verdict on one corner of the triangle, with the reason, so a
/// trainee sees not only where they differ but why.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelVerdict {
    pub oordeel: Verdict,
    pub reden: Text,
}

/// How an experienced coach would answer the case: the three verdicts and
/// the question they would bring to the team.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub wet: ModelVerdict,
    pub middelen: ModelVerdict,
    pub zelfregie: ModelVerdict,
    pub teamvraag: Text,
}

/// One legal point of a coach note: what a law says, and where. The
/// places are kept so a problem points at the line to fix.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalPoint {
    id: Spanned<String>,
    law: Spanned<String>,
    article: Spanned<String>,
    pub text: Text,
}

impl LegalPoint {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    pub fn law(&self) -> &str {
        self.law.get_ref().trim()
    }

    pub fn article(&self) -> &str {
        self.article.get_ref().trim()
    }

    /// Law and article as a reader looks them up: "Jeugdwet art. 1.1".
    pub fn citation(&self) -> String {
        format!("{} {}", self.law(), self.article())
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeCase {
    format: u32,
    pub key: String,
    pub title: Text,
    pub summary: Text,
    /// What the case teaches, in a sentence or two.
    pub lesson: Option<Text>,
    pub situation: Text,
    pub coach: CoachNotes,
    pub model: Option<Model>,
    /// The legal points the coach notes refer to (format 2).
    #[serde(default)]
    pub legal: Vec<LegalPoint>,
}

impl PracticeCase {
    /// The texts that may refer to legal points: the coach notes, and the
    /// model's reasons and question for the team.
    pub fn prose(&self) -> Vec<&Text> {
        let c = &self.coach;
        let mut texts: Vec<&Text> = c.casus.iter().collect();
        texts.extend([
            &c.wet,
            &c.middelen,
            &c.zelfregie,
            &c.contrasten,
            &c.reflectie,
        ]);
        texts.extend(&c.vervolg);
        if let Some(m) = &self.model {
            texts.extend([
                &m.wet.reden,
                &m.middelen.reden,
                &m.zelfregie.reden,
                &m.teamvraag,
            ]);
        }
        texts
    }

    pub fn legal_point(&self, id: &str) -> Option<&LegalPoint> {
        self.legal.iter().find(|p| p.id() == id)
    }
}

/// The references to legal points in `text`, in order: where each marker
/// stands and the id it names. Text that only looks like the start of a
/// marker (`[§` without a proper id and `]`) is not one; [`parse`] reports it.
pub fn references(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(MARK_OPEN) {
        let start = from + i;
        let id_start = start + MARK_OPEN.len();
        let id_len = text[id_start..]
            .find(|c: char| !is_id_char(c))
            .unwrap_or(text.len() - id_start);
        let id_end = id_start + id_len;
        if id_len > 0 && text[id_end..].starts_with(MARK_CLOSE) {
            found.push((start..id_end + 1, &text[id_start..id_end]));
            from = id_end + 1;
        } else {
            from = id_start;
        }
    }
    found
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

/// Parses one case file; `file` names it in messages, and the key must be
/// the file's name.
pub fn parse(file: &str, src: &str, lang: Lang) -> Result<PracticeCase, Problems> {
    let fail = |p: Problem| Problems::in_file(file, vec![p], lang);
    let case: PracticeCase =
        toml::from_str(src).map_err(|e| fail(Problem::from_toml(file, src, &e, lang)))?;
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let at = |what: &str| src.find(what).unwrap_or(0);
    if !(1..=CASES_FORMAT).contains(&case.format) {
        let msg = i18n::CASE_FORMAT.with(
            lang,
            &[
                ("found", &case.format.to_string()),
                ("known", &CASES_FORMAT.to_string()),
            ],
        );
        return Err(fail(Problem::at(file, src, at("format"), None, msg)));
    }
    if case.key != stem {
        let msg = i18n::CASE_KEY.with(lang, &[("key", &case.key), ("stem", stem)]);
        return Err(fail(Problem::at(file, src, at("key"), None, msg)));
    }
    let problems = legal_problems(&case, file, src, lang);
    if !problems.is_empty() {
        return Err(Problems::in_file(file, problems, lang));
    }
    Ok(case)
}

/// Everything wrong with the legal points and the references to them, so
/// a coach fixes their file in one go: each point names a law, an article
/// and a text in both languages; each reference names a point and stands
/// in both languages; each point is referred to.
fn legal_problems(case: &PracticeCase, file: &str, src: &str, lang: Lang) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |offset: usize, msg: String| {
        problems.push(Problem::at(file, src, offset, None, msg));
    };
    let mut seen = HashSet::new();
    for p in &case.legal {
        let id = p.id();
        if id.is_empty() || !id.chars().all(is_id_char) {
            problem(p.id.span().start, i18n::CASE_LEGAL_ID.get(lang).into());
        } else if !seen.insert(id) {
            problem(
                p.id.span().start,
                i18n::CASE_LEGAL_TWICE.with(lang, &[("id", id)]),
            );
        }
        for field in [&p.law, &p.article] {
            if field.get_ref().trim().is_empty() {
                problem(field.span().start, i18n::CASE_LEGAL_CITE.get(lang).into());
            }
        }
        if p.text.nl.trim().is_empty() || p.text.en.trim().is_empty() {
            problem(p.id.span().start, i18n::CASE_LEGAL_TEXT.get(lang).into());
        }
    }
    let mut used = HashSet::new();
    for text in case.prose() {
        for bad in false_markers(&text.nl)
            .into_iter()
            .chain(false_markers(&text.en))
        {
            problem(
                src.find(bad).unwrap_or(0),
                i18n::CASE_MARK_BAD.with(lang, &[("found", bad)]),
            );
        }
        let nl: HashSet<&str> = references(&text.nl).into_iter().map(|(_, id)| id).collect();
        let en: HashSet<&str> = references(&text.en).into_iter().map(|(_, id)| id).collect();
        for id in nl.symmetric_difference(&en) {
            let marker = format!("{MARK_OPEN}{id}{MARK_CLOSE}");
            problem(
                at_marker(src, &marker),
                i18n::CASE_MARK_ONE_LANG.with(lang, &[("marker", &marker)]),
            );
        }
        for id in nl.union(&en) {
            if case.legal_point(id).is_none() {
                let marker = format!("{MARK_OPEN}{id}{MARK_CLOSE}");
                let known: Vec<&str> = case.legal.iter().map(LegalPoint::id).collect();
                let known = if known.is_empty() {
                    "—".to_string()
                } else {
                    known.join(", ")
                };
                problem(
                    at_marker(src, &marker),
                    i18n::CASE_MARK_UNKNOWN.with(lang, &[("marker", &marker), ("ids", &known)]),
                );
            }
            used.insert(*id);
        }
    }
    for p in &case.legal {
        if !p.id().is_empty() && !used.contains(p.id()) {
            problem(
                p.id.span().start,
                i18n::CASE_LEGAL_UNUSED.with(lang, &[("id", p.id())]),
            );
        }
    }
    problems
}

fn at_marker(src: &str, marker: &str) -> usize {
    src.find(marker).unwrap_or(0)
}

/// What starts like a marker but is none: `[§` up to the next space.
fn false_markers(text: &str) -> Vec<&str> {
    let good: Vec<usize> = references(text).into_iter().map(|(r, _)| r.start).collect();
    text.match_indices(MARK_OPEN)
        .filter(|(i, _)| !good.contains(i))
        .map(|(i, _)| {
            let end = text[i..]
                .find(char::is_whitespace)
                .map_or(text.len(), |n| i + n);
            &text[i..end]
        })
        .collect()
}

pub fn embedded() -> Vec<PracticeCase> {
    EMBEDDED
        .iter()
        .map(|(file, src)| {
            parse(file, src, Lang::default())
                .unwrap_or_else(|e| panic!("embedded practice case is invalid:\n{e}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_in_the_folder_is_embedded_and_loads() {
        let mut on_disk: Vec<String> = std::fs::read_dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("questions")
                .join("cases"),
        )
        .unwrap()
        .map(|e| {
            format!(
                "questions/cases/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
        on_disk.sort();
        let listed: Vec<String> = EMBEDDED.iter().map(|(f, _)| f.to_string()).collect();
        assert_eq!(listed, on_disk);
        let cases = embedded();
        assert!(cases.len() >= 13, "{} cases", cases.len());
        for c in &cases {
            assert_eq!(c.format, CASES_FORMAT, "{}", c.key);
            let lesson = c
                .lesson
                .as_ref()
                .unwrap_or_else(|| panic!("{}: no lesson", c.key));
            assert!(c.model.is_some(), "{}: no model", c.key);
            assert!(c.coach.casus.is_some(), "{}: no casus notes", c.key);
            assert!(c.coach.vervolg.is_some(), "{}: no vervolg notes", c.key);
            let mut texts = vec![&c.title, &c.summary, &c.situation, lesson];
            texts.extend(c.prose());
            texts.extend(c.legal.iter().map(|p| &p.text));
            for t in texts {
                assert!(
                    !t.nl.trim().is_empty() && !t.en.trim().is_empty(),
                    "{}",
                    c.key
                );
            }
        }
    }

    /// Every model verdict comes with its reason, in both languages, and
    /// the reason is more than a word: a trainee learns from the why.
    #[test]
    fn every_model_verdict_has_a_reason() {
        for c in embedded() {
            let m = c.model.as_ref().unwrap();
            for v in [&m.wet, &m.middelen, &m.zelfregie] {
                for reason in [&v.reden.nl, &v.reden.en] {
                    assert!(
                        reason.split_whitespace().count() >= 8,
                        "{}: a verdict without its reason: {reason:?}",
                        c.key
                    );
                }
            }
        }
    }

    fn verdicts(c: &PracticeCase) -> [Verdict; 3] {
        let m = c.model.as_ref().unwrap();
        [m.wet.oordeel, m.middelen.oordeel, m.zelfregie.oordeel]
    }

    /// Trainees must not learn that the answer is always "ja, ja, ja": at
    /// most half the cases are, and among the others some are honestly
    /// blocked by the law, too dear for what they bring, or a rescue that
    /// overrides the person's own logic.
    #[test]
    fn at_most_half_the_cases_are_yes_yes_yes() {
        let cases = embedded();
        let all_yes = cases
            .iter()
            .filter(|c| verdicts(c) == [Verdict::Ja; 3])
            .count();
        assert!(all_yes * 2 <= cases.len(), "{all_yes} of {}", cases.len());
        assert!(cases.iter().any(|c| verdicts(c)[0] == Verdict::Nee));
        assert!(cases.iter().any(|c| verdicts(c)[0] == Verdict::Twijfel));
        assert!(cases.iter().any(|c| verdicts(c)[1] == Verdict::Nee));
        assert!(cases.iter().any(|c| verdicts(c)[1] == Verdict::Twijfel));
        assert!(cases.iter().any(|c| verdicts(c)[2] == Verdict::Nee));
        assert!(cases.iter().any(|c| verdicts(c)[2] == Verdict::Twijfel));
    }

    /// Every legal point names its law and an article of it, and every
    /// case rests on at least one.
    #[test]
    fn every_legal_point_names_a_law_and_an_article() {
        for c in embedded() {
            assert!(!c.legal.is_empty(), "{}: no legal points", c.key);
            for p in &c.legal {
                assert!(!p.law().is_empty(), "{}: {} has no law", c.key, p.id());
                let article = p.article();
                assert!(
                    article.starts_with("art. ") && article.contains(|c: char| c.is_ascii_digit()),
                    "{}: {} names no article: {article:?}",
                    c.key,
                    p.id()
                );
            }
        }
    }

    const LAWS: &[&str] = &[
        "Wmo 2015",
        "Participatiewet",
        "Jeugdwet",
        "Wlz",
        "Awb",
        "Burgerlijk Wetboek",
        "BW ",
        "Huisvestingswet",
        "AVG",
        "Awir",
        "Zorgverzekeringswet",
        "Zvw",
        "Wgs",
        "Wet gemeentelijke schuldhulpverlening",
        "Faillissementswet",
        "Fw ",
        "Wet BRP",
        "Wet langdurige zorg",
        "Grondwet",
        "IVRK",
    ];

    /// A legal statement names its law and article or is asked as a
    /// question. In the coach's prose that means: a point that names a law
    /// refers to a legal point (`[§id]`) or asks, and no article is cited
    /// there at all: articles live in the legal points. A lesson, shown on
    /// its own, cites its articles inline.
    #[test]
    fn every_legal_statement_names_law_and_article_or_asks() {
        for c in embedded() {
            for text in c.prose() {
                for point in text.nl.lines().chain(text.en.lines()) {
                    let cites = LAWS.iter().any(|l| point.contains(l));
                    let refers = !references(point).is_empty() || point.contains('?');
                    assert!(
                        !cites || refers,
                        "{}: a law without a legal point: {point}",
                        c.key
                    );
                    assert!(
                        !point.contains(" art. "),
                        "{}: an article outside the legal points: {point}",
                        c.key
                    );
                }
            }
            let lesson = c.lesson.as_ref().unwrap();
            for point in [&lesson.nl, &lesson.en] {
                let cites = LAWS.iter().any(|l| point.contains(l));
                assert!(
                    !cites || point.contains("art.") || point.contains('?'),
                    "{}: a law without its article in the lesson: {point}",
                    c.key
                );
            }
        }
    }

    #[test]
    fn a_case_must_be_named_after_its_file() {
        let src = EMBEDDED[0].1;
        let err = parse("questions/cases/anders.toml", src, Lang::Nl).unwrap_err();
        assert!(
            err.to_string()
                .contains("moet de naam van het bestand zijn, 'anders'"),
            "{err}"
        );
    }

    const OLD_CASE: &str = r#"format = 1
key = "oud"
title = { nl = "Oud", en = "Old" }
summary = { nl = "s", en = "s" }
situation = { nl = "s", en = "s" }
[coach]
wet = { nl = "De wet (Wmo 2015 art. 2.3.2).", en = "The law (Wmo 2015 art. 2.3.2)." }
middelen = { nl = "m", en = "m" }
zelfregie = { nl = "z", en = "z" }
contrasten = { nl = "c", en = "c" }
reflectie = { nl = "r", en = "r" }
"#;

    /// A coach's own case of format 1, without legal points, lesson or
    /// model, reads as it did: formats are forever.
    #[test]
    fn a_coachs_case_of_format_1_still_loads() {
        let case = parse("cases/oud.toml", OLD_CASE, Lang::Nl).unwrap();
        assert!(case.legal.is_empty() && case.model.is_none());
        assert_eq!(case.prose().len(), 5);
        let newer = OLD_CASE.replace("format = 1", "format = 3");
        let err = parse("cases/oud.toml", &newer, Lang::Nl)
            .unwrap_err()
            .to_string();
        assert!(err.contains("cases/oud.toml:1:1:"), "{err}");
        assert!(
            err.contains("formaat 3") && err.contains("1 tot en met 2"),
            "{err}"
        );
    }

    /// Every problem with legal points is reported at once, each at its
    /// line and column.
    #[test]
    fn legal_point_problems_point_at_their_place() {
        let src = OLD_CASE.replace("format = 1", "format = 2").replace(
            "[coach]\nwet = { nl = \"De wet (Wmo 2015 art. 2.3.2).\", en = \"The law (Wmo 2015 art. 2.3.2).\" }",
            "[coach]\nwet = { nl = \"Zes weken [§onderzoek] en [§weg] en [§Fout.\", en = \"Six weeks [§onderzoek].\" }",
        ) + r#"
[[legal]]
id = "onderzoek"
law = "Wmo 2015"
article = ""
text = { nl = "t", en = "t" }

[[legal]]
id = "over"
law = "Awb"
article = "art. 6:7"
text = { nl = "t", en = "" }
"#;
        let err = parse("cases/oud.toml", &src, Lang::Nl)
            .unwrap_err()
            .to_string();
        for expected in [
            "cases/oud.toml:7:41: [§weg] staat maar in één taal",
            "cases/oud.toml:7:41: [§weg] noemt geen juridisch punt van deze casus; er zijn: onderzoek, over",
            "cases/oud.toml:7:51: '[§Fout.' is geen verwijzing",
            "cases/oud.toml:16:11: een juridisch punt noemt zijn wet (law) en artikel (article)",
            "cases/oud.toml:20:6: een juridisch punt heeft een tekst in nl en in en nodig",
            "cases/oud.toml:20:6: juridisch punt 'over' wordt nergens genoemd",
            "6 fouten in cases/oud.toml",
        ] {
            assert!(err.contains(expected), "{expected:?} not in:\n{err}");
        }
    }

    #[test]
    fn references_are_found_in_order_and_false_ones_are_not() {
        let text = "a [§x-1] b [§y]c [§ z] [§Q] [§w";
        let found: Vec<&str> = references(text).into_iter().map(|(_, id)| id).collect();
        assert_eq!(found, ["x-1", "y"]);
        assert_eq!(false_markers(text), ["[§", "[§Q]", "[§w"]);
    }
}
