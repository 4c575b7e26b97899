//! The notes themselves: create, read, update (keeping the old version),
//! and the text of a note file.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::file::{is_not_found, read_bytes, read_text};
use super::ids::new_id;
use super::{Broken, MAX_NOTE_FILE, Store, make_private_dir};
use crate::domain::note::{CaseNote, NOTE_FORMAT};
use crate::domain::problem::Problem;
use crate::error::{SayAbout, about_path, bad_input, failure, said_over};
use crate::i18n::{self, Phrase};

/// The note an edit began from has changed since (another edit saved
/// first); `now` is the fingerprint of the note as it is now.
#[derive(Debug)]
pub struct NoteChanged {
    pub now: String,
}

impl std::fmt::Display for NoteChanged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the note changed since the edit began")
    }
}

impl std::error::Error for NoteChanged {}

/// The note an edit or a draft belongs to is gone (purged or trashed).
#[derive(Debug)]
pub struct NoteGone;

impl std::fmt::Display for NoteGone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the note is gone")
    }
}

impl std::error::Error for NoteGone {}

impl Store {
    /// Saves an edited note. The version it replaces is kept in the note's
    /// history first, so an edit never destroys anything. With `base` (the
    /// [`fingerprint`] of the note the edit began from), a note that
    /// changed meanwhile is left alone: [`NoteChanged`]. A note that is
    /// gone is [`NoteGone`]. Both are checked under the lock.
    pub fn update(&self, note: &CaseNote, base: Option<&str>) -> Result<()> {
        let text = to_text(note)?;
        check_size(&text)?;
        let _lock = self.lock()?;
        let path = self.path_of(&note.id);
        if self.purging(&note.id) {
            return Err(NoteGone.into());
        }
        let old = match read_bytes(&path) {
            Err(e) if is_not_found(&e) => return Err(NoteGone.into()),
            other => other?,
        };
        if let Some(base) = base
            && fingerprint(&old) != base
        {
            return Err(NoteChanged {
                now: fingerprint(&old),
            }
            .into());
        }
        let previous = parse_note(
            std::str::from_utf8(&old).with_context(|| path.display().to_string())?,
            &path,
        )?;
        let history = self.real_history_dir(&note.id)?;
        make_private_dir(&history)?;
        let stamp = previous.updated.strftime("%Y%m%dT%H%M%SZ").to_string();
        let mut kept = history.join(format!("{stamp}.toml"));
        for n in 2.. {
            match self.write(&kept, &old, false) {
                // A run killed after keeping this version, before writing
                // the note, kept it already: once is enough.
                Err(e)
                    if e.kind() == std::io::ErrorKind::AlreadyExists
                        && read_bytes(&kept).is_ok_and(|kept| kept == old) =>
                {
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    kept = history.join(format!("{stamp}-{n}.toml"));
                }
                other => {
                    other.about(i18n::ERR_CANNOT_KEEP_OLD, &history)?;
                    break;
                }
            }
        }
        self.write(&path, text.as_bytes(), true)
            .about(i18n::ERR_CANNOT_WRITE, &path)
    }

    /// A note and the [`fingerprint`] of its file, read in one go: an edit
    /// begins from these.
    pub fn load_with_fingerprint(&self, id: &str) -> Result<(CaseNote, String)> {
        self.load_for_upgrade(id)
            .map(|(note, base, _)| (note, base))
    }

    /// A note, its fingerprint, and what reading it from an older format
    /// changed (nothing for a note of today's format).
    pub fn load_for_upgrade(
        &self,
        id: &str,
    ) -> Result<(CaseNote, String, Vec<crate::domain::migrate::Change>)> {
        let path = self.path_of(id);
        let bytes = read_bytes(&path)?;
        let (note, changes) = self.named_by_file(id, &bytes, &path)?;
        Ok((note, fingerprint(&bytes), changes))
    }

    /// The note in `bytes`, read from the file of note `id`: the id
    /// inside must be the file's name, so a copied or tampered file can
    /// never pass for another note (or name where an export writes).
    /// Says too what reading it from an older format changed.
    fn named_by_file(
        &self,
        id: &str,
        bytes: &[u8],
        path: &Path,
    ) -> Result<(CaseNote, Vec<crate::domain::migrate::Change>)> {
        let text = std::str::from_utf8(bytes).with_context(|| path.display().to_string())?;
        let (note, changes) = parse_note_with_changes(text, path)?;
        if note.id != id {
            let file = path.display().to_string();
            return Err(failure(Phrase::new(
                i18n::ERR_ID_NOT_FILE_NAME,
                &[("file", &file), ("inner", &note.id), ("id", id)],
            )));
        }
        Ok((note, changes))
    }

    /// The kept versions of a note, oldest first.
    pub fn history(&self, id: &str) -> Vec<PathBuf> {
        // A link in history/ is never followed: its versions are none.
        let Ok(dir) = self.real_history_dir(id) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = fs::read_dir(dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Saves a new note under a fresh id (written into `note.id`). Never
    /// overwrites: should two writers pick the same id, one picks again.
    pub fn create(&self, note: &mut CaseNote) -> Result<()> {
        for _ in 0..32 {
            note.id = new_id();
            let text = to_text(note)?;
            check_size(&text)?;
            match self.write(&self.path_of(&note.id), text.as_bytes(), false) {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                other => {
                    return other.about(i18n::ERR_CANNOT_WRITE, &self.notes_dir());
                }
            }
        }
        Err(failure(Phrase::new(i18n::ERR_NO_FREE_ID, &[])))
    }

    /// Note `id`, from its file; the id inside must be the file's name.
    pub fn load(&self, id: &str) -> Result<CaseNote> {
        let path = self.path_of(id);
        self.named_by_file(id, &read_bytes(&path)?, &path)
            .map(|(note, _)| note)
    }

    /// Every readable note, newest first, and the files that are broken.
    pub fn all(&self) -> Result<(Vec<CaseNote>, Vec<Broken>)> {
        let (mut notes, broken) = self.load_many(self.ids()?);
        notes.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
        Ok((notes, broken))
    }

    /// Reads notes on every core: parsing is what reading many notes costs.
    pub fn load_many(&self, ids: Vec<String>) -> (Vec<CaseNote>, Vec<Broken>) {
        let results = crate::par::map(&ids, 64, |id| (id.clone(), self.load(id)));
        let mut notes = Vec::with_capacity(results.len());
        let mut broken = Vec::new();
        for (id, result) in results {
            match result {
                Ok(n) => notes.push(n),
                Err(error) => broken.push(Broken {
                    path: self.path_of(&id),
                    error,
                }),
            }
        }
        (notes, broken)
    }
}

/// A note as its file holds it; never larger than [`read_note`] accepts,
/// measured after serialising (escapes make text grow).
pub fn to_text(note: &CaseNote) -> Result<String> {
    let body = toml::to_string_pretty(note).said(|| Phrase::new(i18n::ERR_NOT_A_NOTE, &[]))?;
    let text = format!(
        "# driehoek case note {}: readable by you alone; keep it pseudonymous.\n{body}",
        note.id
    );
    Ok(text)
}

/// Refuses a note or draft its reader would refuse.
pub(super) fn check_size(text: &str) -> Result<()> {
    if text.len() as u64 > MAX_NOTE_FILE {
        let (size, max) = (text.len().to_string(), MAX_NOTE_FILE.to_string());
        return Err(bad_input(Phrase::new(
            i18n::ERR_NOTE_TOO_LARGE,
            &[("size", &size), ("max", &max)],
        )));
    }
    Ok(())
}

/// A short fingerprint of a file's bytes (64-bit FNV-1a, in hex): enough
/// to see that a note changed since an edit began.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Reads one note file, checking its size and format version first.
pub fn read_note(path: &Path) -> Result<CaseNote> {
    parse_note(&read_text(path)?, path)
}

/// Reads a note's text, checking its format version first; `path` names
/// it in messages.
pub fn parse_note(text: &str, path: &Path) -> Result<CaseNote> {
    parse_note_with_changes(text, path).map(|(note, _)| note)
}

/// Like [`parse_note`], and says what reading an older format changed.
pub fn parse_note_with_changes(
    text: &str,
    path: &Path,
) -> Result<(CaseNote, Vec<crate::domain::migrate::Change>)> {
    // The common case in one pass; the slower generic read below only
    // explains what is wrong (a newer format first of all).
    if let Ok(mut note) = toml::from_str::<CaseNote>(text)
        && note.format == NOTE_FORMAT
    {
        let changes = crate::domain::migrate::set2(&note.set, note.set_version, &mut note.answers);
        return Ok((note, changes));
    }
    let table: toml::Table =
        toml::from_str(text).map_err(|e| toml_error(path, text, &e, i18n::ERR_NOT_A_NOTE))?;
    let format = table.get("format").and_then(toml::Value::as_integer);

    let mut table = table;
    let mut changes = Vec::new();
    match format {
        // Release 1 wrote format 1: read it in today's shape.
        Some(1) => changes = crate::domain::migrate::format1(&mut table),
        Some(f) if f > i64::from(NOTE_FORMAT) => {
            let (file, found) = (path.display().to_string(), f.to_string());
            return Err(bad_input(Phrase::new(
                i18n::ERR_NEWER_NOTE,
                &[
                    ("file", &file),
                    ("found", &found),
                    ("known", &NOTE_FORMAT.to_string()),
                ],
            )));
        }
        Some(_) => {}
        None => return Err(failure(about_path(i18n::ERR_NO_NOTE_FORMAT, path))),
    }
    // Outcome entries of the outcome questions of version 1, in a note of
    // any format.
    changes.extend(crate::domain::migrate::outcomes_v1(&mut table));
    let mut note: CaseNote = table
        .try_into()
        .map_err(|e| toml_error(path, text, &e, i18n::ERR_NOT_A_NOTE))?;
    changes.extend(crate::domain::migrate::set2(
        &note.set,
        note.set_version,
        &mut note.answers,
    ));
    Ok((note, changes))
}

/// A TOML error in a store file, at its file:line:column: `what` says
/// what the file should have been. Both it and the parser's words are said
/// in the reader's language where the error is shown.
pub(super) fn toml_error(
    path: &Path,
    text: &str,
    err: &toml::de::Error,
    what: i18n::Msg,
) -> anyhow::Error {
    let offset = err.span().map_or(0, |s| s.start);
    let at = Problem::at(&path.display().to_string(), text, offset, None, "");
    let place = format!("{}:{}:{}", at.file, at.line, at.col);
    said_over(Phrase::new(what, &[]), err.clone()).context(place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::Kind;
    use crate::domain::answer::{Answer, Cost, Euros, Period};
    use crate::domain::bank::{Bank, DEFAULT_SET, Question};
    use crate::i18n::Lang;
    use crate::store::ids::new_id;
    use crate::store::scratch;
    use proptest::prelude::*;
    use std::time::Duration;

    /// Any valid answer to `q`.
    fn answer_to(q: &Question) -> BoxedStrategy<Answer> {
        let values: Vec<String> = q.choices.iter().map(|c| c.value.clone()).collect();
        match q.kind {
            Kind::Text => "[^\n]{1,80}".prop_map(Answer::Text).boxed(),
            Kind::Long => any::<String>().prop_map(Answer::Text).boxed(),
            Kind::Choice => proptest::sample::select(values)
                .prop_map(Answer::Choice)
                .boxed(),
            Kind::Multi => proptest::sample::subsequence(values.clone(), 1..=values.len())
                .prop_map(Answer::Multi)
                .boxed(),
            Kind::Scale => {
                let s = q.scale.as_ref().unwrap();
                (s.min..=s.max).prop_map(Answer::Scale).boxed()
            }
            Kind::Amount => (0i64..1_000_000_000_000)
                .prop_map(|c| Answer::Amount(Euros(c)))
                .boxed(),
            Kind::YesNo => any::<bool>().prop_map(Answer::YesNo).boxed(),
            Kind::Date => (1900i16..2100, 1i8..=12, 1i8..=28)
                .prop_map(|(y, m, d)| Answer::Date(jiff::civil::Date::new(y, m, d).unwrap()))
                .boxed(),
            Kind::Cost => (
                proptest::option::of(0i64..1_000_000_000_000),
                prop_oneof![
                    Just(Period::PerYear),
                    Just(Period::OneOff),
                    (1u32..=Period::MAX_YEARS).prop_map(Period::Years),
                ],
            )
                .prop_map(|(cents, period)| {
                    Answer::Cost(Cost {
                        amount: cents.map(Euros),
                        // An unknown amount has no period of its own.
                        period: if cents.is_some() {
                            period
                        } else {
                            Period::PerYear
                        },
                    })
                })
                .boxed(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Whatever a person answers, the note reads back exactly as saved.
        #[test]
        fn any_note_survives_save_and_load(
            picks in {
                let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
                set.questions.iter().map(|q| proptest::option::of(answer_to(q)).prop_map({
                    let id = q.id.clone();
                    move |a| a.map(|a| (id.clone(), a))
                })).collect::<Vec<_>>()
            },
            seconds in 0i64..4_000_000_000,
        ) {
            let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
            let answers: Vec<(String, Answer)> = picks.into_iter().flatten().map(|(id, a)| match a {
                // Text is stored trimmed, as the walk and answers files give it.
                Answer::Text(t) => (id, Answer::Text(t.trim().to_string())),
                other => (id, other),
            }).filter(|(_, a)| !matches!(a, Answer::Text(t) if t.is_empty())).collect();
            let when = jiff::Timestamp::from_second(seconds).unwrap();
            let note = CaseNote::new(new_id(), when, &set, Lang::Nl, answers);
            let text = to_text(&note).unwrap();
            let back = parse_note(&text, Path::new("x.toml")).unwrap();
            prop_assert_eq!(back, note);
        }
    }

    #[test]
    fn a_note_the_reader_would_refuse_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let set = Bank::embedded().get(DEFAULT_SET).unwrap().clone();
        // Under the limit as text, over it once escaped: \u0001 is 6 bytes.
        let answers = vec![("casus.titel".to_string(), Answer::Text("t".into()))];
        let mut note = CaseNote::new(
            String::new(),
            jiff::Timestamp::now(),
            &set,
            Lang::Nl,
            answers,
        );
        note.title = "\u{1}".repeat(1_000_000);
        let err = store.create(&mut note).unwrap_err();
        assert_eq!(
            crate::error::kind(&err),
            crate::error::Kind::BadInput,
            "{err}"
        );
        assert!(store.ids().unwrap().is_empty());
        assert!(scratch::leftovers(&store.scratch_dir(), true, Duration::ZERO).is_empty());
    }
}
