//! The walk in the browser, driven by its forms as a browser sends them:
//! a whole short case, drafts shared with the terminal, two tabs.

use super::{Answer, Server, field_value, unescape};
use crate::harness::{code, stdout};

/// A home without notes points to its own button: a worker in the
/// browser never types `driehoek nieuw`.
#[test]
fn an_empty_home_points_to_its_button_not_to_a_command() {
    let server = Server::start();
    let cookie = server.login();
    let home = server.get(&cookie, "/").body;
    assert!(home.contains("Begin met de knop Nieuwe casus."), "{home}");
    assert!(!home.contains("driehoek nieuw"), "{home}");
}

/// One field of a form, as a page offers it.
#[derive(Debug, Clone)]
pub struct Input {
    pub tag: String,
    pub kind: String,
    pub name: String,
    pub value: String,
}

/// The value of attribute `attr` in a tag's text.
fn attr(tag: &str, attr: &str) -> Option<String> {
    let at = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
    let end = at + tag[at..].find('"')?;
    Some(unescape(&tag[at..end]))
}

/// The inputs and text areas of the walk's form on a page.
pub fn inputs(page: &str) -> Vec<Input> {
    let form = page
        .find("<form class=\"walk\"")
        .map_or(page, |at| &page[at..]);
    let form = &form[..form.find("</form>").unwrap_or(form.len())];
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with("<input ") || tag.starts_with("<textarea ") {
            let name = attr(tag, "name").unwrap_or_default();
            let value = if tag.starts_with("<textarea") {
                let close = rest.find("</textarea>").unwrap_or(end);
                unescape(&rest[end + 1..close])
            } else {
                attr(tag, "value").unwrap_or_default()
            };
            out.push(Input {
                tag: tag.to_string(),
                kind: attr(tag, "type").unwrap_or_else(|| "textarea".into()),
                name,
                value,
            });
        }
        rest = &rest[1..];
    }
    out
}

/// The form's action on a page.
pub fn action(page: &str) -> String {
    let at = page.find("<form class=\"walk\"").expect("a walk form");
    attr(&page[at..page[at..].find('>').unwrap() + at], "action").unwrap()
}

/// Fills a page as a person in a hurry would: the first choice of every
/// list, a short text in every box, a yearly amount for every cost; the
/// title and `own` where given.
pub fn fill(page: &str, own: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for i in inputs(page) {
        let q = i.name.split_once(':').map(|(_, q)| q.to_string());
        let mine = q
            .as_deref()
            .and_then(|q| own.iter().find(|(id, _)| *id == q))
            .map(|(_, v)| v.to_string());
        match (i.kind.as_str(), i.name.split(':').next().unwrap_or("")) {
            ("hidden", _) => fields.push((i.name, i.value)),
            ("radio" | "checkbox", "a") if !done.contains(&i.name) => {
                let value = mine.unwrap_or(i.value.clone());
                if !value.is_empty() {
                    done.push(i.name.clone());
                    fields.push((i.name, value));
                }
            }
            ("radio", "p") if !done.contains(&i.name) => {
                done.push(i.name.clone());
                fields.push((i.name, "jaar".into()));
            }
            ("text" | "textarea", "a") => {
                let is_cost = page.contains(&format!("name=\"p:{}\"", q.clone().unwrap()));
                let value = mine.unwrap_or_else(|| {
                    if !i.value.is_empty() {
                        i.value.clone()
                    } else if is_cost {
                        "1.500".into()
                    } else if i.tag.contains("inputmode=\"decimal\"") {
                        "1-12-2026".into()
                    } else {
                        "iets om te bespreken".into()
                    }
                });
                fields.push((i.name, value));
            }
            _ => {}
        }
    }
    fields
}

/// Follows a redirect with the same cookie.
pub fn follow(server: &Server, cookie: &str, answer: &Answer) -> (String, Answer) {
    assert_eq!(answer.status, 303, "{}", answer.body);
    let to = answer.header("location").unwrap().to_string();
    (to.clone(), server.get(cookie, &to))
}

/// Posts a page's fields (the token is added).
pub fn submit(
    server: &Server,
    cookie: &str,
    path: &str,
    fields: &[(String, String)],
    go: &str,
) -> Answer {
    let mut all: Vec<(&str, &str)> = fields
        .iter()
        .filter(|(n, _)| n != "_t")
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    all.push(("ga", go));
    server.post(cookie, path, &all)
}

/// Walks a whole short case with `own` answers and saves it; returns the
/// note's id.
pub fn walk_short_case(server: &Server, cookie: &str, own: &[(&str, &str)]) -> String {
    let (mut at, mut page) = follow(server, cookie, &server.get(cookie, "/nieuw?walk=kort"));
    for _ in 0..40 {
        if at.contains("/overzicht") {
            break;
        }
        assert_eq!(page.status, 200, "{at}: {}", page.body);
        let fields = fill(&page.body, own);
        let answer = submit(server, cookie, &action(&page.body), &fields, "volgende");
        if answer.status == 200 {
            // The page came back (a follow-up, the mirror): fill it again.
            assert!(!answer.body.contains("class=\"error\""), "{}", answer.body);
            page = answer;
            continue;
        }
        (at, page) = follow(server, cookie, &answer);
    }
    assert!(at.contains("/overzicht"), "{at}");
    assert!(page.body.contains("Samenvatting"), "{}", page.body);
    let draft = at.split('/').nth(2).unwrap().to_string();
    let tab = field_value(&page.body, "tab").unwrap();
    let saved = server.post(
        cookie,
        &format!("/concept/{draft}/opslaan"),
        &[("tab", &tab)],
    );
    let (note, shown) = follow(server, cookie, &saved);
    assert_eq!(shown.status, 200);
    note.trim_start_matches("/notitie/").to_string()
}

#[test]
fn a_whole_short_case_walked_in_the_browser_is_a_note_the_terminal_shows() {
    let server = Server::start();
    let cookie = server.login();
    let title = "Drie zakken post <script>alert(1)</script>";
    let id = walk_short_case(&server, &cookie, &[("casus.titel", title)]);
    let out = server.env.run(&["show", &id]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains(title), "{}", stdout(&out));
    // The page shows the title as text, never as markup.
    let page = server.get(&cookie, &format!("/notitie/{id}"));
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.body.contains("<script>alert"));
    // No draft is left.
    let drafts = server.env.run(&["drafts"]);
    assert!(
        !stdout(&drafts).contains("Drie zakken"),
        "{}",
        stdout(&drafts)
    );
}

/// Saves the first page of a new case with `title`; returns the draft's id.
fn first_page(server: &Server, cookie: &str, title: &str) -> String {
    let (_, page) = follow(server, cookie, &server.get(cookie, "/nieuw?walk=kort"));
    let fields = fill(&page.body, &[("casus.titel", title)]);
    let answer = submit(server, cookie, &action(&page.body), &fields, "volgende");
    let (at, _) = follow(server, cookie, &answer);
    at.split('/')
        .nth(2)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn two_tabs_on_one_draft_show_a_conflict_and_lose_nothing() {
    let server = Server::start();
    let cookie = server.login();
    let draft = first_page(&server, &cookie, "Titel A");
    let part1 = |tab: &str| server.get(&cookie, &format!("/concept/{draft}?deel=1&tab={tab}"));
    let one = part1("aaaa1111");
    let two = part1("bbbb2222");
    let path = format!("/concept/{draft}");
    // Tab two saves first.
    let fields = fill(&two.body, &[("casus.titel", "Titel B")]);
    assert_eq!(
        submit(&server, &cookie, &path, &fields, "volgende").status,
        303
    );
    // Tab one, still on what it was shown, saves its own: a conflict.
    let fields = fill(&one.body, &[("casus.titel", "Titel C")]);
    let clash = submit(&server, &cookie, &path, &fields, "volgende");
    assert_eq!(clash.status, 200, "a conflict, not a save");
    assert!(clash.body.contains("class=\"conflict\""), "{}", clash.body);
    assert!(clash.body.contains("Titel B") && clash.body.contains("Titel C"));
    // The typed text stays in the field; what is stored is tab two's.
    assert_eq!(
        field_value(&clash.body, "a:casus.titel").as_deref(),
        Some("Titel C")
    );
    let stored = server.env.run(&["drafts"]);
    assert!(stdout(&stored).contains("Titel B"), "{}", stdout(&stored));
    // Saving from the conflict page keeps tab one's version.
    let fields = fill(&clash.body, &[]);
    assert_eq!(
        submit(&server, &cookie, &path, &fields, "volgende").status,
        303
    );
    assert!(stdout(&server.env.run(&["drafts"])).contains("Titel C"));
    // Going back in the same tab (the old page) and saving again is no conflict.
    let fields = fill(&one.body, &[("casus.titel", "Titel D")]);
    assert_eq!(
        submit(&server, &cookie, &path, &fields, "volgende").status,
        303
    );
    assert!(stdout(&server.env.run(&["drafts"])).contains("Titel D"));
}

#[test]
fn a_draft_started_in_the_browser_is_one_the_terminal_knows_and_back() {
    let server = Server::start();
    let cookie = server.login();
    let draft = first_page(&server, &cookie, "Begonnen in de browser");
    let out = server.env.run(&["drafts"]);
    assert!(stdout(&out).contains(&draft) && stdout(&out).contains("Begonnen in de browser"));
    // It goes on at part two, where it stopped.
    let (at, page) = follow(
        &server,
        &cookie,
        &server.get(&cookie, &format!("/concept/{draft}")),
    );
    assert!(at.contains(&draft));
    let page = if page.status == 303 {
        follow(&server, &cookie, &page).1
    } else {
        page
    };
    assert!(page.body.contains("deel 2 van"), "{}", page.body);
}

#[test]
fn required_answers_and_amounts_are_checked_as_in_the_terminal() {
    let server = Server::start();
    let cookie = server.login();
    let (_, page) = follow(&server, &cookie, &server.get(&cookie, "/nieuw?walk=kort"));
    let mut fields = fill(&page.body, &[]);
    fields.retain(|(n, _)| n != "a:casus.titel");
    let answer = submit(&server, &cookie, &action(&page.body), &fields, "volgende");
    assert_eq!(answer.status, 200);
    assert!(
        answer.body.contains("Deze vraag is verplicht."),
        "{}",
        answer.body
    );
    assert!(answer.body.contains("aria-invalid=\"true\""));
}

#[test]
fn the_concrete_rule_is_required_in_the_browser_once_the_blocker_names_a_rule() {
    let server = Server::start();
    let cookie = server.login();
    let (_, page) = follow(&server, &cookie, &server.get(&cookie, "/nieuw?walk=kort"));
    let answer = submit(
        &server,
        &cookie,
        &action(&page.body),
        &fill(&page.body, &[]),
        "volgende",
    );
    let (_, page) = follow(&server, &cookie, &answer);
    assert!(page.body.contains("a:wet.regel_concreet"), "{}", page.body);
    let without_rule = |blocker: &str| {
        let mut fields = fill(&page.body, &[("wet.blokkade", blocker)]);
        fields.retain(|(n, _)| n != "a:wet.regel_concreet");
        submit(&server, &cookie, &action(&page.body), &fields, "volgende")
    };
    let refused = without_rule("werkinstructie");
    assert_eq!(refused.status, 200);
    assert!(
        refused.body.contains(
            "‘Welke regel precies, en van wie?’ is hier nodig, omdat je bij ‘Wat blokkeert hier eigenlijk?’ koos: een werkinstructie."
        ),
        "{}",
        refused.body
    );
    // A feeling has no rule to name: the page goes on.
    let on = without_rule("gevoel");
    assert_eq!(on.status, 303, "{}", on.body);
}

#[test]
fn an_outcome_added_in_the_browser_is_in_the_notes_log() {
    let server = Server::start();
    let cookie = server.login();
    let id = walk_short_case(&server, &cookie, &[("casus.titel", "Met afloop")]);
    let path = format!("/notitie/{id}/afloop");
    let mut page = server.get(&cookie, &path);
    assert_eq!(page.status, 200);
    let mut answer;
    // A decision asks for its date: the form comes back once with it.
    loop {
        let fields = fill(
            &page.body,
            &[("afloop.advies", "Het team adviseert het te proberen.")],
        );
        answer = submit(&server, &cookie, &path, &fields, "toevoegen");
        if answer.status != 200 {
            break;
        }
        assert!(!answer.body.contains("class=\"error\""), "{}", answer.body);
        page = answer;
    }
    assert_eq!(answer.status, 303, "{}", answer.body);
    let out = server.env.run(&["show", &id]);
    assert!(
        stdout(&out).contains("Het team adviseert het te proberen."),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_outcome_in_the_browser_asks_several_roles_and_whom_else_under_anders() {
    let server = Server::start();
    let cookie = server.login();
    let id = walk_short_case(&server, &cookie, &[("casus.titel", "Met signaal")]);
    let path = format!("/notitie/{id}/afloop");
    let mut page = server.get(&cookie, &path);
    let own = [
        ("afloop.gevraagd_anders", "commissie van de corporatie"),
        ("afloop.signaal_eigenaar", "maatwerkcoach"),
    ];
    let mut answer;
    let mut rounds = 0;
    // Ticking "anders" and the signal asks their follow-ups: the form
    // comes back with them.
    loop {
        let mut fields = fill(&page.body, &own);
        fields.retain(|(n, _)| n != "a:afloop.gevraagd");
        for role in ["teamleider", "anders"] {
            fields.push(("a:afloop.gevraagd".into(), role.into()));
        }
        answer = submit(&server, &cookie, &path, &fields, "toevoegen");
        if answer.status != 200 {
            break;
        }
        assert!(!answer.body.contains("class=\"error\""), "{}", answer.body);
        rounds += 1;
        assert!(rounds < 5, "{}", answer.body);
        page = answer;
    }
    assert!(page.body.contains("Aan wie nog meer (een rol, geen naam)?"));
    assert!(page.body.contains("Wie is eigenaar van het signaal"));
    assert_eq!(answer.status, 303, "{}", answer.body);
    let note: toml::Table =
        toml::from_str(&std::fs::read_to_string(server.env.note_path(&id)).unwrap()).unwrap();
    let entry = &note["outcomes"].as_array().unwrap()[0];
    let list = |v: &[&str]| toml::Value::Array(v.iter().map(|s| toml::Value::from(*s)).collect());
    assert_eq!(entry["asked"], list(&["teamleider", "anders"]));
    assert_eq!(
        entry["asked_other"].as_str(),
        Some("commissie van de corporatie")
    );
    assert_eq!(entry["signal_sent"].as_str(), Some("2026-12-01"));
    assert_eq!(entry["signal_to"], list(&["doorbraak"]));
    assert_eq!(entry["signal_owner"].as_str(), Some("maatwerkcoach"));
    let out = server.env.run(&["show", &id]);
    assert!(
        stdout(&out).contains("Voorgelegd aan: teamleider, commissie van de corporatie"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_rule_question_offers_the_rules_in_the_store_most_used_first_as_text() {
    let server = Server::start();
    let cookie = server.login();
    let rule = crate::harness::with_rule;
    server
        .env
        .new_note(&rule("Intake-eis <b>schuldhulp</b>", "werkinstructie", 1));
    server
        .env
        .new_note(&rule("eigen bijdrage", "verordening", 1));
    server
        .env
        .new_note(&rule("Eigen bijdrage.", "verordening", 1));
    let (mut at, mut page) = follow(&server, &cookie, &server.get(&cookie, "/nieuw?walk=kort"));
    for _ in 0..10 {
        if page.body.contains("name=\"a:wet.regel_concreet\"") {
            break;
        }
        let fields = fill(&page.body, &[]);
        let answer = submit(&server, &cookie, &action(&page.body), &fields, "volgende");
        (at, page) = follow(&server, &cookie, &answer);
    }
    let body = &page.body;
    assert!(
        body.contains("list=\"f-wet.regel_concreet-lijst\""),
        "{at}: {body}"
    );
    let most = body.find("<option value=\"Eigen bijdrage.\">").expect(body);
    let next = body
        .find("<option value=\"Intake-eis &lt;b&gt;schuldhulp&lt;/b&gt;\">")
        .expect(body);
    assert!(most < next, "most used first: {body}");
    assert!(!body.contains("<b>schuldhulp"), "text, never markup");
}
