//! Bundles across a team or a city (issue 10): `export --all --anoniem`
//! writes only what a bundle counts, and `bundle --from` merges many such
//! exports into the very report one store holding all the notes would give.

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::{Env, FULL, code, stderr, stdout, with_rule};

/// One invented case: its answers, an optional decision (value, day) and
/// an optional revision's current yearly cost.
struct Case {
    rule: &'static str,
    blocker: &'static str,
    cost: u32,
    decision: Option<(&'static str, &'static str)>,
    revision: Option<u32>,
}

fn case(rule: &'static str, blocker: &'static str, cost: u32) -> Case {
    Case {
        rule,
        blocker,
        cost,
        decision: None,
        revision: None,
    }
}

impl Case {
    fn decided(self, decision: &'static str, day: &'static str) -> Case {
        Case {
            decision: Some((decision, day)),
            ..self
        }
    }

    fn revised(self, cost: u32) -> Case {
        Case {
            revision: Some(cost),
            ..self
        }
    }

    /// Saves the case in `env`: the note, its outcome, its revision.
    fn save(&self, env: &Env) {
        let id = env.new_note(&with_rule(self.rule, self.blocker, self.cost));
        env.backdate(&id, "2026-01-02T09:00:00Z");
        if let Some((decision, day)) = self.decision {
            let entry = format!(
                "set = \"afloop\"\n[afloop]\nbesluit = \"{decision}\"\nbesluit_datum = \"{day}\"\n"
            );
            let path = env.file("afloop.toml", &entry);
            let out = env.run(&["afloop", &id, "--from", path.to_str().unwrap()]);
            assert_eq!(code(&out), 0, "{}", stderr(&out));
        }
        if let Some(cost) = self.revision {
            let path = env.file("revision.toml", &with_rule(self.rule, self.blocker, cost));
            let out = env.run(&["new", "--from", path.to_str().unwrap(), "--revises", &id]);
            assert_eq!(code(&out), 0, "{}", stderr(&out));
        }
    }
}

/// `export --all --anoniem -o FILE` in `env`; the file's path.
fn export(env: &Env, name: &str, extra: &[&str]) -> PathBuf {
    let path = env.home.path().join(name);
    let mut args = vec!["export", "--all", "--anoniem", "-o", path.to_str().unwrap()];
    args.extend(extra);
    let out = env.run(&args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    path
}

fn bundle(env: &Env, args: &[&str]) -> String {
    let out = env.run(&[&["bundle"], args].concat());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn three_stores_exports_bundle_as_one_store_holding_all_their_notes() {
    let teams: [Vec<Case>; 3] = [
        vec![
            case("Intake-eis  schuldhulp", "werkinstructie", 10_000)
                .decided("toegekend", "2026-01-10"),
            case("intake-eis schuldhulp", "werkinstructie", 20_000).revised(30_000),
            case("", "gewoonte", 4_000),
        ],
        vec![
            case("intake-eis schuldhulp", "werkinstructie", 7_000)
                .decided("afgewezen", "2026-02-01"),
            case("toewijzingsbeleid corporatie", "beleidsregel", 5_000)
                .decided("deels", "2026-01-20"),
        ],
        vec![
            case("toewijzingsbeleid corporatie", "beleidsregel", 6_000)
                .decided("loopt_nog", "2026-01-05"),
            case("toewijzingsbeleid corporatie", "beleidsregel", 8_000)
                .decided("toegekend", "2026-03-01"),
            case("maximaal drie gesprekken", "inkoop", 2_500),
        ],
    ];
    let all = Env::new();
    let stores: Vec<Env> = teams.iter().map(|_| Env::new()).collect();
    for (env, cases) in stores.iter().zip(&teams) {
        for case in cases {
            case.save(env);
            case.save(&all);
        }
    }
    let files: Vec<PathBuf> = stores
        .iter()
        .enumerate()
        .map(|(i, env)| export(env, &format!("team{i}.json"), &[]))
        .collect();
    // A copy of one team's file, in a folder with another's: still counted once.
    let folder = stores[0].home.path().join("map");
    fs::create_dir(&folder).unwrap();
    fs::copy(&files[0], folder.join("kopie.json")).unwrap();
    fs::copy(&files[1], folder.join("team1.json")).unwrap();
    let mut from: Vec<&str> = vec!["--from"];
    from.extend(files.iter().map(|f| path(f)));
    from.push(path(&folder));

    for format in ["json", "csv"] {
        let one = bundle(&all, &["--format", format]);
        let merged = bundle(&stores[0], &[&["--format", format], &from[..]].concat());
        if format == "json" {
            let (one, merged) = (json(&one), json(&merged));
            assert_eq!(one, merged);
            assert_eq!(one["cases"], 8, "{one}");
            let rules = one["rules"].as_array().unwrap();
            let intake = &rules[0];
            // The spelling two of its three cases used.
            assert_eq!(intake["rule"], "intake-eis schuldhulp", "{one}");
            assert_eq!(intake["cases"], 3);
            assert_eq!(intake["broke_through"], 1);
            assert_eq!(intake["refused"], 1);
            let housing = &rules[1];
            assert_eq!(housing["cases"], 3);
            assert_eq!(
                housing["broke_through"], 2,
                "deels counts as broken through"
            );
            assert_eq!(housing["refused"], 0);
            assert_eq!(one["decisions"]["loopt_nog"], 1);
        } else {
            assert_eq!(one, merged);
        }
    }

    // A later export of a team that revised a case meanwhile: the old file
    // and the new one together still count the case once, as its revision.
    let extra = case("eigen bijdrage", "verordening", 1_000);
    extra.save(&stores[2]);
    extra.save(&all);
    let later = export(&stores[2], "team2-later.json", &[]);
    from.push(path(&later));
    let one = json(&bundle(&all, &["--format", "json"]));
    let merged = json(&bundle(
        &stores[0],
        &[&["--format", "json"], &from[..]].concat(),
    ));
    assert_eq!(one, merged);
    assert_eq!(one["cases"], 9);
}

#[test]
fn a_revision_exported_later_replaces_its_first_version() {
    let env = Env::new();
    let id = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    let before = export(&env, "voor.json", &[]);
    let answers = with_rule("eigen bijdrage", "verordening", 9_000);
    let revised = env.file("herzien.toml", &answers);
    let out = env.run(&["new", "--from", path(&revised), "--revises", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let after = export(&env, "na.json", &[]);
    let v = json(&bundle(
        &env,
        &["--format", "json", "--from", path(&after), path(&before)],
    ));
    assert_eq!(v["cases"], 1, "{v}");
    assert_eq!(v["rules"][0]["cost_current"], 2_700_000, "{v}");
}

#[test]
fn the_anonymous_export_holds_no_title_no_free_text_and_no_note_id() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let file = export(&env, "anoniem.json", &[]);
    let text = fs::read_to_string(&file).unwrap();
    let v = json(&text);
    assert_eq!(v["format"], "driehoek-anoniem");
    assert_eq!(v["version"], 2);
    let record = &v["records"][0];
    assert_eq!(
        record["rule"],
        "intake-eis van de schuldhulp, afdeling Werk en Inkomen"
    );
    assert_eq!(record["law_other"], "interne werkinstructie intake");
    assert!(record["month"].as_str().unwrap().len() == 7, "{record}");
    assert!(!text.contains(&id), "the note's id left the store: {text}");
    // Not one free-text answer but the rule line and the law's name.
    let answers: toml::Table = toml::from_str(FULL).unwrap();
    for (section, table) in &answers {
        for (key, value) in table.as_table().into_iter().flatten() {
            let Some(answer) = value.as_str() else {
                continue;
            };
            if ["regel_concreet", "regel_anders"].contains(&key.as_str()) || answer.len() < 12 {
                continue;
            }
            assert!(
                !text.contains(answer),
                "{section}.{key} left the store: {text}"
            );
        }
    }
    assert!(
        !text.contains("Drie zakken post"),
        "the title left the store"
    );
    // File and folder are the owner's alone, like the store.
    #[cfg(unix)]
    crate::harness::assert_mode(&file, 0o600);

    // A new export gives new record ids but the same case fingerprint.
    let again = json(&fs::read_to_string(export(&env, "opnieuw.json", &[])).unwrap());
    assert_ne!(again["records"][0]["id"], record["id"]);
    assert_eq!(again["records"][0]["case"], record["case"]);
    // Another store's fingerprint of a case with the same id differs: the
    // fingerprint is keyed with the store's own secret.
    let other = Env::new();
    other.new_note(FULL);
    let theirs = json(&fs::read_to_string(export(&other, "zij.json", &[])).unwrap());
    assert_ne!(theirs["records"][0]["case"], record["case"]);

    // Initials only when asked for.
    assert!(record.get("initials").is_none(), "{record}");
}

#[test]
fn initials_go_along_only_with_initialen() {
    let env = Env::new();
    assert_eq!(code(&env.run(&["config", "set", "initials", "AB"])), 0);
    env.new_note(FULL);
    let without = json(&fs::read_to_string(export(&env, "a.json", &[])).unwrap());
    assert!(without["records"][0].get("initials").is_none());
    let with = json(&fs::read_to_string(export(&env, "b.json", &["--initialen"])).unwrap());
    assert_eq!(with["records"][0]["initials"], "AB");
    // --initialen means nothing without --anoniem.
    let out = env.run(&["export", "--all", "--initialen", "-o", "x"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn the_anonymous_export_is_refused_whole_when_a_rule_line_holds_personal_data() {
    let env = Env::new();
    env.new_note(FULL);
    let answers = with_rule(
        "afspraak met j.jansen@voorbeeld.nl, BSN 111222333",
        "inkoop",
        1_000,
    );
    env.new_note_with(&answers, &["--allow-personal-data"]);
    let file = env.home.path().join("anoniem.json");
    let out = env.run(&["export", "--all", "--anoniem", "-o", file.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("j.jansen@voorbeeld.nl"), "{err}");
    assert!(err.contains("111222333"), "{err}");
    assert!(
        err.contains("wet.regel_concreet"),
        "the question is named: {err}"
    );
    assert!(err.contains("niet geschreven"), "{err}");
    assert!(!file.exists(), "nothing was written");
    let out = env
        .cmd()
        .env("DRIEHOEK_LANG", "en")
        .args([
            "export",
            "--all",
            "--anonymous",
            "-o",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("was not written"), "{}", stderr(&out));
}

#[test]
fn anonymous_export_needs_all_and_json() {
    let env = Env::new();
    let id = env.new_note(FULL);
    for args in [&["export", &id, "--anoniem"][..], &["export", "--anoniem"]] {
        let out = env.run(args);
        assert_eq!(code(&out), 2);
        assert!(
            stderr(&out).contains("export --alle --anoniem"),
            "{}",
            stderr(&out)
        );
    }
    let out = env.run(&[
        "export",
        "--all",
        "--anoniem",
        "--format",
        "markdown",
        "-o",
        "x.md",
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("altijd JSON"), "{}", stderr(&out));
    // To standard output, when no file is named.
    let out = env.run(&["export", "--all", "--anoniem", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(json(&stdout(&out))["records"].as_array().unwrap().len(), 1);
}

/// An export file with `records` as its records and `version`.
fn handmade(env: &Env, name: &str, version: u32, records: &str) -> PathBuf {
    env.file(
        name,
        &format!(
            "{{\"format\":\"driehoek-anoniem\",\"version\":{version},\"exported\":\"2026-12-01T10:00:00Z\",\"records\":[{records}]}}"
        ),
    )
}

const RECORD: &str = r#"{"id":"0123456789abcdef","case":"00112233445566778899aabbccddeeff","revision":0,"month":"2026-11","set":"waardendriehoek","law":"nee","blockers":["verordening"],"rule":"RULE","status":"open"}"#;

#[test]
fn bundle_from_refuses_files_it_cannot_trust_and_names_what_is_wrong() {
    let env = Env::new();
    let good = handmade(
        &env,
        "goed.json",
        1,
        &RECORD.replace("RULE", "eigen bijdrage"),
    );
    let refused = |file: &Path, expect: &str| {
        let out = env.run(&["bundle", "--from", path(&good), path(file)]);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(expect), "{expect:?} not in {err}");
        assert!(err.contains(path(file)), "the file is named: {err}");
        assert!(stdout(&out).is_empty(), "no report from part of the files");
    };
    refused(
        &handmade(&env, "nieuw.json", 3, &RECORD.replace("RULE", "x")),
        "nieuwere driehoek (formaatversie 3)",
    );
    refused(
        &env.file("ander.json", "{\"cases\": 3}"),
        "geen anonieme export",
    );
    refused(&env.file("lijst.json", "[]"), "geen anonieme export");
    // The likeliest mix-up: a note's own JSON export.
    let id = env.new_note(FULL);
    let note = stdout(&env.run(&["export", &id, "--format", "json"]));
    refused(&env.file("notitie.json", &note), "geen anonieme export");
    refused(
        &env.file("kapot.json", "{\"format\":\"driehoek-anoniem\",\"vers"),
        "kapot.json:1:",
    );
    let titled = RECORD.replace("\"status\"", "\"title\":\"Drie zakken post\",\"status\"");
    refused(
        &handmade(&env, "titel.json", 1, &titled),
        "onbekend veld `title`",
    );
    refused(
        &handmade(&env, "maand.json", 1, &RECORD.replace("2026-11", "2026-13")),
        "casus 1: maand '2026-13'",
    );
    let long = "x".repeat(600);
    refused(
        &handmade(&env, "lang.json", 1, &RECORD.replace("RULE", &long)),
        "langer dan 500",
    );
    let empty = env.home.path().join("leeg");
    fs::create_dir(&empty).unwrap();
    refused(&empty, "geen .json-bestanden");

    // Titles and text search need the notes themselves.
    for flag in [["--titles", ""], ["--search", "post"]] {
        let args: Vec<&str> = ["bundle", "--from", path(&good)]
            .into_iter()
            .chain(flag.into_iter().filter(|f| !f.is_empty()))
            .collect();
        assert_eq!(code(&env.run(&args)), 2);
    }
    // The good file alone bundles.
    let v = json(&bundle(&env, &["--format", "json", "--from", path(&good)]));
    assert_eq!(v["rules"][0]["rule"], "eigen bijdrage");
}

#[test]
fn version_2_carries_who_pays_and_who_saves_and_version_1_never_did() {
    let env = Env::new();
    let paid = RECORD.replace("RULE", "eigen bijdrage").replace(
        "\"status\"",
        "\"payers\":[\"gemeente\"],\"savers\":[\"zorgverzekeraar\",\"corporatie\"],\"status\"",
    );
    let v2 = handmade(&env, "v2.json", 2, &paid);
    let v = json(&bundle(&env, &["--format", "json", "--from", path(&v2)]));
    let row = &v["rules"][0];
    assert_eq!(row["payers"][0]["key"], "gemeente", "{v}");
    assert_eq!(row["payers"][0]["cases"], 1, "{v}");
    assert_eq!(row["savers"][0]["name"], "woningcorporatie", "{v}");
    // A version-1 file bundles as it did, naming none.
    let old = handmade(
        &env,
        "v1.json",
        1,
        &RECORD.replace("RULE", "eigen bijdrage"),
    );
    let v = json(&bundle(&env, &["--format", "json", "--from", path(&old)]));
    assert_eq!(v["rules"][0]["payers"], serde_json::json!([]), "{v}");
    // A version-1 file that names a payer was made by no release: refused
    // as before, now saying which version the field belongs to, also
    // when the head comes after the records.
    let records_first = env.file(
        "v1-achteraan.json",
        &format!(
            "{{\"records\":[{}],\"format\":\"driehoek-anoniem\",\"version\":1,\"exported\":\"2026-12-01T10:00:00Z\"}}",
            RECORD.replace("RULE", "x").replace("\"status\"", "\"savers\":[\"rijk\"],\"status\"")
        ),
    );
    for (file, field) in [
        (handmade(&env, "v1-betaler.json", 1, &paid), "payers"),
        (records_first, "savers"),
    ] {
        let out = env.run(&["bundle", "--from", path(&v2), path(&file)]);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        let err = stderr(&out);
        let said = format!(
            "{}:1: casus 1: veld `{field}` hoort bij formaatversie 2",
            path(&file)
        );
        assert!(err.contains(&said), "{said:?} not in {err}");
        assert!(stdout(&out).is_empty());
    }
    // The limits every list keeps.
    let twice = paid.replace("\"gemeente\"]", "\"gemeente\",\"gemeente\"]");
    let out = env.run(&[
        "bundle",
        "--from",
        path(&handmade(&env, "twee.json", 2, &twice)),
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("veld `payers` noemt `gemeente` twee keer"),
        "{}",
        stderr(&out)
    );
    let steer = paid.replace("\"gemeente\"]", "\"gemeente\\u001b[2J\"]");
    let out = env.run(&[
        "bundle",
        "--from",
        path(&handmade(&env, "stuur.json", 2, &steer)),
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("veld `payers` bevat stuur"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn text_from_an_export_cannot_steer_the_terminal_or_carry_personal_data() {
    let env = Env::new();
    let good = handmade(
        &env,
        "goed.json",
        1,
        &RECORD.replace("RULE", "eigen bijdrage"),
    );
    // Control and direction characters no walk lets in, in any text, in
    // any output format: the file is refused, and says so safely.
    for (n, text) in [
        "regel \\u001b]52;c;cm0gLXJmIH4=\\u0007 \\u001b[2J",
        "abc\\u202egnp.exe",
        "a\\u009bb",
    ]
    .iter()
    .enumerate()
    {
        let file = handmade(
            &env,
            &format!("vijandig{n}.json"),
            1,
            &RECORD.replace("RULE", text),
        );
        for format in ["text", "csv", "json"] {
            let out = env.run(&[
                "bundle",
                "--format",
                format,
                "--from",
                path(&good),
                path(&file),
            ]);
            assert_eq!(code(&out), 2, "{text}: {}", stderr(&out));
            let err = stderr(&out);
            assert!(
                err.contains("veld `rule` bevat stuur- of richtingstekens"),
                "{err}"
            );
            assert!(
                !err.contains(['\u{1b}', '\u{202e}', '\u{9b}', '\u{7}']),
                "{err:?}"
            );
            assert!(stdout(&out).is_empty());
        }
    }
    let keyed = RECORD.replace(
        "\"blockers\":[\"verordening\"]",
        "\"blockers\":[\"x\\u001b[31m\"]",
    );
    let file = handmade(&env, "sleutel.json", 1, &keyed);
    let out = env.run(&["bundle", "--from", path(&file)]);
    assert!(stderr(&out).contains("veld `blockers`"), "{}", stderr(&out));
    // A rule line with personal data is not shown to policy staff either.
    let file = handmade(
        &env,
        "persoonlijk.json",
        1,
        &RECORD.replace("RULE", "BSN 111222333, mail j.jansen@voorbeeld.nl"),
    );
    let out = env.run(&["bundle", "--from", path(&good), path(&file)]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("111222333") && err.contains("j.jansen@voorbeeld.nl"),
        "{err}"
    );
    assert!(err.contains("er is niets gebundeld"), "{err}");
    assert!(stdout(&out).is_empty());
    // Places off the scale, days below zero, amounts below zero.
    for (from, to) in [
        (
            "\"status\"",
            "\"contrasts\":[{\"key\":\"uniform\",\"now\":99}],\"status\"",
        ),
        ("\"status\"", "\"days_to_decision\":-5,\"status\""),
        (
            "\"status\"",
            "\"cost_current\":{\"cents\":-100,\"period\":\"jaar\"},\"status\"",
        ),
        ("2026-11", "1900-01"),
    ] {
        let file = handmade(
            &env,
            "bereik.json",
            1,
            &RECORD.replace("RULE", "x").replacen(from, to, 1),
        );
        let out = env.run(&["bundle", "--from", path(&file)]);
        assert_eq!(code(&out), 2, "{to}: {}", stderr(&out));
    }
    let file = good;
    // And the records filter by month, verdict and scope like notes do.
    let cases = |filter: &[&str]| {
        let from = ["--format", "json", "--from", path(&file)];
        json(&bundle(&env, &[&from[..], filter].concat()))["cases"].clone()
    };
    assert_eq!(cases(&["--since", "1-12-2026"]), 0);
    assert_eq!(cases(&["--until", "30-11-2026", "--verdict", "wet=nee"]), 1);
    assert_eq!(cases(&["--verdict", "wet=ja"]), 0);
    assert_eq!(cases(&["--structural"]), 0);
}

#[cfg(unix)]
#[test]
fn the_store_secret_is_guarded_like_the_notes() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.new_note(FULL);
    export(&env, "a.json", &[]);
    let key = env.home.path().join("store").join("export-key");
    crate::harness::assert_mode(&key, 0o600);
    fs::set_permissions(&key, fs::Permissions::from_mode(0o644)).unwrap();
    let out = env.run(&["list"]);
    // The portable build, as on Windows, has no permission bits to read.
    let warned = stderr(&out).contains("export-key");
    assert_eq!(warned, !cfg!(feature = "portable"), "{}", stderr(&out));
    // A damaged key is said to be one, with what a new key would mean.
    fs::write(&key, b"kort").unwrap();
    let file = env.home.path().join("b.json");
    let out = env.run(&["export", "--all", "--anoniem", "-o", path(&file)]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("beschadigd"), "{}", stderr(&out));
    assert!(stderr(&out).contains("dubbel tellen"), "{}", stderr(&out));
    assert!(!file.exists());
}

/// An export file as driehoek writes it, a record a line after the head:
/// record n (from 1) on line n + 1.
fn by_line(env: &Env, name: &str, records: &[String]) -> PathBuf {
    env.file(
        name,
        &format!(
            "{{\"format\":\"driehoek-anoniem\",\"version\":1,\"exported\":\"2026-12-01T10:00:00Z\",\"records\":[\n{}\n]}}\n",
            records.join(",\n")
        ),
    )
}

fn placed(rule: &str, places: &str) -> String {
    RECORD.replace("RULE", rule).replacen(
        "\"status\"",
        &format!("\"contrasts\":[{places}],\"status\""),
        1,
    )
}

#[test]
fn a_byte_order_mark_is_read_and_a_file_saved_by_notepad_bundles() {
    let env = Env::new();
    let good = RECORD.replace("RULE", "eigen bijdrage");
    let file = env.file(
        "kladblok.json",
        &format!(
            "\u{feff}{{\r\n  \"format\": \"driehoek-anoniem\",\r\n  \"version\": 1,\r\n  \"exported\": \"2026-12-01T10:00:00Z\",\r\n  \"records\": [\r\n    {good}\r\n  ]\r\n}}\r\n"
        ),
    );
    let v = json(&bundle(&env, &["--format", "json", "--from", path(&file)]));
    assert_eq!(v["cases"], 1, "{v}");
    assert_eq!(v["rules"][0]["rule"], "eigen bijdrage");
}

#[test]
fn places_off_the_scale_and_rows_named_twice_are_refused_by_file_line_and_field() {
    let env = Env::new();
    let good = placed("eigen bijdrage", r#"{"key":"uniform","now":2,"desired":4}"#);
    let refused = |name: &str, bad: String, expect: &[&str]| {
        let file = by_line(&env, name, &[good.clone(), good.clone(), bad]);
        let out = env.run(&["bundle", "--from", path(&file)]);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        let err = stderr(&out);
        let at = format!("{}:4: casus 3", path(&file));
        assert!(err.contains(&at), "{at:?} not in {err}");
        for e in expect {
            assert!(err.contains(e), "{e:?} not in {err}");
        }
        assert!(stdout(&out).is_empty());
    };
    // The rows of the default set run from 1 to 5: 0 and 10 are off it.
    refused(
        "nul.json",
        placed("x", r#"{"key":"uniform","now":0}"#),
        &["`contrasts`", "`uniform`", "1 tot en met 5"],
    );
    refused(
        "tien.json",
        placed("x", r#"{"key":"zorg","desired":10}"#),
        &["`zorg`", "1 tot en met 5"],
    );
    let row = r#"{"key":"uniform","now":2}"#;
    refused(
        "dubbel.json",
        placed("x", &[row; 64].join(",")),
        &["`contrasts`", "`uniform` twee keer"],
    );
    refused(
        "wetten.json",
        RECORD.replace("RULE", "x").replace(
            "\"blockers\"",
            "\"laws\":[\"wmo2015\",\"wmo2015\"],\"blockers\"",
        ),
        &["`laws`", "`wmo2015` twee keer"],
    );
    // A JSON mistake inside a record is placed in the file too.
    let file = by_line(
        &env,
        "veld.json",
        &[
            good.clone(),
            good.replace("\"revision\":0", "\"revision\":\"nul\""),
        ],
    );
    let out = env.run(&["bundle", "--from", path(&file)]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(&format!("{}:3:", path(&file))),
        "{}",
        stderr(&out)
    );
}

#[test]
fn what_a_bundle_refuses_is_refused_where_it_comes_in() {
    let env = Env::new();
    let refused = |answers: String, expect: &str| {
        let path = env.file("te-veel.toml", &answers);
        let out = env.run(&["new", "--from", path.to_str().unwrap()]);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        assert!(
            stderr(&out).contains(expect),
            "{expect:?}: {}",
            stderr(&out)
        );
    };
    refused(
        with_rule("x", "inkoop", 1_000).replace("bedrag = 1000", "bedrag = 100000000001"),
        "grootste bedrag",
    );
    refused(
        with_rule(&"lang ".repeat(101), "inkoop", 1_000),
        "hoogstens 500 tekens",
    );
    assert!(env.note_files().is_empty());
    // A decision dated 31-12-9999 in the outcome log.
    let id = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    let entry =
        "set = \"afloop\"\n[afloop]\nbesluit = \"toegekend\"\nbesluit_datum = \"31-12-9999\"\n";
    let path = env.file("afloop.toml", entry);
    let out = env.run(&["afloop", &id, "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ligt niet tussen 1990 en 2100"),
        "{}",
        stderr(&out)
    );
}
