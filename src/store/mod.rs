//! Where notes live on disk, and the only code that writes them.
//!
//! One TOML file per note in `<home>/notes/`. Every write goes to a temp
//! file in the same folder, is synced, and is then renamed into place, so a
//! crash or Ctrl-C never leaves half a note. The folders are 0700 and the
//! files 0600: case notes describe vulnerable people.

pub mod bulk;
mod drafts;
mod erase;
mod file;
mod ids;
pub mod index;
mod list;
mod notes;
pub mod scratch;
pub mod select;

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::{SayAbout, about_path, failure};
use crate::i18n::{self, Phrase};
use crate::sys;
use file::write_via;

pub use erase::{PURGE, PurgeState};
pub use file::{MAX_NOTE_FILE, WRITING, make_private_dir, write_atomic, write_export};
pub use ids::{new_id, resolve_among};
pub use list::Listing;
pub use notes::{
    NoteChanged, NoteGone, fingerprint, parse_note, parse_note_with_changes, read_note, to_text,
};

/// The notes, drafts and what belongs to them on disk. It says what went
/// wrong in [`crate::i18n::Phrase`]s: the reader's language is the door's.
pub struct Store {
    root: PathBuf,
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
            .ok_or_else(|| failure(Phrase::new(i18n::ERR_NO_HOME, &[])))
    }

    /// Opens the store, making its folders (owner only) when missing.
    ///
    /// The root is resolved once, so a `DRIEHOEK_HOME` that is a link
    /// keeps working; below it no link is followed: a folder of the store
    /// that is a link (to a folder elsewhere, where notes would be written
    /// and survive a purge) is refused by name.
    pub fn open(root: PathBuf) -> Result<Store> {
        make_private_dir(&root)?;
        let root = fs::canonicalize(&root).about(i18n::ERR_CANNOT_READ, &root)?;
        let store = Store { root };
        for dir in store.folders() {
            make_private_dir(&dir)?;
            real_folder(&dir)?;
        }
        Ok(store)
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
            .about(i18n::ERR_CANNOT_LOCK, &self.root.join("lock"))?;
        Ok(file)
    }

    fn lock_file(&self) -> Result<File> {
        let path = self.root.join("lock");
        sys::open_private_file(&path).about(i18n::ERR_CANNOT_READ, &path)
    }

    /// Writes a store file through a locked temp file in the store's own
    /// temp folder, so a kill leaves nothing beside the notes.
    fn write(&self, path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
        write_via(&self.scratch_dir(), path, bytes, replace)
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
                    .said(broken)?;
                    if bytes.len() != LEN {
                        return Err(failure(broken()));
                    }
                    return Ok(bytes);
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    let mut bytes = vec![0u8; LEN];
                    getrandom::fill(&mut bytes)
                        .map_err(|e| std::io::Error::other(e.to_string()))
                        .about(i18n::ERR_CANNOT_WRITE, &path)?;
                    match write_atomic(&path, &bytes, false) {
                        Ok(()) => return Ok(bytes),
                        // Another run made it first: read theirs.
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                        Err(e) => {
                            return Err(e).about(i18n::ERR_CANNOT_WRITE, &path);
                        }
                    }
                }
                Err(e) => return Err(e).said(broken),
            }
        }
    }

    /// The folder of note `id`'s kept versions, when it is one: a link
    /// there is refused, never followed.
    fn real_history_dir(&self, id: &str) -> Result<PathBuf> {
        let dir = self.history_dir(id);
        real_folder(&dir)?;
        Ok(dir)
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.notes_dir().join(format!("{id}.toml"))
    }
}

/// Fails, naming `dir`, when it is there but no folder of its own: a link
/// (to a folder or anything else) or a file. Nothing there is fine: it is
/// made when needed.
fn real_folder(dir: &Path) -> Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(failure(about_path(i18n::ERR_LINK_IN_STORE, dir))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).about(i18n::ERR_CANNOT_READ, dir),
    }
}
