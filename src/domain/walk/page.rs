//! The walk's rules, callable one piece at a time: which sections a walk
//! goes through, which questions of a section apply given the answers,
//! reading and checking one answer as a person gave it, what the privacy
//! guard and the label mirror say about it. The terminal's walk (a
//! question at a time, through a [`super::prompt::Prompter`]) and the
//! browser's (a section per page) both stand on these, so they ask, check
//! and refuse alike.

use std::collections::HashMap;

use crate::domain::bank::{Because, Choice, Question, QuestionSet, Route, Section};

use crate::domain::answer::Kind;
use crate::domain::answer::{Answer, Answers, Cost, Euros, Invalid, Period};
use crate::domain::day;
use crate::domain::labels::Lexicon;
use crate::domain::privacy::{Scanner, redact};
use crate::i18n::{self, Lang};

/// The answers given so far, by question id.
pub type Given = HashMap<String, Answer>;

/// The sections a walk of `route` goes through, in order: one page each.
pub fn parts(set: &QuestionSet, route: Route) -> Vec<&Section> {
    set.sections
        .iter()
        .filter(|s| set.questions_in(&s.key).any(|q| set.on_route(route, q)))
        .collect()
}

/// Whether a walk of `route` asks `q` now: on the route, and its
/// condition holds.
pub fn is_asked(set: &QuestionSet, route: Route, q: &Question, given: &Given) -> bool {
    set.on_route(route, q) && q.applies(|id| given.get(id))
}

/// The questions of section `key` a walk of `route` asks now, in order:
/// follow-ups only where an answer calls for them.
pub fn asked_in<'a>(
    set: &'a QuestionSet,
    route: Route,
    key: &str,
    given: &Given,
) -> Vec<&'a Question> {
    set.questions
        .iter()
        .filter(|q| q.section == key && is_asked(set, route, q, given))
        .collect()
}

/// The answers that stand, in the set's order: a follow-up whose
/// condition no longer holds is left out (an earlier answer changed).
pub fn standing(set: &QuestionSet, given: &Given) -> Answers {
    set.questions
        .iter()
        .filter(|q| q.applies(|id| given.get(id)))
        .filter_map(|q| Some((q.id.clone(), given.get(&q.id)?.clone())))
        .collect()
}

/// Where a walk goes on: at question `next` (a draft's), else at the
/// first question of the route that is asked and not answered; the index
/// is past the last question when nothing is left.
pub fn resume_at(set: &QuestionSet, route: Route, given: &Given, next: Option<&str>) -> usize {
    let found = next.and_then(|id| set.questions.iter().position(|q| q.id == id));
    found.unwrap_or_else(|| {
        set.questions
            .iter()
            .position(|q| set.on_route(route, q) && !given.contains_key(&q.id))
            .unwrap_or(set.questions.len())
    })
}

/// An answer as text to edit again: what reads back as the same answer.
pub fn as_typed(a: &Answer) -> String {
    match a {
        Answer::Text(t) => t.clone(),
        Answer::Amount(e) => e.display(Lang::Nl).replace('€', "").trim().to_string(),
        Answer::Cost(c) => match c.amount {
            Some(e) => e.display(Lang::Nl).replace('€', "").trim().to_string(),
            None => Cost::UNKNOWN.to_string(),
        },
        Answer::Date(d) => crate::domain::day::typed(*d),
        other => other.to_toml().to_string(),
    }
}

/// Reads text as typed for `q`, by the question's own rules. A day typed
/// without its year is the most recent one: each date question asks when
/// something happened.
pub fn read_typed(q: &Question, text: &str) -> Result<Option<Answer>, Invalid> {
    let value = toml::Value::String(text.to_string());
    q.read_written(&value, day::today(), day::Toward::Past)
}

/// Reads the values picked for `q` (a choice, ticked boxes, a scale
/// point, ja or nee), by the question's own rules: unknown values and
/// "geen" beside another choice are refused.
pub fn read_picked(q: &Question, values: &[String]) -> Result<Option<Answer>, Invalid> {
    let value = match q.kind {
        Kind::Multi => {
            toml::Value::Array(values.iter().cloned().map(toml::Value::String).collect())
        }
        _ => toml::Value::String(values.first().cloned().unwrap_or_default()),
    };
    q.read(&value)
}

/// What a question without an answer lacks, for the door to say in its
/// own words (a terminal speaks of keys, a page of fields).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// One choice is needed.
    Choice,
    /// At least one box must be ticked.
    Tick,
    /// Something must be written.
    Text,
    /// Needed because of an earlier answer (`required_when`): the message
    /// names both questions, in any door.
    Because(Because),
}

/// Whether `answer` (or none) may stand for `q`, given the other answers:
/// a required question needs one, unless an earlier answer lets it go.
pub fn settle(q: &Question, answer: &Option<Answer>, given: &Given) -> Result<(), Missing> {
    if answer.is_some() || !q.required_given(|id| given.get(id)) {
        return Ok(());
    }
    if let Some(because) = q.required_because(|id| given.get(id)) {
        return Err(Missing::Because(because));
    }
    Err(match q.kind {
        Kind::Choice | Kind::Scale | Kind::YesNo => Missing::Choice,
        Kind::Multi => Missing::Tick,
        Kind::Text | Kind::Long | Kind::Amount | Kind::Cost | Kind::Date => Missing::Text,
    })
}

/// An amount as typed for a cost: a sum, with its period when it was
/// written after it ("€ 9.000 per jaar"), or "weet ik niet".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    Unknown,
    Euros(Euros, Option<Period>),
}

/// Reads a typed cost amount; "weet ik niet" stands as unknown, never 0.
pub fn read_amount(typed: &str, lang: Lang) -> Result<Amount, String> {
    if Cost::is_unknown_word(typed) {
        return Ok(Amount::Unknown);
    }
    match Cost::read_typed(typed) {
        Some((e, _)) if !e.within_limit() => Err(Invalid::AmountTooLarge(e).message(lang)),
        Some((e, period)) => Ok(Amount::Euros(e, period)),
        None => Err(i18n::ERR_COST_AMOUNT_TYPED.with(lang, &[("value", typed.trim())])),
    }
}

/// Whether `typed` reads as an answer to `q` by the walk's rules: a
/// terminal echoes as given only what the walk will take.
pub fn reads_as_answer(q: &Question, typed: &str) -> bool {
    match q.kind {
        Kind::Cost => read_amount(typed, Lang::Nl).is_ok(),
        _ => read_typed(q, typed).is_ok(),
    }
}

/// The three periods, as the period question offers them.
pub const PERIODS: [&str; 3] = ["jaar", "eenmalig", "jaren"];

/// The period question's value for `period`.
pub fn period_value(period: Period) -> &'static str {
    match period {
        Period::PerYear => PERIODS[0],
        Period::OneOff => PERIODS[1],
        Period::Years(_) => PERIODS[2],
    }
}

/// The question asked after an amount: over which period it runs.
pub fn period_question(q: &Question, amount: Euros, lang: Lang) -> Question {
    let text = |m: i18n::Msg| i18n::Text {
        nl: m.nl.to_string(),
        en: m.en.to_string(),
    };
    let choice = |value: &str, m: i18n::Msg| Choice {
        value: value.to_string(),
        label: text(m),
        exclusive: false,
    };
    let prompt = i18n::PERIOD_ASK.with(lang, &[("amount", &amount.display(lang))]);
    Question {
        id: format!("{}#periode", q.id),
        section: q.section.clone(),
        key: format!("{}#periode", q.key),
        kind: Kind::Choice,
        required: true,
        prompt: i18n::Text {
            nl: prompt.clone(),
            en: prompt,
        },
        help: Some(text(i18n::PERIOD_HELP)),
        choices: vec![
            choice(PERIODS[0], i18n::PERIOD_YEAR),
            choice(PERIODS[1], i18n::PERIOD_ONCE),
            choice(PERIODS[2], i18n::PERIOD_MORE_YEARS),
        ],
        scale: None,
        when: None,
        optional_when: None,
        required_when: None,
        required_by: None,
        ahead: false,
        depth: q.depth,
    }
}

/// Reads a number of years typed for "over meer jaren" (1 to 50).
pub fn read_years(typed: &str, lang: Lang) -> Result<u32, String> {
    match typed.trim().parse::<u32>() {
        Ok(n) if (1..=Period::MAX_YEARS).contains(&n) => Ok(n),
        _ => Err(i18n::ERR_PERIOD.with(lang, &[("value", typed.trim())])),
    }
}

/// Reads a period picked by its value, with the years typed beside it.
pub fn read_period(value: &str, years: &str, lang: Lang) -> Result<Period, String> {
    match value {
        "jaar" => Ok(Period::PerYear),
        "eenmalig" => Ok(Period::OneOff),
        "jaren" => read_years(years, lang).map(Period::Years),
        _ => Err(i18n::PERIOD_NEEDED.get(lang).to_string()),
    }
}

/// What the person chose after the guard found personal data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rewrite {
    /// Write the answer again, starting from what was written.
    Again,
    /// Take the answer with what was found replaced (`[BSN]`).
    Redact,
    Keep,
}

impl Rewrite {
    pub const ALL: [Rewrite; 3] = [Rewrite::Again, Rewrite::Redact, Rewrite::Keep];
}

/// What the privacy guard found in one answer, and the three ways on.
#[derive(Clone, Debug)]
pub struct Offer {
    /// The warning with each find on a line of its own.
    pub warning: String,
    /// The question to the person.
    pub ask: &'static str,
    /// The answer with the finds replaced.
    pub redacted: String,
    /// The words of the three choices, in the order of [`Rewrite::ALL`].
    pub choices: [String; 3],
}

/// The guard's findings in `text`; `None` when it finds nothing.
pub fn guard(scanner: &Scanner, text: &str, lang: Lang) -> Option<Offer> {
    let findings = scanner.scan(text);
    if findings.is_empty() {
        return None;
    }
    let mut warning = i18n::PRIVACY_FOUND.get(lang).to_string();
    for f in &findings {
        warning.push_str(&format!("\n  - {}: {}", f.kind.label(lang), f.text));
    }
    let redacted = redact(text, &findings, lang);
    let choices = [
        i18n::PRIVACY_AGAIN.get(lang).to_string(),
        i18n::PRIVACY_REDACT.with(lang, &[("example", &redacted)]),
        i18n::PRIVACY_KEEP.get(lang).to_string(),
    ];
    Some(Offer {
        warning,
        ask: i18n::PRIVACY_WHAT.get(lang),
        redacted,
        choices,
    })
}

/// The label mirror: for each labelling word in `text`, the question it
/// asks back. The answer stands as it is.
pub fn mirror(lexicon: &Lexicon, text: &str, lang: Lang) -> Vec<String> {
    lexicon
        .find(text)
        .into_iter()
        .map(|hit| {
            let question = lexicon.question(&hit.key, lang).unwrap_or_default();
            i18n::MIRROR.with(lang, &[("label", &hit.text), ("question", question)])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{Bank, DEFAULT_SET};

    fn set() -> QuestionSet {
        Bank::embedded().get(DEFAULT_SET).unwrap().clone()
    }

    #[test]
    fn a_follow_up_joins_its_section_only_when_an_answer_calls_for_it() {
        let set = set();
        let (follow_up, on) = set
            .questions
            .iter()
            .find_map(|q| match &q.when {
                Some(crate::domain::bank::Condition::AnyOf { question, values }) => {
                    Some((q, (question.clone(), values[0].clone())))
                }
                _ => None,
            })
            .unwrap();
        let mut given = Given::new();
        let ids = |g: &Given| -> Vec<String> {
            asked_in(&set, Route::Full, &follow_up.section, g)
                .iter()
                .map(|q| q.id.clone())
                .collect()
        };
        assert!(!ids(&given).contains(&follow_up.id));
        let asker = set.question(&on.0).unwrap();
        let answer = read_picked(asker, std::slice::from_ref(&on.1)).unwrap();
        given.insert(on.0.clone(), answer.unwrap());
        assert!(ids(&given).contains(&follow_up.id));
    }

    #[test]
    fn every_part_has_a_question_of_its_route() {
        let set = set();
        let short = parts(&set, Route::Short);
        let full = parts(&set, Route::Full);
        assert!(short.len() <= full.len() && !short.is_empty());
        for s in short {
            assert!(set.questions_in(&s.key).any(|q| set.in_short(q)));
        }
    }

    #[test]
    fn picked_values_are_checked_like_typed_ones() {
        let set = set();
        let multi = set
            .questions
            .iter()
            .find(|q| q.kind == Kind::Multi)
            .unwrap();
        let first = multi.choices[0].value.clone();
        assert_eq!(
            read_picked(multi, std::slice::from_ref(&first)).unwrap(),
            Some(Answer::Multi(vec![first]))
        );
        assert!(read_picked(multi, &["<script>".into()]).is_err());
        assert_eq!(read_picked(multi, &[]).unwrap(), None);
        let required = set.questions.iter().find(|q| q.required).unwrap();
        assert!(settle(required, &None, &Given::new()).is_err());
    }

    #[test]
    fn periods_and_years_read_as_the_terminal_reads_them() {
        assert_eq!(read_period("jaar", "", Lang::Nl), Ok(Period::PerYear));
        assert_eq!(read_period("jaren", " 3 ", Lang::Nl), Ok(Period::Years(3)));
        assert!(read_period("jaren", "51", Lang::Nl).is_err());
        assert!(read_period("", "", Lang::Nl).is_err());
        assert_eq!(read_amount("weet ik niet", Lang::Nl), Ok(Amount::Unknown));
        assert!(read_amount("veel", Lang::Nl).is_err());
        assert_eq!(
            read_amount("€ 9.000 per jaar (3 dagdelen)", Lang::Nl),
            Ok(Amount::Euros(Euros(900_000), Some(Period::PerYear)))
        );
        assert_eq!(
            read_amount("ca. 3.500", Lang::Nl),
            Ok(Amount::Euros(Euros(350_000), None))
        );
    }
}
