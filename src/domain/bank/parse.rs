//! Reading a question set from TOML: every problem found, with its place.

use serde::Deserialize;
use toml::Spanned;

use super::condition::{RawCondition, read_condition};
use super::{
    BANK_FORMAT, Because, Choice, Condition, ContrastDef, Depth, Question, QuestionSet, Roles,
    Scale, Section,
};
use crate::domain::answer::{Kind, Scope, Verdict};
use crate::domain::problem::{Pending, Problem, Problems};
use std::ops::Range;

use crate::i18n::{self, Lang, Text};

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
    payer: Option<Spanned<String>>,
    saver: Option<Spanned<String>>,
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
    required_when: Option<RawCondition>,
    /// A date question whose day lies ahead (a deadline): a day written
    /// without its year is the next one.
    ahead: Option<Spanned<bool>>,
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

/// Parses and validates one question-set file. `file` names it in
/// messages, which are in `lang`.
pub fn parse_set(file: &str, src: &str, lang: Lang) -> Result<QuestionSet, Problems> {
    let fail = |list: Vec<Problem>| Problems::in_file(file, list, lang);
    let raw: RawSet =
        toml::from_str(src).map_err(|e| fail(vec![Problem::from_toml(file, src, &e, lang)]))?;
    let mut found = Found {
        pending: Pending::new(file, src),
        lang,
    };
    // Counted before anything else is checked: past a limit the rest is
    // not read at all.
    found.over_limits(&raw);
    if !found.pending.is_empty() {
        return Err(fail(found.pending.placed()));
    }
    found.check_head(&raw);
    let (sections, questions) = found.sections(raw.sections);
    if questions.is_empty() {
        found.at(0..0, None, i18n::BANK_NO_QUESTIONS.get(found.lang).into());
    }
    let mut roles = RoleCheck {
        found: &mut found,
        questions: &questions,
    };
    let named = roles.roles(raw.roles);
    let contrasts = roles.contrasts(raw.contrasts);
    if !found.pending.is_empty() {
        return Err(fail(found.pending.placed()));
    }
    Ok(QuestionSet {
        id: raw.id.into_inner(),
        version: raw.version,
        name: raw.name,
        description: raw.description,
        roles: named,
        contrasts,
        sections,
        questions,
    })
}

/// The problems found so far in the set being read, and the language they
/// are told in.
struct Found<'a> {
    pending: Pending<'a>,
    lang: Lang,
}

impl Found<'_> {
    /// A problem at `span`, about question `id` where there is one.
    fn at(&mut self, span: Range<usize>, id: Option<&str>, msg: String) {
        self.pending.push(span.start, id, msg);
    }

    /// Each count past its limit ([`MAX_SECTIONS`] …).
    fn over_limits(&mut self, raw: &RawSet) {
        let lang = self.lang;
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
                let message = i18n::BANK_TOO_MANY.with(
                    lang,
                    &[
                        ("max", &max.to_string()),
                        ("what", what.get(lang)),
                        ("count", &count.to_string()),
                    ],
                );
                self.at(0..0, None, message);
            }
        }
    }

    /// The set's format and id.
    fn check_head(&mut self, raw: &RawSet) {
        if *raw.format.get_ref() != BANK_FORMAT {
            let message = i18n::BANK_FORMAT.with(
                self.lang,
                &[
                    ("found", &raw.format.get_ref().to_string()),
                    ("known", &BANK_FORMAT.to_string()),
                ],
            );
            self.at(raw.format.span(), None, message);
        }
        if !is_key(raw.id.get_ref()) {
            self.at(raw.id.span(), None, i18n::BANK_SET_ID.get(self.lang).into());
        }
    }

    /// The sections, and every question in walk order.
    fn sections(&mut self, raw: Vec<RawSection>) -> (Vec<Section>, Vec<Question>) {
        let lang = self.lang;
        let mut sections: Vec<Section> = Vec::new();
        let mut questions: Vec<Question> = Vec::new();
        for rs in raw {
            let skey = rs.key.get_ref().clone();
            if !is_key(&skey) {
                let message = i18n::BANK_SECTION_KEY.with(lang, &[("key", &skey)]);
                self.at(rs.key.span(), None, message);
            }
            if sections.iter().any(|s| s.key == skey) {
                let message = i18n::BANK_SECTION_TWICE.with(lang, &[("key", &skey)]);
                self.at(rs.key.span(), None, message);
            }
            for rq in rs.questions {
                let question = self.question(rq, &skey, &questions);
                questions.push(question);
            }
            sections.push(Section {
                key: skey,
                title: rs.title,
                intro: rs.intro,
            });
        }
        (sections, questions)
    }

    /// One question of section `skey`; its conditions may look only at
    /// the questions `earlier`.
    fn question(&mut self, rq: RawQuestion, skey: &str, earlier: &[Question]) -> Question {
        let lang = self.lang;
        let id = format!("{skey}.{}", rq.key.get_ref());
        let at = rq.key.span();
        if !is_key(rq.key.get_ref()) {
            self.at(
                at.clone(),
                Some(&id),
                i18n::BANK_QUESTION_KEY.get(lang).into(),
            );
        }
        if earlier.iter().any(|q| q.id == id) {
            let message = i18n::BANK_QUESTION_TWICE.get(lang).into();
            self.at(at.clone(), Some(&id), message);
        }
        let given = rq.choices.as_ref().map_or(&[][..], |c| c.get_ref());
        self.check_choices(rq.kind, given, &at, &id);
        let scale = self.scale(&rq, &id);
        if let Some(ahead) = &rq.ahead
            && rq.kind != Kind::Date
        {
            let message = i18n::BANK_AHEAD.with(lang, &[("kind", rq.kind.name())]);
            self.at(ahead.span(), Some(&id), message);
        }
        let mut conditions = [rq.when, rq.optional_when, rq.required_when].map(|raw| {
            raw.and_then(|w| match read_condition(w, earlier, self.lang) {
                Ok(c) => Some(c),
                Err(wrong) => {
                    for (span, msg) in wrong {
                        self.at(span, Some(&id), msg);
                    }
                    None
                }
            })
        });
        let depth = self.depth(rq.walk, &id);
        let required_by = conditions[2]
            .as_ref()
            .and_then(|c| because(c, &rq.prompt, earlier));
        Question {
            section: skey.to_string(),
            key: rq.key.into_inner(),
            id,
            kind: rq.kind,
            required: rq.required,
            prompt: rq.prompt,
            help: rq.help,
            choices: rq.choices.map(Spanned::into_inner).unwrap_or_default(),
            scale,
            when: conditions[0].take(),
            optional_when: conditions[1].take(),
            required_by,
            required_when: conditions[2].take(),
            ahead: rq.ahead.is_some_and(|a| *a.get_ref()),
            depth,
        }
    }

    /// A question's choices are there when its kind takes them, each value
    /// a key, none twice.
    fn check_choices(&mut self, kind: Kind, choices: &[Choice], at: &Range<usize>, id: &str) {
        let lang = self.lang;
        let mut bad = |msg: String| self.at(at.clone(), Some(id), msg);
        let takes_choices = matches!(kind, Kind::Choice | Kind::Multi);
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
            bad(i18n::BANK_NEEDS_CHOICES.with(lang, &[("kind", kind.name())]));
        }
        if !takes_choices && !choices.is_empty() {
            bad(i18n::BANK_NO_CHOICES.with(lang, &[("kind", kind.name())]));
        }
        for (i, c) in choices.iter().enumerate() {
            if !is_key(&c.value) {
                bad(i18n::BANK_CHOICE_KEY.with(lang, &[("value", &c.value)]));
            }
            if choices[..i].iter().any(|d| d.value == c.value) {
                bad(i18n::BANK_CHOICE_TWICE.with(lang, &[("value", &c.value)]));
            }
        }
    }

    /// A scale question's range and end labels; nothing of a scale on any
    /// other kind.
    fn scale(&mut self, rq: &RawQuestion, id: &str) -> Option<Scale> {
        let lang = self.lang;
        let at = rq.key.span();
        let mut bad = |msg: String| self.at(at.clone(), Some(id), msg);
        match (rq.kind, &rq.min, &rq.max) {
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
                    min_label: rq.min_label.clone(),
                    max_label: rq.max_label.clone(),
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
        }
    }

    /// Which walk asks the question: `kort` (the short one too) or
    /// `volledig` (the full one only, the default).
    fn depth(&mut self, walk: Option<Spanned<String>>, id: &str) -> Depth {
        let Some(w) = walk else {
            return Depth::Full;
        };
        match w.get_ref().as_str() {
            "kort" => Depth::Short,
            "volledig" => Depth::Full,
            other => {
                let message = i18n::BANK_WALK.with(self.lang, &[("value", other)]);
                self.at(w.span(), Some(id), message);
                Depth::Full
            }
        }
    }
}

/// What `required_when` will say when it holds: the question it looks at
/// and the choices that make an answer needed.
fn because(c: &Condition, this: &Text, earlier: &[Question]) -> Option<Because> {
    let by = earlier.iter().find(|q| q.id == c.questions()[0])?;
    let values = match c {
        Condition::AnyOf { values, .. } => by
            .choices
            .iter()
            .filter(|ch| values.contains(&ch.value))
            .cloned()
            .collect(),
        Condition::Apart { .. } => Vec::new(),
    };
    Some(Because {
        this: this.clone(),
        by: by.prompt.clone(),
        values,
    })
}

/// Checks the questions the roles and contrasts name against what each
/// role demands of them.
struct RoleCheck<'f, 'a, 'q> {
    found: &'f mut Found<'a>,
    questions: &'q [Question],
}

impl RoleCheck<'_, '_, '_> {
    /// The question role `name` names, when there is one and it meets the
    /// demand (the problem is recorded otherwise).
    fn role(&mut self, name: &str, r: Option<Spanned<String>>, demand: Demand) -> Option<String> {
        let lang = self.found.lang;
        let r = r?;
        let Some(q) = self.questions.iter().find(|q| q.id == *r.get_ref()) else {
            let message =
                i18n::BANK_ROLE_MISSING.with(lang, &[("role", name), ("id", r.get_ref())]);
            self.found.at(r.span(), None, message);
            return None;
        };
        match demand {
            Demand::Kind(kinds) if !kinds.contains(&q.kind) => {
                let kinds: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
                let message = i18n::BANK_ROLE_KIND.with(
                    lang,
                    &[
                        ("role", name),
                        ("kinds", &kinds.join(i18n::BANK_OR.get(lang))),
                        ("kind", q.kind.name()),
                    ],
                );
                self.found.at(r.span(), Some(&q.id), message);
            }
            Demand::Values(values)
                if q.kind != Kind::Choice
                    || values
                        .iter()
                        .any(|v| !q.choices.iter().any(|c| c.value == *v)) =>
            {
                let message = i18n::BANK_ROLE_VALUES
                    .with(lang, &[("role", name), ("values", &values.join(", "))]);
                self.found.at(r.span(), Some(&q.id), message);
            }
            _ => {}
        }
        Some(r.into_inner())
    }

    /// Every role, each checked against what it demands.
    fn roles(&mut self, rr: RawRoles) -> Roles {
        use Demand::{Kind as K, Values as V};
        const LONG: Demand = K(&[Kind::Text, Kind::Long]);
        const LIST: Demand = K(&[Kind::Multi, Kind::Choice]);
        const COST: Demand = K(&[Kind::Cost, Kind::Amount]);
        const VERDICT: Demand = V(&Verdict::VALUES);
        Roles {
            title: self.role("title", rr.title, K(&[Kind::Text])),
            own_words: self.role("own_words", rr.own_words, LONG),
            verdict_law: self.role("verdict_law", rr.verdict_law, VERDICT),
            verdict_money: self.role("verdict_money", rr.verdict_money, VERDICT),
            verdict_self: self.role("verdict_self", rr.verdict_self, VERDICT),
            reason_law: self.role("reason_law", rr.reason_law, LONG),
            reason_money: self.role("reason_money", rr.reason_money, LONG),
            reason_self: self.role("reason_self", rr.reason_self, LONG),
            laws: self.role("laws", rr.laws, LIST),
            laws_other: self.role("laws_other", rr.laws_other, K(TEXT)),
            blocker: self.role("blocker", rr.blocker, LIST),
            rule: self.role("rule", rr.rule, K(TEXT)),
            room: self.role("room", rr.room, K(&[Kind::Choice, Kind::YesNo])),
            room_route: self.role("room_route", rr.room_route, LIST),
            cost_current: self.role("cost_current", rr.cost_current, COST),
            cost_proposed: self.role("cost_proposed", rr.cost_proposed, COST),
            cost_proposed_kind: self.role(
                "cost_proposed_kind",
                rr.cost_proposed_kind,
                V(&["eenmalig", "jaarlijks"]),
            ),
            payer: self.role("payer", rr.payer, LIST),
            saver: self.role("saver", rr.saver, LIST),
            proposal: self.role("proposal", rr.proposal, K(TEXT)),
            person_view: self.role("person_view", rr.person_view, K(TEXT)),
            team_question: self.role("team_question", rr.team_question, K(TEXT)),
            stuck_row: self.role("stuck_row", rr.stuck_row, K(&[Kind::Choice])),
            discussed: self.role("discussed", rr.discussed, K(&[Kind::Choice, Kind::YesNo])),
            scope: self.role("scope", rr.scope, V(&Scope::VALUES)),
        }
    }

    /// The rational/relational rows: a row whose scales are missing is
    /// left out (its problem is recorded).
    fn contrasts(&mut self, raw: Vec<RawContrast>) -> Vec<ContrastDef> {
        use Demand::Kind as K;
        let scale = || K(&[Kind::Scale]);
        let mut contrasts = Vec::new();
        for c in raw {
            let now = self.role("contrast now", Some(c.now), scale());
            let desired = self.role("contrast desired", Some(c.desired), scale());
            let remark = self.role("contrast remark", c.remark, K(&[Kind::Text, Kind::Long]));
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
        contrasts
    }
}
