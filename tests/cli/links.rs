//! Below the store's root no link is followed; the root itself may be one.

use std::fs;

use crate::harness::{Env, FULL, SHORT_NOTE, code, stderr, stdout};

#[test]
fn a_linked_history_or_drafts_folder_is_refused_and_nothing_is_written_through_it() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let store = env.notes_dir().parent().unwrap().to_path_buf();
    let outside = env.home.path().join("buiten");
    fs::create_dir_all(&outside).unwrap();
    // history/ID leads outside the store: an edit keeps no version there.
    std::os::unix::fs::symlink(&outside, store.join("history").join(&id)).unwrap();
    let out = env
        .cmd()
        .env("EDITOR", "sed -i -e s/Drie\\ zakken/Vier\\ zakken/")
        .args(["edit", "--editor", &id])
        .output()
        .unwrap();
    assert_ne!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stderr(&out).contains("volgt geen links"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_dir(&outside).unwrap().count(),
        0,
        "written through the link"
    );
    // drafts/ leads outside: every run says so, none writes there.
    fs::remove_file(store.join("history").join(&id)).unwrap();
    fs::remove_dir_all(store.join("drafts")).unwrap();
    std::os::unix::fs::symlink(&outside, store.join("drafts")).unwrap();
    let out = env.run(&["list"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("drafts is geen map"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
}

#[test]
fn a_store_whose_root_is_a_link_works() {
    let env = Env::new();
    let id = env.new_note(SHORT_NOTE);
    let link = env.home.path().join("via-link");
    std::os::unix::fs::symlink(env.home.path().join("store"), &link).unwrap();
    let out = env
        .cmd()
        .env("DRIEHOEK_HOME", &link)
        .args(["show", &id])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("Korte notitie"));
}
