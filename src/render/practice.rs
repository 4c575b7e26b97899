//! Practice mode's ending: the trainee's answers side by side with what an
//! experienced maatwerk coach would look for.

use super::{Block, Doc};
use crate::domain::answer::Verdict;
use crate::domain::bank::QuestionSet;
use crate::domain::cases::{self, Model, PracticeCase};
use crate::domain::note::CaseNote;
use crate::i18n::{self, Lang, Text};

/// The trainee's answers for one part of the walk, as lines of text.
fn part(
    note: &CaseNote,
    set: &QuestionSet,
    lang: Lang,
    verdict: Option<Verdict>,
    section: &str,
) -> String {
    let mut lines = Vec::new();
    if let Some(v) = verdict {
        lines.push(format!("{}: {}", i18n::H_VERDICT.get(lang), v.label(lang)));
    }
    let r = &set.roles;
    // The verdicts stand in the line above; the title is the case's own.
    let apart = [&r.verdict_law, &r.verdict_money, &r.verdict_self, &r.title];
    for q in set.questions_in(section) {
        if let Some(e) = note.entry(&q.id)
            && !apart.iter().any(|v| v.as_deref() == Some(q.id.as_str()))
        {
            lines.push(format!("{}: {}", e.question, e.display(lang)));
        }
    }
    lines.join("\n")
}

/// How a verdict reads beside the coach's: "—" where none was given.
fn verdict_word(v: Option<Verdict>, lang: Lang) -> String {
    v.map_or_else(|| "—".to_string(), |v| v.label(lang).to_string())
}

/// The legal points the coach's prose refers to, numbered in the order the
/// trainee meets them, so the same point keeps its number in every part.
struct Footnotes<'a> {
    case: &'a PracticeCase,
    lang: Lang,
    order: Vec<&'a str>,
}

impl<'a> Footnotes<'a> {
    fn new(case: &'a PracticeCase, lang: Lang) -> Self {
        Footnotes {
            case,
            lang,
            order: Vec::new(),
        }
    }

    /// `text` with each marker as its number ("[2]"), and the numbers it
    /// refers to, each once.
    fn resolve(&mut self, text: &'a Text) -> (String, Vec<usize>) {
        let text = text.get(self.lang).trim();
        let mut out = String::new();
        let mut numbers = Vec::new();
        let mut from = 0;
        for (at, id) in cases::references(text) {
            let n = match self.order.iter().position(|o| *o == id) {
                Some(i) => i + 1,
                None => {
                    self.order.push(id);
                    self.order.len()
                }
            };
            out.push_str(&text[from..at.start]);
            out.push_str(&format!("[{n}]"));
            from = at.end;
            if !numbers.contains(&n) {
                numbers.push(n);
            }
        }
        out.push_str(&text[from..]);
        (out, numbers)
    }

    /// The points behind `numbers`, one block each: "[2] Jeugdwet art. 1.1"
    /// over what the law says.
    fn blocks(&self, numbers: &[usize]) -> Vec<Block> {
        numbers
            .iter()
            .filter_map(|&n| {
                let point = self.case.legal_point(self.order[n - 1])?;
                Some(Block::Answer {
                    question: format!("[{n}] {}", point.citation()),
                    answer: point.text.get(self.lang).trim().to_string(),
                })
            })
            .collect()
    }
}

/// The three corners, each as "jij: ja · coach: twijfel" with the coach's
/// reason below: the first thing a trainee wants to know is where they
/// differ, and why. The legal points the reasons name follow.
fn corners<'a>(note: &CaseNote, model: &'a Model, notes: &mut Footnotes<'a>) -> Vec<Block> {
    let (t, lang) = (&note.triangle, notes.lang);
    let mut blocks = Vec::new();
    let mut cited = Vec::new();
    for (corner, mine, coach) in [
        (i18n::Q_LAW, t.law, &model.wet),
        (i18n::Q_MONEY, t.money, &model.middelen),
        (i18n::Q_SELF, t.self_direction, &model.zelfregie),
    ] {
        let verdicts = i18n::PRACTICE_CORNER.with(
            lang,
            &[
                ("you", &verdict_word(mine, lang)),
                ("coach", &verdict_word(Some(coach.oordeel), lang)),
            ],
        );
        let (reason, numbers) = notes.resolve(&coach.reden);
        for n in numbers {
            if !cited.contains(&n) {
                cited.push(n);
            }
        }
        blocks.push(Block::Answer {
            question: corner.get(lang).to_string(),
            answer: format!("{verdicts}\n{reason}"),
        });
    }
    blocks.extend(notes.blocks(&cited));
    blocks
}

/// One part of the walk: the trainee's answers left, the coach's right,
/// and under them the legal points the coach refers to.
fn beside<'a>(
    heading: &str,
    mine: String,
    theirs: &'a Text,
    notes: &mut Footnotes<'a>,
) -> Vec<Block> {
    let lang = notes.lang;
    let (theirs, numbers) = notes.resolve(theirs);
    let mut blocks = vec![
        Block::Heading(heading.to_string()),
        Block::Table {
            head: vec![i18n::H_YOU.get(lang).into(), i18n::H_COACH.get(lang).into()],
            rows: vec![vec![mine, theirs]],
            numeric: Vec::new(),
        },
    ];
    blocks.extend(notes.blocks(&numbers));
    blocks
}

/// The contrasts the trainee placed, one line each: "uniform ↔ pluriform: 2 → 4".
fn contrast_lines(note: &CaseNote) -> String {
    note.contrasts
        .iter()
        .map(|c| {
            let p = |v: Option<i64>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
            format!(
                "{} ↔ {}: {} → {}",
                c.rational,
                c.relational,
                p(c.now),
                p(c.desired)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn doc(note: &CaseNote, case: &PracticeCase, set: &QuestionSet, lang: Lang) -> Doc {
    let t = &note.triangle;
    let coach = &case.coach;
    let parts: [(i18n::Msg, String, Option<&Text>); 7] = [
        (
            i18n::H_THE_CASE,
            part(note, set, lang, None, "casus"),
            coach.casus.as_ref(),
        ),
        (
            i18n::Q_LAW,
            part(note, set, lang, t.law, "wet"),
            Some(&coach.wet),
        ),
        (
            i18n::Q_MONEY,
            part(note, set, lang, t.money, "middelen"),
            Some(&coach.middelen),
        ),
        (
            i18n::Q_SELF,
            part(note, set, lang, t.self_direction, "zelfregie"),
            Some(&coach.zelfregie),
        ),
        (
            i18n::H_CONTRASTS,
            contrast_lines(note),
            Some(&coach.contrasten),
        ),
        (
            i18n::H_REFLECTION,
            part(note, set, lang, None, "reflectie"),
            Some(&coach.reflectie),
        ),
        (
            i18n::H_NEXT_STEPS,
            part(note, set, lang, None, "vervolg"),
            coach.vervolg.as_ref(),
        ),
    ];
    let mut notes = Footnotes::new(case, lang);
    let mut blocks = vec![Block::Meta(
        i18n::PRACTICE_META.with(lang, &[("case", case.title.get(lang))]),
    )];
    if let Some(lesson) = &case.lesson {
        blocks.push(Block::Quote(lesson.get(lang).trim().to_string()));
    }
    if let Some(model) = &case.model {
        blocks.push(Block::Heading(i18n::H_TRIANGLE.get(lang).to_string()));
        blocks.extend(corners(note, model, &mut notes));
        let mine = set
            .roles
            .team_question
            .as_deref()
            .and_then(|id| note.entry(id))
            .map_or_else(|| "—".to_string(), |e| e.display(lang));
        blocks.extend(beside(
            i18n::H_TEAM_QUESTION.get(lang),
            mine,
            &model.teamvraag,
            &mut notes,
        ));
    }
    for (heading, mine, theirs) in parts {
        // A coach's own older case may have no notes for a part: then the
        // trainee's answers stand alone rather than beside an empty column.
        if let Some(theirs) = theirs {
            blocks.extend(beside(heading.get(lang), mine, theirs, &mut notes));
        }
    }
    Doc {
        title: i18n::PRACTICE_TITLE.with(lang, &[("case", case.title.get(lang))]),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::Kind;
    use crate::domain::bank::{Bank, DEFAULT_SET};
    use crate::domain::walk::Walk;
    use crate::domain::walk::prompt::Reply;

    #[test]
    fn every_case_walks_to_the_end_and_sits_beside_the_coach() {
        let bank = Bank::embedded();
        let set = bank.get(DEFAULT_SET).unwrap();
        for case in crate::domain::cases::embedded() {
            // A trainee who answers what is required, in their own words,
            // and skips the rest (follow-ups included).
            struct Trainee;
            impl crate::domain::walk::prompt::Prompter for Trainee {
                fn section(
                    &mut self,
                    _: &crate::domain::bank::Section,
                    _: Lang,
                ) -> anyhow::Result<()> {
                    Ok(())
                }
                fn ask(&mut self, ask: &crate::domain::walk::prompt::Ask) -> anyhow::Result<Reply> {
                    let q = ask.question;
                    Ok(match (ask.required, q.kind) {
                        (false, _) => Reply::Skip,
                        (true, Kind::Choice | Kind::Scale | Kind::YesNo) => Reply::Picked(1),
                        (true, Kind::Multi) => Reply::PickedMany(vec![0]),
                        (true, _) => Reply::Typed(format!("Mijn antwoord bij {}", q.id)),
                    })
                }
                fn show(&mut self, _: &str) -> anyhow::Result<()> {
                    Ok(())
                }
                fn show_styled(&mut self, _: &crate::printable::Styled) -> anyhow::Result<()> {
                    Ok(())
                }
                fn width(&self) -> Option<usize> {
                    None
                }
                fn choose(&mut self, _: &str, _: &[&str], default: usize) -> anyhow::Result<usize> {
                    Ok(default)
                }
            }
            let mut walk = Walk::new(set, Lang::Nl, Vec::new());
            walk.run(&mut Trainee, &mut ()).unwrap();
            let mut note = CaseNote::new(
                "oefen1".into(),
                jiff::Timestamp::now(),
                set,
                Lang::Nl,
                walk.answers(),
            );
            note.practice = Some(case.key.clone());
            let shown =
                crate::render::terminal::render(&doc(&note, &case, set, Lang::Nl), None).text();
            assert!(shown.contains(&case.title.nl), "{}", case.key);
            assert!(
                shown.contains("Mijn antwoord bij wet.toelichting"),
                "{shown}"
            );
            assert!(shown.contains("Oordeel: nee"), "{shown}");
            let first_point = case.coach.zelfregie.nl.trim().lines().next().unwrap();
            let words: Vec<&str> = first_point.split_whitespace().take(3).collect();
            assert!(
                shown.contains(&words.join(" ")),
                "{}: coach notes missing",
                case.key
            );
            // Every legal point is shown with its number, law and article
            // and what it says; no marker is left as it was written.
            for point in &case.legal {
                let cite = format!("] {}", point.citation());
                assert!(shown.contains(&cite), "{}: {cite} not shown", case.key);
                let said = first_words(&point.text.nl);
                assert!(shown.contains(&said), "{}: {said} not shown", case.key);
            }
            assert!(
                !shown.contains("[§"),
                "{}: a marker left: {shown}",
                case.key
            );
        }
    }

    fn first_words(text: &str) -> String {
        text.split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The same point keeps its number wherever it is referred to, and is
    /// listed under each part that refers to it.
    #[test]
    fn legal_points_are_numbered_in_reading_order() {
        let bank = Bank::embedded();
        let set = bank.get(DEFAULT_SET).unwrap();
        let case = crate::domain::cases::embedded()
            .into_iter()
            .find(|c| c.key == "drieentwintig")
            .unwrap();
        let note = CaseNote::new(
            "oefen1".into(),
            jiff::Timestamp::now(),
            set,
            Lang::Nl,
            Vec::new(),
        );
        let doc = doc(&note, &case, set, Lang::Nl);
        let cited: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Answer { question, .. } if question.starts_with('[') => {
                    Some(question.as_str())
                }
                _ => None,
            })
            .collect();
        // The law corner names the Jeugdwet first, then the melding and the
        // two weeks; the team question repeats the third under its own table.
        assert_eq!(
            cited[..4],
            [
                "[1] Jeugdwet art. 1.1",
                "[2] Wmo 2015 art. 2.3.2",
                "[3] Wmo 2015 art. 2.3.5 lid 1",
                "[3] Wmo 2015 art. 2.3.5 lid 1",
            ]
        );
        let shown = crate::render::terminal::render(&doc, None).text();
        assert!(shown.contains("kan niet [1]."), "{shown}");
        assert!(shown.contains("[4] Awb art. 4:14"), "{shown}");
    }
}
