//! The seam between the walk and a person: the walk asks through
//! [`Prompter`], so it runs the same in a terminal and in tests.

mod term;
pub use term::{CtrlCAsKey, TermPrompter, edit_text};

use crate::bank::{Question, Section};
use crate::i18n::Lang;
use crate::note::Answer;

/// What the walk wants asked.
pub struct Ask<'a> {
    pub question: &'a Question,
    pub lang: Lang,
    /// 1-based position among the questions that apply, and their count.
    pub number: usize,
    pub total: usize,
    /// The answer given before (going back, editing): offered as default.
    pub current: Option<&'a Answer>,
    /// Why the previous reply was refused, to show with the prompt.
    pub error: Option<String>,
}

/// What the person did at a prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Typed text, read by the question's own rules.
    Typed(String),
    /// The n-th option of a list: a choice, a scale point (from its min), or
    /// ja (0) / nee (1).
    Picked(usize),
    /// The picked options of a multi-choice question.
    PickedMany(Vec<usize>),
    Skip,
    Back,
    Help,
}

pub trait Prompter {
    /// A new section starts.
    fn section(&mut self, section: &Section, lang: Lang) -> anyhow::Result<()>;
    /// Asks one question. A cancel is an error ([`crate::error::Cancelled`]).
    fn ask(&mut self, ask: &Ask) -> anyhow::Result<Reply>;
    /// Shows a message (help, a summary, a warning).
    fn show(&mut self, text: &str) -> anyhow::Result<()>;
    /// Lets the person pick one of `items`; returns its index.
    fn choose(&mut self, prompt: &str, items: &[&str], default: usize) -> anyhow::Result<usize>;
}

/// A prompter that replays a script, for tests of the walk.
#[cfg(test)]
pub mod scripted {
    use super::*;
    use std::collections::VecDeque;

    #[derive(Default)]
    pub struct ScriptedPrompter {
        pub replies: VecDeque<Reply>,
        pub choices: VecDeque<usize>,
        /// Every question id asked, in order, and every message shown.
        pub asked: Vec<String>,
        pub shown: Vec<String>,
        pub errors: Vec<String>,
        pub sections: Vec<String>,
        pub defaults: Vec<Option<Answer>>,
    }

    impl ScriptedPrompter {
        pub fn new(replies: impl IntoIterator<Item = Reply>) -> Self {
            ScriptedPrompter {
                replies: replies.into_iter().collect(),
                ..Default::default()
            }
        }
    }

    impl Prompter for ScriptedPrompter {
        fn section(&mut self, section: &Section, _lang: Lang) -> anyhow::Result<()> {
            self.sections.push(section.key.clone());
            Ok(())
        }

        fn ask(&mut self, ask: &Ask) -> anyhow::Result<Reply> {
            self.asked.push(ask.question.id.clone());
            self.defaults.push(ask.current.cloned());
            if let Some(e) = &ask.error {
                self.errors.push(e.clone());
            }
            self.replies
                .pop_front()
                .ok_or_else(|| anyhow::Error::new(crate::error::Cancelled))
        }

        fn show(&mut self, text: &str) -> anyhow::Result<()> {
            self.shown.push(text.to_string());
            Ok(())
        }

        fn choose(
            &mut self,
            _prompt: &str,
            _items: &[&str],
            default: usize,
        ) -> anyhow::Result<usize> {
            Ok(self.choices.pop_front().unwrap_or(default))
        }
    }
}
