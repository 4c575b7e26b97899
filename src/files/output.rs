//! Where an export writes, and what it may replace. Every command that
//! writes a file a person asked for (`-o`) follows these rules, so a file
//! named after a note is found the same way everywhere, and no export
//! ever destroys a file the person did not mean:
//!
//! - a folder as `-o` gets `<id>-<title-slug>.<ext>` inside it, as `cp`
//!   treats a folder;
//! - the file named (or so made) is replaced only with `--force` or after
//!   a yes in a terminal, and only when it is a regular file (or a link to
//!   one, which stays a link);
//! - a file beside it that the person did not name (the SVG) is written
//!   only where no file has its name, or where driehoek wrote it before.

use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::{SayAbout, bad_input, cancelled_saying};
use crate::i18n::{self, Lang};
use crate::store::write_export;

/// The most characters of a title in a file name.
const SLUG_CHARS: usize = 40;

/// A title as part of a file name: lower-case ASCII letters and digits
/// joined by `-`, accents dropped, at most 40 characters, cut between
/// words where it can be. Empty when nothing of the title is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let ascii = plain(c);
        if ascii.is_empty() {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(ascii);
        }
    }
    if out.len() > SLUG_CHARS {
        let cut = &out[..=SLUG_CHARS];
        let end = match cut.rfind('-') {
            Some(at) if at >= SLUG_CHARS / 2 => at,
            _ => SLUG_CHARS,
        };
        out.truncate(end);
    }
    out.trim_end_matches('-').to_string()
}

/// A lower-case letter as plain ASCII (`é` → `e`, `ĳ` → `ij`); empty for
/// what is not a letter or digit.
fn plain(c: char) -> &'static str {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if let Some(at) = LETTERS.find(c) {
        return &LETTERS[at..at + 1];
    }
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì'..='ï' | 'ī' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ñ' | 'ń' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'š' | 'ś' | 'ş' => "s",
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ž' | 'ź' | 'ż' => "z",
        _ => "",
    }
}

/// The file name of a note's export: `<id>-<title-slug>.<ext>`, or
/// `<id>.<ext>` when the title gives no slug.
pub fn file_name(id: &str, title: &str, ext: &str) -> String {
    match slug(title) {
        s if s.is_empty() => format!("{id}.{ext}"),
        s => format!("{id}-{s}.{ext}"),
    }
}

/// Where `-o PATH` puts a note's document: inside PATH when it is a
/// folder (or ends in `/`, and is then made, private), else PATH itself.
pub fn document_path(path: &Path, id: &str, title: &str, ext: &str) -> Result<PathBuf> {
    let folder_meant = path.as_os_str().as_encoded_bytes().ends_with(b"/");
    if folder_meant && !path.exists() {
        crate::store::make_private_dir(path)?;
    }
    if path.is_dir() {
        Ok(path.join(file_name(id, title, ext)))
    } else {
        Ok(path.to_path_buf())
    }
}

/// What is at a path a file is to be written to.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    Nothing,
    /// A regular file, or a link to one.
    File,
    /// A device, a FIFO, a folder, a socket, a link to one or a broken
    /// link: never written to.
    Other,
}

pub fn found(path: &Path) -> Result<Found> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(Found::File),
        Ok(_) => Ok(Found::Other),
        // A link that leads nowhere is something, not nothing.
        Err(e) if e.kind() == ErrorKind::NotFound && fs::symlink_metadata(path).is_err() => {
            Ok(Found::Nothing)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(Found::Other),
        Err(e) => Err(e).about(i18n::ERR_CANNOT_READ, path),
    }
}

/// How a file the person named may be written.
#[derive(Debug, PartialEq, Eq)]
pub enum Permit {
    /// Nothing is there: create it, never replacing what appears meanwhile.
    New,
    /// A file is there and may be replaced.
    Replace,
}

/// Checks a file the person named (or a folder's file made for them):
/// nothing there, or a regular file they agree to replace, with `force`
/// or a yes to the question `ask` puts to them (`None`: there is no
/// terminal to ask in).
pub fn permit(
    path: &Path,
    force: bool,
    lang: Lang,
    ask: impl FnOnce(&str) -> Result<Option<bool>>,
) -> Result<Permit> {
    let shown = path.display().to_string();
    match found(path)? {
        Found::Nothing => Ok(Permit::New),
        Found::Other => Err(bad_input(
            i18n::ERR_NOT_A_FILE.with(lang, &[("path", &shown)]),
        )),
        Found::File if force => Ok(Permit::Replace),
        Found::File => match ask(&i18n::CONFIRM_REPLACE.with(lang, &[("path", &shown)]))? {
            Some(true) => Ok(Permit::Replace),
            Some(false) => Err(cancelled_saying(
                i18n::REPLACE_DECLINED.with(lang, &[("path", &shown)]),
            )),
            None => Err(bad_input(
                i18n::ERR_FILE_EXISTS.with(lang, &[("path", &shown)]),
            )),
        },
    }
}

/// Whether a file the person did not name (the SVG beside a document) may
/// be written at `path`: nothing is there, or a regular file that begins
/// with `mark` within its first bytes (driehoek wrote it).
pub fn may_write_beside(path: &Path, mark: &str) -> Result<bool> {
    Ok(match found(path)? {
        Found::Nothing => true,
        Found::Other => false,
        Found::File => {
            let mut head = Vec::with_capacity(256);
            fs::File::open(path)
                .and_then(|f| f.take(256).read_to_end(&mut head))
                .about(i18n::ERR_CANNOT_READ, path)?;
            String::from_utf8_lossy(&head).contains(mark)
        }
    })
}

/// Writes an export whole and private (`0600`). Replacing a link to a
/// file writes the file it leads to, and the link stays.
pub fn write(path: &Path, text: &str, permit: Permit) -> Result<()> {
    let target = match permit {
        Permit::Replace if fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) => {
            fs::canonicalize(path).about(i18n::ERR_CANNOT_READ, path)?
        }
        _ => path.to_path_buf(),
    };
    write_export(&target, text.as_bytes(), permit == Permit::Replace)
        .about(i18n::ERR_CANNOT_WRITE, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_short_plain_ascii() {
        assert_eq!(slug("Drie zakken post"), "drie-zakken-post");
        assert_eq!(
            slug("  Één café, één ĳsje — 18+!  "),
            "een-cafe-een-ijsje-18"
        );
        assert_eq!(slug("😀 ✓"), "");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        let long = slug("Mantelzorger zonder huurcontract dreigt zijn woning te verliezen");
        assert_eq!(long, "mantelzorger-zonder-huurcontract-dreigt");
        assert!(slug(&"x".repeat(100)).len() == 40);
        assert_eq!(
            file_name("ab12cd", "Drie zakken post", "md"),
            "ab12cd-drie-zakken-post.md"
        );
        assert_eq!(file_name("ab12cd", "", "md"), "ab12cd.md");
    }

    #[test]
    fn a_slug_is_always_a_safe_name() {
        proptest::proptest!(|(title in "\\PC{0,80}")| {
            let s = slug(&title);
            proptest::prop_assert!(s.len() <= SLUG_CHARS);
            proptest::prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            proptest::prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
        });
    }

    #[test]
    fn what_is_at_a_path_is_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        fs::write(&file, "x").unwrap();
        let link = dir.path().join("link.md");
        crate::sys::symlink(&file, &link).unwrap();
        let dangling = dir.path().join("weg.md");
        crate::sys::symlink(&dir.path().join("nergens"), &dangling).unwrap();
        assert_eq!(found(&dir.path().join("nieuw.md")).unwrap(), Found::Nothing);
        assert_eq!(found(&file).unwrap(), Found::File);
        assert_eq!(found(&link).unwrap(), Found::File);
        assert_eq!(found(&dangling).unwrap(), Found::Other);
        assert_eq!(found(Path::new("/dev/null")).unwrap(), Found::Other);
        assert_eq!(found(dir.path()).unwrap(), Found::Other);
        assert!(may_write_beside(&dir.path().join("b.svg"), "<!-- mark").unwrap());
        fs::write(dir.path().join("b.svg"), "<?xml?>\n<!-- mark -->").unwrap();
        assert!(may_write_beside(&dir.path().join("b.svg"), "<!-- mark").unwrap());
        assert!(!may_write_beside(&file, "<!-- mark").unwrap());
        assert!(!may_write_beside(Path::new("/dev/null"), "<!-- mark").unwrap());
    }
}
