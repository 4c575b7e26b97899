use super::*;
use crate::domain::answer::Answer;
use crate::domain::problem::Problems;

fn default_set() -> QuestionSet {
    Bank::embedded().get(DEFAULT_SET).unwrap().clone()
}

#[test]
fn the_default_set_loads_and_covers_the_method() {
    let set = default_set();
    assert!(
        set.roles.verdict_law.is_some()
            && set.roles.verdict_money.is_some()
            && set.roles.verdict_self.is_some()
    );
    assert_eq!(set.contrasts.len(), 6);
    assert!(set.roles.cost_current.is_some() && set.roles.scope.is_some());
    for q in &set.questions {
        assert!(
            !q.prompt.nl.is_empty() && !q.prompt.en.is_empty(),
            "{}",
            q.id
        );
        assert!(q.help.is_some(), "{} has no help", q.id);
    }
}

/// A set of `questions` choice questions with `choices` choices each.
fn big_set(questions: usize, choices: usize) -> String {
    let mut src = String::from(
        "format = 1\nid = \"groot\"\nversion = 1\nname = { nl = \"g\", en = \"g\" }\n\n[[sections]]\nkey = \"a\"\ntitle = { nl = \"A\", en = \"A\" }\n",
    );
    for q in 0..questions {
        src.push_str(&format!(
            "\n[[sections.questions]]\nkey = \"q{q}\"\nkind = \"choice\"\nprompt = {{ nl = \"Vraag {q}?\", en = \"Question {q}?\" }}\nchoices = ["
        ));
        for c in 0..choices {
            src.push_str(&format!(
                "{{ value = \"c{c}\", label = {{ nl = \"k{c}\", en = \"c{c}\" }} }},"
            ));
        }
        src.push_str("]\n");
    }
    src
}

/// Every entry limit holds at exactly one past it, and a set at every
/// limit at once loads.
#[test]
fn each_entry_limit_holds_at_exactly_one_past_it() {
    let with = |sections: usize, contrasts: usize, extra_choice: bool| {
        let mut src = big_set(MAX_QUESTIONS, MAX_ALL_CHOICES / MAX_QUESTIONS);
        if extra_choice {
            src = src.replacen(
                "choices = [",
                "choices = [{ value = \"extra\", label = { nl = \"x\", en = \"x\" } },",
                1,
            );
        }
        src.extend((0..contrasts).map(|k| format!(
            "\n[[contrasts]]\nkey = \"k{k}\"\nrational = {{ nl = \"r\", en = \"r\" }}\nrelational = {{ nl = \"r\", en = \"r\" }}\nnow = \"a.q0\"\ndesired = \"a.q1\"\n"
        )));
        src.extend((1..sections).map(|k| {
            format!("\n[[sections]]\nkey = \"s{k}\"\ntitle = {{ nl = \"S\", en = \"S\" }}\n")
        }));
        parse_set("grens.toml", &src, Lang::Nl)
    };
    let refused = |result: Result<QuestionSet, Problems>| {
        let err = result.expect_err("refused");
        assert_eq!(err.list.len(), 1, "{err}");
        err.to_string()
    };
    assert!(refused(with(MAX_SECTIONS + 1, 0, false)).contains("51"));
    assert!(refused(with(1, MAX_CONTRASTS + 1, false)).contains("51"));
    assert!(refused(with(1, 0, true)).contains("5001"));
    // At every limit no limit is reported (the invented contrasts point
    // at choice questions, which other checks refuse).
    let at_limits = with(MAX_SECTIONS, MAX_CONTRASTS, false).map(|_| ());
    let at_limits = at_limits.map_err(|e| e.to_string());
    assert!(
        !at_limits.as_ref().is_err_and(|e| e.contains("hoogstens")),
        "{at_limits:?}"
    );
}

#[test]
fn sets_past_their_entry_limits_are_refused_before_they_are_read() {
    let err = parse_set("groot.toml", &big_set(MAX_QUESTIONS + 1, 1), Lang::Nl).unwrap_err();
    assert!(
        err.to_string()
            .contains("een vragenlijst heeft hoogstens 500 vragen; deze heeft er 501"),
        "{err}"
    );
    let err = parse_set("keuzes.toml", &big_set(1, MAX_CHOICES + 1), Lang::Nl).unwrap_err();
    assert!(err.to_string().contains("hoogstens 50 keuzes"), "{err}");
    let err = parse_set("alle.toml", &big_set(MAX_QUESTIONS, 11), Lang::Nl).unwrap_err();
    assert!(
        err.to_string().contains("hoogstens 5000 keuzes in totaal"),
        "{err}"
    );
    // At the limit it loads; most of the time is the TOML parser, in a
    // debug build.
    let at_limit = big_set(MAX_QUESTIONS, 10);
    let start = std::time::Instant::now();
    let set = parse_set("grens.toml", &at_limit, Lang::Nl).unwrap();
    assert_eq!(set.questions.len(), MAX_QUESTIONS);
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn every_problem_is_reported_with_its_place() {
    let src = r#"format = 1
id = "test"
version = 1
name = { nl = "t", en = "t" }

[roles]
verdict_law = "a.missing"

[[sections]]
key = "a"
title = { nl = "A", en = "A" }

[[sections.questions]]
key = "keuze"
kind = "choice"
prompt = { nl = "?", en = "?" }

[[sections.questions]]
key = "volg"
kind = "text"
prompt = { nl = "?", en = "?" }
when = { question = "a.later", in = ["x"] }
"#;
    let err = parse_set("test.toml", src, Lang::Nl).unwrap_err();
    let text = err.to_string();
    assert_eq!(err.list.len(), 3, "{text}");
    assert!(
        text.contains("test.toml:7:15: rol verdict_law noemt 'a.missing'"),
        "{text}"
    );
    assert!(
        text.contains(
            "test.toml:14:7: [a.keuze] een vraag van soort choice heeft keuzes (choices) nodig"
        ),
        "{text}"
    );
    assert!(
        text.contains("test.toml:22:21: [a.volg] vervolg op 'a.later'"),
        "{text}"
    );
}

#[test]
fn unknown_keys_and_newer_formats_are_refused() {
    let err = parse_set("x.toml", "format = 1\nid = \"x\"\nversion = 1\nname = { nl = \"x\", en = \"x\" }\ncolour = \"red\"\nsections = []\n", Lang::Nl).unwrap_err();
    assert!(err.to_string().contains("x.toml:5:1"), "{err}");
    let err = parse_set(
        "x.toml",
        "format = 9\nid = \"x\"\nversion = 1\nname = { nl = \"x\", en = \"x\" }\nsections = []\n",
        Lang::Nl,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("vragenlijstformaat 9 wordt niet ondersteund"),
        "{err}"
    );
}

#[test]
fn follow_ups_apply_only_when_called_for() {
    let set = default_set();
    let q = set.question("wet.regel_anders").unwrap();
    let other = Answer::Multi(vec!["wmo2015".into(), "anders".into()]);
    let wmo = Answer::Multi(vec!["wmo2015".into()]);
    assert!(q.applies(|id| (id == "wet.regel").then_some(&other)));
    assert!(!q.applies(|id| (id == "wet.regel").then_some(&wmo)));
    assert!(!q.applies(|_| None));
}

#[test]
fn answers_are_checked_against_the_question() {
    let set = default_set();
    let verdict = set.question("wet.oordeel").unwrap();
    assert_eq!(
        verdict.read(&"nee".into()),
        Ok(Some(Answer::Choice("nee".into())))
    );
    assert!(matches!(
        verdict.read(&"misschien".into()),
        Err(Invalid::NotAChoice { .. })
    ));
    let scale = set.question("contrasten.uniform_nu").unwrap();
    assert_eq!(
        scale.read(&toml::Value::Integer(6)),
        Err(Invalid::Scale { min: 1, max: 5 })
    );
    let discussed = set.question("reflectie.besproken").unwrap();
    assert_eq!(
        discussed.read(&"Nog niet".into()),
        Ok(Some(Answer::Choice("nog_niet".into())))
    );
    let title = set.question("casus.titel").unwrap();
    assert_eq!(title.read(&"twee\nregels".into()), Err(Invalid::OneLine));
    for steering in [
        "a\rb",
        "a\tb",
        "\x1b]52;c;eA==\x07",
        "a\u{202E}b",
        "\u{9b}2J",
    ] {
        assert_eq!(
            title.read(&steering.into()),
            Err(Invalid::Control),
            "{steering:?}"
        );
    }
}

#[test]
fn the_short_walk_is_the_twenty_four_questions_of_set_3() {
    let set = default_set();
    assert_eq!(set.version, 3);
    let short: Vec<&str> = set.walked(Route::Short).map(|q| q.id.as_str()).collect();
    assert_eq!(
        short,
        [
            "casus.titel",
            "casus.eigen_woorden",
            "casus.geprobeerd",
            "casus.oplossing",
            "casus.persoon_over_voorstel",
            "casus.termijn",
            "casus.termijn_tot",
            "wet.oordeel",
            "wet.regel",
            "wet.blokkade",
            "wet.regel_concreet",
            "wet.ruimte",
            "wet.ruimte_route",
            "middelen.oordeel",
            "middelen.kosten_nu",
            "middelen.kosten_voorstel",
            "zelfregie.oordeel",
            "zelfregie.logica",
            "contrasten.vastzittend",
            "reflectie.ervaringsdeskundige",
            "reflectie.besproken",
            "vervolg.teamvraag",
            "vervolg.schaal",
            "vervolg.signaal",
        ]
    );
    assert!(short.len() <= 24);
    // The early blocker question is gone from the set, folded into the
    // proposal's prompt.
    assert!(set.question("casus.blokkade").is_none());
    assert!(
        set.question("casus.oplossing")
            .unwrap()
            .prompt
            .nl
            .contains("in de weg")
    );
    // A follow-up marked kort of a full-walk question stays out.
    assert!(!set.in_short(set.question("wet.regel_anders").unwrap()));
}

#[test]
fn the_concrete_rule_is_required_when_the_blocker_is_a_rule_with_a_name() {
    let set = default_set();
    let rule = set.question("wet.regel_concreet").unwrap();
    assert!(!rule.required);
    let blocked_by = |values: &[&str]| {
        let answer = Answer::Multi(values.iter().map(|v| v.to_string()).collect());
        rule.required_given(|id| (id == "wet.blokkade").then_some(&answer))
    };
    for named in [
        "wet",
        "verordening",
        "beleidsregel",
        "werkinstructie",
        "inkoop",
        "andere_organisatie",
    ] {
        assert!(blocked_by(&[named]), "{named}");
        assert!(blocked_by(&["gevoel", named]), "gevoel + {named}");
    }
    for unnamed in [
        "gevoel",
        "gewoonte",
        "loketten",
        "brief",
        "weet_niet",
        "geen",
    ] {
        assert!(!blocked_by(&[unnamed]), "{unnamed}");
    }
    assert!(!rule.required_given(|_| None));
    let answer = Answer::Multi(vec!["gevoel".into(), "werkinstructie".into()]);
    let why = rule
        .required_because(|id| (id == "wet.blokkade").then_some(&answer))
        .unwrap();
    assert_eq!(
        why.say(Lang::Nl),
        "‘Welke regel precies, en van wie?’ is hier nodig, omdat je bij ‘Wat blokkeert hier eigenlijk?’ koos: een werkinstructie."
    );
    assert!(
        why.say(Lang::En)
            .contains("‘Which rule exactly, and whose?’ is needed here")
    );
}

#[test]
fn required_when_and_ahead_are_checked_with_their_place() {
    let head = "format = 1\nid = \"t\"\nversion = 1\nname = { nl = \"t\", en = \"t\" }\n[[sections]]\nkey = \"s\"\ntitle = { nl = \"S\", en = \"S\" }\n";
    let choice = "[[sections.questions]]\nkey = \"k\"\nkind = \"choice\"\nprompt = { nl = \"k\", en = \"k\" }\nchoices = [{ value = \"a\", label = { nl = \"a\", en = \"a\" } }]\n";
    let text = |extra: &str| {
        format!(
            "[[sections.questions]]\nkey = \"t\"\nkind = \"text\"\n{extra}\nprompt = {{ nl = \"t\", en = \"t\" }}\n"
        )
    };
    let ok = format!(
        "{head}{choice}{}",
        text("required_when = { question = \"s.k\", in = [\"a\"] }")
    );
    let set = parse_set("t.toml", &ok, Lang::En).unwrap();
    let t = set.question("s.t").unwrap();
    let a = Answer::Choice("a".into());
    assert!(t.required_given(|_| Some(&a)) && !t.required_given(|_| None));
    // Not a value of the question it looks at; a question after it; ahead
    // on a text.
    for (extra, said) in [
        (
            "required_when = { question = \"s.k\", in = [\"b\"] }",
            "'b' is not a value",
        ),
        (
            "required_when = { question = \"s.later\", in = [\"a\"] }",
            "s.later",
        ),
        ("ahead = true", "ahead applies to a date question only"),
    ] {
        let src = format!("{head}{choice}{}", text(extra));
        let err = parse_set("t.toml", &src, Lang::En).unwrap_err().to_string();
        assert!(
            err.contains(said) && err.contains("t.toml:"),
            "{extra}: {err}"
        );
    }
}

#[test]
fn a_deadline_without_its_year_is_the_next_such_day() {
    let set = default_set();
    let until = set.question("casus.termijn_tot").unwrap();
    assert!(until.ahead);
    let today = jiff::civil::date(2026, 12, 6);
    let read = |q: &Question| {
        q.read_written(&"1-12".into(), today, day::Toward::Past)
            .unwrap()
    };
    assert_eq!(
        read(until),
        Some(Answer::Date(jiff::civil::date(2027, 12, 1)))
    );
}

#[test]
fn walk_and_conditions_are_checked_with_their_place() {
    let src = r#"format = 1
id = "t"
version = 1
name = { nl = "t", en = "t" }

[[sections]]
key = "a"
title = { nl = "A", en = "A" }

[[sections.questions]]
key = "nu"
kind = "scale"
min = 1
max = 5
walk = "snel"
prompt = { nl = "?", en = "?" }

[[sections.questions]]
key = "opm"
kind = "text"
when = { question = "a.nu", apart_from = "a.later", by = 2 }
prompt = { nl = "?", en = "?" }
"#;
    let text = parse_set("t.toml", src, Lang::Nl).unwrap_err().to_string();
    assert!(
        text.contains("t.toml:15:8: [a.nu] walk is \"kort\" of \"volledig\", niet 'snel'"),
        "{text}"
    );
    assert!(
        text.contains("t.toml:21:42: [a.opm] vervolg op 'a.later'"),
        "{text}"
    );
}

#[test]
fn exclusive_choices_stand_alone_and_the_law_may_stay_open_when_allowed() {
    let set = default_set();
    let laws = set.question("wet.regel").unwrap();
    assert_eq!(
        laws.read(&toml::Value::Array(vec!["geen".into(), "wmo2015".into()])),
        Err(Invalid::Exclusive("geen".into()))
    );
    assert!(laws.read(&toml::Value::Array(vec!["geen".into()])).is_ok());
    let ja = Answer::Choice("ja".into());
    let nee = Answer::Choice("nee".into());
    assert!(!laws.required_given(|id| (id == "wet.oordeel").then_some(&ja)));
    assert!(laws.required_given(|id| (id == "wet.oordeel").then_some(&nee)));
    // Set 1's yes/no answer to a question that became ja / nee.
    let room = set.question("wet.ruimte").unwrap();
    assert_eq!(
        room.read(&toml::Value::Boolean(true)),
        Ok(Some(Answer::Choice("ja".into())))
    );
}
