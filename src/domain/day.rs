//! Days and moments as people read and write them. Days are read as Dutch
//! workers write them: `1-12-2026`, `01-12-2026`, `1 december 2026`, the
//! ISO `2026-12-01` that tools and spreadsheets use, and without a year:
//! `1-12`, `1 december`, `1 dec`. One reader, so a date typed at a
//! prompt, in an answers file or in a filter reads the same; and one
//! writer, so every date a person reads is written here.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::i18n::Lang;

/// The day of a moment in the reader's time zone: the day a note was
/// made, as filters, outcomes and bundles count it.
pub fn local(ts: Timestamp) -> Date {
    zoned(ts).date()
}

fn zoned(ts: Timestamp) -> jiff::ZonedDateTime {
    ts.to_zoned_datetime(jiff::tz::TimeZone::system())
}

/// Which day a date without a year means: a day that happened (a filter's
/// `--sinds`, the day of a decision) is the most recent one, today
/// included; a day ahead (a meeting, a deadline) is the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toward {
    Past,
    Next,
}

/// Today in the reader's time zone.
pub fn today() -> Date {
    local(Timestamp::now())
}

/// The day `s` names, or `None` when it is not a real day in one of the
/// accepted forms. A day without a year is placed by `toward`, seen from
/// `today`.
pub fn read(s: &str, today: Date, toward: Toward) -> Option<Date> {
    let (day, month, year) = parts(s)?;
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    if let Some(year) = year {
        return Date::new(year, month, day).ok();
    }
    // The nearest year on the chosen side in which the day exists (29
    // February waits for a leap year).
    let step: i16 = match toward {
        Toward::Past => -1,
        Toward::Next => 1,
    };
    (0..8)
        .filter_map(|i| Date::new(today.year().checked_add(step * i)?, month, day).ok())
        .find(|d| match toward {
            Toward::Past => *d <= today,
            Toward::Next => *d >= today,
        })
}

/// The day `s` names with its year written out: what a stored value or a
/// file meant to last holds.
pub fn parse(s: &str) -> Option<Date> {
    match parts(s)? {
        (day, month, Some(year)) => {
            Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
        }
        _ => None,
    }
}

/// Day, month and (when written) year of a date in one of the forms.
fn parts(s: &str) -> Option<(i16, i16, Option<i16>)> {
    let s = s.trim();
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<i16>().ok())
            .flatten()
    };
    let words: Vec<&str> = s.split_whitespace().collect();
    if let [day, month, rest @ ..] = &words[..] {
        let year = match rest {
            [] => None,
            [year] => Some(digits(year, 4..=4)?),
            _ => return None,
        };
        return Some((digits(day, 1..=2)?, month_named(month)?, year));
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts[..] {
        [a, b] => Some((digits(a, 1..=2)?, digits(b, 1..=2)?, None)),
        [a, b, c] => match (digits(a, 4..=4), digits(c, 4..=4)) {
            (Some(y), None) => Some((digits(c, 2..=2)?, digits(b, 2..=2)?, Some(y))),
            (None, Some(y)) => Some((digits(a, 1..=2)?, digits(b, 1..=2)?, Some(y))),
            _ => None,
        },
        _ => None,
    }
}

/// The month a word names, Dutch or English, written out or cut short
/// (`december`, `dec`, `dec.`, `mrt`, `March`).
fn month_named(word: &str) -> Option<i16> {
    const NAMES: [&[&str]; 12] = [
        &["januari", "jan", "january"],
        &["februari", "feb", "february"],
        &["maart", "mrt", "mar", "maa", "march"],
        &["april", "apr"],
        &["mei", "may"],
        &["juni", "jun", "june"],
        &["juli", "jul", "july"],
        &["augustus", "aug", "august"],
        &["september", "sep", "sept"],
        &["oktober", "okt", "oct", "october"],
        &["november", "nov"],
        &["december", "dec"],
    ];
    let word = word.trim_end_matches('.').to_lowercase();
    let month = NAMES
        .iter()
        .position(|names| names.contains(&word.as_str()))?;
    i16::try_from(month + 1).ok()
}

/// A day as a reader expects it: `1 dec. 2026` in Dutch, `1 Dec 2026` in
/// English.
pub fn display(d: Date, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let months = match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    };
    let month = months[usize::try_from(d.month() - 1).unwrap_or(0)];
    format!("{} {month} {}", d.day(), d.year())
}

/// A day written out for anyone to read, with its weekday: `dinsdag
/// 8 december 2026`, `Tuesday 8 December 2026`.
pub fn written(d: Date, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const NL_DAYS: [&str; 7] = [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ];
    const EN_DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let (months, days) = match lang {
        Lang::Nl => (NL, NL_DAYS),
        Lang::En => (EN, EN_DAYS),
    };
    let month = months[usize::try_from(d.month() - 1).unwrap_or(0)];
    let weekday = days[usize::try_from(d.weekday().to_monday_zero_offset()).unwrap_or(0)];
    format!("{weekday} {} {month} {}", d.day(), d.year())
}

/// The day of a moment in running text, in the reader's time zone.
pub fn display_moment(ts: Timestamp, lang: Lang) -> String {
    display(local(ts), lang)
}

/// The date of a moment in a table, in the reader's time zone: the same
/// width on every row (Dutch `01-12-2026`, English `2026-12-01`).
pub fn in_table(ts: Timestamp, lang: Lang) -> String {
    let format = match lang {
        Lang::Nl => "%d-%m-%Y",
        Lang::En => "%Y-%m-%d",
    };
    zoned(ts).strftime(format).to_string()
}

/// A moment to the minute, for a note's history (`01-12-2026 14:05`).
pub fn moment(ts: Timestamp, lang: Lang) -> String {
    format!("{} {}", in_table(ts, lang), clock(ts))
}

/// The time of day of a moment, in the reader's time zone (`14:05`).
pub fn clock(ts: Timestamp) -> String {
    zoned(ts).strftime("%H:%M").to_string()
}

/// A day as a person types it (`1-12-2026`), to edit at a prompt: what
/// [`parse`] reads back.
pub fn typed(d: Date) -> String {
    d.strftime("%-d-%-m-%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_written_out_has_its_weekday() {
        let d = jiff::civil::date(2026, 12, 8);
        assert_eq!(written(d, Lang::Nl), "dinsdag 8 december 2026");
        assert_eq!(written(d, Lang::En), "Tuesday 8 December 2026");
        let d = jiff::civil::date(2027, 3, 1);
        assert_eq!(written(d, Lang::Nl), "maandag 1 maart 2027");
    }

    #[test]
    fn days_read_as_dutch_workers_and_tools_write_them() {
        for s in ["1-12-2026", "01-12-2026", "2026-12-01", " 1-12-2026 "] {
            assert_eq!(parse(s).unwrap().to_string(), "2026-12-01", "{s}");
        }
        for s in [
            "",
            "2026-13-01",
            "31-2-2026",
            "12/1/2026",
            "1-12-26",
            "2026-1-1",
            "+1-12-2026",
            "1-12-2026-1",
            "٢-١٢-٢٠٢٦",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
        for s in ["1-12", "1-12-2026", "1 dec"] {
            assert_eq!(
                parse(s).is_some(),
                s.len() > 5,
                "{s}: a stored day has its year"
            );
        }
        let d = parse("3-5-2026").unwrap();
        assert_eq!(display(d, Lang::Nl), "3 mei 2026");
        assert_eq!(display(d, Lang::En), "3 May 2026");
        assert_eq!(
            display(parse("1-12-2026").unwrap(), Lang::Nl),
            "1 dec. 2026"
        );
        assert_eq!(
            display(parse("31-5-2026").unwrap(), Lang::Nl),
            "31 mei 2026"
        );
        assert_eq!(display(parse("9-3-2026").unwrap(), Lang::En), "9 Mar 2026");
        assert_eq!(parse(&typed(d)), Some(d));
    }

    #[test]
    fn a_day_without_a_year_is_the_last_one_for_what_happened_and_the_next_one_ahead() {
        let today = Date::new(2026, 11, 15).unwrap();
        let past = |s: &str| read(s, today, Toward::Past).map(|d| d.to_string());
        let next = |s: &str| read(s, today, Toward::Next).map(|d| d.to_string());
        for s in [
            "1-12",
            "01-12",
            "1 december",
            "1 dec",
            "1 dec.",
            "1 Dec",
            "1 December",
        ] {
            assert_eq!(past(s).as_deref(), Some("2025-12-01"), "{s}");
            assert_eq!(next(s).as_deref(), Some("2026-12-01"), "{s}");
        }
        for s in ["1-11", "1 nov", "1 november"] {
            assert_eq!(past(s).as_deref(), Some("2026-11-01"), "{s}");
            assert_eq!(next(s).as_deref(), Some("2027-11-01"), "{s}");
        }
        // Today is today either way.
        assert_eq!(past("15-11").as_deref(), Some("2026-11-15"));
        assert_eq!(next("15 nov").as_deref(), Some("2026-11-15"));
        // With a year, the year is what counts.
        assert_eq!(past("1 december 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(next("3 mrt 2025").as_deref(), Some("2025-03-03"));
        assert_eq!(next("1-12-2026").as_deref(), Some("2026-12-01"));
        // 29 February waits for a leap year.
        assert_eq!(next("29-2").as_deref(), Some("2028-02-29"));
        assert_eq!(past("29 feb").as_deref(), Some("2024-02-29"));
        for bad in [
            "31-2",
            "1 decembre",
            "32 dec",
            "1 dec 26",
            "1-13",
            "dec 1",
            "1 1 dec",
            "1-",
            "-12",
        ] {
            assert_eq!(past(bad), None, "{bad}");
        }
    }

    #[test]
    fn moments_in_the_readers_time_zone() {
        let ts: Timestamp = "2026-12-01T09:30:00Z".parse().unwrap();
        // Tests run with TZ=UTC or the machine's.
        let local = zoned(ts);
        let (y, m, dd) = (local.year(), local.month(), local.day());
        assert_eq!(in_table(ts, Lang::Nl), format!("{dd:02}-{m:02}-{y}"));
        assert_eq!(in_table(ts, Lang::En), format!("{y}-{m:02}-{dd:02}"));
        assert!(moment(ts, Lang::Nl).ends_with(&local.strftime(" %H:%M").to_string()));
        assert_eq!(
            display_moment(ts, Lang::Nl),
            display(local.date(), Lang::Nl)
        );
    }
}
