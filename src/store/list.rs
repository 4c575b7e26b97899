//! Listing and searching the notes, from the caches ([`super::index`])
//! where they are fresh, else from the notes.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::Result;

use super::index::{self, Stamp, TextReader, TextRecord};
use super::{Broken, Store, make_private_dir};
use crate::domain::summary::Summary;

/// What a listing of the store found.
pub struct Listing {
    /// Newest first.
    pub notes: Vec<Summary>,
    pub broken: Vec<Broken>,
    /// Note files others than the owner can read or write (where the
    /// platform has permission bits).
    pub exposed: Vec<PathBuf>,
}

impl Store {
    /// Writes a cache while no purge can run, keeping only the notes that
    /// are still there: a note purged while this run was reading must not
    /// come back in a cache made from what it read. A busy store skips the
    /// write; a cache only saves time.
    fn write_cache(&self, write: impl FnOnce(&HashSet<String>) -> Result<()>) {
        let Ok(lock) = self.lock_file() else {
            return;
        };
        if lock.try_lock().is_err() {
            return;
        }
        if let Ok(ids) = self.ids() {
            let _ = write(&ids.into_iter().collect());
        }
    }

    /// The summary of every readable note, newest first, the broken files,
    /// and note files others can read; from the cache where it is fresh,
    /// else from the notes.
    pub fn summaries(&self) -> Result<Listing> {
        let path = self.cache_dir()?.join(index::SUMMARY_FILE);
        let cached = index::read_summaries(&path);
        // Read before the listing: a note made meanwhile changes it.
        let folder = index::settled_folder_time(&self.notes_dir());
        let files = index::stamps(&self.notes_dir())?;
        let exposed = files
            .iter()
            .filter(|f| f.exposed)
            .map(|f| self.path_of(&f.id))
            .collect();
        let stamps = files.into_iter().map(|f| (f.id, f.stamp));
        let mut entries: Vec<(Stamp, Summary)> = Vec::with_capacity(stamps.len());
        let mut missing = Vec::new();
        let mut stamp_of = HashMap::new();
        for (id, stamp) in stamps {
            match cached.get(&id) {
                Some((s, summary)) if *s == stamp => entries.push((stamp, summary.clone())),
                _ => {
                    stamp_of.insert(id.clone(), stamp);
                    missing.push(id);
                }
            }
        }
        let changed = !missing.is_empty() || entries.len() != cached.len();
        let (notes, broken) = self.load_many(missing);
        entries.extend(notes.iter().map(|n| (stamp_of[&n.id], Summary::of(n))));
        entries.sort_by(|a, b| {
            b.1.created
                .cmp(&a.1.created)
                .then_with(|| a.1.id.cmp(&b.1.id))
        });
        if changed {
            self.write_cache(|present| {
                let refs: Vec<(Stamp, &Summary)> = entries
                    .iter()
                    .filter(|(_, e)| present.contains(&e.id))
                    .map(|(s, e)| (*s, e))
                    .collect();
                index::write_summaries(&path, &self.scratch_dir(), folder, &refs)
            });
        }
        Ok(Listing {
            notes: entries.into_iter().map(|(_, s)| s).collect(),
            broken,
            exposed,
        })
    }

    /// The case note `id` is a version of: the id of its first note
    /// ([`crate::domain::versions`]).
    pub fn case_of(&self, id: &str) -> Result<String> {
        let listing = self.summaries()?;
        let versions: Vec<_> = listing.notes.iter().map(Summary::version).collect();
        Ok(crate::domain::versions::cases(&versions)
            .remove(id)
            .unwrap_or_else(|| id.to_string()))
    }

    /// The rule lines the store's notes name, each rule once as it is
    /// written most often, most used first (practice notes left out): what
    /// both walks, the terminal's and the browser's, offer at the rule
    /// question. A note that cannot be read is passed over (`list` names it).
    pub fn rules_in_use(&self, bank: &crate::domain::bank::Bank) -> Result<Vec<String>> {
        let (notes, _) = self.load_many(self.ids()?);
        let lines = notes
            .iter()
            .filter(|n| n.practice.is_none())
            .filter_map(|n| crate::domain::record::rule_line(n, bank));
        Ok(crate::domain::bundle::rules_in_use(lines))
    }

    /// The ids of the notes whose answers contain `needle`, in any case.
    pub fn search(&self, needle: &str) -> Result<HashSet<String>> {
        let needle = needle.to_lowercase();
        // One searcher for every record: building it is the costly part.
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let path = self.cache_dir()?.join(index::TEXT_FILE);
        let stamps: HashMap<String, Stamp> = index::stamps(&self.notes_dir())?
            .into_iter()
            .map(|f| (f.id, f.stamp))
            .collect();
        let mut found = HashSet::new();
        let mut fresh = HashSet::new();
        let mut stale = false;
        for record in TextReader::open(&path) {
            if stamps.get(&record.id) == Some(&record.stamp) {
                if record.contains(&finder) {
                    found.insert(record.id.clone());
                }
                fresh.insert(record.id);
            } else {
                stale = true;
            }
        }
        let missing: Vec<String> = stamps
            .keys()
            .filter(|id| !fresh.contains(*id))
            .cloned()
            .collect();
        if missing.is_empty() && !stale {
            return Ok(found);
        }
        let (notes, _) = self.load_many(missing);
        let new: Vec<TextRecord> = notes
            .iter()
            .map(|n| TextRecord {
                id: n.id.clone(),
                stamp: stamps[&n.id],
                text: index::search_text(n),
            })
            .collect();
        found.extend(
            new.iter()
                .filter(|r| r.contains(&finder))
                .map(|r| r.id.clone()),
        );
        self.write_cache(|present| {
            let kept = TextReader::open(&path).filter(|r| fresh.contains(&r.id));
            index::write_texts(
                &path,
                &self.scratch_dir(),
                kept.chain(new).filter(|r| present.contains(&r.id)),
            )
        });
        Ok(found)
    }

    fn cache_dir(&self) -> Result<PathBuf> {
        let dir = index::dir(&self.root);
        make_private_dir(&dir)?;
        Ok(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::Answer;
    use crate::domain::bank::{Bank, DEFAULT_SET};
    use crate::domain::note::CaseNote;
    use crate::i18n::Lang;
    use crate::store::to_text;
    use crate::sys;
    use proptest::prelude::*;
    use std::fs;
    use std::path::Path;

    /// One thing to put in a store folder.
    #[derive(Debug, Clone)]
    enum Planted {
        /// A copy of a valid note, under any name.
        Copy(String),
        /// A valid note whose id inside is `inner`.
        Renamed(String, String),
        /// Any bytes.
        Bytes(String, Vec<u8>),
        /// A valid note's text cut off after `at` bytes (`None`), or with
        /// the byte at `at` changed.
        Damaged(String, usize, Option<u8>),
        /// A symbolic link to a valid note, a folder, a missing file,
        /// itself, or a note outside the store that holds a secret.
        Link(String, u8),
        /// A folder with a note's name.
        Folder(String),
        /// A FIFO (named pipe), where the platform has them.
        Fifo(String),
    }

    fn name() -> impl Strategy<Value = String> {
        prop_oneof![
            // Valid ids and near-ids.
            "[a-hjkmnp-z2-9]{6}\\.toml",
            "[a-zA-Z0-9_-]{1,8}\\.toml",
            // The copies a person or a sync client makes.
            "[a-z2-9]{6}(-kopie| - kopie| \\(1\\)| \\(sync conflict\\)|\\.sync-conflict-20250101-120000-ABCDEFG| 2)?\\.toml",
            // Odd extensions and editor and temp files.
            "[a-z2-9]{6}\\.(TOML|toml~|toml\\.bak|toml\\.swp|md|)",
            "\\.[a-z2-9]{6}\\.toml(\\.swp)?",
            "\\.tmp-[a-z]{3}",
            "[^/\\x00]{1,12}",
        ]
    }

    fn planted() -> impl Strategy<Value = Planted> {
        prop_oneof![
            name().prop_map(Planted::Copy),
            (name(), "[a-z./ 2-9]{0,12}").prop_map(|(n, i)| Planted::Renamed(n, i)),
            (name(), proptest::collection::vec(any::<u8>(), 0..200))
                .prop_map(|(n, b)| Planted::Bytes(n, b)),
            (name(), 0usize..2000, proptest::option::of(any::<u8>()))
                .prop_map(|(n, at, b)| Planted::Damaged(n, at, b)),
            (name(), 0u8..5).prop_map(|(n, k)| Planted::Link(n, k)),
            name().prop_map(Planted::Folder),
            name().prop_map(Planted::Fifo),
        ]
    }

    /// What a note outside the store holds: no listing may show it.
    const SECRET: &str = "GEHEIM-buiten-de-map";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Whatever the folders hold (copies, links, FIFOs, folders,
        /// damaged notes, junk, caches of any bytes), listing, searching
        /// and reading never panic and return; every note file is either
        /// listed from a file of its own name or reported broken by name;
        /// and what a link points at is never read.
        #[test]
        fn no_store_content_makes_the_listing_panic(
            notes in proptest::collection::vec(planted(), 0..12),
            drafts in proptest::collection::vec(planted(), 0..4),
            caches in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 2),
            valid in proptest::bool::ANY,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let outside = tempfile::tempdir().unwrap();
            let store = Store::open(dir.path().to_path_buf()).unwrap();
            let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
            let titled = |title: &str| {
                let answers = vec![("casus.titel".to_string(), Answer::Text(title.into()))];
                CaseNote::new(String::new(), jiff::Timestamp::now(), &set, Lang::Nl, answers)
            };
            let mut note = titled("Post");
            if valid {
                store.create(&mut note).unwrap();
            }
            let text = |inner: &str| to_text(&CaseNote { id: inner.to_string(), ..note.clone() }).unwrap();
            let plant = |folder: &Path, p: &Planted| {
                let _ = match p {
                    Planted::Copy(n) => fs::write(folder.join(n), text(&note.id)),
                    Planted::Renamed(n, inner) => fs::write(folder.join(n), text(inner)),
                    Planted::Bytes(n, b) => fs::write(folder.join(n), b),
                    Planted::Damaged(n, at, byte) => {
                        let mut bytes = text(n.strip_suffix(".toml").unwrap_or(n)).into_bytes();
                        let at = at % (bytes.len() + 1);
                        match byte {
                            Some(b) if at < bytes.len() => bytes[at] = *b,
                            _ => bytes.truncate(at),
                        }
                        fs::write(folder.join(n), bytes)
                    }
                    Planted::Link(n, kind) => {
                        let target = match kind {
                            0 => store.path_of(&note.id),
                            1 => dir.path().to_path_buf(),
                            2 => dir.path().join("nergens"),
                            3 => folder.join(n),
                            _ => {
                                // A note that would read as valid under the
                                // link's name, were the link followed.
                                let id = n.strip_suffix(".toml").unwrap_or(n);
                                let secret = CaseNote { id: id.to_string(), ..titled(SECRET) };
                                let target = outside.path().join(format!("{}.toml", fastrand::u32(..)));
                                fs::write(&target, to_text(&secret).unwrap()).unwrap();
                                target
                            }
                        };
                        sys::symlink(&target, &folder.join(n))
                    }
                    Planted::Folder(n) => fs::create_dir(folder.join(n)),
                    Planted::Fifo(n) => sys::fifo(&folder.join(n)),
                };
            };
            for p in &notes {
                plant(&store.notes_dir(), p);
            }
            for p in &drafts {
                plant(&store.drafts_dir(), p);
            }
            let cache = index::dir(dir.path());
            make_private_dir(&cache).unwrap();
            fs::write(cache.join(index::SUMMARY_FILE), &caches[0]).unwrap();
            fs::write(cache.join(index::TEXT_FILE), &caches[1]).unwrap();

            // The names a note or draft may have: every one is either read
            // or reported.
            let note_names = |folder: &Path| -> Vec<String> {
                fs::read_dir(folder)
                    .unwrap()
                    .filter_map(|e| e.unwrap().file_name().into_string().ok())
                    .filter_map(|n| Some(n.strip_suffix(".toml")?.to_string()))
                    .filter(|id| !id.starts_with('.'))
                    .collect()
            };
            let leaks = |broken: &[Broken]| {
                broken.iter().any(|b| format!("{:#}", b.error).contains(SECRET))
            };
            // Twice: the second run reads the caches the first wrote.
            for _ in 0..2 {
                let listing = store.summaries().unwrap();
                for s in &listing.notes {
                    let own = store.path_of(&s.id);
                    prop_assert!(own.is_file(), "{} listed without its file", s.id);
                    prop_assert!(!s.title.contains(SECRET), "{} shows a link's target", s.id);
                }
                for id in note_names(&store.notes_dir()) {
                    let listed = listing.notes.iter().any(|s| s.id == id);
                    let reported = listing.broken.iter().any(|b| b.path == store.path_of(&id));
                    prop_assert!(listed != reported, "{id}: listed {listed}, reported {reported}");
                }
                prop_assert!(!leaks(&listing.broken), "a broken file's message shows a link's target");
                let _ = store.search("post").unwrap();
                prop_assert!(store.search(SECRET).unwrap().is_empty(), "search reads a link's target");
                let (all, broken) = store.all().unwrap();
                prop_assert_eq!(all.len(), listing.notes.len());
                prop_assert!(!leaks(&broken));
                let (drafts, broken) = store.drafts().unwrap();
                for id in note_names(&store.drafts_dir()) {
                    let read = drafts.iter().any(|d| d.id == id);
                    let path = store.drafts_dir().join(format!("{id}.toml"));
                    let reported = broken.iter().any(|b| b.path == path);
                    prop_assert!(read != reported, "draft {id}: read {read}, reported {reported}");
                }
                prop_assert!(!leaks(&broken));
                let _ = store.temp_files();
            }
        }
    }
}
