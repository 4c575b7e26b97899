//! Days and moments as people read and write them. Days are read as Dutch
//! workers write them: `1-12-2026`, `01-12-2026`, and the ISO `2026-12-01`
//! that tools and spreadsheets use. One reader, so a date typed at a
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

/// The day `s` names, or `None` when it is not a real day in one of the
/// accepted forms.
pub fn parse(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<i16>().ok())
            .flatten()
    };
    let (year, month, day) = match (digits(a, 4..=4), digits(c, 4..=4)) {
        (Some(y), None) => (y, digits(b, 2..=2)?, digits(c, 2..=2)?),
        (None, Some(y)) => (y, digits(b, 1..=2)?, digits(a, 1..=2)?),
        _ => return None,
    };
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
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
