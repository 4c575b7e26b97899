//! The second round of attacks on what landed for question set 3, the
//! outcome log v2, `signalen` and the page for the person: each test
//! failed on the code before its fix.

use std::fs;

use crate::harness::{Env, FULL, code, stderr, stdout};

/// What steers a terminal and JSON leaves as it is: a C1 CSI, DEL, a bidi
/// override and an isolate (serde escapes ESC and BEL itself).
const C1_AND_BIDI: &str = "\\u009b2J\\u007f\\u202Eesrever\\u2066x\\u2069";

fn steering(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t' && c != '\r')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

#[test]
fn json_into_a_pipe_or_file_holds_no_character_that_steers_a_terminal() {
    let env = Env::new();
    let answers = FULL.replace(
        "Ik durf de post niet meer open te maken.",
        &format!("Ik durf{C1_AND_BIDI} de post niet meer open te maken."),
    );
    let id = env.new_note(&answers);
    // A copied or tampered note: its title holds them too.
    let path = env.note_path(&id);
    let note = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        note.replacen(
            "title = \"Drie zakken post\"",
            &format!("title = \"Drie{C1_AND_BIDI} zakken post\""),
            1,
        ),
    )
    .unwrap();
    for args in [
        vec!["export", &id, "--format", "json"],
        vec!["list", "--format", "json"],
    ] {
        let out = env.run(&args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert_eq!(steering(&text), None, "{args:?}:\n{text}");
        // The same text to a JSON reader: escaped, not dropped.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(value.to_string().contains("\u{9b}2J"), "{args:?}");
        assert!(text.contains("esrever"), "{args:?}");
    }
    let file = env.home.path().join("note.json");
    let out = env.run(&[
        "export",
        &id,
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(steering(&text), None, "{text}");
}

#[test]
fn an_outcome_entry_dated_after_today_is_refused() {
    let env = Env::new();
    let id = env.new_note(FULL);
    for (key, body) in [
        (
            "besluit_datum",
            "besluit = \"toegekend\"\nbesluit_datum = \"31-12-2099\"\n",
        ),
        (
            "signaal_verstuurd",
            "signaal = [\"verstuurd\"]\nsignaal_verstuurd = \"1-1-2099\"\nsignaal_aan = [\"beleid\"]\nsignaal_eigenaar = \"maatwerkcoach\"\n",
        ),
        ("datum", "datum = \"1-1-2099\"\nadvies = \"Doen.\"\n"),
    ] {
        let file = env.file(
            "afloop.toml",
            &format!("set = \"afloop\"\n[afloop]\n{body}"),
        );
        let out = env.run(&["afloop", &id, "--uit", file.to_str().unwrap()]);
        assert_eq!(code(&out), 2, "{key}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("[afloop.{key}]"))
                && stderr(&out).contains("ligt na vandaag"),
            "{key}: {}",
            stderr(&out)
        );
    }
    // Nothing was added: signalen counts no signal sent in 2099 (it
    // counted -26 324 days in CSV and JSON, and 0 days in the table).
    let show = env.run(&["show", &id]);
    assert!(!stdout(&show).contains("Verslag 1"), "{}", stdout(&show));
    let csv = env.run(&["signalen", "--formaat", "csv"]);
    assert!(!stdout(&csv).contains("2099"), "{}", stdout(&csv));
}

/// The team's settings a page for the person needs.
fn with_team(env: &Env) {
    for (key, value) in [("team", "Buurtteam Noord"), ("telefoon", "020 123 45 67")] {
        let out = env.run(&["config", "set", key, value]);
        assert_eq!(code(&out), 0, "{key}: {}", stderr(&out));
    }
}

#[test]
fn the_page_for_the_person_shows_no_label_denied_hyphenated_or_hidden() {
    let env = Env::new();
    with_team(&env);
    // Each in the wish, the person's own words, or the plan, as a worker
    // or a pasted text writes it; each was put in front of the person.
    let wish = "Over een jaar weer rust, en zelf mijn post bijhouden.";
    let plan = "Samen de post sorteren; de schuldeisers tijdelijk laten wachten.";
    for (place, label) in [
        (wish, "geen zorgmijder meer"),
        (wish, "niet ongemotiveerd"),
        (plan, "ze is geen zorgmijder"),
        (wish, "zorg-mijder"),
        (plan, "niet-gemotiveerd"),
        (plan, "zorg\\u00admijder"),
        (plan, "zorg\\u200bmijder"),
        (plan, "zorg\\u2060mijder"),
        (wish, "ｚｏｒｇｍｉｊｄｅｒ"),
        (plan, "zorgm\\u0133der"),
        (plan, "zorgmi\\u0301jder"),
        (plan, "zórgmijder"),
    ] {
        let answers = FULL.replace(place, &format!("{label}, {place}"));
        assert_ne!(answers, FULL);
        let id = env.new_note(&answers);
        let out = env.run(&["export", &id, "--voor-persoon"]);
        assert_eq!(
            code(&out),
            2,
            "{label}: the page was made:\n{}",
            stdout(&out)
        );
        assert!(
            stderr(&out).contains("woorden in die de persoon niet hoort"),
            "{label}: {}",
            stderr(&out)
        );
    }
    // What is no label stays: a page is still made.
    let id = env.new_note(&FULL.replace(wish, &format!("Geen gedoe meer, {wish}")));
    let out = env.run(&["export", &id, "--voor-persoon"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn the_page_for_the_person_shows_no_name_from_the_list() {
    let env = Env::new();
    with_team(&env);
    let out = env.run(&["config", "names", "add", "Jansen"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let answers = FULL
        .replace("Samen de post", "Samen met buurman Jansen de post")
        .replace("Als iemand naast me zit", "Als Pietje Jansens naast me zit");
    let id = env.new_note_with(&answers, &["--allow-personal-data"]);
    let out = env.run(&["export", &id, "--voor-persoon"]);
    assert_eq!(code(&out), 2, "the page was made:\n{}", stdout(&out));
    assert!(!stdout(&out).contains("Jansen"), "{}", stdout(&out));
    for (question, word) in [
        ("casus.oplossing", "'Jansen' is een naam uit je lijst"),
        (
            "casus.persoon_over_voorstel",
            "'Jansens' is een naam uit je lijst",
        ),
    ] {
        assert!(
            stderr(&out).contains(question) && stderr(&out).contains(word),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn a_horizon_off_its_range_is_refused_in_dutch() {
    let env = Env::new();
    for value in ["0", "51", "99999999999", "drie"] {
        let out = env.run(&["bundel", "--jaren", value]);
        assert_eq!(code(&out), 2, "{value}");
        assert!(
            stderr(&out).contains("kies een getal van 1 tot en met 50")
                && !stderr(&out).contains("is not in"),
            "{value}: {}",
            stderr(&out)
        );
    }
    let out = env.run(&["bundel", "--jaren", "5"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn an_edit_is_refused_for_the_personal_data_it_adds_not_for_what_the_outcome_log_holds() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let entry = env.file(
        "afloop.toml",
        "set = \"afloop\"\n[afloop]\nadvies = \"bsn 111222333\"\n",
    );
    let out = env.run(&[
        "afloop",
        &id,
        "--uit",
        entry.to_str().unwrap(),
        "--persoonsgegevens-toestaan",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The entry cannot be edited; an edit of the note is not refused for it.
    let out = crate::harness::edit_with(&env, &id, "s/Samen de post/Samen alle post/");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        fs::read_to_string(env.note_path(&id))
            .unwrap()
            .contains("Samen alle post")
    );
    // A number the edit adds is still refused.
    let out = crate::harness::edit_with(&env, &id, "s/Samen alle post/Samen bsn 123456782/");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("BSN: 123456782"), "{}", stderr(&out));
}

#[test]
fn an_empty_or_pasted_id_is_said_back_short() {
    let env = Env::new();
    env.new_note(FULL);
    let out = env.run(&["show", ""]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("noem een notitie") && err.contains("driehoek lijst"),
        "{err}"
    );
    let pasted = "a".repeat(100_000);
    let out = env.run(&["show", &pasted]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).len() < 1_000, "{} bytes", stderr(&out).len());
}
