//! The prompter for a real terminal, built on dialoguer. Prompts go to
//! stderr; keys come from the terminal.

use std::fmt;
use std::io;
use std::path::PathBuf;

use anyhow::Context;
use console::Term;
use console::measure_text_width;
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Input, MultiSelect, Select};
use unicode_width::UnicodeWidthStr;

use crate::domain::bank::Section;

use crate::domain::answer::Answer;
use crate::domain::answer::Kind;
use crate::domain::walk::prompt::{Ask, Prompter, Reply};
use crate::i18n::{self, Lang};
use crate::printable::{Look, Styled, cut, printable};
use crate::sys;
use crate::term::paint::paint;

/// Made by the door ([`crate::term::ui::Ui::prompter`]), which knows the
/// width, the colour and the reader's language.
pub struct TermPrompter {
    term: Term,
    theme: Marked,
    /// A private folder for the editor's temp files.
    scratch: PathBuf,
    /// The title of the section being walked, for the progress line.
    section: String,
    /// `--width`; else prose is wrapped to the terminal's.
    width: Option<usize>,
    /// Whether the tool's own styling is painted.
    colour: bool,
    /// The reader's language, for what goes wrong with the terminal.
    ui_lang: Lang,
}

/// dialoguer's colourful theme, with the active entry of a multiple-choice
/// list marked by a sign as in a single-choice list: that theme marks it by
/// colour alone, so without colour (NO_COLOR) there was no cursor at all.
struct Marked(ColorfulTheme);

impl Theme for Marked {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.0.format_error(f, err)
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        self.0.format_input_prompt(f, prompt, default)
    }

    /// The line that reports an answer (typed or picked), fitted to one
    /// row of the terminal: see [`fit_report`].
    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        let (prompt, sel) = match self.columns() {
            Some(cols) => fit_report(prompt, sel, self.frame(), cols),
            None => (prompt.to_string(), sel.to_string()),
        };
        self.0.format_input_prompt_selection(f, &prompt, &sel)
    }

    fn format_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        self.0.format_select_prompt_item(f, text, active)
    }

    fn format_multi_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selections: &[&str],
    ) -> fmt::Result {
        // One line, fitted as a single answer is: the ticked entries as
        // dialoguer joins them.
        let joined = selections.join(", ");
        self.format_input_prompt_selection(f, prompt, &joined)
    }

    fn format_multi_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        checked: bool,
        active: bool,
    ) -> fmt::Result {
        let sign = match active {
            true => &self.0.active_item_prefix,
            false => &self.0.inactive_item_prefix,
        };
        write!(f, "{sign} ")?;
        self.0
            .format_multi_select_prompt_item(f, text, checked, active)
    }
}

impl Marked {
    /// The terminal's columns now, when it tells them.
    fn columns(&self) -> Option<usize> {
        Term::stderr()
            .size_checked()
            .map(|(_, cols)| usize::from(cols))
    }

    /// The columns the report line's own signs take ("✔ ", " · ").
    fn frame(&self) -> usize {
        let mut bare = String::new();
        let _ = self.0.format_input_prompt_selection(&mut bare, "x", "");
        measure_text_width(&bare).saturating_sub(1)
    }
}

/// The most columns an answer keeps on its report line before the prompt
/// is cut for it.
const ANSWER_KEEPS: usize = 24;

/// A prompt and the answer given, fitted to one row of `cols` columns
/// beside `frame` columns of signs. A report that wrapped broke words in
/// two ("unif" / "orm"), and dialoguer clears one row only, so a refused
/// entry's report stayed half on the screen. The answer keeps up to
/// [`ANSWER_KEEPS`] columns; the prompt is cut before it, with `…`.
fn fit_report(prompt: &str, answer: &str, frame: usize, cols: usize) -> (String, String) {
    // The last column is left free: a terminal wraps on it.
    let room = cols.saturating_sub(1 + frame);
    if prompt.width() + answer.width() <= room {
        return (prompt.to_string(), answer.to_string());
    }
    let keep = answer.width().min(ANSWER_KEEPS);
    let prompt = cut(prompt, room.saturating_sub(keep).max(8)).into_owned();
    let answer = cut(answer, room.saturating_sub(prompt.width()).max(4)).into_owned();
    (prompt, answer)
}

/// The hint above a question, as lines of at most `width` columns: where
/// the walk is (`[…]`), then the keys, each kept whole on one line ("Esc
/// of q = vorige vraag" never breaks as "Esc" / "of q"). A part wider than
/// a line is wrapped between words.
fn hint_lines(progress: &str, keys: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (i, part) in std::iter::once(progress)
        .chain(keys.split(" · "))
        .enumerate()
    {
        let sep = match i {
            0 => "",
            1 => " ",
            _ => " · ",
        };
        if line.is_empty() || line.width() + sep.width() + part.width() <= width {
            if !line.is_empty() {
                line.push_str(sep);
            }
            line.push_str(part);
        } else {
            lines.push(std::mem::take(&mut line));
            line.push_str(part);
        }
    }
    lines.push(line);
    lines
        .iter()
        .flat_map(|l| textwrap::wrap(l, width))
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// A question to pick an answer for whose prompt is wider than `width`
/// columns: the question (up to its first `?`) stays the prompt, and what
/// follows it is said above the list, where it wraps between words. A
/// prompt that wrapped broke a word, and dialoguer left its first row on
/// the screen. `None`: the prompt fits, or has no question to keep.
fn split_prompt(prompt: &str, width: usize) -> Option<(&str, &str)> {
    // "? " before the prompt, " ›" after it.
    if prompt.width() + 4 < width {
        return None;
    }
    let end = prompt.find("? ")? + 1;
    Some((&prompt[..end], prompt[end..].trim()))
}

impl TermPrompter {
    pub(crate) fn new(
        scratch: PathBuf,
        width: Option<usize>,
        colour: bool,
        ui_lang: Lang,
    ) -> TermPrompter {
        TermPrompter {
            term: Term::stderr(),
            theme: Marked(ColorfulTheme::default()),
            scratch,
            section: String::new(),
            width,
            colour,
            ui_lang,
        }
    }

    /// The terminal's columns now: a walk is long, a window may change.
    fn columns(&self) -> Option<usize> {
        self.term.size_checked().map(|(_, cols)| usize::from(cols))
    }

    fn line(&self, text: &Styled) -> anyhow::Result<()> {
        let painted = paint(text, self.colour);
        self.term.write_line(&painted).map_err(|e| self.failed(e))
    }

    /// Text made printable, then wrapped between words to the width,
    /// each line looking as `look` (dim for background: a section's
    /// introduction, the hints).
    fn prose(&self, text: &str, look: Look) -> anyhow::Result<()> {
        let width = self.width().map_or(usize::MAX, |w| w.max(20));
        for line in printable(text).split('\n') {
            for part in textwrap::wrap(line, width) {
                self.line(&Styled::looking(&part, look))?;
            }
        }
        Ok(())
    }

    /// A terminal that fails is said in the reader's language; Ctrl-C
    /// shows up as an interrupted read, which is a cancel.
    fn failed(&self, e: io::Error) -> anyhow::Error {
        if e.kind() == io::ErrorKind::Interrupted {
            crate::error::cancelled()
        } else {
            anyhow::Error::new(e).context(i18n::ERR_TERMINAL.get(self.ui_lang))
        }
    }

    /// What dialoguer says went wrong.
    fn dialoguer_failed(&self, e: dialoguer::Error) -> anyhow::Error {
        let dialoguer::Error::IO(io) = e;
        self.failed(io)
    }

    /// Text, long text and amounts. A current answer (going back, editing)
    /// is shown above the prompt: Enter keeps it, `-` clears it, and `<`,
    /// `?` and `:e` work as everywhere.
    fn ask_text(&self, ask: &Ask, prompt: &str) -> anyhow::Result<Reply> {
        let q = ask.question;
        if let Some(current) = ask.current {
            let shown = one_line(&crate::domain::walk::page::as_typed(current), 70);
            let hint = i18n::CURRENT_ANSWER.with(ask.lang, &[("answer", &shown)]);
            self.line(&Styled::looking(&hint, Look::Dim))?;
        }
        // The prompt echoes the answer itself, once: see `echo`.
        let typed = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .report(false)
            .interact_text_on(&self.term)
            .map_err(|e| self.dialoguer_failed(e))?;
        self.clear_wrapped(prompt, &typed)?;
        let command = matches!(typed.trim(), "?" | "<" | ":e")
            || (typed.trim() == "-" && ask.current.is_some());
        // What the walk will refuse is not echoed as given: the refusal
        // follows at once.
        let refused =
            !typed.trim().is_empty() && !crate::domain::walk::page::reads_as_answer(q, &typed);
        // Enter with nothing to keep on a question that needs an answer:
        // refused at once, so not echoed as given either.
        let missing = ask.required && typed.trim().is_empty() && ask.current.is_none();
        if !command && !refused && !missing {
            // Enter keeps the current answer, and the line shows it.
            let kept = ask.current.filter(|_| typed.trim().is_empty());
            self.echo(
                prompt,
                &kept.map_or_else(
                    || as_read(q, &typed, ask.lang),
                    crate::domain::walk::page::as_typed,
                ),
            )?;
        }
        Ok(match typed.trim() {
            "?" => Reply::Help,
            "<" => Reply::Back,
            ":e" if q.kind == Kind::Long => {
                let start = ask
                    .current
                    .map(crate::domain::walk::page::as_typed)
                    .unwrap_or_default();
                match self.edit_text(&start, ask.lang)? {
                    Some(text) => Reply::Typed(text),
                    None => Reply::Help,
                }
            }
            "-" if ask.current.is_some() => Reply::Skip,
            "" => ask.current.map_or(Reply::Skip, |c| {
                Reply::Typed(crate::domain::walk::page::as_typed(c))
            }),

            _ => Reply::Typed(typed),
        })
    }

    /// dialoguer clears only the row the cursor is on after Enter: the first
    /// rows of a prompt and answer wider than the terminal would stay, and
    /// the answer would show twice. Clears them (the cursor is at the end).
    fn clear_wrapped(&self, prompt: &str, typed: &str) -> anyhow::Result<()> {
        let Some((_, cols)) = self.term.size_checked() else {
            return Ok(());
        };
        let mut shown = String::new();
        self.theme.format_input_prompt(&mut shown, prompt, None)?;
        let total = measure_text_width(&shown) + typed.width();
        let above = total.saturating_sub(1) / usize::from(cols).max(1);
        self.term
            .clear_last_lines(above)
            .map_err(|e| self.failed(e))
    }

    /// The answer given, on the prompt's line and cut to fit it (when the
    /// terminal tells its width). `<`, `?`, `:e` and `-` are not answers
    /// and are not echoed.
    fn echo(&self, prompt: &str, answer: &str) -> anyhow::Result<()> {
        let mut bare = String::new();
        self.theme
            .format_input_prompt_selection(&mut bare, prompt, "")?;
        let room = self.columns().map_or(usize::MAX, |cols| {
            cols.saturating_sub(measure_text_width(&bare) + 1).max(10)
        });
        let mut line = String::new();
        self.theme
            .format_input_prompt_selection(&mut line, prompt, &one_line(answer, room))?;
        // dialoguer's theme styled it, around text made printable.
        self.term.write_line(&line).map_err(|e| self.failed(e))
    }

    /// A list to pick from. It starts on the current answer, else on
    /// `start`, else on a first entry that records nothing: "(overslaan)",
    /// or for a required question one that asks for a choice. So Enter on
    /// an untouched list never records an answer. The last entry shows help.
    fn ask_select(
        &self,
        ask: &Ask,
        prompt: &str,
        items: Vec<String>,
        start: Option<usize>,
    ) -> anyhow::Result<Reply> {
        let lang = ask.lang;
        // A stored answer outside today's choices (a narrowed scale, a
        // draft edited by hand) is no place to start.
        let start = start.filter(|&i| i < items.len());
        let lead = match (ask.required, start) {
            (false, _) => Some(i18n::CHOICE_SKIP.get(lang)),
            (true, None) => Some(i18n::CHOICE_NONE.get(lang)),
            (true, Some(_)) => None,
        };
        let first = usize::from(lead.is_some());
        let mut all: Vec<String> = lead.map(str::to_string).into_iter().collect();
        all.extend(items);
        all.push(i18n::CHOICE_HELP.get(lang).to_string());
        let picked = Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(printables(&all))
            .default(start.map_or(0, |i| i + first))
            .interact_on_opt(&self.term)
            .map_err(|e| self.dialoguer_failed(e))?;
        Ok(match picked {
            None => Reply::Back,
            Some(0) if lead.is_some() => {
                if ask.required {
                    // Not an answer: no "✔" line, the walk says a choice is needed.
                    self.term.clear_last_lines(1).map_err(|e| self.failed(e))?;
                }
                Reply::Skip
            }
            Some(i) if i + 1 < all.len() => Reply::Picked(i - first),
            Some(_) => {
                // "? uitleg" is no answer: its "✔" line goes, the help follows.
                self.term.clear_last_lines(1).map_err(|e| self.failed(e))?;
                Reply::Help
            }
        })
    }

    /// A text question with texts to pick from (the rules already in the
    /// store, most used first), then an entry to type a new one, which
    /// asks the text. A current answer among them is where the list starts;
    /// any other current answer starts on typing, whose prompt shows it.
    fn ask_offered(&self, ask: &Ask, prompt: &str) -> anyhow::Result<Reply> {
        let shown = &ask.offered[..ask.offered.len().min(MAX_OFFERED)];
        self.prose(i18n::RULES_OFFERED.get(ask.lang), Look::Dim)?;
        let mut items: Vec<String> = shown.iter().map(|t| one_line(t, 70)).collect();
        items.push(i18n::RULE_TYPE_NEW.get(ask.lang).to_string());
        let current = match ask.current {
            Some(Answer::Text(t)) => Some(shown.iter().position(|o| o == t).unwrap_or(shown.len())),
            _ => None,
        };
        match self.ask_select(ask, prompt, items, current)? {
            Reply::Picked(i) if i == shown.len() => {
                // Not an answer yet: the typed one is echoed instead.
                self.term.clear_last_lines(1).map_err(|e| self.failed(e))?;
                self.ask_text(ask, prompt)
            }
            reply => Ok(reply),
        }
    }

    /// Opens the person's editor ([`sys::editor`]) on `text` in a private
    /// temp file inside the scratch folder, never in a shared temp folder,
    /// and returns what they saved, with plain newlines; `None` when the
    /// editor failed. The file is removed afterwards.
    pub fn edit_text(&self, text: &str, lang: Lang) -> anyhow::Result<Option<String>> {
        let editor = sys::editor();
        let file = crate::store::scratch::EditorFile::new(&self.scratch, text)
            .with_context(|| i18n::ERR_EDITOR_TEMP.get(lang))?;
        let status = sys::editor_command(&editor, file.path()).status();
        match status {
            Ok(s) if s.success() => Ok(Some(crate::files::input::read_text(
                file.path(),
                crate::files::input::MAX_INPUT_FILE,
                lang,
            )?)),
            _ => {
                let failed = i18n::EDITOR_FAILED.with(lang, &[("editor", &editor)]);
                self.line(&Styled::looking(&failed, Look::Error))?;
                Ok(None)
            }
        }
    }

    /// What stands above every question: where the walk is, the keys that
    /// work here, and why the previous reply was refused.
    fn lead_in(&self, ask: &Ask) -> anyhow::Result<()> {
        let (q, lang, p) = (ask.question, ask.lang, ask.progress);
        let progress = i18n::PROGRESS.with(
            lang,
            &[
                ("section", &self.section),
                ("n", &p.label()),
                ("total", &p.total.to_string()),
                ("part", &p.part.to_string()),
                ("parts", &p.parts.to_string()),
            ],
        );
        let hint = match (q.kind, ask.required) {
            (Kind::Text, _) if !ask.offered.is_empty() => i18n::HINT_SELECT,
            (Kind::Choice | Kind::Scale | Kind::YesNo, _) => i18n::HINT_SELECT,
            (Kind::Multi, _) => i18n::HINT_MULTI,
            (Kind::Long, false) => i18n::HINT_LONG,
            (Kind::Long, true) => i18n::HINT_LONG_REQUIRED,
            (_, false) => i18n::HINT_TEXT,
            (_, true) => i18n::HINT_TEXT_REQUIRED,
        };
        self.line(&Styled::new())?;
        let width = self.width().map_or(usize::MAX, |w| w.max(20));
        let progress = format!("[{}]", printable(&progress));
        for line in hint_lines(&progress, hint.get(lang), width) {
            self.line(&Styled::looking(&line, Look::Dim))?;
        }
        if let Some(error) = &ask.error {
            self.line(&Styled::looking(&format!("✗ {error}"), Look::Error))?;
        }
        Ok(())
    }

    /// A choice question: its choices, starting on the current one.
    fn ask_choice(&self, ask: &Ask, prompt: &str) -> anyhow::Result<Reply> {
        let q = ask.question;
        let items = q
            .choices
            .iter()
            .map(|c| c.label.get(ask.lang).to_string())
            .collect();
        let current = match ask.current {
            Some(Answer::Choice(v)) => q.choices.iter().position(|c| &c.value == v),
            _ => None,
        };
        self.ask_select(ask, prompt, items, current)
    }

    /// A scale: its points, the ends with their labels, the "now" point
    /// marked so Enter on it is a visible choice.
    fn ask_scale(&self, ask: &Ask, prompt: &str) -> anyhow::Result<Reply> {
        let lang = ask.lang;
        let s = ask
            .question
            .scale
            .as_ref()
            .expect("a scale question has a scale");
        let label = |l: &Option<i18n::Text>, p: i64| match l {
            Some(t) => format!("{p}  {}", t.get(lang)),
            None => p.to_string(),
        };
        let mut items: Vec<String> = (s.min..=s.max)
            .map(|p| match p {
                p if p == s.min => label(&s.min_label, p),
                p if p == s.max => label(&s.max_label, p),
                p => p.to_string(),
            })
            .collect();
        let at = |a: Option<&Answer>| match a {
            Some(Answer::Scale(p)) => usize::try_from(p - s.min).ok(),
            _ => None,
        };
        if let Some(item) = at(ask.start).and_then(|i| items.get_mut(i)) {
            item.push_str(&format!("  ({})", i18n::SCALE_NOW.get(lang)));
        }
        let start = at(ask.current).or(at(ask.start));
        self.ask_select(ask, prompt, items, start)
    }

    /// Yes or no, as a list of two.
    fn ask_yes_no(&self, ask: &Ask, prompt: &str) -> anyhow::Result<Reply> {
        let items = vec![
            i18n::VERDICT_JA.get(ask.lang).to_string(),
            i18n::VERDICT_NEE.get(ask.lang).to_string(),
        ];
        let current = match ask.current {
            Some(Answer::YesNo(b)) => Some(usize::from(!*b)),
            _ => None,
        };
        self.ask_select(ask, prompt, items, current)
    }

    /// Several choices to tick, the current ones ticked; its help stands
    /// above the list, which has no room for a help entry.
    fn ask_multi(&self, ask: &Ask, prompt: &str) -> anyhow::Result<Reply> {
        let q = ask.question;
        if let Some(help) = &q.help {
            self.prose(help.get(ask.lang), Look::Dim)?;
        }
        let items: Vec<&str> = q.choices.iter().map(|c| c.label.get(ask.lang)).collect();
        let checked: Vec<bool> = q
            .choices
            .iter()
            .map(|c| matches!(ask.current, Some(Answer::Multi(vs)) if vs.contains(&c.value)))
            .collect();
        let picked = MultiSelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(printables(&items))
            .defaults(&checked)
            .interact_on_opt(&self.term)
            .map_err(|e| self.dialoguer_failed(e))?;
        Ok(match picked {
            None => Reply::Back,
            Some(p) if p.is_empty() => {
                if ask.required {
                    // Not an answer: the walk says a tick is needed.
                    self.term.clear_last_lines(1).map_err(|e| self.failed(e))?;
                }
                Reply::Skip
            }
            Some(p) => Reply::PickedMany(p),
        })
    }
}

impl Prompter for TermPrompter {
    fn section(&mut self, section: &Section, lang: Lang) -> anyhow::Result<()> {
        let title = &*printable(section.title.get(lang));
        self.section = title.to_string();
        self.line(&Styled::new())?;
        self.line(&Styled::looking(title, Look::Section))?;
        self.line(&Styled::plain(&"─".repeat(title.chars().count())))?;
        if let Some(intro) = &section.intro {
            self.prose(intro.get(lang), Look::Dim)?;
        }
        Ok(())
    }

    fn ask(&mut self, ask: &Ask) -> anyhow::Result<Reply> {
        self.lead_in(ask)?;
        let q = ask.question;
        let prompt = &*printable(q.prompt.get(ask.lang));
        match q.kind {
            Kind::Text if !ask.offered.is_empty() => self.ask_offered(ask, prompt),
            Kind::Text | Kind::Long | Kind::Amount | Kind::Cost | Kind::Date => {
                self.ask_text(ask, prompt)
            }
            Kind::Choice => self.ask_choice(ask, prompt),
            Kind::Scale => self.ask_scale(ask, prompt),
            Kind::YesNo => self.ask_yes_no(ask, prompt),
            Kind::Multi => self.ask_multi(ask, prompt),
        }
    }

    fn width(&self) -> Option<usize> {
        self.width.or_else(|| self.columns())
    }

    fn show(&mut self, text: &str) -> anyhow::Result<()> {
        self.prose(text, Look::Plain)
    }

    fn show_styled(&mut self, text: &Styled) -> anyhow::Result<()> {
        let mut painted = paint(text, self.colour);
        if !painted.ends_with('\n') {
            painted.push('\n');
        }
        self.term.write_str(&painted).map_err(|e| self.failed(e))
    }

    fn choose(&mut self, prompt: &str, items: &[&str], default: usize) -> anyhow::Result<usize> {
        let prompt = printable(prompt);
        let cols = self.columns();
        let prompt = match cols.and_then(|cols| split_prompt(&prompt, cols)) {
            Some((question, said)) => {
                self.prose(said, Look::Plain)?;
                question.to_string()
            }
            None => prompt.into_owned(),
        };
        // A question still wider than the line ("…voorgoed wissen?") is
        // wrapped between words: all but its last line stand above the list.
        let prompt = match cols {
            Some(cols) if prompt.width() + 4 >= cols => {
                let mut lines = textwrap::wrap(&prompt, cols.saturating_sub(4).max(20));
                let last = lines.pop().map(|l| l.into_owned()).unwrap_or_default();
                for line in lines {
                    self.line(&Styled::looking(&line, Look::Plain))?;
                }
                last
            }
            _ => prompt,
        };
        Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(printables(items))
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(|e| self.dialoguer_failed(e))?
            .ok_or_else(crate::error::cancelled)
    }
}

/// The most texts a list offers to pick from: the rest are typed.
const MAX_OFFERED: usize = 15;

/// Text on one line of at most `max` columns, cut with `…`, printable.
fn one_line(text: &str, max: usize) -> String {
    let joined = printable(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    cut(&joined, max).into_owned()
}

/// A typed answer as its report shows it: a day with the day it was read
/// as, `1-12 (1 dec. 2027)`. A day without its year is placed by the walk
/// (a deadline's ahead, the rest back), and the worker sees where: the
/// page for the person prints it.
fn as_read(q: &crate::domain::bank::Question, typed: &str, lang: Lang) -> String {
    match (q.kind, crate::domain::walk::page::read_typed(q, typed)) {
        (Kind::Date, Ok(Some(Answer::Date(d)))) => {
            format!(
                "{} ({})",
                typed.trim(),
                crate::domain::day::display(d, lang)
            )
        }
        _ => typed.to_string(),
    }
}

/// Items of a list as the terminal may show them.
fn printables<T: AsRef<str>>(items: &[T]) -> Vec<String> {
    items
        .iter()
        .map(|i| printable(i.as_ref()).into_owned())
        .collect()
}
