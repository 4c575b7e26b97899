//! Usage errors in the reader's language: clap writes them in English.

use crate::i18n::{self, Lang};

/// A command line that does not say what to run, said in the reader's
/// language as clap would: what is wrong, the usage, where to read more.
/// It is bad input.
#[derive(Debug)]
pub struct Usage(pub String);

/// What a parse that gave no command says: help or the version to show,
/// or a usage error.
pub(super) fn outcome(err: &clap::Error, lang: Lang) -> Result<String, Usage> {
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
        _ => Err(Usage(usage_error(err, lang))),
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

/// A usage error in `lang`, in clap's shape: what was wrong, a suggestion
/// when there is one, the usage line, and where to read more.
fn usage_error(err: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let one = |kind: C| match err.get(kind) {
        Some(V::String(s)) => s.clone(),
        Some(V::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let many = |kind: C| match err.get(kind) {
        Some(V::Strings(list)) => list.clone(),
        Some(V::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = one(C::InvalidArg);
    let value = match err.kind() {
        K::InvalidSubcommand => one(C::InvalidSubcommand),
        K::UnknownArgument => arg.clone(),
        _ => one(C::InvalidValue),
    };
    let say = |msg: i18n::Msg, extra: &[(&str, &str)]| {
        let mut all = vec![("arg", arg.as_str()), ("value", value.as_str())];
        all.extend_from_slice(extra);
        msg.with(lang, &all)
    };
    let mut text = match err.kind() {
        K::InvalidSubcommand => say(i18n::CLAP_UNKNOWN_COMMAND, &[]),
        K::UnknownArgument => say(i18n::CLAP_UNKNOWN_ARG, &[]),
        K::InvalidValue if value.is_empty() => say(i18n::CLAP_NO_VALUE, &[]),
        K::InvalidValue => say(i18n::CLAP_BAD_VALUE, &[]),
        K::ValueValidation => {
            let why = std::error::Error::source(err).map(|e| {
                if let Some(phrase) = e.downcast_ref::<i18n::Phrase>() {
                    phrase.said(lang)
                } else if e.is::<std::num::ParseIntError>() {
                    // clap's own number parsers answer in English.
                    i18n::CLAP_NOT_A_NUMBER.get(lang).to_string()
                } else {
                    e.to_string()
                }
            });
            let mut text = say(i18n::CLAP_BAD_VALUE, &[]);
            if let Some(why) = why {
                text.push_str(": ");
                text.push_str(&why);
            }
            text
        }
        K::MissingRequiredArgument => {
            let missing = many(C::InvalidArg);
            let head = i18n::CLAP_MISSING.with(lang, missing.len(), &[]);
            format!("{head}\n  {}", missing.join("\n  "))
        }
        K::MissingSubcommand => say(
            i18n::CLAP_NEEDS_COMMAND,
            &[("arg", &one(C::InvalidSubcommand))],
        ),
        K::ArgumentConflict => {
            let prior = many(C::PriorArg);
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
    };
    let valid = many(C::ValidValue);
    if !valid.is_empty() {
        text.push_str(&format!(
            "\n  [{}: {}]",
            i18n::CLAP_POSSIBLE.get(lang),
            valid.join(", ")
        ));
    }
    let valid = many(C::ValidSubcommand);
    if !valid.is_empty() {
        text.push_str(&format!(
            "\n  [{}: {}]",
            i18n::CLAP_COMMANDS.get(lang).to_lowercase(),
            valid.join(", ")
        ));
    }
    let suggested: Vec<String> = [C::SuggestedSubcommand, C::SuggestedArg, C::SuggestedValue]
        .into_iter()
        .flat_map(many)
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
    let more = i18n::CLAP_MORE.with(lang, &[("command", &path)]);
    format!("{}: {text}\n\n{more}\n", i18n::CLAP_ERROR.get(lang))
}
