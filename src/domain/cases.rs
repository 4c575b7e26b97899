//! Example cases for practice mode: a situation to walk and what an
//! experienced maatwerk coach would look for, as data. A coach can add
//! cases of their own in the config folder (`cases/*.toml`).

use serde::Deserialize;

use crate::domain::note::Verdict;
use crate::domain::problem::{Problem, Problems};
use crate::i18n::{self, Text};

pub const CASES_FORMAT: u32 = 1;

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
}

/// Parses one case file; `file` names it in messages, and the key must be
/// the file's name.
pub fn parse(file: &str, src: &str) -> Result<PracticeCase, Problems> {
    let fail = |p: Problem| Problems::in_file(file, vec![p]);
    let case: PracticeCase =
        toml::from_str(src).map_err(|e| fail(Problem::from_toml(file, src, &e)))?;
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let at = |what: &str| src.find(what).unwrap_or(0);
    if case.format != CASES_FORMAT {
        let msg = i18n::CASE_FORMAT.with(
            i18n::current(),
            &[
                ("found", &case.format.to_string()),
                ("known", &CASES_FORMAT.to_string()),
            ],
        );
        return Err(fail(Problem::at(file, src, at("format"), None, msg)));
    }
    if case.key != stem {
        let msg = i18n::CASE_KEY.with(i18n::current(), &[("key", &case.key), ("stem", stem)]);
        return Err(fail(Problem::at(file, src, at("key"), None, msg)));
    }
    Ok(case)
}

pub fn embedded() -> Vec<PracticeCase> {
    EMBEDDED
        .iter()
        .map(|(file, src)| {
            parse(file, src).unwrap_or_else(|e| panic!("embedded practice case is invalid:\n{e}"))
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
        assert!(cases.len() >= 10, "{} cases", cases.len());
        for c in &cases {
            let model = c
                .model
                .as_ref()
                .unwrap_or_else(|| panic!("{}: no model", c.key));
            let lesson = c
                .lesson
                .as_ref()
                .unwrap_or_else(|| panic!("{}: no lesson", c.key));
            let casus = c.coach.casus.as_ref();
            let vervolg = c.coach.vervolg.as_ref();
            for t in [
                &c.situation,
                lesson,
                casus.unwrap_or_else(|| panic!("{}: no casus notes", c.key)),
                &c.coach.wet,
                &c.coach.middelen,
                &c.coach.zelfregie,
                &c.coach.contrasten,
                &c.coach.reflectie,
                vervolg.unwrap_or_else(|| panic!("{}: no vervolg notes", c.key)),
                &model.wet.reden,
                &model.middelen.reden,
                &model.zelfregie.reden,
                &model.teamvraag,
            ] {
                assert!(
                    !t.nl.trim().is_empty() && !t.en.trim().is_empty(),
                    "{}",
                    c.key
                );
            }
        }
    }

    /// Trainees must not learn that the answer is always "ja, ja, ja": some
    /// cases are honestly blocked by the law, doubtful on money, or a rescue
    /// that overrides the person's own logic.
    #[test]
    fn some_cases_are_not_yes_yes_yes() {
        let cases = embedded();
        let verdicts = |c: &PracticeCase| {
            let m = c.model.as_ref().unwrap();
            [m.wet.oordeel, m.middelen.oordeel, m.zelfregie.oordeel]
        };
        let not_all_yes = cases
            .iter()
            .filter(|c| verdicts(c) != [Verdict::Ja; 3])
            .count();
        assert!(not_all_yes >= 3, "{not_all_yes}");
        assert!(cases.iter().any(|c| verdicts(c)[0] == Verdict::Nee));
        assert!(cases.iter().any(|c| verdicts(c)[1] == Verdict::Twijfel));
        assert!(cases.iter().any(|c| verdicts(c)[2] == Verdict::Nee));
    }

    /// A legal statement names its law and article or is asked as a
    /// question: every point of a coach note that names a law also names an
    /// article, or asks.
    #[test]
    fn coach_notes_name_the_article_of_every_law_they_cite() {
        let laws = [
            "Wmo 2015",
            "Participatiewet",
            "Jeugdwet",
            "Wlz",
            "Awb",
            "Burgerlijk Wetboek",
            "Huisvestingswet",
            "AVG",
            "Awir",
            "Zorgverzekeringswet",
            "Wgs",
            "schuldhulpverlening (",
            "Wet langdurige zorg",
            "Grondwet",
        ];
        for c in embedded() {
            let coach = &c.coach;
            let model = c.model.as_ref().unwrap();
            let texts = [
                coach.casus.as_ref().unwrap(),
                &coach.wet,
                &coach.middelen,
                &coach.zelfregie,
                &coach.contrasten,
                &coach.reflectie,
                coach.vervolg.as_ref().unwrap(),
                &model.wet.reden,
                &model.middelen.reden,
                &model.zelfregie.reden,
            ];
            for point in texts.iter().flat_map(|t| t.nl.lines()) {
                let cites = laws.iter().any(|l| point.contains(l));
                let names_article = point.contains("art.") || point.contains('?');
                assert!(
                    !cites || names_article,
                    "{}: a law without its article: {point}",
                    c.key
                );
            }
        }
    }

    #[test]
    fn a_case_must_be_named_after_its_file() {
        let src = EMBEDDED[0].1;
        let err = parse("questions/cases/anders.toml", src).unwrap_err();
        assert!(
            err.to_string()
                .contains("moet de naam van het bestand zijn, 'anders'"),
            "{err}"
        );
    }
}
