//! `opschonen`: erases the notes past the retention period, each exactly
//! as `delete --purge` does (AVG art. 5 lid 1 sub e: storage limitation).

use anyhow::Result;

use super::Ctx;
use super::confirm::confirm;
use crate::error::bad_input;
use crate::i18n;
use crate::printable::show;
use crate::render;
use clap::Args;

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Niet om bevestiging vragen
    #[arg(long, short)]
    pub yes: bool,
}

pub fn run(ctx: &Ctx, args: PruneArgs) -> Result<()> {
    let Some(months) = ctx.config.bewaartermijn else {
        return Err(bad_input(i18n::ERR_NO_RETENTION.get(ctx.lang)));
    };
    let store = ctx.store()?;
    let listing = store.summaries()?;
    crate::store::select::report_broken(&listing.broken, ctx.lang);
    let old = super::retention::past(&listing.notes, months, |n| n.updated);
    let months = i18n::N_MONTHS.count(ctx.lang, months.0 as usize);
    if old.is_empty() {
        eprintln!(
            "{}",
            i18n::PRUNE_NONE.with(ctx.lang, &[("months", &months)])
        );
        return Ok(());
    }
    for note in &old {
        show(format!(
            "{}  {}  {}\n",
            note.id,
            render::date(note.updated, ctx.lang),
            note.title
        ));
    }
    let question = i18n::CONFIRM_PRUNE.with(ctx.lang, old.len(), &[("months", &months)]);
    confirm(ctx, &store, &question, args.yes)?;
    for note in &old {
        store.purge(&note.id)?;
        eprintln!("{}", i18n::PURGED.with(ctx.lang, &[("id", &note.id)]));
    }
    eprintln!("{}", i18n::PRUNED.count(ctx.lang, old.len()));
    Ok(())
}
