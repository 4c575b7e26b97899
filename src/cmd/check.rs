use anyhow::Result;

use super::Ctx;
use crate::domain::day;
use crate::domain::findings::{findings, label_hits};
use crate::domain::privacy::Scanner;
use crate::error::failure;
use crate::i18n;
use crate::store::Store;
use clap::Args;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Ids van notities (een uniek begin is genoeg)
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
}

/// Scans stored notes; exit 1 when anything looks like personal data.
pub fn run(ctx: &Ctx, args: CheckArgs) -> Result<()> {
    let store = ctx.store()?;
    let scanner = ctx.scanner()?;
    let notes = if args.ids.is_empty() {
        let (notes, broken) = store.all()?;
        ctx.warn_broken(&broken);
        notes
    } else {
        let ids = args
            .ids
            .iter()
            .map(|id| store.resolve(id, ctx.ui_lang()))
            .collect::<Result<Vec<_>>>()?;
        ids.iter()
            .map(|id| store.load(id))
            .collect::<Result<Vec<_>>>()?
    };
    let lexicon = ctx.lexicon()?;
    let mut total = 0;
    let mut with_findings = 0;
    for note in &notes {
        let found = findings(&scanner, note);
        let in_versions = in_versions(ctx, &store, &scanner, &note.id);
        let hits = label_hits(&lexicon, note);
        if found.is_empty() && in_versions.is_empty() && hits.is_empty() {
            continue;
        }
        if !found.is_empty() || !in_versions.is_empty() {
            with_findings += 1;
            total += found.len() + in_versions.len();
        }
        ctx.ui.print(&format!("{} {}\n", note.id, note.title))?;
        for f in &found {
            ctx.ui.print(&format!("  {}\n", f.line(ctx.ui_lang())))?;
        }
        for line in &in_versions {
            ctx.ui.print(&format!("{line}\n"))?;
        }
        // Labels are a mirror, not a fault: listed, but no exit code.
        for (question, hit) in &hits {
            let back = lexicon
                .question(&hit.key, ctx.ui_lang())
                .unwrap_or_default();
            let label = i18n::LABEL.get(ctx.ui_lang());
            ctx.ui
                .print(&format!("  [{question}] {label}: {} → {back}\n", hit.text))?;
        }
    }
    // Each kind of fault is said once, after all that was found.
    let mut faults = Vec::new();
    if total > 0 {
        faults.push(i18n::CHECK_FOUND.with(
            ctx.ui_lang(),
            &[
                ("findings", &i18n::N_FINDINGS.count(ctx.ui_lang(), total)),
                ("notes", &i18n::N_NOTES.count(ctx.ui_lang(), with_findings)),
            ],
        ));
    }
    // Notes kept longer than the team decided (AVG storage limitation).
    if let Some(months) = ctx.config.bewaartermijn {
        let old = super::retention::past(&notes, months, |n| n.updated);
        let months = i18n::N_MONTHS.count(ctx.ui_lang(), months.0 as usize);
        for note in &old {
            let date = day::in_table(note.updated, ctx.ui_lang());
            let line = i18n::CHECK_RETENTION.with(
                ctx.ui_lang(),
                &[
                    ("id", &note.id),
                    ("title", &note.title),
                    ("months", &months),
                    ("date", &date),
                ],
            );
            ctx.ui.print(&format!("{line}\n"))?;
        }
        if !old.is_empty() {
            let listed =
                i18n::RETENTION_LISTED.with(ctx.ui_lang(), old.len(), &[("months", &months)]);
            faults.push(listed);
        }
    }
    // A temp file may hold a note's text: after a purge too.
    let temps = store.temp_files();
    for path in &temps {
        let path = path.display().to_string();
        let line = i18n::CHECK_TEMP.with(ctx.ui_lang(), &[("path", &path)]);
        ctx.ui.print(&format!("{line}\n"))?;
    }
    if !temps.is_empty() {
        faults.push(i18n::CHECK_TEMPS.count(ctx.ui_lang(), temps.len()));
    }
    if faults.is_empty() {
        ctx.ui
            .say(i18n::CHECK_CLEAN.count(ctx.ui_lang(), notes.len()));
        return Ok(());
    }
    Err(failure(faults.join("\n")))
}

/// What the guard finds in the kept versions of note `id`: a line for
/// each, saying how to erase that one version. An edit that removed a BSN
/// leaves it in the version before.
fn in_versions(ctx: &Ctx, store: &Store, scanner: &Scanner, id: &str) -> Vec<String> {
    let lang = ctx.ui_lang();
    let mut lines = Vec::new();
    for (i, path) in store.history(id).iter().enumerate() {
        let Ok(version) = crate::store::read_note(path) else {
            continue;
        };
        let date = day::moment(version.updated, lang);
        let n = (i + 1).to_string();
        for f in findings(scanner, &version) {
            lines.push(i18n::CHECK_IN_VERSION.with(
                lang,
                &[
                    ("n", &n),
                    ("date", &date),
                    ("finding", &f.line(lang)),
                    ("id", id),
                ],
            ));
        }
    }
    lines
}
