use std::path::Path;

use anyhow::Result;

use super::{Ctx, session};

use crate::domain::bank::{QuestionSet, Route};
use crate::domain::findings::{findings, refuse_personal_data};
use crate::domain::note::{CaseNote, Draft, answers_of};
use crate::domain::summary::Summary;
use crate::domain::versions::{self, Refusal};
use crate::domain::walk::Walk;
use crate::domain::walk::prompt::Prompter;
use crate::error::{self, bad_input};
use crate::i18n::{self, Lang};
use crate::store::{self, Store};
use clap::Args;

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    pub id: String,
    /// Open de notitie als TOML in $EDITOR in plaats van de vragen opnieuw te doorlopen
    #[arg(long, conflicts_with = "deepen")]
    pub editor: bool,
    /// Verdiep een korte notitie: alleen de vragen die de korte route oversloeg
    #[arg(long = "full", visible_alias = "volledig")]
    pub deepen: bool,
    /// Sla op, ook als er iets in staat dat op persoonsgegevens lijkt (met --editor)
    #[arg(long, visible_alias = "persoonsgegevens-toestaan")]
    pub allow_personal_data: bool,
}

/// Re-walks a note with its answers as defaults, or opens it in the editor.
pub fn run(ctx: &Ctx, args: EditArgs) -> Result<()> {
    if !args.editor {
        session::need_terminal("edit", ctx.ui_lang())?;
    }
    let store = ctx.store()?;
    let id = store.resolve_named(&args.id, ctx.ui_lang())?;
    let (note, base) = store.load_with_fingerprint(&id)?;
    let set = ctx.set_named(&note.set)?;
    if args.editor {
        return in_editor(ctx, &store, &set, (&note, &base), args.allow_personal_data);
    }
    // A short note is walked again as a short one unless deepened; a
    // full note as a full one.
    let route = match args.deepen {
        true => Route::Deepen,
        false if session::is_short(&note, &set) => Route::Short,
        false => Route::Full,
    };
    if args.deepen {
        ctx.ui
            .tell(&session::route_intro(&set, route, ctx.ui_lang()));
    }
    let mut draft = Draft::new(
        store::new_id(),
        session::now(),
        &set,
        note.note_lang,
        Some(id),
    );
    draft.base = Some(base);
    draft.walk = route;
    let scanner = ctx.scanner()?;
    let lexicon = ctx.lexicon()?;
    let rules = session::rules_in_use(ctx, &store);
    let mut walk = Walk::new(&set, note.note_lang, answers_of(&note.answers))
        .route(route)
        .guarded_by(&scanner)
        .mirrored_by(&lexicon)
        .offering(&rules);
    session::finish(ctx, &store, &set, &mut walk, &mut draft)
}

/// Like visudo: edit the TOML, check it, and open it again on a mistake.
/// Without a terminal to ask in, a mistake ends the edit (exit 2) and the
/// note stays as it was.
fn in_editor(
    ctx: &Ctx,
    store: &Store,
    set: &QuestionSet,
    (note, base): (&CaseNote, &str),
    allow_personal_data: bool,
) -> Result<()> {
    let scanner = ctx.scanner()?;
    let original = store::to_text(note)?;
    let mut text = original.clone();
    let mut prompter = ctx.ui.prompter(store.scratch_dir());
    loop {
        if let Some(edited) = prompter.edit_text(&text, ctx.ui_lang())? {
            text = edited;
        }
        if text == original {
            ctx.ui.say(i18n::UNCHANGED.get(ctx.ui_lang()));
            return Ok(());
        }
        let listing = || Ok(store.summaries()?.notes);
        let result = checked(&text, note, set, &listing, ctx.ui_lang()).and_then(|edited| {
            // What the edit adds: what was there was let through when it
            // was written, and the outcome log cannot be edited here, so a
            // number in an entry refused every edit, even one that removed
            // another number.
            let before = findings(&scanner, note);
            let found: Vec<_> = findings(&scanner, &edited)
                .into_iter()
                .filter(|f| {
                    !before.iter().any(|b| {
                        b.question == f.question
                            && b.finding.kind == f.finding.kind
                            && b.finding.text == f.finding.text
                    })
                })
                .collect();
            refuse_personal_data(&found, allow_personal_data, ctx.ui_lang())?;
            Ok(edited)
        });
        match result {
            Ok(edited)
                if CaseNote {
                    updated: note.updated,
                    ..edited.clone()
                } == *note =>
            {
                ctx.ui.say(i18n::UNCHANGED.get(ctx.ui_lang()));
                return Ok(());
            }
            Ok(edited) => {
                if let Err(e) = store.update(&edited, Some(base)) {
                    let mut draft = Draft::new(
                        store::new_id(),
                        session::now(),
                        set,
                        note.note_lang,
                        Some(note.id.clone()),
                    );
                    let answers = answers_of(&edited.answers);
                    let draft = (&mut draft, answers);
                    return Err(session::edit_not_saved(e, store, set, draft, ctx.ui_lang()));
                }
                ctx.ui
                    .say(i18n::UPDATED.with(ctx.ui_lang(), &[("id", &note.id)]));
                return Ok(());
            }
            Err(e) if session::need_terminal("edit", ctx.ui_lang()).is_err() => {
                return Err(bad_input(format!(
                    "{}: {}",
                    i18n::EDIT_INVALID.get(ctx.ui_lang()),
                    error::describe(&e, ctx.ui_lang())
                )));
            }
            Err(e) => {
                let why = error::describe(&e, ctx.ui_lang());
                ctx.ui
                    .say(format!("{}:\n{why}", i18n::EDIT_INVALID.get(ctx.ui_lang())));

                let items = [
                    i18n::EDIT_REOPEN.get(ctx.ui_lang()),
                    i18n::EDIT_ABANDON.get(ctx.ui_lang()),
                ];
                if prompter.choose(i18n::EDIT_AGAIN.get(ctx.ui_lang()), &items, 0)? != 0 {
                    return Err(error::cancelled_saying(
                        i18n::EDIT_STOPPED.with(ctx.ui_lang(), &[("id", &note.id)]),
                    ));
                }
            }
        }
    }
}

/// The edited text as a note, checked as strictly as a walk: same id,
/// known choices, scales in range, required answers present, and a
/// changed `revises` that names an earlier note of the store (`listing`
/// gives the store's notes, asked only then).
pub fn checked(
    text: &str,
    old: &CaseNote,
    set: &QuestionSet,
    listing: &dyn Fn() -> Result<Vec<Summary>>,
    lang: Lang,
) -> Result<CaseNote> {
    let edited = store::parse_note(text, Path::new(&format!("{}.toml", old.id)))?;
    if edited.id != old.id {
        return Err(bad_input(
            i18n::ERR_EDIT_ID.with(lang, &[("old", &old.id), ("new", &edited.id)]),
        ));
    }
    let case = case_after(old, &edited, listing, lang)?;
    // The outcome log is a record of what was said when: an edit cannot
    // rewrite it, only `afloop` adds to it.
    if edited.outcomes != old.outcomes {
        return Err(bad_input(
            i18n::ERR_EDIT_OUTCOMES.with(lang, &[("id", &old.id)]),
        ));
    }
    let answers = answers_of(&edited.answers);
    let answer_of = |id: &str| answers.iter().find(|(a, _)| a == id).map(|(_, a)| a);
    let mut problems = Vec::new();
    for (id, answer) in &answers {
        if let Some(Err(invalid)) = set.question(id).map(|q| q.check(answer)) {
            problems.push(format!("[{id}] {}", invalid.message(lang)));
        }
    }
    for q in &set.questions {
        // Held to what a note needs, as an answers file is: a short
        // note need not answer the full walk's questions.
        if q.applies(answer_of) && set.must_answer(q, answer_of) && answer_of(&q.id).is_none() {
            problems.push(format!(
                "[{}] {}",
                q.id,
                i18n::ERR_MISSING.with(lang, &[("id", &q.id)])
            ));
        }
    }
    if !problems.is_empty() {
        return Err(bad_input(problems.join("\n")));
    }
    // What the note is (its author, what it revises, a practice case) is
    // the person's to change; the summary is read from the answers again.
    Ok(CaseNote {
        author: edited.author,
        revises: edited.revises,
        case,
        practice: edited.practice,
        ..old.edited(set, answers, session::now())
    })
}

/// The case of an edited note: as it was, unless `revises` changed; then
/// the case of the note it now names, which must be an earlier note of the
/// store. A `revises` left as it was stays, even when the note it names
/// was deleted; the case is never changed by hand.
fn case_after(
    old: &CaseNote,
    edited: &CaseNote,
    listing: &dyn Fn() -> Result<Vec<Summary>>,
    lang: Lang,
) -> Result<Option<String>> {
    let show = |c: &Option<String>| c.clone().unwrap_or_else(|| "—".to_string());
    if edited.case != old.case {
        let (old_case, new_case) = (show(&old.case), show(&edited.case));
        return Err(bad_input(
            i18n::ERR_EDIT_CASE.with(lang, &[("old", &old_case), ("new", &new_case)]),
        ));
    }
    if edited.revises == old.revises {
        return Ok(old.case.clone());
    }
    let Some(target) = edited.revises.as_deref() else {
        return Ok(None);
    };
    let notes = listing()?;
    let versions: Vec<_> = notes.iter().map(Summary::version).collect();
    let refused = match versions::may_revise(&old.id, target, &versions) {
        Ok(()) => {
            let case = versions::cases(&versions)
                .get(target)
                .cloned()
                .unwrap_or_else(|| target.to_string());
            return Ok(Some(case));
        }
        Err(Refusal::Itself) => i18n::ERR_EDIT_REVISES_SELF.with(lang, &[("id", &old.id)]),
        Err(Refusal::Later) => i18n::ERR_EDIT_REVISES_LATER.with(lang, &[("target", target)]),
        Err(Refusal::Unknown) => i18n::ERR_EDIT_REVISES_UNKNOWN.with(lang, &[("target", target)]),
    };
    Err(bad_input(refused))
}
