//! The door: only the person at this computer gets in. Each test names the
//! guard it checks; without that guard it fails.

use super::{Server, form};

/// The CSP every page carries.
const CSP: &str = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

#[test]
#[cfg(target_os = "linux")]
fn it_listens_on_the_loopback_address_only() {
    let server = Server::start();
    let port = format!("{:04X}", server.port);
    let listening = |file: &str| -> Vec<String> {
        std::fs::read_to_string(file)
            .unwrap_or_default()
            .lines()
            .skip(1)
            .filter_map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                // State 0A: listening.
                (f.get(3) == Some(&"0A") && f[1].ends_with(&format!(":{port}")))
                    .then(|| f[1].to_string())
            })
            .collect()
    };
    assert_eq!(listening("/proc/net/tcp"), [format!("0100007F:{port}")]);
    assert!(listening("/proc/net/tcp6").is_empty());
    assert!(
        server.start.starts_with("http://127.0.0.1:"),
        "{}",
        server.start
    );
}

#[test]
fn without_the_cookie_every_page_is_refused_with_a_dutch_line() {
    let server = Server::start();
    for path in ["/", "/stijl.css", "/notitie/abcdef", "/niets"] {
        let answer = server.get("X-Nothing: 1", path);
        assert_eq!(answer.status, 403, "{path}");
        assert!(
            answer.body.contains("Start driehoek opnieuw"),
            "{}",
            answer.body
        );
        assert!(!answer.body.contains("Casussen"), "{}", answer.body);
    }
    let cookie = server.login();
    // Another server's cookie name, or a guessed value, is no cookie.
    let value = cookie.split('=').nth(1).unwrap();
    let other_port = format!("Cookie: driehoek-{}={value}", server.port + 1);
    assert_eq!(server.get(&other_port, "/").status, 403);
    let guessed = format!("Cookie: driehoek-{}={}", server.port, "0".repeat(64));
    assert_eq!(server.get(&guessed, "/").status, 403);
    assert_eq!(server.get(&cookie, "/").status, 200);
}

#[test]
fn the_start_link_opens_once_and_sets_a_strict_cookie_named_after_the_port() {
    let server = Server::start();
    let secret = server.start.split("s=").nth(1).unwrap().to_string();
    assert!(secret.len() >= 32, "at least 128 bits: {secret}");
    // A wrong secret gets nothing.
    let wrong = server.get("X-Nothing: 1", "/start?s=0000");
    assert_eq!(wrong.status, 403);
    assert!(wrong.header("set-cookie").is_none());

    let path = server
        .start
        .trim_start_matches(&server.origin())
        .to_string();
    let first = server.get("X-Nothing: 1", &path);
    assert_eq!(first.status, 200);
    let cookie = first.header("set-cookie").unwrap();
    assert!(
        cookie.starts_with(&format!("driehoek-{}=", server.port)),
        "{cookie}"
    );
    for part in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    // The page goes on to the address without the secret.
    assert!(first.body.contains("url=/\""), "{}", first.body);
    assert!(!first.body.contains(&secret));
    // The start file is gone, and the link works no more.
    assert!(!std::path::Path::new(&server.start_file).exists());
    let again = server.get("X-Nothing: 1", &path);
    assert_eq!(again.status, 403);
    assert!(again.header("set-cookie").is_none());
}

#[test]
#[cfg(unix)]
fn the_start_file_is_private_and_in_the_store() {
    use std::os::unix::fs::PermissionsExt;
    let server = Server::start();
    let file = std::path::Path::new(&server.start_file);
    assert!(
        file.starts_with(server.env.home.path().join("store")),
        "{file:?}"
    );
    let mode = std::fs::metadata(file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let page = std::fs::read_to_string(file).unwrap();
    assert!(page.contains(&server.start), "{page}");
}

#[test]
fn a_wrong_host_is_refused() {
    let server = Server::start();
    let cookie = server.login();
    let port = server.port;
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1:{}", port + 1),
        "127.0.0.1".to_string(),
        "localhost".to_string(),
        format!("127.0.0.2:{port}"),
    ] {
        let answer = server.request("GET", "/", &[format!("Host: {host}"), cookie.clone()], "");
        assert_eq!(answer.status, 421, "{host}");
        assert!(!answer.body.contains("Casussen"), "{host}");
    }
    // An absolute URI naming another host is refused too.
    let answer = server.request(
        "GET",
        "http://evil.example/",
        std::slice::from_ref(&cookie),
        "",
    );
    assert_eq!(answer.status, 421);
    let local = server.request("GET", "/", &[format!("Host: localhost:{port}"), cookie], "");
    assert_eq!(local.status, 200);
}

/// A POST to the stop button with these headers and fields.
fn stop_with(server: &Server, cookie: &str, headers: &[&str], fields: &[(&str, &str)]) -> u16 {
    let mut all = vec![
        cookie.to_string(),
        "Content-Type: application/x-www-form-urlencoded".to_string(),
    ];
    all.extend(headers.iter().map(|h| h.to_string()));
    server
        .request("POST", "/stoppen", &all, &form(fields))
        .status
}

#[test]
fn a_post_from_another_origin_is_refused() {
    let server = Server::start();
    let cookie = server.login();
    let token = server.token(&cookie);
    let fields = [("_t", token.as_str())];
    for headers in [
        &["Origin: http://evil.example"][..],
        &["Origin: null"],
        &["Origin: null", "Sec-Fetch-Site: cross-site"],
        &["Origin: http://evil.example", "Sec-Fetch-Site: same-origin"],
        &[&format!("Origin: http://127.0.0.1:{}", server.port + 1)],
        &["Sec-Fetch-Site: cross-site"],
        &["Sec-Fetch-Site: same-site"],
        // Neither header: a browser always sends one with a form.
        &[],
    ] {
        assert_eq!(
            stop_with(&server, &cookie, headers, &fields),
            403,
            "{headers:?}"
        );
    }
    // Still running: none of them stopped it.
    assert_eq!(server.get(&cookie, "/").status, 200);
    // What Chromium sends from a page whose referrer policy is no-referrer.
    let own = ["Origin: null", "Sec-Fetch-Site: same-origin"];
    assert_eq!(stop_with(&server, &cookie, &own, &fields), 200);
    assert!(server.wait().success());
}

#[test]
fn a_post_without_the_forms_token_is_refused() {
    let server = Server::start();
    let cookie = server.login();
    let origin = format!("Origin: {}", server.origin());
    let headers = [origin.as_str()];
    assert_eq!(stop_with(&server, &cookie, &headers, &[]), 403);
    assert_eq!(stop_with(&server, &cookie, &headers, &[("_t", "")]), 403);
    let token = server.token(&cookie);
    let wrong: String = token.chars().rev().collect();
    assert_eq!(
        stop_with(&server, &cookie, &headers, &[("_t", &wrong)]),
        403
    );
    assert_eq!(server.get(&cookie, "/").status, 200);
    assert_eq!(
        stop_with(&server, &cookie, &headers, &[("_t", &token)]),
        200
    );
    assert!(server.wait().success());
}

#[test]
fn every_answer_carries_the_protecting_headers() {
    let server = Server::start();
    let cookie = server.login();
    let with_origin = [cookie.clone(), "Origin: http://evil.example".to_string()];
    for answer in [
        server.request("GET", "/", &with_origin, ""),
        server.get("X-Nothing: 1", "/"),
        server.get(&cookie, "/niets"),
    ] {
        assert_eq!(answer.header("content-security-policy"), Some(CSP));
        assert_eq!(answer.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(answer.header("cache-control"), Some("no-store"));
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
        assert!(
            answer
                .headers
                .iter()
                .all(|(k, _)| !k.starts_with("access-control-")),
            "no CORS"
        );
    }
    // A preflight gets no CORS either.
    let preflight = server.request(
        "OPTIONS",
        "/",
        &[
            cookie,
            "Origin: http://evil.example".into(),
            "Access-Control-Request-Method: POST".into(),
        ],
        "",
    );
    assert!(
        preflight
            .headers
            .iter()
            .all(|(k, _)| !k.starts_with("access-control-"))
    );
}

#[test]
fn an_oversized_body_is_refused_before_it_is_read() {
    let server = Server::start();
    let cookie = server.login();
    let token = server.token(&cookie);
    // Only the head is sent: the refusal comes without waiting for 8 MiB.
    let head = format!(
        "POST /stoppen HTTP/1.1\r\nHost: {}\r\n{cookie}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n_t={token}&",
        server.host(),
        server.origin(),
        8 * 1024 * 1024
    );
    let answer = server.raw(head.as_bytes());
    assert_eq!(answer.status, 413);
    // A chunked body that grows past the limit is cut off too.
    let chunk = "a".repeat(64 * 1024);
    let mut raw = format!(
        "POST /stoppen HTTP/1.1\r\nHost: {}\r\n{cookie}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.host(),
        server.origin(),
    );
    for _ in 0..20 {
        raw.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
    }
    raw.push_str("0\r\n\r\n");
    assert_eq!(server.raw(raw.as_bytes()).status, 413);
    assert_eq!(server.get(&cookie, "/").status, 200);
}

#[test]
fn malformed_requests_get_a_4xx_and_the_server_lives_on() {
    let server = Server::start();
    let cookie = server.login();
    for raw in [
        "GARBAGE\r\n\r\n".to_string(),
        "GET / HTTP/1.1\r\nHost: \u{0}\r\n\r\n".to_string(),
        format!(
            "GET /{} HTTP/1.1\r\nHost: {}\r\n\r\n",
            "a".repeat(40_000),
            server.host()
        ),
        format!(
            "POST /stoppen HTTP/1.1\r\nHost: {}\r\n{cookie}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\nConnection: close\r\n\r\n%ZZ%&",
            server.host(),
            server.origin()
        ),
        format!(
            "POST /stoppen HTTP/1.1\r\nHost: {}\r\n{cookie}\r\nOrigin: {}\r\nContent-Type: text/plain\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx",
            server.host(),
            server.origin()
        ),
    ] {
        let answer = server.raw(raw.as_bytes());
        assert!(
            answer.status == 0 || (400..500).contains(&answer.status),
            "{}: {raw:.60}",
            answer.status
        );
    }
    assert_eq!(server.get(&cookie, "/").status, 200);
}

#[test]
fn a_note_or_draft_that_is_not_there_is_404_whatever_its_id() {
    let server = Server::start();
    let cookie = server.login();
    for path in [
        "/notitie/zzzzzz",
        "/notitie/..%2f..%2fetc",
        "/notitie/%00",
        "/concept/..%2Fnotes",
        "/notitie/zzzzzz/afloop",
        "/concept/zzzzzz/overzicht",
    ] {
        let answer = server.get(&cookie, path);
        assert_eq!(answer.status, 404, "{path}: {}", answer.body);
        assert!(!answer.body.contains("etc/passwd"), "{path}");
    }
    let long = format!("/notitie/{}", "a".repeat(5000));
    assert_eq!(server.get(&cookie, &long).status, 404);
}
