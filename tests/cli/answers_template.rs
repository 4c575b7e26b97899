//! The answers template: the short walk by default, long answers between
//! ''' and ''', and a TOML error on a quote that says how to write it.

use crate::harness::{Env, code, stderr, stdout};

#[test]
fn the_template_shows_the_short_walk_unless_asked_for_every_question() {
    let env = Env::new();
    let short = stdout(&env.run(&["template"]));
    let full = stdout(&env.run(&["sjabloon", "--volledig"]));
    assert!(short.contains("\ntitel = \"\""), "{short}");
    assert!(!short.contains("\ninterpretatie ="), "{short}");
    assert!(full.contains("\ninterpretatie ="), "{full}");
    // The full walk's own reasoning is not required of a note.
    let reasoning = full
        .lines()
        .take_while(|l| !l.starts_with("toelichting"))
        .filter(|l| l.starts_with("# Hoe kom je tot dit oordeel"))
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(!reasoning.contains("(verplicht)"), "{reasoning}");
}

#[test]
fn a_filled_template_with_quotes_in_long_answers_saves() {
    let env = Env::new();
    let template = stdout(&env.run(&["template"]));
    assert!(template.contains("eigen_woorden = '''\n'''"), "{template}");
    let filled = template
        .replace("titel = \"\"", "titel = \"Koffiehuis\"")
        .replace(
            "eigen_woorden = '''\n'''",
            "eigen_woorden = '''\nZe zei: \"ik wil gewoon mijn eigen plek\", en ze meende het.\n'''",
        )
        .replace("blokkade = '''\n'''", "blokkade = '''\nDe regel.\n'''")
        .replace("oplossing = '''\n'''", "oplossing = '''\nDrie dagdelen.\n'''")
        .replace("teamvraag = '''\n'''", "teamvraag = '''\nMag dit?\n'''");
    let filled = answer(&filled, "wet", "oordeel", "\"ja\"");
    let filled = answer(&filled, "middelen", "oordeel", "\"ja\"");
    let filled = answer(&filled, "zelfregie", "oordeel", "\"ja\"");
    let filled = answer(&filled, "zelfregie", "logica", "\"persoon\"");
    let filled = answer(&filled, "reflectie", "besproken", "\"ja\"");
    let filled = answer(&filled, "vervolg", "schaal", "\"structureel\"");
    let file = env.file("casus.toml", &filled);
    let out = env.run(&["new", "--from", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}\n{filled}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let shown = stdout(&env.run(&["show", &id]));
    assert!(
        shown.contains("\"ik wil gewoon mijn eigen plek\""),
        "{shown}"
    );
}

/// `key = ""` in section `[section]` set to `value`.
fn answer(text: &str, section: &str, key: &str, value: &str) -> String {
    let at = text.find(&format!("\n[{section}]\n")).unwrap();
    let (head, tail) = text.split_at(at);
    head.to_string() + &tail.replacen(&format!("\n{key} = \"\""), &format!("\n{key} = {value}"), 1)
}

#[test]
fn a_quote_inside_quotes_is_told_how_to_write_it() {
    let env = Env::new();
    let file = env.file(
        "casus.toml",
        "set = \"waardendriehoek\"\n[casus]\ntitel = \"Ze zei \"nee\" en ging\"\n",
    );
    let out = env.run(&["new", "--from", file.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("casus.toml:3:"), "{err}");
    assert!(err.contains("tussen drie enkele"), "{err}");
}
