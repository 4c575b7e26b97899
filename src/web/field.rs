//! One question as form fields: a text box, a text area, radio buttons or
//! check boxes, each with its label, its folded help, and beside it what
//! the walk has to say (an error, the privacy guard's finds, the label
//! mirror's question, a conflict with what another tab saved).

use maud::{Markup, html};

use crate::domain::bank::Question;

use crate::domain::answer::Kind;
use crate::domain::walk::page::{self, Offer};
use crate::i18n::{self, Lang};
use crate::printable::printable;

/// What a field shows: as typed (or stored), never read yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Raw {
    /// Text typed, or the amount of a cost.
    pub text: String,
    /// Values picked (a choice, ticked boxes).
    pub picked: Vec<String>,
    /// A cost's period and its years.
    pub period: String,
    pub years: String,
}

impl Raw {
    /// A stored answer as its field shows it.
    pub fn of(answer: Option<&crate::domain::answer::Answer>) -> Raw {
        use crate::domain::answer::Answer;
        match answer {
            None => Raw::default(),
            Some(a @ Answer::Cost(c)) => Raw {
                text: page::as_typed(a),
                period: c
                    .amount
                    .map(|_| page::period_value(c.period).to_string())
                    .unwrap_or_default(),
                years: match c.period {
                    crate::domain::answer::Period::Years(n) => n.to_string(),
                    _ => String::new(),
                },
                ..Raw::default()
            },
            Some(a @ (Answer::Text(_) | Answer::Amount(_) | Answer::Date(_))) => Raw {
                text: page::as_typed(a),
                ..Raw::default()
            },
            Some(a) => Raw {
                picked: a.condition_values(),
                ..Raw::default()
            },
        }
    }
}

/// Everything a question's place on the page holds.
pub struct Field<'a> {
    pub q: &'a Question,
    /// The note's language: the question's own words.
    pub lang: Lang,
    /// The reader's language: the page's words around them.
    pub ui: Lang,
    pub raw: Raw,
    /// The stored answer's fingerprint when the page was made.
    pub base: String,
    pub required: bool,
    pub error: Option<String>,
    /// The guard's finds, with the fingerprint of the text they are about.
    pub offer: Option<(Offer, String)>,
    /// The label mirror's questions, with the fingerprint of their text.
    pub mirror: Option<(Vec<String>, String)>,
    /// What is stored now, where it differs from what this page began from.
    pub conflict: Option<String>,
    /// Texts to pick from beside typing (the rule question: the rules
    /// already in the store, most used first): a list the browser offers
    /// as the person types.
    pub offered: Vec<String>,
}

/// Field names: the answer, its period and years, its base, the guard's
/// choice and what it was about, the mirror's mark.
pub fn name(part: &str, q: &Question) -> String {
    format!("{part}:{}", q.id)
}

impl Field<'_> {
    fn id(&self) -> String {
        format!("f-{}", self.q.id)
    }

    /// The ids of what describes the field (help, error), for a screen reader.
    fn described_by(&self) -> Option<String> {
        let mut ids = Vec::new();
        if self.error.is_some() {
            ids.push(format!("{}-fout", self.id()));
        }
        if self.offer.is_some() {
            ids.push(format!("{}-privacy", self.id()));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    pub fn render(&self) -> Markup {
        let q = self.q;
        html! {
            div.ask id=(format!("{}-vak", self.id())) {
                input type="hidden" name="v" value=(q.id);
                input type="hidden" name=(name("b", q)) value=(self.base);
                @if let Some(stored) = &self.conflict { (self.conflict(stored)) }
                @match q.kind {
                    Kind::Text | Kind::Date | Kind::Amount => (self.line()),
                    Kind::Long => (self.area()),
                    Kind::Cost => (self.cost()),
                    Kind::Choice | Kind::Scale | Kind::YesNo | Kind::Multi => (self.choices()),
                }
                @if let Some((offer, about)) = &self.offer { (self.guard(offer, about)) }
                @if let Some((lines, about)) = &self.mirror {
                    div.mirror role="note" {
                        @for line in lines { p { (printable(line)) } }
                        input type="hidden" name=(name("m", q)) value=(about);
                    }
                }
            }
        }
    }

    /// The question's words as a label or legend: prompt, required mark.
    fn prompt(&self) -> Markup {
        html! {
            (printable(self.q.prompt.get(self.lang)))
            @if self.required { " " span.req { (i18n::WEB_REQUIRED_MARK.get(self.ui)) } }
        }
    }

    fn help(&self) -> Markup {
        html! {
            @if let Some(help) = &self.q.help {
                details.help {
                    summary { (i18n::WEB_HELP.get(self.ui)) }
                    @for para in help.get(self.lang).split("\n\n") { p { (printable(para)) } }
                }
            }
        }
    }

    fn error(&self) -> Markup {
        html! {
            @if let Some(e) = &self.error {
                p.error id=(format!("{}-fout", self.id())) { (printable(e)) }
            }
        }
    }

    fn line(&self) -> Markup {
        let mode = matches!(self.q.kind, Kind::Date | Kind::Amount).then_some("decimal");
        let list = (!self.offered.is_empty()).then(|| format!("{}-lijst", self.id()));
        html! {
            div.field {
                label for=(self.id()) { (self.prompt()) }
                (self.help())
                @if list.is_some() { p.hint { (i18n::RULES_OFFERED.get(self.ui)) } }
                input type="text" id=(self.id()) name=(name("a", self.q)) value=(self.raw.text)
                    inputmode=[mode] aria-invalid=[self.error.as_ref().map(|_| "true")]
                    aria-describedby=[self.described_by()] required[self.required] list=[list.as_deref()];
                @if let Some(list) = &list {
                    datalist id=(list) {
                        @for text in &self.offered { option value=(printable(text)) {} }
                    }
                }
                (self.error())
            }
        }
    }

    fn area(&self) -> Markup {
        html! {
            div.field {
                label for=(self.id()) { (self.prompt()) }
                (self.help())
                textarea id=(self.id()) name=(name("a", self.q)) rows="6"
                    aria-invalid=[self.error.as_ref().map(|_| "true")]
                    aria-describedby=[self.described_by()] required[self.required] { (self.raw.text) }
                (self.error())
            }
        }
    }

    /// A cost: the amount, then over which period it runs.
    fn cost(&self) -> Markup {
        let q = self.q;
        let id = self.id();
        let period = page::period_question(q, crate::domain::answer::Euros(0), self.ui);
        html! {
            fieldset.field {
                legend { (self.prompt()) }
                (self.help())
                label for=(id) { (i18n::WEB_AMOUNT.get(self.ui)) }
                input type="text" id=(id) name=(name("a", q)) value=(self.raw.text) inputmode="decimal"
                    aria-invalid=[self.error.as_ref().map(|_| "true")] aria-describedby=[self.described_by()];
                fieldset.period {
                    legend { (i18n::WEB_PERIOD.get(self.ui)) }
                    @for (i, c) in period.choices.iter().enumerate() {
                        div.option {
                            input type="radio" id=(format!("{id}-p{i}")) name=(name("p", q)) value=(c.value)
                                checked[self.raw.period == c.value];
                            label for=(format!("{id}-p{i}")) { (c.label.get(self.ui)) }
                        }
                    }
                }
                label for=(format!("{id}-jaren")) { (i18n::PERIOD_HOW_MANY.get(self.ui)) }
                input.years type="number" min="1" max="50" id=(format!("{id}-jaren")) name=(name("j", q))
                    value=(self.raw.years);
                (self.error())
            }
        }
    }

    /// Radio buttons or check boxes; none is chosen that was not chosen.
    fn choices(&self) -> Markup {
        let q = self.q;
        let id = self.id();
        let multi = q.kind == Kind::Multi;
        let options = options(q, self.lang);
        html! {
            fieldset.field aria-describedby=[self.described_by()] {
                legend { (self.prompt()) }
                (self.help())
                @for (i, (value, label)) in options.iter().enumerate() {
                    div.option {
                        input type=(if multi { "checkbox" } else { "radio" }) id=(format!("{id}-{i}"))
                            name=(name("a", q)) value=(value) checked[self.raw.picked.contains(value)];
                        label for=(format!("{id}-{i}")) { (printable(label)) }
                    }
                }
                @if !multi && !self.required {
                    div.option {
                        input type="radio" id=(format!("{id}-geen")) name=(name("a", q)) value="";
                        label for=(format!("{id}-geen")) { (i18n::WEB_NO_ANSWER.get(self.ui)) }
                    }
                }
                (self.error())
            }
        }
    }

    /// The privacy guard's finds and the terminal's three ways on.
    fn guard(&self, offer: &Offer, about: &str) -> Markup {
        let q = self.q;
        let id = format!("{}-privacy", self.id());
        html! {
            fieldset.guard id=(id) role="alert" {
                legend { (offer.ask) }
                @for line in offer.warning.lines() { p { (printable(line.trim_start())) } }
                @for (i, (choice, label)) in page::Rewrite::ALL.iter().zip(&offer.choices).enumerate() {
                    div.option {
                        input type="radio" id=(format!("{id}-{i}")) name=(name("g", q)) value=(rewrite_value(*choice));
                        label for=(format!("{id}-{i}")) { (printable(label)) }
                    }
                }
                input type="hidden" name=(name("gf", q)) value=(about);
            }
        }
    }

    /// What another tab (or the terminal) saved meanwhile, beside what
    /// this page holds; the field keeps this page's text.
    fn conflict(&self, stored: &str) -> Markup {
        let ui = self.ui;
        let mine = if self.raw.picked.is_empty() {
            self.raw.text.clone()
        } else {
            self.raw.picked.join(", ")
        };
        html! {
            div.conflict role="alert" {
                p { strong { (i18n::WEB_CONFLICT.get(ui)) } }
                div.versions {
                    div { h3 { (i18n::WEB_CONFLICT_STORED.get(ui)) } p.version { (printable(stored)) } }
                    div { h3 { (i18n::WEB_CONFLICT_MINE.get(ui)) } p.version { (printable(&mine)) } }
                }
                p { (i18n::WEB_CONFLICT_HOW.get(ui)) }
            }
        }
    }
}

/// The value a guard choice is sent as.
pub fn rewrite_value(r: page::Rewrite) -> &'static str {
    match r {
        page::Rewrite::Again => "herschrijven",
        page::Rewrite::Redact => "vervangen",
        page::Rewrite::Keep => "houden",
    }
}

/// A choice question's options as (value, label): its choices, a scale's
/// points (the ends with their words), or ja and nee.
fn options(q: &Question, lang: Lang) -> Vec<(String, String)> {
    match (q.kind, &q.scale) {
        (Kind::Scale, Some(s)) => (s.min..=s.max)
            .map(|n| {
                let end = match n {
                    _ if n == s.min => s.min_label.as_ref(),
                    _ if n == s.max => s.max_label.as_ref(),
                    _ => None,
                };
                let label = match end {
                    Some(t) => format!("{n} ({})", t.get(lang)),
                    None => n.to_string(),
                };
                (n.to_string(), label)
            })
            .collect(),
        (Kind::YesNo, _) => vec![
            ("ja".into(), i18n::YES.get(lang).into()),
            ("nee".into(), i18n::NO.get(lang).into()),
        ],
        _ => q
            .choices
            .iter()
            .map(|c| (c.value.clone(), c.label.get(lang).to_string()))
            .collect(),
    }
}
