//! The page for the person (`export ID --voor-persoon`): what the note
//! says that is theirs to read, in plain words, addressed to them. What
//! they told us in their own words; what we want to try and why; what they
//! said about it; what happens next and when; whom to call; and where to
//! go when they disagree, when a decision is involved. No verdicts,
//! no costs, no contrasts, no title (it may describe them), and no word of
//! the method: the tool's own sentences are short (a test counts them),
//! and the worker's texts are read for labels and professional words
//! before the page is made (see [`crate::domain::plain`]).
//!
//! The page speaks the note's language (`note_lang`): an English note gets
//! an English page.

use jiff::civil::Date;

use super::{Block, Doc, Meeting, html, markdown};
use crate::domain::answer::Answer;
use crate::domain::bank::{QuestionSet, Roles};
use crate::domain::day;
use crate::domain::note::{CaseNote, Entry};
use crate::i18n::person::{self as say, Address};

/// The person's wish in a year, in their words (full walk).
const WISH: &str = "casus.wens";
/// What was agreed: who does what, and by when (full walk).
const AGREED: &str = "vervolg.afspraken";
/// Whether a decision is involved (`besluit`) or an application pending
/// (`aanvraag`), and the last day of the term that runs.
const TERM: &str = "casus.termijn";
const TERM_UNTIL: &str = "casus.termijn_tot";

/// What the page needs besides the note: how it addresses the person, who
/// the team is and how to reach it, the meeting's day when it is known,
/// and the day the page is made.
#[derive(Clone, Copy, Debug)]
pub struct ForPerson<'a> {
    pub address: Address,
    pub team: &'a str,
    pub phone: &'a str,
    pub meeting: Meeting,
    pub today: Date,
}

/// The parts of a note the page shows, each once.
struct Parts<'a> {
    told: Option<&'a Entry>,
    plan: Option<&'a Entry>,
    wish: Option<&'a Entry>,
    said: Option<&'a Entry>,
    agreed: Option<&'a Entry>,
}

impl<'a> Parts<'a> {
    fn of(note: &'a CaseNote, set: Option<&QuestionSet>) -> Parts<'a> {
        let default_roles = Roles::default();
        let roles = set.map_or(&default_roles, |s| &s.roles);
        let role = |r: &Option<String>| r.as_deref().and_then(|id| note.entry(id));
        Parts {
            told: role(&roles.own_words),
            plan: role(&roles.proposal),
            wish: note.entry(WISH),
            said: role(&roles.person_view),
            agreed: note.entry(AGREED),
        }
    }
}

/// Every answer the page shows, and whether it holds the person's own
/// words (what they told, their wish, what they said of the plan) or the
/// worker's (the plan, what was agreed): what is read before the page is
/// made.
pub fn shown<'a>(note: &'a CaseNote, set: Option<&QuestionSet>) -> Vec<(&'a Entry, bool)> {
    let p = Parts::of(note, set);
    [
        (p.told, true),
        (p.plan, false),
        (p.wish, true),
        (p.said, true),
        (p.agreed, false),
    ]
    .into_iter()
    .filter_map(|(e, own)| Some((e?, own)))
    .collect()
}

/// The page as a [`Doc`] in the note's language.
pub fn doc(note: &CaseNote, set: Option<&QuestionSet>, to: &ForPerson) -> Doc {
    let lang = note.note_lang;
    let a = to.address;
    let p = Parts::of(note, set);
    let text = |said: say::Said| Block::Text(said.get(lang, a).to_string());
    let heading = |said: say::Said| Block::Heading(said.get(lang, a).to_string());
    let answer = |e: &Entry| e.display(lang).trim().to_string();
    let mut blocks = vec![
        Block::Meta(say::P_FROM.with(
            lang,
            a,
            &[("team", to.team), ("day", &day::written(to.today, lang))],
        )),
        text(say::P_FOR_YOU),
    ];
    if let Some(told) = p.told {
        blocks.extend([heading(say::P_H_TOLD), text(say::P_TOLD)]);
        blocks.push(Block::Quote(answer(told)));
    }
    if let Some(plan) = p.plan {
        blocks.extend([heading(say::P_H_TRY), Block::Text(answer(plan))]);
        blocks.push(text(say::P_WHY));
        if let Some(wish) = p.wish {
            blocks.extend([text(say::P_WISH), Block::Quote(answer(wish))]);
        }
        blocks.push(heading(say::P_H_SAID));
        match p.said {
            Some(said) => blocks.extend([text(say::P_SAID), Block::Quote(answer(said))]),
            None => blocks.push(text(say::P_NOT_ASKED)),
        }
    }
    blocks.push(heading(say::P_H_NEXT));
    if let Some(agreed) = p.agreed {
        blocks.extend([text(say::P_AGREED), Block::Text(answer(agreed))]);
    }
    let term = term(note);
    blocks.extend(term.map(|t| Block::Text(t.said(lang, a))));
    blocks.push(Block::Text(match to.meeting.day {
        Some(d) => say::P_TEAM_ON.with(lang, a, &[("day", &day::written(d, lang))]),
        None => say::P_TEAM.get(lang, a).to_string(),
    }));
    // The number stands out: it is what the person looks for later.
    blocks.extend([
        heading(say::P_H_CALL),
        Block::Field {
            label: say::P_CALL.with(lang, a, &[("team", to.team)]),
            value: Some(to.phone.to_string()),
        },
        text(say::P_ASK_FOR),
    ]);
    // Where to go when they disagree: only where a decision is involved.
    if term.is_some() {
        blocks.extend([
            heading(say::P_H_DISAGREE),
            text(say::P_OBJECT),
            text(say::P_COMPLAIN),
        ]);
    }
    Doc {
        title: say::P_TITLE.get(lang, a).to_string(),
        blocks,
    }
}

/// The term that runs, when the walk says a decision is involved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    /// A decision was made: the objection term runs, to this day if known.
    Decided(Option<Date>),
    /// An application is pending: the decision term runs.
    Applied(Option<Date>),
}

impl Term {
    fn said(self, lang: crate::i18n::Lang, a: Address) -> String {
        let (said, until, day) = match self {
            Term::Decided(d) => (say::P_DECIDED, say::P_DECIDED_UNTIL, d),
            Term::Applied(d) => (say::P_APPLIED, say::P_APPLIED_UNTIL, d),
        };
        match day {
            Some(d) => until.with(lang, a, &[("day", &day::written(d, lang))]),
            None => said.get(lang, a).to_string(),
        }
    }
}

/// The term in `note`: none unless it says there is a decision or a
/// pending application (not "none" nor "don't know yet").
fn term(note: &CaseNote) -> Option<Term> {
    let until = match note.answer(TERM_UNTIL) {
        Some(Answer::Date(d)) => Some(*d),
        _ => None,
    };
    match note.answer(TERM) {
        Some(Answer::Choice(v)) if v == "besluit" => Some(Term::Decided(until)),
        Some(Answer::Choice(v)) if v == "aanvraag" => Some(Term::Applied(until)),
        _ => None,
    }
}

/// The page as Markdown, in the note's language.
pub fn markdown(note: &CaseNote, set: Option<&QuestionSet>, to: &ForPerson) -> String {
    markdown::render(&doc(note, set, to))
}

/// The page as HTML to print, in the note's language.
pub fn page(note: &CaseNote, set: Option<&QuestionSet>, to: &ForPerson) -> String {
    html::person(&doc(note, set, to), note.note_lang)
}
