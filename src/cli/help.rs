//! `help [COMMAND]` (`hulp`): the same help as `COMMAND --help`.

use std::ffi::OsString;

use anyhow::Result;
use clap::Args;

use super::usage::{self, Usage};
use crate::cmd::Ctx;
use crate::error::bad_input;
use crate::i18n::Lang;

#[derive(Debug, Args)]
pub struct HelpArgs {
    /// De opdracht, bijvoorbeeld export (of config set)
    #[arg(value_name = "OPDRACHT")]
    pub command: Vec<String>,
}

pub fn run(ctx: &Ctx, args: HelpArgs) -> Result<()> {
    match help(&args.command, ctx.ui_lang()) {
        Ok(text) => Ok(ctx.ui.help(&text)?),
        // Said once as every error is, "driehoek: …", not "driehoek: fout: …".
        Err(Usage(usage)) => {
            let usage = ["fout: ", "error: "]
                .iter()
                .find_map(|p| usage.strip_prefix(p))
                .unwrap_or(&usage);
            Err(bad_input(usage.trim_end().to_string()))
        }
    }
}

/// The help of the command at `path` (`["export"]`, or none for the
/// whole tool), or the usage error that naming a wrong command gives.
pub fn help(path: &[String], lang: Lang) -> Result<String, Usage> {
    let mut args = vec![OsString::from("driehoek")];
    args.extend(path.iter().map(OsString::from));
    args.push("--help".into());
    usage::said(&args, lang)
}
