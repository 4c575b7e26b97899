//! `config` (`instellingen`): where the settings file is, what it says,
//! and changing one setting.

use std::fmt::Write;

use anyhow::Result;

use super::Ctx;
use crate::config;
use crate::config::{Change, Key};
use crate::error::{SayAbout, bad_input, failure};
use crate::files::input;
use crate::i18n;
use crate::store::Store;
use crate::store::{make_private_dir, write_atomic};
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: Option<ConfigAction>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Zet een instelling (de waarde wordt eerst gecontroleerd)
    #[command(visible_alias = "zet")]
    Set {
        /// De instelling
        #[arg(value_name = "SLEUTEL")]
        key: crate::config::Key,
        /// De nieuwe waarde
        #[arg(value_name = "WAARDE")]
        value: String,
    },
    /// Toon één instelling
    #[command(visible_alias = "lees")]
    Get {
        /// De instelling
        #[arg(value_name = "SLEUTEL")]
        key: crate::config::Key,
    },
    /// Namen waarop de privacybewaker let
    #[command(visible_alias = "namen", subcommand)]
    Names(NamesAction),
}

#[derive(Debug, Subcommand)]
pub enum NamesAction {
    /// Voeg een naam toe
    #[command(visible_alias = "toevoegen")]
    Add {
        /// De naam
        #[arg(value_name = "NAAM")]
        name: String,
    },
    /// Haal een naam weg
    #[command(visible_alias = "weghalen")]
    Remove {
        /// De naam
        #[arg(value_name = "NAAM")]
        name: String,
    },
}

/// `config`, or `config set|get|names`: every value checked before the
/// file is written, whole and private, keeping the person's comments.
pub fn run(ctx: &Ctx, args: ConfigArgs) -> Result<()> {
    let lang = ctx.ui_lang();
    let change = match args.action {
        None => return overview(ctx),
        Some(ConfigAction::Get { key }) => {
            let text = key
                .get(&ctx.config)
                .unwrap_or_else(|| i18n::CFG_NOT_SET.with(lang, &[("key", key.name())]));
            ctx.ui.print(&format!("{text}\n"))?;
            return Ok(());
        }
        Some(ConfigAction::Set { key, value }) => {
            let value = key.value(&value, lang).map_err(bad_input)?;
            if key == Key::Set {
                // Only a set this tool knows: embedded or the coach's own.
                ctx.set_named(value.as_str().unwrap_or_default())?;
            }
            Change::Set(key, value)
        }
        Some(ConfigAction::Names(NamesAction::Add { name })) => Change::AddName(name),
        Some(ConfigAction::Names(NamesAction::Remove { name })) => Change::RemoveName(name),
    };
    let dir = config::dir().ok_or_else(|| failure(i18n::ERR_NO_CONFIG_DIR.get(lang)))?;
    make_private_dir(&dir)?;
    let path = dir.join("config.toml");
    let src = if path.exists() {
        input::read_text(&path, input::MAX_INPUT_FILE, lang)?
    } else {
        String::new()
    };
    let said = match &change {
        Change::Set(key, value) => Ok((key.name(), value.to_string())),
        Change::AddName(_) => Err(i18n::CFG_NAME_ADDED),
        Change::RemoveName(_) => Err(i18n::CFG_NAME_REMOVED),
    };
    let text = config::edit(&path.display().to_string(), &src, change, lang)?;
    // A config.toml that is a link (settings kept with one's dotfiles) is
    // written where it points; the link stays a link.
    let target = match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(&path).about(i18n::ERR_CANNOT_WRITE, &path)?
        }
        _ => path.clone(),
    };
    write_atomic(&target, text.as_bytes(), true).about(i18n::ERR_CANNOT_WRITE, &target)?;
    let shown = path.display().to_string();
    let message = match said {
        Ok((key, value)) => i18n::CFG_SAVED.with(
            lang,
            &[("key", key), ("value", value.trim()), ("path", &shown)],
        ),
        Err(msg) => {
            let names = i18n::N_NAMES.count(lang, config::load(&dir, lang)?.names.len());
            msg.with(lang, &[("names", &names)])
        }
    };
    ctx.ui.say(message);
    Ok(())
}

/// Where the settings live and what they say. Names for the privacy guard
/// are counted, not shown: they are personal data.
fn overview(ctx: &Ctx) -> Result<()> {
    let lang = ctx.ui_lang();
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
        Some(crate::domain::bank::Route::Full) => "volledig",
        Some(crate::domain::bank::Route::Deepen) => "verdiepen",
        Some(crate::domain::bank::Route::Short) | None => "kort",
    };
    writeln!(out, "walk = {walk}")?;
    writeln!(out, "initials = {}", shown(&c.initials))?;
    writeln!(out, "team = {}", shown(&c.team))?;
    writeln!(out, "telefoon = {}", shown(&c.telefoon))?;
    let address = c.aanspreekvorm.unwrap_or_default().name();
    writeln!(out, "aanspreekvorm = {address}")?;
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
    ctx.ui.print(&out)?;
    Ok(())
}
