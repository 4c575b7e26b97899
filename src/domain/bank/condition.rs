//! When a follow-up is asked: a condition on earlier answers, read from
//! the set and checked against the questions before it.

use serde::Deserialize;
use toml::Spanned;

use super::Question;
use crate::domain::answer::{Answer, Kind};
use crate::i18n::{self, Lang};

/// When a follow-up is asked (or a required question may be left open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// An earlier answer has one of these values.
    AnyOf {
        question: String,
        values: Vec<String>,
    },
    /// Two earlier scale answers lie `by` or more apart (a contrast's now
    /// and desired: a remark is asked only where the case should move).
    Apart {
        question: String,
        other: String,
        by: i64,
    },
}

impl Condition {
    /// Whether the answers so far meet the condition.
    pub fn holds<'a>(&self, answer_of: impl Fn(&str) -> Option<&'a Answer>) -> bool {
        match self {
            Condition::AnyOf { question, values } => answer_of(question)
                .is_some_and(|a| a.condition_values().iter().any(|v| values.contains(v))),
            Condition::Apart {
                question,
                other,
                by,
            } => match (answer_of(question), answer_of(other)) {
                (Some(Answer::Scale(a)), Some(Answer::Scale(b))) => (a - b).abs() >= *by,
                _ => false,
            },
        }
    }

    /// The earlier questions it looks at.
    pub fn questions(&self) -> Vec<&str> {
        match self {
            Condition::AnyOf { question, .. } => vec![question],
            Condition::Apart {
                question, other, ..
            } => vec![question, other],
        }
    }

    /// The condition in words, for the template and `questions`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Condition::AnyOf { question, values } => i18n::WHEN_ANY_OF.with(
                lang,
                &[("question", question), ("values", &values.join(", "))],
            ),
            Condition::Apart {
                question,
                other,
                by,
            } => i18n::WHEN_APART.with(
                lang,
                &[
                    ("question", question),
                    ("other", other),
                    ("by", &by.to_string()),
                ],
            ),
        }
    }
}

/// `{ question = "…", in = ["…"] }`, or `{ question = "…", apart_from =
/// "…", by = 2 }` for two scales that lie apart.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCondition {
    question: Spanned<String>,
    #[serde(rename = "in")]
    any_of: Option<Spanned<Vec<String>>>,
    apart_from: Option<Spanned<String>>,
    by: Option<Spanned<i64>>,
}

/// The values an answer to `q` can have, as conditions compare them.
fn condition_values(q: &Question) -> Vec<String> {
    match q.kind {
        Kind::Choice | Kind::Multi => q.choices.iter().map(|c| c.value.clone()).collect(),
        Kind::YesNo => vec!["ja".into(), "nee".into()],
        Kind::Scale => q.scale.as_ref().map_or_else(Vec::new, |s| {
            (s.min..=s.max).map(|i| i.to_string()).collect()
        }),
        _ => Vec::new(),
    }
}

/// Checks a condition against the questions before it; every problem with
/// the place it points at.
pub(super) fn read_condition(
    w: RawCondition,
    earlier: &[Question],
    lang: Lang,
) -> Result<Condition, Vec<(std::ops::Range<usize>, String)>> {
    let find = |target: &Spanned<String>| {
        earlier
            .iter()
            .find(|q| q.id == *target.get_ref())
            .ok_or_else(|| {
                vec![(
                    target.span(),
                    i18n::BANK_NOT_EARLIER.with(lang, &[("id", target.get_ref())]),
                )]
            })
    };
    let t = find(&w.question)?;
    let target = w.question.get_ref().clone();
    match (w.any_of, w.apart_from, w.by) {
        (Some(any_of), None, None) => {
            let allowed = condition_values(t);
            if allowed.is_empty() {
                return Err(vec![(
                    w.question.span(),
                    i18n::BANK_CONDITION_KIND
                        .with(lang, &[("id", &target), ("kind", t.kind.name())]),
                )]);
            }
            if let Some(v) = any_of.get_ref().iter().find(|v| !allowed.contains(v)) {
                return Err(vec![(
                    any_of.span(),
                    i18n::BANK_NOT_A_VALUE.with(
                        lang,
                        &[
                            ("value", v),
                            ("id", &target),
                            ("values", &allowed.join(", ")),
                        ],
                    ),
                )]);
            }
            Ok(Condition::AnyOf {
                question: target,
                values: any_of.into_inner(),
            })
        }
        (None, Some(other), Some(by)) => {
            let o = find(&other)?;
            if t.kind != Kind::Scale || o.kind != Kind::Scale {
                return Err(vec![(
                    other.span(),
                    i18n::BANK_APART_SCALES.get(lang).to_string(),
                )]);
            }
            if *by.get_ref() < 1 {
                return Err(vec![(by.span(), i18n::BANK_BY.get(lang).to_string())]);
            }
            Ok(Condition::Apart {
                question: target,
                other: other.into_inner(),
                by: by.into_inner(),
            })
        }
        _ => Err(vec![(
            w.question.span(),
            i18n::BANK_CONDITION_FORM.get(lang).to_string(),
        )]),
    }
}
