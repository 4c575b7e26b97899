//! The words of the page for the person (`export --voor-persoon`): plain
//! Dutch at B1 level, to the person, as "je" or "u" (the setting
//! `aanspreekvorm`), and plain English. Short sentences: a test holds the
//! page to at most 12 words a sentence on average and 20 at most.

use serde::Deserialize;

use super::Lang;

/// How the page addresses the person in Dutch: "je" or "u". English has
/// one "you".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Address {
    /// The default: the way a neighbourhood team talks with the people it
    /// works with, and the equal footing the method asks for.
    #[default]
    Je,
    U,
}

impl Address {
    /// As the settings file writes it.
    pub fn name(self) -> &'static str {
        match self {
            Address::Je => "je",
            Address::U => "u",
        }
    }
}

/// A sentence of the page in three forms: Dutch with "je", Dutch with
/// "u", and English. Placeholders are written `{name}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Said {
    pub je: &'static str,
    pub u: &'static str,
    pub en: &'static str,
}

impl Said {
    pub fn get(self, lang: Lang, address: Address) -> &'static str {
        match (lang, address) {
            (Lang::En, _) => self.en,
            (Lang::Nl, Address::Je) => self.je,
            (Lang::Nl, Address::U) => self.u,
        }
    }

    pub fn with(self, lang: Lang, address: Address, args: &[(&str, &str)]) -> String {
        let mut out = self.get(lang, address).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

macro_rules! said {
    ($($name:ident = $je:literal, $u:literal, $en:literal;)*) => {
        $(pub(crate) const $name: Said = Said { je: $je, u: $u, en: $en };)*
        /// Every sentence of the page, for the test of its length.
        #[cfg(test)]
        pub(crate) const ALL: &[Said] = &[$($name),*];
    };
}

said! {
    P_TITLE = "Wat we samen bespraken", "Wat we samen bespraken", "What we talked about";
    P_FROM = "Van {team}, {day}", "Van {team}, {day}", "From {team}, {day}";
    P_FOR_YOU = "Dit papier is voor jou. Hier staat wat we samen bespraken. Klopt er iets niet? Zeg het ons dan.", "Dit papier is voor u. Hier staat wat we samen bespraken. Klopt er iets niet? Zeg het ons dan.", "This paper is for you. It says what we talked about together. Is something not right? Then please tell us.";

    P_H_TOLD = "Wat je ons vertelde", "Wat u ons vertelde", "What you told us";
    P_TOLD = "Zo schreven we op wat je ons vertelde:", "Zo schreven we op wat u ons vertelde:", "This is how we wrote down what you told us:";

    P_H_TRY = "Wat we willen proberen", "Wat we willen proberen", "What we want to try";
    P_WHY = "Waarom? We denken dat dit helpt bij wat je ons vertelde.", "Waarom? We denken dat dit helpt bij wat u ons vertelde.", "Why? We think this helps with what you told us.";
    P_WISH = "Je zei ook waar je over een jaar wilt staan:", "U zei ook waar u over een jaar wilt staan:", "You also told us where you want to be in a year:";

    P_H_SAID = "Wat je ervan vindt", "Wat u ervan vindt", "What you think of it";
    P_SAID = "Dit zei je over ons plan:", "Dit zei u over ons plan:", "This is what you said about our plan:";
    P_NOT_ASKED = "We weten nog niet wat je ervan vindt. Dat horen we graag.", "We weten nog niet wat u ervan vindt. Dat horen we graag.", "We do not know yet what you think of it. We would like to hear it.";

    P_H_NEXT = "Wat er nu gebeurt", "Wat er nu gebeurt", "What happens next";
    P_AGREED = "Dit spraken we af:", "Dit spraken we af:", "This is what we agreed:";
    P_TEAM_ON = "Op {day} praten we hierover in ons team. Daarna hoor je van ons.", "Op {day} praten we hierover in ons team. Daarna hoort u van ons.", "On {day} we will talk about this in our team. After that, you will hear from us.";
    P_TEAM = "We praten hierover ook in ons team. Daarna hoor je van ons.", "We praten hierover ook in ons team. Daarna hoort u van ons.", "We will also talk about this in our team. After that, you will hear from us.";

    P_DECIDED = "Er is al een besluit.", "Er is al een besluit.", "A decision has already been made.";
    P_DECIDED_UNTIL = "Er is al een besluit. Bezwaar maken kan tot en met {day}.", "Er is al een besluit. Bezwaar maken kan tot en met {day}.", "A decision has already been made. You can object until {day}, that day included.";
    P_APPLIED = "Er loopt een aanvraag. Daarop komt een besluit.", "Er loopt een aanvraag. Daarop komt een besluit.", "An application is in progress. A decision on it will follow.";
    P_APPLIED_UNTIL = "Er loopt een aanvraag. We verwachten uiterlijk {day} een besluit. Is er dan nog geen besluit? Bel ons dan.", "Er loopt een aanvraag. We verwachten uiterlijk {day} een besluit. Is er dan nog geen besluit? Bel ons dan.", "An application is in progress. We expect a decision by {day} at the latest. Is there no decision by then? Then call us.";

    P_H_DISAGREE = "Ben je het er niet mee eens?", "Bent u het er niet mee eens?", "Do you disagree?";
    P_OBJECT = "Ben je het niet eens met een besluit? Dan kun je bezwaar maken. Daarvoor heb je zes weken (Algemene wet bestuursrecht, artikel 6:7). Wij kunnen je daarbij helpen.", "Bent u het niet eens met een besluit? Dan kunt u bezwaar maken. Daarvoor heeft u zes weken (Algemene wet bestuursrecht, artikel 6:7). Wij kunnen u daarbij helpen.", "Do you disagree with a decision? Then you can object (in Dutch: bezwaar maken). You have six weeks for this (General Administrative Law Act, article 6:7). We can help you with it.";
    P_COMPLAIN = "Ben je niet goed behandeld? Klaag dan eerst bij de organisatie zelf. Helpt dat niet? Dan kun je naar de ombudsman (Algemene wet bestuursrecht, artikel 9:18 en 9:20).", "Bent u niet goed behandeld? Klaag dan eerst bij de organisatie zelf. Helpt dat niet? Dan kunt u naar de ombudsman (Algemene wet bestuursrecht, artikel 9:18 en 9:20).", "Were you not treated well? Then first complain to the organisation itself. Does that not help? Then you can go to the ombudsman (General Administrative Law Act, articles 9:18 and 9:20).";

    P_H_CALL = "Wie je kunt bellen", "Wie u kunt bellen", "Who you can call";
    P_CALL = "Bel {team}", "Bel {team}", "Call {team}";
    P_ASK_FOR = "Vraag naar de medewerker die dit met je besprak. Je mag altijd bellen met een vraag.", "Vraag naar de medewerker die dit met u besprak. U mag altijd bellen met een vraag.", "Ask for the worker who talked this over with you. You can always call us with a question.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_is_chosen() {
        assert_eq!(P_H_TOLD.get(Lang::Nl, Address::Je), "Wat je ons vertelde");
        assert_eq!(P_H_TOLD.get(Lang::Nl, Address::U), "Wat u ons vertelde");
        assert_eq!(P_H_TOLD.get(Lang::En, Address::U), "What you told us");
        assert_eq!(
            P_ASK_FOR.get(Lang::Nl, Address::U),
            "Vraag naar de medewerker die dit met u besprak. U mag altijd bellen met een vraag."
        );
    }

    /// Every sentence of every form, with a day written out ("woensdag
    /// 16 december 2026", four words) and a team of three words: at most
    /// 20 words (the page as a whole is counted in tests/cli/person.rs).
    #[test]
    fn no_sentence_is_longer_than_twenty_words() {
        for said in ALL {
            for form in [said.je, said.u, said.en] {
                let filled = form
                    .replace("{day}", "woensdag 16 december 2026")
                    .replace("{team}", "Buurtteam Noord Oost");
                for sentence in filled.split_inclusive(['.', '?', '!']) {
                    let words = sentence.split_whitespace().count();
                    assert!(words <= 20, "{words} words: {sentence}");
                }
            }
        }
    }

    #[test]
    fn the_u_form_never_says_je_and_the_je_form_never_says_u() {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect()
        };
        for said in ALL {
            let je = words(said.je);
            let u = words(said.u);
            for w in ["u", "uw"] {
                assert!(!je.contains(&w.to_string()), "{w} in {}", said.je);
            }
            for w in ["je", "jij", "jou", "jouw"] {
                assert!(!u.contains(&w.to_string()), "{w} in {}", said.u);
            }
        }
    }
}
