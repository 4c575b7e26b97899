//! Any store folder read as a list: files of any names and bytes, copies
//! of a note under other names, cut short, links to it, to folders, to
//! nothing and to a note outside the store, caches of any bytes. Listing,
//! searching and reading never panic; every note listed is read from a file
//! of its own name, every note file is listed or reported broken by name,
//! and what a link points at never shows.
#![no_main]

use std::fs;
use std::path::{Path, PathBuf};

use driehoek::domain::bank::{Bank, DEFAULT_SET};
use driehoek::i18n::Lang;
use driehoek::store::index;
use driehoek::domain::note::CaseNote;
use driehoek::domain::answer::Answer;
use driehoek::store::{Store, to_text};
use libfuzzer_sys::fuzz_target;

/// What the note outside the store holds: no listing may show it.
const SECRET: &str = "GEHEIM-buiten-de-map";

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
    let titled = |title: &str| {
        let answers = vec![("casus.titel".to_string(), Answer::Text(title.into()))];
        CaseNote::new(
            String::new(),
            jiff::Timestamp::now(),
            &set,
            Lang::Nl,
            answers,
        )
    };
    let mut note = titled("Post");
    store.create(&mut note).unwrap();
    let original = store.notes_dir().join(format!("{}.toml", note.id));
    let text = fs::read(&original).unwrap();
    // A note outside the store that reads as valid under any name it is
    // linked as, were the link followed.
    let outside = root.with_extension("buiten");
    let _ = fs::create_dir_all(&outside);

    let mut data = data;
    while !data.is_empty() {
        let op = take(&mut data, 1)[0];
        let folder: &Path = &if op & 0x80 == 0 {
            store.notes_dir()
        } else {
            store.drafts_dir()
        };
        let path = folder.join(name(&mut data));
        let _ = match op % 8 {
            0 => fs::write(&path, &text),
            1 => {
                let len = take(&mut data, 1).first().map_or(0, |b| usize::from(*b));
                fs::write(&path, take(&mut data, len))
            }
            2 => link(&original, &path),
            3 => link(&root, &path),
            4 => fs::create_dir(&path),
            6 => {
                let len = take(&mut data, 2)
                    .iter()
                    .fold(0, |n, b| n * 256 + usize::from(*b));
                fs::write(&path, &text[..len.min(text.len())])
            }
            7 => {
                let id = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let secret = CaseNote {
                    id,
                    ..titled(SECRET)
                };
                let target = outside.join(format!("{}.toml", data.len()));
                let _ = fs::write(&target, to_text(&secret).unwrap());
                link(&target, &path)
            }
            _ => {
                let cache = index::dir(&root);
                let _ = fs::create_dir_all(&cache);
                let which = [index::SUMMARY_FILE, index::TEXT_FILE][usize::from(op & 1)];
                let len = take(&mut data, 1).first().map_or(0, |b| usize::from(*b));
                fs::write(cache.join(which), take(&mut data, len))
            }
        };
    }
    let note_ids: Vec<String> = fs::read_dir(store.notes_dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| Some(n.strip_suffix(".toml")?.to_string()))
        .filter(|id| !id.starts_with('.'))
        .collect();
    for _ in 0..2 {
        let listing = store.summaries().unwrap();
        for s in &listing.notes {
            assert!(store.notes_dir().join(format!("{}.toml", s.id)).is_file());
            assert!(!s.title.contains(SECRET), "{} shows a link's target", s.id);
        }
        for id in &note_ids {
            let listed = listing.notes.iter().any(|s| &s.id == id);
            let path = store.notes_dir().join(format!("{id}.toml"));
            let reported = listing.broken.iter().any(|b| b.path == path);
            assert!(
                listed != reported,
                "{id}: listed {listed}, reported {reported}"
            );
        }
        for b in &listing.broken {
            assert!(!format!("{:#}", b.error).contains(SECRET));
        }
        let _ = store.search("post");
        assert!(store.search(SECRET).is_ok_and(|found| found.is_empty()));
        let _ = store.all();
        let _ = store.drafts();
    }
    let _ = fs::remove_dir_all(&root);
    let _ = fs::remove_dir_all(&outside);
});

#[cfg(unix)]
fn link(target: &Path, at: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, at)
}

#[cfg(not(unix))]
fn link(_target: &Path, _at: &Path) -> std::io::Result<()> {
    Ok(())
}
