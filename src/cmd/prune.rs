//! `opschonen`: erases the notes past the retention period, each exactly
//! as `delete --purge` does (AVG art. 5 lid 1 sub e: storage limitation).

use anyhow::Result;

use super::Ctx;
use super::confirm::confirm;
use crate::domain::day;
use crate::error::bad_input;
use crate::i18n;
use clap::Args;

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Niet om bevestiging vragen
    #[arg(short, long, visible_alias = "ja")]
    pub yes: bool,
}

pub fn run(ctx: &Ctx, args: PruneArgs) -> Result<()> {
    let Some(months) = ctx.config.bewaartermijn else {
        return Err(bad_input(i18n::ERR_NO_RETENTION.get(ctx.ui_lang())));
    };
    let store = ctx.store()?;
    let listing = store.summaries()?;
    ctx.warn_broken(&listing.broken);
    let months_past = months;
    let old = super::retention::past(&listing.notes, months, |n| n.updated);
    let months = i18n::N_MONTHS.count(ctx.ui_lang(), months.0 as usize);
    if old.is_empty() {
        ctx.ui
            .say(i18n::PRUNE_NONE.with(ctx.ui_lang(), &[("months", &months)]));
        return Ok(());
    }
    for note in &old {
        let date = day::in_table(note.updated, ctx.ui_lang());
        ctx.ui
            .print(&format!("{}  {date}  {}\n", note.id, note.title))?;
    }
    let question = i18n::CONFIRM_PRUNE.with(ctx.ui_lang(), old.len(), &[("months", &months)]);
    let kept = i18n::PRUNE_KEPT.count(ctx.ui_lang(), old.len());
    confirm(ctx, &store, &question, args.yes, &kept)?;
    // Each note is read again under the lock: one updated while the
    // person was asked (an edit, an outcome entry) is no longer past it.
    let cutoff = months_past.cutoff(jiff::Timestamp::now());
    let mut erased = 0;
    for note in &old {
        if store.purge_if(&note.id, &|now| now.updated < cutoff)? {
            erased += 1;
            ctx.ui
                .say(i18n::PURGED.with(ctx.ui_lang(), &[("id", &note.id)]));
        } else {
            ctx.ui
                .say(i18n::PRUNE_UPDATED.with(ctx.ui_lang(), &[("id", &note.id)]));
        }
    }
    ctx.ui.say(i18n::PRUNED.count(ctx.ui_lang(), erased));
    Ok(())
}
