//! The platform layer in plain `std` (and `tempfile`): builds wherever
//! `std` builds. There are no permission bits to set or read: on Windows
//! a private file relies on the access rules of the user's profile
//! folder, where the store lives. Durability comes from `File::sync_all`
//! per file, as there is no flush of a whole file system.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use super::not_regular;

/// Makes `dir` and any missing parents.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Opens `path` for writing, creating it when missing and never
/// truncating it.
pub fn open_private_file(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}

/// A temp file (`.tmp-…`) in `dir`, removed when dropped unless persisted.
pub fn private_temp_file(dir: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new().prefix(prefix).tempfile_in(dir)
}

/// Makes the names of the files in `dir` durable where a folder can be
/// opened as a file; where it cannot (Windows), the file system keeps its
/// names in its own journal and each file was synced on its own.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir) {
        Ok(folder) => folder.sync_all(),
        Err(_) => Ok(()),
    }
}

/// Without permission bits nothing can be seen as readable by others.
pub fn exposed(_meta: &fs::Metadata) -> bool {
    false
}

/// Opens `path` for reading only if it is a regular file itself, not a
/// symbolic link. The check and the open are two steps here: a link put
/// in place between them is caught by the check after the open.
pub fn open_regular_nofollow(path: &Path) -> io::Result<File> {
    if !fs::symlink_metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let file = File::open(path)?;
    if !file.metadata()?.is_file() || !fs::symlink_metadata(path)?.is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

/// A write to a closed pipe is an error `std` reports; printing turns it
/// into a panic. Stop quietly instead, with exit code 1, as a signal
/// would on Unix.
pub fn quiet_on_closed_pipe() {
    let loud = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info
            .payload_as_str()
            .is_some_and(|m| m.starts_with("failed printing to stdout"))
        {
            std::process::exit(1);
        }
        loud(info);
    }));
}

/// Without Unix signals there is no hang-up to catch: what a closed
/// terminal leaves is removed by the next run's tidy.
pub fn remove_on_hangup(_path: &Path) -> RemovedOnHangup {
    RemovedOnHangup
}

pub struct RemovedOnHangup;

/// Nothing to hold: without termios, the terminal crate reads Ctrl-C as a
/// key in raw mode already.
pub struct CtrlCAsKey;

impl CtrlCAsKey {
    pub fn hold() -> CtrlCAsKey {
        CtrlCAsKey
    }
}

/// A folder many files are written into at once (see `bulk`): each as a
/// private temp file, synced with the rest of its batch and then renamed
/// to its name.
pub struct FastFolder {
    dir: PathBuf,
}

/// A file written but not yet in its folder under its name.
pub struct Staged(tempfile::TempPath, PathBuf);

impl FastFolder {
    pub fn open(dir: &Path, _open_files: u64) -> io::Result<FastFolder> {
        Ok(FastFolder {
            dir: dir.to_path_buf(),
        })
    }

    /// Writes `bytes` for `path` without giving it its name yet.
    pub fn stage(&self, path: PathBuf, bytes: &[u8]) -> io::Result<Staged> {
        Ok(Staged(super::stage_named(&self.dir, bytes, false)?, path))
    }

    /// Makes the files of `batch` durable, many at once: a file system
    /// commits syncs that arrive together in one go, so syncing on many
    /// threads costs little more than one sync. (Each file is opened again:
    /// keeping a batch open could run out of file descriptors.)
    pub fn sync(&self, batch: &[Staged]) -> io::Result<()> {
        const AT_ONCE: usize = 32;
        let per_thread = batch.len().div_ceil(AT_ONCE).max(1);
        std::thread::scope(|scope| {
            let syncs: Vec<_> = batch
                .chunks(per_thread)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter().try_for_each(|Staged(tmp, _)| {
                            OpenOptions::new().write(true).open(tmp)?.sync_all()
                        })
                    })
                })
                .collect();
            syncs
                .into_iter()
                .try_for_each(|s| s.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
        })
    }

    /// Gives a staged file its name, replacing what had it.
    pub fn name(&self, file: Staged) -> io::Result<()> {
        file.0.persist(&file.1).map_err(|e| e.error)
    }
}
