//! Which notes a command looks at: by date, verdict, scope and text.

use jiff::civil::Date;

use crate::domain::answer::{Scope, Verdict};
use crate::domain::day;
use crate::domain::outcome::Status;
use crate::domain::record::Record;
use crate::domain::summary::Summary;
use crate::i18n::{self, Phrase};

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
    /// Where the case stands after the discussion.
    pub status: Option<Status>,
}

impl Filter {
    /// Whether a note passes every condition but the text search, which
    /// needs the notes' text (see `Store::search`).
    pub fn keeps(&self, s: &Summary) -> bool {
        let day = crate::domain::day::local(s.created);
        let t = &s.triangle;
        self.keeps_case(
            |d| day >= d,
            |d| day <= d,
            [t.law, t.money, t.self_direction],
            s.scope,
            s.status,
        )
    }

    /// Whether a record of an anonymous export passes. Dates count by
    /// month: a record knows only the month its note was made.
    pub fn keeps_record(&self, r: &Record) -> bool {
        let month = |d: Date| format!("{:04}-{:02}", d.year(), d.month());
        self.keeps_case(
            |d| r.month >= month(d),
            |d| r.month <= month(d),
            [r.law, r.money, r.self_direction],
            r.scope,
            r.status,
        )
    }

    /// The conditions, over what a case says: whether it was made on or
    /// after a day, on or before one, its verdicts (law, money,
    /// self-direction), scope and status.
    fn keeps_case(
        &self,
        on_or_after: impl Fn(Date) -> bool,
        on_or_before: impl Fn(Date) -> bool,
        verdicts: [Option<Verdict>; 3],
        scope: Option<Scope>,
        status: Status,
    ) -> bool {
        let verdict_of = |c: Corner| match c {
            Corner::Law => verdicts[0],
            Corner::Money => verdicts[1],
            Corner::SelfDirection => verdicts[2],
        };
        self.since.is_none_or(on_or_after)
            && self.until.is_none_or(on_or_before)
            && self
                .verdicts
                .iter()
                .all(|v| verdict_of(v.corner) == Some(v.verdict))
            && (!self.structural || scope == Some(Scope::Structureel))
            && self.status.is_none_or(|st| status == st)
    }
}

/// Reads `wet=nee`, `law=no`, `zelfregie=twijfel`, …
pub fn parse_verdict(s: &str) -> Result<VerdictIs, Phrase> {
    let (corner, verdict) = s
        .split_once('=')
        .ok_or_else(|| Phrase::new(i18n::ERR_VERDICT_FORM, &[("value", s)]))?;
    let corner = match corner.trim().to_lowercase().as_str() {
        "wet" | "law" => Corner::Law,
        "middelen" | "money" => Corner::Money,
        "zelfregie" | "self" => Corner::SelfDirection,
        other => {
            return Err(Phrase::new(i18n::ERR_VERDICT_CORNER, &[("value", other)]));
        }
    };
    let verdict = match verdict.trim().to_lowercase().as_str() {
        "ja" | "yes" => Verdict::Ja,
        "nee" | "no" => Verdict::Nee,
        "twijfel" | "doubt" => Verdict::Twijfel,
        other => {
            return Err(Phrase::new(i18n::ERR_VERDICT_VALUE, &[("value", other)]));
        }
    };
    Ok(VerdictIs { corner, verdict })
}

/// Reads a day as people write it: `1-12-2026`, `01-12-2026`,
/// `2026-12-01`, `1-12` or `1 december` (the most recent one), or counted
/// back from today: `30d` (days), `2w` (weeks).
pub fn parse_date(s: &str) -> Result<Date, Phrase> {
    parse_date_on(s, day::today())
}

/// [`parse_date`] with `today` given, so it can be tested.
pub fn parse_date_on(s: &str, today: Date) -> Result<Date, Phrase> {
    let t = s.trim();
    let bad = || Phrase::new(i18n::ERR_DATE, &[("value", s)]);
    let number = |n: &str| n.parse::<i64>().ok().filter(|n| (0..=36_500).contains(n));
    if let Some(days) = t.strip_suffix('d').and_then(number) {
        return today
            .checked_sub(jiff::Span::new().days(days))
            .map_err(|_| bad());
    }
    if let Some(weeks) = t.strip_suffix('w').and_then(number) {
        return today
            .checked_sub(jiff::Span::new().weeks(weeks))
            .map_err(|_| bad());
    }
    day::read(t, today, day::Toward::Past).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::note::Triangle;

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
            case: None,
            practice: None,
            status: Status::Open,
            days_to_decision: None,
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
        assert!(
            parse_verdict("wet")
                .unwrap_err()
                .to_string()
                .contains("wet=nee")
        );
        assert!(parse_verdict("kosten=ja").is_err());
        assert!(parse_verdict("wet=misschien").is_err());
        assert!(parse_date("2026-13-01").is_err());
        assert_eq!(parse_date("2026-03-01").unwrap().to_string(), "2026-03-01");
        let today = Date::new(2026, 12, 31).unwrap();
        let on = |s: &str| parse_date_on(s, today).map(|d| d.to_string());
        assert_eq!(on("1-12-2026").unwrap(), "2026-12-01");
        assert_eq!(on("01-12-2026").unwrap(), "2026-12-01");
        assert_eq!(on(" 2026-12-01 ").unwrap(), "2026-12-01");
        assert_eq!(on("30d").unwrap(), "2026-12-01");
        assert_eq!(on("2w").unwrap(), "2026-12-17");
        assert_eq!(on("0d").unwrap(), "2026-12-31");
        // Without a year: the most recent such day.
        assert_eq!(on("1-12").unwrap(), "2026-12-01");
        assert_eq!(on("1 december").unwrap(), "2026-12-01");
        let on_15_nov = |s: &str| parse_date_on(s, Date::new(2026, 11, 15).unwrap());
        assert_eq!(on_15_nov("1-12").unwrap().to_string(), "2025-12-01");
        assert_eq!(on_15_nov("1 dec").unwrap().to_string(), "2025-12-01");
        for bad in [
            "31-2-2026",
            "2026-1-5",
            "12/01/2026",
            "1-12-26",
            "d",
            "-3d",
            "30x",
            "",
            "1-1-1-2026",
        ] {
            let err = on(bad).unwrap_err().said(crate::i18n::Lang::Nl);
            assert!(
                err.contains("1-12-2026") && err.contains("30d"),
                "{bad}: {err}"
            );
        }
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
