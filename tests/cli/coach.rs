//! For coaches and teams: compare, revisions, settings, completions, man.

use std::fs;

use crate::harness::{Env, FULL, code, stable, stderr, stdout};
use crate::snapshot;

/// The same case after the discussion: doubt about the law, a dearer
/// proposal, a more relational aim.
fn revised() -> String {
    FULL.replacen("oordeel = \"ja\"", "oordeel = \"twijfel\"", 1)
        .replace("bedrag = 3000", "bedrag = 5000")
        .replace("uniform_gewenst = 4", "uniform_gewenst = 5")
}

#[test]
fn compare_shows_what_moved_between_two_versions() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let path = env.file("b.toml", &revised());
    let out = env.run(&[
        "new",
        "--from",
        path.to_str().unwrap(),
        "--revises",
        &a[..4],
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let b = stdout(&out).trim().to_string();
    let note: toml::Table =
        toml::from_str(&fs::read_to_string(env.note_path(&b)).unwrap()).unwrap();
    assert_eq!(note["revises"].as_str(), Some(a.as_str()));

    let shown = stdout(&env.run(&["vergelijk", &a, &b]));
    snapshot!("compare", stable(&shown, &[&a, &b]));
    let md = stdout(&env.run(&["compare", &a, &b, "--format", "markdown"]));
    assert!(
        md.starts_with(&format!("# Vergelijking {a} en {b}\n")),
        "{md}"
    );
    assert!(
        md.contains("| Mag het van de wet? | ja | twijfel | ≠ |"),
        "{md}"
    );

    let out = env.run(&[
        "new",
        "--from",
        path.to_str().unwrap(),
        "--revises",
        "zzzzzz",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        env.note_files().len() == 2,
        "nothing saved for an unknown --revises"
    );
}

#[test]
fn list_groups_the_versions_of_a_case() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let other = env.new_note(&FULL.replace("Drie zakken post", "Andere casus"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let path = env.file("b.toml", &revised());
    let b = stdout(&env.run(&["new", "--from", path.to_str().unwrap(), "--revises", &a]))
        .trim()
        .to_string();
    let table = stdout(&env.run(&["list", "--group"]));
    let line = |id: &str| table.lines().position(|l| l.contains(id)).unwrap();
    assert_eq!(line(&b), line(&a) + 1, "{table}");
    assert!(
        table
            .lines()
            .nth(line(&b))
            .unwrap()
            .contains("↳ Drie zakken post")
    );
    assert!(line(&other) != line(&a) + 1);
}

#[test]
fn settings_set_language_set_and_initials_and_hide_names() {
    let env = Env::new();
    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("config.toml"),
        "lang = \"en\"\ninitials = \"AB\"\nnames = [\"Jansen\", \"Yilmaz\"]\n",
    )
    .unwrap();
    let out = env.run(&["config"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("config.toml (exists)") && text.contains("initials = AB"),
        "{text}"
    );
    assert!(
        text.contains("2 names for the privacy guard (not shown)") && !text.contains("Jansen"),
        "{text}"
    );
    let id = env.new_note(FULL);
    let note = fs::read_to_string(env.note_path(&id)).unwrap();
    assert!(
        note.contains("author = \"AB\"") && note.contains("lang = \"en\""),
        "{note}"
    );
    assert!(stdout(&env.run(&["list"])).contains("│ id     ┆ date"));
    assert!(stdout(&env.run(&["--lang", "nl", "list"])).contains("│ id     ┆ datum"));
    assert!(stdout(&env.run(&["--help"])).contains("Exit codes:"));
}

#[test]
fn completions_and_the_man_page_are_generated() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = env.run(&["completions", shell]);
        assert_eq!(code(&out), 0);
        let script = stdout(&out);
        assert!(
            script.contains("driehoek") && script.contains("export"),
            "{shell}"
        );
    }
    assert_eq!(code(&env.run(&["completions", "tcsh"])), 2);
    let man = stdout(&env.run(&["man"]));
    assert!(
        man.starts_with(".TH DRIEHOEK 1 ")
            && man.contains("compare")
            && man.contains(".SH AFSLUITSTATUS"),
        "{}",
        &man[..200]
    );
}

/// Thirty invented notes that differ in verdicts, laws, blockers, scope
/// and costs, as a coach's store would.
fn thirty(env: &Env) -> Vec<String> {
    let verdicts = ["ja", "nee", "twijfel"];
    let laws = [
        "[\"wmo2015\"]",
        "[\"participatiewet\", \"avg\"]",
        "[\"jeugdwet\"]",
        "[\"wgs\"]",
        "[\"wmo2015\", \"wgs\"]",
    ];
    let blockers = [
        "beleidsregel",
        "werkinstructie",
        "gewoonte",
        "gevoel",
        "wet",
    ];
    (0..30)
        .map(|i| {
            let text = FULL
                .replace("titel = \"Drie zakken post\"", &format!("titel = \"Casus nummer {i}\""))
                .replacen("oordeel = \"ja\"", &format!("oordeel = \"{}\"", verdicts[i % 3]), 1)
                .replace("regel = [\"wgs\", \"anders\"]\nregel_anders = \"interne werkinstructie intake\"", &format!("regel = {}", laws[i % 5]))
                .replace("blokkade = [\"werkinstructie\", \"gevoel\"]", &format!("blokkade = \"{}\"", blockers[i % 5]))
                .replace("bedrag = \"24.000\"", &format!("bedrag = {}", 10_000 + i * 1_000))
                .replace(
                    "schaal = \"structureel\"\nsignaal = \"weet_niet\"",
                    if i % 3 == 0 { "schaal = \"incidenteel\"" } else { "schaal = \"structureel\"" },
                )
                .replace("uniform_nu = 2", &format!("uniform_nu = {}", 1 + i % 3));
            env.new_note(&text)
        })
        .collect()
}

#[test]
fn the_bundle_says_where_the_system_blocks_without_personal_text() {
    let env = Env::new();
    let ids = thirty(&env);
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let out = env.run(&["bundel"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        !report.contains("Casus nummer"),
        "no titles without --titles"
    );
    assert!(!report.contains("Ik durf de post"), "no personal text");
    // Notes made in the same second have no order of their own: sort the
    // ids within each cell so the snapshot is stable.
    let sorted: String = stable(&report, &refs)
        .lines()
        .map(|line| {
            let cells: Vec<String> = line
                .split('┆')
                .map(|cell| match cell.trim().trim_end_matches('│').trim() {
                    ids if ids.starts_with("id0") => {
                        let mut list: Vec<&str> = ids.split(", ").collect();
                        list.sort();
                        let joined = list.join(", ");
                        format!(" {joined:<w$} │", w = cell.chars().count() - 3)
                    }
                    _ => cell.to_string(),
                })
                .collect();
            cells.join("┆") + "\n"
        })
        .collect();
    snapshot!("bundle", sorted);

    let with_titles = stdout(&env.run(&["bundle", "--titles"]));
    assert!(with_titles.contains("Casus nummer 7"));
    let wmo = stdout(&env.run(&["bundle", "--law", "wmo"]));
    assert!(wmo.contains("12 casussen over wmo."), "{wmo}");
    let structural = stdout(&env.run(&["bundle", "--structural", "--format", "markdown"]));
    assert!(
        structural.contains("20 casussen, alleen structureel."),
        "{structural}"
    );

    let file = env.home.path().join("beleid.md");
    assert_eq!(code(&env.run(&["bundle", "-o", file.to_str().unwrap()])), 0);
    let md = fs::read_to_string(&file).unwrap();
    let tables = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES)
        .filter(|e| {
            matches!(
                e,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Table(_))
            )
        })
        .count();
    assert!(tables >= 6, "{md}");
    assert!(md.starts_with("# Gebundelde uitzonderingen\n"));

    // A practice note does not count.
    let sed = r#"s/^title = .*/&\npractice = "drie-zakken-post"/"#;
    let out = env
        .cmd()
        .env("EDITOR", format!("sed -i -e '{sed}'"))
        .args(["edit", "--editor", &ids[0]])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&env.run(&["bundle"])).contains("29 casussen."));
    assert!(stdout(&env.run(&["list"])).contains("Casus nummer 0 (oefening)"));
}

#[test]
fn labels_are_mirrored_in_check_and_show_and_counted_in_the_bundle() {
    let env = Env::new();
    let text = FULL.replace(
        "Samen de post sorteren;",
        "Ze is een zorgmijder en niet gemotiveerd, zegt de corporatie. Samen de post sorteren;",
    );
    let id = env.new_note(&text);
    let clean = env.new_note(&FULL.replace("Drie zakken post", "Gemotiveerde ouders"));
    let out = env.run(&["check"]);
    assert_eq!(
        code(&out),
        0,
        "labels alone do not fail check: {}",
        stdout(&out)
    );
    let listed = stdout(&out);
    assert!(
        listed.contains(&format!("{id} Drie zakken post")) && !listed.contains(&clean),
        "{listed}"
    );
    assert!(
        listed.contains("[casus.oplossing] label: zorgmijder →")
            && listed.contains("label: niet gemotiveerd →"),
        "{listed}"
    );
    let shown = stdout(&env.run(&["show", &id]));
    assert!(
        shown.contains("Labels in deze notitie") && shown.contains("“zorgmijder”"),
        "{shown}"
    );
    assert!(!stdout(&env.run(&["show", &clean])).contains("Labels in deze notitie"));
    let bundle = stdout(&env.run(&["bundle"]));
    assert!(
        bundle.contains("Labels in de notities") && bundle.contains("zorgmijder"),
        "{bundle}"
    );

    // A coach's own lexicon adds labels.
    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("lexicon.toml"),
        "format = 1\n[[label]]\nkey = \"corporatie\"\nnl = [\"de corporatie\"]\nen = [\"the housing association\"]\nquestion = { nl = \"Wie bij de corporatie?\", en = \"Who at the association?\" }\n",
    )
    .unwrap();
    assert!(
        stdout(&env.run(&["check", &id])).contains("label: de corporatie → Wie bij de corporatie?")
    );
}

#[test]
fn an_export_to_a_file_draws_the_pictures_beside_it() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let md_path = env.home.path().join("overleg.md");
    assert_eq!(
        code(&env.run(&["export", &id, "-o", md_path.to_str().unwrap()])),
        0
    );
    let md = fs::read_to_string(&md_path).unwrap();
    assert!(
        md.contains("![De waardendriehoek en het contrastprofiel](<overleg.svg>)"),
        "{md}"
    );
    let svg = fs::read_to_string(env.home.path().join("overleg.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let text: String = doc
        .descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    for word in [
        "ja",
        "twijfel",
        "uniform",
        "pluriform",
        "controleren",
        "leren",
    ] {
        assert!(text.contains(word), "{word} not in the SVG");
    }
    // On stdout there is no file beside it, and no drawing in text
    // either (it breaks when pasted): the tables say it all.
    let out = stdout(&env.run(&["export", &id]));
    assert!(
        !out.contains(".svg") && !out.contains("✓─") && out.contains("| Vraag | Oordeel |"),
        "{out}"
    );
}

#[test]
fn practice_cases_are_listed() {
    let env = Env::new();
    let out = env.run(&["oefen", "--list"]);
    assert_eq!(code(&out), 0);
    let list = stdout(&out);
    for key in [
        "drie-zakken-post",
        "niemand-voor-thuis",
        "van-rellen-naar-voedselpakketten",
        "nooit-meer-tekenen",
        "controle-bewonersinitiatief",
        "achttien-en-dan",
    ] {
        assert!(list.contains(key), "{key} missing in {list}");
    }
    let out = env
        .cmd()
        .args(["practice", "drie"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "a walk needs a terminal");
}

#[test]
fn practice_cases_list_as_json_with_lesson_and_model_verdicts() {
    let env = Env::new();
    let out = env.run(&["oefen", "--list", "--format", "json"]);
    assert_eq!(code(&out), 0, "{out:?}");
    let cases: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 13, "{}", cases.len());
    let by_key = |key: &str| cases.iter().find(|c| c["key"] == key).unwrap();
    let blocked = by_key("drieentwintig");
    assert_eq!(blocked["model"]["wet"], "nee");
    assert!(
        blocked["lesson"]
            .as_str()
            .unwrap()
            .contains("Jeugdwet art. 1.1")
    );
    assert_eq!(
        by_key("de-derde-opruimbeurt")["model"]["middelen"],
        "twijfel"
    );
    let rescue = by_key("bewind-voor-de-zekerheid");
    assert_eq!(rescue["model"]["zelfregie"], "nee");
    assert_eq!(rescue["model"]["wet"], "twijfel");
    // Trainees must not learn that the answer is always "ja, ja, ja".
    let verdicts = |c: &serde_json::Value| {
        ["wet", "middelen", "zelfregie"]
            .map(|corner| c["model"][corner].as_str().unwrap().to_string())
    };
    let all_yes = cases
        .iter()
        .filter(|c| verdicts(c) == ["ja", "ja", "ja"])
        .count();
    assert!(
        all_yes * 2 <= cases.len(),
        "{all_yes} of {} are ja/ja/ja",
        cases.len()
    );
    assert!(cases.iter().any(|c| c["model"]["middelen"] == "nee"));
    for c in cases {
        for field in ["key", "title", "lesson"] {
            assert!(c[field].as_str().is_some_and(|s| !s.is_empty()), "{c}");
        }
        // every case rests on legal points, each with its law and article
        let legal = c["legal"].as_array().unwrap();
        assert!(!legal.is_empty(), "{c}");
        for point in legal {
            for field in ["law", "article", "text"] {
                assert!(
                    point[field].as_str().is_some_and(|s| !s.is_empty()),
                    "{point}"
                );
            }
            assert!(
                point["article"].as_str().unwrap().starts_with("art. "),
                "{point}"
            );
        }
    }
    let post = by_key("drie-zakken-post")["legal"].as_array().unwrap();
    assert!(
        post.iter()
            .any(|p| p["law"] == "Faillissementswet" && p["article"] == "art. 287 lid 4"),
        "{post:?}"
    );
    // English titles and lessons with --lang en
    let en = stdout(&env.run(&["--lang", "en", "practice", "--list", "--format", "json"]));
    assert!(en.contains("The third clear-out"), "{en}");
    // --format without --list is a usage error, not a walk
    assert_eq!(code(&env.run(&["oefen", "--format", "json"])), 2);
}
