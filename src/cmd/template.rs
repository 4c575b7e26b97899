use anyhow::Result;

use super::Ctx;
use crate::render;

pub fn run(ctx: &Ctx) -> Result<()> {
    print!("{}", render::template::render(&ctx.active_set()?, ctx.lang));
    Ok(())
}
