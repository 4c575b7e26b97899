//! The definition named the way the person typed it: `driehoek nieuw`
//! asks for help or makes a mistake as `nieuw`, not as `new`, and
//! `--since` stays `--since` in a Dutch usage error. Only help and usage
//! errors use it: the commands themselves are matched by their own names.

use std::collections::HashSet;
use std::ffi::OsString;

use clap::Command;

/// `root` with each command and option on the command line renamed to
/// the name it was typed by (an alias becomes the name, the name an
/// alias), so that clap's help and usage errors speak of those.
pub(super) fn as_typed(mut root: Command, args: &[OsString]) -> Command {
    let valued = valued_options(&root);
    let words: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // The commands typed so far, by their typed names.
    let mut path: Vec<String> = Vec::new();
    // After a value no command comes, but options still do.
    let mut commands_done = false;
    let mut words = words.iter();
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(option) = word.strip_prefix("--") {
            let (name, value) = option.split_once('=').unwrap_or((option, ""));
            if value.is_empty() && !option.contains('=') && valued.contains(&format!("--{name}")) {
                words.next();
            }
            root = option_as_typed(root, &path, name);
        } else if word.len() > 1 && word.starts_with('-') {
            // A short option (`-o FILE`, `-y`); its value may follow apart.
            if word.len() == 2 && valued.contains(word) {
                words.next();
            }
        } else if !commands_done {
            let Some(name) = at(&root, &path)
                .find_subcommand(word)
                .map(|c| c.get_name().to_string())
            else {
                commands_done = true;
                continue;
            };
            if name != *word {
                let typed = word.clone();
                root = mut_at(root, &path, &mut |c| {
                    let (typed, name) = (typed.clone(), name.clone());
                    c.mut_subcommand(name.clone(), |sub| sub.name(typed).alias(None).alias(name))
                });
            }
            path.push(word.clone());
        }
    }
    root
}

/// The option `--name` of the command at `path` (or a global one) named
/// `name`, when that is one of its aliases.
fn option_as_typed(root: Command, path: &[String], name: &str) -> Command {
    let aliased = |a: &clap::Arg| a.get_all_aliases().is_some_and(|all| all.contains(&name));
    // Renamed in place: the options keep their order in the help.
    let mut renamed = |c: Command| {
        c.mut_args(|a| {
            if !aliased(&a) {
                return a;
            }
            let long = a.get_long().unwrap_or(name).to_string();
            a.long(name.to_string())
                .visible_alias(None)
                .visible_alias(long)
        })
    };
    if at(&root, path).get_arguments().any(aliased) {
        mut_at(root, path, &mut renamed)
    } else if root.get_arguments().any(aliased) {
        // A global option is defined at the top and copied down by clap.
        renamed(root)
    } else {
        root
    }
}

/// The command at `path` below `root`.
fn at<'a>(root: &'a Command, path: &[String]) -> &'a Command {
    path.iter().fold(root, |c, name| {
        c.find_subcommand(name).expect("the path was found")
    })
}

/// `root` with `change` made to the command at `path`.
fn mut_at(root: Command, path: &[String], change: &mut dyn FnMut(Command) -> Command) -> Command {
    match path.split_first() {
        None => change(root),
        Some((first, rest)) => root.mut_subcommand(first, |sub| mut_at(sub, rest, change)),
    }
}

/// Every spelling of every option that takes its value apart from it
/// (`--from FILE`, `-o FILE`), anywhere in the definition.
fn valued_options(root: &Command) -> HashSet<String> {
    let mut built = root.clone();
    built.build();
    let mut all = HashSet::new();
    let mut stack = vec![&built];
    while let Some(cmd) = stack.pop() {
        for a in cmd
            .get_arguments()
            .filter(|a| super::localise::takes_value(a))
        {
            let longs = a
                .get_long()
                .into_iter()
                .chain(a.get_all_aliases().unwrap_or_default());
            all.extend(longs.map(|l| format!("--{l}")));
            all.extend(a.get_short().map(|s| format!("-{s}")));
        }
        stack.extend(cmd.get_subcommands());
    }
    all
}
