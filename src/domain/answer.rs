//! An answer and what it is made of: its kind, value, amount, cost and
//! period, and the verdicts and scope the method reads from answers. The
//! floor of the domain: it imports nothing from the crate but the language
//! layer and the day reader, so every other module can stand on it.

use serde::{Deserialize, Serialize};

use crate::i18n::{self, Lang};

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One line of text.
    Text,
    /// Free text over several lines; the walk offers the editor.
    Long,
    Choice,
    Multi,
    Scale,
    /// Euros.
    Amount,
    YesNo,
    /// Euros or "weet ik niet", with the period the sum covers.
    Cost,
    /// A day, written as people write it (`1-12-2026`).
    Date,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Long => "long",
            Kind::Choice => "choice",
            Kind::Multi => "multi",
            Kind::Scale => "scale",
            Kind::Amount => "amount",
            Kind::YesNo => "yesno",
            Kind::Cost => "cost",
            Kind::Date => "date",
        }
    }
}

/// The longest answer accepted, in bytes: a case note is no place for
/// pasted documents.
pub const MAX_ANSWER: usize = 64 * 1024;

/// The longest one-line answer (a title, a rule line, a role), in
/// characters: anything longer is no line. The same limit a bundle holds
/// every text of an anonymous export to, so what is typed always bundles.
pub const MAX_LINE: usize = 500;

/// The largest amount accepted, in cents: € 100 billion, beyond any
/// municipality's budget. A bundle refuses more, so the walk does too.
pub const MAX_CENTS: i64 = 10_000_000_000_000;

/// The years a day may lie in (a decision, a deadline, a signal): a day
/// outside them is a typing mistake or a clock gone wrong, and a bundle
/// refuses it.
pub const YEARS: std::ops::RangeInclusive<i16> = 1990..=2100;

impl Euros {
    /// Whether a bundle counts this amount: none above [`MAX_CENTS`].
    pub fn within_limit(self) -> bool {
        (0..=MAX_CENTS).contains(&self.0)
    }
}

/// Answers by question id, in the order of the set.
pub type Answers = Vec<(String, Answer)>;

/// An amount of money, kept in euro cents so sums stay exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "toml::Value", into = "toml::Value")]
pub struct Euros(pub i64);

impl Euros {
    /// Reads an amount as people write it: `24000`, `24.000`, `€ 1.250,50`,
    /// `1250.50`. A dot followed by exactly three digits is a thousands
    /// separator (Dutch habit); otherwise it is a decimal point. Commas
    /// between groups of three, before an optional decimal point (`9,000`,
    /// `1,250.50`), are thousands separators too: the English habit, and
    /// how the tool itself writes an amount in English.
    ///
    /// Around the number it reads what people write with it: "ca.",
    /// "ongeveer", "±" before it, "€", "eur" or "euro" before or after
    /// it, ",-" after it, and a remark in brackets ("(3 dagdelen)").
    pub fn parse(raw: &str) -> Option<Euros> {
        let s: String = bare_amount(raw)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect();
        if s.is_empty() || s.starts_with('-') {
            return None;
        }
        let normal = if is_comma_grouped(&s) {
            s.replace(',', "")
        } else if s.contains(',') {
            s.replace('.', "").replace(',', ".")
        } else if is_thousands_grouped(&s) {
            s.replace('.', "")
        } else {
            s
        };
        let (whole, frac) = match normal.split_once('.') {
            Some((w, f)) => (w, f),
            None => (normal.as_str(), ""),
        };
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > 2
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let cents: i64 = format!("{frac:0<2}").parse().ok()?;
        whole.checked_mul(100)?.checked_add(cents).map(Euros)
    }

    pub fn display(self, lang: Lang) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, cents) = (abs / 100, abs % 100);
        let (group, decimal) = match lang {
            Lang::Nl => ('.', ','),
            Lang::En => (',', '.'),
        };
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(c);
        }
        let tail = if cents == 0 {
            String::new()
        } else {
            format!("{decimal}{cents:02}")
        };
        match lang {
            Lang::Nl => format!("{sign}€ {grouped}{tail}"),
            Lang::En => format!("{sign}€{grouped}{tail}"),
        }
    }
}

/// Words before an amount that say it is an estimate.
const ABOUT: [&str; 14] = [
    "ongeveer",
    "ong.",
    "circa",
    "ca.",
    "ca",
    "plm.",
    "zo'n",
    "rond",
    "about",
    "approximately",
    "approx.",
    "around",
    "roughly",
    "+/-",
];

/// The currency's names, before or after an amount.
const CURRENCY: [&str; 5] = ["€", "euros", "euro", "eur", "eu"];

/// The number in an amount as people write it: without a remark in
/// brackets, a word of estimate before it, the currency before or after
/// it and ",-" after it. Lowercase; the number itself is untouched.
fn bare_amount(raw: &str) -> String {
    let mut s = without_remarks(raw).trim().to_lowercase().replace('’', "'");
    // A word needs a break after it ("ca3" is no estimate); a sign does not.
    let strip = |s: &str, word: &str| -> Option<String> {
        let rest = s.strip_prefix(word)?;
        let glued = word.ends_with(|c: char| c.is_alphabetic());
        (!glued || rest.starts_with(|c: char| !c.is_alphanumeric()))
            .then(|| rest.trim_start().to_string())
    };
    loop {
        let before = s.clone();
        for word in ABOUT.iter().chain(&CURRENCY).chain(&["~", "±"]) {
            if let Some(rest) = strip(&s, word) {
                s = rest;
            }
        }
        for word in CURRENCY {
            if let Some(rest) = s.strip_suffix(word)
                && (!word.ends_with(char::is_alphabetic) || !rest.ends_with(char::is_alphabetic))
            {
                s = rest.trim_end().to_string();
            }
        }
        for tail in [",-", ".-", ",--"] {
            if let Some(rest) = s.strip_suffix(tail) {
                s = rest.trim_end().to_string();
            }
        }
        if s == before {
            return s;
        }
    }
}

/// Text without its remarks in brackets: "€ 9.000 (3 dagdelen)" is
/// "€ 9.000 ". A bracket left open keeps the text as it is.
fn without_remarks(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('(') {
        return raw.into();
    }
    let mut out = String::with_capacity(raw.len());
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    if depth > 0 { raw.into() } else { out.into() }
}

fn is_thousands_grouped(s: &str) -> bool {
    let mut parts = s.split('.');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && rest.iter().all(|p| p.len() == 3)
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// `9,000`, `12,500,000`, `1,250.50`: digits grouped by commas in threes,
/// then at most a decimal point and cents. A Dutch decimal comma never has
/// three digits after it, so no amount that reads the Dutch way reads
/// differently here.
fn is_comma_grouped(s: &str) -> bool {
    let (whole, cents) = s.split_once('.').unwrap_or((s, "00"));
    let mut parts = whole.split(',');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && rest.iter().all(|p| p.len() == 3)
        && (1..=2).contains(&cents.len())
        && whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && cents.bytes().all(|b| b.is_ascii_digit())
}

impl TryFrom<toml::Value> for Euros {
    type Error = String;
    fn try_from(v: toml::Value) -> Result<Self, String> {
        match v {
            toml::Value::Integer(i) if i >= 0 => i.checked_mul(100).map(Euros),
            toml::Value::Float(f) if f >= 0.0 && f.is_finite() && f < 1e15 => {
                Some(Euros((f * 100.0).round() as i64))
            }
            toml::Value::String(s) => Euros::parse(&s),
            _ => None,
        }
        .ok_or_else(|| "not an amount in euros".to_string())
    }
}

impl From<Euros> for toml::Value {
    fn from(e: Euros) -> toml::Value {
        if e.0 % 100 == 0 {
            toml::Value::Integer(e.0 / 100)
        } else {
            toml::Value::Float(e.0 as f64 / 100.0)
        }
    }
}

/// One answer, typed by the kind of question it answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Text(String),
    Choice(String),
    Multi(Vec<String>),
    Scale(i64),
    Amount(Euros),
    YesNo(bool),
    /// An amount (or "weet ik niet") over a period.
    Cost(Cost),
    Date(jiff::civil::Date),
}

/// How long a cost runs: what makes two sums comparable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    PerYear,
    OneOff,
    /// The amount is the total over this many years (1 to 50).
    Years(u32),
}

impl Period {
    pub const MAX_YEARS: u32 = 50;

    /// Reads a period as people write it: `jaar`, `per jaar`, `eenmalig`,
    /// `3 jaar`, `over 3 jaar`, and the English words.
    /// Written after an amount it may be short: `p/j`, `/jaar`, `pj`.
    pub fn parse(raw: &str) -> Option<Period> {
        let s = without_remarks(raw).trim().to_lowercase();
        let s = ["over ", "voor "]
            .iter()
            .find_map(|w| s.strip_prefix(w))
            .unwrap_or(&s)
            .trim();
        match s {
            "jaar" | "per jaar" | "jaarlijks" | "p/j" | "p.j." | "pj" | "/jaar" | "/j"
            | "per j." | "year" | "per year" | "a year" | "yearly" | "/year" | "/yr" | "p/y"
            | "p.a." => {
                return Some(Period::PerYear);
            }
            "eenmalig" | "one-off" | "one off" | "once" => return Some(Period::OneOff),
            _ => {}
        }
        let (n, unit) = s.split_once(' ')?;
        let n: u32 = n.parse().ok()?;
        (matches!(unit.trim(), "jaar" | "jaren" | "year" | "years")
            && (1..=Period::MAX_YEARS).contains(&n))
        .then_some(Period::Years(n))
    }

    /// The period as the file writes it: `jaar`, `eenmalig`, `3 jaar`.
    pub fn value(self) -> String {
        match self {
            Period::PerYear => "jaar".to_string(),
            Period::OneOff => "eenmalig".to_string(),
            Period::Years(n) => format!("{n} jaar"),
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            Period::PerYear => i18n::PERIOD_YEAR.get(lang).to_string(),
            Period::OneOff => i18n::PERIOD_ONCE.get(lang).to_string(),
            Period::Years(n) => i18n::PERIOD_YEARS.with(lang, &[("years", &i18n::years(n, lang))]),
        }
    }

    /// The years a sum with this period covers; a one-off sum covers one.
    fn years(self) -> u32 {
        match self {
            Period::Years(n) => n,
            Period::PerYear | Period::OneOff => 1,
        }
    }
}

/// A cost as a worker estimates it: an amount, or "weet ik niet" (never
/// taken for 0), and the period it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "toml::Value", into = "toml::Value")]
pub struct Cost {
    /// `None`: the worker does not know yet.
    pub amount: Option<Euros>,
    pub period: Period,
}

/// The words that mean "I don't know the amount", in either language.
const UNKNOWN_WORDS: [&str; 6] = [
    "weet ik niet",
    "weet niet",
    "onbekend",
    "unknown",
    "don't know",
    "dont know",
];

impl Cost {
    pub const UNKNOWN: &str = "onbekend";

    /// A cost as typed on one line: an amount as people write it, with
    /// the period after it when it is written there (`€ 9.000 per jaar`,
    /// `3.500 p/j`, `1.200 eenmalig`). `None` when no amount can be read.
    pub fn read_typed(raw: &str) -> Option<(Euros, Option<Period>)> {
        if let Some(e) = Euros::parse(raw) {
            return Some((e, None));
        }
        // What is typed on one line is short; longer is no amount.
        let text = without_remarks(raw);
        if text.len() > 100 {
            return None;
        }
        text.char_indices()
            .skip(1)
            .find_map(|(i, _)| Some((Euros::parse(&text[..i])?, Some(Period::parse(&text[i..])?))))
    }

    /// Whether typed text says the amount is not known.
    pub fn is_unknown_word(s: &str) -> bool {
        let s = s.trim().to_lowercase().replace('’', "'");
        UNKNOWN_WORDS.contains(&s.as_str())
    }

    /// The amount in one year on average, for sums across notes: a one-off
    /// sum counts in its year, a sum over n years counts 1/n per year.
    pub fn yearly(self) -> Option<Euros> {
        let a = self.amount?;
        Some(match self.period {
            Period::Years(n) => Euros(a.0 / i64::from(n)),
            Period::PerYear | Period::OneOff => a,
        })
    }

    /// The part of the cost that falls within a horizon of `years` years:
    /// a yearly sum `years` times, a one-off sum once, a sum over n years
    /// all of it when n fits, else its share of the years within. What a
    /// bundle compares every case over.
    pub fn within(self, years: u32) -> Option<Euros> {
        let a = self.amount?;
        Some(match self.period {
            // A tampered note may hold any amount: stop at the largest.
            Period::PerYear => Euros(a.0.saturating_mul(i64::from(years))),
            Period::OneOff => a,
            Period::Years(n) if n <= years => a,
            Period::Years(n) => {
                let share = i128::from(a.0) * i128::from(years) / i128::from(n);
                Euros(i64::try_from(share).unwrap_or(i64::MAX))
            }
        })
    }

    /// The total over `years` years.
    fn over(self, years: u32) -> Option<Euros> {
        let a = self.amount?;
        Some(match self.period {
            // A tampered note may hold any amount: stop at the largest.
            Period::PerYear => Euros(a.0.saturating_mul(i64::from(years))),
            Period::OneOff | Period::Years(_) => a,
        })
    }

    pub fn display(self, lang: Lang) -> String {
        match self.amount {
            None => i18n::COST_UNKNOWN.get(lang).to_string(),
            Some(a) => format!("{} {}", a.display(lang), self.period.label(lang)),
        }
    }
}

/// What is wrong with a written cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostProblem {
    NotATable,
    UnknownKey(String),
    NoAmount,
    Amount(String),
    Period(String),
    NoPeriod,
}

impl CostProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CostProblem::NotATable => i18n::ERR_COST_TABLE.get(lang).to_string(),
            CostProblem::UnknownKey(k) => i18n::ERR_COST_KEY.with(lang, &[("key", k)]),
            CostProblem::NoAmount => i18n::ERR_COST_NO_AMOUNT.get(lang).to_string(),
            CostProblem::Amount(v) => i18n::ERR_AMOUNT.with(lang, &[("value", v)]),
            CostProblem::Period(v) => i18n::ERR_PERIOD.with(lang, &[("value", v)]),
            CostProblem::NoPeriod => i18n::ERR_COST_NO_PERIOD.get(lang).to_string(),
        }
    }
}

impl Cost {
    /// `{ bedrag = 24000, periode = "jaar" }`, or `bedrag = "weet ik niet"`.
    pub fn read(v: &toml::Value) -> Result<Cost, CostProblem> {
        let toml::Value::Table(t) = v else {
            return Err(CostProblem::NotATable);
        };
        if let Some(k) = t.keys().find(|k| *k != "bedrag" && *k != "periode") {
            return Err(CostProblem::UnknownKey(k.clone()));
        }
        let amount = match t.get("bedrag") {
            Some(toml::Value::String(s)) if Cost::is_unknown_word(s) => None,
            Some(v) => Some(
                Euros::try_from(v.clone()).map_err(|_| CostProblem::Amount(display_value(v)))?,
            ),
            None => return Err(CostProblem::NoAmount),
        };
        let period = match t.get("periode") {
            Some(toml::Value::String(s)) => {
                Period::parse(s).ok_or_else(|| CostProblem::Period(s.clone()))?
            }
            Some(v) => return Err(CostProblem::Period(display_value(v))),
            None if amount.is_none() => Period::PerYear,
            None => return Err(CostProblem::NoPeriod),
        };
        Ok(Cost { amount, period })
    }
}

impl TryFrom<toml::Value> for Cost {
    type Error = String;
    fn try_from(v: toml::Value) -> Result<Self, String> {
        Cost::read(&v).map_err(|p| p.message(Lang::En))
    }
}

impl From<Cost> for toml::Value {
    fn from(c: Cost) -> toml::Value {
        let mut t = toml::Table::new();
        match c.amount {
            None => {
                t.insert("bedrag".into(), toml::Value::String(Cost::UNKNOWN.into()));
            }
            Some(a) => {
                t.insert("bedrag".into(), a.into());
                t.insert("periode".into(), toml::Value::String(c.period.value()));
            }
        }
        toml::Value::Table(t)
    }
}

/// Why a value is not an answer to a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    NotAChoice {
        value: String,
        allowed: Vec<String>,
    },
    Scale {
        min: i64,
        max: i64,
    },
    Amount(String),
    Cost(CostProblem),
    Date(String),
    /// "geen" or "weet ik nog niet" chosen together with other values.
    Exclusive(String),
    YesNo,
    TooLong,
    /// A one-line answer over [`MAX_LINE`] characters.
    LineTooLong,
    /// An amount over [`MAX_CENTS`].
    AmountTooLarge(Euros),
    /// A day outside [`YEARS`].
    DayOutOfRange(jiff::civil::Date),
    OneLine,
    Control,
    Type {
        expected: &'static str,
    },
}

impl Invalid {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Invalid::NotAChoice { value, allowed } => i18n::ERR_NOT_A_CHOICE
                .with(lang, &[("value", value), ("allowed", &allowed.join(", "))]),
            Invalid::Scale { min, max } => i18n::ERR_SCALE.with(
                lang,
                &[("min", &min.to_string()), ("max", &max.to_string())],
            ),
            Invalid::Amount(v) => i18n::ERR_AMOUNT.with(lang, &[("value", v)]),
            Invalid::Cost(why) => why.message(lang),
            Invalid::Date(v) => i18n::ERR_DAY.with(lang, &[("value", v)]),
            Invalid::Exclusive(v) => i18n::ERR_EXCLUSIVE.with(lang, &[("value", v)]),
            Invalid::YesNo => i18n::ERR_YESNO.get(lang).to_string(),
            Invalid::TooLong => i18n::ERR_TOO_LONG.with(lang, &[("max", &MAX_ANSWER.to_string())]),
            Invalid::LineTooLong => {
                i18n::ERR_LINE_TOO_LONG.with(lang, &[("max", &MAX_LINE.to_string())])
            }
            Invalid::AmountTooLarge(e) => {
                i18n::ERR_AMOUNT_TOO_LARGE.with(lang, &[("value", &e.display(lang))])
            }
            Invalid::DayOutOfRange(d) => i18n::ERR_DAY_RANGE.with(
                lang,
                &[
                    ("value", &d.strftime("%-d-%-m-%Y").to_string()),
                    ("first", &YEARS.start().to_string()),
                    ("last", &YEARS.end().to_string()),
                ],
            ),
            Invalid::OneLine => i18n::ERR_ONE_LINE.get(lang).to_string(),
            Invalid::Control => i18n::ERR_CONTROL_CHAR.get(lang).to_string(),
            Invalid::Type { expected } => i18n::ERR_TYPE.with(lang, &[("expected", expected)]),
        }
    }
}

/// Reads yes or no as people type it, in either language.
pub fn parse_yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "true" => Some(true),
        "nee" | "n" | "no" | "false" => Some(false),
        _ => None,
    }
}

impl Answer {
    /// Reads a stored or written TOML value as an answer of `kind`. An empty
    /// string or empty list means "not answered" and gives `None`. Whether a
    /// choice exists or a scale is in range is the question's business
    /// ([`crate::domain::bank::Question::check`]).
    pub fn from_toml(kind: Kind, value: &toml::Value) -> Result<Option<Answer>, Invalid> {
        use toml::Value as V;
        if matches!(value, V::String(s) if s.trim().is_empty())
            || matches!(value, V::Array(a) if a.is_empty())
        {
            return Ok(None);
        }
        let answer = match (kind, value) {
            (Kind::Text | Kind::Long, V::String(s)) => Answer::Text(s.trim().to_string()),
            (Kind::Text | Kind::Long, _) => {
                return Err(Invalid::Type {
                    expected: "\"tekst\"",
                });
            }
            (Kind::Choice, V::String(s)) => Answer::Choice(s.trim().to_string()),
            // A yes/no question of set 1 became a choice with ja and nee.
            (Kind::Choice, V::Boolean(b)) => {
                Answer::Choice(if *b { "ja" } else { "nee" }.to_string())
            }
            (Kind::Choice, _) => {
                return Err(Invalid::Type {
                    expected: "\"keuze\"",
                });
            }
            (Kind::Multi, V::String(s)) => Answer::Multi(vec![s.trim().to_string()]),
            (Kind::Multi, V::Array(items)) => Answer::Multi(
                items
                    .iter()
                    .map(|i| i.as_str().map(|s| s.trim().to_string()))
                    .collect::<Option<Vec<_>>>()
                    .ok_or(Invalid::Type {
                        expected: "[\"keuze\", …]",
                    })?,
            ),
            (Kind::Multi, _) => {
                return Err(Invalid::Type {
                    expected: "[\"keuze\", …]",
                });
            }
            (Kind::Scale, V::Integer(i)) => Answer::Scale(*i),
            (Kind::Scale, V::String(s)) => {
                Answer::Scale(s.trim().parse().map_err(|_| Invalid::Type {
                    expected: "getal / number",
                })?)
            }
            (Kind::Scale, _) => {
                return Err(Invalid::Type {
                    expected: "getal / number",
                });
            }
            (Kind::Amount, v) => Answer::Amount(
                Euros::try_from(v.clone()).map_err(|_| Invalid::Amount(display_value(v)))?,
            ),
            (Kind::YesNo, V::Boolean(b)) => Answer::YesNo(*b),
            (Kind::YesNo, V::String(s)) => Answer::YesNo(parse_yes_no(s).ok_or(Invalid::YesNo)?),
            (Kind::YesNo, _) => return Err(Invalid::YesNo),
            (Kind::Cost, V::String(s)) if Cost::is_unknown_word(s) => Answer::Cost(Cost {
                amount: None,
                period: Period::PerYear,
            }),
            (Kind::Cost, v) => Answer::Cost(Cost::read(v).map_err(Invalid::Cost)?),
            (Kind::Date, V::String(s)) => {
                Answer::Date(crate::domain::day::parse(s).ok_or_else(|| Invalid::Date(s.clone()))?)
            }
            // A TOML date literal: `besluit_datum = 2026-12-01`.
            (Kind::Date, V::Datetime(d)) => Answer::Date(
                d.date
                    .filter(|_| d.time.is_none())
                    .and_then(|d| {
                        jiff::civil::Date::new(
                            i16::try_from(d.year).ok()?,
                            i8::try_from(d.month).ok()?,
                            i8::try_from(d.day).ok()?,
                        )
                        .ok()
                    })
                    .ok_or_else(|| Invalid::Date(d.to_string()))?,
            ),
            (Kind::Date, v) => return Err(Invalid::Date(display_value(v))),
        };
        Ok(Some(answer))
    }

    pub fn to_toml(&self) -> toml::Value {
        match self {
            Answer::Text(s) | Answer::Choice(s) => toml::Value::String(s.clone()),
            Answer::Multi(v) => {
                toml::Value::Array(v.iter().cloned().map(toml::Value::String).collect())
            }
            Answer::Scale(i) => toml::Value::Integer(*i),
            Answer::Amount(e) => (*e).into(),
            Answer::YesNo(b) => toml::Value::Boolean(*b),
            Answer::Cost(c) => (*c).into(),
            Answer::Date(d) => toml::Value::String(d.to_string()),
        }
    }

    /// The answer's value(s) as follow-up conditions compare them.
    pub fn condition_values(&self) -> Vec<String> {
        match self {
            Answer::Choice(s) => vec![s.clone()],
            Answer::Multi(v) => v.clone(),
            Answer::YesNo(b) => vec![if *b { "ja" } else { "nee" }.to_string()],
            Answer::Scale(i) => vec![i.to_string()],
            Answer::Text(_) | Answer::Amount(_) | Answer::Cost(_) | Answer::Date(_) => Vec::new(),
        }
    }
}

fn display_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The answer to one of the three questions of the value triangle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ja,
    Nee,
    Twijfel,
}

impl Verdict {
    pub const VALUES: [&str; 3] = ["ja", "nee", "twijfel"];

    pub fn from_value(s: &str) -> Option<Verdict> {
        match s {
            "ja" => Some(Verdict::Ja),
            "nee" => Some(Verdict::Nee),
            "twijfel" => Some(Verdict::Twijfel),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Ja => i18n::VERDICT_JA.get(lang),
            Verdict::Nee => i18n::VERDICT_NEE.get(lang),
            Verdict::Twijfel => i18n::VERDICT_TWIJFEL.get(lang),
        }
    }
}

/// Whether the blocker hits only this person or many: structural cases are
/// the bundled exceptions that tell policy where the system must change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Incidenteel,
    Structureel,
    /// "weet ik nog niet" (question set 3): said, not guessed; a case
    /// counts as neither.
    #[serde(rename = "weet_niet")]
    WeetNiet,
}

impl Scope {
    /// The values a set's scope question must offer; `weet_niet` may
    /// (sets before version 3 do not have it).
    pub const VALUES: [&str; 2] = ["incidenteel", "structureel"];

    pub fn from_value(s: &str) -> Option<Scope> {
        match s {
            "incidenteel" => Some(Scope::Incidenteel),
            "structureel" => Some(Scope::Structureel),
            "weet_niet" => Some(Scope::WeetNiet),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Scope::Incidenteel => i18n::SCOPE_INCIDENTEEL.get(lang),
            Scope::Structureel => i18n::SCOPE_STRUCTUREEL.get(lang),
            Scope::WeetNiet => i18n::SCOPE_WEET_NIET.get(lang),
        }
    }

    /// One character for a table: the label's initial, `?` for not yet
    /// known.
    pub fn mark(self, lang: Lang) -> String {
        match self {
            Scope::WeetNiet => "?".to_string(),
            _ => self
                .label(lang)
                .chars()
                .next()
                .map_or(String::new(), |c| c.to_uppercase().collect()),
        }
    }
}

/// What the current route costs against the proposal, each over its own
/// period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Cost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed: Option<Cost>,
}

/// Both costs over one horizon, so a one-off sum is never set against a
/// yearly one unsaid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Horizon {
    pub years: u32,
    pub current: Euros,
    pub proposed: Euros,
}

impl Horizon {
    /// What the proposal saves (positive) or costs extra (negative).
    pub fn saving(&self) -> Euros {
        Euros(self.current.0.saturating_sub(self.proposed.0))
    }
}

impl Costs {
    pub fn is_empty(&self) -> bool {
        self.current.is_none() && self.proposed.is_none()
    }

    /// Both amounts over one stated horizon: the longer of two multi-year
    /// periods, else one year. `None` unless both amounts are known.
    pub fn over_horizon(&self) -> Option<Horizon> {
        let (current, proposed) = (self.current?, self.proposed?);
        let years = current.period.years().max(proposed.period.years());
        Some(Horizon {
            years,
            current: current.over(years)?,
            proposed: proposed.over(years)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost(amount: i64, period: Period) -> Option<Cost> {
        Some(Cost {
            amount: Some(Euros(amount * 100)),
            period,
        })
    }

    #[test]
    fn amounts_read_as_people_write_them() {
        let cases = [
            ("24000", Some(2_400_000)),
            ("24.000", Some(2_400_000)),
            ("€ 24.000", Some(2_400_000)),
            ("€24.000,-", Some(2_400_000)),
            ("1.250,50", Some(125_050)),
            ("1250.5", Some(125_050)),
            ("1 250", Some(125_000)),
            ("0", Some(0)),
            ("12.34", Some(1_234)),
            ("1.2345", None),
            ("-5", None),
            ("twintig", None),
            ("", None),
            ("1,2,3", None),
            // As people write them, with what they say around the number.
            ("ca. 3.500", Some(350_000)),
            ("ca 3.500", Some(350_000)),
            ("Ca. € 3.500,-", Some(350_000)),
            ("9000 euro", Some(900_000)),
            ("9.000 EUR", Some(900_000)),
            ("ongeveer 1.250,50", Some(125_050)),
            ("± 800", Some(80_000)),
            ("~800", Some(80_000)),
            ("€ 9.000 (3 dagdelen)", Some(900_000)),
            // The English habit, as the tool writes an amount in English.
            ("about €1,250.50", Some(125_050)),
            ("9,000", Some(900_000)),
            ("€ 12,500,000", Some(1_250_000_000)),
            ("1,250", Some(125_000)),
            ("1,25", Some(125)),
            ("1,250.5", Some(125_050)),
            ("1,250,50", None),
            ("12,50.00", None),
            ("about 1250.50", Some(125_050)),
            ("ca3500", None),
            ("3500 eurocent", None),
            ("(3 dagdelen)", None),
            ("euro", None),
            ("ongeveer", None),
        ];
        for (raw, cents) in cases {
            assert_eq!(Euros::parse(raw).map(|e| e.0), cents, "{raw}");
        }
    }

    #[test]
    fn a_typed_cost_may_say_its_period_after_the_amount() {
        let cases = [
            (
                "€ 9.000 per jaar (3 dagdelen)",
                Some((900_000, Some(Period::PerYear))),
            ),
            ("ca. 3.500", Some((350_000, None))),
            ("9000 euro", Some((900_000, None))),
            ("ongeveer 1.250,50", Some((125_050, None))),
            ("3.500 p/j", Some((350_000, Some(Period::PerYear)))),
            ("3500/jaar", Some((350_000, Some(Period::PerYear)))),
            ("9000 euro per jaar", Some((900_000, Some(Period::PerYear)))),
            ("€ 1.200 eenmalig", Some((120_000, Some(Period::OneOff)))),
            (
                "€ 9,000 per year (3 mornings)",
                Some((900_000, Some(Period::PerYear))),
            ),
            ("6.000 over 3 jaar", Some((600_000, Some(Period::Years(3))))),
            ("€ 9.000 per maand", None),
            ("per jaar", None),
            ("veel", None),
        ];
        for (raw, want) in cases {
            let got = Cost::read_typed(raw).map(|(e, p)| (e.0, p));
            assert_eq!(got, want, "{raw}");
        }
    }

    #[test]
    fn amounts_display_in_the_readers_habit() {
        assert_eq!(Euros(2_400_000).display(Lang::Nl), "€ 24.000");
        assert_eq!(Euros(125_050).display(Lang::Nl), "€ 1.250,50");
        assert_eq!(Euros(125_050).display(Lang::En), "€1,250.50");
        assert_eq!(Euros(-99_900).display(Lang::Nl), "-€ 999");
    }
    #[test]
    fn costs_read_and_write_as_people_write_them() {
        let read = |src: &str| {
            let v: toml::Table = toml::from_str(&format!("c = {src}")).unwrap();
            Answer::from_toml(Kind::Cost, &v["c"])
        };
        assert_eq!(
            read(r#"{ bedrag = "24.000", periode = "jaar" }"#),
            Ok(Some(Answer::Cost(cost(24_000, Period::PerYear).unwrap())))
        );
        assert_eq!(
            read(r#"{ bedrag = 5000, periode = "over 3 jaar" }"#),
            Ok(Some(Answer::Cost(cost(5_000, Period::Years(3)).unwrap())))
        );
        let unknown = Answer::Cost(Cost {
            amount: None,
            period: Period::PerYear,
        });
        assert_eq!(
            read(r#"{ bedrag = "weet ik niet" }"#),
            Ok(Some(unknown.clone()))
        );
        assert_eq!(read(r#""Weet ik niet""#), Ok(Some(unknown.clone())));
        assert!(matches!(read(r#"{ bedrag = 5 }"#), Err(Invalid::Cost(_))));
        assert!(matches!(
            read(r#"{ bedrag = 5, periode = "99 jaar" }"#),
            Err(Invalid::Cost(_))
        ));
        assert!(matches!(
            read(r#"{ bedrag = 5, periode = "jaar", x = 1 }"#),
            Err(Invalid::Cost(_))
        ));
        // Written and read back unchanged, unknown included.
        for c in [unknown, Answer::Cost(cost(1, Period::Years(50)).unwrap())] {
            assert_eq!(Answer::from_toml(Kind::Cost, &c.to_toml()), Ok(Some(c)));
        }
    }

    #[test]
    fn empty_values_are_unanswered_and_types_are_checked() {
        let empty = toml::Value::String("  ".into());
        assert_eq!(Answer::from_toml(Kind::Text, &empty), Ok(None));
        assert_eq!(
            Answer::from_toml(Kind::Multi, &toml::Value::Array(vec![])),
            Ok(None)
        );
        assert_eq!(
            Answer::from_toml(Kind::YesNo, &toml::Value::String("Ja".into())),
            Ok(Some(Answer::YesNo(true)))
        );
        assert!(Answer::from_toml(Kind::Scale, &toml::Value::Boolean(true)).is_err());
        assert!(Answer::from_toml(Kind::Amount, &toml::Value::Integer(-3)).is_err());
    }

    #[test]
    fn within_a_horizon_a_yearly_sum_counts_each_year_a_one_off_once_and_a_sum_over_years_its_share()
     {
        let within = |c: Option<Cost>, years| c.unwrap().within(years).unwrap().0 / 100;
        assert_eq!(within(cost(1_000, Period::PerYear), 3), 3_000);
        assert_eq!(within(cost(3_000, Period::OneOff), 3), 3_000);
        assert_eq!(within(cost(6_000, Period::Years(6)), 3), 3_000);
        assert_eq!(within(cost(6_000, Period::Years(2)), 3), 6_000);
        assert_eq!(within(cost(6_000, Period::Years(3)), 1), 2_000);
        let unknown = Cost {
            amount: None,
            period: Period::PerYear,
        };
        assert_eq!(unknown.within(3), None);
        let huge = Cost {
            amount: Some(Euros(i64::MAX)),
            period: Period::PerYear,
        };
        assert_eq!(huge.within(3), Some(Euros(i64::MAX)));
    }

    #[test]
    fn costs_compare_over_one_stated_horizon() {
        // Yearly against one-off: one year, and the one-off sum as it is.
        let h = Costs {
            current: cost(24_000, Period::PerYear),
            proposed: cost(3_000, Period::OneOff),
        }
        .over_horizon()
        .unwrap();
        assert_eq!((h.years, h.saving()), (1, Euros(2_100_000)));
        // Over 3 years: the yearly route three times, the total as given.
        let h = Costs {
            current: cost(24_000, Period::PerYear),
            proposed: cost(5_000, Period::Years(3)),
        }
        .over_horizon()
        .unwrap();
        assert_eq!(
            (h.years, h.current, h.proposed),
            (3, Euros(7_200_000), Euros(500_000))
        );
        // Unknown is never 0: no comparison at all.
        let unknown = Costs {
            current: Some(Cost {
                amount: None,
                period: Period::PerYear,
            }),
            proposed: cost(5_000, Period::OneOff),
        };
        assert_eq!(unknown.over_horizon(), None);
        assert_eq!(Costs::default().over_horizon(), None);
        assert_eq!(
            cost(9_000, Period::Years(3)).unwrap().yearly(),
            Some(Euros(300_000))
        );
    }
}
