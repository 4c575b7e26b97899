//! Reading a question set from TOML: every problem found, with its place.

use serde::Deserialize;
use toml::Spanned;

use super::condition::{RawCondition, read_condition};
use super::{
    BANK_FORMAT, Choice, ContrastDef, Depth, Kind, Question, QuestionSet, Roles, Scale, Section,
};
use crate::domain::note::{Scope, Verdict};
use crate::domain::problem::{Pending, Problem, Problems};
use crate::i18n::{self, Text};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    format: Spanned<u32>,
    id: Spanned<String>,
    version: u32,
    name: Text,
    description: Option<Text>,
    #[serde(default)]
    roles: RawRoles,
    #[serde(default)]
    contrasts: Vec<RawContrast>,
    sections: Vec<RawSection>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRoles {
    title: Option<Spanned<String>>,
    own_words: Option<Spanned<String>>,
    verdict_law: Option<Spanned<String>>,
    verdict_money: Option<Spanned<String>>,
    verdict_self: Option<Spanned<String>>,
    reason_law: Option<Spanned<String>>,
    reason_money: Option<Spanned<String>>,
    reason_self: Option<Spanned<String>>,
    laws: Option<Spanned<String>>,
    laws_other: Option<Spanned<String>>,
    blocker: Option<Spanned<String>>,
    rule: Option<Spanned<String>>,
    room: Option<Spanned<String>>,
    room_route: Option<Spanned<String>>,
    cost_current: Option<Spanned<String>>,
    cost_proposed: Option<Spanned<String>>,
    cost_proposed_kind: Option<Spanned<String>>,
    proposal: Option<Spanned<String>>,
    person_view: Option<Spanned<String>>,
    team_question: Option<Spanned<String>>,
    stuck_row: Option<Spanned<String>>,
    discussed: Option<Spanned<String>>,
    scope: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContrast {
    key: Spanned<String>,
    rational: Text,
    relational: Text,
    now: Spanned<String>,
    desired: Spanned<String>,
    remark: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    key: Spanned<String>,
    title: Text,
    intro: Option<Text>,
    #[serde(default)]
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    key: Spanned<String>,
    kind: Kind,
    #[serde(default)]
    required: bool,
    prompt: Text,
    help: Option<Text>,
    choices: Option<Spanned<Vec<Choice>>>,
    min: Option<Spanned<i64>>,
    max: Option<Spanned<i64>>,
    min_label: Option<Text>,
    max_label: Option<Text>,
    when: Option<RawCondition>,
    optional_when: Option<RawCondition>,
    walk: Option<Spanned<String>>,
}

const TEXT: &[Kind] = &[Kind::Text, Kind::Long];

/// What a role demands of the question it names.
enum Demand {
    Kind(&'static [Kind]),
    Values(&'static [&'static str]),
}

fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The most entries a question set may have: far above any real one (the
/// default set has 7 sections, some 60 questions and 250 choices), and low
/// enough that loading a set at the limit stays instant.
pub const MAX_SECTIONS: usize = 50;
pub const MAX_QUESTIONS: usize = 500;
pub const MAX_CHOICES: usize = 50;
pub const MAX_ALL_CHOICES: usize = 5000;
pub const MAX_CONTRASTS: usize = 50;

/// Parses and validates one question-set file. `file` names it in messages.
pub fn parse_set(file: &str, src: &str) -> Result<QuestionSet, Problems> {
    let fail = |list: Vec<Problem>| Problems::in_file(file, list);
    let raw: RawSet =
        toml::from_str(src).map_err(|e| fail(vec![Problem::from_toml(file, src, &e)]))?;
    let lang = i18n::current();
    let mut problems = Pending::new(file, src);
    // Counted before anything else is checked: past a limit the rest is
    // not read at all.
    let questions_in = || raw.sections.iter().flat_map(|s| &s.questions);
    let choice_count: usize = questions_in()
        .map(|q| q.choices.as_ref().map_or(0, |c| c.get_ref().len()))
        .sum();
    let over = [
        (raw.sections.len(), MAX_SECTIONS, i18n::BANK_SECTIONS),
        (questions_in().count(), MAX_QUESTIONS, i18n::BANK_QUESTIONS),
        (choice_count, MAX_ALL_CHOICES, i18n::BANK_ALL_CHOICES),
        (raw.contrasts.len(), MAX_CONTRASTS, i18n::BANK_CONTRASTS),
    ];
    for (count, max, what) in over {
        if count > max {
            problems.push(
                0,
                None,
                i18n::BANK_TOO_MANY.with(
                    lang,
                    &[
                        ("max", &max.to_string()),
                        ("what", what.get(lang)),
                        ("count", &count.to_string()),
                    ],
                ),
            );
        }
    }
    if !problems.is_empty() {
        return Err(fail(problems.placed()));
    }
    let mut problem = |span: std::ops::Range<usize>, id: Option<&str>, msg: String| {
        problems.push(span.start, id, msg);
    };

    if *raw.format.get_ref() != BANK_FORMAT {
        problem(
            raw.format.span(),
            None,
            i18n::BANK_FORMAT.with(
                lang,
                &[
                    ("found", &raw.format.get_ref().to_string()),
                    ("known", &BANK_FORMAT.to_string()),
                ],
            ),
        );
    }
    if !is_key(raw.id.get_ref()) {
        problem(raw.id.span(), None, i18n::BANK_SET_ID.get(lang).into());
    }

    let mut sections = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    for rs in raw.sections {
        let skey = rs.key.get_ref().clone();
        if !is_key(&skey) {
            problem(
                rs.key.span(),
                None,
                i18n::BANK_SECTION_KEY.with(lang, &[("key", &skey)]),
            );
        }
        if sections.iter().any(|s: &Section| s.key == skey) {
            problem(
                rs.key.span(),
                None,
                i18n::BANK_SECTION_TWICE.with(lang, &[("key", &skey)]),
            );
        }
        for rq in rs.questions {
            let id = format!("{skey}.{}", rq.key.get_ref());
            let at = rq.key.span();
            let mut bad = |msg: String| problem(at.clone(), Some(&id), msg);
            if !is_key(rq.key.get_ref()) {
                bad(i18n::BANK_QUESTION_KEY.get(lang).into());
            }
            if questions.iter().any(|q| q.id == id) {
                bad(i18n::BANK_QUESTION_TWICE.get(lang).into());
            }
            let takes_choices = matches!(rq.kind, Kind::Choice | Kind::Multi);
            let choices = rq.choices.map(Spanned::into_inner).unwrap_or_default();
            if choices.len() > MAX_CHOICES {
                bad(i18n::BANK_TOO_MANY_CHOICES.with(
                    lang,
                    &[
                        ("max", &MAX_CHOICES.to_string()),
                        ("count", &choices.len().to_string()),
                    ],
                ));
            }
            if takes_choices && choices.is_empty() {
                bad(i18n::BANK_NEEDS_CHOICES.with(lang, &[("kind", rq.kind.name())]));
            }
            if !takes_choices && !choices.is_empty() {
                bad(i18n::BANK_NO_CHOICES.with(lang, &[("kind", rq.kind.name())]));
            }
            for (i, c) in choices.iter().enumerate() {
                if !is_key(&c.value) {
                    bad(i18n::BANK_CHOICE_KEY.with(lang, &[("value", &c.value)]));
                }
                if choices[..i].iter().any(|d| d.value == c.value) {
                    bad(i18n::BANK_CHOICE_TWICE.with(lang, &[("value", &c.value)]));
                }
            }
            let scale = match (rq.kind, &rq.min, &rq.max) {
                (Kind::Scale, Some(min), Some(max)) => {
                    let (min, max) = (*min.get_ref(), *max.get_ref());
                    if min >= max || min < 0 || max > 10 {
                        bad(i18n::BANK_SCALE_RANGE.with(
                            lang,
                            &[("min", &min.to_string()), ("max", &max.to_string())],
                        ));
                    }
                    Some(Scale {
                        min,
                        max,
                        min_label: rq.min_label,
                        max_label: rq.max_label,
                    })
                }
                (Kind::Scale, _, _) => {
                    bad(i18n::BANK_SCALE_NEEDS.get(lang).into());
                    None
                }
                (_, None, None) if rq.min_label.is_none() && rq.max_label.is_none() => None,
                _ => {
                    bad(i18n::BANK_NO_SCALE.with(lang, &[("kind", rq.kind.name())]));
                    None
                }
            };
            let mut conditions = [rq.when, rq.optional_when].map(|raw| {
                raw.and_then(|w| match read_condition(w, &questions) {
                    Ok(c) => Some(c),
                    Err(wrong) => {
                        for (span, msg) in wrong {
                            problem(span, Some(&id), msg);
                        }
                        None
                    }
                })
            });
            let depth = match rq.walk {
                None => Depth::Full,
                Some(w) => match w.get_ref().as_str() {
                    "kort" => Depth::Short,
                    "volledig" => Depth::Full,
                    other => {
                        problem(
                            w.span(),
                            Some(&id),
                            i18n::BANK_WALK.with(lang, &[("value", other)]),
                        );
                        Depth::Full
                    }
                },
            };
            questions.push(Question {
                section: skey.clone(),
                key: rq.key.into_inner(),
                id,
                kind: rq.kind,
                required: rq.required,
                prompt: rq.prompt,
                help: rq.help,
                choices,
                scale,
                when: conditions[0].take(),
                optional_when: conditions[1].take(),
                depth,
            });
        }
        sections.push(Section {
            key: skey,
            title: rs.title,
            intro: rs.intro,
        });
    }
    if questions.is_empty() {
        problem(0..0, None, i18n::BANK_NO_QUESTIONS.get(lang).into());
    }

    let find = |id: &Spanned<String>| questions.iter().find(|q| q.id == *id.get_ref());
    let mut role = |name: &str, r: Option<Spanned<String>>, demand: Demand| -> Option<String> {
        let r = r?;
        let Some(q) = find(&r) else {
            problem(
                r.span(),
                None,
                i18n::BANK_ROLE_MISSING.with(lang, &[("role", name), ("id", r.get_ref())]),
            );
            return None;
        };
        match demand {
            Demand::Kind(kinds) if !kinds.contains(&q.kind) => {
                problem(
                    r.span(),
                    Some(&q.id),
                    i18n::BANK_ROLE_KIND.with(
                        lang,
                        &[
                            ("role", name),
                            (
                                "kinds",
                                &kinds
                                    .iter()
                                    .map(|k| k.name())
                                    .collect::<Vec<_>>()
                                    .join(i18n::BANK_OR.get(lang)),
                            ),
                            ("kind", q.kind.name()),
                        ],
                    ),
                );
            }
            Demand::Values(values)
                if q.kind != Kind::Choice
                    || values
                        .iter()
                        .any(|v| !q.choices.iter().any(|c| c.value == *v)) =>
            {
                problem(
                    r.span(),
                    Some(&q.id),
                    i18n::BANK_ROLE_VALUES
                        .with(lang, &[("role", name), ("values", &values.join(", "))]),
                );
            }
            _ => {}
        }
        Some(r.into_inner())
    };
    let rr = raw.roles;
    let roles = Roles {
        title: role("title", rr.title, Demand::Kind(&[Kind::Text])),
        own_words: role(
            "own_words",
            rr.own_words,
            Demand::Kind(&[Kind::Text, Kind::Long]),
        ),
        verdict_law: role(
            "verdict_law",
            rr.verdict_law,
            Demand::Values(&Verdict::VALUES),
        ),
        verdict_money: role(
            "verdict_money",
            rr.verdict_money,
            Demand::Values(&Verdict::VALUES),
        ),
        verdict_self: role(
            "verdict_self",
            rr.verdict_self,
            Demand::Values(&Verdict::VALUES),
        ),
        reason_law: role(
            "reason_law",
            rr.reason_law,
            Demand::Kind(&[Kind::Text, Kind::Long]),
        ),
        reason_money: role(
            "reason_money",
            rr.reason_money,
            Demand::Kind(&[Kind::Text, Kind::Long]),
        ),
        reason_self: role(
            "reason_self",
            rr.reason_self,
            Demand::Kind(&[Kind::Text, Kind::Long]),
        ),
        laws: role("laws", rr.laws, Demand::Kind(&[Kind::Multi, Kind::Choice])),
        laws_other: role("laws_other", rr.laws_other, Demand::Kind(TEXT)),
        blocker: role(
            "blocker",
            rr.blocker,
            Demand::Kind(&[Kind::Multi, Kind::Choice]),
        ),
        rule: role("rule", rr.rule, Demand::Kind(TEXT)),
        room: role("room", rr.room, Demand::Kind(&[Kind::Choice, Kind::YesNo])),
        room_route: role(
            "room_route",
            rr.room_route,
            Demand::Kind(&[Kind::Multi, Kind::Choice]),
        ),
        cost_current: role(
            "cost_current",
            rr.cost_current,
            Demand::Kind(&[Kind::Cost, Kind::Amount]),
        ),
        cost_proposed: role(
            "cost_proposed",
            rr.cost_proposed,
            Demand::Kind(&[Kind::Cost, Kind::Amount]),
        ),
        cost_proposed_kind: role(
            "cost_proposed_kind",
            rr.cost_proposed_kind,
            Demand::Values(&["eenmalig", "jaarlijks"]),
        ),
        proposal: role("proposal", rr.proposal, Demand::Kind(TEXT)),
        person_view: role("person_view", rr.person_view, Demand::Kind(TEXT)),
        team_question: role("team_question", rr.team_question, Demand::Kind(TEXT)),
        stuck_row: role("stuck_row", rr.stuck_row, Demand::Kind(&[Kind::Choice])),
        discussed: role(
            "discussed",
            rr.discussed,
            Demand::Kind(&[Kind::Choice, Kind::YesNo]),
        ),
        scope: role("scope", rr.scope, Demand::Values(&Scope::VALUES)),
    };
    let mut contrasts = Vec::new();
    for c in raw.contrasts {
        let now = role("contrast now", Some(c.now), Demand::Kind(&[Kind::Scale]));
        let desired = role(
            "contrast desired",
            Some(c.desired),
            Demand::Kind(&[Kind::Scale]),
        );
        let remark = role(
            "contrast remark",
            c.remark,
            Demand::Kind(&[Kind::Text, Kind::Long]),
        );
        if let (Some(now), Some(desired)) = (now, desired) {
            contrasts.push(ContrastDef {
                key: c.key.into_inner(),
                rational: c.rational,
                relational: c.relational,
                now,
                desired,
                remark,
            });
        }
    }

    if !problems.is_empty() {
        return Err(fail(problems.placed()));
    }
    Ok(QuestionSet {
        id: raw.id.into_inner(),
        version: raw.version,
        name: raw.name,
        description: raw.description,
        roles,
        contrasts,
        sections,
        questions,
    })
}
