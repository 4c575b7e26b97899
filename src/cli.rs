//! Every command-line type. Help is Dutch by default; `--lang en` (or
//! `DRIEHOEK_LANG=en`) shows it in English, like everything else.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use jiff::civil::Date;

use crate::domain::filter::{self, Filter, VerdictIs};
use crate::domain::outcome::Status;
use crate::i18n::{self, Lang};

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
    /// Schrijf een leeg antwoordbestand (TOML) om in te vullen naar de uitvoer
    #[command(visible_alias = "sjabloon")]
    Template,
    /// Toon de vragen van de actieve vragenlijst
    #[command(visible_alias = "vragen")]
    Questions(QuestionsArgs),
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
    /// Werk notities van een eerdere versie bij naar het huidige formaat
    #[command(visible_alias = "bijwerken")]
    Upgrade(UpgradeArgs),
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
    /// Eén document voor een bespreking van meer casussen: een overzicht, dan elke casus op een nieuwe pagina
    #[command(visible_alias = "bespreking")]
    Agenda(AgendaArgs),
    /// Leg vast wat er na de bespreking gebeurde: advies, aan wie voorgelegd, besluit, daarna
    #[command(visible_alias = "afloop")]
    Outcome(OutcomeArgs),
    /// Schrijf aanvullingen voor de shell (bash, zsh, fish, PowerShell, elvish) naar de uitvoer
    Completions(CompletionsArgs),
    /// Schrijf de handleiding als man-pagina naar de uitvoer
    Man,
    /// Toon waar het instellingenbestand staat en wat erin staat, of verander een instelling
    #[command(visible_alias = "instellingen")]
    Config(ConfigArgs),
    /// Toon de hulp bij driehoek, of bij één opdracht
    #[command(visible_alias = "hulp")]
    Help(HelpArgs),
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: Option<ConfigAction>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Zet een instelling (de waarde wordt eerst gecontroleerd)
    #[command(visible_alias = "zet")]
    Set {
        /// De instelling
        key: crate::config::Key,
        /// De nieuwe waarde
        value: String,
    },
    /// Toon één instelling
    #[command(visible_alias = "lees")]
    Get {
        /// De instelling
        key: crate::config::Key,
    },
    /// Namen waarop de privacybewaker let
    #[command(visible_alias = "namen", subcommand)]
    Names(NamesAction),
}

#[derive(Debug, Subcommand)]
pub enum NamesAction {
    /// Voeg een naam toe
    #[command(visible_alias = "toevoegen")]
    Add {
        /// De naam
        name: String,
    },
    /// Haal een naam weg
    #[command(visible_alias = "weghalen")]
    Remove {
        /// De naam
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct HelpArgs {
    /// De opdracht, bijvoorbeeld export (of config set)
    pub command: Vec<String>,
}

#[derive(Debug, Args)]
pub struct OutcomeArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    #[arg(required_unless_present = "template")]
    pub id: Option<String>,
    /// Neem het verslag uit een ingevuld bestand (zie --template), zonder vragen
    #[arg(long, value_name = "BESTAND")]
    pub from: Option<PathBuf>,
    /// Schrijf een leeg verslagbestand (TOML) om in te vullen naar de uitvoer
    #[arg(long, conflicts_with_all = ["id", "from", "corrects"])]
    pub template: bool,
    /// Dit verslag corrigeert verslag nummer N; dat blijft staan, gemarkeerd
    #[arg(long, visible_alias = "corrigeert", value_name = "N")]
    pub corrects: Option<usize>,
    /// Sla op, ook als er iets in staat dat op persoonsgegevens lijkt (met --from)
    #[arg(long)]
    pub allow_personal_data: bool,
}

#[derive(Debug, Args)]
pub struct PracticeArgs {
    /// De casus (een uniek begin van de naam is genoeg); zonder: kies uit de lijst
    pub case: Option<String>,
    /// Toon de oefencasussen
    #[arg(long, conflicts_with = "case")]
    pub list: bool,
    /// Met --list: als tabel of als JSON (sleutel, titel, les en modeloordelen)
    #[arg(long, value_enum, default_value = "text", requires = "list")]
    pub format: ListFormat,
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
    /// Schrijf het rapport naar dit bestand (Markdown, of in de vorm van --format)
    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,
    /// Vervang een bestaand bestand zonder te vragen
    #[arg(long)]
    pub force: bool,
    /// Uitvoer voor de terminal, als Markdown, als CSV (één rij per regel) of als JSON
    #[arg(long, value_enum, default_value = "text")]
    pub format: BundleFormat,
    /// Bundel anonieme exporten (bestanden of mappen met .json-bestanden) in plaats van de eigen notities
    #[arg(long, value_name = "BESTAND", num_args = 1.., conflicts_with_all = ["titles", "search"])]
    pub from: Vec<PathBuf>,
}

/// The bundle report's forms: CSV for policy staff's spreadsheets, JSON
/// for tools and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BundleFormat {
    Text,
    Markdown,
    Csv,
    Json,
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

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Ids van notities, in de volgorde van de bespreking; zonder: de notities die de filters kiezen
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// HTML om af te drukken, of Markdown
    #[arg(long, value_enum, default_value = "html")]
    pub format: AgendaFormat,
    /// Schrijf naar dit bestand of in deze map in plaats van naar stdout
    #[arg(short, long, value_name = "PAD")]
    pub output: Option<PathBuf>,
    /// Vervang een bestaand bestand zonder te vragen
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    Html,
    Markdown,
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
    #[arg(long, conflicts_with = "deepen")]
    pub editor: bool,
    /// Verdiep een korte notitie: alleen de vragen die de korte route oversloeg
    #[arg(long = "volledig", visible_alias = "full")]
    pub deepen: bool,
    /// Sla op, ook als er iets in staat dat op persoonsgegevens lijkt (met --editor)
    #[arg(long)]
    pub allow_personal_data: bool,
}

#[derive(Debug, Args)]
pub struct UpgradeArgs {
    /// Toon alleen wat er zou veranderen; schrijf niets
    #[arg(long)]
    pub dry_run: bool,
    /// Niet om bevestiging vragen
    #[arg(long, short)]
    pub yes: bool,
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
    #[command(flatten)]
    pub walk: WalkArgs,
}

/// Which walk `new` takes; without either, the `walk` setting (kort).
#[derive(Debug, Args)]
pub struct WalkArgs {
    /// De korte route: de vragen voor de bespreking
    #[arg(long = "kort", visible_alias = "short", conflicts_with = "full")]
    pub short: bool,
    /// De volledige route: alle vragen
    #[arg(long = "volledig", visible_alias = "full")]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct QuestionsArgs {
    /// Uitvoer als tabel/tekst of als JSON
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    /// Alleen de vragen van de korte route
    #[arg(long = "kort", visible_alias = "short")]
    pub short: bool,
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
    /// Alleen notities van deze dag of later (1-12-2026, 2026-12-01, of 30d of 2w terug)
    #[arg(long, value_name = "DATUM", value_parser = filter::parse_date)]
    pub since: Option<Date>,
    /// Alleen notities van deze dag of eerder (1-12-2026, 2026-12-01, of 30d of 2w terug)
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
    /// Alleen casussen die zo staan na de bespreking (zie afloop)
    #[arg(long, value_enum, value_name = "STAND")]
    pub status: Option<Status>,
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            since: self.since,
            until: self.until,
            verdicts: self.verdict.clone(),
            structural: self.structural,
            search: self.search.clone(),
            status: self.status,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.search.is_none()
            && self.verdict.is_empty()
            && !self.structural
            && self.status.is_none()
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
    #[arg(required_unless_present_any = ["all", "anonymous"], conflicts_with = "all")]
    pub id: Option<String>,
    /// Exporteer alle notities, één bestand per notitie, naar de map van -o
    #[arg(long)]
    pub all: bool,
    /// Formaat van de export (standaard markdown; met --anoniem altijd json)
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Schrijf naar dit bestand of in deze map (met --all: deze map) in plaats van naar stdout
    #[arg(short, long, value_name = "PAD")]
    pub output: Option<PathBuf>,
    /// Vervang een bestaand bestand zonder te vragen
    #[arg(long)]
    pub force: bool,
    /// Met --all: één JSON-bestand met alleen wat een bundel telt, zonder titels of vrije tekst, om met andere teams te bundelen (driehoek bundle --from)
    #[arg(long = "anoniem", visible_alias = "anonymous")]
    pub anonymous: bool,
    /// Met --anoniem: zet ook je initialen bij elke casus
    #[arg(long = "initialen", visible_alias = "initials", requires = "anonymous")]
    pub initials: bool,
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

/// English help, keyed by command path (`config.set`) and argument id
/// (`export.all`); the global options as `--lang`.
const ENGLISH: &[(&str, &str)] = &[
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
        "Only notes from this day or later (1-12-2026, 2026-12-01, or 30d or 2w back)",
    ),
    (
        "bundle.until",
        "Only notes from this day or earlier (1-12-2026, 2026-12-01, or 30d or 2w back)",
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
    ("agenda.format", "HTML to print, or Markdown"),
    (
        "agenda.output",
        "Write to this file or into this folder instead of stdout",
    ),
    ("agenda.force", "Replace an existing file without asking"),
    (
        "agenda.since",
        "Only notes from this day or later (YYYY-MM-DD)",
    ),
    (
        "agenda.until",
        "Only notes from this day or earlier (YYYY-MM-DD)",
    ),
    ("agenda.search", "Only notes that contain this text"),
    (
        "agenda.verdict",
        "Only notes with this verdict, for example law=no",
    ),
    ("agenda.structural", "Only structural cases"),
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
        "Only notes from this day or later (1-12-2026, 2026-12-01, or 30d or 2w back)",
    ),
    (
        "list.until",
        "Only notes from this day or earlier (1-12-2026, 2026-12-01, or 30d or 2w back)",
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
        "With --all: only notes from this day or later (1-12-2026, 2026-12-01, or 30d or 2w back)",
    ),
    (
        "export.until",
        "With --all: only notes from this day or earlier (1-12-2026, 2026-12-01, or 30d or 2w back)",
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

/// The command definition in the given language. Every subcommand, also
/// one added later, gets the same headings, markers and placeholders.
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = localise(Cli::command(), "", lang);
    if lang == Lang::En {
        cmd = cmd.after_help(EXIT_CODES_EN);
    }
    cmd
}

/// One command and, depth first, its subcommands, in `lang`.
fn localise(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let english = |key: &str| ENGLISH.iter().find(|(p, _)| *p == key).map(|(_, t)| *t);
    let text = |key: &str| (lang == Lang::En).then(|| english(key)).flatten();
    let heading = |msg: i18n::Msg| msg.get(lang);
    if let Some(t) = text(path) {
        cmd = cmd.about(t);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        // Global options (defined at the top) are keyed as `--id`.
        let key = if path.is_empty() || id == "help" {
            format!("--{id}")
        } else {
            format!("{path}.{id}")
        };
        let help = text(&key);
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
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
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
    let mut text = help
        .map(str::to_string)
        .or_else(|| a.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let takes_value = a.get_num_args().is_some_and(|n| n.takes_values())
        || matches!(
            a.get_action(),
            clap::ArgAction::Set | clap::ArgAction::Append
        );
    if !takes_value {
        return if help.is_some() { a.help(text) } else { a };
    }
    if lang == Lang::En
        && let Some(en) = a
            .get_value_names()
            .and_then(|names| names.first())
            .and_then(|name| english_value_name(name.as_str()))
    {
        a = a.value_name(en);
    }
    // clap's derive names a placeholder after the id, in capitals.
    let id = a.get_id().as_str().to_string();
    let own = a
        .get_value_names()
        .is_some_and(|names| names.iter().any(|n| n.as_str() != id.to_uppercase()));
    if let Some(name) = value_name(&id, lang).filter(|_| !own) {
        a = a.value_name(name);
    }
    let mut marker = |label: i18n::Msg, value: String| {
        text.push_str(&format!(" [{}: {value}]", label.get(lang)));
    };
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        marker(i18n::CLAP_DEFAULT, defaults.join(", "));
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
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

/// The Dutch placeholder of an argument that names none itself (clap's
/// own is the id in capitals).
fn value_name(id: &str, lang: Lang) -> Option<&'static str> {
    const DUTCH: &[(&str, &str)] = &[
        ("format", "FORMAAT"),
        ("lang", "TAAL"),
        ("case", "CASUS"),
        ("ids", "ID"),
        ("command", "OPDRACHT"),
        ("key", "SLEUTEL"),
        ("value", "WAARDE"),
        ("name", "NAAM"),
    ];
    let found = DUTCH.iter().find(|(en, _)| *en == id).map(|(_, nl)| *nl);
    found.filter(|_| lang == Lang::Nl)
}

/// The command tree as the man page needs it, in `lang`: every command,
/// also one added later, with its own options; the global ones apart.
pub fn outline(lang: Lang) -> crate::render::man::Outline {
    use crate::render::man::{CommandDoc, Entry, Outline};
    let mut root = command(lang);
    root.build();
    let entry = |a: &clap::Arg| {
        let names: Vec<String> = a
            .get_value_names()
            .map_or_else(Vec::new, |n| n.iter().map(|n| format!("<{n}>")).collect());
        let mut flags: Vec<String> = Vec::new();
        if let Some(s) = a.get_short() {
            flags.push(format!("-{s}"));
        }
        if let Some(l) = a.get_long() {
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
            let usage = placeholders(&sub.render_usage().to_string(), lang);
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

/// The English for a Dutch placeholder written in the definitions.
fn english_value_name(nl: &str) -> Option<&'static str> {
    const ENGLISH: &[(&str, &str)] = &[
        ("BESTAND", "FILE"),
        ("PAD", "PATH"),
        ("MAP", "DIR"),
        ("DATUM", "DATE"),
        ("TEKST", "TEXT"),
        ("WET", "LAW"),
        ("VRAAG=OORDEEL", "QUESTION=VERDICT"),
        ("SLEUTEL", "KEY"),
        ("WAARDE", "VALUE"),
        ("NAAM", "NAME"),
        ("AANTAL", "COUNT"),
        ("BREEDTE", "WIDTH"),
    ];
    ENGLISH.iter().find(|(n, _)| *n == nl).map(|(_, en)| *en)
}

/// Parses the arguments with help in `lang` (from [`early_lang`]); help,
/// version and usage errors exit here, in `lang`.
pub fn parse(args: Vec<OsString>, lang: Lang) -> Cli {
    let parsed = command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.unwrap_or_else(|err| {
        let (text, code) = usage_outcome(&err, lang);
        if code == 0 {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
        std::process::exit(code)
    })
}

/// The help of the command at `path` (`["export"]`, or none for the
/// whole tool), or the usage error that naming a wrong command gives.
pub fn help(path: &[String], lang: Lang) -> Result<String, String> {
    let mut args = vec!["driehoek".to_string()];
    args.extend(path.iter().cloned());
    args.push("--help".into());
    let Err(err) = command(lang).try_get_matches_from(args) else {
        unreachable!("--help always ends parsing");
    };
    match usage_outcome(&err, lang) {
        (text, 0) => Ok(text),
        (text, _) => Err(text),
    }
}

/// What a parse that did not give a command says, and its exit code.
fn usage_outcome(err: &clap::Error, lang: Lang) -> (String, i32) {
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
        K::DisplayHelp | K::DisplayVersion => (ended(rendered(err)), 0),
        K::DisplayHelpOnMissingArgumentOrSubcommand => {
            (ended(rendered(err)), crate::error::EXIT_USAGE.into())
        }
        _ => (usage_error(err, lang), crate::error::EXIT_USAGE.into()),
    }
}

/// clap's fixed English words in usage lines, in `lang`.
fn placeholders(text: &str, lang: Lang) -> String {
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
            let why = std::error::Error::source(err).map(|e| match e.downcast_ref() {
                // clap's own number parsers answer in English.
                Some(std::num::ParseIntError { .. }) => {
                    i18n::CLAP_NOT_A_NUMBER.get(lang).to_string()
                }
                None => e.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every help text of `cmd` and its subcommands, with where it is.
    fn texts(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        out.push((path.to_string(), about));
        for a in cmd.get_arguments() {
            let help = a.get_help().map(ToString::to_string).unwrap_or_default();
            out.push((format!("{path}.{}", a.get_id()), help));
        }
        for sub in cmd.get_subcommands() {
            texts(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_help_text_has_its_english() {
        let (mut nl, mut en) = (Vec::new(), Vec::new());
        texts(&command(Lang::Nl), "driehoek", &mut nl);
        texts(&command(Lang::En), "driehoek", &mut en);
        let untranslated: Vec<&String> = nl
            .iter()
            .zip(&en)
            .filter(|((_, n), (_, e))| n == e && !n.is_empty())
            .map(|((p, _), _)| p)
            .collect();
        assert!(
            untranslated.is_empty(),
            "no English in ENGLISH for: {untranslated:?}"
        );
    }
}
