use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use crate::bank::{Choice, Condition, QuestionSet};
use crate::cli::{FormatArgs, ListFormat};
use crate::i18n::{self, Lang};
use crate::printable::show;
use crate::render;

#[derive(Serialize)]
struct JsonSet<'a> {
    set: &'a str,
    version: u32,
    lang: &'a str,
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

pub fn run(ctx: &Ctx, args: FormatArgs) -> Result<()> {
    let set = ctx.active_set()?;
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&json(&set, ctx.lang))?),
        ListFormat::Text => show(text(&set, ctx.lang)),
    }
    Ok(())
}

fn json(set: &QuestionSet, lang: Lang) -> JsonSet<'_> {
    JsonSet {
        set: &set.id,
        version: set.version,
        lang: lang.code(),
        questions: set
            .questions
            .iter()
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
                walk: if set.in_short(q) { "kort" } else { "volledig" },
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

fn text(set: &QuestionSet, lang: Lang) -> String {
    let mut out = format!("{} ({} v{})\n", set.name.get(lang), set.id, set.version);
    for section in &set.sections {
        out.push_str(&format!("\n{}\n", section.title.get(lang)));
        for q in set.questions_in(&section.key) {
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
