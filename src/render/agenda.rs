//! The agenda of a team meeting with several cases: first an overview of
//! each case's title, question for the team and verdicts, then every case
//! in full. It holds nothing but what the notes hold.

use jiff::Timestamp;

use super::{Block, Doc, Meeting, html, markdown, note_doc, paper_doc, picture};
use crate::domain::bank::QuestionSet;
use crate::domain::note::CaseNote;
use crate::i18n::{self, Lang};

/// A note on the agenda, with the question set it was made with.
pub struct Case<'a> {
    pub note: &'a CaseNote,
    pub set: Option<&'a QuestionSet>,
}

/// The overview made at `when` for `meeting`: one row per case, in the
/// order of the meeting.
pub fn overview(cases: &[Case], ui_lang: Lang, when: Timestamp, meeting: Meeting) -> Doc {
    let count = i18n::N_CASES.count(ui_lang, cases.len());
    let meta = format!("{} · {count}", crate::domain::day::in_table(when, ui_lang));
    let rows = cases
        .iter()
        .enumerate()
        .map(|(i, case)| {
            let note = case.note;
            let mut row = vec![
                (i + 1).to_string(),
                format!("{} ({})", title(note), note.id),
                team_question(case).unwrap_or_else(|| "—".to_string()),
            ];
            row.extend(
                note.triangle
                    .corners()
                    .iter()
                    .map(|(_, v)| picture::verdict_word(*v, ui_lang).to_string()),
            );
            row
        })
        .collect();
    Doc {
        title: i18n::AGENDA_TITLE.get(ui_lang).to_string(),
        blocks: vec![
            Block::Meta(meta),
            meeting.field(ui_lang),
            Block::Table {
                head: vec![
                    "#".to_string(),
                    i18n::H_CASE.get(ui_lang).to_string(),
                    i18n::H_AGENDA_QUESTION.get(ui_lang).to_string(),
                    i18n::H_LAW.get(ui_lang).to_string(),
                    i18n::H_MONEY.get(ui_lang).to_string(),
                    i18n::H_SELF.get(ui_lang).to_string(),
                ],
                rows,
                numeric: vec![0],
            },
        ],
    }
}

/// The agenda as one HTML page: the overview, then each case from a new
/// sheet; labels in the reader's language, as `export` writes a page, each
/// case marked with its note's language.
pub fn html(cases: &[Case], ui_lang: Lang, when: Timestamp, meeting: Meeting) -> String {
    let docs = docs(cases, ui_lang, when, meeting);
    let parts = parts(&docs);
    html::render(&docs[0].0.title, ui_lang, &parts)
}

/// A piece of the agenda: its document, the language of its own words
/// (`note_lang`), its drawings (as text drawing and SVG).
pub type Piece = (Doc, Lang, Vec<(String, String)>);

/// The agenda's pieces as a page shows them: the overview in the reader's
/// language, then each case as printed for `meeting` with its drawings,
/// marked with its note's language.
pub fn docs(cases: &[Case], ui_lang: Lang, when: Timestamp, meeting: Meeting) -> Vec<Piece> {
    let mut docs = vec![(overview(cases, ui_lang, when, meeting), ui_lang, Vec::new())];
    docs.extend(cases.iter().map(|c| {
        (
            paper_doc(c.note, c.set, ui_lang, meeting),
            c.note.note_lang,
            html::drawings(c.note, ui_lang),
        )
    }));
    docs
}

/// The pieces of [`docs`] as parts of a page.
pub fn parts(docs: &[Piece]) -> Vec<html::Part<'_>> {
    docs.iter()
        .map(|(doc, note_lang, drawings)| html::Part {
            doc,
            note_lang: *note_lang,
            drawings,
        })
        .collect()
}

/// The agenda as one Markdown document, the cases apart by a rule; each
/// case in its note's language, as `export` writes Markdown.
pub fn markdown(cases: &[Case], ui_lang: Lang, when: Timestamp, meeting: Meeting) -> String {
    let mut out = markdown::render(&overview(cases, ui_lang, when, meeting));
    for c in cases {
        out.push_str("\n---\n\n");
        out.push_str(&markdown::render(&note_doc(
            c.note,
            c.set,
            c.note.note_lang,
        )));
    }
    out
}

fn title(note: &CaseNote) -> &str {
    if note.title.is_empty() {
        &note.id
    } else {
        &note.title
    }
}

/// The case's question for the team, as the note's set names it.
fn team_question(case: &Case) -> Option<String> {
    let id = case.set?.roles.team_question.as_deref()?;
    let entry = case.note.entry(id)?;
    Some(entry.display(case.note.note_lang))
}
