//! The manual as a man page (roff), in the reader's language, from the
//! command outline: a subcommand added later appears without work here.

use crate::i18n::{self, Lang};

/// One option or argument as the help shows it.
pub struct Entry {
    /// `--from <BESTAND>`, `-o, --output <PAD>`, `<ID>`
    pub spec: String,
    pub help: String,
}

/// One command: its name, Dutch alias, what it does, how it is called.
pub struct CommandDoc {
    pub path: String,
    pub aliases: Vec<String>,
    pub about: String,
    pub usage: String,
    pub entries: Vec<Entry>,
}

/// What the man page is made of, gathered from the command definition.
pub struct Outline {
    /// The day the page is made, `YYYY-MM-DD`.
    pub date: String,
    pub version: String,
    pub about: String,
    pub globals: Vec<Entry>,
    pub commands: Vec<CommandDoc>,
}

pub fn page(o: &Outline, lang: Lang) -> String {
    let t = |m: i18n::Msg| m.get(lang);
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!(
        ".TH DRIEHOEK 1 {} \"driehoek {}\" \"{}\"",
        o.date,
        roff(&o.version),
        roff(t(i18n::MAN_MANUAL))
    ));
    line(&format!(".SH {}", t(i18n::MAN_NAME)));
    line(&format!("driehoek \\- {}", roff(t(i18n::MAN_SUMMARY))));
    line(&format!(".SH {}", t(i18n::MAN_SYNOPSIS)));
    line(".B driehoek");
    line(&format!(
        "[\\fI{}\\fR] \\fI{}\\fR [\\fI{}\\fR]",
        roff(&i18n::CLAP_OPTIONS.get(lang).to_uppercase()),
        roff(t(i18n::CLAP_COMMAND_VALUE)),
        roff(t(i18n::MAN_ARGS))
    ));
    line(&format!(".SH {}", t(i18n::MAN_DESCRIPTION)));
    paragraph(&mut line, &o.about);
    paragraph(&mut line, t(i18n::MAN_DESCRIPTION_TEXT));
    line(&format!(".SH {}", t(i18n::MAN_COMMANDS)));
    for c in &o.commands {
        let mut head = format!("driehoek {}", c.path);
        if !c.aliases.is_empty() {
            head.push_str(&format!(" ({})", c.aliases.join(", ")));
        }
        line(&format!(".SS \"{}\"", roff(&head).replace('"', "\\(dq")));
        paragraph(&mut line, &c.about);
        line(".PP");
        line(&format!(".B {}", roff(&c.usage)));
        entries(&mut line, &c.entries);
    }
    line(&format!(
        ".SH {}",
        t(i18n::CLAP_GLOBAL_OPTIONS).to_uppercase()
    ));
    entries(&mut line, &o.globals);
    for (head, body) in [
        (i18n::MAN_FILES, i18n::MAN_FILES_TEXT),
        (i18n::MAN_ENVIRONMENT, i18n::MAN_ENVIRONMENT_TEXT),
        (i18n::MAN_EXIT, i18n::MAN_EXIT_TEXT),
        (i18n::MAN_EXAMPLES, i18n::MAN_EXAMPLES_TEXT),
    ] {
        line(&format!(".SH {}", t(head)));
        definitions(&mut line, t(body));
    }
    out
}

/// Text as one or more paragraphs.
fn paragraph(line: &mut impl FnMut(&str), text: &str) {
    for (i, p) in text.split("\n\n").enumerate() {
        if i > 0 {
            line(".PP");
        }
        for l in p.lines() {
            line(&roff(l));
        }
    }
}

fn entries(line: &mut impl FnMut(&str), list: &[Entry]) {
    for e in list {
        line(".TP");
        line(&format!("\\fB{}\\fR", roff(&e.spec)));
        paragraph(line, &e.help);
    }
}

/// `term\tdefinition` lines as a tagged list, after an introduction.
fn definitions(line: &mut impl FnMut(&str), text: &str) {
    for l in text.lines() {
        match l.split_once('\t') {
            Some((term, def)) => {
                line(".TP");
                line(&format!("\\fB{}\\fR", roff(term)));
                line(&roff(def));
            }
            // Blank lines only part the introduction from the list.
            None if l.is_empty() => {}
            None => line(&roff(l)),
        }
    }
}

/// Text safe for roff: backslashes and hyphens escaped, no line that
/// starts like a request, every non-ASCII character by its code point.
fn roff(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c if c.is_ascii_control() => {}
            c => out.push_str(&format!("\\[u{:04X}]", u32::from(c))),
        }
    }
    if out.starts_with('.') || out.starts_with('\'') {
        out.insert_str(0, "\\&");
    }
    out
}
