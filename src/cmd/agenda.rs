use std::path::Path;

use anyhow::Result;
use jiff::Timestamp;

use super::Ctx;
use super::args::{FilterArgs, MeetingArgs};
use super::confirm::ask_yes;
use crate::domain::findings::findings;
use crate::domain::note::CaseNote;
use crate::domain::outcome::Status;
use crate::error::{bad_input, failure};
use crate::files::output;
use crate::i18n;
use crate::render::agenda::{self, Case};
use crate::store::Store;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Ids van notities, in de volgorde van de bespreking; zonder: de notities die de filters kiezen
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub meeting: MeetingArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// HTML om af te drukken, of Markdown; zonder: HTML in een bestand, Markdown op het scherm
    #[arg(long, visible_alias = "formaat", value_enum, value_name = "FORMAAT")]
    pub format: Option<AgendaFormat>,
    /// Schrijf naar dit bestand of in deze map in plaats van naar het scherm
    #[arg(short, long, visible_alias = "uitvoer", value_name = "PAD")]
    pub output: Option<PathBuf>,
    /// Vervang een bestaand bestand zonder te vragen
    #[arg(long, visible_alias = "vervang")]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    Html,
    Markdown,
}

pub fn run(ctx: &Ctx, args: AgendaArgs) -> Result<()> {
    let store = ctx.store()?;
    let (bank, _) = ctx.bank()?;
    let scanner = ctx.scanner()?;
    let (notes, unreadable) = chosen(ctx, &store, &args)?;
    // The agenda leaves the private store, like an export.
    for note in &notes {
        ctx.warn_before_export(&note.id, &findings(&scanner, note));
    }
    let cases: Vec<Case> = notes
        .iter()
        .map(|note| Case {
            note,
            set: bank.get(&note.set),
        })
        .collect();
    let now = Timestamp::now();
    // A page to print belongs in a file; on the screen, the text to read.
    let on_screen = args.output.is_none() && ctx.ui.out_is_terminal();
    let format = args.format.unwrap_or(match on_screen {
        true => AgendaFormat::Markdown,
        false => AgendaFormat::Html,
    });
    if on_screen && format == AgendaFormat::Html {
        return Err(bad_input(
            i18n::ERR_AGENDA_HTML_ON_SCREEN.get(ctx.ui_lang()),
        ));
    }
    let meeting = args.meeting.meeting();
    let (text, ext) = match format {
        AgendaFormat::Html => (agenda::html(&cases, ctx.ui_lang(), now, meeting), "html"),
        AgendaFormat::Markdown => (agenda::markdown(&cases, ctx.ui_lang(), now, meeting), "md"),
    };
    match &args.output {
        Some(path) => {
            let day = meeting.day.unwrap_or(crate::domain::day::local(now));
            write_to(ctx, &store, path, &text, ext, args.force, day)?
        }
        None if format == AgendaFormat::Markdown => ctx.ui.markdown(&text)?,
        None => ctx.ui.document(&text)?,
    }
    if on_screen {
        ctx.ui.say(i18n::AGENDA_ON_SCREEN.get(ctx.ui_lang()));
    }
    if unreadable > 0 {
        return Err(failure(
            i18n::ERR_AGENDA_INCOMPLETE.with(ctx.ui_lang(), &[("count", &unreadable.to_string())]),
        ));
    }
    Ok(())
}

/// The notes named, in the order named (each once), or else those the
/// filters choose: without `--status`, the open and decided cases (one
/// carried out needs no meeting); with how many could not be read.
fn chosen(ctx: &Ctx, store: &Store, args: &AgendaArgs) -> Result<(Vec<CaseNote>, usize)> {
    if !args.ids.is_empty() {
        if !args.filter.is_empty() {
            return Err(bad_input(
                i18n::ERR_AGENDA_IDS_AND_FILTERS.get(ctx.ui_lang()),
            ));
        }
        let mut ids: Vec<String> = Vec::new();
        for id in &args.ids {
            let id = store.resolve(id, ctx.ui_lang())?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let notes = ids.iter().map(|id| store.load(id)).collect::<Result<_>>()?;
        return Ok((notes, 0));
    }
    let (mut rows, broken) = ctx.select(store, &args.filter.filter())?;
    if args.filter.status.is_none() {
        rows.retain(|row| row.status != Status::Uitgevoerd);
    }
    let mut notes = Vec::with_capacity(rows.len());
    let mut unreadable = broken.len();
    for row in &rows {
        match store.load(&row.id) {
            Ok(note) => notes.push(note),
            Err(e) => {
                let error = crate::error::describe(&e, ctx.ui_lang());
                ctx.ui.warn(format!("{}: {error}", row.id));
                unreadable += 1;
            }
        }
    }
    if notes.is_empty() {
        return Err(bad_input(i18n::ERR_AGENDA_EMPTY.get(ctx.ui_lang())));
    }
    Ok((notes, unreadable))
}

/// The agenda into the file or folder of `-o`, by the rules of
/// [`crate::files::output`]; a folder gets `<YYYY-MM-DD>-<title-slug>.<ext>`,
/// dated by the meeting's `day`.
fn write_to(
    ctx: &Ctx,
    store: &Store,
    path: &Path,
    text: &str,
    ext: &str,
    force: bool,
    day: jiff::civil::Date,
) -> Result<()> {
    let title = i18n::AGENDA_TITLE.get(ctx.ui_lang());
    let doc = output::document_path(path, &day.to_string(), title, ext)?;
    let permit = output::permit(&doc, force, ctx.ui_lang(), |q| ask_yes(ctx, store, q))?;
    output::write(&doc, text, permit)?;
    ctx.ui
        .say(i18n::WROTE.with(ctx.ui_lang(), &[("paths", &doc.display().to_string())]));
    Ok(())
}
