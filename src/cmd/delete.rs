use std::io::IsTerminal;

use anyhow::Result;

use super::Ctx;
use crate::cli::DeleteArgs;
use crate::error::{Cancelled, bad_input};
use crate::i18n;
use crate::prompt::{Prompter, TermPrompter};
use crate::store::resolve_among;

/// Moves a note to the trash, or with `--purge` erases it and its history.
pub fn run(ctx: &Ctx, args: DeleteArgs) -> Result<()> {
    let store = ctx.store()?;
    let id = if args.purge {
        // A note already in the trash can still be erased for good, and a
        // purge that was cut off can be finished.
        let mut ids = store.ids()?;
        ids.extend(store.trashed());
        ids.extend(store.unfinished_purges());
        ids.extend(ctx.finished_purges.iter().cloned());
        ids.sort();
        ids.dedup();
        let id = resolve_among(ids, &args.id, ctx.lang)?;
        if ctx.finished_purges.contains(&id) {
            eprintln!("{}", i18n::PURGED.with(ctx.lang, &[("id", &id)]));
            return Ok(());
        }
        id
    } else {
        store.resolve(&args.id, ctx.lang)?
    };
    let title = store.load(&id).map(|n| n.title).unwrap_or_default();
    let question = if args.purge {
        i18n::CONFIRM_PURGE
    } else {
        i18n::CONFIRM_DELETE
    };
    if !args.yes {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(bad_input(i18n::ERR_CONFIRM_NEEDS_TERMINAL.get(ctx.lang)));
        }
        let mut prompter = TermPrompter::new(store.scratch_dir());
        let items = [i18n::NO.get(ctx.lang), i18n::YES.get(ctx.lang)];
        let asked = question.with(ctx.lang, &[("id", &id), ("title", &title)]);
        if prompter.choose(&asked, &items, 0)? != 1 {
            return Err(Cancelled.into());
        }
    }
    if args.purge {
        store.purge(&id)?;
        eprintln!("{}", i18n::PURGED.with(ctx.lang, &[("id", &id)]));
    } else {
        let to = store.trash(&id)?;
        eprintln!(
            "{}",
            i18n::DELETED.with(
                ctx.lang,
                &[("id", &id), ("path", &to.display().to_string())]
            )
        );
    }
    Ok(())
}
