use anyhow::Result;

use super::args::ListFormat;
use super::{Ctx, session};
use crate::domain::answer::{Answer, Verdict};
use crate::domain::bank::DEFAULT_SET;
use crate::domain::cases::PracticeCase;
use crate::domain::note::Draft;
use crate::domain::walk::Walk;
use crate::domain::walk::prompt::Prompter;
use crate::error::not_found;
use crate::i18n;
use crate::render;
use crate::store::{self, resolve_among};
use clap::Args;

#[derive(Debug, Args)]
pub struct PracticeArgs {
    /// De casus (een uniek begin van de naam is genoeg); zonder: kies uit de lijst
    #[arg(value_name = "CASUS")]
    pub case: Option<String>,
    /// Toon de oefencasussen
    #[arg(long, visible_alias = "lijst", conflicts_with = "case")]
    pub list: bool,
    /// Met --lijst: als tabel of als JSON (sleutel, titel, les en modeloordelen)
    #[arg(
        long,
        visible_alias = "formaat",
        value_enum,
        value_name = "FORMAAT",
        default_value = "text",
        requires = "list"
    )]
    pub format: ListFormat,
}

/// Walks an example case with the normal walk, the situation shown first;
/// at the end the trainee's answers stand beside the coach's notes.
pub fn run(ctx: &Ctx, args: PracticeArgs) -> Result<()> {
    let lang = ctx.ui_lang();
    let cases = ctx.cases()?;
    if args.list && args.format == ListFormat::Json {
        ctx.ui.document(&render::json(&listing(&cases, lang))?)?;
        return Ok(());
    }
    if args.list {
        let mut t = render::table::styled(
            [
                i18n::H_CASE.get(lang),
                i18n::H_TITLE.get(lang),
                i18n::H_SUMMARY.get(lang),
            ],
            Some(ctx.ui.table_width()),
        );
        for c in &cases {
            render::table::add_row(
                &mut t,
                [c.key.as_str(), c.title.get(lang), c.summary.get(lang)],
            );
        }
        render::table::keep_whole(&mut t, &[0], 1);
        ctx.ui.print(&format!("{t}\n"))?;
        return Ok(());
    }
    session::need_terminal("practice", lang)?;
    let store = ctx.store()?;
    let mut prompter = ctx.ui.prompter(store.scratch_dir());
    let case: &PracticeCase = match &args.case {
        Some(wanted) => {
            let keys: Vec<String> = cases.iter().map(|c| c.key.clone()).collect();
            let key = resolve_among(keys.clone(), wanted, lang).map_err(|_| {
                not_found(
                    i18n::ERR_NO_CASE.with(lang, &[("key", wanted), ("keys", &keys.join(", "))]),
                )
            })?;
            cases
                .iter()
                .find(|c| c.key == key)
                .expect("resolved among these keys")
        }
        None => {
            let titles: Vec<&str> = cases.iter().map(|c| c.title.get(lang)).collect();
            &cases[prompter.choose(i18n::PRACTICE_PICK.get(lang), &titles, 0)?]
        }
    };
    let situation = render::Doc {
        title: case.title.get(lang).to_string(),
        blocks: vec![
            render::Block::Heading(i18n::PRACTICE_SITUATION.get(lang).to_string()),
            render::Block::Quote(case.situation.get(lang).trim().to_string()),
        ],
    };
    prompter.show_styled(&render::terminal::render(&situation, prompter.width()))?;
    prompter.choose(
        i18n::PRACTICE_READY.get(lang),
        &[i18n::PRACTICE_START.get(lang)],
        0,
    )?;
    let set = ctx.set_named(DEFAULT_SET)?;
    let mut draft = Draft::new(store::new_id(), session::now(), &set, lang, None);
    draft.practice = Some(case.key.clone());
    let (scanner, lexicon) = (ctx.scanner()?, ctx.lexicon()?);
    // The case has its title: the walk takes it and starts after it.
    let title = set
        .roles
        .title
        .iter()
        .map(|id| (id.clone(), Answer::Text(case.title.get(lang).to_string())))
        .collect();
    let mut walk = Walk::new(&set, lang, title)
        .guarded_by(&scanner)
        .mirrored_by(&lexicon);
    walk.continue_at(None);
    session::finish(ctx, &store, &set, &mut walk, &mut draft)
}

/// One case as `practice --list --format json` gives it: enough for a
/// trainer to pick cases by what they teach and how a coach answers them.
#[derive(serde::Serialize)]
struct Listed<'a> {
    key: &'a str,
    title: &'a str,
    lesson: Option<&'a str>,
    model: Option<ModelVerdicts>,
    /// The legal points the coach notes rest on, law and article each.
    legal: Vec<Cited<'a>>,
}

#[derive(serde::Serialize)]
struct Cited<'a> {
    law: &'a str,
    article: &'a str,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct ModelVerdicts {
    wet: Verdict,
    middelen: Verdict,
    zelfregie: Verdict,
}

fn listing(cases: &[PracticeCase], lang: i18n::Lang) -> Vec<Listed<'_>> {
    cases
        .iter()
        .map(|c| Listed {
            key: &c.key,
            title: c.title.get(lang),
            lesson: c.lesson.as_ref().map(|l| l.get(lang).trim()),
            model: c.model.as_ref().map(|m| ModelVerdicts {
                wet: m.wet.oordeel,
                middelen: m.middelen.oordeel,
                zelfregie: m.zelfregie.oordeel,
            }),
            legal: c
                .legal
                .iter()
                .map(|p| Cited {
                    law: p.law(),
                    article: p.article(),
                    text: p.text.get(lang).trim(),
                })
                .collect(),
        })
        .collect()
}
