//! Notes, outcome logs and a draft written by release 2 (note format 2,
//! question set version 2, outcome questions version 1) keep their
//! meaning: the real files in fixtures/format2 are read by today's binary
//! and compared with what release 2 printed for them (fixtures/format2/
//! expected). Where today's release legitimately says more or says it in
//! another shape, each test says what it compares.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::format1::said;
use crate::harness::{Env, code, stderr, stdout};

/// qxecqm short, xtvyh8 its revision, jvyy4k full with a corrected log,
/// htt9a8 English.
pub const IDS: [&str; 4] = ["qxecqm", "xtvyh8", "jvyy4k", "htt9a8"];
const DRAFT: &str = "9f9kc9";
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli/fixtures/format2");

/// A store holding the four release-2 notes and the draft, byte for byte.
pub fn store_with_format2() -> Env {
    store_with(DIR, &IDS, &[DRAFT])
}

/// A store holding the notes `ids` and the drafts of the fixtures in
/// `dir` (its `notes/` and `drafts/`), byte for byte.
pub fn store_with(dir: &str, ids: &[&str], drafts_kept: &[&str]) -> Env {
    let env = Env::new();
    let notes = env.notes_dir();
    let store = notes.parent().unwrap().to_path_buf();
    let drafts = store.join("drafts");
    for dir in [&store, &notes, &drafts] {
        fs::create_dir_all(dir).unwrap();
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).unwrap();
    }
    let copy = |from: String, to: std::path::PathBuf| {
        fs::copy(from, &to).unwrap();
        fs::set_permissions(&to, fs::Permissions::from_mode(0o600)).unwrap();
    };
    for id in ids {
        copy(format!("{dir}/notes/{id}.toml"), env.note_path(id));
    }
    for draft in drafts_kept {
        copy(
            format!("{dir}/drafts/{draft}.toml"),
            drafts.join(format!("{draft}.toml")),
        );
    }
    env
}

fn expected(name: &str) -> String {
    fs::read_to_string(format!("{DIR}/expected/{name}")).unwrap()
}

pub fn ok(env: &Env, args: &[&str]) -> String {
    let out = env.run(args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// A note's JSON as release 2 wrote it, read with the mapping of the
/// outcome questions of version 2 (README, "Outcome logs of version 1"):
/// the one role an entry asked becomes a list of one. Nothing else moves.
pub fn asked_as_list(mut note: serde_json::Value) -> serde_json::Value {
    let log = note.get_mut("outcomes").and_then(|l| l.as_array_mut());
    for entry in log.into_iter().flatten() {
        if let Some(role) = entry.get("asked").filter(|a| a.is_string()).cloned() {
            entry["asked"] = serde_json::Value::Array(vec![role]);
        }
    }
    note
}

#[test]
fn list_reads_release_2_notes_exactly_as_release_2_did() {
    let env = store_with_format2();
    assert_eq!(
        json(&ok(&env, &["list", "--format", "json"])),
        json(&expected("list.json"))
    );
    assert_eq!(ok(&env, &["list"]), expected("list.txt"));
    assert_eq!(ok(&env, &["list", "--group"]), expected("list-group.txt"));
}

/// Every line release 2 printed for `args` is still printed.
pub fn still_says(env: &Env, args: &[&str], then: &str) {
    still_says_but(env, args, then, |_| false);
}

/// Every line release 2 printed for `args` is still printed, except the
/// lines `changed` names.
pub fn still_says_but(env: &Env, args: &[&str], then: &str, changed: impl Fn(&str) -> bool) {
    let now = said(&ok(env, args));
    for line in said(then).into_iter().filter(|l| !changed(l)) {
        assert!(now.contains(&line), "{args:?}: {line:?} is gone");
    }
}

/// What a note says in another shape since release 2: the verdicts stand
/// once, in the front's table (no list of the three before it, and no
/// empty reasoning column when no verdict has a reason; the law section's
/// heading goes when all its answers moved into the front); and the
/// sentence on a missing contrast profile holds no command (`show` says
/// the command apart, with the note's id). The Markdown on standard output
/// (no SVG beside it) leaves out the triangle's heading, which now stands
/// over its drawing only.
pub fn said_once_now(line: &str) -> bool {
    let list = ["De drie oordelen", "The three verdicts", "wet: ", "law: "];
    let verdict_row = [
        "Mag het van de wet?",
        "Gaan we handig om met publieke middelen?",
        "Draagt het bij aan zelfregie?",
        "Is it allowed by law?",
        "Is it a sensible use of public money?",
        "Does it support self-direction?",
    ]
    .iter()
    .any(|q| line.starts_with(&format!("| {q} |")) && line.ends_with("| |"));
    list.iter()
        .any(|l| line.trim_start_matches('*').starts_with(l))
        || line.contains("driehoek edit ID")
        || ["Vraag Oordeel Toelichting", "Question Verdict Reasoning"].contains(&line)
        || verdict_row
        || line.ends_with("| Toelichting |")
        || line.ends_with("| Reasoning |")
        || line == "|---|---|---|"
        || ["Mag het van de wet?", "## Mag het van de wet?"].contains(&line)
        || ["## De waardendriehoek", "## The value triangle"].contains(&line)
}

#[test]
fn show_and_export_say_what_release_2_said() {
    let env = store_with_format2();
    for id in IDS {
        let (show, export) = (format!("show-{id}.txt"), format!("export-{id}.md"));
        still_says_but(&env, &["show", id], &expected(&show), said_once_now);
        still_says_but(&env, &["export", id], &expected(&export), said_once_now);
        let old = in_set_3(asked_as_list(json(&expected(&format!("export-{id}.json")))));
        let new = json(&ok(&env, &["export", id, "--format", "json"]));
        assert_eq!(old, new, "{id}");
    }
    still_says_but(
        &env,
        &["--lang", "en", "show", "htt9a8"],
        &expected("show-htt9a8-en.txt"),
        said_once_now,
    );
}

/// `text` without the sections whose headings `sections` names (a heading
/// is a line underlined with `─`): what a report says in another shape now.
fn without_sections(text: &str, sections: &[&str]) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let heading = |i: usize| {
        lines
            .get(i + 1)
            .is_some_and(|next| !next.is_empty() && next.chars().all(|c| c == '─'))
    };
    let mut skipping = false;
    let mut kept = String::new();
    for (i, line) in lines.iter().enumerate() {
        if heading(i) {
            skipping = sections.contains(line);
        }
        if !skipping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

/// Release 2 summed costs per year; today every case is compared over one
/// horizon. What these notes cost over 3 years, by hand from their
/// amounts: the rule lines' rows (no rule, beleidsregel, werkinstructie)
/// as (current, proposed, saving) in cents, then all of them.
const OVER_THREE_YEARS: [[i64; 3]; 4] = [
    // 9 000 a year; 1 200,50 once.
    [2_700_000, 120_050, 2_579_950],
    // 62 000 a year; 18 500,25 a year.
    [18_600_000, 5_550_075, 13_049_925],
    // 14 400 a year; 5 000 over 3 years.
    [4_320_000, 500_000, 3_820_000],
    [25_620_000, 6_170_125, 19_449_875],
];

/// The costs over the horizon are as [`OVER_THREE_YEARS`] says; the
/// rest without them, to compare with what release 2 said.
fn costs_over_three_years(mut v: serde_json::Value) -> serde_json::Value {
    let keys = ["cost_current", "cost_proposed", "saving"];
    let figures = |v: &serde_json::Value| keys.map(|k| v[k].as_i64().unwrap());
    for (row, expected) in v["rules"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .zip(OVER_THREE_YEARS)
    {
        assert_eq!(figures(row), expected, "{row}");
        let row = row.as_object_mut().unwrap();
        for key in keys
            .iter()
            .chain(&["cost_current_yearly", "cost_proposed_yearly"])
        {
            row.remove(*key);
        }
    }
    assert_eq!(v["horizon_years"], 3);
    assert_eq!(figures(&v), OVER_THREE_YEARS[3]);
    v
}

/// Release 2's JSON without its yearly sums, to compare with today's.
fn without_yearly_sums(mut v: serde_json::Value) -> serde_json::Value {
    for row in v["rules"].as_array_mut().unwrap() {
        let row = row.as_object_mut().unwrap();
        row.remove("cost_current_yearly");
        row.remove("cost_proposed_yearly");
    }
    let all = v.as_object_mut().unwrap();
    for key in [
        "cost_current_yearly",
        "cost_proposed_once",
        "cost_proposed_yearly",
    ] {
        all.remove(key);
    }
    v
}

/// Release 2 counted no payer and no saver; today each rule names them.
/// These notes name none: jvyy4k's "wie betaalt, en wie bespaart?"
/// (`middelen.betaler_voorstel`) mixed the two and counts as neither, and
/// a version-1 export holds neither. The rest as release 2 said it.
fn nobody_pays_or_saves(mut v: serde_json::Value) -> serde_json::Value {
    for row in v["rules"].as_array_mut().unwrap() {
        let row = row.as_object_mut().unwrap();
        for key in ["payers", "savers"] {
            assert_eq!(row.remove(key), Some(serde_json::json!([])), "{key}");
        }
    }
    v
}

/// Release 2 made a row per rule and set of blockers; today a rule is one
/// row, each blocker counted in it. Each of these notes names another
/// rule, so the rows are the same but for how the blockers are said: as a
/// set of values here.
fn blockers_as_sets(mut v: serde_json::Value) -> serde_json::Value {
    for row in v["rules"].as_array_mut().unwrap() {
        let row = row.as_object_mut().unwrap();
        let mut keys: Vec<String> = row["blocker_keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_string())
            .collect();
        keys.sort();
        row.insert("blocker_keys".into(), keys.into());
        row.remove("blocker");
        row.remove("blockers");
    }
    v
}

/// What release 2 said, read with question set 3: the free-text signal
/// is the signal's note (the same text under the same question as asked),
/// and Stam's row 5 is labelled as the report words it ("gefragmenteerd",
/// "samen"); the counts stay the same.
fn in_set_3(mut old: serde_json::Value) -> serde_json::Value {
    for a in old["answers"].as_array_mut().into_iter().flatten() {
        if a["id"] == "vervolg.signaal" {
            a["id"] = "vervolg.signaal_notitie".into();
        }
    }
    old
}

fn row_5_as_in_set_3(said: &str) -> String {
    said.replace(
        "van buitenaf, bovenaf, specialistisch ↔ van binnenuit, onderaf, sociaal",
        "van buitenaf, bovenaf, gefragmenteerd ↔ van binnenuit, onderaf en samen",
    )
    .replace(
        "from outside, above, specialist ↔ from inside, below, social",
        "from outside, above, fragmented ↔ from inside, below and together",
    )
}

/// The same, and the contrast rows' poles as set 3 names them: an
/// anonymous record carries no labels, the set gives them.
fn poles_as_in_set_3(said: &str) -> String {
    row_5_as_in_set_3(said)
        .replace(
            "buiten/boven, specialistisch ↔ binnen/onder, samen, sociaal",
            "buiten/boven, gefragmenteerd ↔ binnen/onder, samen",
        )
        .replace(
            "outside/above, specialist ↔ inside/below, together, social",
            "outside/above, fragmented ↔ inside/below, together",
        )
}

#[test]
fn bundle_and_compare_count_release_2_notes_as_release_2_did() {
    let env = store_with_format2();
    let per_rule = ["Per regel", "Kosten per regel", "Kosten"];
    still_says(
        &env,
        &["bundle"],
        &without_sections(&row_5_as_in_set_3(&expected("bundle.txt")), &per_rule),
    );
    let now = json(&ok(&env, &["bundle", "--format", "json"]));
    let then = json(&row_5_as_in_set_3(&expected("bundle.json")));
    for row in now["rules"].as_array().unwrap() {
        let named = row["blockers"].as_array().unwrap();
        assert!(named.iter().all(|b| b["cases"] == 1), "{row}");
    }
    let mut now = costs_over_three_years(blockers_as_sets(nobody_pays_or_saves(now)));
    for key in ["horizon_years", "cost_current", "cost_proposed", "saving"] {
        now.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(now, without_yearly_sums(blockers_as_sets(then)));
    still_says(
        &env,
        &["compare", "qxecqm", "xtvyh8"],
        &expected("compare-qxecqm-xtvyh8.txt"),
    );
}

#[test]
fn a_release_2_anonymous_export_still_bundles_as_it_did() {
    let env = Env::new();
    let file = format!("{DIR}/expected/anoniem.json");
    still_says(
        &env,
        &["bundle", "--from", &file],
        &without_sections(
            &poles_as_in_set_3(&expected("bundle-from-anoniem.txt")),
            &["Per regel", "Kosten per regel", "Kosten"],
        ),
    );
    let now = json(&ok(&env, &["bundle", "--from", &file, "--format", "json"]));
    let now = costs_over_three_years(blockers_as_sets(nobody_pays_or_saves(now)));
    let then = without_yearly_sums(blockers_as_sets(json(&row_5_as_in_set_3(&expected(
        "bundle.json",
    )))));
    assert_eq!(now["rules"], then["rules"]);
}

#[test]
fn a_release_2_draft_is_listed_as_release_2_listed_it() {
    let env = store_with_format2();
    assert_eq!(ok(&env, &["drafts"]), expected("drafts.txt"));
}

#[test]
fn upgrade_carries_release_2_answers_into_question_set_3() {
    let env = store_with_format2();
    let show_before = ok(&env, &["show", "jvyy4k"]);
    let out = env.run(&["upgrade", "--dry-run"]);
    let plan = stdout(&out);
    assert!(plan.contains("jvyy4k"), "{plan}");
    assert!(
        plan.contains("het signaal als vrije tekst staat nu bij de toelichting op het signaal"),
        "{plan}"
    );
    let out = env.run(&["upgrade", "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let note: toml::Table =
        toml::from_str(&fs::read_to_string(env.note_path("jvyy4k")).unwrap()).unwrap();
    let entry = |id: &str| {
        note["answers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"].as_str() == Some(id))
            .cloned()
    };
    // The free-text signal is the signal's note, under its question as asked;
    // whether a signal is needed stays open.
    let moved = entry("vervolg.signaal_notitie").unwrap();
    assert_eq!(
        moved["question"].as_str(),
        Some("Welke regel zou moeten veranderen, en wie moet dit signaal horen?")
    );
    assert!(
        moved["value"]
            .as_str()
            .unwrap()
            .starts_with("Beleidsregel logeeropvang Jeugd")
    );
    assert!(entry("vervolg.signaal").is_none());
    // What set 3 cannot map is kept as it was.
    for id in ["casus.blokkade", "middelen.betaler_voorstel"] {
        assert!(entry(id).is_some(), "{id}");
    }
    assert_eq!(note["set_version"].as_integer(), Some(2));
    // The note says what it said; a second run finds nothing to do.
    let show_after = ok(&env, &["show", "jvyy4k"]);
    assert_eq!(show_after, show_before);
    let again = env.run(&["upgrade", "--yes"]);
    assert_eq!(code(&again), 0, "{}", stderr(&again));
    assert!(!stdout(&again).contains("jvyy4k"), "{}", stdout(&again));
}
