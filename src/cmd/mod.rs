//! One module per subcommand, each with its own arguments. Each reads what
//! it needs, calls the domain, and hands the result to a renderer; this is
//! the only place where they meet. `cli` assembles the arguments and calls
//! the commands.

pub mod agenda;
pub mod args;
pub mod bundle;
pub mod check;
pub mod compare;
mod confirm;
pub mod delete;
pub mod drafts;
pub mod edit;
pub mod export;
pub mod history;
pub mod list;
pub mod new;
pub mod outcome;
pub mod practice;
pub mod prune;
pub mod questions;
pub mod resume;
mod retention;
pub mod session;
pub mod settings;
pub mod show;
pub mod signals;
pub mod template;
pub mod upgrade;
pub mod web;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::config;
use crate::domain::bank::{self, Bank, QuestionSet};
use crate::domain::cases::{self, PracticeCase};
use crate::domain::filter::Filter;
use crate::domain::labels::Lexicon;
use crate::domain::privacy::AnswerFinding;
use crate::domain::privacy::Scanner;
use crate::domain::summary::Summary;
use crate::error::{SayAbout, not_found};
use crate::files::input;
use crate::i18n::{self, Lang};
use crate::store::Store;
use crate::store::{Broken, select};
use crate::term::ui::Ui;

/// What every subcommand may need, made on first use.
pub struct Ctx<'a> {
    /// The door everything the command says goes out through.
    pub ui: &'a Ui,
    questions: Option<PathBuf>,
    set: Option<String>,
    pub config: config::Config,
    /// Purges a killed run left unfinished, finished at the start of this
    /// run: `delete ID --purge` still knows their ids.
    pub finished_purges: Vec<String>,
}

/// What the global options say that the door does not hold.
pub struct Globals {
    pub questions: Option<PathBuf>,
    pub set: Option<String>,
}

impl<'a> Ctx<'a> {
    /// The context of one run, from the global options: the settings file
    /// read, and what a killed run left in the store finished first (and
    /// said through `ui`).
    pub fn new(ui: &'a Ui, globals: Globals) -> Result<Ctx<'a>> {
        let config = config::load_default(ui.ui_lang())?;
        Ok(Ctx {
            ui,
            questions: globals.questions,
            set: globals.set.or_else(|| config.set.clone()),
            config,
            finished_purges: tidy(ui),
        })
    }

    /// The reader's language.
    pub fn ui_lang(&self) -> Lang {
        self.ui.ui_lang()
    }

    /// The question sets: embedded, then the coach's own files in the config
    /// folder, then `--questions`.
    pub fn bank(&self) -> Result<(Bank, String)> {
        let mut bank = Bank::embedded();
        for file in own_files("questions")? {
            bank.add(read_set(&file, self.ui_lang())?);
        }
        let mut active = self
            .set
            .clone()
            .unwrap_or_else(|| bank::DEFAULT_SET.to_string());
        if let Some(file) = &self.questions {
            let set = read_set(file, self.ui_lang())?;
            if self.set.is_none() {
                active = set.id.clone();
            }
            bank.add(set);
        }
        if bank.get(&active).is_none() {
            return Err(unknown_set(&bank, &active, self.ui_lang()));
        }
        Ok((bank, active))
    }

    /// The privacy guard, with the names from the config file.
    pub fn scanner(&self) -> Result<Scanner> {
        Ok(Scanner::new(self.config.names.clone()))
    }

    /// The label lexicon: built in, extended by `lexicon.toml` in the
    /// config folder.
    pub fn lexicon(&self) -> Result<Lexicon> {
        let mut lexicon = Lexicon::embedded();
        if let Some(path) = config::dir()
            .map(|d| d.join("lexicon.toml"))
            .filter(|p| p.exists())
        {
            let src = read_input(&path, self.ui_lang())?;
            let file = path.display().to_string();
            lexicon.extend(Lexicon::parse(&file, &src, self.ui_lang())?);
        }
        Ok(lexicon)
    }

    /// The practice cases: built in, and a coach's own in the config
    /// folder (`cases/*.toml`; one with the same key replaces).
    pub fn cases(&self) -> Result<Vec<PracticeCase>> {
        let mut all = cases::embedded();
        for file in own_files("cases")? {
            let src = read_input(&file, self.ui_lang())?;
            let case = cases::parse(&file.display().to_string(), &src, self.ui_lang())?;
            all.retain(|c| c.key != case.key);
            all.push(case);
        }
        Ok(all)
    }

    /// The set a new note is made with.
    pub fn active_set(&self) -> Result<QuestionSet> {
        let (bank, active) = self.bank()?;
        Ok(bank.get(&active).cloned().expect("checked by bank()"))
    }

    /// The store, with a warning for every part others can read.
    pub fn store(&self) -> Result<Store> {
        let store = Store::open(Store::default_root()?)?;
        self.warn_exposed(&store.exposed());
        Ok(store)
    }

    /// Warns of every part of the store others can read.
    pub fn warn_exposed(&self, exposed: &[PathBuf]) {
        for path in exposed {
            let path = path.display().to_string();
            self.ui
                .warn(i18n::WARN_EXPOSED.with(self.ui_lang(), &[("path", &path)]));
        }
    }

    /// The notes `filter` keeps, newest first, and the files that could
    /// not be read, each named with a warning.
    pub fn select(&self, store: &Store, filter: &Filter) -> Result<(Vec<Summary>, Vec<Broken>)> {
        let listing = select::select(store, filter)?;
        self.warn_broken(&listing.broken);
        self.warn_exposed(&listing.exposed);
        Ok((listing.notes, listing.broken))
    }

    /// Names each file that could not be read, with why: one bad file
    /// never hides the others.
    pub fn warn_broken(&self, broken: &[Broken]) {
        for b in broken {
            self.ui.warn(b.said(self.ui_lang()));
        }
    }

    /// An export or agenda leaves the private store: says what in a note
    /// looks like personal data before it goes.
    pub fn warn_before_export(&self, id: &str, found: &[AnswerFinding]) {
        if found.is_empty() {
            return;
        }
        let lang = self.ui_lang();
        self.ui
            .warn(i18n::WARN_EXPORT_PERSONAL.with(lang, &[("id", id)]));
        for f in found {
            self.ui.say(format!("  {}", f.line(lang)));
        }
    }

    /// The question set a stored note or draft was made with.
    pub fn set_named(&self, id: &str) -> Result<QuestionSet> {
        let (bank, _) = self.bank()?;
        bank.get(id)
            .cloned()
            .ok_or_else(|| unknown_set(&bank, id, self.ui_lang()))
    }
}

fn unknown_set(bank: &Bank, id: &str, ui_lang: Lang) -> anyhow::Error {
    let known = bank.ids().join(", ");
    not_found(i18n::ERR_UNKNOWN_SET.with(ui_lang, &[("id", id), ("known", &known)]))
}

/// A coach's own TOML files in a folder of the config folder, in name order.
fn own_files(folder: &str) -> Result<Vec<PathBuf>> {
    let Some(dir) = config::dir().map(|d| d.join(folder)).filter(|d| d.is_dir()) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .about(i18n::ERR_CANNOT_READ, &dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

fn read_set(path: &Path, lang: Lang) -> Result<QuestionSet> {
    let src = input::read_text(path, input::MAX_QUESTION_SET, lang)?;
    Ok(bank::parse_set(&path.display().to_string(), &src, lang)?)
}

/// Reads a file a person wrote, refusing what is too large to be one.
pub fn read_input(path: &Path, lang: Lang) -> Result<String> {
    input::read_text(path, input::MAX_INPUT_FILE, lang)
}

/// Finishes what a killed run left in the store, whatever the command:
/// an erasure must not wait for the next `delete`.
fn tidy(ui: &Ui) -> Vec<String> {
    let Ok(root) = Store::default_root() else {
        return Vec::new();
    };
    let lang = ui.ui_lang();
    match Store::tidy(&root) {
        Ok(finished) => {
            for id in &finished {
                ui.warn(i18n::PURGE_FINISHED.with(lang, &[("id", id)]));
            }
            finished
        }
        Err(e) => {
            let error = crate::error::describe(&e, lang);
            ui.warn(i18n::WARN_TIDY.with(lang, &[("error", &error)]));
            Vec::new()
        }
    }
}

/// Whether an interactive walk is running (Ctrl-C is then its business).
pub fn walking() -> bool {
    session::WALKING.load(std::sync::atomic::Ordering::SeqCst)
}
