//! The signals about rules ([`crate::domain::signals`]) for the terminal,
//! a meeting (Markdown), a spreadsheet (CSV) and tools (JSON). The text
//! people typed (a rule line, a role, a body under "anders") is cleaned
//! by each writer: the terminal and Markdown through the Doc's renderers,
//! CSV through the one CSV writer; JSON keeps it, escaped.

use jiff::civil::Date;

use super::{Block, Doc};
use crate::domain::day;
use crate::domain::outcome::{Body, RuleStatus};
use crate::domain::signals::SignalRow;
use crate::i18n::{self, Lang};

/// The bodies a signal went to, with the one typed under "anders" in its
/// place.
fn bodies(row: &SignalRow, lang: Lang) -> String {
    row.to
        .iter()
        .map(|b| match (b, &row.to_other) {
            (Body::Anders, Some(other)) => other.clone(),
            _ => b.label(lang),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn status(s: Option<RuleStatus>, lang: Lang) -> String {
    s.map_or_else(
        || i18n::SIG_NO_STATUS.get(lang).to_string(),
        |s| s.label(lang),
    )
}

/// How many cases' signals stand at each status, the ones with none
/// left out: `1 in behandeling, 2 zonder stand`.
fn per_status(row: &SignalRow, lang: Lang) -> String {
    let labels = RuleStatus::ALL
        .iter()
        .map(|s| s.label(lang))
        .chain([i18n::SIG_NO_STATUS.get(lang).to_string()]);
    row.per_status
        .iter()
        .zip(labels)
        .filter(|(n, _)| **n > 0)
        .map(|(n, label)| format!("{n} {label}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn rule(row: &SignalRow, lang: Lang) -> String {
    if row.rule.is_empty() {
        i18n::B_NO_RULE.get(lang).to_string()
    } else {
        row.rule.clone()
    }
}

fn or_dash(text: Option<String>) -> String {
    text.filter(|t| !t.is_empty()).unwrap_or_else(|| "—".into())
}

/// The columns; for CSV the days apart from the day sent, and the count
/// per status as a column each.
fn head(lang: Lang, csv: bool) -> Vec<String> {
    let days = csv.then_some(i18n::SIG_DAYS);
    [
        Some(i18n::B_RULE),
        Some(i18n::SIG_TO),
        Some(i18n::SIG_OWNER),
        Some(i18n::SIG_SENT),
        days,
        Some(i18n::SIG_STATUS),
        Some(i18n::SIG_CASES),
        Some(i18n::SIG_BROKE_THROUGH),
        (!csv).then_some(i18n::SIG_PER_STATUS),
    ]
    .iter()
    .flatten()
    .map(|m| m.get(lang).to_string())
    .collect()
}

/// The day sent and how long ago: `10 dec. 2026 (5 dagen)`.
fn sent(row: &SignalRow, today: Date, lang: Lang) -> String {
    let Some(day) = row.sent else {
        return i18n::SIG_NOT_SENT.get(lang).to_string();
    };
    let days = row.days(today).map_or(0, to_count);
    format!(
        "{} ({})",
        day::display(day, lang),
        i18n::N_DAYS.count(lang, days)
    )
}

/// The list for the terminal and Markdown: a line on how many rules and
/// how many still open, then one row per rule.
pub fn doc(rows: &[SignalRow], today: Date, open_only: bool, lang: Lang) -> Doc {
    let open = rows.iter().filter(|r| r.is_open()).count();
    let meta = i18n::SIG_META.with(
        lang,
        &[
            ("rules", &i18n::N_RULES.count(lang, rows.len())),
            ("open", &open.to_string()),
            ("today", &day::display(today, lang)),
        ],
    );
    let mut blocks = vec![Block::Meta(meta)];
    if rows.is_empty() {
        let none = if open_only {
            i18n::SIG_NONE_OPEN
        } else {
            i18n::SIG_NONE
        };
        blocks.push(Block::Text(none.get(lang).to_string()));
    } else {
        let body = rows
            .iter()
            .map(|r| {
                vec![
                    rule(r, lang),
                    or_dash(Some(bodies(r, lang))),
                    or_dash(r.owner.clone()),
                    sent(r, today, lang),
                    status(r.status, lang),
                    r.cases.to_string(),
                    r.broke_through.to_string(),
                    per_status(r, lang),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            head: head(lang, false),
            rows: body,
            numeric: vec![5, 6],
        });
    }
    Doc {
        title: i18n::SIG_TITLE.get(lang).to_string(),
        blocks,
    }
}

/// Days as a count for a plural: a day sent after today counts as none.
fn to_count(days: i64) -> usize {
    usize::try_from(days).unwrap_or(0)
}

/// One row per rule for spreadsheets: days and counts as numbers, a date
/// as `2026-12-01`, every cell through the one CSV writer.
pub fn csv(rows: &[SignalRow], today: Date, lang: Lang) -> String {
    let mut head = head(lang, true);
    head.extend(
        RuleStatus::ALL
            .iter()
            .map(|s| s.label(lang))
            .chain([i18n::SIG_NO_STATUS.get(lang).to_string()]),
    );
    let body = rows.iter().map(|r| {
        let mut cells = vec![
            rule(r, lang),
            bodies(r, lang),
            r.owner.clone().unwrap_or_default(),
            r.sent.map(|d| d.to_string()).unwrap_or_default(),
            r.days(today).map(|n| n.to_string()).unwrap_or_default(),
            r.status.map(|s| s.label(lang)).unwrap_or_default(),
            r.cases.to_string(),
            r.broke_through.to_string(),
        ];
        cells.extend(r.per_status.iter().map(usize::to_string));
        cells
    });
    super::csv::write(std::iter::once(head).chain(body))
}

/// The list for tools and tests: stable English keys, values as the
/// outcome questions store them (the same in every language).
pub fn json(rows: &[SignalRow], today: Date) -> String {
    let rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let per_status: serde_json::Map<String, serde_json::Value> = RuleStatus::ALL
                .iter()
                .map(|s| s.value())
                .chain(["none".to_string()])
                .zip(r.per_status)
                .map(|(k, n)| (k, n.into()))
                .collect();
            serde_json::json!({
                "rule": r.rule,
                "to": r.to,
                "to_other": r.to_other,
                "owner": r.owner,
                "sent": r.sent.map(|d| d.to_string()),
                "days_since_sent": r.days(today),
                "status": r.status,
                "open": r.is_open(),
                "cases": r.cases,
                "broke_through": r.broke_through,
                "cases_per_status": per_status,
            })
        })
        .collect();
    crate::render::json(&rows).unwrap_or_default()
}
