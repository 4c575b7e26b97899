//! `history ID` (`geschiedenis`): the kept versions of a note.

use std::path::Path;

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::domain::day;
use crate::error;
use crate::render;
use crate::store;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    pub id: String,
}

/// Lists the kept versions of a note, oldest first, then the current one.
pub fn run(ctx: &Ctx, args: HistoryArgs) -> Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&args.id, ctx.ui_lang())?;
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
