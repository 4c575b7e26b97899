use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::Ctx;
use crate::bank::Bank;
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::bad_input;
use crate::i18n::{self, Lang};
use crate::note::CaseNote;
use crate::privacy::AnswerFinding;
use crate::render;
use crate::store::{write_atomic, write_many};

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let store = ctx.store()?;
    let (bank, _) = ctx.bank()?;
    let scanner = ctx.scanner()?;
    if args.all {
        let Some(dir) = &args.output else {
            return Err(bad_input(i18n::ERR_EXPORT_ALL_NEEDS_DIR.get(ctx.lang)));
        };
        let (rows, _) = super::list::select(&store, &args.filter.filter(), ctx.lang)?;
        fs::create_dir_all(dir).with_context(|| format!("cannot make folder {}", dir.display()))?;
        let ext = match args.format {
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
        };
        // Read, check and render on every core; then write them all.
        let rendered = crate::par::map(
            &rows,
            64,
            |row| -> Result<(String, String, Vec<AnswerFinding>)> {
                let note = store.load(&row.id)?;
                let found = super::check::findings(&scanner, &note);
                Ok((
                    note.id.clone(),
                    render_one(&note, &bank, args.format, ctx.lang)?,
                    found,
                ))
            },
        );
        let mut files = Vec::with_capacity(rendered.len());
        for (row, result) in rows.iter().zip(rendered) {
            match result {
                Ok((id, text, found)) => {
                    warn_findings(&id, &found, ctx.lang);
                    files.push((format!("{id}.{ext}"), text));
                }
                Err(e) => eprintln!("driehoek: {}: {e:#}", row.id),
            }
        }
        let count = files.len();
        write_many(dir, files).with_context(|| format!("cannot write to {}", dir.display()))?;
        eprintln!(
            "{}",
            i18n::EXPORTED.with(
                ctx.lang,
                &[
                    ("count", &count.to_string()),
                    ("dir", &dir.display().to_string())
                ]
            )
        );
        return Ok(());
    }
    if !args.filter.is_empty() {
        return Err(bad_input(i18n::ERR_FILTER_NEEDS_ALL.get(ctx.lang)));
    }
    let id = args
        .id
        .as_deref()
        .ok_or_else(|| bad_input(i18n::ERR_EXPORT_NEEDS_ID.get(ctx.lang)))?;
    let note = store.load(&store.resolve(id, ctx.lang)?)?;
    warn_findings(&note.id, &super::check::findings(&scanner, &note), ctx.lang);
    let text = render_one(&note, &bank, args.format, ctx.lang)?;
    match &args.output {
        Some(path) => write(path, &text),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

/// An export leaves the private store: say what in it looks like personal
/// data before it goes.
fn warn_findings(id: &str, found: &[AnswerFinding], lang: Lang) {
    if !found.is_empty() {
        eprintln!(
            "driehoek: {}",
            i18n::WARN_EXPORT_PERSONAL.with(lang, &[("id", id)])
        );
        for f in found {
            eprintln!("  {}", f.line(lang));
        }
    }
}

fn render_one(note: &CaseNote, bank: &Bank, format: ExportFormat, lang: Lang) -> Result<String> {
    Ok(match format {
        ExportFormat::Markdown => {
            render::markdown::render(&render::note_doc(note, bank.get(&note.set), lang))
        }
        ExportFormat::Json => serde_json::to_string_pretty(note)? + "\n",
    })
}

/// Exports hold case text: written whole, and readable by the owner only.
fn write(path: &Path, text: &str) -> Result<()> {
    write_atomic(path, text.as_bytes(), true)
        .with_context(|| format!("cannot write {}", path.display()))
}
