use std::path::Path;

use anyhow::Result;

use super::{Ctx, check, session};
use crate::privacy::scan_answers;

use crate::answers_file;
use crate::bank::QuestionSet;
use crate::cli::NewArgs;
use crate::i18n;
use crate::note::{CaseNote, Draft};
use crate::store::{self, Store};
use crate::walk::{Answers, Walk};

pub fn run(ctx: &Ctx, args: NewArgs) -> Result<()> {
    match &args.from {
        Some(path) => from_file(ctx, path, args.allow_personal_data),
        None => interactive(ctx),
    }
}

fn from_file(ctx: &Ctx, path: &Path, allow_personal_data: bool) -> Result<()> {
    let set = ctx.active_set()?;
    let src = super::read_input(path)?;
    let parsed = answers_file::parse(&set, &path.display().to_string(), &src, ctx.lang)?;
    for w in &parsed.warnings {
        eprintln!("driehoek: {w}");
    }
    let found = scan_answers(
        &ctx.scanner()?,
        parsed.answers.iter().map(|(id, a)| (id.as_str(), a)),
    );
    check::refuse_personal_data(&found, allow_personal_data, ctx.lang)?;
    let note = create(&ctx.store()?, &set, ctx.lang, parsed.answers)?;
    println!("{}", note.id);
    Ok(())
}

fn interactive(ctx: &Ctx) -> Result<()> {
    session::need_terminal("new", ctx.lang)?;
    let set = ctx.active_set()?;
    let store = ctx.store()?;
    let waiting = store.drafts()?.0.len();
    if waiting > 0 {
        eprintln!(
            "{}",
            i18n::DRAFTS_WAITING.with(ctx.lang, &[("count", &waiting.to_string())])
        );
    }
    let mut draft = Draft::new(store::new_id(), session::now(), &set, ctx.lang, None);
    let scanner = ctx.scanner()?;
    let mut walk = Walk::new(&set, ctx.lang, Vec::new()).guarded_by(&scanner);
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
    match &draft.edit_of {
        Some(id) => {
            let old = store.load(id)?;
            store.update(&old.edited(set, answers, session::now()))?;
            store.remove_draft(&draft.id)?;
            eprintln!("\n{}", i18n::UPDATED.with(ctx.lang, &[("id", id)]));
        }
        None => {
            let note = create(store, set, draft.lang, answers)?;
            store.remove_draft(&draft.id)?;
            eprintln!("\n{}", i18n::SAVED.with(ctx.lang, &[("id", &note.id)]));
        }
    }
    Ok(())
}

fn create(
    store: &Store,
    set: &QuestionSet,
    lang: i18n::Lang,
    answers: Answers,
) -> Result<CaseNote> {
    let mut note = CaseNote::new(String::new(), session::now(), set, lang, answers);
    store.create(&mut note)?;
    Ok(note)
}
