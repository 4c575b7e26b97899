use std::collections::HashMap;

use super::*;
use crate::domain::problem::Problems;

fn keys(lexicon: &Lexicon, text: &str) -> Vec<String> {
    lexicon.find(text).into_iter().map(|h| h.key).collect()
}

#[test]
fn the_embedded_lexicon_is_complete() {
    let lexicon = Lexicon::embedded();
    assert!(lexicon.len() >= 40, "only {} labels", lexicon.len());
    assert!(!lexicon.is_empty());
    for label in lexicon.labels() {
        assert!(!label.phrases_nl.is_empty(), "{}: no nl phrase", label.key);
        assert!(!label.phrases_en.is_empty(), "{}: no en phrase", label.key);
        for lang in [Lang::Nl, Lang::En] {
            let q = lexicon.question(&label.key, lang).unwrap();
            assert!(
                !q.trim().is_empty(),
                "{}: no {} question",
                label.key,
                lang.code()
            );
            assert!(q.ends_with('?') || q.ends_with('.'), "{}: {q}", label.key);
        }
    }
}

#[test]
fn every_embedded_phrase_finds_its_own_label() {
    let lexicon = Lexicon::embedded();
    for label in lexicon.labels() {
        for phrase in phrases(label) {
            // An official term is a label in a labelling frame only.
            let frame = if label.official.contains(phrase) {
                "gewoon "
            } else {
                ""
            };
            let text = format!("Ik schreef: {frame}{phrase}.");
            let hits = lexicon.find(&text);
            assert_eq!(hits.len(), 1, "{phrase}: {hits:?}");
            assert_eq!(hits[0].key, label.key, "{phrase}");
            assert_eq!(hits[0].text, *phrase);
        }
    }
}

/// (text, label, the words found): each text holds one label.
const FINDS: &[(&str, &str, &str)] = &[
    ("Hij is een echte zorgmijder.", "zorgmijder", "zorgmijder"),
    (
        "Het zijn zorgmijders, zegt de wijkagent.",
        "zorgmijder",
        "zorgmijders",
    ),
    ("Een zorgmijdende man van 50.", "zorgmijder", "zorgmijdende"),
    (
        "Het is een multiprobleemgezin",
        "multiprobleemgezin",
        "multiprobleemgezin",
    ),
    (
        "een multi-probleemgezin in Oost",
        "multiprobleemgezin",
        "multi-probleemgezin",
    ),
    (
        "Ze is niet gemotiveerd",
        "niet_gemotiveerd",
        "niet gemotiveerd",
    ),
    ("NIET GEMOTIVEERD", "niet_gemotiveerd", "NIET GEMOTIVEERD"),
    (
        "hij is niet\n gemotiveerd",
        "niet_gemotiveerd",
        "niet\n gemotiveerd",
    ),
    (
        "niet\tgemotiveerde ouders",
        "niet_gemotiveerd",
        "niet\tgemotiveerde",
    ),
    (
        "He is a difficult client.",
        "lastige_client",
        "difficult client",
    ),
    ("wat een rotgemeente", "rotgemeente", "wat een rotgemeente"),
    (
        "Wat een rot gemeente!",
        "rotgemeente",
        "Wat een rot gemeente",
    ),
    ("een lastige cliënt", "lastige_client", "lastige cliënt"),
    ("een LASTIGE CLIËNT", "lastige_client", "LASTIGE CLIËNT"),
    ("een lastige client", "lastige_client", "lastige client"),
    (
        "lastige of vervelende client",
        "lastige_client",
        "vervelende client",
    ),
    ("Zij is non-compliant.", "non_compliant", "non-compliant"),
    ("noncompliance again", "non_compliant", "noncompliance"),
    ("a care avoider", "zorgmijder", "care avoider"),
    (
        "a multi-problem family",
        "multiprobleemgezin",
        "multi-problem family",
    ),
    (
        "they are hard to reach",
        "moeilijk_bereikbaar",
        "hard to reach",
    ),
    ("a frequent flyer at the GP", "draaideur", "frequent flyer"),
    (
        "treatment-resistant, they say",
        "therapieresistent",
        "treatment-resistant",
    ),
    ("hij werd agressief", "agressief", "agressief"),
    ("een agressieve reactie", "agressief", "agressieve"),
    (
        "Hij heeft geen ziekte-inzicht.",
        "geen_ziekte_inzicht",
        "geen ziekte-inzicht",
    ),
    (
        "Ze heeft het aan zichzelf te danken",
        "eigen_schuld",
        "heeft het aan zichzelf te danken",
    ),
    (
        "Ach, die werken toch niet mee.",
        "die_instanties",
        "die werken toch niet mee",
    ),
    (
        "De gemeente werkt nooit mee",
        "gemeente_werkt_niet_mee",
        "De gemeente werkt nooit mee",
    ),
    (
        "Het systeem wil niet.",
        "het_systeem",
        "Het systeem wil niet",
    ),
    ("een draaideurcliënt", "draaideur", "draaideurcliënt"),
    (
        "probleemjongeren op het plein",
        "probleemjongere",
        "probleemjongeren",
    ),
    ("Ik vind hem manipulatief", "manipulatief", "manipulatief"),
    ("Zij is zo’n type", "dat_soort_mensen", "zo’n type"),
    ("(zorgmijder)", "zorgmijder", "zorgmijder"),
    ("«kansloos»", "kansloos", "kansloos"),
    ("zorgmijder-achtig gedrag", "zorgmijder", "zorgmijder"),
    // Issue 10: still labels, in running sentences.
    (
        "Ze is gewoon laaggeletterd, daar valt niks aan te doen.",
        "laaggeletterd",
        "laaggeletterd",
    ),
    (
        "Weer zo'n laaggeletterde die de brief niet opent.",
        "laaggeletterd",
        "laaggeletterde",
    ),
    ("Hij is een analfabeet.", "laaggeletterd", "analfabeet"),
    (
        "De deurwaarder vond hem agressief.",
        "agressief",
        "agressief",
    ),
    (
        "Moeder werd agressief tegen de deurwaarder.",
        "agressief",
        "agressief",
    ),
    (
        "De zoon van de deurwaarder is agressief.",
        "agressief",
        "agressief",
    ),
    (
        "Hij is niet alleen agressief maar ook dreigend.",
        "agressief",
        "agressief",
    ),
    (
        "Zij is geen zorgmijder, maar wel manipulatief.",
        "manipulatief",
        "manipulatief",
    ),
    (
        "Een agressieve moeder, zegt de school.",
        "agressief",
        "agressieve",
    ),
    (
        "Hij werkt niet mee, dat is duidelijk.",
        "onwillig",
        "werkt niet mee",
    ),
    (
        "De gemeente werkt niet mee.",
        "gemeente_werkt_niet_mee",
        "De gemeente werkt niet mee",
    ),
    (
        "Ach, die werken toch niet mee.",
        "die_instanties",
        "die werken toch niet mee",
    ),
    (
        "De gemeente zit vol bureaucraten.",
        "bureaucraten",
        "bureaucraten",
    ),
    (
        "Het is een zorgmijder, is het niet?",
        "zorgmijder",
        "zorgmijder",
    ),
    (
        "The mother is aggressive towards the bailiff.",
        "agressief",
        "aggressive",
    ),
    ("She is just a care avoider.", "zorgmijder", "care avoider"),
    ("He is not motivated.", "niet_gemotiveerd", "not motivated"),
];

#[test]
fn finds_labels() {
    let lexicon = Lexicon::embedded();
    for &(text, key, found) in FINDS {
        let hits = lexicon.find(text);
        assert_eq!(hits.len(), 1, "{text:?}: {hits:?}");
        assert_eq!(hits[0].key, key, "{text:?}");
        assert_eq!(hits[0].text, found, "{text:?}");
        assert_eq!(&text[hits[0].start..hits[0].end], found, "{text:?}");
    }
}

#[test]
fn leaves_ordinary_text_alone() {
    let lexicon = Lexicon::embedded();
    let table = [
        "Hij is gemotiveerd.",
        "gemotiveerde ouders",
        "Brief van de belastingdienst.",
        "Het is een lastige vraag.",
        "Het is lastig om de post te openen.",
        "Ze wil de zorg mijden tot na de zomer.",
        "agressiviteit",
        "zorgmijderschap",
        "multiprobleemgezinsaanpak",
        "De cliënt wil zelf de schulden aflossen.",
        "Moeder zorgt voor drie kinderen; twee hebben kinderdementie.",
        "Zij heeft drie tassen met ongeopende post.",
        "We hebben de huur afgesproken met de woningcorporatie.",
        "Het hangt af van de gemeente.",
        "De gemeente werkt mee.",
        "Hij is gemotiveerd, niet gedwongen.",
        "She is motivated and clear about what she wants.",
        "The client asked for a different letter.",
        "Het is afhankelijk van de uitkomst.",
        "Hij heeft een laptop en een fiets.",
        "een lastigheid",
        "Wij hebben de daklozenopvang gebeld.",
        "Het initiatief groeide van 4 naar 170 mensen.",
        "",
    ];
    for text in table {
        assert_eq!(lexicon.find(text), vec![], "{text:?}");
    }
}

#[test]
fn the_longest_of_overlapping_hits_wins() {
    let lexicon = Lexicon::embedded();
    // A longer phrase of another label that starts earlier...
    assert_eq!(
        keys(&lexicon, "Hij is een zorgwekkende zorgmijder."),
        ["zorgwekkende_zorgmijder"]
    );
    assert_eq!(
        keys(&lexicon, "de gemeente werkt niet mee"),
        ["gemeente_werkt_niet_mee"]
    );
    assert_eq!(
        keys(&lexicon, "a severe care avoider"),
        ["zorgwekkende_zorgmijder"]
    );
    // ...and hits next to each other all stay, sorted by start.
    let hits = lexicon.find("zorgmijder zorgmijder, niet gemotiveerd");
    let spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    assert_eq!(spans, [(0, 10), (11, 21), (23, 39)]);

    // A longer phrase that starts later beats a shorter one before it.
    let lexicon = parse(
        r#"format = 1
[[label]]
key = "short"
nl = ["aa bb"]
question = { nl = "k?", en = "s?" }
[[label]]
key = "long"
nl = ["bb cc dd"]
question = { nl = "l?", en = "l?" }
"#,
    )
    .unwrap();
    let hits = lexicon.find("aa bb cc dd");
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].key.as_str(), hits[0].start), ("long", 3));
}

#[test]
fn a_shorter_phrase_matches_where_a_longer_one_is_not_whole() {
    let lexicon = parse(
        r#"format = 1
[[label]]
key = "x"
nl = ["niet gemotiveerd", "niet gemotiveerde"]
question = { nl = "?", en = "?" }
"#,
    )
    .unwrap();
    assert_eq!(lexicon.find("niet gemotiveerdere")[..], []);
    assert_eq!(
        lexicon.find("niet gemotiveerd.")[0].text,
        "niet gemotiveerd"
    );
    assert_eq!(
        lexicon.find("niet gemotiveerde.")[0].text,
        "niet gemotiveerde"
    );
}

fn parse(src: &str) -> Result<Lexicon, Problems> {
    Lexicon::parse("extra.toml", src, Lang::En)
}

fn places(src: &str) -> Vec<(usize, usize, String)> {
    parse(src)
        .unwrap_err()
        .list
        .into_iter()
        .map(|p| (p.line, p.col, p.message))
        .collect()
}

#[test]
fn an_unknown_field_is_placed() {
    let found = places(
        r#"format = 1
[[label]]
key = "a"
nl = ["x"]
colour = "red"
question = { nl = "?", en = "?" }
"#,
    );
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].0, found[0].1), (5, 1), "{found:?}");
    assert!(found[0].2.contains("colour"), "{found:?}");
}

#[test]
fn a_missing_question_is_placed() {
    let found = places(
        r#"format = 1
[[label]]
key = "a"
nl = ["x"]
"#,
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].2.contains("question"), "{found:?}");
    assert!((2..=4).contains(&found[0].0), "{found:?}");
}

#[test]
fn a_half_question_is_placed() {
    let found = places(
        r#"format = 1
[[label]]
key = "a"
nl = ["x"]
question = { nl = "Wat wil iemand?", en = " " }
"#,
    );
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].0, found[0].1), (5, 12), "{found:?}");
}

#[test]
fn a_duplicate_key_is_placed() {
    let err = parse(
        r#"format = 1
[[label]]
key = "a"
nl = ["x"]
question = { nl = "?", en = "?" }
[[label]]
key = "a"
nl = ["y"]
question = { nl = "?", en = "?" }
"#,
    )
    .unwrap_err();
    assert_eq!(err.list.len(), 1);
    assert_eq!(
        err.list[0].to_string(),
        "extra.toml:7:7: [a] label 'a' appears twice"
    );
    assert_eq!(err.summary, "1 problem in extra.toml");
}

#[test]
fn a_wrong_format_is_placed() {
    let found = places(
        r#"format = 2
[[label]]
key = "a"
nl = ["x"]
question = { nl = "?", en = "?" }
"#,
    );
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].0, found[0].1), (1, 10), "{found:?}");
    assert!(found[0].2.contains("format 2"), "{found:?}");
}

#[test]
fn bad_keys_and_phrases_are_all_placed() {
    let found = places(
        r#"format = 1
[[label]]
key = "Niet-Gemotiveerd"
nl = ["ok", "", "lastig!"]
en = ["ok"]
question = { nl = "?", en = "?" }
[[label]]
key = "b"
nl = ["OK"]
en = []
question = { nl = "?", en = "?" }
[[label]]
key = "c"
question = { nl = "?", en = "?" }
"#,
    );
    let at: Vec<(usize, usize)> = found.iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(at, [(3, 7), (4, 13), (4, 17), (9, 7), (13, 7)], "{found:?}");
    assert!(found[0].2.contains("a-z"));
    assert!(found[1].2.contains("empty"));
    assert!(found[2].2.contains("letter or digit"));
    assert!(found[3].2.contains("already in label 'Niet-Gemotiveerd'"));
    assert!(found[4].2.contains("at least one phrase"));
}

#[test]
fn a_phrase_twice_in_one_list_is_a_problem_but_not_in_both_languages() {
    let found = places(
        r#"format = 1
[[label]]
key = "a"
nl = ["non-compliant", "Non-Compliant"]
en = ["non-compliant"]
question = { nl = "?", en = "?" }
"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (4, 24));
    assert!(found[0].2.contains("twice in this label"));
}

#[test]
fn a_syntax_error_is_placed() {
    let found = places("format = 1\n[[label]\n");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, 2, "{found:?}");
}

#[test]
fn an_empty_lexicon_is_allowed() {
    let lexicon = parse("format = 1\n").unwrap();
    assert!(lexicon.is_empty());
    assert_eq!(lexicon.find("zorgmijder"), vec![]);
}

#[test]
fn extend_replaces_a_key_and_adds_new_ones() {
    let mut lexicon = Lexicon::embedded();
    let before = lexicon.len();
    let extra = parse(
        r#"format = 1
[[label]]
key = "zorgmijder"
nl = ["mijdt de zorg"]
question = { nl = "Eigen vraag?", en = "Own question?" }
[[label]]
key = "eigen_label"
nl = ["multiprobleemgezin", "hopeloos"]
question = { nl = "Nieuw?", en = "New?" }
"#,
    )
    .unwrap();
    lexicon.extend(extra);
    assert_eq!(lexicon.len(), before + 1);
    assert_eq!(
        lexicon.question("zorgmijder", Lang::Nl),
        Some("Eigen vraag?")
    );
    assert_eq!(
        lexicon.question("zorgmijder", Lang::En),
        Some("Own question?")
    );
    // The replaced label has only the coach's phrases now.
    assert_eq!(lexicon.find("een zorgmijder"), vec![]);
    assert_eq!(keys(&lexicon, "hij mijdt de zorg"), ["zorgmijder"]);
    // A phrase the coach claimed moved to the coach's label; the rest of
    // the built-in label still matches.
    assert_eq!(keys(&lexicon, "een multiprobleemgezin"), ["eigen_label"]);
    assert_eq!(keys(&lexicon, "een probleemgezin"), ["multiprobleemgezin"]);
    assert_eq!(keys(&lexicon, "hopeloos"), ["eigen_label"]);
    assert_eq!(lexicon.question("eigen_label", Lang::En), Some("New?"));
    assert_eq!(lexicon.question("bestaat_niet", Lang::Nl), None);
}

#[test]
fn a_label_left_without_phrases_keeps_its_question() {
    let mut lexicon = parse(
        r#"format = 1
[[label]]
key = "a"
nl = ["woord"]
question = { nl = "A?", en = "A?" }
"#,
    )
    .unwrap();
    lexicon.extend(
        parse(
            r#"format = 1
[[label]]
key = "b"
en = ["WOORD"]
question = { nl = "B?", en = "B?" }
"#,
        )
        .unwrap(),
    );
    assert_eq!(keys(&lexicon, "een woord"), ["b"]);
    assert_eq!(lexicon.question("a", Lang::Nl), Some("A?"));
}

#[test]
fn offsets_are_bytes_and_the_text_is_as_written() {
    let lexicon = Lexicon::embedded();
    let text = "Één cliënt, één Zorgmijder.";
    let hits = lexicon.find(text);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].text, "Zorgmijder");
    assert_eq!(&text[hits[0].start..hits[0].end], "Zorgmijder");
}

#[test]
fn finds_several_labels_in_one_text() {
    let lexicon = Lexicon::embedded();
    let text = "Een zorgwekkende zorgmijder uit een multiprobleemgezin;\nde gemeente werkt niet mee. Wat een rotgemeente.";
    assert_eq!(
        keys(&lexicon, text),
        [
            "zorgwekkende_zorgmijder",
            "multiprobleemgezin",
            "gemeente_werkt_niet_mee",
            "rotgemeente"
        ]
    );
}

// ------------------------------------------------------------ issue 10: when a phrase is not a label

/// No text holds a label.
fn assert_no_label(texts: &[&str]) {
    let lexicon = Lexicon::embedded();
    for text in texts {
        assert_eq!(lexicon.find(text), vec![], "{text:?}");
    }
}

#[test]
fn a_negated_phrase_is_no_label() {
    assert_no_label(&[
        "Een zorgmijder is ze niet.",
        "Hij is niet ongemotiveerd, hij is moe.",
        "Ze is zeker geen zorgmijder.",
        "Zij is geen echte zorgmijder, ze wil alleen geen bemoeienis.",
        "Ik vind hem niet manipulatief.",
        "Agressief was hij nooit.",
        "Ik denk niet dat hij een zorgmijder is.",
        "Ik weet niet of hij weigerachtig is.",
        "Hij is allesbehalve werkschuw.",
        "Ze is verre van hysterisch.",
        "Agressief is niet het goede woord.",
        "She is not a care avoider.",
        "He isn't lazy at all.",
        "Lazy he is not.",
        "She was never aggressive with us.",
        "They are far from unmotivated.",
    ]);
}

#[test]
fn a_label_about_no_person_is_no_label() {
    assert_no_label(&[
        "De deurwaarder treedt agressief op.",
        "Het incassobureau reageerde vijandig op de regeling.",
        "Hij zat de hele middag in een luie stoel.",
        "Het was een luie zondag.",
        "Agressieve incassobureaus maken het erger.",
        "Het agressieve optreden van de deurwaarder schrok haar af.",
        "De gemeente was onwillig om de regel los te laten.",
        "Die hond is agressief.",
        "The bailiff was aggressive on the phone.",
        "The debt collector acted hostile.",
        "She sat in a lazy chair all afternoon.",
    ]);
}

#[test]
fn an_official_term_used_neutrally_is_no_label() {
    assert_no_label(&[
        "Mevrouw is laaggeletterd; we lezen de brieven samen.",
        "Het Taalhuis helpt laaggeletterde inwoners.",
        "Een cursus voor laaggeletterden.",
        "Hij is zwakbegaafd en heeft een bewindvoerder.",
        "Nazorg voor ex-gedetineerden loopt via de gemeente.",
        "She has low literacy, so we read the letter aloud.",
    ]);
}

#[test]
fn about_and_official_are_read_and_checked() {
    let lexicon = parse(
        r#"format = 1
[[label]]
key = "sys"
nl = ["lui"]
question = { nl = "?", en = "?" }
about = "system"
[[label]]
key = "off"
nl = ["dakloos"]
question = { nl = "?", en = "?" }
official = ["dakloos"]
"#,
    )
    .unwrap();
    assert_eq!(keys(&lexicon, "de deurwaarder is lui"), ["sys"]);
    assert_eq!(keys(&lexicon, "hij is dakloos"), Vec::<String>::new());
    assert_eq!(keys(&lexicon, "hij is gewoon dakloos"), ["off"]);
    let found = places(
        r#"format = 1
[[label]]
key = "a"
nl = ["x"]
question = { nl = "?", en = "?" }
official = ["y"]
"#,
    );
    assert_eq!((found[0].0, found[0].1), (6, 13), "{found:?}");
    assert!(found[0].2.contains("'y'"), "{found:?}");
    // In the reader's language, like every other problem.
    let src = "format = 1\n[[label]]\nkey = \"a\"\nnl = [\"x\"]\nquestion = { nl = \"?\", en = \"?\" }\nofficial = [\"y\"]\n";
    let err = Lexicon::parse("extra.toml", src, Lang::Nl).unwrap_err();
    assert!(
        err.to_string()
            .contains("officiële term 'y' is geen van de uitdrukkingen van dit label"),
        "{err}"
    );
    let found = places(
        r#"format = 1
[[label]]
key = "a"
nl = ["x"]
question = { nl = "?", en = "?" }
about = "everyone"
"#,
    );
    assert_eq!(found[0].0, 6, "{found:?}");
}

/// A lexicon of `labels` labels with `per` phrases each.
fn generated(labels: usize, per: usize) -> String {
    let mut src = String::from("format = 1\n");
    for l in 0..labels {
        let phrases: Vec<String> = (0..per).map(|p| format!("\"w{l}x{p}\"")).collect();
        src.push_str(&format!(
            "[[label]]\nkey = \"l{l}\"\nnl = [{}]\nquestion = {{ nl = \"?\", en = \"?\" }}\n",
            phrases.join(", ")
        ));
    }
    src
}

#[test]
fn a_lexicon_at_the_limits_is_read() {
    let src = generated(MAX_LABELS, MAX_PHRASES / MAX_LABELS);
    assert!(src.len() <= MAX_LEXICON_BYTES);
    let mut lexicon = Lexicon::embedded();
    lexicon.extend(parse(&src).unwrap());
    assert_eq!(
        keys(&lexicon, "een w999x1 en een zorgmijder"),
        ["l999", "zorgmijder"]
    );
}

/// Each limit holds at exactly one past it, and a lexicon at it is read.
#[test]
fn each_lexicon_limit_holds_at_exactly_one_past_it() {
    let with_phrase = |phrase: &str| {
        let src = format!(
            "format = 1\n[[label]]\nkey = \"a\"\nnl = [\"{phrase}\"]\nquestion = {{ nl = \"?\", en = \"?\" }}\n"
        );
        Lexicon::parse("lang.toml", &src, Lang::Nl)
    };
    let longest = format!("{} ë", "é".repeat(MAX_PHRASE_CHARS - 2));
    assert_eq!(
        with_phrase(&longest)
            .unwrap()
            .find(&format!("a {longest}."))
            .len(),
        1
    );
    let err = with_phrase(&format!("{longest}k")).unwrap_err();
    assert_eq!(err.list.len(), 1);
    assert_eq!(
        err.list[0].to_string(),
        "lang.toml:4:7: [a] een uitdrukking heeft hoogstens 100 tekens; deze heeft er 101"
    );

    let base = generated(1, 1);
    let padded = |size: usize| format!("{base}#{}\n", "x".repeat(size - base.len() - 2));
    assert_eq!(padded(MAX_LEXICON_BYTES).len(), MAX_LEXICON_BYTES);
    assert!(parse(&padded(MAX_LEXICON_BYTES)).is_ok());
    let err = parse(&padded(MAX_LEXICON_BYTES + 1)).unwrap_err();
    assert!(err.to_string().contains("is 257 KiB"), "{err}");

    assert!(parse(&generated(MAX_LABELS, 1)).is_ok());
    let err = parse(&generated(MAX_LABELS + 1, 1)).unwrap_err();
    assert!(err.to_string().contains("1001 labels"), "{err}");

    assert!(parse(&generated(2, MAX_PHRASES / 2)).is_ok());
    let err = parse(&generated(3, (MAX_PHRASES + 1) / 3)).unwrap_err();
    assert!(err.to_string().contains("2001 phrases"), "{err}");
}

#[test]
fn a_lexicon_over_the_limits_is_refused_in_the_readers_language() {
    let refused = |src: &str, lang: Lang| {
        let err = Lexicon::parse("/cfg/lexicon.toml", src, lang).unwrap_err();
        assert_eq!(err.list.len(), 1);
        err.list[0].to_string()
    };
    let too_many = generated(MAX_LABELS + 1, 1);
    assert_eq!(
        refused(&too_many, Lang::Nl),
        "/cfg/lexicon.toml:1:1: het lexicon /cfg/lexicon.toml heeft 1001 labels met samen 1001 zinnen; een lexicon mag hoogstens 1000 labels en 2000 zinnen hebben. Maak het kleiner."
    );
    assert!(refused(&too_many, Lang::En).contains("has 1001 labels with 1001 phrases in all; a lexicon may have at most 1000 labels and 2000 phrases"));
    let too_many_phrases = generated(10, MAX_PHRASES / 10 + 1);
    assert!(refused(&too_many_phrases, Lang::Nl).contains("2010 zinnen"));
    let too_large = format!("format = 1\n# {}\n", "x".repeat(MAX_LEXICON_BYTES));
    assert_eq!(
        refused(&too_large, Lang::Nl),
        "/cfg/lexicon.toml:1:1: het lexicon /cfg/lexicon.toml is 257 KiB; een lexicon mag hoogstens 256 KiB zijn. Maak het kleiner."
    );
    assert!(refused(&too_large, Lang::En).contains("is 257 KiB; a lexicon may be at most 256 KiB"));
}

// ------------------------------------------------------------ issue 11: the matcher is fast and means the same

/// The form phrases were compared in before: lower case, single spaces,
/// one kind of apostrophe.
fn lowercased(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

/// The matcher as it was (one big case-insensitive regex) over the
/// built-in lexicon, kept here to check that the fast one finds exactly
/// what it found: the regex, and the label key of each phrase.
static REGEX: std::sync::LazyLock<(regex::Regex, HashMap<String, String>)> =
    std::sync::LazyLock::new(|| {
        let lexicon = Lexicon::embedded();
        let mut seen = HashSet::new();
        let mut all: Vec<(usize, &String)> = Vec::new();
        for (i, label) in lexicon.labels().iter().enumerate() {
            for p in phrases(label) {
                if seen.insert(lowercased(p)) {
                    all.push((i, p));
                }
            }
        }
        all.sort_by_key(|&(i, p)| (std::cmp::Reverse(p.chars().count()), i));
        let owners = all
            .iter()
            .map(|&(i, p)| (lowercased(p), lexicon.labels()[i].key.clone()))
            .collect();
        let alts: Vec<String> = all
            .iter()
            .map(|(_, p)| {
                let words: Vec<String> = p
                    .split_whitespace()
                    .map(|w| regex::escape(w).replace(['\'', '’'], "['’]"))
                    .collect();
                words.join(r"\s+")
            })
            .collect();
        let re = regex::RegexBuilder::new(&format!(r"(?:^|\W)({})(?:$|\W)", alts.join("|")))
            .case_insensitive(true)
            .size_limit(1 << 30)
            .build()
            .unwrap();
        (re, owners)
    });

/// What the regex took as candidates, before the context was read.
fn regex_candidates(text: &str) -> Vec<(String, usize, usize)> {
    let (re, owners) = &*REGEX;
    let mut found = Vec::new();
    let mut groups = re.capture_locations();
    let mut pos = 0;
    while re.captures_read_at(&mut groups, text, pos).is_some() {
        let (start, end) = groups.get(1).unwrap();
        // As before: a match whose text normalises differently is lost.
        if let Some(key) = owners.get(&lowercased(&text[start..end])) {
            found.push((key.clone(), start, end));
        }
        pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// What the fast matcher takes as candidates, before the context is read.
fn candidates(lexicon: &Lexicon, text: &str) -> Vec<(String, usize, usize)> {
    lexicon
        .candidates(text)
        .into_iter()
        .map(|(id, start, end)| {
            let label = &lexicon.labels[lexicon.patterns[id].label];
            (label.key.clone(), start, end)
        })
        .collect()
}

static EMBEDDED_LEXICON: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::embedded);

/// Pieces of text a worker writes: the built-in phrases, bent (case,
/// spacing, apostrophes, glued to other words), and words around them.
fn piece() -> impl Strategy<Value = String> {
    let all: Vec<String> = EMBEDDED_LEXICON
        .labels()
        .iter()
        .flat_map(phrases)
        .cloned()
        .collect();
    prop_oneof![
        4 => (proptest::sample::select(all), 0u8..6).prop_map(|(p, bend)| match bend {
            0 => p.to_uppercase(),
            1 => p.replace(' ', " \n\t"),
            2 => p.replace('\'', "’"),
            3 => format!("{p}s"),
            4 => format!("on{p}"),
            _ => p,
        }),
        2 => proptest::sample::select(vec![
            " ", "  ", "\n", ". ", ", ", "-", "_", "'", "’", "(", ")", "\u{a0}", "niet ", "geen ",
            "de deurwaarder ", "gewoon ", "hij is ", "K", "ẞ", "İ", "é", "\u{301}", "²",
        ])
        .prop_map(str::to_string),
        1 => "[a-zA-Zëé ]{0,8}",
    ]
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// The fast matcher takes exactly the places the regex took, and the
    /// same phrase at each, whatever the text.
    #[test]
    fn the_fast_matcher_finds_what_the_regex_found(pieces in proptest::collection::vec(piece(), 0..12)) {
        let text: String = pieces.concat();
        prop_assert_eq!(candidates(&EMBEDDED_LEXICON, &text), regex_candidates(&text), "{:?}", text);
        // Of overlapping hits the longest stays, as when every kept hit
        // was compared with every candidate.
        let lexicon = &*EMBEDDED_LEXICON;
        let mut each: Vec<(usize, usize, usize)> = lexicon
            .candidates(&text)
            .into_iter()
            .filter(|&(id, start, end)| lexicon.applies(&lexicon.patterns[id], &text, start, end, false))
            .collect();
        each.sort_by_key(|&(_, start, end)| (std::cmp::Reverse(end - start), start));
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for c in each {
            if kept.iter().all(|k| c.2 <= k.1 || k.2 <= c.1) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|&(_, start, _)| start);
        let spans: Vec<(usize, usize)> = lexicon.find(&text).iter().map(|h| (h.start, h.end)).collect();
        let expected: Vec<(usize, usize)> = kept.iter().map(|&(_, start, end)| (start, end)).collect();
        prop_assert_eq!(spans, expected, "{:?}", text);
    }
}
