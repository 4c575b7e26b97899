//! The meeting's agenda and the bundle in the browser: the same documents
//! as the terminal's commands make.

use super::Server;
use super::walk::walk_short_case;
use crate::harness::{code, stdout};

#[test]
fn the_agenda_of_chosen_notes_is_one_printable_page() {
    let server = Server::start();
    let cookie = server.login();
    let a = walk_short_case(&server, &cookie, &[("casus.titel", "Eerste casus")]);
    let b = walk_short_case(&server, &cookie, &[("casus.titel", "Tweede casus")]);
    let choose = server.get(&cookie, "/overleg");
    assert!(choose.body.contains(&format!("value=\"{a}\"")));
    let page = server.get(&cookie, &format!("/overleg/agenda?id={b}&id={a}&id={b}"));
    assert_eq!(page.status, 200);
    // The overview, then each chosen case once, in the order chosen.
    assert_eq!(page.body.matches("<article").count(), 3, "{}", page.body);
    let (first, second) = (
        page.body.find("Tweede casus").unwrap(),
        page.body.rfind("Eerste casus").unwrap(),
    );
    assert!(first < second);
    // The overview's six columns are a card per case on a phone: every
    // cell says its column's name ("middel" over "en" was the table's).
    assert!(
        page.body.contains("<table class=\"wide\">")
            && page.body.contains("data-label=\"vraag aan het team\""),
        "{}",
        page.body
    );
    assert!(
        page.header("content-security-policy")
            .unwrap()
            .contains("script-src 'self'")
    );
}

#[test]
fn the_bundle_page_and_its_files_say_what_the_terminal_says() {
    let server = Server::start();
    let cookie = server.login();
    walk_short_case(&server, &cookie, &[("casus.titel", "Voor de bundel")]);
    let page = server.get(&cookie, "/bundel");
    assert_eq!(page.status, 200);
    let csv = server.get(&cookie, "/bundel/csv");
    assert_eq!(csv.status, 200);
    assert!(
        csv.header("content-disposition")
            .unwrap()
            .starts_with("attachment;")
    );
    let out = server.env.run(&["bundle", "--format", "csv"]);
    assert_eq!(code(&out), 0);
    assert_eq!(csv.body, stdout(&out));
    let json = server.get(&cookie, "/bundel/json");
    let out = server.env.run(&["bundle", "--format", "json"]);
    assert_eq!(json.body, stdout(&out));
}

#[test]
fn the_page_for_the_person_is_the_one_export_makes_or_says_which_words_stop_it() {
    let env = crate::harness::Env::new();
    for (key, value) in [("team", "Buurtteam Noord"), ("telefoon", "020 123 45 67")] {
        assert_eq!(code(&env.run(&["config", "set", key, value])), 0);
    }
    let id = env.new_note(crate::harness::FULL);
    let labelled = env.new_note(&crate::harness::FULL.replace(
        "Samen de post sorteren;",
        "Samen de post sorteren, al is ze een zorgmijder;",
    ));
    let numbered = env.new_note_with(
        &crate::harness::FULL.replace(
            "Samen de post sorteren;",
            "Samen de post sorteren, bel 06-12345678;",
        ),
        &["--allow-personal-data"],
    );
    let out = env.run(&["export", &id, "--voor-persoon", "--format", "html"]);
    assert_eq!(code(&out), 0);
    let exported = stdout(&out);
    let server = Server::start_in(env, &[]);
    let cookie = server.login();
    let note = server.get(&cookie, &format!("/notitie/{id}"));
    assert!(
        note.body
            .contains(&format!("href=\"/notitie/{id}/persoon\"")),
        "{}",
        note.body
    );
    let page = server.get(&cookie, &format!("/notitie/{id}/persoon"));
    assert_eq!(page.status, 200);
    let article = |html: &str| {
        let start = html.find("<article class=\"person\"").expect(html);
        let end = html[start..].find("</article>").expect(html) + start;
        html[start..end].to_string()
    };
    assert_eq!(article(&page.body), article(&exported), "the same page");
    assert!(page.body.contains("id=\"afdrukken\""));
    assert!(!page.body.contains("persoonsgegevens"));
    // The guard warns of what the page shows, as the terminal does.
    let warned = server.get(&cookie, &format!("/notitie/{numbered}/persoon"));
    assert_eq!(warned.status, 200);
    assert!(
        warned.body.contains(&format!(
            "notitie {numbered} bevat wat op persoonsgegevens lijkt"
        )),
        "{}",
        warned.body
    );
    let refused = server.get(&cookie, &format!("/notitie/{labelled}/persoon"));
    assert_eq!(refused.status, 422);
    for said in [
        "de pagina voor de persoon is niet gemaakt",
        "(casus.oplossing): 'zorgmijder' plakt een etiket op de persoon.",
    ] {
        assert!(refused.body.contains(said), "{said}\n{}", refused.body);
    }
}
