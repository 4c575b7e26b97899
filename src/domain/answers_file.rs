//! Answers written in a TOML file (`driehoek new --from`), read with the
//! same checks as the walk. Every problem is reported at once, each with
//! its line, column and question id.

use std::collections::HashSet;

use toml::de::{DeTable, DeValue};

use crate::domain::answer::{Answer, Answers};
use crate::domain::bank::QuestionSet;
use crate::domain::problem::{Pending, Problem, Problems};
use crate::i18n::{self, Lang};

/// The answers that stand, and warnings about answers that were dropped.
#[derive(Debug)]
pub struct Parsed {
    pub answers: Answers,
    pub warnings: Vec<String>,
}

/// Reads an answers file against `set`: every problem at once, or the
/// answers that apply and warnings about the ones dropped.
/// Whether line `line` (from 1) of `src` looks like an answer with a quote
/// inside its quotes (`a = "Ze zei "nee"."`): the TOML error there is
/// told how to write it.
fn quote_inside(src: &str, line: usize) -> bool {
    let Some(text) = line.checked_sub(1).and_then(|i| src.lines().nth(i)) else {
        return false;
    };
    let value = text.split_once('=').map_or("", |(_, v)| v.trim_start());
    value.starts_with('"') && !value.starts_with("\"\"\"") && value.matches('"').count() >= 3
}

pub fn parse(set: &QuestionSet, file: &str, src: &str, lang: Lang) -> Result<Parsed, Problems> {
    let fail = |mut list: Vec<Problem>| {
        list.sort_by_key(|p| (p.line, p.col));
        Problems {
            summary: i18n::ERRORS_IN_FILE.with(
                lang,
                &[
                    ("problems", &i18n::N_PROBLEMS.count(lang, list.len())),
                    ("file", file),
                ],
            ),
            list,
        }
    };
    let doc = DeTable::parse(src).map_err(|e| {
        let mut problem = Problem::from_toml(file, src, &e, lang);
        if quote_inside(src, problem.line) {
            problem.message = format!("{}; {}", problem.message, i18n::T_QUOTE_INSIDE.get(lang));
        }
        fail(vec![problem])
    })?;
    // Placed at the end, in one pass over the file.
    let mut problems = Pending::new(file, src);
    let written = written(set, doc.get_ref(), &mut problems, lang);
    let mut answers: Vec<(String, Answer, usize)> = Vec::new();
    let today = crate::domain::day::today();
    for q in &set.questions {
        let Some((_, value, at)) = written.values.iter().find(|(id, _, _)| *id == q.id) else {
            continue;
        };
        // As at the prompt: a day without its year is the most recent.
        match q.read_written(value, today, crate::domain::day::Toward::Past) {
            Ok(Some(answer)) => answers.push((q.id.clone(), answer, *at)),
            Ok(None) => {}
            Err(invalid) => problems.push(*at, Some(&q.id), invalid.message(lang)),
        }
    }
    let parsed = applicable(set, &answers, &written.sections, &mut problems, lang);
    if !problems.is_empty() {
        return Err(fail(problems.placed()));
    }
    Ok(parsed)
}

/// What a file holds, with where it stands.
struct Written {
    /// (question id, value, offset)
    values: Vec<(String, toml::Value, usize)>,
    /// (section key, offset)
    sections: Vec<(String, usize)>,
}

/// Each value written for a question of `set`; a key that names no
/// section or question of the set is a problem.
fn written(set: &QuestionSet, doc: &DeTable, problems: &mut Pending, lang: Lang) -> Written {
    let mut out = Written {
        values: Vec::new(),
        sections: Vec::new(),
    };
    for (key, value) in doc.iter() {
        let (k, at) = (key.get_ref().as_ref(), key.span().start);
        match value.get_ref() {
            DeValue::String(found) if k == "set" => {
                if found.as_ref() != set.id {
                    let msg =
                        i18n::ERR_WRONG_SET.with(lang, &[("found", found), ("active", &set.id)]);
                    problems.push(value.span().start, None, msg);
                }
            }
            DeValue::Table(table) if set.section(k).is_some() => {
                out.sections.push((k.to_string(), at));
                for (qkey, qvalue) in table.iter() {
                    let id = format!("{k}.{}", qkey.get_ref());
                    if set.question(&id).is_none() {
                        let msg = match retired(&id) {
                            Some((since, hint)) => {
                                since.with(lang, &[("id", &id), ("hint", hint.get(lang))])
                            }
                            None => i18n::ERR_UNKNOWN_QUESTION.with(lang, &[("id", &id)]),
                        };
                        problems.push(qkey.span().start, Some(&id), msg);
                    } else {
                        out.values
                            .push((id, plain(qvalue.get_ref()), qvalue.span().start));
                    }
                }
            }
            _ if set.section(k).is_some() => {
                problems.push(at, None, i18n::ERR_NOT_A_TABLE.with(lang, &[("key", k)]));
            }
            _ => problems.push(
                at,
                None,
                i18n::ERR_UNKNOWN_SECTION.with(lang, &[("key", k)]),
            ),
        }
    }
    out
}

/// The answers that apply, as in the walk, and a warning for each that
/// does not; a question the short walk needs that has no answer (and no
/// problem yet) is a problem, placed at its section.
fn applicable(
    set: &QuestionSet,
    answers: &[(String, Answer, usize)],
    sections: &[(String, usize)],
    problems: &mut Pending,
    lang: Lang,
) -> Parsed {
    let reported: HashSet<String> = problems.questions().map(str::to_string).collect();
    let answer_of = |id: &str| answers.iter().find(|(a, _, _)| a == id).map(|(_, a, _)| a);
    let mut warnings = Vec::new();
    let mut kept = Vec::new();
    for q in &set.questions {
        let applies = q.applies(answer_of);
        match answers.iter().find(|(id, _, _)| *id == q.id) {
            Some((id, answer, _)) if applies => kept.push((id.clone(), answer.clone())),
            Some((id, _, at)) => {
                let place = problems.place(*at);
                warnings
                    .push(i18n::WARN_NOT_APPLICABLE.with(lang, &[("place", &place), ("id", id)]));
            }
            // A note needs what the short walk needs; the rest may wait
            // for `edit --volledig`.
            None if applies && set.must_answer(q, answer_of) && !reported.contains(&q.id) => {
                let at = sections
                    .iter()
                    .find(|(s, _)| *s == q.section)
                    .map_or(0, |(_, at)| *at);
                let message = match q.required_because(answer_of) {
                    Some(why) => {
                        let by = why.by.get(lang);
                        let values: Vec<&str> =
                            why.values.iter().map(|c| c.label.get(lang)).collect();
                        let why = i18n::WHY_CHOSEN
                            .with(lang, &[("by", by), ("values", &values.join(", "))]);
                        i18n::ERR_MISSING_BECAUSE.with(lang, &[("id", &q.id), ("why", &why)])
                    }
                    None => i18n::ERR_MISSING.with(lang, &[("id", &q.id)]),
                };
                problems.push(at, Some(&q.id), message);
            }
            None => {}
        }
    }
    Parsed {
        answers: kept,
        warnings,
    }
}

/// Where the answer to a question of an earlier set version that no
/// longer exists goes now: since which version, and where.
fn retired(id: &str) -> Option<(i18n::Msg, i18n::Msg)> {
    let (since_2, since_3) = (i18n::ERR_RETIRED_QUESTION, i18n::ERR_RETIRED_IN_3);
    match id {
        "middelen.kosten_soort" => Some((since_2, i18n::RETIRED_COST_KIND)),
        "middelen.reikwijdte" => Some((since_2, i18n::RETIRED_REACH)),
        "zelfregie.netwerk" => Some((since_2, i18n::RETIRED_NETWORK)),
        "casus.blokkade" => Some((since_3, i18n::RETIRED_EARLY_BLOCKER)),
        "middelen.betaler_voorstel" => Some((since_3, i18n::RETIRED_PAYER)),
        _ => None,
    }
}

/// A parsed value without its spans.
fn plain(v: &DeValue) -> toml::Value {
    match v {
        DeValue::String(s) => toml::Value::String(s.to_string()),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            i64::from_str_radix(&digits, i.radix())
                .map(toml::Value::Integer)
                .unwrap_or_else(|_| toml::Value::String(digits))
        }
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse()
            .map(toml::Value::Float)
            .unwrap_or_else(|_| toml::Value::String(f.as_str().to_string())),
        DeValue::Boolean(b) => toml::Value::Boolean(*b),
        DeValue::Datetime(d) => toml::Value::Datetime(*d),
        DeValue::Array(items) => {
            toml::Value::Array(items.iter().map(|i| plain(i.get_ref())).collect())
        }
        DeValue::Table(t) => toml::Value::Table(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), plain(v.get_ref())))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{Bank, DEFAULT_SET};

    fn set() -> QuestionSet {
        Bank::embedded().get(DEFAULT_SET).unwrap().clone()
    }

    #[test]
    fn every_problem_is_reported_at_once_with_its_place() {
        let src = "set = \"waardendriehoek\"\n\n[casus]\ntitel = \"Post\"\nkleur = \"rood\"\n\n[wet]\noordeel = \"misschien\"\n\n[contrasten]\nuniform_nu = 9\n\n[onbekend]\n";
        let err = parse(&set(), "a.toml", src, Lang::En).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("a.toml:5:1: [casus.kleur] unknown question 'casus.kleur'"),
            "{text}"
        );
        assert!(text.contains("a.toml:8:11: [wet.oordeel] 'misschien' is not a choice; choose from: ja, nee, twijfel"), "{text}");
        assert!(
            text.contains(
                "a.toml:11:14: [contrasten.uniform_nu] choose a whole number from 1 to 5"
            ),
            "{text}"
        );
        assert!(
            text.contains("a.toml:13:2: unknown section 'onbekend'"),
            "{text}"
        );
        assert!(text.contains("a.toml:3:2: [casus.eigen_woorden] required question 'casus.eigen_woorden' is not answered"), "{text}");
        // A required question with a bad value is reported once, not also as missing.
        assert!(!text.contains("'wet.oordeel' is not answered"), "{text}");
        // Problems come in the order of the file.
        let lines: Vec<usize> = err.list.iter().map(|p| p.line).collect();
        assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    }

    #[test]
    fn fifty_thousand_problems_are_placed_in_one_pass() {
        let mut src = String::from("[casus]\n");
        for n in 0..50_000 {
            src.push_str(&format!("onbekend_{n} = 1\n"));
        }
        let start = std::time::Instant::now();
        let err = parse(&set(), "veel.toml", &src, Lang::Nl).unwrap_err();
        let took = start.elapsed();
        assert!(err.list.len() > 50_000, "{}", err.list.len());
        let last = err.list.last().unwrap();
        assert_eq!((last.line, last.col), (50_001, 1));
        // Most of this is the TOML parser in a debug build; placing each
        // problem by reading from the start took minutes.
        assert!(took < std::time::Duration::from_secs(10), "{took:?}");
    }

    #[test]
    fn syntax_errors_point_at_the_place() {
        let err = parse(&set(), "b.toml", "[casus]\ntitel = \"open\n", Lang::Nl).unwrap_err();
        assert_eq!(err.list.len(), 1);
        assert_eq!(err.list[0].line, 2, "{err}");
    }

    #[test]
    fn a_file_for_another_set_is_refused() {
        let err = parse(&set(), "c.toml", "set = \"ander\"\n", Lang::En).unwrap_err();
        assert!(
            err.to_string()
                .contains("c.toml:1:7: this file belongs to question set 'ander'"),
            "{err}"
        );
    }
}
