use std::collections::HashSet;

use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use crate::cli::{ListArgs, ListFormat};
use crate::filter::Filter;
use crate::i18n::{self, Lang};
use crate::index::Summary;
use crate::note::{CaseNote, Scope, Triangle};
use crate::printable::say;
use crate::render;
use crate::store::{Broken, Store};

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
}

pub fn run(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let (mut rows, broken) = select(&ctx.store()?, &args.filter.filter(), ctx.lang)?;
    if args.group {
        rows = grouped(rows);
    }
    if let Some(limit) = args.limit {
        rows.truncate(limit);
    }
    match args.format {
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
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows)?);
        }
        ListFormat::Text if rows.is_empty() => eprintln!("{}", i18n::NO_NOTES.get(ctx.lang)),
        ListFormat::Text => {
            let width = console::Term::stdout()
                .size_checked()
                .map(|(_, cols)| usize::from(cols));
            print!("{}", render::table::render(&rows, ctx.lang, width));
        }
    }
    if args.strict && !broken.is_empty() {
        anyhow::bail!("{} unreadable note file(s)", broken.len());
    }
    Ok(())
}

/// Each note followed by the notes that revise it (oldest first, marked
/// `↳`), so the versions of one case stand together.
fn grouped(rows: Vec<Summary>) -> Vec<Summary> {
    let ids: HashSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let is_root = |r: &Summary| r.revises.as_deref().is_none_or(|id| !ids.contains(id));
    let mut out = Vec::with_capacity(rows.len());
    fn push_chain(root: &Summary, rows: &[Summary], depth: usize, out: &mut Vec<Summary>) {
        let mut row = root.clone();
        if depth > 0 {
            row.title = format!("{}↳ {}", "  ".repeat(depth - 1), row.title);
        }
        out.push(row);
        let mut children: Vec<&Summary> = rows
            .iter()
            .filter(|r| r.revises.as_deref() == Some(&root.id))
            .collect();
        children.sort_by_key(|r| r.created);
        for child in children {
            push_chain(child, rows, depth + 1, out);
        }
    }
    for root in rows.iter().filter(|r| is_root(r)) {
        push_chain(root, &rows, 0, &mut out);
    }
    out
}

/// The notes a filter keeps, newest first, from the cache where it is
/// fresh; broken files are named on stderr and returned.
pub fn select(store: &Store, filter: &Filter, lang: Lang) -> Result<(Vec<Summary>, Vec<Broken>)> {
    let listing = store.summaries()?;
    report_broken(&listing.broken, lang);
    for path in &listing.exposed {
        let path = path.display().to_string();
        say(format!(
            "driehoek: {}",
            i18n::WARN_EXPOSED.with(lang, &[("path", &path)])
        ));
    }
    let (mut rows, broken) = (listing.notes, listing.broken);
    rows.retain(|s| filter.keeps(s));
    if let Some(text) = &filter.search {
        let found = store.search(text)?;
        rows.retain(|s| found.contains(&s.id));
    }
    Ok((rows, broken))
}

/// Every note that can be read; each broken file is named on stderr, so
/// one bad file never hides the others.
pub fn readable_notes(store: &Store, ctx: &Ctx) -> Result<Vec<CaseNote>> {
    let (notes, broken) = store.all()?;
    report_broken(&broken, ctx.lang);
    Ok(notes)
}

/// Names each file that could not be read, with why, on stderr.
pub fn report_broken(broken: &[Broken], lang: Lang) {
    for b in broken {
        let file = b.path.display().to_string();
        let error = format!("{:#}", b.error);
        say(format!(
            "driehoek: {}",
            i18n::WARN_BROKEN_NOTE.with(lang, &[("file", &file), ("error", &error)])
        ));
    }
}
