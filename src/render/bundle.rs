//! The bundled-exceptions report, for the terminal and for a policy
//! meeting (Markdown). Counts and sums only.

use super::{Block, Doc};
use crate::bundle::Bundle;
use crate::i18n::{self, Lang};
use crate::note::Euros;

fn table(head: Vec<String>, rows: Vec<Vec<String>>, numeric: Vec<usize>) -> Block {
    Block::Table {
        head,
        rows,
        numeric,
    }
}

fn counted(items: &[(String, usize)]) -> Vec<Vec<String>> {
    items
        .iter()
        .map(|(l, n)| vec![l.clone(), n.to_string()])
        .collect()
}

fn rule_head(lang: Lang) -> Vec<String> {
    [
        i18n::B_RULE,
        i18n::B_BLOCKER,
        i18n::B_CASES,
        i18n::B_RULE_COSTED,
        i18n::B_RULE_COST_CURRENT,
        i18n::B_RULE_COST_PROPOSED,
    ]
    .iter()
    .map(|m| m.get(lang).to_string())
    .collect()
}

/// One row per rule; `money` writes an amount.
fn rule_rows(b: &Bundle, lang: Lang, money: impl Fn(Euros) -> String) -> Vec<Vec<String>> {
    b.rules
        .iter()
        .map(|r| {
            let rule = if r.rule.is_empty() {
                i18n::B_NO_RULE.get(lang).to_string()
            } else {
                r.rule.clone()
            };
            vec![
                rule,
                if r.blocker.is_empty() {
                    "—".into()
                } else {
                    r.blocker.clone()
                },
                r.cases.to_string(),
                r.costed.to_string(),
                money(Euros(r.cost_current_yearly)),
                money(Euros(r.cost_proposed_yearly)),
            ]
        })
        .collect()
}

/// One CSV cell by RFC 4180; a cell a spreadsheet would run as a formula
/// (= + - @ first) gets a leading apostrophe, since rule lines are typed text.
fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// The per-rule table as CSV, one row per rule, for spreadsheets. Amounts
/// in euros with a decimal point, so any spreadsheet reads them as numbers.
pub fn csv(b: &Bundle, lang: Lang) -> String {
    let money = |e: Euros| format!("{}.{:02}", e.0 / 100, (e.0 % 100).abs());
    std::iter::once(rule_head(lang))
        .chain(rule_rows(b, lang, money))
        .map(|row| {
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            cells.join(",") + "\r\n"
        })
        .collect()
}

/// The report as JSON, for tools and tests: stable English keys, amounts
/// in cents, no titles unless asked.
pub fn json(b: &Bundle, titles: bool) -> String {
    let tally = |t: &crate::bundle::Tally| serde_json::json!({"ja": t.ja, "nee": t.nee, "twijfel": t.twijfel, "open": t.open});
    let counted = |items: &[(String, usize)]| {
        items
            .iter()
            .map(|(l, n)| serde_json::json!({"name": l, "cases": n}))
            .collect::<Vec<_>>()
    };
    let mut v = serde_json::json!({
        "cases": b.cases.len(),
        "verdicts": {
            "law": tally(&b.verdicts[0]),
            "money": tally(&b.verdicts[1]),
            "self_direction": tally(&b.verdicts[2]),
        },
        "rules": b.rules,
        "laws": counted(&b.laws),
        "laws_other": counted(&b.laws_other),
        "blockers": counted(&b.blockers),
        "costed": b.costed,
        "cost_current_yearly": b.cost_current.0,
        "cost_proposed_once": b.cost_once.0,
        "cost_proposed_yearly": b.cost_yearly.0,
    });
    if titles {
        v["titles"] = b
            .cases
            .iter()
            .map(|(id, title)| serde_json::json!({"id": id, "title": title}))
            .collect();
    }
    let mut out = serde_json::to_string_pretty(&v).unwrap_or_default();
    out.push('\n');
    out
}

/// The report. `titles` adds the cases' titles; without it cases appear by
/// id only, so the report can leave the team.
pub fn doc(b: &Bundle, lang: Lang, titles: bool, about: &str) -> Doc {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    let mut blocks = vec![Block::Meta(i18n::BUNDLE_META.with(
        lang,
        &[
            ("cases", &i18n::N_CASES.count(lang, b.cases.len())),
            ("about", about),
        ],
    ))];

    blocks.push(Block::Heading(t(i18n::H_TRIANGLE)));
    let rows = [i18n::Q_LAW, i18n::Q_MONEY, i18n::Q_SELF]
        .iter()
        .zip(&b.verdicts)
        .map(|(q, v)| {
            vec![
                t(*q),
                v.ja.to_string(),
                v.nee.to_string(),
                v.twijfel.to_string(),
                v.open.to_string(),
            ]
        })
        .collect();
    let head = vec![
        t(i18n::H_QUESTION),
        t(i18n::VERDICT_JA),
        t(i18n::VERDICT_NEE),
        t(i18n::VERDICT_TWIJFEL),
        t(i18n::B_OPEN),
    ];
    blocks.push(table(head, rows, vec![1, 2, 3, 4]));

    if !b.rules.is_empty() {
        blocks.push(Block::Heading(t(i18n::B_RULES)));
        blocks.push(Block::Meta(t(i18n::B_RULES_HOW)));
        blocks.push(table(
            rule_head(lang),
            rule_rows(b, lang, |e| e.display(lang)),
            vec![2, 3, 4, 5],
        ));
    }

    for (heading, column, items) in [
        (i18n::B_LAWS, i18n::B_LAW, &b.laws),
        (i18n::B_LAWS_OTHER, i18n::B_LAW, &b.laws_other),
        (i18n::B_BLOCKERS, i18n::B_BLOCKER, &b.blockers),
        (i18n::B_DISCUSSED, i18n::B_ANSWER, &b.discussed),
    ] {
        if !items.is_empty() {
            blocks.push(Block::Heading(t(heading)));
            blocks.push(table(
                vec![t(column), t(i18n::B_CASES)],
                counted(items),
                vec![1],
            ));
        }
    }

    if !b.structural.is_empty() {
        blocks.push(Block::Heading(t(i18n::B_STRUCTURAL)));
        let rows = b
            .structural
            .iter()
            .map(|(blocker, ids)| vec![blocker.clone(), ids.len().to_string(), ids.join(", ")])
            .collect();
        blocks.push(table(
            vec![t(i18n::B_BLOCKER), t(i18n::B_CASES), "id".into()],
            rows,
            vec![1],
        ));
    }

    if b.costed > 0 {
        blocks.push(Block::Heading(t(i18n::H_COSTS)));
        let first_year = Euros(b.cost_current.0 - b.cost_once.0 - b.cost_yearly.0);
        let rows = vec![
            vec![t(i18n::B_COST_CURRENT), b.cost_current.display(lang)],
            vec![t(i18n::B_COST_ONCE), b.cost_once.display(lang)],
            vec![t(i18n::B_COST_YEARLY), b.cost_yearly.display(lang)],
            vec![t(i18n::COST_DIFF_FIRST_YEAR), first_year.display(lang)],
        ];
        blocks.push(Block::Meta(
            i18n::B_COSTED.with(lang, &[("cases", &i18n::N_CASES.count(lang, b.costed))]),
        ));
        blocks.push(table(vec![String::new(), t(i18n::H_AMOUNT)], rows, vec![1]));
    }

    let placed = b
        .contrasts
        .iter()
        .any(|c| c.now.is_some() || c.desired.is_some());
    if !b.contrasts.is_empty() {
        blocks.push(Block::Heading(t(i18n::B_CONTRASTS)));
        if b.without_profile > 0 {
            let msg = i18n::B_WITHOUT_PROFILE.count(lang, b.without_profile);
            blocks.push(Block::Meta(msg));
        }
    }
    if placed {
        let avg = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| i18n::decimal(lang, v, 1));
        let rows = b
            .contrasts
            .iter()
            .map(|c| {
                let moved = match (c.now, c.desired) {
                    (Some(n), Some(d)) if d >= n => format!("+{}", i18n::decimal(lang, d - n, 1)),
                    (Some(n), Some(d)) => i18n::decimal(lang, d - n, 1),
                    _ => "—".to_string(),
                };
                vec![
                    format!("{} ↔ {}", c.rational, c.relational),
                    avg(c.now),
                    avg(c.desired),
                    moved,
                ]
            })
            .collect();
        let head = vec![
            t(i18n::H_CONTRAST_ROW),
            t(i18n::H_NOW),
            t(i18n::H_DESIRED),
            t(i18n::H_MOVE),
        ];
        blocks.push(table(head, rows, vec![1, 2, 3]));
    }

    if !b.labels.is_empty() {
        blocks.push(Block::Heading(t(i18n::B_LABELS)));
        blocks.push(table(
            vec![t(i18n::B_LABEL), t(i18n::B_NOTES)],
            counted(&b.labels),
            vec![1],
        ));
    }

    if titles {
        blocks.push(Block::Heading(t(i18n::B_CASE_LIST)));
        let rows = b
            .cases
            .iter()
            .map(|(id, title)| vec![id.clone(), title.clone()])
            .collect();
        blocks.push(table(vec!["id".into(), t(i18n::H_TITLE)], rows, Vec::new()));
    }
    Doc {
        title: t(i18n::B_TITLE),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("gewoon"), "gewoon");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("zeg \"nee\""), "\"zeg \"\"nee\"\"\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("+31"), "'+31");
    }
}
