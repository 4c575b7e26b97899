//! A store and inputs that trust nothing (issue 11, items 4, 5 and 9):
//! endless input, damaged caches, files that are not what they seem.

use std::fs;
use std::time::{Duration, Instant};

use crate::harness::{Env, FULL, code, stderr, stdout};

#[test]
fn endless_input_is_refused_at_the_limit_while_reading() {
    let env = Env::new();
    for (args, limit) in [
        (&["new", "--from", "/dev/zero"][..], "4194304"),
        (&["--questions", "/dev/zero", "questions"][..], "524288"),
    ] {
        let start = Instant::now();
        let out = env.run(args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("groter dan {limit} bytes")),
            "{}",
            stderr(&out)
        );
        assert!(start.elapsed() < Duration::from_secs(10));
    }
    // A pipe reports no size either.
    let out = env
        .cmd()
        .args(["new", "--from", "/dev/stdin"])
        .write_stdin(vec![b'#'; 5 * 1024 * 1024])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(env.note_files().is_empty());
}

#[test]
fn a_damaged_text_cache_is_rebuilt_whatever_its_lengths() {
    let env = Env::new();
    let id = env.new_note(FULL);
    assert_eq!(code(&env.run(&["list", "--search", "post"])), 0);
    let cache = env.home.path().join("store/cache/text");
    for damage in [
        format!("driehoek text index 1\n{id}\t1\t2\t18446744073709551615\nx\n"),
        format!("driehoek text index 1\n{id}\t1\t2\t4000000000\nx\n"),
        "driehoek text index 1\n\t\t\t\n".to_string(),
    ] {
        fs::write(&cache, &damage).unwrap();
        let out = env.run(&["list", "--search", "post"]);
        assert_eq!(code(&out), 0, "{damage:?}: {}", stderr(&out));
        assert!(stdout(&out).contains(&id));
        let rebuilt = fs::read_to_string(&cache).unwrap();
        assert!(rebuilt.contains("drie zakken post"), "{rebuilt}");
    }
}

/// A line no output may ever show: it stands behind a link.
const SECRET: &str = "root:GEHEIM-wachtwoord-regel";

/// Runs the binary, failing the test if it does not end within `secs`
/// (a FIFO opened for reading would block it forever).
fn run_within(env: &Env, args: &[&str], secs: u64) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_driehoek"));
    child.env_remove("DRIEHOEK_LANG");
    for (k, v) in env.vars() {
        child.env(k, v);
    }
    let mut child = child
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!("driehoek {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid C string; mkfifo only makes a file system entry.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[cfg(unix)]
#[test]
fn links_fifos_and_folders_in_the_store_are_broken_by_name_and_never_read() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let secret = env.file("shadow", &format!("{SECRET}\nmeer\n"));
    let notes = env.notes_dir();
    std::os::unix::fs::symlink(&secret, notes.join("link23.toml")).unwrap();
    std::os::unix::fs::symlink(env.note_path(&id), notes.join("naar23.toml")).unwrap();
    mkfifo(&notes.join("fifo23.toml"));
    fs::create_dir(notes.join("map234.toml")).unwrap();
    // A draft, a kept version and a cache that are links or FIFOs too.
    let store = env.home.path().join("store");
    std::os::unix::fs::symlink(&secret, store.join("drafts/conc23.toml")).unwrap();
    assert_eq!(
        code(&crate::harness::edit_with(
            &env,
            &id,
            "s/Elke brief/Iedere brief/"
        )),
        0
    );
    let history = store.join("history").join(&id);
    std::os::unix::fs::symlink(&secret, history.join("20200101T000000Z.toml")).unwrap();
    fs::create_dir_all(store.join("cache")).unwrap();
    mkfifo(&store.join("cache/text"));
    std::os::unix::fs::symlink(&secret, store.join("cache/summary")).unwrap();

    for args in [
        &["list"][..],
        &["list", "--search", "post"][..],
        &["check"][..],
        &["drafts"][..],
        &["history", &id][..],
        &["bundle"][..],
        &["show", "link23"][..],
        &["show", "fifo23"][..],
    ] {
        let out = run_within(&env, args, 20);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert_ne!(code(&out), 101, "{args:?} panicked: {all}");
        assert!(!all.contains("GEHEIM"), "{args:?} shows the target: {all}");
    }
    let out = run_within(&env, &["list"], 20);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains(&id));
    let err = stderr(&out);
    for name in ["link23.toml", "naar23.toml", "fifo23.toml", "map234.toml"] {
        assert!(err.contains(name), "{name} not named: {err}");
    }
    assert!(err.contains("geen gewoon bestand"), "{err}");
    let out = run_within(&env, &["show", "link23"], 20);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
}

#[test]
fn a_copied_note_never_crashes_and_both_files_are_named() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let other = env.new_note(FULL);
    let text = fs::read_to_string(env.note_path(&id)).unwrap();
    fs::write(env.notes_dir().join(format!("{id}-kopie.toml")), &text).unwrap();
    fs::write(
        env.notes_dir()
            .join(format!("{id} (sync conflict 2025).toml")),
        &text,
    )
    .unwrap();
    // Twice: the second run reads the cache the first one wrote.
    for _ in 0..2 {
        for args in [
            &["list"][..],
            &["list", "--search", "post"][..],
            &["bundle"][..],
            &["check"][..],
        ] {
            let out = env.run(args);
            assert_ne!(code(&out), 101, "{args:?}: {}", stderr(&out));
            let err = stderr(&out);
            assert!(err.contains(&format!("{id}-kopie.toml")), "{args:?}: {err}");
            assert!(
                err.contains(&format!("Houd de goede versie als notes/{id}.toml")),
                "{err}"
            );
        }
        let list = stdout(&env.run(&["list"]));
        assert!(list.contains(&id) && list.contains(&other), "{list}");
    }
    let out_dir = env.home.path().join("uit");
    let out = env.run(&["export", "--all", "-o", out_dir.to_str().unwrap()]);
    assert_ne!(code(&out), 101, "{}", stderr(&out));
}

#[test]
fn an_id_inside_a_note_never_chooses_where_an_export_writes() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let text = fs::read_to_string(env.note_path(&id)).unwrap();
    fs::write(
        env.notes_dir().join("boos23.toml"),
        text.replace(&format!("id = \"{id}\""), "id = \"../../buiten\""),
    )
    .unwrap();
    let out_dir = env.home.path().join("uit");
    let out = env.run(&["export", "--all", "-o", out_dir.to_str().unwrap()]);
    assert_ne!(code(&out), 101, "{}", stderr(&out));
    assert!(stderr(&out).contains("boos23.toml"), "{}", stderr(&out));
    let outside: Vec<_> = fs::read_dir(env.home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("buiten"))
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
    assert!(!env.home.path().parent().unwrap().join("buiten.md").exists());
}

#[test]
fn a_draft_whose_ids_lead_out_of_the_store_is_broken_and_never_followed() {
    let env = Env::new();
    let store = env.home.path().join("store");
    let base = "format = 1\nstarted = \"2025-01-01T00:00:00Z\"\nupdated = \"2025-01-01T00:00:00Z\"\nset = \"waardendriehoek\"\nset_version = 1\nlang = \"nl\"\n";
    fs::create_dir_all(store.join("drafts")).unwrap();
    fs::write(
        store.join("drafts").join("kopie2.toml"),
        format!("{base}id = \"ander3\"\n"),
    )
    .unwrap();
    fs::write(
        store.join("drafts").join("weg234.toml"),
        format!("{base}id = \"weg234\"\nedit_of = \"../../buiten\"\n"),
    )
    .unwrap();
    let out = env.run(&["drafts"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("kopie2.toml") && err.contains("weg234.toml"),
        "{err}"
    );
    assert!(err.contains("geen bruikbaar concept"), "{err}");
}
