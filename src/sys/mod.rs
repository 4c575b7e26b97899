//! Everything that differs by platform, behind one small interface. The
//! rest of the program names what it needs (a private folder, an atomic
//! replace, a folder made durable, many files written fast) and never
//! which system call gives it.
//!
//! Two implementations: `unix.rs`, today's, with Linux-only fast paths
//! behind `cfg(target_os = "linux")`; and `portable.rs`, plain `std` (and
//! `tempfile`), which builds wherever `std` builds: Windows, and macOS
//! should the Unix one not. The cargo feature `portable` forces the
//! portable one on Unix too, so it is tested here.

use std::io::{self, Write};
use std::path::Path;
use std::process::Command;

#[cfg(all(unix, not(feature = "portable")))]
mod unix;
#[cfg(all(unix, not(feature = "portable")))]
use unix as imp;

#[cfg(any(not(unix), feature = "portable"))]
mod portable;
#[cfg(any(not(unix), feature = "portable"))]
use portable as imp;

pub use imp::{
    CtrlCAsKey, FastFolder, RemovedOnHangup, Staged, create_private_dir, exposed,
    open_private_file, open_regular_nofollow, private_temp_file, quiet_on_closed_pipe,
    remove_on_hangup, sync_dir,
};

/// Why [`open_regular_nofollow`] refused a path: a symbolic link, a
/// folder, a FIFO or a device where a file was expected. Callers tell the
/// user in their language ([`is_not_regular`]); this text is for logs.
#[derive(Debug)]
pub struct NotRegular;

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a regular file (a symbolic link, folder or device)")
    }
}

impl std::error::Error for NotRegular {}

/// Whether `e` is [`open_regular_nofollow`] refusing what is not a
/// regular file, as opposed to the file being missing or unreadable.
pub fn is_not_regular(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<NotRegular>())
}

/// A name that is not UTF-8, as Unix allows: for tests of what the tool
/// does with one.
#[cfg(all(test, unix))]
pub fn non_utf8(bytes: &[u8]) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStringExt;
    std::ffi::OsString::from_vec(bytes.to_vec())
}

fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, NotRegular)
}

/// How temp files begin: the halves of the store's (and the config's)
/// atomic writes, and those of files written elsewhere for the person
/// (exports), which the next export into that folder can tell from anyone
/// else's temp files and remove.
pub const STORE_TEMP: &str = ".tmp-";
pub const EXPORT_TEMP: &str = ".driehoek-tmp-";

/// Replaces (or, with `replace` false, creates: an existing file is then
/// an `AlreadyExists` error) the file at `path` with `bytes`, atomically:
/// a synced private temp file (`prefix…`) in the same folder is renamed
/// into place, and the folder is made durable. A reader sees the old file
/// or the new one, never half of one, whatever happens meanwhile.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool, prefix: &str) -> io::Result<()> {
    write_through(
        private_temp_file(folder_of(path), prefix)?,
        path,
        bytes,
        replace,
    )
}

/// The folder a file is in, `.` for a bare name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The steps of [`write_atomic`] after the temp file is made: `bytes` go
/// into `tmp` (on the file system of `path`), are synced, and the file is
/// renamed into place; then `path`'s folder is made durable.
pub fn write_through(
    mut tmp: tempfile::NamedTempFile,
    path: &Path,
    bytes: &[u8],
    replace: bool,
) -> io::Result<()> {
    let dir = folder_of(path);
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if replace {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    sync_dir(dir)
}

/// The editor when neither `VISUAL` nor `EDITOR` names one.
const FALLBACK_EDITOR: &str = if cfg!(windows) { "notepad" } else { "vi" };

/// The person's editor: `VISUAL`, else `EDITOR`, else notepad on Windows
/// and vi elsewhere.
pub fn editor() -> String {
    choose_editor(std::env::var("VISUAL").ok(), std::env::var("EDITOR").ok())
}

/// The first editor named and not blank, else the fallback.
fn choose_editor(visual: Option<String>, editor: Option<String>) -> String {
    visual
        .into_iter()
        .chain(editor)
        .find(|e| !e.trim().is_empty())
        .unwrap_or_else(|| FALLBACK_EDITOR.to_string())
}

/// A command that opens `file` in `editor`, through the system's shell so
/// an editor set with arguments (`code --wait`) works as it does there.
pub fn editor_command(editor: &str, file: &Path) -> Command {
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        let mut command = Command::new("cmd");
        command
            .arg("/C")
            .raw_arg(format!("{editor} \"{}\"", file.display()));
        command
    }
    #[cfg(not(windows))]
    {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(file);
        command
    }
}

/// A private temp file in `dir` holding `bytes`, synced if `sync`: the
/// staging every [`FastFolder`] can fall back on.
fn stage_named(dir: &Path, bytes: &[u8], sync: bool) -> io::Result<tempfile::TempPath> {
    let mut tmp = private_temp_file(dir, EXPORT_TEMP)?;
    tmp.write_all(bytes)?;
    if sync {
        tmp.as_file().sync_all()?;
    }
    Ok(tmp.into_temp_path())
}

/// Makes a symbolic link, for the tests that check links are refused.
#[cfg(test)]
pub fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    #[cfg(unix)]
    return std::os::unix::fs::symlink(target, link);
    #[cfg(windows)]
    return std::os::windows::fs::symlink_file(target, link);
}

/// Makes a FIFO, for the tests that check the store never waits on one;
/// `Unsupported` where the platform has none.
#[cfg(test)]
pub fn fifo(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = std::ffi::CString::new(path.as_os_str().as_bytes())?;
        // SAFETY: a valid C string, read by the call only.
        if unsafe { libc::mkfifo(c.as_ptr(), 0o600) } == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
    #[cfg(not(unix))]
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn the_editor_is_visual_then_editor_then_the_systems_own() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(choose_editor(some("nano"), some("ed")), "nano");
        assert_eq!(choose_editor(None, some("ed")), "ed");
        assert_eq!(choose_editor(some(" "), some("ed")), "ed");
        assert_eq!(choose_editor(None, None), FALLBACK_EDITOR);
        assert_eq!(
            FALLBACK_EDITOR,
            if cfg!(windows) { "notepad" } else { "vi" }
        );
    }

    #[cfg(not(windows))]
    #[test]
    fn the_editor_runs_with_its_arguments_on_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a b.toml");
        fs::write(&file, "x").unwrap();
        let status = editor_command("sed -i -e 's/x/y z/'", &file)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(fs::read_to_string(&file).unwrap(), "y z");
    }

    #[test]
    fn a_private_folder_is_made_with_its_parents_and_again_without_error() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a").join("b");
        create_private_dir(&deep).unwrap();
        create_private_dir(&deep).unwrap();
        assert!(deep.is_dir());
        assert!(!exposed(&fs::metadata(&deep).unwrap()));
        sync_dir(&deep).unwrap();
    }

    #[test]
    fn only_a_regular_file_opens_without_following_links() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("note.toml");
        fs::write(&file, "text").unwrap();
        let mut read = String::new();
        io::Read::read_to_string(&mut open_regular_nofollow(&file).unwrap(), &mut read).unwrap();
        assert_eq!(read, "text");
        let folder = open_regular_nofollow(dir.path()).unwrap_err();
        assert!(is_not_regular(&folder), "{folder}");
        let missing = open_regular_nofollow(&dir.path().join("gone")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        assert!(!is_not_regular(&missing));
    }

    #[test]
    fn open_private_file_creates_and_never_truncates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        drop(open_private_file(&path).unwrap());
        fs::write(&path, "kept").unwrap();
        drop(open_private_file(&path).unwrap());
        assert_eq!(fs::read_to_string(&path).unwrap(), "kept");
    }

    #[test]
    fn staged_files_get_their_names_only_when_named() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        fs::write(dir.join("a.md"), "old").unwrap();
        let folder = FastFolder::open(dir, 8).unwrap();
        let a = folder.stage(dir.join("a.md"), b"new a").unwrap();
        let b = folder.stage(dir.join("b.md"), b"new b").unwrap();
        assert_eq!(fs::read_to_string(dir.join("a.md")).unwrap(), "old");
        assert!(!dir.join("b.md").exists());
        let staged = [a, b];
        folder.sync(&staged).unwrap();
        let [a, b] = staged;
        folder.name(a).unwrap();
        folder.name(b).unwrap();
        assert_eq!(fs::read_to_string(dir.join("a.md")).unwrap(), "new a");
        assert_eq!(fs::read_to_string(dir.join("b.md")).unwrap(), "new b");
        assert_eq!(fs::read_dir(dir).unwrap().count(), 2, "no temp files left");
    }
}
