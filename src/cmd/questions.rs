use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use super::args::{FormatArgs, ListFormat};
use crate::domain::bank::Route;
use crate::domain::bank::{Choice, Condition, QuestionSet};
use crate::i18n::{self, Lang};
use crate::render;
use clap::Args;

#[derive(Debug, Args)]
pub struct QuestionsArgs {
    #[command(flatten)]
    pub format: FormatArgs,
    /// Alleen de vragen van de korte route
    #[arg(long, visible_alias = "kort")]
    pub short: bool,
}

#[derive(Serialize)]
struct JsonSet<'a> {
    set: &'a str,
    version: u32,
    lang: &'a str,
    /// The walk listed: "kort" or "volledig".
    walk: &'static str,
    questions: Vec<JsonQuestion<'a>>,
}

#[derive(Serialize)]
struct JsonQuestion<'a> {
    id: &'a str,
    section: &'a str,
    kind: &'a str,
    prompt: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    choices: Option<Vec<JsonChoice<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<JsonWhen<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    optional_when: Option<JsonWhen<'a>>,
    /// Required when this holds (question set 3: the concrete rule).
    #[serde(skip_serializing_if = "Option::is_none")]
    required_when: Option<JsonWhen<'a>>,
    /// A date that lies ahead (a deadline).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ahead: bool,
    /// "kort": asked in both walks; "volledig": in the full walk only.
    walk: &'static str,
}

#[derive(Serialize)]
struct JsonChoice<'a> {
    value: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct JsonWhen<'a> {
    question: &'a str,
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    any_of: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    apart_from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<i64>,
}

fn json_when(c: &Condition) -> JsonWhen<'_> {
    match c {
        Condition::AnyOf { question, values } => JsonWhen {
            question,
            any_of: Some(values),
            apart_from: None,
            by: None,
        },
        Condition::Apart {
            question,
            other,
            by,
        } => JsonWhen {
            question,
            any_of: None,
            apart_from: Some(other),
            by: Some(*by),
        },
    }
}

/// The questions of the full walk, or with --kort those of the short one.
pub fn run(ctx: &Ctx, args: QuestionsArgs) -> Result<()> {
    let set = ctx.active_set()?;
    let route = if args.short {
        Route::Short
    } else {
        Route::Full
    };
    match args.format.format {
        ListFormat::Json => {
            ctx.ui
                .document(&render::json(&json(&set, route, ctx.ui_lang()))?)?;
        }
        ListFormat::Text => ctx.ui.print(&text(&set, route, ctx.ui_lang()))?,
    }
    Ok(())
}

fn json(set: &QuestionSet, route: Route, lang: Lang) -> JsonSet<'_> {
    JsonSet {
        set: &set.id,
        version: set.version,
        lang: lang.code(),
        walk: route_name(route),
        questions: set
            .walked(route)
            .map(|q| JsonQuestion {
                id: &q.id,
                section: &q.section,
                kind: q.kind.name(),
                prompt: q.prompt.get(lang),
                help: q.help.as_ref().map(|h| h.get(lang)),
                required: q.required,
                choices: (!q.choices.is_empty()).then(|| choices(&q.choices, lang)),
                min: q.scale.as_ref().map(|s| s.min),
                max: q.scale.as_ref().map(|s| s.max),
                when: q.when.as_ref().map(json_when),
                optional_when: q.optional_when.as_ref().map(json_when),
                required_when: q.required_when.as_ref().map(json_when),
                ahead: q.ahead,
                walk: route_name(if set.in_short(q) {
                    Route::Short
                } else {
                    Route::Full
                }),
            })
            .collect(),
    }
}

fn choices(cs: &[Choice], lang: Lang) -> Vec<JsonChoice<'_>> {
    cs.iter()
        .map(|c| JsonChoice {
            value: &c.value,
            label: c.label.get(lang),
        })
        .collect()
}

/// A route as the files and flags name it.
fn route_name(route: Route) -> &'static str {
    match route {
        Route::Short => "kort",
        Route::Full => "volledig",
        Route::Deepen => "verdiepen",
    }
}

fn text(set: &QuestionSet, route: Route, lang: Lang) -> String {
    let mut out = format!("{} ({} v{})\n", set.name.get(lang), set.id, set.version);
    for section in &set.sections {
        let mut asked = set
            .questions_in(&section.key)
            .filter(|q| set.on_route(route, q))
            .peekable();
        if asked.peek().is_none() {
            continue;
        }
        out.push_str(&format!("\n{}\n", section.title.get(lang)));
        for q in asked {
            let need = if q.required {
                i18n::T_REQUIRED.get(lang)
            } else {
                ""
            };
            out.push_str(&format!("  {:<30} {}\n", q.id, q.prompt.get(lang)));
            let mut facts = vec![render::template::kind_hint(q, lang)];
            if !need.is_empty() {
                facts.insert(0, need.to_string());
            }
            facts.extend(render::template::conditions(q, lang));
            out.push_str(&format!("  {:<30} {}\n", "", facts.join(" · ")));
        }
    }
    out
}
