//! Which notes a command looks at: by date, verdict, scope and text.

use jiff::civil::Date;

use crate::index::Summary;
use crate::note::{Scope, Verdict};

/// One of the three corners of the triangle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corner {
    Law,
    Money,
    SelfDirection,
}

/// `wet=nee`: the notes whose law verdict is "nee".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerdictIs {
    pub corner: Corner,
    pub verdict: Verdict,
}

#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Made on or after this day (the reader's time zone).
    pub since: Option<Date>,
    /// Made on or before this day.
    pub until: Option<Date>,
    pub verdicts: Vec<VerdictIs>,
    pub structural: bool,
    /// Text to look for in the answers, in any case.
    pub search: Option<String>,
}

impl Filter {
    /// Whether a note passes every condition but the text search, which
    /// needs the notes' text (see `Store::search`).
    pub fn keeps(&self, s: &Summary) -> bool {
        let day = || {
            s.created
                .to_zoned_datetime(jiff::tz::TimeZone::system())
                .date()
        };
        let verdict_of = |c: Corner| match c {
            Corner::Law => s.triangle.law,
            Corner::Money => s.triangle.money,
            Corner::SelfDirection => s.triangle.self_direction,
        };
        self.since.is_none_or(|d| day() >= d)
            && self.until.is_none_or(|d| day() <= d)
            && self
                .verdicts
                .iter()
                .all(|v| verdict_of(v.corner) == Some(v.verdict))
            && (!self.structural || s.scope == Some(Scope::Structureel))
    }
}

/// Reads `wet=nee`, `law=no`, `zelfregie=twijfel`, …
pub fn parse_verdict(s: &str) -> Result<VerdictIs, String> {
    let (corner, verdict) = s
        .split_once('=')
        .ok_or_else(|| format!("'{s}': use QUESTION=VERDICT, for example wet=nee"))?;
    let corner = match corner.trim().to_lowercase().as_str() {
        "wet" | "law" => Corner::Law,
        "middelen" | "money" => Corner::Money,
        "zelfregie" | "self" => Corner::SelfDirection,
        other => {
            return Err(format!(
                "'{other}' is not wet, middelen or zelfregie (law, money, self)"
            ));
        }
    };
    let verdict = match verdict.trim().to_lowercase().as_str() {
        "ja" | "yes" => Verdict::Ja,
        "nee" | "no" => Verdict::Nee,
        "twijfel" | "doubt" => Verdict::Twijfel,
        other => {
            return Err(format!(
                "'{other}' is not ja, nee or twijfel (yes, no, doubt)"
            ));
        }
    };
    Ok(VerdictIs { corner, verdict })
}

/// Reads a day as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    s.trim()
        .parse::<Date>()
        .map_err(|_| format!("'{s}' is not a date; write it as YYYY-MM-DD, for example 2026-03-01"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::Triangle;

    fn summary(created: &str, law: Option<Verdict>, scope: Option<Scope>) -> Summary {
        let ts: jiff::Timestamp = created.parse().unwrap();
        Summary {
            id: "x".into(),
            created: ts,
            updated: ts,
            title: String::new(),
            triangle: Triangle {
                law,
                ..Triangle::default()
            },
            scope,
            revises: None,
            practice: None,
        }
    }

    #[test]
    fn verdicts_and_dates_are_read_in_both_languages() {
        assert_eq!(
            parse_verdict("wet=nee"),
            Ok(VerdictIs {
                corner: Corner::Law,
                verdict: Verdict::Nee
            })
        );
        assert_eq!(
            parse_verdict("Self = Doubt"),
            Ok(VerdictIs {
                corner: Corner::SelfDirection,
                verdict: Verdict::Twijfel
            })
        );
        assert!(parse_verdict("wet").unwrap_err().contains("wet=nee"));
        assert!(parse_verdict("kosten=ja").is_err());
        assert!(parse_verdict("wet=misschien").is_err());
        assert!(parse_date("2026-13-01").is_err());
        assert_eq!(parse_date("2026-03-01").unwrap().to_string(), "2026-03-01");
    }

    #[test]
    fn every_condition_must_hold() {
        let s = summary(
            "2026-03-10T12:00:00Z",
            Some(Verdict::Nee),
            Some(Scope::Structureel),
        );
        let mut f = Filter::default();
        assert!(f.keeps(&s));
        f.since = Some(parse_date("2026-03-10").unwrap());
        f.until = Some(parse_date("2026-03-10").unwrap());
        f.structural = true;
        f.verdicts.push(parse_verdict("wet=nee").unwrap());
        assert!(f.keeps(&s));
        f.verdicts.push(parse_verdict("middelen=ja").unwrap());
        assert!(!f.keeps(&s));
        let incidental = summary(
            "2026-03-10T12:00:00Z",
            Some(Verdict::Nee),
            Some(Scope::Incidenteel),
        );
        f.verdicts.pop();
        assert!(!f.keeps(&incidental));
        f.since = Some(parse_date("2026-03-11").unwrap());
        assert!(!f.keeps(&s));
    }
}
