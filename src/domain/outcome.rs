//! The outcome log (afloop): what happened after the case discussion. The
//! method does not stop at the analysis; someone with the mandate has to say
//! yes, and only with outcomes can bundled exceptions say which rule blocks
//! most and how often it was broken through. Entries are appended to a note
//! and never rewritten: a correction is a new entry that names the one it
//! corrects, so the log stays a true record of what was said when.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::domain::answer::{Answer, Answers};
use crate::domain::bank::{self, QuestionSet};
use crate::i18n::Lang;

/// The questions of one entry, as a question set so the walk, the answers
/// file and the template serve it like any other.
const SET: &str = include_str!("../../questions/afloop.toml");

pub fn set() -> QuestionSet {
    bank::parse_set("questions/afloop.toml", SET, crate::i18n::Lang::default())
        .unwrap_or_else(|e| panic!("the embedded outcome questions are invalid:\n{e}"))
}

/// Whom the worker asked after the discussion: a role, never a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Asked {
    Teamleider,
    Maatwerkcoach,
    Doorbraak,
    Afdeling,
    Directie,
    Wethouder,
    AndereOrganisatie,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Toegekend,
    Deels,
    Afgewezen,
    LooptNog,
}

impl Decision {
    /// Every decision, in the order a report counts them.
    pub const ALL: [Decision; 4] = [
        Decision::Toegekend,
        Decision::Deels,
        Decision::Afgewezen,
        Decision::LooptNog,
    ];

    /// The decision as the outcome questions name it, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        let value = value_of(&self);
        set()
            .question("afloop.besluit")
            .and_then(|q| q.choices.iter().find(|c| c.value == value))
            .map_or(value, |c| c.label.get(lang).to_string())
    }

    /// Whether the decision is taken (granted, partly, refused), as
    /// opposed to still open.
    pub fn is_final(self) -> bool {
        self != Decision::LooptNog
    }

    /// Whether the exception was made, in whole or in part.
    pub fn broke_through(self) -> bool {
        matches!(self, Decision::Toegekend | Decision::Deels)
    }
}

/// One entry of the log, as the note file keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// When the entry was added to the note.
    pub added: Timestamp,
    /// The day it is about.
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<Asked>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// The day of the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afterwards: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_says: Option<String>,
    /// The number (from 1) of the earlier entry this one corrects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<usize>,
}

/// Why answers make no entry.
#[derive(Debug, PartialEq, Eq)]
pub enum NotAnEntry {
    /// Nothing but a date: there is nothing to record.
    Empty,
    /// A correction of an entry the note does not have.
    NoSuchEntry { corrects: usize, count: usize },
}

impl Outcome {
    /// The entry the answers of one walk (or entry file) describe. The day
    /// defaults to `today`, the decision's day to the entry's.
    pub fn from_answers(
        answers: &Answers,
        added: Timestamp,
        today: Date,
        corrects: Option<usize>,
        earlier: usize,
    ) -> Result<Outcome, NotAnEntry> {
        let get = |key: &str| {
            let id = format!("afloop.{key}");
            answers.iter().find(|(a, _)| *a == id).map(|(_, v)| v)
        };
        let text = |key: &str| match get(key) {
            Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
            _ => None,
        };
        let choice = |key: &str| match get(key) {
            Some(Answer::Choice(c)) => Some(toml::Value::String(c.clone())),
            _ => None,
        };
        let day = |key: &str| match get(key) {
            Some(Answer::Date(d)) => Some(*d),
            _ => None,
        };
        if let Some(n) = corrects
            && !(1..=earlier).contains(&n)
        {
            return Err(NotAnEntry::NoSuchEntry {
                corrects: n,
                count: earlier,
            });
        }
        let date = day("datum").unwrap_or(today);
        let decision: Option<Decision> = choice("besluit").and_then(|v| v.try_into().ok());
        let outcome = Outcome {
            added,
            date,
            advice: text("advies"),
            asked: choice("gevraagd").and_then(|v| v.try_into().ok()),
            decided: decision
                .filter(|d| d.is_final())
                .map(|_| day("besluit_datum").unwrap_or(date)),
            decision,
            afterwards: text("daarna"),
            person_says: text("persoon_zegt"),
            corrects,
        };
        let says_something = outcome.advice.is_some()
            || outcome.asked.is_some()
            || outcome.decision.is_some()
            || outcome.afterwards.is_some()
            || outcome.person_says.is_some();
        if says_something {
            Ok(outcome)
        } else {
            Err(NotAnEntry::Empty)
        }
    }

    /// The entry as answers of the outcome questions, to show it with the
    /// questions' own labels and to scan its free text.
    pub fn answers(&self) -> Answers {
        let text = |key: &str, t: &Option<String>| {
            t.as_ref()
                .map(|t| (format!("afloop.{key}"), Answer::Text(t.clone())))
        };
        let choice =
            |key: &str, v: Option<String>| v.map(|v| (format!("afloop.{key}"), Answer::Choice(v)));
        [
            Some(("afloop.datum".to_string(), Answer::Date(self.date))),
            text("advies", &self.advice),
            choice("gevraagd", self.asked.map(|a| value_of(&a))),
            choice("besluit", self.decision.map(|d| value_of(&d))),
            self.decided
                .map(|d| ("afloop.besluit_datum".to_string(), Answer::Date(d))),
            text("daarna", &self.afterwards),
            text("persoon_zegt", &self.person_says),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// The value a choice is stored under: the serde name of the variant.
fn value_of(v: &impl Serialize) -> String {
    toml::Value::try_from(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Where a case stands after the discussion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Nothing decided yet.
    #[default]
    Open,
    /// A decision is taken: granted, partly granted or refused.
    Besloten,
    /// Decided, and what happened afterwards is recorded.
    Uitgevoerd,
}

/// The entries that still stand: each one that a later entry corrects is
/// left out, with its number (from 1).
pub fn standing(log: &[Outcome]) -> impl Iterator<Item = (usize, &Outcome)> {
    log.iter().enumerate().filter_map(move |(i, o)| {
        let corrected = log[i + 1..]
            .iter()
            .any(|later| later.corrects == Some(i + 1));
        (!corrected).then_some((i + 1, o))
    })
}

/// The decision that holds now: the latest standing one, by its day and
/// then by the order of the log.
pub fn decision(log: &[Outcome]) -> Option<(Decision, Date)> {
    standing(log)
        .filter_map(|(n, o)| o.decision.map(|d| ((o.decided.unwrap_or(o.date), n), d)))
        .max_by_key(|(key, _)| *key)
        .map(|((day, _), d)| (d, day))
}

pub fn status(log: &[Outcome]) -> Status {
    match decision(log) {
        Some((d, _)) if d.is_final() => {
            if standing(log).any(|(_, o)| o.afterwards.is_some()) {
                Status::Uitgevoerd
            } else {
                Status::Besloten
            }
        }
        _ => Status::Open,
    }
}

/// Days from the note's day to the first decision taken, if any.
pub fn days_to_decision(note_day: Date, log: &[Outcome]) -> Option<i64> {
    standing(log)
        .filter_map(|(_, o)| {
            o.decision
                .filter(|d| d.is_final())
                .map(|_| o.decided.unwrap_or(o.date))
        })
        .min()
        .and_then(|first| first.since(note_day).ok())
        .map(|span| i64::from(span.get_days()))
        // A decision before the note (written up afterwards) says nothing
        // about how long deciding took.
        .filter(|days| *days >= 0)
}

impl Status {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Open => crate::i18n::STATUS_OPEN.get(lang),
            Status::Besloten => crate::i18n::STATUS_DECIDED.get(lang),
            Status::Uitgevoerd => crate::i18n::STATUS_DONE.get(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        crate::domain::day::parse(s).unwrap()
    }

    fn entry(answers: &[(&str, Answer)], corrects: Option<usize>, earlier: usize) -> Outcome {
        let answers: Answers = answers
            .iter()
            .map(|(k, v)| (format!("afloop.{k}"), v.clone()))
            .collect();
        Outcome::from_answers(
            &answers,
            Timestamp::UNIX_EPOCH,
            day("1-12-2026"),
            corrects,
            earlier,
        )
        .unwrap()
    }

    fn choice(v: &str) -> Answer {
        Answer::Choice(v.into())
    }

    #[test]
    fn the_set_loads_and_every_choice_is_a_variant() {
        let set = set();
        for (id, to) in [
            (
                "afloop.gevraagd",
                (|v: &str| toml::Value::String(v.into()).try_into::<Asked>().is_ok())
                    as fn(&str) -> bool,
            ),
            ("afloop.besluit", |v| {
                toml::Value::String(v.into()).try_into::<Decision>().is_ok()
            }),
        ] {
            for c in &set.question(id).unwrap().choices {
                assert!(to(&c.value), "{id}: {}", c.value);
            }
        }
    }

    #[test]
    fn an_entry_needs_something_to_say_and_a_correction_an_entry_to_correct() {
        let answers: Answers = vec![("afloop.datum".into(), Answer::Date(day("2-12-2026")))];
        let now = Timestamp::UNIX_EPOCH;
        assert_eq!(
            Outcome::from_answers(&answers, now, day("1-12-2026"), None, 0),
            Err(NotAnEntry::Empty)
        );
        let said: Answers = vec![("afloop.daarna".into(), Answer::Text("gestart".into()))];
        assert_eq!(
            Outcome::from_answers(&said, now, day("1-12-2026"), Some(3), 2),
            Err(NotAnEntry::NoSuchEntry {
                corrects: 3,
                count: 2
            })
        );
        let e = Outcome::from_answers(&said, now, day("1-12-2026"), Some(2), 2).unwrap();
        assert_eq!((e.date, e.corrects), (day("1-12-2026"), Some(2)));
    }

    #[test]
    fn the_decision_day_defaults_to_the_entry_day_and_only_for_a_decision_taken() {
        let taken = entry(
            &[
                ("datum", Answer::Date(day("3-12-2026"))),
                ("besluit", choice("afgewezen")),
            ],
            None,
            0,
        );
        assert_eq!(taken.decided, Some(day("3-12-2026")));
        let open = entry(&[("besluit", choice("loopt_nog"))], None, 0);
        assert_eq!((open.date, open.decided), (day("1-12-2026"), None));
        // the answers of an entry read back as the same entry
        let again = Outcome::from_answers(&taken.answers(), taken.added, day("9-9-2030"), None, 0);
        assert_eq!(again.unwrap(), taken);
    }

    #[test]
    fn status_follows_the_standing_decision_and_what_happened_afterwards() {
        let note_day = day("1-12-2026");
        let mut log = Vec::new();
        assert_eq!(
            (status(&log), days_to_decision(note_day, &log)),
            (Status::Open, None)
        );
        log.push(entry(&[("besluit", choice("loopt_nog"))], None, 0));
        assert_eq!(status(&log), Status::Open);
        log.push(entry(
            &[
                ("besluit", choice("toegekend")),
                ("besluit_datum", Answer::Date(day("11-12-2026"))),
            ],
            None,
            1,
        ));
        assert_eq!(
            (status(&log), days_to_decision(note_day, &log)),
            (Status::Besloten, Some(10))
        );
        // A correction replaces the entry it corrects: here, no decision after all.
        log.push(entry(
            &[("advies", Answer::Text("eerst de afdeling".into()))],
            Some(2),
            2,
        ));
        assert_eq!(
            (status(&log), days_to_decision(note_day, &log)),
            (Status::Open, None)
        );
        assert_eq!(standing(&log).map(|(n, _)| n).collect::<Vec<_>>(), [1, 3]);
        log.push(entry(
            &[
                ("besluit", choice("deels")),
                ("daarna", Answer::Text("gestart".into())),
            ],
            None,
            3,
        ));
        assert_eq!(
            (status(&log), days_to_decision(note_day, &log)),
            (Status::Uitgevoerd, Some(0))
        );
    }
}
