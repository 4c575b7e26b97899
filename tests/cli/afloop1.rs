//! Outcome logs written by the outcome questions of version 1 (the
//! release of 6 December 2026, note format 2) keep their meaning: the real
//! notes in fixtures/afloop1 are read by today's binary and compared with
//! what that release printed for them (fixtures/afloop1/expected).

use crate::format2::{json, ok, still_says, still_says_but, store_with};
use crate::harness::Env;

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

#[test]
fn a_version_1_log_shows_and_exports_as_that_release_showed_it() {
    let env = store();
    for id in IDS {
        // The hint names the Dutch command now (bewerk, once edit).
        still_says_but(
            &env,
            &["show", id],
            &expected(&format!("show-{id}.txt")),
            |l| l.starts_with("De rijen plaatsen: driehoek edit"),
        );
        still_says(&env, &["export", id], &expected(&format!("export-{id}.md")));
        let old = json(&expected(&format!("export-{id}.json")));
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
