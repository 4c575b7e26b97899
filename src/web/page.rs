//! The web's door: every answer the server gives is made here, as the
//! terminal's output goes through its own. Pages are maud markup, so every
//! piece of text is escaped by construction; untrusted text is also made
//! [`printable`] (control characters shown) before it is placed.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use super::State;
use crate::i18n::{self, Lang};
use crate::printable::printable;

pub type Reply = Response;

/// The note page's own style and the web pages' style: one sheet, served
/// from this server (the policy allows no inline style).
const CSS: &str = concat!(include_str!("../render/html.css"), include_str!("web.css"));

/// A page of the tool: its header with the way home, `main`, and the
/// footer that says when the server stops and offers to stop it now.
pub fn html(state: &State, title: &str, main: Markup) -> Reply {
    let ui = state.ui;
    let stops = crate::domain::day::clock(state.stops_at());
    let body = html! {
        header.site {
            a.home href="/" { "driehoek" }
            nav aria-label=(i18n::WEB_NAV.get(ui)) {
                a href="/" { (i18n::WEB_NOTES.get(ui)) }
                a href="/nieuw?walk=kort" { (i18n::WEB_NEW_CASE.get(ui)) }
                a href="/overleg" { (i18n::WEB_MEETING.get(ui)) }
                a href="/bundel" { (i18n::WEB_BUNDLE.get(ui)) }
            }
        }
        main { (main) }
        footer.site {
            p { (i18n::WEB_STOPS_AT.with(ui, &[("time", &stops)])) }
            form method="post" action="/stoppen" {
                (token(state))
                button type="submit" { (i18n::WEB_STOP.get(ui)) }
            }
        }
    };
    page(StatusCode::OK, ui, title, body)
}

/// The whole document around `body`.
fn page(status: StatusCode, ui: Lang, title: &str, body: Markup) -> Reply {
    let doc = html! {
        (DOCTYPE)
        html lang=(ui.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (printable(title)) " · driehoek" }
                link rel="stylesheet" href="/stijl.css";
            }
            body { (body) }
        }
    };
    document(status, doc)
}

/// A document as an answer, said to be HTML in UTF-8.
fn document(status: StatusCode, doc: Markup) -> Reply {
    let mut reply = (status, doc.into_string()).into_response();
    reply.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    reply
}

/// The form field that carries the form token (checked by the guard).
pub const TOKEN_FIELD: &str = "_t";

/// The hidden field every form carries.
pub fn token(state: &State) -> Markup {
    html! { input type="hidden" name=(TOKEN_FIELD) value=(state.keys.form_token()); }
}

/// A page with one line and nothing to click: the server has stopped.
pub fn message(state: &State, text: &str) -> Reply {
    page(
        StatusCode::OK,
        state.ui,
        "driehoek",
        html! { main { p.message { (text) } } },
    )
}

/// A refusal: one line that says what to do. It shows no case text and
/// links to nothing, so it is safe to show to anyone.
pub fn refused(status: StatusCode, ui: Lang, text: &str) -> Reply {
    page(
        status,
        ui,
        "driehoek",
        html! { main { p.message { (text) } } },
    )
}

/// A page that goes on to `to` by itself (and by a link, for a browser
/// that does not).
pub fn onward(ui: Lang, to: &str) -> Reply {
    let doc = html! {
        (DOCTYPE)
        html lang=(ui.code()) {
            head {
                meta charset="utf-8";
                meta http-equiv="refresh" content=(format!("0;url={to}"));
                title { "driehoek" }
            }
            body { p { a href=(to) { (i18n::WEB_ONWARD.get(ui)) } } }
        }
    };
    document(StatusCode::OK, doc)
}

/// After a form: the browser asks for `to` with a GET, so reloading that
/// page never posts the form again.
pub fn redirect(to: &str) -> Reply {
    let mut reply = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        reply.headers_mut().insert(header::LOCATION, v);
    }
    reply
}

pub async fn stylesheet() -> Reply {
    let mut reply = CSS.into_response();
    reply.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    reply
}

pub async fn not_found(axum::extract::State(state): axum::extract::State<super::Shared>) -> Reply {
    let ui = state.ui;
    refused(StatusCode::NOT_FOUND, ui, i18n::WEB_NOT_FOUND.get(ui))
}

/// What went wrong, said in the reader's words as the terminal would say
/// it, with the status its kind calls for: a note that is not there is
/// 404, input that cannot be used 400, only the rest (the store could not
/// be read) 500.
pub fn failed(state: &State, error: &anyhow::Error) -> Reply {
    let ui = state.ui;
    let text = crate::error::describe(error, ui);
    let mut reply = html(
        state,
        "driehoek",
        html! { p.error role="alert" { (printable(&text)) } },
    );
    *reply.status_mut() = match crate::error::kind(error) {
        crate::error::Kind::NotFound => StatusCode::NOT_FOUND,
        crate::error::Kind::BadInput => StatusCode::BAD_REQUEST,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    reply
}

/// What the privacy guard found in a note that is about to leave the
/// store (printed), as the terminal warns of it: nothing when nothing.
pub fn guard_notice(ui: Lang, id: &str, found: &[crate::domain::privacy::AnswerFinding]) -> Markup {
    let head = i18n::WARN_EXPORT_PERSONAL.with(ui, &[("id", id)]);
    html! {
        @if !found.is_empty() {
            div.notice role="alert" {
                p { (printable(&head)) }
                @for f in found { p { (printable(&f.line(ui))) } }
            }
        }
    }
}

/// A file to download, named `name` (the browser keeps it; nothing is
/// written here).
pub fn download(name: &str, mime: &'static str, body: String) -> Reply {
    let mut reply = body.into_response();
    let headers = reply.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    // A plain ASCII name for old browsers, the real one encoded beside it.
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    let value = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    if let Ok(v) = HeaderValue::from_str(&value) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    reply
}
