//! Invented stores of realistic case notes for the benchmarks: the full
//! default question set answered, about 3 KB of text per note. Seeded, so
//! every run measures the same notes.

use std::path::Path;

use driehoek::domain::bank::{Bank, DEFAULT_SET};

use driehoek::domain::answer::Kind;
use driehoek::domain::answer::{Answer, Cost, Euros, Period};
use driehoek::domain::note::CaseNote;
use driehoek::i18n::Lang;
use driehoek::store::Store;

pub const WORDS: &[&str] = &[
    "post",
    "schulden",
    "huur",
    "moeder",
    "kinderen",
    "buurtteam",
    "wijkcoach",
    "regel",
    "beleid",
    "werkinstructie",
    "gesprek",
    "vertrouwen",
    "afspraak",
    "gemeente",
    "zorg",
    "school",
    "werk",
    "uitkering",
    "woning",
    "netwerk",
    "buurvrouw",
    "zus",
    "tijd",
    "rust",
    "brief",
    "formulier",
    "aanvraag",
    "wachtlijst",
    "specialist",
    "thuis",
    "samen",
    "stap",
    "keuze",
    "zelf",
    "hulp",
    "vraag",
    "plan",
    "maatwerk",
    "uitzondering",
    "budget",
    "kosten",
    "jaar",
    "week",
    "energie",
];

const TITLES: &[&str] = &[
    "Drie zakken post",
    "Gezin met kinderdementie",
    "Bewonersinitiatief en de controle",
    "Jongeren en het buurthuis",
    "Ouders na de toeslagenaffaire",
    "Mantelzorger zonder adem",
    "Huurachterstand na ontslag",
    "Jongvolwassene zonder woonplek",
];

fn sentence(rng: &mut fastrand::Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words)
        .map(|_| WORDS[rng.usize(..WORDS.len())])
        .collect();
    s[0] = "De";
    format!("{}.", s.join(" "))
}

fn text(rng: &mut fastrand::Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let n = rng.usize(6..14);
            sentence(rng, n)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fills `root` with `count` notes, dated over the past five years.
pub fn fill(root: &Path, count: usize) {
    let bank = Bank::embedded();
    let set = bank.get(DEFAULT_SET).unwrap();
    let store = Store::open(root.to_path_buf()).unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    let start = jiff::Timestamp::from_second(1_640_995_200).unwrap(); // 2022-01-01
    for i in 0..count {
        let mut answers = Vec::new();
        for q in &set.questions {
            let answer = match q.kind {
                Kind::Text if q.id == "casus.titel" => {
                    Answer::Text(format!("{} {}", TITLES[i % TITLES.len()], i))
                }
                Kind::Text => Answer::Text(sentence(&mut rng, 8)),
                Kind::Long => {
                    let n = rng.usize(1..3);
                    Answer::Text(text(&mut rng, n))
                }
                Kind::Choice => {
                    Answer::Choice(q.choices[rng.usize(..q.choices.len())].value.clone())
                }
                Kind::Multi => Answer::Multi(vec![
                    q.choices[rng.usize(..q.choices.len() - 1)].value.clone(),
                ]),
                Kind::Scale => {
                    let s = q.scale.as_ref().unwrap();
                    Answer::Scale(rng.i64(s.min..=s.max))
                }
                Kind::Amount => Answer::Amount(Euros(rng.i64(1_000..10_000_000))),
                Kind::YesNo => Answer::YesNo(rng.bool()),
                Kind::Cost => Answer::Cost(Cost {
                    amount: Some(Euros(rng.i64(1_000..10_000_000))),
                    period: [Period::PerYear, Period::OneOff, Period::Years(3)][rng.usize(..3)],
                }),
                Kind::Date => Answer::Date(jiff::civil::date(2026, 1, 1)),
            };
            let applies = q.applies(|id| answers.iter().find(|(a, _)| a == id).map(|(_, a)| a));
            if applies {
                answers.push((q.id.clone(), answer));
            }
        }
        let when = start
            .checked_add(jiff::SignedDuration::from_secs(i as i64 * 15_768))
            .unwrap();
        let mut note = CaseNote::new(String::new(), when, set, Lang::Nl, answers);
        store.create(&mut note).unwrap();
    }
}
