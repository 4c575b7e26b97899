//! The signals about rules, one row per rule: the list a coach takes to
//! the doorbraakoverleg. A rule is grouped as the bundle groups it (its
//! line normalised, shown as written most often); a row shows the rule's
//! latest signal (the one sent last: its day, bodies, owner and what
//! became of the rule), how many cases the rule blocked, how many of those
//! broke through, and how many cases' signals stand at each status.
//! Counted from [`Record`]s of the own store: the signals live in the
//! outcome logs, which an anonymous export does not carry.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::domain::bundle::{most_used, rule_key};
use crate::domain::outcome::{Body, RuleStatus, Signal};
use crate::domain::record::{Record, tidy};

/// One rule with a signal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignalRow {
    /// The rule line as written most often; empty when no rule was named.
    pub rule: String,
    /// The latest signal: the day it was sent (none when only its status
    /// is known), its bodies, its owner and what became of the rule.
    pub sent: Option<Date>,
    pub to: Vec<Body>,
    pub to_other: Option<String>,
    pub owner: Option<String>,
    pub status: Option<RuleStatus>,
    /// The cases the rule blocked, with or without a signal.
    pub cases: usize,
    /// Of those, the ones whose decision is toegekend or deels toegekend.
    pub broke_through: usize,
    /// The cases with a signal, per status in the order of
    /// [`RuleStatus::ALL`], then those without a status yet.
    pub per_status: [usize; 5],
}

impl SignalRow {
    /// Whether the latest signal still waits for a final status
    /// (aangepast or niet aangepast).
    pub fn is_open(&self) -> bool {
        !self.status.is_some_and(RuleStatus::is_final)
    }

    /// Days from the day the latest signal was sent to `today`.
    pub fn days(&self, today: Date) -> Option<i64> {
        self.sent
            .and_then(|sent| today.since(sent).ok())
            .map(|span| i64::from(span.get_days()))
    }
}

/// A rule while counting.
#[derive(Default)]
struct Sum {
    spellings: HashMap<String, usize>,
    cases: usize,
    broke_through: usize,
    per_status: [usize; 5],
    /// The latest signal, with what makes it the latest: the day sent,
    /// then the case's id (the same whatever order the cases come in).
    latest: Option<((Option<Date>, String), Signal)>,
}

/// Every rule with a signal, open ones first, then the ones waiting
/// longest, then the ones blocking most; with `open`, only the rules whose
/// latest signal has no final status. One pass over the records.
pub fn rows(records: &[Record], open: bool) -> Vec<SignalRow> {
    let mut sums: HashMap<String, Sum> = HashMap::new();
    for r in records {
        let rule = tidy(r.rule.as_deref().unwrap_or_default());
        let key = rule_key(&rule);
        let spelling = if key.is_empty() { String::new() } else { rule };
        let sum = sums.entry(key).or_default();
        *sum.spellings.entry(spelling).or_insert(0) += 1;
        sum.cases += 1;
        sum.broke_through += usize::from(r.decision.is_some_and(|d| d.broke_through()));
        let Some(signal) = &r.signal else {
            continue;
        };
        let at = signal
            .status
            .and_then(|s| RuleStatus::ALL.iter().position(|a| *a == s))
            .unwrap_or(RuleStatus::ALL.len());
        sum.per_status[at] += 1;
        let order = (signal.sent, r.case.clone());
        if sum.latest.as_ref().is_none_or(|(o, _)| order > *o) {
            sum.latest = Some((order, signal.clone()));
        }
    }
    let mut rows: Vec<SignalRow> = sums
        .into_values()
        .filter_map(|sum| {
            let (_, s) = sum.latest?;
            Some(SignalRow {
                rule: most_used(sum.spellings),
                sent: s.sent,
                to: s.to,
                to_other: s.to_other,
                owner: s.owner,
                status: s.status,
                cases: sum.cases,
                broke_through: sum.broke_through,
                per_status: sum.per_status,
            })
        })
        .filter(|row| !open || row.is_open())
        .collect();
    rows.sort_by_cached_key(|row| {
        (
            !row.is_open(),
            row.sent.is_none(),
            row.sent,
            std::cmp::Reverse(row.cases),
            rule_key(&row.rule),
        )
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::outcome::Decision;

    fn day(s: &str) -> Date {
        crate::domain::day::parse(s).unwrap()
    }

    fn case(id: &str, rule: &str, decision: Option<Decision>, signal: Option<Signal>) -> Record {
        let json = serde_json::json!({"id": id, "case": id, "revision": 0, "month": "2026-12", "set": "waardendriehoek"});
        let mut r: Record = serde_json::from_value(json).unwrap();
        r.rule = Some(rule.to_string());
        r.decision = decision;
        r.signal = signal;
        r
    }

    fn sent(on: &str, to: Body, owner: &str, status: Option<RuleStatus>) -> Signal {
        Signal {
            sent: Some(day(on)),
            to: vec![to],
            owner: Some(owner.into()),
            status,
            ..Signal::default()
        }
    }

    #[test]
    fn one_row_per_rule_with_its_latest_signal_and_its_cases_counted() {
        let records = vec![
            case(
                "a",
                "Intake-eis schuldhulp",
                Some(Decision::Toegekend),
                Some(sent("1-12-2026", Body::Doorbraak, "teamleider", None)),
            ),
            case(
                "b",
                "intake-eis  schuldhulp.",
                Some(Decision::Deels),
                Some(sent(
                    "3-12-2026",
                    Body::Beleid,
                    "maatwerkcoach",
                    Some(RuleStatus::InBehandeling),
                )),
            ),
            case(
                "c",
                "Intake-eis schuldhulp",
                Some(Decision::Afgewezen),
                None,
            ),
            // A rule without a signal is no row.
            case("d", "huurachterstand", Some(Decision::Toegekend), None),
            case(
                "e",
                "eigen bijdrage",
                None,
                Some(sent(
                    "20-11-2026",
                    Body::Landelijk,
                    "beleidsmedewerker",
                    Some(RuleStatus::Aangepast),
                )),
            ),
        ];
        let all = rows(&records, false);
        assert_eq!(all.len(), 2);
        let row = &all[0];
        assert_eq!(row.rule, "Intake-eis schuldhulp", "the spelling used most");
        assert_eq!(
            (row.sent, row.to.as_slice()),
            (Some(day("3-12-2026")), &[Body::Beleid][..])
        );
        assert_eq!(
            (row.owner.as_deref(), row.status),
            (Some("maatwerkcoach"), Some(RuleStatus::InBehandeling))
        );
        assert_eq!((row.cases, row.broke_through), (3, 2));
        assert_eq!(row.per_status, [0, 1, 0, 0, 1]);
        assert_eq!(row.days(day("6-12-2026")), Some(3));
        // The final one last; --open leaves it out.
        assert_eq!(all[1].rule, "eigen bijdrage");
        assert!(!all[1].is_open());
        let open = rows(&records, true);
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].rule, "Intake-eis schuldhulp");
        // The order the cases come in changes nothing.
        let mut reversed = records.clone();
        reversed.reverse();
        assert_eq!(rows(&reversed, false), all);
    }
}
