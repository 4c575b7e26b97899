//! Exit codes: every error carries a kind and the code follows from it.
//! The README's table, `--help` and the man page say the same as the
//! code, and each kind's code really comes out of the binary.

use std::collections::BTreeSet;
use std::fs;
use std::process::{Command, Stdio};
use std::time::Duration;

use driehoek::error::Kind;

use crate::harness::{Env, FULL, code, interrupt, stderr, stdout};

/// The rows of the README's exit-code table: code and kind (none for 0).
fn readme_rows() -> Vec<(u8, String)> {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("\n## Exit codes\n")
        .nth(1)
        .expect("the README has a section 'Exit codes'");
    let section = section.split("\n## ").next().unwrap_or_default();
    section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
            let code = cells.first()?.trim().parse().ok()?;
            Some((code, cells.get(1)?.trim().to_string()))
        })
        .collect()
}

/// Every kind with its code, and 0 for a run that ended well.
fn codes_in_code() -> BTreeSet<(u8, String)> {
    Kind::ALL
        .iter()
        .map(|k| (k.exit_code(), k.name().to_string()))
        .chain([(0, String::new())])
        .collect()
}

#[test]
fn the_readme_table_gives_each_kind_the_code_the_code_gives_it() {
    let rows = readme_rows();
    let table: BTreeSet<(u8, String)> = rows.iter().cloned().collect();
    assert_eq!(table.len(), rows.len(), "a row twice: {rows:?}");
    assert_eq!(table, codes_in_code(), "README and src/error.rs differ");
}

/// The numbers a text lists, in order.
fn numbers(text: &str) -> BTreeSet<u8> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

#[test]
fn help_and_the_man_page_list_every_exit_code() {
    let env = Env::new();
    let codes: BTreeSet<u8> = codes_in_code().into_iter().map(|(c, _)| c).collect();
    for (lang, head, section) in [
        ("nl", "Afsluitcodes:", "AFSLUITSTATUS"),
        ("en", "Exit codes:", "EXIT STATUS"),
    ] {
        let help = stdout(&env.run(&["--lang", lang, "--help"]));
        let line = help.lines().find(|l| l.starts_with(head)).expect(&help);
        // "(Ctrl-C)" holds no number; every other number is a code.
        assert_eq!(numbers(line), codes, "{line}");
        let man = stdout(&env.run(&["--lang", lang, "man"]));
        let exit = man
            .split(&format!(".SH {section}\n"))
            .nth(1)
            .and_then(|rest| rest.split(".SH ").next())
            .expect(&man);
        // Each code is a term in bold: `\fB130\fR`.
        let listed: BTreeSet<u8> = exit
            .lines()
            .filter_map(|l| l.strip_prefix("\\fB")?.strip_suffix("\\fR")?.parse().ok())
            .collect();
        assert_eq!(listed, codes, "{exit}");
    }
}

#[test]
fn each_kind_ends_the_run_with_its_code() {
    let env = Env::new();
    env.new_note(FULL);
    fs::write(env.notes_dir().join("kapot.toml"), "format = 2\nid = [1,").unwrap();
    let runs: &[(Kind, &[&str])] = &[
        (Kind::Failure, &["list", "--strict"]),
        (Kind::Failure, &["show", "kapot"]),
        (Kind::BadInput, &["shwo"]),
        (Kind::BadInput, &["list", "--limit", "veel"]),
        // Filters that choose no note are the person's to change.
        (
            Kind::BadInput,
            &["agenda", "--since", "1-1-2000", "--until", "2-1-2000"],
        ),
        (Kind::NotFound, &["show", "zzzz"]),
        (Kind::NotFound, &["--set", "geen_set", "template"]),
    ];
    for (kind, args) in runs {
        let out = env.run(args);
        assert_eq!(
            code(&out),
            i32::from(kind.exit_code()),
            "{kind:?} {args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(cancelled(&env), i32::from(Kind::Cancelled.exit_code()));
}

/// Ctrl-C (SIGINT) while the run waits to read its answers from stdin:
/// the code it ends with. A signal that comes before the run has set up
/// its handler ends it without a code; then it is tried again, later.
#[cfg(unix)]
fn cancelled(env: &Env) -> i32 {
    for wait in [100, 300, 1000, 3000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_driehoek"))
            .args(["new", "--from", "/dev/stdin"])
            .envs(env.vars())
            .env_remove("DRIEHOEK_LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Held open until the run ends: at its end the run would read
        // an empty file and stop by itself.
        let stdin = child.stdin.take();
        std::thread::sleep(Duration::from_millis(wait));
        interrupt(&child);
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        if let Some(code) = out.status.code() {
            assert!(stderr(&out).contains("Afgebroken"), "{}", stderr(&out));
            return code;
        }
    }
    panic!("the run never got to wait for its answers");
}

#[cfg(not(unix))]
fn cancelled(_: &Env) -> i32 {
    i32::from(Kind::Cancelled.exit_code())
}
