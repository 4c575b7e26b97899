//! `man`: the manual as a man page, made from the command definition.

use anyhow::Result;

use super::usage;
use crate::cmd::Ctx;
use crate::i18n::Lang;
use crate::render;

pub fn run(ctx: &Ctx) -> Result<()> {
    let lang = ctx.ui_lang();
    ctx.ui.print(&render::man::page(&outline(lang), lang))?;
    Ok(())
}

/// The command tree as the man page needs it, in `lang`: every command,
/// also one added later, with its own options; the global ones apart.
pub fn outline(lang: Lang) -> crate::render::man::Outline {
    use crate::render::man::{CommandDoc, Entry, Outline};
    let mut root = super::command(lang);
    root.build();
    let entry = |a: &clap::Arg| {
        let names: Vec<String> = a
            .get_value_names()
            .map_or_else(Vec::new, |n| n.iter().map(|n| format!("<{n}>")).collect());
        let mut flags: Vec<String> = Vec::new();
        if let Some(s) = a.get_short() {
            flags.push(format!("-{s}"));
        }
        // Both names: the reader's language first, then the other.
        for l in a.get_long_and_visible_aliases().unwrap_or_default() {
            flags.push(format!("--{l}"));
        }
        let spec = match (
            flags.is_empty(),
            a.get_num_args().is_some_and(|n| n.takes_values()),
        ) {
            (true, _) => names.join(" "),
            (false, true) => format!("{} {}", flags.join(", "), names.join(" ")),
            (false, false) => flags.join(", "),
        };
        Entry {
            spec,
            help: a.get_help().map(ToString::to_string).unwrap_or_default(),
        }
    };
    let own = |c: &clap::Command| -> Vec<Entry> {
        c.get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set() && a.get_id() != "help")
            .map(entry)
            .collect()
    };
    fn walk(c: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
        for sub in c.get_subcommands() {
            let p = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            out.push((p.clone(), sub.clone()));
            walk(sub, &p, out);
        }
    }
    let mut all = Vec::new();
    walk(&root, "", &mut all);
    let commands = all
        .into_iter()
        .map(|(path, mut sub)| {
            let usage = usage::placeholders(&sub.render_usage().to_string(), lang);
            let usage = usage
                .split_once(": ")
                .map_or(usage.clone(), |(_, u)| u.to_string());
            CommandDoc {
                aliases: sub.get_visible_aliases().map(str::to_string).collect(),
                about: sub.get_about().map(ToString::to_string).unwrap_or_default(),
                usage,
                entries: own(&sub),
                path,
            }
        })
        .collect();
    let globals = root
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(entry)
        .collect();
    Outline {
        date: jiff::Timestamp::now().strftime("%Y-%m-%d").to_string(),
        version: root.get_version().unwrap_or_default().to_string(),
        about: root
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default(),
        globals,
        commands,
    }
}
