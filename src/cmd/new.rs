use std::path::Path;

use anyhow::Result;

use super::{Ctx, check, session};
use crate::privacy::scan_answers;

use crate::answers_file;
use crate::bank::QuestionSet;
use crate::cli::NewArgs;
use crate::i18n;
use crate::note::{CaseNote, Draft};
use crate::printable::say;
use crate::render;
use crate::store::{self, Store};
use crate::walk::{Answers, Walk};

pub fn run(ctx: &Ctx, args: NewArgs) -> Result<()> {
    match &args.from {
        Some(path) => from_file(ctx, path, args.allow_personal_data, args.revises.as_deref()),
        None => interactive(ctx, args.revises.as_deref()),
    }
}

fn from_file(
    ctx: &Ctx,
    path: &Path,
    allow_personal_data: bool,
    revises: Option<&str>,
) -> Result<()> {
    let set = ctx.active_set()?;
    let src = super::read_input(path, ctx.lang)?;
    let parsed = answers_file::parse(&set, &path.display().to_string(), &src, ctx.lang)?;
    for w in &parsed.warnings {
        say(format!("driehoek: {w}"));
    }
    let found = scan_answers(
        &ctx.scanner()?,
        parsed.answers.iter().map(|(id, a)| (id.as_str(), a)),
    );
    check::refuse_personal_data(&found, allow_personal_data, ctx.lang)?;
    let store = ctx.store()?;
    let revises = revises.map(|id| store.resolve(id, ctx.lang)).transpose()?;
    let origin = Origin {
        revises,
        practice: None,
    };
    let note = create(ctx, &store, &set, ctx.lang, parsed.answers, origin)?;
    println!("{}", note.id);
    Ok(())
}

fn interactive(ctx: &Ctx, revises: Option<&str>) -> Result<()> {
    session::need_terminal("new", ctx.lang)?;
    let set = ctx.active_set()?;
    let store = ctx.store()?;
    let revises = revises.map(|id| store.resolve(id, ctx.lang)).transpose()?;
    let waiting = store.drafts()?.0.len();
    if waiting > 0 {
        eprintln!(
            "{}",
            i18n::DRAFTS_WAITING.with(ctx.lang, &[("count", &waiting.to_string())])
        );
    }
    let mut draft = Draft::new(store::new_id(), session::now(), &set, ctx.lang, None);
    draft.revises = revises;
    let scanner = ctx.scanner()?;
    let lexicon = ctx.lexicon()?;
    let mut walk = Walk::new(&set, ctx.lang, Vec::new())
        .guarded_by(&scanner)
        .mirrored_by(&lexicon);
    finish(ctx, &store, &set, &mut walk, &mut draft)
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
    let answers = session::run(store, set, walk, draft)?;
    match draft.edit_of.clone() {
        Some(id) => {
            let saved = store
                .load(&id)
                .map_err(|_| anyhow::Error::new(store::NoteGone))
                .and_then(|old| {
                    let edited = old.edited(set, answers.clone(), session::now());
                    store.update(&edited, draft.base.as_deref())
                });
            if let Err(e) = saved {
                return Err(session::edit_not_saved(e, store, set, draft, answers));
            }
            store.remove_draft(&draft.id)?;
            eprintln!("\n{}", i18n::UPDATED.with(ctx.lang, &[("id", &id)]));
        }
        None => {
            let origin = Origin {
                revises: draft.revises.clone(),
                practice: draft.practice.clone(),
            };
            let note = create(ctx, store, set, draft.lang, answers, origin)?;
            store.remove_draft(&draft.id)?;
            match draft
                .practice
                .as_deref()
                .and_then(|key| ctx.cases().ok()?.into_iter().find(|c| c.key == key))
            {
                Some(case) => {
                    print!(
                        "\n{}",
                        render::terminal::render(
                            &render::practice::doc(&note, &case, set, draft.lang),
                            render::terminal::width_of(&console::Term::stdout())
                        )
                    );
                    eprintln!(
                        "\n{}",
                        i18n::PRACTICE_SAVED.with(ctx.lang, &[("id", &note.id)])
                    );
                }
                None => eprintln!("\n{}", i18n::SAVED.with(ctx.lang, &[("id", &note.id)])),
            }
        }
    }
    Ok(())
}

/// Where a new note comes from, besides its answers.
#[derive(Default)]
pub struct Origin {
    pub revises: Option<String>,
    pub practice: Option<String>,
}

/// Saves a new note under a fresh id, with the author's initials.
pub fn create(
    ctx: &Ctx,
    store: &Store,
    set: &QuestionSet,
    lang: i18n::Lang,
    answers: Answers,
    origin: Origin,
) -> Result<CaseNote> {
    let mut note = CaseNote {
        author: ctx.config.initials.clone(),
        revises: origin.revises,
        practice: origin.practice,
        ..CaseNote::new(String::new(), session::now(), set, lang, answers)
    };
    store.create(&mut note)?;
    Ok(note)
}
