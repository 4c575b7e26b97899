//! Writing many files at once (an export of every note) without ever
//! leaving one half-written, and fast: at ten thousand notes the file
//! system, not the rendering, is most of the cost.
//!
//! Each file is first written as an unnamed file in the target folder
//! (`O_TMPFILE`), one flush of the whole file system then makes a batch
//! durable, and only then does each file get its name, with one link. A
//! name is thus never seen before its content is safely on disk, and no
//! temp file is left behind by a crash: an unnamed file vanishes with the
//! process. Where unnamed files are not possible (another file system, no
//! `/proc`, too many open files) a named temp file and a rename do the same.

use std::ffi::CString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;

use crate::store::WRITING;

/// Set by the Ctrl-C handler: a long [`write_many`] stops after the batch
/// in hand instead of finishing first.
pub static STOP: AtomicBool = AtomicBool::new(false);

/// Items rendered and written per flush.
const BATCH: usize = 500;

/// A file written but not yet in its folder under its name.
enum Staged {
    Unnamed(File, PathBuf),
    Named(tempfile::TempPath, PathBuf),
}

/// Files made from many items, written into `dir`. Each item is rendered
/// and its files staged on every core, a batch at a time; while the next
/// batch is being made, one flush of the file system makes the last one
/// durable and its files get their names. One flush per batch instead of
/// an fsync per file, with the cores kept busy meanwhile, is the
/// difference between one second and several at ten thousand notes.
///
/// With `compare`, a file that already says the same is left alone, so
/// exporting again to the same folder writes only what changed (into an
/// empty folder there is nothing to compare with). An item whose `render`
/// fails writes nothing; its error comes back in its place, the other
/// items' results beside it. A failing write stops everything.
pub fn write_many<T: Sync, R: Send>(
    dir: &Path,
    items: &[T],
    compare: bool,
    render: impl Fn(&T) -> Result<(Vec<(String, String)>, R)> + Sync,
) -> Result<Vec<Result<R>>> {
    // Held from the first file on: a Ctrl-C waits for the batch in hand.
    let _guard = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let folder = File::open(dir)?;
    // Two batches of unnamed files are open at once: a note's Markdown
    // and its pictures.
    let unnamed = Path::new("/proc/self/fd").is_dir() && raise_open_files(4 * BATCH as u64 + 64);
    let make = |item: &T| -> io::Result<Result<(Vec<Staged>, R)>> {
        let (files, extra) = match render(item) {
            Ok(done) => done,
            Err(e) => return Ok(Err(e)),
        };
        let mut staged = Vec::with_capacity(files.len());
        for (name, text) in files {
            let path = dir.join(name);
            if compare && fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
                continue;
            }
            staged.push(stage(dir, path, text.as_bytes(), unnamed)?);
        }
        Ok(Ok((staged, extra)))
    };
    let commit = |batch: Vec<Staged>| -> io::Result<()> {
        // SAFETY: a valid open descriptor; syncfs only flushes.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        batch.into_iter().try_for_each(|file| name(dir, file))
    };
    let mut results = Vec::with_capacity(items.len());
    std::thread::scope(|scope| -> Result<()> {
        // One batch is named while the next is made; more would only hold
        // files open longer.
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Staged>>(0);
        let committer = scope.spawn(move || receive.into_iter().try_for_each(commit));
        for batch in items.chunks(BATCH) {
            if STOP.load(Ordering::Relaxed) {
                break;
            }
            let mut staged = Vec::new();
            for item in crate::par::map(batch, 16, make) {
                results.push(item?.map(|(files, extra)| {
                    staged.extend(files);
                    extra
                }));
            }
            if send.send(staged).is_err() {
                break; // the committer failed; its error follows
            }
        }
        drop(send);
        committer
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))?;
        Ok(())
    })?;
    folder.sync_all()?;
    if STOP.load(Ordering::Relaxed) {
        return Err(crate::error::Cancelled.into());
    }
    Ok(results)
}

/// Writes `bytes` for `path` without giving it its name yet.
fn stage(dir: &Path, path: PathBuf, bytes: &[u8], unnamed: bool) -> io::Result<Staged> {
    if unnamed {
        let opened = OpenOptions::new()
            .write(true)
            .mode(0o600)
            .custom_flags(libc::O_TMPFILE)
            .open(dir);
        match opened {
            Ok(mut file) => {
                file.write_all(bytes)?;
                return Ok(Staged::Unnamed(file, path));
            }
            // Not on this file system, or out of descriptors: name it.
            Err(e)
                if matches!(
                    e.raw_os_error(),
                    Some(libc::EOPNOTSUPP | libc::EISDIR | libc::EINVAL | libc::EMFILE)
                ) => {}
            Err(e) => return Err(e),
        }
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    Ok(Staged::Named(tmp.into_temp_path(), path))
}

/// Gives a durable staged file its name, replacing what had it.
fn name(dir: &Path, file: Staged) -> io::Result<()> {
    match file {
        Staged::Named(tmp, path) => tmp.persist(&path).map_err(|e| e.error),
        Staged::Unnamed(file, path) => match link(&file, &path) {
            // A changed file from an earlier export: link beside it and
            // rename over it, so it is replaced in one step.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let tmp = dir.join(format!(".tmp-{:016x}", fastrand::u64(..)));
                link(&file, &tmp)?;
                fs::rename(&tmp, &path).inspect_err(|_| {
                    let _ = fs::remove_file(&tmp);
                })
            }
            done => done,
        },
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
/// systems start programs with a soft limit of 1 024. Says whether there
/// is room.
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
    // SAFETY: setrlimit reads the struct we own; raising the soft limit
    // up to the hard limit needs no privilege.
    unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let name = e.file_name().into_string().unwrap();
                (name, fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        found.sort();
        found
    }

    #[test]
    fn every_item_is_written_whole_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let items: Vec<u32> = (0..1_200).collect();
        let results = write_many(dir.path(), &items, false, |i| {
            Ok((vec![(format!("{i}.md"), format!("note {i}\n"))], *i))
        })
        .unwrap();
        assert_eq!(
            results.into_iter().map(Result::unwrap).collect::<Vec<_>>(),
            items
        );
        let written = files(dir.path());
        assert_eq!(written.len(), 1_200, "no temp files left");
        assert!(
            written
                .iter()
                .all(|(n, t)| *t == format!("note {}\n", n.trim_end_matches(".md")))
        );
        let mode = fs::metadata(dir.path().join("7.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_failing_item_writes_nothing_and_the_rest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let results = write_many(dir.path(), &[1, 2, 3], false, |i| {
            anyhow::ensure!(*i != 2, "item {i} is broken");
            Ok((vec![(format!("{i}.md"), "x".to_string())], ()))
        })
        .unwrap();
        assert!(results[0].is_ok() && results[2].is_ok());
        assert_eq!(
            results[1].as_ref().unwrap_err().to_string(),
            "item 2 is broken"
        );
        let names: Vec<String> = files(dir.path()).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["1.md", "3.md"]);
    }

    #[test]
    fn writing_again_replaces_what_changed_and_leaves_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let render = |text: &'static str| {
            move |i: &u32| Ok((vec![(format!("{i}.md"), format!("{text} {i}"))], ()))
        };
        write_many(dir.path(), &[1, 2], false, render("old")).unwrap();
        let untouched = fs::metadata(dir.path().join("1.md"))
            .unwrap()
            .modified()
            .unwrap();
        fs::write(dir.path().join("2.md"), "edited by hand").unwrap();
        write_many(dir.path(), &[1, 2], true, render("old")).unwrap();
        assert_eq!(
            files(dir.path()),
            [
                ("1.md".to_string(), "old 1".to_string()),
                ("2.md".to_string(), "old 2".to_string())
            ]
        );
        let after = fs::metadata(dir.path().join("1.md"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(untouched, after, "an unchanged file is not rewritten");
        // Without comparing, an existing file is replaced all the same.
        write_many(dir.path(), &[1], false, render("new")).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("1.md")).unwrap(),
            "new 1"
        );
    }

    #[test]
    fn a_staged_file_has_no_name_until_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        fs::write(dir.join("a.md"), "old").unwrap();
        // Named temp files where unnamed ones cannot be made, and both
        // replacing a file and making a new one.
        let steps = [
            ("a.md", false, Some("old")),
            ("b.md", false, None),
            ("c.md", true, None),
            ("a.md", true, Some("a.md false")),
        ];
        for (file, unnamed, before) in steps {
            let text = format!("{file} {unnamed}");
            let staged = stage(dir, dir.join(file), text.as_bytes(), unnamed).unwrap();
            assert_eq!(fs::read_to_string(dir.join(file)).ok().as_deref(), before);
            name(dir, staged).unwrap();
            assert_eq!(fs::read_to_string(dir.join(file)).unwrap(), text);
        }
        let names: Vec<String> = files(dir).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["a.md", "b.md", "c.md"], "no temp files left");
    }
}
