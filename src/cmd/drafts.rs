use anyhow::Result;

use super::Ctx;
use crate::i18n;
use crate::render;
use crate::store::select::report_broken;

/// Lists the drafts waiting to be resumed, newest first.
pub fn run(ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let (drafts, broken) = store.drafts()?;
    report_broken(&broken, ctx.lang);
    if drafts.is_empty() {
        eprintln!("{}", i18n::NO_DRAFTS.get(ctx.lang));
        return Ok(());
    }
    let (bank, _) = ctx.bank()?;
    let titles: Vec<String> = drafts
        .iter()
        .map(|d| bank.get(&d.set).map(|s| d.title(s)).unwrap_or_default())
        .collect();
    print!(
        "{}",
        render::table::drafts(&drafts, &titles, ctx.lang, ctx.table_width())
    );
    Ok(())
}
