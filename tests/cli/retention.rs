//! The retention period (issue 11, item 11): notes not updated for longer
//! than `bewaartermijn` months are marked, make `check` fail, and
//! `opschonen` erases them as `delete --purge` does.

use std::fs;

use crate::harness::{Env, FULL, code, stderr, stdout};

fn config(env: &Env, text: &str) {
    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), text).unwrap();
}

/// A note last updated two years ago, with a word only it holds.
fn old_note(env: &Env) -> String {
    let id = env.new_note(&FULL.replace("Drie zakken post", "Oude post kwxoud"));
    env.backdate(&id, "2023-01-15T09:00:00Z");
    id
}

#[test]
fn notes_past_the_period_are_marked_checked_and_pruned() {
    let env = Env::new();
    config(&env, "bewaartermijn = 12\n");
    let old = old_note(&env);
    let new = env.new_note(FULL);

    let out = env.run(&["list"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let table = stdout(&out);
    let row = |id: &str| table.lines().find(|l| l.contains(id)).unwrap().to_string();
    assert!(row(&old).contains("bewaartermijn voorbij"), "{table}");
    assert!(!row(&new).contains("bewaartermijn voorbij"), "{table}");
    assert!(
        stderr(&out).contains("1 notitie is langer dan de bewaartermijn van 12 maanden niet bijgewerkt; wis haar met: driehoek opschonen"),
        "{}",
        stderr(&out)
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["list", "--format", "json"]))).unwrap();
    for row in json.as_array().unwrap() {
        let past = row.get("past_retention").and_then(|v| v.as_bool()) == Some(true);
        assert_eq!(past, row["id"] == old.as_str(), "{row}");
    }

    let out = env.run(&["check"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains(&old) && !stdout(&out).contains(&new));

    // Without a terminal, only --yes goes on.
    let out = env.run(&["opschonen"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(env.note_path(&old).exists());

    let out = env.run(&["prune", "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(&old), "the notes are listed first");
    assert!(stderr(&out).contains(&format!("Notitie {old} en haar geschiedenis zijn gewist.")));
    assert!(!env.note_path(&old).exists() && env.note_path(&new).exists());
    let store = env.home.path().join("store");
    assert!(!store.join("history").join(&old).exists());
    assert_eq!(code(&env.run(&["check"])), 0);
    let out = env.run(&["opschonen", "--yes"]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("Geen notities ouder dan de bewaartermijn van 12 maanden."));
}

#[test]
fn without_a_period_nothing_is_marked_and_config_suggests_twelve_months() {
    let env = Env::new();
    let old = old_note(&env);
    let out = env.run(&["list"]);
    assert!(!stdout(&out).contains("bewaartermijn"), "{}", stdout(&out));
    assert_eq!(code(&env.run(&["check"])), 0);
    let out = env.run(&["opschonen", "--yes"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out)
            .contains("er is geen bewaartermijn ingesteld; zet bijvoorbeeld bewaartermijn = 12")
    );
    assert!(env.note_path(&old).exists());
    let out = env.run(&["config"]);
    assert!(stdout(&out).contains("bewaartermijn = — (niet ingesteld; de AVG vraagt om een termijn, bijvoorbeeld: bewaartermijn = 12)"), "{}", stdout(&out));
    config(&env, "bewaartermijn = 24\n");
    assert!(stdout(&env.run(&["config"])).contains("bewaartermijn = 24 (maanden)"));
}

#[test]
fn a_period_that_is_not_a_number_of_months_is_refused_with_its_place() {
    let env = Env::new();
    for bad in ["0", "-3", "1201", "\"twaalf\""] {
        config(&env, &format!("lang = \"nl\"\nbewaartermijn = {bad}\n"));
        let out = env.run(&["list"]);
        assert_eq!(code(&out), 2, "{bad}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("config.toml:2:"),
            "{bad}: {}",
            stderr(&out)
        );
    }
}
