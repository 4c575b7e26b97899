//! Reading notes and drafts written by earlier releases in today's shape.
//! Format 1 (release 1, question set `waardendriehoek` version 1) is read
//! with its meaning unchanged: each answer keeps the question text as it
//! was asked, and answers whose question changed shape move to where the
//! new set asks them. Plain data in, plain data out: no disk, no printing.

use toml::{Table, Value};

use crate::domain::answer::Kind;
use crate::domain::note::Entry;
use crate::i18n::{self, Lang};

/// What reading a format-1 file in today's shape changed, for `upgrade`
/// to show before it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Costs got their period (the current route per year; the proposal
    /// one-off or per year, as its kind said).
    CostPeriods,
    RoomChoice,
    BlockerList,
    /// Awb art. 4:84 moved from the laws to the routes to deviate.
    AwbRoute,
    /// The imagined expert-by-experience question kept under its own id.
    ExpertQuestion,
    /// The network's part moved to casus.netwerk.
    Network,
    /// An outcome entry's one "whom did you ask" became a list of one.
    AskedList,
    /// Question set 3: the free-text signal became the signal's note
    /// (vervolg.signaal_notitie); whether a signal is needed stays open.
    SignalNote,
}

impl Change {
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Change::CostPeriods => i18n::CHANGE_COSTS,
            Change::RoomChoice => i18n::CHANGE_ROOM,
            Change::BlockerList => i18n::CHANGE_BLOCKER,
            Change::AwbRoute => i18n::CHANGE_AWB,
            Change::ExpertQuestion => i18n::CHANGE_EXPERT,
            Change::Network => i18n::CHANGE_NETWORK,
            Change::AskedList => i18n::CHANGE_ASKED,
            Change::SignalNote => i18n::CHANGE_SIGNAL,
        }
        .get(lang)
    }
}

/// The default set's id, whose version-1 answers get reshaped.
const V1_SET: &str = "waardendriehoek";

/// Rewrites a format-1 note or draft table into the shape of format 2, in
/// place. `format` and `set_version` stay as written: they record which
/// release wrote the file and which questions were asked. Safe to apply
/// twice: what is already in the new shape is left alone. Says what it
/// changed.
pub fn format1(t: &mut Table) -> Vec<Change> {
    let mut changes = Vec::new();
    if let Some(Value::Table(costs)) = t.get_mut("costs")
        && costs_v1(costs)
    {
        changes.push(Change::CostPeriods);
    }
    let v1_set = t.get("set").and_then(Value::as_str) == Some(V1_SET)
        && t.get("set_version").and_then(Value::as_integer) == Some(1);
    let lang = match t.get("lang").and_then(Value::as_str) {
        Some("en") => Lang::En,
        _ => Lang::Nl,
    };
    if let (true, Some(Value::Array(answers))) = (v1_set, t.get_mut("answers")) {
        let mut entries: Vec<Table> = answers
            .drain(..)
            .filter_map(|v| match v {
                Value::Table(e) => Some(e),
                _ => None,
            })
            .collect();
        for c in answers_v1(&mut entries, lang) {
            if !changes.contains(&c) {
                changes.push(c);
            }
        }
        answers.extend(entries.into_iter().map(Value::Table));
    }
    changes
}

/// Reads the answers of question set 1 or 2 in the ids of set 3, in place
/// (notes and drafts alike; safe to apply twice). Set 3 made the signal
/// one question, ja / nee / weet ik nog niet: the free text of sets 1 and
/// 2 is the signal's note now, under the question as it was asked, and
/// whether a signal is needed stays unanswered. An answer set 3 has no
/// question for (the early blocker, who pays and saves in one) is kept as
/// it was asked: a note shows it, an edit keeps it.
pub fn set2(set: &str, set_version: u32, answers: &mut [Entry]) -> Vec<Change> {
    if set != V1_SET || set_version > 2 {
        return Vec::new();
    }
    let noted = answers.iter().any(|e| e.id == "vervolg.signaal_notitie");
    match answers
        .iter_mut()
        .find(|e| e.id == "vervolg.signaal" && matches!(e.kind, Kind::Long | Kind::Text))
    {
        Some(e) if !noted => {
            e.id = "vervolg.signaal_notitie".into();
            vec![Change::SignalNote]
        }
        _ => Vec::new(),
    }
}

/// `[costs]` of release 1: a yearly current amount, a proposed amount and
/// whether that is one-off or yearly (unknown read as yearly, as release 1
/// did).
fn costs_v1(costs: &mut Table) -> bool {
    let kind = costs.remove("proposed_kind");
    let once = kind.as_ref().and_then(Value::as_str) == Some("eenmalig");
    let mut changed = kind.is_some();
    for (key, period) in [
        ("current", "jaar"),
        ("proposed", if once { "eenmalig" } else { "jaar" }),
    ] {
        if let Some(amount) = costs.get(key).filter(|v| !v.is_table()).cloned() {
            costs.insert(key.into(), cost(amount, period));
            changed = true;
        }
    }
    changed
}

fn cost(amount: Value, period: &str) -> Value {
    let mut t = Table::new();
    t.insert("bedrag".into(), amount);
    t.insert("periode".into(), Value::String(period.into()));
    Value::Table(t)
}

fn id_of(e: &Table) -> &str {
    e.get("id").and_then(Value::as_str).unwrap_or("")
}

fn kind_of(e: &Table) -> &str {
    e.get("kind").and_then(Value::as_str).unwrap_or("")
}

fn find<'a>(entries: &'a mut [Table], id: &str) -> Option<&'a mut Table> {
    entries.iter_mut().find(|e| id_of(e) == id)
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn entry(id: &str, question: &str, kind: &str, value: Value, labels: Vec<String>) -> Table {
    let mut e = Table::new();
    e.insert("id".into(), Value::String(id.into()));
    e.insert("question".into(), Value::String(question.into()));
    e.insert("kind".into(), Value::String(kind.into()));
    e.insert("value".into(), value);
    if !labels.is_empty() {
        e.insert(
            "labels".into(),
            Value::Array(labels.into_iter().map(Value::String).collect()),
        );
    }
    e
}

/// The answers of question set 1, reshaped for set 2 (see SPEC-v2.md).
fn answers_v1(entries: &mut Vec<Table>, lang: Lang) -> Vec<Change> {
    let mut changes = Vec::new();
    // Room to deviate: yes/no became ja / nee / weet ik nog niet.
    if let Some(e) = find(entries, "wet.ruimte").filter(|e| kind_of(e) == "yesno")
        && let Some(b) = e.get("value").and_then(Value::as_bool)
    {
        let (value, label) = if b {
            ("ja", i18n::VERDICT_JA)
        } else {
            ("nee", i18n::VERDICT_NEE)
        };
        e.insert("kind".into(), Value::String("choice".into()));
        e.insert("value".into(), Value::String(value.into()));
        e.insert(
            "labels".into(),
            Value::Array(vec![Value::String(label.get(lang).into())]),
        );
        changes.push(Change::RoomChoice);
    }
    // What blocks: one choice became several.
    if let Some(e) = find(entries, "wet.blokkade").filter(|e| kind_of(e) == "choice")
        && let Some(v) = e.get("value").cloned()
    {
        e.insert("kind".into(), Value::String("multi".into()));
        e.insert("value".into(), Value::Array(vec![v]));
        changes.push(Change::BlockerList);
    }
    // Awb art. 4:84 is a route to deviate, not a law at stake.
    let room_no = find(entries, "wet.ruimte")
        .and_then(|e| e.get("value").and_then(Value::as_str).map(|v| v == "nee"))
        .unwrap_or(false);
    if !room_no
        && find(entries, "wet.ruimte_route").is_none()
        && let Some(e) = find(entries, "wet.regel")
    {
        let values = strings(e.get("value"));
        let labels = strings(e.get("labels"));
        if let Some(at) = values.iter().position(|v| v == "awb_4_84") {
            let question = e
                .get("question")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let label = labels.get(at).cloned();
            let keep = |list: &[String]| {
                Value::Array(
                    list.iter()
                        .enumerate()
                        .filter(|(i, _)| *i != at)
                        .map(|(_, s)| Value::String(s.clone()))
                        .collect(),
                )
            };
            e.insert("value".into(), keep(&values));
            if labels.len() == values.len() {
                e.insert("labels".into(), keep(&labels));
            }
            if values.len() == 1 {
                entries.retain(|e| id_of(e) != "wet.regel");
            }
            if find(entries, "wet.ruimte").is_none() {
                entries.push(entry(
                    "wet.ruimte",
                    i18n::MIGRATED_ROOM.get(lang),
                    "choice",
                    Value::String("ja".into()),
                    vec![i18n::VERDICT_JA.get(lang).into()],
                ));
            }
            entries.push(entry(
                "wet.ruimte_route",
                &question,
                "multi",
                Value::Array(vec![Value::String("awb_4_84".into())]),
                label.into_iter().collect(),
            ));
            changes.push(Change::AwbRoute);
        }
    }
    // Costs: an amount per year; the proposal's kind becomes its period.
    let once = find(entries, "middelen.kosten_soort")
        .and_then(|e| {
            e.get("value")
                .and_then(Value::as_str)
                .map(|v| v == "eenmalig")
        })
        .unwrap_or(false);
    let mut proposal_costed = false;
    for (id, period) in [
        ("middelen.kosten_nu", "jaar"),
        (
            "middelen.kosten_voorstel",
            if once { "eenmalig" } else { "jaar" },
        ),
    ] {
        if let Some(e) = find(entries, id).filter(|e| kind_of(e) == "amount")
            && let Some(v) = e.get("value").cloned()
        {
            e.insert("kind".into(), Value::String("cost".into()));
            e.insert("value".into(), cost(v, period));
            proposal_costed |= id == "middelen.kosten_voorstel";
            changes.push(Change::CostPeriods);
        }
    }
    if proposal_costed {
        entries.retain(|e| id_of(e) != "middelen.kosten_soort");
    }
    // The imagined expert-by-experience question is a help text now; its
    // answer stays under the question as asked, apart from the new choice.
    if let Some(e) = find(entries, "reflectie.ervaringsdeskundige").filter(|e| kind_of(e) == "long")
    {
        e.insert(
            "id".into(),
            Value::String("reflectie.ervaringsdeskundige_vraag".into()),
        );
        changes.push(Change::ExpertQuestion);
    }
    // Asked twice in set 1: the network's part moves to casus.netwerk when
    // that is still free, else it stays under its own question as asked.
    if find(entries, "casus.netwerk").is_none()
        && let Some(e) = find(entries, "zelfregie.netwerk")
    {
        e.insert("id".into(), Value::String("casus.netwerk".into()));
        changes.push(Change::Network);
    }
    changes
}

/// Outcome entries of the outcome questions of version 1 (in notes of any
/// format) read in today's shape, in place: the one role asked becomes a
/// list of one, with the same meaning. Safe to apply twice. Says whether
/// it changed anything.
pub fn outcomes_v1(t: &mut Table) -> Option<Change> {
    let Some(Value::Array(log)) = t.get_mut("outcomes") else {
        return None;
    };
    let mut changed = false;
    for entry in log.iter_mut().filter_map(Value::as_table_mut) {
        if let Some(Value::String(role)) = entry.get("asked") {
            let list = Value::Array(vec![Value::String(role.clone())]);
            entry.insert("asked".into(), list);
            changed = true;
        }
    }
    changed.then_some(Change::AskedList)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_changes_nothing_more() {
        let src = include_str!("../../tests/cli/fixtures/format1/notes/vr2ybd.toml");
        let mut once: Table = toml::from_str(src).unwrap();
        let changes = format1(&mut once);
        assert_eq!(
            changes,
            [
                Change::CostPeriods,
                Change::RoomChoice,
                Change::BlockerList,
                Change::AwbRoute,
                Change::ExpertQuestion
            ]
        );
        let mut twice = once.clone();
        assert_eq!(format1(&mut twice), []);
        assert_eq!(once, twice);
    }

    #[test]
    fn a_set_2_signal_text_becomes_the_signal_note_and_retired_answers_stay() {
        let src = include_str!("../../tests/cli/fixtures/format2/notes/jvyy4k.toml");
        // Its outcome log is of version 1: read in today's shape first.
        let mut table: Table = toml::from_str(src).unwrap();
        outcomes_v1(&mut table);
        let mut note: crate::domain::note::CaseNote = table.try_into().unwrap();
        let before = note.clone();
        let text = before.entry("vervolg.signaal").unwrap().clone();
        assert_eq!(text.kind, Kind::Long);
        let changes = set2(&note.set, note.set_version, &mut note.answers);
        assert_eq!(changes, [Change::SignalNote]);
        assert!(note.entry("vervolg.signaal").is_none());
        let moved = note.entry("vervolg.signaal_notitie").unwrap();
        assert_eq!(
            (&moved.question, &moved.value),
            (&text.question, &text.value)
        );
        // What set 3 has no question for is kept as it was.
        for id in ["casus.blokkade", "middelen.betaler_voorstel"] {
            assert_eq!(note.entry(id), before.entry(id), "{id}");
        }
        assert_eq!(note.answers.len(), before.answers.len());
        // Twice changes nothing more; a note of set 3 is left alone.
        assert_eq!(set2(&note.set, note.set_version, &mut note.answers), []);
        let mut three = before.clone();
        assert_eq!(set2(&three.set, 3, &mut three.answers), []);
        assert_eq!(three, before);
    }

    #[test]
    fn a_set_2_draft_keeps_its_early_blocker_answer_as_it_walks_on() {
        let src = include_str!("../../tests/cli/fixtures/format2/drafts/9f9kc9.toml");
        let mut draft: crate::domain::note::Draft = toml::from_str(src).unwrap();
        let set = crate::domain::bank::Bank::embedded()
            .get(crate::domain::bank::DEFAULT_SET)
            .unwrap()
            .clone();
        let early = draft
            .answers
            .iter()
            .find(|e| e.id == "casus.blokkade")
            .unwrap()
            .clone();
        // The walk goes on under set 3, which has no such question.
        let mut answers = crate::domain::note::answers_of(&draft.answers);
        answers.retain(|(id, _)| set.question(id).is_some());
        draft.record(&set, answers, Some("wet.blokkade"), jiff::Timestamp::now());
        assert_eq!(draft.retired(&set).collect::<Vec<_>>(), [&early]);
    }

    #[test]
    fn a_release_1_draft_reads_in_todays_shape() {
        // The shape release 1 wrote a draft in, mid-walk.
        let src = r#"format = 1
id = "d1"
started = "2026-11-30T10:00:00Z"
updated = "2026-11-30T10:05:00Z"
set = "waardendriehoek"
set_version = 1
lang = "nl"
next = "middelen.toelichting"

[[answers]]
id = "wet.blokkade"
question = "Wat blokkeert hier eigenlijk?"
kind = "choice"
value = "gewoonte"
labels = ["een gewoonte"]

[[answers]]
id = "wet.ruimte"
question = "Is er een hardheidsclausule of andere ruimte om af te wijken?"
kind = "yesno"
value = false

[[answers]]
id = "middelen.kosten_voorstel"
question = "Wat kost de voorgestelde oplossing?"
kind = "amount"
value = 3000

[[answers]]
id = "middelen.kosten_soort"
question = "Zijn die kosten eenmalig of jaarlijks?"
kind = "choice"
value = "eenmalig"
labels = ["eenmalig"]
"#;
        let mut t: Table = toml::from_str(src).unwrap();
        format1(&mut t);
        let draft: crate::domain::note::Draft = t.try_into().unwrap();
        let answers = crate::domain::note::answers_of(&draft.answers);
        let get = |id: &str| {
            answers
                .iter()
                .find(|(a, _)| a == id)
                .map(|(_, v)| v.clone())
        };
        use crate::domain::answer::{Answer, Cost, Euros, Period};
        assert_eq!(
            get("wet.blokkade"),
            Some(Answer::Multi(vec!["gewoonte".into()]))
        );
        assert_eq!(get("wet.ruimte"), Some(Answer::Choice("nee".into())));
        assert_eq!(
            get("middelen.kosten_voorstel"),
            Some(Answer::Cost(Cost {
                amount: Some(Euros(300_000)),
                period: Period::OneOff
            }))
        );
        assert_eq!(get("middelen.kosten_soort"), None);
        assert_eq!(draft.walk, crate::domain::bank::Route::Full);
    }

    #[test]
    fn a_version_1_outcome_asked_one_role_and_now_a_list_of_one() {
        let src = include_str!("../../tests/cli/fixtures/afloop1/notes/re59gh.toml");
        let mut t: Table = toml::from_str(src).unwrap();
        assert_eq!(outcomes_v1(&mut t), Some(Change::AskedList));
        let log = t["outcomes"].as_array().unwrap();
        assert_eq!(
            log[0]["asked"],
            Value::Array(vec![Value::String("teamleider".into())])
        );
        // An entry that asked no one stays without.
        assert!(log[5].get("asked").is_none());
        assert_eq!(outcomes_v1(&mut t), None);
    }
}
