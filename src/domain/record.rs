//! Bundle records: the part of a case note that bundled exceptions count,
//! and nothing else. A bundle of the own store is made from them, and so is
//! a bundle of many teams' anonymous exports: one way of counting, so a
//! city's bundle says exactly what one laptop holding all its notes would.
//!
//! An anonymous export holds only records: verdicts, kinds of blocker, the
//! concrete rule line and law names, costs and periods, who pays for the
//! proposal and who saves on it (as values), scope, contrast places, the
//! outcome's decision and days, and the month a note was made.
//! No title, no free text, never a note's id: each record gets a random id
//! made for the export, and the case a fingerprint that only this store can
//! make (a keyed hash of the case's first note), so a case exported twice,
//! or revised, counts once wherever its records meet.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::answer::{Answer, Cost, Euros, Period, Scope, Verdict};
use crate::domain::bank::{Bank, Roles};
use crate::domain::note::CaseNote;
use crate::domain::outcome::{self, Decision, Status};
use crate::i18n::{self, Lang};

/// What the export file says it is.
pub const FORMAT: &str = "driehoek-anoniem";
/// The newest format version this release writes and reads. Version 2
/// added who pays for the proposal and who saves on it (`payers`,
/// `savers`); a file of version 1 holds neither, and one that names them
/// is refused as a file version 1 never was ([`Record::newer_field`]).
pub const VERSION: u32 = 2;
/// The longest text a record holds (a rule line, a law's name, a choice's
/// value), in characters: a one-line answer's limit.
pub const MAX_TEXT: usize = crate::domain::answer::MAX_LINE;
/// The most entries one list of a record holds.
pub const MAX_LIST: usize = 64;
/// The most days from a note to its decision a record may say: from the
/// first day of 1990 to the last of 2100, the years a day may lie in.
const MAX_DAYS: i64 = 40_541;

/// One case, as a bundle counts it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// In an export: random, made for it. In the own store: the note's id.
    pub id: String,
    /// The case this is a version of: records with the same case count
    /// once. In an export a keyed hash; in the own store the first note's id.
    pub case: String,
    /// How many notes this one revises in a row (0: the first).
    pub revision: u32,
    /// The month the note was made, `2026-11`.
    pub month: String,
    /// The question set the values below belong to.
    pub set: String,
    /// The author's initials: in an export only when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<Verdict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<Verdict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_direction: Option<Verdict>,
    /// The laws named, as the question set's values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub laws: Vec<String>,
    /// The law typed under "anders", by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law_other: Option<String>,
    /// The kinds of blocker, as values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blockers: Vec<String>,
    /// The concrete rule line, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Whether the analysis was discussed with the person, as values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discussed: Vec<String>,
    /// The rational/relational row most stuck, as a value (short walk).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stuck_row: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_current: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_proposed: Option<Amount>,
    /// Who pays for the proposal, as values (set 3's `middelen.betaler`;
    /// export version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payers: Vec<String>,
    /// Who saves on the proposal, as values (`middelen.bespaarder`;
    /// export version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub savers: Vec<String>,
    /// The places on the rational/relational rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contrasts: Vec<Place>,
    /// The decision that holds now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Days from the note to the first decision taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_decision: Option<i64>,
    #[serde(default)]
    pub status: Status,
    /// The note's title: only in the own store, never written.
    #[serde(skip)]
    pub title: Option<String>,
    /// The labelling phrases found in the note: only in the own store.
    #[serde(skip)]
    pub labels: Vec<String>,
    /// Where the case's signal about its rule stands: only in the own
    /// store (an export carries no outcome log's text).
    #[serde(skip)]
    pub signal: Option<outcome::Signal>,
}

/// A cost in an export: cents, or none when the worker did not know, and
/// the period it covers (`jaar`, `eenmalig`, `3 jaar`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cents: Option<i64>,
    pub period: String,
}

impl Amount {
    fn of(cost: Cost) -> Amount {
        Amount {
            cents: cost.amount.map(|e| e.0),
            period: cost.period.value(),
        }
    }

    /// The cost it stands for; `None` for a period no release writes.
    pub fn cost(&self) -> Option<Cost> {
        Some(Cost {
            amount: self.cents.map(Euros),
            period: Period::parse(&self.period)?,
        })
    }
}

/// One place on a rational/relational row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired: Option<i64>,
    /// The row's poles as the note names them: only in the own store, so
    /// its bundle keeps the words its notes were written with.
    #[serde(skip)]
    pub poles: Option<(String, String)>,
}

/// An anonymous export file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub format: String,
    pub version: u32,
    /// When the export was made: of two versions of one case the later
    /// export's counts.
    pub exported: Timestamp,
    pub records: Vec<Record>,
}

/// The values a role's answer holds.
fn values(
    note: &CaseNote,
    roles: Option<&Roles>,
    role: fn(&Roles) -> &Option<String>,
) -> Vec<String> {
    let Some(entry) = roles
        .and_then(|r| role(r).as_deref())
        .and_then(|id| note.entry(id))
    else {
        return Vec::new();
    };
    match &entry.value {
        Answer::Choice(v) => vec![v.clone()],
        Answer::Multi(vs) => vs.clone(),
        Answer::YesNo(b) => vec![if *b { "ja" } else { "nee" }.to_string()],
        _ => Vec::new(),
    }
}

/// A text answer for a role, its spacing tidied; `None` when empty.
fn text(
    note: &CaseNote,
    roles: Option<&Roles>,
    role: fn(&Roles) -> &Option<String>,
) -> Option<String> {
    let id = roles.and_then(|r| role(r).as_deref())?;
    match &note.entry(id)?.value {
        Answer::Text(t) if !t.trim().is_empty() => Some(tidy(t)),
        _ => None,
    }
}

/// A note's concrete rule line (its set's rule question), spacing tidied;
/// `None` when it names none.
pub fn rule_line(note: &CaseNote, bank: &Bank) -> Option<String> {
    text(note, bank.get(&note.set).map(|s| &s.roles), |r| &r.rule)
}

/// The question a record's field comes from (`wet.regel_concreet`), as
/// warnings name answers; the field itself when no question says.
pub fn question_of<'a>(field: &'a str, roles: Option<&'a Roles>) -> &'a str {
    let role: Option<fn(&Roles) -> &Option<String>> = match field {
        "rule" => Some(|r| &r.rule),
        "law_other" => Some(|r| &r.laws_other),
        "laws" => Some(|r| &r.laws),
        "blockers" => Some(|r| &r.blocker),
        "discussed" => Some(|r| &r.discussed),
        "stuck_row" => Some(|r| &r.stuck_row),
        "payers" => Some(|r| &r.payer),
        "savers" => Some(|r| &r.saver),
        _ => None,
    };
    role.zip(roles)
        .and_then(|(role, roles)| role(roles).as_deref())
        .unwrap_or(field)
}

/// Runs of spacing as one space, none at the ends.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The records of a store's notes: one per case, its latest version (the
/// one made last), whatever versions were deleted, forked or looped
/// ([`crate::domain::versions`]). Practice notes are left out. `labels_in`
/// names the labelling phrases of a note.
pub fn records(
    notes: &[CaseNote],
    bank: &Bank,
    labels_in: impl Fn(&CaseNote) -> Vec<String>,
) -> Vec<Record> {
    let notes: Vec<&CaseNote> = notes.iter().filter(|n| n.practice.is_none()).collect();
    let versions: Vec<_> = notes.iter().map(|n| n.version()).collect();
    let case_of = crate::domain::versions::cases(&versions);
    let mut by_case: HashMap<&str, Vec<&CaseNote>> = HashMap::new();
    for note in &notes {
        let case = case_of
            .get(note.id.as_str())
            .map_or(note.id.as_str(), String::as_str);
        by_case.entry(case).or_default().push(note);
    }
    // Each case's latest version first: a revision (whose case is another
    // note) before the first note, further along `revises` before nearer,
    // then made later (two revisions of one note), then by id, whatever
    // order the notes come in. Cases in the order of the notes given, by
    // their latest version.
    let depth = crate::domain::versions::depths(&versions);
    let latest_first = |n: &&CaseNote| {
        let revision = case_of.get(n.id.as_str()).is_some_and(|c| *c != n.id);
        let depth = depth.get(n.id.as_str()).copied().unwrap_or(0);
        std::cmp::Reverse((revision, depth, n.created, n.id.clone()))
    };
    let mut cases: Vec<(&str, Vec<&CaseNote>)> = by_case.into_iter().collect();
    for (_, versions) in &mut cases {
        versions.sort_by_cached_key(latest_first);
    }
    let at: HashMap<&str, usize> = notes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    cases.sort_by_key(|(_, versions)| at[versions[0].id.as_str()]);
    cases
        .into_iter()
        .map(|(case, versions)| {
            let note = versions[0];
            let mut r = record(note, bank);
            r.case = case.to_string();
            r.revision = u32::try_from(versions.len() - 1).unwrap_or(u32::MAX);
            r.labels = labels_in(note);
            outcome_of_case(&mut r, &versions);
            r
        })
        .collect()
}

/// The outcome of a case whose versions (newest first) each keep their
/// own log: an outcome is often recorded on the version the team
/// discussed, before a revision. The decision and status are the newest
/// version's that has a decision; the days run from the case's first note
/// to its first decision.
fn outcome_of_case(r: &mut Record, versions: &[&CaseNote]) {
    if let Some(log) = versions
        .iter()
        .map(|v| &v.outcomes)
        .find(|log| outcome::decision(log).is_some())
    {
        r.decision = outcome::decision(log).map(|(d, _)| d);
        r.status = outcome::status(log);
    }
    // The signal: the newest version's that has one, as the decision;
    // else the one the walk asked for and the log has not sent yet.
    r.signal = versions
        .iter()
        .find_map(|v| outcome::signal(&v.outcomes))
        .or_else(|| versions.first().and_then(|v| asked_for(v)));
    if let Some(first) = versions.last() {
        let day = crate::domain::day::local(first.created);
        r.days_to_decision = versions
            .iter()
            .filter_map(|v| outcome::days_to_decision(day, &v.outcomes))
            .min();
    }
}

/// The signal a note's walk asked for (question set 3: `vervolg.signaal`
/// is ja), with the bodies and the owner it named: not sent yet, no
/// status. A free-text signal of set 2 asks for nothing here.
fn asked_for(note: &CaseNote) -> Option<outcome::Signal> {
    let said = |id: &str| note.answers.iter().find(|e| e.id == id).map(|e| &e.value);
    let text = |id: &str| match said(id) {
        Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    };
    if !matches!(said("vervolg.signaal"), Some(Answer::Choice(v)) if v == "ja") {
        return None;
    }
    let to = match said("vervolg.signaal_orgaan") {
        Some(Answer::Multi(values)) => values
            .iter()
            .filter_map(|v| toml::Value::String(v.clone()).try_into().ok())
            .collect(),
        _ => Vec::new(),
    };
    Some(outcome::Signal {
        to,
        to_other: text("vervolg.signaal_orgaan_anders"),
        owner: text("vervolg.signaal_eigenaar"),
        ..outcome::Signal::default()
    })
}

/// One note's record, as its own store sees it.
fn record(note: &CaseNote, bank: &Bank) -> Record {
    let roles = bank.get(&note.set).map(|s| &s.roles);
    let laws = values(note, roles, |r| &r.laws);
    let law_other = laws
        .iter()
        .any(|v| v == "anders")
        .then(|| text(note, roles, |r| &r.laws_other))
        .flatten();
    let day = crate::domain::day::local(note.created);
    Record {
        id: note.id.clone(),
        case: note.id.clone(),
        revision: 0,
        month: format!("{:04}-{:02}", day.year(), day.month()),
        set: note.set.clone(),
        initials: note.author.clone(),
        law: note.triangle.law,
        money: note.triangle.money,
        self_direction: note.triangle.self_direction,
        laws,
        law_other,
        blockers: values(note, roles, |r| &r.blocker),
        rule: text(note, roles, |r| &r.rule),
        scope: note.scope,
        discussed: values(note, roles, |r| &r.discussed),
        stuck_row: values(note, roles, |r| &r.stuck_row).into_iter().next(),
        cost_current: note.costs.current.map(Amount::of),
        cost_proposed: note.costs.proposed.map(Amount::of),
        // Set 3's two questions; set 2's one (`middelen.betaler_voorstel`)
        // mixed payer and saver and is neither.
        payers: values(note, roles, |r| &r.payer),
        savers: values(note, roles, |r| &r.saver),
        contrasts: note
            .contrasts
            .iter()
            .map(|k| Place {
                key: k.key.clone(),
                now: k.now,
                desired: k.desired,
                poles: Some((k.rational.clone(), k.relational.clone())),
            })
            .collect(),
        // The case's outcome, over all its versions: outcome_of_case.
        decision: None,
        days_to_decision: None,
        status: Status::Open,
        title: Some(note.title.clone()),
        labels: Vec::new(),
        signal: None,
    }
}

impl Record {
    /// The record as it leaves the store: a random id, the case as a hash
    /// keyed with the store's `secret`, initials only when asked for.
    pub fn anonymous(&self, secret: &[u8], initials: bool) -> Record {
        Record {
            id: random_id(),
            case: fingerprint(secret, &self.case),
            initials: self.initials.clone().filter(|_| initials),
            title: None,
            labels: Vec::new(),
            signal: None,
            contrasts: self
                .contrasts
                .iter()
                .map(|p| Place {
                    poles: None,
                    ..p.clone()
                })
                .collect(),
            ..self.clone()
        }
    }

    /// Every text the record holds, with the field it is in: what the
    /// privacy guard reads before a record leaves the store.
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut texts: Vec<(&'static str, &str)> = [
            ("rule", &self.rule),
            ("law_other", &self.law_other),
            ("stuck_row", &self.stuck_row),
            ("initials", &self.initials),
        ]
        .into_iter()
        .filter_map(|(field, t)| Some((field, t.as_deref()?)))
        .collect();
        let lists = [
            ("laws", &self.laws),
            ("blockers", &self.blockers),
            ("discussed", &self.discussed),
            ("payers", &self.payers),
            ("savers", &self.savers),
        ];
        for (field, list) in lists {
            texts.extend(list.iter().map(|v| (field, v.as_str())));
        }
        texts.extend(self.contrasts.iter().map(|p| ("contrasts", p.key.as_str())));
        texts
    }

    /// What is wrong with the record, if anything, by the limits every
    /// record keeps: the checks that keep a tampered or foreign file from
    /// passing for an export, and a note from before these limits from
    /// leaving the store in one (see [`Checks`]).
    fn flaw_in(&self, checks: &Checks) -> Option<Flaw> {
        let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex(&self.id) || self.id.len() > 64 {
            return Some(Flaw::Field("id"));
        }
        if !hex(&self.case) || self.case.len() > 64 {
            return Some(Flaw::Field("case"));
        }
        self.beyond_limits(checks)
    }

    /// What is wrong with the record beyond its ids (which a store's own
    /// record holds as note ids).
    fn beyond_limits(&self, checks: &Checks) -> Option<Flaw> {
        if !valid_month(&self.month) {
            return Some(Flaw::Month(self.month.clone()));
        }
        let texts = self.texts();
        if let Some((field, _)) = texts.iter().find(|(_, t)| t.chars().count() > MAX_TEXT) {
            return Some(Flaw::TooLong(field));
        }
        // What no walk lets in: control and direction characters, places
        // off the question's scale, days before the note or beyond a
        // lifetime, amounts below zero or beyond any budget, a value twice.
        if let Some((field, _)) = texts
            .iter()
            .find(|(_, t)| t.chars().any(crate::printable::steers))
        {
            return Some(Flaw::Control(field));
        }
        let lists = [
            ("laws", self.laws.len()),
            ("blockers", self.blockers.len()),
            ("discussed", self.discussed.len()),
            ("payers", self.payers.len()),
            ("savers", self.savers.len()),
            ("contrasts", self.contrasts.len()),
        ];
        if let Some((field, _)) = lists.iter().find(|(_, n)| *n > MAX_LIST) {
            return Some(Flaw::TooMany(field));
        }
        if let Some(flaw) = self.twice() {
            return Some(flaw);
        }
        for p in &self.contrasts {
            let (min, max) = checks.scale(&self.set, &p.key);
            let on_scale = |v: Option<i64>| v.is_none_or(|v| (min..=max).contains(&v));
            if !(on_scale(p.now) && on_scale(p.desired)) {
                return Some(Flaw::OffScale {
                    key: p.key.clone(),
                    min,
                    max,
                });
            }
        }
        if self
            .days_to_decision
            .is_some_and(|d| !(0..=MAX_DAYS).contains(&d))
        {
            return Some(Flaw::Field("days_to_decision"));
        }
        for (field, amount) in [
            ("cost_current", &self.cost_current),
            ("cost_proposed", &self.cost_proposed),
        ] {
            let wrong = |a: &Amount| {
                a.cost().is_none() || a.cents.is_some_and(|c| !Euros(c).within_limit())
            };
            if amount.as_ref().is_some_and(wrong) {
                return Some(Flaw::Field(field));
            }
        }
        None
    }

    /// The field of the latest format version the record holds, with that
    /// version; `None` when version 1 holds all it says. A file of an
    /// earlier version than a record needs was made by no release, and is
    /// refused as it always was (version 1 named no payer).
    pub fn newest_field(&self) -> Option<Flaw> {
        let since = [
            ("payers", 2, !self.payers.is_empty()),
            ("savers", 2, !self.savers.is_empty()),
        ];
        since
            .into_iter()
            .filter(|(_, _, held)| *held)
            .fold(
                None,
                |newest: Option<(&'static str, u32)>, (field, v, _)| match newest {
                    Some((_, n)) if n >= v => newest,
                    _ => Some((field, v)),
                },
            )
            .map(|(field, since)| Flaw::Newer { field, since })
    }

    /// A value a list names twice (a law, a blocker, a contrast row): a
    /// record made by no walk, which would count one case twice.
    fn twice(&self) -> Option<Flaw> {
        let keys = self.contrasts.iter().map(|p| p.key.as_str());
        let lists: [(&'static str, Box<dyn Iterator<Item = &str>>); 6] = [
            ("laws", Box::new(self.laws.iter().map(String::as_str))),
            (
                "blockers",
                Box::new(self.blockers.iter().map(String::as_str)),
            ),
            (
                "discussed",
                Box::new(self.discussed.iter().map(String::as_str)),
            ),
            ("payers", Box::new(self.payers.iter().map(String::as_str))),
            ("savers", Box::new(self.savers.iter().map(String::as_str))),
            ("contrasts", Box::new(keys)),
        ];
        for (field, values) in lists {
            let mut seen = HashSet::new();
            for v in values {
                if !seen.insert(v) {
                    return Some(Flaw::Twice {
                        field,
                        value: v.to_string(),
                    });
                }
            }
        }
        None
    }
}

/// The limits a record keeps, with the scale of every contrast row the
/// question sets know: built once, then asked for every record.
pub struct Checks {
    /// (min, max) per set and row key.
    scales: HashMap<String, HashMap<String, (i64, i64)>>,
}

impl Checks {
    pub fn new(bank: &Bank) -> Checks {
        let scales = bank
            .sets()
            .map(|set| {
                let rows = set
                    .contrasts
                    .iter()
                    .filter_map(|c| {
                        let s = set.question(&c.now)?.scale.as_ref()?;
                        Some((c.key.clone(), (s.min, s.max)))
                    })
                    .collect();
                (set.id.clone(), rows)
            })
            .collect();
        Checks { scales }
    }

    /// The scale of a row: its question's, or 0 to 10 for a row of a set
    /// this release does not know (a coach's own).
    fn scale(&self, set: &str, key: &str) -> (i64, i64) {
        self.scales
            .get(set)
            .and_then(|rows| rows.get(key))
            .copied()
            .unwrap_or((0, 10))
    }

    /// What is wrong with `record`, read from a file, if anything.
    pub fn flaw(&self, record: &Record) -> Option<Flaw> {
        record.flaw_in(self)
    }

    /// A store's own records, split: those within every limit, and the
    /// others (notes from before these limits, or changed by hand) with
    /// what is wrong, to name and leave out. The store's bundle and the
    /// bundle of its export leave out the same, so the two agree.
    pub fn split(&self, records: Vec<Record>) -> (Vec<Record>, Vec<(Record, Flaw)>) {
        let mut within = Vec::with_capacity(records.len());
        let mut beyond = Vec::new();
        for r in records {
            match r.beyond_limits(self) {
                None => within.push(r),
                Some(flaw) => beyond.push((r, flaw)),
            }
        }
        (within, beyond)
    }
}

/// Why a record read from a file is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flaw {
    /// This field holds what no release writes.
    Field(&'static str),
    Month(String),
    TooLong(&'static str),
    TooMany(&'static str),
    /// A control or direction character, which no walk lets in.
    Control(&'static str),
    /// A place off the row's scale.
    OffScale {
        key: String,
        min: i64,
        max: i64,
    },
    /// A value a list names twice.
    Twice {
        field: &'static str,
        value: String,
    },
    /// A field of a later format version than the file says it is.
    Newer {
        field: &'static str,
        since: u32,
    },
}

impl Flaw {
    /// What is wrong, for the person, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Flaw::Field(field) => i18n::ERR_ANON_FIELD.with(lang, &[("field", field)]),
            Flaw::Month(month) if shaped_as_month(month) => {
                i18n::ERR_ANON_MONTH_RANGE.with(lang, &[("month", month)])
            }
            Flaw::Month(month) => i18n::ERR_ANON_MONTH.with(lang, &[("month", month)]),
            Flaw::TooLong(field) => i18n::ERR_ANON_TOO_LONG
                .with(lang, &[("field", field), ("max", &MAX_TEXT.to_string())]),
            Flaw::Control(field) => i18n::ERR_ANON_CONTROL.with(lang, &[("field", field)]),
            Flaw::TooMany(field) => i18n::ERR_ANON_TOO_MANY
                .with(lang, &[("field", field), ("max", &MAX_LIST.to_string())]),
            Flaw::OffScale { key, min, max } => i18n::ERR_ANON_OFF_SCALE.with(
                lang,
                &[
                    ("key", key),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            Flaw::Twice { field, value } => {
                i18n::ERR_ANON_TWICE.with(lang, &[("field", field), ("value", value)])
            }
            Flaw::Newer { field, since } => i18n::ERR_ANON_NEWER_FIELD
                .with(lang, &[("field", field), ("since", &since.to_string())]),
        }
    }
}

/// The head of an export file, strictly: what serde reads to place a
/// mistake in it ([`crate::files::export_file`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrictHead {
    pub format: String,
    pub version: u32,
    pub exported: Timestamp,
    pub records: serde::de::IgnoredAny,
}

/// Why the head of a file is not an export's.
#[derive(Debug, PartialEq, Eq)]
pub enum HeadError {
    /// What the file is instead, said for the person: not an export, or
    /// one of a newer or of no format version.
    Said(String),
    /// Says it is an export, but does not read as one: to be placed.
    Strict,
}

/// Reads the head of an anonymous export (every member but the records,
/// as JSON text; `file` names it): when it was exported, and its format
/// version. A file of a newer format version is refused as such, whatever
/// else it holds.
pub fn head(file: &str, text: &str, lang: Lang) -> Result<(Timestamp, u32), HeadError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| HeadError::Strict)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(HeadError::Said(
            i18n::ERR_ANON_NOT_EXPORT.with(lang, &[("file", file)]),
        ));
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => return Err(HeadError::Said(newer(file, v, lang))),
        Some(0) => {
            return Err(HeadError::Said(
                i18n::ERR_ANON_VERSION.with(lang, &[("file", file), ("version", "0")]),
            ));
        }
        _ => {}
    }
    serde_json::from_str::<StrictHead>(text)
        .map(|h| (h.exported, h.version))
        .map_err(|_| HeadError::Strict)
}

/// An export as its file holds it: the head, then one case per line, so
/// a privacy officer can read what leaves and a tool can count lines.
pub fn to_text(export: &Export) -> serde_json::Result<String> {
    let mut out = format!(
        "{{\"format\":{},\"version\":{},\"exported\":{},\"records\":[",
        serde_json::to_string(&export.format)?,
        export.version,
        serde_json::to_string(&export.exported)?
    );
    for (i, r) in export.records.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&serde_json::to_string(r)?);
    }
    out.push_str("\n]}\n");
    Ok(out)
}

fn newer(file: &str, version: impl ToString, lang: Lang) -> String {
    let (version, max) = (version.to_string(), VERSION.to_string());
    i18n::ERR_ANON_NEWER.with(
        lang,
        &[("file", file), ("version", &version), ("max", &max)],
    )
}

/// `YYYY-MM` with a month from 1 to 12, whatever the year.
fn shaped_as_month(month: &str) -> bool {
    month.split_once('-').is_some_and(|(y, m)| {
        y.len() == 4
            && m.len() == 2
            && y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
            && m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
    })
}

/// `2026-11`: a year from 1990 to 2100 and a month.
fn valid_month(month: &str) -> bool {
    shaped_as_month(month) && ("1990"..="2100").contains(&&month[..4])
}

/// A random id for one exported record: 64 bits, in hex.
fn random_id() -> String {
    format!("{:016x}", fastrand::u64(..))
}

/// The case's fingerprint: SHA-256 of the store's secret and the first
/// note's id, cut to 128 bits. Stable across this store's exports; without
/// the secret, nobody can tell which note it stands for.
pub fn fingerprint(secret: &[u8], case: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(secret);
    hash.update(case.as_bytes());
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A case's key among many exports: its fingerprint's 16 bytes, or any
/// other case text (a file made by hand) hashed to 16 bytes.
fn case_key(case: &str) -> [u8; 16] {
    let mut key = [0u8; 16];
    let lower_hex = |b: &u8| b.is_ascii_digit() || (b'a'..=b'f').contains(b);
    if case.len() == 32 && case.bytes().all(|b| lower_hex(&b)) {
        for (k, pair) in key.iter_mut().zip(case.as_bytes().chunks(2)) {
            let digit = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
            *k = digit(pair[0]) << 4 | digit(pair[1]);
        }
    } else {
        key.copy_from_slice(&Sha256::digest(case.as_bytes())[..16]);
    }
    key
}

/// Where a record is: its revision, its file and its place in the file.
type Seen = (u32, u32, u32);

/// Which record counts for each case over many exports: of two versions
/// the later revision, then the later export; of two copies the first
/// file's. Holds a case's key and where its record is, never the records,
/// so a city's exports are bundled without holding them all; records
/// may come in any order (the files are read on every core).
#[derive(Default)]
pub struct Latest {
    first: HashMap<[u8; 16], Seen>,
    /// The cases seen more than once, with every other record of them.
    again: HashMap<[u8; 16], Vec<Seen>>,
    /// For each case seen more than once, the record that counts
    /// ([`Latest::settle`]).
    counted: HashMap<[u8; 16], (u32, u32)>,
}

impl Latest {
    /// Takes in record `index` of file `file`; whether its case was seen
    /// before.
    pub fn see(&mut self, file: usize, index: usize, r: &Record) -> bool {
        let seen = (r.revision, to_u32(file), to_u32(index));
        let key = case_key(&r.case);
        match self.first.entry(key) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(seen);
                false
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.again.entry(key).or_default().push(seen);
                true
            }
        }
    }

    /// Chooses the record that counts for each case seen more than once,
    /// now that every file's export time (`exported`, by file) is known.
    pub fn settle(&mut self, exported: &[Timestamp]) {
        let at = |f: u32| exported.get(f as usize).copied().unwrap_or(Timestamp::MIN);
        for (key, others) in &self.again {
            let first = self.first.get(key).into_iter().copied();
            let best = first.chain(others.iter().copied()).max_by(|a, b| {
                (a.0, at(a.1))
                    .cmp(&(b.0, at(b.1)))
                    .then_with(|| (b.1, b.2).cmp(&(a.1, a.2)))
            });
            if let Some((_, file, index)) = best {
                self.counted.insert(*key, (file, index));
            }
        }
    }

    /// Whether record `index` of export `file` is the one that counts for
    /// its case (after [`Latest::settle`]).
    pub fn counts(&self, file: usize, index: usize, r: &Record) -> bool {
        match self.counted.get(&case_key(&r.case)) {
            Some(at) => *at == (to_u32(file), to_u32(index)),
            None => true,
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::Bank;

    #[test]
    fn months_are_a_year_and_a_month() {
        assert!(valid_month("2026-11"));
        assert!(valid_month("1999-01"));
        for bad in [
            "1900-01",
            "9999-12",
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026/11",
            "",
            "２０２６-11",
        ] {
            assert!(!valid_month(bad), "{bad}");
        }
    }

    fn export(exported: i64, cases: &[(&str, u32)]) -> Export {
        let records = cases
            .iter()
            .map(|(case, revision)| Record {
                case: case.to_string(),
                revision: *revision,
                ..serde_json::from_str(
                    r#"{"id":"ab","case":"","revision":0,"month":"2026-11","set":"s"}"#,
                )
                .unwrap()
            })
            .collect();
        Export {
            format: FORMAT.into(),
            version: VERSION,
            exported: Timestamp::from_second(exported).unwrap(),
            records,
        }
    }

    #[test]
    fn the_latest_revision_then_the_latest_export_counts_once() {
        let old = export(100, &[("aa", 0), ("bb", 0), ("cc", 1)]);
        let new = export(200, &[("aa", 0), ("bb", 1), ("cc", 0)]);
        let copy = export(100, &[("aa", 0), ("bb", 0), ("cc", 1)]);
        let files = [&old, &new, &copy];
        let all = || {
            files
                .into_iter()
                .enumerate()
                .flat_map(|(file, e)| e.records.iter().enumerate().map(move |(i, r)| (file, i, r)))
        };
        // The records may come in any order: the files are read on every core.
        for order in [false, true] {
            let mut latest = Latest::default();
            let mut records: Vec<_> = all().collect();
            if order {
                records.reverse();
            }
            for (file, i, r) in records {
                latest.see(file, i, r);
            }
            latest.settle(&files.map(|e| e.exported));
            let counted: Vec<(usize, &str)> = all()
                .filter(|(file, i, r)| latest.counts(*file, *i, r))
                .map(|(file, _, r)| (file, r.case.as_str()))
                .collect();
            // aa: the later export; bb: the later revision; cc: revision 1 of
            // the first file, not its copy.
            assert_eq!(counted, vec![(0, "cc"), (1, "aa"), (1, "bb")]);
        }
    }

    #[test]
    fn a_case_key_is_the_fingerprint_or_a_hash_of_any_other_text() {
        let fingerprint = "00112233445566778899aabbccddeeff";
        assert_eq!(case_key(fingerprint)[..3], [0x00, 0x11, 0x22]);
        assert_ne!(
            case_key("00112233445566778899AABBCCDDEEFF"),
            case_key(fingerprint)
        );
        assert_ne!(case_key("ab"), case_key("0ab"));
    }

    fn record(edit: impl FnOnce(&mut Record)) -> Record {
        let mut r: Record = serde_json::from_str(
            r#"{"id":"ab","case":"cd","revision":0,"month":"2026-11","set":"waardendriehoek"}"#,
        )
        .unwrap();
        edit(&mut r);
        r
    }

    #[test]
    fn places_keep_to_their_questions_scale_and_no_list_names_a_value_twice() {
        let checks = Checks::new(&Bank::embedded());
        let place = |key: &str, now| Place {
            key: key.into(),
            now: Some(now),
            desired: None,
            poles: None,
        };
        let on = record(|r| r.contrasts = vec![place("uniform", 5)]);
        assert_eq!(checks.flaw(&on), None);
        let off = record(|r| r.contrasts = vec![place("uniform", 0)]);
        assert!(matches!(
            checks.flaw(&off),
            Some(Flaw::OffScale { min: 1, max: 5, .. })
        ));
        // A row of a set this release does not know: 0 to 10.
        let theirs = record(|r| {
            r.set = "eigen".into();
            r.contrasts = vec![place("x", 10)];
        });
        assert_eq!(checks.flaw(&theirs), None);
        let twice = record(|r| r.contrasts = vec![place("uniform", 2), place("uniform", 2)]);
        assert_eq!(
            checks.flaw(&twice),
            Some(Flaw::Twice {
                field: "contrasts",
                value: "uniform".into()
            })
        );
        let laws = record(|r| r.laws = vec!["wmo2015".into(), "wmo2015".into()]);
        assert!(matches!(
            checks.flaw(&laws),
            Some(Flaw::Twice { field: "laws", .. })
        ));
    }

    #[test]
    fn payer_and_saver_ride_along_but_set_2s_mixed_question_is_neither() {
        use crate::domain::answer::Kind;
        use crate::domain::note::Entry;
        let bank = Bank::embedded();
        let set = bank.get(crate::domain::bank::DEFAULT_SET).unwrap();
        let multi = |v: &[&str]| Answer::Multi(v.iter().map(|v| v.to_string()).collect());
        let answers = vec![
            ("casus.titel".into(), Answer::Text("t".into())),
            ("middelen.betaler".into(), multi(&["gemeente"])),
            (
                "middelen.bespaarder".into(),
                multi(&["zorgverzekeraar", "corporatie"]),
            ),
        ];
        let note = CaseNote::new("a1".into(), Timestamp::UNIX_EPOCH, set, Lang::Nl, answers);
        let r = &records(std::slice::from_ref(&note), &bank, |_| Vec::new())[0];
        assert_eq!(r.payers, ["gemeente"]);
        assert_eq!(r.savers, ["zorgverzekeraar", "corporatie"]);
        let out = r.anonymous(b"geheim", false);
        assert_eq!(
            (out.payers.clone(), out.savers.clone()),
            (r.payers.clone(), r.savers.clone())
        );
        assert_eq!(
            out.newest_field(),
            Some(Flaw::Newer {
                field: "payers",
                since: 2
            })
        );
        // A set-2 note: "wie betaalt, en wie bespaart?" in one answer.
        let mut old = CaseNote::new(
            "a2".into(),
            Timestamp::UNIX_EPOCH,
            set,
            Lang::Nl,
            vec![("casus.titel".into(), Answer::Text("t".into()))],
        );
        old.answers.push(Entry {
            id: "middelen.betaler_voorstel".into(),
            question: "Wie zou de oplossing betalen, en wie bespaart erop?".into(),
            kind: Kind::Multi,
            value: multi(&["gemeente", "zorgverzekeraar"]),
            labels: Vec::new(),
        });
        let r = &records(std::slice::from_ref(&old), &bank, |_| Vec::new())[0];
        assert!(r.payers.is_empty() && r.savers.is_empty(), "{r:?}");
        assert_eq!(r.newest_field(), None);
        // Limits hold for them as for every list.
        let twice = record(|r| r.savers = vec!["rijk".into(), "rijk".into()]);
        assert!(matches!(
            Checks::new(&bank).flaw(&twice),
            Some(Flaw::Twice {
                field: "savers",
                ..
            })
        ));
    }

    #[test]
    fn a_fingerprint_needs_the_secret_and_is_stable() {
        let a = fingerprint(b"geheim-een", "abc234");
        assert_eq!(a, fingerprint(b"geheim-een", "abc234"));
        assert_ne!(a, fingerprint(b"geheim-twee", "abc234"));
        assert_ne!(a, fingerprint(b"geheim-een", "abc235"));
        assert_eq!(a.len(), 32);
        assert!(!a.contains("abc234"));
    }

    #[test]
    fn a_signal_the_walk_asked_for_stands_until_the_log_sends_one() {
        use crate::domain::answer::Kind;
        use crate::domain::note::Entry;
        let bank = Bank::embedded();
        let set = bank.get(crate::domain::bank::DEFAULT_SET).unwrap();
        let answers = vec![("casus.titel".into(), Answer::Text("t".into()))];
        let mut note = CaseNote::new(
            "a1".into(),
            jiff::Timestamp::UNIX_EPOCH,
            set,
            Lang::Nl,
            answers,
        );
        let entry = |id: &str, kind, value| Entry {
            id: id.into(),
            question: String::new(),
            kind,
            value,
            labels: Vec::new(),
        };
        note.answers.extend([
            entry("vervolg.signaal", Kind::Choice, Answer::Choice("ja".into())),
            entry(
                "vervolg.signaal_orgaan",
                Kind::Multi,
                Answer::Multi(vec!["corporatie".into(), "anders".into()]),
            ),
            entry(
                "vervolg.signaal_orgaan_anders",
                Kind::Text,
                Answer::Text("raad".into()),
            ),
            entry(
                "vervolg.signaal_eigenaar",
                Kind::Text,
                Answer::Text("teamleider".into()),
            ),
        ]);
        let signal = |note: &CaseNote| {
            records(std::slice::from_ref(note), &bank, |_| Vec::new())[0]
                .signal
                .clone()
        };
        let asked = signal(&note).unwrap();
        assert_eq!(asked.sent, None);
        assert_eq!(asked.to, [outcome::Body::Corporatie, outcome::Body::Anders]);
        assert_eq!(
            (asked.to_other.as_deref(), asked.owner.as_deref()),
            (Some("raad"), Some("teamleider"))
        );
        // Once the log sends it, the log's signal is the case's.
        let mut sent = outcome::Outcome::new(
            jiff::Timestamp::UNIX_EPOCH,
            crate::domain::day::parse("2-12-2026").unwrap(),
        );
        sent.signal_sent = Some(sent.date);
        sent.signal_to = vec![outcome::Body::Beleid];
        note.outcomes.push(sent);
        let logged = signal(&note).unwrap();
        assert_eq!(
            (logged.sent.is_some(), logged.to),
            (true, vec![outcome::Body::Beleid])
        );
        // "nee" asks for nothing.
        note.outcomes.clear();
        note.answers.retain(|e| e.id != "vervolg.signaal");
        note.answers.push(entry(
            "vervolg.signaal",
            Kind::Choice,
            Answer::Choice("nee".into()),
        ));
        assert_eq!(signal(&note), None);
    }
}
