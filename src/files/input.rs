//! Reading what a person hands the tool (answers files, question sets,
//! lexicons, practice cases, the config, what an editor saved), bounded
//! while reading: a pipe, `/dev/stdin` or `/dev/zero` reports no size, so
//! the limit is counted in the bytes that arrive, never taken from the
//! file's size. Windows line endings (CRLF) read as plain newlines, so a
//! file saved by Notepad means what it means saved anywhere else.

use std::io::Read;
use std::path::Path;

use anyhow::Result;

use crate::error::bad_input;
use crate::i18n::{self, Lang};

/// The biggest file read: far above any real answers file, question set,
/// lexicon or config.
pub const MAX_INPUT_FILE: u64 = 4 * 1024 * 1024;

/// The biggest question set read: the default set is 60 KB. Every command
/// that shows a note loads the sets, so one at this limit (and within the
/// entry limits in `bank`) still loads in a few tens of milliseconds.
pub const MAX_QUESTION_SET: u64 = 512 * 1024;

/// Reads `path` as UTF-8 text of at most `limit` bytes; anything larger,
/// unreadable or not text is bad input, named with the file.
pub fn read_text(path: &Path, limit: u64, lang: Lang) -> Result<String> {
    let file = path.display().to_string();
    let cannot = |e: std::io::Error| {
        let error = crate::error::io_text(&e, lang);
        bad_input(i18n::ERR_READ.with(lang, &[("file", &file), ("error", &error)]))
    };
    let input = std::fs::File::open(path).map_err(cannot)?;
    read_from(input, &file, limit, lang)
}

/// Reads at most `limit` bytes of UTF-8 text from `input`; `file` names it.
pub fn read_from(input: impl Read, file: &str, limit: u64, lang: Lang) -> Result<String> {
    let mut bytes = Vec::new();
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            let error = crate::error::io_text(&e, lang);
            bad_input(i18n::ERR_READ.with(lang, &[("file", file), ("error", &error)]))
        })?;
    if bytes.len() as u64 > limit {
        return Err(bad_input(
            i18n::ERR_INPUT_TOO_LARGE.with(lang, &[("file", file), ("max", &limit.to_string())]),
        ));
    }
    String::from_utf8(bytes)
        .map(lf)
        .map_err(|_| bad_input(i18n::ERR_NOT_UTF8.with(lang, &[("file", file)])))
}

/// CRLF line endings as plain newlines, down to the text of a multi-line
/// answer. A lone carriage return is left for the checks that refuse
/// control characters.
pub fn lf(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_reads_as_lf_and_a_lone_cr_stays() {
        assert_eq!(lf("a\r\nb\r\n".into()), "a\nb\n");
        assert_eq!(lf("a\rb\n".into()), "a\rb\n");
        assert_eq!(lf("a\nb".into()), "a\nb");
        let read = read_from(&b"x = 1\r\ny = 2\r\n"[..], "f", 64, Lang::Nl).unwrap();
        assert_eq!(read, "x = 1\ny = 2\n");
    }

    #[test]
    fn the_limit_holds_for_endless_input_and_counts_bytes_not_sizes() {
        let endless = std::io::repeat(b'a');
        let err = read_from(endless, "/dev/zero", 1024, Lang::Nl).unwrap_err();
        assert!(err.to_string().contains("/dev/zero"), "{err}");
        assert!(err.to_string().contains("1024"), "{err}");
        let exact = read_from(&[b'a'; 1024][..], "f", 1024, Lang::En).unwrap();
        assert_eq!(exact.len(), 1024);
        let err = read_from(&[0xff, 0xfe][..], "f", 1024, Lang::En).unwrap_err();
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }

    #[test]
    fn dev_zero_is_refused_quickly() {
        let path = Path::new("/dev/zero");
        if !path.exists() {
            return;
        }
        let err = read_text(path, MAX_INPUT_FILE, Lang::Nl).unwrap_err();
        assert_eq!(crate::error::kind(&err), crate::error::Kind::BadInput);
    }
}
