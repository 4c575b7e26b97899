//! The meeting and the bundle in the browser: choose notes and get the
//! agenda as one printable page; the bundled exceptions as a page, with
//! the same CSV, Markdown and JSON as `driehoek bundle`.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use maud::html;

use super::guard::CSP_SCRIPT;
use super::home;
use super::page::{self, Reply};
use super::{Shared, State as Server};
use crate::domain::findings::findings;
use crate::domain::note::CaseNote;
use crate::i18n;
use crate::printable::printable;
use crate::render::{self, agenda};

/// `/overleg`: the notes to choose from, newest first (filtered as on
/// the home page).
pub async fn meeting(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Reply {
    let ui = state.ui;
    let (filter, asked) = home::read(raw.as_deref());
    let notes = match state
        .ctx
        .store()
        .and_then(|s| state.ctx.select(&s, &filter))
    {
        Ok((rows, _)) => rows,
        Err(e) => return page::failed(&state, &e),
    };
    let body = html! {
        h1 { (i18n::WEB_MEETING.get(ui)) }
        p { (i18n::WEB_MEETING_HOW.get(ui)) }
        (home::filter_form(&asked, ui, "/overleg"))
        @if notes.is_empty() {
            p { (i18n::NO_NOTES.get(ui)) }
        } @else {
            form method="get" action="/overleg/agenda" {
                fieldset.field {
                    legend { (i18n::WEB_MEETING_CHOOSE.get(ui)) }
                    @for n in &notes {
                        div.option {
                            input type="checkbox" id=(format!("n-{}", n.id)) name="id" value=(n.id);
                            label for=(format!("n-{}", n.id)) {
                                (printable(if n.title.is_empty() { &n.id } else { &n.title }))
                                " · " (crate::domain::day::in_table(n.created, ui))
                                " · " (n.status.label(ui))
                            }
                        }
                    }
                }
                div.buttons { button.primary type="submit" { (i18n::WEB_MEETING_MAKE.get(ui)) } }
            }
        }
    };
    page::html(&state, i18n::WEB_MEETING.get(ui), body)
}

/// The chosen notes, in the order chosen, each once.
fn chosen(state: &Server, raw: Option<&str>) -> anyhow::Result<Vec<CaseNote>> {
    let store = state.ctx.store()?;
    let pairs: Vec<(String, String)> = raw
        .and_then(|q| serde_urlencoded::from_str(q).ok())
        .unwrap_or_default();
    let mut ids: Vec<String> = Vec::new();
    for (_, id) in pairs.iter().filter(|(n, _)| n == "id") {
        let id = store.resolve(id, state.ui)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.iter().map(|id| store.load(id)).collect()
}

/// `/overleg/agenda?id=…`: the overview, then each case from a new sheet,
/// as `driehoek agenda` writes it; with what the privacy guard found, as
/// the terminal warns before an agenda leaves the store.
pub async fn agenda_page(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Reply {
    let ui = state.ui;
    let notes = match chosen(&state, raw.as_deref()) {
        Ok(n) if !n.is_empty() => n,
        Ok(_) => return page::redirect("/overleg"),
        Err(e) => return page::failed(&state, &e),
    };
    let bank = match state.ctx.bank() {
        Ok((b, _)) => b,
        Err(e) => return page::failed(&state, &e),
    };
    let scanner = state.ctx.scanner().ok();
    let warnings: Vec<(&str, Vec<_>)> = notes
        .iter()
        .filter_map(|n| Some((n.id.as_str(), findings(scanner.as_ref()?, n))))
        .collect();
    let cases: Vec<agenda::Case> = notes
        .iter()
        .map(|note| agenda::Case {
            note,
            set: bank.get(&note.set),
        })
        .collect();
    let docs = agenda::docs(
        &cases,
        ui,
        jiff::Timestamp::now(),
        render::Meeting::default(),
    );
    let parts = agenda::parts(&docs);
    let body = html! {
        div.actions.no-print {
            button #afdrukken type="button" hidden { (i18n::WEB_PRINT.get(ui)) }
            p.hint { (i18n::WEB_PRINT_HOW.get(ui)) }
            @for (id, found) in &warnings { (page::guard_notice(ui, id, found)) }
        }
        @for part in &parts { (render::html::article(part, ui, ui)) }
        script src="/afdrukken.js" {}
    };
    let mut reply = page::html(&state, i18n::AGENDA_TITLE.get(ui), body);
    reply.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP_SCRIPT),
    );
    reply
}

/// The bundle of the notes the filters keep, with its heading's words.
/// Without the cases' titles, as `bundle` without `--titles`: the report
/// may leave the team.
fn bundle(
    state: &Server,
    raw: Option<&str>,
) -> anyhow::Result<(crate::domain::bundle::Bundle, String)> {
    let (filter, _) = home::read(raw);
    let (bank, _) = state.ctx.bank()?;
    let horizon = crate::domain::bundle::DEFAULT_HORIZON;
    let bundle = crate::cmd::bundle::own(&state.ctx, &bank, (&filter, None), horizon)?;
    let about = crate::cmd::bundle::about_filter(&filter, None, state.ui);
    Ok((bundle, about))
}

/// `/bundel`: the bundled exceptions of the notes the filters keep.
pub async fn bundle_page(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Reply {
    let ui = state.ui;
    let (_, asked) = home::read(raw.as_deref());
    let (bundle, about) = match bundle(&state, raw.as_deref()) {
        Ok(b) => b,
        Err(e) => return page::failed(&state, &e),
    };
    let view = render::bundle::View {
        titles: false,
        exports: false,
        about: &about,
    };
    let doc = render::bundle::doc(&bundle, ui, &view);
    let part = render::html::Part {
        doc: &doc,
        note_lang: ui,
        drawings: &[],
    };
    let query = raw.as_deref().map_or(String::new(), |q| format!("?{q}"));
    let body = html! {
        div.no-print {
            (home::filter_form(&asked, ui, "/bundel"))
            p.downloads {
                @for (format, label) in [("csv", i18n::WEB_DOWNLOAD_CSV), ("markdown", i18n::WEB_DOWNLOAD_MD), ("json", i18n::WEB_DOWNLOAD_JSON)] {
                    a href=(format!("/bundel/{format}{query}")) download { (label.get(ui)) }
                    " "
                }
            }
        }
        (render::html::article(&part, ui, ui))
    };
    page::html(&state, &doc.title, body)
}

/// `/bundel/csv`, `/markdown`, `/json`: the report as `bundle --format` writes it.
pub async fn bundle_file(
    State(state): State<Shared>,
    Path(format): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let ui = state.ui;
    let (bundle, about) = match bundle(&state, raw.as_deref()) {
        Ok(b) => b,
        Err(e) => return page::failed(&state, &e),
    };
    let day = crate::domain::day::local(jiff::Timestamp::now()).to_string();
    let name = |ext: &str| format!("{day}-bundel.{ext}");
    match format.as_str() {
        "csv" => page::download(
            &name("csv"),
            "text/csv; charset=utf-8",
            render::bundle::csv(&bundle, ui),
        ),
        "json" => page::download(
            &name("json"),
            "application/json",
            render::bundle::json(&bundle, false),
        ),
        "markdown" => {
            let view = render::bundle::View {
                titles: false,
                exports: false,
                about: &about,
            };
            let text = render::markdown::render(&render::bundle::doc(&bundle, ui, &view));
            page::download(&name("md"), "text/markdown; charset=utf-8", text)
        }
        _ => page::not_found(State(state)).await,
    }
}
