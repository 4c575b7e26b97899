//! The question bank: question sets as data. The default set is embedded
//! at build time; a coach can add or override sets with their own files.
//! Loading validates everything a walk relies on and reports every problem
//! with its line and column.

mod condition;
mod parse;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::domain::answer::{Answer, Cost, Invalid, Kind, MAX_ANSWER, MAX_LINE, YEARS};
use crate::domain::day;
use crate::i18n::{Lang, Text};
use crate::printable::steers;
pub use condition::Condition;
pub use parse::{
    MAX_ALL_CHOICES, MAX_CHOICES, MAX_CONTRASTS, MAX_QUESTIONS, MAX_SECTIONS, parse_set,
};

/// The format of a question-set file.
pub const BANK_FORMAT: u32 = 1;

/// The set a walk uses unless told otherwise.
pub const DEFAULT_SET: &str = "waardendriehoek";

/// The sets shipped inside the binary, as (file name, text).
pub const EMBEDDED: &[(&str, &str)] = &[(
    "questions/waardendriehoek.toml",
    include_str!("../../../questions/waardendriehoek.toml"),
)];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: Text,
    /// In a multiple choice, this value stands alone ("geen", "weet ik
    /// nog niet"): it cannot be chosen together with others.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// Why a question needs an answer: an earlier question (`by`) was answered
/// with one of `values`. Said by the door that asks, in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Because {
    /// The question that needs the answer.
    pub this: Text,
    /// The earlier question's prompt.
    pub by: Text,
    /// The answers there that make it needed.
    pub values: Vec<Choice>,
}

impl Because {
    /// "‘Welke regel precies, en van wie?’ is nodig, omdat je bij ‘Wat
    /// blokkeert hier eigenlijk?’ koos: een werkinstructie."
    pub fn say(&self, lang: Lang) -> String {
        let values: Vec<&str> = self.values.iter().map(|c| c.label.get(lang)).collect();
        crate::i18n::REQUIRED_BECAUSE.with(
            lang,
            &[
                ("this", self.this.get(lang)),
                ("by", self.by.get(lang)),
                ("values", &values.join(", ")),
            ],
        )
    }
}

/// Which walk asks a question: the short walk asks only the questions
/// marked `kort`, the full walk asks them all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    #[serde(rename = "kort")]
    Short,
    /// The default, so a coach's own set from before the two walks loads.
    #[default]
    #[serde(rename = "volledig")]
    Full,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub min_label: Option<Text>,
    pub max_label: Option<Text>,
}

/// Which questions a walk asks: the short walk, the full one, or the rest
/// of a short note (deepening it to a full one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Route {
    #[serde(rename = "kort")]
    Short,
    #[default]
    #[serde(rename = "volledig")]
    Full,
    #[serde(rename = "verdiepen")]
    Deepen,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub key: String,
    pub title: Text,
    pub intro: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// `section.key`, stable across versions of the set.
    pub id: String,
    pub section: String,
    pub key: String,
    pub kind: Kind,
    pub required: bool,
    pub prompt: Text,
    pub help: Option<Text>,
    pub choices: Vec<Choice>,
    pub scale: Option<Scale>,
    pub when: Option<Condition>,
    /// A required question that may be left open when this holds (the
    /// laws at stake, when the solution is allowed by law).
    pub optional_when: Option<Condition>,
    /// An optional question that must be answered when this holds (the
    /// concrete rule, once the blocker is a rule that has a name).
    pub required_when: Option<Condition>,
    /// The question `required_when` looks at, for saying why an answer is
    /// needed: its prompt and the choices that make it so.
    pub required_by: Option<Because>,
    /// A date question whose day lies ahead (a deadline): a day written
    /// without a year is the next one, not the last.
    pub ahead: bool,
    /// Asked in the short walk, or only in the full one.
    pub depth: Depth,
}

/// Which questions carry the parts of the method: the tool reads verdicts,
/// costs and contrasts through these, so a set may name its questions freely.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles {
    pub title: Option<String>,
    pub own_words: Option<String>,
    pub verdict_law: Option<String>,
    pub verdict_money: Option<String>,
    pub verdict_self: Option<String>,
    pub reason_law: Option<String>,
    pub reason_money: Option<String>,
    pub reason_self: Option<String>,
    pub laws: Option<String>,
    pub laws_other: Option<String>,
    pub blocker: Option<String>,
    /// The concrete rule line ("werkinstructie intake schuldhulp"):
    /// bundling groups by it.
    pub rule: Option<String>,
    pub room: Option<String>,
    pub room_route: Option<String>,
    pub cost_current: Option<String>,
    pub cost_proposed: Option<String>,
    /// Release-1 sets: whether the proposal's amount is one-off or yearly.
    pub cost_proposed_kind: Option<String>,
    /// Who pays for the proposal (set 3's `middelen.betaler`): the bundle
    /// counts it per rule.
    pub payer: Option<String>,
    /// Who saves on the proposal (set 3's `middelen.bespaarder`).
    pub saver: Option<String>,
    pub proposal: Option<String>,
    pub person_view: Option<String>,
    pub team_question: Option<String>,
    /// Which rational/relational row is most stuck (the short walk's
    /// stand-in for the twelve scales).
    pub stuck_row: Option<String>,
    pub discussed: Option<String>,
    pub scope: Option<String>,
}

/// One rational/relational row and the questions that place a case on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContrastDef {
    pub key: String,
    pub rational: Text,
    pub relational: Text,
    pub now: String,
    pub desired: String,
    pub remark: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionSet {
    pub id: String,
    pub version: u32,
    pub name: Text,
    pub description: Option<Text>,
    pub roles: Roles,
    pub contrasts: Vec<ContrastDef>,
    pub sections: Vec<Section>,
    /// In walk order.
    pub questions: Vec<Question>,
}

impl QuestionSet {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The questions of one section, in order.
    pub fn questions_in<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Question> {
        self.questions.iter().filter(move |q| q.section == section)
    }

    /// Whether the short walk asks this question: it is marked `kort`, and
    /// so is every question its condition looks at.
    pub fn in_short(&self, q: &Question) -> bool {
        q.depth == Depth::Short
            && q.when.as_ref().is_none_or(|w| {
                w.questions()
                    .iter()
                    .all(|id| self.question(id).is_some_and(|p| self.in_short(p)))
            })
    }

    /// Whether every note must answer `q`, given its other answers: the
    /// short walk's required questions; the rest may wait for `edit
    /// --volledig`. An answers file and `edit --editor` hold a note to it.
    pub fn must_answer<'a>(
        &self,
        q: &Question,
        answer_of: impl Fn(&str) -> Option<&'a Answer>,
    ) -> bool {
        self.in_short(q) && q.required_given(answer_of)
    }

    /// Whether a walk of `route` asks `q` (when its condition holds).
    pub fn on_route(&self, route: Route, q: &Question) -> bool {
        match route {
            Route::Short => self.in_short(q),
            Route::Full => true,
            Route::Deepen => !self.in_short(q),
        }
    }

    /// The questions a walk of `route` asks, in order.
    pub fn walked(&self, route: Route) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| self.on_route(route, q))
    }
}

impl Question {
    /// Whether this question is asked, given the answers so far.
    pub fn applies<'a>(&self, answer_of: impl Fn(&str) -> Option<&'a Answer>) -> bool {
        self.when.as_ref().is_none_or(|c| c.holds(answer_of))
    }

    /// Whether an answer is needed, given the answers so far.
    pub fn required_given<'a>(&self, answer_of: impl Fn(&str) -> Option<&'a Answer>) -> bool {
        (self.required
            && !self
                .optional_when
                .as_ref()
                .is_some_and(|c| c.holds(&answer_of)))
            || self.required_because(&answer_of).is_some()
    }

    /// Why this question needs an answer when its `required_when` holds:
    /// the earlier question and the answers given there that make it so.
    /// None when it is not required that way.
    pub fn required_because<'a>(
        &self,
        answer_of: impl Fn(&str) -> Option<&'a Answer>,
    ) -> Option<Because> {
        let condition = self.required_when.as_ref()?;
        if !condition.holds(&answer_of) {
            return None;
        }
        let by = self.required_by.as_ref()?;
        let given = condition
            .questions()
            .first()
            .and_then(|id| answer_of(id))
            .map(Answer::condition_values)
            .unwrap_or_default();
        Some(Because {
            this: self.prompt.clone(),
            by: by.by.clone(),
            values: by
                .values
                .iter()
                .filter(|c| given.contains(&c.value))
                .cloned()
                .collect(),
        })
    }

    /// Checks what the answer's kind alone cannot: known choices, the scale's
    /// range, one line for short text, and the size limit.
    pub fn check(&self, answer: &Answer) -> Result<(), Invalid> {
        let known = |v: &str| self.choices.iter().any(|c| c.value == v);
        let not_a_choice = |v: &str| Invalid::NotAChoice {
            value: v.to_string(),
            allowed: self.choices.iter().map(|c| c.value.clone()).collect(),
        };
        match answer {
            Answer::Text(t) if t.len() > MAX_ANSWER => Err(Invalid::TooLong),
            Answer::Text(t) if self.kind == Kind::Text && t.contains('\n') => Err(Invalid::OneLine),
            Answer::Text(t) if self.kind == Kind::Text && t.chars().count() > MAX_LINE => {
                Err(Invalid::LineTooLong)
            }
            // A one-line answer lands in tables and titles: no tab, no \r, nothing
            // that could steer a terminal.
            Answer::Text(t)
                if self.kind == Kind::Text && t.chars().any(|c| c.is_control() || steers(c)) =>
            {
                Err(Invalid::Control)
            }
            // What a bundle refuses is refused where it comes in.
            Answer::Amount(e)
            | Answer::Cost(Cost {
                amount: Some(e), ..
            }) if !e.within_limit() => Err(Invalid::AmountTooLarge(*e)),
            Answer::Date(d) if !YEARS.contains(&d.year()) => Err(Invalid::DayOutOfRange(*d)),
            Answer::Choice(v) if !known(v) => Err(not_a_choice(v)),
            Answer::Multi(vs) => match vs.iter().find(|v| !known(v)) {
                Some(v) => Err(not_a_choice(v)),
                None => match vs.iter().find(|v| {
                    vs.len() > 1 && self.choices.iter().any(|c| c.exclusive && &c.value == *v)
                }) {
                    Some(v) => Err(Invalid::Exclusive(v.clone())),
                    None => Ok(()),
                },
            },
            Answer::Scale(i) => {
                let s = self
                    .scale
                    .as_ref()
                    .ok_or(Invalid::Type { expected: "scale" })?;
                if (s.min..=s.max).contains(i) {
                    Ok(())
                } else {
                    Err(Invalid::Scale {
                        min: s.min,
                        max: s.max,
                    })
                }
            }
            _ => Ok(()),
        }
    }

    /// Reads a value written in a file or typed at a prompt, fully checked.
    pub fn read(&self, value: &toml::Value) -> Result<Option<Answer>, Invalid> {
        let mut answer = Answer::from_toml(self.kind, value)?;
        if let Some(a) = &mut answer {
            self.normalise(a);
            self.check(a)?;
        }
        Ok(answer)
    }

    /// Reads what a person wrote (at a prompt, in an answers file, in a
    /// form): as [`Question::read`], and a day may go without its year
    /// (`1-12`, `1 december`), placed by `toward` as seen from `today`.
    pub fn read_written(
        &self,
        value: &toml::Value,
        today: jiff::civil::Date,
        toward: day::Toward,
    ) -> Result<Option<Answer>, Invalid> {
        let toward = if self.ahead {
            day::Toward::Next
        } else {
            toward
        };
        match (self.kind, value) {
            (Kind::Date, toml::Value::String(s)) if !s.trim().is_empty() => {
                let day = Answer::Date(
                    day::read(s, today, toward).ok_or_else(|| Invalid::Date(s.clone()))?,
                );
                self.check(&day)?;
                Ok(Some(day))
            }
            _ => self.read(value),
        }
    }

    /// Lets people write a choice by its label too ("nog niet" for
    /// `nog_niet`), and drops repeated choices.
    fn normalise(&self, answer: &mut Answer) {
        let by_label = |v: &mut String| {
            let wanted = v.to_lowercase();
            if let Some(c) = self.choices.iter().find(|c| {
                c.value == wanted
                    || c.label.nl.to_lowercase() == wanted
                    || c.label.en.to_lowercase() == wanted
            }) {
                *v = c.value.clone();
            }
        };
        match answer {
            Answer::Choice(v) => by_label(v),
            Answer::Multi(vs) => {
                vs.iter_mut().for_each(by_label);
                let mut seen = Vec::new();
                vs.retain(|v| {
                    let first = !seen.contains(v);
                    seen.push(v.clone());
                    first
                });
            }
            _ => {}
        }
    }

    /// The labels of the chosen values, as shown to the person.
    pub fn labels_of(&self, answer: &Answer, lang: Lang) -> Vec<String> {
        let label = |v: &String| {
            self.choices
                .iter()
                .find(|c| &c.value == v)
                .map_or_else(|| v.clone(), |c| c.label.get(lang).to_string())
        };
        match answer {
            Answer::Choice(v) => vec![label(v)],
            Answer::Multi(vs) => vs.iter().map(label).collect(),
            _ => Vec::new(),
        }
    }
}

/// The sets a session can use: the embedded ones, overridden or extended
/// by a coach's own files.
#[derive(Clone, Debug, Default)]
pub struct Bank {
    sets: Vec<QuestionSet>,
}

impl Bank {
    pub fn embedded() -> Bank {
        let mut bank = Bank::default();
        for (file, src) in EMBEDDED {
            // The embedded sets are checked by a unit test; a broken one is a
            // build defect, not a user error.
            bank.add(
                parse_set(file, src, Lang::default())
                    .unwrap_or_else(|e| panic!("embedded question set is invalid:\n{e}")),
            );
        }
        bank
    }

    /// Adds a set; one with the same id replaces the one there was.
    pub fn add(&mut self, set: QuestionSet) {
        self.sets.retain(|s| s.id != set.id);
        self.sets.push(set);
    }

    pub fn get(&self, id: &str) -> Option<&QuestionSet> {
        self.sets.iter().find(|s| s.id == id)
    }

    pub fn sets(&self) -> impl Iterator<Item = &QuestionSet> {
        self.sets.iter()
    }

    pub fn ids(&self) -> Vec<&str> {
        self.sets.iter().map(|s| s.id.as_str()).collect()
    }
}
