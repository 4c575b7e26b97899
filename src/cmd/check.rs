use anyhow::Result;

use super::Ctx;
use crate::cli::CheckArgs;
use crate::error::bad_input;
use crate::i18n::{self, Lang};
use crate::note::CaseNote;
use crate::privacy::{AnswerFinding, Scanner, scan_answers};

/// Scans stored notes; exit 1 when anything looks like personal data.
pub fn run(ctx: &Ctx, args: CheckArgs) -> Result<()> {
    let store = ctx.store()?;
    let scanner = ctx.scanner()?;
    let notes = if args.ids.is_empty() {
        super::list::readable_notes(&store, ctx)?
    } else {
        let ids = args
            .ids
            .iter()
            .map(|id| store.resolve(id, ctx.lang))
            .collect::<Result<Vec<_>>>()?;
        ids.iter()
            .map(|id| store.load(id))
            .collect::<Result<Vec<_>>>()?
    };
    let mut total = 0;
    let mut with_findings = 0;
    for note in &notes {
        let found = findings(&scanner, note);
        if found.is_empty() {
            continue;
        }
        with_findings += 1;
        total += found.len();
        println!("{} {}", note.id, note.title);
        for f in &found {
            println!("  {}", f.line(ctx.lang));
        }
    }
    if total == 0 {
        eprintln!(
            "{}",
            i18n::CHECK_CLEAN.with(ctx.lang, &[("count", &notes.len().to_string())])
        );
        return Ok(());
    }
    let summary = i18n::CHECK_FOUND.with(
        ctx.lang,
        &[
            ("count", &total.to_string()),
            ("notes", &with_findings.to_string()),
        ],
    );
    anyhow::bail!(summary)
}

/// What the guard finds in a note's free text.
pub fn findings(scanner: &Scanner, note: &CaseNote) -> Vec<AnswerFinding> {
    scan_answers(
        scanner,
        note.answers.iter().map(|e| (e.id.as_str(), &e.value)),
    )
}

/// Refuses to save what looks like personal data unless the person said
/// it is meant (`--allow-personal-data`); lists every finding.
pub fn refuse_personal_data(found: &[AnswerFinding], allow: bool, lang: Lang) -> Result<()> {
    if found.is_empty() || allow {
        return Ok(());
    }
    let mut msg: Vec<String> = found.iter().map(|f| f.line(lang)).collect();
    msg.push(i18n::ERR_PERSONAL_DATA.with(lang, &[("count", &found.len().to_string())]));
    Err(bad_input(msg.join("\n")))
}
