//! The ways a run can end other than well, and their exit codes.

use std::fmt;
use std::path::Path;

use crate::i18n::{self, Lang, Msg, Phrase};

/// What kind of failure ended a run. The exit code follows from the kind
/// alone, as the README's table and `--help` say; a web front end answers
/// each kind with its own status. Not found and bad input share exit
/// code 2 but differ there: a page that is not there against a request
/// to correct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The run could not do all it should: a file not read or written, a
    /// broken note, a check that found something. Also anything without
    /// a kind of its own (an operating system's error).
    Failure,
    /// Input the person can correct: an option, a value, a file they
    /// wrote, the settings, a walk with no terminal.
    BadInput,
    /// Something named that is not there: a note, a draft, a question set,
    /// a practice case.
    NotFound,
    /// The person stopped the run: Ctrl-C, Esc, a no to a question.
    Cancelled,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Failure,
        Kind::BadInput,
        Kind::NotFound,
        Kind::Cancelled,
    ];

    /// The code the run exits with.
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Failure => 1,
            Kind::BadInput | Kind::NotFound => 2,
            Kind::Cancelled => 130,
        }
    }

    /// Its name in the README's table of exit codes.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Failure => "failure",
            Kind::BadInput => "bad input",
            Kind::NotFound => "not found",
            Kind::Cancelled => "cancelled",
        }
    }
}

/// What an error says: words already in the reader's language, or a
/// [`Phrase`] from a part that does not know the reader (the store), said
/// in their language where it is shown ([`describe`]).
#[derive(Debug)]
pub enum Words {
    Said(String),
    Phrase(Phrase),
}

impl Words {
    fn said(&self, lang: Lang) -> String {
        match self {
            Words::Said(text) => text.clone(),
            Words::Phrase(phrase) => phrase.said(lang),
        }
    }
}

impl From<String> for Words {
    fn from(text: String) -> Words {
        Words::Said(text)
    }
}

impl From<&str> for Words {
    fn from(text: &str) -> Words {
        Words::Said(text.to_string())
    }
}

impl From<Phrase> for Words {
    fn from(phrase: Phrase) -> Words {
        Words::Phrase(phrase)
    }
}

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Words::Said(text) => f.write_str(text),
            Words::Phrase(phrase) => phrase.fmt(f),
        }
    }
}

/// A failure with its kind: what happened, and optionally a line on what
/// to do about it.
#[derive(Debug)]
pub struct Error {
    kind: Kind,
    message: Words,
    hint: Option<String>,
}

impl Error {
    pub fn new(kind: Kind, message: impl Into<Words>) -> Error {
        Error {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    /// The same error with a line on what to do.
    pub fn hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message.fmt(f)
    }
}

impl std::error::Error for Error {}

/// Input the person can correct.
pub fn bad_input(msg: impl Into<Words>) -> anyhow::Error {
    Error::new(Kind::BadInput, msg).into()
}

/// Something named that is not there.
pub fn not_found(msg: impl Into<Words>) -> anyhow::Error {
    Error::new(Kind::NotFound, msg).into()
}

/// The run could not do all it should.
pub fn failure(msg: impl Into<Words>) -> anyhow::Error {
    Error::new(Kind::Failure, msg).into()
}

/// The person stopped the run, where nothing more than that can be said.
pub fn cancelled() -> anyhow::Error {
    Error::new(Kind::Cancelled, String::new()).into()
}

/// The person stopped the run, and `said` tells what became of the work:
/// what was kept, what was left as it was ("Concept … bewaard",
/// "a.html is gebleven zoals het was"). The one who stopped knows.
pub fn cancelled_saying(said: impl Into<Words>) -> anyhow::Error {
    Error::new(Kind::Cancelled, said).into()
}

/// What a cancel says became of the work, in `lang`, when its maker said
/// it.
pub fn said_on_cancel(err: &anyhow::Error, lang: Lang) -> Option<String> {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<Error>())
        .find(|e| e.kind == Kind::Cancelled)
        .map(|e| e.message.said(lang))
        .filter(|m| !m.is_empty())
}

/// The kind of `err`: that of the outermost cause with one. Problems are
/// always in a file the person wrote; an error without a kind (the
/// operating system's, a parser's) is a failure.
pub fn kind(err: &anyhow::Error) -> Kind {
    err.chain()
        .find_map(|cause| {
            if let Some(e) = cause.downcast_ref::<Error>() {
                Some(e.kind)
            } else if cause.is::<crate::domain::problem::Problems>() {
                Some(Kind::BadInput)
            } else {
                None
            }
        })
        .unwrap_or(Kind::Failure)
}

/// Whether the person stopped the run.
pub fn is_cancelled(err: &anyhow::Error) -> bool {
    kind(err) == Kind::Cancelled
}

/// `err` with `hint` when it is of `kind` and has no hint yet: the caller
/// that knows the next step adds it to an error from below.
pub fn hinted(err: anyhow::Error, kind: Kind, hint: &str) -> anyhow::Error {
    match err.downcast::<Error>() {
        Ok(e) if e.kind == kind && e.hint.is_none() => e.hint(hint).into(),
        Ok(e) => e.into(),
        Err(err) => err,
    }
}

/// The line on what to do, from the outermost cause that has one.
pub fn hint(err: &anyhow::Error) -> Option<&str> {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<Error>())
        .find_map(|e| e.hint.as_deref())
}

/// A phrase over the error that caused it: what a part that does not know
/// the reader (the store) says about a failure, said in the reader's
/// language by [`describe`].
#[derive(Debug)]
pub struct Said {
    phrase: Phrase,
    cause: anyhow::Error,
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase.fmt(f)
    }
}

impl std::error::Error for Said {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.cause.as_ref())
    }
}

/// Says what a failure meant, over its cause: the store's way of giving an
/// error its context without knowing the reader's language.
pub trait SayAbout<T> {
    /// `phrase` over the error.
    fn said(self, phrase: impl FnOnce() -> Phrase) -> anyhow::Result<T>;

    /// "cannot read {path}" and its kin over the error.
    fn about(self, msg: Msg, path: &Path) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> SayAbout<T> for Result<T, E> {
    fn said(self, phrase: impl FnOnce() -> Phrase) -> anyhow::Result<T> {
        self.map_err(|cause| said_over(phrase(), cause))
    }

    fn about(self, msg: Msg, path: &Path) -> anyhow::Result<T> {
        self.said(|| about_path(msg, path))
    }
}

/// `phrase` over the error that caused it.
pub fn said_over(phrase: Phrase, cause: impl Into<anyhow::Error>) -> anyhow::Error {
    anyhow::Error::new(Said {
        phrase,
        cause: cause.into(),
    })
}

/// "cannot read {path}" and its kin.
pub fn about_path(msg: Msg, path: &Path) -> Phrase {
    Phrase::new(msg, &[("path", &path.display().to_string())])
}

/// The error as the reader should see it: each cause in the chain in
/// `lang`, joined by ": ". What the operating system and the TOML parser
/// say comes in English; here it is said again in the reader's language.
pub fn describe(err: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = if let Some(said) = cause.downcast_ref::<Said>() {
            said.phrase.said(lang)
        } else if let Some(e) = cause.downcast_ref::<Error>() {
            e.message.said(lang)
        } else if let Some(phrase) = cause.downcast_ref::<Phrase>() {
            phrase.said(lang)
        } else if let Some(io) = cause.downcast_ref::<std::io::Error>() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn the_kind_is_found_through_the_context_and_an_error_without_one_is_a_failure() {
        let io = anyhow::Error::new(std::io::Error::other("disk"));
        assert_eq!(kind(&io), Kind::Failure);
        let wrapped = Err::<(), _>(not_found("geen notitie"))
            .context("show")
            .unwrap_err();
        assert_eq!(kind(&wrapped), Kind::NotFound);
        let problems = crate::domain::problem::Problems::in_file("a.toml", Vec::new(), Lang::Nl);
        assert_eq!(kind(&problems.into()), Kind::BadInput);
        assert!(is_cancelled(&cancelled()));
        assert_eq!(said_on_cancel(&cancelled(), Lang::Nl), None);
        let kept = cancelled_saying("Concept x bewaard.");
        assert!(is_cancelled(&kept));
        assert_eq!(
            said_on_cancel(&kept, Lang::Nl).as_deref(),
            Some("Concept x bewaard.")
        );
    }

    #[test]
    fn a_hint_is_found_through_the_context() {
        let err = anyhow::Error::new(Error::new(Kind::BadInput, "x").hint("doe y")).context("z");
        assert_eq!(hint(&err), Some("doe y"));
        assert_eq!(hint(&bad_input("x")), None);
    }

    #[test]
    fn each_kind_has_its_own_name() {
        let names: std::collections::BTreeSet<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names.len(), Kind::ALL.len());
    }
}
