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
    Beleidsmedewerker,
    /// A caseworker or client manager.
    Consulent,
    Bezwaar,
    Rechter,
    Ombudsman,
    /// Nobody yet (stands alone).
    NietVoorgelegd,
    /// Named in `asked_other`.
    Anders,
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
        label_of("afloop.besluit", &self, lang)
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

/// The route by which a decision deviated from the rule (the values of
/// the case's `wet.ruimte_route`, and "not needed").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Hardheidsclausule,
    #[serde(rename = "awb_4_84")]
    Awb484,
    Evenredigheid,
    WetZelf,
    AndereOrganisatie,
    /// The rule already allowed it (stands alone).
    NietNodig,
    /// Named in `route_other`.
    Anders,
}

/// The body a signal about a rule went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    Doorbraak,
    Beleid,
    Corporatie,
    Zorgverzekeraar,
    Landelijk,
    /// Named in `signal_to_other`.
    Anders,
}

impl Body {
    /// The body as the outcome questions name it, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        label_of("afloop.signaal_aan", &self, lang)
    }
}

/// What became of the rule a signal was about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    Aangepast,
    InBehandeling,
    NietAangepast,
    NietVoorgelegd,
}

impl RuleStatus {
    /// Every status, in the order a listing counts them.
    pub const ALL: [RuleStatus; 4] = [
        RuleStatus::Aangepast,
        RuleStatus::InBehandeling,
        RuleStatus::NietAangepast,
        RuleStatus::NietVoorgelegd,
    ];

    /// Whether the signal ends here: the rule was changed, or it was
    /// decided not to change it.
    pub fn is_final(self) -> bool {
        matches!(self, RuleStatus::Aangepast | RuleStatus::NietAangepast)
    }

    /// The status as the outcome questions name it, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        label_of("afloop.regel_status", &self, lang)
    }

    /// The status as its value: the same in every language.
    pub fn value(self) -> String {
        value_of(&self)
    }
}

/// One entry of the log, as the note file keeps it. Entries of the
/// outcome questions of version 1 said one `asked` as a plain value; the
/// store reads it as a list of one ([`crate::domain::migrate::outcomes_v1`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// When the entry was added to the note.
    pub added: Timestamp,
    /// The day it is about.
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    /// Whom the worker asked, as roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asked: Vec<Asked>,
    /// Whom else, typed under "anders".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked_other: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// The day of the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Date>,
    /// The route by which the decision deviated from the rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<Route>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_other: Option<String>,
    /// Who decided: a role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// The day a signal about the rule was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal_sent: Option<Date>,
    /// The bodies it went to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signal_to: Vec<Body>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal_to_other: Option<String>,
    /// Who owns the signal: a role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal_owner: Option<String>,
    /// The day a reply to the signal came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_date: Option<Date>,
    /// The reply, in short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// What became of the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_status: Option<RuleStatus>,
    /// Why it was not changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_status_reason: Option<String>,
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
    /// A day after today (the question's key, the day): an entry records
    /// what happened. A decision or signal dated in 2099 made `signalen`
    /// count negative days and the days to a decision run into decades.
    Ahead { key: &'static str, day: Date },
}

/// The answers of one walk (or entry file), read by question key.
struct Given<'a>(&'a Answers);

impl Given<'_> {
    fn get(&self, key: &str) -> Option<&Answer> {
        let id = format!("afloop.{key}");
        self.0.iter().find(|(a, _)| *a == id).map(|(_, v)| v)
    }

    fn text(&self, key: &str) -> Option<String> {
        match self.get(key) {
            Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
            _ => None,
        }
    }

    /// A choice (or the values of a multiple choice) as the variants of `T`.
    fn values<T: serde::de::DeserializeOwned>(&self, key: &str) -> Vec<T> {
        let values = match self.get(key) {
            Some(Answer::Choice(c)) => vec![c.clone()],
            Some(Answer::Multi(vs)) => vs.clone(),
            _ => Vec::new(),
        };
        values
            .into_iter()
            .filter_map(|v| toml::Value::String(v).try_into().ok())
            .collect()
    }

    fn day(&self, key: &str) -> Option<Date> {
        match self.get(key) {
            Some(Answer::Date(d)) => Some(*d),
            _ => None,
        }
    }

    /// Whether the signal question names `value`.
    fn signal(&self, value: &str) -> bool {
        self.get("signaal")
            .is_some_and(|a| a.condition_values().iter().any(|v| v == value))
    }
}

impl Outcome {
    /// An entry added at `added` about day `date` that says nothing yet.
    pub fn new(added: Timestamp, date: Date) -> Outcome {
        Outcome {
            added,
            date,
            advice: None,
            asked: Vec::new(),
            asked_other: None,
            decision: None,
            decided: None,
            route: Vec::new(),
            route_other: None,
            decided_by: None,
            signal_sent: None,
            signal_to: Vec::new(),
            signal_to_other: None,
            signal_owner: None,
            reply_date: None,
            reply: None,
            rule_status: None,
            rule_status_reason: None,
            afterwards: None,
            person_says: None,
            corrects: None,
        }
    }

    /// The entry the answers of one walk (or entry file) describe. The day
    /// defaults to `today`; the decision's day, the signal's and the
    /// reply's to the entry's.
    pub fn from_answers(
        answers: &Answers,
        added: Timestamp,
        today: Date,
        corrects: Option<usize>,
        earlier: usize,
    ) -> Result<Outcome, NotAnEntry> {
        if let Some(n) = corrects
            && !(1..=earlier).contains(&n)
        {
            return Err(NotAnEntry::NoSuchEntry {
                corrects: n,
                count: earlier,
            });
        }
        let given = Given(answers);
        let date = given.day("datum").unwrap_or(today);
        let decision: Option<Decision> = given.values("besluit").into_iter().next();
        let reply = given.text("reactie");
        let outcome = Outcome {
            advice: given.text("advies"),
            asked: given.values("gevraagd"),
            asked_other: given.text("gevraagd_anders"),
            decided: decision
                .filter(|d| d.is_final())
                .map(|_| given.day("besluit_datum").unwrap_or(date)),
            decision,
            route: given.values("route"),
            route_other: given.text("route_anders"),
            decided_by: given.text("route_wie"),
            signal_sent: given
                .day("signaal_verstuurd")
                .or_else(|| given.signal("verstuurd").then_some(date)),
            signal_to: given.values("signaal_aan"),
            signal_to_other: given.text("signaal_aan_anders"),
            signal_owner: given.text("signaal_eigenaar"),
            reply_date: given
                .day("reactie_datum")
                .or_else(|| (given.signal("reactie") && reply.is_some()).then_some(date)),
            reply,
            rule_status: given.values("regel_status").into_iter().next(),
            rule_status_reason: given.text("regel_status_reden"),
            afterwards: given.text("daarna"),
            person_says: given.text("persoon_zegt"),
            corrects,
            ..Outcome::new(added, date)
        };
        if !outcome.says_something() {
            return Err(NotAnEntry::Empty);
        }
        let days = [
            ("datum", Some(outcome.date)),
            ("besluit_datum", outcome.decided),
            ("signaal_verstuurd", outcome.signal_sent),
            ("reactie_datum", outcome.reply_date),
        ];
        match days.into_iter().find(|(_, d)| d.is_some_and(|d| d > today)) {
            Some((key, Some(day))) => Err(NotAnEntry::Ahead { key, day }),
            _ => Ok(outcome),
        }
    }

    /// Whether the entry records anything beyond its days.
    fn says_something(&self) -> bool {
        let texts = [
            &self.advice,
            &self.asked_other,
            &self.route_other,
            &self.decided_by,
            &self.signal_to_other,
            &self.signal_owner,
            &self.reply,
            &self.rule_status_reason,
            &self.afterwards,
            &self.person_says,
        ];
        texts.iter().any(|t| t.is_some())
            || !self.asked.is_empty()
            || self.decision.is_some()
            || !self.route.is_empty()
            || self.signal_sent.is_some()
            || !self.signal_to.is_empty()
            || self.rule_status.is_some()
    }

    /// What the entry says about the signal, as the values of the signal
    /// question: sent, a reply, or only where the rule stands.
    fn signal_values(&self) -> Vec<String> {
        let sent = self.signal_sent.is_some();
        let replied = self.reply_date.is_some() || self.reply.is_some();
        let stand = self.rule_status.is_some() && !sent && !replied;
        [(sent, "verstuurd"), (replied, "reactie"), (stand, "stand")]
            .into_iter()
            .filter(|(yes, _)| *yes)
            .map(|(_, v)| v.to_string())
            .collect()
    }

    /// The entry as answers of the outcome questions, to show it with the
    /// questions' own labels and to scan its free text.
    pub fn answers(&self) -> Answers {
        let id = |key: &str| format!("afloop.{key}");
        let text =
            |key: &str, t: &Option<String>| t.as_ref().map(|t| (id(key), Answer::Text(t.clone())));
        let day = |key: &str, d: Option<Date>| d.map(|d| (id(key), Answer::Date(d)));
        let multi =
            |key: &str, vs: Vec<String>| (!vs.is_empty()).then(|| (id(key), Answer::Multi(vs)));
        let choice = |key: &str, v: Option<String>| v.map(|v| (id(key), Answer::Choice(v)));
        [
            day("datum", Some(self.date)),
            text("advies", &self.advice),
            multi("gevraagd", self.asked.iter().map(value_of).collect()),
            text("gevraagd_anders", &self.asked_other),
            choice("besluit", self.decision.map(|d| value_of(&d))),
            day("besluit_datum", self.decided),
            multi("route", self.route.iter().map(value_of).collect()),
            text("route_anders", &self.route_other),
            text("route_wie", &self.decided_by),
            multi("signaal", self.signal_values()),
            day("signaal_verstuurd", self.signal_sent),
            multi("signaal_aan", self.signal_to.iter().map(value_of).collect()),
            text("signaal_aan_anders", &self.signal_to_other),
            text("signaal_eigenaar", &self.signal_owner),
            day("reactie_datum", self.reply_date),
            text("reactie", &self.reply),
            choice("regel_status", self.rule_status.map(|s| value_of(&s))),
            text("regel_status_reden", &self.rule_status_reason),
            text("daarna", &self.afterwards),
            text("persoon_zegt", &self.person_says),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// The label of `value` for the outcome question `id`, in `lang`; the
/// value itself when the question does not know it.
fn label_of(id: &str, value: &impl Serialize, lang: Lang) -> String {
    let value = value_of(value);
    set()
        .question(id)
        .and_then(|q| q.choices.iter().find(|c| c.value == value))
        .map_or(value, |c| c.label.get(lang).to_string())
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

/// For every entry, the number (from 1) of the first later entry that
/// corrects it. One pass over the log, however long it is.
pub fn corrected_by(log: &[Outcome]) -> Vec<Option<usize>> {
    let mut by = vec![None; log.len()];
    for (j, later) in log.iter().enumerate() {
        // Only an earlier entry can be corrected (a hand-made number
        // pointing forward, or past the end, corrects nothing).
        if let Some(k) = later.corrects.filter(|k| (1..=j).contains(k))
            && by[k - 1].is_none()
        {
            by[k - 1] = Some(j + 1);
        }
    }
    by
}

/// The entries that still stand: each one that a later entry corrects is
/// left out, with its number (from 1).
pub fn standing(log: &[Outcome]) -> impl Iterator<Item = (usize, &Outcome)> {
    let by = corrected_by(log);
    log.iter()
        .enumerate()
        .filter_map(move |(i, o)| by[i].is_none().then_some((i + 1, o)))
}

/// Where a case's signal about its rule stands, from the standing
/// entries of its log: the latest sending (its day, bodies and owner),
/// the latest reply and the latest word on the rule, each the latest by
/// its day and then by the order of the log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signal {
    pub sent: Option<Date>,
    pub to: Vec<Body>,
    pub to_other: Option<String>,
    pub owner: Option<String>,
    pub reply: Option<(Date, Option<String>)>,
    pub status: Option<RuleStatus>,
    pub reason: Option<String>,
}

/// The signal of a log; none when no standing entry sent one or said
/// where the rule stands.
pub fn signal(log: &[Outcome]) -> Option<Signal> {
    let latest = |day: fn(&Outcome) -> Option<Date>| {
        standing(log)
            .filter_map(|(n, o)| day(o).map(|d| ((d, n), o)))
            .max_by_key(|(key, _)| *key)
    };
    let sent = latest(|o| o.signal_sent);
    let reply = latest(|o| o.reply_date);
    let status = standing(log)
        .filter(|(_, o)| o.rule_status.is_some())
        .max_by_key(|(n, o)| (o.date, *n));
    if sent.is_none() && status.is_none() {
        return None;
    }
    let mut signal = Signal::default();
    if let Some(((day, _), o)) = sent {
        signal.sent = Some(day);
        signal.to.clone_from(&o.signal_to);
        signal.to_other.clone_from(&o.signal_to_other);
        signal.owner.clone_from(&o.signal_owner);
    }
    signal.reply = reply.map(|((day, _), o)| (day, o.reply.clone()));
    if let Some((_, o)) = status {
        signal.status = o.rule_status;
        signal.reason.clone_from(&o.rule_status_reason);
    }
    Some(signal)
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

    /// The entry of `answers`, dated 1-12-2026 unless they say otherwise,
    /// added on a day none of their days is after.
    fn entry(answers: &[(&str, Answer)], corrects: Option<usize>, earlier: usize) -> Outcome {
        let mut answers: Answers = answers
            .iter()
            .map(|(k, v)| (format!("afloop.{k}"), v.clone()))
            .collect();
        if !answers.iter().any(|(k, _)| k == "afloop.datum") {
            answers.push(("afloop.datum".into(), Answer::Date(day("1-12-2026"))));
        }
        let today = answers
            .iter()
            .filter_map(|(_, v)| match v {
                Answer::Date(d) => Some(*d),
                _ => None,
            })
            .max()
            .unwrap_or(day("1-12-2026"));
        Outcome::from_answers(&answers, Timestamp::UNIX_EPOCH, today, corrects, earlier).unwrap()
    }

    fn choice(v: &str) -> Answer {
        Answer::Choice(v.into())
    }

    #[test]
    fn the_set_loads_and_every_choice_is_a_variant() {
        fn is<T: serde::de::DeserializeOwned>(v: &str) -> bool {
            toml::Value::String(v.into()).try_into::<T>().is_ok()
        }
        let set = set();
        for (id, to) in [
            ("afloop.gevraagd", is::<Asked> as fn(&str) -> bool),
            ("afloop.besluit", is::<Decision>),
            ("afloop.route", is::<Route>),
            ("afloop.signaal_aan", is::<Body>),
            ("afloop.regel_status", is::<RuleStatus>),
        ] {
            for c in &set.question(id).unwrap().choices {
                assert!(to(&c.value), "{id}: {}", c.value);
            }
        }
    }

    #[test]
    fn every_answer_of_a_version_2_entry_reads_back_as_the_same_entry() {
        let text = |t: &str| Answer::Text(t.into());
        let multi = |vs: &[&str]| Answer::Multi(vs.iter().map(|v| v.to_string()).collect());
        let full = entry(
            &[
                ("datum", Answer::Date(day("3-12-2026"))),
                ("advies", text("Naar het doorbraakteam.")),
                ("gevraagd", multi(&["doorbraak", "bezwaar", "anders"])),
                ("gevraagd_anders", text("commissie van de corporatie")),
                ("besluit", choice("deels")),
                ("besluit_datum", Answer::Date(day("2-12-2026"))),
                ("route", multi(&["awb_4_84", "anders"])),
                ("route_anders", text("maatwerkbudget")),
                ("route_wie", text("teamleider")),
                ("signaal", multi(&["verstuurd", "reactie"])),
                ("signaal_verstuurd", Answer::Date(day("1-12-2026"))),
                ("signaal_aan", multi(&["beleid", "anders"])),
                ("signaal_aan_anders", text("raadscommissie")),
                ("signaal_eigenaar", text("maatwerkcoach")),
                ("reactie", text("Komt op de agenda.")),
                ("regel_status", choice("niet_aangepast")),
                ("regel_status_reden", text("past niet in de begroting")),
                ("daarna", text("gestart")),
                ("persoon_zegt", text("fijn")),
            ],
            None,
            0,
        );
        assert_eq!(
            full.asked,
            [Asked::Doorbraak, Asked::Bezwaar, Asked::Anders]
        );
        assert_eq!(full.route, [Route::Awb484, Route::Anders]);
        // The reply's day defaults to the entry's.
        assert_eq!(full.reply_date, Some(day("3-12-2026")));
        let again = Outcome::from_answers(&full.answers(), full.added, day("9-9-2030"), None, 0);
        assert_eq!(again.unwrap(), full);
        // A sent signal without its own day is sent on the entry's day;
        // only where the rule stands is an entry too.
        let sent = entry(&[("signaal", multi(&["verstuurd"]))], None, 0);
        assert_eq!(sent.signal_sent, Some(day("1-12-2026")));
        let stand = entry(
            &[
                ("signaal", multi(&["stand"])),
                ("regel_status", choice("niet_voorgelegd")),
            ],
            None,
            0,
        );
        let again = Outcome::from_answers(&stand.answers(), stand.added, day("9-9-2030"), None, 0);
        assert_eq!(again.unwrap(), stand);
    }

    #[test]
    fn a_signal_is_the_latest_sending_reply_and_word_on_the_rule_that_stand() {
        let multi = |vs: &[&str]| Answer::Multi(vs.iter().map(|v| v.to_string()).collect());
        let mut log = vec![entry(&[("besluit", choice("loopt_nog"))], None, 0)];
        assert_eq!(signal(&log), None);
        log.push(entry(
            &[
                ("datum", Answer::Date(day("2-12-2026"))),
                ("signaal", multi(&["verstuurd"])),
                ("signaal_aan", multi(&["doorbraak"])),
                ("signaal_eigenaar", Answer::Text("teamleider".into())),
                ("regel_status", choice("in_behandeling")),
            ],
            None,
            1,
        ));
        log.push(entry(
            &[
                ("datum", Answer::Date(day("9-12-2026"))),
                ("signaal", multi(&["verstuurd"])),
                ("signaal_aan", multi(&["beleid"])),
            ],
            None,
            2,
        ));
        let s = signal(&log).unwrap();
        assert_eq!(
            (s.sent, s.to.as_slice()),
            (Some(day("9-12-2026")), &[Body::Beleid][..])
        );
        assert_eq!((s.owner, s.status), (None, Some(RuleStatus::InBehandeling)));
        // A correction of the latest sending: the earlier one holds again.
        log.push(entry(
            &[("advies", Answer::Text("toch niet".into()))],
            Some(3),
            3,
        ));
        let s = signal(&log).unwrap();
        assert_eq!(
            (s.sent, s.owner.as_deref()),
            (Some(day("2-12-2026")), Some("teamleider"))
        );
        log.push(entry(
            &[
                ("datum", Answer::Date(day("20-12-2026"))),
                ("signaal", multi(&["reactie"])),
                ("reactie", Answer::Text("afgewezen".into())),
                ("regel_status", choice("niet_aangepast")),
            ],
            None,
            4,
        ));
        let s = signal(&log).unwrap();
        assert_eq!(s.reply, Some((day("20-12-2026"), Some("afgewezen".into()))));
        assert!(s.status.is_some_and(RuleStatus::is_final));
    }

    #[test]
    fn standing_reads_a_long_log_in_one_pass() {
        // 200 000 entries, the last correcting the first: one pass takes
        // milliseconds; a scan of the later entries for every entry
        // (20 000 million steps) does not end in a test's time.
        let first = entry(&[("advies", Answer::Text("a".into()))], None, 0);
        let n = 200_000;
        let log: Vec<Outcome> = (1..=n)
            .map(|i| Outcome {
                corrects: (i == n).then_some(1),
                ..first.clone()
            })
            .collect();
        assert_eq!(standing(&log).count(), n - 1);
        assert_eq!(corrected_by(&log)[0], Some(n));
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
    fn an_entry_records_what_happened_by_today_not_after() {
        let now = Timestamp::UNIX_EPOCH;
        let today = day("6-12-2026");
        for (key, answers) in [
            ("datum", vec![("datum", Answer::Date(day("7-12-2026")))]),
            (
                "besluit_datum",
                vec![
                    ("besluit", choice("afgewezen")),
                    ("besluit_datum", Answer::Date(day("31-12-2099"))),
                ],
            ),
            (
                "signaal_verstuurd",
                vec![
                    ("signaal", Answer::Multi(vec!["verstuurd".into()])),
                    ("signaal_verstuurd", Answer::Date(day("1-1-2099"))),
                ],
            ),
            (
                "reactie_datum",
                vec![
                    ("signaal", Answer::Multi(vec!["reactie".into()])),
                    ("reactie", Answer::Text("komt op de agenda".into())),
                    ("reactie_datum", Answer::Date(day("2-1-2099"))),
                ],
            ),
        ] {
            let mut answers: Answers = answers
                .into_iter()
                .map(|(k, v)| (format!("afloop.{k}"), v))
                .collect();
            answers.push(("afloop.daarna".into(), Answer::Text("gestart".into())));
            match Outcome::from_answers(&answers, now, today, None, 0) {
                Err(NotAnEntry::Ahead { key: k, .. }) => assert_eq!(k, key),
                other => panic!("{key}: {other:?}"),
            }
        }
        let on_the_day = vec![
            ("afloop.besluit".into(), choice("afgewezen")),
            ("afloop.besluit_datum".into(), Answer::Date(today)),
        ];
        assert!(Outcome::from_answers(&on_the_day, now, today, None, 0).is_ok());
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
