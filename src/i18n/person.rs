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
    P_TOLD = "Dit zijn je eigen woorden:", "Dit zijn uw eigen woorden:", "These are your own words:";

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
