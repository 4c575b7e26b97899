//! `completions SHELL`: what a shell needs to complete the command line.

use anyhow::Result;
use clap::Args;

use crate::cmd::Ctx;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// De shell
    pub shell: clap_complete::Shell,
}

pub fn run(ctx: &Ctx, args: CompletionsArgs) -> Result<()> {
    let mut cmd = super::command(ctx.ui_lang());
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "driehoek", &mut script);
    ctx.ui.document(&String::from_utf8_lossy(&script))?;
    Ok(())
}
