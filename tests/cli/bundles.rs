//! Bundling per rule (issue 10): grouping, revisions, formats, `--law`.

use crate::harness::{Env, FULL, code, stderr, stdout, with_rule};

#[test]
fn the_bundle_groups_by_rule_line_and_counts_a_revised_case_once() {
    let env = Env::new();
    env.new_note(&with_rule(
        "Intake-eis   schuldhulp",
        "werkinstructie",
        10_000,
    ));
    let first = env.new_note(&with_rule(
        "intake-eis schuldhulp",
        "werkinstructie",
        20_000,
    ));
    env.new_note(&with_rule(
        "toewijzingsbeleid corporatie",
        "beleidsregel",
        5_000,
    ));
    // No rule named: a feeling has none to name (a rule's kind would
    // require the line, issue 20).
    env.new_note(&with_rule("", "gevoel", 1_000));
    // A revision of `first` replaces it: still one case, the latest counts.
    let path = env.file(
        "rev.toml",
        &with_rule("intake-eis schuldhulp", "werkinstructie", 30_000),
    );
    let out = env.run(&["new", "--from", path.to_str().unwrap(), "--revises", &first]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let out = env.run(&["bundle", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["cases"], 4, "{v}");
    let rules = v["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 3, "{v}");
    assert_eq!(rules[0]["cases"], 2);
    assert_eq!(rules[0]["blocker"], "een werkinstructie (2)");
    // 10 000 + 30 000 a year over three years, in cents; the replaced
    // 20 000 does not count.
    assert_eq!(rules[0]["cost_current"], 12_000_000);
    assert!(rules.iter().any(|r| r["rule"] == ""), "{v}");
    assert!(v.get("titles").is_none(), "no titles without --titles");
    // "anders" is listed by the law typed.
    assert!(
        v["laws_other"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["name"] == "interne werkinstructie intake"),
        "{v}"
    );

    let text = stdout(&env.run(&["bundle"]));
    assert!(text.contains("Per regel"), "{text}");
    assert!(text.contains("(geen regel"), "{text}");
}

#[test]
fn three_cases_on_one_rule_make_one_row_whatever_blocked_them_and_however_spelled() {
    let env = Env::new();
    env.new_note(&with_rule("Intake-eis schuldhulp", "werkinstructie", 1_000));
    env.new_note(&with_rule(
        "intake-eis   SCHULDHULP.",
        "beleidsregel",
        2_000,
    ));
    env.new_note(&with_rule("Intake-eis  schuldhulp", "gevoel", 3_000));
    let rows = |v: &serde_json::Value| v["rules"].as_array().unwrap().clone();
    let out = env.run(&["bundle", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows(&v).len(), 1, "{v}");
    let row = &v["rules"][0];
    assert_eq!(row["cases"], 3, "{v}");
    assert_eq!(
        row["rule"], "Intake-eis schuldhulp",
        "the spelling used most"
    );
    assert_eq!(
        row["blocker_keys"],
        serde_json::json!(["beleidsregel", "gevoel", "werkinstructie"]),
        "{v}"
    );
    assert_eq!(row["blockers"][0]["cases"], 1, "{v}");
    // The same one row in every form, and from the store's anonymous export.
    let csv = stdout(&env.run(&["bundle", "--format", "csv"]));
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(
        csv.contains("Intake-eis schuldhulp,\"een beleidsregel (1), "),
        "{csv}"
    );
    let text = stdout(&env.run(&["--width", "200", "bundle"]));
    let shown = text.matches("│ Intake-eis schuldhulp ").count();
    assert_eq!(
        shown, 2,
        "a row in the outcomes' and the costs' table: {text}"
    );
    let file = env.home.path().join("anoniem.json");
    let out = env.run(&["export", "--all", "--anoniem", "-o", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = env.run(&[
        "bundle",
        "--format",
        "json",
        "--from",
        file.to_str().unwrap(),
    ]);
    let from: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows(&from), rows(&v));
}

#[test]
fn the_csv_has_a_row_per_rule_and_defuses_formulas() {
    let env = Env::new();
    env.new_note(&with_rule(
        "=HYPERLINK(\\\"x\\\"), zo",
        "werkinstructie",
        10_000,
    ));
    env.new_note(&with_rule("toewijzingsbeleid", "beleidsregel", 5_000));
    let out = env.run(&["bundle", "--format", "csv"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let csv = stdout(&out);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines[0].starts_with("Regel,Wat blokkeert,casussen")
            && lines[0].ends_with(
                "Huidige routes over 3 jaar,Voorstellen over 3 jaar,Verschil over 3 jaar,Wie betaalt,Wie bespaart"
            ),
        "{csv}"
    );
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"x\"\"), zo\",een werkinstructie (1),1,0,0,,1,30000.00,3000.00,27000.00,,\r"),
        "{csv}"
    );
}

#[test]
fn an_unknown_law_is_refused_with_the_nearest_name() {
    let env = Env::new();
    env.new_note(FULL);
    let out = env.run(&["bundle", "--law", "jeugdwett"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("onbekende wet of regel ‘jeugdwett’"), "{err}");
    assert!(err.contains("bedoel je ‘jeugdwet’?"), "{err}");
    assert!(err.contains("wmo2015"), "{err}");
    let out = env
        .cmd()
        .env("DRIEHOEK_LANG", "en")
        .args(["bundle", "--law", "jeugdwett"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean ‘jeugdwet’?"),
        "{}",
        stderr(&out)
    );
    // A typed "anders" law is known too.
    assert_eq!(
        code(&env.run(&["bundle", "--law", "interne werkinstructie"])),
        0
    );
}

#[test]
fn an_outcome_recorded_before_a_revision_still_counts_for_the_case() {
    let env = Env::new();
    let first = env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    env.backdate(&first, "2026-01-02T09:00:00Z");
    let decision = env.file(
        "besluit.toml",
        "set = \"afloop\"\n[afloop]\nbesluit = \"toegekend\"\nbesluit_datum = \"2026-01-12\"\n",
    );
    let out = env.run(&["afloop", &first, "--from", decision.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let revision = env.file(
        "herzien.toml",
        &with_rule("eigen bijdrage", "verordening", 2_000),
    );
    let out = env.run(&[
        "new",
        "--from",
        revision.to_str().unwrap(),
        "--revises",
        &first,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let v: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["bundle", "--format", "json"]))).unwrap();
    assert_eq!(v["cases"], 1, "{v}");
    assert_eq!(v["decisions"]["toegekend"], 1, "{v}");
    let rule = &v["rules"][0];
    assert_eq!(rule["broke_through"], 1, "{v}");
    // From the case's first note, not from the revision.
    assert_eq!(rule["median_days_to_decision"], 10.0, "{v}");
    assert_eq!(
        rule["cost_current"], 600_000,
        "the revision's amounts count"
    );
}

#[test]
fn a_decision_dated_before_its_note_says_nothing_about_how_long_deciding_took() {
    let env = Env::new();
    let id = env.new_note(FULL);
    env.backdate(&id, "2026-03-01T09:00:00Z");
    let decision = env.file(
        "besluit.toml",
        "set = \"afloop\"\n[afloop]\nbesluit = \"afgewezen\"\nbesluit_datum = \"1-1-2020\"\n",
    );
    let out = env.run(&["afloop", &id, "--from", decision.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["bundle", "--format", "json"]))).unwrap();
    assert_eq!(v["rules"][0]["refused"], 1, "{v}");
    assert!(v["rules"][0]["median_days_to_decision"].is_null(), "{v}");
    assert!(v["median_days_to_decision"].is_null(), "{v}");
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["list", "--format", "json"]))).unwrap();
    assert!(list[0]["days_to_decision"].is_null(), "{list}");
}

#[test]
fn the_json_gives_values_that_read_the_same_in_either_language() {
    let env = Env::new();
    env.new_note(FULL);
    env.new_note(&with_rule("eigen bijdrage", "verordening", 1_000));
    let json = |lang: &str| -> serde_json::Value {
        let out = env.run(&["--lang", lang, "bundle", "--format", "json"]);
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let (nl, en) = (json("nl"), json("en"));
    assert_ne!(nl["blockers"], en["blockers"], "labels follow the language");
    for key in [
        "law_keys",
        "blocker_keys",
        "discussed_keys",
        "stuck_row_keys",
    ] {
        assert_eq!(nl[key], en[key], "{key}");
        assert!(!nl[key].as_array().unwrap().is_empty(), "{key}: {nl}");
    }
    assert!(
        nl["blocker_keys"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["key"] == "werkinstructie" && k["cases"] == 1),
        "{nl}"
    );
    let keys = |v: &serde_json::Value| -> Vec<serde_json::Value> {
        v["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["blocker_keys"].clone())
            .collect()
    };
    assert_eq!(keys(&nl), keys(&en));
    assert!(
        keys(&nl).contains(&serde_json::json!(["verordening"])),
        "{nl}"
    );
}

#[test]
fn every_case_is_compared_over_one_horizon_of_three_years_or_as_asked() {
    let env = Env::new();
    // 24 000 a year now against 3 000 once (FULL), and 12 000 a year now
    // against 6 000 over six years.
    env.new_note(&with_rule("intake-eis", "werkinstructie", 24_000));
    let six = with_rule("intake-eis", "werkinstructie", 12_000).replace(
        "kosten_voorstel = { bedrag = 3000, periode = \"eenmalig\" }",
        "kosten_voorstel = { bedrag = 6000, periode = \"6 jaar\" }",
    );
    env.new_note(&six);
    let json = |args: &[&str]| -> serde_json::Value {
        let out = env.run(&[&["bundle", "--format", "json"], args].concat());
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let three = json(&[]);
    assert_eq!(three["horizon_years"], 3);
    let rule = &three["rules"][0];
    // (24 000 + 12 000) × 3; 3 000 once + half of 6 000; in cents.
    assert_eq!(rule["cost_current"], 10_800_000, "{three}");
    assert_eq!(rule["cost_proposed"], 600_000, "{three}");
    assert_eq!(rule["saving"], 10_200_000, "{three}");
    assert_eq!(three["cost_current"], rule["cost_current"]);
    let ten = json(&["--jaren", "10"]);
    assert_eq!(ten["horizon_years"], 10);
    assert_eq!(ten["rules"][0]["cost_current"], 36_000_000);
    assert_eq!(ten["rules"][0]["cost_proposed"], 900_000);
    let text = stdout(&env.run(&["--width", "200", "bundle", "--horizon", "5"]));
    assert!(text.contains("Bedragen over 5 jaar"), "{text}");
    assert!(text.contains("Verschil over 5 jaar"), "{text}");
    assert_eq!(code(&env.run(&["bundle", "--horizon", "0"])), 2);
}

/// FULL on `rule`, naming who pays for the proposal and who saves on it.
fn paid_by(rule: &str, payers: &str, savers: &str) -> String {
    with_rule(rule, "verordening", 10_000).replace(
        "[middelen]\n",
        &format!("[middelen]\nbetaler = [{payers}]\nbespaarder = [{savers}]\n"),
    )
}

#[test]
fn per_rule_the_bundle_says_who_pays_and_who_saves_in_every_form() {
    let env = Env::new();
    env.new_note(&paid_by(
        "eigen bijdrage",
        r#""gemeente""#,
        r#""zorgverzekeraar""#,
    ));
    env.new_note(&paid_by(
        "Eigen bijdrage.",
        r#""gemeente""#,
        r#""zorgverzekeraar", "corporatie""#,
    ));
    env.new_note(&paid_by(
        "eigen bijdrage",
        r#""gemeente", "rijk""#,
        r#""weet_niet""#,
    ));
    env.new_note(&with_rule("toewijzing", "beleidsregel", 5_000));
    let out = env.run(&["bundle", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let counted = |row: &serde_json::Value, key: &str| -> Vec<(String, u64)> {
        row[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["key"].as_str().unwrap().to_string(),
                    c["cases"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let row = &v["rules"][0];
    assert_eq!(row["cases"], 3, "{v}");
    let pairs = |p: &[(&str, u64)]| -> Vec<(String, u64)> {
        p.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    };
    assert_eq!(
        counted(row, "payers"),
        pairs(&[("gemeente", 3), ("rijk", 1)])
    );
    assert_eq!(
        counted(row, "savers"),
        pairs(&[("zorgverzekeraar", 2), ("corporatie", 1), ("weet_niet", 1)])
    );
    assert_eq!(row["savers"][0]["name"], "zorgverzekeraar");
    assert_eq!(v["rules"][1]["payers"], serde_json::json!([]));

    let text = stdout(&env.run(&["bundle"]));
    assert!(
        text.contains("Wie betaalt en wie bespaart, per regel"),
        "{text}"
    );
    assert!(text.contains("gemeente (3), Rijk (1)"), "{text}");
    assert!(
        text.contains("zorgverzekeraar (2), woningcorporatie (1),"),
        "{text}"
    );
    assert!(text.contains("telt hier niet mee"), "{text}");
    let md = stdout(&env.run(&["bundle", "--format", "markdown"]));
    assert!(
        md.contains("## Wie betaalt en wie bespaart, per regel"),
        "{md}"
    );
    assert!(md.contains("| gemeente (3), Rijk (1) |"), "{md}");
    let en = stdout(&env.run(&["--lang", "en", "bundle"]));
    assert!(en.contains("Who pays and who saves, per rule"), "{en}");
    assert!(en.contains("municipality (3), central"), "{en}");
    let csv = stdout(&env.run(&["bundle", "--format", "csv"]));
    assert!(csv.contains(",Wie betaalt,Wie bespaart\r\n"), "{csv}");
    assert!(
        csv.contains(",\"gemeente (3), Rijk (1)\",\"zorgverzekeraar (2), woningcorporatie (1), weet ik nog niet (1)\"\r\n"),
        "{csv}"
    );

    // The anonymous export carries them: its bundle says the same.
    let file = env.home.path().join("anoniem.json");
    let out = env.run(&["export", "--all", "--anoniem", "-o", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let exported = std::fs::read_to_string(&file).unwrap();
    assert!(
        exported.starts_with("{\"format\":\"driehoek-anoniem\",\"version\":2,"),
        "{exported}"
    );
    assert!(
        exported.contains("\"payers\":[\"gemeente\",\"rijk\"]"),
        "{exported}"
    );
    let from = env.run(&[
        "bundle",
        "--format",
        "json",
        "--from",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&from), 0, "{}", stderr(&from));
    let from: serde_json::Value = serde_json::from_str(&stdout(&from)).unwrap();
    assert_eq!(from["rules"], v["rules"]);
    let csv_from = stdout(&env.run(&[
        "bundle",
        "--format",
        "csv",
        "--from",
        file.to_str().unwrap(),
    ]));
    assert_eq!(csv_from, csv);
}
