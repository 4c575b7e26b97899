//! The end of a walk in the browser: the summary the terminal shows before
//! saving, then Opslaan (through the same save as the terminal), or back
//! to the questions, or Weggooien after one question.

use std::collections::HashMap;

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use maud::html;

use super::guard::Fields;
use super::page::{self, Reply};
use super::walk::{self, Walking};
use super::{Shared, State as Server};
use crate::cmd::session::{self, Saved};
use crate::domain::note::CaseNote;
use crate::domain::walk::page as rules;
use crate::i18n;
use crate::printable::printable;
use crate::render;

/// `/concept/ID/overzicht`: what the note will say, and the way to save it.
pub async fn show(
    State(state): State<Shared>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let ui = state.ui;
    let w = match walk::load(&state, &id) {
        Ok(w) => w,
        Err(e) => return page::failed(&state, &e),
    };
    let tab = walk::tab_in(raw.as_deref());
    let lang = w.draft.note_lang;
    let answers = rules::standing(&w.set, &w.given);
    let preview = CaseNote::new(String::new(), session::now(), &w.set, lang, answers);
    let doc = render::Doc {
        title: format!("{}: {}", i18n::SUMMARY.get(lang), preview.title),
        blocks: render::summary_blocks(&preview, Some(&w.set), lang),
    };
    let part = render::html::Part {
        doc: &doc,
        note_lang: lang,
        drawings: &[],
    };
    let last = w.parts().len();
    let body = html! {
        (render::html::article(&part, ui, ui))
        div.actions {
            form method="post" action=(format!("/concept/{}/opslaan", w.draft.id)) {
                (page::token(&state))
                input type="hidden" name="tab" value=(tab);
                button.primary type="submit" { (i18n::END_SAVE.get(ui)) }
            }
            a.button href=(format!("/concept/{}?deel={last}&tab={tab}", w.draft.id)) { (i18n::END_BACK.get(ui)) }
            a.button href=(format!("/concept/{}/weggooien", w.draft.id)) { (i18n::END_DISCARD.get(ui)) }
        }
    };
    page::html(&state, &doc.title, body)
}

/// Opslaan: every required answer there, then the same save as the
/// terminal's; an edit whose note changed meanwhile shows both versions.
pub async fn save(
    State(state): State<Shared>,
    Path(id): Path<String>,
    Extension(form): Extension<Fields>,
) -> Reply {
    let mut w = match walk::load(&state, &id) {
        Ok(w) => w,
        Err(_) => return walk::gone(&state, &form),
    };
    let tab = walk::tab_in(None);
    let tab = form.get("tab").filter(|t| walk::plain(t)).unwrap_or(&tab);
    if let Some((part, said)) = open_part(&state, &w) {
        let fields = walk::fields_of(&state, &w, part, &said);
        let notice = i18n::WEB_STILL_OPEN.get(state.ui);
        return walk::render(&state, &w, part, tab, fields, Some(notice));
    }
    let store = match state.ctx.store() {
        Ok(s) => s,
        Err(e) => return page::failed(&state, &e),
    };
    let answers = rules::standing(&w.set, &w.given);
    let base = w.draft.base.clone();
    match session::save(&state.ctx, &store, &w.set, &mut w.draft, answers) {
        Ok(Saved::Created(note)) => page::redirect(&format!("/notitie/{}", note.id)),
        Ok(Saved::Updated(id) | Saved::Unchanged(id)) => page::redirect(&format!("/notitie/{id}")),
        Err(e) => match store.load_draft(&w.draft.id) {
            // The note changed since this edit began: the answers are kept
            // as the draft, with the note's new state as its base.
            Ok(kept) if kept.base != base => changed(&state, &w, &kept),
            _ => page::failed(&state, &e),
        },
    }
}

/// The first part with a required question left open, with its errors.
fn open_part(state: &Server, w: &Walking) -> Option<(usize, HashMap<String, walk::Outcome>)> {
    (1..=w.parts().len()).find_map(|n| {
        let said: HashMap<String, walk::Outcome> = w
            .asked(n)
            .into_iter()
            .filter(|q| !w.given.contains_key(&q.id))
            .filter_map(|q| {
                let missing = rules::settle(q, &None, &w.given).err()?;
                Some((q.id.clone(), walk::Outcome::missing(missing, state.ui)))
            })
            .collect();
        (!said.is_empty()).then_some((n, said))
    })
}

/// An edit that met a changed note: both versions of every answer that
/// differs, side by side; saving again puts this version over it (the
/// other stays in the note's history).
fn changed(state: &Server, w: &Walking, kept: &crate::domain::note::Draft) -> Reply {
    let ui = state.ui;
    let lang = w.draft.note_lang;
    let id = kept.edit_of.clone().unwrap_or_default();
    let note = state.ctx.store().and_then(|s| s.load(&id));
    let rows: Vec<(String, String, String)> = match &note {
        Ok(note) => w
            .set
            .questions
            .iter()
            .filter_map(|q| {
                let now = note.answer(&q.id);
                let mine = w.given.get(&q.id);
                (now != mine).then(|| {
                    let text = walk::shown_text(q, lang);
                    (
                        q.prompt.get(lang).to_string(),
                        now.map(&text).unwrap_or_default(),
                        mine.map(&text).unwrap_or_default(),
                    )
                })
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let body = html! {
        h1 { (i18n::WEB_NOTE_CHANGED.get(ui)) }
        p { (i18n::WEB_NOTE_CHANGED_HOW.get(ui)) }
        div.scroll {
            table.versions {
                thead { tr {
                    th scope="col" { (i18n::WEB_QUESTION.get(ui)) }
                    th scope="col" { (i18n::WEB_CONFLICT_STORED.get(ui)) }
                    th scope="col" { (i18n::WEB_CONFLICT_MINE.get(ui)) }
                } }
                tbody {
                    @for (q, now, mine) in &rows {
                        tr { td { (printable(q)) } td { (printable(now)) } td { (printable(mine)) } }
                    }
                }
            }
        }
        div.actions {
            form method="post" action=(format!("/concept/{}/opslaan", kept.id)) {
                (page::token(state))
                button.primary type="submit" { (i18n::WEB_SAVE_MINE.get(ui)) }
            }
            a.button href=(format!("/notitie/{id}")) { (i18n::WEB_SEE_NOTE.get(ui)) }
        }
    };
    page::html(state, i18n::WEB_NOTE_CHANGED.get(ui), body)
}

/// Weggooien asks once, as the terminal's end menu does.
pub async fn discard_page(State(state): State<Shared>, Path(id): Path<String>) -> Reply {
    let ui = state.ui;
    let w = match walk::load(&state, &id) {
        Ok(w) => w,
        Err(e) => return page::failed(&state, &e),
    };
    let title = w.draft.title(&w.set);
    let body = html! {
        h1 { (i18n::WEB_DISCARD_ASK.with(ui, &[("title", &printable(&title))])) }
        div.actions {
            form method="post" action=(format!("/concept/{}/weggooien", w.draft.id)) {
                (page::token(&state))
                button.danger type="submit" { (i18n::END_DISCARD.get(ui)) }
            }
            a.button href=(format!("/concept/{}", w.draft.id)) { (i18n::WEB_KEEP_GOING.get(ui)) }
        }
    };
    page::html(&state, i18n::END_DISCARD.get(ui), body)
}

pub async fn discard(State(state): State<Shared>, Path(id): Path<String>) -> Reply {
    let store = match state.ctx.store() {
        Ok(s) => s,
        Err(e) => return page::failed(&state, &e),
    };
    match store
        .resolve_draft(&id, state.ui)
        .and_then(|id| store.remove_draft(&id))
    {
        Ok(()) => page::redirect("/"),
        Err(e) => page::failed(&state, &e),
    }
}
