//! "Afloop toevoegen": the outcome log's entry as one form, its questions
//! read and guarded as in the walk, added through the same append as
//! `driehoek afloop` (an entry only ever adds, so two tabs both add).

use std::collections::HashMap;

use axum::Extension;
use axum::extract::{Path, State};
use maud::html;

use super::field::Field;
use super::guard::Fields;
use super::page::{self, Reply};
use super::walk::{self, Outcome};
use super::{Shared, State as Server};
use crate::domain::bank::{QuestionSet, Route};
use crate::domain::note::CaseNote;
use crate::domain::outcome;
use crate::domain::walk::page::{self as rules, Given};
use crate::i18n;
use crate::printable::printable;

/// The form: every question of an entry that applies given what is typed.
fn form_page(
    state: &Server,
    note: &CaseNote,
    set: &QuestionSet,
    given: &Given,
    said: &HashMap<String, Outcome>,
    notice: Option<&str>,
) -> Reply {
    let ui = state.ui;
    let fields: Vec<Field> = set
        .questions
        .iter()
        .filter(|q| rules::is_asked(set, Route::Full, q, given))
        .map(|q| walk::field(q, (ui, ui), given, said.get(&q.id)))
        .collect();
    let count = note.outcomes.len();
    let title = i18n::WEB_OUTCOME_TITLE.with(ui, &[("title", &note.title)]);
    let body = html! {
        h1 { (printable(&title)) }
        @if let Some(n) = notice { p.notice role="status" { (n) } }
        form.walk method="post" action=(format!("/notitie/{}/afloop", note.id)) novalidate {
            (page::token(state))
            @for f in &fields { (f.render()) }
            @if count > 0 {
                div.field {
                    label for="corrigeert" { (i18n::WEB_CORRECTS.get(ui)) }
                    select #corrigeert name="corrigeert" {
                        option value="" { (i18n::WEB_CORRECTS_NONE.get(ui)) }
                        @for n in 1..=count { option value=(n) { (n) } }
                    }
                }
            }
            div.buttons {
                button.primary type="submit" { (i18n::OUTCOME_ADD.get(ui)) }
                a.button href=(format!("/notitie/{}", note.id)) { (i18n::WEB_CANCEL.get(ui)) }
            }
        }
    };
    page::html(state, &title, body)
}

fn load(state: &Server, id: &str) -> anyhow::Result<CaseNote> {
    let store = state.ctx.store()?;
    store.load(&store.resolve(id, state.ui)?)
}

pub async fn show(State(state): State<Shared>, Path(id): Path<String>) -> Reply {
    match load(&state, &id) {
        Ok(note) => form_page(
            &state,
            &note,
            &outcome::set(),
            &Given::new(),
            &HashMap::new(),
            None,
        ),
        Err(e) => page::failed(&state, &e),
    }
}

pub async fn add(
    State(state): State<Shared>,
    Path(id): Path<String>,
    Extension(form): Extension<Fields>,
) -> Reply {
    let note = match load(&state, &id) {
        Ok(n) => n,
        Err(e) => return page::failed(&state, &e),
    };
    let set = outcome::set();
    let shown: Vec<String> = form.all("v").map(str::to_string).collect();
    let questions: Vec<_> = set
        .questions
        .iter()
        .filter(|q| shown.contains(&q.id))
        .cloned()
        .collect();
    let mut given = Given::new();
    let said = walk::read_fields(&state, &questions, &mut given, &form, state.ui, false);
    let before = shown.len();
    let after = set
        .questions
        .iter()
        .filter(|q| rules::is_asked(&set, Route::Full, q, &given))
        .count();
    if walk::stays(&said) || before != after {
        let notice = (before != after).then(|| i18n::WEB_FOLLOW_UP.get(state.ui));
        return form_page(&state, &note, &set, &given, &said, notice);
    }
    let answers = rules::standing(&set, &given);
    let corrects = form.get("corrigeert").and_then(|n| n.parse().ok());
    let added = state.ctx.store().and_then(|store| {
        crate::cmd::outcome::append(&store, &note.id, &answers, corrects, state.ui)
    });
    match added {
        Ok(note) => page::redirect(&format!("/notitie/{}#afloop", note.id)),
        Err(e) => {
            let text = crate::error::describe(&e, state.ui);
            form_page(&state, &note, &set, &given, &said, Some(&text))
        }
    }
}
