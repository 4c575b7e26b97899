//! What a command asked about is read again before it acts: a note
//! updated while `prune` waited for a yes is not erased; an edit walked
//! without a change keeps no version.

use super::harness::*;
use expectrl::Regex;

use crate::harness::{Env, FULL, SHORT_NOTE, code, stderr};

fn prune_reads_each_note_again_before_it_erases_it(env: Env) {
    let dir = env.config.path().join("driehoek");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "bewaartermijn = 12\n").unwrap();
    let kept = env.new_note(FULL);
    let erased = env.new_note(FULL);
    env.backdate(&kept, "2023-01-15T09:00:00Z");
    env.backdate(&erased, "2023-01-15T09:00:00Z");
    let mut pty = Pty::spawn(&env, &["opschonen"]);
    pty.expect("voorgoed wissen?");
    pty.expect("Ja");
    pty.wait_until_reading_keys();
    // While the list waits for a yes, today's work reaches one note.
    let entry = env.file(
        "afloop.toml",
        "set = \"afloop\"\n[afloop]\nadvies = \"Doen.\"\n",
    );
    let out = env.run(&["afloop", &kept, "--uit", entry.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    pty.send(&format!("{DOWN}{ENTER}"));
    let (rest, exit) = pty.finish();
    let rest = plain(&rest);
    assert_eq!(exit, 0, "{rest}");
    assert!(
        env.note_path(&kept).exists(),
        "today's work was erased:\n{rest}"
    );
    assert!(!env.note_path(&erased).exists(), "{rest}");
    assert!(
        rest.contains(&format!("Notitie {kept} is bijgewerkt sinds de lijst")),
        "{rest}"
    );
    assert!(rest.contains("1 notitie gewist."), "{rest}");
}

/// `edit` walked with Enter on every question changes nothing: it says so
/// and keeps no version (as `edit --editor` already did).
fn an_edit_walked_without_a_change_keeps_no_version(env: Env) {
    let id = env.new_note(SHORT_NOTE);
    let mut pty = Pty::spawn(&env, &["edit", &id]);
    let step = r"(van \d+ · deel \d+ van \d+\]|Deze notitie opslaan\?)";
    loop {
        let (_, found) = pty.expect(Regex(step));
        if found[0].contains("opslaan") {
            break;
        }
        pty.wait_until_reading_keys();
        pty.send(ENTER);
    }
    pty.expect("Weggooien");
    pty.wait_until_reading_keys();
    pty.send(ENTER);
    let (rest, exit) = pty.finish();
    let rest = plain(&rest);
    assert_eq!(exit, 0, "{rest}");
    assert!(rest.contains("Niets veranderd."), "{rest}");
    let history = env.home.path().join("store/history").join(&id);
    let kept = std::fs::read_dir(&history).map_or(0, |d| d.count());
    assert_eq!(kept, 0, "a version kept of an edit that changed nothing");
}

super::in_both! {
    prune_reads_each_note_again_before_it_erases_it,
    an_edit_walked_without_a_change_keeps_no_version,
}
