//! The seam between the walk and a person: the walk asks through
//! [`Prompter`], so it runs the same in a terminal and in tests.

use crate::domain::answer::Answer;
use crate::domain::bank::{Question, Section};
use crate::i18n::Lang;
use crate::printable::Styled;

/// What the walk wants asked.
pub struct Ask<'a> {
    pub question: &'a Question,
    /// The language the walk asks in (the note's).
    pub lang: Lang,
    pub progress: Progress,
    /// The answer given before (going back, editing): offered as default.
    pub current: Option<&'a Answer>,
    /// Where a list starts when there is no current answer: the "now"
    /// point for a "desired" scale. Without either, a list starts on an
    /// entry that records nothing.
    pub start: Option<&'a Answer>,
    /// Whether an answer is needed now: a question may be optional given
    /// an earlier answer (the law when the law allows it).
    pub required: bool,
    /// Why the previous reply was refused, to show with the prompt.
    pub error: Option<String>,
    /// Texts to pick from beside typing a new one (the rule question: the
    /// rules already in the store, most used first); untrusted text, which
    /// the prompter makes printable. A pick is [`Reply::Picked`] by its
    /// place here.
    pub offered: &'a [String],
}

/// Where a question stands: its place among the main questions of its
/// section, and the section's place in the walk. A follow-up shares the
/// number of the question before it and gets a letter ("2a"), so the
/// totals never grow while the person walks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub number: usize,
    /// 1 for the first follow-up that applies after a main question ("a").
    pub follow_up: Option<usize>,
    pub total: usize,
    pub part: usize,
    pub parts: usize,
}

impl Progress {
    /// "2" or, for a follow-up, "2a".
    pub fn label(&self) -> String {
        match self.follow_up {
            None => self.number.to_string(),
            Some(i) => {
                let letter = u8::try_from(i.saturating_sub(1)).map_or(b'z', |i| b'a' + i.min(25));
                format!("{}{}", self.number, char::from(letter))
            }
        }
    }
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
    /// Asks one question. A cancel is an error ([`crate::error::cancelled`]).
    fn ask(&mut self, ask: &Ask) -> anyhow::Result<Reply>;
    /// Shows a message (help, a warning): untrusted text, which the
    /// prompter makes printable and wraps to its width.
    fn show(&mut self, text: &str) -> anyhow::Result<()>;
    /// Shows what a renderer laid out to [`Prompter::width`] and styled
    /// (the summary before saving), as it is.
    fn show_styled(&mut self, text: &Styled) -> anyhow::Result<()>;
    /// The columns text is shown in; none when there is no limit.
    fn width(&self) -> Option<usize>;
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
        pub progress: Vec<Progress>,
        pub starts: Vec<Option<Answer>>,
        pub required: Vec<bool>,
        /// What was offered to pick from at each question.
        pub offered: Vec<Vec<String>>,
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
            self.progress.push(ask.progress);
            self.starts.push(ask.start.cloned());
            self.required.push(ask.required);
            self.offered.push(ask.offered.to_vec());
            if let Some(e) = &ask.error {
                self.errors.push(e.clone());
            }
            self.replies.pop_front().ok_or_else(crate::error::cancelled)
        }

        fn show(&mut self, text: &str) -> anyhow::Result<()> {
            self.shown.push(text.to_string());
            Ok(())
        }

        fn show_styled(&mut self, text: &Styled) -> anyhow::Result<()> {
            self.shown.push(text.text());
            Ok(())
        }

        fn width(&self) -> Option<usize> {
            None
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
