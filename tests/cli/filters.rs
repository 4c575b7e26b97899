//! Choosing notes: filters on list and export --all, and the cache behind
//! them, which must never show what the notes no longer say.

use std::fs;

use crate::harness::{Env, FULL, assert_mode, code, stderr, stdout};

/// Three invented notes with different verdicts, scopes and words.
fn three(env: &Env) -> [String; 3] {
    let a = env.new_note(FULL);
    let b = env.new_note(
        &FULL
            .replace(
                "titel = \"Drie zakken post\"",
                "titel = \"Jongeren in het buurthuis\"",
            )
            .replace("oordeel = \"ja\"\nregel", "oordeel = \"nee\"\nregel")
            .replace(
                "schaal = \"structureel\"\nsignaal = \"weet_niet\"",
                "schaal = \"incidenteel\"",
            ),
    );
    let c = env.new_note(&FULL.replace(
        "titel = \"Drie zakken post\"",
        "titel = \"Voedselpakketten\"",
    ));
    [a, b, c]
}

fn ids(env: &Env, args: &[&str]) -> Vec<String> {
    let out = env.run(&[&["list", "--format", "json"], args].concat());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut ids: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

fn sorted(ids: &[&String]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn list_filters_by_verdict_scope_text_and_date() {
    let env = Env::new();
    let [a, b, c] = three(&env);
    assert_eq!(ids(&env, &["--verdict", "wet=nee"]), sorted(&[&b]));
    assert_eq!(
        ids(
            &env,
            &["--verdict", "law=yes", "--verdict", "zelfregie=twijfel"]
        ),
        sorted(&[&a, &c])
    );
    assert_eq!(ids(&env, &["--structural"]), sorted(&[&a, &c]));
    // Search is case-insensitive and looks in every answer, labels too.
    assert_eq!(ids(&env, &["--search", "JONGEREN"]), sorted(&[&b]));
    assert_eq!(
        ids(&env, &["--search", "weet ik nog NIET"]),
        sorted(&[&a, &c])
    );
    assert_eq!(
        ids(&env, &["--search", "gemeentelijke schuldhulpverlening"]).len(),
        3
    );
    assert!(
        ids(&env, &["--search", "welke korte titel"]).is_empty(),
        "question texts are not searched"
    );
    let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    assert_eq!(ids(&env, &["--since", &today, "--until", &today]).len(), 3);
    assert!(ids(&env, &["--since", "2099-01-01"]).is_empty());
    assert!(ids(&env, &["--until", "2000-01-01"]).is_empty());
    assert_eq!(ids(&env, &["--limit", "2"]).len(), 2);
    // Zero is refused: it would read as "there are no notes".
    for flag in ["--limit", "--hoogstens"] {
        let out = env.run(&["list", flag, "0"]);
        assert_eq!(code(&out), 2);
        assert!(
            stderr(&out).contains("hoogstens 0 notities zou niets tonen"),
            "{}",
            stderr(&out)
        );
    }

    let out = env.run(&["list", "--verdict", "wet=misschien"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("'misschien' is niet ja, nee of twijfel"),
        "{}",
        stderr(&out)
    );
    // Days as people write them, and counted back from today.
    assert_eq!(ids(&env, &["--since", "1-1-2000"]).len(), 3);
    assert_eq!(ids(&env, &["--since", "01-01-2000"]).len(), 3);
    assert_eq!(ids(&env, &["--since", "0d"]).len(), 3);
    assert_eq!(ids(&env, &["--until", "1w"]).len(), 0);
    // Without a year: the most recent such day, today's included.
    let now = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::system());
    let (day, month) = (now.day(), now.month());
    assert_eq!(ids(&env, &["--since", &format!("{day}-{month}")]).len(), 3);
    let named = now.strftime("%-d %B").to_string().to_lowercase();
    assert_eq!(ids(&env, &["--since", &named, "--until", &named]).len(), 3);
    let tomorrow = now.date().tomorrow().unwrap();
    let tomorrow = format!("{}-{}", tomorrow.day(), tomorrow.month());
    // Tomorrow's day without a year was a year ago: every note is after it.
    assert_eq!(ids(&env, &["--until", &tomorrow]).len(), 0);
    assert_eq!(ids(&env, &["--since", &tomorrow]).len(), 3);
    for (lang, words) in [("nl", "is geen datum"), ("en", "is not a date")] {
        let out = env.run(&["--lang", lang, "list", "--since", "31-2-2026"]);
        assert_eq!(code(&out), 2);
        let err = stderr(&out);
        assert!(
            err.contains(words) && err.contains("1-12-2026") && err.contains("30d"),
            "{err}"
        );
    }
}

#[test]
fn export_all_takes_the_same_filters() {
    let env = Env::new();
    let [a, b, c] = three(&env);
    let dir = env.home.path().join("uit");
    let out = env.run(&[
        "export",
        "--all",
        "--structural",
        "--search",
        "voedsel",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            format!("{c}-voedselpakketten.md"),
            format!("{c}-voedselpakketten.svg")
        ]
    );

    assert!(!files.contains(&format!("{a}.md")) && !files.contains(&format!("{b}.md")));
    let out = env.run(&["export", &a, "--structural"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("export --all"));
}

#[test]
fn the_cache_follows_every_change_to_the_notes() {
    let env = Env::new();
    let [a, b, _] = three(&env);
    assert_eq!(ids(&env, &["--search", "voedselpakketten"]).len(), 1);
    // Edited by hand, in place: the list and the search see the new text.
    let path = env.note_path(&b);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("Jongeren in het buurthuis", "Jongeren en voedselpakketten");
    fs::write(&path, text).unwrap();
    let table = stdout(&env.run(&["list"]));
    assert!(
        table.contains("Jongeren en voedselpakketten")
            && !table.contains("Jongeren in het buurthuis"),
        "{table}"
    );
    assert_eq!(ids(&env, &["--search", "voedselpakketten"]).len(), 2);
    // A removed note is gone from both.
    fs::remove_file(env.note_path(&a)).unwrap();
    assert_eq!(ids(&env, &[]).len(), 2);
    assert!(!ids(&env, &["--search", "drie zakken"]).contains(&a));
    // A damaged cache is ignored and rebuilt.
    let cache = env.home.path().join("store").join("cache");
    fs::write(cache.join("summary"), "rommel").unwrap();
    fs::write(cache.join("text"), "rommel").unwrap();
    assert_eq!(ids(&env, &[]).len(), 2);
    assert_eq!(ids(&env, &["--search", "voedselpakketten"]).len(), 2);
    // The cache holds case text: private like the notes.
    for name in ["summary", "text"] {
        assert_mode(&cache.join(name), 0o600);
    }
}

#[test]
fn exporting_again_rewrites_only_what_changed() {
    let env = Env::new();
    let [a, b, _] = three(&env);
    let dir = env.home.path().join("uit");
    let export = || {
        assert_eq!(
            code(&env.run(&["export", "--all", "-o", dir.to_str().unwrap()])),
            0
        )
    };
    export();
    // Named by id and title, so the name stays while the text changes.
    let name = |id: &str| {
        let title = if id == a {
            "drie-zakken-post"
        } else {
            "jongeren-in-het-buurthuis"
        };
        dir.join(format!("{id}-{title}.md"))
    };
    let stamp = |id: &str| fs::metadata(name(id)).unwrap().modified().unwrap();
    let (a_before, b_before) = (stamp(&a), stamp(&b));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let path = env.note_path(&b);
    fs::write(
        &path,
        fs::read_to_string(&path).unwrap().replace(
            "Elke brief is een nieuwe rekening.",
            "Elke brief is weer een rekening.",
        ),
    )
    .unwrap();
    export();
    assert_eq!(stamp(&a), a_before, "an unchanged export is left alone");
    assert_ne!(stamp(&b), b_before);
    assert!(
        fs::read_to_string(name(&b))
            .unwrap()
            .contains("Elke brief is weer een rekening.")
    );
}

#[test]
fn a_scope_not_known_yet_is_listed_kept_apart_by_the_filters_and_bundles() {
    let env = Env::new();
    let id = env.new_note(
        &crate::harness::SHORT_NOTE
            .replace("schaal = \"incidenteel\"", "schaal = \"weet ik nog niet\""),
    );
    let list = stdout(&env.run(&["list"]));
    assert!(list.contains("? weet ik nog niet"), "{list}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["list", "--format", "json"]))).unwrap();
    assert_eq!(json[0]["scope"], "weet_niet", "{json}");
    assert!(ids(&env, &["--structural"]).is_empty());
    assert_eq!(ids(&env, &[]), [id]);
    // The anonymous record carries it, and a bundle of it reads.
    let file = env.home.path().join("anoniem.json");
    let out = env.run(&["export", "--all", "--anoniem", "-o", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(fs::read_to_string(&file).unwrap().contains("\"weet_niet\""));
    let out = env.run(&["bundle", "--from", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}
