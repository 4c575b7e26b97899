//! Where notes live on disk, and the only code that writes them.
//!
//! One TOML file per note in `<home>/notes/`. Every write goes to a temp
//! file in the same folder, is synced, and is then renamed into place, so a
//! crash or Ctrl-C never leaves half a note. The folders are 0700 and the
//! files 0600: case notes describe vulnerable people.

pub mod bulk;
pub mod index;
pub mod scratch;
pub mod select;

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::error::{about_path, bad_input};
use std::collections::{HashMap, HashSet};

use crate::i18n::{self, Lang};
use index::{Stamp, Summary, TextReader, TextRecord};

use crate::domain::note::{CaseNote, Draft, NOTE_FORMAT};
use crate::domain::problem::Problem;
use crate::sys;

/// Held while a file is being written, so a Ctrl-C handler can wait for
/// the write to finish before the process exits.
pub static WRITING: Mutex<()> = Mutex::new(());

/// A note file larger than this is not a note.
pub const MAX_NOTE_FILE: u64 = 4 * 1024 * 1024;

/// What a purge in this run has come to, for a Ctrl-C handler to report:
/// held for as long as a purge runs, so the handler waits for it to end.
pub static PURGE: Mutex<PurgeState> = Mutex::new(PurgeState::Idle);

pub enum PurgeState {
    Idle,
    /// Every file of the note is gone.
    Done(String),
    /// The purge stopped; its journal entry lets the next run finish it.
    Unfinished(String),
}

impl PurgeState {
    /// What to say when the run is cancelled.
    pub fn on_cancel(&self, lang: Lang) -> String {
        match self {
            PurgeState::Idle => i18n::CANCELLED.get(lang).to_string(),
            PurgeState::Done(id) => i18n::PURGE_CANCEL_DONE.with(lang, &[("id", id)]),
            PurgeState::Unfinished(id) => i18n::PURGE_CANCEL_LEFT.with(lang, &[("id", id)]),
        }
    }
}

/// The note an edit began from has changed since (another edit saved
/// first); `now` is the fingerprint of the note as it is now.
#[derive(Debug)]
pub struct NoteChanged {
    pub now: String,
}

impl std::fmt::Display for NoteChanged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the note changed since the edit began")
    }
}

impl std::error::Error for NoteChanged {}

/// The note an edit or a draft belongs to is gone (purged or trashed).
#[derive(Debug)]
pub struct NoteGone;

impl std::fmt::Display for NoteGone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the note is gone")
    }
}

impl std::error::Error for NoteGone {}

/// Characters of an id: no 0/o, 1/l/i, so ids survive being read aloud
/// in a meeting or copied by hand.
const ID_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const ID_LEN: usize = 6;

pub struct Store {
    root: PathBuf,
    /// The language of the messages the store itself gives.
    lang: Lang,
}

/// What a listing of the store found.
pub struct Listing {
    /// Newest first.
    pub notes: Vec<Summary>,
    pub broken: Vec<Broken>,
    /// Note files others than the owner can read or write (where the
    /// platform has permission bits).
    pub exposed: Vec<PathBuf>,
}

/// A note file that could not be read, with why.
pub struct Broken {
    pub path: PathBuf,
    pub error: anyhow::Error,
}

impl Store {
    /// The folder from `DRIEHOEK_HOME`, else the platform's data folder.
    pub fn default_root() -> Result<PathBuf> {
        if let Some(home) = std::env::var_os("DRIEHOEK_HOME").filter(|h| !h.is_empty()) {
            return Ok(PathBuf::from(home));
        }
        directories::ProjectDirs::from("nl", "driehoek", "driehoek")
            .map(|d| d.data_dir().to_path_buf())
            .with_context(|| i18n::ERR_NO_HOME.get(i18n::current()))
    }

    /// Opens the store, making its folders (owner only) when missing.
    pub fn open(root: PathBuf) -> Result<Store> {
        let store = Store {
            root,
            lang: Lang::default(),
        };
        for dir in store.folders() {
            make_private_dir(&dir)?;
        }
        Ok(store)
    }

    /// The store, giving its messages in `lang`.
    pub fn in_lang(self, lang: Lang) -> Store {
        Store { lang, ..self }
    }

    fn folders(&self) -> [PathBuf; 6] {
        [
            self.root.clone(),
            self.notes_dir(),
            self.drafts_dir(),
            self.root.join("history"),
            self.root.join("trash"),
            self.scratch_dir(),
        ]
    }

    /// Folders that others than the owner can read or write, to warn
    /// about where the platform has permission bits: the store may sit in
    /// a shared folder. Note files are checked
    /// where they are read anyway ([`Listing::exposed`]).
    pub fn exposed(&self) -> Vec<PathBuf> {
        self.folders()
            .into_iter()
            .chain([self.export_key()])
            .filter(|p| fs::metadata(p).is_ok_and(|m| sys::exposed(&m)))
            .collect()
    }

    fn export_key(&self) -> PathBuf {
        self.root.join("export-key")
    }

    pub fn notes_dir(&self) -> PathBuf {
        self.root.join("notes")
    }

    pub fn drafts_dir(&self) -> PathBuf {
        self.root.join("drafts")
    }

    fn history_dir(&self, id: &str) -> PathBuf {
        self.root.join("history").join(id)
    }

    fn trash_dir(&self, id: &str) -> PathBuf {
        self.root.join("trash").join(id)
    }

    /// Holds the store's lock until dropped: every read-modify-write
    /// (edit, delete) runs under it, so two terminals cannot interleave.
    pub fn lock(&self) -> Result<File> {
        let file = self.lock_file()?;
        file.lock()
            .with_context(|| about_path(i18n::ERR_CANNOT_LOCK, &self.root.join("lock")))?;
        Ok(file)
    }

    fn lock_file(&self) -> Result<File> {
        let path = self.root.join("lock");
        sys::open_private_file(&path).with_context(|| about_path(i18n::ERR_CANNOT_READ, &path))
    }

    /// Saves an edited note. The version it replaces is kept in the note's
    /// history first, so an edit never destroys anything. With `base` (the
    /// [`fingerprint`] of the note the edit began from), a note that
    /// changed meanwhile is left alone: [`NoteChanged`]. A note that is
    /// gone is [`NoteGone`]. Both are checked under the lock.
    pub fn update(&self, note: &CaseNote, base: Option<&str>) -> Result<()> {
        let text = to_text(note)?;
        check_size(&text, self.lang)?;
        let _lock = self.lock()?;
        let path = self.path_of(&note.id);
        if self.purging(&note.id) {
            return Err(NoteGone.into());
        }
        let old = match read_bytes(&path, self.lang) {
            Err(e) if is_not_found(&e) => return Err(NoteGone.into()),
            other => other?,
        };
        if let Some(base) = base
            && fingerprint(&old) != base
        {
            return Err(NoteChanged {
                now: fingerprint(&old),
            }
            .into());
        }
        let previous = parse_note(
            std::str::from_utf8(&old).with_context(|| path.display().to_string())?,
            &path,
        )?;
        let history = self.history_dir(&note.id);
        make_private_dir(&history)?;
        let stamp = previous.updated.strftime("%Y%m%dT%H%M%SZ").to_string();
        let mut kept = history.join(format!("{stamp}.toml"));
        for n in 2.. {
            match self.write(&kept, &old, false) {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    kept = history.join(format!("{stamp}-{n}.toml"));
                }
                other => {
                    other.with_context(|| about_path(i18n::ERR_CANNOT_KEEP_OLD, &history))?;
                    break;
                }
            }
        }
        self.write(&path, text.as_bytes(), true)
            .with_context(|| about_path(i18n::ERR_CANNOT_WRITE, &path))
    }

    /// A note and the [`fingerprint`] of its file, read in one go: an edit
    /// begins from these.
    pub fn load_with_fingerprint(&self, id: &str) -> Result<(CaseNote, String)> {
        self.load_for_upgrade(id)
            .map(|(note, base, _)| (note, base))
    }

    /// A note, its fingerprint, and what reading it from an older format
    /// changed (nothing for a note of today's format).
    pub fn load_for_upgrade(
        &self,
        id: &str,
    ) -> Result<(CaseNote, String, Vec<crate::domain::migrate::Change>)> {
        let path = self.path_of(id);
        let bytes = read_bytes(&path, self.lang)?;
        let (note, changes) = self.named_by_file(id, &bytes, &path)?;
        Ok((note, fingerprint(&bytes), changes))
    }

    /// The note in `bytes`, read from the file of note `id`: the id
    /// inside must be the file's name, so a copied or tampered file can
    /// never pass for another note (or name where an export writes).
    /// Says too what reading it from an older format changed.
    fn named_by_file(
        &self,
        id: &str,
        bytes: &[u8],
        path: &Path,
    ) -> Result<(CaseNote, Vec<crate::domain::migrate::Change>)> {
        let text = std::str::from_utf8(bytes).with_context(|| path.display().to_string())?;
        let (note, changes) = parse_note_with_changes(text, path)?;
        if note.id != id {
            return Err(anyhow::anyhow!(i18n::ERR_ID_NOT_FILE_NAME.with(
                self.lang,
                &[
                    ("file", &path.display().to_string()),
                    ("inner", &note.id),
                    ("id", id)
                ],
            )));
        }
        Ok((note, changes))
    }

    /// Writes a store file through a locked temp file in the store's own
    /// temp folder, so a kill leaves nothing beside the notes.
    fn write(&self, path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
        write_via(&self.scratch_dir(), path, bytes, replace)
    }

    /// The kept versions of a note, oldest first.
    pub fn history(&self, id: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(self.history_dir(id))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Moves a note and its history to the trash, from where it can be put
    /// back by hand.
    pub fn trash(&self, id: &str) -> Result<PathBuf> {
        let _lock = self.lock()?;
        let bin = self.trash_dir(id);
        make_private_dir(&bin)?;
        let history = self.history_dir(id);
        if history.exists() {
            let _ = fs::remove_dir_all(bin.join("history"));
            fs::rename(&history, bin.join("history"))
                .with_context(|| about_path(i18n::ERR_CANNOT_TRASH, &history))?;
        }
        let to = bin.join(format!("{id}.toml"));
        fs::rename(self.path_of(id), &to)
            .with_context(|| about_path(i18n::ERR_CANNOT_TRASH, &self.path_of(id)))?;
        sys::sync_dir(&self.notes_dir())?;
        Ok(to)
    }

    /// Erases a note for good: the note, its history, its trash, any draft
    /// that edits it, the caches and the temp files no run uses (the
    /// person's right to erasure). The intent is recorded first, in a
    /// journal entry that holds only the id, and the note file goes last:
    /// a purge cut off at any point still resolves and is finished by the
    /// next run.
    pub fn purge(&self, id: &str) -> Result<()> {
        let mut state = PURGE.lock().unwrap_or_else(|p| p.into_inner());
        *state = PurgeState::Unfinished(id.to_string());
        let result = self.purge_now(id);
        if result.is_ok() {
            *state = PurgeState::Done(id.to_string());
        }
        result
    }

    fn purge_now(&self, id: &str) -> Result<()> {
        let _lock = self.lock()?;
        let journal = self.journal_dir();
        make_private_dir(&journal)?;
        let entry = journal.join(id);
        self.write(&entry, b"", true)
            .with_context(|| about_path(i18n::ERR_CANNOT_WRITE, &entry))?;
        // The caches hold the note's title and every answer: they go too,
        // and are rebuilt from the notes that remain.
        for cache in [index::SUMMARY_FILE, index::TEXT_FILE] {
            remove_if_there(&index::dir(&self.root).join(cache))?;
        }
        for dir in [self.history_dir(id), self.trash_dir(id)] {
            match fs::remove_dir_all(&dir) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).with_context(|| about_path(i18n::ERR_CANNOT_REMOVE, &dir));
                }
                _ => {}
            }
        }
        for draft in self.drafts()?.0 {
            if draft.edit_of.as_deref() == Some(id) {
                self.remove_draft(&draft.id)?;
            }
        }
        // Temp files cannot say whose text they hold: every one no run
        // uses goes, also those an older release left beside the notes.
        for (dir, in_scratch) in self.temp_folders() {
            if let Some((path, e)) =
                scratch::remove_leftovers(&dir, in_scratch, Duration::ZERO).pop()
            {
                return Err(e).with_context(|| about_path(i18n::ERR_CANNOT_REMOVE, &path));
            }
        }
        remove_if_there(&self.path_of(id))?;
        sys::sync_dir(&self.notes_dir())?;
        remove_if_there(&entry)?;
        sys::sync_dir(&journal)?;
        Ok(())
    }

    /// Where a purge records its intent until it is done.
    fn journal_dir(&self) -> PathBuf {
        self.root.join("purging")
    }

    /// Ids of purges that were cut off.
    pub fn unfinished_purges(&self) -> Vec<String> {
        fs::read_dir(self.journal_dir())
            .map(|d| {
                d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter(|name| !name.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn purging(&self, id: &str) -> bool {
        self.journal_dir().join(id).exists()
    }

    /// Every folder a temp file may be in, each with whether it is the
    /// store's own temp folder: that one, and the folders older releases
    /// wrote their temp files in.
    fn temp_folders(&self) -> Vec<(PathBuf, bool)> {
        let mut dirs = vec![self.scratch_dir(), index::dir(&self.root)];
        dirs.extend(self.folders());
        dirs.extend(
            fs::read_dir(self.root.join("history"))
                .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .filter(|p| p.is_dir()),
        );
        dirs.sort();
        dirs.dedup();
        let scratch = self.scratch_dir();
        dirs.into_iter()
            .map(|d| {
                let in_scratch = d == scratch;
                (d, in_scratch)
            })
            .collect()
    }

    /// Finishes what killed runs left behind: purges that were cut off,
    /// and temp files no run uses that are older than a minute. Runs at
    /// the start of every command, on a store that exists; returns the ids
    /// whose purge it finished.
    pub fn tidy(root: &Path) -> Result<Vec<String>> {
        if !root.is_dir() {
            return Ok(Vec::new());
        }
        let store = Store {
            root: root.to_path_buf(),
            lang: Lang::default(),
        };
        let finished = store.unfinished_purges();
        for id in &finished {
            store.purge(id)?;
        }
        for (dir, in_scratch) in [(store.scratch_dir(), true), (index::dir(root), false)] {
            if let Some((path, e)) =
                scratch::remove_leftovers(&dir, in_scratch, scratch::MIN_AGE).pop()
            {
                return Err(e).with_context(|| about_path(i18n::ERR_CANNOT_REMOVE, &path));
            }
        }
        Ok(finished)
    }

    /// Temp files that remain in the store (in use, too young to tidy, or
    /// left by an older release beside the notes), for `check` to report.
    pub fn temp_files(&self) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = self
            .temp_folders()
            .into_iter()
            .flat_map(|(dir, in_scratch)| {
                fs::read_dir(dir)
                    .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect::<Vec<_>>())
                    .unwrap_or_default()
                    .into_iter()
                    .filter(move |p| {
                        p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| scratch::is_temp_name(n, in_scratch))
                    })
            })
            .collect();
        found.sort();
        found
    }

    /// Writes a cache while no purge can run, keeping only the notes that
    /// are still there: a note purged while this run was reading must not
    /// come back in a cache made from what it read. A busy store skips the
    /// write; a cache only saves time.
    fn write_cache(&self, write: impl FnOnce(&HashSet<String>) -> Result<()>) {
        let Ok(lock) = self.lock_file() else {
            return;
        };
        if lock.try_lock().is_err() {
            return;
        }
        if let Ok(ids) = self.ids() {
            let _ = write(&ids.into_iter().collect());
        }
    }

    /// Ids of notes in the trash.
    pub fn trashed(&self) -> Vec<String> {
        fs::read_dir(self.root.join("trash"))
            .map(|d| {
                d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Saves a draft, replacing its previous state. A draft that edits a
    /// note is saved only while that note is there, checked under the
    /// lock: a purge leaves no draft behind ([`NoteGone`]).
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        let text = toml::to_string_pretty(draft)
            .with_context(|| i18n::ERR_NOT_A_DRAFT.get(i18n::current()))?;
        check_size(&text, self.lang)?;
        let path = self.drafts_dir().join(format!("{}.toml", draft.id));
        let _lock = match &draft.edit_of {
            Some(id) => {
                let lock = self.lock()?;
                if self.purging(id) || !self.path_of(id).exists() {
                    return Err(NoteGone.into());
                }
                Some(lock)
            }
            None => None,
        };
        self.write(&path, text.as_bytes(), true)
            .with_context(|| about_path(i18n::ERR_CANNOT_WRITE, &path))
    }

    pub fn load_draft(&self, id: &str) -> Result<Draft> {
        let path = self.drafts_dir().join(format!("{id}.toml"));
        let text = read_text(&path, self.lang)?;
        let mut table: toml::Table = toml::from_str(&text)
            .map_err(|e| toml_error(&path, &text, &e, i18n::ERR_NOT_A_DRAFT))?;
        if table.get("format").and_then(toml::Value::as_integer) == Some(1) {
            crate::domain::migrate::format1(&mut table);
        }
        let draft: Draft = table.try_into().with_context(|| {
            let what = i18n::ERR_NOT_A_DRAFT.get(self.lang);
            format!("{}: {what}", path.display())
        })?;
        // The ids in a draft name files: its own must be its file's name,
        // and the ones it points at may not lead out of the store.
        let unsafe_id = |i: &str| i.is_empty() || i.starts_with('.') || i.contains(['/', '\\']);
        if draft.id != id
            || [&draft.edit_of, &draft.revises]
                .into_iter()
                .flatten()
                .any(|i| unsafe_id(i))
        {
            return Err(anyhow::anyhow!(
                i18n::ERR_DRAFT_IDS.with(self.lang, &[("file", &path.display().to_string())])
            ));
        }
        Ok(draft)
    }

    pub fn remove_draft(&self, id: &str) -> Result<()> {
        remove_if_there(&self.drafts_dir().join(format!("{id}.toml")))
    }

    /// Every readable draft, newest first, and the broken draft files.
    pub fn drafts(&self) -> Result<(Vec<Draft>, Vec<Broken>)> {
        let mut drafts = Vec::new();
        let mut broken = Vec::new();
        for id in ids_in(&self.drafts_dir())? {
            match self.load_draft(&id) {
                Ok(d) => drafts.push(d),
                Err(error) => broken.push(Broken {
                    path: self.drafts_dir().join(format!("{id}.toml")),
                    error,
                }),
            }
        }
        drafts.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
        Ok((drafts, broken))
    }

    /// Where temp files go (the editor's and the halves of atomic
    /// writes): inside the private store, never in a shared temp folder.
    pub fn scratch_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    /// The store's own secret for anonymous exports: 32 random bytes, made
    /// on first use, readable by the owner alone. It keeps a case's
    /// fingerprint the same in every export of this store, so a bundle
    /// counts the case once, while nobody without the store can tell which
    /// note a fingerprint stands for.
    pub fn export_secret(&self) -> Result<Vec<u8>> {
        const LEN: usize = 32;
        let path = self.export_key();
        let broken = || about_path(i18n::ERR_EXPORT_KEY, &path);
        loop {
            match sys::open_regular_nofollow(&path) {
                Ok(file) => {
                    let mut bytes = Vec::new();
                    std::io::Read::read_to_end(
                        &mut std::io::Read::take(file, LEN as u64 + 1),
                        &mut bytes,
                    )
                    .with_context(broken)?;
                    if bytes.len() != LEN {
                        anyhow::bail!("{}", broken());
                    }
                    return Ok(bytes);
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    let mut bytes = vec![0u8; LEN];
                    getrandom::fill(&mut bytes)
                        .map_err(|e| std::io::Error::other(e.to_string()))
                        .with_context(|| about_path(i18n::ERR_CANNOT_WRITE, &path))?;
                    match write_atomic(&path, &bytes, false) {
                        Ok(()) => return Ok(bytes),
                        // Another run made it first: read theirs.
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                        Err(e) => {
                            return Err(e)
                                .with_context(|| about_path(i18n::ERR_CANNOT_WRITE, &path));
                        }
                    }
                }
                Err(e) => return Err(e).with_context(broken),
            }
        }
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.notes_dir().join(format!("{id}.toml"))
    }

    /// Saves a new note under a fresh id (written into `note.id`). Never
    /// overwrites: should two writers pick the same id, one picks again.
    pub fn create(&self, note: &mut CaseNote) -> Result<()> {
        for _ in 0..32 {
            note.id = new_id();
            let text = to_text(note)?;
            check_size(&text, self.lang)?;
            match self.write(&self.path_of(&note.id), text.as_bytes(), false) {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                other => {
                    return other
                        .with_context(|| about_path(i18n::ERR_CANNOT_WRITE, &self.notes_dir()));
                }
            }
        }
        anyhow::bail!(i18n::ERR_NO_FREE_ID.get(i18n::current()))
    }

    /// Note `id`, from its file; the id inside must be the file's name.
    pub fn load(&self, id: &str) -> Result<CaseNote> {
        let path = self.path_of(id);
        self.named_by_file(id, &read_bytes(&path, self.lang)?, &path)
            .map(|(note, _)| note)
    }

    /// The ids of every note file, in no order.
    pub fn ids(&self) -> Result<Vec<String>> {
        ids_in(&self.notes_dir())
    }

    /// Every readable note, newest first, and the files that are broken.
    pub fn all(&self) -> Result<(Vec<CaseNote>, Vec<Broken>)> {
        let (mut notes, broken) = self.load_many(self.ids()?);
        notes.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
        Ok((notes, broken))
    }

    /// Reads notes on every core: parsing is what reading many notes costs.
    pub fn load_many(&self, ids: Vec<String>) -> (Vec<CaseNote>, Vec<Broken>) {
        let results = crate::par::map(&ids, 64, |id| (id.clone(), self.load(id)));
        let mut notes = Vec::with_capacity(results.len());
        let mut broken = Vec::new();
        for (id, result) in results {
            match result {
                Ok(n) => notes.push(n),
                Err(error) => broken.push(Broken {
                    path: self.path_of(&id),
                    error,
                }),
            }
        }
        (notes, broken)
    }

    /// The summary of every readable note, newest first, the broken files,
    /// and note files others can read; from the cache where it is fresh,
    /// else from the notes.
    pub fn summaries(&self) -> Result<Listing> {
        let path = self.cache_dir()?.join(index::SUMMARY_FILE);
        let cached = index::read_summaries(&path);
        let files = index::stamps(&self.notes_dir())?;
        let exposed = files
            .iter()
            .filter(|f| f.exposed)
            .map(|f| self.path_of(&f.id))
            .collect();
        let stamps = files.into_iter().map(|f| (f.id, f.stamp));
        let mut entries: Vec<(Stamp, Summary)> = Vec::with_capacity(stamps.len());
        let mut missing = Vec::new();
        let mut stamp_of = HashMap::new();
        for (id, stamp) in stamps {
            match cached.get(&id) {
                Some((s, summary)) if *s == stamp => entries.push((stamp, summary.clone())),
                _ => {
                    stamp_of.insert(id.clone(), stamp);
                    missing.push(id);
                }
            }
        }
        let changed = !missing.is_empty() || entries.len() != cached.len();
        let (notes, broken) = self.load_many(missing);
        entries.extend(notes.iter().map(|n| (stamp_of[&n.id], Summary::of(n))));
        entries.sort_by(|a, b| {
            b.1.created
                .cmp(&a.1.created)
                .then_with(|| a.1.id.cmp(&b.1.id))
        });
        if changed {
            self.write_cache(|present| {
                let refs: Vec<(Stamp, &Summary)> = entries
                    .iter()
                    .filter(|(_, e)| present.contains(&e.id))
                    .map(|(s, e)| (*s, e))
                    .collect();
                index::write_summaries(&path, &self.scratch_dir(), &refs)
            });
        }
        Ok(Listing {
            notes: entries.into_iter().map(|(_, s)| s).collect(),
            broken,
            exposed,
        })
    }

    /// The ids of the notes whose answers contain `needle`, in any case.
    pub fn search(&self, needle: &str) -> Result<HashSet<String>> {
        let needle = needle.to_lowercase();
        // One searcher for every record: building it is the costly part.
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let path = self.cache_dir()?.join(index::TEXT_FILE);
        let stamps: HashMap<String, Stamp> = index::stamps(&self.notes_dir())?
            .into_iter()
            .map(|f| (f.id, f.stamp))
            .collect();
        let mut found = HashSet::new();
        let mut fresh = HashSet::new();
        let mut stale = false;
        for record in TextReader::open(&path) {
            if stamps.get(&record.id) == Some(&record.stamp) {
                if record.contains(&finder) {
                    found.insert(record.id.clone());
                }
                fresh.insert(record.id);
            } else {
                stale = true;
            }
        }
        let missing: Vec<String> = stamps
            .keys()
            .filter(|id| !fresh.contains(*id))
            .cloned()
            .collect();
        if missing.is_empty() && !stale {
            return Ok(found);
        }
        let (notes, _) = self.load_many(missing);
        let new: Vec<TextRecord> = notes
            .iter()
            .map(|n| TextRecord {
                id: n.id.clone(),
                stamp: stamps[&n.id],
                text: index::search_text(n),
            })
            .collect();
        found.extend(
            new.iter()
                .filter(|r| r.contains(&finder))
                .map(|r| r.id.clone()),
        );
        self.write_cache(|present| {
            let kept = TextReader::open(&path).filter(|r| fresh.contains(&r.id));
            index::write_texts(
                &path,
                &self.scratch_dir(),
                kept.chain(new).filter(|r| present.contains(&r.id)),
            )
        });
        Ok(found)
    }

    fn cache_dir(&self) -> Result<PathBuf> {
        let dir = index::dir(&self.root);
        make_private_dir(&dir)?;
        Ok(dir)
    }

    /// Finds the one note an id or unique id prefix names. Unknown ids
    /// get the closest ids as suggestions.
    pub fn resolve(&self, wanted: &str, lang: Lang) -> Result<String> {
        resolve_among(self.ids()?, wanted, lang)
    }

    /// Like [`Store::resolve`], for drafts.
    pub fn resolve_draft(&self, wanted: &str, lang: Lang) -> Result<String> {
        resolve_among(ids_in(&self.drafts_dir())?, wanted, lang)
    }
}

/// The ids of the `.toml` files in a folder (not temp files), in no order.
fn ids_in(dir: &Path) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| about_path(i18n::ERR_CANNOT_READ, dir))? {
        let name = entry?.file_name();
        if let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".toml"))
            && !id.starts_with('.')
        {
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

/// The one id among `ids` that `wanted` names, exactly or as a unique
/// prefix; otherwise a message with the closest ids.
pub fn resolve_among(ids: Vec<String>, wanted: &str, lang: Lang) -> Result<String> {
    let wanted = wanted.trim().to_lowercase();
    if ids.contains(&wanted) {
        return Ok(wanted);
    }
    let mut matches: Vec<&String> = ids.iter().filter(|id| id.starts_with(&wanted)).collect();
    matches.sort();
    match matches.as_slice() {
        [one] if !wanted.is_empty() => Ok((*one).clone()),
        [] | [_] => {
            let mut close: Vec<(usize, &String)> = ids
                .iter()
                .map(|id| (strsim::levenshtein(&wanted, id), id))
                .filter(|(d, _)| *d <= 2)
                .collect();
            close.sort();
            let mut msg = i18n::ERR_NO_SUCH_NOTE.with(lang, &[("id", &wanted)]);
            if !close.is_empty() {
                let ids: Vec<&str> = close.iter().take(3).map(|(_, id)| id.as_str()).collect();
                msg = format!(
                    "{msg}; {}",
                    i18n::ERR_DID_YOU_MEAN.with(lang, &[("ids", &ids.join(", "))])
                );
            }
            Err(bad_input(msg))
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|s| s.as_str()).collect();
            Err(bad_input(
                i18n::ERR_AMBIGUOUS.with(lang, &[("id", &wanted), ("ids", &ids.join(", "))]),
            ))
        }
    }
}

/// A fresh random id.
pub fn new_id() -> String {
    (0..ID_LEN)
        .map(|_| ID_ALPHABET[fastrand::usize(..ID_ALPHABET.len())] as char)
        .collect()
}

/// A note as its file holds it; never larger than [`read_note`] accepts,
/// measured after serialising (escapes make text grow).
pub fn to_text(note: &CaseNote) -> Result<String> {
    let body =
        toml::to_string_pretty(note).with_context(|| i18n::ERR_NOT_A_NOTE.get(i18n::current()))?;
    let text = format!(
        "# driehoek case note {}: readable by you alone; keep it pseudonymous.\n{body}",
        note.id
    );
    Ok(text)
}

/// Refuses a note or draft its reader would refuse.
fn check_size(text: &str, lang: Lang) -> Result<()> {
    if text.len() as u64 > MAX_NOTE_FILE {
        return Err(bad_input(i18n::ERR_NOTE_TOO_LARGE.with(
            lang,
            &[
                ("size", &text.len().to_string()),
                ("max", &MAX_NOTE_FILE.to_string()),
            ],
        )));
    }
    Ok(())
}

/// A short fingerprint of a file's bytes (64-bit FNV-1a, in hex): enough
/// to see that a note changed since an edit began.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Reads one note file, checking its size and format version first.
pub fn read_note(path: &Path, lang: Lang) -> Result<CaseNote> {
    parse_note(&read_text(path, lang)?, path)
}

/// Reads a note's text, checking its format version first; `path` names
/// it in messages.
pub fn parse_note(text: &str, path: &Path) -> Result<CaseNote> {
    parse_note_with_changes(text, path).map(|(note, _)| note)
}

/// Like [`parse_note`], and says what reading an older format changed.
pub fn parse_note_with_changes(
    text: &str,
    path: &Path,
) -> Result<(CaseNote, Vec<crate::domain::migrate::Change>)> {
    // The common case in one pass; the slower generic read below only
    // explains what is wrong (a newer format first of all).
    if let Ok(note) = toml::from_str::<CaseNote>(text)
        && note.format == NOTE_FORMAT
    {
        return Ok((note, Vec::new()));
    }
    let table: toml::Table =
        toml::from_str(text).map_err(|e| toml_error(path, text, &e, i18n::ERR_NOT_A_NOTE))?;
    let format = table.get("format").and_then(toml::Value::as_integer);

    let mut table = table;
    let mut changes = Vec::new();
    match format {
        // Release 1 wrote format 1: read it in today's shape.
        Some(1) => changes = crate::domain::migrate::format1(&mut table),
        Some(f) if f > i64::from(NOTE_FORMAT) => {
            return Err(bad_input(i18n::ERR_NEWER_NOTE.with(
                i18n::current(),
                &[
                    ("file", &path.display().to_string()),
                    ("found", &f.to_string()),
                    ("known", &NOTE_FORMAT.to_string()),
                ],
            )));
        }
        Some(_) => {}
        None => anyhow::bail!(about_path(i18n::ERR_NO_NOTE_FORMAT, path)),
    }
    let note = table
        .try_into()
        .map_err(|e| toml_error(path, text, &e, i18n::ERR_NOT_A_NOTE))?;
    Ok((note, changes))
}

/// A TOML error in a store file, at its file:line:column, in the reader's
/// language: `what` says what the file should have been.
fn toml_error(path: &Path, text: &str, err: &toml::de::Error, what: i18n::Msg) -> anyhow::Error {
    let mut problem = Problem::from_toml(&path.display().to_string(), text, err);
    problem.message = format!("{}: {}", what.get(i18n::current()), problem.message);
    anyhow::Error::msg(problem.to_string())
}

/// Reads a store file, refusing one too large to be a note.
fn read_text(path: &Path, lang: Lang) -> Result<String> {
    String::from_utf8(read_bytes(path, lang)?).with_context(|| path.display().to_string())
}

/// A store file's bytes, at most [`MAX_NOTE_FILE`] of them.
/// Only a regular file is read: a symbolic link is not followed and a
/// FIFO or device is not opened for reading, so what it points at is never
/// read or shown.
fn read_bytes(path: &Path, lang: Lang) -> Result<Vec<u8>> {
    use std::io::Read;
    let cannot = || about_path(i18n::ERR_CANNOT_READ, path);
    // One open, and the size from the open file: no second path lookup.
    let file = match sys::open_regular_nofollow(path) {
        Err(e) if sys::is_not_regular(&e) => {
            return Err(anyhow::anyhow!(
                i18n::ERR_NOT_REGULAR.with(lang, &[("file", &path.display().to_string())])
            ));
        }
        other => other.with_context(cannot)?,
    };
    let len = file.metadata().with_context(cannot)?.len();
    let too_big = || {
        let (file, max) = (path.display().to_string(), MAX_NOTE_FILE.to_string());
        i18n::ERR_INPUT_TOO_LARGE.with(lang, &[("file", &file), ("max", &max)])
    };
    if len > MAX_NOTE_FILE {
        anyhow::bail!(too_big());
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_NOTE_FILE + 1)
        .read_to_end(&mut bytes)
        .with_context(cannot)?;
    if bytes.len() as u64 > MAX_NOTE_FILE {
        anyhow::bail!(too_big());
    }
    Ok(bytes)
}

/// Whether an error is a missing file.
fn is_not_found(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    })
}

/// Writes `bytes` to `path` atomically ([`sys::write_atomic`]), with a
/// Ctrl-C waiting until it is done. With `replace` false, an existing file
/// is an `AlreadyExists` error.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let _guard = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    sys::write_atomic(path, bytes, replace, sys::STORE_TEMP)
}

/// Like [`write_atomic`], for a file written outside the store for the
/// person (an export): its temp file is named so that the next export
/// into the folder removes it if a kill left it (see
/// [`scratch::remove_export_leftovers`]), which this write does first.
pub fn write_export(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    scratch::remove_export_leftovers(sys::folder_of(path));
    let _guard = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    sys::write_atomic(path, bytes, replace, sys::EXPORT_TEMP)
}

/// Like [`write_atomic`], through a locked temp file in `tmp_dir` (on the
/// same file system): the store keeps its temp files in one folder, where
/// the next run finds what a kill left.
fn write_via(tmp_dir: &Path, path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let _guard = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    sys::write_through(scratch::for_write(tmp_dir)?, path, bytes, replace)
}

/// Removes a file; one that is already gone is no error.
fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| about_path(i18n::ERR_CANNOT_REMOVE, path))
        }
        _ => Ok(()),
    }
}

/// Makes `dir` and any missing parents, readable by the owner alone.
pub fn make_private_dir(dir: &Path) -> Result<()> {
    sys::create_private_dir(dir).with_context(|| about_path(i18n::ERR_CANNOT_MAKE_DIR, dir))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{Bank, DEFAULT_SET, Kind, Question};
    use crate::domain::note::{Answer, Cost, Euros, Period};
    use proptest::prelude::*;

    /// Any valid answer to `q`.
    fn answer_to(q: &Question) -> BoxedStrategy<Answer> {
        let values: Vec<String> = q.choices.iter().map(|c| c.value.clone()).collect();
        match q.kind {
            Kind::Text => "[^\n]{1,80}".prop_map(Answer::Text).boxed(),
            Kind::Long => any::<String>().prop_map(Answer::Text).boxed(),
            Kind::Choice => proptest::sample::select(values)
                .prop_map(Answer::Choice)
                .boxed(),
            Kind::Multi => proptest::sample::subsequence(values.clone(), 1..=values.len())
                .prop_map(Answer::Multi)
                .boxed(),
            Kind::Scale => {
                let s = q.scale.as_ref().unwrap();
                (s.min..=s.max).prop_map(Answer::Scale).boxed()
            }
            Kind::Amount => (0i64..1_000_000_000_000)
                .prop_map(|c| Answer::Amount(Euros(c)))
                .boxed(),
            Kind::YesNo => any::<bool>().prop_map(Answer::YesNo).boxed(),
            Kind::Date => (1900i16..2100, 1i8..=12, 1i8..=28)
                .prop_map(|(y, m, d)| Answer::Date(jiff::civil::Date::new(y, m, d).unwrap()))
                .boxed(),
            Kind::Cost => (
                proptest::option::of(0i64..1_000_000_000_000),
                prop_oneof![
                    Just(Period::PerYear),
                    Just(Period::OneOff),
                    (1u32..=Period::MAX_YEARS).prop_map(Period::Years),
                ],
            )
                .prop_map(|(cents, period)| {
                    Answer::Cost(Cost {
                        amount: cents.map(Euros),
                        // An unknown amount has no period of its own.
                        period: if cents.is_some() {
                            period
                        } else {
                            Period::PerYear
                        },
                    })
                })
                .boxed(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Whatever a person answers, the note reads back exactly as saved.
        #[test]
        fn any_note_survives_save_and_load(
            picks in {
                let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
                set.questions.iter().map(|q| proptest::option::of(answer_to(q)).prop_map({
                    let id = q.id.clone();
                    move |a| a.map(|a| (id.clone(), a))
                })).collect::<Vec<_>>()
            },
            seconds in 0i64..4_000_000_000,
        ) {
            let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
            let answers: Vec<(String, Answer)> = picks.into_iter().flatten().map(|(id, a)| match a {
                // Text is stored trimmed, as the walk and answers files give it.
                Answer::Text(t) => (id, Answer::Text(t.trim().to_string())),
                other => (id, other),
            }).filter(|(_, a)| !matches!(a, Answer::Text(t) if t.is_empty())).collect();
            let when = jiff::Timestamp::from_second(seconds).unwrap();
            let note = CaseNote::new(new_id(), when, &set, Lang::Nl, answers);
            let text = to_text(&note).unwrap();
            let back = parse_note(&text, Path::new("x.toml")).unwrap();
            prop_assert_eq!(back, note);
        }
    }

    #[test]
    fn a_note_the_reader_would_refuse_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
        // Under the limit as text, over it once escaped: \u0001 is 6 bytes.
        let answers = vec![("casus.titel".to_string(), Answer::Text("t".into()))];
        let mut note = CaseNote::new(
            String::new(),
            jiff::Timestamp::now(),
            &set,
            Lang::Nl,
            answers,
        );
        note.title = "\u{1}".repeat(1_000_000);
        let err = store.create(&mut note).unwrap_err();
        assert_eq!(
            crate::error::exit_code(&err),
            crate::error::EXIT_USAGE,
            "{err}"
        );
        assert!(store.ids().unwrap().is_empty());
        assert!(scratch::leftovers(&store.scratch_dir(), true, Duration::ZERO).is_empty());
    }

    /// One thing to put in a store folder.
    #[derive(Debug, Clone)]
    enum Planted {
        /// A copy of a valid note, under any name.
        Copy(String),
        /// A valid note whose id inside is `inner`.
        Renamed(String, String),
        /// Any bytes.
        Bytes(String, Vec<u8>),
        /// A valid note's text cut off after `at` bytes (`None`), or with
        /// the byte at `at` changed.
        Damaged(String, usize, Option<u8>),
        /// A symbolic link to a valid note, a folder, a missing file,
        /// itself, or a note outside the store that holds a secret.
        Link(String, u8),
        /// A folder with a note's name.
        Folder(String),
        /// A FIFO (named pipe), where the platform has them.
        Fifo(String),
    }

    fn name() -> impl Strategy<Value = String> {
        prop_oneof![
            // Valid ids and near-ids.
            "[a-hjkmnp-z2-9]{6}\\.toml",
            "[a-zA-Z0-9_-]{1,8}\\.toml",
            // The copies a person or a sync client makes.
            "[a-z2-9]{6}(-kopie| - kopie| \\(1\\)| \\(sync conflict\\)|\\.sync-conflict-20250101-120000-ABCDEFG| 2)?\\.toml",
            // Odd extensions and editor and temp files.
            "[a-z2-9]{6}\\.(TOML|toml~|toml\\.bak|toml\\.swp|md|)",
            "\\.[a-z2-9]{6}\\.toml(\\.swp)?",
            "\\.tmp-[a-z]{3}",
            "[^/\\x00]{1,12}",
        ]
    }

    fn planted() -> impl Strategy<Value = Planted> {
        prop_oneof![
            name().prop_map(Planted::Copy),
            (name(), "[a-z./ 2-9]{0,12}").prop_map(|(n, i)| Planted::Renamed(n, i)),
            (name(), proptest::collection::vec(any::<u8>(), 0..200))
                .prop_map(|(n, b)| Planted::Bytes(n, b)),
            (name(), 0usize..2000, proptest::option::of(any::<u8>()))
                .prop_map(|(n, at, b)| Planted::Damaged(n, at, b)),
            (name(), 0u8..5).prop_map(|(n, k)| Planted::Link(n, k)),
            name().prop_map(Planted::Folder),
            name().prop_map(Planted::Fifo),
        ]
    }

    /// What a note outside the store holds: no listing may show it.
    const SECRET: &str = "GEHEIM-buiten-de-map";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Whatever the folders hold (copies, links, FIFOs, folders,
        /// damaged notes, junk, caches of any bytes), listing, searching
        /// and reading never panic and return; every note file is either
        /// listed from a file of its own name or reported broken by name;
        /// and what a link points at is never read.
        #[test]
        fn no_store_content_makes_the_listing_panic(
            notes in proptest::collection::vec(planted(), 0..12),
            drafts in proptest::collection::vec(planted(), 0..4),
            caches in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 2),
            valid in proptest::bool::ANY,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let outside = tempfile::tempdir().unwrap();
            let store = Store::open(dir.path().to_path_buf()).unwrap();
            let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
            let titled = |title: &str| {
                let answers = vec![("casus.titel".to_string(), Answer::Text(title.into()))];
                CaseNote::new(String::new(), jiff::Timestamp::now(), &set, Lang::Nl, answers)
            };
            let mut note = titled("Post");
            if valid {
                store.create(&mut note).unwrap();
            }
            let text = |inner: &str| to_text(&CaseNote { id: inner.to_string(), ..note.clone() }).unwrap();
            let plant = |folder: &Path, p: &Planted| {
                let _ = match p {
                    Planted::Copy(n) => fs::write(folder.join(n), text(&note.id)),
                    Planted::Renamed(n, inner) => fs::write(folder.join(n), text(inner)),
                    Planted::Bytes(n, b) => fs::write(folder.join(n), b),
                    Planted::Damaged(n, at, byte) => {
                        let mut bytes = text(n.strip_suffix(".toml").unwrap_or(n)).into_bytes();
                        let at = at % (bytes.len() + 1);
                        match byte {
                            Some(b) if at < bytes.len() => bytes[at] = *b,
                            _ => bytes.truncate(at),
                        }
                        fs::write(folder.join(n), bytes)
                    }
                    Planted::Link(n, kind) => {
                        let target = match kind {
                            0 => store.path_of(&note.id),
                            1 => dir.path().to_path_buf(),
                            2 => dir.path().join("nergens"),
                            3 => folder.join(n),
                            _ => {
                                // A note that would read as valid under the
                                // link's name, were the link followed.
                                let id = n.strip_suffix(".toml").unwrap_or(n);
                                let secret = CaseNote { id: id.to_string(), ..titled(SECRET) };
                                let target = outside.path().join(format!("{}.toml", fastrand::u32(..)));
                                fs::write(&target, to_text(&secret).unwrap()).unwrap();
                                target
                            }
                        };
                        sys::symlink(&target, &folder.join(n))
                    }
                    Planted::Folder(n) => fs::create_dir(folder.join(n)),
                    Planted::Fifo(n) => sys::fifo(&folder.join(n)),
                };
            };
            for p in &notes {
                plant(&store.notes_dir(), p);
            }
            for p in &drafts {
                plant(&store.drafts_dir(), p);
            }
            let cache = index::dir(dir.path());
            make_private_dir(&cache).unwrap();
            fs::write(cache.join(index::SUMMARY_FILE), &caches[0]).unwrap();
            fs::write(cache.join(index::TEXT_FILE), &caches[1]).unwrap();

            // The names a note or draft may have: every one is either read
            // or reported.
            let note_names = |folder: &Path| -> Vec<String> {
                fs::read_dir(folder)
                    .unwrap()
                    .filter_map(|e| e.unwrap().file_name().into_string().ok())
                    .filter_map(|n| Some(n.strip_suffix(".toml")?.to_string()))
                    .filter(|id| !id.starts_with('.'))
                    .collect()
            };
            let leaks = |broken: &[Broken]| {
                broken.iter().any(|b| format!("{:#}", b.error).contains(SECRET))
            };
            // Twice: the second run reads the caches the first wrote.
            for _ in 0..2 {
                let listing = store.summaries().unwrap();
                for s in &listing.notes {
                    let own = store.path_of(&s.id);
                    prop_assert!(own.is_file(), "{} listed without its file", s.id);
                    prop_assert!(!s.title.contains(SECRET), "{} shows a link's target", s.id);
                }
                for id in note_names(&store.notes_dir()) {
                    let listed = listing.notes.iter().any(|s| s.id == id);
                    let reported = listing.broken.iter().any(|b| b.path == store.path_of(&id));
                    prop_assert!(listed != reported, "{id}: listed {listed}, reported {reported}");
                }
                prop_assert!(!leaks(&listing.broken), "a broken file's message shows a link's target");
                let _ = store.search("post").unwrap();
                prop_assert!(store.search(SECRET).unwrap().is_empty(), "search reads a link's target");
                let (all, broken) = store.all().unwrap();
                prop_assert_eq!(all.len(), listing.notes.len());
                prop_assert!(!leaks(&broken));
                let (drafts, broken) = store.drafts().unwrap();
                for id in note_names(&store.drafts_dir()) {
                    let read = drafts.iter().any(|d| d.id == id);
                    let path = store.drafts_dir().join(format!("{id}.toml"));
                    let reported = broken.iter().any(|b| b.path == path);
                    prop_assert!(read != reported, "draft {id}: read {read}, reported {reported}");
                }
                prop_assert!(!leaks(&broken));
                let _ = store.temp_files();
            }
        }
    }

    #[test]
    fn ids_use_the_unambiguous_alphabet() {
        for _ in 0..100 {
            let id = new_id();
            assert_eq!(id.len(), ID_LEN);
            assert!(id.bytes().all(|b| ID_ALPHABET.contains(&b)), "{id}");
        }
    }

    #[test]
    fn atomic_writes_never_clobber_unless_asked_and_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"one", false).unwrap();
        let err = write_atomic(&path, b"two", false).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        assert!(!sys::exposed(&fs::metadata(&path).unwrap()));
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file is left behind"
        );
    }
}
