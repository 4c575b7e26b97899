//! The case note: what a worker concluded about one case, in the terms of
//! the method. Plain data; it never prints and never touches the disk.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::bank::{QuestionSet, Route};

use crate::domain::answer::{Answer, Answers, Cost, Costs, Kind, Period, Scope, Verdict};
use crate::domain::outcome::Outcome;
use crate::i18n::{self, Lang};

/// The format of a note file. Raise it when the file shape changes, and
/// teach [`CaseNote`] loading to migrate the older shape.
pub const NOTE_FORMAT: u32 = 3;

/// The three verdicts of the value triangle.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Triangle {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub money: Option<Verdict>,
    #[serde(rename = "self", skip_serializing_if = "Option::is_none")]
    pub self_direction: Option<Verdict>,
}

impl Triangle {
    /// The three corners in the method's order, with their question.
    pub fn corners(&self) -> [(i18n::Msg, Option<Verdict>); 3] {
        [
            (i18n::Q_LAW, self.law),
            (i18n::Q_MONEY, self.money),
            (i18n::Q_SELF, self.self_direction),
        ]
    }
}

/// One rational/relational row: where the case is handled now and where
/// the worker wants it to go, 1 = rational pole, max = relational pole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contrast {
    pub key: String,
    pub rational: String,
    pub relational: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub now: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desired: Option<i64>,
    pub min: i64,
    pub max: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

impl Contrast {
    pub fn movement(&self) -> Option<i64> {
        Some(self.desired? - self.now?)
    }
}

/// One answered question, with the question text as it was asked so the
/// note still reads right after the question set changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawEntry", into = "RawEntry")]
pub struct Entry {
    pub id: String,
    pub question: String,
    pub kind: Kind,
    pub value: Answer,
    /// The labels of the chosen values as shown, for choice questions.
    pub labels: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    question: String,
    kind: Kind,
    value: toml::Value,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    labels: Vec<String>,
}

impl TryFrom<RawEntry> for Entry {
    type Error = String;
    fn try_from(raw: RawEntry) -> Result<Entry, String> {
        let value = Answer::from_toml(raw.kind, &raw.value)
            .map_err(|e| format!("answer '{}': {}", raw.id, e.message(Lang::En)))?
            .ok_or_else(|| format!("answer '{}' is empty", raw.id))?;
        Ok(Entry {
            id: raw.id,
            question: raw.question,
            kind: raw.kind,
            value,
            labels: raw.labels,
        })
    }
}

impl From<Entry> for RawEntry {
    fn from(e: Entry) -> RawEntry {
        RawEntry {
            value: e.value.to_toml(),
            id: e.id,
            question: e.question,
            kind: e.kind,
            labels: e.labels,
        }
    }
}

impl Entry {
    /// The answer as a person reads it, in one string.
    pub fn display(&self, lang: Lang) -> String {
        match &self.value {
            Answer::Text(s) => s.clone(),
            Answer::Choice(v) => self.labels.first().cloned().unwrap_or_else(|| v.clone()),
            Answer::Multi(v) => {
                if self.labels.len() == v.len() {
                    self.labels.join(", ")
                } else {
                    v.join(", ")
                }
            }
            Answer::Scale(i) => i.to_string(),
            Answer::Amount(e) => e.display(lang),
            Answer::Cost(c) => c.display(lang),
            Answer::Date(d) => crate::domain::day::display(*d, lang),
            Answer::YesNo(b) => if *b {
                i18n::VERDICT_JA
            } else {
                i18n::VERDICT_NEE
            }
            .get(lang)
            .to_string(),
        }
    }
}

/// A saved reflection on one case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseNote {
    pub format: u32,
    pub id: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub set: String,
    pub set_version: u32,
    /// The language the note was written in: of its questions as asked
    /// and of its own words. Its reader may read another (`ui_lang`).
    #[serde(rename = "lang")]
    pub note_lang: Lang,
    pub title: String,
    /// The author's initials, from the config.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The note this one revises (the same case after the team discussion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    /// The case this note is a version of: the id of its first note, carried
    /// by every revision so deleting a version never splits the case
    /// ([`crate::domain::versions`]). None for a first note, and for notes
    /// of earlier releases until `upgrade` writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// The example case this note practises; practice notes stay out of
    /// the bundled-exceptions report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    pub triangle: Triangle,
    #[serde(default, skip_serializing_if = "Costs::is_empty")]
    pub costs: Costs,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contrasts: Vec<Contrast>,
    pub answers: Vec<Entry>,
    /// What happened after the discussion, oldest first; only ever
    /// appended to ([`crate::domain::outcome`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
}

/// Answers as entries that carry their question text as asked.
fn entries(set: &QuestionSet, note_lang: Lang, answers: Answers) -> Vec<Entry> {
    answers
        .into_iter()
        .filter_map(|(id, value)| {
            let q = set.question(&id)?;
            Some(Entry {
                question: q.prompt.get(note_lang).to_string(),
                kind: q.kind,
                labels: q.labels_of(&value, note_lang),
                id,
                value,
            })
        })
        .collect()
}

/// The answers of entries, for a walk to start from.
pub fn answers_of(entries: &[Entry]) -> Answers {
    entries
        .iter()
        .map(|e| (e.id.clone(), e.value.clone()))
        .collect()
}

/// A walk in progress, saved after every answer so a closed terminal or a
/// crash loses at most the answer being typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub format: u32,
    pub id: String,
    pub started: Timestamp,
    pub updated: Timestamp,
    pub set: String,
    pub set_version: u32,
    /// The language the walk asks in, and the note will be written in.
    #[serde(rename = "lang")]
    pub note_lang: Lang,
    /// The question to continue at; none when every question was answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The note this draft edits, when it is an edit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit_of: Option<String>,
    /// The note the new note will revise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    /// The example case being practised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<String>,
    /// For an edit: the fingerprint of the note it began from, so saving
    /// over a change made meanwhile is noticed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Which questions the walk asks, so a resumed walk asks the same.
    #[serde(default)]
    pub walk: Route,
    #[serde(default)]
    pub answers: Vec<Entry>,
}

impl Draft {
    pub fn new(
        id: String,
        now: Timestamp,
        set: &QuestionSet,
        note_lang: Lang,
        edit_of: Option<String>,
    ) -> Draft {
        Draft {
            format: NOTE_FORMAT,
            id,
            started: now,
            updated: now,
            set: set.id.clone(),
            set_version: set.version,
            note_lang,
            next: None,
            edit_of,
            revises: None,
            practice: None,
            base: None,
            walk: Route::Full,
            answers: Vec::new(),
        }
    }

    /// Records the walk's state.
    pub fn record(
        &mut self,
        set: &QuestionSet,
        answers: Answers,
        next: Option<&str>,
        now: Timestamp,
    ) {
        let kept: Vec<Entry> = self.retired(set).cloned().collect();
        self.answers = entries(set, self.note_lang, answers);
        self.answers.extend(kept);
        self.next = next.map(str::to_string);
        self.updated = now;
    }

    /// The answers whose question `set` no longer asks (a draft begun with
    /// an earlier set), kept as they were asked.
    pub fn retired<'a>(&'a self, set: &'a QuestionSet) -> impl Iterator<Item = &'a Entry> {
        self.answers
            .iter()
            .filter(|e| set.question(&e.id).is_none())
    }

    /// The draft's title so far, to tell drafts apart.
    pub fn title(&self, set: &QuestionSet) -> String {
        match set
            .roles
            .title
            .as_deref()
            .and_then(|id| self.answers.iter().find(|e| e.id == id))
        {
            Some(Entry {
                value: Answer::Text(t),
                ..
            }) => t.clone(),
            _ => String::new(),
        }
    }
}

impl CaseNote {
    /// The note as far as its case goes.
    pub fn version(&self) -> crate::domain::versions::Version<'_> {
        crate::domain::versions::Version {
            id: &self.id,
            case: self.case.as_deref(),
            revises: self.revises.as_deref(),
        }
    }

    /// The note with new answers, as an edit: same id and creation time,
    /// `updated` now, the method's parts read again.
    /// Answers to questions the set no longer has (retired, as a double
    /// question was) are kept as they were asked.
    pub fn edited(&self, set: &QuestionSet, answers: Answers, now: Timestamp) -> CaseNote {
        let mut note = CaseNote {
            created: self.created,
            author: self.author.clone(),
            revises: self.revises.clone(),
            case: self.case.clone(),
            practice: self.practice.clone(),
            outcomes: self.outcomes.clone(),
            ..CaseNote::new(self.id.clone(), now, set, self.note_lang, answers)
        };
        note.answers.extend(self.retired(set).cloned());
        note
    }

    /// The answers whose question `set` no longer asks.
    pub fn retired<'a>(&'a self, set: &'a QuestionSet) -> impl Iterator<Item = &'a Entry> {
        self.answers
            .iter()
            .filter(|e| set.question(&e.id).is_none())
    }

    /// Makes a note from answers given in the order of `set`, reading the
    /// method's parts (verdicts, costs, contrasts) through the set's roles.
    pub fn new(
        id: String,
        now: Timestamp,
        set: &QuestionSet,
        note_lang: Lang,
        answers: Answers,
    ) -> CaseNote {
        let entries = entries(set, note_lang, answers);
        let mut note = CaseNote {
            format: NOTE_FORMAT,
            id,
            created: now,
            updated: now,
            set: set.id.clone(),
            set_version: set.version,
            note_lang,
            title: String::new(),
            author: None,
            revises: None,
            case: None,
            practice: None,
            scope: None,
            triangle: Triangle::default(),
            costs: Costs::default(),
            contrasts: Vec::new(),
            answers: entries,
            outcomes: Vec::new(),
        };
        note.read_method(set);
        note
    }

    /// Fills the method's summary (title, triangle, costs, contrasts) from
    /// the answers, so the file states them plainly for people and for
    /// tools that read many notes.
    fn read_method(&mut self, set: &QuestionSet) {
        let roles = &set.roles;
        let choice = |role: &Option<String>| match self.answer(role.as_deref()?)? {
            Answer::Choice(v) => Some(v.clone()),
            _ => None,
        };
        // A coach's own set may still ask a plain amount: a yearly cost.
        let cost = |role: &Option<String>| match self.answer(role.as_deref()?)? {
            Answer::Cost(c) => Some(*c),
            Answer::Amount(e) => Some(Cost {
                amount: Some(*e),
                period: Period::PerYear,
            }),
            _ => None,
        };
        let title = match roles.title.as_deref().and_then(|id| self.answer(id)) {
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let triangle = Triangle {
            law: choice(&roles.verdict_law).and_then(|v| Verdict::from_value(&v)),
            money: choice(&roles.verdict_money).and_then(|v| Verdict::from_value(&v)),
            self_direction: choice(&roles.verdict_self).and_then(|v| Verdict::from_value(&v)),
        };
        let scope = choice(&roles.scope).and_then(|v| Scope::from_value(&v));
        let costs = Costs {
            current: cost(&roles.cost_current),
            proposed: cost(&roles.cost_proposed),
        };
        let scale = |id: &str| match self.answer(id) {
            Some(Answer::Scale(i)) => Some(*i),
            _ => None,
        };
        let contrasts = set
            .contrasts
            .iter()
            .map(|c| {
                let (min, max) = set
                    .question(&c.now)
                    .and_then(|q| q.scale.as_ref())
                    .map_or((1, 5), |s| (s.min, s.max));
                Contrast {
                    key: c.key.clone(),
                    rational: c.rational.get(self.note_lang).to_string(),
                    relational: c.relational.get(self.note_lang).to_string(),
                    now: scale(&c.now),
                    desired: scale(&c.desired),
                    min,
                    max,
                    remark: c.remark.as_deref().and_then(|id| match self.answer(id) {
                        Some(Answer::Text(t)) => Some(t.clone()),
                        _ => None,
                    }),
                }
            })
            .collect();
        self.title = title;
        self.triangle = triangle;
        self.scope = scope;
        self.costs = costs;
        self.contrasts = contrasts;
    }

    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.entry(id).map(|e| &e.value)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.answers.iter().find(|e| e.id == id)
    }
}
