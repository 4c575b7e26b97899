//! `driehoek afloop ID`: adds a dated entry to a note's outcome log, by a
//! short walk in the terminal or from a filled-in entry file. Entries are
//! appended, never rewritten; a correction is a new entry.

use std::path::Path;

use jiff::civil::Date;

use anyhow::Result;

use super::{Ctx, session};
use crate::domain::answer::{Answer, Answers};
use crate::domain::answers_file;
use crate::domain::bank::QuestionSet;
use crate::domain::findings::refuse_personal_data;
use crate::domain::outcome::{self, NotAnEntry, Outcome};
use crate::domain::privacy::scan_answers;
use crate::domain::walk::Walk;
use crate::domain::walk::prompt::Prompter;
use crate::error::{self, bad_input, cancelled};
use crate::i18n;
use crate::render;
use crate::store::{NoteChanged, Store};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct OutcomeArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    #[arg(required_unless_present = "template")]
    pub id: Option<String>,
    /// Neem het verslag uit een ingevuld bestand (zie --sjabloon), zonder vragen
    #[arg(long, visible_alias = "uit", value_name = "BESTAND")]
    pub from: Option<PathBuf>,
    /// Schrijf een leeg verslagbestand (TOML) om in te vullen naar de uitvoer
    #[arg(long, visible_alias = "sjabloon", conflicts_with_all = ["id", "from", "corrects"])]
    pub template: bool,
    /// Dit verslag corrigeert verslag nummer N; dat blijft staan, gemarkeerd
    #[arg(long, visible_alias = "corrigeert", value_name = "N")]
    pub corrects: Option<usize>,
    /// Sla op, ook als er iets in staat dat op persoonsgegevens lijkt (met --uit)
    #[arg(long, visible_alias = "persoonsgegevens-toestaan")]
    pub allow_personal_data: bool,
}

pub fn run(ctx: &Ctx, args: OutcomeArgs) -> Result<()> {
    let set = outcome::set();
    if args.template {
        let template = render::template::render(&set, i18n::T_HEADER_OUTCOME, ctx.ui_lang(), true);
        ctx.ui.document(&template)?;
        return Ok(());
    }
    let store = ctx.store()?;
    let wanted = args.id.as_deref().unwrap_or_default();
    let id = store.resolve_named(wanted, ctx.ui_lang())?;
    let noted = crate::domain::day::local(store.load(&id)?.created);
    let answers = match &args.from {
        Some(path) => from_file(ctx, &set, path, args.allow_personal_data)?,
        None => {
            interactive(ctx, &store, &set, noted).map_err(|e| match error::is_cancelled(&e) {
                true => error::cancelled_saying(
                    i18n::OUTCOME_DISCARDED.with(ctx.ui_lang(), &[("id", &id)]),
                ),
                false => e,
            })?
        }
    };
    let note = append(&store, &id, &answers, args.corrects, ctx.ui_lang())?;
    if args.from.is_some()
        && let Some(said) =
            decided_before(&answers, noted, i18n::WARN_DECIDED_BEFORE, ctx.ui_lang())
    {
        ctx.ui.warn(&said);
    }
    let status = outcome::status(&note.outcomes);
    ctx.ui.say(i18n::OUTCOME_ADDED.with(
        ctx.ui_lang(),
        &[
            ("n", &note.outcomes.len().to_string()),
            ("id", &note.id),
            ("status", status.label(ctx.ui_lang())),
        ],
    ));
    Ok(())
}

fn from_file(ctx: &Ctx, set: &QuestionSet, path: &Path, allow: bool) -> Result<Answers> {
    let src = super::read_input(path, ctx.ui_lang())?;
    let parsed = answers_file::parse(set, &path.display().to_string(), &src, ctx.ui_lang())?;
    for w in &parsed.warnings {
        ctx.ui.warn(w);
    }
    let found = scan_answers(
        &ctx.scanner()?,
        parsed.answers.iter().map(|(id, a)| (id.as_str(), a)),
    );
    refuse_personal_data(&found, allow, ctx.ui_lang())?;
    Ok(parsed.answers)
}

/// The entry's questions in the terminal, with the privacy guard and the
/// label mirror at every answer, then one look at it before it is added.
fn interactive(ctx: &Ctx, store: &Store, set: &QuestionSet, noted: Date) -> Result<Answers> {
    session::need_terminal("outcome", ctx.ui_lang())?;
    let (scanner, lexicon) = (ctx.scanner()?, ctx.lexicon()?);
    let mut walk = Walk::new(set, ctx.ui_lang(), Vec::new())
        .guarded_by(&scanner)
        .mirrored_by(&lexicon);
    let mut prompter = ctx.ui.prompter(store.scratch_dir());
    let _walking = session::Walking::begin();
    ask_until_added(ctx.ui_lang(), set, noted, &mut walk, &mut prompter)
}

/// A decision dated before the note it is about is mostly a typing slip
/// (2025 for 2026): said back, with the two days, so the person confirms
/// it or corrects it.
fn decided_before(
    answers: &Answers,
    noted: Date,
    msg: i18n::Msg,
    lang: i18n::Lang,
) -> Option<String> {
    let (_, Answer::Date(decided)) = answers
        .iter()
        .find(|(id, _)| id == "afloop.besluit_datum")?
    else {
        return None;
    };
    (*decided < noted).then(|| {
        msg.with(
            lang,
            &[
                ("decided", &crate::domain::day::display(*decided, lang)),
                ("noted", &crate::domain::day::display(noted, lang)),
            ],
        )
    })
}

fn ask_until_added(
    lang: i18n::Lang,
    set: &QuestionSet,
    noted: Date,
    walk: &mut Walk,
    prompter: &mut dyn Prompter,
) -> Result<Answers> {
    loop {
        walk.run(prompter, &mut ())?;
        let answers = walk.answers();
        let preview = Outcome::from_answers(&answers, session::now(), session::today()?, None, 0)
            .map(|entry| render::timeline::entry_block(1, &entry, None, set, lang));
        match preview {
            Ok(block) => {
                prompter.show_styled(&render::terminal::blocks(&[block], prompter.width()))?;
            }
            // Nothing filled in, or a day after today: say so, and let the
            // person go back.
            Err(why) => prompter.show(&refusal(&why, "", lang))?,
        }
        // A decision before the note: said, and the list starts on going
        // back, so adding it is a choice made on purpose.
        let slip = decided_before(&answers, noted, i18n::OUTCOME_DECIDED_BEFORE, lang);
        if let Some(said) = &slip {
            prompter.show(said)?;
        }
        let items = [
            i18n::OUTCOME_ADD.get(lang),
            i18n::END_BACK.get(lang),
            i18n::END_DISCARD.get(lang),
        ];
        let start = usize::from(slip.is_some());
        match prompter.choose(i18n::OUTCOME_CONFIRM.get(lang), &items, start)? {
            0 => return Ok(answers),
            1 => walk.back(),
            _ => return Err(cancelled()),
        }
    }
}

/// Adds the entry under the store's lock (both doors add through here). A note changed by another
/// command meanwhile is read again: an entry only ever adds, so it can go
/// on top of whatever the note now holds.
pub fn append(
    store: &Store,
    id: &str,
    answers: &Answers,
    corrects: Option<usize>,
    lang: i18n::Lang,
) -> Result<crate::domain::note::CaseNote> {
    loop {
        let (mut note, base) = store.load_with_fingerprint(id)?;
        let now = session::now();
        let today = session::today()?;
        let entry = Outcome::from_answers(answers, now, today, corrects, note.outcomes.len())
            .map_err(|why| bad_input(refusal(&why, id, lang)))?;
        note.outcomes.push(entry);
        note.updated = now;
        match store.update(&note, Some(&base)) {
            Err(e) if e.is::<NoteChanged>() => continue,
            other => return other.map(|()| note),
        }
    }
}

/// Why answers make no entry for note `id`, in the reader's words.
fn refusal(why: &NotAnEntry, id: &str, lang: i18n::Lang) -> String {
    match *why {
        NotAnEntry::Empty => i18n::ERR_OUTCOME_EMPTY.get(lang).to_string(),
        NotAnEntry::NoSuchEntry { count: 0, .. } => {
            i18n::ERR_OUTCOME_NONE_YET.with(lang, &[("id", id)])
        }
        NotAnEntry::NoSuchEntry { corrects, count } => i18n::ERR_OUTCOME_NO_ENTRY.with(
            lang,
            &[
                ("n", &corrects.to_string()),
                ("id", id),
                ("count", &count.to_string()),
            ],
        ),
        NotAnEntry::Ahead { key, day } => i18n::ERR_OUTCOME_AHEAD.with(
            lang,
            &[
                ("key", key),
                ("day", &crate::domain::day::display(day, lang)),
            ],
        ),
    }
}
