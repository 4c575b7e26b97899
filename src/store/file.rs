//! Store files on disk: written atomically (never half a file), read
//! only when regular and small enough, folders private.

use std::fs;
use std::path::Path;
use std::sync::Mutex;

use anyhow::{Context, Result};

use super::scratch;
use crate::error::{SayAbout, about_path, failure};
use crate::i18n::{self, Phrase};
use crate::sys;

/// Held while a file is being written, so a Ctrl-C handler can wait for
/// the write to finish before the process exits.
pub static WRITING: Mutex<()> = Mutex::new(());

/// A note file larger than this is not a note.
pub const MAX_NOTE_FILE: u64 = 4 * 1024 * 1024;

/// Reads a store file, refusing one too large to be a note.
pub(super) fn read_text(path: &Path) -> Result<String> {
    String::from_utf8(read_bytes(path)?).with_context(|| path.display().to_string())
}

/// A store file's bytes, at most [`MAX_NOTE_FILE`] of them.
/// Only a regular file is read: a symbolic link is not followed and a
/// FIFO or device is not opened for reading, so what it points at is never
/// read or shown.
pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let cannot = || about_path(i18n::ERR_CANNOT_READ, path);
    // One open, and the size from the open file: no second path lookup.
    let file = match sys::open_regular_nofollow(path) {
        Err(e) if sys::is_not_regular(&e) => {
            let file = path.display().to_string();
            return Err(failure(Phrase::new(
                i18n::ERR_NOT_REGULAR,
                &[("file", &file)],
            )));
        }
        other => other.said(cannot)?,
    };
    let len = file.metadata().said(cannot)?.len();
    let too_big = || {
        let (file, max) = (path.display().to_string(), MAX_NOTE_FILE.to_string());
        Phrase::new(i18n::ERR_INPUT_TOO_LARGE, &[("file", &file), ("max", &max)])
    };
    if len > MAX_NOTE_FILE {
        return Err(failure(too_big()));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_NOTE_FILE + 1)
        .read_to_end(&mut bytes)
        .said(cannot)?;
    if bytes.len() as u64 > MAX_NOTE_FILE {
        return Err(failure(too_big()));
    }
    Ok(bytes)
}

/// Whether an error is a missing file.
pub(super) fn is_not_found(e: &anyhow::Error) -> bool {
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
pub(super) fn write_via(
    tmp_dir: &Path,
    path: &Path,
    bytes: &[u8],
    replace: bool,
) -> std::io::Result<()> {
    let _guard = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    sys::write_through(scratch::for_write(tmp_dir)?, path, bytes, replace)
}

/// Removes a file; one that is already gone is no error.
pub(super) fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).about(i18n::ERR_CANNOT_REMOVE, path)
        }
        _ => Ok(()),
    }
}

/// Makes `dir` and any missing parents, readable by the owner alone.
pub fn make_private_dir(dir: &Path) -> Result<()> {
    sys::create_private_dir(dir).about(i18n::ERR_CANNOT_MAKE_DIR, dir)
}

#[cfg(test)]
mod tests {
    use super::*;

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
