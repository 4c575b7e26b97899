use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use crate::cli::{ListArgs, ListFormat};
use crate::i18n::{self, Lang};
use crate::note::{CaseNote, Scope, Triangle};
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
}

pub fn run(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let (notes, broken) = ctx.store()?.all()?;
    report_broken(&broken, ctx.lang);
    match args.format {
        ListFormat::Json => {
            let rows: Vec<JsonRow> = notes
                .iter()
                .map(|n| JsonRow {
                    id: &n.id,
                    title: &n.title,
                    created: n.created.to_string(),
                    updated: n.updated.to_string(),
                    triangle: &n.triangle,
                    scope: n.scope,
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows)?);
        }
        ListFormat::Text if notes.is_empty() => eprintln!("{}", i18n::NO_NOTES.get(ctx.lang)),
        ListFormat::Text => print!("{}", render::table::render(&notes, ctx.lang)),
    }
    if args.strict && !broken.is_empty() {
        anyhow::bail!("{} unreadable note file(s)", broken.len());
    }
    Ok(())
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
        eprintln!(
            "driehoek: {}",
            i18n::WARN_BROKEN_NOTE.with(lang, &[("file", &file), ("error", &error)])
        );
    }
}
