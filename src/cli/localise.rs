//! The command definition in the reader's language: headings, help
//! texts, placeholders, and the markers clap would write in English.

use super::english;
use crate::i18n::{self, Lang};

/// One command and, depth first, its subcommands, in `lang`.
pub(super) fn localise(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let text = |key: &str| (lang == Lang::En).then(|| english::help(key)).flatten();
    let heading = |msg: i18n::Msg| msg.get(lang);
    if let Some(t) = text(path) {
        cmd = cmd.about(t);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = text(&english::arg_key(path, &id));
        cmd = cmd.mut_arg(&id, |a| localise_arg(a, help, lang));
    }
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        heading(i18n::CLAP_USAGE)
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(heading(i18n::CLAP_COMMANDS))
        .subcommand_value_name(heading(i18n::CLAP_COMMAND_VALUE));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = english::command_key(path, &name);
        cmd = cmd.mut_subcommand(&name, |sub| localise(sub, &sub_path, lang));
    }
    cmd
}

/// One argument in `lang`: its help, its heading (global options apart),
/// its placeholder, and the default, possible values and environment
/// variable written by us, since clap writes them in English only.
fn localise_arg(mut a: clap::Arg, help: Option<&'static str>, lang: Lang) -> clap::Arg {
    let heading = if a.is_positional() {
        i18n::CLAP_ARGUMENTS
    } else if a.is_global_set() {
        i18n::CLAP_GLOBAL_OPTIONS
    } else {
        i18n::CLAP_OPTIONS
    };
    a = a.help_heading(heading.get(lang));
    if lang == Lang::Nl {
        a = dutch_name_first(a);
    }
    let mut text = help
        .map(str::to_string)
        .or_else(|| a.get_help().map(ToString::to_string))
        .unwrap_or_default();
    if !takes_value(&a) {
        return if help.is_some() { a.help(text) } else { a };
    }
    if lang == Lang::En
        && let Some(en) = a
            .get_value_names()
            .and_then(|names| names.first())
            .and_then(|name| english::value_name(name.as_str()))
    {
        a = a.value_name(en);
    }
    let possible = a.get_possible_values();
    let shown = |value: &str| value_in(&possible, value, lang);
    let mut marker = |label: i18n::Msg, value: String| {
        text.push_str(&format!(" [{}: {value}]", label.get(lang)));
    };
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| shown(&v.to_string_lossy()))
        .collect();
    if !defaults.is_empty() {
        marker(i18n::CLAP_DEFAULT, defaults.join(", "));
    }
    let values: Vec<String> = possible
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| shown(v.get_name()))
        .collect();
    if !values.is_empty() {
        marker(i18n::CLAP_POSSIBLE, values.join(", "));
    }
    if let Some(env) = a.get_env() {
        marker(i18n::CLAP_ENV, env.to_string_lossy().into_owned());
    }
    a.help(text)
        .hide_default_value(true)
        .hide_possible_values(true)
        .hide_env(true)
}

/// A value as the reader in `lang` writes it: in Dutch its alias, when
/// it has one (`tekst` for `text`).
pub(super) fn value_in(
    possible: &[clap::builder::PossibleValue],
    value: &str,
    lang: Lang,
) -> String {
    let dutch = possible
        .iter()
        .find(|v| v.get_name() == value)
        .and_then(|v| v.get_name_and_aliases().nth(1))
        .filter(|_| lang == Lang::Nl);
    dutch.unwrap_or(value).to_string()
}

/// [`value_in`] for a value of any argument of `cmd` or below.
pub(super) fn value_anywhere(cmd: &clap::Command, value: &str, lang: Lang) -> String {
    let mut stack = vec![cmd];
    while let Some(c) = stack.pop() {
        for a in c.get_arguments() {
            let possible = a.get_possible_values();
            if possible.iter().any(|v| v.get_name() == value) {
                return value_in(&possible, value, lang);
            }
        }
        stack.extend(c.get_subcommands());
    }
    value.to_string()
}

/// Whether `a` takes a value (a flag takes none).
pub(super) fn takes_value(a: &clap::Arg) -> bool {
    a.get_num_args().is_some_and(|n| n.takes_values())
        || matches!(
            a.get_action(),
            clap::ArgAction::Set | clap::ArgAction::Append
        )
}

/// `a` named by its Dutch name (by the definitions' rule, its one visible
/// alias), with the English name as the alias: Dutch help and usage
/// errors show the Dutch name, and both names work.
fn dutch_name_first(a: clap::Arg) -> clap::Arg {
    let names = match (a.get_long(), a.get_visible_aliases().as_deref()) {
        (Some(en), Some([nl])) => Some((en.to_string(), nl.to_string())),
        _ => None,
    };
    match names {
        Some((en, nl)) => a.long(nl).visible_alias(None).visible_alias(en),
        None => a,
    }
}
