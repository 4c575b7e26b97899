//! A cache that makes reading many notes fast: a one-line summary per note
//! for `list`, and the notes' answers as plain lowercase text for
//! `--search`. Never the source of truth: each entry carries the size and
//! modification time of its note file and is used only while they match;
//! a missing, stale or corrupt cache is rebuilt from the notes. It is
//! rewritten whole through a temp file and a rename, so two processes at
//! once each leave a complete cache, and a note saved meanwhile is simply
//! seen as new the next time.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::domain::note::CaseNote;
use crate::domain::summary::Summary;
use crate::error::SayAbout;
use crate::i18n::{self, Lang};

/// The cache files in the cache folder.
pub const SUMMARY_FILE: &str = "summary";
pub const TEXT_FILE: &str = "text";

/// Followed by the notes folder's modification time when the cache was
/// made: while the folder's is the same, no note came or went since, and
/// the ids in the cache are all there are ([`cached_ids`]).
const SUMMARY_HEADER: &str = "driehoek summary index 5";
const TEXT_HEADER: &str = "driehoek text index 1";

/// The size and modification time a cache entry was made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: u64,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        Stamp {
            size: meta.len(),
            mtime_ns,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct SummaryLine {
    stamp: Stamp,
    summary: Summary,
}

/// A note file as the cache sees it.
pub struct NoteFile {
    pub id: String,
    pub stamp: Stamp,
    /// Others than the owner can read or write it.
    pub exposed: bool,
}

/// The note files in a folder with their stamps. Asking the file system
/// about ten thousand files is most of what a cached `list` costs, so the
/// questions are spread over the cores.
pub fn stamps(dir: &Path) -> Result<Vec<NoteFile>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).about(i18n::ERR_CANNOT_READ, dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".toml"))
            && !id.starts_with('.')
        {
            entries.push((id.to_string(), entry));
        }
    }
    Ok(crate::par::map(&entries, 512, |(id, entry)| {
        let meta = entry.metadata().ok()?;
        Some(NoteFile {
            id: id.clone(),
            stamp: Stamp::of(&meta),
            exposed: crate::sys::exposed(&meta),
        })
    })
    .into_iter()
    .flatten()
    .collect())
}

/// Reads the summary cache; anything unreadable counts as no cache.
pub fn read_summaries(path: &Path) -> HashMap<String, (Stamp, Summary)> {
    let Ok(file) = crate::sys::open_regular_nofollow(path) else {
        return HashMap::new();
    };
    let mut lines = BufReader::new(file).lines();
    if !matches!(lines.next(), Some(Ok(h)) if folder_of_header(&h).is_some()) {
        return HashMap::new();
    }
    let mut map = HashMap::new();
    for line in lines {
        let Ok(line) = line else {
            return HashMap::new();
        };
        match serde_json::from_str::<SummaryLine>(&line) {
            Ok(l) => {
                map.insert(l.summary.id.clone(), (l.stamp, l.summary));
            }
            Err(_) => return HashMap::new(),
        }
    }
    map
}

/// The notes folder's modification time in nanoseconds, as a summary
/// cache's header keeps it; 0 when it cannot be read (a cache made so is
/// never taken as complete).
pub fn folder_time(dir: &Path) -> u64 {
    fs::metadata(dir).map_or(0, |m| Stamp::of(&m).mtime_ns)
}

/// The notes folder's [`folder_time`] for a cache about to be made from
/// it; 0 while the folder changed in the last tenth of a second: a file
/// system's clock moves in ticks of some milliseconds, so a note made in
/// the same tick as the listing would leave the time as it was.
pub fn settled_folder_time(dir: &Path) -> u64 {
    let time = folder_time(dir);
    let now = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
    if now.saturating_sub(time) < 100_000_000 {
        0
    } else {
        time
    }
}

/// The folder time in a summary cache's header; `None` for another header.
fn folder_of_header(header: &str) -> Option<u64> {
    let rest = header.strip_prefix(SUMMARY_HEADER)?.strip_prefix(' ')?;
    rest.parse().ok()
}

/// The ids in the summary cache at `path` that begin with `prefix`, if the
/// cache was made while the notes folder was as it is now (`folder`, its
/// [`folder_time`]): then no note came or went since. `None` when it is
/// missing, damaged or older. Only the ids are read, not the summaries.
pub fn cached_ids(path: &Path, folder: u64, prefix: &str) -> Option<Vec<String>> {
    let file = crate::sys::open_regular_nofollow(path).ok()?;
    let mut lines = BufReader::new(file).lines();
    let made = folder_of_header(&lines.next()?.ok()?)?;
    if made == 0 || made != folder {
        return None;
    }
    // The summary's id is its first field: the first "id" of the line.
    const KEY: &str = "\"id\":\"";
    let mut ids = Vec::new();
    for line in lines {
        let line = line.ok()?;
        let at = line.find(KEY)? + KEY.len();
        let id = &line[at..at + line[at..].find('"')?];
        if id.starts_with(prefix) {
            ids.push(id.to_string());
        }
    }
    Some(ids)
}

/// Writes the summary cache; `folder` is the notes folder's
/// [`folder_time`] read before the notes were listed.
pub fn write_summaries(
    path: &Path,
    tmp_dir: &Path,
    folder: u64,
    entries: &[(Stamp, &Summary)],
) -> Result<()> {
    write_cache(path, tmp_dir, |out| {
        writeln!(out, "{SUMMARY_HEADER} {folder}")?;
        for (stamp, summary) in entries {
            let line = SummaryLine {
                stamp: *stamp,
                summary: (*summary).clone(),
            };
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// The text `--search` looks in: every answer as shown, lowercased.
pub fn search_text(note: &CaseNote) -> String {
    let mut text = note.title.to_lowercase();
    for e in &note.answers {
        text.push('\n');
        text.push_str(&e.display(Lang::Nl).to_lowercase());
    }
    text
}

/// One record of the text cache.
pub struct TextRecord {
    pub id: String,
    pub stamp: Stamp,
    pub text: String,
}

/// Streams the text cache, record by record; stops quietly at the first
/// sign of damage (the rest is then rebuilt from the notes). A length in
/// the cache is believed only when that many bytes are left in the file,
/// so a damaged cache never makes it allocate more than the file's size.
pub struct TextReader {
    input: Option<BufReader<File>>,
    /// Bytes of the file not read yet.
    left: u64,
}

impl TextReader {
    pub fn open(path: &Path) -> TextReader {
        let mut left = 0;
        let input = crate::sys::open_regular_nofollow(path)
            .ok()
            .and_then(|file| {
                left = file.metadata().ok()?.len();
                let mut r = BufReader::new(file);
                let mut header = String::new();
                let read = r.read_line(&mut header).ok()?;
                left = left.checked_sub(read as u64)?;
                (header.trim_end() == TEXT_HEADER).then_some(r)
            });
        TextReader { input, left }
    }
}

impl Iterator for TextReader {
    type Item = TextRecord;

    fn next(&mut self) -> Option<TextRecord> {
        let input = self.input.as_mut()?;
        let left = &mut self.left;
        let record = (|| {
            let mut head = String::new();
            let read = input.read_line(&mut head).ok()?;
            if read == 0 {
                return None;
            }
            *left = left.checked_sub(read as u64)?;
            let mut parts = head.trim_end().split('\t');
            let id = parts.next()?.to_string();
            let size = parts.next()?.parse().ok()?;
            let mtime_ns = parts.next()?.parse().ok()?;
            let len: u64 = parts.next()?.parse().ok()?;
            // The text and its newline must still be in the file.
            *left = left.checked_sub(len.checked_add(1)?)?;
            let mut bytes = vec![0; usize::try_from(len).ok()? + 1];
            input.read_exact(&mut bytes).ok()?;
            bytes.pop().filter(|b| *b == b'\n')?;
            Some(TextRecord {
                id,
                stamp: Stamp { size, mtime_ns },
                text: String::from_utf8(bytes).ok()?,
            })
        })();
        if record.is_none() {
            self.input = None;
        }
        record
    }
}

/// Writes the text cache from records.
pub fn write_texts(
    path: &Path,
    tmp_dir: &Path,
    records: impl Iterator<Item = TextRecord>,
) -> Result<()> {
    write_cache(path, tmp_dir, |out| {
        writeln!(out, "{TEXT_HEADER}")?;
        for r in records {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                r.id,
                r.stamp.size,
                r.stamp.mtime_ns,
                r.text.len()
            )?;
            out.write_all(r.text.as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// A cache file is replaced whole, never half-written, through a temp file
/// in the store's temp folder (`tmp_dir`). It holds case text, so it is
/// private like the notes. It needs no fsync: a cache lost in a crash is
/// rebuilt.
fn write_cache(
    path: &Path,
    tmp_dir: &Path,
    fill: impl FnOnce(&mut BufWriter<&mut File>) -> Result<()>,
) -> Result<()> {
    let mut tmp = crate::store::scratch::for_write(tmp_dir)?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        fill(&mut out)?;
        out.flush()?;
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .about(i18n::ERR_CANNOT_WRITE, path)?;
    Ok(())
}

impl TextRecord {
    /// Whether the record's text contains what `finder` looks for.
    pub fn contains(&self, finder: &memchr::memmem::Finder) -> bool {
        finder.find(self.text.as_bytes()).is_some()
    }
}

/// The cache folder of a store.
pub fn dir(root: &Path) -> PathBuf {
    root.join("cache")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, text: &str) -> TextRecord {
        TextRecord {
            id: id.into(),
            stamp: Stamp {
                size: 1,
                mtime_ns: 2,
            },
            text: text.into(),
        }
    }

    #[test]
    fn text_records_survive_a_round_trip_and_damage_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("text");
        let records = [record("a", "één\ttab\nregel"), record("b", "")];
        write_texts(&path, dir.path(), records.into_iter()).unwrap();
        let back: Vec<TextRecord> = TextReader::open(&path).collect();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].text, "één\ttab\nregel");
        assert_eq!(back[1].id, "b");
        // A truncated cache yields what is intact, then stops.
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert_eq!(TextReader::open(&path).count(), 1);
        fs::write(&path, "rommel").unwrap();
        assert_eq!(TextReader::open(&path).count(), 0);
    }

    #[test]
    fn a_length_larger_than_the_file_is_damage_not_an_allocation() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("text");
        for len in [
            u64::MAX.to_string(),
            (u64::MAX - 1).to_string(),
            "4000000000".into(),
            "99".into(),
        ] {
            fs::write(&path, format!("{TEXT_HEADER}\nab\t1\t2\t{len}\nkort\n")).unwrap();
            assert_eq!(TextReader::open(&path).count(), 0, "{len}");
        }
        fs::write(&path, format!("{TEXT_HEADER}\nab\t1\t2\t4\nkort\n")).unwrap();
        assert_eq!(TextReader::open(&path).count(), 1);
    }

    #[test]
    fn a_corrupt_summary_cache_counts_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary");
        fs::write(&path, format!("{SUMMARY_HEADER} 1\n{{niet json\n")).unwrap();
        assert!(read_summaries(&path).is_empty());
    }
}
