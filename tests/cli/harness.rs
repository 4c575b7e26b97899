//! Gives every test its own store and config folder, and runs the binary
//! the way a user would, without a terminal.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// A filled-in answers file for the default set (invented case).
pub const FULL: &str = include_str!("fixtures/full.toml");

/// A coach's own question set of one required text question.
pub const SMALL_SET: &str = r#"format = 1
id = "kort"
version = 2
name = { nl = "Kort", en = "Short" }

[[sections]]
key = "kern"
title = { nl = "Kern", en = "Core" }

[[sections.questions]]
key = "titel"
kind = "text"
required = true
prompt = { nl = "Titel?", en = "Title?" }
"#;

/// An answers file with only what the short walk asks (invented case).
pub const SHORT_NOTE: &str = include_str!("fixtures/short.toml");

/// A full note with this rule line, blocker and current yearly cost.
pub fn with_rule(rule: &str, blocker: &str, cost: u32) -> String {
    FULL.replace(
        "regel_concreet = \"intake-eis van de schuldhulp, afdeling Werk en Inkomen\"",
        &format!("regel_concreet = \"{rule}\""),
    )
    .replace(
        "blokkade = [\"werkinstructie\", \"gevoel\"]",
        &format!("blokkade = [\"{blocker}\"]"),
    )
    .replace("bedrag = \"24.000\"", &format!("bedrag = {cost}"))
}

pub struct Env {
    pub home: TempDir,
    pub config: TempDir,
    /// Runs as in an ordinary colour terminal: no `NO_COLOR`.
    pub colour: bool,
}

impl Env {
    pub fn new() -> Env {
        Env {
            home: tempfile::tempdir().unwrap(),
            config: tempfile::tempdir().unwrap(),
            colour: false,
        }
    }

    /// A store for a run in an ordinary colour terminal (the pseudo-terminal
    /// tests): the same, but without `NO_COLOR`.
    pub fn coloured() -> Env {
        Env {
            colour: true,
            ..Env::new()
        }
    }

    /// The environment every run gets: private store, own config folder,
    /// UTC dates, no colour (unless coloured), no language or backtrace
    /// from outside.
    pub fn vars(&self) -> Vec<(&'static str, PathBuf)> {
        let mut vars = vec![
            ("DRIEHOEK_HOME", self.home.path().join("store")),
            ("XDG_CONFIG_HOME", self.config.path().to_path_buf()),
            ("HOME", self.config.path().to_path_buf()),
            ("TZ", PathBuf::from("UTC")),
        ];
        if !self.colour {
            vars.push(("NO_COLOR", PathBuf::from("1")));
        }
        vars
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("driehoek").unwrap();
        // DRIEHOEK_TODAY fixes "today" for `signalen` and `afloop`; only tests
        // set it, and only where they say so.
        cmd.env_remove("DRIEHOEK_LANG")
            .env_remove("DRIEHOEK_TODAY")
            .env_remove("RUST_BACKTRACE")
            .env_remove("EDITOR");
        for (k, v) in self.vars() {
            cmd.env(k, v);
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Writes `text` to a file in the test's folder and returns its path.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.home.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Saves a note from an answers file and returns its id.
    pub fn new_note(&self, answers: &str) -> String {
        self.new_note_with(answers, &[])
    }

    /// [`Env::new_note`] with more arguments to `new`.
    pub fn new_note_with(&self, answers: &str, extra: &[&str]) -> String {
        let path = self.file("answers.toml", answers);
        let args = [&["new", "--from", path.to_str().unwrap()], extra].concat();
        let out = self.run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out).trim().to_string()
    }

    /// Dates note `id` as made and last updated at `when` (RFC 3339), as
    /// if it were written then.
    pub fn backdate(&self, id: &str, when: &str) {
        let path = self.note_path(id);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for line in &mut lines {
            if line.starts_with("created = ") || line.starts_with("updated = ") {
                let key = &line[..line.find(' ').unwrap()];
                *line = format!("{key} = \"{when}\"");
            }
        }
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    }

    pub fn notes_dir(&self) -> PathBuf {
        self.home.path().join("store").join("notes")
    }

    pub fn note_path(&self, id: &str) -> PathBuf {
        self.notes_dir().join(format!("{id}.toml"))
    }

    /// Every file in the store's notes folder.
    pub fn note_files(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.notes_dir()) {
            Ok(dir) => {
                let mut files: Vec<PathBuf> = dir.map(|e| e.unwrap().path()).collect();
                files.sort();
                files
            }
            Err(_) => Vec::new(),
        }
    }
}

/// Runs `edit --editor` with a sed script as the editor.
pub fn edit_with(env: &Env, id: &str, sed: &str) -> Output {
    env.cmd()
        .env("EDITOR", format!("sed -i -e '{sed}'"))
        .args(["edit", "--editor", id])
        .output()
        .unwrap()
}

/// Asserts the permission bits of `path` (as 0o600) where the build sets
/// them; the portable build, as on Windows, sets none.
pub fn assert_mode(path: &std::path::Path, mode: u32) {
    #[cfg(not(feature = "portable"))]
    {
        use std::os::unix::fs::PermissionsExt;
        let found = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(found, mode, "{:o} for {}", found, path.display());
    }
    #[cfg(feature = "portable")]
    let _ = (path, mode);
}

/// Ctrl-C to a running `child`: SIGINT, as a terminal sends it.
pub fn interrupt(child: &std::process::Child) {
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
}

/// The exit code; a run killed by a signal fails the test here.
pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Whether `program` is on the PATH.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
}

/// Whether an outside program a test needs is there; see [`missing`].
pub fn have(program: &str) -> bool {
    let found = on_path(program);
    if !found {
        missing(program);
    }
    found
}

/// A test skips without an outside program it needs, saying so, except
/// in CI (DRIEHOEK_CI_STRICT=1), where it fails.
pub fn missing(program: &str) {
    if std::env::var_os("DRIEHOEK_CI_STRICT").is_some_and(|v| v == "1") {
        panic!("{program} is not installed, and DRIEHOEK_CI_STRICT=1 needs it");
    }
    eprintln!("skipped: {program} is not installed (DRIEHOEK_CI_STRICT=1 makes this a failure)");
}

/// Where each of `parts` first occurs in `text`, checked to be in order.
pub fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing after byte {from} in\n{text}"));
        from += at + part.len();
    }
}

/// Replaces note ids with stable names of the same width (`id0000`, …),
/// so snapshots of tables keep their shape.
pub fn stable(text: &str, ids: &[&str]) -> String {
    let mut text = text.to_string();
    for (i, id) in ids.iter().enumerate() {
        text = text.replace(id, &format!("id{i:04}"));
    }
    text
}

/// A snapshot with dates masked (same width, so tables keep their shape).
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ filters => vec![
            (r"\b\d{4}-\d{2}-\d{2}\b", "YYYY-MM-DD"),
            (r"\b\d{2}-\d{2}-\d{4}\b", "DD-MM-YYYY"),
            (r"\b\d{1,2} (jan\.|feb\.|mrt\.|apr\.|mei|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.|[A-Z][a-z]{2}) \d{4}\b", "D MMM YYYY"),
        ] }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}
