//! Usage errors in the reader's language: clap writes them in English.

use std::ffi::OsString;

use super::localise;
use crate::i18n::{self, Lang};

/// A command line that does not say what to run, said in the reader's
/// language as clap would: what is wrong, the usage, where to read more.
/// It is bad input.
#[derive(Debug)]
pub struct Usage(pub String);

/// What a command line that gave no command to run says, in `lang`: help
/// or the version to show, or a usage error, each naming the commands and
/// options as they were typed.
pub(super) fn said(args: &[OsString], lang: Lang) -> Result<String, Usage> {
    let typed = super::typed::as_typed(super::command(lang), args);
    match typed.clone().try_get_matches_from(args) {
        Err(err) => outcome(&err, &typed, lang),
        // Named as typed, the line means what it meant: it cannot pass.
        Ok(_) => Err(Usage(format!(
            "{}: {}\n",
            i18n::CLAP_ERROR.get(lang),
            i18n::CLAP_WRONG.get(lang)
        ))),
    }
}

/// What a parse that gave no command says: help or the version to show,
/// or a usage error.
fn outcome(err: &clap::Error, cmd: &clap::Command, lang: Lang) -> Result<String, Usage> {
    use clap::error::ErrorKind as K;
    let styled = console::colors_enabled();
    let rendered = |err: &clap::Error| {
        let r = err.render();
        let text = if styled {
            r.ansi().to_string()
        } else {
            r.to_string()
        };
        placeholders(&text, lang)
    };
    let ended = |mut s: String| {
        if !s.ends_with('\n') {
            s.push('\n');
        }
        s
    };
    match err.kind() {
        K::DisplayHelp | K::DisplayVersion => Ok(ended(rendered(err))),
        K::DisplayHelpOnMissingArgumentOrSubcommand => Err(Usage(ended(rendered(err)))),
        _ => Err(Usage(usage_error(err, cmd, lang))),
    }
}

/// Why our own value parsers refuse a value; said in the reader's
/// language by the usage error.
#[derive(Debug)]
pub enum Refused {
    NotANumber,
    /// Outside this range (both ends included).
    OutOfRange(u64, u64),
}

/// Only shown where no usage error says it in the reader's language.
impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&refused(self, Lang::default()))
    }
}

impl std::error::Error for Refused {}

/// Why a value was refused, in `lang`: our parsers give an
/// [`i18n::Phrase`] or a [`Refused`], clap's number parsers English.
fn refused(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(phrase) = e.downcast_ref::<i18n::Phrase>() {
        return phrase.said(lang);
    }
    if e.is::<std::num::ParseIntError>() {
        return i18n::CLAP_NOT_A_NUMBER.get(lang).to_string();
    }
    match e.downcast_ref::<Refused>() {
        Some(Refused::NotANumber) => i18n::CLAP_NOT_A_NUMBER.get(lang).to_string(),
        Some(Refused::OutOfRange(min, max)) => i18n::CLAP_OUT_OF_RANGE.with(
            lang,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        None => e.to_string(),
    }
}

/// clap's fixed English words in usage lines, in `lang`.
pub(super) fn placeholders(text: &str, lang: Lang) -> String {
    text.replace("Usage:", &format!("{}:", i18n::CLAP_USAGE.get(lang)))
        .replace(
            "[OPTIONS]",
            &format!("[{}]", i18n::CLAP_OPTIONS.get(lang).to_uppercase()),
        )
}

/// A usage error in `lang`, in clap's shape: what was wrong, the valid
/// values and a suggestion when there are, the usage line, what to do,
/// and where to read more.
fn usage_error(err: &clap::Error, cmd: &clap::Command, lang: Lang) -> String {
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let mut text = what_was_wrong(err, lang);
    let valid: Vec<String> = many(err, C::ValidValue)
        .iter()
        .map(|v| localise::value_anywhere(cmd, v, lang))
        .collect();
    if !valid.is_empty() {
        text.push_str(&format!(
            "\n  [{}: {}]",
            i18n::CLAP_POSSIBLE.get(lang),
            valid.join(", ")
        ));
    }
    let valid = many(err, C::ValidSubcommand);
    if !valid.is_empty() {
        text.push_str(&format!(
            "\n  [{}: {}]",
            i18n::CLAP_COMMANDS.get(lang).to_lowercase(),
            valid.join(", ")
        ));
    }
    let suggested: Vec<String> = [C::SuggestedSubcommand, C::SuggestedArg, C::SuggestedValue]
        .into_iter()
        .flat_map(|kind| many(err, kind))
        .collect();
    if !suggested.is_empty() {
        let list = suggested.join("', '");
        text.push_str("\n\n  ");
        text.push_str(&i18n::CLAP_DID_YOU_MEAN.with(lang, &[("value", &list)]));
    }
    let mut path = String::from("driehoek");
    if let Some(V::StyledStr(usage)) = err.get(C::Usage) {
        let usage = placeholders(&usage.to_string(), lang);
        text.push_str("\n\n");
        text.push_str(&usage);
        // The command the usage is of: its words before the first option.
        let words = usage.split_whitespace().skip(2);
        for word in words.take_while(|w| {
            !w.starts_with('-') && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        }) {
            path.push(' ');
            path.push_str(word);
        }
    }
    // A note's id left out: where the ids are to be found.
    let note_ids = ["<ID>", "<A>", "<B>"];
    if err.kind() == K::MissingRequiredArgument
        && many(err, C::InvalidArg)
            .iter()
            .any(|m| note_ids.contains(&m.as_str()))
    {
        text.push_str("\n\n");
        text.push_str(i18n::HINT_NOTE_IDS.get(lang));
    }
    let more = i18n::CLAP_MORE.with(lang, &[("command", &path)]);
    format!("{}: {text}\n\n{more}\n", i18n::CLAP_ERROR.get(lang))
}

/// What clap found wrong, in `lang`, naming the argument and the value.
fn what_was_wrong(err: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as C, ErrorKind as K};
    let arg = one(err, C::InvalidArg);
    let value = match err.kind() {
        K::InvalidSubcommand => one(err, C::InvalidSubcommand),
        K::UnknownArgument => arg.clone(),
        _ => one(err, C::InvalidValue),
    };
    // What is named in `extra` is said instead of the argument or value.
    let say = |msg: i18n::Msg, extra: &[(&str, &str)]| {
        let mut all = extra.to_vec();
        all.extend([("arg", arg.as_str()), ("value", value.as_str())]);
        msg.with(lang, &all)
    };
    match err.kind() {
        K::InvalidSubcommand => say(i18n::CLAP_UNKNOWN_COMMAND, &[]),
        K::UnknownArgument => say(i18n::CLAP_UNKNOWN_ARG, &[]),
        K::InvalidValue if value.is_empty() => say(i18n::CLAP_NO_VALUE, &[]),
        K::InvalidValue => say(i18n::CLAP_BAD_VALUE, &[]),
        K::ValueValidation => {
            let why = std::error::Error::source(err).map(|e| refused(e, lang));
            let mut text = say(i18n::CLAP_BAD_VALUE, &[]);
            if let Some(why) = why {
                text.push_str(": ");
                text.push_str(&why);
            }
            text
        }
        K::MissingRequiredArgument => {
            let missing = many(err, C::InvalidArg);
            let head = i18n::CLAP_MISSING.with(lang, missing.len(), &[]);
            format!("{head}\n  {}", missing.join("\n  "))
        }
        K::MissingSubcommand => {
            // clap names no command when the tool itself needs one.
            let of = Some(one(err, C::InvalidSubcommand)).filter(|c| !c.is_empty());
            let of = of.unwrap_or_else(|| "driehoek".to_string());
            say(i18n::CLAP_NEEDS_COMMAND, &[("arg", &of)])
        }
        K::ArgumentConflict => {
            let prior = many(err, C::PriorArg);
            if prior.is_empty() || prior == [arg.clone()] {
                say(i18n::CLAP_TWICE, &[])
            } else {
                say(i18n::CLAP_CONFLICT, &[("other", &prior.join("', '"))])
            }
        }
        K::TooManyValues => say(i18n::CLAP_TOO_MANY, &[]),
        K::TooFewValues | K::WrongNumberOfValues => say(i18n::CLAP_COUNT, &[]),
        K::NoEquals => say(i18n::CLAP_NO_EQUALS, &[]),
        K::InvalidUtf8 => i18n::CLAP_NOT_TEXT.get(lang).to_string(),
        _ => i18n::CLAP_WRONG.get(lang).to_string(),
    }
}

/// One value clap put beside its error.
fn one(err: &clap::Error, kind: clap::error::ContextKind) -> String {
    use clap::error::ContextValue as V;
    match err.get(kind) {
        Some(V::String(s)) => s.clone(),
        Some(V::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The values clap put beside its error.
fn many(err: &clap::Error, kind: clap::error::ContextKind) -> Vec<String> {
    use clap::error::ContextValue as V;
    match err.get(kind) {
        Some(V::Strings(list)) => list.clone(),
        Some(V::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}
