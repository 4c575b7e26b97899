//! A note leads with what the meeting needs, and its Markdown pastes
//! cleanly into Word, Teams or an e-mail.

use std::fs;

use crate::harness::{Env, FULL, code, in_order, stable, stderr, stdout};
use crate::snapshot;

/// The front block's parts, in the order the meeting reads them, and
/// what follows it.
const FRONT_NL: [&str; 22] = [
    "Voor het overleg",
    "Wat is je vraag aan het team?",
    "Mogen we de intake-eis loslaten?",
    "Welke oplossing stel je voor, en wat staat die nu in de weg?",
    "Wat zegt de persoon zelf over dit voorstel?",
    "Als iemand naast me zit, durf ik het wel.",
    // The verdicts once, each with its reason.
    "Mag het van de wet?",
    "ja",
    "De wet eist geen compleet overzicht vooraf",
    "Draagt het bij aan zelfregie?",
    "twijfel",
    "We nemen even over",
    // What blocks, the concrete rule and the route to deviate.
    "Wat blokkeert hier eigenlijk?",
    "Welke regel precies, en van wie?",
    "intake-eis van de schuldhulp, afdeling Werk en Inkomen",
    "Welke route om af te wijken?",
    "Awb art. 4:84",
    "€ 24.000 per jaar",
    "€ 3.000 eenmalig",
    "Verschil over 1 jaar",
    "Is dit een incidentele uitzondering, of speelt het structureel?",
    "In eigen woorden",
];

#[test]
fn show_opens_with_the_front_block() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let out = env.run(&["show", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    snapshot!("show_front", stable(&text, &[&id]));
    in_order(&text, &FRONT_NL);
    // Shown in front, not again under their sections; the verdicts in
    // one table (the drawing names them by their short names).
    for once in [
        "Welke oplossing stel je voor, en wat staat die nu in de weg?",
        "Mogen we de intake-eis loslaten?",
        "Oordeel",
        "We nemen even over",
        "Welke regel precies, en van wie?",
        "Welke route om af te wijken?",
    ] {
        assert_eq!(text.matches(once).count(), 1, "{once}");
    }
    // The terminal keeps its pictures.
    in_order(&text, &["De waardendriehoek", "╱ ╲", "● nu  ◆ gewenst"]);
}

#[test]
fn the_markdown_has_the_svg_once_and_no_drawing_in_text() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let file = env.home.path().join("overleg.md");
    let out = env.run(&["export", &id, "-o", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = fs::read_to_string(&file).unwrap();
    assert!(md.starts_with("# Drie zakken post\n"), "{md}");
    in_order(&md, &FRONT_NL);
    // Box-drawing and block characters, and fenced drawings, break when
    // pasted; the pictures are the SVG beside the file, linked once.
    let drawn: Vec<char> = md
        .chars()
        .filter(|c| ('\u{2500}'..='\u{25ff}').contains(c))
        .collect();
    assert!(drawn.is_empty(), "{drawn:?} in\n{md}");
    assert!(!md.contains("```"), "{md}");
    let image = "![De waardendriehoek en het contrastprofiel](<overleg.svg>)";
    assert_eq!(md.matches(image).count(), 1, "{md}");
    in_order(
        &md,
        &["| Vraag | Oordeel |", "## De waardendriehoek", image],
    );
    assert_eq!(md.matches("| Vraag | Oordeel |").count(), 1, "{md}");
    assert!(env.home.path().join("overleg.svg").exists());
}

#[test]
fn an_english_note_exports_with_english_headings() {
    let env = Env::new();
    let path = env.file("answers.toml", FULL);
    let out = env.run(&["--lang", "en", "new", "--from", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    // The one exporting reads Dutch; the note was written in English.
    let file = env.home.path().join("meeting.md");
    let out = env.run(&["--lang", "nl", "export", &id, "-o", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = fs::read_to_string(&file).unwrap();
    in_order(
        &md,
        &[
            "## For the meeting",
            "What is your question for the team?",
            "What solution do you propose, and what stands in its way now?",
            "What does the person say about this proposal?",
            "| Question | Verdict | Reasoning |",
            "| Does it support self-direction? | in doubt |",
            "Which rule exactly, and whose?",
            "€24,000 per year",
            "Is this an incidental exception, or is it structural?",
            "## In their own words",
            "## The value triangle",
            "## Rational and relational",
        ],
    );
    assert!(!md.contains("Voor het overleg"), "{md}");
    let svg = fs::read_to_string(env.home.path().join("meeting.svg")).unwrap();
    assert!(svg.contains("law: yes"), "{svg}");
}
