use anyhow::Result;

use super::{Ctx, session};
use crate::domain::note::answers_of;
use crate::domain::walk::Walk;
use crate::error::not_found;
use crate::i18n;
use clap::Args;

#[derive(Debug, Args)]
pub struct ResumeArgs {
    /// Id van het concept (een uniek begin is genoeg)
    pub id: Option<String>,
}

/// Continues a draft at the question where it stopped.
pub fn run(ctx: &Ctx, args: ResumeArgs) -> Result<()> {
    session::need_terminal("resume", ctx.ui_lang())?;
    let store = ctx.store()?;
    let id = match &args.id {
        Some(wanted) => store.resolve_draft(wanted, ctx.ui_lang())?,
        None => match store.drafts()?.0.first() {
            Some(newest) => newest.id.clone(),
            None => return Err(not_found(i18n::NO_DRAFTS.get(ctx.ui_lang()))),
        },
    };
    let mut draft = store.load_draft(&id)?;
    let set = ctx.set_named(&draft.set)?;
    let title = draft.title(&set);
    ctx.ui
        .say(i18n::RESUMING.with(ctx.ui_lang(), &[("id", &draft.id), ("title", &title)]));
    let scanner = ctx.scanner()?;
    let lexicon = ctx.lexicon()?;
    let rules = session::rules_in_use(ctx, &store);
    let mut walk = Walk::new(&set, draft.note_lang, answers_of(&draft.answers))
        .route(draft.walk)
        .guarded_by(&scanner)
        .mirrored_by(&lexicon)
        .offering(&rules);
    walk.continue_at(draft.next.as_deref());
    session::finish(ctx, &store, &set, &mut walk, &mut draft)
}
