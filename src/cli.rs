//! Every command-line type. Help is Dutch by default; `--lang en` (or
//! `DRIEHOEK_LANG=en`) shows it in English, like everything else.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use jiff::civil::Date;

use crate::filter::{self, Filter, VerdictIs};
use crate::i18n::Lang;

const EXIT_CODES_NL: &str = "Afsluitcodes: 0 gelukt · 1 fout · 2 verkeerd gebruik of invoer · 130 afgebroken (Ctrl-C)\nNotities staan in DRIEHOEK_HOME, of anders in de gegevensmap van je systeem.";
const EXIT_CODES_EN: &str = "Exit codes: 0 ok · 1 failure · 2 bad usage or input · 130 cancelled (Ctrl-C)\nNotes live in DRIEHOEK_HOME, or else in your system's data folder.";

/// driehoek: denk een vastgelopen casus door met de waardendriehoek, voor de casuïstiekbespreking.
#[derive(Debug, Parser)]
#[command(
    name = "driehoek",
    version,
    after_help = EXIT_CODES_NL,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Toon deze hulp
    #[arg(short, long, global = true, action = clap::ArgAction::Help)]
    help: Option<bool>,

    /// Toon de versie
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    version: Option<bool>,

    /// Taal van vragen en uitvoer
    #[arg(long, global = true, value_enum, env = "DRIEHOEK_LANG")]
    pub lang: Option<Lang>,

    /// Gebruik de vragenlijst uit dit TOML-bestand
    #[arg(long, global = true, value_name = "BESTAND")]
    pub questions: Option<PathBuf>,

    /// Id van de vragenlijst [standaard: waardendriehoek]
    #[arg(long, global = true, value_name = "ID")]
    pub set: Option<String>,

    /// Breedte van tabellen en tekst in kolommen [standaard: die van de terminal, anders 100]
    #[arg(long, global = true, value_name = "KOLOMMEN", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Loop een nieuwe casus door en sla de notitie op
    #[command(visible_alias = "nieuw")]
    New(NewArgs),
    /// Print een leeg antwoordbestand (TOML) om in te vullen
    #[command(visible_alias = "sjabloon")]
    Template,
    /// Toon de vragen van de actieve vragenlijst
    #[command(visible_alias = "vragen")]
    Questions(FormatArgs),
    /// Toon alle notities, nieuwste eerst
    #[command(visible_alias = "lijst")]
    List(ListArgs),
    /// Toon één notitie volledig
    #[command(visible_alias = "toon")]
    Show(ShowArgs),
    /// Exporteer notities als Markdown, HTML (om af te drukken) of JSON
    #[command(visible_alias = "exporteer")]
    Export(ExportArgs),
    /// Ga verder met een concept (het nieuwste, of het genoemde)
    #[command(visible_alias = "hervat")]
    Resume(ResumeArgs),
    /// Toon de concepten die wachten
    #[command(visible_alias = "concepten")]
    Drafts,
    /// Bewerk een notitie; de vorige versie blijft bewaard
    #[command(visible_alias = "bewerk")]
    Edit(EditArgs),
    /// Toon de bewaarde versies van een notitie
    #[command(visible_alias = "geschiedenis")]
    History(ShowArgs),
    /// Verplaats een notitie naar de prullenbak, of wis haar voorgoed
    #[command(visible_alias = "verwijder")]
    Delete(DeleteArgs),
    /// Wis de notities die langer dan de bewaartermijn niet zijn bijgewerkt
    #[command(visible_alias = "opschonen")]
    Prune(PruneArgs),
    /// Zoek persoonsgegevens in opgeslagen notities (alle, of de genoemde)
    #[command(visible_alias = "controleer")]
    Check(CheckArgs),
    /// Oefen met een voorbeeldcasus en zie je antwoorden naast die van een coach
    #[command(visible_alias = "oefen")]
    Practice(PracticeArgs),
    /// Gebundelde uitzonderingen: wat de notities samen zeggen, zonder persoonlijke tekst
    #[command(visible_alias = "bundel")]
    Bundle(BundleArgs),
    /// Zet twee notities naast elkaar, bijvoorbeeld vóór en na de bespreking
    #[command(visible_alias = "vergelijk")]
    Compare(CompareArgs),
    /// Print aanvullingen voor de shell (bash, zsh, fish)
    Completions(CompletionsArgs),
    /// Print de handleiding als man-pagina
    Man,
    /// Toon waar het instellingenbestand staat en wat erin staat
    Config,
}

#[derive(Debug, Args)]
pub struct PracticeArgs {
    /// De casus (een uniek begin van de naam is genoeg); zonder: kies uit de lijst
    pub case: Option<String>,
    /// Toon de oefencasussen
    #[arg(long, conflicts_with = "case")]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct BundleArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Alleen casussen waarin deze wet of regel speelt (bijvoorbeeld wmo2015 of Participatiewet)
    #[arg(long, value_name = "WET")]
    pub law: Option<String>,
    /// Zet ook de titels van de casussen erin
    #[arg(long)]
    pub titles: bool,
    /// Schrijf het rapport als Markdown naar dit bestand
    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,
    /// Vervang een bestaand bestand zonder te vragen
    #[arg(long)]
    pub force: bool,
    /// Uitvoer voor de terminal of als Markdown
    #[arg(long, value_enum, default_value = "text")]
    pub format: DocFormat,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// De eerste notitie (A)
    pub a: String,
    /// De tweede notitie (B)
    pub b: String,
    /// Uitvoer voor de terminal of als Markdown
    #[arg(long, value_enum, default_value = "text")]
    pub format: DocFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Text,
    Markdown,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// De shell
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Ids van notities (een uniek begin is genoeg)
    pub ids: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ResumeArgs {
    /// Id van het concept (een uniek begin is genoeg)
    pub id: Option<String>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    pub id: String,
    /// Open de notitie als TOML in $EDITOR in plaats van de vragen opnieuw te doorlopen
    #[arg(long)]
    pub editor: bool,
    /// Sla op, ook als er iets in staat dat op persoonsgegevens lijkt (met --editor)
    #[arg(long)]
    pub allow_personal_data: bool,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    pub id: String,
    /// Wis de notitie en al haar versies voorgoed (recht op vergetelheid)
    #[arg(long)]
    pub purge: bool,
    /// Niet om bevestiging vragen
    #[arg(long, short)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Niet om bevestiging vragen
    #[arg(long, short)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Maak de notitie uit een ingevuld antwoordbestand, zonder vragen
    #[arg(long, value_name = "BESTAND")]
    pub from: Option<PathBuf>,
    /// Sla op, ook als er iets in staat dat op persoonsgegevens lijkt
    #[arg(long)]
    pub allow_personal_data: bool,
    /// Deze notitie herziet die notitie (dezelfde casus, bijvoorbeeld na de bespreking)
    #[arg(long, value_name = "ID")]
    pub revises: Option<String>,
}

#[derive(Debug, Args)]
pub struct FormatArgs {
    /// Uitvoer als tabel/tekst of als JSON
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Uitvoer als tabel/tekst of als JSON
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    /// Sluit af met code 1 als een notitiebestand niet te lezen is
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Toon hoogstens N notities
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Zet herziene versies van een casus onder de notitie die ze herzien
    #[arg(long)]
    pub group: bool,
}

/// Which notes to take.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Alleen notities van deze dag of later (JJJJ-MM-DD)
    #[arg(long, value_name = "DATUM", value_parser = filter::parse_date)]
    pub since: Option<Date>,
    /// Alleen notities van deze dag of eerder (JJJJ-MM-DD)
    #[arg(long, value_name = "DATUM", value_parser = filter::parse_date)]
    pub until: Option<Date>,
    /// Alleen notities waarin deze tekst voorkomt (hoofdletters maken niet uit)
    #[arg(long, value_name = "TEKST")]
    pub search: Option<String>,
    /// Alleen notities met dit oordeel, bijvoorbeeld wet=nee (mag vaker)
    #[arg(long, value_name = "VRAAG=OORDEEL", value_parser = filter::parse_verdict)]
    pub verdict: Vec<VerdictIs>,
    /// Alleen structurele casussen
    #[arg(long)]
    pub structural: bool,
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            since: self.since,
            until: self.until,
            verdicts: self.verdict.clone(),
            structural: self.structural,
            search: self.search.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.search.is_none()
            && self.verdict.is_empty()
            && !self.structural
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    pub id: String,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub id: Option<String>,
    /// Exporteer alle notities, één bestand per notitie, naar de map van -o
    #[arg(long)]
    pub all: bool,
    /// Formaat van de export
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ExportFormat,
    /// Schrijf naar dit bestand of in deze map (met --all: deze map) in plaats van naar stdout
    #[arg(short, long, value_name = "PAD")]
    pub output: Option<PathBuf>,
    /// Vervang een bestaand bestand zonder te vragen
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    // One self-contained page to read on screen or print on A4.
    Html,
    Json,
}

/// English help, keyed by command path and argument id.
const ENGLISH: &[(&str, &str)] = &[
    (
        "bundle.since",
        "Only notes from this day or later (YYYY-MM-DD)",
    ),
    (
        "bundle.until",
        "Only notes from this day or earlier (YYYY-MM-DD)",
    ),
    ("bundle.search", "Only notes that contain this text"),
    (
        "bundle.verdict",
        "Only notes with this verdict, for example law=no",
    ),
    ("bundle.structural", "Only structural cases"),
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
        "bundle",
        "Bundled exceptions: what the notes say together, without personal text",
    ),
    (
        "bundle.law",
        "Only cases where this law or rule is at stake (for example wmo2015 or Participatiewet)",
    ),
    ("bundle.titles", "Include the titles of the cases"),
    ("bundle.output", "Write the report as Markdown to this file"),
    ("bundle.force", "Replace an existing file without asking"),
    ("bundle.format", "Output for the terminal or as Markdown"),
    (
        "compare",
        "Put two notes side by side, for example before and after the discussion",
    ),
    ("compare.a", "The first note (A)"),
    ("compare.b", "The second note (B)"),
    ("compare.format", "Output for the terminal or as Markdown"),
    (
        "completions",
        "Print completions for the shell (bash, zsh, fish)",
    ),
    ("completions.shell", "The shell"),
    ("man", "Print the manual as a man page"),
    (
        "config",
        "Show where the settings file is and what it holds",
    ),
    (
        "list.group",
        "Put revisions of a case under the note they revise",
    ),
    (
        "new.revises",
        "This note revises that note (the same case, for example after the discussion)",
    ),
    ("help", "Show this help"),
    ("version", "Show the version"),
    (
        "",
        "driehoek: think a stuck case through with the value triangle, before the team case discussion.",
    ),
    ("lang", "Language of questions and output"),
    ("questions", "Use the question set in this TOML file"),
    ("set", "Id of the question set [default: waardendriehoek]"),
    (
        "width",
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
    ("template", "Print an empty answers file (TOML) to fill in"),
    ("questions", "Show the questions of the active set"),
    ("questions.format", "Output as table/text or as JSON"),
    ("list", "Show all notes, newest first"),
    ("list.format", "Output as table/text or as JSON"),
    (
        "list.strict",
        "Exit with code 1 when a note file cannot be read",
    ),
    ("list.limit", "Show at most N notes"),
    (
        "list.since",
        "Only notes from this day or later (YYYY-MM-DD)",
    ),
    (
        "list.until",
        "Only notes from this day or earlier (YYYY-MM-DD)",
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
        "export.since",
        "With --all: only notes from this day or later (YYYY-MM-DD)",
    ),
    (
        "export.until",
        "With --all: only notes from this day or earlier (YYYY-MM-DD)",
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
    ("export.format", "Format of the export"),
    (
        "export.output",
        "Write to this file or into this folder (with --all: this folder) instead of stdout",
    ),
    ("export.force", "Replace an existing file without asking"),
];

/// The language asked for, before full parsing: help must already speak it.
pub fn early_lang(args: &[OsString]) -> Lang {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => iter.next(),
            Some(rest) => rest.strip_prefix('='),
            None => continue,
        };
        if let Some(lang) = value.and_then(|v| Lang::from_str(v, true).ok()) {
            return lang;
        }
    }
    std::env::var("DRIEHOEK_LANG")
        .ok()
        .and_then(|v| Lang::from_str(&v, true).ok())
        .or_else(crate::config::lang_quietly)
        .unwrap_or_default()
}

/// The command definition in the given language.
pub fn command(lang: Lang) -> clap::Command {
    let english = |path: &str| ENGLISH.iter().find(|(p, _)| *p == path).map(|(_, t)| *t);
    let text = |path: &str| {
        if lang == Lang::En {
            english(path)
        } else {
            None
        }
    };
    let (usage, options, arguments, commands) = match lang {
        Lang::Nl => ("Gebruik", "Opties", "Argumenten", "Opdrachten"),
        Lang::En => ("Usage", "Options", "Arguments", "Commands"),
    };
    let template =
        format!("{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}");
    let localise = |mut cmd: clap::Command, path: &str| {
        if let Some(t) = text(path) {
            cmd = cmd.about(t);
        }
        let ids: Vec<(String, bool)> = cmd
            .get_arguments()
            .map(|a| (a.get_id().to_string(), a.is_positional()))
            .collect();
        for (id, positional) in ids {
            let key = if path.is_empty() || id == "help" {
                id.clone()
            } else {
                format!("{path}.{id}")
            };
            let t = text(&key);
            cmd = cmd.mut_arg(&id, |a| {
                let a = a.help_heading(if positional { arguments } else { options });
                match t {
                    Some(t) => a.help(t),
                    None => a,
                }
            });
        }
        cmd.help_template(template.clone())
            .subcommand_help_heading(commands)
    };
    let mut cmd = localise(Cli::command(), "");
    if lang == Lang::En {
        cmd = cmd.after_help(EXIT_CODES_EN);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| localise(sub, &name));
    }
    cmd
}

/// Parses the arguments with help in `lang` (from [`early_lang`]); help,
/// version and usage errors exit here.
pub fn parse(args: Vec<OsString>, lang: Lang) -> Cli {
    let matches = command(lang).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}
