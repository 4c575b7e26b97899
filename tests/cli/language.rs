//! Every message in the chosen language: each error path a test can reach
//! runs in Dutch and in English, and the Dutch must hold no English.

use std::fs;

use crate::harness::{Env, FULL, code, stderr, stdout};

/// English that must never reach a Dutch reader.
const ENGLISH: &[&str] = &[
    "error",
    "cannot",
    "unrecognized",
    "expected",
    "not found",
    "possible values",
    "default",
    "usage",
    "invalid",
    "the following",
    "required",
    "tip:",
    "for more information",
    "unknown",
    "unexpected",
    "missing",
    "is a directory",
    "permission denied",
    "no such file",
    "os error",
    "options",
    "arguments",
    "commands",
    "print",
    "found",
    "not a valid",
    "problem",
    "file",
    "stdout",
    "stderr",
    "stdin",
    "output",
    "text",
];

fn english_in(text: &str) -> Vec<&'static str> {
    // An option's English name beside its Dutch one (`[alias: --output]`)
    // and a file's own words in backquotes (`text`) are names to type, not
    // words to read.
    let names = regex::Regex::new(r"--[a-z][a-z-]*|`[^`]*`").unwrap();
    let lower = names.replace_all(&text.to_lowercase(), "").into_owned();
    ENGLISH
        .iter()
        .copied()
        .filter(|w| {
            let re = regex::Regex::new(&format!(
                r"(^|[^\p{{L}}]){}($|[^\p{{L}}])",
                regex::escape(w)
            ))
            .unwrap();
            re.is_match(&lower)
        })
        .collect()
}

/// Runs `args` in both languages; the Dutch run must fail with `code`, say
/// no English, and differ from the English run.
fn both(env: &Env, args: &[&str], expect: i32) -> (String, String) {
    let run = |lang: &str| {
        let mut all = vec!["--lang", lang];
        all.extend_from_slice(args);
        let out = env.run(&all);
        assert_eq!(code(&out), expect, "{lang} {args:?}: {}", stderr(&out));
        stdout(&out) + &stderr(&out)
    };
    let (nl, en) = (run("nl"), run("en"));
    let found = english_in(&nl);
    assert!(
        found.is_empty(),
        "English {found:?} in Dutch output of {args:?}:\n{nl}"
    );
    assert_ne!(nl, en, "{args:?} says the same in both languages");
    (nl, en)
}

#[test]
fn the_word_list_catches_english_and_spares_dutch() {
    assert_eq!(
        english_in("error: unrecognized subcommand"),
        ["error", "unrecognized"]
    );
    assert_eq!(english_in("Usage: driehoek"), ["usage"]);
    assert!(english_in("fout: onbekende opdracht; mogelijke waarden: standaard").is_empty());
    // Part of a longer word is no match.
    assert!(english_in("erroren fileer").is_empty());
    assert_eq!(english_in("in plaats van naar stdout"), ["stdout"]);
    assert!(english_in("-o, --uitvoer <PAD> [alias: --output]").is_empty());
    assert!(english_in("verwacht een van `text`, `long`").is_empty());
}

#[test]
fn usage_errors_speak_the_chosen_language() {
    let env = Env::new();
    let (nl, en) = both(&env, &["shwo"], 2);
    assert!(
        nl.contains("onbekende opdracht 'shwo'") && nl.contains("bedoel je 'show'?"),
        "{nl}"
    );
    assert!(nl.contains("Gebruik: driehoek [OPTIES] <OPDRACHT>"), "{nl}");
    assert!(nl.contains("Meer weten? Typ 'driehoek --hulp'."), "{nl}");
    assert!(
        en.contains("unrecognized subcommand 'shwo'") && en.contains("'show'"),
        "{en}"
    );
    assert!(en.contains("Usage: driehoek [OPTIONS] <COMMAND>"), "{en}");

    let (nl, _) = both(&env, &["list", "--sinc", "1-1-2026"], 2);
    assert!(
        nl.contains("onverwacht argument '--sinc'") && nl.contains("bedoel je '--since'?"),
        "{nl}"
    );
    assert!(nl.contains("Typ 'driehoek list --hulp'"), "{nl}");

    let (nl, _) = both(&env, &["compare", "abc"], 2);
    assert!(
        nl.contains("dit verplichte argument ontbreekt:\n  <B>"),
        "{nl}"
    );

    let (nl, en) = both(&env, &["export", "x", "--format", "pdf"], 2);
    assert!(
        nl.contains("ongeldige waarde 'pdf' voor '--format <FORMAAT>'"),
        "{nl}"
    );
    assert!(nl.contains("[mogelijke waarden: markdown, "), "{nl}");
    assert!(en.contains("[possible values: markdown, "), "{en}");

    both(&env, &["list", "--since", "gisteren"], 2);
    both(&env, &["list", "--verdict", "wet"], 2);
    both(&env, &["list", "--verdict", "geld=ja"], 2);
    both(&env, &["list", "--limit", "veel"], 2);
    both(&env, &["list", "--format"], 2);
    both(&env, &["practice", "x", "--list"], 2);
    both(&env, &["completions", "tcsh"], 2);
    let (nl, en) = both(&env, &["help", "shwo"], 2);
    // Said once, like every error: not "driehoek: fout: …".
    assert!(
        nl.starts_with("driehoek: onbekende opdracht 'shwo'"),
        "{nl}"
    );
    assert!(
        en.starts_with("driehoek: unrecognized subcommand 'shwo'"),
        "{en}"
    );
    assert!(
        !nl.contains("fout: ") && !en.contains("error: "),
        "{nl}\n{en}"
    );
}

#[test]
fn help_speaks_the_chosen_language_for_every_command() {
    let env = Env::new();
    let names: Vec<String> = driehoek::cli::command(driehoek::i18n::Lang::Nl)
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let (nl, _) = both(&env, &["--help"], 0);
    assert!(
        nl.contains("Algemene opties:") && nl.contains("Opdrachten:"),
        "{nl}"
    );
    for name in &names {
        let (nl, en) = both(&env, &[name, "--help"], 0);
        assert!(nl.contains("Gebruik:") && en.contains("Usage:"), "{nl}");
        // The same help through `help` and `hulp`.
        let via = stdout(&env.run(&["help", name]));
        assert_eq!(via, stdout(&env.run(&[name, "--help"])));
        assert_eq!(stdout(&env.run(&["hulp", name])), via);
        if name != "help" {
            // Global options stand apart from the command's own.
            let global = via.find("Algemene opties:").expect(&via);
            assert!(via[global..].contains("--taal <TAAL>"), "{via}");
        }
    }
    let (nl, en) = both(&env, &["bundle", "--help"], 0);
    assert!(
        nl.contains("[standaard: tekst]") && nl.contains("[mogelijke waarden: tekst, "),
        "{nl}"
    );
    assert!(
        en.contains("[default: text]") && en.contains("[possible values:"),
        "{en}"
    );
    let (nl, _) = both(&env, &["export", "--help"], 0);
    let own = nl.find("Opties:").unwrap();
    let global = nl.find("Algemene opties:").unwrap();
    assert!(
        own < global && nl[own..global].contains("--alle") && !nl[own..global].contains("--taal")
    );
    assert_eq!(stdout(&env.run(&["help"])), stdout(&env.run(&["--help"])));
}

#[test]
fn file_errors_speak_the_chosen_language_with_their_place() {
    let env = Env::new();
    let missing = env.home.path().join("weg.toml");
    let (nl, en) = both(&env, &["new", "--from", missing.to_str().unwrap()], 2);
    assert!(
        nl.contains("kan") && nl.contains("niet lezen: bestaat niet"),
        "{nl}"
    );
    assert!(
        en.contains("cannot read") && en.contains("does not exist"),
        "{en}"
    );

    let folder = env.home.path().to_str().unwrap().to_string();
    let (nl, _) = both(&env, &["new", "--from", &folder], 2);
    assert!(
        nl.contains("is een map") || nl.contains("niet lezen"),
        "{nl}"
    );

    let broken = env.file("kapot.toml", "[kern]\ntitel = \"a\nzz");
    let (nl, _) = both(&env, &["new", "--from", broken.to_str().unwrap()], 2);
    assert!(
        nl.contains("kapot.toml:3:3: sleutel zonder waarde; verwacht `=`"),
        "{nl}"
    );
    assert!(
        nl.contains("1 fout in") && nl.contains("er is niets opgeslagen"),
        "{nl}"
    );

    let binary = env.home.path().join("binair.toml");
    fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let (nl, _) = both(&env, &["new", "--from", binary.to_str().unwrap()], 2);
    assert!(nl.contains("is geen tekst (UTF-8)"), "{nl}");

    env.new_note(FULL);
    let into_folder = env.home.path().join("map");
    fs::create_dir(&into_folder).unwrap();
    let (nl, en) = both(&env, &["bundle", "-o", into_folder.to_str().unwrap()], 2);
    assert!(nl.contains("is geen gewoon bestand"), "{nl}");
    assert!(en.contains("is not a regular file"), "{en}");
    // Writing where the disk refuses: a path under a file.
    let under_file = env.home.path().join("kapot.toml").join("x.md");
    let (nl, _) = both(&env, &["bundle", "-o", under_file.to_str().unwrap()], 1);
    assert!(nl.contains("een deel van het pad is geen map"), "{nl}");

    let (nl, _) = both(&env, &["show", "zzzz"], 2);
    assert!(nl.contains("geen notitie met id of titel 'zzzz'"), "{nl}");
    both(&env, &["--set", "geen_set", "template"], 2);

    // A note broken by hand: its place and what is wrong.
    fs::write(env.notes_dir().join("kapot.toml"), "format = 1\nid = [1,").unwrap();
    let (nl, _) = both(&env, &["show", "kapot"], 1);
    assert!(
        nl.contains("kapot.toml:2:") && nl.contains("geen geldige notitie"),
        "{nl}"
    );
    both(&env, &["list", "--strict"], 1);
}

#[test]
fn settings_and_question_set_errors_speak_the_chosen_language() {
    let env = Env::new();
    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(dir.join("questions")).unwrap();
    fs::write(dir.join("config.toml"), "lang = \"fr\"\n").unwrap();
    let (nl, _) = both(&env, &["list"], 2);
    assert!(
        nl.contains("config.toml:1:8: onbekende waarde `fr`"),
        "{nl}"
    );
    fs::write(dir.join("config.toml"), "kleur = 1\n").unwrap();
    let (nl, _) = both(&env, &["list"], 2);
    assert!(
        nl.contains("onbekend veld `kleur`") && nl.contains("1 fout in"),
        "{nl}"
    );
    fs::remove_file(dir.join("config.toml")).unwrap();

    fs::write(
        dir.join("questions").join("eigen.toml"),
        "format = 1\nid = \n",
    )
    .unwrap();
    let (nl, _) = both(&env, &["questions"], 2);
    assert!(nl.contains("eigen.toml:2:"), "{nl}");
}

#[test]
fn a_coachs_question_set_lexicon_and_case_are_checked_in_the_chosen_language() {
    let env = Env::new();
    let set = env.file(
        "eigen.toml",
        r#"format = 1
id = "Eigen-Set"
version = 1
name = { nl = "Eigen", en = "Own" }
[roles]
title = "a.weg"
[[sections]]
key = "a"
title = { nl = "A", en = "A" }
[[sections.questions]]
key = "titel"
kind = "text"
prompt = { nl = "?", en = "?" }
when = { question = "a.later", in = ["x"] }
"#,
    );
    let (nl, en) = both(
        &env,
        &["--questions", set.to_str().unwrap(), "questions"],
        2,
    );
    assert!(
        nl.contains("eigen.toml:2:6: het id van een vragenlijst gebruikt alleen a-z, 0-9 en _"),
        "{nl}"
    );
    assert!(
        nl.contains(
            "eigen.toml:6:9: rol title noemt 'a.weg', maar dat is geen vraag van deze vragenlijst"
        ),
        "{nl}"
    );
    assert!(
        nl.contains(
            "eigen.toml:14:21: [a.titel] vervolg op 'a.later', maar dat is geen eerdere vraag"
        ),
        "{nl}"
    );
    assert!(nl.contains("3 fouten in"), "{nl}");
    assert!(
        en.contains("eigen.toml:2:6: a set id uses only a-z, 0-9 and _"),
        "{en}"
    );
    assert!(
        en.contains("eigen.toml:6:9: role title names 'a.weg'"),
        "{en}"
    );
    assert!(
        en.contains("eigen.toml:14:21: [a.titel] follow-up of 'a.later'"),
        "{en}"
    );
    assert!(en.contains("3 problems in"), "{en}");

    let kind = env.file(
        "soort.toml",
        "format = 1\nid = \"soort\"\nversion = 1\nname = { nl = \"S\", en = \"S\" }\n[[sections]]\nkey = \"a\"\ntitle = { nl = \"A\", en = \"A\" }\n[[sections.questions]]\nkey = \"b\"\nkind = \"datum\"\nprompt = { nl = \"?\", en = \"?\" }\n",
    );
    let (nl, en) = both(
        &env,
        &["--questions", kind.to_str().unwrap(), "questions"],
        2,
    );
    assert!(
        nl.contains("soort.toml:10:") && nl.contains("datum"),
        "{nl}"
    );
    assert!(
        en.contains("soort.toml:10:") && en.contains("unknown variant"),
        "{en}"
    );

    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(dir.join("cases")).unwrap();
    fs::write(
        dir.join("lexicon.toml"),
        "format = 1\n[[label]]\nkey = \"Fout\"\nnl = [\"x\"]\nquestion = { nl = \"?\", en = \"?\" }\n",
    )
    .unwrap();
    let (nl, en) = both(&env, &["check"], 2);
    assert!(
        nl.contains(
            "lexicon.toml:3:7: [Fout] de sleutel van een label gebruikt alleen a-z, 0-9 en _"
        ),
        "{nl}"
    );
    assert!(
        en.contains("lexicon.toml:3:7: [Fout] a label key uses only a-z, 0-9 and _"),
        "{en}"
    );
    fs::remove_file(dir.join("lexicon.toml")).unwrap();

    let case = fs::read_to_string("questions/cases/drie-zakken-post.toml").unwrap();
    fs::write(dir.join("cases").join("eigen.toml"), &case).unwrap();
    let (nl, en) = both(&env, &["practice", "--list"], 2);
    assert!(
        nl.contains("de sleutel 'drie-zakken-post' moet de naam van het bestand zijn, 'eigen'")
            && nl.contains("1 fout in"),
        "{nl}"
    );
    assert!(
        en.contains("the key 'drie-zakken-post' must be the file's name, 'eigen'")
            && en.contains("1 problem in"),
        "{en}"
    );

    // A legal point the prose refers to is missing: said where, in both
    // languages.
    let cut = case.find("\n[[legal]]\nid = \"briefgeheim\"").unwrap();
    let own = case[..cut].replace("key = \"drie-zakken-post\"", "key = \"eigen\"");
    fs::write(dir.join("cases").join("eigen.toml"), own).unwrap();
    let (nl, en) = both(&env, &["practice", "--list"], 2);
    assert!(
        nl.contains("eigen.toml:36:")
            && nl.contains(
                "[§briefgeheim] noemt geen juridisch punt van deze casus; er zijn: snel,"
            ),
        "{nl}"
    );
    assert!(
        en.contains("eigen.toml:36:")
            && en.contains("[§briefgeheim] names no legal point of this case; there are: snel,"),
        "{en}"
    );
}

#[test]
fn every_option_has_its_dutch_name_and_both_work() {
    let env = Env::new();
    env.new_note(FULL);
    let (nl, en) = both(&env, &["list", "--help"], 0);
    assert!(
        nl.contains("--sinds <DATUM>") && nl.contains("[alias: --since]"),
        "{nl}"
    );
    assert!(
        nl.contains("--structureel") && nl.contains("--hoogstens <N>"),
        "{nl}"
    );
    assert!(
        en.contains("--since <DATE>") && en.contains("[alias: --sinds]"),
        "{en}"
    );
    for args in [
        &[
            "lijst",
            "--sinds",
            "30d",
            "--tot",
            "0d",
            "--structureel",
            "--zoek",
            "x",
        ][..],
        &[
            "lijst",
            "--oordeel",
            "wet=nee",
            "--stand",
            "open",
            "--hoogstens",
            "3",
        ],
        &["lijst", "--groepeer", "--formaat", "tekst", "--streng"],
        &[
            "--taal",
            "en",
            "--breedte",
            "80",
            "list",
            "--format",
            "text",
        ],
    ] {
        let out = env.run(args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    }
    // The Dutch name chooses the language before anything is parsed.
    let out = env.run(&["--taal", "en", "list", "--bogus"]);
    assert!(
        stderr(&out).contains("unexpected argument"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_and_help_name_the_command_as_it_was_typed() {
    let env = Env::new();
    let out = env.run(&["afloop"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 2);
    assert!(
        err.contains("Gebruik: driehoek afloop <ID>") && !err.contains("outcome"),
        "{err}"
    );
    assert!(err.contains("Typ 'driehoek afloop --hulp'"), "{err}");
    let err = stderr(&env.run(&["nieuw", "--bla"]));
    assert!(
        err.contains("Gebruik: driehoek nieuw") && !err.contains("driehoek new"),
        "{err}"
    );
    let help = stdout(&env.run(&["nieuw", "--help"]));
    assert!(help.contains("Gebruik: driehoek nieuw [OPTIES]"), "{help}");
    let help = stdout(&env.run(&["hulp", "instellingen", "zet"]));
    assert!(
        help.contains("Gebruik: driehoek instellingen zet [OPTIES] <SLEUTEL> <WAARDE>"),
        "{help}"
    );
    // An option too: the name typed, in either language.
    let err = stderr(&env.run(&["export", "x", "--format", "pdf"]));
    assert!(err.contains("voor '--format <FORMAAT>'"), "{err}");
    let err = stderr(&env.run(&["export", "x", "--formaat", "pdf"]));
    assert!(err.contains("voor '--formaat <FORMAAT>'"), "{err}");
    // Options and no command: the tool itself is named.
    let err = stderr(&env.run(&["--vragenlijst", "x"]));
    assert!(
        err.contains("fout: 'driehoek' heeft een opdracht nodig"),
        "{err}"
    );
    // The English name still names it in English help.
    let help = stdout(&env.run(&["--lang", "en", "new", "--help"]));
    assert!(help.contains("Usage: driehoek new [OPTIONS]"), "{help}");
}

#[test]
fn a_width_out_of_range_is_refused_in_the_readers_language() {
    let env = Env::new();
    let (nl, en) = both(&env, &["--width", "20", "list"], 2);
    assert!(
        nl.contains(
            "ongeldige waarde '20' voor '--width <KOLOMMEN>': kies een getal van 40 tot en met 1000"
        ),
        "{nl}"
    );
    assert!(en.contains("choose a number from 40 to 1000"), "{en}");
    let (nl, _) = both(&env, &["--breedte", "99999999999", "lijst"], 2);
    assert!(nl.contains("kies een getal van 40 tot en met 1000"), "{nl}");
}

#[test]
fn an_id_left_out_or_not_found_points_to_the_list() {
    let env = Env::new();
    let (nl, en) = both(&env, &["show"], 2);
    assert!(
        nl.contains("De ids van je notities staan in: driehoek lijst"),
        "{nl}"
    );
    assert!(
        en.contains("The ids of your notes are in: driehoek list"),
        "{en}"
    );
    let (nl, _) = both(&env, &["compare", "abc"], 2);
    assert!(nl.contains("driehoek lijst"), "{nl}");
    let (nl, _) = both(&env, &["show", "zzzz"], 2);
    assert!(
        nl.contains(
            "geen notitie met id of titel 'zzzz'\nDe ids van je notities staan in: driehoek lijst"
        ),
        "{nl}"
    );
}

#[test]
fn the_readme_command_table_names_every_option_in_both_languages() {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("\n## Commands\n")
        .expect("a section 'Commands'");
    let commands = &readme[start..];
    let commands = &commands[..commands[1..].find("\n## ").unwrap_or(commands.len())];
    let mut missing = Vec::new();
    for lang in [driehoek::i18n::Lang::Nl, driehoek::i18n::Lang::En] {
        let mut cmd = driehoek::cli::command(lang);
        cmd.build();
        let mut stack = vec![&cmd];
        while let Some(c) = stack.pop() {
            for long in c.get_arguments().filter_map(|a| a.get_long()) {
                let name = format!("--{long}");
                let whole = regex::Regex::new(&format!("{name}([^a-z-]|$)")).unwrap();
                if !whole.is_match(commands) && !missing.contains(&name) {
                    missing.push(name);
                }
            }
            stack.extend(c.get_subcommands());
        }
    }
    assert!(
        missing.is_empty(),
        "not in the README's commands: {missing:?}"
    );
}
