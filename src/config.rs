//! The person's own settings, in `config.toml` in the config folder.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;

use crate::bank::Route;
use crate::i18n::Lang;
use crate::problem::{Problem, Problems};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The language to use when neither `--lang` nor `DRIEHOEK_LANG` says.
    pub lang: Option<Lang>,
    /// The question set a new note uses when `--set` does not say.
    pub set: Option<String>,
    /// The walk `new` takes without --kort or --volledig: "kort" (the
    /// default) or "volledig".
    pub walk: Option<Route>,
    /// The author's initials, kept in every new note.
    pub initials: Option<String>,
    /// Names of people in the worker's caseload: the privacy guard warns
    /// when one of them appears in a note.
    #[serde(default)]
    pub names: Vec<String>,
    /// The retention period in months (AVG art. 5 lid 1 sub e, storage
    /// limitation): notes not changed for longer are marked, and
    /// `opschonen` erases them. No default: the team decides.
    pub bewaartermijn: Option<Months>,
}

/// The longest retention period accepted: a hundred years is a typo.
pub const MAX_MONTHS: u32 = 1200;

/// A number of months from 1 to [`MAX_MONTHS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Months(pub u32);

impl<'de> Deserialize<'de> for Months {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Months, D::Error> {
        let n = i64::deserialize(d)?;
        match u32::try_from(n) {
            Ok(m) if (1..=MAX_MONTHS).contains(&m) => Ok(Months(m)),
            _ => Err(serde::de::Error::custom(format!(
                "bewaartermijn {n}: een aantal maanden van 1 tot en met {MAX_MONTHS}, bijvoorbeeld 12 (months, 1 to {MAX_MONTHS})"
            ))),
        }
    }
}

impl Months {
    /// The moment before which a note, last changed then, is past the
    /// period, seen from `now`.
    pub fn cutoff(self, now: jiff::Timestamp) -> jiff::Timestamp {
        now.to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .checked_sub(jiff::Span::new().months(i64::from(self.0)))
            .map_or(jiff::Timestamp::MIN, |z| z.timestamp())
    }
}

/// The config file's path, when there is a config folder.
pub fn file() -> Option<PathBuf> {
    dir().map(|d| d.join("config.toml"))
}

/// The config, or the defaults when there is none.
pub fn load_default() -> Result<Config> {
    match dir() {
        Some(dir) => load(&dir),
        None => Ok(Config::default()),
    }
}

/// The language from the config file, for help text printed before the
/// config is read properly (a broken file is reported later).
pub fn lang_quietly() -> Option<Lang> {
    load_default().ok()?.lang
}

/// The folder for a coach's own settings and question sets.
pub fn dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "driehoek", "driehoek")
        .map(|d| d.config_dir().to_path_buf())
}

/// Reads `config.toml` from `dir`; no file means the defaults.
pub fn load(dir: &Path) -> Result<Config> {
    let path = dir.join("config.toml");
    if !path.exists() {
        return Ok(Config::default());
    }
    let src = crate::input::read_text(&path, crate::input::MAX_INPUT_FILE, Lang::default())?;
    let file = path.display().to_string();
    toml::from_str(&src)
        .map_err(|e| Problems::in_file(&file, vec![Problem::from_toml(&file, &src, &e)]).into())
}
