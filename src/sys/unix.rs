//! The platform layer on Unix: permission bits, termios and signals, and
//! on Linux unnamed files for the export's fast path.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::not_regular;

/// Makes `dir` and any missing parents, readable by the owner alone (0700).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Opens `path` for writing, creating it owner-only (0600) when missing
/// and never truncating it.
pub fn open_private_file(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(path)
}

/// A temp file (`prefix…`) in `dir`, readable by the owner alone (0600),
/// removed when dropped unless persisted.
pub fn private_temp_file(dir: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(prefix)
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)
}

/// Makes the names of the files in `dir` (new, renamed, removed) durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Whether others than the owner may read or write.
pub fn exposed(meta: &fs::Metadata) -> bool {
    meta.permissions().mode() & 0o077 != 0
}

/// Opens `path` for reading only if it is a regular file itself: a
/// symbolic link is not followed, and a FIFO or device is refused
/// without blocking on it.
pub fn open_regular_nofollow(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => not_regular(),
            _ => e,
        })?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() || kind.is_fifo() {
        return Err(not_regular());
    }
    Ok(file)
}

/// Like other command-line tools, stop quietly when the reader of our
/// output goes away (`driehoek list | head`) instead of failing loudly.
pub fn quiet_on_closed_pipe() {
    // SAFETY: restoring the default action of a signal at start-up.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
}

/// Paths to remove should the run be ended by SIGHUP (the terminal went
/// away) or SIGTERM, set while a file holding case text waits outside the
/// notes. Plain pointers to leaked C strings: a signal handler may only
/// read memory that is never freed and call async-signal-safe functions.
static ON_HANGUP: [std::sync::atomic::AtomicPtr<libc::c_char>; 8] =
    [const { std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()) }; 8];

/// Removes `path` if the run is ended by SIGHUP or SIGTERM, until the
/// returned guard is dropped. More than a few such files at once are left
/// to the next run's tidy.
pub fn remove_on_hangup(path: &Path) -> RemovedOnHangup {
    use std::os::unix::ffi::OsStrExt;
    use std::sync::Once;
    use std::sync::atomic::Ordering;
    static HANDLER: Once = Once::new();
    HANDLER.call_once(|| {
        for sig in [libc::SIGHUP, libc::SIGTERM] {
            // SAFETY: installing a handler that only calls unlink, signal
            // and raise, which are async-signal-safe.
            unsafe { libc::signal(sig, on_hangup as *const () as libc::sighandler_t) };
        }
    });
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return RemovedOnHangup { slot: None };
    };
    let ptr = c.into_raw();
    for (i, slot) in ON_HANGUP.iter().enumerate() {
        if slot
            .compare_exchange(
                std::ptr::null_mut(),
                ptr,
                Ordering::SeqCst,
                Ordering::SeqCst,
            )
            .is_ok()
        {
            return RemovedOnHangup { slot: Some(i) };
        }
    }
    RemovedOnHangup { slot: None }
}

extern "C" fn on_hangup(sig: libc::c_int) {
    for slot in &ON_HANGUP {
        let path = slot.load(std::sync::atomic::Ordering::SeqCst);
        if !path.is_null() {
            // SAFETY: a C string that is never freed.
            unsafe { libc::unlink(path) };
        }
    }
    // SAFETY: end the way the signal would have ended the run.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

/// Stops the removal on SIGHUP or SIGTERM when dropped. The path's memory
/// is leaked, not freed: a handler running right now may still read it.
pub struct RemovedOnHangup {
    slot: Option<usize>,
}

impl Drop for RemovedOnHangup {
    fn drop(&mut self) {
        if let Some(i) = self.slot {
            ON_HANGUP[i].store(std::ptr::null_mut(), std::sync::atomic::Ordering::SeqCst);
        }
    }
}

/// While held, Ctrl-C reaches the prompts as a key instead of a signal.
/// dialoguer reads one key at a time in raw mode; between two reads the
/// terminal would turn Ctrl-C into a signal, lose it, and drop what was
/// typed ahead. With signals off for the whole walk, the next read sees it.
pub struct CtrlCAsKey {
    original: Option<libc::termios>,
}

impl CtrlCAsKey {
    pub fn hold() -> CtrlCAsKey {
        let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills the struct when it returns 0.
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, termios.as_mut_ptr()) } != 0 {
            return CtrlCAsKey { original: None };
        }
        let original = unsafe { termios.assume_init() };
        let mut quiet = original;
        quiet.c_lflag &= !libc::ISIG;
        // SAFETY: a valid termios for the same descriptor.
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSADRAIN, &quiet) };
        CtrlCAsKey {
            original: Some(original),
        }
    }
}

impl Drop for CtrlCAsKey {
    fn drop(&mut self) {
        if let Some(original) = &self.original {
            // SAFETY: the settings read in `hold`, for the same descriptor.
            unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSADRAIN, original) };
        }
    }
}

/// A folder many files are written into at once (see `bulk`).
///
/// On Linux each file is first written as an unnamed file in the folder
/// (`O_TMPFILE`), one flush of the whole file system ([`FastFolder::sync`])
/// then makes a batch durable, and only then does each file get its name,
/// with one link. A name is thus never seen before its content is safely
/// on disk, and no temp file is left behind by a crash: an unnamed file
/// vanishes with the process. Where unnamed files are not possible
/// (another file system, no `/proc`, too many open files) a named temp
/// file and a rename do the same; elsewhere each file is synced when
/// written.
pub struct FastFolder {
    dir: PathBuf,
    #[cfg(target_os = "linux")]
    folder: File,
    #[cfg(target_os = "linux")]
    unnamed: bool,
}

/// A file written but not yet in its folder under its name.
pub enum Staged {
    #[cfg(target_os = "linux")]
    Unnamed(File, PathBuf),
    Named(tempfile::TempPath, PathBuf),
}

impl FastFolder {
    /// Opens `dir`; `open_files` is how many staged files may be open at
    /// once.
    pub fn open(dir: &Path, open_files: u64) -> io::Result<FastFolder> {
        #[cfg(not(target_os = "linux"))]
        let _ = open_files;
        Ok(FastFolder {
            dir: dir.to_path_buf(),
            #[cfg(target_os = "linux")]
            folder: File::open(dir)?,
            #[cfg(target_os = "linux")]
            unnamed: linux::unnamed_possible(open_files),
        })
    }

    /// Writes `bytes` for `path` without giving it its name yet.
    pub fn stage(&self, path: PathBuf, bytes: &[u8]) -> io::Result<Staged> {
        #[cfg(target_os = "linux")]
        if self.unnamed
            && let Some(file) = linux::unnamed(&self.dir, bytes)?
        {
            return Ok(Staged::Unnamed(file, path));
        }
        // On Linux one flush of the file system syncs the batch.
        let tmp = super::stage_named(&self.dir, bytes, !cfg!(target_os = "linux"))?;
        Ok(Staged::Named(tmp, path))
    }

    /// Makes every file staged so far durable, `batch` among them.
    pub fn sync(&self, _batch: &[Staged]) -> io::Result<()> {
        #[cfg(target_os = "linux")]
        return linux::syncfs(&self.folder);
        #[cfg(not(target_os = "linux"))]
        Ok(())
    }

    /// Gives a durable staged file its name, replacing what had it.
    pub fn name(&self, file: Staged) -> io::Result<()> {
        match file {
            Staged::Named(tmp, path) => tmp.persist(&path).map_err(|e| e.error),
            #[cfg(target_os = "linux")]
            Staged::Unnamed(file, path) => linux::name(&self.dir, &file, &path),
        }
    }
}

/// Unnamed files, linked in by name later, and one flush of the whole
/// file system: the fast path of [`FastFolder`].
#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::CString;
    use std::fs::{self, File, OpenOptions};
    use std::io::{self, Write};
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::path::Path;

    /// Whether unnamed files can be linked in (through `/proc`), with
    /// room for `open_files` of them open at once.
    pub fn unnamed_possible(open_files: u64) -> bool {
        Path::new("/proc/self/fd").is_dir() && raise_open_files(open_files)
    }

    /// An unnamed private file in `dir` holding `bytes`; `None` where this
    /// file system cannot make one, or descriptors ran out.
    pub fn unnamed(dir: &Path, bytes: &[u8]) -> io::Result<Option<File>> {
        let opened = OpenOptions::new()
            .write(true)
            .mode(0o600)
            .custom_flags(libc::O_TMPFILE)
            .open(dir);
        match opened {
            Ok(mut file) => {
                file.write_all(bytes)?;
                Ok(Some(file))
            }
            Err(e)
                if matches!(
                    e.raw_os_error(),
                    Some(libc::EOPNOTSUPP | libc::EISDIR | libc::EINVAL | libc::EMFILE)
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Flushes the whole file system `folder` is on.
    pub fn syncfs(folder: &File) -> io::Result<()> {
        // SAFETY: a valid open descriptor; syncfs only flushes.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Gives an unnamed file the name `path`, replacing what had it.
    pub fn name(dir: &Path, file: &File, path: &Path) -> io::Result<()> {
        match link(file, path) {
            // A changed file from an earlier export: link beside it and
            // rename over it, so it is replaced in one step.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let tmp = dir.join(format!(".tmp-{:016x}", fastrand::u64(..)));
                link(file, &tmp)?;
                fs::rename(&tmp, path).inspect_err(|_| {
                    let _ = fs::remove_file(&tmp);
                })
            }
            done => done,
        }
    }

    /// Links an unnamed file into its folder as `path`.
    fn link(file: &File, path: &Path) -> io::Result<()> {
        let from = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))?;
        let to = CString::new(path.as_os_str().as_bytes())?;
        // SAFETY: two valid C strings; linkat only reads them.
        let linked = unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                from.as_ptr(),
                libc::AT_FDCWD,
                to.as_ptr(),
                libc::AT_SYMLINK_FOLLOW,
            )
        };
        if linked == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// Makes room for `wanted` open files if the hard limit allows; many
    /// systems start programs with a soft limit of 1 024. Says whether
    /// there is room.
    fn raise_open_files(wanted: u64) -> bool {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit fills the struct we own.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
            return false;
        }
        if limit.rlim_cur >= wanted {
            return true;
        }
        if limit.rlim_max < wanted {
            return false;
        }
        limit.rlim_cur = wanted;
        // SAFETY: setrlimit reads the struct we own; raising the soft
        // limit up to the hard limit needs no privilege.
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn private_means_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a").join("b");
        create_private_dir(&folder).unwrap();
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(folder.parent().unwrap()), 0o700);
        let lock = folder.join("lock");
        open_private_file(&lock).unwrap();
        assert_eq!(mode(&lock), 0o600);
        let tmp = private_temp_file(&folder, crate::sys::STORE_TEMP).unwrap();
        assert_eq!(mode(tmp.path()), 0o600);
        let file = folder.join("note.toml");
        super::super::write_atomic(&file, b"x", false, crate::sys::STORE_TEMP).unwrap();
        assert_eq!(mode(&file), 0o600);
        assert!(!exposed(&fs::metadata(&file).unwrap()));
        fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
        assert!(exposed(&fs::metadata(&file).unwrap()));
    }

    #[test]
    fn links_and_fifos_are_not_regular_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("note.toml");
        fs::write(&file, "x").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert!(super::super::is_not_regular(
            &open_regular_nofollow(&link).unwrap_err()
        ));
        let fifo = dir.path().join("fifo.toml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // Refused at once, not after waiting for a writer.
        assert!(super::super::is_not_regular(
            &open_regular_nofollow(&fifo).unwrap_err()
        ));
    }

    /// Both ways of staging, replacing a file and making a new one.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_staged_file_has_no_name_until_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        fs::write(dir.join("a.md"), "old").unwrap();
        let mut folder = FastFolder::open(dir, 64).unwrap();
        let steps = [
            ("a.md", false, Some("old")),
            ("b.md", false, None),
            ("c.md", true, None),
            ("a.md", true, Some("a.md false")),
        ];
        for (file, unnamed, before) in steps {
            folder.unnamed = unnamed;
            let text = format!("{file} {unnamed}");
            let staged = folder.stage(dir.join(file), text.as_bytes()).unwrap();
            assert_eq!(fs::read_to_string(dir.join(file)).ok().as_deref(), before);
            folder.sync(std::slice::from_ref(&staged)).unwrap();
            folder.name(staged).unwrap();
            assert_eq!(fs::read_to_string(dir.join(file)).unwrap(), text);
            assert_eq!(mode(&dir.join(file)), 0o600);
        }
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["a.md", "b.md", "c.md"], "no temp files left");
    }
}
