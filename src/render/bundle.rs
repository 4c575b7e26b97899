//! The bundled-exceptions report, for the terminal and for a policy
//! meeting (Markdown). Counts and sums only.

use super::{Block, Doc};
use crate::domain::answer::Euros;
use crate::domain::bundle::{BlockerCount, Bundle};
use crate::domain::outcome::Decision;
use crate::i18n::{self, Lang};

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

/// The per-rule columns; the amounts say the horizon they are over.
/// Who pays and who saves come last, so a spreadsheet made for the CSV
/// before they were counted keeps its columns.
fn rule_head(lang: Lang, horizon: u32) -> Vec<String> {
    let years = i18n::years(horizon, lang);
    let mut head: Vec<String> = [
        i18n::B_RULE,
        i18n::B_BLOCKER,
        i18n::B_CASES,
        i18n::B_BROKE_THROUGH,
        i18n::B_REFUSED,
        i18n::B_MEDIAN_DAYS,
        i18n::B_RULE_COSTED,
    ]
    .iter()
    .map(|m| m.get(lang).to_string())
    .collect();
    head.extend(
        [
            i18n::B_RULE_COST_CURRENT,
            i18n::B_RULE_COST_PROPOSED,
            i18n::COST_DIFF_OVER,
        ]
        .map(|m| m.with(lang, &[("years", &years)])),
    );
    head.extend([i18n::B_PAYERS, i18n::B_SAVERS].map(|m| m.get(lang).to_string()));
    head
}

/// Values each with how many cases named them, most named first:
/// `gemeente (3), zorgverzekeraar (1)`; `none` when no case named one.
fn named(counts: &[BlockerCount], none: &str) -> String {
    if counts.is_empty() {
        return none.to_string();
    }
    let named: Vec<String> = counts
        .iter()
        .map(|c| format!("{} ({})", c.name, c.cases))
        .collect();
    named.join(", ")
}

/// A median number of days: whole, or with one decimal for a half.
fn days(median: Option<f64>, lang: Lang) -> String {
    match median {
        None => "—".to_string(),
        Some(d) if d.fract() == 0.0 => format!("{d:.0}"),
        Some(d) => i18n::decimal(lang, d, 1),
    }
}

/// One row per rule; `money` writes an amount, `saving` what the
/// proposals save, `days` a median (each may be none).
fn rule_rows(
    b: &Bundle,
    lang: Lang,
    (money, saving): (
        impl Fn(Option<Euros>) -> String,
        impl Fn(Option<Euros>) -> String,
    ),
    days: impl Fn(Option<f64>) -> String,
    none: &str,
) -> Vec<Vec<String>> {
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
                r.broke_through.to_string(),
                r.refused.to_string(),
                days(r.median_days_to_decision),
                r.costed.to_string(),
                // No amounts is not € 0.
                money((r.costed > 0).then_some(Euros(r.cost_current))),
                money((r.costed > 0).then_some(Euros(r.cost_proposed))),
                saving((r.costed > 0).then_some(Euros(r.saving))),
                named(&r.payers, none),
                named(&r.savers, none),
            ]
        })
        .collect()
}

/// The per-rule table as CSV, one row per rule, for spreadsheets. Amounts
/// in euros with a decimal point, so any spreadsheet reads them as numbers.
pub fn csv(b: &Bundle, lang: Lang) -> String {
    let money = |e: Option<Euros>| {
        e.map_or_else(String::new, |e| {
            format!("{}.{:02}", e.0 / 100, (e.0 % 100).abs())
        })
    };
    // Spreadsheets read a decimal point, in any language.
    let days = |d: Option<f64>| d.map_or_else(String::new, |d| d.to_string());
    let rows = rule_rows(b, lang, (money, money), days, "");
    super::csv::write(std::iter::once(rule_head(lang, b.horizon)).chain(rows))
}

/// The report as JSON, for tools and tests: stable English keys, amounts
/// in cents, no titles unless asked. Beside each label list its values
/// (`law_keys`, …), which read the same whatever the reader's language.
pub fn json(b: &Bundle, titles: bool) -> String {
    let tally = |t: &crate::domain::bundle::Tally| serde_json::json!({"ja": t.ja, "nee": t.nee, "twijfel": t.twijfel, "open": t.open});
    let counted = |items: &[(String, usize)]| {
        items
            .iter()
            .map(|(l, n)| serde_json::json!({"name": l, "cases": n}))
            .collect::<Vec<_>>()
    };
    let keyed = |items: &[(String, usize)]| {
        items
            .iter()
            .map(|(k, n)| serde_json::json!({"key": k, "cases": n}))
            .collect::<Vec<_>>()
    };
    let mut v = serde_json::json!({
        "cases": b.count,
        "verdicts": {
            "law": tally(&b.verdicts[0]),
            "money": tally(&b.verdicts[1]),
            "self_direction": tally(&b.verdicts[2]),
        },
        "rules": b.rules,
        "laws": counted(&b.laws),
        "law_keys": keyed(&b.keys[0]),
        "blocker_keys": keyed(&b.keys[1]),
        "discussed_keys": keyed(&b.keys[2]),
        "stuck_row_keys": keyed(&b.keys[3]),
        "laws_other": counted(&b.laws_other),
        "blockers": counted(&b.blockers),
        "decisions": {
            "toegekend": b.decisions[0],
            "deels": b.decisions[1],
            "afgewezen": b.decisions[2],
            "loopt_nog": b.decisions[3],
            "none": b.decisions[4],
        },
        "median_days_to_decision": b.median_days,
        "stuck_rows": counted(&b.stuck),
        "horizon_years": b.horizon,
        "costed": b.costed,
        "cost_current": b.cost_current.0,
        "cost_proposed": b.cost_proposed.0,
        "saving": b.cost_current.0.saturating_sub(b.cost_proposed.0),
    });
    if titles {
        v["titles"] = b
            .cases
            .iter()
            .map(|(id, title)| serde_json::json!({"id": id, "title": title}))
            .collect();
    }
    crate::render::json(&v).unwrap_or_default()
}

/// How the report is shown.
pub struct View<'a> {
    /// Add the cases' titles; without them cases appear by id only, so the
    /// report can leave the team.
    pub titles: bool,
    /// Counted from anonymous exports: no note ids to list (a record's id
    /// is random), and the report says how it counted.
    pub exports: bool,
    /// What the report is about, after the number of cases.
    pub about: &'a str,
}

/// The report.
pub fn doc(b: &Bundle, lang: Lang, view: &View) -> Doc {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    let meta = if view.exports {
        i18n::BUNDLE_META_FROM
    } else {
        i18n::BUNDLE_META
    };
    let mut blocks = vec![Block::Meta(meta.with(
        lang,
        &[
            ("cases", &i18n::N_CASES.count(lang, b.count)),
            ("about", view.about),
        ],
    ))];
    let years = i18n::years(b.horizon, lang);
    blocks.push(Block::Meta(
        i18n::B_HORIZON.with(lang, &[("years", &years)]),
    ));
    triangle(&mut blocks, b, lang);
    rules(&mut blocks, b, lang);
    outcomes(&mut blocks, b, lang);
    counts(&mut blocks, b, lang);
    structural(&mut blocks, b, lang, view.exports);
    costs(&mut blocks, b, lang);
    contrasts(&mut blocks, b, lang);
    labels(&mut blocks, b, lang);
    if view.titles {
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

/// How the cases answered the three questions of the triangle.
fn triangle(blocks: &mut Vec<Block>, b: &Bundle, lang: Lang) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
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
}

/// The rules that blocked, each with its outcomes, then its costs.
fn rules(blocks: &mut Vec<Block>, b: &Bundle, lang: Lang) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    if !b.rules.is_empty() {
        blocks.push(Block::Heading(t(i18n::B_RULES)));
        blocks.push(Block::Meta(t(i18n::B_RULES_HOW)));
        // One table per question, so each fits a terminal: the outcomes,
        // then the costs; the CSV keeps them in one row.
        let head = rule_head(lang, b.horizon);
        let money = |e: Option<Euros>| e.map_or_else(|| "—".to_string(), |e| e.display(lang));
        let saving =
            |e: Option<Euros>| e.map_or_else(|| "—".to_string(), |e| super::said_saving(e, lang));
        let rows = rule_rows(b, lang, (money, saving), |d| days(d, lang), "—");
        let pick = |row: &[String], columns: &[usize]| -> Vec<String> {
            columns.iter().map(|c| row[*c].clone()).collect()
        };
        let (outcomes, costs, money) = ([0, 1, 2, 3, 4, 5], [0, 6, 7, 8, 9], [0, 2, 10, 11]);
        blocks.push(table(
            pick(&head, &outcomes),
            rows.iter().map(|r| pick(r, &outcomes)).collect(),
            vec![2, 3, 4, 5],
        ));
        if b.costed > 0 {
            let years = i18n::years(b.horizon, lang);
            blocks.push(Block::Heading(t(i18n::B_RULE_COSTS)));
            blocks.push(Block::Meta(
                i18n::B_RULE_COSTS_HOW.with(lang, &[("years", &years)]),
            ));
            blocks.push(table(
                pick(&head, &costs),
                rows.iter().map(|r| pick(r, &costs)).collect(),
                vec![1, 2, 3, 4],
            ));
        }
        if b.rules
            .iter()
            .any(|r| !r.payers.is_empty() || !r.savers.is_empty())
        {
            blocks.push(Block::Heading(t(i18n::B_RULE_PAYERS)));
            blocks.push(Block::Meta(t(i18n::B_RULE_PAYERS_HOW)));
            blocks.push(table(
                pick(&head, &money),
                rows.iter().map(|r| pick(r, &money)).collect(),
                vec![1],
            ));
        }
    }
}

/// How the discussions ended, and the median days to a decision.
fn outcomes(blocks: &mut Vec<Block>, b: &Bundle, lang: Lang) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    if b.decisions[..4].iter().any(|n| *n > 0) {
        blocks.push(Block::Heading(t(i18n::B_OUTCOMES)));
        if b.median_days.is_some() {
            let median = match b.median_days {
                Some(1.0) => t(i18n::B_DAY),
                d => i18n::B_DAYS.with(lang, &[("days", &days(d, lang))]),
            };
            blocks.push(Block::Meta(
                i18n::B_OUTCOMES_MEDIAN.with(lang, &[("days", &median)]),
            ));
        }
        let names = Decision::ALL
            .iter()
            .map(|d| d.label(lang))
            .chain([t(i18n::B_NO_OUTCOME)]);
        let rows = names
            .zip(b.decisions)
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| vec![name, n.to_string()])
            .collect();
        blocks.push(table(
            vec![t(i18n::B_OUTCOME), t(i18n::B_CASES)],
            rows,
            vec![1],
        ));
    }
}

/// The laws, blockers, stuck rows and discussions, each counted.
fn counts(blocks: &mut Vec<Block>, b: &Bundle, lang: Lang) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    for (heading, column, items) in [
        (i18n::B_LAWS, i18n::B_LAW, &b.laws),
        (i18n::B_LAWS_OTHER, i18n::B_LAW, &b.laws_other),
        (i18n::B_BLOCKERS, i18n::B_BLOCKER, &b.blockers),
        (i18n::B_STUCK, i18n::B_STUCK_ROW, &b.stuck),
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
}

/// The structural blockers, with the notes that named them (none for
/// anonymous exports).
fn structural(blocks: &mut Vec<Block>, b: &Bundle, lang: Lang, exports: bool) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    if !b.structural.is_empty() {
        blocks.push(Block::Heading(t(i18n::B_STRUCTURAL)));
        let rows = b
            .structural
            .iter()
            .map(|(blocker, n, ids)| {
                let mut row = vec![blocker.clone(), n.to_string()];
                row.extend((!exports).then(|| ids.join(", ")));
                row
            })
            .collect();
        let mut head = vec![t(i18n::B_BLOCKER), t(i18n::B_CASES)];
        head.extend((!exports).then(|| "id".to_string()));
        blocks.push(table(head, rows, vec![1]));
    }
}

/// What the costed cases cost now, and what the proposals would.
fn costs(blocks: &mut Vec<Block>, b: &Bundle, lang: Lang) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    if b.costed > 0 {
        blocks.push(Block::Heading(t(i18n::H_COSTS)));
        let years = i18n::years(b.horizon, lang);
        let over = |m: i18n::Msg| m.with(lang, &[("years", &years)]);
        let saving = Euros(b.cost_current.0.saturating_sub(b.cost_proposed.0));
        let rows = vec![
            vec![over(i18n::B_COST_CURRENT), b.cost_current.display(lang)],
            vec![over(i18n::B_COST_PROPOSED), b.cost_proposed.display(lang)],
            vec![over(i18n::COST_DIFF_OVER), super::said_saving(saving, lang)],
        ];
        blocks.push(Block::Meta(
            i18n::B_COSTED.with(lang, &[("cases", &i18n::N_CASES.count(lang, b.costed))]),
        ));
        blocks.push(table(vec![String::new(), t(i18n::H_AMOUNT)], rows, vec![1]));
    }
}

/// Where the cases stand on the rational/relational rows, on average.
fn contrasts(blocks: &mut Vec<Block>, b: &Bundle, lang: Lang) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
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
}

/// The labels the lexicon found, counted.
fn labels(blocks: &mut Vec<Block>, b: &Bundle, lang: Lang) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    if !b.labels.is_empty() {
        blocks.push(Block::Heading(t(i18n::B_LABELS)));
        blocks.push(table(
            vec![t(i18n::B_LABEL), t(i18n::B_NOTES)],
            counted(&b.labels),
            vec![1],
        ));
    }
}
