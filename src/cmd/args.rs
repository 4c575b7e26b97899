//! Arguments several commands take alike: which notes (the filters of
//! `list`, `export --all`, `bundle` and `agenda`) and text or JSON
//! (`list`, `questions`).

use clap::{Args, ValueEnum};
use jiff::civil::Date;

use crate::domain::day;
use crate::domain::filter::{self, Filter, VerdictIs};
use crate::domain::outcome::Status;
use crate::i18n::{self, Phrase};
use crate::render::Meeting;

/// Which notes to take.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Alleen notities van deze dag of later (1-12-2026, 1-12, 1 december, of 30d of 2w terug)
    #[arg(long, visible_alias = "sinds", value_name = "DATUM", value_parser = filter::parse_date)]
    pub since: Option<Date>,
    /// Alleen notities van deze dag of eerder (1-12-2026, 1-12, 1 december, of 30d of 2w terug)
    #[arg(long, visible_alias = "tot", value_name = "DATUM", value_parser = filter::parse_date)]
    pub until: Option<Date>,
    /// Alleen notities waarin deze tekst voorkomt (hoofdletters maken niet uit)
    #[arg(long, visible_alias = "zoek", value_name = "TEKST")]
    pub search: Option<String>,
    /// Alleen notities met dit oordeel, bijvoorbeeld wet=nee (mag vaker)
    #[arg(long, visible_alias = "oordeel", value_name = "VRAAG=OORDEEL", value_parser = filter::parse_verdict)]
    pub verdict: Vec<VerdictIs>,
    /// Alleen structurele casussen
    #[arg(long, visible_alias = "structureel")]
    pub structural: bool,
    /// Alleen casussen die zo staan na de bespreking (zie afloop)
    #[arg(long, visible_alias = "stand", value_enum, value_name = "STAND")]
    pub status: Option<Status>,
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            since: self.since,
            until: self.until,
            verdicts: self.verdict.clone(),
            structural: self.structural,
            search: self.search.clone(),
            status: self.status,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.search.is_none()
            && self.verdict.is_empty()
            && !self.structural
            && self.status.is_none()
    }
}

/// `--format` of a command that lists: for people or for tools.
#[derive(Debug, Args)]
pub struct FormatArgs {
    /// Uitvoer als tabel/tekst of als JSON
    #[arg(
        long,
        visible_alias = "formaat",
        value_enum,
        value_name = "FORMAAT",
        default_value = "text"
    )]
    pub format: ListFormat,
}

/// The meeting a page is made for.
#[derive(Debug, Args)]
pub struct MeetingArgs {
    /// De dag van het overleg, op de pagina (1-12-2026, of 1-12 of 1 december: de eerstvolgende); zonder: een lege regel om in te vullen
    #[arg(long, visible_alias = "overleg", value_name = "DATUM", value_parser = meeting_day)]
    pub meeting: Option<Date>,
}

impl MeetingArgs {
    pub fn meeting(&self) -> Meeting {
        Meeting { day: self.meeting }
    }
}

/// The meeting's day, as the one date reader reads it: without a year,
/// the next such day.
fn meeting_day(s: &str) -> Result<Date, Phrase> {
    day::read(s, day::today(), day::Toward::Next)
        .ok_or_else(|| Phrase::new(i18n::ERR_DAY, &[("value", s)]))
}

/// `--format` of a report (the bundle, the signals).
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Uitvoer voor de terminal, als Markdown, als CSV (één rij per regel) of als JSON
    #[arg(
        long,
        visible_alias = "formaat",
        value_enum,
        value_name = "FORMAAT",
        default_value = "text"
    )]
    pub format: ReportFormat,
}

/// A report's forms (the bundle, the signals): the terminal's text,
/// Markdown for a meeting, CSV for policy staff's spreadsheets, JSON for
/// tools and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    #[value(alias = "tekst")]
    Text,
    Markdown,
    Csv,
    Json,
}

/// A list for people (a table, text) or for tools (JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    #[value(alias = "tekst")]
    Text,
    Json,
}
