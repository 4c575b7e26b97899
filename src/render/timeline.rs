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
    for (i, entry) in log.iter().enumerate() {
        let corrected_by = log[i + 1..]
            .iter()
            .position(|later| later.corrects == Some(i + 1))
            .map(|j| i + 2 + j);
        out.push(entry_block(i + 1, entry, corrected_by, &set, lang));
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
    let label = |id: &str| {
        let answers = entry.answers();
        let (_, value) = answers.iter().find(|(a, _)| a == id)?;
        set.question(id)?.labels_of(value, lang).into_iter().next()
    };
    let mut decision = label("afloop.besluit");
    if let (Some(d), Some(day)) = (&mut decision, entry.decided) {
        d.push_str(&format!(" ({})", day::display(day, lang)));
    }
    let lines: Vec<String> = [
        (i18n::OUT_ADVICE, entry.advice.clone()),
        (i18n::OUT_ASKED, label("afloop.gevraagd")),
        (i18n::OUT_DECISION, decision),
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
