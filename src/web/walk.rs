//! The walk in the browser: one section per page, kept as a draft at every
//! Volgende, so a closed tab loses at most the page being typed. It reads,
//! checks and guards answers through the walk's own rules
//! ([`crate::domain::walk::page`]), so a draft started here resumes in the
//! terminal and the other way round.
//!
//! Two tabs never lose an update: each field carries the fingerprint of
//! the answer it showed. When what is stored now differs, and this tab was
//! not the one that stored it, the page comes back with both versions side
//! by side and the typed text kept.

use std::collections::HashMap;

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use maud::html;

use super::field::{Field, Raw, name, rewrite_value};
use super::guard::Fields;
use super::page::{self, Reply};
use super::{Shared, State as Server};
use crate::cmd::session;
use crate::domain::answer::Kind;
use crate::domain::answer::{Answer, Cost, Period};
use crate::domain::bank::{Question, QuestionSet, Route};
use crate::domain::note::{Draft, answers_of};
use crate::domain::walk::page::{self as walk, Amount, Given, Missing, Rewrite};
use crate::i18n::{self, Lang};
use crate::store::{Store, fingerprint};

/// The id in the address of a walk whose draft is not made yet.
const NEW: &str = "nieuw";

/// A walk in progress, as one request sees it.
pub(super) struct Walking {
    pub draft: Draft,
    pub set: QuestionSet,
    pub given: Given,
    /// Not yet in the store: nothing was saved so far.
    new: bool,
}

impl Walking {
    pub fn parts(&self) -> Vec<&crate::domain::bank::Section> {
        walk::parts(&self.set, self.draft.walk)
    }

    /// The questions of part `n` (from 1) that apply now.
    pub fn asked(&self, n: usize) -> Vec<&Question> {
        match self.parts().get(n.wrapping_sub(1)) {
            Some(s) => walk::asked_in(&self.set, self.draft.walk, &s.key, &self.given),
            None => Vec::new(),
        }
    }

    /// The part a question is in.
    fn part_of(&self, at: usize) -> Option<usize> {
        let q = self.set.questions.get(at)?;
        self.parts()
            .iter()
            .position(|s| s.key == q.section)
            .map(|i| i + 1)
    }

    fn address(&self) -> String {
        if self.new {
            NEW.to_string()
        } else {
            self.draft.id.clone()
        }
    }
}

/// The fingerprint a field carries of the answer it showed.
fn print_of(answer: Option<&Answer>) -> String {
    answer.map_or_else(String::new, |a| {
        fingerprint(a.to_toml().to_string().as_bytes())
    })
}

fn text_print(text: &str) -> String {
    fingerprint(text.as_bytes())
}

/// The query's fields.
fn query(raw: Option<&str>) -> HashMap<String, String> {
    raw.and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
        .unwrap_or_default()
        .into_iter()
        .collect()
}

/// A tab's own mark: forms and addresses carry it, so a tab going back
/// and saving again over its own answer is no conflict.
fn new_tab() -> String {
    let mut bytes = [0u8; 8];
    let _ = getrandom::fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Only the letters an id or a tab mark is made of may come from an address.
pub(super) fn plain(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn store(state: &Server) -> anyhow::Result<Store> {
    state.ctx.store()
}

/// The draft at `id`, with its question set.
pub(super) fn load(state: &Server, id: &str) -> anyhow::Result<Walking> {
    let store = store(state)?;
    let id = store.resolve_draft(id, state.ui)?;
    let draft = store.load_draft(&id)?;
    let set = state.ctx.set_named(&draft.set)?;
    let given = answers_of(&draft.answers).into_iter().collect();
    Ok(Walking {
        draft,
        set,
        given,
        new: false,
    })
}

/// A walk not saved yet, of the active set.
fn fresh(state: &Server, route: Route) -> anyhow::Result<Walking> {
    let set = state.ctx.active_set()?;
    let mut draft = Draft::new(crate::store::new_id(), session::now(), &set, state.ui, None);
    draft.walk = route;
    Ok(Walking {
        draft,
        set,
        given: Given::new(),
        new: true,
    })
}

fn route_of(value: Option<&str>) -> Route {
    match value {
        Some("volledig") => Route::Full,
        _ => Route::Short,
    }
}

/// `/nieuw`: the first page of a new case (the short walk, or the full one
/// with `?walk=volledig`). Nothing is stored until its first Volgende.
pub async fn start(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Reply {
    let q = query(raw.as_deref());
    let route = route_of(q.get("walk").map(String::as_str));
    let Some(tab) = q.get("tab").filter(|t| plain(t)) else {
        let walk = if route == Route::Full {
            "volledig"
        } else {
            "kort"
        };
        let part = q
            .get("deel")
            .map_or(String::new(), |d| format!("&deel={d}"));
        return page::redirect(&format!("/nieuw?walk={walk}{part}&tab={}", new_tab()));
    };
    match fresh(&state, route) {
        Ok(w) => {
            let part = q
                .get("deel")
                .and_then(|d| d.parse::<usize>().ok())
                .filter(|n| (1..=w.parts().len()).contains(n))
                .unwrap_or(1);
            let fields = fields_of(&state, &w, part, &Default::default());
            render(&state, &w, part, tab, fields, None)
        }
        Err(e) => page::failed(&state, &e),
    }
}

/// `/concept/ID`: a part of a draft (`?deel=N`), or where it stopped.
pub async fn show(
    State(state): State<Shared>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let q = query(raw.as_deref());
    let w = match load(&state, &id) {
        Ok(w) => w,
        Err(e) => return page::failed(&state, &e),
    };
    let Some(tab) = q.get("tab").filter(|t| plain(t)) else {
        let part = q
            .get("deel")
            .map_or(String::new(), |d| format!("deel={d}&"));
        return page::redirect(&format!("/concept/{}?{part}tab={}", w.draft.id, new_tab()));
    };
    let part = match q.get("deel").and_then(|d| d.parse::<usize>().ok()) {
        Some(n) => n,
        None => {
            let at = walk::resume_at(&w.set, w.draft.walk, &w.given, w.draft.next.as_deref());
            match w.part_of(at) {
                Some(n) => n,
                None => return page::redirect(&summary_address(&w, tab)),
            }
        }
    };
    if part == 0 || part > w.parts().len() {
        return page::redirect(&summary_address(&w, tab));
    }
    let fields = fields_of(&state, &w, part, &Default::default());
    render(&state, &w, part, tab, fields, None)
}

fn summary_address(w: &Walking, tab: &str) -> String {
    format!("/concept/{}/overzicht?tab={tab}", w.draft.id)
}

fn part_address(w: &Walking, part: usize, tab: &str) -> String {
    format!("/concept/{}?deel={part}&tab={tab}", w.draft.id)
}

/// What one question got from the form, and what the walk made of it.
#[derive(Default)]
pub(super) struct Outcome {
    raw: Raw,
    error: Option<String>,
    offer: Option<(walk::Offer, String)>,
    mirror: Option<(Vec<String>, String)>,
    conflict: Option<String>,
}

/// Whether any question's outcome keeps the page: an error to fix, the
/// guard's choice to make, the mirror's question to see once.
pub(super) fn stays(said: &HashMap<String, Outcome>) -> bool {
    said.values()
        .any(|s| s.error.is_some() || s.offer.is_some() || s.mirror.is_some())
}

/// A question's field: what was typed (or else what is stored), and
/// what the walk said about it.
pub(super) fn field<'a>(
    q: &'a Question,
    (lang, ui): (Lang, Lang),
    given: &Given,
    said: Option<&Outcome>,
) -> Field<'a> {
    let stored = given.get(&q.id);
    Field {
        q,
        lang,
        ui,
        raw: said.map_or_else(|| Raw::of(stored), |s| s.raw.clone()),
        base: print_of(stored),
        required: q.required_given(|id| given.get(id)),
        error: said.and_then(|s| s.error.clone()),
        offer: said.and_then(|s| s.offer.clone()),
        mirror: said.and_then(|s| s.mirror.clone()),
        conflict: said.and_then(|s| s.conflict.clone()),
        offered: Vec::new(),
    }
}

impl Outcome {
    /// A required question left open, said in the page's words.
    pub fn missing(missing: Missing, ui: Lang) -> Outcome {
        Outcome {
            error: Some(missing_text(missing, ui)),
            ..Outcome::default()
        }
    }
}

/// The tab mark in a query, or a new one.
pub(super) fn tab_in(raw: Option<&str>) -> String {
    query(raw)
        .remove("tab")
        .filter(|t| plain(t))
        .unwrap_or_else(new_tab)
}

/// The fields of part `n`, with what the form sent back and the walk said.
pub(super) fn fields_of<'a>(
    state: &Server,
    w: &'a Walking,
    n: usize,
    said: &HashMap<String, Outcome>,
) -> Vec<Field<'a>> {
    let rule = w.set.roles.rule.as_deref();
    w.asked(n)
        .into_iter()
        .map(|q| {
            let mut f = field(q, (w.draft.note_lang, state.ui), &w.given, said.get(&q.id));
            if q.kind == Kind::Text && rule == Some(q.id.as_str()) {
                // The same rules the terminal's walk offers.
                f.offered = store(state)
                    .map(|store| session::rules_in_use(&state.ctx, &store))
                    .unwrap_or_default();
            }
            f
        })
        .collect()
}

/// A part of the walk as a page.
pub(super) fn render(
    state: &Server,
    w: &Walking,
    part: usize,
    tab: &str,
    fields: Vec<Field>,
    notice: Option<&str>,
) -> Reply {
    let ui = state.ui;
    let parts = w.parts();
    let Some(section) = parts.get(part - 1) else {
        return page::redirect("/");
    };
    let title = section.title.get(w.draft.note_lang);
    let progress = i18n::WEB_PART.with(
        ui,
        &[
            ("part", &part.to_string()),
            ("parts", &parts.len().to_string()),
        ],
    );
    let body = html! {
        p.progress { (progress) }
        h1 { (crate::printable::printable(title)) }
        @if let Some(intro) = &section.intro { p.intro { (crate::printable::printable(intro.get(w.draft.note_lang))) } }
        @if let Some(n) = notice { p.notice role="status" { (n) } }
        form.walk method="post" action=(format!("/concept/{}", w.address())) novalidate {
            (page::token(state))
            input type="hidden" name="deel" value=(part);
            input type="hidden" name="tab" value=(tab);
            input type="hidden" name="walk" value=(route_value(w.draft.walk));
            @for f in &fields { (f.render()) }
            div.buttons {
                // Volgende first: Enter in a field presses the first button.
                button.primary type="submit" name="ga" value="volgende" { (i18n::WEB_NEXT.get(ui)) }
                @if part > 1 {
                    button type="submit" name="ga" value="vorige" { (i18n::WEB_PREVIOUS.get(ui)) }
                }
            }
        }
    };
    page::html(state, &format!("{progress}: {title}"), body)
}

fn route_value(route: Route) -> &'static str {
    match route {
        Route::Short => "kort",
        Route::Full => "volledig",
        Route::Deepen => "verdiepen",
    }
}

/// The form of a part, posted: read, check, guard, save, go on.
pub async fn post(
    State(state): State<Shared>,
    Path(id): Path<String>,
    Extension(form): Extension<Fields>,
) -> Reply {
    let loaded = if id == NEW {
        fresh(&state, route_of(form.get("walk")))
    } else {
        load(&state, &id)
    };
    let mut w = match loaded {
        Ok(w) => w,
        Err(_) => return gone(&state, &form),
    };
    let Some(tab) = form.get("tab").filter(|t| plain(t)).map(str::to_string) else {
        return page::redirect("/");
    };
    let part = form
        .get("deel")
        .and_then(|d| d.parse::<usize>().ok())
        .filter(|n| (1..=w.parts().len()).contains(n))
        .unwrap_or(1);
    let back = form.get("ga") == Some("vorige");
    let before: Vec<String> = w.asked(part).iter().map(|q| q.id.clone()).collect();
    let stored = w.given.clone();
    let said = read_part(&state, &mut w, part, &form, &tab, back);
    if said.values().any(|s| s.conflict.is_some()) {
        // Nothing is saved: the page comes back on what is stored now,
        // with what this tab typed in its fields.
        w.given = stored;
        let notice = i18n::WEB_CONFLICT_NOTICE.get(state.ui);
        let fields = fields_of(&state, &w, part, &said);
        return render(&state, &w, part, &tab, fields, Some(notice));
    }
    let after: Vec<String> = w.asked(part).iter().map(|q| q.id.clone()).collect();
    let stay = stays(&said) || before != after;
    let next_part = match (stay, back) {
        (true, _) => part,
        (false, true) => part - 1,
        (false, false) => part + 1,
    };
    if let Err(e) = keep(&state, &mut w, next_part, &said, &tab) {
        return page::failed(&state, &e);
    }
    if stay {
        let notice = (before != after).then(|| i18n::WEB_FOLLOW_UP.get(state.ui));
        let fields = fields_of(&state, &w, part, &said);
        return render(&state, &w, part, &tab, fields, notice);
    }
    if next_part > w.parts().len() {
        page::redirect(&summary_address(&w, &tab))
    } else {
        page::redirect(&part_address(&w, next_part.max(1), &tab))
    }
}

/// Saves the draft (unless nothing is answered yet), pointing at the
/// first question of `next_part`, and notes which answers this tab wrote.
fn keep(
    state: &Server,
    w: &mut Walking,
    next_part: usize,
    said: &HashMap<String, Outcome>,
    tab: &str,
) -> anyhow::Result<()> {
    if w.new && w.given.is_empty() {
        return Ok(());
    }
    let next = w.asked(next_part).first().map(|q| q.id.clone());
    let answers = walk::standing(&w.set, &w.given);
    w.draft
        .record(&w.set, answers, next.as_deref(), session::now());
    store(state)?.save_draft(&w.draft)?;
    w.new = false;
    let mut writes = state.writes.lock().unwrap_or_else(|p| p.into_inner());
    for id in said.keys() {
        writes.insert(
            (w.draft.id.clone(), id.clone()),
            (tab.to_string(), print_of(w.given.get(id))),
        );
    }
    Ok(())
}

/// Reads every question the page showed, in order, into `w.given`; says
/// per question what became of it.
fn read_part(
    state: &Server,
    w: &mut Walking,
    part: usize,
    form: &Fields,
    tab: &str,
    back: bool,
) -> HashMap<String, Outcome> {
    let shown: Vec<String> = form.all("v").map(str::to_string).collect();
    let section = w.parts().get(part - 1).map(|s| s.key.clone());
    let questions: Vec<Question> = w
        .set
        .questions
        .iter()
        .filter(|q| Some(&q.section) == section.as_ref() && shown.contains(&q.id))
        .cloned()
        .collect();
    let conflicts: HashMap<String, Outcome> = questions
        .iter()
        .filter_map(|q| Some((q.id.clone(), conflict(state, w, q, form, tab)?)))
        .collect();
    if !conflicts.is_empty() {
        return conflicts;
    }
    read_fields(
        state,
        &questions,
        &mut w.given,
        form,
        w.draft.note_lang,
        back,
    )
}

/// Whether the answer stored now for `q` differs from the one this page
/// showed, and this tab did not store it: then the stored one, in words,
/// goes beside the field.
fn conflict(
    state: &Server,
    w: &Walking,
    q: &Question,
    form: &Fields,
    tab: &str,
) -> Option<Outcome> {
    let raw = raw_of(q, form);
    let stored = print_of(w.given.get(&q.id));
    let base = form.get(&name("b", q)).unwrap_or_default();
    let typed = read_one(q, &raw, w.draft.note_lang)
        .ok()
        .map(|a| print_of(a.as_ref()));
    if base == stored || typed.as_deref() == Some(&stored) {
        return None;
    }
    let writes = state.writes.lock().unwrap_or_else(|p| p.into_inner());
    let own = writes.get(&(w.draft.id.clone(), q.id.clone())) == Some(&(tab.to_string(), stored));
    (!own).then(|| Outcome {
        conflict: Some(
            w.given
                .get(&q.id)
                .map_or_else(String::new, shown_text(q, w.draft.note_lang)),
        ),
        raw,
        ..Outcome::default()
    })
}

/// Reads the form's answers to `questions`, in order, into `given`: each
/// read and checked by the walk's rules, through the privacy guard and
/// the label mirror; says per question what became of it. With `back`, a
/// required answer may still be missing.
pub(super) fn read_fields(
    state: &Server,
    questions: &[Question],
    given: &mut Given,
    form: &Fields,
    lang: Lang,
    back: bool,
) -> HashMap<String, Outcome> {
    let mut said = HashMap::new();
    let scanner = state.ctx.scanner().ok();
    let lexicon = state.ctx.lexicon().ok();
    for q in questions {
        let raw = raw_of(q, form);
        let mut out = Outcome {
            raw: raw.clone(),
            ..Outcome::default()
        };
        match read_one(q, &raw, lang) {
            Err(e) => out.error = Some(e),
            Ok(answer) => {
                let answer = guard(&mut out, q, answer, form, scanner.as_ref(), lang);
                if out.offer.is_none() {
                    match walk::settle(q, &answer, given) {
                        Err(missing) if !back => out.error = Some(missing_text(missing, state.ui)),
                        _ => {
                            mirror(&mut out, q, &answer, form, lexicon.as_ref(), lang);
                            match answer {
                                Some(a) => given.insert(q.id.clone(), a),
                                None => given.remove(&q.id),
                            };
                        }
                    }
                }
            }
        }
        said.insert(q.id.clone(), out);
    }
    said
}

/// A stored answer in words, for the conflict box.
pub(super) fn shown_text(q: &Question, lang: Lang) -> impl Fn(&Answer) -> String + '_ {
    move |a: &Answer| match a {
        Answer::Choice(_) | Answer::Multi(_) => q.labels_of(a, lang).join(", "),
        Answer::Cost(c) => c.display(lang),
        other => walk::as_typed(other),
    }
}

/// What the form holds for `q`.
fn raw_of(q: &Question, form: &Fields) -> Raw {
    Raw {
        text: form.get(&name("a", q)).unwrap_or_default().to_string(),
        picked: form
            .all(&name("a", q))
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect(),
        period: form.get(&name("p", q)).unwrap_or_default().to_string(),
        years: form.get(&name("j", q)).unwrap_or_default().to_string(),
    }
}

/// Reads one answer by the walk's rules; an error in the note's language,
/// as the terminal gives it.
fn read_one(q: &Question, raw: &Raw, lang: Lang) -> Result<Option<Answer>, String> {
    match q.kind {
        Kind::Cost if raw.text.trim().is_empty() => Ok(None),
        Kind::Cost => match walk::read_amount(&raw.text, lang)? {
            Amount::Unknown => Ok(Some(Answer::Cost(Cost {
                amount: None,
                period: Period::PerYear,
            }))),
            // A period written after the amount stands when none is picked.
            Amount::Euros(e, Some(period)) if raw.period.is_empty() => {
                Ok(Some(Answer::Cost(Cost {
                    amount: Some(e),
                    period,
                })))
            }
            Amount::Euros(e, _) => Ok(Some(Answer::Cost(Cost {
                amount: Some(e),
                period: walk::read_period(&raw.period, &raw.years, lang)?,
            }))),
        },
        Kind::Text | Kind::Long | Kind::Amount | Kind::Date => {
            // A browser sends line ends as CRLF.
            walk::read_typed(q, &raw.text.replace("\r\n", "\n")).map_err(|e| e.message(lang))
        }
        Kind::Choice | Kind::Multi | Kind::Scale | Kind::YesNo => {
            walk::read_picked(q, &raw.picked).map_err(|e| e.message(lang))
        }
    }
}

/// The privacy guard on a text answer: when it finds something and the
/// person has not chosen for this very text, the offer goes on the page;
/// a choice made replaces or keeps the text.
fn guard(
    out: &mut Outcome,
    q: &Question,
    answer: Option<Answer>,
    form: &Fields,
    scanner: Option<&crate::domain::privacy::Scanner>,
    lang: Lang,
) -> Option<Answer> {
    let Some(Answer::Text(text)) = &answer else {
        return answer;
    };
    let Some(offer) = scanner.and_then(|s| walk::guard(s, text, lang)) else {
        return answer;
    };
    let about = text_print(text);
    let chosen = (form.get(&name("gf", q)) == Some(about.as_str()))
        .then(|| form.get(&name("g", q)))
        .flatten()
        .and_then(|v| Rewrite::ALL.into_iter().find(|r| rewrite_value(*r) == v));
    match chosen {
        Some(Rewrite::Keep) => answer,
        Some(Rewrite::Redact) => {
            out.raw.text = offer.redacted.clone();
            Some(Answer::Text(offer.redacted))
        }
        Some(Rewrite::Again) | None => {
            out.offer = Some((offer, about));
            answer
        }
    }
}

/// The label mirror: the first time a text with labelling words is saved,
/// the page stays once with the mirror's questions beside the field.
fn mirror(
    out: &mut Outcome,
    q: &Question,
    answer: &Option<Answer>,
    form: &Fields,
    lexicon: Option<&crate::domain::labels::Lexicon>,
    lang: Lang,
) {
    let (Some(Answer::Text(text)), Some(lexicon)) = (answer, lexicon) else {
        return;
    };
    let lines = walk::mirror(lexicon, text, lang);
    let about = text_print(text);
    if !lines.is_empty() && form.get(&name("m", q)) != Some(about.as_str()) {
        out.mirror = Some((lines, about));
    }
}

/// A missing answer in the page's words.
fn missing_text(missing: Missing, ui: Lang) -> String {
    match missing {
        Missing::Choice => i18n::WEB_CHOOSE.get(ui).to_string(),
        Missing::Tick => i18n::WEB_TICK.get(ui).to_string(),
        Missing::Text => i18n::REQUIRED.get(ui).to_string(),
        Missing::Because(why) => why.say(ui),
    }
}

/// The draft is gone (saved as a note, or thrown away, in another tab):
/// what this page held is shown, so nothing typed is lost.
pub(super) fn gone(state: &Server, form: &Fields) -> Reply {
    let ui = state.ui;
    let typed: Vec<&(String, String)> = form
        .0
        .iter()
        .filter(|(n, v)| n.starts_with("a:") && !v.trim().is_empty())
        .collect();
    let body = html! {
        h1 { (i18n::WEB_DRAFT_GONE.get(ui)) }
        @if !typed.is_empty() {
            p { (i18n::WEB_DRAFT_GONE_TYPED.get(ui)) }
            dl.typed {
                @for (n, v) in typed {
                    dt { (crate::printable::printable(&n[2..])) }
                    dd { (crate::printable::printable(v)) }
                }
            }
        }
        p { a href="/" { (i18n::WEB_TO_HOME.get(ui)) } }
    };
    page::html(state, i18n::WEB_DRAFT_GONE.get(ui), body)
}
