//! A store and inputs that trust nothing (issue 11, items 4, 5 and 9):
//! endless input, damaged caches, files that are not what they seem.

use std::fs;
use std::time::{Duration, Instant};

use crate::harness::{Env, FULL, code, stderr, stdout};

#[test]
fn endless_input_is_refused_at_the_limit_while_reading() {
    let env = Env::new();
    for args in [
        &["new", "--from", "/dev/zero"][..],
        &["--questions", "/dev/zero", "questions"][..],
    ] {
        let start = Instant::now();
        let out = env.run(args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("groter dan 4194304 bytes"),
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
