//! `driehoek signalen`: every rule with a signal about it, one row per
//! rule, with its latest signal, its age, its status and its cases.
//! "Today" is fixed with DRIEHOEK_TODAY, which only tests set.

use std::process::Output;

use crate::harness::{Env, code, stderr, stdout, with_rule};

/// An outcome entry from a file.
fn entry(env: &Env, id: &str, body: &str) {
    let path = env.file(
        &format!("afloop-{id}.toml"),
        &format!("set = \"afloop\"\n[afloop]\n{body}"),
    );
    // On the day `signals` fixes: an entry names no day after today.
    let out = env
        .cmd()
        .env("DRIEHOEK_TODAY", "15-12-2026")
        .args(["afloop", id, "--from", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

fn signals(env: &Env, args: &[&str]) -> Output {
    env.cmd()
        .env("DRIEHOEK_TODAY", "15-12-2026")
        .args(["--breedte", "250", "signalen"])
        .args(args)
        .output()
        .unwrap()
}

fn ok(env: &Env, args: &[&str]) -> String {
    let out = signals(env, args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

/// Three cases on one rule (other spellings), a signal sent twice about
/// it; a second rule whose signal ended (the rule was changed); a third
/// rule without a signal.
fn store() -> Env {
    let env = Env::new();
    let a = env.new_note(&with_rule("Intake-eis schuldhulp", "werkinstructie", 100));
    let b = env.new_note(&with_rule("intake-eis   schuldhulp.", "gewoonte", 200));
    let c = env.new_note(&with_rule("Intake-eis schuldhulp", "verordening", 300));
    let d = env.new_note(&with_rule("eigen bijdrage", "verordening", 400));
    env.new_note(&with_rule("huurachterstand", "wet", 500));
    entry(
        &env,
        &a,
        "besluit = \"toegekend\"\nsignaal = [\"verstuurd\"]\nsignaal_verstuurd = \"1-12-2026\"\nsignaal_aan = [\"doorbraak\"]\nsignaal_eigenaar = \"teamleider\"",
    );
    entry(
        &env,
        &b,
        "besluit = \"deels\"\nsignaal = [\"verstuurd\"]\nsignaal_verstuurd = \"10-12-2026\"\nsignaal_aan = [\"beleid\", \"anders\"]\nsignaal_aan_anders = \"raadscommissie\"\nsignaal_eigenaar = \"maatwerkcoach\"\nregel_status = \"in_behandeling\"",
    );
    entry(&env, &c, "besluit = \"afgewezen\"");
    entry(
        &env,
        &d,
        "signaal = [\"verstuurd\", \"reactie\"]\nsignaal_verstuurd = \"2-11-2026\"\nsignaal_aan = [\"landelijk\"]\nsignaal_eigenaar = \"beleidsmedewerker\"\nreactie = \"De regeling is aangepast.\"\nregel_status = \"aangepast\"",
    );
    env
}

/// At 80 columns eight columns cannot keep their words whole: each rule
/// is a record instead ("Eigena" over "ar" was the table's).
#[test]
fn at_80_columns_no_word_is_broken() {
    let env = store();
    let out = env
        .cmd()
        .env("DRIEHOEK_TODAY", "15-12-2026")
        .args(["--breedte", "80", "signalen"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    for word in [
        "Eigenaar: maatwerkcoach",
        "Doorgebroken",
        "beleidsafdeling",
        "Intake-eis schuldhulp",
        "in behandeling",
    ] {
        assert!(text.contains(word), "{word} broken in\n{text}");
    }
    // Wide enough, it stays a table.
    assert!(ok(&env, &[]).contains("┆ Eigenaar"), "{}", ok(&env, &[]));
}

#[test]
fn a_signal_recorded_with_afloop_is_listed_with_its_owner_body_and_age() {
    let env = store();
    let text = ok(&env, &[]);
    for part in [
        "2 regels met een signaal, 1 nog open",
        "Intake-eis schuldhulp",
        "beleidsafdeling, raadscommissie",
        "maatwerkcoach",
        "10 dec. 2026 (5 dagen)",
        "in behandeling",
        "1 in behandeling, 1 zonder stand",
        "eigen bijdrage",
        "2 nov. 2026 (43 dagen)",
        "aangepast",
    ] {
        assert!(text.contains(part), "{part:?} in\n{text}");
    }
    assert!(
        !text.contains("huurachterstand"),
        "a rule without a signal: {text}"
    );
    assert!(
        text.find("Intake-eis").unwrap() < text.find("eigen bijdrage").unwrap(),
        "open before final: {text}"
    );
    let rows: serde_json::Value = serde_json::from_str(&ok(&env, &["--format", "json"])).unwrap();
    let row = &rows[0];
    assert_eq!(row["rule"], "Intake-eis schuldhulp");
    assert_eq!(row["to"], serde_json::json!(["beleid", "anders"]));
    assert_eq!(row["to_other"], "raadscommissie");
    assert_eq!(row["owner"], "maatwerkcoach");
    assert_eq!(row["sent"], "2026-12-10");
    assert_eq!(row["days_since_sent"], 5);
    assert_eq!(row["status"], "in_behandeling");
    assert_eq!(row["open"], true);
    assert_eq!(
        (row["cases"].as_u64(), row["broke_through"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(row["cases_per_status"]["in_behandeling"], 1);
    assert_eq!(row["cases_per_status"]["none"], 1);
    assert_eq!(rows[1]["status"], "aangepast");
    assert_eq!(rows[1]["open"], false);
    // --open leaves the final one out.
    let open: serde_json::Value =
        serde_json::from_str(&ok(&env, &["--open", "--format", "json"])).unwrap();
    assert_eq!(open.as_array().unwrap().len(), 1);
    assert_eq!(open[0]["rule"], "Intake-eis schuldhulp");
}

#[test]
fn signals_in_english_markdown_and_csv() {
    let env = store();
    let en = env
        .cmd()
        .env("DRIEHOEK_TODAY", "2026-12-15")
        .args(["--lang", "en", "--width", "250", "signals", "--open"])
        .output()
        .unwrap();
    assert_eq!(code(&en), 0, "{}", stderr(&en));
    let en = stdout(&en);
    assert!(en.contains("1 rule with a signal, 1 still open"), "{en}");
    assert!(
        en.contains("5 days") && en.contains("being dealt with"),
        "{en}"
    );
    let md = ok(&env, &["--format", "markdown"]);
    assert!(md.contains("| Intake-eis schuldhulp |"), "{md}");
    let csv = ok(&env, &["--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Regel,Signaal aan,Eigenaar,Verstuurd,Dagen sinds verstuurd,"),
        "{csv}"
    );
    assert!(
        csv.contains("Intake-eis schuldhulp,\"beleidsafdeling, raadscommissie\",maatwerkcoach,2026-12-10,5,in behandeling,3,2,0,1,0,0,1\r\n"),
        "{csv}"
    );
}

#[test]
fn untrusted_text_in_a_signal_is_shown_never_run() {
    let env = Env::new();
    let rule = "=HYPERLINK(\\\"http://x\\\") [klik](http://x.test)";
    let id = env.new_note(&with_rule(rule, "werkinstructie", 100));
    entry(
        &env,
        &id,
        "signaal = [\"verstuurd\"]\nsignaal_eigenaar = \"[eigenaar](http://x.test)\"",
    );
    // A note changed by hand may hold what no answer can: an Esc.
    let path = env.note_path(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("[eigenaar]", "\\u001b[2J[eigenaar]");
    std::fs::write(&path, text).unwrap();
    let text = ok(&env, &[]);
    assert!(
        !text.contains('\u{1b}') && text.contains("␛[2J"),
        "{text:?}"
    );
    let md = ok(&env, &["--format", "markdown"]);
    assert!(!md.contains("[klik](http"), "a link in Markdown: {md}");
    assert!(
        md.contains("\\[klik\\](http://x.test)"),
        "shown as text: {md}"
    );
    assert!(!md.contains("[eigenaar](http"), "a link in Markdown: {md}");
    let csv = ok(&env, &["--format", "csv"]);
    assert!(csv.contains("\"'=HYPERLINK("), "a formula defused: {csv}");
    assert!(!csv.contains('\u{1b}'), "{csv:?}");
}

#[test]
fn no_signal_yet_says_so() {
    let env = Env::new();
    env.new_note(&with_rule("eigen bijdrage", "verordening", 400));
    let text = ok(&env, &[]);
    assert!(text.contains("Nog geen regel met een signaal"), "{text}");
}

#[test]
fn a_signal_the_walk_asked_for_is_listed_as_not_sent_until_the_log_sends_it() {
    let env = Env::new();
    let answers = with_rule("eigen bijdrage", "verordening", 400).replace(
        "signaal = \"weet_niet\"",
        "signaal = \"ja\"\nsignaal_orgaan = [\"corporatie\"]\nsignaal_eigenaar = \"maatwerkcoach\"",
    );
    let id = env.new_note(&answers);
    let text = ok(&env, &[]);
    for part in [
        "eigen bijdrage",
        "corporatie-overleg",
        "maatwerkcoach",
        "nog niet verstuurd",
    ] {
        assert!(text.contains(part), "{part:?} in\n{text}");
    }
    entry(
        &env,
        &id,
        "signaal = [\"verstuurd\"]\nsignaal_verstuurd = \"12-12-2026\"\nsignaal_aan = [\"beleid\"]",
    );
    let text = ok(&env, &[]);
    assert!(
        text.contains("12 dec. 2026 (3 dagen)") && text.contains("beleidsafdeling"),
        "{text}"
    );
}
