//! Example cases for practice mode: a situation to walk and what an
//! experienced maatwerk coach would look for, as data. A coach can add
//! cases of their own in the config folder (`cases/*.toml`).

use serde::Deserialize;

use crate::i18n::Text;
use crate::problem::{Problem, Problems};

pub const CASES_FORMAT: u32 = 1;

/// The cases shipped in the binary. A unit test checks that this list
/// and `questions/cases/` agree.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "questions/cases/achttien-en-dan.toml",
        include_str!("../questions/cases/achttien-en-dan.toml"),
    ),
    (
        "questions/cases/controle-bewonersinitiatief.toml",
        include_str!("../questions/cases/controle-bewonersinitiatief.toml"),
    ),
    (
        "questions/cases/drie-zakken-post.toml",
        include_str!("../questions/cases/drie-zakken-post.toml"),
    ),
    (
        "questions/cases/mantelzorger-zonder-huurcontract.toml",
        include_str!("../questions/cases/mantelzorger-zonder-huurcontract.toml"),
    ),
    (
        "questions/cases/niemand-voor-thuis.toml",
        include_str!("../questions/cases/niemand-voor-thuis.toml"),
    ),
    (
        "questions/cases/nooit-meer-tekenen.toml",
        include_str!("../questions/cases/nooit-meer-tekenen.toml"),
    ),
    (
        "questions/cases/van-rellen-naar-voedselpakketten.toml",
        include_str!("../questions/cases/van-rellen-naar-voedselpakketten.toml"),
    ),
];

/// What the coach looks for, per part of the walk.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoachNotes {
    pub wet: Text,
    pub middelen: Text,
    pub zelfregie: Text,
    pub contrasten: Text,
    pub reflectie: Text,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeCase {
    format: u32,
    pub key: String,
    pub title: Text,
    pub summary: Text,
    pub situation: Text,
    pub coach: CoachNotes,
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
        let msg = format!(
            "practice-case format {} is not supported; this version reads format {CASES_FORMAT}",
            case.format
        );
        return Err(fail(Problem::at(file, src, at("format"), None, msg)));
    }
    if case.key != stem {
        let msg = format!("the key '{}' must be the file's name, '{stem}'", case.key);
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
        assert!(cases.len() >= 6);
        for c in &cases {
            for t in [
                &c.situation,
                &c.coach.wet,
                &c.coach.middelen,
                &c.coach.zelfregie,
                &c.coach.contrasten,
                &c.coach.reflectie,
            ] {
                assert!(
                    !t.nl.trim().is_empty() && !t.en.trim().is_empty(),
                    "{}",
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
                .contains("must be the file's name, 'anders'"),
            "{err}"
        );
    }
}
