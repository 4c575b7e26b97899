use anyhow::Result;

use super::Ctx;
use super::confirm::confirm;
use crate::i18n;
use crate::store::resolve_among;
use clap::Args;

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    pub id: String,
    /// Wis de notitie en al haar versies voorgoed (recht op vergetelheid)
    #[arg(long, visible_alias = "voorgoed")]
    pub purge: bool,
    /// Niet om bevestiging vragen
    #[arg(short, long, visible_alias = "ja")]
    pub yes: bool,
}

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
        let id = resolve_among(ids, &args.id, ctx.ui_lang())?;
        if ctx.finished_purges.contains(&id) {
            ctx.ui.say(i18n::PURGED.with(ctx.ui_lang(), &[("id", &id)]));
            return Ok(());
        }
        id
    } else {
        store.resolve(&args.id, ctx.ui_lang())?
    };
    let title = store.load(&id).map(|n| n.title).unwrap_or_default();
    let question = if args.purge {
        i18n::CONFIRM_PURGE
    } else {
        i18n::CONFIRM_DELETE
    };
    let asked = question.with(ctx.ui_lang(), &[("id", &id), ("title", &title)]);
    let kept = i18n::DELETE_KEPT.with(ctx.ui_lang(), &[("id", &id)]);
    confirm(ctx, &store, &asked, args.yes, &kept)?;
    if args.purge {
        store.purge(&id)?;
        ctx.ui.say(i18n::PURGED.with(ctx.ui_lang(), &[("id", &id)]));
    } else {
        let to = store.trash(&id)?;
        let to = to.display().to_string();
        ctx.ui
            .say(i18n::DELETED.with(ctx.ui_lang(), &[("id", &id), ("path", &to)]));
    }
    Ok(())
}
