use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;
use jiff::{Timestamp, Unit};

use super::Ctx;
use crate::answers_file;
use crate::bank::QuestionSet;
use crate::cli::NewArgs;
use crate::error::{Cancelled, bad_input};
use crate::i18n::{self, Lang};
use crate::note::CaseNote;
use crate::prompt::{Prompter, TermPrompter};
use crate::render;
use crate::walk::{Answers, Walk};

pub fn run(ctx: &Ctx, args: NewArgs) -> Result<()> {
    match &args.from {
        Some(path) => from_file(ctx, path),
        None => interactive(ctx),
    }
}

fn from_file(ctx: &Ctx, path: &Path) -> Result<()> {
    let set = ctx.active_set()?;
    let src = super::read_input(path)?;
    let parsed = answers_file::parse(&set, &path.display().to_string(), &src, ctx.lang)?;
    for w in &parsed.warnings {
        eprintln!("driehoek: {w}");
    }
    let note = save(ctx, &set, parsed.answers)?;
    println!("{}", note.id);
    Ok(())
}

fn interactive(ctx: &Ctx) -> Result<()> {
    // dialoguer reads keys from the terminal but only checks stderr; a
    // piped stdin would otherwise leave the walk waiting on nothing.
    for (is_term, what) in [
        (std::io::stdin().is_terminal(), "stdin"),
        (std::io::stderr().is_terminal(), "stderr"),
    ] {
        if !is_term {
            return Err(bad_input(
                i18n::ERR_NO_TERMINAL.with(ctx.lang, &[("what", what)]),
            ));
        }
    }
    let set = ctx.active_set()?;
    let store = ctx.store()?;
    let mut prompter = TermPrompter::new(store.scratch_dir());
    let answers = walk_to_the_end(&set, ctx.lang, &mut prompter)?;
    let note = save(ctx, &set, answers)?;
    eprintln!("\n{}", i18n::SAVED.with(ctx.lang, &[("id", &note.id)]));
    Ok(())
}

/// Walks the set, shows the summary, and asks to save; "back" returns to
/// the questions, "discard" cancels.
pub fn walk_to_the_end(
    set: &QuestionSet,
    lang: Lang,
    prompter: &mut dyn Prompter,
) -> Result<Answers> {
    let mut walk = Walk::new(set, lang, Vec::new());
    loop {
        walk.run(prompter)?;
        let preview = CaseNote::new(String::new(), Timestamp::now(), set, lang, walk.answers());
        let summary = render::terminal::blocks(&render::summary_blocks(&preview, Some(set), lang));
        prompter.show(&format!("\n{}\n{summary}", i18n::SUMMARY.get(lang)))?;
        let items = [
            i18n::END_SAVE.get(lang),
            i18n::END_BACK.get(lang),
            i18n::END_DISCARD.get(lang),
        ];
        match prompter.choose(i18n::CONFIRM_SAVE.get(lang), &items, 0)? {
            0 => return Ok(walk.answers()),
            1 => walk.back(),
            _ => return Err(Cancelled.into()),
        }
    }
}

fn save(ctx: &Ctx, set: &QuestionSet, answers: Answers) -> Result<CaseNote> {
    let now = Timestamp::now().round(Unit::Second)?;
    let mut note = CaseNote::new(String::new(), now, set, ctx.lang, answers);
    ctx.store()?.create(&mut note)?;
    Ok(note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Bank, DEFAULT_SET};
    use crate::prompt::Reply;
    use crate::prompt::scripted::ScriptedPrompter;

    #[test]
    fn back_from_the_summary_returns_to_the_last_question() {
        let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
        let replies = crate::walk::tests::minimal_replies(&set, &[]);
        let asked = replies.iter().filter(|(id, _)| set.question(id).unwrap().when.is_none());
        let mut p = ScriptedPrompter::new(asked.map(|(_, r)| r.clone()));
        // Back to the questions once, change the last answer, then save.
        p.choices = [1, 0].into();
        p.replies.push_back(Reply::Picked(0));
        let last = set
            .questions
            .iter()
            .rev()
            .find(|q| q.when.is_none())
            .unwrap();
        let answers = walk_to_the_end(&set, Lang::Nl, &mut p).unwrap();
        assert_eq!(p.asked.last(), Some(&last.id));
        assert!(p.shown.iter().any(|s| s.contains(i18n::SUMMARY.nl)));
        assert_eq!(
            answers.len(),
            set.questions.iter().filter(|q| q.required).count()
        );
    }
}
