//! Notes written by release 1 (note format 1, question set version 1) keep
//! their meaning: the real files in fixtures/format1/notes are read by
//! today's binary and compared with what release 1 printed for them
//! (fixtures/format1/expected). Where format 2 legitimately renders
//! differently (costs now show their period, Awb art. 4:84 is a route to
//! deviate rather than a law), each test says what it compares.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::harness::{Env, code, stdout};

const IDS: [&str; 4] = ["zp86yf", "2vtd4z", "vr2ybd", "bh9m5w"];
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli/fixtures/format1");

/// A store holding the four release-1 notes, byte for byte.
pub fn store_with_format1() -> Env {
    let env = Env::new();
    let notes = env.notes_dir();
    fs::create_dir_all(&notes).unwrap();
    for dir in [notes.parent().unwrap(), notes.as_path()] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).unwrap();
    }
    for id in IDS {
        let to = env.note_path(id);
        fs::copy(format!("{DIR}/notes/{id}.toml"), &to).unwrap();
        fs::set_permissions(&to, fs::Permissions::from_mode(0o600)).unwrap();
    }
    env
}

fn expected(name: &str) -> String {
    let text = fs::read_to_string(format!("{DIR}/expected/{name}")).unwrap();
    // JSON is as it was: ISO 8601 dates in UTC.
    if name.ends_with(".json") {
        text
    } else {
        as_written_today(&text)
    }
}

/// What release 1 printed, with the wording that issue 12 changed and
/// nothing else: dates as Dutch readers write them (`01-12-2026` in
/// tables, `1 dec. 2026` in text), plurals written out, the scope column
/// called "aard". The meaning stays; the fixtures stay as release 1 wrote
/// them.
fn as_written_today(text: &str) -> String {
    text.replace("Gemaakt 2026-12-01", "Gemaakt 1 dec. 2026")
        .replace(" · 2026-12-01 · ", " · 1 dec. 2026 · ")
        .replace("2026-12-01", "01-12-2026")
        .replace("Over de 3 casus(sen)", "Over 3 casussen")
        .replace("4 casus(sen)", "4 casussen")
        .replace("┆ schaal      │", "┆ aard        │")
}

/// Release 1's averages with the Dutch decimal comma (`1.5` is `1,5`);
/// only for the bundle, whose other numbers have no decimals.
fn decimal_comma(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (0..chars.len())
        .map(|i| {
            if chars[i] == '.' && i > 0 && digit(i - 1) && digit(i + 1) && !digit(i + 2) {
                ','
            } else {
                chars[i]
            }
        })
        .collect()
}

/// `list --format json` as release 1 gave it, field for field, but for
/// the two fields the outcome log added later: release 1 had no log, so
/// every one of its notes is open and has no days to a decision.
fn assert_release_1_list(json: &str) {
    let mut rows: serde_json::Value = serde_json::from_str(json).unwrap();
    for row in rows.as_array_mut().unwrap() {
        let row = row.as_object_mut().unwrap();
        assert_eq!(row.remove("status"), Some(serde_json::json!("open")));
        assert_eq!(
            row.remove("days_to_decision"),
            Some(serde_json::Value::Null)
        );
    }
    let then: serde_json::Value = serde_json::from_str(&expected("list.json")).unwrap();
    assert_eq!(rows, then);
}

fn ok(env: &Env, args: &[&str]) -> String {
    let out = env.run(args);
    assert_eq!(code(&out), 0, "{args:?}: {}", crate::harness::stderr(&out));
    stdout(&out)
}

#[test]
fn list_reads_release_1_notes_exactly_as_release_1_did() {
    let env = store_with_format1();
    assert_release_1_list(&ok(&env, &["list", "--format", "json"]));
    // Compared: every row's meaning. The table is laid out anew since
    // (it fits the terminal): the verdicts as symbols, the scope as its
    // initial, with a legend below.
    let cells = |line: &str| -> Vec<String> {
        line.split(['│', '┆'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    };
    let rows = |text: &str| -> Vec<Vec<String>> {
        text.lines()
            .skip(3)
            .filter(|l| l.starts_with('│'))
            .map(cells)
            .collect()
    };
    let symbol = |word: &str| match word {
        "ja" => "✓",
        "nee" => "✗",
        "twijfel" => "?",
        _ => "○",
    };
    let release_1: Vec<Vec<String>> = rows(&expected("list.txt"))
        .into_iter()
        .map(|r| {
            let verdicts = [&r[3], &r[4], &r[5]].map(|w| symbol(w)).join(" ");
            let scope = r[6].chars().next().unwrap().to_uppercase().to_string();
            // Release 1 had no outcome log: every note stands open.
            let status = "O".to_string();
            vec![
                r[0].clone(),
                r[1].clone(),
                r[2].clone(),
                verdicts,
                scope,
                status,
            ]
        })
        .collect();
    assert_eq!(rows(&ok(&env, &["list"])), release_1);
}

/// The lines of `text` that say something, trimmed: the meaning of a
/// rendering without its table borders.
pub fn said(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.chars()
                .filter(|c| !"│┆┌┐└┘├┤┬┴┼─═╞╡╪".contains(*c))
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn show_and_export_say_what_release_1_said() {
    let env = store_with_format1();
    for id in IDS {
        // Compared: every line release 1 showed is still shown, except the
        // cost rows (now with their period) and Awb art. 4:84 among the laws
        // (now a route to deviate, shown under its question as asked).
        let now = said(&ok(&env, &["show", id]));
        for line in said(&expected(&format!("show-{id}.txt"))) {
            let changed = line.contains('€')
                || line.contains("Awb art. 4:84")
                || line.starts_with("Huidige route")
                || line.starts_with("Voorstel")
                || line.starts_with("Verschil")
                || line.starts_with("Current route")
                || line.starts_with("Proposal")
                || line.starts_with("Difference")
                // The English note's yes/no now reads in the note's own
                // language ("yes"), like its other choices always did.
                || (id == "bh9m5w" && line == "ja")
                // The front block now leads with the costs (its table says
                // "Kosten") and, for a short note, with all its next steps.
                || ["Kosten", "Costs", "Bedrag", "Amount"].contains(&line.as_str())
                || line == "Vervolg";
            if !changed {
                assert!(now.contains(&line), "{id}: {line:?} is gone from show");
            }
        }
        // Compared: every answer in the JSON export, value for value, apart
        // from the reshaped ones (costs, blocker, room).
        let old: serde_json::Value =
            serde_json::from_str(&expected(&format!("export-{id}.json"))).unwrap();
        let new: serde_json::Value =
            serde_json::from_str(&ok(&env, &["export", id, "--format", "json"])).unwrap();
        for key in [
            "id",
            "title",
            "triangle",
            "scope",
            "lang",
            "created",
            "contrasts",
        ] {
            assert_eq!(old[key], new[key], "{id}: {key}");
        }
    }
}

#[test]
fn costs_keep_their_amounts_and_say_their_period() {
    let env = store_with_format1();
    // vr2ybd: a yearly route of € 24.000,50 against a yearly proposal.
    let show = ok(&env, &["show", "vr2ybd"]);
    assert!(show.contains("€ 24.000,50 per jaar"), "{show}");
    assert!(show.contains("€ 1.250,75 per jaar"), "{show}");
    assert!(show.contains("€ 22.749,75 minder"), "{show}");
    // 2vtd4z: a one-off proposal; release 1 said € 16.100 less in the first
    // year and € 18.500 in later years.
    let show = ok(&env, &["show", "2vtd4z"]);
    assert!(show.contains("€ 2.400 eenmalig"), "{show}");
    assert!(show.contains("€ 16.100 minder"), "{show}");
    assert!(show.contains("€ 18.500 minder"), "{show}");
    // The English note in English.
    let show = ok(&env, &["--lang", "en", "show", "bh9m5w"]);
    assert!(show.contains("€40,000 per year"), "{show}");
}

#[test]
fn the_bundle_counts_release_1_notes_as_release_1_did() {
    let env = store_with_format1();
    let now = said(&ok(&env, &["bundle"]));
    // Compared: every line but the law table's Awb art. 4:84 row, which
    // is a route to deviate in set 2 and no longer a law, and the cost
    // rows, which release 1 summed per year and the first year: today
    // every case is compared over one horizon of 3 years.
    let per_year = [
        "Huidige routes, per jaar",
        "Voorstellen, eenmalig",
        "Voorstellen, per jaar",
        "Verschil in het eerste jaar",
    ];
    for line in said(&expected("bundle.txt")) {
        let line = decimal_comma(&line);
        if !line.contains("Awb art. 4:84") && !per_year.iter().any(|p| line.starts_with(p)) {
            assert!(now.contains(&line), "{line:?} is gone from the bundle");
        }
    }
    // Release 1's € 82.500,50 a year now; € 2.400 once and € 7.250,75 a
    // year proposed: over 3 years.
    for line in [
        "Huidige routes over 3 jaar € 247.501,50",
        "Voorstellen over 3 jaar € 24.152,25",
        "Verschil over 3 jaar € 223.349,25 minder",
    ] {
        assert!(now.contains(&line.to_string()), "{line:?}: {now:#?}");
    }
}

fn files(env: &Env) -> Vec<(String, Vec<u8>)> {
    env.note_files()
        .into_iter()
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn upgrade_shows_what_changes_then_rewrites_each_note_once() {
    let env = store_with_format1();
    let broken = env.note_path("kapot1");
    fs::write(&broken, "format = 1\nid = \"kap").unwrap();
    fs::set_permissions(&broken, fs::Permissions::from_mode(0o600)).unwrap();
    let before = files(&env);

    // --dry-run: shows every note and what changes, writes nothing.
    let out = env.run(&["upgrade", "--dry-run"]);
    let plan = stdout(&out);
    for id in IDS {
        assert!(plan.contains(&format!("{id}  ")), "{plan}");
    }
    assert!(plan.contains("notitieformaat 1 → 3"), "{plan}");
    assert!(
        plan.contains("Awb art. 4:84 verhuist van de wetten naar de routes om af te wijken"),
        "{plan}"
    );
    let err = crate::harness::stderr(&out);
    assert!(err.contains("bij te werken: 4 notities"), "{err}");
    // The unreadable note is named, and the run says the store is not all new.
    assert!(err.contains("kapot1.toml"), "{err}");
    assert_eq!(code(&out), 1);
    assert_eq!(files(&env), before);

    // Without a terminal it needs --yes, and changes nothing.
    let out = env.cmd().arg("bijwerken").write_stdin("").output().unwrap();
    assert_eq!(code(&out), 2);
    assert_eq!(files(&env), before);

    let out = env.run(&["upgrade", "--yes"]);
    assert_eq!(code(&out), 1, "the broken note is left");
    assert!(crate::harness::stderr(&out).contains("Bijgewerkt: 4 notities"));
    for id in IDS {
        let text = fs::read_to_string(env.note_path(id)).unwrap();
        assert!(text.contains("\nformat = 3\n"), "{id}");
        // The previous version, byte for byte, in the history.
        let kept = env.home.path().join("store/history").join(id);
        let kept: Vec<_> = fs::read_dir(kept)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(kept.len(), 1, "{id}");
        assert_eq!(
            fs::read(&kept[0]).unwrap(),
            fs::read(format!("{DIR}/notes/{id}.toml")).unwrap()
        );
    }
    assert_eq!(fs::read(&broken).unwrap(), b"format = 1\nid = \"kap");
    // The meaning is unchanged: the same list, byte for byte.
    assert_release_1_list(&ok_or_1(&env, &["list", "--format", "json"]));

    // Safe to run twice: nothing left to do, nothing written.
    fs::remove_file(&broken).unwrap();
    let after = files(&env);
    let out = env.run(&["upgrade", "--yes"]);
    assert_eq!(code(&out), 0);
    assert!(crate::harness::stderr(&out).contains("er is niets bij te werken"));
    assert_eq!(files(&env), after);
}

/// stdout of a run that may exit 1 for a broken note beside the others.
fn ok_or_1(env: &Env, args: &[&str]) -> String {
    let out = env.run(args);
    assert!(
        [0, 1].contains(&code(&out)),
        "{}",
        crate::harness::stderr(&out)
    );
    stdout(&out)
}

#[test]
fn editing_a_release_1_note_upgrades_it_and_keeps_the_old_version() {
    let env = store_with_format1();
    let out = crate::harness::edit_with(
        &env,
        "vr2ybd",
        "s/^value = \"Mantelzorger zonder huurcontract\"/value = \"Mantelzorger, bijgewerkt\"/",
    );
    assert_eq!(code(&out), 0, "{}", crate::harness::stderr(&out));
    let text = fs::read_to_string(env.note_path("vr2ybd")).unwrap();
    assert!(text.contains("\nformat = 3\n"), "{text}");
    // Edited with question set 3, so it says set 3.
    assert!(text.contains("set_version = 3"), "{text}");
    // The retired answers stay, under their questions as asked.
    assert!(text.contains("id = \"middelen.reikwijdte\""), "{text}");
    assert!(
        text.contains("id = \"reflectie.ervaringsdeskundige_vraag\""),
        "{text}"
    );
    let history = env.home.path().join("store/history/vr2ybd");
    assert_eq!(fs::read_dir(history).unwrap().count(), 1);
    let show = ok(&env, &["show", "vr2ybd"]);
    assert!(show.contains("Mantelzorger, bijgewerkt"), "{show}");
    assert!(show.contains("€ 24.000,50 per jaar"), "{show}");
    assert!(
        show.contains("Is dit goed voor deze ene Amsterdammer"),
        "{show}"
    );
}
