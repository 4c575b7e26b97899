//! The walk through a question set: which question comes next, follow-ups,
//! going back, skipping, and checking each answer. No terminal code here;
//! it talks to a person only through a [`Prompter`].

pub mod page;
pub mod prompt;

use std::collections::HashMap;

use crate::domain::bank::{Question, QuestionSet, Route};

use crate::domain::answer::Kind;
use crate::domain::answer::{Answer, Answers, Cost, Euros, Period};
use crate::domain::labels::Lexicon;
use crate::domain::privacy::Scanner;
use crate::domain::walk::page::{Amount, Missing, Rewrite};
use crate::domain::walk::prompt::{Ask, Progress, Prompter, Reply};
use crate::i18n::{self, Lang};

/// Where the walk reports every accepted answer, so it can be kept as a
/// draft at once.
pub trait Journal {
    /// The answers that stand now, and the question the walk goes on with.
    fn record(&mut self, answers: Answers, next: Option<&str>) -> anyhow::Result<()>;
}

/// No journal: nothing is kept between answers.
impl Journal for () {
    fn record(&mut self, _: Answers, _: Option<&str>) -> anyhow::Result<()> {
        Ok(())
    }
}

pub struct Walk<'a> {
    set: &'a QuestionSet,
    /// The language the walk asks in: the note's, which it writes.
    note_lang: Lang,
    answers: HashMap<String, Answer>,
    /// Index into `set.questions` of the next question to ask.
    at: usize,
    /// Questions asked, so Back can return to them.
    history: Vec<usize>,
    /// The privacy guard, checking free text right at the answer.
    guard: Option<&'a Scanner>,
    /// The label mirror: a relational question back for labelling words.
    mirror: Option<&'a Lexicon>,
    /// The short walk, the full one, or the rest of a short note.
    route: Route,
    /// The rules already in the store, offered at the rule question.
    rules: &'a [String],
}

impl<'a> Walk<'a> {
    /// A walk in `note_lang` that starts at the first question, with
    /// `start` as defaults.
    pub fn new(set: &'a QuestionSet, note_lang: Lang, start: Answers) -> Walk<'a> {
        Walk {
            set,
            note_lang,
            answers: start.into_iter().collect(),
            at: 0,
            history: Vec::new(),
            guard: None,
            mirror: None,
            route: Route::Full,
            rules: &[],
        }
    }

    /// Walks only the questions of this route.
    pub fn route(mut self, route: Route) -> Walk<'a> {
        self.route = route;
        self
    }

    /// Whether this walk asks `q` at all, whatever the answers.
    fn asks(&self, q: &Question) -> bool {
        self.set.on_route(self.route, q)
    }

    /// Offers `rules` (the rules already in the store, most used first) to
    /// pick from at the set's rule question, beside typing a new one: so
    /// spelling variants of one rule stop at the source.
    pub fn offering(mut self, rules: &'a [String]) -> Walk<'a> {
        self.rules = rules;
        self
    }

    /// What `q` offers to pick from: the rules at the rule question.
    fn offered(&self, q: &Question) -> &'a [String] {
        let rule = self.set.roles.rule.as_deref();
        if q.kind == Kind::Text && rule == Some(q.id.as_str()) {
            self.rules
        } else {
            &[]
        }
    }

    /// Answers with labelling words ("zorgmijder") get a question back.
    pub fn mirrored_by(mut self, lexicon: &'a Lexicon) -> Walk<'a> {
        self.mirror = Some(lexicon);
        self
    }

    /// Mirrors the labels in the answer just given, gently: the answer
    /// stands as it is.
    fn mirror_labels(&self, prompter: &mut dyn Prompter, q: &Question) -> anyhow::Result<()> {
        let (Some(lexicon), Some(Answer::Text(text))) = (self.mirror, self.answers.get(&q.id))
        else {
            return Ok(());
        };
        for line in page::mirror(lexicon, text, self.note_lang) {
            prompter.show(&line)?;
        }
        Ok(())
    }

    /// Checks every free-text answer for personal data as it is given.
    pub fn guarded_by(mut self, scanner: &'a Scanner) -> Walk<'a> {
        self.guard = Some(scanner);
        self
    }

    /// Goes on at question `id` (resuming a draft); an unknown id starts at
    /// the first unanswered question.
    pub fn continue_at(&mut self, id: Option<&str>) {
        self.at = page::resume_at(self.set, self.route, &self.answers, id);
        self.history = (0..self.at)
            .filter(|&i| self.asked(&self.set.questions[i]))
            .collect();
    }

    /// Asks until the last question that applies is answered, telling the
    /// journal after each answer. Called again after [`Walk::back`], it goes
    /// on from there.
    pub fn run(
        &mut self,
        prompter: &mut dyn Prompter,
        journal: &mut dyn Journal,
    ) -> anyhow::Result<()> {
        let questions = &self.set.questions;
        let mut shown_section: Option<&str> = None;
        let mut error: Option<String> = None;
        // A typed answer sent back for rewriting, offered as the default.
        let mut retry: Option<Answer> = None;
        loop {
            self.skip_to_applicable();
            let Some(q) = questions.get(self.at) else {
                return Ok(());
            };
            if shown_section != Some(q.section.as_str()) {
                if let Some(section) = self.set.section(&q.section) {
                    prompter.section(section, self.note_lang)?;
                }
                shown_section = Some(&q.section);
            }
            let reply = prompter.ask(&Ask {
                question: q,
                lang: self.note_lang,
                progress: self.progress(),
                current: retry.as_ref().or(self.answers.get(&q.id)),
                start: self.start(q),
                required: q.required_given(|id| self.answers.get(id)),
                error: error.take(),
                offered: self.offered(q),
            })?;
            retry = None;
            let before = self.at;
            // A text picked from those offered is read as if it was typed.
            let reply = match reply {
                Reply::Picked(i) if q.kind == Kind::Text => self
                    .offered(q)
                    .get(i)
                    .map_or(Reply::Help, |text| Reply::Typed(text.clone())),
                reply => reply,
            };
            match reply {
                Reply::Help => {
                    let help = q
                        .help
                        .as_ref()
                        .map_or(i18n::NO_HELP.get(self.note_lang), |h| h.get(self.note_lang));
                    prompter.show(help)?;
                }
                Reply::Back => match self.history.pop() {
                    Some(previous) => self.at = previous,
                    None => error = Some(i18n::FIRST_QUESTION.get(self.note_lang).to_string()),
                },
                Reply::Skip => error = self.accept(q, None),
                Reply::Typed(text) if q.kind == Kind::Cost => {
                    match self.cost(prompter, q, &text)? {
                        Ok(Some(cost)) => error = self.accept(q, Some(Answer::Cost(cost))),
                        Ok(None) => {}
                        Err(e) => error = Some(e),
                    }
                }
                Reply::Typed(text) => match page::read_typed(q, &text) {
                    Ok(Some(Answer::Text(text))) => match self.guard(prompter, &text)? {
                        Some((Rewrite::Again, _)) => retry = Some(Answer::Text(text)),
                        Some((Rewrite::Redact, redacted)) => {
                            error = self.accept(q, Some(Answer::Text(redacted)))
                        }
                        Some((Rewrite::Keep, _)) | None => {
                            error = self.accept(q, Some(Answer::Text(text)))
                        }
                    },
                    Ok(answer) => error = self.accept(q, answer),
                    Err(invalid) => error = Some(invalid.message(self.note_lang)),
                },
                Reply::Picked(i) => error = self.accept(q, picked(q, &[i])),
                Reply::PickedMany(is) => error = self.accept(q, picked(q, &is)),
            }
            if self.at > before {
                self.mirror_labels(prompter, q)?;
                self.skip_to_applicable();
                let next = questions.get(self.at).map(|q| q.id.as_str());
                journal.record(self.answers(), next)?;
            }
        }
    }

    /// Shows what the guard finds in `text` and asks what to do, with the
    /// text with the finds replaced; `None` when it finds nothing.
    fn guard(
        &self,
        prompter: &mut dyn Prompter,
        text: &str,
    ) -> anyhow::Result<Option<(Rewrite, String)>> {
        let Some(offer) = self
            .guard
            .and_then(|g| page::guard(g, text, self.note_lang))
        else {
            return Ok(None);
        };
        prompter.show(&offer.warning)?;
        let items: Vec<&str> = offer.choices.iter().map(String::as_str).collect();
        let picked = prompter.choose(offer.ask, &items, 0)?;
        let choice = Rewrite::ALL.get(picked).copied().unwrap_or(Rewrite::Keep);
        Ok(Some((choice, offer.redacted)))
    }

    /// Reads a typed cost: "weet ik niet" stands as unknown (never 0); an
    /// amount is followed by its period, unless it was written after the
    /// amount. `Ok(None)`: the person went back
    /// from the period to the amount.
    fn cost(
        &self,
        prompter: &mut dyn Prompter,
        q: &Question,
        typed: &str,
    ) -> anyhow::Result<Result<Option<Cost>, String>> {
        let amount = match page::read_amount(typed, self.note_lang) {
            Ok(Amount::Unknown) => {
                return Ok(Ok(Some(Cost {
                    amount: None,
                    period: Period::PerYear,
                })));
            }
            // The period written after the amount needs no question.
            Ok(Amount::Euros(amount, Some(period))) => {
                return Ok(Ok(Some(Cost {
                    amount: Some(amount),
                    period,
                })));
            }
            Ok(Amount::Euros(amount, None)) => amount,
            Err(e) => return Ok(Err(e)),
        };
        let current = match self.answers.get(&q.id) {
            Some(Answer::Cost(c)) if c.amount.is_some() => Some(c.period),
            _ => None,
        };
        Ok(Ok(self.period(prompter, q, amount, current)?.map(
            |period| Cost {
                amount: Some(amount),
                period,
            },
        )))
    }

    /// Asks over which period `amount` runs; `None` when the person goes
    /// back to the amount.
    fn period(
        &self,
        prompter: &mut dyn Prompter,
        q: &Question,
        amount: Euros,
        current: Option<Period>,
    ) -> anyhow::Result<Option<Period>> {
        let lang = self.note_lang;
        let asked = page::period_question(q, amount, lang);
        let mut error = None;
        loop {
            let shown = current.map(|p| Answer::Choice(page::period_value(p).to_string()));
            let progress = self.progress();
            let reply = prompter.ask(&Ask {
                question: &asked,
                lang,
                progress,
                current: shown.as_ref(),
                start: None,
                required: true,
                error: error.take(),
                offered: &[],
            })?;
            match reply {
                Reply::Picked(0) => return Ok(Some(Period::PerYear)),
                Reply::Picked(1) => return Ok(Some(Period::OneOff)),
                Reply::Picked(_) => {
                    let how_many = Question {
                        id: format!("{}#jaren", q.id),
                        kind: Kind::Text,
                        prompt: i18n::Text {
                            nl: i18n::PERIOD_HOW_MANY.nl.to_string(),
                            en: i18n::PERIOD_HOW_MANY.en.to_string(),
                        },
                        choices: Vec::new(),
                        ..asked.clone()
                    };
                    let years = match current {
                        Some(Period::Years(n)) => Some(Answer::Text(n.to_string())),
                        _ => None,
                    };
                    let reply = prompter.ask(&Ask {
                        question: &how_many,
                        lang,
                        progress,
                        current: years.as_ref(),
                        start: None,
                        required: true,
                        error: None,
                        offered: &[],
                    })?;
                    if let Reply::Typed(t) = reply {
                        match page::read_years(&t, lang) {
                            Ok(n) => return Ok(Some(Period::Years(n))),
                            Err(e) => error = Some(e),
                        }
                    }
                }
                Reply::Back => return Ok(None),
                Reply::Help => prompter.show(i18n::PERIOD_HELP.get(lang))?,
                Reply::Typed(t) => match Period::parse(&t) {
                    Some(p) => return Ok(Some(p)),
                    None => error = Some(i18n::ERR_PERIOD.with(lang, &[("value", t.trim())])),
                },
                Reply::Skip | Reply::PickedMany(_) => {
                    error = Some(i18n::CHOICE_NEEDED.get(lang).to_string())
                }
            }
        }
    }

    /// Whether `q` is asked now: in this walk, and its condition holds.
    fn asked(&self, q: &Question) -> bool {
        page::is_asked(self.set, self.route, q, &self.answers)
    }

    /// Takes an answer (or none) and moves on; or says why it cannot.
    fn accept(&mut self, q: &Question, answer: Option<Answer>) -> Option<String> {
        if let Err(missing) = page::settle(q, &answer, &self.answers) {
            let needed = match missing {
                Missing::Choice => i18n::CHOICE_NEEDED,
                Missing::Tick => i18n::TICK_NEEDED,
                Missing::Text => i18n::REQUIRED,
                Missing::Because(why) => return Some(why.say(self.note_lang)),
            };
            return Some(needed.get(self.note_lang).to_string());
        }
        match answer {
            None => self.answers.remove(&q.id),
            Some(a) => self.answers.insert(q.id.clone(), a),
        };
        self.history.push(self.at);
        self.at += 1;
        None
    }

    /// Moves past follow-ups that do not apply, and forgets their answers
    /// (an earlier answer changed, so they no longer belong to the case).
    fn skip_to_applicable(&mut self) {
        while let Some(q) = self.set.questions.get(self.at) {
            if self.asked(q) {
                break;
            }
            // A question this walk leaves out keeps its answer (a short
            // walk of a full note); one whose condition fails loses it.
            if !q.applies(|id| self.answers.get(id)) {
                self.answers.remove(&q.id);
            }
            self.at += 1;
        }
    }

    /// Where the question at `at` stands: its number among the section's
    /// main questions, a letter for a follow-up, and the section's place.
    fn progress(&self) -> Progress {
        let questions = &self.set.questions;
        let q = &questions[self.at];
        // Only the questions this walk asks count (the short walk, or the
        // rest when deepening a short note). A follow-up whose question was
        // asked before (deepening) counts as a question of its own, once
        // it applies: the answer it follows no longer changes.
        let follows = |x: &Question| {
            let on = x.when.as_ref().map(|c| c.questions()).unwrap_or_default();
            on.iter()
                .any(|id| self.set.question(id).is_some_and(|p| self.asks(p)))
        };
        let main =
            |x: &&Question| self.asks(x) && !follows(x) && (x.when.is_none() || self.asked(x));
        let in_section = |x: &&Question| x.section == q.section;
        let follow_up = follows(q).then(|| {
            questions[..=self.at]
                .iter()
                .rev()
                .take_while(|x| follows(x))
                .filter(|x| self.asked(x))
                .count()
        });
        let parts: Vec<&str> = page::parts(self.set, self.route)
            .into_iter()
            .map(|s| s.key.as_str())
            .collect();
        Progress {
            number: questions[..=self.at]
                .iter()
                .filter(in_section)
                .filter(main)
                .count(),
            follow_up,
            total: questions.iter().filter(in_section).filter(main).count(),
            part: parts
                .iter()
                .position(|&s| s == q.section)
                .map_or(0, |i| i + 1),
            parts: parts.len(),
        }
    }

    /// Where a list starts without a current answer: a "desired" scale on
    /// the point given for "now", the row's natural starting place.
    fn start(&self, q: &Question) -> Option<&Answer> {
        let row = self.set.contrasts.iter().find(|c| c.desired == q.id)?;
        self.answers.get(&row.now)
    }

    /// Returns to the last question asked, for "back to the questions"
    /// from the summary.
    pub fn back(&mut self) {
        if let Some(previous) = self.history.pop() {
            self.at = previous;
        }
    }

    /// The answers that stand, in the set's order.
    pub fn answers(&self) -> Answers {
        page::standing(self.set, &self.answers)
    }
}

/// The answer that picked list positions stand for.
fn picked(q: &Question, positions: &[usize]) -> Option<Answer> {
    let value = |i: usize| q.choices.get(i).map(|c| c.value.clone());
    match q.kind {
        Kind::Choice => value(*positions.first()?).map(Answer::Choice),
        Kind::Multi => {
            let values: Vec<String> = positions.iter().filter_map(|&i| value(i)).collect();
            (!values.is_empty()).then_some(Answer::Multi(values))
        }
        Kind::Scale => {
            let scale = q.scale.as_ref()?;
            let point = scale.min + i64::try_from(*positions.first()?).ok()?;
            (point <= scale.max).then_some(Answer::Scale(point))
        }
        Kind::YesNo => Some(Answer::YesNo(*positions.first()? == 0)),
        Kind::Text | Kind::Long | Kind::Amount | Kind::Cost | Kind::Date => None,
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::domain::bank::{Bank, DEFAULT_SET};
    use crate::domain::walk::prompt::scripted::ScriptedPrompter;

    fn set() -> QuestionSet {
        Bank::embedded().get(DEFAULT_SET).unwrap().clone()
    }

    fn typed(s: &str) -> Reply {
        Reply::Typed(s.to_string())
    }

    /// The list position of `value` in question `id`.
    fn choice_at(set: &QuestionSet, id: &str, value: &str) -> usize {
        let choices = &set.question(id).unwrap().choices;
        choices.iter().position(|c| c.value == value).unwrap()
    }

    /// Replies that answer every question of the default set minimally:
    /// required ones answered, optional ones skipped.
    pub fn minimal_replies(set: &QuestionSet, overrides: &[(&str, Reply)]) -> Vec<(String, Reply)> {
        set.questions
            .iter()
            .map(|q| {
                let reply = overrides
                    .iter()
                    .find(|(id, _)| *id == q.id)
                    .map(|(_, r)| r.clone())
                    // A question required by an earlier answer
                    // (required_when) is answered too.
                    .unwrap_or_else(|| match (q.required || q.required_when.is_some(), q.kind) {
                        (false, _) => Reply::Skip,
                        (true, Kind::Choice | Kind::Scale | Kind::YesNo) => Reply::Picked(0),
                        (true, Kind::Multi) => Reply::PickedMany(vec![0]),
                        (true, _) => typed("iets"),
                    });
                (q.id.clone(), reply)
            })
            .collect()
    }

    /// Runs a walk where each question gets the reply scripted for its id.
    fn run_by_id(set: &QuestionSet, replies: Vec<(String, Reply)>) -> (Answers, Vec<String>) {
        struct ById(Vec<(String, Reply)>, Vec<String>);
        impl Prompter for ById {
            fn section(&mut self, _: &crate::domain::bank::Section, _: Lang) -> anyhow::Result<()> {
                Ok(())
            }
            fn ask(&mut self, ask: &Ask) -> anyhow::Result<Reply> {
                self.1.push(ask.question.id.clone());
                assert!(ask.error.is_none(), "{}: {:?}", ask.question.id, ask.error);
                let (_, r) = self
                    .0
                    .iter()
                    .find(|(id, _)| *id == ask.question.id)
                    .unwrap();
                Ok(r.clone())
            }
            fn show(&mut self, _: &str) -> anyhow::Result<()> {
                Ok(())
            }
            fn show_styled(&mut self, _: &crate::printable::Styled) -> anyhow::Result<()> {
                Ok(())
            }
            fn width(&self) -> Option<usize> {
                None
            }
            fn choose(&mut self, _: &str, _: &[&str], d: usize) -> anyhow::Result<usize> {
                Ok(d)
            }
        }
        let mut p = ById(replies, Vec::new());
        let mut walk = Walk::new(set, Lang::Nl, Vec::new());
        walk.run(&mut p, &mut ()).unwrap();
        (walk.answers(), p.1)
    }

    #[test]
    fn the_rule_question_offers_the_rules_in_the_store_and_a_pick_is_that_rule() {
        let set = set();
        let rule = set.roles.rule.clone().unwrap();
        let minimal = minimal_replies(&set, &[(rule.as_str(), typed("x"))]);
        let (_, asked) = run_by_id(&set, minimal.clone());
        let script = asked.iter().map(|id| match id == &rule {
            true => Reply::Picked(1),
            false => minimal.iter().find(|(q, _)| q == id).unwrap().1.clone(),
        });
        let rules = vec![
            "Intake-eis schuldhulp".to_string(),
            "eigen bijdrage <b>".to_string(),
        ];
        let mut p = ScriptedPrompter::new(script);
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new()).offering(&rules);
        walk.run(&mut p, &mut ()).unwrap();
        assert_eq!(p.asked, asked);
        for (id, offered) in p.asked.iter().zip(&p.offered) {
            let expected: &[String] = if *id == rule { &rules } else { &[] };
            assert_eq!(offered, expected, "{id}");
        }
        let answers = walk.answers();
        let given = answers.iter().find(|(id, _)| *id == rule).map(|(_, a)| a);
        assert_eq!(given, Some(&Answer::Text("eigen bijdrage <b>".into())));
    }

    #[test]
    fn follow_ups_are_asked_only_when_an_answer_calls_for_them() {
        let set = set();
        let (answers, asked) = run_by_id(&set, minimal_replies(&set, &[]));
        assert!(!asked.contains(&"wet.regel_anders".to_string()));
        assert!(answers.iter().all(|(id, _)| id != "wet.regel_anders"));
        let anders = choice_at(&set, "wet.regel", "anders");
        let (answers, asked) = run_by_id(
            &set,
            minimal_replies(
                &set,
                &[
                    ("wet.regel", Reply::PickedMany(vec![0, anders])),
                    ("wet.regel_anders", typed("APV")),
                ],
            ),
        );
        assert!(asked.contains(&"wet.regel_anders".to_string()));
        assert!(answers.contains(&("wet.regel_anders".into(), Answer::Text("APV".into()))));
    }

    #[test]
    fn required_questions_cannot_be_skipped_and_bad_answers_are_asked_again() {
        let set = set();
        let mut p = ScriptedPrompter::new([Reply::Skip, typed("Drie zakken post")]);
        p.replies.extend([typed("eigen woorden")]);
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        // The script runs out after the second question: a cancel.
        assert!(crate::error::is_cancelled(
            &walk.run(&mut p, &mut ()).unwrap_err()
        ));
        assert_eq!(
            p.asked[..3],
            ["casus.titel", "casus.titel", "casus.eigen_woorden"]
        );
        assert_eq!(p.errors, [i18n::REQUIRED.nl]);

        let mut p = ScriptedPrompter::new([typed("x")]);
        let mut walk = Walk::new(&set, Lang::En, Vec::new());
        walk.at = set
            .questions
            .iter()
            .position(|q| q.id == "middelen.kosten_nu")
            .unwrap();
        p.replies = [typed("veel"), typed("24.000"), Reply::Picked(0)].into();
        let _ = walk.run(&mut p, &mut ());
        assert!(
            p.errors[0].contains("'veel' is not an amount"),
            "{:?}",
            p.errors
        );
        assert_eq!(
            walk.answers.get("middelen.kosten_nu"),
            Some(&Answer::Cost(Cost {
                amount: Some(Euros(2_400_000)),
                period: Period::PerYear
            }))
        );
    }

    #[test]
    fn a_day_typed_without_its_year_is_the_last_such_day() {
        let set = crate::domain::outcome::set();
        let mut p = ScriptedPrompter::new([typed("1 december")]);
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        let _ = walk.run(&mut p, &mut ());
        let today = crate::domain::day::today();
        let expected = crate::domain::day::read("1-12", today, crate::domain::day::Toward::Past);
        assert_eq!(p.errors, Vec::<String>::new());
        assert_eq!(walk.answers()[0].1, Answer::Date(expected.unwrap()));
        assert!(expected.unwrap() <= today);
    }

    #[test]
    fn back_returns_to_the_previous_question_with_its_answer_as_default() {
        let set = set();
        let mut p = ScriptedPrompter::new([
            Reply::Back,
            typed("Titel"),
            Reply::Back,
            typed("Titel 2"),
            typed("woorden"),
        ]);
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(
            p.asked[..5],
            [
                "casus.titel",
                "casus.titel",
                "casus.eigen_woorden",
                "casus.titel",
                "casus.eigen_woorden"
            ]
        );
        assert_eq!(p.errors, [i18n::FIRST_QUESTION.nl]);
        assert_eq!(p.defaults[3], Some(Answer::Text("Titel".into())));
        assert_eq!(
            walk.answers.get("casus.titel"),
            Some(&Answer::Text("Titel 2".into()))
        );
    }

    #[test]
    fn help_is_shown_and_the_same_question_asked_again() {
        let set = set();
        let mut p = ScriptedPrompter::new([Reply::Help]);
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(p.asked, ["casus.titel", "casus.titel"]);
        assert_eq!(
            p.shown,
            [set.questions[0].help.as_ref().unwrap().nl.clone()]
        );
        assert_eq!(p.sections, ["casus"]);
    }

    #[test]
    fn changing_an_answer_drops_follow_ups_that_no_longer_apply() {
        let set = set();
        let start = vec![
            ("vervolg.signaal".to_string(), Answer::Choice("ja".into())),
            (
                "vervolg.signaal_notitie".to_string(),
                Answer::Text("beleidsregel X".into()),
            ),
        ];
        let mut walk = Walk::new(&set, Lang::Nl, start);
        walk.at = set
            .questions
            .iter()
            .position(|q| q.id == "vervolg.signaal")
            .unwrap();
        let nee = choice_at(&set, "vervolg.signaal", "nee");
        let mut p = ScriptedPrompter::new([Reply::Picked(nee)]);
        walk.run(&mut p, &mut ()).unwrap();
        assert!(
            !walk
                .answers()
                .iter()
                .any(|(id, _)| id == "vervolg.signaal_notitie")
        );
    }

    #[test]
    fn the_concrete_rule_cannot_be_skipped_once_the_blocker_names_a_rule() {
        let set = set();
        let werkinstructie = choice_at(&set, "wet.blokkade", "werkinstructie");
        let start = vec![(
            "wet.blokkade".to_string(),
            Answer::Multi(vec!["werkinstructie".into()]),
        )];
        for lang in [Lang::Nl, Lang::En] {
            let mut walk = Walk::new(&set, lang, start.clone());
            walk.at = set
                .questions
                .iter()
                .position(|q| q.id == "wet.blokkade")
                .unwrap();
            let mut p = ScriptedPrompter::new([
                Reply::PickedMany(vec![werkinstructie]),
                Reply::Skip,
                typed("werkinstructie intake schuldhulp"),
            ]);
            // The script runs out at the question after the rule.
            let _ = walk.run(&mut p, &mut ());
            assert_eq!(
                p.asked[..3],
                ["wet.blokkade", "wet.regel_concreet", "wet.regel_concreet"]
            );
            assert!(p.required[1]);
            let prompt = set.question("wet.regel_concreet").unwrap().prompt.get(lang);
            assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
            assert!(p.errors[0].contains(prompt), "{:?}", p.errors);
            assert!(walk.answers().contains(&(
                "wet.regel_concreet".into(),
                Answer::Text("werkinstructie intake schuldhulp".into())
            )));
        }
        // A feeling has no rule to name: the question may stay open.
        let gevoel = choice_at(&set, "wet.blokkade", "gevoel");
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        walk.at = set
            .questions
            .iter()
            .position(|q| q.id == "wet.blokkade")
            .unwrap();
        let mut p = ScriptedPrompter::new([Reply::PickedMany(vec![gevoel]), Reply::Skip]);
        let _ = walk.run(&mut p, &mut ());
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.asked[..2], ["wet.blokkade", "wet.regel_concreet"]);
        assert!(!p.required[1]);
    }

    #[test]
    fn every_answer_is_journaled_with_the_next_question() {
        #[derive(Default)]
        struct Log(Vec<(usize, Option<String>)>);
        impl Journal for Log {
            fn record(&mut self, answers: Answers, next: Option<&str>) -> anyhow::Result<()> {
                self.0.push((answers.len(), next.map(str::to_string)));
                Ok(())
            }
        }
        let set = set();
        let mut p =
            ScriptedPrompter::new([typed("Titel"), Reply::Help, typed("woorden"), Reply::Back]);
        let mut log = Log::default();
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        let _ = walk.run(&mut p, &mut log);
        assert_eq!(
            log.0,
            [
                (1, Some("casus.eigen_woorden".to_string())),
                (2, Some("casus.interpretatie".to_string()))
            ]
        );
    }

    #[test]
    fn a_resumed_walk_continues_where_it_stopped_and_can_go_back() {
        let set = set();
        let start = vec![("casus.titel".to_string(), Answer::Text("Titel".into()))];
        let mut walk = Walk::new(&set, Lang::Nl, start.clone());
        walk.continue_at(Some("casus.eigen_woorden"));
        let mut p = ScriptedPrompter::new([Reply::Back]);
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(p.asked, ["casus.eigen_woorden", "casus.titel"]);
        // Without a known position: the first unanswered question.
        let mut walk = Walk::new(&set, Lang::Nl, start);
        walk.continue_at(Some("verdwenen.vraag"));
        assert_eq!(set.questions[walk.at].id, "casus.eigen_woorden");
    }

    #[test]
    fn the_guard_warns_at_the_answer_and_offers_a_rewrite() {
        let set = set();
        let scanner = Scanner::new(vec!["Fatima".into()]);
        let text = "Fatima belde vanaf 06-12345678";
        // Rewrite: asked again with the typed text as default; then redact.
        let mut p = ScriptedPrompter::new([typed(text), typed(text)]);
        p.choices = [0, 1].into();
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new()).guarded_by(&scanner);
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(
            p.asked[..3],
            ["casus.titel", "casus.titel", "casus.eigen_woorden"]
        );
        assert_eq!(p.defaults[1], Some(Answer::Text(text.into())));
        assert!(
            p.shown[0].contains("naam: Fatima")
                && p.shown[0].contains("telefoonnummer: 06-12345678"),
            "{:?}",
            p.shown
        );
        assert_eq!(
            walk.answers.get("casus.titel"),
            Some(&Answer::Text("[naam] belde vanaf [telefoonnummer]".into()))
        );

        // Keep: stored as typed. Nothing found: no question at all.
        let mut p = ScriptedPrompter::new([typed(text), typed("Moeder met drie zakken post")]);
        p.choices = [2].into();
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new()).guarded_by(&scanner);
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(
            walk.answers.get("casus.titel"),
            Some(&Answer::Text(text.into()))
        );
        assert_eq!(p.shown.len(), 1);
    }

    #[test]
    fn labels_get_a_question_back_and_the_answer_stands() {
        let set = set();
        let lexicon = Lexicon::embedded();
        let text = "Moeder is een zorgmijder";
        let mut p = ScriptedPrompter::new([typed(text), typed("Ze is gemotiveerd")]);
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new()).mirrored_by(&lexicon);
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(p.shown.len(), 1, "{:?}", p.shown);
        assert!(
            p.shown[0].starts_with("Je schreef \"zorgmijder\". "),
            "{:?}",
            p.shown
        );
        assert_eq!(
            walk.answers.get("casus.titel"),
            Some(&Answer::Text(text.into()))
        );
        assert_eq!(
            p.asked[..3],
            ["casus.titel", "casus.eigen_woorden", "casus.interpretatie"]
        );
    }

    #[test]
    fn progress_counts_within_the_section_and_never_grows() {
        let set = set();
        let anders = choice_at(&set, "wet.regel", "anders");
        let called = [
            "wet.regel_anders",
            "wet.ruimte_route",
            "wet.ruimte_wie",
            "wet.ruimte_waar",
        ];
        let replies = minimal_replies(
            &set,
            &[
                ("wet.regel", Reply::PickedMany(vec![0, anders])),
                ("wet.regel_anders", typed("APV")),
                ("wet.ruimte", Reply::Picked(0)),
                ("wet.ruimte_waar", typed("art. 2")),
            ],
        );
        let replies = replies.into_iter().filter(|(id, _)| {
            set.question(id).unwrap().when.is_none() || called.contains(&id.as_str())
        });
        let mut p = ScriptedPrompter::new(replies.map(|(_, r)| r));
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        walk.run(&mut p, &mut ()).unwrap();

        let label = |id: &str| {
            let i = p.asked.iter().position(|a| a == id).unwrap();
            p.progress[i].label()
        };
        assert_eq!(label("wet.regel"), "2");
        assert_eq!(label("wet.regel_anders"), "2a");
        assert_eq!(
            label("wet.ruimte_route"),
            format!("{}a", label("wet.ruimte"))
        );
        assert_eq!(
            label("wet.ruimte_waar"),
            format!("{}c", label("wet.ruimte"))
        );
        // Per section: one total from the first question to the last,
        // main questions numbered 1..=total, follow-ups lettered after them.
        let parts = set.sections.len();
        for (part, section) in set.sections.iter().enumerate() {
            let mains = set.questions_in(&section.key).filter(|q| q.when.is_none());
            let total = mains.count();
            let shown: Vec<Progress> = p
                .asked
                .iter()
                .zip(&p.progress)
                .filter(|(id, _)| set.question(id).unwrap().section == section.key)
                .map(|(_, pr)| *pr)
                .collect();
            assert!(
                shown
                    .iter()
                    .all(|pr| pr.total == total && pr.part == part + 1 && pr.parts == parts)
            );
            let numbers: Vec<usize> = shown
                .iter()
                .filter(|pr| pr.follow_up.is_none())
                .map(|pr| pr.number)
                .collect();
            assert_eq!(numbers, (1..=total).collect::<Vec<_>>(), "{}", section.key);
        }
    }

    #[test]
    fn an_untouched_list_records_nothing_and_a_desired_scale_starts_at_now() {
        let set = set();
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        let at = |id: &str| set.questions.iter().position(|q| q.id == id).unwrap();
        // A required list left on its first entry: asked again, saying why.
        walk.at = at("wet.oordeel");
        let mut p = ScriptedPrompter::new([Reply::Skip]);
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(p.asked, ["wet.oordeel", "wet.oordeel"]);
        assert_eq!(p.errors, [i18n::CHOICE_NEEDED.nl]);
        assert_eq!(p.starts, [None, None]);
        // A required multiple choice with nothing ticked, likewise.
        walk.at = at("wet.regel");
        let mut p = ScriptedPrompter::new([Reply::Skip]);
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(p.errors, [i18n::TICK_NEEDED.nl]);
        assert_eq!(p.required, [true, true]);
        // Optional once the law allows it: the list is told so, and an
        // untouched Enter records nothing.
        walk.answers
            .insert("wet.oordeel".into(), Answer::Choice("ja".into()));
        walk.at = at("wet.regel");
        let mut p = ScriptedPrompter::new([Reply::Skip]);
        let _ = walk.run(&mut p, &mut ());
        assert!(!p.required[0]);
        assert!(p.errors.is_empty() && !walk.answers.contains_key("wet.regel"));
        // An optional list left untouched: no answer.
        walk.at = at("casus.professionals");
        let mut p = ScriptedPrompter::new([Reply::Skip]);
        let _ = walk.run(&mut p, &mut ());
        assert!(p.errors.is_empty());
        assert!(!walk.answers.contains_key("casus.professionals"));
        // "Desired" starts where "now" was put, nothing else does.
        walk.at = at("contrasten.uniform_nu");
        let mut p = ScriptedPrompter::new([Reply::Picked(2)]);
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(
            p.asked,
            ["contrasten.uniform_nu", "contrasten.uniform_gewenst"]
        );
        assert_eq!(p.starts, [None, Some(Answer::Scale(3))]);
        assert!(!walk.answers.contains_key("contrasten.uniform_gewenst"));
    }

    #[test]
    fn picked_positions_map_to_values() {
        let set = set();
        let scale = set.question("contrasten.uniform_nu").unwrap();
        assert_eq!(picked(scale, &[4]), Some(Answer::Scale(5)));
        assert_eq!(picked(scale, &[5]), None);
        let multi = set.question("wet.blokkade").unwrap();
        assert_eq!(
            picked(multi, &[2, 3]),
            Some(Answer::Multi(vec![
                "beleidsregel".into(),
                "werkinstructie".into()
            ]))
        );
    }

    /// Runs a walk of `depth` from `start`, each question answered by
    /// `reply`; returns the questions asked (period prompts included) with
    /// the progress shown at each.
    fn walk_all(
        set: &QuestionSet,
        start: Answers,
        configure: impl FnOnce(Walk) -> Walk,
        reply: impl Fn(&Question) -> Reply,
    ) -> (Vec<String>, Answers, Vec<Progress>) {
        struct Each<F>(F, Vec<String>, Vec<Progress>);
        impl<F: Fn(&Question) -> Reply> Prompter for Each<F> {
            fn section(&mut self, _: &crate::domain::bank::Section, _: Lang) -> anyhow::Result<()> {
                Ok(())
            }
            fn ask(&mut self, ask: &Ask) -> anyhow::Result<Reply> {
                assert!(ask.error.is_none(), "{}: {:?}", ask.question.id, ask.error);
                self.1.push(ask.question.id.clone());
                self.2.push(ask.progress);
                Ok((self.0)(ask.question))
            }
            fn show(&mut self, _: &str) -> anyhow::Result<()> {
                Ok(())
            }
            fn show_styled(&mut self, _: &crate::printable::Styled) -> anyhow::Result<()> {
                Ok(())
            }
            fn width(&self) -> Option<usize> {
                None
            }
            fn choose(&mut self, _: &str, _: &[&str], d: usize) -> anyhow::Result<usize> {
                Ok(d)
            }
        }
        let mut p = Each(reply, Vec::new(), Vec::new());
        let mut walk = configure(Walk::new(set, Lang::Nl, start));
        walk.run(&mut p, &mut ()).unwrap();
        (p.1, walk.answers(), p.2)
    }

    /// A reply that answers anything: the first choice, text, an amount.
    fn any_answer(q: &Question) -> Reply {
        match q.kind {
            Kind::Choice | Kind::Scale | Kind::YesNo => Reply::Picked(0),
            Kind::Multi => Reply::PickedMany(vec![0]),
            Kind::Cost => typed("1.000"),
            _ => typed("iets"),
        }
    }

    #[test]
    fn the_short_walk_asks_the_short_questions_and_deepening_asks_the_rest() {
        let set = set();
        // wet.ruimte = "ja" (the first choice) brings its short follow-up;
        // casus.termijn = "geen" (the first) leaves out the term's last day.
        let (asked, short, _) = walk_all(&set, Vec::new(), |w| w.route(Route::Short), any_answer);
        let questions: Vec<&String> = asked.iter().filter(|id| !id.contains('#')).collect();
        assert_eq!(questions.len(), 23, "{questions:?}");
        assert!(
            questions
                .iter()
                .all(|id| set.in_short(set.question(id).unwrap()))
        );
        // Two costs, each followed by its period: 25 prompts in all.
        assert_eq!(asked.len(), 25, "{asked:?}");
        let (deeper, full, progress) =
            walk_all(&set, short.clone(), |w| w.route(Route::Deepen), any_answer);
        assert!(
            deeper
                .iter()
                .all(|id| !set.in_short(set.question(id).unwrap())),
            "{deeper:?}"
        );
        assert!(deeper.contains(&"wet.toelichting".to_string()));
        // The short answers stay as they were.
        for (id, a) in &short {
            assert!(full.contains(&(id.clone(), a.clone())), "{id}");
        }
        // Deepening counts only its own questions: a follow-up whose
        // question the short walk asked counts as one of them, numbered
        // (never "0a").
        let wie = deeper.iter().position(|id| id == "wet.ruimte_wie").unwrap();
        assert_eq!(progress[wie].follow_up, None, "{:?}", progress[wie]);
        for (id, p) in deeper.iter().zip(&progress) {
            assert!(p.number >= 1 && p.number <= p.total, "{id}: {p:?}");
        }
    }

    #[test]
    fn an_unknown_cost_is_kept_as_unknown_and_back_from_the_period_asks_the_amount() {
        let set = set();
        let mut p = ScriptedPrompter::new([
            typed("weet ik niet"),
            typed("5000"),
            Reply::Back,
            typed("6000"),
            Reply::Picked(2),
            typed("3"),
        ]);
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        walk.at = set
            .questions
            .iter()
            .position(|q| q.id == "middelen.kosten_nu")
            .unwrap();
        let _ = walk.run(&mut p, &mut ());
        assert_eq!(
            walk.answers.get("middelen.kosten_nu"),
            Some(&Answer::Cost(Cost {
                amount: None,
                period: Period::PerYear
            }))
        );
        assert_eq!(
            walk.answers.get("middelen.kosten_voorstel"),
            Some(&Answer::Cost(Cost {
                amount: Some(Euros(600_000)),
                period: Period::Years(3)
            }))
        );
        assert_eq!(
            p.asked,
            [
                "middelen.kosten_nu",
                "middelen.kosten_voorstel",
                "middelen.kosten_voorstel#periode",
                "middelen.kosten_voorstel",
                "middelen.kosten_voorstel#periode",
                "middelen.kosten_voorstel#jaren",
                "middelen.betaler_nu",
            ]
        );
    }

    #[test]
    fn a_period_written_after_the_amount_is_not_asked_again() {
        let set = set();
        let mut p = ScriptedPrompter::new([
            typed("€ 9.000 per jaar (3 dagdelen)"),
            typed("ca. 3.500"),
            Reply::Picked(1),
        ]);
        let mut walk = Walk::new(&set, Lang::Nl, Vec::new());
        walk.at = set
            .questions
            .iter()
            .position(|q| q.id == "middelen.kosten_nu")
            .unwrap();
        let _ = walk.run(&mut p, &mut ());
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(
            walk.answers.get("middelen.kosten_nu"),
            Some(&Answer::Cost(Cost {
                amount: Some(Euros(900_000)),
                period: Period::PerYear
            }))
        );
        assert_eq!(
            walk.answers.get("middelen.kosten_voorstel"),
            Some(&Answer::Cost(Cost {
                amount: Some(Euros(350_000)),
                period: Period::OneOff
            }))
        );
        assert_eq!(
            p.asked[..3],
            [
                "middelen.kosten_nu",
                "middelen.kosten_voorstel",
                "middelen.kosten_voorstel#periode",
            ]
        );
    }

    #[test]
    fn a_contrast_remark_is_asked_only_when_now_and_desired_lie_two_apart() {
        let set = set();
        let remark = set.question("contrasten.uniform_opmerking").unwrap();
        let now = Answer::Scale(2);
        let pair = |desired: &Answer| {
            remark.applies(|id| match id {
                "contrasten.uniform_nu" => Some(&now),
                "contrasten.uniform_gewenst" => Some(desired),
                _ => None,
            })
        };
        assert!(!pair(&Answer::Scale(3)));
        assert!(pair(&Answer::Scale(4)));
        assert!(pair(&Answer::Scale(0)));
        assert!(!remark.applies(|_| None));
    }
}
