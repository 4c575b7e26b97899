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
