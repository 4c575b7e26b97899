//! The interactive walk end to end, in a real pseudo-terminal, and the
//! saved note checked afterwards. Every test runs twice (see
//! [`super::in_both`]): without colour and in an ordinary colour terminal.

use std::collections::HashMap;

use expectrl::Regex;
use expectrl::process::unix::WaitStatus;

use super::harness::*;
use crate::harness::{Env, stderr, stdout};

const TITLE: &str = "Drie zakken post";
const OWN_WORDS: &str =
    "Ik durf de post niet meer open te maken, zegt ze; één brief is al te veel.";
const OWN_WORDS_MORE: &str = " Elke brief is een nieuwe rekening.";
/// (contrast, now, desired): a different point for now and desired.
const CONTRASTS: [(&str, usize, usize); 6] = [
    ("uniform", 2, 4),
    ("zorg", 1, 4),
    ("weten", 2, 3),
    ("verantwoording", 1, 3),
    ("positie", 2, 5),
    ("sturing", 1, 4),
];

/// The answer the Dutch walk gives to every question of the default set.
fn full_plan(q: &Q) -> Act {
    let typed = |s: &str| Act::Type(s.to_string());
    match q.id.as_str() {
        "casus.titel" => typed(TITLE),
        "casus.eigen_woorden" => typed(OWN_WORDS),
        // Past it and back up: 3_5 is the third item, after "(overslaan)".
        "casus.professionals" => Act::PickWith(
            choice(q, "3_5"),
            format!("{DOWN}{DOWN}{DOWN}{DOWN}{UP}{ENTER}"),
        ),
        "wet.oordeel" => Act::Pick(choice(q, "ja")),
        "wet.regel" => Act::Tick(vec![choice(q, "wgs"), choice(q, "anders")]),
        "wet.regel_anders" => typed("interne werkinstructie intake"),
        "wet.blokkade" => Act::Tick(vec![choice(q, "werkinstructie"), choice(q, "gevoel")]),
        "wet.regel_concreet" => typed("werkinstructie intake schuldhulp"),
        "wet.ruimte" => Act::Pick(choice(q, "ja")),
        "wet.ruimte_route" => Act::Tick(vec![choice(q, "awb_4_84")]),
        "wet.ruimte_waar" => typed("De teamleider mag afwijken."),
        "middelen.oordeel" => Act::Pick(choice(q, "ja")),
        "middelen.kosten_nu" => Act::Cost {
            typed: "24.000".into(),
            shown: "€ 24.000".into(),
            period: 0,
        },
        "middelen.kosten_voorstel" => Act::Cost {
            typed: "3000".into(),
            shown: "€ 3.000".into(),
            period: 1,
        },
        "middelen.betaler_nu" => Act::Tick(vec![choice(q, "gemeente")]),
        "middelen.betaler" => Act::Tick(vec![choice(q, "gemeente")]),
        "middelen.bespaarder" => Act::Skip,
        "casus.termijn" => Act::Pick(choice(q, "besluit")),
        "casus.termijn_tot" => typed("15-1-2027"),
        "wet.rechtvaardig" => Act::Pick(choice(q, "twijfel")),
        "vervolg.signaal_orgaan" => Act::Tick(vec![choice(q, "doorbraak")]),
        "casus.wisselingen" => Act::Pick(choice(q, "3_5")),
        "contrasten.vastzittend" => Act::Pick(choice(q, "sturing")),
        "reflectie.ervaringsdeskundige" => Act::Pick(choice(q, "geraadpleegd")),
        "zelfregie.oordeel" => Act::Pick(choice(q, "twijfel")),
        "zelfregie.logica" => Act::Pick(choice(q, "gemengd")),
        "reflectie.besproken" => Act::Pick(choice(q, "nog_niet")),
        "reflectie.besproken_waarom" => typed("Eerst vertrouwen opbouwen."),
        "vervolg.schaal" => Act::Pick(choice(q, "structureel")),
        "vervolg.signaal" => Act::Pick(choice(q, "ja")),
        "vervolg.signaal_notitie" => typed("Werkinstructie intake schuldhulp."),
        id => match q.kind.as_str() {
            "scale" => {
                let (key, which) = id["contrasten.".len()..].split_once('_').unwrap();
                let &(_, now, desired) = CONTRASTS.iter().find(|c| c.0 == key).unwrap();
                Act::Pick(if which == "nu" { now } else { desired } - 1)
            }
            "text" | "long" => Act::Type(format!("Antwoord bij {id}.")),
            other => panic!("no plan for {id} ({other})"),
        },
    }
}

fn walks_a_whole_case_in_dutch_and_saves_it(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    assert_eq!(w.questions.len(), 73);

    // `?` shows the help and asks the same question again.
    w.wait_for("casus.titel");
    w.pty.send(&format!("?{ENTER}"));
    let help = w.q("casus.titel").help.clone().unwrap();
    // Help is wrapped to the terminal: its first words are on one line.
    w.pty.expect(first_words(&help).as_str());
    w.step("casus.titel", full_plan(w.q("casus.titel")));
    w.step("casus.eigen_woorden", Act::Type(OWN_WORDS.to_string()));

    // `<` goes back; the earlier answer is shown above the prompt, and a
    // new one replaces it.
    w.wait_for("casus.interpretatie");
    w.pty.send(&format!("<{ENTER}"));
    w.wait_for_current("casus.eigen_woorden", "Ik durf de post niet meer");
    w.pty.send(&format!("{OWN_WORDS}{OWN_WORDS_MORE}{ENTER}"));
    // The echo is cut to the line, so the typed text is the place to look.
    w.pty
        .expect(format!("{OWN_WORDS}{OWN_WORDS_MORE}").as_str());
    w.step(
        "casus.interpretatie",
        Act::Type("Antwoord bij casus.interpretatie.".into()),
    );

    w.walk_between("casus.wens", Some("casus.oplossing"), full_plan);

    // A required question cannot be skipped.
    w.wait_for("casus.oplossing");
    w.pty.send(ENTER);
    w.pty.expect("✗ Deze vraag is verplicht.");
    let prompt = w.q("casus.oplossing").prompt.clone();
    w.pty.expect(prompt.as_str());
    w.answer("casus.oplossing", full_plan(w.q("casus.oplossing")));

    w.walk_between(
        "casus.persoon_over_voorstel",
        Some("wet.oordeel"),
        full_plan,
    );

    // "? uitleg" at the end of a list shows the help too.
    w.wait_for("wet.oordeel");
    let help_item = w.q("wet.oordeel").choices.len();
    w.pty.send(&w.pick_keys(w.q("wet.oordeel"), help_item));
    w.pty.expect("✔ Mag deze oplossing van de wet? · ? uitleg");
    let help = w.q("wet.oordeel").help.clone().unwrap();
    // Help is wrapped to the terminal: its first words are on one line.
    w.pty.expect(first_words(&help).as_str());
    w.walk_between("wet.oordeel", Some("wet.blokkade"), full_plan);

    // Esc in a list goes back to the previous question (the follow-up),
    // which shows its answer; Enter keeps it.
    w.wait_for("wet.blokkade");
    w.pty.send(ESC);
    w.wait_for_current("wet.regel_anders", "interne werkinstructie intake");
    w.answer(
        "wet.regel_anders",
        Act::Keep("interne werkinstructie intake".into()),
    );
    w.walk_from("wet.blokkade", full_plan);

    // The summary, then back to the questions once, then save.
    let (summary, _) = w.pty.expect("Deze notitie opslaan?");
    let summary = plain(&summary);
    for heading in [
        "Samenvatting",
        "De waardendriehoek",
        "Kosten",
        "Rationeel en relationeel",
        "€ 21.000 minder",
    ] {
        assert!(summary.contains(heading), "{heading:?} not in\n{summary}");
    }
    w.pty.expect("Weggooien");
    w.pty.send(&pick_keys(1));
    w.pty
        .expect("✔ Deze notitie opslaan? · Terug naar de vragen");
    w.wait_for_current(
        "vervolg.signaal_eigenaar",
        "Antwoord bij vervolg.signaal_eigenaar.",
    );
    w.pty
        .send(&format!("Maatwerkcoach, met drie collega's.{ENTER}"));
    w.pty
        .expect("✔ Wie is eigenaar van het signaal (een rol)? · Maatwerkcoach");
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    let (_, saved) = w.pty.expect(Regex(r"Notitie ([0-9a-z]+) opgeslagen\."));
    let id = saved[1].clone();
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);

    // The draft kept along the way goes once the note is saved.
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
    let note = note_toml(&env);
    assert_eq!(note["id"].as_str(), Some(id.as_str()));
    assert_eq!(note["title"].as_str(), Some(TITLE));
    assert_eq!(note["lang"].as_str(), Some("nl"));
    assert_eq!(note["scope"].as_str(), Some("structureel"));
    let triangle = note["triangle"].as_table().unwrap();
    assert_eq!(triangle["law"].as_str(), Some("ja"));
    assert_eq!(triangle["money"].as_str(), Some("ja"));
    assert_eq!(triangle["self"].as_str(), Some("twijfel"));
    let costs = note["costs"].as_table().unwrap();
    assert_eq!(costs["current"]["bedrag"].as_integer(), Some(24000));
    assert_eq!(costs["current"]["periode"].as_str(), Some("jaar"));
    assert_eq!(costs["proposed"]["bedrag"].as_integer(), Some(3000));
    assert_eq!(costs["proposed"]["periode"].as_str(), Some("eenmalig"));
    let contrasts = note["contrasts"].as_array().unwrap();
    assert_eq!(contrasts.len(), CONTRASTS.len());
    for (key, now, desired) in CONTRASTS {
        let c = contrasts
            .iter()
            .find(|c| c["key"].as_str() == Some(key))
            .unwrap();
        assert_eq!(c["now"].as_integer(), Some(now as i64), "{key}");
        assert_eq!(c["desired"].as_integer(), Some(desired as i64), "{key}");
        // A remark is asked only where now and desired lie 2 or more apart.
        let remark = format!("Antwoord bij contrasten.{key}_opmerking.");
        let asked = desired - now >= 2;
        assert_eq!(
            c.get("remark").and_then(|r| r.as_str()),
            asked.then_some(remark.as_str()),
            "{key}"
        );
    }
    // Every question of the set was answered, follow-ups included, except
    // the one remark whose row moves only one step, the saver skipped and
    // the other body of the signal (none was ticked).
    let answers = note["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 70);
    let own_words = format!("{OWN_WORDS}{OWN_WORDS_MORE}");
    assert_eq!(
        answer(&note, "casus.eigen_woorden").as_str(),
        Some(own_words.as_str())
    );
    assert_eq!(
        answer(&note, "wet.regel").as_array().unwrap(),
        &vec![toml::Value::from("wgs"), toml::Value::from("anders")]
    );
    assert_eq!(
        answer(&note, "wet.regel_anders").as_str(),
        Some("interne werkinstructie intake")
    );
    assert_eq!(answer(&note, "wet.ruimte").as_str(), Some("ja"));
    assert_eq!(
        answer(&note, "wet.ruimte_waar").as_str(),
        Some("De teamleider mag afwijken.")
    );
    assert_eq!(
        answer(&note, "reflectie.besproken_waarom").as_str(),
        Some("Eerst vertrouwen opbouwen.")
    );
    assert_eq!(
        answer(&note, "vervolg.signaal_notitie").as_str(),
        Some("Werkinstructie intake schuldhulp.")
    );
    assert_eq!(
        answer(&note, "vervolg.signaal_eigenaar").as_str(),
        Some("Maatwerkcoach, met drie collega's.")
    );
    assert_eq!(answer(&note, "casus.professionals").as_str(), Some("3_5"));
    assert_eq!(
        answer(&note, "wet.blokkade").as_array().unwrap(),
        &vec![
            toml::Value::from("werkinstructie"),
            toml::Value::from("gevoel")
        ]
    );
    assert_eq!(answer(&note, "zelfregie.logica").as_str(), Some("gemengd"));

    let out = env.run(&["export", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with(&format!("# {TITLE}\n")), "{md}");
    assert!(md.contains(OWN_WORDS), "{md}");
    assert!(md.contains("Elke brief is een nieuwe rekening."), "{md}");
    assert!(md.contains("€ 21.000 minder"), "{md}");
}

fn the_walk_setting_chooses_the_full_walk_and_a_flag_wins(env: Env) {
    let dir = env.config.path().join("driehoek");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "walk = \"volledig\"\n").unwrap();
    for (args, says, first) in [
        (
            &["new"][..],
            "Volledige route: 73 vragen",
            "[De casus 1 van 14 · deel 1 van 7]",
        ),
        (
            &["new", "--kort"][..],
            "Korte route: 24 vragen",
            "[De casus 1 van 6 · deel 1 van 7]",
        ),
    ] {
        let mut pty = Pty::spawn(&env, args);
        pty.expect(says);
        pty.expect(first);
        pty.wait_until_reading_keys();
        pty.send(CTRL_C);
        let (_, code) = pty.finish();
        assert_eq!(code, 130);
    }
}

fn the_short_walk_needs_at_most_24_answers(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--kort"]);
    assert_eq!(w.questions.len(), 24);
    w.pty.expect("Korte route: 24 vragen");
    w.pty.expect("driehoek nieuw --volledig");
    // Every question answered, follow-ups of the short walk included; the
    // follow-ups of the full walk (which other law, why not discussed, the
    // signal) are not asked.
    w.walk(full_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    w.pty.expect(Regex(r"Notitie ([0-9a-z]+) opgeslagen\."));
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);
    // Every question of the short walk answered (the deadline's day and
    // the route included): 24 answers in the note, each cost with its
    // period as the second step of its answer.
    assert_eq!(w.answered, 26, "24 questions and two periods");
    let note = note_toml(&env);
    let ids: Vec<&str> = note["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for left_out in [
        "wet.regel_anders",
        "reflectie.besproken_waarom",
        "vervolg.signaal_notitie",
    ] {
        assert!(!ids.contains(&left_out), "{left_out} in {ids:?}");
    }
    assert!(ids.len() <= 24, "{} answers: {ids:?}", ids.len());
    assert_eq!(ids.len(), 24, "{ids:?}");
    assert_eq!(
        answer(&note, "contrasten.vastzittend").as_str(),
        Some("sturing")
    );
    assert_eq!(
        note["costs"]["proposed"]["periode"].as_str(),
        Some("eenmalig")
    );
    // No contrast was placed: the short walk has no scales.
    let contrasts = note["contrasts"].as_array().unwrap();
    assert!(contrasts.iter().all(|c| c.get("now").is_none()));
}

fn edit_volledig_deepens_a_short_note_with_only_the_questions_it_left_out(env: Env) {
    let id = env.new_note(crate::harness::SHORT_NOTE);
    let before = std::fs::read_to_string(env.note_path(&id)).unwrap();
    let mut w = Walker::new(&env, "nl", &["edit", &id, "--volledig"]);
    assert_eq!(w.questions.len(), 49);
    w.pty
        .expect("Verdiepen: de 49 vragen die de korte route oversloeg");
    w.walk(full_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    w.pty.expect(id.as_str());
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);
    let note = note_toml(&env);
    // The short answers stand; the rest is added.
    assert_eq!(answer(&note, "casus.titel").as_str(), Some("Korte notitie"));
    assert_eq!(
        answer(&note, "vervolg.teamvraag").as_str(),
        Some("Mag dit?")
    );
    assert!(answer(&note, "wet.toelichting").as_str().is_some());
    assert_eq!(answer(&note, "contrasten.uniform_nu").as_integer(), Some(2));
    // The short version is kept in the history.
    let kept = env.home.path().join("store/history").join(&id);
    let kept: Vec<_> = std::fs::read_dir(kept)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), before);
}

/// Required questions answered, optional ones skipped.
pub(super) fn minimal_plan(q: &Q) -> Act {
    // The concrete rule is answered too: the blocker picked may need it.
    if !q.required && !q.required_when {
        return Act::Skip;
    }
    match q.kind.as_str() {
        "text" | "long" => Act::Type(format!("Answer to {}.", q.id)),
        "choice" => Act::Pick(q.choices.len() - 1),
        "multi" => Act::Tick(vec![0]),
        "scale" if q.id.ends_with("_nu") => Act::Pick(1),
        "scale" => Act::Pick(4),
        "cost" => Act::Cost {
            typed: "1000".into(),
            shown: "€ 1.000".into(),
            period: 0,
        },
        other => panic!("no plan for {} ({other})", q.id),
    }
}

fn walks_in_english_with_lang_en(env: Env) {
    let mut w = Walker::new(&env, "en", &["--lang", "en", "new", "--full"]);
    w.pty.expect("The case");
    w.pty.expect("[The case 1 of 14 · part 1 of 7]");
    w.pty.expect("What short title do you give this case?");
    w.pty.send(&format!("?{ENTER}"));
    w.pty.expect("Use a pseudonym or a description");
    w.walk(minimal_plan);

    let (summary, _) = w.pty.expect("Save this note?");
    let summary = plain(&summary);
    for heading in ["Summary", "The value triangle", "Rational and relational"] {
        assert!(summary.contains(heading), "{heading:?} not in\n{summary}");
    }
    w.pty.expect("Discard");
    w.pty.send(ENTER);
    let (_, saved) = w.pty.expect(Regex(r"Note ([0-9a-z]+) saved\."));
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);

    let note = note_toml(&env);
    assert_eq!(note["id"].as_str(), Some(saved[1].as_str()));
    assert_eq!(note["lang"].as_str(), Some("en"));
    assert_eq!(note["title"].as_str(), Some("Answer to casus.titel."));
    // The last choice of each verdict is "twijfel"; skipped questions are
    // not stored, and no follow-up was called for.
    let triangle = note["triangle"].as_table().unwrap();
    assert_eq!(triangle["law"].as_str(), Some("twijfel"));
    assert!(note.get("costs").is_none(), "{note:#?}");
    assert_eq!(answer(&note, "wet.regel").as_array().unwrap().len(), 1);
    // The scales are optional in set 2: skipped, nothing placed.
    let contrasts = note["contrasts"].as_array().unwrap();
    assert!(
        contrasts.iter().all(|c| c.get("now").is_none()),
        "{contrasts:?}"
    );
    // The required ones, and the concrete rule the blocker picked needs.
    let required = w
        .questions
        .iter()
        .filter(|q| q.required || q.required_when)
        .count();
    assert_eq!(note["answers"].as_array().unwrap().len(), required);
}

/// Starts a walk and answers the case section up to its first list; returns
/// once the list waits for keys.
fn walk_to_the_first_list(env: &Env) -> Walker {
    let mut w = Walker::new(env, "nl", &["new", "--volledig"]);
    for id in [
        "casus.titel",
        "casus.eigen_woorden",
        "casus.interpretatie",
        "casus.wens",
        "casus.nodig",
        "casus.geprobeerd",
    ] {
        let act = match w.q(id).required {
            true => Act::Type(format!("Iets bij {id}.")),
            false => Act::Skip,
        };
        w.step(id, act);
    }
    w.wait_for("casus.professionals");
    // The whole list is drawn, with the cursor hidden.
    w.pty.expect("? uitleg");
    w.pty.wait_until_reading_keys();
    w
}

/// What the run said it did when it stopped, each line once: the words
/// of the last lines, where a cancel is reported. A cancel says what became
/// of the work, never that no note was saved when something was kept.
fn said_at_the_end(output: &str) -> Vec<String> {
    let said: Vec<String> = plain(output)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    for line in &said {
        assert!(
            !line.contains("geen notitie opgeslagen") && !line.starts_with("Afgebroken"),
            "a cancel said what did not happen: {line:?}"
        );
    }
    said
}

/// What `output` says, as the text a person reads, every run of white
/// space one space: a message is wrapped to the terminal's width.
fn flat(output: &str) -> String {
    plain(output)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many lines of `output` are `line`.
fn lines_saying(output: &str, line: &str) -> usize {
    said_at_the_end(output)
        .iter()
        .filter(|l| *l == line)
        .count()
}

fn ctrl_c_cancels_with_130_restores_the_cursor_and_saves_nothing(env: Env) {
    let mut w = walk_to_the_first_list(&env);
    // With answers given, the walk asks whether to keep them as a draft;
    // a second Ctrl-C there keeps it and ends the run.
    let (rest, code) = w.pty.cancel_keeping_the_draft();
    assert_eq!(code, 130, "{rest:?}");
    let drafts = draft_files(&env);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = drafts[0].file_stem().unwrap().to_str().unwrap();
    let kept = format!("Concept {draft} bewaard; ga verder met: driehoek hervat {draft}");
    assert_eq!(lines_saying(&rest, &kept), 1, "{}", plain(&rest));
    assert!(
        cursor_shown_at_the_end(&w.pty.seen),
        "the cursor stays hidden: {:?}",
        String::from_utf8_lossy(&w.pty.seen[w.pty.seen.len().saturating_sub(400)..])
    );
    assert!(env.note_files().is_empty(), "{:?}", env.note_files());
}

fn a_draft_kept_after_ctrl_c_resumes_where_it_stopped(env: Env) {
    let mut w = walk_to_the_first_list(&env);
    w.pty.send(CTRL_C);
    w.pty.expect(KEEP_DRAFT);
    w.pty.expect("Weggooien");
    // Enter keeps the draft (the first item).
    w.pty.send(ENTER);
    let (rest, code) = w.pty.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert!(cursor_shown_at_the_end(&w.pty.seen));
    let drafts = draft_files(&env);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = drafts[0].file_stem().unwrap().to_str().unwrap().to_string();
    assert!(env.note_files().is_empty());

    // `new` mentions the waiting draft; quit it at once with Ctrl-C.
    let mut again = Pty::spawn(&env, &["new"]);
    again.expect("Er wacht 1 concept; ga verder met: driehoek hervat");
    // Without a flag or setting: the short walk, and how to take the other.
    again.expect("Korte route: 24 vragen");
    again.expect("driehoek nieuw --volledig");
    again.expect("[De casus 1 van 6 · deel 1 van 7]");
    again.wait_until_reading_keys();
    again.send(CTRL_C);
    let (rest, code) = again.finish();
    assert_eq!(code, 130, "{rest:?}");
    // Nothing was answered, so there was no draft to ask about.
    assert!(!rest.contains(KEEP_DRAFT), "{rest:?}");
    assert_eq!(draft_files(&env).len(), 1);

    let mut w = Walker::new(&env, "nl", &["resume", &draft]);
    w.pty
        .expect(format!("Verder met concept {draft}: Iets bij casus.titel.").as_str());
    for (id, text) in [
        ("casus.titel", "Iets bij casus.titel."),
        ("casus.eigen_woorden", "Iets bij casus.eigen_woorden."),
        ("casus.wens", "Iets bij casus.wens."),
    ] {
        w.given.insert(id.to_string(), vec![text.to_string()]);
    }
    w.walk_from("casus.professionals", minimal_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    let (_, saved) = w.pty.expect(Regex(r"Notitie ([0-9a-z]+) opgeslagen\."));
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);
    let note = note_toml(&env);
    assert_eq!(note["id"].as_str(), Some(saved[1].as_str()));
    assert_eq!(note["title"].as_str(), Some("Iets bij casus.titel."));
    assert_eq!(
        answer(&note, "casus.eigen_woorden").as_str(),
        Some("Iets bij casus.eigen_woorden.")
    );
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
}

/// What an answer in a draft may hold when the file was edited by hand or
/// came from elsewhere: an OSC 52 (set the clipboard), a bell and a bidi
/// override. Shown, they must be visible placeholders, never act.
const HOSTILE: &str = "Ze zegt: \\u001b]52;c;cm0gLXJm\\u0007 en \\u202eniet meer.";

fn untrusted_text_in_a_resumed_draft_is_shown_cleaned_and_styled(env: Env) {
    let mut w = walk_to_the_first_list(&env);
    let (_, code) = w.pty.cancel_keeping_the_draft();
    assert_eq!(code, 130);
    let drafts = draft_files(&env);
    let draft = drafts[0].file_stem().unwrap().to_str().unwrap().to_string();
    let text = std::fs::read_to_string(&drafts[0]).unwrap();
    let planted = text.replace("Iets bij casus.titel.", HOSTILE);
    assert_ne!(planted, text, "the draft holds the answer to replace");
    std::fs::write(&drafts[0], planted).unwrap();

    let mut w = Walker::new(&env, "nl", &["resume", &draft]);
    w.pty
        .expect(format!("Verder met concept {draft}: Ze zegt: ␛]52;c;cm0gLXJm␇").as_str());
    for id in ["casus.titel", "casus.eigen_woorden", "casus.wens"] {
        w.given
            .insert(id.to_string(), vec![format!("Iets bij {id}.")]);
    }
    w.walk_from("casus.professionals", minimal_plan);
    // The summary shows the answer with placeholders for what would steer
    // the terminal, and the tool's own styling as styling.
    w.pty
        .expect("Samenvatting: Ze zegt: ␛]52;c;cm0gLXJm␇ en �niet meer.");
    w.save();
    assert_eq!(styled(&w.pty.seen), env.colour);
}

/// What the run says after the answers were thrown away.
const DISCARDED: &str = "Je antwoorden zijn weggegooid.";

fn ctrl_c_at_a_text_prompt_then_discard_leaves_nothing(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.step("casus.titel", Act::Type("Proef".into()));
    w.wait_for("casus.eigen_woorden");
    w.pty.wait_until_reading_keys();
    w.pty.send(&format!("half getypt{CTRL_C}"));
    w.pty.expect(KEEP_DRAFT);
    w.pty.expect("Weggooien");
    w.pty.send(&pick_keys(1));
    w.pty.expect(format!("✔ {KEEP_DRAFT} · Weggooien").as_str());
    let (rest, code) = w.pty.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert_eq!(lines_saying(&rest, DISCARDED), 1, "{rest:?}");
    assert!(cursor_shown_at_the_end(&w.pty.seen));
    assert!(env.note_files().is_empty(), "{:?}", env.note_files());
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
}

fn discard_at_the_end_saves_nothing(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.walk(minimal_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(&pick_keys(2));
    w.pty.expect("✔ Deze notitie opslaan? · Weggooien");
    // Asked once: no second question about the draft.
    let (rest, code) = w.pty.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert!(!plain(&rest).contains(KEEP_DRAFT), "{rest:?}");
    assert_eq!(lines_saying(&rest, DISCARDED), 1, "{rest:?}");
    assert!(env.note_files().is_empty(), "{:?}", env.note_files());
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
}

/// The drafts in the test's store.
fn draft_files(env: &Env) -> Vec<std::path::PathBuf> {
    let dir = env.home.path().join("store").join("drafts");
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn going_back_and_changing_an_answer_drops_its_follow_up(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.walk_between("casus.titel", Some("wet.regel"), minimal_plan);
    let regel = w.q("wet.regel");
    let (wgs, anders) = (choice(regel, "wgs"), choice(regel, "anders"));
    w.step("wet.regel", Act::Tick(vec![wgs, anders]));
    w.step("wet.regel_anders", Act::Type("APV".into()));

    // Esc in the next list goes back to the follow-up, which shows its
    // answer; `<` goes back once more, even with an answer there.
    w.wait_for("wet.blokkade");
    w.pty.send(ESC);
    w.wait_for_current("wet.regel_anders", "APV");
    w.pty.send(&format!("<{ENTER}"));

    // Both choices are still ticked; untick "anders".
    w.wait_for("wet.regel");
    w.pty
        .send(&format!("{}{SPACE}{ENTER}", DOWN.repeat(anders)));
    w.pty
        .expect("✔ Welke wet speelt hier? · Wet gemeentelijke schuldhulpverlening\r");
    w.given.insert("wet.regel".into(), vec!["wgs".into()]);

    // The follow-up is no longer asked; the walk goes on after it.
    w.walk_from("wet.blokkade", minimal_plan);
    w.save();
    let note = note_toml(&env);
    assert_eq!(
        answer(&note, "wet.regel").as_array().unwrap(),
        &vec![toml::Value::from("wgs")]
    );
    let answers = note["answers"].as_array().unwrap();
    assert!(
        answers
            .iter()
            .all(|a| a["id"].as_str() != Some("wet.regel_anders")),
        "{answers:#?}"
    );
}

fn a_walk_killed_halfway_resumes_to_the_end(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.walk_between("casus.titel", Some("middelen.oordeel"), minimal_plan);
    w.wait_for("middelen.oordeel");
    // No chance to clean up: SIGKILL, as a crash or a closed laptop would.
    w.pty
        .session
        .get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGKILL)
        .unwrap();
    let status = w.pty.session.get_process().wait().unwrap();
    assert!(matches!(status, WaitStatus::Signaled(..)), "{status:?}");
    assert!(env.note_files().is_empty());
    let drafts = draft_files(&env);
    assert_eq!(drafts.len(), 1, "{drafts:?}");

    // resume (no id: the newest draft) starts at the question it was at.
    let mut again = Walker::new(&env, "nl", &["hervat"]);
    again.given = w.given.clone();
    again.walk_from("middelen.oordeel", minimal_plan);
    again.save();
    let note = note_toml(&env);
    assert_eq!(
        answer(&note, "casus.titel").as_str(),
        Some("Answer to casus.titel.")
    );
    assert!(answer(&note, "wet.toelichting").as_str().is_some());
    assert!(answer(&note, "vervolg.teamvraag").as_str().is_some());
    assert!(draft_files(&env).is_empty());
}

fn a_practice_case_ends_beside_the_coach_notes(env: Env) {
    let mut w = Walker::new(&env, "nl", &["oefen", "drie-z"]);
    w.pty.expect("Drie zakken post");
    w.pty.expect("De situatie");
    w.pty.expect("drie volle zakken met post");
    w.pty.expect("Klaar om de casus door te lopen?");

    w.pty.expect("Beginnen");
    w.pty.send(ENTER);
    // The title is the case's: the walk does not ask for it.
    w.walk_from("casus.eigen_woorden", minimal_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    let (_, shown) = w.pty.expect(Regex(r"Oefennotitie ([0-9a-z]+) opgeslagen"));
    let (rest, code) = w.pty.finish();
    assert_eq!(code, 0, "{rest}");
    let seen = plain(&String::from_utf8_lossy(&w.pty.seen));
    for part in [
        "Oefening: Drie zakken post",
        "Jij",
        "Coach",
        "Mag het van de wet?",
        "Rationeel en relationeel",
        // each corner beside the coach's verdict, with the coach's reason
        "· coach: ja",
        "Niets in de wet verbiedt samen de post sorteren",
        "Vraag aan het team",
        "Mogen we twee middagen bij haar thuis",
    ] {
        assert!(seen.contains(part), "{part:?} not shown");
    }
    let note = note_toml(&env);
    assert_eq!(note["practice"].as_str(), Some("drie-zakken-post"));
    assert_eq!(note["title"].as_str(), Some("Drie zakken post"));
    assert!(!seen.contains("Welke korte titel"), "the title was asked");
    assert_eq!(note["id"].as_str(), Some(shown[1].as_str()));
}

/// The first words of a text, which stay on one line when it is wrapped.
fn first_words(text: &str) -> String {
    text.split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A stored answer as the walker writes what it gave.
fn given_values(value: &toml::Value) -> Vec<String> {
    match value {
        toml::Value::String(s) => vec![s.clone()],
        toml::Value::Integer(i) => vec![i.to_string()],
        toml::Value::Boolean(b) => vec![if *b { "ja" } else { "nee" }.to_string()],
        toml::Value::Array(vs) => vs.iter().flat_map(given_values).collect(),
        other => panic!("an answer {other:?}"),
    }
}

fn enter_alone_saves_nothing_that_was_not_picked(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    let ids: Vec<String> = w.questions.iter().map(|q| q.id.clone()).collect();
    for id in ids {
        let q = w.q(&id);
        if !w.applies(q) {
            continue;
        }
        let (required, kind, last) = (
            q.required || q.required_when,
            q.kind.clone(),
            q.choices.len().max(1) - 1,
        );
        w.wait_for(&id);
        if !required {
            w.answer(&id, Act::Skip);
            continue;
        }
        let refused = match kind.as_str() {
            "multi" => "✗ Kies minstens één antwoord: spatie = aanvinken, Enter = klaar.",
            "choice" | "scale" | "yesno" => {
                "✗ Kies een antwoord: ga met de pijltjes naar je keuze en druk op Enter."
            }
            _ => {
                w.answer(&id, Act::Type(format!("Iets bij {id}.")));
                continue;
            }
        };
        // A "desired" scale starts on "now": Enter takes that point.
        if let Some(now) = w.start(w.q(&id)) {
            w.answer(&id, Act::Pick(now));
            continue;
        }
        // Enter on an untouched list says a choice is needed, and stays.
        w.pty.send(ENTER);
        let (progress, prompt) = (w.progress(&id), w.q(&id).prompt.clone());
        w.pty.expect(progress.as_str());
        w.pty.expect(refused);
        w.pty.expect(prompt.as_str());
        let act = match kind.as_str() {
            "multi" => Act::Tick(vec![0]),
            "scale" => Act::Pick(1),
            _ => Act::Pick(last),
        };
        w.answer(&id, act);
    }
    w.save();

    // The note holds exactly what was typed or picked: no verdict, scale
    // or choice from an Enter on an untouched list.
    let note = note_toml(&env);
    let stored: HashMap<String, Vec<String>> = note["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                given_values(&a["value"]),
            )
        })
        .collect();
    assert_eq!(stored, w.given);
    assert!(
        stored
            .keys()
            .all(|id| w.q(id).required || w.q(id).required_when),
        "{stored:#?}"
    );
}

fn the_active_entry_of_every_list_is_marked_by_a_sign(env: Env) {
    // Without colour the cursor and the ticks are signs; with colour too.
    let mut w = walk_to_the_first_list(&env);
    let q = w.q("casus.professionals");
    let (prompt, (value, first)) = (q.prompt.clone(), q.choices[0].clone());
    assert!(
        plain(&String::from_utf8_lossy(&w.pty.seen))
            .contains(&format!("❯ (overslaan)\r\n  {first}\r\n")),
        "no cursor on the first entry"
    );
    w.pty.send(DOWN);
    w.pty
        .expect(format!("  (overslaan)\r\n❯ {first}\r\n").as_str());
    w.pty.send(ENTER);
    w.pty.expect(format!("✔ {prompt} · {first}").as_str());
    w.given.insert("casus.professionals".into(), vec![value]);
    w.walk_between("casus.netwerk", Some("wet.regel"), minimal_plan);

    // A multiple-choice list: the cursor is a sign, ticks are another.
    w.wait_for("wet.regel");
    let labels: Vec<String> = w
        .q("wet.regel")
        .choices
        .iter()
        .map(|c| c.1.clone())
        .collect();
    w.pty
        .expect(format!("❯ ⬚ {}\r\n  ⬚ {}\r\n", labels[0], labels[1]).as_str());
    w.pty.send(DOWN);
    w.pty
        .expect(format!("  ⬚ {}\r\n❯ ⬚ {}\r\n", labels[0], labels[1]).as_str());
    w.pty.send(SPACE);
    w.pty
        .expect(format!("  ⬚ {}\r\n❯ ✔ {}\r\n", labels[0], labels[1]).as_str());
    assert_eq!(
        styled(&w.pty.seen),
        env.colour,
        "colour must follow NO_COLOR and the terminal"
    );
    let (_, code) = w.pty.cancel_keeping_the_draft();
    assert_eq!(code, 130);
}

fn an_edit_whose_note_is_purged_meanwhile_stops_and_keeps_no_draft(env: Env) {
    let id = env.new_note(crate::harness::FULL);
    let mut w = Walker::new(&env, "nl", &["edit", &id]);
    let prompt = w.q("casus.titel").prompt.clone();
    w.pty.expect(prompt.as_str());
    w.pty.wait_until_reading_keys();
    let purge = env.run(&["delete", "--purge", "--yes", &id]);
    assert!(purge.status.success(), "{}", stderr(&purge));
    // Enter keeps the title; saving the draft then finds the note gone.
    w.pty.send(ENTER);
    let (rest, code) = w.pty.finish();
    let rest = plain(&rest);
    // The note is not there: exit 2, like any id not found.
    assert_eq!(code, 2, "{rest}");
    assert!(
        rest.contains(&format!("Notitie {id} is intussen gewist of weggegooid")),
        "{rest}"
    );
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
    assert!(env.note_files().is_empty());
}

fn the_walk_echoes_an_answer_once_and_never_a_command(env: Env) {
    let mut pty = Pty::spawn(&env, &["new"]);
    pty.session
        .get_process_mut()
        .set_window_size(80, 24)
        .expect("an 80-column terminal");
    pty.expect("Welke korte titel");
    pty.wait_until_reading_keys();
    let title = "Een lange titel die over de rand van het scherm loopt en nog verder gaat tot voorbij tachtig kolommen einde";
    pty.send(&format!("{title}{ENTER}"));
    pty.expect("Hoe beschrijft");
    pty.send(&format!("<{ENTER}"));
    pty.expect("huidig antwoord");
    pty.expect("Welke korte titel");
    pty.send(&format!("?{ENTER}"));
    pty.expect("Gebruik een schuilnaam");
    pty.expect("Welke korte titel");
    pty.send(ENTER);
    pty.expect("Hoe beschrijft");
    pty.send(CTRL_C);
    pty.expect("concept");
    pty.send(ENTER);
    let (rest, code) = pty.finish();
    assert_eq!(code, 130, "{rest}");
    let seen = plain(&String::from_utf8_lossy(&pty.seen));
    // Typed once; each echo is cut to the line ("…"), so the end of the
    // long answer shows only where it was typed.
    assert_eq!(seen.matches("kolommen einde").count(), 1, "{seen}");
    assert_eq!(
        seen.matches("· Een lange titel die over de").count(),
        2,
        "{seen}"
    );
    for echo in seen.split('✔').skip(1) {
        let echo = echo.lines().next().unwrap_or_default().trim_end();
        assert!(
            !echo.ends_with("· <") && !echo.ends_with("· ?"),
            "a command echoed as an answer: {echo}"
        );
    }
    assert_eq!(seen.matches("✔ Welke korte titel").count(), 2, "{seen}");
}

fn an_existing_export_is_replaced_only_after_a_yes(env: Env) {
    let id = env.new_note(crate::harness::FULL);
    let file = env.file("rapport.md", "mijn eigen rapport");
    let target = file.to_str().unwrap();
    for (keys, code, kept) in [
        (ENTER, 130, true),
        (&format!("{DOWN}{ENTER}")[..], 0, false),
    ] {
        let mut pty = Pty::spawn(&env, &["export", &id, "-o", target]);
        pty.expect("rapport.md bestaat al. Vervangen?");
        pty.expect("Ja");
        pty.wait_until_reading_keys();
        pty.send(keys);
        let (rest, exit) = pty.finish();
        assert_eq!(exit, code, "{}", plain(&rest));
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text == "mijn eigen rapport", kept, "{text}");
        // A no says what happened: the note is saved, the file is as it was.
        let declined = format!(
            "Notitie {id} staat opgeslagen in driehoek; {target} is gebleven zoals het was."
        );
        assert_eq!(
            flat(&rest).matches(&declined).count(),
            usize::from(kept),
            "{}",
            plain(&rest)
        );
    }
}

/// `agenda` in a terminal writes the text to read, and says how to get
/// the page to print; HTML asked for on the screen is refused.
fn the_agenda_on_the_screen_is_markdown(env: Env) {
    let id = env.new_note(crate::harness::FULL);
    let mut pty = Pty::spawn(&env, &["agenda"]);
    let (rest, exit) = pty.finish();
    let rest = plain(&rest);
    assert_eq!(exit, 0, "{rest}");
    assert!(rest.contains("# Casuïstiekbespreking"), "{rest}");
    assert!(rest.contains(&format!("({id})")), "{rest}");
    assert!(
        !rest.contains("<html") && !rest.contains("<!DOCTYPE"),
        "{rest}"
    );
    assert!(flat(&rest).contains("voeg -o BESTAND toe (HTML)"), "{rest}");
    html_on_the_screen_is_refused(&env, &["agenda", "--format", "html"]);
}

/// `args` (HTML asked for) in a terminal: refused, pointing to -o.
fn html_on_the_screen_is_refused(env: &Env, args: &[&str]) {
    let mut pty = Pty::spawn(env, args);
    let (rest, exit) = pty.finish();
    let rest = plain(&rest);
    assert_eq!(exit, 2, "{rest}");
    assert!(
        !rest.contains("<html") && rest.contains("-o BESTAND"),
        "{rest}"
    );
}

/// The page for the person in a terminal is the Markdown to read; HTML
/// asked for on the screen is refused.
fn the_page_for_the_person_on_the_screen_is_markdown(env: Env) {
    let id = env.new_note(crate::harness::FULL);
    for (key, value) in [("team", "Buurtteam Noord"), ("telefoon", "14 020")] {
        assert!(env.run(&["config", "set", key, value]).status.success());
    }
    let mut pty = Pty::spawn(&env, &["export", &id, "--voor-persoon"]);
    let (rest, exit) = pty.finish();
    let rest = plain(&rest);
    assert_eq!(exit, 0, "{rest}");
    assert!(rest.contains("# Wat we samen bespraken"), "{rest}");
    assert!(!rest.contains("<html"), "{rest}");
    assert!(rest.contains("voeg -o BESTAND toe (HTML)"), "{rest}");
    html_on_the_screen_is_refused(&env, &["export", &id, "--voor-persoon", "--format", "html"]);
}

/// A no to pruning says what stayed, and erases nothing.
fn a_cancelled_prune_says_the_notes_are_kept(env: Env) {
    let dir = env.config.path().join("driehoek");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "bewaartermijn = 12\n").unwrap();
    let id = env.new_note(crate::harness::FULL);
    env.backdate(&id, "2023-01-15T09:00:00Z");
    let mut pty = Pty::spawn(&env, &["opschonen"]);
    pty.expect("voorgoed wissen?");
    pty.expect("Ja");
    pty.wait_until_reading_keys();
    pty.send(ENTER);
    let (rest, exit) = pty.finish();
    assert_eq!(exit, 130, "{}", plain(&rest));
    let kept = "Opschonen gestopt: de 1 notitie is bewaard gebleven, met al haar versies.";
    assert_eq!(lines_saying(&rest, kept), 1, "{}", plain(&rest));
    assert_eq!(env.note_files().len(), 1);
}

/// An outcome entry walked in a terminal: a day typed the Dutch way, a
/// role and a decision picked from lists that start on "(overslaan)", the
/// rest skipped with Enter; the entry is added to the note.
fn an_outcome_entry_is_walked_in_a_terminal(env: Env) {
    let id = env.new_note(crate::harness::FULL);
    let mut pty = Pty::spawn(&env, &["afloop", &id]);
    pty.expect("Na de bespreking");
    pty.expect("Op welke dag was dit (bespreking, besluit of signaal)?");
    pty.send(&format!("3-12-2026{ENTER}"));
    pty.expect("Wat adviseerde het team?");
    pty.send(&format!("Leg het voor aan de teamleider.{ENTER}"));
    // Several roles, "anders" among them, which asks whom.
    pty.expect("Aan wie heb je het daarna voorgelegd?");
    pty.expect("nog niet voorgelegd");
    pty.send(&format!("{SPACE}{}{SPACE}{ENTER}", DOWN.repeat(13)));
    pty.expect("Aan wie nog meer (een rol, geen naam)?");
    pty.send(&format!("commissie van de corporatie{ENTER}"));
    pty.expect("Wat is er besloten?");
    pty.expect("loopt nog");
    pty.send(&format!("{DOWN}{ENTER}"));
    pty.expect("Op welke dag is dat besloten?");
    pty.send(ENTER);
    pty.expect("Langs welke route is er afgeweken?");
    pty.send(&format!("{SPACE}{ENTER}"));
    pty.expect("Wie besliste dit (een rol, geen naam)?");
    pty.send(&format!("teamleider{ENTER}"));
    // The signal: sent today to the policy department, owned by a role.
    pty.expect("Gaat dit verslag ook over het signaal over de regel?");
    pty.send(&format!("{SPACE}{ENTER}"));
    pty.expect("Op welke dag is het signaal verstuurd?");
    pty.send(&format!("4-12-2026{ENTER}"));
    pty.expect("Aan welk orgaan ging het signaal?");
    pty.send(&format!("{DOWN}{SPACE}{ENTER}"));
    pty.expect("Wie is eigenaar van het signaal (een rol, geen naam)?");
    pty.send(&format!("maatwerkcoach{ENTER}"));
    pty.expect("Wat is er met de regel gebeurd?");
    pty.expect("niet voorgelegd");
    pty.send(&format!("{DOWN}{DOWN}{ENTER}"));
    pty.expect("Wat gebeurde er daarna?");
    pty.send(ENTER);
    pty.expect("Wat zegt de persoon er zelf over?");
    pty.send(ENTER);
    pty.expect("Voorgelegd aan: teamleider, commissie van de corporatie");
    pty.expect("Besluit: toegekend (3 dec. 2026)");
    pty.expect("Signaal verstuurd: beleidsafdeling (4 dec. 2026)");
    pty.expect("De regel: in behandeling");
    pty.expect("Dit verslag toevoegen aan de notitie?");
    pty.expect("Weggooien");
    pty.send(ENTER);
    pty.expect("Verslag 1 toegevoegd");
    let (rest, code) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    let note = note_toml(&env);
    let entry = &note["outcomes"].as_array().unwrap()[0];
    let list = |v: &[&str]| toml::Value::Array(v.iter().map(|s| toml::Value::from(*s)).collect());
    assert_eq!(entry["date"].as_str(), Some("2026-12-03"));
    assert_eq!(entry["asked"], list(&["teamleider", "anders"]));
    assert_eq!(
        entry["asked_other"].as_str(),
        Some("commissie van de corporatie")
    );
    assert_eq!(entry["decision"].as_str(), Some("toegekend"));
    assert_eq!(entry["decided"].as_str(), Some("2026-12-03"));
    assert_eq!(entry["route"], list(&["hardheidsclausule"]));
    assert_eq!(entry["decided_by"].as_str(), Some("teamleider"));
    assert_eq!(entry["signal_sent"].as_str(), Some("2026-12-04"));
    assert_eq!(entry["signal_to"], list(&["beleid"]));
    assert_eq!(entry["signal_owner"].as_str(), Some("maatwerkcoach"));
    assert_eq!(entry["rule_status"].as_str(), Some("in_behandeling"));
    assert!(entry.get("afterwards").is_none() && entry.get("person_says").is_none());
}

fn a_walk_edit_that_overlaps_another_edit_is_kept_as_a_draft(env: Env) {
    let id = env.new_note(crate::harness::FULL);
    let mut w = Walker::new(&env, "nl", &["edit", &id]);
    let prompt = w.q("casus.titel").prompt.clone();
    w.pty.expect(prompt.as_str());
    // Another edit saves while this walk runs.
    let other = crate::harness::edit_with(&env, &id, "s/Elke brief/Tweede bewerking/");
    assert!(other.status.success(), "{}", stderr(&other));
    // Enter keeps every answer, up to the summary; then save.
    w.pty.send(ENTER);
    loop {
        let (_, found) = w
            .pty
            .expect(Regex(r"deel \d+ van \d+\][^\n]*\n|Deze notitie opslaan\?"));
        if found[0].contains("opslaan") {
            break;
        }
        w.pty.send(ENTER);
    }
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    let (rest, code) = w.pty.finish();
    let rest = plain(&rest);
    assert_eq!(code, 1, "{rest}");
    let note = std::fs::read_to_string(env.note_path(&id)).unwrap();
    assert!(note.contains("Tweede bewerking"), "the other edit stays");
    let drafts = draft_files(&env);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = drafts[0].file_stem().unwrap().to_str().unwrap();
    assert!(
        rest.contains(&format!("Notitie {id} is veranderd sinds je begon")),
        "{rest}"
    );
    assert!(rest.contains(&format!("driehoek hervat {draft}")), "{rest}");
}

/// The rule question offers the rules already in the store; a pick is
/// that rule, as it was written.
fn the_rule_question_offers_the_rules_already_in_the_store(env: Env) {
    let rule = "Eigen bijdrage <b>";
    let first = env.new_note(&crate::harness::with_rule(rule, "verordening", 1_000));
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.walk_between("casus.titel", Some("wet.regel_concreet"), minimal_plan);
    let id = "wet.regel_concreet";
    let prompt = w.q(id).prompt.clone();
    w.pty.expect(w.progress(id).as_str());
    w.pty
        .expect("Regels die al in je notities staan, de vaakst genoemde eerst.");
    w.pty.expect(prompt.as_str());
    w.pty.expect(rule);
    w.pty.expect("(een nieuwe regel typen)");
    // The list starts on an entry that records nothing; the rule is next.
    w.pty.send(&format!("{DOWN}{ENTER}"));
    w.pty.expect(format!("✔ {prompt} · {rule}").as_str());
    w.given.insert(id.into(), vec![rule.into()]);
    let at = w.questions.iter().position(|q| q.id == id).unwrap();
    let next = w.questions[at + 1].id.clone();
    w.walk_from(&next, minimal_plan);
    w.save();
    let new = env
        .note_files()
        .into_iter()
        .find(|f| !f.ends_with(format!("{first}.toml")))
        .unwrap();
    let note: toml::Table = toml::from_str(&std::fs::read_to_string(new).unwrap()).unwrap();
    assert_eq!(answer(&note, id).as_str(), Some(rule));
}

/// At 80 columns nothing breaks inside a word: the keys above a question
/// stay whole on their line ("Esc of q = vorige vraag" was split as "Esc" /
/// "of q"), and the line that reports an answer fits one row, cutting the
/// prompt or the answer with `…` ("uniform ↔ pluriform" read as "unif" /
/// "orm", and a wrapped report stayed half on the screen).
fn at_80_columns_no_hint_or_report_breaks_inside_a_word(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--kort"]);
    w.pty
        .session
        .get_process_mut()
        .set_window_size(80, 24)
        .expect("an 80-column terminal");
    w.walk(full_plan);
    w.save();
    let seen = plain(&String::from_utf8_lossy(&w.pty.seen));
    let rows: Vec<&str> = seen.split(['\n', '\r']).map(str::trim_end).collect();
    for row in &rows {
        if row.starts_with('✔') {
            assert!(
                row.chars().count() < 80,
                "a report wider than the terminal: {row}"
            );
        }
        for end in [" =", " Esc", "pijltjes en", "spatie ="] {
            assert!(!row.ends_with(end), "a key split at its end: {row}");
        }
        for start in ["of q", "vorige vraag", "Enter ·"] {
            assert!(!row.starts_with(start), "a key split at its start: {row}");
        }
    }
    // A day is reported with the day it was read as.
    assert!(seen.contains("· 15-1-2027 (15 jan. 2027)"), "{seen}");
    // A long prompt is cut for its answer, which is shown.
    assert!(
        rows.iter()
            .any(|r| r.starts_with("✔ Welke rij van rationeel")
                && r.ends_with("· controleren ↔ leren")),
        "{seen}"
    );
}

/// At 80 columns what is said on the screen is wrapped between words:
/// a message on stderr ("--hoogst" / "ens" was the terminal's wrap), and
/// the agenda's Markdown but its table rows.
fn at_80_columns_messages_and_the_agenda_wrap_between_words(env: Env) {
    env.new_note(crate::harness::FULL);
    for args in [&["list", "--limit", "0"][..], &["agenda"]] {
        let mut pty = Pty::spawn(&env, args);
        pty.session
            .get_process_mut()
            .set_window_size(80, 24)
            .expect("an 80-column terminal");
        let (rest, _) = pty.finish();
        let rest = plain(&rest);
        for line in rest.split(['\n', '\r']) {
            assert!(
                line.starts_with('|') || line.chars().count() <= 80,
                "{args:?}: a line wider than the terminal: {line}"
            );
        }
    }
}

super::in_both! {
    at_80_columns_messages_and_the_agenda_wrap_between_words,
    at_80_columns_no_hint_or_report_breaks_inside_a_word,
    the_agenda_on_the_screen_is_markdown,
    the_page_for_the_person_on_the_screen_is_markdown,
    a_cancelled_prune_says_the_notes_are_kept,
    walks_a_whole_case_in_dutch_and_saves_it,
    the_walk_setting_chooses_the_full_walk_and_a_flag_wins,
    the_short_walk_needs_at_most_24_answers,
    edit_volledig_deepens_a_short_note_with_only_the_questions_it_left_out,
    walks_in_english_with_lang_en,
    ctrl_c_cancels_with_130_restores_the_cursor_and_saves_nothing,
    a_draft_kept_after_ctrl_c_resumes_where_it_stopped,
    ctrl_c_at_a_text_prompt_then_discard_leaves_nothing,
    discard_at_the_end_saves_nothing,
    going_back_and_changing_an_answer_drops_its_follow_up,
    a_walk_killed_halfway_resumes_to_the_end,
    a_practice_case_ends_beside_the_coach_notes,
    enter_alone_saves_nothing_that_was_not_picked,
    the_active_entry_of_every_list_is_marked_by_a_sign,
    an_edit_whose_note_is_purged_meanwhile_stops_and_keeps_no_draft,
    the_walk_echoes_an_answer_once_and_never_a_command,
    an_existing_export_is_replaced_only_after_a_yes,
    an_outcome_entry_is_walked_in_a_terminal,
    a_walk_edit_that_overlaps_another_edit_is_kept_as_a_draft,
    untrusted_text_in_a_resumed_draft_is_shown_cleaned_and_styled,
    the_rule_question_offers_the_rules_already_in_the_store,
}
