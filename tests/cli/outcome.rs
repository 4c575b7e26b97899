//! The outcome log (`afloop`): entries appended after the discussion,
//! the status they give a note, and how list, show and export show them.

use crate::harness::{Env, FULL, code, stderr, stdout};

fn entry(env: &Env, name: &str, body: &str) -> String {
    let text = format!("set = \"afloop\"\n[afloop]\n{body}");
    env.file(name, &text).to_str().unwrap().to_string()
}

fn list_json(env: &Env, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["list", "--format", "json"];
    args.extend_from_slice(extra);
    let out = env.run(&args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    serde_json::from_str::<serde_json::Value>(&stdout(&out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn the_template_is_an_entry_file_with_roles_never_names() {
    let env = Env::new();
    let out = env.run(&["afloop", "--template"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let t = stdout(&out);
    assert!(t.contains("set = \"afloop\""), "{t}");
    assert!(t.contains("driehoek afloop ID --uit"), "{t}");
    for key in [
        "datum",
        "advies",
        "gevraagd",
        "besluit",
        "besluit_datum",
        "daarna",
        "persoon_zegt",
    ] {
        assert!(t.contains(&format!("\n{key} = ")), "{key} missing");
    }
    assert!(
        t.contains("\"doorbraak\"") && t.contains("\"wethouder\""),
        "{t}"
    );
    // The empty template itself is valid TOML.
    toml::from_str::<toml::Value>(&t).unwrap();
    let en = stdout(&env.run(&["--lang", "en", "outcome", "--template"]));
    assert!(en.contains("driehoek outcome ID --from"), "{en}");
}

#[test]
fn entries_give_a_status_and_the_days_to_the_first_decision() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let created = list_json(&env, &[])[0]["created"]
        .as_str()
        .unwrap()
        .to_string();
    let day: jiff::civil::Date = created[..10].parse().unwrap();
    let row = &list_json(&env, &[])[0];
    assert_eq!(row["status"], "open");
    assert!(row["days_to_decision"].is_null());

    let advice = entry(
        &env,
        "e1.toml",
        "advies = \"Leg het voor aan de teamleider.\"\ngevraagd = \"teamleider\"\nbesluit = \"loopt_nog\"\n",
    );
    let out = env.run(&["afloop", &id, "--from", &advice]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Verslag 1 toegevoegd"),
        "{}",
        stderr(&out)
    );
    assert_eq!(list_json(&env, &[])[0]["status"], "open");

    let decided = day.checked_add(jiff::Span::new().days(12)).unwrap();
    let decision = entry(
        &env,
        "e2.toml",
        &format!(
            "besluit = \"deels\"\nbesluit_datum = \"{}\"\n",
            decided.strftime("%-d-%-m-%Y")
        ),
    );
    // Added on the day of the decision: an entry names no day after today.
    let out = env
        .cmd()
        .env("DRIEHOEK_TODAY", decided.strftime("%-d-%-m-%Y").to_string())
        .args(["outcome", &id, "--from", &decision])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let row = &list_json(&env, &[])[0];
    assert_eq!(row["status"], "besloten");
    assert_eq!(row["days_to_decision"], 12);

    let after = entry(
        &env,
        "e3.toml",
        "daarna = \"De hulp is gestart.\"\npersoon_zegt = \"Eindelijk iemand die luistert.\"\n",
    );
    assert_eq!(code(&env.run(&["afloop", &id, "--from", &after])), 0);
    assert_eq!(list_json(&env, &[])[0]["status"], "uitgevoerd");

    // The filter, and the column in the table.
    assert_eq!(list_json(&env, &["--status", "uitgevoerd"]).len(), 1);
    assert!(list_json(&env, &["--status", "open"]).is_empty());
    let out = env.run(&["list", "--status", "misschien"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn show_and_export_tell_the_log_as_a_timeline_and_corrections_keep_the_old_entry() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let first = entry(
        &env,
        "e1.toml",
        "datum = \"3-12-2026\"\ngevraagd = \"doorbraak\"\nbesluit = \"toegekend\"\nbesluit_datum = \"2026-12-05\"\n",
    );
    assert_eq!(code(&env.run(&["afloop", &id, "--from", &first])), 0);
    let note_before = std::fs::read_to_string(env.note_path(&id)).unwrap();
    let fix = entry(
        &env,
        "e2.toml",
        "datum = \"4-12-2026\"\nbesluit = \"afgewezen\"\n",
    );
    let out = env.run(&["afloop", &id, "--from", &fix, "--corrigeert", "1"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // Appended, never rewritten: the first entry is still there as it was.
    let note: toml::Value =
        toml::from_str(&std::fs::read_to_string(env.note_path(&id)).unwrap()).unwrap();
    let log = note["outcomes"].as_array().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["decision"].as_str(), Some("toegekend"));
    assert_eq!(log[1]["corrects"].as_integer(), Some(1));
    let before: toml::Value = toml::from_str(&note_before).unwrap();
    assert_eq!(before["outcomes"].as_array().unwrap()[0], log[0]);
    // and the note as it was before the entry is kept in its history
    let history = stdout(&env.run(&["history", &id]));
    assert!(history.lines().count() >= 3, "{history}");

    let shown = stdout(&env.run(&["show", &id]));
    for part in [
        "Afloop",
        "stand: besloten",
        "Verslag 1 · 3 dec. 2026 (gecorrigeerd door verslag 2)",
        "Voorgelegd aan: doorbraakoverleg of doorbraakteam",
        "Besluit: toegekend (5 dec. 2026)",
        "Verslag 2 · 4 dec. 2026 (corrigeert verslag 1)",
        "Besluit: afgewezen (4 dec. 2026)",
    ] {
        assert!(shown.contains(part), "{part:?} not in\n{shown}");
    }
    let md = stdout(&env.run(&["export", &id]));
    assert!(
        md.contains("Verslag 2 · 4 dec. 2026 (corrigeert verslag 1)"),
        "{md}"
    );
    let en = stdout(&env.run(&["--lang", "en", "show", &id]));
    assert!(
        en.contains("Entry 1 · 3 Dec 2026 (corrected by entry 2)"),
        "{en}"
    );
    assert!(en.contains("Decision: refused (4 Dec 2026)"), "{en}");
}

#[test]
fn a_bad_entry_changes_nothing_and_says_what_and_where() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let before = std::fs::read(env.note_path(&id)).unwrap();
    let cases: [(&str, &[&str], &str); 6] = [
        (
            "datum = \"31-2-2026\"\nbesluit = \"misschien\"\n",
            &[],
            "bad.toml:3:9",
        ),
        ("datum = \"1-12-2026\"\n", &[], "zegt niets"),
        (
            "besluit = \"toegekend\"\n",
            &["--corrects", "1"],
            "nog geen afloopverslagen",
        ),
        (
            "advies = \"Bel 06-12345678 of mail a.b@voorbeeld.nl\"\n",
            &[],
            "telefoonnummer",
        ),
        ("gevraagd = \"mevrouw De Vries\"\n", &[], "geen keuze"),
        ("onzin = \"x\"\n", &[], "onbekende vraag"),
    ];
    for (body, extra, says) in cases {
        let path = entry(&env, "bad.toml", body);
        let mut args = vec!["afloop", id.as_str(), "--from", path.as_str()];
        args.extend_from_slice(extra);
        let out = env.run(&args);
        assert_eq!(code(&out), 2, "{body}");
        assert!(stderr(&out).contains(says), "{body}: {}", stderr(&out));
        assert_eq!(std::fs::read(env.note_path(&id)).unwrap(), before, "{body}");
    }
    // An unknown note, and no id at all.
    assert_eq!(code(&env.run(&["afloop", "zzzz", "--from", "x.toml"])), 2);
    assert_eq!(code(&env.run(&["afloop"])), 2);
    // The walk needs a terminal.
    let out = env
        .cmd()
        .args(["afloop", &id])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn an_edit_in_the_editor_cannot_rewrite_the_log() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let first = entry(&env, "e1.toml", "besluit = \"toegekend\"\n");
    assert_eq!(code(&env.run(&["afloop", &id, "--from", &first])), 0);
    let before = std::fs::read(env.note_path(&id)).unwrap();
    let out = crate::harness::edit_with(
        &env,
        &id,
        "s/decision = \"toegekend\"/decision = \"afgewezen\"/",
    );
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("driehoek afloop"), "{}", stderr(&out));
    assert_eq!(std::fs::read(env.note_path(&id)).unwrap(), before);
    // An edit of the answers keeps the log as it is.
    let out = crate::harness::edit_with(&env, &id, "s/Drie zakken post/Vier zakken post/");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let note: toml::Value =
        toml::from_str(&std::fs::read_to_string(env.note_path(&id)).unwrap()).unwrap();
    assert_eq!(note["title"].as_str(), Some("Vier zakken post"));
    assert_eq!(note["outcomes"].as_array().unwrap().len(), 1);
}

#[test]
fn a_decision_dated_before_its_note_is_said_back() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let slip = entry(
        &env,
        "slip.toml",
        "besluit = \"toegekend\"\nbesluit_datum = \"3-2-2020\"\n",
    );
    let out = env.run(&["afloop", &id, "--from", &slip]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("het besluit is gedateerd op 3 feb. 2020, vóór de notitie")
            && err.contains("--corrigeert"),
        "{err}"
    );
    // A decision on or after the note's day is no slip.
    let fine = entry(&env, "fine.toml", "besluit = \"afgewezen\"\n");
    let out = env.run(&["afloop", &id, "--from", &fine]);
    assert!(
        !stderr(&out).contains("vóór de notitie"),
        "{}",
        stderr(&out)
    );
}
