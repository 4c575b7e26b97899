//! Taking notes away: to the trash, or erased for good (a purge, with a
//! journal so a purge cut off is finished by the next run), and tidying
//! what killed runs left behind.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Result;

use super::file::remove_if_there;
use super::{Store, index, make_private_dir, scratch};
use crate::domain::note::CaseNote;
use crate::error::SayAbout;
use crate::i18n::{self, Lang};
use crate::sys;

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
    /// What to say when the run is cancelled: how a purge ended, else
    /// what the cancel `said` became of the work, else only that it
    /// stopped.
    pub fn on_cancel(&self, lang: Lang, said: Option<&str>) -> String {
        match self {
            PurgeState::Idle => {
                said.map_or_else(|| i18n::CANCELLED.get(lang).to_string(), str::to_string)
            }
            PurgeState::Done(id) => i18n::PURGE_CANCEL_DONE.with(lang, &[("id", id)]),
            PurgeState::Unfinished(id) => i18n::PURGE_CANCEL_LEFT.with(lang, &[("id", id)]),
        }
    }
}

impl Store {
    /// Moves a note and its history to the trash, from where it can be put
    /// back by hand.
    pub fn trash(&self, id: &str) -> Result<PathBuf> {
        let _lock = self.lock()?;
        let bin = self.trash_dir(id);
        make_private_dir(&bin)?;
        let history = self.history_dir(id);
        if history.exists() {
            let _ = fs::remove_dir_all(bin.join("history"));
            fs::rename(&history, bin.join("history")).about(i18n::ERR_CANNOT_TRASH, &history)?;
        }
        let to = bin.join(format!("{id}.toml"));
        fs::rename(self.path_of(id), &to).about(i18n::ERR_CANNOT_TRASH, &self.path_of(id))?;
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
        self.purge_checked(id, None).map(|_| ())
    }

    /// [`Store::purge`], but only when `still` holds for the note as it
    /// is now, read again under the store's lock: a note listed for
    /// erasing that was updated (an edit, an outcome entry) while the
    /// person was asked is kept. Whether it was erased.
    pub fn purge_if(&self, id: &str, still: &dyn Fn(&CaseNote) -> bool) -> Result<bool> {
        self.purge_checked(id, Some(still))
    }

    fn purge_checked(&self, id: &str, still: Option<&dyn Fn(&CaseNote) -> bool>) -> Result<bool> {
        let mut state = PURGE.lock().unwrap_or_else(|p| p.into_inner());
        let _lock = self.lock()?;
        if let Some(still) = still
            && !self.purging(id)
        {
            match self.load(id) {
                Ok(note) if still(&note) => {}
                // Changed since it was listed, or gone already.
                _ => return Ok(false),
            }
        }
        *state = PurgeState::Unfinished(id.to_string());
        let result = self.purge_now(id);
        if result.is_ok() {
            *state = PurgeState::Done(id.to_string());
        }
        result.map(|()| true)
    }

    /// Erases one kept version of note `id` (a file [`Store::history`]
    /// listed), under the store's lock; the note and its other versions
    /// stay. For a version that holds what should never have been written.
    pub fn erase_version(&self, id: &str, version: &std::path::Path) -> Result<()> {
        let _lock = self.lock()?;
        let dir = self.history_dir(id);
        if version.parent() != Some(dir.as_path()) {
            return Err(crate::error::failure(crate::error::about_path(
                i18n::ERR_CANNOT_REMOVE,
                version,
            )));
        }
        fs::remove_file(version).about(i18n::ERR_CANNOT_REMOVE, version)
    }

    /// Erases note `id`; the caller holds the store's lock.
    fn purge_now(&self, id: &str) -> Result<()> {
        let journal = self.journal_dir();
        make_private_dir(&journal)?;
        let entry = journal.join(id);
        self.write(&entry, b"", true)
            .about(i18n::ERR_CANNOT_WRITE, &entry)?;
        // The caches hold the note's title and every answer: they go too,
        // and are rebuilt from the notes that remain.
        for cache in [index::SUMMARY_FILE, index::TEXT_FILE] {
            remove_if_there(&index::dir(&self.root).join(cache))?;
        }
        for dir in [self.history_dir(id), self.trash_dir(id)] {
            match fs::remove_dir_all(&dir) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).about(i18n::ERR_CANNOT_REMOVE, &dir);
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
                return Err(e).about(i18n::ERR_CANNOT_REMOVE, &path);
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

    pub(super) fn purging(&self, id: &str) -> bool {
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
        };
        let finished = store.unfinished_purges();
        for id in &finished {
            store.purge(id)?;
        }
        for (dir, in_scratch) in [(store.scratch_dir(), true), (index::dir(root), false)] {
            if let Some((path, e)) =
                scratch::remove_leftovers(&dir, in_scratch, scratch::MIN_AGE).pop()
            {
                return Err(e).about(i18n::ERR_CANNOT_REMOVE, &path);
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

    /// Ids of notes in the trash.
    pub fn trashed(&self) -> Vec<String> {
        fs::read_dir(self.root.join("trash"))
            .map(|d| {
                d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default()
    }
}
