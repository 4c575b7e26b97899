//! `driehoek web`: the tool in the person's own browser, on this computer
//! only. The server itself lives in [`crate::web`].

use anyhow::Result;
use clap::Args;

use super::Ctx;

#[derive(Debug, Args)]
pub struct WebArgs {
    /// Luister op deze poort (standaard: een vrije poort)
    #[arg(long, visible_alias = "poort", value_name = "N")]
    pub port: Option<u16>,
    /// Open de browser niet; toon alleen het adres
    #[arg(long, visible_alias = "niet-openen")]
    pub no_open: bool,
}

pub fn run(ctx: Ctx<'static>, args: WebArgs) -> Result<()> {
    crate::web::serve(
        ctx,
        crate::web::Options {
            port: args.port.unwrap_or(0),
            open: !args.no_open,
        },
    )
}
