//! Erasure that finishes, nothing that lingers, no lost update (issue 11,
//! items 1–3): a purge leaves no byte of the note behind, even when it is
//! cut off; what killed runs leave is tidied by the next; two edits of one
//! note never silently lose one of them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::harness::{Env, FULL, code, edit_with, interrupt, stderr, stdout};

/// A word no other text in the store holds, lower case so the search
/// cache (which lowercases) holds it the same way.
const MARKER: &str = "zqxjmarker7731";

fn store(env: &Env) -> PathBuf {
    env.home.path().join("store")
}

/// Every file under `dir` whose name or bytes hold `needle`.
fn holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.to_string_lossy().contains(needle) {
            found.push(path.clone());
        }
        let meta = fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            found.extend(holding(&path, needle));
        } else if meta.is_file() {
            let bytes = fs::read(&path).unwrap();
            if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                found.push(path);
            }
        }
    }
    found
}

/// Every file under `dir`, recursively.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(all_files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// The binary as a plain process, to run in the background.
fn plain_cmd(env: &Env) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_driehoek"));
    cmd.env_remove("DRIEHOEK_LANG").env_remove("EDITOR");
    for (k, v) in env.vars() {
        cmd.env(k, v);
    }
    cmd
}

/// A note holding [`MARKER`], edited once so its history holds it too.
fn marked_note(env: &Env) -> String {
    let id = env.new_note(&FULL.replace("Drie zakken post", &format!("Post {MARKER}")));
    let out = edit_with(env, &id, "s/Elke brief/Iedere brief/");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    id
}

/// A draft file that edits note `id`, with `text` as its title answer.
fn edit_draft(env: &Env, id: &str, draft: &str, text: &str) {
    let note: toml::Table =
        toml::from_str(&fs::read_to_string(env.note_path(id)).unwrap()).unwrap();
    let mut d = toml::Table::new();
    for key in ["format", "set", "set_version", "lang"] {
        d.insert(key.into(), note[key].clone());
    }
    d.insert("id".into(), draft.into());
    d.insert("started".into(), note["created"].clone());
    d.insert("updated".into(), note["created"].clone());
    d.insert("edit_of".into(), id.into());
    let mut answer = note["answers"][0].as_table().unwrap().clone();
    answer.insert("value".into(), text.into());
    d.insert("answers".into(), toml::Value::Array(vec![answer.into()]));
    let path = store(env).join("drafts").join(format!("{draft}.toml"));
    fs::write(path, toml::to_string(&d).unwrap()).unwrap();
}

#[test]
fn a_purge_leaves_no_byte_of_the_note_anywhere_in_the_store() {
    let env = Env::new();
    let id = marked_note(&env);
    let kept = env.new_note(FULL);
    // The caches, a draft that edits it, and temp files a kill left: an
    // atomic write's half, the editor's file and its swap file, and a temp
    // file an older release left beside the notes.
    assert_eq!(code(&env.run(&["list", "--search", MARKER])), 0);
    edit_draft(&env, &id, "dr4ft2", &format!("Titel {MARKER}"));
    let tmp = store(&env).join("tmp");
    fs::write(tmp.join(".tmp-AbC123"), MARKER).unwrap();
    fs::write(tmp.join("bewerk-XyZ789.toml"), MARKER).unwrap();
    fs::write(tmp.join(".bewerk-XyZ789.toml.swp"), MARKER).unwrap();
    fs::write(env.notes_dir().join(".tmp-oud456"), MARKER).unwrap();
    let before = holding(&store(&env), MARKER);
    assert!(before.len() >= 8, "{before:#?}");

    let out = env.run(&["delete", "--purge", "--yes", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(holding(&store(&env), MARKER), Vec::<PathBuf>::new());
    assert_eq!(holding(&store(&env), &id), Vec::<PathBuf>::new());
    // The other note is untouched.
    assert_eq!(code(&env.run(&["show", &kept])), 0);
}

#[test]
fn a_cut_off_purge_is_finished_by_purging_again() {
    let env = Env::new();
    let id = marked_note(&env);
    // Cut off after the journal entry and the note file went, history left:
    // before the journal, the id no longer resolved at all.
    fs::create_dir_all(store(&env).join("purging")).unwrap();
    fs::write(store(&env).join("purging").join(&id), "").unwrap();
    fs::remove_file(env.note_path(&id)).unwrap();
    assert!(!holding(&store(&env), MARKER).is_empty());

    let out = env.run(&["delete", &id[..4], "--purge", "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("Notitie {id} en haar geschiedenis zijn gewist.")));
    assert_eq!(holding(&store(&env), MARKER), Vec::<PathBuf>::new());
    assert!(!store(&env).join("purging").join(&id).exists());
}

#[test]
fn a_cut_off_purge_is_finished_by_the_next_command_whatever_it_is() {
    let env = Env::new();
    let id = marked_note(&env);
    fs::create_dir_all(store(&env).join("purging")).unwrap();
    fs::write(store(&env).join("purging").join(&id), "").unwrap();
    let out = env.run(&["template"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!(
        "Het afgebroken wissen van notitie {id} is afgemaakt."
    )));
    assert_eq!(holding(&store(&env), MARKER), Vec::<PathBuf>::new());
    assert!(!stdout(&env.run(&["list"])).contains(&id));
}

#[test]
fn ctrl_c_during_a_purge_says_what_became_of_it() {
    let env = Env::new();
    let id = marked_note(&env);
    // Thousands of kept versions make the purge take a while.
    let history = store(&env).join("history").join(&id);
    let old = fs::read_dir(&history)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    for n in 0..20_000 {
        fs::copy(&old, history.join(format!("20200101T000000Z-{n}.toml"))).unwrap();
    }
    let child = plain_cmd(&env)
        .args(["delete", "--purge", "--yes", &id])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Ctrl-C once the purge has recorded its intent.
    let journal = store(&env).join("purging").join(&id);
    let start = Instant::now();
    while !journal.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the purge never recorded its intent"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
    interrupt(&child);
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(!err.contains("er is geen notitie opgeslagen"), "{err}");
    match code(&out) {
        130 => assert!(
            err.contains(&format!(
                "Afgebroken, maar notitie {id} was al helemaal gewist."
            )) || err.contains(&format!("Afgebroken tijdens het wissen van notitie {id}.")),
            "{err}"
        ),
        // The purge ended before the signal was handled.
        0 => assert!(err.contains("zijn gewist"), "{err}"),
        other => panic!("exit {other}: {err}"),
    }
    // Whatever the moment, one more command leaves nothing.
    assert_eq!(code(&env.run(&["list"])), 0);
    assert_eq!(holding(&store(&env), MARKER), Vec::<PathBuf>::new());
}

/// Sets the modification time of every file in `dir` two minutes back,
/// as if the runs that left them ended long ago.
fn age(dir: &Path) {
    let then = SystemTime::now() - Duration::from_secs(120);
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let file = fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(then).unwrap();
        }
    }
}

#[test]
fn temp_files_of_killed_runs_are_tidied_by_the_next_run_but_young_ones_kept() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let tmp = store(&env).join("tmp");
    fs::write(tmp.join(".tmp-gebleven"), "half a note").unwrap();
    fs::write(tmp.join("bewerk-gebleven.toml"), "an edit").unwrap();
    // Young: may be between its creation and its lock; it stays, and
    // `check` names it.
    let out = env.run(&["check"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains(".tmp-gebleven") && said.contains("bewerk-gebleven.toml"),
        "{said}"
    );
    assert_eq!(fs::read_dir(&tmp).unwrap().count(), 2);
    age(&tmp);
    let out = env.run(&["show", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(fs::read_dir(&tmp).unwrap().count(), 0);
    let out = env.run(&["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn three_hundred_runs_killed_at_random_leave_no_temp_file_and_whole_notes() {
    let env = Env::new();
    let first = env.new_note(FULL);
    let answers = env.file("a.toml", FULL);
    for n in 0..300 {
        let mut cmd = plain_cmd(&env);
        // An editor that takes a moment, so some kills land while it runs.
        cmd.env(
            "EDITOR",
            "sleep 0.01; sed -i -e 's/Elke brief/Iedere brief/'",
        );
        if n % 2 == 0 {
            cmd.args(["new", "--from", answers.to_str().unwrap()]);
        } else {
            cmd.args(["edit", "--editor", &first]);
        }
        let mut child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(fastrand::u64(0..25_000)));
        let _ = child.kill();
        let _ = child.wait();
    }
    let tmp = store(&env).join("tmp");
    age(&tmp);
    assert_eq!(code(&env.run(&["drafts"])), 0);
    let left: Vec<PathBuf> = all_files(&store(&env))
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(".tmp-") || name.contains("bewerk-")
        })
        .collect();
    assert_eq!(left, Vec::<PathBuf>::new());
    let out = env.run(&["list", "--strict", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let listed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), env.note_files().len());
}

#[test]
fn two_overlapping_editor_edits_never_lose_one() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let go = env.home.path().join("go");
    // The first editor waits until the second edit is saved.
    let first = plain_cmd(&env)
        .env(
            "EDITOR",
            format!(
                "while [ ! -e '{}' ]; do sleep 0.01; done; sed -i -e 's/Elke brief/Eerste bewerking/'",
                go.display()
            ),
        )
        .args(["edit", "--editor", &id])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Let the first edit read the note before the second saves.
    let tmp = store(&env).join("tmp");
    let start = Instant::now();
    while fs::read_dir(&tmp).unwrap().count() == 0 {
        assert!(start.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(5));
    }
    let second = edit_with(&env, &id, "s/Elke brief/Tweede bewerking/");
    assert_eq!(code(&second), 0, "{}", stderr(&second));
    fs::write(&go, "").unwrap();
    let first = first.wait_with_output().unwrap();
    assert_eq!(code(&first), 1, "{}", stderr(&first));
    let note = fs::read_to_string(env.note_path(&id)).unwrap();
    assert!(note.contains("Tweede bewerking") && !note.contains("Eerste bewerking"));
    // The first edit's answers wait in a draft, and it says how to go on.
    let err = stderr(&first);
    let drafts: Vec<PathBuf> = all_files(&store(&env).join("drafts"));
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = drafts[0].file_stem().unwrap().to_str().unwrap();
    assert!(err.contains(&format!("driehoek hervat {draft}")), "{err}");
    assert!(
        fs::read_to_string(&drafts[0])
            .unwrap()
            .contains("Eerste bewerking")
    );
}

/// Unix signals: the portable build leaves this to the next run's tidy.
#[cfg(not(feature = "portable"))]
#[test]
fn the_editor_file_goes_when_the_run_is_hung_up_or_terminated() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let tmp = store(&env).join("tmp");
    for signal in ["-HUP", "-TERM"] {
        let mut child = plain_cmd(&env)
            .env("EDITOR", "sleep 3 #")
            .args(["edit", "--editor", &id])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The note's text is written once the file is set to go on a
        // hang-up: wait for it.
        let start = Instant::now();
        while !fs::read_dir(&tmp).unwrap().any(|e| {
            let e = e.unwrap();
            e.file_name().to_string_lossy().ends_with(".toml")
                && e.metadata().is_ok_and(|m| m.len() > 0)
        }) {
            assert!(start.elapsed() < Duration::from_secs(20));
            std::thread::sleep(Duration::from_millis(5));
        }
        let kill = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let status = child.wait().unwrap();
        assert!(!status.success(), "{signal}");
        let left: Vec<_> = fs::read_dir(&tmp)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(left, Vec::<PathBuf>::new(), "{signal}");
    }
}
