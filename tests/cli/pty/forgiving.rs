//! The walk forgives what people type and never shows a refusal as an
//! answer: amounts as people write them, the help entry of a list, a
//! stored answer outside today's choices.

use super::harness::*;
use super::walks::minimal_plan;
use crate::harness::Env;

/// The short walk up to the current cost, waiting for its prompt.
fn walk_to_the_costs(env: &Env) -> Walker {
    let mut w = Walker::new(env, "nl", &["new", "--kort"]);
    w.walk_between("casus.titel", Some("middelen.kosten_nu"), minimal_plan);
    w.wait_for("middelen.kosten_nu");
    w
}

fn amounts_are_read_as_people_write_them_and_a_refusal_is_not_echoed(env: Env) {
    let mut w = walk_to_the_costs(&env);
    let prompt = w.q("middelen.kosten_nu").prompt.clone();
    w.pty.send(&format!("veel geld{ENTER}"));
    w.pty.expect("'veel geld' is geen bedrag");
    w.pty.expect(prompt.as_str());
    // The period written after the amount needs no question.
    w.pty.send(&format!("€ 9.000 per jaar (3 dagdelen){ENTER}"));
    w.wait_for("middelen.kosten_voorstel");
    w.pty.send(&format!("ca. 3.500{ENTER}"));
    w.pty.expect("Over welke periode gaat € 3.500?");
    w.pty.send(&moves(0, 1));
    w.pty.expect("· per jaar");
    w.walk_from("zelfregie.oordeel", minimal_plan);
    // The summary before saving leads with the question for the team.
    let (summary, _) = w.pty.expect("Deze notitie opslaan?");
    let summary = plain(&summary);
    assert!(
        summary.contains("Answer to vervolg.teamvraag."),
        "{summary}"
    );
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    w.pty.expect("opgeslagen.");
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);
    let seen = plain(&String::from_utf8_lossy(&w.pty.seen));
    assert!(!seen.contains("· veel geld"), "a refusal echoed:\n{seen}");
    let note = note_toml(&env);
    let cost = |id: &str| {
        let c = answer(&note, id);
        (
            c["bedrag"].as_integer(),
            c["periode"].as_str().map(String::from),
        )
    };
    assert_eq!(
        cost("middelen.kosten_nu"),
        (Some(9000), Some("jaar".into()))
    );
    assert_eq!(
        cost("middelen.kosten_voorstel"),
        (Some(3500), Some("jaar".into()))
    );
}

fn the_help_entry_of_a_list_is_never_echoed_as_an_answer(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--kort"]);
    w.walk_between("casus.titel", Some("wet.oordeel"), minimal_plan);
    w.wait_for("wet.oordeel");
    w.pty.expect("? uitleg");
    w.pty.wait_until_reading_keys();
    // Up from the first entry is the last one: the help.
    w.pty.send(&format!("{UP}{ENTER}"));
    w.wait_for("wet.oordeel");
    w.pty.send(CTRL_C);
    w.pty.expect("concept");
    w.pty.send(ENTER);
    let (_, code) = w.pty.finish();
    assert_eq!(code, 130);
    // dialoguer reports every pick; the help's report is cleared from
    // the screen before the help is shown.
    let raw = String::from_utf8_lossy(&w.pty.seen).to_string();
    let help: String = w
        .q("wet.oordeel")
        .help
        .clone()
        .unwrap()
        .chars()
        .take(12)
        .collect();
    for chunk in raw.split('✔').filter(|c| plain(c).contains("· ? uitleg")) {
        let reported = &chunk[..chunk.find(&help).unwrap_or(chunk.len())];
        assert!(
            reported.contains("\x1b[2K"),
            "'? uitleg' stays on the screen as an answer:\n{}",
            plain(&raw)
        );
    }
}

/// A draft edited by hand (or one made before a coach narrowed a scale)
/// holds a point the scale no longer has: the list starts where it
/// would without it, and nothing panics.
fn a_stored_answer_outside_the_scale_is_no_place_to_start(env: Env) {
    let all = questions(&env, "nl", false);
    let prompt_of = |id: &str| all.iter().find(|q| q.id == id).unwrap().prompt.clone();
    let prompt = prompt_of("contrasten.uniform_nu");
    let drafts = env.home.path().join("store/drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    let draft = format!(
        r#"format = 2
id = "k7m2p4"
started = "2026-12-06T07:05:48Z"
updated = "2026-12-06T07:06:05Z"
set = "waardendriehoek"
set_version = 2
lang = "nl"
next = "contrasten.uniform_nu"
walk = "volledig"

[[answers]]
id = "casus.titel"
question = "Welke korte titel geef je deze casus?"
kind = "text"
value = "Een schaal die smaller werd"

[[answers]]
id = "contrasten.uniform_nu"
question = "{prompt}"
kind = "scale"
value = 9
"#
    );
    std::fs::write(drafts.join("k7m2p4.toml"), draft).unwrap();
    let mut pty = Pty::spawn(&env, &["resume", "k7m2p4"]);
    pty.expect(prompt.as_str());
    pty.expect("? uitleg");
    pty.wait_until_reading_keys();
    // Enter on where the list starts: the point 9 was no entry of it.
    pty.send(ENTER);
    pty.expect(prompt_of("contrasten.uniform_gewenst").as_str());
    pty.wait_until_reading_keys();
    pty.send(CTRL_C);
    pty.expect("concept");
    pty.send(ENTER);
    let (rest, code) = pty.finish();
    assert_eq!(code, 130, "{}", plain(&rest));
}

/// Enter on a question that needs an answer is refused at once: no "✔"
/// line shows it as given first.
fn an_empty_required_answer_is_not_echoed_as_given(env: Env) {
    let mut w = Walker::new(&env, "nl", &["new", "--kort"]);
    w.wait_for("casus.titel");
    w.pty.send(ENTER);
    w.pty.expect("Deze vraag is verplicht.");
    let prompt = w.q("casus.titel").prompt.clone();
    w.pty.expect(prompt.as_str());
    w.pty.wait_until_reading_keys();
    // Nothing answered yet: Ctrl-C ends the walk at once.
    w.pty.send(CTRL_C);
    let (_, code) = w.pty.finish();
    assert_eq!(code, 130);
    let seen = plain(&String::from_utf8_lossy(&w.pty.seen));
    assert!(!seen.contains(&format!("✔ {prompt}")), "{seen}");
}

super::in_both! {
    amounts_are_read_as_people_write_them_and_a_refusal_is_not_echoed,
    the_help_entry_of_a_list_is_never_echoed_as_an_answer,
    a_stored_answer_outside_the_scale_is_no_place_to_start,
    an_empty_required_answer_is_not_echoed_as_given,
}
