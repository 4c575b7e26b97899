//! What in a note needs a second look: what the privacy guard finds in
//! its answers, and the labelling words the lexicon knows. `check` lists
//! both; saving refuses personal data; `export` and `agenda` warn; `show` and
//! `bundle` use the labels. What is found is returned, never printed here.

use anyhow::Result;

use crate::domain::answer::Answer;
use crate::domain::bank::Roles;
use crate::domain::labels::{LabelHit, Lexicon};
use crate::domain::note::CaseNote;
use crate::domain::privacy::{AnswerFinding, Scanner, scan_answers};
use crate::domain::record::Record;
use crate::error::bad_input;
use crate::i18n::{self, Lang};

/// The labels in a note's free text, each once, as the reader's language
/// first writes them.
pub fn labels(lexicon: &Lexicon, note: &CaseNote, lang: Lang) -> Vec<String> {
    let mut keys: Vec<String> = label_hits(lexicon, note)
        .into_iter()
        .map(|(_, h)| h.key)
        .collect();
    keys.sort();
    keys.dedup();
    keys.iter().map(|k| label_name(lexicon, k, lang)).collect()
}

/// Every label phrase in a note's free text, with the question it is in.
pub fn label_hits(lexicon: &Lexicon, note: &CaseNote) -> Vec<(String, LabelHit)> {
    let mut hits = Vec::new();
    for e in &note.answers {
        if let Answer::Text(t) = &e.value {
            hits.extend(lexicon.find(t).into_iter().map(|h| (e.id.clone(), h)));
        }
    }
    hits
}

/// A label's name: its first phrase in `lang`.
fn label_name(lexicon: &Lexicon, key: &str, lang: Lang) -> String {
    let label = lexicon.get(key);
    let phrases = label.map(|l| {
        if lang == Lang::En {
            &l.phrases_en
        } else {
            &l.phrases_nl
        }
    });
    phrases
        .and_then(|p| p.first())
        .cloned()
        .unwrap_or_else(|| key.replace('_', " "))
}

/// What the guard finds in a note's free text: its answers and the
/// entries of its outcome log (`afloop.advies (2)`: entry 2's advice).
pub fn findings(scanner: &Scanner, note: &CaseNote) -> Vec<AnswerFinding> {
    let mut found = scan_answers(
        scanner,
        note.answers.iter().map(|e| (e.id.as_str(), &e.value)),
    );
    for (n, entry) in note.outcomes.iter().enumerate() {
        let answers = entry.answers();
        let in_entry = scan_answers(scanner, answers.iter().map(|(id, a)| (id.as_str(), a)));
        found.extend(in_entry.into_iter().map(|f| AnswerFinding {
            question: format!("{} ({})", f.question, n + 1),
            finding: f.finding,
        }));
    }
    found
}

/// What the guard finds in the texts of a record, each named by the note
/// and the field: an anonymous export holds no free text, but a rule line
/// or a law's name can still hold a name or a number.
pub fn record_findings(
    scanner: &Scanner,
    note: &str,
    roles: Option<&Roles>,
    record: &Record,
) -> Vec<AnswerFinding> {
    record
        .texts()
        .into_iter()
        .flat_map(|(field, text)| {
            let question = crate::domain::record::question_of(field, roles);
            scanner
                .scan(text)
                .into_iter()
                .map(move |finding| AnswerFinding {
                    question: format!("{note} {question}"),
                    finding,
                })
        })
        .collect()
}

/// Refuses to save what looks like personal data unless the person said
/// it is meant (`--allow-personal-data`); lists every finding.
pub fn refuse_personal_data(found: &[AnswerFinding], allow: bool, lang: Lang) -> Result<()> {
    if found.is_empty() || allow {
        return Ok(());
    }
    let mut msg: Vec<String> = found.iter().map(|f| f.line(lang)).collect();
    msg.push(i18n::ERR_PERSONAL_DATA.count(lang, found.len()));
    Err(bad_input(msg.join("\n")))
}
