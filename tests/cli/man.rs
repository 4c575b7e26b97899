//! `driehoek man`: one real page in the chosen language, made from the
//! command definition, that the man page linters pass without a warning.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::harness::{Env, code, have, stdout};

fn man(env: &Env, lang: &str) -> String {
    let out = env.run(&["--lang", lang, "man"]);
    assert_eq!(code(&out), 0);
    stdout(&out)
}

#[test]
fn the_page_has_every_section_and_command_in_the_chosen_language() {
    let env = Env::new();
    let nl = man(&env, "nl");
    for section in [
        "NAAM",
        "OVERZICHT",
        "BESCHRIJVING",
        "OPDRACHTEN",
        "ALGEMENE OPTIES",
        "BESTANDEN",
        "OMGEVING",
        "AFSLUITSTATUS",
        "VOORBEELDEN",
    ] {
        assert!(nl.contains(&format!(".SH {section}\n")), "{section}:\n{nl}");
    }
    let en = man(&env, "en");
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "COMMANDS",
        "GLOBAL OPTIONS",
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
        "EXAMPLES",
    ] {
        assert!(en.contains(&format!(".SH {section}\n")), "{section}:\n{en}");
    }
    // Every command, with its own options, from the definition itself.
    for name in driehoek::cli::command(driehoek::i18n::Lang::Nl)
        .get_subcommands()
        .map(|s| s.get_name().to_string())
    {
        assert!(nl.contains(&format!(".SS \"driehoek {name}")), "{name}");
    }
    assert!(nl.contains(".SS \"driehoek config set (zet)\""), "{nl}");
    assert!(nl.contains("\\-\\-allow\\-personal\\-data"));
    for var in [
        "DRIEHOEK_HOME",
        "DRIEHOEK_LANG",
        "NO_COLOR",
        "EDITOR",
        "VISUAL",
    ] {
        assert!(nl.contains(&format!("\\fB{var}\\fR")), "{var}");
    }
    // No page is named that does not exist, and no English in the Dutch.
    assert!(
        !nl.contains("(1)") && !nl.contains("driehoek\\-new"),
        "{nl}"
    );
    for english in ["Usage", "Options", "default", "possible values", "SYNOPSIS"] {
        assert!(!nl.contains(english), "{english} in the Dutch page");
    }
}

/// Runs `program args` with `page` on stdin; what it says on stdout and
/// stderr together.
fn lint(program: &str, args: &[&str], page: &str) -> String {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn the_page_passes_the_linter_without_warnings() {
    let env = Env::new();
    for lang in ["nl", "en"] {
        let page = man(&env, lang);
        if have("mandoc") {
            let said = lint("mandoc", &["-Tlint", "-W", "warning"], &page);
            assert!(said.trim().is_empty(), "mandoc -Tlint ({lang}):\n{said}");
        } else if have("groff") {
            let said = lint("groff", &["-man", "-ww", "-z"], &page);
            assert!(said.trim().is_empty(), "groff -man -ww ({lang}):\n{said}");
        }
    }
}
