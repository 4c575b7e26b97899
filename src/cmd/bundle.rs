use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use anyhow::Result;

use super::Ctx;
use super::args::{FilterArgs, ReportArgs, ReportFormat};
use super::confirm::ask_yes;
use crate::domain::bank::Bank;
use crate::domain::bundle::{Bundle, Count};
use crate::domain::day;
use crate::domain::filter::Filter;
use crate::domain::findings::labels;
use crate::domain::privacy::Scanner;
use crate::domain::record::{self, Record};
use crate::error::bad_input;
use crate::files::{export_file, output};
use crate::i18n::{self, Lang};
use crate::render;
use clap::Args;

#[derive(Debug, Args)]
pub struct BundleArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Alleen casussen waarin deze wet of regel speelt (bijvoorbeeld wmo2015 of Participatiewet)
    #[arg(long, visible_alias = "wet", value_name = "WET")]
    pub law: Option<String>,
    /// Zet ook de titels van de casussen erin
    #[arg(long, visible_alias = "titels")]
    pub titles: bool,
    /// Vergelijk de kosten van elke casus over zoveel jaar (1 tot en met 50; zonder: 3)
    #[arg(
        long,
        visible_alias = "jaren",
        value_name = "JAREN",
        default_value_t = crate::domain::bundle::DEFAULT_HORIZON,
        value_parser = horizon
    )]
    pub horizon: u32,
    /// Schrijf het rapport naar dit bestand (Markdown, of in de vorm van --formaat)
    #[arg(short, long, visible_alias = "uitvoer", value_name = "BESTAND")]
    pub output: Option<PathBuf>,
    /// Vervang een bestaand bestand zonder te vragen
    #[arg(long, visible_alias = "vervang")]
    pub force: bool,
    #[command(flatten)]
    pub report: ReportArgs,
    /// Bundel anonieme exporten (bestanden of mappen met .json-bestanden) in plaats van de eigen notities
    #[arg(long, visible_alias = "uit", value_name = "BESTAND", num_args = 1.., conflicts_with_all = ["titles", "search"])]
    pub from: Vec<PathBuf>,
}

/// What many notes say together, for a coach's policy meeting; with
/// `--from`, what many teams' anonymous exports say together.
pub fn run(ctx: &Ctx, args: BundleArgs) -> Result<()> {
    let lang = ctx.ui_lang();
    let (bank, _) = ctx.bank()?;
    let filter = args.filter.filter();
    let law = args.law.as_deref();
    let mut about = String::new();
    let bundle = if args.from.is_empty() {
        own(ctx, &bank, (&filter, law), args.horizon)?
    } else {
        let scanner = ctx.scanner()?;
        let choice = (&filter, law, args.horizon);
        let (bundle, files) = from_exports(&args.from, choice, (&bank, &scanner), lang)?;
        let files = i18n::N_FILES.count(lang, files);
        about.push_str(&i18n::B_ABOUT_FILES.with(lang, &[("files", &files)]));
        bundle
    };
    about.push_str(&about_filter(&filter, law, lang));
    let doc = match args.report.format {
        ReportFormat::Csv => Some(render::bundle::csv(&bundle, lang)),
        ReportFormat::Json => Some(render::bundle::json(&bundle, args.titles)),
        _ => None,
    };
    if let Some(text) = doc {
        return write_or_print(ctx, &args, &text);
    }
    let view = render::bundle::View {
        titles: args.titles,
        exports: !args.from.is_empty(),
        about: &about,
    };
    let doc = render::bundle::doc(&bundle, lang, &view);
    match (&args.output, args.report.format) {
        (None, ReportFormat::Text) => {
            let page = render::terminal::render(&doc, Some(ctx.ui.table_width()));
            Ok(ctx.ui.page(&page)?)
        }
        _ => write_or_print(ctx, &args, &render::markdown::render(&doc)),
    }
}

/// Refuses a `--law` nobody knows, naming the known ones and the nearest.
/// The bundle of the store's own notes that `filter` (and `law`) keep:
/// both doors report through here.
pub fn own(
    ctx: &Ctx,
    bank: &Bank,
    (filter, law): (&Filter, Option<&str>),
    horizon: u32,
) -> Result<Bundle> {
    let lang = ctx.ui_lang();
    let store = ctx.store()?;
    let (rows, _) = ctx.select(&store, filter)?;
    let (mut notes, broken) = store.load_many(rows.into_iter().map(|s| s.id).collect());
    ctx.warn_broken(&broken);
    notes.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    let lexicon = ctx.lexicon()?;
    let records = record::records(&notes, bank, |note| labels(&lexicon, note, lang));
    // Left out as its anonymous export leaves them out (`export`).
    let (mut records, beyond) = record::Checks::new(bank).split(records);
    for (r, flaw) in &beyond {
        let problem = flaw.text(lang);
        ctx.ui
            .say(i18n::RECORD_LEFT_OUT_BUNDLE.with(lang, &[("id", &r.id), ("problem", &problem)]));
    }
    if let Some(law) = law {
        check_law(
            records.iter().filter_map(|r| r.law_other.as_ref()),
            bank,
            law,
            lang,
        )?;
        records.retain(|r| Bundle::names_law(r, bank, law));
    }
    Ok(Bundle::over(horizon, &records, bank, lang))
}

/// What the report's heading says about the choice of cases.
pub fn about_filter(filter: &Filter, law: Option<&str>, lang: Lang) -> String {
    let mut about = String::new();
    if let Some(law) = law {
        about.push_str(&i18n::B_ABOUT_LAW.with(lang, &[("law", law)]));
    }
    if let Some(d) = filter.since {
        about.push_str(&i18n::B_ABOUT_SINCE.with(lang, &[("date", &day::display(d, lang))]));
    }
    if let Some(d) = filter.until {
        about.push_str(&i18n::B_ABOUT_UNTIL.with(lang, &[("date", &day::display(d, lang))]));
    }
    if filter.structural {
        about.push_str(i18n::B_ABOUT_STRUCTURAL.get(lang));
    }
    about
}

fn check_law<'a>(
    others: impl IntoIterator<Item = &'a String>,
    bank: &Bank,
    law: &str,
    lang: Lang,
) -> Result<()> {
    Bundle::check_law(others, bank, law).map_err(|(known, nearest)| {
        bad_input(i18n::B_UNKNOWN_LAW.with(
            lang,
            &[
                ("law", law),
                ("nearest", &nearest),
                ("known", &known.join(", ")),
            ],
        ))
    })
}

/// The bundle of the anonymous exports named (a folder: the `.json` files
/// in it), and how many files that were. A city's worth is never held at
/// once: every file is streamed, checked whole (nothing is bundled from
/// part of the files) and counted as it comes. Only when a case turns up
/// twice (a copy, a second export) are the files read again, to count just
/// the record that holds for each case.
fn from_exports(
    paths: &[PathBuf],
    (filter, law, horizon): (&Filter, Option<&str>, u32),
    (bank, scanner): (&Bank, &Scanner),
    lang: Lang,
) -> Result<(Bundle, usize)> {
    let files = export_files(paths, lang)?;
    let checks = record::Checks::new(bank);
    let kept = |r: &Record| {
        filter.keeps_record(r) && law.is_none_or(|law| Bundle::names_law(r, bank, law))
    };
    let mut latest = record::Latest::default();
    let mut others = BTreeSet::new();
    let (mut count, mut again) = (Count::over(horizon), false);
    // A file made by hand, or by a tool, passes the privacy guard too: the
    // report goes to policy staff.
    let read = export_file::read_all(&files, &checks, Some(scanner), lang, |file, index, r| {
        again |= latest.see(file, index, &r);
        if !again && kept(&r) {
            count.add(&r);
        }
        others.extend(r.law_other);
    });
    let mut problems = Vec::new();
    let mut found = Vec::new();
    let mut seen = Vec::with_capacity(files.len());
    for (result, finds) in read {
        match result {
            Ok(scanned) => seen.push(scanned),
            Err(problem) => problems.push(problem),
        }
        found.extend(finds);
    }
    if !problems.is_empty() {
        return Err(bad_input(problems.join("\n")));
    }
    if !found.is_empty() {
        found.push(i18n::ERR_FROM_PERSONAL.get(lang).to_string());
        return Err(bad_input(found.join("\n")));
    }
    if let Some(law) = law {
        check_law(&others, bank, law, lang)?;
    }
    if !again {
        return Ok((count.finish(bank, lang), files.len()));
    }
    latest.settle(&seen.iter().map(|s| s.exported).collect::<Vec<_>>());
    let mut count = Count::over(horizon);
    let read = export_file::read_all(&files, &checks, None, lang, |file, index, r| {
        if latest.counts(file, index, &r) && kept(&r) {
            count.add(&r);
        }
    });
    let changed = read
        .iter()
        .zip(&seen)
        .position(|((now, _), before)| now.as_ref().map(|s| s.hash) != Ok(before.hash));
    if let Some(file) = changed {
        let file = files[file].display().to_string();
        return Err(bad_input(
            i18n::ERR_FROM_CHANGED.with(lang, &[("file", &file)]),
        ));
    }
    Ok((count.finish(bank, lang), files.len()))
}

/// The files named, a folder as the regular `.json` files directly in it,
/// sorted; a folder without any is an error.
fn export_files(paths: &[PathBuf], lang: Lang) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let dir = path.display().to_string();
        let entries = fs::read_dir(path).map_err(|e| {
            let error = crate::error::io_text(&e, lang);
            bad_input(i18n::ERR_READ.with(lang, &[("file", &dir), ("error", &error)]))
        })?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            })
            .filter(|p| fs::metadata(p).is_ok_and(|m| m.is_file()))
            .collect();
        if found.is_empty() {
            return Err(bad_input(i18n::ERR_FROM_EMPTY.with(lang, &[("dir", &dir)])));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// To the file the person named, by the rules every export follows, or
/// to standard output.
fn write_or_print(ctx: &Ctx, args: &BundleArgs, text: &str) -> Result<()> {
    let lang = ctx.ui_lang();
    match &args.output {
        Some(path) => {
            let store = ctx.store()?;
            let permit = output::permit(path, args.force, lang, |q| ask_yes(ctx, &store, q))?;
            output::write(path, text, permit)?;
            ctx.ui
                .say(i18n::WROTE.with(lang, &[("paths", &path.display().to_string())]));
        }
        None => ctx.ui.document(text)?,
    }
    Ok(())
}

/// `--horizon`: 1 to 50 years. Why another value is refused is said in
/// the reader's language (clap's range check said "0 is not in 1..=50").
fn horizon(text: &str) -> Result<u32, i18n::Phrase> {
    match text.trim().parse::<u32>() {
        Ok(n) if (1..=50).contains(&n) => Ok(n),
        _ => Err(i18n::Phrase::new(
            i18n::CLAP_OUT_OF_RANGE,
            &[("min", "1"), ("max", "50")],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::{Answer, Cost, Euros, Period};
    use crate::domain::bank::DEFAULT_SET;
    use crate::domain::note::CaseNote;
    use crate::domain::outcome::{Decision, Outcome};
    use crate::domain::versions;
    use jiff::Timestamp;

    /// A note on one of a few rule lines, with a cost, who pays and who
    /// saves (or set 2's mixed question), and maybe a decision.
    fn note(set: &crate::domain::bank::QuestionSet, n: usize, seed: u16) -> CaseNote {
        let rules = ["Eigen bijdrage", "eigen  bijdrage", "intake-eis", ""];
        let roles = ["gemeente", "zorgverzekeraar", "corporatie", "rijk"];
        // Some of the roles, by the bits of a number: none, one or several.
        let some = |bits: u16| {
            let picked = roles.iter().enumerate().filter(|(i, _)| bits >> i & 1 == 1);
            Answer::Multi(picked.map(|(_, r)| r.to_string()).collect())
        };
        let mut answers = vec![
            ("casus.titel".into(), Answer::Text(format!("casus {n}"))),
            (
                "wet.oordeel".into(),
                Answer::Choice(["ja", "nee"][usize::from(seed % 2)].into()),
            ),
            (
                "wet.blokkade".into(),
                Answer::Multi(vec!["werkinstructie".into()]),
            ),
            (
                "wet.regel_concreet".into(),
                Answer::Text(rules[usize::from(seed) % rules.len()].into()),
            ),
            (
                "middelen.kosten_nu".into(),
                Answer::Cost(Cost {
                    amount: Some(Euros(i64::from(seed) * 100)),
                    period: Period::PerYear,
                }),
            ),
            (
                "middelen.kosten_voorstel".into(),
                Answer::Cost(Cost {
                    amount: Some(Euros(500)),
                    period: Period::OneOff,
                }),
            ),
        ];
        if !seed.is_multiple_of(5) {
            answers.push(("middelen.betaler".into(), some(seed % 16)));
            answers.push(("middelen.bespaarder".into(), some(seed / 4 % 16)));
        }
        let created = Timestamp::from_second(1_780_000_000 + n as i64 * 3600).unwrap();
        let mut note = CaseNote::new(
            format!("n{n:04}"),
            created,
            set,
            crate::i18n::Lang::Nl,
            answers,
        );
        if seed.is_multiple_of(5) {
            // A set-2 note: payer and saver in one answer, counted as neither.
            note.answers.push(crate::domain::note::Entry {
                id: "middelen.betaler_voorstel".into(),
                question: "Wie zou de oplossing betalen, en wie bespaart erop?".into(),
                kind: crate::domain::answer::Kind::Multi,
                value: some(seed % 16),
                labels: Vec::new(),
            });
        }
        if seed.is_multiple_of(3) {
            let decision = Decision::ALL[usize::from(seed / 3) % Decision::ALL.len()];
            note.outcomes.push(Outcome {
                decision: Some(decision),
                decided: decision
                    .is_final()
                    .then(|| crate::domain::day::local(created)),
                ..Outcome::new(created, crate::domain::day::local(created))
            });
        }
        note
    }

    /// A store made by new notes, revisions (forks among them) and
    /// deletes, as `new`, `new --revises` and `delete` make it.
    fn store(bank: &Bank, ops: &[(u8, u16)]) -> Vec<CaseNote> {
        let set = bank.get(DEFAULT_SET).unwrap();
        let mut notes: Vec<CaseNote> = Vec::new();
        for (n, (op, seed)) in ops.iter().enumerate() {
            let pick = usize::from(*seed);
            match op {
                1 if !notes.is_empty() => {
                    let target = notes[pick % notes.len()].id.clone();
                    let versions: Vec<_> = notes.iter().map(CaseNote::version).collect();
                    let case = versions::cases(&versions)[target.as_str()].clone();
                    let mut revision = note(set, n, *seed);
                    revision.revises = Some(target);
                    revision.case = Some(case);
                    notes.push(revision);
                }
                2 if !notes.is_empty() => {
                    notes.remove(pick % notes.len());
                }
                _ => notes.push(note(set, n, *seed)),
            }
        }
        notes
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(64))]
        /// What the README promises: the store's bundle and the bundle of
        /// its own anonymous export agree on every count, whatever was
        /// revised, forked or deleted.
        #[test]
        fn the_store_and_its_anonymous_export_bundle_alike(
            ops in proptest::collection::vec((0u8..3, 0u16..60), 1..30)
        ) {
            let bank = Bank::embedded();
            let lang = crate::i18n::Lang::Nl;
            let notes = store(&bank, &ops);
            let checks = record::Checks::new(&bank);
            let (own, _) = checks.split(record::records(&notes, &bank, |_| Vec::new()));
            let mut mine = Bundle::of(&own, &bank, lang);
            let text = record::to_text(&record::Export {
                format: record::FORMAT.into(),
                version: record::VERSION,
                exported: Timestamp::now(),
                records: own.iter().map(|r| r.anonymous(b"geheim", false)).collect(),
            })
            .unwrap();
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("export.json");
            std::fs::write(&file, text).unwrap();
            let scanner = Scanner::new(Vec::new());
            let (theirs, _) =
                from_exports(&[file], (&Filter::default(), None, 3), (&bank, &scanner), lang).unwrap();
            mine.cases.clear();
            proptest::prop_assert_eq!(mine, theirs);
        }
    }
}
