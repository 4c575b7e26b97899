//! Temp files that may hold case text: the halves of atomic writes and the
//! files an editor edits. They live in the store's own `tmp/` folder, never
//! in a shared one, and each is locked by the run that made it for as long
//! as it is in use. What a killed run left behind is unlocked, so the next
//! run can tell it apart from a file another run is still writing.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tempfile::{NamedTempFile, TempPath};

/// How the store's temp files begin: atomic-write halves (as
/// [`crate::sys::private_temp_file`] names them) and editor files. Editors
/// add their own files beside (swap, backup), which share the stem.
pub const WRITE_PREFIX: &str = crate::sys::STORE_TEMP;
pub const EDIT_PREFIX: &str = "bewerk-";

/// A lock file beside an editor file says it is in use.
const LOCK_SUFFIX: &str = ".lock";

/// A temp file younger than this may be between its creation and its lock,
/// so the start-up tidy leaves it alone.
pub const MIN_AGE: Duration = Duration::from_secs(60);

/// A private temp file for an atomic write, locked until it is renamed
/// into place or dropped.
pub fn for_write(dir: &Path) -> io::Result<NamedTempFile> {
    let tmp = crate::sys::private_temp_file(dir, WRITE_PREFIX)?;
    tmp.as_file().try_lock().map_err(io::Error::other)?;
    Ok(tmp)
}

/// A file for an editor to edit, with a held lock file beside it; both go
/// when it is dropped, and when the run ends by SIGHUP or SIGTERM.
pub struct EditorFile {
    // Dropped in this order: the hang-up removal ends before the files go.
    _on_hangup: [crate::sys::RemovedOnHangup; 2],
    path: TempPath,
    _lock: File,
    _lock_path: TempPath,
}

impl EditorFile {
    pub fn new(dir: &Path, text: &str) -> io::Result<EditorFile> {
        let file = tempfile::Builder::new()
            .prefix(EDIT_PREFIX)
            .suffix(".toml")
            .tempfile_in(dir)?;
        let lock_path = lock_path_of(file.path());
        let lock = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock_path)?;
        let lock_path = TempPath::try_from_path(lock_path)?;
        lock.try_lock().map_err(io::Error::other)?;
        let path = file.into_temp_path();
        let on_hangup = [
            crate::sys::remove_on_hangup(&path),
            crate::sys::remove_on_hangup(&lock_path),
        ];
        fs::write(&path, text)?;
        Ok(EditorFile {
            _on_hangup: on_hangup,
            path,
            _lock: lock,
            _lock_path: lock_path,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn lock_path_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(LOCK_SUFFIX);
    PathBuf::from(name)
}

/// Whether another run holds the lock on `path` (a regular file).
fn held(path: &Path) -> bool {
    match File::open(path) {
        Ok(f) => f.try_lock().is_err(),
        Err(_) => false,
    }
}

/// Whether a file in the store's temp folder (`in_scratch`) or in another
/// store folder is named like a temp file: elsewhere only atomic-write
/// halves are, never a file an editor would name.
pub fn is_temp_name(name: &str, in_scratch: bool) -> bool {
    name.starts_with(WRITE_PREFIX) || (in_scratch && name.contains(EDIT_PREFIX))
}

/// The temp files in `dir` (the store's temp folder when `in_scratch`)
/// that no run uses and that are at least `min_age` old. A file with a
/// held lock beside it is in use, and so is anything an editor made beside
/// it (its name holds the same stem).
pub fn leftovers(dir: &Path, in_scratch: bool, min_age: Duration) -> Vec<PathBuf> {
    leftovers_named(dir, |name| is_temp_name(name, in_scratch), min_age)
}

/// What an export killed between writing and naming its file left in
/// `dir`, the folder it wrote into, at least [`MIN_AGE`] old: removed by
/// the next export into that folder, so no copy of a note lingers there.
/// Only driehoek's own temp files are touched; one that cannot be removed
/// stays, and the export goes on.
pub fn remove_export_leftovers(dir: &Path) {
    let is_ours = |name: &str| name.starts_with(crate::sys::EXPORT_TEMP);
    remove_all(leftovers_named(dir, is_ours, MIN_AGE));
}

/// The files in `dir` that `is_temp` names, unused and `min_age` old.
fn leftovers_named(dir: &Path, is_temp: impl Fn(&str) -> bool, min_age: Duration) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let entries: Vec<(String, PathBuf, fs::Metadata)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let meta = e.path().symlink_metadata().ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), e.path(), meta))
        })
        .collect();
    // Stems of editor files in use: their lock is held.
    let busy: Vec<String> = entries
        .iter()
        .filter(|(name, path, meta)| name.ends_with(LOCK_SUFFIX) && meta.is_file() && held(path))
        .filter_map(|(name, _, _)| {
            let stem = name.strip_suffix(LOCK_SUFFIX)?;
            Some(stem.strip_suffix(".toml").unwrap_or(stem).to_string())
        })
        .collect();
    let now = SystemTime::now();
    entries
        .into_iter()
        .filter(|(name, _, _)| is_temp(name))
        .filter(|(name, _, _)| !busy.iter().any(|stem| name.contains(stem.as_str())))
        .filter(|(_, _, meta)| {
            meta.modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_none_or(|age| age >= min_age)
        })
        // A write in progress holds a lock on its own temp file.
        .filter(|(_, path, meta)| !(meta.is_file() && held(path)))
        .map(|(_, path, _)| path)
        .collect()
}

/// Removes what [`leftovers`] finds; returns what could not be removed.
pub fn remove_leftovers(
    dir: &Path,
    in_scratch: bool,
    min_age: Duration,
) -> Vec<(PathBuf, io::Error)> {
    remove_all(leftovers(dir, in_scratch, min_age))
}

/// Removes `paths`; returns what could not be removed.
fn remove_all(paths: Vec<PathBuf>) -> Vec<(PathBuf, io::Error)> {
    let mut failed = Vec::new();
    for path in paths {
        let result = match path.symlink_metadata() {
            Ok(m) if m.is_dir() => fs::remove_dir_all(&path),
            _ => fs::remove_file(&path),
        };
        match result {
            Err(e) if e.kind() != io::ErrorKind::NotFound => failed.push((path, e)),
            _ => {}
        }
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_use_are_left_and_the_rest_found() {
        let dir = tempfile::tempdir().unwrap();
        let writing = for_write(dir.path()).unwrap();
        let editing = EditorFile::new(dir.path(), "tekst").unwrap();
        // The editor's own swap file shares the stem.
        let stem = editing.path().file_stem().unwrap().to_str().unwrap();
        let swap = dir.path().join(format!(".{stem}.toml.swp"));
        fs::write(&swap, "tekst").unwrap();
        let left = dir.path().join(".tmp-gebleven");
        fs::write(&left, "tekst").unwrap();
        let other = dir.path().join("notitie.toml");
        fs::write(&other, "niet van ons").unwrap();
        assert_eq!(
            leftovers(dir.path(), true, Duration::ZERO),
            vec![left.clone()]
        );
        assert!(leftovers(dir.path(), true, MIN_AGE).is_empty(), "too young");
        // Outside the temp folder a name like an editor's is no temp file.
        let named = dir.path().join("bewerk-notitie.toml");
        fs::write(&named, "van iemand").unwrap();
        assert!(!leftovers(dir.path(), false, Duration::ZERO).contains(&named));
        fs::remove_file(&named).unwrap();

        drop(editing);
        drop(writing);
        assert!(remove_leftovers(dir.path(), true, Duration::ZERO).is_empty());
        let mut rest: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        rest.sort();
        assert_eq!(rest, vec![other]);
    }
}
