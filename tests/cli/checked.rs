//! What `check` reads (the answers, the outcome log, every kept version)
//! and says it looked for, and how one kept version is erased.

use std::fs;

use crate::harness::{Env, SHORT_NOTE, code, stderr, stdout};

#[test]
fn check_says_what_it_looked_for_and_that_names_come_from_the_list() {
    let env = Env::new();
    env.new_note(&SHORT_NOTE.replace("Ik wil gewoon verder.", "Ik wil verder, zegt Fatima."));
    let out = env.run(&["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let said = stderr(&out) + &stdout(&out);
    assert!(
        said.contains("Geen BSN, IBAN, telefoonnummer, e-mailadres, postcode met huisnummer of geboortedatum gevonden in 1 notitie")
            && said.contains("namen herkent het alleen uit je lijst"),
        "{said}"
    );
    assert!(!said.contains("Geen persoonsgegevens"), "{said}");
}

#[test]
fn check_reads_the_outcome_log_and_every_kept_version() {
    let env = Env::new();
    let id = env.new_note_with(
        &SHORT_NOTE.replace("Ik wil gewoon verder.", "Haar BSN is 111222333."),
        &["--allow-personal-data"],
    );
    let entry = env.file(
        "afloop.toml",
        "set = \"afloop\"\n[afloop]\nadvies = \"Bel haar op 0612345678.\"\n",
    );
    let out = env.run(&[
        "afloop",
        &id,
        "--uit",
        entry.to_str().unwrap(),
        "--allow-personal-data",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The BSN is taken out of the note; the version before keeps it.
    let path = env.note_path(&id);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("111222333", "[BSN]")).unwrap();
    let out = env.run(&["check"]);
    assert_eq!(code(&out), 1);
    let said = stdout(&out);
    assert!(
        said.contains("[afloop.advies (1)] telefoonnummer: 0612345678"),
        "{said}"
    );
    let version = said
        .lines()
        .find(|l| l.contains("BSN: 111222333"))
        .unwrap_or_else(|| panic!("the kept version is not read:\n{said}"));
    assert!(version.contains("in bewaarde versie 1"), "{version}");
    assert!(
        version.contains(&format!("driehoek geschiedenis {id} --wis 1")),
        "{version}"
    );
    // An export warns of the outcome's finding too.
    let out = env.run(&["export", &id]);
    assert!(stderr(&out).contains("0612345678"), "{}", stderr(&out));

    // Erasing that one version: the note and its log stay.
    let out = env.run(&["history", &id, "--erase", "1"]);
    assert_eq!(code(&out), 2, "no terminal and no --yes: nothing erased");
    let out = env.run(&["geschiedenis", &id, "--wis", "1", "--ja"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Bewaarde versie 1"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["check"]);
    assert!(!stdout(&out).contains("111222333"), "{}", stdout(&out));
    assert!(stdout(&out).contains("0612345678"));
    assert!(env.note_path(&id).exists());
    let out = env.run(&["history", &id, "--erase", "1", "--yes"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("has no kept version 1")
            || stderr(&out).contains("geen bewaarde versie 1")
    );
}
