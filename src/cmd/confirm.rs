//! Asking before something that cannot be undone: in a terminal a yes or
//! no, elsewhere only `--yes` goes on.

use std::io::IsTerminal;

use anyhow::Result;

use super::Ctx;
use crate::domain::walk::prompt::Prompter;
use crate::error::{Cancelled, bad_input};
use crate::i18n;
use crate::store::Store;
use crate::term::prompter::TermPrompter;

/// Goes on when `yes` (the person gave `--yes`) or the person answers yes
/// to `question`; a no is [`Cancelled`], no terminal is bad input.
pub fn confirm(ctx: &Ctx, store: &Store, question: &str, yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(bad_input(i18n::ERR_CONFIRM_NEEDS_TERMINAL.get(ctx.lang)));
    }
    let mut prompter = TermPrompter::new(store.scratch_dir());
    let items = [i18n::NO.get(ctx.lang), i18n::YES.get(ctx.lang)];
    if prompter.choose(question, &items, 0)? != 1 {
        return Err(Cancelled.into());
    }
    Ok(())
}
