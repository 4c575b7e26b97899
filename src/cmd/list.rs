use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use crate::cli::{FormatArgs, ListFormat};
use crate::i18n;
use crate::note::{CaseNote, Scope, Triangle};
use crate::render;
use crate::store::Store;

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

pub fn run(ctx: &Ctx, args: FormatArgs) -> Result<()> {
    let notes = readable_notes(&ctx.store()?, ctx)?;
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
    Ok(())
}

/// Every note that can be read; each broken file is named on stderr, so
/// one bad file never hides the others.
pub fn readable_notes(store: &Store, ctx: &Ctx) -> Result<Vec<CaseNote>> {
    let (notes, broken) = store.all()?;
    for b in broken {
        eprintln!(
            "driehoek: {}",
            i18n::WARN_BROKEN_NOTE.with(
                ctx.lang,
                &[
                    ("file", &b.path.display().to_string()),
                    ("error", &format!("{:#}", b.error))
                ]
            )
        );
    }
    Ok(notes)
}
