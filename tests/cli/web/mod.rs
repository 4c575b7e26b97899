//! `driehoek web`: the server run as a person runs it, attacked as another
//! account on the same computer or another site in the same browser would.
//! Requests are written by hand here on purpose: an attacker writes them.

mod browser;
mod guard;
mod report;
mod walk;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::harness::Env;

/// A running `driehoek web --niet-openen`, stopped when dropped.
pub struct Server {
    pub env: Env,
    child: Child,
    pub port: u16,
    /// The one-time start link the terminal showed.
    pub start: String,
    /// The start file's path.
    pub start_file: String,
}

impl Server {
    pub fn start() -> Server {
        Server::start_in(Env::new(), &[])
    }

    pub fn start_in(env: Env, extra: &[&str]) -> Server {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("driehoek"));
        cmd.env_remove("DRIEHOEK_LANG").env_remove("RUST_BACKTRACE");
        for (k, v) in env.vars() {
            cmd.env(k, v);
        }
        let mut child = cmd
            .args(["web", "--niet-openen"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let (mut start, mut start_file) = (String::new(), String::new());
        while start.is_empty() {
            let line = lines.next().expect("the server said where it is").unwrap();
            if let Some(at) = line.find("http://") {
                start = line[at..].trim().to_string();
            }
            if let Some(at) = line.find(": /") {
                start_file = line[at + 2..].trim().to_string();
            }
        }
        // The rest of what it says goes nowhere, but must not block it.
        std::thread::spawn(move || for _ in lines {});
        let port = start
            .trim_start_matches("http://127.0.0.1:")
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        Server {
            env,
            child,
            port,
            start,
            start_file,
        }
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.host())
    }

    /// Sends `raw` as it is and reads the whole answer.
    pub fn raw(&self, raw: &[u8]) -> Answer {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(raw).unwrap();
        let mut bytes = Vec::new();
        let _ = s.read_to_end(&mut bytes);
        Answer::parse(&bytes)
    }

    /// A request with the given headers (each `Name: value`); the server's
    /// own Host unless one is given.
    pub fn request(&self, method: &str, path: &str, headers: &[String], body: &str) -> Answer {
        let mut head = format!("{method} {path} HTTP/1.1\r\n");
        if !headers
            .iter()
            .any(|h| h.to_lowercase().starts_with("host:"))
        {
            head.push_str(&format!("Host: {}\r\n", self.host()));
        }
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        if method == "POST" {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("Connection: close\r\n\r\n");
        head.push_str(body);
        self.raw(head.as_bytes())
    }

    /// Uses the start link and returns the cookie it gave, as a header.
    pub fn login(&self) -> String {
        let path = self.start.trim_start_matches(&self.origin()).to_string();
        let answer = self.request("GET", &path, &[], "");
        assert_eq!(answer.status, 200, "{}", answer.body);
        let cookie = answer.header("set-cookie").expect("a cookie");
        format!("Cookie: {}", cookie.split(';').next().unwrap())
    }

    /// A GET as the logged-in browser makes it.
    pub fn get(&self, cookie: &str, path: &str) -> Answer {
        self.request("GET", path, &[cookie.to_string()], "")
    }

    /// A form post as the logged-in browser makes it: from this origin,
    /// with the page's token.
    pub fn post(&self, cookie: &str, path: &str, fields: &[(&str, &str)]) -> Answer {
        let token = self.token(cookie);
        let mut all = vec![("_t", token.as_str())];
        all.extend_from_slice(fields);
        let body = form(&all);
        self.request(
            "POST",
            path,
            &[
                cookie.to_string(),
                format!("Origin: {}", self.origin()),
                "Content-Type: application/x-www-form-urlencoded".to_string(),
            ],
            &body,
        )
    }

    /// The form token, from the home page.
    pub fn token(&self, cookie: &str) -> String {
        let home = self.get(cookie, "/");
        field_value(&home.body, "_t").expect("a form token")
    }

    /// Waits until the server has ended, and returns what it said last.
    pub fn wait(mut self) -> std::process::ExitStatus {
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            #[cfg(unix)]
            unsafe {
                libc::kill(self.child.id() as i32, libc::SIGINT);
            }
            #[cfg(not(unix))]
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Fields as a form sends them.
pub fn form(fields: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&encode(k));
        out.push('=');
        out.push_str(&encode(v));
    }
    out
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The value of the first `<input name=NAME value=…>` in a page.
pub fn field_value(page: &str, name: &str) -> Option<String> {
    let at = page.find(&format!("name=\"{name}\""))?;
    let tag_start = page[..at].rfind('<')?;
    let tag_end = at + page[at..].find('>')?;
    let tag = &page[tag_start..tag_end];
    let v = tag.find("value=\"")? + 7;
    let end = v + tag[v..].find('"')?;
    Some(unescape(&tag[v..end]))
}

/// Undoes HTML escaping of an attribute value.
pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// An answer as read off the wire.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    fn parse(bytes: &[u8]) -> Answer {
        let text = String::from_utf8_lossy(bytes);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
            .collect();
        Answer {
            status,
            headers,
            body: body.to_string(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}
