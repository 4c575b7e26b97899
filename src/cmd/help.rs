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
        // Said once as every error is, "driehoek: …", not "driehoek: fout: …".
        Err(usage) => {
            let usage = ["fout: ", "error: "]
                .iter()
                .find_map(|p| usage.strip_prefix(p))
                .unwrap_or(&usage);
            Err(bad_input(usage.trim_end().to_string()))
        }
    }
}
