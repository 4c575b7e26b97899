use anyhow::Result;

use super::Ctx;
use crate::cli::{CompareArgs, DocFormat};
use crate::render;

/// Two notes side by side, in the terminal or as Markdown.
pub fn run(ctx: &Ctx, args: CompareArgs) -> Result<()> {
    let store = ctx.store()?;
    let a = store.load(&store.resolve(&args.a, ctx.lang)?)?;
    let b = store.load(&store.resolve(&args.b, ctx.lang)?)?;
    let doc = render::compare::doc(&a, &b, ctx.lang);
    match args.format {
        DocFormat::Markdown => print!("{}", render::markdown::render(&doc)),
        DocFormat::Text => print!("{}", render::terminal::render(&doc, ctx.text_width())),
    }
    Ok(())
}
