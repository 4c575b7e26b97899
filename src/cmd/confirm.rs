//! Asking before something that cannot be undone: in a terminal a yes or
//! no, elsewhere only `--yes` goes on.

use std::io::IsTerminal;

use anyhow::Result;

use super::Ctx;
use crate::domain::walk::prompt::Prompter;
use crate::error::{bad_input, cancelled_saying};
use crate::i18n;
use crate::store::Store;

/// Goes on when `yes` (the person gave `--yes`) or the person answers yes
/// to `question`; a no is a cancel that says `kept` (what stayed as it
/// was), no terminal is bad input.
pub fn confirm(ctx: &Ctx, store: &Store, question: &str, yes: bool, kept: &str) -> Result<()> {
    if yes {
        return Ok(());
    }
    match ask_yes(ctx, store, question)? {
        Some(true) => Ok(()),
        Some(false) => Err(cancelled_saying(kept)),
        None => Err(bad_input(
            i18n::ERR_CONFIRM_NEEDS_TERMINAL.get(ctx.ui_lang()),
        )),
    }
}

/// Asks `question` with "no" first and "yes": whether the person said
/// yes, or `None` when there is no terminal to ask in.
pub fn ask_yes(ctx: &Ctx, store: &Store, question: &str) -> Result<Option<bool>> {
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Ok(None);
    }
    let lang = ctx.ui_lang();
    let mut prompter = ctx.ui.prompter(store.scratch_dir());
    let items = [i18n::NO.get(lang), i18n::YES.get(lang)];
    Ok(Some(prompter.choose(question, &items, 0)? == 1))
}
