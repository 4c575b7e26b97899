//! A note in the browser: the printable page (what `export --format html`
//! writes), with Afdrukken, the Markdown and JSON downloads, the outcome
//! log, Verdiepen for a short note, and Verwijderen after the terminal's
//! own question.

use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use maud::html;

use super::guard::{CSP_SCRIPT, Fields};
use super::page::{self, Reply};
use super::{Shared, State as Server};
use crate::cmd::session;
use crate::domain::bank::{QuestionSet, Route};
use crate::domain::note::{CaseNote, Draft, answers_of};
use crate::domain::walk::page as rules;
use crate::files::output;
use crate::i18n;
use crate::printable::printable;
use crate::render;

/// The note `id` names (a unique beginning is enough), with its set.
fn load(state: &Server, id: &str) -> anyhow::Result<(CaseNote, Option<QuestionSet>)> {
    let store = state.ctx.store()?;
    let note = store.load(&store.resolve(id, state.ui)?)?;
    let set = state.ctx.set_named(&note.set).ok();
    Ok((note, set))
}

/// `/notitie/ID`: the printable page and what can be done with the note.
pub async fn show(State(state): State<Shared>, Path(id): Path<String>) -> Reply {
    let ui = state.ui;
    let (note, set) = match load(&state, &id) {
        Ok(n) => n,
        Err(e) => return page::failed(&state, &e),
    };
    let doc = render::note_doc(&note, set.as_ref(), ui);
    let drawings = render::html::drawings(&note, ui);
    let part = render::html::Part {
        doc: &doc,
        note_lang: note.note_lang,
        drawings: &drawings,
    };
    let short = set.as_ref().is_some_and(|s| session::is_short(&note, s));
    let base = format!("/notitie/{}", note.id);
    let more = html! {
        p.downloads {
            a href=(format!("{base}/markdown")) download { (i18n::WEB_DOWNLOAD_MD.get(ui)) }
            " · "
            a href=(format!("{base}/json")) download { (i18n::WEB_DOWNLOAD_JSON.get(ui)) }
        }
        p.more {
            a.button href=(format!("{base}/persoon")) title=(i18n::WEB_FOR_PERSON_HOW.get(ui)) { (i18n::WEB_FOR_PERSON.get(ui)) }
            a.button href=(format!("{base}/afloop")) { (i18n::WEB_ADD_OUTCOME.get(ui)) }
            @if short {
                form.inline method="post" action=(format!("{base}/verdiepen")) {
                    (page::token(&state))
                    button type="submit" { (i18n::WEB_DEEPEN.get(ui)) }
                }
            }
            a.button href=(format!("{base}/verwijderen")) { (i18n::WEB_DELETE.get(ui)) }
        }
    };
    let article = render::html::article(&part, ui, ui);
    to_print(&state, &doc.title, more, article)
}

/// A page to print: Afdrukken and how to print, `more` beside them, then
/// `article`, with the print button's script allowed.
fn to_print(state: &Server, title: &str, more: maud::Markup, article: maud::Markup) -> Reply {
    let ui = state.ui;
    let body = html! {
        div.actions.no-print {
            button #afdrukken type="button" hidden { (i18n::WEB_PRINT.get(ui)) }
            p.hint { (i18n::WEB_PRINT_HOW.get(ui)) }
            (more)
        }
        (article)
        script src="/afdrukken.js" {}
    };
    let mut reply = page::html(state, title, body);
    reply.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP_SCRIPT),
    );
    reply
}

/// `/notitie/ID/persoon`: the page for the person, as `export
/// --voor-persoon` makes it (the same checks, the same Doc, the same HTML
/// blocks), with Afdrukken. Refused on the page, each word on a line of
/// its own, when a text holds a label or a professional word, or when the
/// settings lack the team's name or number.
pub async fn person(State(state): State<Shared>, Path(id): Path<String>) -> Reply {
    let ui = state.ui;
    let (note, set) = match load(&state, &id) {
        Ok(n) => n,
        Err(e) => return page::failed(&state, &e),
    };
    let base = format!("/notitie/{}", note.id);
    let back = html! { p { a href=(base) { (i18n::WEB_BACK_TO_NOTE.get(ui)) } } };
    let checked = crate::cmd::export::for_the_person(
        &state.ctx,
        &note,
        set.as_ref(),
        render::Meeting::default(),
    );
    let to = match checked {
        Ok(to) => to,
        Err(e) => {
            let text = crate::error::describe(&e, ui);
            let mut lines = text.lines();
            let body = html! {
                h1 { (i18n::WEB_FOR_PERSON.get(ui)) }
                p.error role="alert" { (printable(lines.next().unwrap_or_default())) }
                ul { @for line in lines { li { (printable(line.trim())) } } }
                (back)
            };
            let mut reply = page::html(&state, i18n::WEB_FOR_PERSON.get(ui), body);
            *reply.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return reply;
        }
    };
    let doc = render::person::doc(&note, set.as_ref(), &to);
    let article = render::html::person_article(&doc, note.note_lang, ui);
    // The guard warns of what the page shows, as the terminal does.
    let found = crate::cmd::export::person_findings(&state.ctx, &note, set.as_ref());
    let more = html! {
        (page::guard_notice(ui, &note.id, &found.unwrap_or_default()))
        (back)
    };
    to_print(&state, &doc.title, more, article)
}

/// The print button's script: it shows the button and prints. Without
/// it, the line beside the button says how to print.
pub async fn print_script() -> Reply {
    let mut reply = "var b = document.getElementById('afdrukken');\n\
        if (b) { b.hidden = false; b.addEventListener('click', function () { window.print(); }); }\n"
        .into_response();
    reply.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    reply
}

/// `/notitie/ID/markdown` and `/json`: the note as a file to keep.
pub async fn download(
    State(state): State<Shared>,
    Path((id, format)): Path<(String, String)>,
) -> Reply {
    let (note, set) = match load(&state, &id) {
        Ok(n) => n,
        Err(e) => return page::failed(&state, &e),
    };
    let (text, ext, mime) = match format.as_str() {
        "markdown" => (
            Ok(render::note_markdown(
                &note,
                set.as_ref(),
                None,
                render::Meeting::default(),
            )),
            "md",
            "text/markdown; charset=utf-8",
        ),
        "json" => (render::note_json(&note), "json", "application/json"),
        _ => return page::not_found(State(state)).await,
    };
    match text {
        Ok(text) => page::download(&output::file_name(&note.id, &note.title, ext), mime, text),
        Err(e) => page::failed(&state, &e),
    }
}

/// Verdiepen: a draft of the note with the full walk's remaining
/// questions, walked in the browser; saving it updates the note.
pub async fn deepen(State(state): State<Shared>, Path(id): Path<String>) -> Reply {
    let made = (|| {
        let store = state.ctx.store()?;
        let id = store.resolve(&id, state.ui)?;
        let (note, base) = store.load_with_fingerprint(&id)?;
        let set = state.ctx.set_named(&note.set)?;
        let mut draft = Draft::new(
            crate::store::new_id(),
            session::now(),
            &set,
            note.note_lang,
            Some(id),
        );
        draft.base = Some(base);
        draft.walk = Route::Deepen;
        let given = answers_of(&note.answers).into_iter().collect();
        let at = rules::resume_at(&set, Route::Deepen, &given, None);
        let next = set.questions.get(at).map(|q| q.id.clone());
        draft.record(
            &set,
            answers_of(&note.answers),
            next.as_deref(),
            session::now(),
        );
        store.save_draft(&draft)?;
        anyhow::Ok(draft.id)
    })();
    match made {
        Ok(draft) => page::redirect(&format!("/concept/{draft}")),
        Err(e) => page::failed(&state, &e),
    }
}

/// Verwijderen asks the terminal's question first.
pub async fn delete_page(State(state): State<Shared>, Path(id): Path<String>) -> Reply {
    let ui = state.ui;
    let (note, _) = match load(&state, &id) {
        Ok(n) => n,
        Err(e) => return page::failed(&state, &e),
    };
    let asked = i18n::CONFIRM_DELETE.with(ui, &[("id", &note.id), ("title", &note.title)]);
    let body = html! {
        h1 { (printable(&asked)) }
        div.actions {
            form method="post" action=(format!("/notitie/{}/verwijderen", note.id)) {
                (page::token(&state))
                button.danger type="submit" { (i18n::YES.get(ui)) }
            }
            a.button href=(format!("/notitie/{}", note.id)) { (i18n::NO.get(ui)) }
        }
    };
    page::html(&state, i18n::WEB_DELETE.get(ui), body)
}

pub async fn delete(
    State(state): State<Shared>,
    Path(id): Path<String>,
    Extension(_form): Extension<Fields>,
) -> Reply {
    let ui = state.ui;
    let trashed = state.ctx.store().and_then(|store| {
        let id = store.resolve(&id, ui)?;
        let to = store.trash(&id)?;
        anyhow::Ok((id, to))
    });
    match trashed {
        Ok((id, to)) => {
            let said = i18n::DELETED.with(ui, &[("id", &id), ("path", &to.display().to_string())]);
            let body = html! {
                p.message role="status" { (printable(&said)) }
                p { a href="/" { (i18n::WEB_TO_HOME.get(ui)) } }
            };
            page::html(&state, i18n::WEB_DELETE.get(ui), body)
        }
        Err(e) => page::failed(&state, &e),
    }
}
