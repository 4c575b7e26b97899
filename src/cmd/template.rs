use anyhow::Result;

use super::Ctx;
use crate::i18n;
use crate::render;

pub fn run(ctx: &Ctx) -> Result<()> {
    let template = render::template::render(&ctx.active_set()?, i18n::T_HEADER, ctx.ui_lang());
    ctx.ui.document(&template)?;
    Ok(())
}
