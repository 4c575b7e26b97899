//! `driehoek signalen` (`signals`): every rule with a signal about it,
//! for the doorbraakoverleg. Reads the store's notes as the bundle does
//! (one case, its latest version), hands the listing to the domain and
//! the rows to a renderer.

use anyhow::Result;
use clap::Args;
use jiff::civil::Date;

use super::Ctx;
use super::args::{ReportArgs, ReportFormat};
use crate::domain::day;
use crate::domain::filter::Filter;
use crate::domain::record;
use crate::domain::signals;
use crate::i18n::{self, Phrase};
use crate::render;

#[derive(Debug, Args)]
pub struct SignalsArgs {
    /// Alleen signalen zonder eindstand (die is: aangepast, of niet aangepast)
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// The environment variable that fixes "today" for the ages in the list.
/// Only the tests set it (`tests/cli/harness.rs`); it is no setting.
const TODAY_FOR_TESTS: &str = "DRIEHOEK_TODAY";

pub fn run(ctx: &Ctx, args: SignalsArgs) -> Result<()> {
    let lang = ctx.ui_lang();
    let (bank, _) = ctx.bank()?;
    let store = ctx.store()?;
    let (summaries, _) = ctx.select(&store, &Filter::default())?;
    let (notes, broken) = store.load_many(summaries.into_iter().map(|s| s.id).collect());
    ctx.warn_broken(&broken);
    let records = record::records(&notes, &bank, |_| Vec::new());
    let rows = signals::rows(&records, args.open);
    let today = today()?;
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

/// Today in the reader's time zone, or the day the tests fix.
fn today() -> Result<Date> {
    match std::env::var(TODAY_FOR_TESTS) {
        Ok(fixed) if !fixed.is_empty() => day::parse(&fixed).ok_or_else(|| {
            crate::error::bad_input(Phrase::new(i18n::ERR_DAY, &[("value", &fixed)]))
        }),
        _ => Ok(day::today()),
    }
}
