//! The ways a run can end other than well, and their exit codes.

use std::fmt;

use crate::i18n::{self, Lang};

/// Exit codes, as documented in `--help` and the README.
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_CANCELLED: u8 = 130;

/// The person stopped the walk (Ctrl-C, Esc at the end); nothing was saved.
#[derive(Debug)]
pub struct Cancelled;

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for Cancelled {}

/// Input that the person can fix: a wrong id, a bad file, a missing option.
#[derive(Debug)]
pub struct BadInput(pub String);

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// Shorthand for failing with bad input.
pub fn bad_input(msg: impl Into<String>) -> anyhow::Error {
    BadInput(msg.into()).into()
}

/// The exit code an error ends the run with.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<Cancelled>() {
            return EXIT_CANCELLED;
        }
        if cause.is::<BadInput>() || cause.is::<crate::domain::problem::Problems>() {
            return EXIT_USAGE;
        }
    }
    EXIT_FAILURE
}

/// "cannot read {path}" and its kin, in the reader's language.
pub fn about_path(msg: i18n::Msg, path: &std::path::Path) -> String {
    msg.with(i18n::current(), &[("path", &path.display().to_string())])
}

/// The error as the reader should see it: each cause in the chain in
/// `lang`, joined by ": ". What the operating system and the TOML parser
/// say comes in English; here it is said again in the reader's language.
pub fn describe(err: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            io_text(io, lang)
        } else if let Some(toml) = cause.downcast_ref::<toml::de::Error>() {
            crate::domain::problem::toml_text(toml.message(), lang)
        } else if cause.is::<std::string::FromUtf8Error>() {
            i18n::IO_NOT_TEXT.get(lang).to_string()
        } else {
            cause.to_string()
        };
        // A cause that repeats what the last one said adds nothing.
        if parts.last().is_none_or(|last| !last.ends_with(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

/// What went wrong with a file, in the reader's words: no "os error 21".
pub fn io_text(err: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let msg = match err.kind() {
        K::NotFound => i18n::IO_NOT_FOUND,
        K::PermissionDenied => i18n::IO_DENIED,
        K::IsADirectory => i18n::IO_IS_DIR,
        K::NotADirectory => i18n::IO_NOT_DIR,
        K::StorageFull => i18n::IO_FULL,
        K::AlreadyExists => i18n::IO_EXISTS,
        K::ReadOnlyFilesystem => i18n::IO_READ_ONLY,
        K::QuotaExceeded => i18n::IO_QUOTA,
        K::FileTooLarge => i18n::IO_TOO_LARGE,
        K::BrokenPipe => i18n::IO_BROKEN_PIPE,
        K::InvalidData => i18n::IO_NOT_TEXT,
        _ => {
            return match err.raw_os_error() {
                Some(code) => i18n::IO_OTHER.with(lang, &[("code", &code.to_string())]),
                None => i18n::IO_UNKNOWN.get(lang).to_string(),
            };
        }
    };
    msg.get(lang).to_string()
}

/// Whether the run ended because the reader of its output went away
/// (`driehoek list | head`): then there is no one left to tell.
pub fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
