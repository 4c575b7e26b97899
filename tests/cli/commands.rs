//! The subcommands as a user runs them without a terminal.

use std::fs;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::harness::{Env, FULL, SHORT_NOTE, SMALL_SET, assert_mode, code, stable, stderr, stdout};
use crate::snapshot;

/// A second invented case, with fewer answers.
const SHORT: &str = r#"
[casus]
titel = "Burgerinitiatief en de controle"
eigen_woorden = "We doen dit voor de buurt, niet voor een formulier."
wens = "Dat de gemeente komt kijken wat er gebeurt."
oplossing = "Een verslag in verhalen in plaats van cijfers; de subsidie vraagt om outputcijfers."
[wet]
oordeel = "twijfel"
regel = ["geen"]
blokkade = "beleidsregel"
regel_concreet = "subsidieregeling bewonersinitiatieven"
ruimte = "ja"
ruimte_route = ["awb_4_84"]
toelichting = "De beleidsregel vraagt cijfers; art. 4:84 Awb laat afwijken toe."
[middelen]
oordeel = "ja"
toelichting = "Geen extra kosten."
[zelfregie]
oordeel = "ja"
logica = "persoon"
toelichting = "De bewoners houden de regie."
[contrasten]
uniform_nu = 3
uniform_gewenst = 4
zorg_nu = 3
zorg_gewenst = 4
weten_nu = 2
weten_gewenst = 4
verantwoording_nu = 1
verantwoording_gewenst = 4
positie_nu = 2
positie_gewenst = 4
sturing_nu = 1
sturing_gewenst = 5
[reflectie]
besproken = "ja"
[vervolg]
teamvraag = "Wie praat met de subsidieafdeling?"
schaal = "incidenteel"
"#;

#[test]
fn a_filled_in_template_makes_the_same_note_as_its_answers() {
    let env = Env::new();
    let template = stdout(&env.run(&["template", "--volledig"]));
    // The template is valid TOML with every question present and empty.
    let table: toml::Table = toml::from_str(&template).unwrap();
    assert_eq!(table["set"].as_str(), Some("waardendriehoek"));
    assert_eq!(table["casus"]["titel"].as_str(), Some(""));
    assert_eq!(table["wet"]["regel"].as_array().map(Vec::len), Some(0));
    assert!(template.contains("# Welke korte titel geef je deze casus? (verplicht)"));
    assert!(template.contains("\"nog_niet\" (nog niet)"));

    // Fill it in by replacing the empty values with the fixture's answers.
    let answers: toml::Table = toml::from_str(FULL).unwrap();
    let mut filled = String::new();
    let mut section = String::new();
    // A long answer's empty value closes on the next line, alone.
    let mut closing = false;
    for line in template.lines() {
        if std::mem::take(&mut closing) {
            continue;
        }
        if let Some(s) = line.strip_prefix('[') {
            section = s.trim_end_matches(']').to_string();
        }
        let key = line.split(" = ").next().unwrap();
        match answers.get(&section).and_then(|t| t.get(key)) {
            Some(value) if !line.starts_with('#') && line.contains(" = ") => {
                filled.push_str(&format!("{key} = {value}\n"));
                closing = line.ends_with("= '''");
            }
            _ => filled.push_str(&format!("{line}\n")),
        }
    }
    let from_template = env.new_note(&filled);
    let from_answers = env.new_note(FULL);
    let a = fs::read_to_string(env.note_path(&from_template)).unwrap();
    let b = fs::read_to_string(env.note_path(&from_answers)).unwrap();
    let strip = |s: &str, id: &str| {
        s.replace(id, "ID")
            .lines()
            .filter(|l| !l.starts_with("created") && !l.starts_with("updated"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&a, &from_template), strip(&b, &from_answers));
}

#[test]
fn new_from_prints_the_id_and_stores_a_private_readable_note() {
    let env = Env::new();
    let id = env.new_note(FULL);
    assert_eq!(id.len(), 6);
    let path = env.note_path(&id);
    let note: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(note["format"].as_integer(), Some(3));
    assert_eq!(note["id"].as_str(), Some(id.as_str()));
    assert_eq!(note["set"].as_str(), Some("waardendriehoek"));
    assert_eq!(note["set_version"].as_integer(), Some(3));
    assert_eq!(note["lang"].as_str(), Some("nl"));
    assert_eq!(note["title"].as_str(), Some("Drie zakken post"));
    assert_eq!(note["triangle"]["law"].as_str(), Some("ja"));
    assert_eq!(note["triangle"]["self"].as_str(), Some("twijfel"));
    assert_eq!(note["costs"]["current"]["bedrag"].as_integer(), Some(24000));
    assert_eq!(note["costs"]["current"]["periode"].as_str(), Some("jaar"));
    assert_eq!(
        note["costs"]["proposed"]["periode"].as_str(),
        Some("eenmalig")
    );
    assert_eq!(note["scope"].as_str(), Some("structureel"));
    let answers = note["answers"].as_array().unwrap();
    let titel = answers
        .iter()
        .find(|a| a["id"].as_str() == Some("casus.titel"))
        .unwrap();
    assert_eq!(
        titel["question"].as_str(),
        Some("Welke korte titel geef je deze casus?")
    );
    // "nog niet" written by its label is stored by its value.
    let besproken = answers
        .iter()
        .find(|a| a["id"].as_str() == Some("reflectie.besproken"))
        .unwrap();
    assert_eq!(besproken["value"].as_str(), Some("nog_niet"));

    assert_mode(&path, 0o600);
    assert_mode(&env.notes_dir(), 0o700);
    assert_mode(env.notes_dir().parent().unwrap(), 0o700);
}

#[test]
fn every_problem_in_an_answers_file_is_reported_and_nothing_is_saved() {
    let env = Env::new();
    env.new_note(FULL);
    let bad = FULL
        .replace("oordeel = \"twijfel\"", "oordeel = \"misschien\"")
        .replace("uniform_nu = 2", "uniform_nu = 7")
        .replace(
            "kosten_voorstel = { bedrag = 3000,",
            "kosten_voorstel = { bedrag = \"veel\",",
        )
        .replace(
            "titel = \"Drie zakken post\"",
            "titel = \"Drie zakken post\"\nkleur = \"rood\"",
        )
        .replace("teamvraag = \"Mogen we de intake-eis loslaten?\"\n", "");
    let path = env.file("bad.toml", &bad);
    let before = env.note_files();
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    let file = path.display().to_string();
    for expected in [
        format!("{file}:4:1: [casus.kleur] onbekende vraag 'casus.kleur'"),
        format!("{file}:24:19: [middelen.kosten_voorstel] 'veel' is geen bedrag"),
        format!(
            "{file}:27:11: [zelfregie.oordeel] 'misschien' is geen keuze; kies uit: ja, nee, twijfel"
        ),
        format!("{file}:32:14: [contrasten.uniform_nu] kies een heel getal van 1 tot en met 5"),
        "[vervolg.teamvraag] verplichte vraag 'vervolg.teamvraag' is niet beantwoord".to_string(),
        format!("5 fouten in {file}; er is niets opgeslagen"),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    assert!(stdout(&out).is_empty());
    assert_eq!(env.note_files(), before);
}

#[test]
fn answers_to_follow_ups_that_do_not_apply_are_warned_about_and_dropped() {
    let env = Env::new();
    let text = FULL.replace("regel = [\"wgs\", \"anders\"]", "regel = [\"wgs\"]");
    let path = env.file("a.toml", &text);
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("'wet.regel_anders' is een vervolgvraag die hier niet van toepassing is"),
        "{}",
        stderr(&out)
    );
    let id = stdout(&out).trim().to_string();
    let note = fs::read_to_string(env.note_path(&id)).unwrap();
    assert!(!note.contains("wet.regel_anders"));
    assert!(!note.contains("interne werkinstructie intake"));
}

#[test]
fn broken_toml_is_reported_with_its_place() {
    let env = Env::new();
    let path = env.file("a.toml", "[casus]\ntitel = \"open\n");
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(&format!("{}:2:", path.display())),
        "{}",
        stderr(&out)
    );
    let missing = env.run(&["new", "--from", "/nonexistent/answers.toml"]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains("/nonexistent/answers.toml"));
}

#[test]
fn new_without_a_terminal_refuses_up_front_and_writes_nothing() {
    let env = Env::new();
    let out = env.cmd().arg("new").write_stdin("\n").output().unwrap();
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("--uit") && err.contains("driehoek sjabloon"),
        "{err}"
    );
    assert!(
        !env.home.path().join("store").exists(),
        "nothing is written"
    );
    let en = env
        .cmd()
        .args(["--lang", "en", "nieuw"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(stderr(&en).contains("is not a terminal"), "{}", stderr(&en));
}

#[test]
fn list_shows_notes_newest_first_as_a_table_and_as_json() {
    let env = Env::new();
    let empty = env.run(&["list"]);
    assert_eq!(code(&empty), 0);
    assert!(stderr(&empty).contains("Nog geen notities"));
    assert_eq!(stdout(&env.run(&["list", "--format", "json"])).trim(), "[]");

    let first = env.new_note(FULL);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = env.new_note(SHORT);
    let table = stdout(&env.run(&["lijst"]));
    let pos = |id: &str| table.find(id).unwrap();
    assert!(pos(&second) < pos(&first), "newest first:\n{table}");
    snapshot!("list_table", stable(&table, &[&first, &second]));
    snapshot!(
        "list_table_en",
        stable(
            &stdout(&env.run(&["--lang", "en", "list"])),
            &[&first, &second]
        )
    );

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["list", "--format", "json"]))).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], second.as_str());
    assert_eq!(rows[0]["title"], "Burgerinitiatief en de controle");
    assert!(rows[0]["created"].as_str().unwrap().ends_with('Z'));
    assert_eq!(rows[1]["triangle"]["money"], "ja");
}

#[test]
fn export_writes_commonmark_for_the_meeting() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let md = stdout(&env.run(&["export", &id[..3]]));
    snapshot!("export_markdown", stable(&md, &[&id]));

    // It parses as CommonMark, with the parts in the meeting's order.
    let mut headings = Vec::new();
    let mut tables = 0;
    let mut in_heading = false;
    for event in Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                headings.push(String::new());
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => headings.last_mut().unwrap().push_str(&t),
            Event::Start(Tag::Table(_)) => tables += 1,
            _ => {}
        }
    }
    assert_eq!(headings[0], "Drie zakken post");
    let at = |h: &str| {
        headings
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h} in {headings:?}"))
    };
    assert!(at("Voor het overleg") < at("In eigen woorden"));
    assert!(at("In eigen woorden") < at("Rationeel en relationeel"));
    assert!(at("Rationeel en relationeel") < at("Reflectie"));
    assert!(at("Reflectie") < at("Vervolg"));
    // The triangle's heading stands over its drawing only: without the
    // SVG beside the file, it is left out rather than left empty.
    assert!(!headings.iter().any(|h| h == "De waardendriehoek"));
    // The verdicts and their reasoning, the costs (both in front), the
    // contrasts.
    assert_eq!(tables, 3);
    // A pipe in an answer stays inside its cell.
    assert!(md.contains("vooraf \\| het is een werkinstructie"));
}

#[test]
fn export_to_files_and_folders() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let b = env.new_note(SHORT);
    let file = env.home.path().join("out.md");
    let out = env.run(&["exporteer", &a, "-o", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Drie zakken post\n")
    );
    assert_mode(&file, 0o600);

    let dir = env.home.path().join("vergadering");
    let out = env.run(&["export", "--all", "-o", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut expected = [
        (a.clone(), "drie-zakken-post".to_string()),
        (b.clone(), "burgerinitiatief-en-de-controle".to_string()),
    ]
    .map(|(id, slug)| [format!("{id}-{slug}.md"), format!("{id}-{slug}.svg")])
    .concat();
    expected.sort();
    assert_eq!(names, expected, "each note and its pictures, no temp files");
    // A new export folder is private.
    assert_mode(&dir, 0o700);
    for name in &names {
        assert_mode(&dir.join(name), 0o600);
    }

    let out = env.run(&["export", "--all"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("-o MAP"));

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["export", &b, "--format", "json"]))).unwrap();
    assert_eq!(json["id"], b.as_str());
    assert_eq!(json["triangle"]["law"], "twijfel");
}

#[test]
fn show_prints_the_whole_note() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let out = env.run(&["toon", &id]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    for part in [
        "Drie zakken post",
        "│ Ik durf de post niet meer open te maken.",
        "€ 21.000 minder",
        "controleren ↔ leren",
        "Vraagt deze casus om een signaal: moet de regel erachter veranderen?",
    ] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
    assert!(!text.contains('\u{1b}'), "NO_COLOR means no escape codes");
}

#[test]
fn unknown_ids_get_suggestions_and_prefixes_must_be_unique() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let typo: String = id.chars().rev().collect::<String>();
    let wrong = format!("{}0", &id[..5]); // 0 is never in an id
    let out = env.run(&["show", &wrong]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("geen notitie met id of titel '{wrong}'"))
            && err.contains(&format!("bedoelde je: {id}?")),
        "{err}"
    );
    let out = env.run(&["show", &typo]);
    assert_eq!(code(&out), 2);

    // Two notes with a shared first letter make that letter ambiguous.
    fs::copy(
        env.note_path(&id),
        env.notes_dir().join(format!("{}zzzzz.toml", &id[..1])),
    )
    .unwrap();
    let out = env.run(&["show", &id[..1]]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("past bij meer notities"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn questions_are_listed_as_text_and_json() {
    let env = Env::new();
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["questions", "--format", "json"]))).unwrap();
    let qs = json["questions"].as_array().unwrap();
    assert!(qs.len() >= 50);
    let by_id = |id: &str| qs.iter().find(|q| q["id"] == id).unwrap();
    let verdict = by_id("wet.oordeel");
    assert_eq!(verdict["section"], "wet");
    assert_eq!(verdict["kind"], "choice");
    assert_eq!(verdict["required"], true);
    let values: Vec<&str> = verdict["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["ja", "nee", "twijfel"]);
    let scale = by_id("contrasten.sturing_nu");
    assert_eq!(
        (scale["min"].as_i64(), scale["max"].as_i64()),
        (Some(1), Some(5))
    );
    assert!(by_id("casus.titel").get("choices").is_none());
    assert!(by_id("casus.titel").get("min").is_none());
    let en: serde_json::Value = serde_json::from_str(&stdout(
        &env.run(&["vragen", "--lang", "en", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(
        en["questions"][0]["prompt"].as_str().map(|p| p.is_ascii()),
        Some(true)
    );
    let text = stdout(&env.run(&["questions"]));
    assert!(
        text.contains("wet.regel_anders")
            && text.contains("vervolgvraag: alleen als wet.regel is: anders"),
        "{text}"
    );
}

#[test]
fn a_coach_can_use_their_own_question_set() {
    let env = Env::new();
    let set = SMALL_SET;
    let path = env.file("kort.toml", set);
    let answers = env.file("kort-antwoorden.toml", "[kern]\ntitel = \"Oefencasus\"\n");
    let out = env.run(&[
        "--questions",
        path.to_str().unwrap(),
        "new",
        "--from",
        answers.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let note = fs::read_to_string(env.note_path(&id)).unwrap();
    assert!(
        note.contains("set = \"kort\"") && note.contains("set_version = 2"),
        "{note}"
    );

    // The same set in the config folder overrides nothing and adds "kort".
    let dir = env.config.path().join("driehoek").join("questions");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("kort.toml"), set).unwrap();
    let out = env.run(&["--set", "kort", "template"]);
    assert!(stdout(&out).contains("[kern]"), "{}", stderr(&out));

    let broken = env.file(
        "stuk.toml",
        &set.replace("kind = \"text\"", "kind = \"text\"\nchoices = []\nmin = 1"),
    );
    let out = env.run(&["--questions", broken.to_str().unwrap(), "template"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(&format!(
            "{}:11:7: [kern.titel] een vraag van soort text heeft geen min, max, min_label of max_label",
            broken.display()
        )),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["--set", "bestaatniet", "template"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("onbekende vragenlijst 'bestaatniet'"));
}

#[test]
fn a_broken_note_does_not_hide_the_others() {
    let env = Env::new();
    let id = env.new_note(FULL);
    fs::write(env.notes_dir().join("kapot.toml"), "format = 1\nid = \"kap").unwrap();
    let out = env.run(&["list"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains(&id));
    assert!(stderr(&out).contains("kapot.toml"), "{}", stderr(&out));
    let out = env.run(&["show", "kapot"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains(
            "kapot.toml:2:10: geen geldige notitie: tekst zonder sluitend aanhalingsteken"
        ),
        "{}",
        stderr(&out)
    );
    // Exporting everything exports the rest, and says it is not everything.
    let dir = env.home.path().join("uit");
    let out = env.run(&["export", "--all", "-o", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("kapot.toml"), "{err}");
    assert!(err.contains("1 notitie niet geëxporteerd"), "{err}");
    assert!(dir.join(format!("{id}-drie-zakken-post.md")).is_file());
}

#[test]
fn a_note_from_a_newer_version_is_refused_and_left_alone() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let path = env.note_path(&id);
    let newer = fs::read_to_string(&path)
        .unwrap()
        .replace("format = 3", "format = 9");
    fs::write(&path, &newer).unwrap();
    let out = env.run(&["export", &id]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("notitieformaat 9")
            && err.contains("tot en met 3")
            && err.contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn help_documents_exit_codes_in_both_languages() {
    let env = Env::new();
    let nl = stdout(&env.run(&["--help"]));
    assert!(
        nl.contains(
            "Afsluitcodes: 0 gelukt · 1 fout · 2 verkeerde invoer of niet gevonden · 130 afgebroken"
        ),
        "{nl}"
    );
    assert!(nl.contains("Opdrachten:") && nl.contains("[alias: nieuw]"));
    let en = stdout(&env.run(&["--lang", "en", "--help"]));
    assert!(
        en.contains(
            "Exit codes: 0 ok · 1 failure · 2 bad usage or input, or not found · 130 cancelled"
        ),
        "{en}"
    );
    assert!(en.contains("Walk through a new case and save the note"));
    let out = env.run(&["lijst", "--bogus"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn questions_lists_the_short_walk_with_kort_and_the_full_one_without() {
    let env = Env::new();
    let list = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&stdout(&env.run(args))).unwrap()
    };
    let short = list(&["questions", "--kort", "--format", "json"]);
    let ids: Vec<&str> = short["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(short["walk"], "kort");
    // Issue 21: at most 24, follow-ups included; the expert by experience,
    // what was tried, the deadline and the signal in; the early blocker
    // question out.
    assert!(ids.len() <= 24, "{ids:?}");
    assert!(!ids.contains(&"casus.blokkade"), "{ids:?}");
    for needed in [
        "casus.titel",
        "casus.eigen_woorden",
        "casus.geprobeerd",
        "casus.persoon_over_voorstel",
        "casus.termijn",
        "casus.termijn_tot",
        "reflectie.ervaringsdeskundige",
        "vervolg.signaal",
        "casus.oplossing",
        "wet.oordeel",
        "middelen.oordeel",
        "zelfregie.oordeel",
        "wet.regel",
        "wet.blokkade",
        "wet.regel_concreet",
        "wet.ruimte",
        "wet.ruimte_route",
        "middelen.kosten_nu",
        "middelen.kosten_voorstel",
        "zelfregie.logica",
        "contrasten.vastzittend",
        "reflectie.besproken",
        "vervolg.teamvraag",
        "vervolg.schaal",
    ] {
        assert!(ids.contains(&needed), "{needed} not in the short walk");
    }
    let full = list(&["questions", "--format", "json"]);
    assert_eq!(full["walk"], "volledig");
    assert!(full["questions"].as_array().unwrap().len() > 60);
    let text = stdout(&env.run(&["--lang", "en", "questions", "--short"]));
    assert!(
        text.contains("casus.titel") && !text.contains("casus.wens"),
        "{text}"
    );
}

#[test]
fn an_answers_file_for_release_1_gets_told_what_changed() {
    let env = Env::new();
    let v1 = include_str!("fixtures/format1/answers/volledig.toml");
    let path = env.file("v1.toml", v1);
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(env.note_files().is_empty());
    let err = stderr(&out);
    for expected in [
        "[middelen.kosten_soort] vraag 'middelen.kosten_soort' bestaat niet meer sinds versie 2 van de vragenlijst: schrijf de periode bij het bedrag",
        "[middelen.reikwijdte] vraag 'middelen.reikwijdte' bestaat niet meer",
        "[middelen.kosten_nu] een bedrag met periode schrijf je als { bedrag = \"24.000\", periode = \"jaar\" }",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let out = env.run(&["--lang", "en", "new", "--from", path.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("no longer exists since version 2 of the question set"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_answers_file_needs_the_concrete_rule_when_the_blocker_names_a_rule() {
    let env = Env::new();
    let with = |blocker: &str| {
        SHORT_NOTE.replace(
            "regel = [\"geen\"]",
            &format!("regel = [\"geen\"]\nblokkade = [\"{blocker}\"]"),
        )
    };
    let path = env.file("regel.toml", &with("werkinstructie"));
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(env.note_files().is_empty());
    let expected = "vraag 'wet.regel_concreet' is niet beantwoord; die is nodig omdat bij 'Wat blokkeert hier eigenlijk?' is gekozen: een werkinstructie";
    assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    let out = env.run(&["--lang", "en", "new", "--from", path.to_str().unwrap()]);
    assert!(
        stderr(&out)
            .contains("question 'wet.regel_concreet' is not answered; it is needed because"),
        "{}",
        stderr(&out)
    );
    // A feeling, or a letter, has no rule to name.
    for blocker in ["gevoel", "brief"] {
        let path = env.file("gevoel.toml", &with(blocker));
        let out = env.run(&["new", "--from", path.to_str().unwrap()]);
        assert_eq!(code(&out), 0, "{blocker}: {}", stderr(&out));
    }
    // An answers file of set 2 is told where the early blocker went.
    let v2 = SHORT_NOTE.replace("[casus]\n", "[casus]\nblokkade = \"Een werkinstructie.\"\n");
    let path = env.file("v2.toml", &v2);
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out)
            .contains("vraag 'casus.blokkade' bestaat niet meer sinds versie 3 van de vragenlijst"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_short_note_is_enough_and_the_bundle_says_it_has_no_profile() {
    let env = Env::new();
    let id = env.new_note(SHORT_NOTE);
    env.new_note(FULL);
    let show = stdout(&env.run(&["show", &id]));
    assert!(show.contains("weet ik niet"), "{show}");
    assert!(show.contains("€ 5.000 over 3 jaar"), "{show}");
    assert!(
        show.contains("Zit het meest vast: controleren ↔ leren"),
        "{show}"
    );
    let bundle = stdout(&env.run(&["bundle"]));
    assert!(
        bundle
            .contains("1 notitie heeft geen contrastprofiel (korte route) en telt hier niet mee."),
        "{bundle}"
    );
    // The averages come from the full note alone.
    assert!(bundle.contains("uniform ↔ pluriform"), "{bundle}");
}
