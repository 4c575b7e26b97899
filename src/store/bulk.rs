//! Writing many files at once (an export of every note) without ever
//! leaving one half-written, and fast: at ten thousand notes the file
//! system, not the rendering, is most of the cost. How each file is
//! staged and made durable is the platform's ([`crate::sys::FastFolder`]).

use std::fs;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;

use crate::store::WRITING;
use crate::sys::{self, FastFolder, Staged};

/// Set by the Ctrl-C handler: a long [`write_many`] stops after the batch
/// in hand instead of finishing first.
pub static STOP: AtomicBool = AtomicBool::new(false);

/// Items rendered and written per flush.
const BATCH: usize = 500;

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
    // What a killed export left in this folder goes first.
    crate::store::scratch::remove_export_leftovers(dir);
    // Held from the first file on: a Ctrl-C waits for the batch in hand.
    let _guard = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    // Two batches of staged files are open at once: a note's Markdown
    // and its pictures.
    let folder = FastFolder::open(dir, 4 * BATCH as u64 + 64)?;
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
            staged.push(folder.stage(path, text.as_bytes())?);
        }
        Ok(Ok((staged, extra)))
    };
    let commit = |batch: Vec<Staged>| -> io::Result<()> {
        folder.sync(&batch)?;
        batch.into_iter().try_for_each(|file| folder.name(file))
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
    sys::sync_dir(dir)?;
    if STOP.load(Ordering::Relaxed) {
        return Err(crate::error::cancelled());
    }
    Ok(results)
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
        assert!(!sys::exposed(
            &fs::metadata(dir.path().join("7.md")).unwrap()
        ));
    }

    #[test]
    fn a_failing_item_writes_nothing_and_the_rest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let results = write_many(dir.path(), &[1, 2, 3], false, |i| {
            if *i == 2 {
                return Err(crate::error::failure(format!("item {i} is broken")));
            }
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
}
