//! Who gets in. The port is reachable by every account on this computer,
//! so a secret carries the protection:
//!
//! - a one-time secret of 256 random bits, in a start file only the owner
//!   can read (never on the browser's command line, which others can see);
//! - the request that brings it gets a cookie (HttpOnly, SameSite=Strict,
//!   named after the port so two servers keep their own) and every later
//!   request must carry it;
//! - the `Host` must be this server's own address (against DNS rebinding);
//! - a form must come from this origin and carry its token (against other
//!   sites the worker has open).
//!
//! Every answer gets the headers that keep a page to itself.

use std::path::PathBuf;

use anyhow::Result;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use maud::html;

use super::{Shared, page};
use crate::error::SayAbout;
use crate::i18n;

/// A form's body: the biggest page of answers with room to spare, far
/// below what could hurt (an answer holds at most 64 KiB).
pub const MAX_BODY: usize = 1024 * 1024;

/// The request line and headers together.
pub const MAX_HEAD: usize = 16 * 1024;

/// The secrets of one server.
pub struct Keys {
    pub port: u16,
    /// The start link's secret, until it is used.
    secret: std::sync::Mutex<Option<String>>,
    /// What the cookie holds.
    cookie: String,
    /// What every form carries.
    form: String,
}

/// 256 random bits as hex.
fn random() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| crate::error::failure(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares without stopping at the first difference, so the time taken
/// tells nothing about how much of a guess was right.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0, |d, (x, y)| d | (x ^ y)) == 0
}

impl Keys {
    pub fn new(port: u16) -> Result<Keys> {
        Ok(Keys {
            port,
            secret: std::sync::Mutex::new(Some(random()?)),
            cookie: random()?,
            form: random()?,
        })
    }

    /// The address with the one-time secret.
    pub fn start_url(&self) -> String {
        let secret = self.secret.lock().unwrap_or_else(|p| p.into_inner());
        format!(
            "http://127.0.0.1:{}/start?s={}",
            self.port,
            secret.as_deref().unwrap_or_default()
        )
    }

    pub fn cookie_name(&self) -> String {
        format!("driehoek-{}", self.port)
    }

    pub fn form_token(&self) -> &str {
        &self.form
    }

    /// Takes the secret when `offered` is it: it opens the door once.
    fn redeem(&self, offered: &str) -> bool {
        let mut secret = self.secret.lock().unwrap_or_else(|p| p.into_inner());
        let right = secret.as_deref().is_some_and(|s| same(s, offered));
        if right {
            *secret = None;
        }
        right
    }

    /// Whether the request carries this server's cookie.
    fn has_cookie(&self, headers: &HeaderMap) -> bool {
        let name = self.cookie_name();
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().split_once('='))
            .any(|(n, v)| n == name && same(v, &self.cookie))
    }

    /// The two names of this server's origin.
    fn is_own(&self, authority: &str) -> bool {
        let port = self.port;
        authority == format!("127.0.0.1:{port}") || authority == format!("localhost:{port}")
    }
}

/// Where the start file of the server on `port` lives: in the store's own
/// private folder.
pub fn start_file(port: u16) -> Result<PathBuf> {
    Ok(crate::store::Store::default_root()?
        .join("web")
        .join(format!("start-{port}.html")))
}

/// Writes the start file (owner only): a page that sends the browser on
/// to the address with the secret.
pub fn write_start_file(keys: &Keys) -> Result<PathBuf> {
    let path = start_file(keys.port)?;
    crate::store::make_private_dir(sys_folder(&path))?;
    let url = keys.start_url();
    let page = html! {
        (maud::DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta http-equiv="refresh" content=(format!("0;url={url}"));
                title { "driehoek" }
            }
            body { p { a href=(url) { "driehoek" } } }
        }
    };
    crate::store::write_atomic(&path, page.into_string().as_bytes(), true)
        .about(i18n::ERR_CANNOT_WRITE, &path)?;
    Ok(path)
}

fn sys_folder(path: &std::path::Path) -> &std::path::Path {
    crate::sys::folder_of(path)
}

/// The fields of a form that passed the guard, for the handler.
#[derive(Clone, Debug, Default)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    /// The first value of field `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of field `name` (ticked boxes), in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        self.0
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The guard in front of every route; then the headers on every answer.
pub async fn check(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let mut response = match admit(&state, req).await {
        Ok(req) => {
            state.touch();
            next.run(req).await
        }
        Err(refused) => refused,
    };
    protect(response.headers_mut());
    response
}

/// The request, when it may go on; else the answer that refuses it.
async fn admit(state: &Shared, req: Request) -> Result<Request, Response> {
    let keys = &state.keys;
    let ui = state.ui;
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let authority = req.uri().authority().map(|a| a.as_str());
    if !host.is_some_and(|h| keys.is_own(h)) || authority.is_some_and(|a| !keys.is_own(a)) {
        return Err(page::refused(
            StatusCode::MISDIRECTED_REQUEST,
            ui,
            i18n::WEB_WRONG_HOST.get(ui),
        ));
    }
    if req.uri().path() == "/start" {
        return Err(start(state, &req));
    }
    if !keys.has_cookie(req.headers()) {
        return Err(page::refused(
            StatusCode::FORBIDDEN,
            ui,
            i18n::WEB_NO_COOKIE.get(ui),
        ));
    }
    if req.method() == Method::POST {
        return form(state, req).await;
    }
    Ok(req)
}

/// The start link: the secret, once, buys the cookie. The answer is a
/// page that goes on to `/` by itself, not a redirect: a SameSite=Strict
/// cookie is not sent along a redirect that began on another site (the
/// start file), but it is on a step the page itself takes.
fn start(state: &Shared, req: &Request) -> Response {
    let keys = &state.keys;
    let offered = req
        .uri()
        .query()
        .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
        .and_then(|q| q.into_iter().find(|(n, _)| n == "s").map(|(_, v)| v));
    if !offered.is_some_and(|s| keys.redeem(&s)) {
        let ui = state.ui;
        return page::refused(StatusCode::FORBIDDEN, ui, i18n::WEB_NO_COOKIE.get(ui));
    }
    if let Ok(path) = start_file(keys.port) {
        let _ = std::fs::remove_file(path);
    }
    let mut response = page::onward(state.ui, "/");
    let cookie = format!(
        "{}={}; HttpOnly; SameSite=Strict; Path=/",
        keys.cookie_name(),
        keys.cookie
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

/// A form: from this origin, with its token; its fields go to the handler.
async fn form(state: &Shared, req: Request) -> Result<Request, Response> {
    let ui = state.ui;
    let keys = &state.keys;
    let headers = req.headers();
    let origin = headers
        .get(header::ORIGIN)
        .map(|o| o.to_str().unwrap_or(""));
    let fetch_site = headers
        .get("sec-fetch-site")
        .map(|s| s.to_str().unwrap_or(""));
    // A browser sends `Origin: null` when the page's policy is
    // no-referrer, as ours is; Sec-Fetch-Site then still tells where the
    // form came from.
    let same_origin = match (origin.filter(|o| *o != "null"), fetch_site) {
        (Some(o), _) => o
            .strip_prefix("http://")
            .is_some_and(|authority| keys.is_own(authority)),
        (None, Some(site)) => site == "same-origin",
        (None, None) => false,
    };
    if !same_origin {
        return Err(page::refused(
            StatusCode::FORBIDDEN,
            ui,
            i18n::WEB_OTHER_ORIGIN.get(ui),
        ));
    }
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|c| c.to_str().ok())
        .is_some_and(|c| {
            c.split(';').next().map(str::trim) == Some("application/x-www-form-urlencoded")
        });
    if !is_form {
        return Err(page::refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ui,
            i18n::WEB_BAD_REQUEST.get(ui),
        ));
    }
    let (parts, body) = req.into_parts();
    let bytes: Bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return Err(page::refused(
                StatusCode::PAYLOAD_TOO_LARGE,
                ui,
                i18n::WEB_TOO_LARGE.get(ui),
            ));
        }
    };
    let Ok(fields) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes) else {
        return Err(page::refused(
            StatusCode::BAD_REQUEST,
            ui,
            i18n::WEB_BAD_REQUEST.get(ui),
        ));
    };
    let fields = Fields(fields);
    if !fields
        .get(page::TOKEN_FIELD)
        .is_some_and(|t| same(t, keys.form_token()))
    {
        return Err(page::refused(
            StatusCode::FORBIDDEN,
            ui,
            i18n::WEB_NO_TOKEN.get(ui),
        ));
    }
    let mut req = Request::from_parts(parts, Body::empty());
    req.extensions_mut().insert(fields);
    Ok(req)
}

/// The policy of a page: nothing from elsewhere; styles and, where a page
/// asks for it, a script from this server only; forms post here only; no
/// frame may hold the page.
pub const CSP: &str = "default-src 'none'; style-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// [`CSP`] for a page with its own small script (the print button).
pub const CSP_SCRIPT: &str = "default-src 'none'; style-src 'self'; script-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The headers every answer gets: the page policy (unless the page set
/// its own, stricter-or-equal one), no referrer, nothing kept in a cache
/// (pages show case text), no sniffing, no framing. No CORS header is
/// ever sent.
fn protect(headers: &mut HeaderMap) {
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_opens_once_and_compares_whole() {
        let keys = Keys::new(4000).unwrap();
        let url = keys.start_url();
        let secret = url.split("s=").nth(1).unwrap().to_string();
        assert_eq!(secret.len(), 64);
        assert!(!keys.redeem(&secret[..63]));
        assert!(!keys.redeem(""));
        assert!(keys.redeem(&secret));
        assert!(!keys.redeem(&secret), "a secret opens once");
    }

    #[test]
    fn only_this_servers_cookie_counts() {
        let keys = Keys::new(4000).unwrap();
        let mut h = HeaderMap::new();
        let other = Keys::new(4001).unwrap();
        let with = |name: String, value: &str| {
            HeaderValue::from_str(&format!("a=b; {name}={value}")).unwrap()
        };
        h.insert(header::COOKIE, with(other.cookie_name(), &keys.cookie));
        assert!(!keys.has_cookie(&h), "another port's name");
        h.insert(header::COOKIE, with(keys.cookie_name(), &other.cookie));
        assert!(!keys.has_cookie(&h), "another server's value");
        h.insert(header::COOKIE, with(keys.cookie_name(), &keys.cookie));
        assert!(keys.has_cookie(&h));
    }

    #[test]
    fn own_hosts_are_the_loopback_names_with_the_port() {
        let keys = Keys::new(4000).unwrap();
        assert!(keys.is_own("127.0.0.1:4000"));
        assert!(keys.is_own("localhost:4000"));
        for other in [
            "127.0.0.1",
            "localhost",
            "127.0.0.1:4001",
            "evil.example:4000",
            "127.0.0.2:4000",
            "[::1]:4000",
            "LOCALHOST:4000",
        ] {
            assert!(!keys.is_own(other), "{other}");
        }
    }
}
