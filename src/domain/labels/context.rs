//! The words around a phrase, and what they say about whether it is used
//! as a label. Word lists in Dutch and English, lower case.

/// How far around a phrase its context is read: enough for "een
/// zorgmijder is ze niet" and "de deurwaarder treedt ... op", and
/// bounded, so that a text full of labels is still read in linear time.
const CONTEXT_BYTES: usize = 160;
const CONTEXT_WORDS: usize = 6;

/// Punctuation that ends a clause: context is read within one.
fn breaks_clause(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '“'
            | '”'
            | '«'
            | '»'
            | '\n'
            | '–'
            | '—'
    )
}

/// A word as compared: lower case, without surrounding punctuation,
/// one kind of apostrophe ("zo'n", "isn't").
fn word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .to_lowercase()
        .replace('’', "'")
}

/// The words of the clause before `at`, nearest first.
pub fn before(text: &str, at: usize) -> Vec<String> {
    let mut from = at.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let slice = &text[from..at];
    let clause = match slice.char_indices().rev().find(|&(_, c)| breaks_clause(c)) {
        Some((i, c)) => &slice[i + c.len_utf8()..],
        None => slice,
    };
    clause
        .split_whitespace()
        .rev()
        .take(CONTEXT_WORDS)
        .map(word)
        .collect()
}

/// The words of the clause after `at`, nearest first.
pub fn after(text: &str, at: usize) -> Vec<String> {
    let mut to = (at + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let slice = &text[at..to];
    let clause = slice.find(breaks_clause).map_or(slice, |i| &slice[..i]);
    clause
        .split_whitespace()
        .take(CONTEXT_WORDS)
        .map(word)
        .collect()
}

#[rustfmt::skip]
const NEGATIONS: &[&str] = &[
    "niet", "geen", "nooit", "allesbehalve", "geenszins", "allerminst", "nimmer", "not",
    "no", "never", "nor", "neither",
];

fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.ends_with("n't")
}

/// Words that may stand between a negation and the phrase it negates:
/// "niet echt lui", "geen echte zorgmijder", "not at all lazy".
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "een", "de", "het", "echt", "echte", "zo", "zo'n", "erg", "heel", "helemaal", "zeker",
    "eens", "meer", "bepaald", "per", "se", "zozeer", "te", "bijzonder", "typisch", "a",
    "an", "the", "really", "so", "very", "at", "all", "that", "particularly", "exactly",
    "entirely", "by", "any", "means", "remotely", "overly", "too", "even", "actually",
    "such", "be", "being",
];

/// Words of "een zorgmijder is ze niet" and "lazy he is not" between the
/// phrase and the negation: a verb of being or calling, a pronoun, an
/// adverb.
#[rustfmt::skip]
const INVERTED: &[&str] = &[
    "is", "was", "ben", "bent", "zijn", "waren", "wordt", "werd", "lijkt", "leek", "blijkt",
    "bleek", "vind", "vond", "noem", "noemde", "noemen", "zou", "zal", "ik", "je", "jij",
    "u", "hij", "zij", "ze", "het", "we", "wij", "jullie", "die", "dat", "hem", "haar",
    "men", "toch", "echt", "zeker", "helemaal", "ook", "nu", "eigenlijk", "beslist",
    "absoluut", "are", "were", "am", "he", "she", "they", "it", "i", "you", "him", "her",
    "them", "really", "certainly", "definitely", "surely",
];

/// Whether the phrase is negated: "niet ongemotiveerd", "geen echte
/// zorgmijder", "ik denk niet dat hij een zorgmijder is", "far from
/// lazy"; or "een zorgmijder is ze niet", "lazy he is not".
pub fn negated(before: &[String], after: &[String]) -> bool {
    let mut adjacent = true;
    for (i, w) in before.iter().enumerate() {
        let next = before.get(i + 1).map(String::as_str);
        if adjacent && is_negation(w) {
            return true;
        }
        if adjacent
            && matches!(
                (next, w.as_str()),
                (Some("far"), "from") | (Some("verre"), "van")
            )
        {
            return true;
        }
        // "niet dat ...", "geen idee of ...", "not that ...": the whole
        // clause is denied or doubted.
        if matches!(w.as_str(), "dat" | "of" | "that" | "whether" | "if")
            && next.is_some_and(is_negation)
        {
            return true;
        }
        adjacent &= BETWEEN.contains(&w.as_str());
    }
    let mut words = after.iter().map(String::as_str);
    if !words.next().is_some_and(|w| INVERTED.contains(&w)) {
        return false;
    }
    for w in words {
        if is_negation(w) {
            return true;
        }
        if !INVERTED.contains(&w) {
            return false;
        }
    }
    false
}

/// People a label may be about.
#[rustfmt::skip]
const PERSONS: &[&str] = &[
    "ik", "je", "jij", "u", "hij", "zij", "ze", "hem", "haar", "wij", "we", "men", "meneer",
    "mevrouw", "dhr", "mevr", "man", "vrouw", "moeder", "vader", "ouder", "ouders", "zoon",
    "dochter", "kind", "kinderen", "jongen", "meisje", "jongere", "jongeren", "cliënt",
    "client", "cliënte", "cliënten", "clienten", "klant", "bewoner", "bewoonster",
    "huurder", "inwoner", "buurman", "buurvrouw", "broer", "zus", "opa", "oma", "partner",
    "vriend", "vriendin", "gezin", "familie", "persoon", "personen", "mensen", "he", "she",
    "him", "her", "they", "them", "i", "you", "woman", "mother", "father", "parent",
    "parents", "son", "daughter", "child", "children", "boy", "girl", "tenant", "resident",
    "neighbour", "neighbor", "family", "person", "people",
];

/// Organisations and officials: "de deurwaarder treedt agressief op".
#[rustfmt::skip]
const ORGANISATIONS: &[&str] = &[
    "deurwaarder", "deurwaarders", "deurwaarderskantoor", "incassobureau", "incassobureaus",
    "incassobedrijf", "incasseerder", "gemeente", "gemeenten", "gemeentes", "politie",
    "agent", "agenten", "wijkagent", "ambtenaar", "ambtenaren", "belastingdienst", "uwv",
    "cak", "duo", "svb", "cjib", "ind", "woningcorporatie", "woningcorporaties",
    "corporatie", "corporaties", "woningbouwvereniging", "verhuurder", "verhuurders",
    "huisbaas", "zorgverzekeraar", "zorgverzekeraars", "verzekeraar", "verzekeraars",
    "bank", "banken", "energieleverancier", "energiebedrijf", "leverancier", "instantie",
    "instanties", "organisatie", "organisaties", "bedrijf", "bedrijven", "werkgever",
    "werkgevers", "school", "rechter", "rechters", "rechtbank", "advocaat", "advocaten",
    "beveiliging", "beveiliger", "beveiligers", "boa", "boa's", "handhaver", "handhavers",
    "handhaving", "toezichthouder", "inspectie", "ministerie", "overheid", "staat",
    "jeugdbescherming", "kinderbescherming", "ggd", "ggz", "wijkteam", "buurtteam",
    "schuldeiser", "schuldeisers", "crediteur", "crediteuren", "bewindvoerder", "consulent",
    "klantmanager", "loket", "dienst", "afdeling", "uitzendbureau", "justitie",
    "reclassering", "bailiff", "bailiffs", "collector", "collectors", "agency", "agencies",
    "council", "councils", "municipality", "police", "officer", "officers", "landlord",
    "landlords", "insurer", "insurers", "banks", "company", "companies", "employer",
    "employers", "court", "judge", "official", "officials", "authorities", "authority",
    "government", "organisation", "organization", "firm", "department", "office",
];

/// Things, animals and times: "een luie stoel", "agressieve kanker".
#[rustfmt::skip]
const THINGS: &[&str] = &[
    "stoel", "stoelen", "fauteuil", "zetel", "zondag", "zaterdag", "dag", "dagen", "middag",
    "ochtend", "avond", "weekend", "week", "vakantie", "zomer", "oog", "ogen", "hond",
    "honden", "kat", "katten", "dier", "dieren", "paard", "kanker", "tumor", "tumoren",
    "ziekte", "virus", "infectie", "vorm", "behandeling", "chemo", "marketing", "reclame",
    "campagne", "verkoop", "verkooptechniek", "verkooptechnieken", "incasso", "beleid",
    "aanpak", "belegging", "beleggingen", "strategie", "markt", "prijs", "prijzen",
    "concurrentie", "overname", "rijstijl", "verkeer", "brief", "brieven", "mail", "mails",
    "muziek", "film", "game", "games", "spel", "wetgeving", "onkruid", "plant", "planten",
    "stof", "stoffen", "middel", "middelen", "schimmel", "bacterie", "chair", "chairs",
    "sofa", "couch", "afternoon", "sunday", "day", "days", "morning", "evening", "summer",
    "eye", "dog", "dogs", "cat", "cats", "animal", "animals", "cancer", "tumour", "tumor",
    "disease", "infection", "treatment", "campaign", "sales", "strategy", "policy",
    "approach", "investment", "investments", "takeover", "driving", "letter", "letters",
    "music", "weeds",
];

const ARTICLES: &[&str] = &["de", "het", "een", "the", "a", "an", "die", "dat", "deze"];

fn not_a_person(w: &str) -> bool {
    ORGANISATIONS.contains(&w) || THINGS.contains(&w)
}

/// Whether a label about a person is said here of an organisation, an
/// official or a thing: the noun right after it ("een luie stoel"),
/// else the nearest person or other noun before it ("de deurwaarder
/// treedt agressief op", but "de deurwaarder vond hem agressief"),
/// else "... van de deurwaarder" after it.
pub fn about_no_person(before: &[String], after: &[String]) -> bool {
    if after.first().is_some_and(|w| not_a_person(w)) {
        return true;
    }
    for (i, w) in before.iter().enumerate() {
        if PERSONS.contains(&w.as_str()) {
            return false;
        }
        if not_a_person(w) {
            // "de zoon van de deurwaarder is agressief": the noun after
            // "van" is not the subject; read on.
            let rest = &before[i + 1..];
            let skip = rest.first().is_some_and(|a| ARTICLES.contains(&a.as_str())) as usize;
            if !rest
                .get(skip)
                .is_some_and(|p| matches!(p.as_str(), "van" | "of" | "bij"))
            {
                return true;
            }
        }
    }
    let Some(of) = after
        .iter()
        .take(3)
        .position(|w| matches!(w.as_str(), "van" | "of" | "by" | "door"))
    else {
        return false;
    };
    after[of + 1..]
        .iter()
        .find(|w| !ARTICLES.contains(&w.as_str()))
        .is_some_and(|w| not_a_person(w))
}

/// Words that make an official term a label: "gewoon laaggeletterd",
/// "zo'n laaggeletterde", "those low literacy types".
#[rustfmt::skip]
const LABELLING: &[&str] = &[
    "gewoon", "typisch", "typische", "echt", "echte", "zo'n", "zulke", "zo", "weer",
    "alweer", "hopeloos", "totaal", "totale", "compleet", "complete", "volslagen", "nogal",
    "zwaar", "zware", "typical", "typically", "such", "those", "totally", "completely",
    "just", "hopelessly", "utterly",
];

/// Whether one of the two words before an official term labels with it.
pub fn labelling(before: &[String]) -> bool {
    before
        .iter()
        .take(2)
        .any(|w| LABELLING.contains(&w.as_str()))
}
