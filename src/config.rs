//! The person's own settings, in `config.toml` in the config folder.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;

use crate::problem::{Problem, Problems};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Names of people in the worker's caseload: the privacy guard warns
    /// when one of them appears in a note.
    #[serde(default)]
    pub names: Vec<String>,
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
    let src = crate::cmd::read_input(&path)?;
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
