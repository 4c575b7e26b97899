//! Two notes side by side: the same case before and after the team
//! discussion, or two cases that hit the same rule.

use super::{Block, Doc, signed};
use crate::domain::answer::{Cost, Euros, Verdict};
use crate::domain::day;
use crate::domain::note::{CaseNote, Contrast};
use crate::i18n::{self, Lang};

pub fn doc(a: &CaseNote, b: &CaseNote, lang: Lang) -> Doc {
    let mut blocks = vec![
        Block::Meta(format!(
            "A: {} · {} · {}",
            a.id,
            day::display_moment(a.created, lang),
            a.title
        )),
        Block::Meta(format!(
            "B: {} · {} · {}",
            b.id,
            day::display_moment(b.created, lang),
            b.title
        )),
    ];
    if b.revises.as_deref() == Some(a.id.as_str()) {
        blocks.push(Block::Meta(i18n::B_REVISES_A.get(lang).to_string()));
    } else if a.revises.as_deref() == Some(b.id.as_str()) {
        blocks.push(Block::Meta(i18n::A_REVISES_B.get(lang).to_string()));
    }
    blocks.extend(triangles(a, b, lang));
    blocks.extend(costs(a, b, lang));
    blocks.extend(contrasts(a, b, lang));
    blocks.extend(changed_answers(a, b, lang));
    Doc {
        title: i18n::COMPARE_TITLE.with(lang, &[("a", &a.id), ("b", &b.id)]),
        blocks,
    }
}

/// The three verdicts of each, and whether they agree.
fn triangles(a: &CaseNote, b: &CaseNote, lang: Lang) -> Vec<Block> {
    let mark = |same: bool| if same { "=" } else { "≠" }.to_string();
    let verdict = |v: Option<Verdict>| v.map_or("—", |v| v.label(lang)).to_string();
    let rows = a
        .triangle
        .corners()
        .iter()
        .zip(b.triangle.corners())
        .map(|((q, va), (_, vb))| {
            vec![
                q.get(lang).to_string(),
                verdict(*va),
                verdict(vb),
                mark(*va == vb),
            ]
        })
        .collect();
    vec![
        Block::Heading(i18n::H_TRIANGLE.get(lang).to_string()),
        Block::Table {
            head: vec![
                i18n::H_QUESTION.get(lang).into(),
                "A".into(),
                "B".into(),
                String::new(),
            ],
            rows,
            numeric: Vec::new(),
        },
    ]
}

/// Each cost with its own period; the change only where the periods
/// agree, and the difference over each note's own stated horizon. Nothing
/// when neither names a cost.
fn costs(a: &CaseNote, b: &CaseNote, lang: Lang) -> Vec<Block> {
    let cost = |c: Option<Cost>| c.map_or_else(|| "—".to_string(), |c| c.display(lang));
    let saving = |n: &CaseNote| {
        n.costs.over_horizon().map(|h| {
            format!(
                "{} ({})",
                super::said_saving(h.saving(), lang),
                i18n::years(h.years, lang)
            )
        })
    };
    let change = |x: Option<Cost>, y: Option<Cost>| match (x, y) {
        (
            Some(Cost {
                amount: Some(x),
                period: p,
            }),
            Some(Cost {
                amount: Some(y),
                period: q,
            }),
        ) if p == q => Euros(y.0 - x.0).display(lang),
        _ => "—".to_string(),
    };
    let mut rows = Vec::new();
    for (label, x, y) in [
        (i18n::COST_NOW, a.costs.current, b.costs.current),
        (i18n::COST_PROPOSED, a.costs.proposed, b.costs.proposed),
    ] {
        if x.is_some() || y.is_some() {
            rows.push(vec![
                label.get(lang).to_string(),
                cost(x),
                cost(y),
                change(x, y),
            ]);
        }
    }
    let (sa, sb) = (saving(a), saving(b));
    if sa.is_some() || sb.is_some() {
        let none = || "—".to_string();
        rows.push(vec![
            i18n::COST_DIFF.get(lang).to_string(),
            sa.unwrap_or_else(none),
            sb.unwrap_or_else(none),
            none(),
        ]);
    }
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading(i18n::H_COSTS.get(lang).to_string()),
        Block::Table {
            head: vec![
                String::new(),
                "A".into(),
                "B".into(),
                i18n::H_CHANGE.get(lang).into(),
            ],
            rows,
            numeric: vec![1, 2, 3],
        },
    ]
}

/// Where each places the case on the rational/relational rows, and how
/// far that moved; nothing when neither has rows.
fn contrasts(a: &CaseNote, b: &CaseNote, lang: Lang) -> Vec<Block> {
    if a.contrasts.is_empty() && b.contrasts.is_empty() {
        return Vec::new();
    }
    let span = |c: Option<&Contrast>| match c {
        Some(Contrast {
            now: Some(n),
            desired: Some(d),
            ..
        }) => format!("{n} → {d}"),
        Some(Contrast { now: Some(n), .. }) => n.to_string(),
        _ => "—".to_string(),
    };
    let shift = |x: Option<i64>, y: Option<i64>| match (x, y) {
        (Some(x), Some(y)) => signed(y - x),
        _ => "—".to_string(),
    };
    let rows = a
        .contrasts
        .iter()
        .map(|ca| {
            let cb = b.contrasts.iter().find(|c| c.key == ca.key);
            vec![
                format!("{} ↔ {}", ca.rational, ca.relational),
                span(Some(ca)),
                span(cb),
                shift(ca.now, cb.and_then(|c| c.now)),
                shift(ca.desired, cb.and_then(|c| c.desired)),
            ]
        })
        .collect();
    vec![
        Block::Heading(i18n::H_CONTRASTS.get(lang).to_string()),
        Block::Table {
            head: vec![
                i18n::H_CONTRAST_ROW.get(lang).into(),
                format!("A {}", i18n::H_NOW_DESIRED.get(lang)),
                format!("B {}", i18n::H_NOW_DESIRED.get(lang)),
                i18n::H_SHIFT_NOW.get(lang).into(),
                i18n::H_SHIFT_DESIRED.get(lang).into(),
            ],
            rows,
            numeric: vec![3, 4],
        },
    ]
}

/// Every answer that differs, A's then B's; nothing when none does.
fn changed_answers(a: &CaseNote, b: &CaseNote, lang: Lang) -> Vec<Block> {
    let mut changed = Vec::new();
    for ea in &a.answers {
        let eb = b.entry(&ea.id);
        if eb.is_none_or(|eb| eb.value != ea.value) {
            let after = eb.map_or_else(|| "—".to_string(), |e| e.display(lang));
            changed.push(Block::Answer {
                question: ea.question.clone(),
                answer: format!("A: {}\nB: {after}", ea.display(lang)),
            });
        }
    }
    for eb in b.answers.iter().filter(|eb| a.entry(&eb.id).is_none()) {
        changed.push(Block::Answer {
            question: eb.question.clone(),
            answer: format!("A: —\nB: {}", eb.display(lang)),
        });
    }
    if !changed.is_empty() {
        changed.insert(
            0,
            Block::Heading(i18n::H_CHANGED_ANSWERS.get(lang).to_string()),
        );
    }
    changed
}
