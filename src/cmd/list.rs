use std::collections::{HashMap, HashSet};

use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use super::args::{FilterArgs, FormatArgs, ListFormat};
use crate::domain::answer::Scope;
use crate::domain::note::Triangle;
use crate::domain::outcome::Status;
use crate::domain::summary::Summary;
use crate::error::{bad_input, failure};
use crate::i18n;
use crate::render;
use clap::Args;

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub format: FormatArgs,
    /// Sluit af met code 1 als een notitiebestand niet te lezen is
    #[arg(long, visible_alias = "streng")]
    pub strict: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Toon hoogstens N notities
    #[arg(long, visible_alias = "hoogstens", value_name = "N")]
    pub limit: Option<usize>,
    /// Zet herziene versies van een casus onder de notitie die ze herzien
    #[arg(long, visible_alias = "groepeer")]
    pub group: bool,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    id: &'a str,
    title: &'a str,
    created: String,
    updated: String,
    triangle: &'a Triangle,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<Scope>,
    #[serde(skip_serializing_if = "Option::is_none")]
    revises: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    practice: Option<&'a str>,
    /// Not updated for longer than the retention period.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    past_retention: bool,
    /// Where the case stands after the discussion, and how many days it
    /// took from the note to the first decision (null while undecided).
    status: Status,
    days_to_decision: Option<i64>,
}

pub fn run(ctx: &Ctx, args: ListArgs) -> Result<()> {
    // Zero rows would read as "there are no notes".
    if args.limit == Some(0) {
        return Err(bad_input(i18n::ERR_LIMIT_ZERO.get(ctx.ui_lang())));
    }
    let (mut rows, broken) = ctx.select(&ctx.store()?, &args.filter.filter())?;
    if args.group {
        rows = grouped(rows);
    }
    if let Some(limit) = args.limit {
        rows.truncate(limit);
    }
    let old: HashSet<String> = match ctx.config.bewaartermijn {
        Some(months) => super::retention::past(&rows, months, |n| n.updated)
            .into_iter()
            .map(|n| n.id.clone())
            .collect(),
        None => HashSet::new(),
    };
    match args.format.format {
        ListFormat::Json => {
            let rows: Vec<JsonRow> = rows
                .iter()
                .map(|n| JsonRow {
                    id: &n.id,
                    title: &n.title,
                    created: n.created.to_string(),
                    updated: n.updated.to_string(),
                    triangle: &n.triangle,
                    scope: n.scope,
                    revises: n.revises.as_deref(),
                    practice: n.practice.as_deref(),
                    past_retention: old.contains(&n.id),
                    status: n.status,
                    days_to_decision: n.days_to_decision,
                })
                .collect();
            ctx.ui.document(&render::json(&rows)?)?;
        }
        ListFormat::Text if rows.is_empty() => ctx.ui.say(i18n::NO_NOTES.get(ctx.ui_lang())),
        ListFormat::Text => {
            let mark = i18n::RETENTION_MARK.get(ctx.ui_lang());
            for row in rows.iter_mut().filter(|r| old.contains(&r.id)) {
                row.title = format!("{} ({mark})", row.title);
            }
            ctx.ui.print(&render::table::render(
                &rows,
                ctx.ui_lang(),
                ctx.ui.table_width(),
            ))?;
        }
    }
    if let (Some(months), false) = (ctx.config.bewaartermijn, old.is_empty()) {
        let months = i18n::N_MONTHS.count(ctx.ui_lang(), months.0 as usize);
        ctx.ui
            .say(i18n::RETENTION_LISTED.with(ctx.ui_lang(), old.len(), &[("months", &months)]));
    }
    if args.strict && !broken.is_empty() {
        return Err(failure(
            i18n::N_UNREADABLE.count(ctx.ui_lang(), broken.len()),
        ));
    }
    Ok(())
}

/// Each note followed by the notes that revise it (oldest first, marked
/// `↳`), so the versions of one case stand together. A note whose
/// `revises` is gone stands under its case's first note; a loop of
/// `revises` is shown from its first note in the list, so no note is ever
/// left out.
fn grouped(rows: Vec<Summary>) -> Vec<Summary> {
    let ids: HashSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let parent = |r: &Summary| {
        let present = |id: &&String| ids.contains(id.as_str()) && **id != r.id;
        r.revises
            .as_ref()
            .filter(present)
            .or(r.case.as_ref().filter(present))
            .cloned()
    };
    let mut children: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, parent(r)?)))
    {
        children.entry(p).or_default().push(i);
    }
    for list in children.values_mut() {
        list.sort_by_key(|&i| rows[i].created);
    }
    let mut done = vec![false; rows.len()];
    let mut out = Vec::with_capacity(rows.len());
    fn push_chain(
        at: usize,
        (rows, children): (&[Summary], &HashMap<String, Vec<usize>>),
        depth: usize,
        done: &mut [bool],
        out: &mut Vec<Summary>,
    ) {
        if std::mem::replace(&mut done[at], true) {
            return;
        }
        let mut row = rows[at].clone();
        if depth > 0 {
            row.title = format!("{}↳ {}", "  ".repeat(depth - 1), row.title);
        }
        out.push(row);
        for &child in children.get(&rows[at].id).into_iter().flatten() {
            push_chain(child, (rows, children), depth + 1, done, out);
        }
    }
    let roots = (0..rows.len()).filter(|&i| parent(&rows[i]).is_none());
    let roots: Vec<usize> = roots.collect();
    for at in roots.into_iter().chain(0..rows.len()) {
        push_chain(at, (&rows, &children), 0, &mut done, &mut out);
    }
    out
}
