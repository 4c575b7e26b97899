//! Outcome logs written by the outcome questions of version 1 (the
//! release of 6 December 2026, note format 2) keep their meaning: the real
//! notes in fixtures/afloop1 are read by today's binary and compared with
//! what that release printed for them (fixtures/afloop1/expected).

use crate::format2::{asked_as_list, json, ok, still_says, still_says_but, store_with};
use crate::harness::{Env, stderr};

/// re59gh: Dutch, a log of six entries (every role but two asked, every
/// decision, a correction, what happened afterwards); dne7nn: English, two
/// entries (doorbraak, another organisation).
const IDS: [&str; 2] = ["re59gh", "dne7nn"];
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli/fixtures/afloop1");

fn store() -> Env {
    store_with(DIR, &IDS, &[])
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/expected/{name}")).unwrap()
}

#[test]
fn the_status_and_days_of_version_1_logs_are_as_that_release_gave_them() {
    let env = store();
    assert_eq!(
        json(&ok(&env, &["list", "--format", "json"])),
        json(&expected("list.json"))
    );
    still_says(&env, &["list"], &expected("list.txt"));
}

/// Every line that release printed for `show ID` is still printed.
fn shows_as_it_did(env: &Env, id: &str) {
    // The hint names the Dutch command now (bewerk, once edit).
    still_says_but(
        env,
        &["show", id],
        &expected(&format!("show-{id}.txt")),
        |l| l.starts_with("De rijen plaatsen: driehoek edit"),
    );
}

#[test]
fn a_version_1_log_shows_and_exports_as_that_release_showed_it() {
    let env = store();
    for id in IDS {
        shows_as_it_did(&env, id);
        still_says(&env, &["export", id], &expected(&format!("export-{id}.md")));
        let old = asked_as_list(json(&expected(&format!("export-{id}.json"))));
        let new = json(&ok(&env, &["export", id, "--format", "json"]));
        assert_eq!(old, new, "{id}");
    }
    still_says(
        &env,
        &["--lang", "en", "show", "dne7nn"],
        &expected("show-dne7nn-en.txt"),
    );
}

/// What a bundle says of the outcomes: the decisions that hold, the
/// median days, and per rule the cases, break-throughs and refusals.
fn outcome_counts(bundle: &serde_json::Value) -> serde_json::Value {
    let rules: Vec<_> = bundle["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["cases"].clone(),
                r["broke_through"].clone(),
                r["refused"].clone(),
            )
        })
        .collect();
    serde_json::json!({
        "decisions": bundle["decisions"],
        "median": bundle["median_days_to_decision"],
        "cases": bundle["cases"],
        "rules": rules,
    })
}

#[test]
fn a_version_1_log_bundles_as_it_did() {
    let env = store();
    assert_eq!(
        outcome_counts(&json(&ok(&env, &["bundle", "--format", "json"]))),
        outcome_counts(&json(&expected("bundle.json")))
    );
    let file = format!("{DIR}/expected/anoniem.json");
    let from = ok(
        &Env::new(),
        &["bundle", "--from", &file, "--format", "json"],
    );
    assert_eq!(
        outcome_counts(&json(&from)),
        outcome_counts(&json(&expected("bundle.json")))
    );
}

#[test]
fn upgrade_writes_a_version_1_log_as_lists_of_one_and_its_meaning_stays() {
    let env = store();
    let dry = ok(&env, &["upgrade", "--dry-run"]);
    for id in IDS {
        assert!(dry.contains(id), "{dry}");
    }
    assert!(
        dry.contains("het ene antwoord wordt een lijst van één"),
        "{dry}"
    );
    let before = fs_text(&env, "re59gh");
    assert_eq!(fs_text(&env, "re59gh"), before, "a dry run writes nothing");
    ok(&env, &["upgrade", "--yes"]);
    let after = fs_text(&env, "re59gh");
    assert!(after.contains("asked = [\"teamleider\"]"), "{after}");
    assert!(!after.contains("asked = \"teamleider\""), "{after}");
    // Done once: nothing is left to do, and the notes read as before.
    let again = env.run(&["upgrade", "--dry-run"]);
    assert!(
        stderr(&again).contains("niets bij te werken"),
        "{}",
        stderr(&again)
    );
    for id in IDS {
        shows_as_it_did(&env, id);
        let old = asked_as_list(json(&expected(&format!("export-{id}.json"))));
        let mut new = json(&ok(&env, &["export", id, "--format", "json"]));
        // The upgrade is an edit: only `updated` moves, and the file
        // says format 3 (its outcome entries' `asked` is a list).
        assert_eq!(new["format"], 3, "{id}");
        new["updated"] = old["updated"].clone();
        new["format"] = old["format"].clone();
        assert_eq!(old, new, "{id}");
    }
    assert_eq!(
        json(&ok(&env, &["list", "--format", "json"]))
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["status"].clone(), n["days_to_decision"].clone()))
            .collect::<Vec<_>>(),
        json(&expected("list.json"))
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["status"].clone(), n["days_to_decision"].clone()))
            .collect::<Vec<_>>()
    );
}

fn fs_text(env: &Env, id: &str) -> String {
    std::fs::read_to_string(env.note_path(id)).unwrap()
}
