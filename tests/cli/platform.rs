//! What differs by platform and must not matter: files written with
//! Windows line endings (CRLF) read as the same files with plain ones.

use crate::harness::{Env, FULL, SMALL_SET, code, stderr, stdout};

/// `text` with every line ending in CRLF, as Notepad saves it.
fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

/// A note's answers as JSON, without what differs between two saves.
fn answers(env: &Env, id: &str) -> serde_json::Value {
    let out = env.run(&["export", id, "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let note: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    note["answers"].clone()
}

#[test]
fn an_answers_file_with_crlf_makes_the_same_note() {
    let env = Env::new();
    assert!(
        FULL.contains("\"\"\"\n"),
        "the fixture has a multi-line answer"
    );
    let plain = env.new_note(FULL);
    let windows = env.new_note(&crlf(FULL));
    let (plain, windows) = (answers(&env, &plain), answers(&env, &windows));
    assert!(plain.as_array().is_some_and(|a| !a.is_empty()));
    assert_eq!(plain, windows);
    assert!(
        !windows.to_string().contains("\\r"),
        "no carriage return kept"
    );
}

#[test]
fn a_question_set_with_crlf_reads_the_same() {
    let env = Env::new();
    let run = |text: &str, name: &str| {
        let file = env.file(name, text);
        let out = env.run(&[
            "--questions",
            file.to_str().unwrap(),
            "questions",
            "--format",
            "json",
        ]);
        (
            code(&out),
            stdout(&out),
            stderr(&out).replace(&*file.to_string_lossy(), "SET"),
        )
    };
    // A help text over two lines: a multi-line string keeps its newline.
    let set = format!(
        "{SMALL_SET}help.nl = \"\"\"Een schuilnaam,\ngeen echte naam.\"\"\"\nhelp.en = \"A pseudonym.\"\n"
    );
    let plain = run(&set, "plain.toml");
    assert_eq!(plain.0, 0, "{}", plain.2);
    assert!(
        plain.1.contains("Een schuilnaam,\\ngeen echte naam."),
        "{}",
        plain.1
    );
    assert_eq!(run(&crlf(&set), "windows.toml"), plain);
    // A mistake is found at the same line and column.
    let broken = set.replace("kind = \"text\"", "kind = \"text\"\nmin = 1");
    let plain = run(&broken, "plain.toml");
    assert_eq!(plain.0, 2);
    assert!(plain.2.contains("SET:11:7:"), "{}", plain.2);
    assert_eq!(run(&crlf(&broken), "windows.toml"), plain);
}
