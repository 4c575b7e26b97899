//! For coaches and teams: compare, revisions, settings, completions, man.

use std::fs;

use crate::harness::{Env, FULL, code, stable, stderr, stdout};
use crate::snapshot;

/// The same case after the discussion: doubt about the law, a dearer
/// proposal, a more relational aim.
fn revised() -> String {
    FULL.replacen("oordeel = \"ja\"", "oordeel = \"twijfel\"", 1)
        .replace("kosten_voorstel = 3000", "kosten_voorstel = 5000")
        .replace("uniform_gewenst = 4", "uniform_gewenst = 5")
}

#[test]
fn compare_shows_what_moved_between_two_versions() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let path = env.file("b.toml", &revised());
    let out = env.run(&["new", "--from", path.to_str().unwrap(), "--revises", &a[..4]]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let b = stdout(&out).trim().to_string();
    let note: toml::Table = toml::from_str(&fs::read_to_string(env.note_path(&b)).unwrap()).unwrap();
    assert_eq!(note["revises"].as_str(), Some(a.as_str()));

    let shown = stdout(&env.run(&["vergelijk", &a, &b]));
    snapshot!("compare", stable(&shown, &[&a, &b]));
    let md = stdout(&env.run(&["compare", &a, &b, "--format", "markdown"]));
    assert!(md.starts_with(&format!("# Vergelijking {a} en {b}\n")), "{md}");
    assert!(md.contains("| Mag het van de wet? | ja | twijfel | ≠ |"), "{md}");

    let out = env.run(&["new", "--from", path.to_str().unwrap(), "--revises", "zzzzzz"]);
    assert_eq!(code(&out), 2);
    assert!(env.note_files().len() == 2, "nothing saved for an unknown --revises");
}

#[test]
fn list_groups_the_versions_of_a_case() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let other = env.new_note(&FULL.replace("Drie zakken post", "Andere casus"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let path = env.file("b.toml", &revised());
    let b = stdout(&env.run(&["new", "--from", path.to_str().unwrap(), "--revises", &a])).trim().to_string();
    let table = stdout(&env.run(&["list", "--group"]));
    let line = |id: &str| table.lines().position(|l| l.contains(id)).unwrap();
    assert_eq!(line(&b), line(&a) + 1, "{table}");
    assert!(table.lines().nth(line(&b)).unwrap().contains("↳ Drie zakken post"));
    assert!(line(&other) != line(&a) + 1);
}

#[test]
fn settings_set_language_set_and_initials_and_hide_names() {
    let env = Env::new();
    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), "lang = \"en\"\ninitials = \"AB\"\nnames = [\"Jansen\", \"Yilmaz\"]\n").unwrap();
    let out = env.run(&["config"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("config.toml (exists)") && text.contains("initials = AB"), "{text}");
    assert!(text.contains("2 name(s) for the privacy guard (not shown)") && !text.contains("Jansen"), "{text}");
    let id = env.new_note(FULL);
    let note = fs::read_to_string(env.note_path(&id)).unwrap();
    assert!(note.contains("author = \"AB\"") && note.contains("lang = \"en\""), "{note}");
    assert!(stdout(&env.run(&["list"])).contains("│ id     ┆ date"));
    assert!(stdout(&env.run(&["--lang", "nl", "list"])).contains("│ id     ┆ datum"));
    assert!(stdout(&env.run(&["--help"])).contains("Exit codes:"));
}

#[test]
fn completions_and_the_man_page_are_generated() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish"] {
        let out = env.run(&["completions", shell]);
        assert_eq!(code(&out), 0);
        let script = stdout(&out);
        assert!(script.contains("driehoek") && script.contains("export"), "{shell}");
    }
    assert_eq!(code(&env.run(&["completions", "tcsh"])), 2);
    let man = stdout(&env.run(&["man"]));
    assert!(man.contains(".TH driehoek 1") && man.contains("compare") && man.contains("Afsluitcodes"), "{}", &man[..200]);
}
