//! The command line: assembles every command's own arguments (in
//! `cmd/`) into one definition, parses it, and runs the command asked
//! for. Help is Dutch by default; `--lang en` (or `DRIEHOEK_LANG=en`)
//! shows it in English, like everything else.
//!
//! - `english.rs`: the English help and placeholders;
//! - `localise.rs`: the definition in the reader's language;
//! - `typed.rs`: the definition named as the command line typed it,
//!   for help and usage errors;
//! - `usage.rs`: usage errors in the reader's language;
//! - `help.rs`, `man.rs`, `completions.rs`: the commands that show the
//!   command line itself.

mod completions;
mod english;
mod help;
mod localise;
mod man;
mod typed;
mod usage;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::cmd::{
    self, Ctx, agenda, bundle, check, compare, delete, drafts, edit, export, history, list, new,
    outcome, practice, prune, questions, resume, settings, show, signals, template, upgrade, web,
};
use crate::i18n::Lang;
use crate::term::ui::Ui;

pub use help::help;
pub use man::outline;
pub use usage::Usage;

const EXIT_CODES_NL: &str = "Afsluitcodes: 0 gelukt · 1 fout · 2 verkeerde invoer of niet gevonden · 130 afgebroken (Ctrl-C)\nNotities staan in DRIEHOEK_HOME, of anders in de gegevensmap van je systeem.";
const EXIT_CODES_EN: &str = "Exit codes: 0 ok · 1 failure · 2 bad usage or input, or not found · 130 cancelled (Ctrl-C)\nNotes live in DRIEHOEK_HOME, or else in your system's data folder.";

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
    #[arg(short, long, visible_alias = "hulp", global = true, action = clap::ArgAction::Help)]
    help: Option<bool>,

    /// Toon de versie
    #[arg(short = 'V', long, visible_alias = "versie", action = clap::ArgAction::Version)]
    version: Option<bool>,

    /// Taal van vragen en uitvoer
    #[arg(
        long,
        visible_alias = "taal",
        global = true,
        value_enum,
        value_name = "TAAL",
        env = "DRIEHOEK_LANG"
    )]
    pub lang: Option<Lang>,

    /// Gebruik de vragenlijst uit dit TOML-bestand
    #[arg(long, visible_alias = "vragen", global = true, value_name = "BESTAND")]
    pub questions: Option<PathBuf>,

    /// Id van de vragenlijst [standaard: waardendriehoek]
    #[arg(long, visible_alias = "vragenlijst", global = true, value_name = "ID")]
    pub set: Option<String>,

    /// Breedte van tabellen en tekst in kolommen [standaard: die van de terminal, anders 100]
    #[arg(long, visible_alias = "breedte", global = true, value_name = "KOLOMMEN", value_parser = columns)]
    pub width: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Loop een nieuwe casus door en sla de notitie op
    #[command(visible_alias = "nieuw")]
    New(new::NewArgs),
    /// Schrijf een leeg antwoordbestand (TOML) om in te vullen naar de uitvoer
    #[command(visible_alias = "sjabloon")]
    Template(template::TemplateArgs),
    /// Toon de vragen van de actieve vragenlijst
    #[command(visible_alias = "vragen")]
    Questions(questions::QuestionsArgs),
    /// Toon alle notities, nieuwste eerst
    #[command(visible_alias = "lijst")]
    List(list::ListArgs),
    /// Toon één notitie volledig
    #[command(visible_alias = "toon")]
    Show(show::ShowArgs),
    /// Exporteer notities als Markdown, HTML (om af te drukken) of JSON
    #[command(visible_alias = "exporteer")]
    Export(export::ExportArgs),
    /// Ga verder met een concept (het nieuwste, of het genoemde)
    #[command(visible_alias = "hervat")]
    Resume(resume::ResumeArgs),
    /// Toon de concepten die wachten
    #[command(visible_alias = "concepten")]
    Drafts,
    /// Bewerk een notitie; de vorige versie blijft bewaard
    #[command(visible_alias = "bewerk")]
    Edit(edit::EditArgs),
    /// Toon de bewaarde versies van een notitie
    #[command(visible_alias = "geschiedenis")]
    History(history::HistoryArgs),
    /// Verplaats een notitie naar de prullenbak, of wis haar voorgoed
    #[command(visible_alias = "verwijder")]
    Delete(delete::DeleteArgs),
    /// Wis de notities die langer dan de bewaartermijn niet zijn bijgewerkt
    #[command(visible_alias = "opschonen")]
    Prune(prune::PruneArgs),
    /// Werk notities van een eerdere versie bij naar het huidige formaat
    #[command(visible_alias = "bijwerken")]
    Upgrade(upgrade::UpgradeArgs),
    /// Zoek persoonsgegevens in opgeslagen notities (alle, of de genoemde)
    #[command(visible_alias = "controleer")]
    Check(check::CheckArgs),
    /// Oefen met een voorbeeldcasus en zie je antwoorden naast die van een coach
    #[command(visible_alias = "oefen")]
    Practice(practice::PracticeArgs),
    /// Gebundelde uitzonderingen: wat de notities samen zeggen, zonder persoonlijke tekst
    #[command(visible_alias = "bundel")]
    Bundle(bundle::BundleArgs),
    /// Elke regel met een signaal: aan wie, wie eigenaar is, hoe lang het loopt, de stand en de casussen
    #[command(visible_alias = "signalen")]
    Signals(signals::SignalsArgs),
    /// Zet twee notities naast elkaar, bijvoorbeeld vóór en na de bespreking
    #[command(visible_alias = "vergelijk")]
    Compare(compare::CompareArgs),
    /// Eén document voor een bespreking van meer casussen: een overzicht, dan elke casus op een nieuwe pagina
    #[command(visible_alias = "bespreking")]
    Agenda(agenda::AgendaArgs),
    /// Leg vast wat er na de bespreking gebeurde: advies, aan wie voorgelegd, besluit, daarna
    #[command(visible_alias = "afloop")]
    Outcome(outcome::OutcomeArgs),
    /// Schrijf aanvullingen voor de shell (bash, zsh, fish, PowerShell, elvish) naar de uitvoer
    Completions(completions::CompletionsArgs),
    /// Schrijf de handleiding als man-pagina naar de uitvoer
    Man,
    /// Toon waar het instellingenbestand staat en wat erin staat, of verander een instelling
    #[command(visible_alias = "instellingen")]
    Config(settings::ConfigArgs),
    /// Open driehoek in je browser, op deze computer alleen
    #[command(visible_alias = "browser")]
    Web(web::WebArgs),
    /// Toon de hulp bij driehoek, of bij één opdracht
    #[command(visible_alias = "hulp")]
    Help(help::HelpArgs),
}

/// `--width`: the columns to fit to, from 40 (narrower breaks words) to
/// 1000. Why another number is refused is said in the reader's language
/// by the usage error.
fn columns(text: &str) -> Result<u16, usage::Refused> {
    const FITS: std::ops::RangeInclusive<u64> = 40..=1000;
    let n: u64 = text
        .trim()
        .parse()
        .map_err(|_| usage::Refused::NotANumber)?;
    match u16::try_from(n) {
        Ok(n) if FITS.contains(&u64::from(n)) => Ok(n),
        _ => Err(usage::Refused::OutOfRange(*FITS.start(), *FITS.end())),
    }
}

/// What the command line asked for, when it was understood.
#[derive(Debug)]
pub enum Parsed {
    /// A command to run.
    Run(Box<Cli>),
    /// Help or the version, to show on stdout: nothing else to do.
    Shown(String),
}

/// The language asked for, before full parsing: help must already speak it.
pub fn early_lang(args: &[OsString]) -> Lang {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        let rest = arg
            .strip_prefix("--lang")
            .or_else(|| arg.strip_prefix("--taal"));
        let value = match rest {
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
    let mut cmd = localise::localise(Cli::command(), "", lang);
    if lang == Lang::En {
        cmd = cmd.after_help(EXIT_CODES_EN);
    }
    cmd
}

/// Parses the arguments with help in `lang` (from [`early_lang`]). Help,
/// the version and usage errors come back in `lang`; the caller says
/// them and decides how the run ends.
pub fn parse(args: Vec<OsString>, lang: Lang) -> Result<Parsed, Usage> {
    let parsed = command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => Ok(Parsed::Run(Box::new(cli))),
        Err(_) => usage::said(&args, lang).map(Parsed::Shown),
    }
}

/// Runs the command the command line named.
pub fn run(cli: Cli, ui: &'static Ui) -> anyhow::Result<()> {
    let globals = cmd::Globals {
        questions: cli.questions,
        set: cli.set,
    };
    let ctx = Ctx::new(ui, globals)?;
    match cli.command {
        Command::New(args) => new::run(&ctx, args),
        Command::Template(args) => template::run(&ctx, args),
        Command::Questions(args) => questions::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Show(args) => show::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Resume(args) => resume::run(&ctx, args),
        Command::Drafts => drafts::run(&ctx),
        Command::Edit(args) => edit::run(&ctx, args),
        Command::History(args) => history::run(&ctx, args),
        Command::Delete(args) => delete::run(&ctx, args),
        Command::Prune(args) => prune::run(&ctx, args),
        Command::Upgrade(args) => upgrade::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Compare(args) => compare::run(&ctx, args),
        Command::Agenda(args) => agenda::run(&ctx, args),
        Command::Outcome(args) => outcome::run(&ctx, args),
        Command::Bundle(args) => bundle::run(&ctx, args),
        Command::Signals(args) => signals::run(&ctx, args),
        Command::Practice(args) => practice::run(&ctx, args),
        Command::Completions(args) => completions::run(&ctx, args),
        Command::Man => man::run(&ctx),
        Command::Config(args) => settings::run(&ctx, args),
        Command::Help(args) => help::run(&ctx, args),
        Command::Web(args) => web::run(ctx, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Options whose name is the same word in Dutch.
    const SAME_IN_DUTCH: &[&str] = &["editor", "open"];

    /// Every option's English and Dutch name: a definition that swapped
    /// them (the Dutch name as the English one) shows here, and so does
    /// an option added without a look at its Dutch name.
    const NAMES: &[(&str, &str)] = &[
        ("all", "alle"),
        ("allow-personal-data", "persoonsgegevens-toestaan"),
        ("anonymous", "anoniem"),
        ("corrects", "corrigeert"),
        ("dry-run", "proef"),
        ("erase", "wis"),
        ("force", "vervang"),
        ("format", "formaat"),
        ("from", "uit"),
        ("full", "volledig"),
        ("group", "groepeer"),
        ("help", "hulp"),
        ("horizon", "jaren"),
        ("initials", "initialen"),
        ("for-person", "voor-persoon"),
        ("lang", "taal"),
        ("law", "wet"),
        ("limit", "hoogstens"),
        ("list", "lijst"),
        ("meeting", "overleg"),
        ("no-open", "niet-openen"),
        ("output", "uitvoer"),
        ("port", "poort"),
        ("purge", "voorgoed"),
        ("questions", "vragen"),
        ("revises", "herziet"),
        ("search", "zoek"),
        ("set", "vragenlijst"),
        ("short", "kort"),
        ("since", "sinds"),
        ("status", "stand"),
        ("strict", "streng"),
        ("structural", "structureel"),
        ("template", "sjabloon"),
        ("titles", "titels"),
        ("until", "tot"),
        ("verdict", "oordeel"),
        ("version", "versie"),
        ("width", "breedte"),
        ("yes", "ja"),
    ];

    /// Every option of `cmd` and below: (where, long name, visible aliases).
    fn options(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String, Vec<String>)>) {
        for a in cmd.get_arguments() {
            if let Some(long) = a.get_long() {
                let aliases = a.get_visible_aliases().unwrap_or_default();
                let aliases = aliases.into_iter().map(str::to_string).collect();
                out.push((path.to_string(), long.to_string(), aliases));
            }
        }
        for sub in cmd.get_subcommands() {
            options(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_option_has_its_dutch_name_beside_the_english_one() {
        let (mut nl, mut en) = (command(Lang::Nl), command(Lang::En));
        nl.build();
        en.build();
        let (mut dutch, mut english) = (Vec::new(), Vec::new());
        options(&nl, "driehoek", &mut dutch);
        options(&en, "driehoek", &mut english);
        assert_eq!(dutch.len(), english.len());
        for ((place, nl, nl_aliases), (_, en, en_aliases)) in dutch.iter().zip(&english) {
            if SAME_IN_DUTCH.contains(&en.as_str()) {
                assert!(nl == en && en_aliases.is_empty(), "{place} --{en}");
                continue;
            }
            // Dutch help names it in Dutch first, English help in English.
            assert!(
                NAMES.contains(&(en.as_str(), nl.as_str())),
                "{place}: is --{en} English and --{nl} its Dutch? Then add them to NAMES"
            );
            assert_eq!(en_aliases, std::slice::from_ref(nl), "{place} --{en}");
            assert_eq!(nl_aliases, std::slice::from_ref(en), "{place} --{nl}");
        }
    }

    #[test]
    fn the_definition_is_sound_in_both_languages() {
        Cli::command().debug_assert();
        command(Lang::Nl).debug_assert();
        command(Lang::En).debug_assert();
    }
}
