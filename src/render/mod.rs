//! Renderers: turn notes into text for people. A note is first laid out as
//! a [`Doc`] (what to say, in what order), which the Markdown, HTML and
//! terminal backends then write in their own way, so all say the same.

pub mod agenda;
pub mod bundle;
pub mod compare;
pub mod csv;
pub mod html;
pub mod man;
pub mod markdown;
pub mod person;
pub mod picture;
pub mod practice;
pub mod signals;
pub mod svg;
pub mod table;
pub mod template;
pub mod terminal;
pub mod timeline;

use std::collections::HashSet;

use crate::domain::answer::{Cost, Euros, Period};
use crate::domain::bank::{QuestionSet, Roles};
use crate::domain::day;
use crate::domain::note::{CaseNote, Entry};
use crate::i18n::{self, Lang};

/// One piece of a rendered note.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(String),
    /// A small line of facts about the note.
    Meta(String),
    /// The person's own words, quoted.
    Quote(String),
    /// A paragraph in the tool's own words, or a worker's text shown
    /// as a paragraph (the page for the person).
    Text(String),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
        /// Columns to align right (amounts, numbers).
        numeric: Vec<usize>,
    },
    Answer {
        question: String,
        answer: String,
    },
    /// A line on paper for a short fact, filled in when it is known (the
    /// meeting's day), else left to write on.
    Field {
        label: String,
        value: Option<String>,
    },
    /// Room on paper for the team to write in (its advice).
    WriteBox(String),
    /// A drawing in text (the triangle, the profile), shown as it is.
    Picture(String),
    /// A picture in a file beside the document (the SVG of an export).
    Image {
        alt: String,
        src: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A change as people write it: `+2`, `-1`, and `0` for none.
pub fn signed(n: i64) -> String {
    if n == 0 {
        "0".to_string()
    } else {
        format!("{n:+}")
    }
}

/// What a printed page for the meeting adds to a note: the meeting's day
/// (or a line to write it on) and a box for the team's advice after the
/// front.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Meeting {
    pub day: Option<jiff::civil::Date>,
}

impl Meeting {
    /// The line for the meeting's day: filled in, or blank to write on.
    pub fn field(self, ui_lang: Lang) -> Block {
        Block::Field {
            label: i18n::MEETING.get(ui_lang).to_string(),
            value: self.day.map(|d| day::display(d, ui_lang)),
        }
    }
}

/// One note as Markdown in its own language, with the meeting's day under
/// the title when it is known, linking `svg` (a file beside it) in place
/// of the first drawing when there is one.
pub fn note_markdown(
    note: &CaseNote,
    set: Option<&QuestionSet>,
    svg: Option<&str>,
    meeting: Meeting,
) -> String {
    let ui_lang = note.note_lang;
    let mut doc = note_doc(note, set, ui_lang);
    if meeting.day.is_some() {
        doc.blocks.insert(1, meeting.field(ui_lang));
    }
    if let Some(src) = svg {
        let drawing = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Picture(_)));
        doc.blocks.insert(
            drawing.unwrap_or(doc.blocks.len()),
            Block::Image {
                alt: i18n::PICTURES.get(ui_lang).to_string(),
                src: src.to_string(),
            },
        );
    }
    markdown::render(&doc)
}

/// One note as a page to print for `meeting` (see [`paper_doc`]), its
/// drawings inside, with the labels in the reader's language; the note's
/// own words keep theirs.
pub fn note_page(
    note: &CaseNote,
    set: Option<&QuestionSet>,
    ui_lang: Lang,
    meeting: Meeting,
) -> String {
    let doc = paper_doc(note, set, ui_lang, meeting);
    let drawings = html::drawings(note, ui_lang);
    let part = html::Part {
        doc: &doc,
        note_lang: note.note_lang,
        drawings: &drawings,
    };
    html::render(&doc.title, ui_lang, &[part])
}

/// One note as JSON, its whole stored form.
pub fn note_json(note: &CaseNote) -> anyhow::Result<String> {
    Ok(json(note)?)
}

/// `value` as pretty JSON and a newline, as every JSON document driehoek
/// writes it: nothing in it steers a terminal (see
/// [`crate::printable::json_escaped`]).
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    Ok(crate::printable::json_escaped(serde_json::to_string_pretty(value)?) + "\n")
}

/// The whole note, its headings and answers in the reader's language
/// `ui_lang` (the questions stand as they were asked, in the note's):
/// first what the meeting needs (see [`front_blocks`]),
/// then the person's own words and the rest of the case, the triangle and
/// the contrasts, then every other section.
pub fn note_doc(note: &CaseNote, set: Option<&QuestionSet>, ui_lang: Lang) -> Doc {
    doc(note, set, ui_lang, None)
}

/// The note as it is printed for the meeting: [`note_doc`] with a line for
/// the meeting's day under the title and a box for the team's advice after
/// the front. The triangle is not drawn again:
/// the front's table holds its verdicts, and paper is short.
pub fn paper_doc(
    note: &CaseNote,
    set: Option<&QuestionSet>,
    ui_lang: Lang,
    meeting: Meeting,
) -> Doc {
    doc(note, set, ui_lang, Some(meeting))
}

fn doc(note: &CaseNote, set: Option<&QuestionSet>, ui_lang: Lang, paper: Option<Meeting>) -> Doc {
    let default_roles = Roles::default();
    let roles = set.map_or(&default_roles, |s| &s.roles);
    let mut shown: HashSet<&str> = method_ids(roles, set).into_iter().collect();
    let mut blocks = vec![Block::Meta(meta_line(note, set, ui_lang))];
    blocks.extend(paper.map(|m| m.field(ui_lang)));
    blocks.extend(front_blocks(note, roles, ui_lang));
    if paper.is_some() {
        blocks.push(Block::WriteBox(i18n::OUT_ADVICE.get(ui_lang).to_string()));
    }

    let sections = sections_of(note);
    let own_words = roles.own_words.as_deref().and_then(|id| note.entry(id));
    if let Some(entry) = own_words {
        blocks.push(Block::Heading(i18n::H_OWN_WORDS.get(ui_lang).to_string()));
        blocks.push(Block::Quote(entry.display(ui_lang)));
        shown.insert(&entry.id);
        let first = section_of(&entry.id);
        if let Some((key, entries)) = sections.iter().find(|(k, _)| *k == first) {
            section_blocks(&mut blocks, key, entries, &shown, set, ui_lang);
        }
    }
    if paper.is_none() {
        blocks.push(Block::Heading(i18n::H_TRIANGLE.get(ui_lang).to_string()));
        blocks.push(Block::Picture(picture::triangle(note, ui_lang)));
    }
    blocks.extend(contrast_blocks(note, roles, ui_lang));
    for (key, entries) in &sections {
        if own_words.is_some_and(|e| section_of(&e.id) == *key) {
            continue;
        }
        section_blocks(&mut blocks, key, entries, &shown, set, ui_lang);
    }
    blocks.extend(timeline::blocks(note, ui_lang));
    let title = if note.title.is_empty() {
        note.id.clone()
    } else {
        note.title.clone()
    };
    Doc { title, blocks }
}

/// The small line under a note's title: its id, when it was made and
/// changed, and the question set it was made with.
fn meta_line(note: &CaseNote, set: Option<&QuestionSet>, ui_lang: Lang) -> String {
    let mut meta = format!(
        "{} · {} {}",
        note.id,
        i18n::H_CREATED.get(ui_lang),
        day::display_moment(note.created, ui_lang)
    );
    if note.updated != note.created {
        meta.push_str(&format!(
            " · {} {}",
            i18n::H_UPDATED.get(ui_lang),
            day::display_moment(note.updated, ui_lang)
        ));
    }
    let set_name = set.map_or(note.set.as_str(), |s| s.name.get(ui_lang));
    meta.push_str(&format!(
        " · {} {} v{}",
        i18n::H_SET.get(ui_lang),
        set_name,
        note.set_version
    ));
    meta
}

/// What a meeting needs first, each once: the question for the team, the
/// proposal, what the person says about it; the three verdicts with their
/// reasons; what blocks, the concrete rule and the route to deviate; the
/// costs over the horizon; and whether the case is incidental or
/// structural. Answers stand under their question as it was asked, as
/// everywhere in a note.
fn front_blocks(note: &CaseNote, roles: &Roles, ui_lang: Lang) -> Vec<Block> {
    let answer = |role: &Option<String>| {
        let entry = note.entry(role.as_deref()?)?;
        Some(Block::Answer {
            question: entry.question.clone(),
            answer: entry.display(ui_lang),
        })
    };
    let mut blocks = vec![Block::Heading(i18n::H_FRONT.get(ui_lang).to_string())];
    blocks.extend(
        [&roles.team_question, &roles.proposal, &roles.person_view]
            .into_iter()
            .filter_map(answer),
    );
    blocks.push(verdict_table(note, roles, ui_lang));
    blocks.extend(
        [&roles.blocker, &roles.rule, &roles.room, &roles.room_route]
            .into_iter()
            .filter_map(answer),
    );
    blocks.extend(cost_table(note, ui_lang));
    blocks.extend(answer(&roles.scope));
    blocks
}

/// What the end of the walk shows before saving: the question for the
/// team, the triangle, the cost comparison and the contrast profile.
pub fn summary_blocks(note: &CaseNote, set: Option<&QuestionSet>, ui_lang: Lang) -> Vec<Block> {
    let default_roles = Roles::default();
    let roles = set.map_or(&default_roles, |s| &s.roles);
    let team_question = roles.team_question.as_deref().and_then(|id| note.entry(id));
    let mut blocks: Vec<Block> = team_question
        .map(|e| Block::Answer {
            question: e.question.clone(),
            answer: e.display(ui_lang),
        })
        .into_iter()
        .collect();
    blocks.extend([
        Block::Heading(i18n::H_TRIANGLE.get(ui_lang).to_string()),
        Block::Picture(picture::triangle(note, ui_lang)),
        verdict_table(note, roles, ui_lang),
    ]);
    blocks.extend(cost_table(note, ui_lang));
    blocks.extend(contrast_blocks(note, roles, ui_lang));
    blocks
}

/// The three questions with their verdicts, and the reasoning where the
/// note gives one (the column is left out when none does).
fn verdict_table(note: &CaseNote, roles: &Roles, ui_lang: Lang) -> Block {
    let reason = |role: &Option<String>| {
        role.as_deref()
            .and_then(|id| note.entry(id))
            .map(|e| e.display(ui_lang))
            .unwrap_or_default()
    };
    let reasons = [
        reason(&roles.reason_law),
        reason(&roles.reason_money),
        reason(&roles.reason_self),
    ];
    let with_reasons = reasons.iter().any(|r| !r.trim().is_empty());
    let mut head = vec![
        i18n::H_QUESTION.get(ui_lang).to_string(),
        i18n::H_VERDICT.get(ui_lang).to_string(),
    ];
    if with_reasons {
        head.push(i18n::H_REASONING.get(ui_lang).to_string());
    }
    let rows = note
        .triangle
        .corners()
        .iter()
        .zip(reasons)
        .map(|((q, v), r)| {
            let mut row = vec![
                q.get(ui_lang).to_string(),
                picture::verdict_word(*v, ui_lang).to_string(),
            ];
            if with_reasons {
                row.push(r);
            }
            row
        })
        .collect();
    Block::Table {
        head,
        rows,
        numeric: Vec::new(),
    }
}

/// The cost comparison as a table; nothing when no cost is known.
fn cost_table(note: &CaseNote, ui_lang: Lang) -> Option<Block> {
    let rows = cost_rows(note, ui_lang);
    (!rows.is_empty()).then(|| Block::Table {
        head: vec![
            i18n::H_COSTS.get(ui_lang).into(),
            i18n::H_AMOUNT.get(ui_lang).into(),
        ],
        rows,
        numeric: vec![1],
    })
}

/// The contrast profile drawn, and its rows; nothing without contrasts.
fn contrast_blocks(note: &CaseNote, roles: &Roles, ui_lang: Lang) -> Vec<Block> {
    let mut blocks = Vec::new();
    if !note.contrasts.is_empty() {
        let with_remarks = note.contrasts.iter().any(|c| c.remark.is_some());
        let mut head = vec![
            i18n::H_CONTRAST_ROW.get(ui_lang).to_string(),
            i18n::H_NOW.get(ui_lang).to_string(),
            i18n::H_DESIRED.get(ui_lang).to_string(),
            i18n::H_MOVE.get(ui_lang).to_string(),
        ];
        if with_remarks {
            head.push(i18n::H_REMARK.get(ui_lang).to_string());
        }
        let point = |p: Option<i64>| p.map_or_else(|| "—".to_string(), |p| p.to_string());
        let rows = note
            .contrasts
            .iter()
            .map(|c| {
                let mut row = vec![
                    format!("{} ↔ {}", c.rational, c.relational),
                    point(c.now),
                    point(c.desired),
                    c.movement().map_or_else(|| "—".to_string(), signed),
                ];
                if with_remarks {
                    row.push(c.remark.clone().unwrap_or_default());
                }
                row
            })
            .collect();
        blocks.push(Block::Heading(i18n::H_CONTRASTS.get(ui_lang).to_string()));
        if let Some(stuck) = roles.stuck_row.as_deref().and_then(|id| note.entry(id)) {
            blocks.push(Block::Meta(
                i18n::STUCK_ROW.with(ui_lang, &[("row", &stuck.display(ui_lang))]),
            ));
        }
        // A short walk places no row: say so instead of drawing nothing.
        if note
            .contrasts
            .iter()
            .all(|c| c.now.is_none() && c.desired.is_none())
        {
            blocks.push(Block::Meta(i18n::NO_PROFILE.get(ui_lang).to_string()));
            return blocks;
        }
        blocks.push(Block::Picture(picture::profile(note, ui_lang)));
        blocks.push(Block::Table {
            head,
            rows,
            numeric: vec![1, 2, 3],
        });
    }
    blocks
}

/// The saving as people say it: "€ 3.000 minder", "€ 500 meer".
pub fn said_saving(e: Euros, ui_lang: Lang) -> String {
    match e.0.signum() {
        1 => i18n::COST_LESS.with(ui_lang, &[("amount", &e.display(ui_lang))]),
        -1 => i18n::COST_MORE.with(ui_lang, &[("amount", &Euros(-e.0).display(ui_lang))]),
        _ => i18n::COST_SAME.get(ui_lang).to_string(),
    }
}

/// The cost comparison as (label, amount) rows; empty when no cost is
/// given. Each cost shows its own period; the difference is taken over one
/// stated horizon, so a one-off sum is never set against a yearly one
/// without saying so.
fn cost_rows(note: &CaseNote, ui_lang: Lang) -> Vec<Vec<String>> {
    let c = &note.costs;
    let mut rows = Vec::new();
    let shown = |cost: Cost| cost.display(ui_lang);
    if let Some(current) = c.current {
        rows.push(vec![
            i18n::COST_NOW.get(ui_lang).to_string(),
            shown(current),
        ]);
    }
    if let Some(proposed) = c.proposed {
        rows.push(vec![
            i18n::COST_PROPOSED.get(ui_lang).to_string(),
            shown(proposed),
        ]);
    }
    if let Some(h) = c.over_horizon() {
        let years = i18n::years(h.years, ui_lang);
        if h.years > 1 {
            rows.push(vec![
                i18n::COST_NOW_OVER.with(ui_lang, &[("years", &years)]),
                h.current.display(ui_lang),
            ]);
            rows.push(vec![
                i18n::COST_PROPOSED_OVER.with(ui_lang, &[("years", &years)]),
                h.proposed.display(ui_lang),
            ]);
        }
        rows.push(vec![
            i18n::COST_DIFF_OVER.with(ui_lang, &[("years", &years)]),
            said_saving(h.saving(), ui_lang),
        ]);
        // A one-off proposal against a yearly route: later years save the
        // whole route.
        if let (
            Some(Cost {
                amount: Some(now),
                period: Period::PerYear,
            }),
            Some(Cost {
                period: Period::OneOff,
                ..
            }),
        ) = (c.current, c.proposed)
        {
            rows.push(vec![
                i18n::COST_DIFF_LATER.get(ui_lang).to_string(),
                said_saving(now, ui_lang),
            ]);
        }
    }
    rows
}

/// The question ids whose answers the method blocks already show.
fn method_ids<'a>(roles: &'a Roles, set: Option<&'a QuestionSet>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = [
        &roles.title,
        &roles.verdict_law,
        &roles.verdict_money,
        &roles.verdict_self,
        &roles.reason_law,
        &roles.reason_money,
        &roles.reason_self,
        &roles.cost_current,
        &roles.cost_proposed,
        &roles.cost_proposed_kind,
        &roles.stuck_row,
        &roles.scope,
        &roles.blocker,
        &roles.rule,
        &roles.room,
        &roles.room_route,
        &roles.team_question,
        &roles.proposal,
        &roles.person_view,
    ]
    .into_iter()
    .filter_map(|r| r.as_deref())
    .collect();
    for c in set.map_or(&[][..], |s| &s.contrasts[..]) {
        ids.extend([c.now.as_str(), c.desired.as_str()]);
        ids.extend(c.remark.as_deref());
    }
    ids
}

fn section_of(id: &str) -> &str {
    id.split_once('.').map_or(id, |(s, _)| s)
}

/// The note's answers grouped by section, in the order they were asked.
fn sections_of(note: &CaseNote) -> Vec<(&str, Vec<&Entry>)> {
    let mut sections: Vec<(&str, Vec<&Entry>)> = Vec::new();
    for e in &note.answers {
        let key = section_of(&e.id);
        match sections.iter_mut().find(|(k, _)| *k == key) {
            Some((_, entries)) => entries.push(e),
            None => sections.push((key, vec![e])),
        }
    }
    sections
}

fn section_blocks(
    blocks: &mut Vec<Block>,
    key: &str,
    entries: &[&Entry],
    shown: &HashSet<&str>,
    set: Option<&QuestionSet>,
    ui_lang: Lang,
) {
    let rest: Vec<&&Entry> = entries
        .iter()
        .filter(|e| !shown.contains(e.id.as_str()))
        .collect();
    if rest.is_empty() {
        return;
    }
    let title = set
        .and_then(|s| s.section(key))
        .map_or_else(|| key.to_string(), |s| s.title.get(ui_lang).to_string());
    blocks.push(Block::Heading(title));
    for e in rest {
        blocks.push(Block::Answer {
            question: e.question.clone(),
            answer: e.display(ui_lang),
        });
    }
}
