//! Reading an anonymous export as a stream: a city's file may hold
//! hundreds of thousands of cases, and reading it whole would make memory
//! grow with the file (six times its size, once parsed). The file is
//! scanned once; each record is cut out of it and parsed on its own, so
//! only one record is held at a time, and each is placed by its line.
//! Whatever the scanner does not understand is handed to serde_json's own
//! streaming parser, so a broken file is placed as before.

use std::hash::Hasher;
use std::io::{self, Read};
use std::path::Path;

use jiff::Timestamp;

use crate::domain::problem::Problem;
use crate::domain::record::{self, Checks, Record};
use crate::i18n::{self, Lang};

/// The biggest anonymous export read: 700 000 cases fit (a case is some
/// 190 bytes).
pub const MAX_EXPORT_FILE: u64 = 128 * 1024 * 1024;

/// The most one record, or the head of the file, may take: far above what
/// a record can hold within its limits, so nothing is ever held whole.
const MAX_PART: usize = 1024 * 1024;

/// What a file said about itself, once read.
#[derive(Debug)]
pub struct Scanned {
    pub exported: Timestamp,
    /// Of the bytes read, to notice a file changed between two readings.
    pub hash: u64,
}

/// Reads the anonymous export at `path`, giving each record (its place in
/// the file from 0, and the record) to `each` as it comes. Every record is
/// checked ([`Checks::flaw`]); the first that fails ends the records given,
/// and the file is refused with it once its head is read: a file of a
/// newer format is refused as such, whatever its records hold. The error is
/// a line for the person, naming the file (and the line and field).
pub fn read(
    path: &Path,
    checks: &Checks,
    lang: Lang,
    mut each: impl FnMut(usize, Record),
) -> Result<Scanned, String> {
    let name = path.display().to_string();
    let cannot = |e: &io::Error| {
        let error = crate::error::io_text(e, lang);
        i18n::ERR_READ.with(lang, &[("file", &name), ("error", &error)])
    };
    let file = std::fs::File::open(path).map_err(|e| cannot(&e))?;
    let mut scan = Scan::new(file);
    let mut first_problem = None;
    // The record that needs the latest format version, placed: known to
    // fit only once the head says the file's version (it may come last).
    let mut newest: Option<(u32, String)> = None;
    let mut on_record = |index: usize, (line, col): (usize, usize), bytes: &[u8]| {
        if first_problem.is_some() {
            return;
        }
        match serde_json::from_slice::<Record>(bytes) {
            Ok(r) => {
                let at = |flaw: &record::Flaw| {
                    let problem = flaw.text(lang);
                    let (n, line) = ((index + 1).to_string(), line.to_string());
                    i18n::ERR_ANON_RECORD.with(
                        lang,
                        &[
                            ("file", &name),
                            ("line", &line),
                            ("n", &n),
                            ("problem", &problem),
                        ],
                    )
                };
                if let Some(flaw @ record::Flaw::Newer { since, .. }) = r.newest_field()
                    && newest.as_ref().is_none_or(|(n, _)| since > *n)
                {
                    newest = Some((since, at(&flaw)));
                }
                match checks.flaw(&r) {
                    None => each(index, r),
                    Some(flaw) => first_problem = Some(at(&flaw)),
                }
            }
            Err(e) => {
                first_problem =
                    Some(Problem::from_json_at(&name, &e, (line, col), lang).to_string())
            }
        }
    };
    let scanned = scan.export(&mut on_record);
    if scan.too_large {
        let max = MAX_EXPORT_FILE.to_string();
        return Err(i18n::ERR_INPUT_TOO_LARGE.with(lang, &[("file", &name), ("max", &max)]));
    }
    if let Some(e) = &scan.error {
        return Err(cannot(e));
    }
    let hash = scan.hash.finish();
    let Ok(head) = scanned else {
        return Err(placed(path, &name, lang));
    };
    let (exported, version) = record::head(&name, &head, lang).map_err(|e| match e {
        record::HeadError::Said(said) => said,
        record::HeadError::Strict => placed(path, &name, lang),
    })?;
    if let Some((_, problem)) = newest.filter(|(since, _)| *since > version) {
        first_problem.get_or_insert(problem);
    }
    match first_problem {
        Some(problem) => Err(problem),
        None => Ok(Scanned { exported, hash }),
    }
}

/// How many records a reading thread hands over at once.
const BATCH: usize = 1024;

/// What reading one of many files gave: its head or what is wrong with
/// it, and what the privacy guard found in it (a line each).
pub type FileRead = (Result<Scanned, String>, Vec<String>);

/// Reads every file on every core, one file per thread at a time, and
/// gives each record to `each` (file, place in it, record) on this
/// thread, in batches as they come: the files' records interleave, and
/// only a few batches are ever held. With a `scanner`, every text is
/// checked for personal data (each text once per thread). What each file
/// gave, by file.
pub fn read_all(
    files: &[std::path::PathBuf],
    checks: &Checks,
    scanner: Option<&crate::domain::privacy::Scanner>,
    lang: Lang,
    mut each: impl FnMut(usize, usize, Record),
) -> Vec<FileRead> {
    enum Sent {
        Records(usize, Vec<(usize, Record)>),
        Done(usize, FileRead),
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Sent>(workers * 2);
    let mut results: Vec<FileRead> = files
        .iter()
        .map(|_| (Err(String::new()), Vec::new()))
        .collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                let mut clean = std::collections::HashSet::new();
                loop {
                    let file = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = files.get(file) else {
                        return;
                    };
                    let mut batch = Vec::with_capacity(BATCH);
                    let mut found = Vec::new();
                    let result = read(path, checks, lang, |index, r| {
                        if let Some(scanner) = scanner {
                            personal_data(&r, index, path, scanner, &mut clean, &mut found, lang);
                        }
                        batch.push((index, r));
                        if batch.len() == BATCH {
                            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                            let _ = tx.send(Sent::Records(file, full));
                        }
                    });
                    if !batch.is_empty() {
                        let _ = tx.send(Sent::Records(file, batch));
                    }
                    let _ = tx.send(Sent::Done(file, (result, found)));
                }
            });
        }
        drop(tx);
        for sent in rx {
            match sent {
                Sent::Records(file, records) => {
                    for (index, r) in records {
                        each(file, index, r);
                    }
                }
                Sent::Done(file, read) => results[file] = read,
            }
        }
    });
    results
}

/// The most findings of the privacy guard said per file: the file is
/// refused at the first, the rest only helps to mend it.
const MAX_FINDINGS: usize = 100;

/// What the privacy guard finds in a record's texts, a line each, naming
/// the file, the case and the field. `clean` holds texts found clean so
/// far: a rule line a thousand cases share is scanned once. It is emptied
/// when it grows large, so a file of ever new texts costs no memory.
fn personal_data(
    r: &Record,
    index: usize,
    file: &Path,
    scanner: &crate::domain::privacy::Scanner,
    clean: &mut std::collections::HashSet<String>,
    found: &mut Vec<String>,
    lang: Lang,
) {
    if clean.len() > 100_000 {
        clean.clear();
    }
    let file = file.display().to_string();
    let n = (index + 1).to_string();
    for (field, text) in r.texts() {
        if clean.contains(text) {
            continue;
        }
        let finds = scanner.scan(text);
        if finds.is_empty() {
            clean.insert(text.to_string());
        }
        for f in finds.iter().take(MAX_FINDINGS.saturating_sub(found.len())) {
            let args = [
                ("file", file.as_str()),
                ("n", &n),
                ("field", field),
                ("kind", f.kind.label(lang)),
                ("text", &f.text),
            ];
            found.push(i18n::ERR_FROM_FINDING.with(lang, &args));
        }
    }
}

/// What is wrong with a file the scanner could not follow, placed by
/// serde_json reading it as a stream (holding nothing): broken JSON by its
/// line and column, JSON that is no export as such.
fn placed(path: &Path, name: &str, lang: Lang) -> String {
    let not_export = || i18n::ERR_ANON_NOT_EXPORT.with(lang, &[("file", name)]);
    let Ok(file) = std::fs::File::open(path) else {
        return not_export();
    };
    let reader = io::BufReader::new(SkipBom::new(file.take(MAX_EXPORT_FILE)));
    let mut de = serde_json::Deserializer::from_reader(reader);
    let strict =
        <record::StrictHead as serde::Deserialize>::deserialize(&mut de).and_then(|_| de.end());
    match strict {
        Err(e) if e.is_syntax() || e.is_eof() => Problem::from_json(name, &e, lang).to_string(),
        Err(e) if e.is_data() && looks_like_export(path) => {
            Problem::from_json(name, &e, lang).to_string()
        }
        // serde follows it, the scanner did not: a part beyond its limit.
        Ok(()) => i18n::ERR_ANON_PART.with(lang, &[("file", name), ("max", &MAX_PART.to_string())]),
        _ => not_export(),
    }
}

/// Whether the file says it is an anonymous export, read as a stream.
fn looks_like_export(path: &Path) -> bool {
    #[derive(serde::Deserialize)]
    struct Format {
        format: Option<serde_json::Value>,
    }
    std::fs::File::open(path).is_ok_and(|f| {
        let reader = io::BufReader::new(SkipBom::new(f.take(MAX_EXPORT_FILE)));
        serde_json::from_reader::<_, Format>(reader).is_ok_and(|h| {
            h.format
                .and_then(|f| f.as_str().map(str::to_string))
                .as_deref()
                == Some(record::FORMAT)
        })
    })
}

/// A reader without the byte-order mark a file may start with (Notepad
/// writes one).
struct SkipBom<R> {
    inner: R,
    start: Option<([u8; 3], usize, usize)>,
}

impl<R: Read> SkipBom<R> {
    fn new(inner: R) -> SkipBom<R> {
        SkipBom { inner, start: None }
    }
}

impl<R: Read> Read for SkipBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.start.is_none() {
            let mut head = [0u8; 3];
            let mut got = 0;
            while got < 3 {
                match self.inner.read(&mut head[got..])? {
                    0 => break,
                    n => got += n,
                }
            }
            let from = if head[..got] == BOM { 3 } else { 0 };
            self.start = Some((head, from, got));
        }
        if let Some((head, from, got)) = &mut self.start
            && *from < *got
        {
            let n = (*got - *from).min(buf.len());
            buf[..n].copy_from_slice(&head[*from..*from + n]);
            *from += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// Where a record goes as it is cut out: its place among the records (from
/// 0), its line and column (from 1), and its bytes.
type OnRecord<'a> = dyn FnMut(usize, (usize, usize), &[u8]) + 'a;

/// The scanner could not follow the file: serde_json places why.
struct Lost;

/// The file's bytes, one at a time from a buffer, counted (for the limit
/// and the lines) and hashed as they pass.
struct Scan<R> {
    input: R,
    buf: Box<[u8]>,
    at: usize,
    len: usize,
    read: u64,
    line: usize,
    /// Where the current line starts, in bytes read.
    line_start: u64,
    hash: std::hash::DefaultHasher,
    too_large: bool,
    error: Option<io::Error>,
    /// One record (or head value) cut out of the file, reused.
    part: Vec<u8>,
}

impl<R: Read> Scan<R> {
    fn new(input: R) -> Scan<R> {
        Scan {
            input,
            buf: vec![0; 64 * 1024].into_boxed_slice(),
            at: 0,
            len: 0,
            read: 0,
            line: 1,
            line_start: 0,
            hash: std::hash::DefaultHasher::new(),
            too_large: false,
            error: None,
            part: Vec::new(),
        }
    }

    /// The next byte without taking it; `None` at the end (or when the
    /// file cannot be read further, which `error` and `too_large` say).
    fn peek(&mut self) -> Option<u8> {
        if self.at == self.len {
            if self.error.is_some() || self.too_large {
                return None;
            }
            let n = loop {
                match self.input.read(&mut self.buf) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.error = Some(e);
                        return None;
                    }
                }
            };
            self.hash.write(&self.buf[..n]);
            self.read += n as u64;
            if self.read > MAX_EXPORT_FILE {
                self.too_large = true;
                return None;
            }
            self.at = 0;
            self.len = n;
            if n == 0 {
                return None;
            }
        }
        Some(self.buf[self.at])
    }

    fn take(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        if b == b'\n' {
            self.line += 1;
            self.line_start = self.read - (self.len - self.at) as u64;
        }
        Some(b)
    }

    /// Line and column (from 1) of the next byte.
    fn place(&mut self) -> (usize, usize) {
        self.peek();
        let here = self.read - (self.len - self.at) as u64;
        let col = usize::try_from(here - self.line_start).unwrap_or(usize::MAX);
        (self.line, col + 1)
    }

    /// Skips white space; the next byte.
    fn space(&mut self) -> Option<u8> {
        while let Some(b) = self.peek() {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.take();
        }
        None
    }

    fn expect(&mut self, wanted: u8) -> Result<(), Lost> {
        match self.space() {
            Some(b) if b == wanted => {
                self.take();
                Ok(())
            }
            _ => Err(Lost),
        }
    }

    /// Cuts one JSON value out of the file into `part`: an object or array
    /// to its matching end, a string to its closing quote, anything else
    /// to the next delimiter. Its inside is serde_json's to judge.
    fn value(&mut self) -> Result<(), Lost> {
        self.part.clear();
        let first = self.space().ok_or(Lost)?;
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        loop {
            let b = match self.peek() {
                Some(b) => b,
                None if depth == 0 && !in_string && !self.part.is_empty() => return Ok(()),
                None => return Err(Lost),
            };
            if depth == 0
                && !in_string
                && !self.part.is_empty()
                && !matches!(first, b'{' | b'[' | b'"')
                && matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
            {
                return Ok(());
            }
            self.take();
            if self.part.len() >= MAX_PART {
                return Err(Lost);
            }
            self.part.push(b);
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                if !in_string && depth == 0 {
                    return Ok(());
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.checked_sub(1).ok_or(Lost)?;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
    }

    /// The whole file: an object whose `records` array is handed out a
    /// record at a time to `each` (index, place, bytes); every other member
    /// is kept, as JSON text, for [`record::head`].
    fn export(&mut self, each: &mut OnRecord) -> Result<String, Lost> {
        if self.peek() == Some(BOM[0]) {
            for b in BOM {
                if self.take() != Some(b) {
                    return Err(Lost);
                }
            }
        }
        self.expect(b'{')?;
        let mut head = String::from("{");
        let mut index = 0;
        if self.space() == Some(b'}') {
            self.take();
        } else {
            loop {
                self.value()?;
                let key: String = serde_json::from_slice(&self.part).map_err(|_| Lost)?;
                if head.len() > 1 {
                    head.push(',');
                }
                head.push_str(std::str::from_utf8(&self.part).map_err(|_| Lost)?);
                head.push(':');
                self.expect(b':')?;
                if key == "records" && self.space() == Some(b'[') {
                    self.take();
                    self.records(&mut index, each)?;
                    head.push_str("[]");
                } else {
                    self.value()?;
                    if head.len() + self.part.len() > MAX_PART {
                        return Err(Lost);
                    }
                    head.push_str(std::str::from_utf8(&self.part).map_err(|_| Lost)?);
                }
                match self.space() {
                    Some(b',') => {
                        self.take();
                    }
                    Some(b'}') => {
                        self.take();
                        break;
                    }
                    _ => return Err(Lost),
                }
            }
        }
        head.push('}');
        match self.space() {
            None if self.error.is_none() && !self.too_large => Ok(head),
            _ => Err(Lost),
        }
    }

    /// The records, after the `[` that opens them, through the `]`.
    fn records(&mut self, index: &mut usize, each: &mut OnRecord) -> Result<(), Lost> {
        if self.space() == Some(b']') {
            self.take();
            return Ok(());
        }
        loop {
            self.space();
            let at = self.place();
            self.value()?;
            each(*index, at, &self.part);
            *index += 1;
            match self.space() {
                Some(b',') => {
                    self.take();
                }
                Some(b']') => {
                    self.take();
                    return Ok(());
                }
                _ => return Err(Lost),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Cut = (usize, (usize, usize), String);

    fn scan(text: &[u8]) -> (Result<String, ()>, Vec<Cut>) {
        let mut seen = Vec::new();
        let mut scan = Scan::new(text);
        let head = scan
            .export(&mut |i, at, bytes| {
                seen.push((i, at, String::from_utf8_lossy(bytes).into_owned()));
            })
            .map_err(|_| ());
        (head, seen)
    }

    #[test]
    fn records_are_cut_out_one_at_a_time_and_placed() {
        let text = b"\xEF\xBB\xBF{\"format\":\"x\",\n \"records\":[\n{\"a\":\"}\\\"]\"},\n  {\"b\":[1,{}]}\n],\"version\":1}\n";
        let (head, seen) = scan(text);
        assert_eq!(
            head.unwrap(),
            "{\"format\":\"x\",\"records\":[],\"version\":1}"
        );
        assert_eq!(
            seen,
            vec![
                (0, (3, 1), "{\"a\":\"}\\\"]\"}".to_string()),
                (1, (4, 3), "{\"b\":[1,{}]}".to_string()),
            ]
        );
        let (head, seen) = scan(b"{\"records\":[], \"n\": -1.5e3 }");
        assert_eq!(head.unwrap(), "{\"records\":[],\"n\":-1.5e3}");
        assert!(seen.is_empty());
        let (_, seen) = scan(b"{\"records\":[1, true ,\"x\"]}");
        let values: Vec<&str> = seen.iter().map(|(_, _, v)| v.as_str()).collect();
        assert_eq!(values, ["1", "true", "\"x\""]);
    }

    #[test]
    fn what_the_scanner_cannot_follow_is_left_to_serde() {
        for broken in [
            &b"[]"[..],
            b"{\"records\":[{}",
            b"{\"records\":[{},]}",
            b"{\"records\":[{}] x}",
            b"{\"a\" 1}",
            b"{\"a\":1,}",
            b"{} {}",
            b"",
            b"{\"records\":[{}]}]",
        ] {
            assert!(
                scan(broken).0.is_err(),
                "{}",
                String::from_utf8_lossy(broken)
            );
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped_for_serde_too() {
        let mut out = String::new();
        SkipBom::new(&b"\xEF\xBB\xBF{}"[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "{}");
        let mut out = String::new();
        SkipBom::new(&b"{}"[..]).read_to_string(&mut out).unwrap();
        assert_eq!(out, "{}");
    }
}
