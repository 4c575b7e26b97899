//! The person's own settings, in `config.toml` in the config folder.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;

use crate::domain::bank::Route;
use crate::domain::problem::{Problem, Problems};
use crate::i18n::person::Address;
use crate::i18n::{self, Lang};

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
    /// The team's name, on the page for the person ("Buurtteam Noord").
    pub team: Option<String>,
    /// The team's phone number, on the page for the person; checked by
    /// [`phone`] where it is set and where it is used.
    pub telefoon: Option<String>,
    /// How the page for the person says "you" in Dutch: "je" (the
    /// default) or "u".
    pub aanspreekvorm: Option<Address>,
}

/// The longest team name: it stands in a sentence on the person's page.
pub const MAX_TEAM_CHARS: usize = 60;

/// A team's name as written, when it is one: 1 to [`MAX_TEAM_CHARS`]
/// characters, no control characters, trimmed.
pub fn team(text: &str) -> Option<&str> {
    let text = text.trim();
    let fits = (1..=MAX_TEAM_CHARS).contains(&text.chars().count());
    (fits && !text.chars().any(char::is_control)).then_some(text)
}

/// A Dutch phone number as written, when it is one: ten digits from a
/// 0 (`020 123 45 67`, `06-12345678`, also as `+31 20 …` or `+31 (0)20 …`),
/// an 0800 or 0900 number (4 or 7 digits after it), or a municipality's
/// 14 and its area code (`14 020`). Spaces, dashes, dots and brackets may
/// stand between the digits.
pub fn phone(text: &str) -> Option<&str> {
    let text = text.trim();
    let (international, rest) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || " -.()".contains(c))
    {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let national = if international {
        // +31 6…, or +31 (0)6…: the 0 a Dutch reader dials.
        let after = digits.strip_prefix("31")?;
        format!("0{}", after.strip_prefix('0').unwrap_or(after))
    } else {
        digits
    };
    let b = national.as_bytes();
    let ordinary = b.len() == 10 && b[0] == b'0' && b[1] != b'0';
    let service = ["0800", "0900", "0906", "0909"]
        .iter()
        .any(|p| national.starts_with(p))
        && [8, 11].contains(&b.len());
    let municipal = !international && national.starts_with("140") && [5, 6].contains(&b.len());
    (ordinary || service || municipal).then_some(text)
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

/// A setting `config set` and `config get` know; `names` has its own
/// `config names add|remove`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Key {
    Lang,
    Set,
    Initials,
    Bewaartermijn,
    Walk,
    Team,
    Telefoon,
    Aanspreekvorm,
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Lang => "lang",
            Key::Set => "set",
            Key::Initials => "initials",
            Key::Bewaartermijn => "bewaartermijn",
            Key::Walk => "walk",
            Key::Team => "team",
            Key::Telefoon => "telefoon",
            Key::Aanspreekvorm => "aanspreekvorm",
        }
    }

    /// The value as the file holds it, checked; the error says what is
    /// valid.
    pub fn value(self, text: &str, lang: Lang) -> Result<toml_edit::Value, String> {
        let text = text.trim();
        let bad = |valid: i18n::Msg| {
            i18n::ERR_CONFIG_VALUE.with(
                lang,
                &[
                    ("key", self.name()),
                    ("value", text),
                    ("valid", valid.get(lang)),
                ],
            )
        };
        match self {
            Key::Lang if ["nl", "en"].contains(&text) => Ok(text.into()),
            Key::Lang => Err(bad(i18n::CFG_VALID_LANG)),
            Key::Set
                if !text.is_empty()
                    && text
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
            {
                Ok(text.into())
            }
            Key::Set => Err(bad(i18n::CFG_VALID_SET)),
            Key::Initials
                if (1..=5).contains(&text.chars().count())
                    && text.chars().all(char::is_alphabetic) =>
            {
                Ok(text.into())
            }
            Key::Initials => Err(bad(i18n::CFG_VALID_INITIALS)),
            Key::Walk if ["kort", "volledig"].contains(&text) => Ok(text.into()),
            Key::Walk => Err(bad(i18n::CFG_VALID_WALK)),
            Key::Bewaartermijn => match text.parse::<u32>() {
                Ok(m) if (1..=MAX_MONTHS).contains(&m) => Ok(i64::from(m).into()),
                _ => Err(bad(i18n::CFG_VALID_MONTHS)),
            },
            Key::Team => team(text)
                .map(Into::into)
                .ok_or_else(|| bad(i18n::CFG_VALID_TEAM)),
            Key::Telefoon => phone(text)
                .map(Into::into)
                .ok_or_else(|| bad(i18n::CFG_VALID_PHONE)),
            Key::Aanspreekvorm if ["je", "u"].contains(&text) => Ok(text.into()),
            Key::Aanspreekvorm => Err(bad(i18n::CFG_VALID_ADDRESS)),
        }
    }

    /// The value in `config`, as `config get` shows it.
    pub fn get(self, config: &Config) -> Option<String> {
        match self {
            Key::Lang => config.lang.map(|l| l.code().to_string()),
            Key::Set => config.set.clone(),
            Key::Initials => config.initials.clone(),
            Key::Bewaartermijn => config.bewaartermijn.map(|m| m.0.to_string()),
            Key::Walk => config.walk.map(|r| match r {
                Route::Short => "kort".to_string(),
                _ => "volledig".to_string(),
            }),
            Key::Team => config.team.clone(),
            Key::Telefoon => config.telefoon.clone(),
            Key::Aanspreekvorm => config.aanspreekvorm.map(|a| a.name().to_string()),
        }
    }
}

/// A change to the settings file.
pub enum Change {
    Set(Key, toml_edit::Value),
    AddName(String),
    RemoveName(String),
}

/// `src` (the file's text, empty when there is none) with `change` made;
/// comments and the order of the rest stay as the person wrote them.
/// `file` names it in messages.
pub fn edit(file: &str, src: &str, change: Change, lang: Lang) -> Result<String> {
    let mut doc: toml_edit::DocumentMut = src.parse().map_err(|e: toml_edit::TomlError| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = crate::domain::problem::toml_text(e.message(), lang);
        Problems::in_file(
            file,
            vec![Problem::at(file, src, offset, None, message)],
            lang,
        )
    })?;
    match change {
        Change::Set(key, mut value) => match doc.get_mut(key.name()).and_then(|i| i.as_value_mut())
        {
            // The comment after the old value stays with the new one.
            Some(old) => {
                *value.decor_mut() = old.decor().clone();
                *old = value;
            }
            None => doc[key.name()] = toml_edit::value(value),
        },
        Change::AddName(ref name) | Change::RemoveName(ref name) => {
            let name = name.trim();
            if name.is_empty() {
                return Err(crate::error::bad_input(
                    i18n::ERR_CONFIG_EMPTY_NAME.get(lang),
                ));
            }
            let names = doc
                .entry("names")
                .or_insert(toml_edit::value(toml_edit::Array::new()))
                .as_array_mut()
                .ok_or_else(|| crate::error::bad_input(i18n::ERR_CONFIG_NAMES.get(lang)))?;
            let at = names.iter().position(|v| v.as_str() == Some(name));
            match (&change, at) {
                (Change::AddName(_), None) => names.push(name),
                (Change::RemoveName(_), Some(i)) => {
                    names.remove(i);
                }
                (Change::RemoveName(_), None) => {
                    return Err(crate::error::bad_input(i18n::ERR_CONFIG_NO_NAME.get(lang)));
                }
                _ => {}
            }
            names.fmt();
        }
    }
    let text = doc.to_string();
    // What is written must read back as a valid config.
    toml::from_str::<Config>(&text).map_err(|e| {
        Problems::in_file(file, vec![Problem::from_toml(file, &text, &e, lang)], lang)
    })?;
    Ok(text)
}

/// The config file's path, when there is a config folder.
pub fn file() -> Option<PathBuf> {
    dir().map(|d| d.join("config.toml"))
}

/// The config, or the defaults when there is none.
pub fn load_default(lang: Lang) -> Result<Config> {
    match dir() {
        Some(dir) => load(&dir, lang),
        None => Ok(Config::default()),
    }
}

/// The language from the config file, for help text printed before the
/// config is read properly (a broken file is reported later).
pub fn lang_quietly() -> Option<Lang> {
    load_default(Lang::default()).ok()?.lang
}

/// The folder for a coach's own settings and question sets.
pub fn dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "driehoek", "driehoek")
        .map(|d| d.config_dir().to_path_buf())
}

/// Reads `config.toml` from `dir`; no file means the defaults. What is
/// wrong with it is said in `lang`.
pub fn load(dir: &Path, lang: Lang) -> Result<Config> {
    let path = dir.join("config.toml");
    if !path.exists() {
        return Ok(Config::default());
    }
    let src = crate::files::input::read_text(&path, crate::files::input::MAX_INPUT_FILE, lang)?;
    let file = path.display().to_string();
    toml::from_str(&src).map_err(|e| {
        let problem = Problem::from_toml(&file, &src, &e, lang);
        Problems::in_file(&file, vec![problem], lang).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_phone_numbers_as_people_write_them() {
        for good in [
            "020 123 45 67",
            "020-1234567",
            "06 12345678",
            "06-12 34 56 78",
            "(020) 123 45 67",
            "+31 20 123 45 67",
            "+31 (0)20 123 45 67",
            "+31612345678",
            "0800 1234",
            "0800-0221122",
            "0900 123 45 67",
            "14 020",
            "14 0592",
            " 088 123 45 67 ",
        ] {
            assert_eq!(phone(good), Some(good.trim()), "{good}");
        }
        for bad in [
            "",
            "bel ons",
            "020 123 45 6",
            "020 123 45 678",
            "0020 1234567",
            "12345678",
            "+32 2 123 45 67",
            "+31",
            "14",
            "14 20",
            "0800 12",
            "020 123 45 67 toestel 3",
            "06\u{202e}12345678",
        ] {
            assert_eq!(phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_team_is_a_short_line() {
        assert_eq!(team("  Buurtteam Noord "), Some("Buurtteam Noord"));
        assert_eq!(team(""), None);
        assert_eq!(team("   "), None);
        assert_eq!(team("Buurtteam\nNoord"), None);
        assert_eq!(team(&"x".repeat(61)), None);
        assert!(team(&"é".repeat(60)).is_some());
    }
}
