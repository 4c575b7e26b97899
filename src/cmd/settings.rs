//! Around the edges: shell completions, the man page, the settings.

use std::fmt::Write;

use anyhow::Result;

use super::Ctx;
use crate::cli::{self, CompletionsArgs};
use crate::config;
use crate::i18n;
use crate::printable::show;
use crate::store::Store;

pub fn completions(ctx: &Ctx, args: CompletionsArgs) -> Result<()> {
    let mut cmd = cli::command(ctx.lang);
    clap_complete::generate(args.shell, &mut cmd, "driehoek", &mut std::io::stdout());
    Ok(())
}

pub fn man(ctx: &Ctx) -> Result<()> {
    clap_mangen::Man::new(cli::command(ctx.lang)).render(&mut std::io::stdout())?;
    Ok(())
}

/// Where the settings live and what they say. Names for the privacy guard
/// are counted, not shown: they are personal data.
pub fn config(ctx: &Ctx) -> Result<()> {
    let lang = ctx.lang;
    // The config and the paths are the person's text: shown printable.
    let mut out = String::new();
    let path = config::file().map_or_else(|| "—".to_string(), |p| p.display().to_string());
    let exists = config::file().is_some_and(|p| p.exists());
    let c = &ctx.config;
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
    writeln!(
        out,
        "{} {path} ({})",
        i18n::CFG_FILE.get(lang),
        if exists {
            i18n::CFG_EXISTS
        } else {
            i18n::CFG_MISSING
        }
        .get(lang)
    )?;
    writeln!(out, "lang = {}", c.lang.map_or("—", |l| l.code()))?;
    writeln!(out, "set = {}", shown(&c.set))?;
    let walk = match c.walk {
        Some(crate::bank::Route::Full) => "volledig",
        Some(crate::bank::Route::Deepen) => "verdiepen",
        Some(crate::bank::Route::Short) | None => "kort",
    };
    writeln!(out, "walk = {walk}")?;
    writeln!(out, "initials = {}", shown(&c.initials))?;
    writeln!(
        out,
        "names = {}",
        i18n::CFG_NAMES.with(
            lang,
            &[("names", &i18n::N_NAMES.count(lang, c.names.len()))]
        )
    )?;
    match c.bewaartermijn {
        Some(m) => writeln!(
            out,
            "{}",
            i18n::CFG_RETENTION.with(lang, &[("months", &m.0.to_string())])
        )?,
        None => writeln!(out, "{}", i18n::CFG_RETENTION_UNSET.get(lang))?,
    }
    if let Some(dir) = config::dir() {
        writeln!(
            out,
            "{} {}",
            i18n::CFG_QUESTIONS.get(lang),
            dir.join("questions").display()
        )?;
        writeln!(
            out,
            "{} {}",
            i18n::CFG_LEXICON.get(lang),
            dir.join("lexicon.toml").display()
        )?;
    }
    writeln!(
        out,
        "{} {}",
        i18n::CFG_NOTES.get(lang),
        Store::default_root()?.display()
    )?;
    writeln!(out, "\n{}", i18n::CFG_EXAMPLE.get(lang))?;
    show(out);
    Ok(())
}
