//! `export ID --voor-persoon`: a page for the person, in plain words, to
//! them. What it holds and leaves out, its sentences counted, the settings
//! it needs, and the words it refuses to put in front of the person.

use std::fs;

use crate::harness::{Env, FULL, code, stderr, stdout};

/// The team's settings a page needs.
fn with_team(env: &Env, address: &str) {
    for (key, value) in [
        ("team", "Buurtteam Noord"),
        ("telefoon", "020 123 45 67"),
        ("aanspreekvorm", address),
    ] {
        let out = env.run(&["config", "set", key, value]);
        assert_eq!(code(&out), 0, "{key}: {}", stderr(&out));
    }
}

/// What the worker writes in the full fixture and the page shows as it
/// is: the plan, and what was agreed.
const PLAN: &str = "Samen de post sorteren; de schuldeisers tijdelijk laten wachten.";
const AGREED: &str = "Dinsdag sorteren we samen de post. Jij belt zelf de woningcorporatie.";

/// The full fixture with what was agreed, and a decision whose
/// objection term runs to Friday 18 December 2026.
fn dutch() -> String {
    FULL.replace(
        "[vervolg]\n",
        &format!("[vervolg]\nafspraken = \"{AGREED}\"\n"),
    )
    .replacen(
        "[casus]\n",
        "[casus]\ntermijn = \"besluit\"\ntermijn_tot = \"18-12-2026\"\n",
        1,
    )
}

/// The same case written in English.
const ENGLISH: &str = r#"set = "waardendriehoek"
[casus]
termijn = "aanvraag"
termijn_tot = "2026-12-18"
titel = "Three bags of post"
eigen_woorden = """I do not dare to open the post any more.
Every letter is a new bill."""
wens = "In a year some peace again, and keeping up with my own post."
oplossing = "Sort the post together, and ask the creditors to wait for a while."
persoon_over_voorstel = "If someone sits next to me, I dare to do it."
[wet]
oordeel = "ja"
regel = ["wgs"]
blokkade = ["werkinstructie"]
regel_concreet = "intake rule of debt assistance"
toelichting = "The law does not ask for a complete overview first."
[middelen]
oordeel = "ja"
kosten_nu = { bedrag = "24.000", periode = "jaar" }
kosten_voorstel = { bedrag = 3000, periode = "eenmalig" }
[zelfregie]
oordeel = "twijfel"
logica = "persoon"
[contrasten]
vastzittend = "sturing"
[reflectie]
besproken = "nog niet"
[vervolg]
afspraken = "On Tuesday we sort the post together. You call the housing association yourself."
teamvraag = "May we drop the intake rule?"
schaal = "structureel"
"#;

fn english_note(env: &Env) -> String {
    let path = env.file("en.toml", ENGLISH);
    let out = env.run(&["--lang", "en", "new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out).trim().to_string()
}

fn page(env: &Env, id: &str, format: &str) -> String {
    let out = env.run(&["export", id, "--voor-persoon", "--format", format]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

/// The page's Markdown without the person's quoted words (`>` lines) and
/// without the worker's texts it shows as they are: the tool's own words.
fn own_words_of_the_tool(md: &str, worker: &[&str]) -> String {
    let mut text: String = md
        .lines()
        .filter(|l| !l.starts_with('>'))
        .collect::<Vec<_>>()
        .join("\n");
    for w in worker {
        text = text.replace(w, "");
    }
    text
}

/// The sentences of the paragraphs (not headings, not the line under the
/// title), as their words.
fn sentences(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with('*') || line.trim().is_empty() {
            continue;
        }
        let mut sentence = Vec::new();
        for word in line.split_whitespace() {
            if word.chars().any(char::is_alphanumeric) {
                sentence.push(word.to_string());
            }
            if word.ends_with(['.', '?', '!', ':']) && !sentence.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
        }
        if !sentence.is_empty() {
            out.push(sentence);
        }
    }
    out
}

/// Words a person should not meet outside their own words, in both
/// languages; whole words, in any case.
const PROFESSIONAL: &[&str] = &[
    "zelfregie",
    "publieke middelen",
    "verordening",
    "casus",
    "casuïstiek",
    "interventie",
    "traject",
    "doelgroep",
    "waardendriehoek",
    "maatwerk",
    "cliënt",
    "oordeel",
    "rechtmatig",
    "zorgmijder",
    "self-direction",
    "public money",
    "public funds",
    "by-law",
    "ordinance",
    "case",
    "intervention",
    "trajectory",
    "target group",
    "client",
    "verdict",
    "value triangle",
];

fn has_word(text: &str, word: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let parts: Vec<&str> = word.split(' ').collect();
    words
        .windows(parts.len())
        .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
}

#[test]
fn the_page_is_plain_short_sentences_and_no_professional_word_in_both_languages() {
    let env = Env::new();
    let nl = env.new_note(&dutch());
    let en = english_note(&env);
    let cases = [
        (&nl, "je", vec![PLAN, AGREED]),
        (&nl, "u", vec![PLAN, AGREED]),
        (
            &en,
            "je",
            vec![
                "Sort the post together, and ask the creditors to wait for a while.",
                "On Tuesday we sort the post together. You call the housing association yourself.",
            ],
        ),
    ];
    for (id, address, worker) in cases {
        with_team(&env, address);
        let md = page(&env, id, "markdown");
        let tool = own_words_of_the_tool(&md, &worker);
        let said = sentences(&tool);
        assert!(
            said.len() >= 12,
            "{address}: too few sentences to judge: {said:?}"
        );
        let words: usize = said.iter().map(Vec::len).sum();
        let average = words as f64 / said.len() as f64;
        assert!(
            average <= 12.0,
            "{address}: {average:.1} words a sentence\n{md}"
        );
        for s in &said {
            assert!(
                s.len() <= 20,
                "{address}: {} words: {}",
                s.len(),
                s.join(" ")
            );
        }
        for h in tool.lines().filter(|l| l.starts_with('#')) {
            assert!(h.split_whitespace().count() <= 20, "{h}");
        }
        eprintln!(
            "page for the person ({address}, {id}): {} sentences, {average:.1} words on average, the longest {}",
            said.len(),
            said.iter().map(Vec::len).max().unwrap()
        );
        for word in PROFESSIONAL {
            assert!(!has_word(&tool, word), "{address}: '{word}' in\n{tool}");
        }
        // No verdict, cost, contrast, title or question for the team.
        for gone in [
            "Drie zakken post",
            "Three bags of post",
            "24.000",
            "3.000",
            "€",
            "twijfel",
            "De wet eist geen compleet overzicht",
            "The law does not ask",
            "intake",
            "Mogen we",
            "May we",
            "sturing",
            "structureel",
        ] {
            assert!(!md.contains(gone), "{address}: '{gone}' in\n{md}");
        }
    }
}

#[test]
fn the_page_holds_what_the_person_told_the_plan_what_they_said_what_next_and_whom_to_call() {
    let env = Env::new();
    with_team(&env, "je");
    let id = env.new_note(&dutch());
    let md = page(&env, &id, "markdown");
    crate::harness::in_order(
        &md,
        &[
            "# Wat we samen bespraken",
            "*Van Buurtteam Noord, ",
            "Dit papier is voor jou.",
            "## Wat je ons vertelde",
            "> Ik durf de post niet meer open te maken.",
            "## Wat we willen proberen",
            PLAN,
            "Waarom?",
            "> Over een jaar weer rust",
            "## Wat je ervan vindt",
            "> Als iemand naast me zit, durf ik het wel.",
            "## Wat er nu gebeurt",
            AGREED,
            "Er is al een besluit. Bezwaar maken kan tot en met vrijdag 18 december 2026.",
            "## Wie je kunt bellen",
            "*Bel Buurtteam Noord: 020 123 45 67*",
            "## Ben je het er niet mee eens?",
            "Dan kun je bezwaar maken. Daarvoor heb je zes weken (Algemene wet bestuursrecht, artikel 6:7).",
            "Dan kun je naar de ombudsman (Algemene wet bestuursrecht, artikel 9:18 en 9:20).",
        ],
    );
    // The same page in the u-form.
    with_team(&env, "u");
    let md = page(&env, &id, "markdown");
    crate::harness::in_order(
        &md,
        &[
            "Dit papier is voor u.",
            "## Wat u ons vertelde",
            "Zo schreven we op wat u ons vertelde:",
            "## Wie u kunt bellen",
        ],
    );
    assert!(!md.contains(" je ") && !md.contains("jou"), "{md}");
    // The meeting's day, written out.
    let out = env.run(&[
        "export",
        &id,
        "--voor-persoon",
        "--format",
        "markdown",
        "--overleg",
        "8-12-2026",
    ]);
    assert!(
        stdout(&out).contains("Op dinsdag 8 december 2026 praten we hierover in ons team."),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_page_for_the_person_names_its_note_as_every_export_does() {
    let env = Env::new();
    with_team(&env, "je");
    let id = env.new_note(&dutch());
    // A word of the title ("Drie zakken post"), as `export zakken` takes it.
    let out = env.run(&["export", "zakken", "--voor-persoon", "--format", "markdown"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), page(&env, &id, "markdown"));
}

#[test]
fn an_english_note_gets_an_english_page_and_the_tool_speaks_the_readers_language() {
    let env = Env::new();
    with_team(&env, "u");
    let en = english_note(&env);
    let md = page(&env, &en, "markdown");
    crate::harness::in_order(
        &md,
        &[
            "# What we talked about",
            "This paper is for you.",
            "## What you told us",
            "> I do not dare to open the post any more.",
            "We expect a decision by Friday 18 December 2026 at the latest.",
            "## Who you can call",
            "*Call Buurtteam Noord: 020 123 45 67*",
            "## Do you disagree?",
            "You have six weeks for this (General Administrative Law Act, article 6:7).",
        ],
    );
    let html = page(&env, &en, "html");
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"en\">"),
        "{html}"
    );
    assert!(html.contains("<article class=\"person\">"), "{html}");
    // The page is the note's; what the tool says about it is the reader's.
    let dir = env.home.path().join("pages/");
    let out = env.run(&["export", &en, "--voor-persoon", "-o", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("Geschreven: "), "{}", stderr(&out));
    let file = dir.join(format!("{en}-for-the-person.html"));
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("What we talked about")
    );
}

#[test]
fn a_label_or_a_professional_word_stops_the_page_and_says_where() {
    let env = Env::new();
    with_team(&env, "je");
    let labelled = env.new_note(&dutch().replace(
        PLAN,
        "Samen de post sorteren, al is ze een zorgmijder. Daarna een traject bij de schuldhulp.",
    ));
    let file = env.home.path().join("pagina.html");
    let out = env.run(&[
        "export",
        &labelled,
        "--voor-persoon",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(!file.exists(), "nothing written");
    let err = stderr(&out);
    for said in [
        "de pagina voor de persoon is niet gemaakt",
        &format!("driehoek bewerk {labelled}"),
        "(casus.oplossing): 'zorgmijder' plakt een etiket op de persoon.",
        "(casus.oplossing): 'traject' is een vakwoord.",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    let out = env.run(&[
        "--lang",
        "en",
        "export",
        &labelled,
        "--for-person",
        "--format",
        "markdown",
    ]);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("'traject' is a professional word"),
        "{}",
        stderr(&out)
    );

    // A label is never shown, not even in the person's own words; a
    // professional word they used themselves is theirs. A word explained
    // in brackets may stand.
    let own = env.new_note(
        &dutch()
            .replace(
                "Als iemand naast me zit, durf ik het wel.",
                "Dat traject wil ik wel, als iemand naast me zit.",
            )
            .replace(
                PLAN,
                "Wat de verordening (de regels van de gemeente) toestaat: samen sorteren.",
            ),
    );
    assert!(page(&env, &own, "markdown").contains("> Dat traject wil ik wel"));
    let own = env.new_note(&dutch().replace(
        "Als iemand naast me zit, durf ik het wel.",
        "Hij is niet gemotiveerd, zegt mijn zus.",
    ));
    let out = env.run(&["export", &own, "--voor-persoon", "--format", "markdown"]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    assert!(
        stderr(&out).contains("'niet gemotiveerd'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_page_needs_the_team_and_a_phone_number_and_warns_of_personal_data() {
    let env = Env::new();
    let id = env.new_note_with(
        &dutch().replace(PLAN, "Samen sorteren; bel haar op 06-12345678."),
        &["--allow-personal-data"],
    );
    let out = env.run(&["export", &id, "--voor-persoon"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("maar team en telefoon staan nog niet in de instellingen"),
        "{}",
        stderr(&out)
    );
    env.run(&["config", "set", "team", "Buurtteam Noord"]);
    let out = env.run(&["export", &id, "--voor-persoon"]);
    assert!(
        stderr(&out).contains("maar telefoon staat nog niet"),
        "{}",
        stderr(&out)
    );
    // A number written into the file by hand is checked where it is used.
    let file = env.config.path().join("driehoek").join("config.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, format!("{text}telefoon = \"bel ons\"\n")).unwrap();
    let out = env.run(&["export", &id, "--voor-persoon"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out)
            .contains("telefoon in config.toml ('bel ons') kan niet op de pagina voor de persoon"),
        "{}",
        stderr(&out)
    );
    env.run(&["config", "set", "telefoon", "14 020"]);
    let out = env.run(&["export", &id, "--voor-persoon"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Bel Buurtteam Noord:</span> <span class=\"value\">14 020</span>")
    );
    // The guard warns of what the page shows, as every export does.
    assert!(
        stderr(&out).contains(&format!("notitie {id} bevat wat op persoonsgegevens lijkt")),
        "{}",
        stderr(&out)
    );
    // JSON is no page; a page for the person is one note's.
    let out = env.run(&["export", &id, "--voor-persoon", "--format", "json"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("HTML of Markdown, geen JSON"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["export", "--all", "--voor-persoon", "-o", "x"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn settings_for_the_page_are_checked() {
    let env = Env::new();
    for (key, value, said) in [
        (
            "telefoon",
            "020 12",
            "'020 12' kan niet voor telefoon; geldig: een Nederlands telefoonnummer",
        ),
        ("telefoon", "+32 2 123 45 67", "kan niet voor telefoon"),
        (
            "aanspreekvorm",
            "jij",
            "'jij' kan niet voor aanspreekvorm; geldig: je of u",
        ),
        (
            "team",
            "",
            "kan niet voor team; geldig: de naam van je team",
        ),
    ] {
        let out = env.run(&["config", "set", key, value]);
        assert_eq!(code(&out), 2, "{key} {value}");
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
    }
    for (key, value) in [
        ("telefoon", "+31 (0)20 123 45 67"),
        ("aanspreekvorm", "u"),
        ("team", "Buurtteam Noord"),
    ] {
        let out = env.run(&["config", "set", key, value]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(
            stdout(&env.run(&["config", "get", key])),
            format!("{value}\n")
        );
    }
    let out = stdout(&env.run(&["config"]));
    assert!(
        out.contains("team = Buurtteam Noord\ntelefoon = +31 (0)20 123 45 67\naanspreekvorm = u\n"),
        "{out}"
    );
}

#[test]
fn snapshots_of_the_page_in_both_languages_and_both_forms() {
    let env = Env::new();
    let nl = env.new_note(&dutch());
    let en = english_note(&env);
    for (name, id, address) in [
        ("person_nl_je", &nl, "je"),
        ("person_nl_u", &nl, "u"),
        ("person_en", &en, "u"),
    ] {
        with_team(&env, address);
        let md = page(&env, id, "markdown");
        insta::with_settings!({ filters => vec![
            (r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [a-zA-Z]+ \d{4}", "WEEKDAY D MONTH YYYY"),
        ] }, {
            insta::assert_snapshot!(name, md);
        });
    }
    // English has one "you".
    with_team(&env, "je");
    let je = page(&env, &en, "markdown");
    with_team(&env, "u");
    assert_eq!(je, page(&env, &en, "markdown"));
}

#[test]
fn where_to_go_when_they_disagree_only_when_a_decision_is_involved() {
    let env = Env::new();
    with_team(&env, "je");
    let no_term = env.new_note(FULL);
    for (term, until, said) in [
        ("geen", "", None),
        ("weet_niet", "", None),
        ("besluit", "", Some("Er is al een besluit.\n")),
        (
            "aanvraag",
            "",
            Some("Er loopt een aanvraag. Daarop komt een besluit."),
        ),
        (
            "aanvraag",
            "termijn_tot = \"18-12-2026\"\n",
            Some(
                "Er loopt een aanvraag. We verwachten uiterlijk vrijdag 18 december 2026 een besluit. Is er dan nog geen besluit? Bel ons dan.",
            ),
        ),
    ] {
        let id = env.new_note(&FULL.replacen(
            "[casus]\n",
            &format!("[casus]\ntermijn = \"{term}\"\n{until}"),
            1,
        ));
        let md = page(&env, &id, "markdown");
        assert_eq!(
            md.contains("## Ben je het er niet mee eens?"),
            said.is_some(),
            "{term}: {md}"
        );
        assert_eq!(md.contains("ombudsman"), said.is_some(), "{term}: {md}");
        if let Some(said) = said {
            assert!(md.contains(said), "{term}: {said}\n{md}");
        }
    }
    let md = page(&env, &no_term, "markdown");
    assert!(!md.contains("bezwaar") && !md.contains("besluit"), "{md}");
}
