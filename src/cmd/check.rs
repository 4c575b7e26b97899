use anyhow::Result;

use super::Ctx;
use crate::cli::CheckArgs;
use crate::error::bad_input;
use crate::i18n::{self, Lang};
use crate::labels::{LabelHit, Lexicon};
use crate::note::{Answer, CaseNote};
use crate::printable::show;
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
    let lexicon = ctx.lexicon()?;
    let mut total = 0;
    let mut with_findings = 0;
    for note in &notes {
        let found = findings(&scanner, note);
        let hits = label_hits(&lexicon, note);
        if found.is_empty() && hits.is_empty() {
            continue;
        }
        if !found.is_empty() {
            with_findings += 1;
            total += found.len();
        }
        show(format!("{} {}\n", note.id, note.title));
        for f in &found {
            show(format!("  {}\n", f.line(ctx.lang)));
        }
        // Labels are a mirror, not a fault: listed, but no exit code.
        for (question, hit) in &hits {
            let back = lexicon.question(&hit.key, ctx.lang).unwrap_or_default();
            let label = i18n::LABEL.get(ctx.lang);
            show(format!("  [{question}] {label}: {} → {back}\n", hit.text));
        }
    }
    // A temp file may hold a note's text: after a purge too.
    let temps = store.temp_files();
    for path in &temps {
        let path = path.display().to_string();
        println!("{}", i18n::CHECK_TEMP.with(ctx.lang, &[("path", &path)]));
    }
    if !temps.is_empty() {
        anyhow::bail!(i18n::CHECK_TEMPS.with(ctx.lang, &[("count", &temps.len().to_string())]));
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

/// The labels in a note's free text, each once, as the reader's language
/// first writes them.
pub fn labels(lexicon: &Lexicon, note: &CaseNote, lang: Lang) -> Vec<String> {
    let mut keys: Vec<String> = label_hits(lexicon, note)
        .into_iter()
        .map(|(_, h)| h.key)
        .collect();
    keys.sort();
    keys.dedup();
    keys.iter().map(|k| label_name(lexicon, k, lang)).collect()
}

/// Every label phrase in a note's free text, with the question it is in.
pub fn label_hits(lexicon: &Lexicon, note: &CaseNote) -> Vec<(String, LabelHit)> {
    let mut hits = Vec::new();
    for e in &note.answers {
        if let Answer::Text(t) = &e.value {
            hits.extend(lexicon.find(t).into_iter().map(|h| (e.id.clone(), h)));
        }
    }
    hits
}

/// A label's name: its first phrase in `lang`.
pub fn label_name(lexicon: &Lexicon, key: &str, lang: Lang) -> String {
    let label = lexicon.get(key);
    let phrases = label.map(|l| {
        if lang == Lang::En {
            &l.phrases_en
        } else {
            &l.phrases_nl
        }
    });
    phrases
        .and_then(|p| p.first())
        .cloned()
        .unwrap_or_else(|| key.replace('_', " "))
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
