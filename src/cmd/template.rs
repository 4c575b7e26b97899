use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::i18n;
use crate::render;

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Alle vragen van de volledige route; zonder: de korte route, wat een notitie nodig heeft
    #[arg(long, visible_alias = "volledig")]
    pub full: bool,
}

pub fn run(ctx: &Ctx, args: TemplateArgs) -> Result<()> {
    let set = ctx.active_set()?;
    let template = render::template::render(&set, i18n::T_HEADER, ctx.ui_lang(), args.full);
    ctx.ui.document(&template)?;
    Ok(())
}
