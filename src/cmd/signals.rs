//! `driehoek signalen` (`signals`): every rule with a signal about it,
//! for the doorbraakoverleg. Reads the store's notes as the bundle does
//! (one case, its latest version), hands the listing to the domain and
//! the rows to a renderer.

use anyhow::Result;
use clap::Args;

use super::Ctx;
use super::args::{ReportArgs, ReportFormat};
use crate::domain::filter::Filter;
use crate::domain::record;
use crate::domain::signals;
use crate::render;

#[derive(Debug, Args)]
pub struct SignalsArgs {
    /// Alleen signalen zonder eindstand (die is: aangepast, of niet aangepast)
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub report: ReportArgs,
}

pub fn run(ctx: &Ctx, args: SignalsArgs) -> Result<()> {
    let lang = ctx.ui_lang();
    let (bank, _) = ctx.bank()?;
    let store = ctx.store()?;
    let (summaries, _) = ctx.select(&store, &Filter::default())?;
    let (notes, broken) = store.load_many(summaries.into_iter().map(|s| s.id).collect());
    ctx.warn_broken(&broken);
    let records = record::records(&notes, &bank, |_| Vec::new());
    let rows = signals::rows(&records, args.open);
    let today = super::session::today()?;
    let text = match args.report.format {
        ReportFormat::Csv => render::signals::csv(&rows, today, lang),
        ReportFormat::Json => render::signals::json(&rows, today),
        ReportFormat::Markdown => {
            render::markdown::render(&render::signals::doc(&rows, today, args.open, lang))
        }
        ReportFormat::Text => {
            let doc = render::signals::doc(&rows, today, args.open, lang);
            let page = render::terminal::render(&doc, Some(ctx.ui.table_width()));
            return Ok(ctx.ui.page(&page)?);
        }
    };
    Ok(ctx.ui.document(&text)?)
}
