//! The versions of one case (issue 20): a case is its first note, every
//! revision carries it, and no delete, fork or loop of `revises` changes
//! how many cases there are or makes a note disappear.

use std::fs;
use std::path::PathBuf;

use crate::harness::{Env, code, edit_with, stderr, stdout, with_rule};

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn revise(env: &Env, id: &str, cost: u32) -> String {
    let answers = with_rule("eigen bijdrage", "verordening", cost);
    env.new_note_with(&answers, &["--revises", id])
}

fn cases(env: &Env) -> serde_json::Value {
    let out = env.run(&["bundle", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    json(&stdout(&out))["cases"].clone()
}

/// The cases the store's own anonymous export bundles to.
fn exported_cases(env: &Env) -> serde_json::Value {
    let file = env.home.path().join("anoniem.json");
    let out = env.run(&[
        "export",
        "--all",
        "--anoniem",
        "-o",
        file.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    bundle_from(env, &file)["cases"].clone()
}

/// `bundle --from FILE --format json`, which must bundle.
fn bundle_from(env: &Env, file: &std::path::Path) -> serde_json::Value {
    let from = [
        "bundle",
        "--format",
        "json",
        "--from",
        file.to_str().unwrap(),
    ];
    let out = env.run(&from);
    assert_eq!(code(&out), 0, "the export bundles: {}", stderr(&out));
    json(&stdout(&out))
}

#[test]
fn deleting_or_purging_the_middle_version_keeps_one_case() {
    for purge in [false, true] {
        let env = Env::new();
        let a = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
        let b = revise(&env, &a, 2_000);
        let c = revise(&env, &b, 3_000);
        let text = fs::read_to_string(env.note_path(&c)).unwrap();
        assert!(text.contains(&format!("case = \"{a}\"")), "{text}");
        let mut args = vec!["delete", b.as_str(), "--yes"];
        if purge {
            args.push("--purge");
        }
        assert_eq!(code(&env.run(&args)), 0);
        assert_eq!(cases(&env), 1, "purge: {purge}");
        assert_eq!(exported_cases(&env), 1, "purge: {purge}");
        // And so with the first note gone too.
        assert_eq!(code(&env.run(&["delete", &a, "--yes"])), 0);
        assert_eq!(cases(&env), 1);
        // list --group keeps the versions together under the first note.
        let _ = c;
    }
}

#[test]
fn two_revisions_of_one_note_are_one_case_in_the_store_and_in_its_export() {
    let env = Env::new();
    let a = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    revise(&env, &a, 2_000);
    revise(&env, &a, 3_000);
    env.new_note(&with_rule("intake-eis", "werkinstructie", 500));
    assert_eq!(cases(&env), 2);
    assert_eq!(exported_cases(&env), 2);
    // The revision made last counts.
    let out = env.run(&["bundle", "--format", "json"]);
    let v = json(&stdout(&out));
    let rule = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "eigen bijdrage")
        .unwrap()
        .clone();
    assert_eq!(rule["cases"], 1, "{v}");
}

/// Points note `id`'s `revises` at `target` in the file itself, as a hand
/// (or a release without the check) could have.
fn point_on_disk(env: &Env, id: &str, target: &str) {
    let path = env.note_path(id);
    let text = fs::read_to_string(&path).unwrap();
    let text = match text.lines().any(|l| l.starts_with("revises = ")) {
        true => text
            .lines()
            .map(|l| match l.starts_with("revises = ") {
                true => format!("revises = \"{target}\""),
                false => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        false => text.replacen(
            "\ncreated = ",
            &format!("\nrevises = \"{target}\"\ncreated = "),
            1,
        ),
    };
    fs::write(&path, text + "\n").unwrap();
}

#[test]
fn edit_refuses_a_revises_that_names_the_note_itself_a_later_version_or_nothing() {
    let env = Env::new();
    let a = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    let b = revise(&env, &a, 2_000);
    let other = env.new_note(&with_rule("intake-eis", "werkinstructie", 500));
    let before = fs::read_to_string(env.note_path(&a)).unwrap();
    let set_revises = |id: &str, target: &str| {
        let sed = match fs::read_to_string(env.note_path(id))
            .unwrap()
            .contains("\nrevises = ")
        {
            true => format!("s/^revises = .*/revises = \"{target}\"/"),
            false => format!("s/^created = /revises = \"{target}\"\\ncreated = /"),
        };
        edit_with(&env, id, &sed)
    };
    for (target, expect) in [
        (a.as_str(), "deze notitie zelf"),
        (b.as_str(), "een latere versie"),
        ("zzzzzz", "die notitie is er niet"),
    ] {
        let out = set_revises(&a, target);
        assert_eq!(code(&out), 2, "{target}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(expect),
            "{expect:?}: {}",
            stderr(&out)
        );
        assert_eq!(fs::read_to_string(env.note_path(&a)).unwrap(), before);
    }
    // The case is no one's to change by hand.
    let out = edit_with(&env, &b, &format!("s/^case = .*/case = \"{other}\"/"));
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    // An earlier note of another case is fine: the note moves to that case.
    let out = set_revises(&b, &other);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = fs::read_to_string(env.note_path(&b)).unwrap();
    assert!(text.contains(&format!("case = \"{other}\"")), "{text}");
    assert_eq!(cases(&env), 2);
    // A revises left as it was stays, even when the note it names is gone.
    let c = revise(&env, &a, 3_000);
    assert_eq!(code(&env.run(&["delete", &a, "--yes", "--purge"])), 0);
    let out = edit_with(&env, &c, "s/^author = .*//");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_loop_of_revises_on_disk_hides_no_note() {
    let env = Env::new();
    let a = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    let b = env.new_note(&with_rule("eigen bijdrage", "verordening", 2_000));
    let s = env.new_note(&with_rule("intake-eis", "werkinstructie", 500));
    point_on_disk(&env, &a, &b);
    point_on_disk(&env, &b, &a);
    point_on_disk(&env, &s, &s);
    let out = env.run(&["list", "--group"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let listed = stdout(&out);
    for id in [&a, &b, &s] {
        assert!(listed.contains(id.as_str()), "{id} vanished: {listed}");
    }
    assert_eq!(cases(&env), 2, "a loop is one case");
    assert_eq!(exported_cases(&env), 2);
}

#[test]
fn upgrade_gives_a_revision_of_an_earlier_release_its_first_note() {
    let env = Env::new();
    let a = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    let b = revise(&env, &a, 2_000);
    let c = revise(&env, &b, 3_000);
    // As an earlier release wrote them: no case.
    for id in [&b, &c] {
        let path = env.note_path(id);
        let text = fs::read_to_string(&path).unwrap();
        let text: Vec<&str> = text.lines().filter(|l| !l.starts_with("case = ")).collect();
        fs::write(&path, text.join("\n") + "\n").unwrap();
    }
    let out = env.run(&["upgrade", "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&a) || stdout(&out).contains(&a),
        "{}",
        stderr(&out)
    );
    let text = fs::read_to_string(env.note_path(&c)).unwrap();
    assert!(text.contains(&format!("case = \"{a}\"")), "{text}");
    assert_eq!(code(&env.run(&["delete", &b, "--yes"])), 0);
    assert_eq!(cases(&env), 1);
}

#[test]
fn an_export_leaves_out_and_names_a_note_beyond_the_limits_so_it_always_bundles() {
    let env = Env::new();
    let good = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    // Notes from before the limits: a clock reset to 1970, a decision
    // dated 31-12-9999, a rule line over 500 characters.
    let old = env.new_note(&with_rule("intake-eis", "werkinstructie", 500));
    env.backdate(&old, "1970-01-01T00:00:00Z");
    let far = env.new_note(&with_rule("intake-eis", "werkinstructie", 700));
    let path = env.note_path(&far);
    let text = fs::read_to_string(&path).unwrap()
        + "\n[[outcomes]]\nadded = \"2026-12-01T10:00:00Z\"\ndate = \"2026-12-01\"\ndecision = \"toegekend\"\ndecided = \"9999-12-31\"\n";
    fs::write(&path, text).unwrap();
    let long = env.new_note(&with_rule("regel", "werkinstructie", 700));
    let path = env.note_path(&long);
    let text = fs::read_to_string(&path).unwrap().replace(
        "value = \"regel\"",
        &format!("value = \"{}\"", "lang ".repeat(120)),
    );
    fs::write(&path, text).unwrap();

    let file: PathBuf = env.home.path().join("stad.json");
    let out = env.run(&["export", "--all", "--anoniem", "-o", file.to_str().unwrap()]);
    assert_eq!(
        code(&out),
        1,
        "the export is not everything: {}",
        stderr(&out)
    );
    let err = stderr(&out);
    for (id, why) in [
        (&old, "1970-01"),
        (&far, "days_to_decision"),
        (&long, "langer dan 500"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(id.as_str()))
            .unwrap_or_else(|| panic!("{id} not named: {err}"));
        assert!(
            line.contains(why) && line.contains("niet mee in de export"),
            "{line}"
        );
    }
    assert!(!err.contains(&good), "{err}");
    let from = bundle_from(&env, &file);
    let own = env.run(&["bundle", "--format", "json"]);
    assert!(
        stderr(&own).contains("telt niet mee in de bundel"),
        "{}",
        stderr(&own)
    );
    assert_eq!(json(&stdout(&own)), from);
    assert_eq!(from["cases"], 1);
}
