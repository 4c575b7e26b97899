//! `history ID` (`geschiedenis`): the kept versions of a note.

use std::path::Path;

use anyhow::Result;
use clap::Args;

use super::Ctx;
use super::confirm::confirm;
use crate::domain::day;
use crate::error;
use crate::i18n;
use crate::render;
use crate::store;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    pub id: String,
    /// Wis bewaarde versie N voorgoed (zoals genummerd in de lijst), bijvoorbeeld een met persoonsgegevens
    #[arg(long, visible_alias = "wis", value_name = "N")]
    pub erase: Option<usize>,
    /// Niet om bevestiging vragen
    #[arg(short, long, visible_alias = "ja")]
    pub yes: bool,
}

/// Lists the kept versions of a note, oldest first, then the current one;
/// or erases one kept version.
pub fn run(ctx: &Ctx, args: HistoryArgs) -> Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&args.id, ctx.ui_lang())?;
    if let Some(n) = args.erase {
        return erase(ctx, &store, &id, n, args.yes);
    }
    let mut paths = store.history(&id);
    paths.push(store.notes_dir().join(format!("{id}.toml")));
    // Paths inside the store: short enough for the table to fit.
    let root = store
        .notes_dir()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let rows: Vec<_> = paths
        .into_iter()
        .map(|path| {
            let shown = path.strip_prefix(&root).unwrap_or(&path).to_path_buf();
            match store::read_note(&path) {
                Ok(n) => (day::moment(n.updated, ctx.ui_lang()), n.title, shown),
                Err(e) => (String::new(), error::describe(&e, ctx.ui_lang()), shown),
            }
        })
        .collect();
    let table = render::table::versions(&rows, ctx.ui_lang(), ctx.ui.table_width());
    ctx.ui.print(&table)?;
    Ok(())
}

/// Erases kept version `n` (from 1, oldest first, as the list numbers
/// them) of note `id`, after a yes: the other versions and the note stay.
fn erase(ctx: &Ctx, store: &store::Store, id: &str, n: usize, yes: bool) -> Result<()> {
    let lang = ctx.ui_lang();
    let versions = store.history(id);
    let count = versions.len().to_string();
    let Some(path) = n.checked_sub(1).and_then(|i| versions.get(i)) else {
        let n = n.to_string();
        return Err(error::bad_input(
            i18n::ERR_NO_SUCH_VERSION.with(lang, &[("id", id), ("n", &n), ("count", &count)]),
        ));
    };
    let date = store::read_note(path)
        .map(|v| day::moment(v.updated, lang))
        .unwrap_or_default();
    let n = n.to_string();
    let asked = i18n::ASK_ERASE_VERSION.with(lang, &[("id", id), ("n", &n), ("date", &date)]);
    let kept = i18n::KEPT_VERSION.with(lang, &[("n", &n)]);
    confirm(ctx, store, &asked, yes, &kept)?;
    store.erase_version(id, path)?;
    let shown = path.display().to_string();
    ctx.ui
        .say(i18n::HISTORY_ERASED.with(lang, &[("id", id), ("n", &n), ("path", &shown)]));
    Ok(())
}
