//! Editing a note: what an edit is held to, and what it keeps.

use crate::harness::{Env, SHORT_NOTE, code, edit_with, stderr};

/// A short note answers what the short walk asks; `edit --editor` holds
/// it to that, as an answers file is, not to the full walk's questions.
#[test]
fn edit_editor_holds_a_short_note_to_what_a_note_needs() {
    let env = Env::new();
    let id = env.new_note(SHORT_NOTE);
    let out = edit_with(&env, &id, "s/Afwijken./Afwijken, deze maand nog./");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(env.note_path(&id)).unwrap();
    assert!(text.contains("deze maand nog"), "{text}");
    assert_eq!(env.run(&["history", &id]).status.code(), Some(0));
}

/// A run killed after it kept the old version and before it wrote the
/// note leaves that version; the next edit keeps it once, not twice.
#[test]
fn a_version_kept_by_a_killed_run_is_not_kept_again() {
    let env = Env::new();
    let id = env.new_note(SHORT_NOTE);
    let out = edit_with(&env, &id, "s/Afwijken./Afwijken, nu./");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let history = env.home.path().join("store/history").join(&id);
    let versions = || {
        let mut v: Vec<_> = std::fs::read_dir(&history)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    assert_eq!(versions().len(), 1);
    // As a kill leaves it: the note's text is kept, the note not yet
    // replaced. The kept file is named by the note's last update.
    env.backdate(&id, "2026-01-01T10:00:00Z");
    let note = std::fs::read_to_string(env.note_path(&id)).unwrap();
    std::fs::write(history.join("20260101T100000Z.toml"), &note).unwrap();
    let out = edit_with(&env, &id, "s/Afwijken, nu./Afwijken, nu meteen./");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(versions().len(), 2, "{:?}", versions());
}
