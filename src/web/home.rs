//! The home page: the notes as `list` shows them, with its filters and
//! search; the drafts that wait; the way to a new case.

use axum::extract::{RawQuery, State};
use clap::ValueEnum;
use maud::{Markup, html};

use super::Shared;
use super::page::{self, Reply};
use crate::domain::filter::{self, Filter};
use crate::domain::outcome::Status;
use crate::domain::summary::Summary;
use crate::i18n::{self, Lang};
use crate::printable::printable;

/// The filters as the form sends them back, with what was wrong in them.
#[derive(Default)]
pub(super) struct Asked {
    search: String,
    verdicts: [String; 3],
    structural: bool,
    status: String,
    since: String,
    until: String,
    /// What could not be read, said in the reader's language on the page.
    errors: Vec<(&'static str, i18n::Phrase)>,
}

/// The three corners as the list's `--verdict` names them.
const CORNERS: [&str; 3] = ["wet", "middelen", "zelfregie"];

/// Reads the filter form into the list's own [`Filter`], through the same
/// readers as `list --verdict`, `--since` and `--until`.
pub(super) fn read(query: Option<&str>) -> (Filter, Asked) {
    let pairs: Vec<(String, String)> = query
        .and_then(|q| serde_urlencoded::from_str(q).ok())
        .unwrap_or_default();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let mut asked = Asked {
        search: get("zoek"),
        verdicts: CORNERS.map(get),
        structural: !get("structureel").is_empty(),
        status: get("stand"),
        since: get("sinds"),
        until: get("tot"),
        errors: Vec::new(),
    };
    let mut filter = Filter {
        structural: asked.structural,
        search: Some(asked.search.clone()).filter(|s| !s.is_empty()),
        status: Status::from_str(&asked.status, true).ok(),
        ..Filter::default()
    };
    for (corner, verdict) in CORNERS.iter().zip(&asked.verdicts) {
        if !verdict.is_empty() {
            match filter::parse_verdict(&format!("{corner}={verdict}")) {
                Ok(v) => filter.verdicts.push(v),
                Err(e) => asked.errors.push((corner, e)),
            }
        }
    }
    for (name, text, day) in [
        ("sinds", &asked.since, &mut filter.since),
        ("tot", &asked.until, &mut filter.until),
    ] {
        if !text.is_empty() {
            match filter::parse_date(text) {
                Ok(d) => *day = Some(d),
                Err(e) => asked.errors.push((name, e)),
            }
        }
    }
    (filter, asked)
}

pub async fn page(State(state): State<Shared>, RawQuery(query): RawQuery) -> Reply {
    let ui = state.ui;
    let (filter, asked) = read(query.as_deref());
    let store = match state.ctx.store() {
        Ok(s) => s,
        Err(e) => return page::failed(&state, &e),
    };
    let notes = match crate::store::select::select(&store, &filter) {
        Ok(listing) => listing.notes,
        Err(e) => return page::failed(&state, &e),
    };
    let drafts = store.drafts().map(|(d, _)| d).unwrap_or_default();
    let sets = state.ctx.bank().map(|(b, _)| b).ok();
    let body = html! {
        h1 { (i18n::WEB_HOME_TITLE.get(ui)) }
        (start_links(ui))
        @if !drafts.is_empty() {
            section aria-labelledby="concepten" {
                h2 #concepten { (i18n::WEB_DRAFTS.get(ui)) }
                ul.drafts {
                    @for d in &drafts {
                        @let title = sets.as_ref().and_then(|b| b.get(&d.set)).map(|s| d.title(s)).unwrap_or_default();
                        li {
                            a href=(format!("/concept/{}", d.id)) {
                                @if title.is_empty() { (i18n::WEB_UNTITLED.get(ui)) } @else { (printable(&title)) }
                            }
                            " · " (crate::domain::day::moment(d.updated, ui))
                        }
                    }
                }
            }
        }
        section aria-labelledby="notities" {
            h2 #notities { (i18n::WEB_NOTES.get(ui)) }
            (filter_form(&asked, ui, "/"))
            @if notes.is_empty() {
                p { (i18n::WEB_NO_NOTES.get(ui)) }
            } @else {
                (table(&notes, ui))
            }
        }
    };
    page::html(&state, i18n::WEB_HOME_TITLE.get(ui), body)
}

/// "Nieuwe casus" for the short walk, and the full walk beside it.
fn start_links(ui: Lang) -> Markup {
    html! {
        p.start {
            a.button.primary href="/nieuw?walk=kort" { (i18n::WEB_NEW_CASE.get(ui)) }
            " "
            a href="/nieuw?walk=volledig" { (i18n::WEB_NEW_FULL.get(ui)) }
        }
    }
}

/// The list's filters as a form that sends itself back here (GET: a
/// filtered list is a page one can reload and bookmark).
pub(super) fn filter_form(asked: &Asked, ui: Lang, action: &str) -> Markup {
    let error = |name: &str| {
        asked
            .errors
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, e)| e.said(ui))
    };
    let verdict_labels = [i18n::H_LAW, i18n::H_MONEY, i18n::H_SELF];
    html! {
        form.filters method="get" action=(action) role="search" {
            div.field {
                label for="zoek" { (i18n::WEB_SEARCH.get(ui)) }
                input #zoek type="search" name="zoek" value=(asked.search);
            }
            @for ((corner, label), chosen) in CORNERS.iter().zip(verdict_labels).zip(&asked.verdicts) {
                div.field {
                    label for=(corner) { (label.get(ui)) }
                    select #(corner) name=(corner) aria-describedby=[error(corner).map(|_| format!("{corner}-fout"))] {
                        option value="" selected[chosen.is_empty()] { (i18n::WEB_ANY.get(ui)) }
                        @for v in crate::domain::answer::Verdict::VALUES {
                            @let verdict = crate::domain::answer::Verdict::from_value(v);
                            option value=(v) selected[chosen == v] { (verdict.map_or(v, |v| v.label(ui))) }
                        }
                    }
                    @if let Some(e) = error(corner) { p.error id=(format!("{corner}-fout")) { (e) } }
                }
            }
            div.field {
                label for="stand" { (i18n::WEB_STATUS.get(ui)) }
                select #stand name="stand" {
                    option value="" selected[asked.status.is_empty()] { (i18n::WEB_ANY.get(ui)) }
                    @for s in Status::value_variants() {
                        @let value = s.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
                        option value=(value) selected[asked.status == value] { (s.label(ui)) }
                    }
                }
            }
            @for (name, label, value) in [("sinds", i18n::WEB_SINCE, &asked.since), ("tot", i18n::WEB_UNTIL, &asked.until)] {
                div.field {
                    label for=(name) { (label.get(ui)) }
                    input #(name) type="text" name=(name) value=(value) inputmode="numeric"
                        aria-describedby=[error(name).map(|_| format!("{name}-fout"))];
                    @if let Some(e) = error(name) { p.error id=(format!("{name}-fout")) { (e) } }
                }
            }
            div.field.check {
                input #structureel type="checkbox" name="structureel" value="ja" checked[asked.structural];
                label for="structureel" { (i18n::WEB_STRUCTURAL_ONLY.get(ui)) }
            }
            button type="submit" { (i18n::WEB_FILTER.get(ui)) }
        }
    }
}

/// The notes: title, date, the three verdicts in words, incidental or
/// structural, where the case stands.
fn table(notes: &[Summary], ui: Lang) -> Markup {
    let verdict = |v| crate::render::picture::verdict_word(v, ui);
    html! {
        div.scroll {
            table.notes {
                thead {
                    tr {
                        th scope="col" { (i18n::H_TITLE.get(ui)) }
                        th scope="col" { (i18n::H_DATE.get(ui)) }
                        th scope="col" { (i18n::H_LAW.get(ui)) }
                        th scope="col" { (i18n::H_MONEY.get(ui)) }
                        th scope="col" { (i18n::H_SELF.get(ui)) }
                        th scope="col" { (i18n::H_SCOPE.get(ui)) }
                        th scope="col" { (i18n::WEB_STATUS.get(ui)) }
                    }
                }
                tbody {
                    @for n in notes {
                        tr {
                            td.title {
                                a href=(format!("/notitie/{}", n.id)) {
                                    @if n.title.is_empty() { (n.id) } @else { (printable(&n.title)) }
                                }
                                @if n.practice.is_some() { " (" (i18n::PRACTICE_MARK.get(ui)) ")" }
                            }
                            td data-label=(i18n::H_DATE.get(ui)) { (crate::domain::day::in_table(n.created, ui)) }
                            td data-label=(i18n::H_LAW.get(ui)) { (verdict(n.triangle.law)) }
                            td data-label=(i18n::H_MONEY.get(ui)) { (verdict(n.triangle.money)) }
                            td data-label=(i18n::H_SELF.get(ui)) { (verdict(n.triangle.self_direction)) }
                            td data-label=(i18n::H_SCOPE.get(ui)) { (n.scope.map_or("—", |s| s.label(ui))) }
                            td data-label=(i18n::WEB_STATUS.get(ui)) { (n.status.label(ui)) }
                        }
                    }
                }
            }
        }
    }
}
