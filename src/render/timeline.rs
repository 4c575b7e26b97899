//! The outcome log as a timeline: every entry in the order it was added,
//! a corrected one marked as such rather than hidden, so the note shows
//! what was recorded when.

use super::Block;
use crate::domain::day;
use crate::domain::note::CaseNote;
use crate::domain::outcome::{self, Outcome};
use crate::i18n::{self, Lang};

/// The timeline of `note`: where it stands, how long the first decision
/// took, then each entry. Nothing when the log is empty.
pub fn blocks(note: &CaseNote, lang: Lang) -> Vec<Block> {
    let log = &note.outcomes;
    if log.is_empty() {
        return Vec::new();
    }
    let set = outcome::set();
    let mut meta = format!(
        "{}: {}",
        i18n::H_STATUS.get(lang),
        outcome::status(log).label(lang)
    );
    let note_day = crate::domain::day::local(note.created);
    if let Some(days) = outcome::days_to_decision(note_day, log) {
        let said = match days {
            1 => i18n::OUTCOME_DAY.get(lang).to_string(),
            n => i18n::OUTCOME_DAYS.with(lang, &[("days", &n.to_string())]),
        };
        meta.push_str(&format!(" · {said}"));
    }
    let mut out = vec![
        Block::Heading(i18n::H_OUTCOMES.get(lang).to_string()),
        Block::Meta(meta),
    ];
    let corrected_by = outcome::corrected_by(log);
    for (i, (entry, by)) in log.iter().zip(corrected_by).enumerate() {
        out.push(entry_block(i + 1, entry, by, &set, lang));
    }
    out
}

/// One entry: its number and day as the heading, then what it says, one
/// line a part, with the outcome questions' own labels for the choices.
pub fn entry_block(
    n: usize,
    entry: &Outcome,
    corrected_by: Option<usize>,
    set: &crate::domain::bank::QuestionSet,
    lang: Lang,
) -> Block {
    let mut question = i18n::OUTCOME_ENTRY.with(
        lang,
        &[
            ("n", &n.to_string()),
            ("date", &day::display(entry.date, lang)),
        ],
    );
    for (note, k) in [
        (i18n::OUTCOME_CORRECTS, entry.corrects),
        (i18n::OUTCOME_CORRECTED, corrected_by),
    ] {
        if let Some(k) = k {
            question.push_str(&format!(" ({})", note.with(lang, &[("n", &k.to_string())])));
        }
    }
    let answers = entry.answers();
    // The labels of a question's answer, joined; a text typed under
    // "anders" in its place.
    let said = |key: &str, other: &Option<String>| {
        let id = format!("afloop.{key}");
        let (_, value) = answers.iter().find(|(a, _)| *a == id)?;
        let mut labels = set.question(&id)?.labels_of(value, lang);
        let anders = value.condition_values().iter().position(|v| v == "anders");
        if let (Some(at), Some(other)) = (anders, other) {
            labels[at] = other.clone();
        }
        Some(labels.join(", "))
    };
    let dated = |what: Option<String>, day: Option<jiff::civil::Date>| match (what, day) {
        (Some(w), Some(d)) => Some(format!("{w} ({})", day::display(d, lang))),
        (what, None) => what,
        (None, Some(d)) => Some(day::display(d, lang)),
    };
    let mut status = said("regel_status", &None);
    if let (Some(s), Some(why)) = (&mut status, &entry.rule_status_reason) {
        s.push_str(&format!(": {why}"));
    }
    let lines: Vec<String> = [
        (i18n::OUT_ADVICE, entry.advice.clone()),
        (i18n::OUT_ASKED, said("gevraagd", &entry.asked_other)),
        (
            i18n::OUT_DECISION,
            dated(said("besluit", &None), entry.decided),
        ),
        (i18n::OUT_ROUTE, said("route", &entry.route_other)),
        (i18n::OUT_DECIDED_BY, entry.decided_by.clone()),
        (
            i18n::OUT_SIGNAL,
            dated(
                said("signaal_aan", &entry.signal_to_other),
                entry.signal_sent,
            ),
        ),
        (i18n::OUT_SIGNAL_OWNER, entry.signal_owner.clone()),
        (
            i18n::OUT_REPLY,
            dated(entry.reply.clone(), entry.reply_date),
        ),
        (i18n::OUT_RULE_STATUS, status),
        (i18n::OUT_AFTER, entry.afterwards.clone()),
        (i18n::OUT_PERSON, entry.person_says.clone()),
    ]
    .into_iter()
    .filter_map(|(what, text)| Some(format!("{}: {}", what.get(lang), text?)))
    .collect();
    Block::Answer {
        question,
        answer: lines.join("\n"),
    }
}
