//! `help [COMMAND]` (`hulp`): the same help as `COMMAND --help`.

use anyhow::Result;

use super::Ctx;
use crate::cli::{self, HelpArgs};
use crate::error::bad_input;

pub fn run(ctx: &Ctx, args: HelpArgs) -> Result<()> {
    match cli::help(&args.command, ctx.lang) {
        Ok(text) => {
            print!("{text}");
            Ok(())
        }
        Err(usage) => Err(bad_input(usage.trim_end().to_string())),
    }
}
