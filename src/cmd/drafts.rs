use anyhow::Result;

use super::Ctx;
use crate::i18n;
use crate::render;

/// Lists the drafts waiting to be resumed, newest first.
pub fn run(ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let (drafts, broken) = store.drafts()?;
    ctx.warn_broken(&broken);
    if drafts.is_empty() {
        ctx.ui.say(i18n::NO_DRAFTS.get(ctx.ui_lang()));
        return Ok(());
    }
    let (bank, _) = ctx.bank()?;
    let titles: Vec<String> = drafts
        .iter()
        .map(|d| bank.get(&d.set).map(|s| d.title(s)).unwrap_or_default())
        .collect();
    let table = render::table::drafts(&drafts, &titles, ctx.ui_lang(), ctx.ui.table_width());
    ctx.ui.print(&table)?;
    Ok(())
}
