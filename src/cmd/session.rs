//! An interactive walk as the commands run it (`new`, `edit`, `resume`,
//! `practice`): in a terminal, kept as a draft after every answer, ending
//! in a summary, a choice to save, and the saved note.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use jiff::{Timestamp, Unit};

use super::Ctx;
use crate::domain::answer::Answers;
use crate::domain::bank::{QuestionSet, Route};
use crate::domain::note::{CaseNote, Draft};
use crate::domain::walk::prompt::Prompter;
use crate::error::{bad_input, cancelled_saying, failure, is_cancelled, not_found};
use crate::i18n::{self, Lang};
use crate::printable::Styled;
use crate::sys::CtrlCAsKey;
use crate::term::ui::Ui;

use crate::domain::walk::{Journal, Walk};
use crate::render;
use crate::store::{NoteChanged, NoteGone, Store};

/// Set while a walk runs: Ctrl-C then interrupts the prompt (so the walk
/// can ask about the draft) instead of ending the process.
pub static WALKING: AtomicBool = AtomicBool::new(false);

/// While held, a walk runs: Ctrl-C reaches the prompt as a key and
/// [`WALKING`] is set, so the walk (or its last question about the draft)
/// decides what a Ctrl-C means.
pub struct Walking {
    /// Held for its Drop; a unit on the portable layer.
    _hold: CtrlCAsKey,
}

impl Walking {
    pub fn begin() -> Walking {
        let hold = CtrlCAsKey::hold();
        WALKING.store(true, Ordering::SeqCst);
        Walking { _hold: hold }
    }
}

impl Drop for Walking {
    fn drop(&mut self) {
        WALKING.store(false, Ordering::SeqCst);
    }
}

/// About how long a walk takes, in minutes, as timed in a terminal with
/// short answers (README, "The walk").
const MINUTES_SHORT: usize = 10;
const MINUTES_FULL: usize = 35;

/// The first words of a walk: which walk this is, about how long it takes,
/// and how to choose the other.
pub fn route_intro(set: &QuestionSet, route: Route, lang: Lang) -> String {
    let count = |r: Route| set.walked(r).count().to_string();
    let (short, full) = (MINUTES_SHORT.to_string(), MINUTES_FULL.to_string());
    let args: [(&str, &str); 6] = [
        ("short", &count(Route::Short)),
        ("full", &count(Route::Full)),
        ("deepen", &count(Route::Deepen)),
        ("short_min", &short),
        ("full_min", &full),
        ("deepen_min", &(MINUTES_FULL - MINUTES_SHORT).to_string()),
    ];
    match route {
        Route::Short => i18n::ROUTE_SHORT,
        Route::Full => i18n::ROUTE_FULL,
        Route::Deepen => i18n::ROUTE_DEEPEN,
    }
    .with(lang, &args)
}

/// Whether a note answers only questions of the short walk: an edit walks
/// it as a short note again, unless asked to deepen it.
pub fn is_short(note: &CaseNote, set: &QuestionSet) -> bool {
    note.answers
        .iter()
        .filter_map(|e| set.question(&e.id))
        .all(|q| set.in_short(q))
}

/// Refuses up front when there is no terminal to ask in. dialoguer reads
/// keys from the terminal but only checks stderr, so both are checked.
/// `cmd` is the English command name; a Dutch reader reads the Dutch one.
pub fn need_terminal(cmd: &str, lang: Lang) -> Result<()> {
    let dutch = lang == Lang::Nl;
    let (input, errors) = if dutch {
        ("de invoer", "de foutuitvoer")
    } else {
        ("standard input", "standard error")
    };
    for (is_term, what) in [
        (std::io::stdin().is_terminal(), input),
        (std::io::stderr().is_terminal(), errors),
    ] {
        if !is_term {
            let name = if dutch { dutch_name(cmd) } else { cmd };
            let msg = match cmd {
                "new" => i18n::ERR_NO_TERMINAL.with(lang, &[("what", what)]),
                _ => i18n::ERR_NEEDS_TERMINAL.with(lang, &[("cmd", name), ("what", what)]),
            };
            return Err(bad_input(msg));
        }
    }
    Ok(())
}

/// The Dutch name (clap's alias) of a command that walks in a terminal.
fn dutch_name(cmd: &str) -> &str {
    match cmd {
        "edit" => "bewerk",
        "resume" => "hervat",
        "practice" => "oefen",
        "outcome" => "afloop",
        other => other,
    }
}

/// The rules already in the store, most used first, that the walk offers
/// at the rule question ([`Store::rules_in_use`]); none when they cannot be
/// read: the person types the rule instead.
pub fn rules_in_use(ctx: &Ctx, store: &Store) -> Vec<String> {
    ctx.bank()
        .and_then(|(bank, _)| store.rules_in_use(&bank))
        .unwrap_or_default()
}

/// The environment variable that fixes "today" for the ages in
/// `signalen` and the latest day an outcome entry may name. Only the tests
/// set it (`tests/cli/harness.rs`); it is no setting.
const TODAY_FOR_TESTS: &str = "DRIEHOEK_TODAY";

/// Today in the reader's time zone, or the day the tests fix.
pub fn today() -> Result<jiff::civil::Date> {
    use crate::domain::day;
    match std::env::var(TODAY_FOR_TESTS) {
        Ok(fixed) if !fixed.is_empty() => day::parse(&fixed)
            .ok_or_else(|| bad_input(i18n::Phrase::new(i18n::ERR_DAY, &[("value", &fixed)]))),
        _ => Ok(day::today()),
    }
}

pub fn now() -> Timestamp {
    Timestamp::now()
        .round(Unit::Second)
        .unwrap_or_else(|_| Timestamp::now())
}

/// Keeps the draft in the store after every answer.
struct DraftJournal<'a> {
    store: &'a Store,
    set: &'a QuestionSet,
    draft: &'a mut Draft,
}

impl Journal for DraftJournal<'_> {
    fn record(&mut self, answers: Answers, next: Option<&str>) -> Result<()> {
        self.draft.record(self.set, answers, next, now());
        self.store.save_draft(self.draft)
    }
}

/// Runs `walk` in the terminal until the person saves. The draft is kept
/// on the way; on a cancel the person decides whether it stays. The walk
/// speaks the note's language; what is said after it, the reader's.
pub fn run(
    ui: &Ui,
    store: &Store,
    set: &QuestionSet,
    walk: &mut Walk,
    draft: &mut Draft,
) -> Result<Answers> {
    let (note_lang, ui_lang) = (draft.note_lang, ui.ui_lang());
    let mut prompter = ui.prompter(store.scratch_dir());
    let walking = Walking::begin();
    let result = {
        let mut journal = DraftJournal {
            store,
            set,
            draft: &mut *draft,
        };
        walk_to_the_end(walk, set, note_lang, &mut prompter, &mut journal)
    };
    match result {
        Ok(Some(answers)) => {
            drop(walking);
            Ok(answers)
        }
        // "Weggooien" at the summary: asked once, so nothing more to ask.
        Ok(None) => {
            store.remove_draft(&draft.id)?;
            Err(said_while_walking(ui, walking, discarded(draft, ui_lang)))
        }
        Err(e) if is_cancelled(&e) => {
            let discard =
                !draft.answers.is_empty() && prompter_says_discard(&mut prompter, draft, note_lang);
            if discard || draft.answers.is_empty() {
                store.remove_draft(&draft.id)?;
            }
            let said = match (discard, draft.answers.is_empty(), &draft.edit_of) {
                (true, _, _) => discarded(draft, ui_lang),
                (false, false, _) => i18n::DRAFT_KEPT.with(ui_lang, &[("id", &draft.id)]),
                (false, true, Some(id)) => i18n::EDIT_STOPPED.with(ui_lang, &[("id", id)]),
                (false, true, None) => return Err(e),
            };
            Err(said_while_walking(ui, walking, said))
        }
        Err(e) => {
            drop(walking);
            if e.is::<NoteGone>() {
                let _ = store.remove_draft(&draft.id);
                let id = draft.edit_of.clone().unwrap_or_default();
                return Err(not_found(
                    i18n::EDIT_NOTE_GONE.with(ui_lang, &[("id", &id)]),
                ));
            }
            Err(e)
        }
    }
}

/// Says what became of a stopped walk while Ctrl-C is still the walk's,
/// so a late Ctrl-C signal cannot say "Afgebroken" in its place (a cancel
/// is said once); then ends the walk.
fn said_while_walking(ui: &Ui, walking: Walking, said: String) -> anyhow::Error {
    ui.say_cancelled(&said);
    drop(walking);
    cancelled_saying(said)
}

/// What became of a walk's answers thrown away: an edit leaves its note
/// as it was.
fn discarded(draft: &Draft, lang: Lang) -> String {
    match &draft.edit_of {
        Some(id) => i18n::EDIT_DISCARDED.with(lang, &[("id", id)]),
        None => i18n::DRAFT_DISCARDED.get(lang).to_string(),
    }
}

/// Why an edit was not saved, and what became of its answers: when the
/// note changed since the edit began, they are kept as a draft that
/// `resume` continues (saving it then replaces the note; the other
/// version stays in the history); when the note is gone, nothing is kept.
/// Said in the reader's language.
pub fn edit_not_saved(
    error: anyhow::Error,
    store: &Store,
    set: &QuestionSet,
    (draft, answers): (&mut Draft, Answers),
    ui_lang: Lang,
) -> anyhow::Error {
    let id = draft.edit_of.clone().unwrap_or_default();
    if let Some(changed) = error.downcast_ref::<NoteChanged>() {
        draft.record(set, answers, None, now());
        draft.base = Some(changed.now.clone());
        if let Err(e) = store.save_draft(draft) {
            return e;
        }
        return failure(i18n::EDIT_CONFLICT.with(ui_lang, &[("id", &id), ("draft", &draft.id)]));
    }
    if error.is::<NoteGone>() {
        let _ = store.remove_draft(&draft.id);
        return not_found(i18n::EDIT_NOTE_GONE.with(ui_lang, &[("id", &id)]));
    }
    error
}

/// Asks whether to throw the draft away, in the walk's language; anything
/// but a clear "discard" (another Ctrl-C, Esc) keeps it.
fn prompter_says_discard(prompter: &mut dyn Prompter, draft: &Draft, lang: Lang) -> bool {
    // The interrupted prompt left the cursor mid-line.
    let _ = prompter.show("");

    let items = [
        i18n::KEEP.with(lang, &[("id", &draft.id)]),
        i18n::DISCARD.get(lang).to_string(),
    ];
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    matches!(
        prompter.choose(i18n::KEEP_DRAFT.get(lang), &items, 0),
        Ok(1)
    )
}

/// Walks the set, shows the summary, and asks to save: the answers to
/// save, or `None` when the person chose to discard them; "back" returns
/// to the questions.
pub fn walk_to_the_end(
    walk: &mut Walk,
    set: &QuestionSet,
    note_lang: Lang,
    prompter: &mut dyn Prompter,
    journal: &mut dyn Journal,
) -> Result<Option<Answers>> {
    // The summary and the last question speak the walk's language.
    let lang = note_lang;
    loop {
        walk.run(prompter, journal)?;
        let preview = CaseNote::new(String::new(), Timestamp::now(), set, lang, walk.answers());
        let title = format!("{}: {}", i18n::SUMMARY.get(lang), preview.title);
        let mut summary = Styled::plain(&format!("\n{title}\n"));
        summary.append(&render::terminal::blocks(
            &render::summary_blocks(&preview, Some(set), lang),
            prompter.width(),
        ));
        prompter.show_styled(&summary)?;

        let items = [
            i18n::END_SAVE.get(lang),
            i18n::END_BACK.get(lang),
            i18n::END_DISCARD.get(lang),
        ];
        match prompter.choose(i18n::CONFIRM_SAVE.get(lang), &items, 0)? {
            0 => return Ok(Some(walk.answers())),
            1 => walk.back(),
            _ => return Ok(None),
        }
    }
}

/// Walks to the end and saves: a new note, or the edited one for an edit
/// draft. The draft goes once the note is safely stored.
pub fn finish(
    ctx: &Ctx,
    store: &Store,
    set: &QuestionSet,
    walk: &mut Walk,
    draft: &mut Draft,
) -> Result<()> {
    let answers = run(ctx.ui, store, set, walk, draft)?;
    match save(ctx, store, set, draft, answers)? {
        Saved::Updated(id) => ctx.ui.say(format!(
            "\n{}",
            i18n::UPDATED.with(ctx.ui_lang(), &[("id", &id)])
        )),
        Saved::Unchanged(_) => ctx
            .ui
            .say(format!("\n{}", i18n::UNCHANGED.get(ctx.ui_lang()))),
        Saved::Created(note) => match draft
            .practice
            .as_deref()
            .and_then(|key| ctx.cases().ok()?.into_iter().find(|c| c.key == key))
        {
            Some(case) => {
                let doc = render::practice::doc(&note, &case, set, draft.note_lang);
                let mut page = Styled::plain("\n");
                page.append(&render::terminal::render(&doc, ctx.ui.text_width()));
                ctx.ui.page(&page)?;
                let saved = i18n::PRACTICE_SAVED.with(ctx.ui_lang(), &[("id", &note.id)]);
                ctx.ui.say(format!("\n{saved}"));
            }
            None => ctx.ui.say(format!(
                "\n{}\n{}",
                i18n::SAVED.with(ctx.ui_lang(), &[("id", &note.id)]),
                i18n::NEXT_STEP.with(ctx.ui_lang(), &[("id", &note.id)])
            )),
        },
    }
    Ok(())
}

/// What saving a walk made.
pub enum Saved {
    /// The note the draft edited, by id.
    Updated(String),
    /// The note the draft edited, by id: the walk changed none of it.
    Unchanged(String),
    Created(Box<CaseNote>),
}

/// Saves the answers of a finished walk: a new note, or over the note an
/// edit draft began from (refused when that note changed meanwhile; the
/// answers are then kept as the draft, see [`edit_not_saved`]). The draft
/// goes once the note is safely stored. Both doors save through here.
pub fn save(
    ctx: &Ctx,
    store: &Store,
    set: &QuestionSet,
    draft: &mut Draft,
    answers: Answers,
) -> Result<Saved> {
    match draft.edit_of.clone() {
        Some(id) => {
            let saved = store
                .load(&id)
                .map_err(|_| anyhow::Error::new(NoteGone))
                .and_then(|old| {
                    let edited = old.edited(set, answers.clone(), now());
                    // A walk that changed nothing keeps no version.
                    let same = CaseNote {
                        updated: old.updated,
                        ..edited.clone()
                    } == old;
                    if same {
                        return Ok(false);
                    }
                    store.update(&edited, draft.base.as_deref()).map(|()| true)
                });
            let changed = match saved {
                Ok(changed) => changed,
                Err(e) => {
                    return Err(edit_not_saved(
                        e,
                        store,
                        set,
                        (draft, answers),
                        ctx.ui_lang(),
                    ));
                }
            };
            store.remove_draft(&draft.id)?;
            Ok(if changed {
                Saved::Updated(id)
            } else {
                Saved::Unchanged(id)
            })
        }
        None => {
            let origin = Origin {
                revises: draft.revises.clone(),
                practice: draft.practice.clone(),
                kept: draft.retired(set).cloned().collect(),
            };
            let note = create(ctx, store, set, draft.note_lang, answers, origin)?;
            store.remove_draft(&draft.id)?;
            Ok(Saved::Created(Box::new(note)))
        }
    }
}

/// Where a new note comes from, besides its answers.
#[derive(Default)]
pub struct Origin {
    pub revises: Option<String>,
    pub practice: Option<String>,
    /// Answers to questions the set no longer asks (a draft of an earlier
    /// set: the early blocker question), kept as they were asked.
    pub kept: Vec<crate::domain::note::Entry>,
}

/// Saves a new note under a fresh id, with the author's initials.
pub fn create(
    ctx: &Ctx,
    store: &Store,
    set: &QuestionSet,
    note_lang: i18n::Lang,
    answers: Answers,
    origin: Origin,
) -> Result<CaseNote> {
    // A revision carries its case's first note, so deleting a version in
    // between never splits the case.
    let case = origin
        .revises
        .as_deref()
        .map(|target| store.case_of(target))
        .transpose()?;
    let mut note = CaseNote {
        author: ctx.config.initials.clone(),
        revises: origin.revises,
        case,
        practice: origin.practice,
        ..CaseNote::new(String::new(), now(), set, note_lang, answers)
    };
    note.answers.extend(origin.kept);
    store.create(&mut note)?;
    Ok(note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{Bank, DEFAULT_SET};
    use crate::domain::walk::prompt::Reply;
    use crate::domain::walk::prompt::scripted::ScriptedPrompter;

    #[test]
    fn back_from_the_summary_returns_to_the_last_question() {
        let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
        let replies = crate::domain::walk::tests::minimal_replies(&set, &[]);
        let asked = replies
            .iter()
            .filter(|(id, _)| set.question(id).unwrap().when.is_none());
        let mut p = ScriptedPrompter::new(asked.map(|(_, r)| r.clone()));
        // Back to the questions once, change the last answer, then save.
        p.choices = [1, 0].into();
        // The last question (the signal) answered "nee": no follow-up.
        p.replies.push_back(Reply::Picked(1));
        let last = set
            .questions
            .iter()
            .rev()
            .find(|q| q.when.is_none())
            .unwrap();
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        let answers = walk_to_the_end(&mut walk, &set, Lang::Nl, &mut p, &mut ())
            .unwrap()
            .unwrap();
        assert_eq!(p.asked.last(), Some(&last.id));
        assert!(p.shown.iter().any(|s| s.contains(i18n::SUMMARY.nl)));
        // The required ones, the rule the blocker "wet" requires, and the
        // signal.
        assert_eq!(
            answers.len(),
            set.questions.iter().filter(|q| q.required).count() + 2
        );
    }
}
