//! Tables fit the terminal: at 80 and 60 columns, and 100 in a pipe.

use crate::harness::{Env, FULL, code, stable, stderr, stdout};
use crate::snapshot;

/// Notes with a short and a long title, and one kept version.
fn notes(env: &Env) -> Vec<String> {
    let long = FULL.replace(
        "titel = \"Drie zakken post\"",
        "titel = \"Jongeren die zelf voedselpakketten zijn gaan uitdelen in het buurthuis van de wijk\"",
    );
    let a = env.new_note(FULL);
    let b = env.new_note(&long);
    let edited = env
        .cmd()
        .env("EDITOR", "sed -i -e 's/Samen de post/Samen alle post/'")
        .args(["edit", "--editor", &a])
        .output()
        .unwrap();
    assert_eq!(code(&edited), 0, "{}", stderr(&edited));
    vec![a, b]
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn tables_fit_80_and_60_columns_and_100_in_a_pipe() {
    let env = Env::new();
    let ids = notes(&env);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    for (width, args) in [
        (Some(80), vec!["list"]),
        (Some(60), vec!["list"]),
        (None, vec!["list"]),
        (Some(80), vec!["history", ids[0]]),
        (Some(60), vec!["history", ids[0]]),
        (Some(80), vec!["bundle", "--titles"]),
        (Some(60), vec!["bundle", "--titles"]),
        (Some(80), vec!["practice", "--list"]),
        (Some(60), vec!["practice", "--list"]),
        (None, vec!["practice", "--list"]),
    ] {
        let mut all = args.clone();
        let w = width.map(|w: usize| w.to_string());
        if let Some(w) = &w {
            all.extend(["--width", w]);
        }
        let out = env.run(&all);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            widest(&text) <= width.unwrap_or(100),
            "{all:?} is {} wide:\n{text}",
            widest(&text)
        );
    }
    // `show` wraps its text (its drawings keep their shape).
    let show = stdout(&env.run(&["show", ids[1], "--width", "60"]));
    assert!(
        show.starts_with(
            "Jongeren die zelf voedselpakketten zijn gaan uitdelen in het\nbuurthuis van de wijk\n"
        ),
        "{show}"
    );
    assert!(
        show.contains("\n  Samen de post sorteren; de schuldeisers tijdelijk laten\n  wachten.\n"),
        "{show}"
    );
    // One note, so the snapshot does not depend on which was made first.
    let list = |width: &str| {
        let out = env.run(&["list", "--search", "buurthuis", "--width", width]);
        stable(&stdout(&out), &ids)
    };
    let at_60_all = stdout(&env.run(&["list", "--width", "60"]));
    assert!(
        at_60_all.contains("┆ ✓ ✓ ? ┆ S    ┆ O     │"),
        "{at_60_all}"
    );
    let at_60 = list("60");
    assert!(at_60.contains("Jongeren d… ┆"), "{at_60}");
    assert!(
        at_60.contains("W wet · M middelen · Z zelfregie: ✓ ja"),
        "the verdicts' legend:\n{at_60}"
    );
    snapshot!("list_at_80", list("80"));
    snapshot!("list_at_60", at_60);
    let piped = stable(&stdout(&env.run(&["list"])), &ids);
    assert_eq!(widest(&piped), 100, "{piped}");
    let en = stdout(&env.run(&["--lang", "en", "list", "--width", "60"]));
    assert!(
        en.contains("L law · M money · S self-direction: ✓ yes"),
        "{en}"
    );
}

#[test]
fn a_width_too_small_is_refused() {
    let env = Env::new();
    let out = env.run(&["list", "--width", "10"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn report_tables_keep_short_words_whole_at_80_columns() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let entry = env.file(
        "e.toml",
        "set = \"afloop\"\n[afloop]\nbesluit = \"afgewezen\"\n",
    );
    assert_eq!(
        code(&env.run(&["afloop", &id, "--from", entry.to_str().unwrap()])),
        0
    );
    let text = stdout(&env.run(&["bundle", "--width", "80"]));
    assert!(widest(&text) <= 80, "{text}");
    // The column heads are single words, never broken: in a table's
    // head, or before a record's value when the columns did not fit.
    for word in ["Doorgebroken", "Afgewezen", "casussen", "bedragen"] {
        let whole = text
            .lines()
            .any(|l| l.contains(word) && (l.contains('┆') || l.contains(':')));
        assert!(whole, "{word} broken in\n{text}");
    }
}
