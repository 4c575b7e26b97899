use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::Ctx;
use crate::bank::Bank;
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::bad_input;
use crate::i18n::{self, Lang};
use crate::note::CaseNote;
use crate::privacy::Scanner;
use crate::render;
use crate::store::write_atomic;

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let store = ctx.store()?;
    let (bank, _) = ctx.bank()?;
    let scanner = ctx.scanner()?;
    if args.all {
        let Some(dir) = &args.output else {
            return Err(bad_input(i18n::ERR_EXPORT_ALL_NEEDS_DIR.get(ctx.lang)));
        };
        let notes = super::list::readable_notes(&store, ctx)?;
        fs::create_dir_all(dir).with_context(|| format!("cannot make folder {}", dir.display()))?;
        let ext = match args.format {
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
        };
        for note in &notes {
            let path = dir.join(format!("{}.{ext}", note.id));
            warn_personal(&scanner, note, ctx.lang);
            write(&path, &render_one(note, &bank, args.format, ctx.lang)?)?;
        }
        eprintln!(
            "{}",
            i18n::EXPORTED.with(
                ctx.lang,
                &[
                    ("count", &notes.len().to_string()),
                    ("dir", &dir.display().to_string())
                ]
            )
        );
        return Ok(());
    }
    let id = args
        .id
        .as_deref()
        .ok_or_else(|| bad_input(i18n::ERR_EXPORT_NEEDS_ID.get(ctx.lang)))?;
    let note = store.load(&store.resolve(id, ctx.lang)?)?;
    warn_personal(&scanner, &note, ctx.lang);
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
fn warn_personal(scanner: &Scanner, note: &CaseNote, lang: Lang) {
    let found = super::check::findings(scanner, note);
    if !found.is_empty() {
        eprintln!(
            "driehoek: {}",
            i18n::WARN_EXPORT_PERSONAL.with(lang, &[("id", &note.id)])
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
