//! The person's own settings, in `config.toml` in the config folder.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;

use crate::i18n::Lang;
use crate::problem::{Problem, Problems};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The language to use when neither `--lang` nor `DRIEHOEK_LANG` says.
    pub lang: Option<Lang>,
    /// The question set a new note uses when `--set` does not say.
    pub set: Option<String>,
    /// The author's initials, kept in every new note.
    pub initials: Option<String>,
    /// Names of people in the worker's caseload: the privacy guard warns
    /// when one of them appears in a note.
    #[serde(default)]
    pub names: Vec<String>,
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
    toml::from_str(&src).map_err(|e| {
        let list = vec![Problem::from_toml(&file, &src, &e)];
        Problems {
            summary: format!("1 problem in {file}"),
            list,
        }
        .into()
    })
}
