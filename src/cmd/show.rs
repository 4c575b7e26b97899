use anyhow::Result;

use super::Ctx;
use crate::cli::ShowArgs;
use crate::render;

pub fn run(ctx: &Ctx, args: ShowArgs) -> Result<()> {
    let store = ctx.store()?;
    let note = store.load(&store.resolve(&args.id, ctx.lang)?)?;
    let (bank, _) = ctx.bank()?;
    let doc = render::note_doc(&note, bank.get(&note.set), ctx.lang);
    print!("{}", render::terminal::render(&doc));
    Ok(())
}
