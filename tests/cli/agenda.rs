//! `agenda`: one document for a meeting with several cases.

use std::fs;

use crate::harness::{Env, FULL, code, stderr, stdout};

/// A second invented case: another title, question and verdict.
fn second(env: &Env) -> String {
    env.new_note(
        &FULL
            .replace("Drie zakken post", "Jongeren en de voedselbank")
            .replace(
                "Mogen we de intake-eis loslaten?",
                "Wie praat met de subsidieafdeling?",
            )
            .replace("schaal = \"structureel\"", "schaal = \"incidenteel\"")
            .replace(
                "[zelfregie]\noordeel = \"twijfel\"",
                "[zelfregie]\noordeel = \"nee\"",
            ),
    )
}

/// The part of a Markdown agenda before the first case.
fn overview(md: &str) -> &str {
    md.split("\n---\n").next().unwrap()
}

#[test]
fn the_overview_lists_each_case_in_the_order_named_then_each_case_follows() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let b = second(&env);
    let out = env.run(&["agenda", &b[..4], &a, &b, "--format", "markdown"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = stdout(&out);
    let head = overview(&md);
    assert!(head.starts_with("# Casuïstiekbespreking\n"), "{md}");
    assert!(head.contains(" · 2 casussen*"), "{head}");
    assert!(
        head.contains("| # | casus | vraag aan het team | wet | middelen | zelfregie |"),
        "{head}"
    );
    let row_b = format!(
        "| 1 | Jongeren en de voedselbank ({b}) | Wie praat met de subsidieafdeling? | ja | ja | nee |"
    );
    let row_a = format!(
        "| 2 | Drie zakken post ({a}) | Mogen we de intake-eis loslaten? | ja | ja | twijfel |"
    );
    assert!(head.contains(&row_b), "{head}");
    assert!(head.contains(&row_a), "{head}");
    // Then each case in full, once, in the same order.
    let cases: Vec<&str> = md.split("\n---\n").skip(1).collect();
    assert_eq!(cases.len(), 2, "{md}");
    assert!(
        cases[0].starts_with("\n# Jongeren en de voedselbank\n"),
        "{}",
        cases[0]
    );
    assert!(
        cases[1].starts_with("\n# Drie zakken post\n"),
        "{}",
        cases[1]
    );
    assert!(cases[1].contains("Samen de post sorteren"));

    // In English the overview speaks English; the Dutch alias works.
    let out = env.run(&["--lang", "en", "bespreking", &a, "--format", "markdown"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = stdout(&out);
    assert!(overview(&md).starts_with("# Case discussion\n"), "{md}");
    assert!(overview(&md).contains(" · 1 case*"), "{md}");
    assert!(overview(&md).contains("| yes | yes | in doubt |"), "{md}");
}

#[test]
fn without_ids_the_list_filters_choose() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let b = second(&env);
    let out = env.run(&["agenda", "--structural", "--format", "markdown"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.contains(&format!("({a})")) && !md.contains(&format!("({b})")),
        "{md}"
    );
    let out = env.run(&["agenda", "--search", "voedselbank", "--format", "markdown"]);
    assert!(stdout(&out).contains(&format!("({b})")), "{}", stdout(&out));
    assert!(!stdout(&out).contains(&format!("({a})")));
    // Without ids and filters: every note, in the order list shows them.
    let out = env.run(&["agenda", "--format", "markdown"]);
    let md = stdout(&out);
    let list = stdout(&env.run(&["list", "--format", "json"]));
    let first = if list.find(&a) < list.find(&b) {
        &a
    } else {
        &b
    };
    let head = overview(&md);
    assert!(
        head.find(&format!("({first})")) < head.find("\n| 2 | "),
        "{md}"
    );
    assert!(
        md.contains(&format!("({a})")) && md.contains(&format!("({b})")),
        "{md}"
    );
}

#[test]
fn without_ids_a_case_carried_out_stays_off_the_agenda_unless_asked_for() {
    let env = Env::new();
    let done = env.new_note(FULL);
    let open = second(&env);
    let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    let entry = env.file(
        "afloop.toml",
        &format!(
            "set = \"afloop\"\n[afloop]\nbesluit = \"toegekend\"\nbesluit_datum = \"{today}\"\ndaarna = \"De intake-eis is losgelaten.\"\n"
        ),
    );
    let out = env.run(&["afloop", &done, "--from", entry.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = env.run(&["agenda", "--format", "markdown"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains(&format!("({open})")), "{md}");
    assert!(!md.contains(&format!("({done})")), "{md}");
    let out = env.run(&["agenda", "--status", "uitgevoerd", "--format", "markdown"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("({done})")),
        "{}",
        stdout(&out)
    );
    // Named by id, a case is on the agenda whatever it stands at.
    let out = env.run(&["agenda", &done, "--format", "markdown"]);
    assert!(
        stdout(&out).contains(&format!("({done})")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn ids_and_filters_together_or_nothing_chosen_are_refused() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let out = env.run(&["agenda", &a, "--structural"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("noem notities, of kies ze met filters, niet allebei"));
    assert!(stdout(&out).is_empty());
    let out = env.run(&["agenda", "--search", "bestaat niet"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("geen notities voor de agenda"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["--lang", "en", "agenda", "zzz"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no note with id 'zzz'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_privacy_guard_warns_as_export_does() {
    let env = Env::new();
    let personal = FULL.replace(
        "Eerst vertrouwen opbouwen.",
        "Eerst vertrouwen opbouwen; mail naar j.jansen@example.org.",
    );
    let id = env.new_note_with(&personal, &["--allow-personal-data"]);
    let export = stderr(&env.run(&["export", &id]));
    let agenda = env.run(&["agenda", &id]);
    assert_eq!(code(&agenda), 0);
    assert!(export.contains(&format!("notitie {id} bevat wat op persoonsgegevens lijkt")));
    assert_eq!(stderr(&agenda), export, "the same warning, the same way");
}

#[test]
fn the_page_puts_the_overview_and_each_case_in_articles_of_their_own() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let b = second(&env);
    let path = env.file("en.toml", &FULL.replace("Drie zakken post", "English case"));
    let out = env.run(&["--lang", "en", "new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let en = stdout(&out).trim().to_string();
    let out = env.run(&["agenda", &a, &b, &en]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let page = stdout(&out);
    assert!(
        page.starts_with("<!DOCTYPE html><html lang=\"nl\">"),
        "{page}"
    );
    assert!(page.contains("Content-Security-Policy"));
    assert_eq!(page.matches("<article").count(), 4, "{page}");
    assert!(page.contains("<title>Casuïstiekbespreking</title>"));
    assert!(page.contains("<h1>Jongeren en de voedselbank</h1>"));
    // Each case speaks its note's language.
    assert_eq!(page.matches("<article lang=\"en\">").count(), 1, "{page}");
    // The profile is drawn; the verdicts stand once, in each front's table.
    assert_eq!(page.matches("<svg").count(), 3, "one drawing a case");
    assert_eq!(page.matches("Advies van het team").count(), 3, "{page}");
    assert!(!page.contains("<script") && !page.contains("<pre>"));
}

#[test]
fn to_a_file_or_a_folder() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let file = env.home.path().join("agenda.html");
    let to_file = |more: &[&str]| {
        let base = ["agenda", &a, "-o", file.to_str().unwrap()];
        env.run(&[&base[..], more].concat())
    };
    let read = || fs::read_to_string(&file).unwrap();
    let out = to_file(&[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains(&format!("Geschreven: {}", file.display())));
    assert!(read().contains("<h1>Drie zakken post</h1>"));
    // An existing file is kept unless --force says otherwise.
    let out = to_file(&["--format", "markdown"]);
    assert_ne!(code(&out), 0);
    assert!(read().starts_with("<!DOCTYPE html>"));
    let out = to_file(&["--format", "markdown", "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(read().starts_with("# Casuïstiekbespreking"));
    // A folder gets a name of the day and the title.
    let dir = env.home.path().join("bespreking");
    fs::create_dir(&dir).unwrap();
    let out = env.run(&["agenda", &a, "-o", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(
        names[0].ends_with("-casuistiekbespreking.html"),
        "{names:?}"
    );
    assert_eq!(names[0].len(), "YYYY-MM-DD-casuistiekbespreking.html".len());
}

#[test]
fn the_meetings_day_is_on_the_agenda_each_case_and_the_file_name() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let b = second(&env);
    let dir = env.home.path().join("bespreking");
    fs::create_dir(&dir).unwrap();
    let out = env.run(&[
        "agenda",
        &a,
        &b,
        "--overleg",
        "8-12-2026",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let file = dir.join("2026-12-08-casuistiekbespreking.html");
    let page = fs::read_to_string(&file).unwrap();
    let day = "<span class=\"label\">Overleg:</span> <span class=\"value\">8 dec. 2026</span>";
    assert_eq!(
        page.matches(day).count(),
        3,
        "the overview and each case: {page}"
    );
    let out = env.run(&[
        "agenda",
        &a,
        "--meeting",
        "2026-12-08",
        "--format",
        "markdown",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("*Overleg: 8 dec. 2026*"),
        "{}",
        stdout(&out)
    );
    // A day that does not exist is refused in the reader's language.
    let out = env.run(&["agenda", &a, "--overleg", "31-2-2026"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("'31-2-2026' is geen datum"),
        "{}",
        stderr(&out)
    );
}
