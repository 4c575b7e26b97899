//! The printable page: what the HTML holds, and how it prints in a real
//! browser (headless Chromium) on A4.

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{
    Env, FULL, SHORT_NOTE, code, have, in_order, missing, on_path, stderr, stdout,
};

const TEAM_QUESTION: &str = "Mogen we de eis van een compleet schuldenoverzicht vooraf loslaten, zodat de schuldhulp nu al kan beginnen?";

/// Invented answers of the length a worker writes, used in turn.
const LONG: &[&str] = &[
    "Ze opent geen brieven meer sinds de scheiding. De stapel ligt in de gang, en elke nieuwe envelop maakt het erger.\nZe zegt zelf dat ze wil, maar niet weet waar te beginnen.",
    "Drie instanties vragen elk een eigen formulier met dezelfde gegevens. Niemand kijkt naar het geheel, en de termijnen lopen door terwijl zij wacht.",
    "Samen met haar de post sorteren in twee middagen, daarna de schuldeisers laten weten dat er hulp is en om uitstel vragen.",
    "De wijkcoach kent haar al jaren en wil meegaan naar de eerste afspraak. Haar zus helpt met de kinderen op dinsdag en donderdag.",
    "We hebben eerder een budgetcursus aangeboden; die past niet bij wat ze nu aankan. Een vaste contactpersoon werkte wel, tot die vertrok.",
    "Het voelt alsof we regels volgen die niemand heeft bedacht voor deze situatie. Niemand durft de eerste stap te zetten zonder compleet dossier.",
];

/// A short answer for a one-line question.
const TEXT: &str = "werkinstructie intake schuldhulp, afdeling Werk en Inkomen";

/// An answers file that answers every question of the active set, with
/// follow-ups made to apply: the longest note a worker can make.
fn full_answers(env: &Env) -> String {
    let out = env.run(&["questions", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let set: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let questions = set["questions"].as_array().unwrap();
    // Values that make a follow-up apply, per question.
    let wanted = |id: &str| -> Vec<Value> {
        questions
            .iter()
            .filter(|q| q["when"]["question"] == id)
            .flat_map(|q| q["when"]["in"].as_array().cloned().unwrap_or_default())
            .collect()
    };
    let mut file = toml::Table::new();
    file.insert("set".into(), set["set"].clone().as_str().unwrap().into());
    for (n, q) in questions.iter().enumerate() {
        let id = q["id"].as_str().unwrap();
        let (section, key) = id.split_once('.').unwrap();
        let choices: Vec<&str> = q["choices"]
            .as_array()
            .map(|c| c.iter().map(|c| c["value"].as_str().unwrap()).collect())
            .unwrap_or_default();
        let value: toml::Value = match q["kind"].as_str().unwrap() {
            _ if id == "vervolg.teamvraag" => TEAM_QUESTION.into(),
            _ if id == "casus.titel" => "Drie zakken post en een loket dat wacht".into(),
            "text" => TEXT.into(),
            "long" => LONG[n % LONG.len()].into(),
            "choice" => match wanted(id).first() {
                Some(v) => v.as_str().unwrap().into(),
                None => choices[n % choices.len()].into(),
            },
            "multi" => {
                let mut picked: Vec<toml::Value> = wanted(id)
                    .iter()
                    .map(|v| v.as_str().unwrap().into())
                    .collect();
                let first = choices
                    .iter()
                    .find(|c| !["geen", "weet_niet", "anders"].contains(c))
                    .unwrap();
                picked.push((*first).into());
                picked.into()
            }
            "yesno" => true.into(),
            "scale" => {
                let (min, max) = (q["min"].as_i64().unwrap(), q["max"].as_i64().unwrap());
                if key.ends_with("_nu") { min + 1 } else { max }.into()
            }
            "amount" => "24000".into(),
            "date" => "15-1-2027".into(),
            "cost" => toml::toml! { bedrag = 24000
            periode = "jaar" }
            .into(),
            other => panic!("no full answer made for a question of kind {other} ({id})"),
        };
        file.entry(section)
            .or_insert_with(|| toml::Table::new().into())
            .as_table_mut()
            .unwrap()
            .insert(key.into(), value);
    }
    toml::to_string(&file).unwrap()
}

#[test]
fn the_page_is_self_contained_escaped_and_in_the_notes_language() {
    let env = Env::new();
    let hostile = FULL.replace(
        "Samen de post sorteren",
        "<script>alert(1)</script> <img src='https://example.org/x.png'> Samen de post sorteren",
    );
    let id = env.new_note(&hostile);
    let out = env.run(&["export", &id, "--format", "html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"nl\">"));
    assert!(page.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
    ));
    // The answer is shown as text, never as markup.
    assert!(page.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src='https://example.org/x.png'&gt;"
    ));
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("<link"));
    // Nothing to fetch: no address outside the SVG's namespace name.
    let outside = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!outside.contains("http://") && !outside.contains("src=\""));
    assert!(page.contains("<style>") && page.contains("@page { size: A4;"));
    // The profile is drawn inside, not as a text drawing; the triangle's
    // verdicts stand once, in the front's table.
    assert_eq!(page.matches("<svg").count(), 1, "{page}");
    assert!(!page.contains("<?xml") && !page.contains("<pre>"));

    // Read in English, a Dutch note stays marked Dutch; the labels are English.
    let out = env.run(&["--lang", "en", "export", &id, "--format", "html"]);
    let page = stdout(&out);
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"nl\">"));
    assert!(
        page.contains("<h2 lang=\"en\">For the meeting</h2>"),
        "{page}"
    );
}

#[test]
fn the_meetings_day_goes_on_a_page_and_nowhere_else() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let out = env.run(&["export", &id, "--overleg", "8-12-2026"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Drie zakken post\n\n*"), "{md}");
    assert!(
        md.contains("\n\n*Overleg: 8 dec. 2026*\n\n## Voor het overleg"),
        "{md}"
    );
    // Without a year, the next such day.
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    let year = if (today.month(), today.day()) <= (12, 8) {
        today.year()
    } else {
        today.year() + 1
    };
    for written in ["8-12", "8 december"] {
        let md = stdout(&env.run(&["export", &id, "--overleg", written]));
        assert!(
            md.contains(&format!("*Overleg: 8 dec. {year}*")),
            "{written}: {md}"
        );
    }
    // The Markdown has no room to write in: without a day, no line.
    let md = stdout(&env.run(&["export", &id]));
    assert!(
        !md.contains("Overleg") && !md.contains("Advies van het team"),
        "{md}"
    );
    for refused in [
        vec!["export", &id, "--format", "json", "--overleg", "8-12-2026"],
        vec!["export", "--all", "--anoniem", "--overleg", "8-12-2026"],
    ] {
        let out = env.run(&refused);
        assert_eq!(code(&out), 2, "{refused:?}");
        assert!(
            stderr(&out).contains("--overleg hoort bij een pagina voor het overleg"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn export_all_writes_one_page_per_note() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let b = env.new_note(&FULL.replace("Drie zakken post", "Tweede casus"));
    let dir = env.home.path().join("pages");
    let out = env.run(&[
        "export",
        "--all",
        "--format",
        "html",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut want = vec![
        format!("{a}-drie-zakken-post.html"),
        format!("{b}-tweede-casus.html"),
    ];
    want.sort();
    assert_eq!(names, want, "one page each, no SVG beside it");
    let page = std::fs::read_to_string(dir.join(format!("{b}-tweede-casus.html"))).unwrap();
    assert!(page.contains("<h1>Tweede casus</h1>"));
}

/// A page printed to PDF by headless Chromium, read back with poppler.
struct Printed {
    pdf: std::path::PathBuf,
    pages: usize,
}

impl Printed {
    /// Runs `driehoek ARGS -o FILE` and prints FILE; None (the test then
    /// skips) when Chromium or poppler is missing outside CI.
    fn new(env: &Env, args: &[&str]) -> Option<Printed> {
        if !have("pdfinfo") || !have("pdftotext") {
            return None;
        }
        let Some(browser) = ["chromium", "chromium-browser"]
            .into_iter()
            .find(|b| on_path(b))
        else {
            missing("chromium");
            return None;
        };
        // Each print its own files and browser profile: a browser that is
        // still closing holds its profile's lock.
        static PRINTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = PRINTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let page = env.home.path().join(format!("page-{n}.html"));
        let out = env.run(&[args, &["-o", page.to_str().unwrap()]].concat());
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let pdf = env.home.path().join(format!("page-{n}.pdf"));
        let started = Instant::now();
        let mut child = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-pdf-header-footer",
            ])
            .arg(format!(
                "--user-data-dir={}",
                env.home.path().join(format!("browser-{n}")).display()
            ))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "{browser} failed: {status}");
                break;
            }
            if started.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                panic!("{browser} did not print within two minutes");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let info = run_text("pdfinfo", &[pdf.to_str().unwrap()]);
        let field = |name: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(name))
                .map(str::trim)
                .unwrap_or_else(|| panic!("no {name} in {info}"))
                .to_string()
        };
        assert!(field("Page size:").ends_with("(A4)"), "{info}");
        let pages = field("Pages:").parse().unwrap();
        eprintln!(
            "driehoek {}: {pages} A4 pages, printed in {:?}",
            args.join(" "),
            started.elapsed()
        );
        Some(Printed { pdf, pages })
    }

    /// The text of every page, each as [`Printed::page`] gives it.
    fn pages(&self) -> Vec<String> {
        (1..=self.pages).map(|n| self.page(n)).collect()
    }

    /// The text of page `n` (from 1), its words joined by single spaces.
    fn page(&self, n: usize) -> String {
        let n = n.to_string();
        let text = run_text(
            "pdftotext",
            &["-f", &n, "-l", &n, self.pdf.to_str().unwrap(), "-"],
        );
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn run_text(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(out.status.success(), "{program}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn a_full_note_prints_on_at_most_three_a4_pages_with_its_front_on_page_one() {
    let env = Env::new();
    let id = env.new_note(&full_answers(&env));
    let Some(printed) = Printed::new(&env, &["export", &id, "--format", "html"]) else {
        return;
    };
    assert!((1..=3).contains(&printed.pages), "{} pages", printed.pages);
    let first = printed.page(1);
    assert!(
        first.starts_with("Drie zakken post en een loket dat wacht"),
        "{first}"
    );
    // The front block, whole on page 1: the question for the team first,
    // down to whether the case is incidental or structural.
    let team = first.find(TEAM_QUESTION).expect(&first);
    let scope = first
        .find("Is dit een incidentele uitzondering")
        .expect(&first);
    assert!(team < scope, "{first}");
    assert!(first[scope..].contains("structureel"), "{first}");
}

#[test]
fn an_agenda_prints_its_overview_first_and_each_case_from_a_new_page() {
    let env = Env::new();
    let a = env.new_note(FULL);
    let b = env.new_note(
        &FULL
            .replace("Drie zakken post", "Jongeren en de voedselbank")
            .replace(
                "Mogen we de intake-eis loslaten?",
                "Wie praat met de subsidieafdeling?",
            ),
    );
    let Some(printed) = Printed::new(&env, &["agenda", &a, &b]) else {
        return;
    };
    let first = printed.page(1);
    assert!(first.starts_with("Casuïstiekbespreking"), "{first}");
    assert!(
        first.contains("Mogen we de intake-eis loslaten?"),
        "{first}"
    );
    assert!(
        first.contains("Wie praat met de subsidieafdeling?"),
        "{first}"
    );
    assert!(
        !first.contains("Samen de post sorteren"),
        "no case in full on page 1: {first}"
    );
    let starts: Vec<usize> = (2..=printed.pages)
        .filter(|&n| {
            let text = printed.page(n);
            text.starts_with("Drie zakken post") || text.starts_with("Jongeren en de voedselbank")
        })
        .collect();
    assert_eq!(starts.len(), 2, "each case from a new page");
    assert_eq!(starts[0], 2);
    assert!(
        printed
            .page(starts[1])
            .starts_with("Jongeren en de voedselbank")
    );
}

#[test]
fn page_one_holds_what_the_meeting_needs_and_room_for_its_advice() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let args = ["export", &id, "--format", "html", "--overleg", "8-12-2026"];
    let Some(printed) = Printed::new(&env, &args) else {
        return;
    };
    let first = printed.page(1);
    in_order(
        &first,
        &[
            "Drie zakken post",
            "Overleg: 8 dec. 2026",
            "Wat is je vraag aan het team? Mogen we de intake-eis loslaten?",
            "Welke oplossing stel je voor, en wat staat die nu in de weg? Samen de post sorteren",
            "Wat zegt de persoon zelf over dit voorstel? Als iemand naast me zit",
            // The verdicts once, each with its reason.
            "Mag het van de wet? ja De wet eist geen compleet overzicht vooraf",
            "Gaan we handig om met publieke middelen? ja Een paar uur samen werken",
            "Draagt het bij aan zelfregie? twijfel We nemen even over",
            // The concrete rule and the route to deviate.
            "Welke regel precies, en van wie? intake-eis van de schuldhulp, afdeling Werk en Inkomen",
            "Welke route om af te wijken? Awb art. 4:84",
            // The costs over the horizon, and incidental or structural.
            "Huidige route € 24.000 per jaar",
            "Voorstel € 3.000 eenmalig",
            "Verschil over 1 jaar € 21.000 minder",
            "Is dit een incidentele uitzondering, of speelt het structureel? structureel",
            "Advies van het team",
        ],
    );
    for once in ["twijfel", "Draagt het bij aan zelfregie?", "Oordeel"] {
        assert_eq!(first.matches(once).count(), 1, "{once}: {first}");
    }
    // No second list of the verdicts, and no drawing of them.
    assert!(
        !first.contains("wet: ja") && !first.contains("De drie oordelen"),
        "{first}"
    );

    // Without a day, a line to write it on.
    let Some(printed) = Printed::new(&env, &["export", &id, "--format", "html"]) else {
        return;
    };
    let first = printed.page(1);
    in_order(&first, &["Drie zakken post", "Overleg: Voor het overleg"]);
}

#[test]
fn no_command_is_on_paper() {
    let env = Env::new();
    let full = env.new_note(FULL);
    // A short walk places no contrast row; the page once told how, as a
    // command.
    let short = env.new_note(SHORT_NOTE);
    for args in [
        vec!["export", &full, "--format", "html"],
        vec!["export", &short, "--format", "html"],
        vec!["agenda", &full, &short],
    ] {
        let Some(printed) = Printed::new(&env, &args) else {
            return;
        };
        for (n, text) in printed.pages().iter().enumerate() {
            let words: Vec<&str> = text.split(' ').collect();
            let command = words
                .iter()
                .position(|w| *w == "driehoek" || w.starts_with("--") || w.starts_with("(--"));
            let around =
                command.map(|at| words[at.saturating_sub(8)..(at + 8).min(words.len())].join(" "));
            assert_eq!(around, None, "{args:?}, page {}", n + 1);
        }
    }
}

#[test]
fn the_page_for_the_person_prints_on_one_a4_page() {
    let env = Env::new();
    for (key, value) in [("team", "Buurtteam Noord"), ("telefoon", "020 123 45 67")] {
        assert_eq!(code(&env.run(&["config", "set", key, value])), 0);
    }
    // Answers of the length a worker writes, in every part the page shows.
    let note = FULL
        .replace(
            "Samen de post sorteren; de schuldeisers tijdelijk laten wachten.",
            LONG[2],
        )
        .replace(
            "[vervolg]\n",
            "[vervolg]\nafspraken = \"Dinsdag en donderdag sorteren we samen de post, bij jou thuis. Jij belt zelf de woningcorporatie; wij bellen de schuldhulp over uitstel.\"\n",
        )
        .replacen(
            "[casus]\n",
            "[casus]\ntermijn = \"besluit\"\ntermijn_tot = \"18-12-2026\"\n",
            1,
        );
    let id = env.new_note(&note);
    let Some(printed) = Printed::new(
        &env,
        &["export", &id, "--voor-persoon", "--overleg", "8-12-2026"],
    ) else {
        return;
    };
    assert_eq!(printed.pages, 1, "{:?}", printed.pages());
    in_order(
        &printed.page(1),
        &[
            "Wat we samen bespraken",
            "Wat je ons vertelde",
            "Wat we willen proberen",
            "Wat je ervan vindt",
            "Wat er nu gebeurt",
            "Bezwaar maken kan tot en met vrijdag 18 december 2026.",
            "Op dinsdag 8 december 2026",
            "Bel Buurtteam Noord: 020 123 45 67",
            "Ben je het er niet mee eens?",
            "artikel 9:18 en 9:20",
        ],
    );
}
