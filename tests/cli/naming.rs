//! How a person names a note: by its id, a unique beginning of it, or
//! words from its title; and what typed text is never used as a path.

use std::fs;

use crate::harness::{Env, SHORT_NOTE, code, stderr, stdout};

fn titled(env: &Env, title: &str) -> String {
    env.new_note(&SHORT_NOTE.replace("Korte notitie", title))
}

#[test]
fn show_export_edit_and_afloop_take_words_from_a_title() {
    let env = Env::new();
    let cafe = titled(&env, "Café de Koffiepot");
    let huis = titled(&env, "Koffiehuis aan de gracht");
    let out = env.run(&["show", "koffiehuis"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(&huis), "{}", stdout(&out));
    // Lowercase and without accents; every word must be in the title.
    let out = env.run(&["toon", "cafe KOFFIE"]);
    assert!(stdout(&out).contains(&cafe), "{}", stderr(&out));
    let out = env.run(&["export", "gracht"]);
    assert!(
        stdout(&out).contains("Koffiehuis aan de gracht"),
        "{}",
        stderr(&out)
    );
    let out = env
        .cmd()
        .env("EDITOR", "true")
        .args(["edit", "--editor", "gracht"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let entry = env.file(
        "afloop.toml",
        "set = \"afloop\"\n[afloop]\nadvies = \"Doen.\"\n",
    );
    let out = env.run(&["afloop", "koffiepot", "--uit", entry.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(&cafe) || stderr(&out).contains(&cafe));

    // Several titles: each listed with its id, nothing chosen.
    let out = env.run(&["show", "koffie"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("staat in de titel van meer notities"), "{err}");
    assert!(err.contains(&format!("{cafe}  Café de Koffiepot")), "{err}");
    assert!(
        err.contains(&format!("{huis}  Koffiehuis aan de gracht")),
        "{err}"
    );
    // None: said, with where the ids are.
    let out = env.run(&["show", "theehuis"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("geen notitie met id of titel 'theehuis'"),
        "{err}"
    );
    assert!(err.contains("driehoek lijst"), "{err}");
}

#[test]
fn an_id_or_its_unique_beginning_wins_over_a_title() {
    let env = Env::new();
    let first = titled(&env, "Eerste notitie");
    // A title that holds the first note's id and the beginning of it.
    let other = titled(&env, &format!("Over {first} en {}", &first[..3]));
    for typed in [first.as_str(), &first[..3]] {
        let out = env.run(&["show", typed]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(stdout(&out).contains("Eerste notitie"), "{typed}");
        assert!(!stdout(&out).contains(&other), "{typed}");
    }
}

#[test]
fn a_beginning_is_unique_only_among_the_notes_there_are_now() {
    let env = Env::new();
    let id = titled(&env, "Eerste notitie");
    // The list cache is made, then a note comes that shares the id's
    // first letter: the cache no longer knows every id.
    std::thread::sleep(std::time::Duration::from_millis(150));
    assert_eq!(code(&env.run(&["list"])), 0);
    let out = env.run(&["show", &id[..1]]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let twin = format!("{}zzzzz", &id[..1]);
    let text = fs::read_to_string(env.note_path(&id)).unwrap();
    fs::write(env.note_path(&twin), text.replace(&id, &twin)).unwrap();
    let out = env.run(&["show", &id[..1]]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    assert!(
        stderr(&out).contains("past bij meer notities"),
        "{}",
        stderr(&out)
    );
    // And a note gone is gone, whatever the cache says.
    fs::remove_file(env.note_path(&twin)).unwrap();
    fs::remove_file(env.note_path(&id)).unwrap();
    let out = env.run(&["show", &id]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
}

#[test]
fn typed_text_outside_the_id_alphabet_is_never_a_path() {
    let env = Env::new();
    let id = titled(&env, "Eerste notitie");
    // A file beside the notes folder that a path could reach.
    let store = env.notes_dir().parent().unwrap().to_path_buf();
    let text = fs::read_to_string(env.note_path(&id)).unwrap();
    fs::write(store.join("buiten.toml"), &text).unwrap();
    for typed in [
        "../buiten",
        "../notes/../buiten",
        "/etc/passwd",
        "..\\buiten",
    ] {
        let out = env.run(&["show", typed]);
        assert_eq!(code(&out), 2, "{typed}: {}", stdout(&out));
        assert!(!stdout(&out).contains("Eerste notitie"), "{typed}");
    }
}
