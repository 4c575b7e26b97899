//! A real browser: headless Chromium through WebDriver (the distribution's
//! chromium-driver) opens the start file as a double-click would, walks a
//! whole short case by keyboard and clicks, saves it, and the terminal's
//! `show` reads it; the note page prints to PDF, and an outcome is added.

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};

use super::Server;
use crate::harness::{code, have, stdout};

/// Chromedriver on a free port, ended when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    /// Ends chromedriver and the browser it started (its process group):
    /// a test that failed before closing its session leaves no browser.
    fn drop(&mut self) {
        #[cfg(unix)]
        unsafe {
            libc::kill(-(self.child.id() as i32), libc::SIGKILL);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut cmd = Command::new("chromedriver");
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let child = cmd
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver { child, port }
}

/// A headless Chromium session with its own profile in `profile`.
async fn browser(driver: &Driver, profile: &Path, width: u32) -> Client {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .unwrap_or("chromium");
    let caps = serde_json::json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                format!("--window-size={width},900"),
                format!("--user-data-dir={}", profile.display()),
            ]
        }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
}

/// Whether the test can run here; else it says why and skips (or fails
/// under DRIEHOEK_CI_STRICT=1).
pub fn browser_here() -> bool {
    have("chromium") && have("chromedriver")
}

/// Waits until the page's address contains `part`.
async fn wait_for_url(c: &Client, part: &str) -> String {
    let start = Instant::now();
    loop {
        let url = c.current_url().await.unwrap().to_string();
        if url.contains(part) {
            return url;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "still at {url}, waiting for {part}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Follows the link with this text, as a click does.
async fn click_link(c: &Client, text: &str) {
    let link = c.find(Locator::LinkText(text)).await.unwrap();
    link.click().await.unwrap();
}

async fn attr(e: &Element, name: &str) -> String {
    e.attr(name).await.unwrap().unwrap_or_default()
}

/// Fills the walk's page as a person at the keyboard: types into every
/// empty box, presses Space on the first option of every unanswered list
/// and on the first period of a cost. Returns whether a box was typed in.
async fn fill_by_keyboard(c: &Client, own: &[(&str, &str)]) -> Option<Element> {
    let ids: Vec<String> = {
        let mut ids = Vec::new();
        for e in c
            .find_all(Locator::Css("form.walk input[name=v]"))
            .await
            .unwrap()
        {
            ids.push(attr(&e, "value").await);
        }
        ids
    };
    let mut last_text = None;
    for id in ids {
        let fields = c
            .find_all(Locator::Css(&format!("[name='a:{id}']")))
            .await
            .unwrap();
        let Some(first) = fields.first() else {
            continue;
        };
        let kind = attr(first, "type").await;
        match kind.as_str() {
            "radio" | "checkbox" => {
                let mut chosen = false;
                for f in &fields {
                    chosen |= f.is_selected().await.unwrap();
                }
                if !chosen {
                    first.send_keys(" ").await.unwrap();
                }
            }
            _ => {
                let now = first.prop("value").await.unwrap().unwrap_or_default();
                if now.is_empty() {
                    let mine = own.iter().find(|(q, _)| *q == id).map(|(_, v)| *v);
                    let cost = !c
                        .find_all(Locator::Css(&format!("[name='p:{id}']")))
                        .await
                        .unwrap()
                        .is_empty();
                    let typed = match (mine, cost, attr(first, "inputmode").await.as_str()) {
                        (Some(v), _, _) => v,
                        (None, true, _) => "1.500",
                        (None, false, "decimal") => "1-12-2026",
                        _ => "iets om te bespreken",
                    };
                    first.send_keys(typed).await.unwrap();
                }
                if cost_unpicked(c, &id).await {
                    let period = c
                        .find(Locator::Css(&format!("[name='p:{id}']")))
                        .await
                        .unwrap();
                    period.send_keys(" ").await.unwrap();
                }
                if attr(first, "type").await == "text" {
                    last_text = Some(first.clone());
                }
            }
        }
    }
    last_text
}

async fn cost_unpicked(c: &Client, id: &str) -> bool {
    let periods = c
        .find_all(Locator::Css(&format!("[name='p:{id}']")))
        .await
        .unwrap();
    let mut any = false;
    for p in &periods {
        any |= p.is_selected().await.unwrap();
    }
    !periods.is_empty() && !any
}

/// Waits until `old` (an element of the page before) is gone: the next
/// page has loaded.
async fn wait_gone(old: &Element) {
    let start = Instant::now();
    while old.attr("class").await.is_ok() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the page did not change"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Sends the page on: Enter in a text box where there is one (the first
/// button is Volgende), else a click on Volgende; waits for the next page.
async fn next(c: &Client, text: Option<Element>) {
    let Ok(form) = c.find(Locator::Css("form.walk")).await else {
        panic!("no form on {}", c.source().await.unwrap());
    };
    match text {
        Some(t) => t.send_keys(&Key::Return).await.unwrap(),
        None => c
            .find(Locator::Css("form.walk button.primary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap(),
    }
    wait_gone(&form).await;
}

#[test]
fn a_real_browser_walks_saves_prints_and_adds_an_outcome() {
    if !browser_here() {
        return;
    }
    let server = Server::start();
    let profile = server.env.home.path().join("chromium-profile");
    let driver = driver();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let c = browser(&driver, &profile, 1280).await;
        // The start file, as the double-click opens it.
        c.goto(&format!("file://{}", server.start_file))
            .await
            .unwrap();
        wait_for_url(&c, &format!("127.0.0.1:{}/", server.port)).await;
        let start = Instant::now();
        while !c.source().await.unwrap().contains("Nieuwe casus") {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{}",
                c.source().await.unwrap()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            !c.current_url().await.unwrap().as_str().contains("s="),
            "no secret in the address"
        );
        click_link(&c, "Nieuwe casus").await;
        wait_for_url(&c, "/nieuw").await;
        let title = "Geen post meer open";
        let own = [("casus.titel", title)];
        for _ in 0..40 {
            let url = c.current_url().await.unwrap().to_string();
            if url.contains("/overzicht") {
                break;
            }
            let page = c.source().await.unwrap();
            assert!(!page.contains("class=\"error\""), "{page}");
            let text = fill_by_keyboard(&c, &own).await;
            next(&c, text).await;
        }
        wait_for_url(&c, "/overzicht").await;
        assert!(c.source().await.unwrap().contains(title));
        c.find(Locator::Css("form[action$='/opslaan'] button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let url = wait_for_url(&c, "/notitie/").await;
        let id = url.rsplit('/').next().unwrap().to_string();

        // The terminal reads the note the browser saved.
        let out = server.env.run(&["show", &id]);
        assert_eq!(code(&out), 0);
        assert!(stdout(&out).contains(title), "{}", stdout(&out));

        // The page prints: the note on paper, the buttons not.
        let pdf = c
            .print(fantoccini::wd::PrintConfiguration::default())
            .await
            .unwrap();
        let pdf_path = server.env.home.path().join("note.pdf");
        std::fs::write(&pdf_path, pdf).unwrap();
        if have("pdftotext") {
            let text = Command::new("pdftotext")
                .arg(&pdf_path)
                .arg("-")
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&text.stdout);
            assert!(text.contains(title), "{text}");
            assert!(
                !text.contains("Verwijderen") && !text.contains("Stoppen"),
                "{text}"
            );
        }

        // An outcome, by keyboard.
        click_link(&c, "Afloop toevoegen").await;
        wait_for_url(&c, "/afloop").await;
        let advice = "Het team adviseert de post samen te sorteren.";
        for _ in 0..4 {
            if !c.current_url().await.unwrap().as_str().ends_with("/afloop") {
                break;
            }
            fill_by_keyboard(&c, &[("afloop.advies", advice)]).await;
            next(&c, None).await;
        }
        wait_for_url(&c, "#afloop").await;
        let out = server.env.run(&["show", &id]);
        assert!(stdout(&out).contains(advice), "{}", stdout(&out));
        c.close().await.unwrap();
    });
}

/// How much wider the page is than the window (0: no sideways scrolling).
async fn overflow(c: &Client) -> i64 {
    let wide = c
        .execute(
            "return document.documentElement.scrollWidth - window.innerWidth;",
            vec![],
        )
        .await
        .unwrap();
    wide.as_i64().unwrap_or(i64::MAX)
}

/// Takes a picture of the page into DRIEHOEK_SCREENSHOTS (a folder) when
/// it is set: `docs/web-page.sh` makes the README's picture this way.
async fn picture(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("DRIEHOEK_SCREENSHOTS") {
        let png = c.screenshot().await.unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

#[test]
fn every_page_fits_a_phone_and_a_laptop_without_sideways_scrolling() {
    if !browser_here() {
        return;
    }
    let server = Server::start();
    let long = "Woonbegeleidingsindicatieherbeoordelingsaanvraagformulierenstapel zonder spaties";
    let note = crate::harness::SHORT_NOTE.replacen("titel = \"", &format!("titel = \"{long} "), 1);
    let id = server.env.new_note(&note);
    let profile = server.env.home.path().join("chromium-profile");
    let driver = driver();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let c = browser(&driver, &profile, 1280).await;
        c.goto(&format!("file://{}", server.start_file)).await.unwrap();
        let start = Instant::now();
        while !c.source().await.unwrap().contains("Nieuwe casus") {
            assert!(start.elapsed() < Duration::from_secs(20));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut pages = vec![
            ("casussen".to_string(), "/".to_string()),
            ("notitie".to_string(), format!("/notitie/{id}")),
            ("afloop".to_string(), format!("/notitie/{id}/afloop")),
            ("overleg".to_string(), "/overleg".to_string()),
            ("agenda".to_string(), format!("/overleg/agenda?id={id}")),
            ("bundel".to_string(), "/bundel".to_string()),
            ("verwijderen".to_string(), format!("/notitie/{id}/verwijderen")),
        ];
        for n in 1..=12 {
            pages.push((format!("deel-{n}"), format!("/nieuw?walk=volledig&deel={n}")));
        }
        for width in [360, 1280] {
            c.set_window_size(width, 900).await.unwrap();
            for (name, path) in &pages {
                c.goto(&format!("{}{path}", server.origin())).await.unwrap();
                let source = c.source().await.unwrap();
                assert!(source.contains("<html lang=\"nl\""), "{path}: {source}");
                picture(&c, &format!("{name}-{width}")).await;
                if overflow(&c).await > 0 {
                    let wide = c
                        .execute(
                            "return document.documentElement.scrollWidth + ' ' + window.innerWidth + ' ' + document.documentElement.clientWidth + ': ' + Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.scrollWidth > e.clientWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12).join('; ');",
                            vec![],
                        )
                        .await
                        .unwrap();
                    panic!("{path} at {width} px scrolls sideways: {wide}");
                }
            }
        }
        c.close().await.unwrap();
    });
}
