//! Text from a note, a file or the command line that tries to steer the
//! terminal or restructure an export.

use std::fs;

use crate::harness::{Env, FULL, code, stderr, stdout};

/// What an attacker would put in an answer: set the clipboard (OSC 52),
/// clear the screen, a C1 CSI, DEL, and a bidi override and isolate.
const ATTACK: &str =
    "\\u001b]52;c;cm0gLXJmIH4=\\u0007\\u001b[2J\\u009b31m\\u007f\\u202Eesrever\\u2066x\\u2069";

/// Whether `text` holds anything that could steer a terminal.
fn steering(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

fn assert_printable(what: &str, out: &std::process::Output) {
    for (stream, text) in [("stdout", stdout(out)), ("stderr", stderr(out))] {
        if let Some(c) = steering(&text) {
            panic!("{what}: {stream} holds {c:?}:\n{text}");
        }
    }
}

/// A note whose title and answers hold the attack (as a tampered or old
/// note would: the walk and `--from` refuse it in a title).
fn hostile_note(env: &Env) -> String {
    let answers = FULL.replace(
        "Ik durf de post niet meer open te maken.",
        &format!("Ik durf{ATTACK} de post niet meer open te maken."),
    );
    let answers = answers.replace(
        "Een paar uur samen werken",
        &format!("Een paar{ATTACK} uur samen werken"),
    );
    let id = env.new_note(&answers);
    // An edit first, so the note has a kept version.
    let edited = env
        .cmd()
        .env("EDITOR", "sed -i -e 's/Samen de post/Samen alle post/'")
        .args(["edit", "--editor", &id])
        .output()
        .unwrap();
    assert_eq!(code(&edited), 0, "{}", stderr(&edited));
    let path = env.note_path(&id);
    let note = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        note.replace("Drie zakken post", &format!("Drie{ATTACK} zakken post")),
    )
    .unwrap();
    id
}

#[test]
fn text_that_steers_the_terminal_is_shown_as_placeholders() {
    let env = Env::new();
    let id = hostile_note(&env);
    let other = env.new_note(FULL);
    let show = env.run(&["show", &id]);
    assert_eq!(code(&show), 0, "{}", stderr(&show));
    assert!(stdout(&show).contains("Drie␛]52;c;cm0gLXJmIH4=␇␛[2J�31m␡�esrever�x� zakken post"));
    assert!(stdout(&show).contains("Ik durf␛]52"));
    let config = env.config.path().join("driehoek");
    fs::create_dir_all(config.join("cases")).unwrap();
    let case = fs::read_to_string("questions/cases/drie-zakken-post.toml").unwrap();
    let case = case.replacen(
        "key = \"drie-zakken-post\"",
        &format!("key = \"eigen{ATTACK}\""),
        1,
    );
    fs::write(config.join("cases").join("eigen.toml"), case).unwrap();
    for args in [
        vec!["list"],
        vec!["list", "--search", "durf"],
        vec!["show", &id],
        vec!["compare", &id, &other],
        vec!["bundle", "--titles"],
        vec!["history", &id],
        vec!["check"],
        vec!["check", &id],
        vec!["drafts"],
        vec!["export", &id, "-o", "/nonexistent/\u{1b}[2J.md"],
        vec!["export", &id, "--format", "html"],
        vec!["practice", "--list"],
        vec!["show", "\u{1b}]52;c;cm0gLXJmIH4=\u{7}"],
        vec!["--lang", "en", "show", &id],
    ] {
        let out = env.run(&args);
        assert_printable(&args.join(" "), &out);
    }
    let unknown = env.run(&["show", "x\u{1b}[2J\u{202E}"]);
    assert_eq!(code(&unknown), 2);
    assert!(stderr(&unknown).contains("x␛[2j�"), "{}", stderr(&unknown));
}

#[test]
fn the_command_line_shown_back_in_an_error_cannot_steer_the_terminal() {
    let env = Env::new();
    for args in [
        vec!["x\u{1b}[31mROOD"],
        vec!["list", "--width", "\u{1b}]52;c;eA==\u{7}"],
        vec!["show", "\u{1b}[2J", "--lang", "en"],
        vec!["list", "--verdict", "wet=\u{202E}nee"],
    ] {
        let out = env.run(&args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert_printable(&args.join(" "), &out);
        assert!(
            stderr(&out).contains('␛') || stderr(&out).contains('�'),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_one_line_answer_with_a_control_character_is_refused_at_input() {
    let env = Env::new();
    for (steering, shown) in [
        ("\\r", "\\r"),
        ("\\u001b[2J", "ESC"),
        ("\\t", "tab"),
        ("\\u202E", "bidi"),
    ] {
        let answers = FULL.replace(
            "titel = \"Drie zakken post\"",
            &format!("titel = \"Drie{steering}post\""),
        );
        let path = env.file("stuur.toml", &answers);
        let out = env.run(&["new", "--from", path.to_str().unwrap()]);
        assert_eq!(code(&out), 2, "{shown}");
        assert!(
            stderr(&out).contains("[casus.titel] dit antwoord bevat een stuurteken"),
            "{shown}: {}",
            stderr(&out)
        );
    }
    assert!(env.note_files().is_empty());
}

/// The headings (level and text, the title's left out), code blocks and
/// images a Markdown reader finds.
fn outline(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let mut found = Vec::new();
    let mut heading = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::Text(t) => {
                if let Some((_, text)) = &mut heading {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => match heading.take() {
                Some((HeadingLevel::H1, _)) => found.push("h1".into()),
                Some((level, text)) => found.push(format!("{level} {text}")),
                None => {}
            },
            Event::Start(Tag::CodeBlock(_)) => found.push("code".into()),
            // The SVG beside the export, named after it.
            Event::Start(Tag::Image { dest_url, .. }) if dest_url.ends_with(".svg") => {
                found.push("image .svg".into())
            }
            Event::Start(Tag::Image { dest_url, .. }) => found.push(format!("image {dest_url}")),
            Event::Start(t @ (Tag::List(_) | Tag::BlockQuote(_) | Tag::HtmlBlock)) => {
                found.push(format!("{t:?}"))
            }
            Event::Rule => found.push("rule".into()),
            _ => {}
        }
    }
    found
}

#[test]
fn an_answer_cannot_restructure_the_markdown() {
    let env = Env::new();
    let clean = env.new_note(FULL);
    let attacks = [
        (
            "Ik durf de post niet meer open te maken.",
            "```\\n# kop in een blok\\n```",
        ),
        (
            "Elke brief is een nieuwe rekening.",
            "    ingesprongen\\n\\n    code",
        ),
        (
            "Over een jaar weer rust, en zelf mijn post bijhouden.",
            "![foto](https://example.org/spion.png)\\n- lijst",
        ),
        (
            "Samen de post sorteren; de schuldeisers tijdelijk laten wachten.",
            "kop\\n===",
        ),
        ("De teamleider mag afwijken.", "1. een\\n> citaat\\n~~~"),
        (
            "We nemen even over, zodat ze daarna zelf verder kan.",
            "## Eigen kop\\n***\\n<img src=https://example.org/x.png>",
        ),
    ];
    let mut answers = FULL.to_string();
    for (from, to) in attacks {
        assert!(answers.contains(from), "{from}");
        answers = answers.replace(from, to);
    }
    let hostile = env.new_note(&answers);
    let export = |id: &str| {
        let path = env.home.path().join(format!("{id}.md"));
        let out = env.run(&["export", id, "-o", path.to_str().unwrap()]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        fs::read_to_string(path).unwrap()
    };
    let hostile_id = hostile.clone();
    let (clean, hostile) = (export(&clean), export(&hostile));
    assert!(hostile.contains("spion.png") && hostile.contains("# kop in een blok"));
    // The one image is the SVG beside each export.
    assert!(hostile.contains(&format!("](<{hostile_id}.svg>)")));
    let (expected, got) = (outline(&clean), outline(&hostile));
    assert_eq!(got, expected, "{hostile}");
}
