//! `driehoek web`: the tool as pages in the person's own browser. It
//! serves on the loopback address only, lets in only the browser that
//! opened the one-time start link ([`guard`]), and talks to the same walk,
//! store and renderers as the terminal commands. Every page works without
//! script: a form posts, the server answers with a redirect, the browser
//! gets the next page.
//!
//! One thread runs it all (a current-thread runtime): requests take turns
//! at the store, as two commands in two terminals would under its lock.

mod afloop;
mod field;
mod guard;
mod home;
mod note;
mod page;
mod report;
mod summary;
mod walk;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};
use axum::Router;
use axum::routing::{get, post};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use jiff::Timestamp;
use tokio::sync::{Notify, Semaphore};

use crate::cmd::Ctx;
use crate::error::bad_input;
use crate::i18n::{self, Lang};

/// How the server is started.
pub struct Options {
    /// 0: a free port.
    pub port: u16,
    /// Open the default browser at the start file.
    pub open: bool,
}

/// With no request for this long the server stops: a tab left open in a
/// shared office must not keep the notes reachable all day.
const IDLE: Duration = Duration::from_secs(60 * 60);

/// A client that has not sent its request line and headers in this time
/// is dropped (slow clients hold no connection for long).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// A whole request, body and answer included, within this time.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Connections served at once; more wait to be accepted.
const CONNECTIONS: usize = 32;

/// Why the server stopped, said in the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    CtrlC,
    Button,
    Idle,
}

/// What every request may need.
pub struct State {
    pub ctx: Ctx<'static>,
    /// The reader's language: the pages' words (a note keeps its own).
    pub ui: Lang,
    pub keys: guard::Keys,
    /// When the last request that got in came; the idle stop counts from it.
    last: Mutex<Timestamp>,
    /// Per (draft, question): the tab that last saved it here, and what it
    /// saved; that tab saving over its own answer is no conflict.
    pub writes: Mutex<std::collections::HashMap<(String, String), (String, String)>>,
    stop: Notify,
    stopped: Mutex<Option<Stop>>,
}

pub type Shared = Arc<State>;

impl State {
    /// The time the server stops when nothing happens, as every page says.
    pub fn stops_at(&self) -> Timestamp {
        let last = *self.last.lock().unwrap_or_else(|p| p.into_inner());
        last + jiff::SignedDuration::try_from(IDLE).unwrap_or_default()
    }

    fn touch(&self) {
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Timestamp::now();
    }

    /// Asks the server to stop, for the first reason given.
    pub fn stop(&self, why: Stop) {
        self.stopped
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert(why);
        self.stop.notify_one();
    }
}

/// The running server, reached by the process's Ctrl-C handler.
static RUNNING: Mutex<Option<Shared>> = Mutex::new(None);

/// Called on Ctrl-C: when a server runs, it is told to stop (after the
/// request in hand) and `true` says the Ctrl-C is taken care of.
pub fn interrupt() -> bool {
    let running = RUNNING.lock().unwrap_or_else(|p| p.into_inner());
    match running.as_ref() {
        Some(state) => {
            state.stop(Stop::CtrlC);
            true
        }
        None => false,
    }
}

/// Serves until Ctrl-C, the Stoppen button, or an hour without requests.
pub fn serve(ctx: Ctx<'static>, options: Options) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .context("tokio")?;
    runtime.block_on(run(ctx, options))
}

async fn run(ctx: Ctx<'static>, options: Options) -> Result<()> {
    let ui = ctx.ui_lang();
    // Opened first: its warnings (a folder others can read) come before
    // the address.
    let _ = ctx.store()?;
    let listener = bind(options.port, ui)?;
    let addr = listener.local_addr()?;
    let keys = guard::Keys::new(addr.port())?;
    let start = guard::write_start_file(&keys)?;
    let state = Arc::new(State {
        ctx,
        ui,
        keys,
        last: Mutex::new(Timestamp::now()),
        writes: Mutex::default(),
        stop: Notify::new(),
        stopped: Mutex::new(None),
    });
    *RUNNING.lock().unwrap_or_else(|p| p.into_inner()) = Some(state.clone());
    announce(&state, &start, options.open);
    let app = routes(state.clone());
    let result = accept(listener, app, &state).await;
    RUNNING.lock().unwrap_or_else(|p| p.into_inner()).take();
    let _ = std::fs::remove_file(&start);
    let why = state
        .stopped
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .unwrap_or(Stop::CtrlC);
    let time = crate::domain::day::clock(Timestamp::now());
    let msg = match why {
        Stop::CtrlC => i18n::WEB_STOPPED_CTRL_C,
        Stop::Button => i18n::WEB_STOPPED_BUTTON,
        Stop::Idle => i18n::WEB_STOPPED_IDLE,
    };
    state.ctx.ui.say(msg.with(ui, &[("time", &time)]));
    result
}

/// The loopback address only: never every interface.
fn bind(port: u16, ui: Lang) -> Result<tokio::net::TcpListener> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = std::net::TcpListener::bind(addr).map_err(|e| {
        bad_input(i18n::WEB_CANNOT_LISTEN.with(
            ui,
            &[
                ("port", &port.to_string()),
                ("error", &crate::error::describe(&e.into(), ui)),
            ],
        ))
    })?;
    listener.set_nonblocking(true)?;
    Ok(tokio::net::TcpListener::from_std(listener)?)
}

/// Says where the tool is, and opens the browser at the start file (the
/// secret stays off the browser's command line, which others can read).
fn announce(state: &State, start: &std::path::Path, open: bool) {
    let ui = state.ui;
    let door = state.ctx.ui;
    let file = start.display().to_string();
    if open {
        match opener::open(start) {
            Ok(()) => door.say(i18n::WEB_OPENED.with(ui, &[("file", &file)])),
            Err(e) => door.say(i18n::WEB_OPEN_FAILED.with(
                ui,
                &[("file", &file), ("error", &printable_error(&e.to_string()))],
            )),
        }
    } else {
        door.say(
            i18n::WEB_NOT_OPENED.with(ui, &[("file", &file), ("url", &state.keys.start_url())]),
        );
    }
    door.say(i18n::WEB_HOW_TO_STOP.get(ui));
}

fn printable_error(text: &str) -> String {
    crate::printable::printable(text).into_owned()
}

/// Accepts connections until told to stop or idle for [`IDLE`].
/// Then lets the requests in hand finish (the Stoppen page among them).
async fn accept(listener: tokio::net::TcpListener, app: Router, state: &Shared) -> Result<()> {
    let slots = Arc::new(Semaphore::new(CONNECTIONS));
    let (closing, closed) = tokio::sync::watch::channel(false);
    let result = accept_until_stopped(&listener, app, state, &slots, closed).await;
    drop(listener);
    let _ = closing.send(true);
    let all = u32::try_from(CONNECTIONS).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(Duration::from_secs(5), slots.acquire_many(all)).await;
    result
}

async fn accept_until_stopped(
    listener: &tokio::net::TcpListener,
    app: Router,
    state: &Shared,
    slots: &Arc<Semaphore>,
    closed: tokio::sync::watch::Receiver<bool>,
) -> Result<()> {
    loop {
        let idle = state.stops_at().duration_since(Timestamp::now());
        let idle = Duration::try_from(idle).unwrap_or_default();
        let permit = tokio::select! {
            () = state.stop.notified() => return Ok(()),
            () = tokio::time::sleep(idle) => {
                if state.stops_at() <= Timestamp::now() {
                    state.stop(Stop::Idle);
                    return Ok(());
                }
                continue;
            }
            permit = slots.clone().acquire_owned() => permit?,
        };
        let (stream, _) = tokio::select! {
            () = state.stop.notified() => return Ok(()),
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // Out of file handles, a reset before accept: try the next.
                Err(_) => continue,
            },
        };
        let service = TowerToHyperService::new(app.clone());
        let mut closed = closed.clone();
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(guard::MAX_HEAD);
            let conn = http.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = closed.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
            drop(permit);
        });
    }
}

/// Every page, behind the guard; the guard adds the headers.
fn routes(state: Shared) -> Router {
    use tower_http::limit::RequestBodyLimitLayer;
    use tower_http::timeout::TimeoutLayer;
    Router::new()
        .route("/", get(home::page))
        .route("/stijl.css", get(page::stylesheet))
        .route("/stoppen", post(stop))
        .route("/afdrukken.js", get(note::print_script))
        .route("/notitie/{id}", get(note::show))
        .route("/notitie/{id}/{format}", get(note::download))
        .route("/notitie/{id}/verdiepen", post(note::deepen))
        .route("/notitie/{id}/persoon", get(note::person))
        .route("/notitie/{id}/afloop", get(afloop::show).post(afloop::add))
        .route(
            "/notitie/{id}/verwijderen",
            get(note::delete_page).post(note::delete),
        )
        .route("/overleg", get(report::meeting))
        .route("/overleg/agenda", get(report::agenda_page))
        .route("/bundel", get(report::bundle_page))
        .route("/bundel/{format}", get(report::bundle_file))
        .route("/nieuw", get(walk::start))
        .route("/concept/{id}", get(walk::show).post(walk::post))
        .route("/concept/{id}/overzicht", get(summary::show))
        .route("/concept/{id}/opslaan", post(summary::save))
        .route(
            "/concept/{id}/weggooien",
            get(summary::discard_page).post(summary::discard),
        )
        .fallback(page::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::check,
        ))
        .layer(RequestBodyLimitLayer::new(guard::MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

/// The Stoppen button: a last page, then the server stops.
async fn stop(axum::extract::State(state): axum::extract::State<Shared>) -> page::Reply {
    state.stop(Stop::Button);
    page::message(&state, i18n::WEB_STOPPED_PAGE.get(state.ui))
}
