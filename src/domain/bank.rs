//! The question bank: question sets as data. The default set is embedded
//! at build time; a coach can add or override sets with their own files.
//! Loading validates everything a walk relies on and reports every problem
//! with its line and column.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::domain::note::{Answer, Invalid, MAX_ANSWER, Scope, Verdict};
use crate::domain::problem::{Pending, Problem, Problems};
use crate::i18n::{self, Lang, Text};
use crate::printable::steers;

/// The format of a question-set file.
pub const BANK_FORMAT: u32 = 1;

/// The set a walk uses unless told otherwise.
pub const DEFAULT_SET: &str = "waardendriehoek";

/// The sets shipped inside the binary, as (file name, text).
pub const EMBEDDED: &[(&str, &str)] = &[(
    "questions/waardendriehoek.toml",
    include_str!("../../questions/waardendriehoek.toml"),
)];

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One line of text.
    Text,
    /// Free text over several lines; the walk offers the editor.
    Long,
    Choice,
    Multi,
    Scale,
    /// Euros.
    Amount,
    YesNo,
    /// Euros or "weet ik niet", with the period the sum covers.
    Cost,
    /// A day, written as people write it (`1-12-2026`).
    Date,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Long => "long",
            Kind::Choice => "choice",
            Kind::Multi => "multi",
            Kind::Scale => "scale",
            Kind::Amount => "amount",
            Kind::YesNo => "yesno",
            Kind::Cost => "cost",
            Kind::Date => "date",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: Text,
    /// In a multiple choice, this value stands alone ("geen", "weet ik
    /// nog niet"): it cannot be chosen together with others.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// Which walk asks a question: the short walk asks only the questions
/// marked `kort`, the full walk asks them all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    #[serde(rename = "kort")]
    Short,
    /// The default, so a coach's own set from before the two walks loads.
    #[default]
    #[serde(rename = "volledig")]
    Full,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub min_label: Option<Text>,
    pub max_label: Option<Text>,
}

/// Which questions a walk asks: the short walk, the full one, or the rest
/// of a short note (deepening it to a full one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Route {
    #[serde(rename = "kort")]
    Short,
    #[default]
    #[serde(rename = "volledig")]
    Full,
    #[serde(rename = "verdiepen")]
    Deepen,
}

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub key: String,
    pub title: Text,
    pub intro: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// `section.key`, stable across versions of the set.
    pub id: String,
    pub section: String,
    pub key: String,
    pub kind: Kind,
    pub required: bool,
    pub prompt: Text,
    pub help: Option<Text>,
    pub choices: Vec<Choice>,
    pub scale: Option<Scale>,
    pub when: Option<Condition>,
    /// A required question that may be left open when this holds (the
    /// laws at stake, when the solution is allowed by law).
    pub optional_when: Option<Condition>,
    /// Asked in the short walk, or only in the full one.
    pub depth: Depth,
}

/// Which questions carry the parts of the method: the tool reads verdicts,
/// costs and contrasts through these, so a set may name its questions freely.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles {
    pub title: Option<String>,
    pub own_words: Option<String>,
    pub verdict_law: Option<String>,
    pub verdict_money: Option<String>,
    pub verdict_self: Option<String>,
    pub reason_law: Option<String>,
    pub reason_money: Option<String>,
    pub reason_self: Option<String>,
    pub laws: Option<String>,
    pub laws_other: Option<String>,
    pub blocker: Option<String>,
    /// The concrete rule line ("werkinstructie intake schuldhulp"):
    /// bundling groups by it.
    pub rule: Option<String>,
    pub room: Option<String>,
    pub room_route: Option<String>,
    pub cost_current: Option<String>,
    pub cost_proposed: Option<String>,
    /// Release-1 sets: whether the proposal's amount is one-off or yearly.
    pub cost_proposed_kind: Option<String>,
    pub proposal: Option<String>,
    pub person_view: Option<String>,
    pub team_question: Option<String>,
    /// Which rational/relational row is most stuck (the short walk's
    /// stand-in for the twelve scales).
    pub stuck_row: Option<String>,
    pub discussed: Option<String>,
    pub scope: Option<String>,
}

/// One rational/relational row and the questions that place a case on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContrastDef {
    pub key: String,
    pub rational: Text,
    pub relational: Text,
    pub now: String,
    pub desired: String,
    pub remark: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionSet {
    pub id: String,
    pub version: u32,
    pub name: Text,
    pub description: Option<Text>,
    pub roles: Roles,
    pub contrasts: Vec<ContrastDef>,
    pub sections: Vec<Section>,
    /// In walk order.
    pub questions: Vec<Question>,
}

impl QuestionSet {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The questions of one section, in order.
    pub fn questions_in<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Question> {
        self.questions.iter().filter(move |q| q.section == section)
    }

    /// Whether the short walk asks this question: it is marked `kort`, and
    /// so is every question its condition looks at.
    pub fn in_short(&self, q: &Question) -> bool {
        q.depth == Depth::Short
            && q.when.as_ref().is_none_or(|w| {
                w.questions()
                    .iter()
                    .all(|id| self.question(id).is_some_and(|p| self.in_short(p)))
            })
    }

    /// Whether a walk of `route` asks `q` (when its condition holds).
    pub fn on_route(&self, route: Route, q: &Question) -> bool {
        match route {
            Route::Short => self.in_short(q),
            Route::Full => true,
            Route::Deepen => !self.in_short(q),
        }
    }

    /// The questions a walk of `route` asks, in order.
    pub fn walked(&self, route: Route) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| self.on_route(route, q))
    }
}

impl Question {
    /// Whether this question is asked, given the answers so far.
    pub fn applies<'a>(&self, answer_of: impl Fn(&str) -> Option<&'a Answer>) -> bool {
        self.when.as_ref().is_none_or(|c| c.holds(answer_of))
    }

    /// Whether an answer is needed, given the answers so far.
    pub fn required_given<'a>(&self, answer_of: impl Fn(&str) -> Option<&'a Answer>) -> bool {
        self.required
            && !self
                .optional_when
                .as_ref()
                .is_some_and(|c| c.holds(answer_of))
    }

    /// Checks what the answer's kind alone cannot: known choices, the scale's
    /// range, one line for short text, and the size limit.
    pub fn check(&self, answer: &Answer) -> Result<(), Invalid> {
        let known = |v: &str| self.choices.iter().any(|c| c.value == v);
        let not_a_choice = |v: &str| Invalid::NotAChoice {
            value: v.to_string(),
            allowed: self.choices.iter().map(|c| c.value.clone()).collect(),
        };
        match answer {
            Answer::Text(t) if t.len() > MAX_ANSWER => Err(Invalid::TooLong),
            Answer::Text(t) if self.kind == Kind::Text && t.contains('\n') => Err(Invalid::OneLine),
            // A one-line answer lands in tables and titles: no tab, no \r, nothing
            // that could steer a terminal.
            Answer::Text(t)
                if self.kind == Kind::Text && t.chars().any(|c| c.is_control() || steers(c)) =>
            {
                Err(Invalid::Control)
            }
            Answer::Choice(v) if !known(v) => Err(not_a_choice(v)),
            Answer::Multi(vs) => match vs.iter().find(|v| !known(v)) {
                Some(v) => Err(not_a_choice(v)),
                None => match vs.iter().find(|v| {
                    vs.len() > 1 && self.choices.iter().any(|c| c.exclusive && &c.value == *v)
                }) {
                    Some(v) => Err(Invalid::Exclusive(v.clone())),
                    None => Ok(()),
                },
            },
            Answer::Scale(i) => {
                let s = self
                    .scale
                    .as_ref()
                    .ok_or(Invalid::Type { expected: "scale" })?;
                if (s.min..=s.max).contains(i) {
                    Ok(())
                } else {
                    Err(Invalid::Scale {
                        min: s.min,
                        max: s.max,
                    })
                }
            }
            _ => Ok(()),
        }
    }

    /// Reads a value written in a file or typed at a prompt, fully checked.
    pub fn read(&self, value: &toml::Value) -> Result<Option<Answer>, Invalid> {
        let mut answer = Answer::from_toml(self.kind, value)?;
        if let Some(a) = &mut answer {
            self.normalise(a);
            self.check(a)?;
        }
        Ok(answer)
    }

    /// Lets people write a choice by its label too ("nog niet" for
    /// `nog_niet`), and drops repeated choices.
    fn normalise(&self, answer: &mut Answer) {
        let by_label = |v: &mut String| {
            let wanted = v.to_lowercase();
            if let Some(c) = self.choices.iter().find(|c| {
                c.value == wanted
                    || c.label.nl.to_lowercase() == wanted
                    || c.label.en.to_lowercase() == wanted
            }) {
                *v = c.value.clone();
            }
        };
        match answer {
            Answer::Choice(v) => by_label(v),
            Answer::Multi(vs) => {
                vs.iter_mut().for_each(by_label);
                let mut seen = Vec::new();
                vs.retain(|v| {
                    let first = !seen.contains(v);
                    seen.push(v.clone());
                    first
                });
            }
            _ => {}
        }
    }

    /// The labels of the chosen values, as shown to the person.
    pub fn labels_of(&self, answer: &Answer, lang: Lang) -> Vec<String> {
        let label = |v: &String| {
            self.choices
                .iter()
                .find(|c| &c.value == v)
                .map_or_else(|| v.clone(), |c| c.label.get(lang).to_string())
        };
        match answer {
            Answer::Choice(v) => vec![label(v)],
            Answer::Multi(vs) => vs.iter().map(label).collect(),
            _ => Vec::new(),
        }
    }
}

// ---- Reading a set from TOML ------------------------------------------------

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

/// `{ question = "…", in = ["…"] }`, or `{ question = "…", apart_from =
/// "…", by = 2 }` for two scales that lie apart.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    question: Spanned<String>,
    #[serde(rename = "in")]
    any_of: Option<Spanned<Vec<String>>>,
    apart_from: Option<Spanned<String>>,
    by: Option<Spanned<i64>>,
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
fn read_condition(
    w: RawCondition,
    earlier: &[Question],
) -> Result<Condition, Vec<(std::ops::Range<usize>, String)>> {
    let lang = i18n::current();
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

/// Parses and validates one question-set file. `file` names it in messages.
/// The most entries a question set may have: far above any real one (the
/// default set has 7 sections, some 60 questions and 250 choices), and low
/// enough that loading a set at the limit stays instant.
pub const MAX_SECTIONS: usize = 50;
pub const MAX_QUESTIONS: usize = 500;
pub const MAX_CHOICES: usize = 50;
pub const MAX_ALL_CHOICES: usize = 5000;
pub const MAX_CONTRASTS: usize = 50;

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

/// The sets a session can use: the embedded ones, overridden or extended
/// by a coach's own files.
#[derive(Clone, Debug, Default)]
pub struct Bank {
    sets: Vec<QuestionSet>,
}

impl Bank {
    pub fn embedded() -> Bank {
        let mut bank = Bank::default();
        for (file, src) in EMBEDDED {
            // The embedded sets are checked by a unit test; a broken one is a
            // build defect, not a user error.
            bank.add(
                parse_set(file, src)
                    .unwrap_or_else(|e| panic!("embedded question set is invalid:\n{e}")),
            );
        }
        bank
    }

    /// Adds a set; one with the same id replaces the one there was.
    pub fn add(&mut self, set: QuestionSet) {
        self.sets.retain(|s| s.id != set.id);
        self.sets.push(set);
    }

    pub fn get(&self, id: &str) -> Option<&QuestionSet> {
        self.sets.iter().find(|s| s.id == id)
    }

    pub fn sets(&self) -> impl Iterator<Item = &QuestionSet> {
        self.sets.iter()
    }

    pub fn ids(&self) -> Vec<&str> {
        self.sets.iter().map(|s| s.id.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_set() -> QuestionSet {
        Bank::embedded().get(DEFAULT_SET).unwrap().clone()
    }

    #[test]
    fn the_default_set_loads_and_covers_the_method() {
        let set = default_set();
        assert!(
            set.roles.verdict_law.is_some()
                && set.roles.verdict_money.is_some()
                && set.roles.verdict_self.is_some()
        );
        assert_eq!(set.contrasts.len(), 6);
        assert!(set.roles.cost_current.is_some() && set.roles.scope.is_some());
        for q in &set.questions {
            assert!(
                !q.prompt.nl.is_empty() && !q.prompt.en.is_empty(),
                "{}",
                q.id
            );
            assert!(q.help.is_some(), "{} has no help", q.id);
        }
    }

    /// A set of `questions` choice questions with `choices` choices each.
    fn big_set(questions: usize, choices: usize) -> String {
        let mut src = String::from(
            "format = 1\nid = \"groot\"\nversion = 1\nname = { nl = \"g\", en = \"g\" }\n\n[[sections]]\nkey = \"a\"\ntitle = { nl = \"A\", en = \"A\" }\n",
        );
        for q in 0..questions {
            src.push_str(&format!(
                "\n[[sections.questions]]\nkey = \"q{q}\"\nkind = \"choice\"\nprompt = {{ nl = \"Vraag {q}?\", en = \"Question {q}?\" }}\nchoices = ["
            ));
            for c in 0..choices {
                src.push_str(&format!(
                    "{{ value = \"c{c}\", label = {{ nl = \"k{c}\", en = \"c{c}\" }} }},"
                ));
            }
            src.push_str("]\n");
        }
        src
    }

    /// Every entry limit holds at exactly one past it, and a set at every
    /// limit at once loads.
    #[test]
    fn each_entry_limit_holds_at_exactly_one_past_it() {
        let with = |sections: usize, contrasts: usize, extra_choice: bool| {
            let mut src = big_set(MAX_QUESTIONS, MAX_ALL_CHOICES / MAX_QUESTIONS);
            if extra_choice {
                src = src.replacen(
                    "choices = [",
                    "choices = [{ value = \"extra\", label = { nl = \"x\", en = \"x\" } },",
                    1,
                );
            }
            src.extend((0..contrasts).map(|k| format!(
                "\n[[contrasts]]\nkey = \"k{k}\"\nrational = {{ nl = \"r\", en = \"r\" }}\nrelational = {{ nl = \"r\", en = \"r\" }}\nnow = \"a.q0\"\ndesired = \"a.q1\"\n"
            )));
            src.extend((1..sections).map(|k| {
                format!("\n[[sections]]\nkey = \"s{k}\"\ntitle = {{ nl = \"S\", en = \"S\" }}\n")
            }));
            parse_set("grens.toml", &src)
        };
        let refused = |result: Result<QuestionSet, Problems>| {
            let err = result.expect_err("refused");
            assert_eq!(err.list.len(), 1, "{err}");
            err.to_string()
        };
        assert!(refused(with(MAX_SECTIONS + 1, 0, false)).contains("51"));
        assert!(refused(with(1, MAX_CONTRASTS + 1, false)).contains("51"));
        assert!(refused(with(1, 0, true)).contains("5001"));
        // At every limit no limit is reported (the invented contrasts point
        // at choice questions, which other checks refuse).
        let at_limits = with(MAX_SECTIONS, MAX_CONTRASTS, false).map(|_| ());
        let at_limits = at_limits.map_err(|e| e.to_string());
        assert!(
            !at_limits.as_ref().is_err_and(|e| e.contains("hoogstens")),
            "{at_limits:?}"
        );
    }

    #[test]
    fn sets_past_their_entry_limits_are_refused_before_they_are_read() {
        let err = parse_set("groot.toml", &big_set(MAX_QUESTIONS + 1, 1)).unwrap_err();
        assert!(
            err.to_string()
                .contains("een vragenlijst heeft hoogstens 500 vragen; deze heeft er 501"),
            "{err}"
        );
        let err = parse_set("keuzes.toml", &big_set(1, MAX_CHOICES + 1)).unwrap_err();
        assert!(err.to_string().contains("hoogstens 50 keuzes"), "{err}");
        let err = parse_set("alle.toml", &big_set(MAX_QUESTIONS, 11)).unwrap_err();
        assert!(
            err.to_string().contains("hoogstens 5000 keuzes in totaal"),
            "{err}"
        );
        // At the limit it loads; most of the time is the TOML parser, in a
        // debug build.
        let at_limit = big_set(MAX_QUESTIONS, 10);
        let start = std::time::Instant::now();
        let set = parse_set("grens.toml", &at_limit).unwrap();
        assert_eq!(set.questions.len(), MAX_QUESTIONS);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn every_problem_is_reported_with_its_place() {
        let src = r#"format = 1
id = "test"
version = 1
name = { nl = "t", en = "t" }

[roles]
verdict_law = "a.missing"

[[sections]]
key = "a"
title = { nl = "A", en = "A" }

[[sections.questions]]
key = "keuze"
kind = "choice"
prompt = { nl = "?", en = "?" }

[[sections.questions]]
key = "volg"
kind = "text"
prompt = { nl = "?", en = "?" }
when = { question = "a.later", in = ["x"] }
"#;
        let err = parse_set("test.toml", src).unwrap_err();
        let text = err.to_string();
        assert_eq!(err.list.len(), 3, "{text}");
        assert!(
            text.contains("test.toml:7:15: rol verdict_law noemt 'a.missing'"),
            "{text}"
        );
        assert!(
            text.contains(
                "test.toml:14:7: [a.keuze] een vraag van soort choice heeft keuzes (choices) nodig"
            ),
            "{text}"
        );
        assert!(
            text.contains("test.toml:22:21: [a.volg] vervolg op 'a.later'"),
            "{text}"
        );
    }

    #[test]
    fn unknown_keys_and_newer_formats_are_refused() {
        let err = parse_set("x.toml", "format = 1\nid = \"x\"\nversion = 1\nname = { nl = \"x\", en = \"x\" }\ncolour = \"red\"\nsections = []\n").unwrap_err();
        assert!(err.to_string().contains("x.toml:5:1"), "{err}");
        let err = parse_set("x.toml", "format = 9\nid = \"x\"\nversion = 1\nname = { nl = \"x\", en = \"x\" }\nsections = []\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("vragenlijstformaat 9 wordt niet ondersteund"),
            "{err}"
        );
    }

    #[test]
    fn follow_ups_apply_only_when_called_for() {
        let set = default_set();
        let q = set.question("wet.regel_anders").unwrap();
        let other = Answer::Multi(vec!["wmo2015".into(), "anders".into()]);
        let wmo = Answer::Multi(vec!["wmo2015".into()]);
        assert!(q.applies(|id| (id == "wet.regel").then_some(&other)));
        assert!(!q.applies(|id| (id == "wet.regel").then_some(&wmo)));
        assert!(!q.applies(|_| None));
    }

    #[test]
    fn answers_are_checked_against_the_question() {
        let set = default_set();
        let verdict = set.question("wet.oordeel").unwrap();
        assert_eq!(
            verdict.read(&"nee".into()),
            Ok(Some(Answer::Choice("nee".into())))
        );
        assert!(matches!(
            verdict.read(&"misschien".into()),
            Err(Invalid::NotAChoice { .. })
        ));
        let scale = set.question("contrasten.uniform_nu").unwrap();
        assert_eq!(
            scale.read(&toml::Value::Integer(6)),
            Err(Invalid::Scale { min: 1, max: 5 })
        );
        let discussed = set.question("reflectie.besproken").unwrap();
        assert_eq!(
            discussed.read(&"Nog niet".into()),
            Ok(Some(Answer::Choice("nog_niet".into())))
        );
        let title = set.question("casus.titel").unwrap();
        assert_eq!(title.read(&"twee\nregels".into()), Err(Invalid::OneLine));
        for steering in [
            "a\rb",
            "a\tb",
            "\x1b]52;c;eA==\x07",
            "a\u{202E}b",
            "\u{9b}2J",
        ] {
            assert_eq!(
                title.read(&steering.into()),
                Err(Invalid::Control),
                "{steering:?}"
            );
        }
    }

    #[test]
    fn the_short_walk_is_the_twenty_questions_of_the_contract() {
        let set = default_set();
        let short: Vec<&str> = set.walked(Route::Short).map(|q| q.id.as_str()).collect();
        assert_eq!(
            short,
            [
                "casus.titel",
                "casus.eigen_woorden",
                "casus.blokkade",
                "casus.oplossing",
                "casus.persoon_over_voorstel",
                "wet.oordeel",
                "wet.regel",
                "wet.blokkade",
                "wet.regel_concreet",
                "wet.ruimte",
                "wet.ruimte_route",
                "middelen.oordeel",
                "middelen.kosten_nu",
                "middelen.kosten_voorstel",
                "zelfregie.oordeel",
                "zelfregie.logica",
                "contrasten.vastzittend",
                "reflectie.besproken",
                "vervolg.teamvraag",
                "vervolg.schaal",
            ]
        );
        // A follow-up marked kort of a full-walk question stays out.
        assert!(!set.in_short(set.question("wet.regel_anders").unwrap()));
    }

    #[test]
    fn walk_and_conditions_are_checked_with_their_place() {
        let src = r#"format = 1
id = "t"
version = 1
name = { nl = "t", en = "t" }

[[sections]]
key = "a"
title = { nl = "A", en = "A" }

[[sections.questions]]
key = "nu"
kind = "scale"
min = 1
max = 5
walk = "snel"
prompt = { nl = "?", en = "?" }

[[sections.questions]]
key = "opm"
kind = "text"
when = { question = "a.nu", apart_from = "a.later", by = 2 }
prompt = { nl = "?", en = "?" }
"#;
        let text = parse_set("t.toml", src).unwrap_err().to_string();
        assert!(
            text.contains("t.toml:15:8: [a.nu] walk is \"kort\" of \"volledig\", niet 'snel'"),
            "{text}"
        );
        assert!(
            text.contains("t.toml:21:42: [a.opm] vervolg op 'a.later'"),
            "{text}"
        );
    }

    #[test]
    fn exclusive_choices_stand_alone_and_the_law_may_stay_open_when_allowed() {
        let set = default_set();
        let laws = set.question("wet.regel").unwrap();
        assert_eq!(
            laws.read(&toml::Value::Array(vec!["geen".into(), "wmo2015".into()])),
            Err(Invalid::Exclusive("geen".into()))
        );
        assert!(laws.read(&toml::Value::Array(vec!["geen".into()])).is_ok());
        let ja = Answer::Choice("ja".into());
        let nee = Answer::Choice("nee".into());
        assert!(!laws.required_given(|id| (id == "wet.oordeel").then_some(&ja)));
        assert!(laws.required_given(|id| (id == "wet.oordeel").then_some(&nee)));
        // Set 1's yes/no answer to a question that became ja / nee.
        let room = set.question("wet.ruimte").unwrap();
        assert_eq!(
            room.read(&toml::Value::Boolean(true)),
            Ok(Some(Answer::Choice("ja".into())))
        );
    }
}
