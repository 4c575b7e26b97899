use anyhow::Result;

use super::Ctx;
use crate::render;
use clap::{Args, ValueEnum};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// De eerste notitie (A)
    pub a: String,
    /// De tweede notitie (B)
    pub b: String,
    /// Uitvoer voor de terminal of als Markdown
    #[arg(
        long,
        visible_alias = "formaat",
        value_enum,
        value_name = "FORMAAT",
        default_value = "text"
    )]
    pub format: DocFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    #[value(alias = "tekst")]
    Text,
    Markdown,
}

/// Two notes side by side, in the terminal or as Markdown.
pub fn run(ctx: &Ctx, args: CompareArgs) -> Result<()> {
    let store = ctx.store()?;
    let a = store.load(&store.resolve(&args.a, ctx.ui_lang())?)?;
    let b = store.load(&store.resolve(&args.b, ctx.ui_lang())?)?;
    let doc = render::compare::doc(&a, &b, ctx.ui_lang());
    match args.format {
        DocFormat::Markdown => ctx.ui.document(&render::markdown::render(&doc))?,
        DocFormat::Text => ctx
            .ui
            .page(&render::terminal::render(&doc, ctx.ui.text_width()))?,
    }
    Ok(())
}
