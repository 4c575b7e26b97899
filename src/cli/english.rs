//! The English of the command line's help: the Dutch lives beside each
//! argument, in its command's file; the English is kept here, keyed by
//! where it belongs.

/// English help, keyed by command path (`config.set`) and argument id
/// (`export.all`); the global options as `--lang`.
const ENGLISH: &[(&str, &str)] = &[
    (
        "web",
        "Open driehoek in your browser, on this computer only",
    ),
    ("web.port", "Listen on this port (default: a free port)"),
    (
        "web.no_open",
        "Do not open the browser; only show the address",
    ),
    ("resume", "Continue a draft (the newest, or the one named)"),
    (
        "resume.id",
        "Id of the draft (a unique beginning is enough)",
    ),
    ("drafts", "Show the drafts that are waiting"),
    ("edit", "Edit a note; the previous version is kept"),
    ("edit.id", "Id of the note (a unique beginning is enough)"),
    (
        "edit.editor",
        "Open the note as TOML in $EDITOR instead of walking the questions again",
    ),
    ("history", "Show the kept versions of a note"),
    (
        "history.id",
        "Id of the note (a unique beginning is enough)",
    ),
    (
        "history.erase",
        "Erase kept version N for good (as numbered in the list), for example one that holds personal data",
    ),
    ("history.yes", "Do not ask for confirmation"),
    ("delete", "Move a note to the trash, or erase it for good"),
    ("delete.id", "Id of the note (a unique beginning is enough)"),
    (
        "delete.purge",
        "Erase the note and all its versions for good (right to be forgotten)",
    ),
    ("delete.yes", "Do not ask for confirmation"),
    (
        "outcome",
        "Record what happened after the discussion: advice, whom you asked, decision, afterwards",
    ),
    (
        "outcome.id",
        "Id of the note (a unique beginning is enough)",
    ),
    (
        "outcome.from",
        "Take the entry from a filled-in file (see --template), without questions",
    ),
    (
        "outcome.template",
        "Print an empty entry file (TOML) to fill in",
    ),
    (
        "outcome.corrects",
        "This entry corrects entry number N; that one stays, marked",
    ),
    (
        "outcome.allow_personal_data",
        "Save even when something looks like personal data (with --from)",
    ),
    (
        "bundle.since",
        "Only notes from this day or later (1-12-2026, 1-12, 1 December, or 30d or 2w back)",
    ),
    (
        "bundle.until",
        "Only notes from this day or earlier (1-12-2026, 1-12, 1 December, or 30d or 2w back)",
    ),
    ("bundle.search", "Only notes that contain this text"),
    (
        "bundle.verdict",
        "Only notes with this verdict, for example law=no",
    ),
    ("bundle.structural", "Only structural cases"),
    (
        "bundle.status",
        "Only cases that stand so after the discussion (see outcome)",
    ),
    (
        "practice",
        "Practise with an example case and see your answers beside a coach's",
    ),
    (
        "practice.case",
        "The case (a unique beginning of its name is enough); without: choose from the list",
    ),
    ("practice.list", "Show the practice cases"),
    (
        "practice.format",
        "With --list: as a table or as JSON (key, title, lesson and model verdicts)",
    ),
    (
        "bundle",
        "Bundled exceptions: what the notes say together, without personal text",
    ),
    (
        "bundle.law",
        "Only cases where this law or rule is at stake (for example wmo2015 or Participatiewet)",
    ),
    ("bundle.titles", "Include the titles of the cases"),
    (
        "bundle.horizon",
        "Compare every case's costs over this many years (1 to 50; 3 if not given)",
    ),
    (
        "bundle.from",
        "Bundle anonymous exports (files, or folders of .json files) instead of your own notes",
    ),
    (
        "bundle.output",
        "Write the report to this file (Markdown, or in the form of --format)",
    ),
    ("bundle.force", "Replace an existing file without asking"),
    (
        "bundle.format",
        "Output for the terminal, as Markdown, as CSV (one row per rule) or as JSON",
    ),
    (
        "signals",
        "Every rule with a signal: to whom, who owns it, how long it has run, its status and its cases",
    ),
    (
        "signals.open",
        "Only signals without a final status (that is: changed, or not changed)",
    ),
    (
        "signals.format",
        "Output for the terminal, as Markdown, as CSV (one row per rule) or as JSON",
    ),
    (
        "compare",
        "Put two notes side by side, for example before and after the discussion",
    ),
    ("compare.a", "The first note (A)"),
    ("compare.b", "The second note (B)"),
    ("compare.format", "Output for the terminal or as Markdown"),
    (
        "agenda",
        "One document for a meeting with several cases: an overview, then each case from a new page",
    ),
    (
        "agenda.ids",
        "Ids of notes, in the order of the meeting; without: the notes the filters choose",
    ),
    (
        "agenda.format",
        "HTML to print, or Markdown; without: HTML into a file, Markdown on the screen",
    ),
    (
        "agenda.output",
        "Write to this file or into this folder instead of stdout",
    ),
    ("agenda.force", "Replace an existing file without asking"),
    (
        "agenda.meeting",
        "The day of the meeting, on the pages (1-12-2026, or 1-12 or 1 December: the next one); without: an empty line to fill in",
    ),
    (
        "agenda.since",
        "Only notes from this day or later (1-12-2026, 1-12, 1 December, or 30d or 2w back)",
    ),
    (
        "agenda.until",
        "Only notes from this day or earlier (1-12-2026, 1-12, 1 December, or 30d or 2w back)",
    ),
    ("agenda.search", "Only notes that contain this text"),
    (
        "agenda.verdict",
        "Only notes with this verdict, for example law=no",
    ),
    ("agenda.structural", "Only structural cases"),
    (
        "agenda.status",
        "Only cases that stand so after the discussion (see outcome)",
    ),
    (
        "completions",
        "Write completions for the shell (bash, zsh, fish, PowerShell, elvish) to the output",
    ),
    ("completions.shell", "The shell"),
    ("man", "Write the manual as a man page to the output"),
    ("help", "Show the help of driehoek, or of one command"),
    (
        "help.command",
        "The command, for example export (or config set)",
    ),
    (
        "config",
        "Show where the settings file is and what it holds, or change a setting",
    ),
    ("config.set", "Set a setting (the value is checked first)"),
    ("config.set.key", "The setting"),
    ("config.set.value", "The new value"),
    ("config.get", "Show one setting"),
    ("config.get.key", "The setting"),
    ("config.names", "Names the privacy guard looks for"),
    ("config.names.add", "Add a name"),
    ("config.names.add.name", "The name"),
    ("config.names.remove", "Remove a name"),
    ("config.names.remove.name", "The name"),
    (
        "list.group",
        "Put revisions of a case under the note they revise",
    ),
    (
        "new.revises",
        "This note revises that note (the same case, for example after the discussion)",
    ),
    ("--help", "Show this help"),
    ("--version", "Show the version"),
    (
        "",
        "driehoek: think a stuck case through with the value triangle, before the team case discussion.",
    ),
    ("--lang", "Language of questions and output"),
    ("--questions", "Use the question set in this TOML file"),
    ("--set", "Id of the question set [default: waardendriehoek]"),
    (
        "--width",
        "Width of tables and text in columns [default: the terminal's, else 100]",
    ),
    ("new", "Walk through a new case and save the note"),
    (
        "new.from",
        "Make the note from a filled-in answers file, without questions",
    ),
    (
        "new.allow_personal_data",
        "Save even when something looks like personal data",
    ),
    (
        "edit.allow_personal_data",
        "Save even when something looks like personal data (with --editor)",
    ),
    (
        "check",
        "Look for personal data in stored notes (all, or the ones named)",
    ),
    ("check.ids", "Ids of notes (a unique beginning is enough)"),
    (
        "prune",
        "Erase the notes not updated for longer than the retention period",
    ),
    ("prune.yes", "Do not ask for confirmation"),
    (
        "template",
        "Write an empty answers file (TOML) to fill in to the output",
    ),
    (
        "template.full",
        "Every question of the full walk; without it, the short walk: what a note needs",
    ),
    ("questions", "Show the questions of the active set"),
    ("questions.format", "Output as table/text or as JSON"),
    ("questions.short", "Only the questions of the short walk"),
    (
        "upgrade",
        "Upgrade notes of an earlier version to today's format",
    ),
    (
        "upgrade.dry_run",
        "Only show what would change; write nothing",
    ),
    ("upgrade.yes", "Do not ask for confirmation"),
    (
        "new.short",
        "The short walk: the questions for the discussion",
    ),
    ("new.full", "The full walk: every question"),
    (
        "edit.deepen",
        "Deepen a short note: only the questions the short walk left out",
    ),
    ("list", "Show all notes, newest first"),
    ("list.format", "Output as table/text or as JSON"),
    (
        "list.strict",
        "Exit with code 1 when a note file cannot be read",
    ),
    ("list.limit", "Show at most N notes"),
    (
        "list.since",
        "Only notes from this day or later (1-12-2026, 1-12, 1 December, or 30d or 2w back)",
    ),
    (
        "list.until",
        "Only notes from this day or earlier (1-12-2026, 1-12, 1 December, or 30d or 2w back)",
    ),
    (
        "list.search",
        "Only notes that contain this text (case does not matter)",
    ),
    (
        "list.verdict",
        "Only notes with this verdict, for example law=no (may repeat)",
    ),
    ("list.structural", "Only structural cases"),
    (
        "list.status",
        "Only cases that stand so after the discussion (see outcome)",
    ),
    (
        "export.since",
        "With --all: only notes from this day or later (1-12-2026, 1-12, 1 December, or 30d or 2w back)",
    ),
    (
        "export.until",
        "With --all: only notes from this day or earlier (1-12-2026, 1-12, 1 December, or 30d or 2w back)",
    ),
    (
        "export.search",
        "With --all: only notes that contain this text",
    ),
    (
        "export.verdict",
        "With --all: only notes with this verdict, for example law=no",
    ),
    ("export.structural", "With --all: only structural cases"),
    (
        "export.status",
        "With --all: only cases that stand so after the discussion (see outcome)",
    ),
    ("show", "Show one note in full"),
    ("show.id", "Id of the note (a unique beginning is enough)"),
    (
        "export",
        "Export notes as Markdown, HTML (to print) or JSON",
    ),
    ("export.id", "Id of the note (a unique beginning is enough)"),
    (
        "export.all",
        "Export every note, one file each, to the folder given with -o",
    ),
    (
        "export.format",
        "Format of the export (markdown by default; with --anonymous always json)",
    ),
    (
        "export.anonymous",
        "With --all: one JSON file holding only what a bundle counts, no titles or free text, to bundle with other teams (driehoek bundle --from)",
    ),
    (
        "export.initials",
        "With --anonymous: add your initials to each case",
    ),
    (
        "export.for_person",
        "A page for the person themselves, in plain words: HTML to print (into a file) or Markdown (on the screen)",
    ),
    (
        "export.output",
        "Write to this file or into this folder (with --all: this folder) instead of stdout",
    ),
    ("export.force", "Replace an existing file without asking"),
    (
        "export.meeting",
        "The day of the meeting, on the page (1-12-2026, or 1-12 or 1 December: the next one); without: an empty line to fill in",
    ),
];

/// The key of the command `name` under the command at `path` (`""` for
/// the tool itself): `config.set`.
pub(super) fn command_key(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// The key of argument `id` of the command at `path`: `export.all`; a
/// global option (defined at the top) as `--lang`.
pub(super) fn arg_key(path: &str, id: &str) -> String {
    if path.is_empty() || id == "help" {
        format!("--{id}")
    } else {
        format!("{path}.{id}")
    }
}

/// The English help at `key`, if there is one.
pub(super) fn help(key: &str) -> Option<&'static str> {
    ENGLISH.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

/// The English for a Dutch placeholder written in the definitions.
pub(super) fn value_name(nl: &str) -> Option<&'static str> {
    PLACEHOLDERS
        .iter()
        .find(|(n, _)| *n == nl)
        .map(|(_, en)| *en)
}

/// The English of the Dutch placeholders written in the definitions.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("BESTAND", "FILE"),
    ("PAD", "PATH"),
    ("DATUM", "DATE"),
    ("TEKST", "TEXT"),
    ("WET", "LAW"),
    ("VRAAG=OORDEEL", "QUESTION=VERDICT"),
    ("SLEUTEL", "KEY"),
    ("WAARDE", "VALUE"),
    ("NAAM", "NAME"),
    ("KOLOMMEN", "COLUMNS"),
    ("STAND", "STATUS"),
    ("FORMAAT", "FORMAT"),
    ("TAAL", "LANG"),
    ("CASUS", "CASE"),
    ("OPDRACHT", "COMMAND"),
    ("JAREN", "YEARS"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// Placeholders that are the same word in both languages.
    const THE_SAME: &[&str] = &["ID", "N", "A", "B", "SHELL"];

    /// Every help text of the definition by its key, as `localise` looks
    /// it up, and every placeholder.
    fn walk(
        cmd: &clap::Command,
        path: &str,
        texts: &mut Vec<(String, String)>,
        names: &mut Vec<String>,
    ) {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        texts.push((path.to_string(), about));
        for a in cmd.get_arguments() {
            let help = a.get_help().map(ToString::to_string).unwrap_or_default();
            texts.push((arg_key(path, a.get_id().as_str()), help));
            if super::super::localise::takes_value(a) {
                let own = a.get_value_names().into_iter().flatten();
                names.extend(own.map(ToString::to_string));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &command_key(path, sub.get_name()), texts, names);
        }
    }

    /// The texts as `localise` finds them (before clap builds the
    /// definition); the placeholders of a built one, where a flag is
    /// known to take no value.
    fn definition() -> (Vec<(String, String)>, Vec<String>) {
        let (mut texts, mut names) = (Vec::new(), Vec::new());
        walk(&Cli::command(), "", &mut texts, &mut Vec::new());
        let mut built = Cli::command();
        built.build();
        walk(&built, "", &mut Vec::new(), &mut names);
        (texts, names)
    }

    #[test]
    fn every_help_text_has_its_english() {
        let (texts, _) = definition();
        let missing: Vec<&String> = texts
            .iter()
            .filter(|(key, dutch)| !dutch.is_empty() && help(key).is_none())
            .map(|(key, _)| key)
            .collect();
        assert!(missing.is_empty(), "no English in ENGLISH for: {missing:?}");
    }

    #[test]
    fn every_english_help_text_belongs_to_a_command_or_argument() {
        let (texts, _) = definition();
        let stale: Vec<&str> = ENGLISH
            .iter()
            .map(|(key, _)| *key)
            .filter(|key| !texts.iter().any(|(k, _)| k == key))
            .collect();
        assert!(
            stale.is_empty(),
            "keys in ENGLISH that name nothing: {stale:?}"
        );
        let mut keys: Vec<&str> = ENGLISH.iter().map(|(key, _)| *key).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before, "a key is in ENGLISH twice");
    }

    #[test]
    fn every_placeholder_has_its_english() {
        let (_, names) = definition();
        let missing: Vec<&String> = names
            .iter()
            .filter(|n| value_name(n).is_none() && !THE_SAME.contains(&n.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "no English placeholder for: {missing:?}"
        );
        let stale: Vec<&str> = PLACEHOLDERS
            .iter()
            .map(|(nl, _)| *nl)
            .filter(|nl| !names.iter().any(|n| n == nl))
            .collect();
        assert!(stale.is_empty(), "placeholders no argument uses: {stale:?}");
    }
}
