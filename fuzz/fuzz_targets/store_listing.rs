//! Any store folder read as a list: files of any names and bytes, copies
//! of a note under other names, links to it, to folders and to nothing,
//! caches of any bytes. Listing, searching and reading never panic, and
//! every note listed is read from a file of its own name.
#![no_main]

use std::fs;
use std::path::{Path, PathBuf};

use driehoek::bank::{Bank, DEFAULT_SET};
use driehoek::i18n::Lang;
use driehoek::index;
use driehoek::note::{Answer, CaseNote};
use driehoek::store::Store;
use libfuzzer_sys::fuzz_target;

/// Takes `n` bytes off the front of `data`.
fn take<'a>(data: &mut &'a [u8], n: usize) -> &'a [u8] {
    let n = n.min(data.len());
    let (head, rest) = data.split_at(n);
    *data = rest;
    head
}

fn name(data: &mut &[u8]) -> String {
    let len = take(data, 1).first().map_or(0, |b| usize::from(*b % 16));
    let name = String::from_utf8_lossy(take(data, len)).replace(['/', '\0'], "_");
    if name.is_empty() || name == "." || name == ".." {
        "x.toml".to_string()
    } else {
        name
    }
}

fuzz_target!(|data: &[u8]| {
    let root: PathBuf = std::env::temp_dir().join(format!("driehoek-fuzz-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    let store = Store::open(root.clone()).unwrap();
    let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
    let answers = vec![("casus.titel".to_string(), Answer::Text("Post".into()))];
    let mut note = CaseNote::new(String::new(), jiff::Timestamp::now(), &set, Lang::Nl, answers);
    store.create(&mut note).unwrap();
    let original = store.notes_dir().join(format!("{}.toml", note.id));
    let text = fs::read(&original).unwrap();

    let mut data = data;
    while !data.is_empty() {
        let op = take(&mut data, 1)[0];
        let folder: &Path = &if op & 0x80 == 0 {
            store.notes_dir()
        } else {
            store.drafts_dir()
        };
        let path = folder.join(name(&mut data));
        let _ = match op % 6 {
            0 => fs::write(&path, &text),
            1 => {
                let len = take(&mut data, 1).first().map_or(0, |b| usize::from(*b));
                fs::write(&path, take(&mut data, len))
            }
            2 => link(&original, &path),
            3 => link(&root, &path),
            4 => fs::create_dir(&path),
            _ => {
                let cache = index::dir(&root);
                let _ = fs::create_dir_all(&cache);
                let which = [index::SUMMARY_FILE, index::TEXT_FILE][usize::from(op & 1)];
                let len = take(&mut data, 1).first().map_or(0, |b| usize::from(*b));
                fs::write(cache.join(which), take(&mut data, len))
            }
        };
    }
    for _ in 0..2 {
        let listing = store.summaries().unwrap();
        for s in &listing.notes {
            assert!(store.notes_dir().join(format!("{}.toml", s.id)).is_file());
        }
        let _ = store.search("post");
        let _ = store.all();
        let _ = store.drafts();
    }
    let _ = fs::remove_dir_all(&root);
});

#[cfg(unix)]
fn link(target: &Path, at: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, at)
}

#[cfg(not(unix))]
fn link(_target: &Path, _at: &Path) -> std::io::Result<()> {
    Ok(())
}
