//! The terminal's door: everything the tool says goes out here, to stdout
//! (what was asked for: a note, a table, a document) or to stderr (what
//! happened, warnings, the walk). Text is made printable before it is
//! styled (see [`Styled`]), and painted here only when the stream is a
//! terminal that takes colour. The web front end has its own door over the
//! same [`crate::render::Doc`]s.

use std::fmt::Display;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use console::Term;

use crate::i18n::Lang;
use crate::printable::{Styled, printable};
use crate::render::terminal::PIPE_WIDTH;
use crate::term::paint::paint;
use crate::term::prompter::TermPrompter;

/// What every warning and error starts with, written here only.
const PREFIX: &str = "driehoek: ";

/// The narrowest a wrapped message gets, however narrow the terminal.
const NARROWEST: usize = 20;

/// Every line of `text` wrapped between words to `width` columns; a word
/// wider than that (a long path) is broken where it must be.
pub(crate) fn wrap_lines(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|line| textwrap::fill(line, width))
        .collect::<Vec<_>>()
        .join("\n")
}

pub struct Ui {
    ui_lang: Lang,
    /// `--width`: the columns tables and text are fitted to.
    width: Option<usize>,
    out: Stream,
    err: Stream,
}

/// One of the two streams, and what it is connected to.
struct Stream {
    writer: Mutex<Box<dyn Write + Send>>,
    /// The terminal, when the stream is one (its width can change while a
    /// walk runs, so it is asked each time).
    term: Option<Term>,
    /// Whether the tool's own styling is painted.
    colour: bool,
}

impl Stream {
    fn of(term: Term, writer: Box<dyn Write + Send>, no_color: bool) -> Stream {
        let is_term = term.is_term();
        Stream {
            writer: Mutex::new(writer),
            colour: is_term && term.features().colors_supported() && !no_color,
            term: is_term.then_some(term),
        }
    }

    fn columns(&self) -> Option<usize> {
        let (_, cols) = self.term.as_ref()?.size_checked()?;
        Some(usize::from(cols))
    }

    fn write(&self, text: &str) -> io::Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        writer.write_all(text.as_bytes())?;
        writer.flush()
    }
}

impl Ui {
    /// The door of a run in a terminal (or a pipe): colour only for a
    /// terminal, and never with `NO_COLOR` set (to anything but empty).
    pub fn terminal(ui_lang: Lang) -> Ui {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let ui = Ui {
            ui_lang,
            width: None,
            out: Stream::of(Term::stdout(), Box::new(io::stdout()), no_color),
            err: Stream::of(Term::stderr(), Box::new(io::stderr()), no_color),
        };
        // dialoguer's theme and clap's help style themselves: the same choice.
        console::set_colors_enabled(ui.out.colour);
        console::set_colors_enabled_stderr(ui.err.colour);
        ui
    }

    /// A door whose streams are `out` and `err`, for tests: no terminal,
    /// no colour.
    pub fn captured(ui_lang: Lang, out: Box<dyn Write + Send>, err: Box<dyn Write + Send>) -> Ui {
        let stream = |writer| Stream {
            writer: Mutex::new(writer),
            term: None,
            colour: false,
        };
        Ui {
            ui_lang,
            width: None,
            out: stream(out),
            err: stream(err),
        }
    }

    /// Fits tables and text to `width` columns (`--width`), whatever the
    /// terminal's.
    pub fn with_width(mut self, width: Option<u16>) -> Ui {
        self.width = width.map(usize::from);
        self
    }

    /// The reader's language: of every message, prompt and heading.
    pub fn ui_lang(&self) -> Lang {
        self.ui_lang
    }

    /// The columns a table on stdout fits in: `--width`, else the
    /// terminal's, else 100 (a pipe, a file).
    pub fn table_width(&self) -> usize {
        self.text_width().unwrap_or(PIPE_WIDTH)
    }

    /// The columns text on stdout is wrapped to: `--width`, else the
    /// terminal's; none for a pipe or a file.
    pub fn text_width(&self) -> Option<usize> {
        self.width.or_else(|| self.out.columns())
    }

    /// The columns of the walk and its messages on stderr: `--width`, else
    /// the terminal's; none for a pipe or a file.
    pub fn prompt_width(&self) -> Option<usize> {
        self.width.or_else(|| self.err.columns())
    }

    /// Whether stdout is a terminal, where a person reads (not a file or
    /// a pipe).
    pub fn out_is_terminal(&self) -> bool {
        self.out.term.is_some()
    }

    /// What was asked for, laid out by a renderer, on stdout.
    pub fn page(&self, page: &Styled) -> io::Result<()> {
        self.out.write(&paint(page, self.out.colour))
    }

    /// Text on stdout that may hold untrusted text: made printable.
    pub fn print(&self, text: &str) -> io::Result<()> {
        self.out.write(&printable(text))
    }

    /// A document in a file format on stdout (Markdown, HTML, JSON, CSV,
    /// TOML, a man page, a completion script), as it is: its renderer made
    /// it safe for its format. Into a terminal it is made printable too.
    pub fn document(&self, text: &str) -> io::Result<()> {
        match self.out.term {
            Some(_) => self.print(text),
            None => self.out.write(text),
        }
    }

    /// Markdown to read on the screen (the agenda, the page for the
    /// person): in a terminal every line is wrapped between words, a
    /// quote's with its `> `, while headings and table rows stay whole; the
    /// terminal wrapped them inside words ("dagb" / "esteding"). Elsewhere
    /// as [`Ui::document`].
    pub fn markdown(&self, text: &str) -> io::Result<()> {
        let Some(width) = self.out.term.as_ref().and(self.text_width()) else {
            return self.document(text);
        };
        let width = width.max(NARROWEST);
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| match line.strip_prefix("> ") {
                _ if line.starts_with(['|', '#']) => line.to_string(),
                Some(quote) => textwrap::fill(
                    quote,
                    textwrap::Options::new(width)
                        .initial_indent("> ")
                        .subsequent_indent("> "),
                ),
                None => textwrap::fill(line, width),
            })
            .collect();
        self.print(&lines.join("\n"))
    }

    /// Help as clap laid it out and styled it for stdout, as it is: the
    /// tool's own text, and arguments `main` made printable before clap
    /// saw them.
    pub fn help(&self, text: &str) -> io::Result<()> {
        self.out.write(text)
    }

    /// A usage error as clap laid it out and styled it, on stderr, as it
    /// is (see [`Ui::help`]).
    pub fn usage(&self, text: &str) {
        let _ = self.err.write(text);
    }

    /// A warning or an error on stderr: `driehoek: ` and the message.
    pub fn warn(&self, message: impl Display) {
        self.say(format!("{PREFIX}{message}"));
    }

    /// What happened, on stderr, made printable; in a terminal wrapped
    /// between words to its width, which wrapped a long line inside a word
    /// ("--hoogst" / "ens", "instellin" / "gen").
    pub fn say(&self, message: impl Display) {
        let text = printable(&message.to_string()).into_owned();
        let text = match self.err.columns() {
            Some(cols) => wrap_lines(&text, cols.max(NARROWEST)),
            None => text,
        };
        // A message that cannot be written has nowhere else to go.
        let _ = self.err.write(&format!("{text}\n"));
    }

    /// Prose on stderr (a walk's introduction), wrapped between words to
    /// the width of the walk.
    pub fn tell(&self, text: &str) {
        let width = self.prompt_width().map_or(usize::MAX, |w| w.max(NARROWEST));
        for line in textwrap::wrap(&printable(text), width) {
            self.say(line);
        }
    }

    /// Says once that the run was cancelled (`said`: what became of the
    /// run's work): both the Ctrl-C handler and the interrupted prompt may
    /// get there.
    pub fn say_cancelled(&self, said: &str) {
        static SAID: AtomicBool = AtomicBool::new(false);
        if !SAID.swap(true, Ordering::SeqCst) {
            self.say(format!("\n{said}"));
        }
    }

    /// The prompter a walk asks through, on stderr, fitted and coloured as
    /// this door is. `scratch` is the store's private folder, for the
    /// editor's temp files.
    pub fn prompter(&self, scratch: PathBuf) -> TermPrompter {
        TermPrompter::new(scratch, self.width, self.err.colour, self.ui_lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::printable::Look;
    use std::sync::Arc;

    /// A writer tests can read back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().write(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[test]
    fn untrusted_text_is_cleaned_and_the_prefix_said_once() {
        let (out, err) = (Shared::default(), Shared::default());
        let ui = Ui::captured(Lang::Nl, Box::new(out.clone()), Box::new(err.clone()));
        ui.warn("kan \x1b]52;c;eA==\x07 niet lezen");
        ui.say("Geschreven: a\u{202E}b");
        ui.print("titel\x1b[2J\n").unwrap();
        ui.document("{\"a\": \"\x1b\"}").unwrap();
        assert_eq!(
            err.text(),
            "driehoek: kan ␛]52;c;eA==␇ niet lezen\nGeschreven: a�b\n"
        );
        // A document into a pipe is the renderer's: as it is.
        assert_eq!(out.text(), "titel␛[2J\n{\"a\": \"\x1b\"}");
    }

    #[test]
    fn styling_is_painted_after_cleaning_and_only_with_colour() {
        let mut text = Styled::looking("Kop \x1b[31m", Look::Bold);
        text.push("\nrest", Look::Plain);
        assert_eq!(paint(&text, false), "Kop ␛[31m\nrest");
        let painted = paint(&text, true);
        assert!(
            painted.starts_with("\x1b[1mKop ␛[31m\x1b[0m"),
            "{painted:?}"
        );
        assert!(painted.ends_with("\nrest"));
    }

    #[test]
    fn width_is_the_option_else_the_terminal_else_none_or_100() {
        let ui = Ui::captured(Lang::En, Box::new(io::sink()), Box::new(io::sink()));
        assert_eq!((ui.text_width(), ui.table_width()), (None, PIPE_WIDTH));
        let ui = ui.with_width(Some(60));
        assert_eq!(ui.text_width(), Some(60));
        assert_eq!(ui.table_width(), 60);
        assert_eq!(ui.prompt_width(), Some(60));
    }
}
