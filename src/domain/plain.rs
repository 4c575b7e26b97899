//! What a page for the person may not say: professional words
//! ("zelfregie", "traject", "casus") and labelling words (the lexicon's).
//! The page shows the worker's texts as they were written, so before it is
//! made every such text is read for both; the page is refused, with where
//! each word is, until the worker rewrites it. The person's own words
//! (what they told, what they said of the plan) are theirs: a professional
//! word they used themselves stays, a label does not.
//!
//! Pure: no printing, no disk.

use crate::domain::answer::Answer;
use crate::domain::labels::Lexicon;
use crate::domain::note::Entry;
use crate::i18n::Lang;

/// Professional words, in Dutch and English, each with its usual forms.
/// A word stands as a whole word, in any case. One directly followed by
/// an explanation in brackets is allowed: "de verordening (de regels van
/// de gemeente)".
pub const PROFESSIONAL: &[&str] = &[
    // Dutch.
    "zelfregie",
    "publieke middelen",
    "verordening",
    "verordeningen",
    "casus",
    "casussen",
    "casuïstiek",
    "casuïstiekbespreking",
    "interventie",
    "interventies",
    "traject",
    "trajecten",
    "doelgroep",
    "doelgroepen",
    "waardendriehoek",
    "maatwerkmethode",
    "cliënt",
    "cliënten",
    "client",
    "clienten",
    "indicatie",
    "indicaties",
    "beleidsregel",
    "beleidsregels",
    "werkinstructie",
    "werkinstructies",
    "hardheidsclausule",
    "doorzettingsmacht",
    "escalatie",
    "escaleren",
    "ketenpartner",
    "ketenpartners",
    "hulpvraag",
    "zorgvraag",
    "rechtmatig",
    "rechtmatigheid",
    // English.
    "self-direction",
    "public money",
    "public funds",
    "by-law",
    "bylaw",
    "ordinance",
    "case discussion",
    "case note",
    "caseload",
    "intervention",
    "interventions",
    "trajectory",
    "target group",
    "target groups",
    "value triangle",
    "policy rule",
    "work instruction",
    "hardship clause",
    "escalation",
];

/// A word the page may not show, found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unfit {
    /// The question's id, and the question as it was asked.
    pub id: String,
    pub question: String,
    /// The word as it is written in the text.
    pub word: String,
    pub why: Why,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// A label; its question back, in the reader's language.
    Label(String),
    Professional,
}

/// The professional words in `text`, as written there, in order.
pub fn professional(text: &str) -> Vec<String> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let fit = PROFESSIONAL.iter().find_map(|p| {
            let parts: Vec<String> = p.split(' ').map(str::to_lowercase).collect();
            let end = i + parts.len();
            let same = words
                .get(i..end)
                .is_some_and(|w| w.iter().zip(&parts).all(|((_, _, low), part)| low == part));
            same.then_some(end)
        });
        match fit {
            Some(end) => {
                let (start, last) = (words[i].0, words[end - 1].1);
                if !explained(&text[last..]) {
                    found.push(text[start..last].to_string());
                }
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// The words of `text` (letters, digits and the hyphen within a word), as
/// byte ranges with their lower case.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let part = |c: char| c.is_alphanumeric() || c == '-';
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, part(c)) {
            (None, true) => start = Some(at),
            (Some(s), false) => {
                let word = text[s..at].trim_matches('-');
                if !word.is_empty() {
                    let s = s + text[s..at].find(word).unwrap_or(0);
                    out.push((s, s + word.len(), word.to_lowercase()));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether what follows a word explains it in brackets.
fn explained(after: &str) -> bool {
    after.trim_start_matches([' ', '\u{a0}']).starts_with('(')
}

/// The labels in `text` as the page reads it, denied ones too: in each
/// of its [`readings`], each label's word once, as the first reading that
/// has it writes it.
fn labels(lexicon: &Lexicon, text: &str) -> Vec<(String, String)> {
    let same = |w: &str| plain(w).to_lowercase().replace(['-', ' '], "");
    let mut out: Vec<(String, String)> = Vec::new();
    for reading in readings(text) {
        for hit in lexicon.find_denied_too(&reading) {
            let word = same(&hit.text);
            if !out.iter().any(|(k, w)| *k == hit.key && same(w) == word) {
                out.push((hit.key, hit.text));
            }
        }
    }
    out
}

/// `text` as written, and (when they differ) as read without what hides a
/// word from the lexicon: no invisible characters (soft hyphen, zero-width
/// space, joiners, word joiner), no combining accents or accents on a
/// vowel ("zórgmijder"), full-width letters and the ligature ĳ as their
/// plain letters; then a hyphen inside a word once left out
/// ("zorg-mijder") and once a space ("niet-gemotiveerd").
fn readings(text: &str) -> Vec<String> {
    let plain = plain(text);
    let mut out = vec![text.to_string()];
    if plain.contains('-') {
        out.push(plain.replace('-', ""));
        out.push(plain.replace('-', " "));
    }
    if plain != text {
        out.push(plain);
    }
    out
}

/// `text` without what hides a word (see [`readings`]).
fn plain(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{34f}' => {}
            '\u{300}'..='\u{36f}' => {}
            '\u{ff01}'..='\u{ff5e}' => plain.push(char::from_u32(c as u32 - 0xfee0).unwrap_or(c)),
            'ĳ' => plain.push_str("ij"),
            'Ĳ' => plain.push_str("IJ"),
            c => plain.push(unaccented(c)),
        }
    }
    plain
}

/// A vowel with an accent (Dutch writes them for stress: "níet", "zórg")
/// as the vowel.
fn unaccented(c: char) -> char {
    const FROM: &str = "áàâäéèêëíìîïóòôöúùûüÁÀÂÄÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜ";
    const TO: &str = "aaaaeeeeiiiioooouuuuAAAAEEEEIIIIOOOOUUUU";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Every word in `shown` the page may not say: labels in every text, and
/// professional words outside the person's own words. `shown` holds each
/// entry the page shows, and whether it holds the person's own words.
/// Questions back are in the reader's language `ui_lang`.
pub fn unfit<'a>(
    lexicon: &Lexicon,
    shown: impl IntoIterator<Item = (&'a Entry, bool)>,
    ui_lang: Lang,
) -> Vec<Unfit> {
    let mut out = Vec::new();
    for (entry, own) in shown {
        let Answer::Text(text) = &entry.value else {
            continue;
        };
        let found = |word: String, why: Why| Unfit {
            id: entry.id.clone(),
            question: entry.question.clone(),
            word,
            why,
        };
        for (key, word) in labels(lexicon, text) {
            let back = lexicon.question(&key, ui_lang).unwrap_or_default();
            out.push(found(word, Why::Label(back.to_string())));
        }
        if !own {
            out.extend(
                professional(text)
                    .into_iter()
                    .map(|w| found(w, Why::Professional)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::Kind;

    #[test]
    fn professional_words_are_found_whole_in_any_case() {
        assert_eq!(
            professional("Een TRAJECT bij de schuldhulp, en meer zelfregie."),
            ["TRAJECT", "zelfregie"]
        );
        assert_eq!(
            professional("Over publieke\nmiddelen en de casussen."),
            ["publieke\nmiddelen", "casussen"]
        );
        assert_eq!(
            professional("Gaan we handig om met publieke middelen?"),
            ["publieke middelen"]
        );
        assert_eq!(
            professional("trajectplanning, belcasus"),
            Vec::<String>::new()
        );
        assert_eq!(
            professional("We need self-direction and a by-law."),
            ["self-direction", "by-law"]
        );
    }

    #[test]
    fn a_label_denied_hyphenated_or_hidden_is_found_for_the_page_the_mirror_asks_nothing_of_a_denial()
     {
        let lexicon = Lexicon::embedded();
        for text in [
            "geen zorgmijder meer",
            "zorg-mijder",
            "niet-gemotiveerd",
            "zorg\u{ad}mijder",
            "zorg\u{200b}mijder",
            "ｚｏｒｇｍｉｊｄｅｒ",
            "zorgm\u{133}der",
            "zorgmi\u{301}jder",
            "zórgmijder",
        ] {
            assert_eq!(labels(&lexicon, text).len(), 1, "{text}");
        }
        assert!(lexicon.find("geen zorgmijder meer").is_empty());
        assert!(labels(&lexicon, "Geen gedoe meer, een post-sorteerdag").is_empty());
        // One place, one word: "cliënt" and its reading "client" are one.
        assert_eq!(labels(&lexicon, "een lastige cliënt").len(), 1);
    }

    #[test]
    fn a_word_explained_in_brackets_may_stand() {
        assert_eq!(
            professional("De verordening (de regels van de gemeente) zegt het."),
            Vec::<String>::new()
        );
        assert_eq!(
            professional("De verordening zegt het (echt)."),
            ["verordening"]
        );
    }

    fn entry(id: &str, text: &str) -> Entry {
        Entry {
            id: id.into(),
            question: format!("Vraag {id}?"),
            kind: Kind::Long,
            value: Answer::Text(text.into()),
            labels: Vec::new(),
        }
    }

    #[test]
    fn labels_everywhere_professional_words_outside_the_persons_own() {
        let lexicon = Lexicon::embedded();
        let own = entry(
            "casus.eigen_woorden",
            "Ze noemen me een zorgmijder. Dat traject wil ik niet.",
        );
        let plan = entry(
            "casus.oplossing",
            "Een traject, want hij is niet gemotiveerd.",
        );
        let found = unfit(&lexicon, [(&own, true), (&plan, false)], Lang::Nl);
        let said: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|u| (u.id.as_str(), u.word.as_str(), u.why == Why::Professional))
            .collect();
        assert_eq!(
            said,
            [
                ("casus.eigen_woorden", "zorgmijder", false),
                ("casus.oplossing", "niet gemotiveerd", false),
                ("casus.oplossing", "traject", true),
            ]
        );
        assert!(matches!(&found[0].why, Why::Label(back) if !back.is_empty()));
    }
}
