//! Nothing lost: parallel writers, edits that keep history, deletes with
//! care, and a store that survives broken files.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::harness::{Env, FULL, assert_mode, code, edit_with, stderr, stdout};

#[test]
fn twenty_parallel_saves_give_twenty_intact_notes() {
    let env = Env::new();
    let answers = env.file("a.toml", FULL);
    let children: Vec<_> = (0..20)
        .map(|_| {
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_driehoek"));
            for (k, v) in env.vars() {
                cmd.env(k, v);
            }
            cmd.args(["new", "--from", answers.to_str().unwrap()])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ids: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
            stdout(&out).trim().to_string()
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 20);
    assert_eq!(env.note_files().len(), 20, "no temp files are left behind");
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["list", "--format", "json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 20);
    for id in &ids {
        assert_eq!(code(&env.run(&["show", id])), 0);
    }
}

#[test]
fn an_edit_keeps_the_id_and_the_previous_version() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let before = fs::read_to_string(env.note_path(&id)).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let out = edit_with(
        &env,
        &id,
        r#"s/^title = .*/title = "Zou worden overschreven"/; s/value = "Drie zakken post"/value = "Vier zakken post"/"#,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("Notitie {id} bijgewerkt")));
    let after: toml::Table =
        toml::from_str(&fs::read_to_string(env.note_path(&id)).unwrap()).unwrap();
    assert_eq!(after["id"].as_str(), Some(id.as_str()));
    // The title is read again from the answer, not taken from the edit.
    assert_eq!(after["title"].as_str(), Some("Vier zakken post"));
    assert_ne!(after["updated"].as_str(), after["created"].as_str());

    let history = env.home.path().join("store").join("history").join(&id);
    let kept: Vec<_> = fs::read_dir(&history)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read_to_string(&kept[0]).unwrap(), before);
    assert_mode(&kept[0], 0o600);
    let listed = stdout(&env.run(&["geschiedenis", &id]));
    assert!(
        listed.contains("Drie zakken post") && listed.contains("Vier zakken post"),
        "{listed}"
    );
    // Column headers in lower case, like every other table.
    let head: Vec<&str> = listed
        .lines()
        .nth(1)
        .unwrap()
        .trim_matches('│')
        .split('┆')
        .map(str::trim)
        .collect();
    assert_eq!(head, ["bijgewerkt", "titel", "bestand"]);
}

#[test]
fn an_invalid_edit_is_refused_and_changes_nothing() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let before = fs::read_to_string(env.note_path(&id)).unwrap();
    for (sed, expected) in [
        (
            r#"/id = "contrasten.uniform_nu"/,/value/ s/value = 2/value = 9/"#,
            "[contrasten.uniform_nu] kies een heel getal van 1 tot en met 5",
        ),
        (
            r#"/id = "wet.oordeel"/,/value/ s/value = "ja"/value = "misschien"/"#,
            "'misschien' is geen keuze",
        ),
        (
            r#"s/^id = .*/id = "anders"/"#,
            "het id van een notitie verander je niet",
        ),
        ("s/^format = 3/format = [/", "geen geldige notitie"),
    ] {
        let out = edit_with(&env, &id, sed);
        assert_eq!(code(&out), 2, "{sed}: {}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{sed}: {}", stderr(&out));
        assert_eq!(fs::read_to_string(env.note_path(&id)).unwrap(), before);
    }
    // Editing only the summary, which is read from the answers, changes nothing.
    for sed in ["s/^zzz//", "s/^now = 2$/now = 4/"] {
        let out = edit_with(&env, &id, sed);
        assert_eq!(code(&out), 0);
        assert!(
            stderr(&out).contains("Niets veranderd"),
            "{sed}: {}",
            stderr(&out)
        );
    }
    assert_eq!(fs::read_to_string(env.note_path(&id)).unwrap(), before);

    assert!(!env.home.path().join("store/history").join(&id).exists());
    assert_eq!(
        fs::read_dir(env.home.path().join("store/tmp"))
            .unwrap()
            .count(),
        0,
        "the editor's file is removed"
    );
}

#[test]
fn delete_moves_to_the_trash_and_purge_erases_everything() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let out = env.run(&["delete", &id]);
    assert_eq!(code(&out), 2, "no terminal and no --yes: refuse");
    assert!(env.note_path(&id).exists());

    edit_with(
        &env,
        &id,
        r#"s/value = "Drie zakken post"/value = "Vier zakken post"/"#,
    );
    let out = env.run(&["verwijder", "--yes", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!env.note_path(&id).exists());
    let trash = env.home.path().join("store/trash").join(&id);
    assert!(trash.join(format!("{id}.toml")).exists());
    assert!(trash.join("history").is_dir());
    assert!(!stdout(&env.run(&["list"])).contains(&id));

    let out = env.run(&["delete", "--purge", "--yes", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!trash.exists());
    let out = env.run(&["show", &id]);
    assert_eq!(code(&out), 2);
}

#[test]
fn purge_erases_the_note_from_the_caches_too() {
    let env = Env::new();
    let gone = env.new_note(FULL);
    let kept = env.new_note(
        &FULL
            .replace("Drie zakken post", "Een lege koelkast")
            .replace(
                "Ik durf de post niet meer open te maken.",
                "Ik eet bij de buren.",
            ),
    );
    // Fill both caches: the summaries and every answer's text.
    assert_eq!(code(&env.run(&["list", "--search", "post"])), 0);
    let cache = env.home.path().join("store/cache");
    let holds = |text: &str| {
        fs::read_dir(&cache).unwrap().any(|e| {
            fs::read(e.unwrap().path())
                .is_ok_and(|b| String::from_utf8_lossy(&b).to_lowercase().contains(text))
        })
    };
    assert!(holds("ik durf de post niet meer open te maken"));

    let out = env.run(&["delete", "--purge", "--yes", &gone]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!holds("ik durf de post niet meer open te maken"));
    assert!(!holds(&gone));
    // The rest is found as before, and cached again.
    let found = stdout(&env.run(&["list", "--search", "buren"]));
    assert!(found.contains(&kept) && !found.contains(&gone), "{found}");
    assert!(holds("ik eet bij de buren") && !holds(&gone));
}

#[test]
fn broken_files_are_named_and_the_rest_still_listed() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let dir = env.notes_dir();
    fs::write(dir.join("leeg.toml"), "").unwrap();
    fs::write(dir.join("binair.toml"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    let full = fs::read_to_string(env.note_path(&id)).unwrap();
    fs::write(dir.join("afgekapt.toml"), &full[..full.len() / 2]).unwrap();
    fs::write(dir.join("groot.toml"), "# x\n".repeat(2_000_000)).unwrap();
    let out = env.run(&["list"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains(&id));
    let err = stderr(&out);
    for name in ["leeg.toml", "binair.toml", "afgekapt.toml", "groot.toml"] {
        assert!(err.contains(name), "{name} not named in {err}");
    }
    assert_eq!(code(&env.run(&["list", "--strict"])), 1);
    assert_eq!(code(&env.run(&["export", "binair"])), 1);
}

#[test]
fn an_over_long_answer_is_refused() {
    let env = Env::new();
    let long = "x".repeat(70 * 1024);
    let text = FULL.replace(
        "Samen de post sorteren; de schuldeisers tijdelijk laten wachten.",
        &long,
    );
    let path = env.file("lang.toml", &text);
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("[casus.oplossing] antwoord is langer dan 65536 tekens"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_store_others_can_read_is_warned_about() {
    let env = Env::new();
    let id = env.new_note(FULL);
    fs::set_permissions(env.note_path(&id), fs::Permissions::from_mode(0o644)).unwrap();
    let out = env.run(&["list"]);
    assert_eq!(code(&out), 0);
    if cfg!(feature = "portable") {
        // No permission bits to read, as on Windows: nothing to warn about.
        assert_eq!(stderr(&out), "");
        return;
    }
    assert!(
        stderr(&out).contains("leesbaar of schrijfbaar voor anderen"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains(&format!("{id}.toml")));
}

#[test]
fn walks_need_a_terminal_but_drafts_can_be_listed_without() {
    let env = Env::new();
    for args in [&["resume"][..], &["edit", "abc"], &["hervat", "x"]] {
        let out = env.cmd().args(args).write_stdin("").output().unwrap();
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(
            stderr(&out).contains("heeft een terminal nodig"),
            "{}",
            stderr(&out)
        );
    }
    let out = env.run(&["drafts"]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("Er zijn geen concepten"));
}

/// The fixture with personal data in the person's own words.
fn with_personal_data() -> String {
    FULL.replace(
        "Elke brief is een nieuwe rekening.",
        "Elke brief is een nieuwe rekening. BSN 123456782, bel 06-12345678 of mail an.ja@example.nl.",
    )
}

#[test]
fn personal_data_in_an_answers_file_is_refused_unless_allowed() {
    let env = Env::new();
    let path = env.file("pd.toml", &with_personal_data());
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    for line in [
        "[casus.eigen_woorden] BSN: 123456782",
        "[casus.eigen_woorden] telefoonnummer: 06-12345678",
        "[casus.eigen_woorden] e-mailadres: an.ja@example.nl",
        "3 vondsten die op persoonsgegevens lijken; er is niets opgeslagen",
    ] {
        assert!(err.contains(line), "missing {line:?} in {err}");
    }
    assert!(env.note_files().is_empty());

    let id = env.new_note_with(&with_personal_data(), &["--allow-personal-data"]);

    // check finds it (exit 1); export says so but still exports.
    let clean = env.new_note(FULL);
    let out = env.run(&["controleer"]);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains(&id) && !stdout(&out).contains(&clean),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("  [casus.eigen_woorden] BSN: 123456782"));
    let out = env.run(&["check", &clean]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = env.run(&["export", &id]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains(&format!(
        "let op: notitie {id} bevat wat op persoonsgegevens lijkt"
    )));
}

#[test]
fn names_from_the_config_are_guarded_too() {
    let env = Env::new();
    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), "names = [\"Jansen\"]\n").unwrap();
    let text = FULL.replace(
        "Samen de post sorteren",
        "Samen met mevrouw Jansen de post sorteren",
    );
    let path = env.file("n.toml", &text);
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("[casus.oplossing] naam: Jansen"),
        "{}",
        stderr(&out)
    );

    fs::write(dir.join("config.toml"), "namen = [\"Jansen\"]\n").unwrap();
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("config.toml:1:1"), "{}", stderr(&out));
}

#[test]
fn an_edit_that_adds_personal_data_is_refused() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let before = fs::read_to_string(env.note_path(&id)).unwrap();
    let out = edit_with(
        &env,
        &id,
        "s/Elke brief is een nieuwe rekening./Mijn BSN is 123456782./",
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("BSN: 123456782"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(env.note_path(&id)).unwrap(), before);
}

#[test]
fn a_note_reads_the_same_after_its_question_set_changes_or_goes() {
    let env = Env::new();
    let set = |version: u32, prompt: &str| {
        format!(
            "format = 1\nid = \"kort\"\nversion = {version}\nname = {{ nl = \"Kort\", en = \"Short\" }}\n\n[[sections]]\nkey = \"kern\"\ntitle = {{ nl = \"Kern\", en = \"Core\" }}\n\n[[sections.questions]]\nkey = \"vraag\"\nkind = \"long\"\nprompt = {{ nl = \"{prompt}\", en = \"{prompt}\" }}\n"
        )
    };
    let v1 = env.file("kort.toml", &set(1, "Wat speelt er?"));
    let answers = env.file("a.toml", "[kern]\nvraag = \"Een antwoord\"\n");
    let out = env.run(&[
        "--questions",
        v1.to_str().unwrap(),
        "new",
        "--from",
        answers.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();

    // Version 2 words the question differently: the note keeps its wording.
    let v2 = env.file("kort.toml", &set(2, "Wat is er aan de hand?"));
    let shown = stdout(&env.run(&["--questions", v2.to_str().unwrap(), "show", &id]));
    assert!(
        shown.contains("Wat speelt er?") && shown.contains("Een antwoord"),
        "{shown}"
    );
    assert!(!shown.contains("Wat is er aan de hand?"));
    // Without the set at all, it still shows and exports.
    let out = env.run(&["export", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("**Wat speelt er?**"));
}

#[test]
fn output_into_a_closed_pipe_stops_quietly() {
    let env = Env::new();
    // The reader is gone before the first line is written, as with
    // `driehoek questions | head -0`.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_driehoek"))
        .envs(env.vars())
        .arg("questions")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(stderr(&out), "", "no panic, no message");
    assert!(!out.status.success(), "the output did not get through");
}
