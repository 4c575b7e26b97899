use std::path::Path;

use anyhow::Result;

use super::{Ctx, session};
use crate::domain::privacy::scan_answers;

use crate::domain::answers_file;
use crate::domain::bank::Route;
use crate::domain::findings::refuse_personal_data;
use crate::domain::note::Draft;
use crate::domain::walk::Walk;
use crate::error::bad_input;
use crate::i18n;
use crate::store;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Maak de notitie uit een ingevuld antwoordbestand, zonder vragen
    #[arg(long, visible_alias = "uit", value_name = "BESTAND")]
    pub from: Option<PathBuf>,
    /// Sla op, ook als er iets in staat dat op persoonsgegevens lijkt
    #[arg(long, visible_alias = "persoonsgegevens-toestaan")]
    pub allow_personal_data: bool,
    /// Deze notitie herziet die notitie (dezelfde casus, bijvoorbeeld na de bespreking)
    #[arg(long, visible_alias = "herziet", value_name = "ID")]
    pub revises: Option<String>,
    #[command(flatten)]
    pub walk: WalkArgs,
}

/// Which walk `new` takes; without either, the `walk` setting (kort).
#[derive(Debug, Args)]
pub struct WalkArgs {
    /// De korte route: de vragen voor de bespreking
    #[arg(long, visible_alias = "kort", conflicts_with = "full")]
    pub short: bool,
    /// De volledige route: alle vragen
    #[arg(long, visible_alias = "volledig")]
    pub full: bool,
}

pub fn run(ctx: &Ctx, args: NewArgs) -> Result<()> {
    match &args.from {
        Some(path) => from_file(ctx, path, args.allow_personal_data, args.revises.as_deref()),
        None => {
            let route = match (args.walk.short, args.walk.full) {
                (true, _) => Route::Short,
                (_, true) => Route::Full,
                _ => match ctx.config.walk {
                    Some(Route::Deepen) => {
                        return Err(bad_input(i18n::ERR_CONFIG_WALK.get(ctx.ui_lang())));
                    }
                    walk => walk.unwrap_or(Route::Short),
                },
            };
            interactive(ctx, args.revises.as_deref(), route)
        }
    }
}

fn from_file(
    ctx: &Ctx,
    path: &Path,
    allow_personal_data: bool,
    revises: Option<&str>,
) -> Result<()> {
    let set = ctx.active_set()?;
    let src = super::read_input(path, ctx.ui_lang())?;
    let parsed = answers_file::parse(&set, &path.display().to_string(), &src, ctx.ui_lang())?;
    for w in &parsed.warnings {
        ctx.ui.warn(w);
    }
    let found = scan_answers(
        &ctx.scanner()?,
        parsed.answers.iter().map(|(id, a)| (id.as_str(), a)),
    );
    refuse_personal_data(&found, allow_personal_data, ctx.ui_lang())?;
    let store = ctx.store()?;
    let revises = revises
        .map(|id| store.resolve(id, ctx.ui_lang()))
        .transpose()?;
    let origin = session::Origin {
        revises,
        ..session::Origin::default()
    };
    let note = session::create(ctx, &store, &set, ctx.ui_lang(), parsed.answers, origin)?;
    ctx.ui.print(&format!("{}\n", note.id))?;
    ctx.ui
        .say(i18n::NEXT_STEP.with(ctx.ui_lang(), &[("id", &note.id)]));
    Ok(())
}

fn interactive(ctx: &Ctx, revises: Option<&str>, route: Route) -> Result<()> {
    session::need_terminal("new", ctx.ui_lang())?;
    let set = ctx.active_set()?;
    let store = ctx.store()?;
    let revises = revises
        .map(|id| store.resolve(id, ctx.ui_lang()))
        .transpose()?;
    let waiting = store.drafts()?.0.len();
    if waiting > 0 {
        ctx.ui
            .say(i18n::DRAFTS_WAITING.count(ctx.ui_lang(), waiting));
    }
    ctx.ui
        .tell(&session::route_intro(&set, route, ctx.ui_lang()));
    let mut draft = Draft::new(store::new_id(), session::now(), &set, ctx.ui_lang(), None);
    draft.revises = revises;
    draft.walk = route;
    let scanner = ctx.scanner()?;
    let lexicon = ctx.lexicon()?;
    let rules = session::rules_in_use(ctx, &store);
    let mut walk = Walk::new(&set, ctx.ui_lang(), Vec::new())
        .route(route)
        .guarded_by(&scanner)
        .mirrored_by(&lexicon)
        .offering(&rules);
    session::finish(ctx, &store, &set, &mut walk, &mut draft)
}
