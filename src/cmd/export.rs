use std::fs;
use std::path::Path;

use anyhow::Result;

use super::Ctx;
use super::args::{FilterArgs, MeetingArgs};
use super::confirm::ask_yes;
use crate::config;
use crate::domain::bank::{Bank, QuestionSet};
use crate::domain::findings::{findings, record_findings};
use crate::domain::note::CaseNote;
use crate::domain::plain;
use crate::domain::privacy::{AnswerFinding, FindingKind, scan_answers};
use crate::domain::record::{self, Record};
use crate::error::{self, SayAbout, bad_input, failure};
use crate::files::output;
use crate::i18n::{self, Lang};
use crate::render::{self, Meeting};
use crate::store::bulk::write_many;
use crate::store::{Store, make_private_dir};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    #[arg(required_unless_present_any = ["all", "anonymous"], conflicts_with = "all")]
    pub id: Option<String>,
    /// Exporteer alle notities, één bestand per notitie, naar de map van -o
    #[arg(long, visible_alias = "alle")]
    pub all: bool,
    /// Formaat van de export (standaard markdown; met --anoniem altijd json)
    #[arg(long, visible_alias = "formaat", value_enum, value_name = "FORMAAT")]
    pub format: Option<ExportFormat>,
    /// Schrijf naar dit bestand of in deze map (met --alle: deze map) in plaats van naar het scherm
    #[arg(short, long, visible_alias = "uitvoer", value_name = "PAD")]
    pub output: Option<PathBuf>,
    /// Vervang een bestaand bestand zonder te vragen
    #[arg(long, visible_alias = "vervang")]
    pub force: bool,
    /// Met --alle: één JSON-bestand met alleen wat een bundel telt, zonder titels of vrije tekst, om met andere teams te bundelen (driehoek bundel --uit)
    #[arg(long, visible_alias = "anoniem")]
    pub anonymous: bool,
    /// Met --anoniem: zet ook je initialen bij elke casus
    #[arg(long, visible_alias = "initialen", requires = "anonymous")]
    pub initials: bool,
    /// Een pagina voor de persoon zelf, in gewone woorden: HTML om af te drukken (in een bestand) of Markdown (op het scherm)
    #[arg(long, visible_alias = "voor-persoon", conflicts_with_all = ["all", "anonymous"])]
    pub for_person: bool,
    #[command(flatten)]
    pub meeting: MeetingArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    // One self-contained page to read on screen or print on A4.
    Html,
    Json,
}

/// Files to write, as (name, text).
type Files = Vec<(String, String)>;

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let format = args.format.unwrap_or(ExportFormat::Markdown);
    // A meeting's day belongs on a page, not in a file for tools.
    if args.meeting.meeting.is_some() && (args.anonymous || format == ExportFormat::Json) {
        return Err(bad_input(i18n::ERR_MEETING_ON_PAGE.get(ctx.ui_lang())));
    }
    if args.anonymous {
        return anonymous(ctx, &args);
    }
    if args.for_person {
        return for_person(ctx, &args);
    }
    let meeting = args.meeting.meeting();
    let store = ctx.store()?;
    let (bank, _) = ctx.bank()?;
    let scanner = ctx.scanner()?;
    if args.all {
        let Some(dir) = &args.output else {
            return Err(bad_input(i18n::ERR_EXPORT_ALL_NEEDS_DIR.get(ctx.ui_lang())));
        };
        let (rows, broken) = ctx.select(&store, &args.filter.filter())?;
        // A new folder of case notes is private like the store.
        make_private_dir(dir)?;
        let ext = ext(format);
        let compare = fs::read_dir(dir)?.next().is_some();
        let results = write_many(dir, &rows, compare, |row| {
            let note = store.load(&row.id)?;
            let found = findings(&scanner, &note);
            let name = output::file_name(&note.id, &note.title, ext);
            Ok((
                render_files(&note, &bank, format, ctx.ui_lang(), meeting, &name)?,
                found,
            ))
        })
        .about(i18n::ERR_CANNOT_WRITE, dir)?;
        let (mut count, mut failed) = (0, broken.len());
        for (row, result) in rows.iter().zip(results) {
            match result {
                Ok(found) => {
                    ctx.warn_before_export(&row.id, &found);
                    count += 1;
                }
                Err(e) => {
                    let error = error::describe(&e, ctx.ui_lang());
                    ctx.ui.warn(format!("{}: {error}", row.id));
                    failed += 1;
                }
            }
        }
        let shown = dir.display().to_string();
        ctx.ui
            .say(i18n::EXPORTED.with(ctx.ui_lang(), count, &[("dir", &shown)]));
        // The rest is exported, but an export meant as everything is not.
        if failed > 0 {
            return Err(failure(
                i18n::ERR_NOT_ALL_EXPORTED.count(ctx.ui_lang(), failed),
            ));
        }
        return Ok(());
    }
    if !args.filter.is_empty() {
        return Err(bad_input(i18n::ERR_FILTER_NEEDS_ALL.get(ctx.ui_lang())));
    }
    let id = args
        .id
        .as_deref()
        .ok_or_else(|| bad_input(i18n::ERR_EXPORT_NEEDS_ID.get(ctx.ui_lang())))?;
    let note = store.load(&store.resolve_named(id, ctx.ui_lang())?)?;
    ctx.warn_before_export(&note.id, &findings(&scanner, &note));
    match &args.output {
        Some(path) => export_to(ctx, &store, &note, &bank, &args, path),
        None => {
            let text = render_one(&note, &bank, format, ctx.ui_lang(), meeting, None)?;
            Ok(ctx.ui.document(&text)?)
        }
    }
}

/// Every chosen note as one anonymous export (see [`crate::domain::record`]) to
/// the file of `-o`, or to standard output. Refused whole, with every
/// finding, when a rule line or a law's name looks like personal data:
/// the file is meant to leave the laptop.
fn anonymous(ctx: &Ctx, args: &ExportArgs) -> Result<()> {
    let lang = ctx.ui_lang();
    if !args.all {
        return Err(bad_input(i18n::ERR_ANON_NEEDS_ALL.get(lang)));
    }
    if args.format.is_some_and(|f| f != ExportFormat::Json) {
        return Err(bad_input(i18n::ERR_ANON_JSON_ONLY.get(lang)));
    }
    let store = ctx.store()?;
    let (bank, _) = ctx.bank()?;
    let scanner = ctx.scanner()?;
    let (rows, mut broken) = ctx.select(&store, &args.filter.filter())?;
    let (notes, unreadable) = store.load_many(rows.into_iter().map(|s| s.id).collect());
    ctx.warn_broken(&unreadable);
    broken.extend(unreadable);
    let secret = store.export_secret()?;
    // Every record is checked as `bundle --from` will check it: one that
    // fails (a note from before these limits) is named and left out, so
    // the file always bundles, and bundles as the store does.
    let (own, beyond) =
        record::Checks::new(&bank).split(record::records(&notes, &bank, |_| Vec::new()));
    for (r, flaw) in &beyond {
        let problem = flaw.text(lang);
        ctx.ui
            .say(i18n::RECORD_LEFT_OUT_EXPORT.with(lang, &[("id", &r.id), ("problem", &problem)]));
    }
    let records: Vec<Record> = own
        .iter()
        .map(|r| r.anonymous(&secret, args.initials))
        .collect();
    let found: Vec<_> = own
        .iter()
        .zip(&records)
        .flat_map(|(own, out)| {
            let roles = bank.get(&own.set).map(|s| &s.roles);
            record_findings(&scanner, &own.id, roles, out)
        })
        .collect();
    if !found.is_empty() {
        for f in &found {
            ctx.ui.say(format!("  {}", f.line(lang)));
        }
        return Err(bad_input(i18n::ERR_ANON_PERSONAL.get(lang)));
    }
    let count = records.len();
    let without = records.iter().filter(|r| r.initials.is_none()).count();
    if args.initials && without > 0 {
        ctx.ui.say(i18n::WARN_NO_INITIALS.count(lang, without));
    }
    let text = record::to_text(&record::Export {
        format: record::FORMAT.to_string(),
        version: record::VERSION,
        exported: jiff::Timestamp::now(),
        records,
    })?;
    match &args.output {
        Some(path) => {
            let day = crate::domain::day::local(jiff::Timestamp::now()).to_string();
            let doc = output::document_path(path, &day, "anoniem", "json")?;
            let permit = output::permit(&doc, args.force, lang, |q| ask_yes(ctx, &store, q))?;
            output::write(&doc, &text, permit)?;
            let shown = doc.display().to_string();
            ctx.ui
                .say(i18n::ANON_WROTE.with(lang, count, &[("path", &shown)]));
        }
        None => ctx.ui.document(&text)?,
    }
    // The rest is exported, but an export meant as everything is not.
    if !broken.is_empty() || !beyond.is_empty() {
        let left_out = broken.len() + beyond.len();
        return Err(failure(i18n::ERR_NOT_ALL_EXPORTED.count(lang, left_out)));
    }
    Ok(())
}

/// The page for the person (see [`render::person`]): into the file or
/// folder of `-o` or a pipe as the HTML page to print, on the screen as
/// the Markdown to read (HTML there is refused). Refused whole, with
/// where each word is, when a text it shows holds a label or a
/// professional word; the privacy guard warns of what it shows.
fn for_person(ctx: &Ctx, args: &ExportArgs) -> Result<()> {
    let lang = ctx.ui_lang();
    if args.format == Some(ExportFormat::Json) {
        return Err(bad_input(i18n::ERR_PERSON_JSON.get(lang)));
    }
    if !args.filter.is_empty() {
        return Err(bad_input(i18n::ERR_FILTER_NEEDS_ALL.get(lang)));
    }
    let on_screen = args.output.is_none() && ctx.ui.out_is_terminal();
    let format = args.format.unwrap_or(match on_screen {
        true => ExportFormat::Markdown,
        false => ExportFormat::Html,
    });
    if on_screen && format == ExportFormat::Html {
        return Err(bad_input(i18n::ERR_AGENDA_HTML_ON_SCREEN.get(lang)));
    }
    let store = ctx.store()?;
    let (bank, _) = ctx.bank()?;
    let id = args
        .id
        .as_deref()
        .ok_or_else(|| bad_input(i18n::ERR_EXPORT_NEEDS_ID.get(lang)))?;
    // Named as every other export: by id, id prefix or words of its title.
    let note = store.load(&store.resolve_named(id, lang)?)?;
    let set = bank.get(&note.set);
    let to = for_the_person(ctx, &note, set, args.meeting.meeting())?;
    let text = match format {
        ExportFormat::Html => render::person::page(&note, set, &to),
        _ => render::person::markdown(&note, set, &to),
    };
    ctx.warn_before_export(&note.id, &person_findings(ctx, &note, set)?);
    match &args.output {
        Some(path) => {
            let title = i18n::PERSON_FILE.get(note.note_lang);
            let doc = output::document_path(path, &note.id, title, ext(format))?;
            let permit = output::permit(&doc, args.force, lang, |q| ask_yes(ctx, &store, q))?;
            output::write(&doc, &text, permit)?;
            ctx.ui
                .say(i18n::WROTE.with(lang, &[("paths", &doc.display().to_string())]));
        }
        None if format == ExportFormat::Markdown => ctx.ui.markdown(&text)?,
        None => ctx.ui.document(&text)?,
    }
    if on_screen {
        ctx.ui.say(i18n::PERSON_ON_SCREEN.get(lang));
    }
    Ok(())
}

/// What the privacy guard finds in the texts the page for the person of
/// `note` shows: both doors warn of it.
pub fn person_findings(
    ctx: &Ctx,
    note: &CaseNote,
    set: Option<&QuestionSet>,
) -> Result<Vec<AnswerFinding>> {
    let shown = render::person::shown(note, set);
    let texts = shown.iter().map(|(e, _)| (e.id.as_str(), &e.value));
    Ok(scan_answers(&ctx.scanner()?, texts))
}

/// What the page for the person of `note` needs, checked: the one way
/// both doors make it. Refused (bad input) when the settings lack the team
/// or its phone or hold a wrong one, and when a text the page would show
/// holds a label or a professional word: the error says where each word
/// is, a line each.
pub fn for_the_person<'c>(
    ctx: &'c Ctx,
    note: &CaseNote,
    set: Option<&QuestionSet>,
    meeting: Meeting,
) -> Result<render::person::ForPerson<'c>> {
    let lang = ctx.ui_lang();
    let c = &ctx.config;
    let missing = match (&c.team, &c.telefoon) {
        (None, None) => Some(i18n::PERSON_MISSING_BOTH.get(lang).to_string()),
        (None, Some(_)) => Some(i18n::PERSON_MISSING_ONE.with(lang, &[("key", "team")])),
        (Some(_), None) => Some(i18n::PERSON_MISSING_ONE.with(lang, &[("key", "telefoon")])),
        _ => None,
    };
    if let Some(missing) = missing {
        return Err(bad_input(
            i18n::ERR_PERSON_SETTINGS.with(lang, &[("missing", &missing)]),
        ));
    }
    let (team, phone) = (
        c.team.as_deref().unwrap_or_default(),
        c.telefoon.as_deref().unwrap_or_default(),
    );
    let wrong = |key: &str, value: &str, valid: i18n::Msg| {
        bad_input(i18n::ERR_PERSON_SETTING.with(
            lang,
            &[("key", key), ("value", value), ("valid", valid.get(lang))],
        ))
    };
    let team = config::team(team).ok_or_else(|| wrong("team", team, i18n::CFG_VALID_TEAM))?;
    let phone =
        config::phone(phone).ok_or_else(|| wrong("telefoon", phone, i18n::CFG_VALID_PHONE))?;
    let unfit = unfit_lines(ctx, note, set)?;
    if !unfit.is_empty() {
        let mut said = i18n::ERR_PERSON_UNFIT.with(lang, &[("id", &note.id)]);
        for line in &unfit {
            said.push_str(&format!("\n  {line}"));
        }
        return Err(bad_input(said));
    }
    Ok(render::person::ForPerson {
        address: c.aanspreekvorm.unwrap_or_default(),
        team,
        phone,
        meeting,
        today: crate::domain::day::today(),
    })
}

/// What the page for the person may not show, a line each: labels and
/// professional words ([`plain::unfit`]), and a name from the settings'
/// list (`config names`): the page goes to the person, so a neighbour's or
/// a relative's name on it is theirs to read. Other findings of the guard
/// (the person's own number, say) are warned of, not refused.
fn unfit_lines(ctx: &Ctx, note: &CaseNote, set: Option<&QuestionSet>) -> Result<Vec<String>> {
    let lang = ctx.ui_lang();
    let shown = render::person::shown(note, set);
    let mut lines: Vec<String> = plain::unfit(&ctx.lexicon()?, shown.iter().copied(), lang)
        .iter()
        .map(|u| {
            let (msg, back) = match &u.why {
                plain::Why::Label(back) => (i18n::PERSON_UNFIT_LABEL, back.as_str()),
                plain::Why::Professional => (i18n::PERSON_UNFIT_WORD, ""),
            };
            msg.with(
                lang,
                &[
                    ("question", &u.question),
                    ("id", &u.id),
                    ("word", &u.word),
                    ("back", back),
                ],
            )
        })
        .collect();
    let scanner = ctx.scanner()?;
    for (entry, _) in &shown {
        let texts = [(entry.id.as_str(), &entry.value)];
        for found in scan_answers(&scanner, texts) {
            if found.finding.kind == FindingKind::Name {
                lines.push(i18n::PERSON_UNFIT_NAME.with(
                    lang,
                    &[
                        ("question", &entry.question),
                        ("id", &entry.id),
                        ("word", &found.finding.text),
                    ],
                ));
            }
        }
    }
    Ok(lines)
}

/// One note into the file or folder of `-o`, by the rules of
/// [`crate::files::output`]; says on stderr where it wrote.
fn export_to(
    ctx: &Ctx,
    store: &Store,
    note: &CaseNote,
    bank: &Bank,
    args: &ExportArgs,
    path: &Path,
) -> Result<()> {
    let lang = ctx.ui_lang();
    let format = args.format.unwrap_or(ExportFormat::Markdown);
    let doc = output::document_path(path, &note.id, &note.title, ext(format))?;
    // A no to replacing the file leaves it; the note is safe in the store.
    let permit =
        output::permit(&doc, args.force, lang, |q| ask_yes(ctx, store, q)).map_err(|e| {
            match error::is_cancelled(&e) {
                true => error::cancelled_saying(i18n::EXPORT_DECLINED.with(
                    lang,
                    &[("id", &note.id), ("path", &doc.display().to_string())],
                )),
                false => e,
            }
        })?;
    let name = doc
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("export.md");
    let meeting = args.meeting.meeting();
    let mut files = render_files(note, bank, format, lang, meeting, name)?;
    let svg = files.get(1).map(|(name, _)| doc.with_file_name(name));
    if let Some(svg) = svg
        .as_ref()
        .filter(|p| !output::may_write_beside(p, render::svg::WRITTEN_BY).unwrap_or(false))
    {
        let svg = svg.display().to_string();
        ctx.ui
            .warn(i18n::WARN_SVG_LEFT_OUT.with(lang, &[("path", &svg)]));
        files = vec![(
            name.to_string(),
            render_one(note, bank, format, lang, meeting, None)?,
        )];
    }
    let mut files = files.into_iter();
    let mut written = Vec::new();
    if let Some((_, text)) = files.next() {
        output::write(&doc, &text, permit)?;
        written.push(doc.display().to_string());
    }
    // The SVG beside it is new or driehoek's own.
    for (file, text) in files {
        let at = doc.with_file_name(file);
        output::write(&at, &text, output::Permit::Replace)?;
        written.push(at.display().to_string());
    }
    ctx.ui
        .say(i18n::WROTE.with(lang, &[("paths", &written.join(", "))]));
    Ok(())
}

/// The files of one exported note: the document named `name`, and for
/// Markdown an SVG of the triangle and the profile beside it, linked. The
/// Markdown and its SVG speak the note's language: an English note goes to
/// the meeting with English headings, whoever exports it.
fn render_files(
    note: &CaseNote,
    bank: &Bank,
    format: ExportFormat,
    lang: Lang,
    meeting: Meeting,
    name: &str,
) -> Result<Files> {
    if format != ExportFormat::Markdown {
        return Ok(vec![(
            name.to_string(),
            render_one(note, bank, format, lang, meeting, None)?,
        )]);
    }
    let stem = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(&note.id);
    let svg = format!("{stem}.svg");
    Ok(vec![
        (
            name.to_string(),
            render_one(note, bank, format, lang, meeting, Some(&svg))?,
        ),
        (svg, render::svg::svg(note, note.note_lang)),
    ])
}

/// One note for the meeting as Markdown in its own language (linking
/// `svg` when there is one beside it, in place of the first drawing), as a
/// page with its drawing inside and labels in the reader's language
/// `lang`, or as JSON.
fn render_one(
    note: &CaseNote,
    bank: &Bank,
    format: ExportFormat,
    lang: Lang,
    meeting: Meeting,
    svg: Option<&str>,
) -> Result<String> {
    Ok(match format {
        ExportFormat::Markdown => render::note_markdown(note, bank.get(&note.set), svg, meeting),
        ExportFormat::Html => render::note_page(note, bank.get(&note.set), lang, meeting),
        ExportFormat::Json => render::note_json(note)?,
    })
}

/// The file name extension of an export's document.
fn ext(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Markdown => "md",
        ExportFormat::Html => "html",
        ExportFormat::Json => "json",
    }
}
