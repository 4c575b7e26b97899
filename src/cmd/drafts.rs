use anyhow::Result;
use comfy_table::{ContentArrangement, Table, presets};

use super::Ctx;
use crate::i18n;
use crate::render::date;

/// Lists the drafts waiting to be resumed, newest first.
pub fn run(ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let (drafts, broken) = store.drafts()?;
    super::list::report_broken(&broken, ctx.lang);
    if drafts.is_empty() {
        eprintln!("{}", i18n::NO_DRAFTS.get(ctx.lang));
        return Ok(());
    }
    let (bank, _) = ctx.bank()?;
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(
            [
                i18n::H_ID,
                i18n::H_STARTED,
                i18n::H_UPDATED,
                i18n::H_TITLE,
                i18n::H_PROGRESS,
                i18n::H_EDIT_OF,
            ]
            .map(|h| h.get(ctx.lang)),
        );
    for d in &drafts {
        let title = bank.get(&d.set).map(|s| d.title(s)).unwrap_or_default();
        t.add_row([
            d.id.clone(),
            date(d.started),
            date(d.updated),
            title,
            d.answers.len().to_string(),
            d.edit_of.clone().unwrap_or_default(),
        ]);
    }
    println!("{t}");
    Ok(())
}
