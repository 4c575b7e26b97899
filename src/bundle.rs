//! Bundled exceptions: what many notes say together. Cases blocked by the
//! same rule tell policy makers where the system must change. Counts and
//! sums only; no personal text (cases appear by id, titles only on request).

use std::collections::BTreeMap;

use crate::bank::{Bank, Roles};
use crate::i18n::Lang;
use crate::note::{Answer, CaseNote, Euros, Period, Scope, Verdict};

/// How often each verdict was given to one triangle question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub ja: usize,
    pub nee: usize,
    pub twijfel: usize,
    pub open: usize,
}

impl Tally {
    fn add(&mut self, v: Option<Verdict>) {
        match v {
            Some(Verdict::Ja) => self.ja += 1,
            Some(Verdict::Nee) => self.nee += 1,
            Some(Verdict::Twijfel) => self.twijfel += 1,
            None => self.open += 1,
        }
    }
}

/// The average place of one contrast row, now and desired.
#[derive(Clone, Debug, PartialEq)]
pub struct ContrastAverage {
    pub rational: String,
    pub relational: String,
    pub now: Option<f64>,
    pub desired: Option<f64>,
    pub notes: usize,
}

/// The places on one contrast row, gathered before averaging.
#[derive(Default)]
struct ContrastSum {
    key: String,
    rational: String,
    relational: String,
    now: Vec<i64>,
    desired: Vec<i64>,
    notes: usize,
}

/// The cases stuck on one concrete rule line with one kind of blocker: the
/// unit a municipality can change.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct RuleRow {
    /// The rule line as first written, spacing tidied; empty when no rule
    /// was named.
    pub rule: String,
    /// The blocker labels, joined; empty when none was chosen.
    pub blocker: String,
    pub cases: usize,
    /// Cases that gave both costs; only they count in the sums.
    pub costed: usize,
    /// Yearly cost of the current routes, in cents (a sum over n years as
    /// 1/n per year, a one-off sum in its year).
    pub cost_current_yearly: i64,
    /// Yearly cost of the proposals, counted the same way.
    pub cost_proposed_yearly: i64,
}

/// A rule line for grouping: lower case, runs of spacing as one space.
pub fn rule_key(rule: &str) -> String {
    rule.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bundle {
    /// Per (rule line, blocker), most cases first.
    pub rules: Vec<RuleRow>,
    /// The cases counted, as (id, title), newest first.
    pub cases: Vec<(String, String)>,
    /// Law, money, self-direction.
    pub verdicts: [Tally; 3],
    /// (label, count), most frequent first.
    pub laws: Vec<(String, usize)>,
    /// The laws typed under "anders", by name.
    pub laws_other: Vec<(String, usize)>,
    pub blockers: Vec<(String, usize)>,
    /// Structural cases by what blocks them: (blocker, case ids).
    pub structural: Vec<(String, Vec<String>)>,
    pub cost_current: Euros,
    pub cost_once: Euros,
    pub cost_yearly: Euros,
    /// Notes that gave both amounts.
    pub costed: usize,
    /// Notes without a single contrast placed (short walks): left out of
    /// the averages, and said so.
    pub without_profile: usize,
    pub contrasts: Vec<ContrastAverage>,
    /// (answer, count) for "was this discussed with the person".
    pub discussed: Vec<(String, usize)>,
    /// (label, count) of the labelling phrases found in the notes.
    pub labels: Vec<(String, usize)>,
}

/// The values a role's answer holds, each with its label in `lang`.
fn values(
    note: &CaseNote,
    roles: Option<&Roles>,
    role: fn(&Roles) -> &Option<String>,
    bank_label: impl Fn(&str, &str) -> Option<String>,
) -> Vec<(String, String)> {
    let Some(id) = roles.and_then(|r| role(r).as_deref()) else {
        return Vec::new();
    };
    let Some(entry) = note.entry(id) else {
        return Vec::new();
    };
    let raw: Vec<String> = match &entry.value {
        Answer::Choice(v) => vec![v.clone()],
        Answer::Multi(vs) => vs.clone(),
        Answer::YesNo(b) => vec![if *b { "ja" } else { "nee" }.to_string()],
        _ => Vec::new(),
    };
    raw.iter()
        .enumerate()
        .map(|(i, v)| {
            let label = bank_label(id, v)
                .or_else(|| entry.labels.get(i).cloned())
                .unwrap_or_else(|| v.replace('_', " "));
            (v.clone(), label)
        })
        .collect()
}

/// A text answer for a role, trimmed; `None` when empty or absent.
fn text(
    note: &CaseNote,
    roles: Option<&Roles>,
    role: fn(&Roles) -> &Option<String>,
) -> Option<String> {
    let id = roles.and_then(|r| role(r).as_deref())?;
    match &note.entry(id)?.value {
        Answer::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    }
}

fn ranked(counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

impl Bundle {
    /// Sums up `notes` (practice notes are left out). `labels_in` names the
    /// labelling phrases found in a note, for the label count.
    pub fn of(
        notes: &[CaseNote],
        bank: &Bank,
        lang: Lang,
        labels_in: impl Fn(&CaseNote) -> Vec<String>,
    ) -> Bundle {
        let mut b = Bundle::default();
        let mut laws = BTreeMap::new();
        let mut blockers = BTreeMap::new();
        let mut laws_other = BTreeMap::new();
        let mut structural: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut discussed = BTreeMap::new();
        let mut labels = BTreeMap::new();
        let mut contrasts: Vec<ContrastSum> = Vec::new();
        let mut rules: BTreeMap<(String, String), RuleRow> = BTreeMap::new();
        // A case and its revisions are one case: only the latest version
        // (the one no other note revises) is counted.
        let revised: std::collections::HashSet<&str> =
            notes.iter().filter_map(|n| n.revises.as_deref()).collect();
        for note in notes
            .iter()
            .filter(|n| n.practice.is_none() && !revised.contains(n.id.as_str()))
        {
            b.cases.push((note.id.clone(), note.title.clone()));
            let t = &note.triangle;
            for (tally, v) in b
                .verdicts
                .iter_mut()
                .zip([t.law, t.money, t.self_direction])
            {
                tally.add(v);
            }
            let set = bank.get(&note.set);
            let roles = set.map(|s| &s.roles);
            let label = |qid: &str, v: &str| {
                let q = set?.question(qid)?;
                q.choices
                    .iter()
                    .find(|c| c.value == v)
                    .map(|c| c.label.get(lang).to_string())
            };
            for (v, l) in values(note, roles, |r| &r.laws, label) {
                *laws.entry(l).or_insert(0) += 1;
                // "anders" is also listed by the name the worker typed.
                if v == "anders"
                    && let Some(name) = text(note, roles, |r| &r.laws_other)
                {
                    *laws_other.entry(name).or_insert(0) += 1;
                }
            }
            let blocker = values(note, roles, |r| &r.blocker, label);
            let rule = text(note, roles, |r| &r.rule).unwrap_or_default();
            let kinds: Vec<&str> = blocker.iter().map(|(_, l)| l.as_str()).collect();
            let kinds = kinds.join(", ");
            let row = rules
                .entry((rule_key(&rule), kinds.clone()))
                .or_insert_with(|| RuleRow {
                    rule: rule.split_whitespace().collect::<Vec<_>>().join(" "),
                    blocker: kinds,
                    ..RuleRow::default()
                });
            row.cases += 1;
            for (_, l) in &blocker {
                *blockers.entry(l.clone()).or_insert(0) += 1;
            }
            if note.scope == Some(Scope::Structureel) {
                let key = blocker
                    .first()
                    .map_or_else(|| "—".to_string(), |(_, l)| l.clone());
                structural.entry(key).or_default().push(note.id.clone());
            }
            for (_, l) in values(note, roles, |r| &r.discussed, label) {
                *discussed.entry(l).or_insert(0) += 1;
            }
            for l in labels_in(note) {
                *labels.entry(l).or_insert(0) += 1;
            }
            let c = &note.costs;
            // Sums per year: a one-off sum counts in its year, a sum over n
            // years as 1/n per year. Unknown amounts are not counted as 0.
            if let (Some(current), Some(proposed)) = (c.current, c.proposed)
                && let (Some(now), Some(then)) = (current.yearly(), proposed.yearly())
            {
                b.costed += 1;
                row.costed += 1;
                row.cost_current_yearly = row.cost_current_yearly.saturating_add(now.0);
                row.cost_proposed_yearly = row.cost_proposed_yearly.saturating_add(then.0);
                // A tampered note may hold any amount: sums stop at the
                // largest, never wrap into negative numbers.
                let add = |sum: &mut Euros, more: Euros| sum.0 = sum.0.saturating_add(more.0);
                add(&mut b.cost_current, now);
                match proposed.period {
                    Period::OneOff => add(&mut b.cost_once, then),
                    _ => add(&mut b.cost_yearly, then),
                }
            }
            if note
                .contrasts
                .iter()
                .all(|k| k.now.is_none() && k.desired.is_none())
            {
                b.without_profile += 1;
            }
            for k in &note.contrasts {
                let at = match contrasts.iter().position(|r| r.key == k.key) {
                    Some(at) => at,
                    None => {
                        contrasts.push(ContrastSum {
                            key: k.key.clone(),
                            rational: k.rational.clone(),
                            relational: k.relational.clone(),
                            ..ContrastSum::default()
                        });
                        contrasts.len() - 1
                    }
                };
                let row = &mut contrasts[at];
                row.now.extend(k.now);
                row.desired.extend(k.desired);
                row.notes += 1;
            }
        }
        let mean = |v: &[i64]| {
            (!v.is_empty()).then(|| v.iter().map(|x| *x as f64).sum::<f64>() / v.len() as f64)
        };
        b.contrasts = contrasts
            .into_iter()
            .map(|c| ContrastAverage {
                now: mean(&c.now),
                desired: mean(&c.desired),
                rational: c.rational,
                relational: c.relational,
                notes: c.notes,
            })
            .collect();
        b.rules = rules.into_values().collect();
        b.rules.sort_by(|a, b| {
            b.cases
                .cmp(&a.cases)
                .then_with(|| rule_key(&a.rule).cmp(&rule_key(&b.rule)))
                .then_with(|| a.blocker.cmp(&b.blocker))
        });
        b.laws = ranked(laws);
        b.laws_other = ranked(laws_other);
        b.blockers = ranked(blockers);
        b.discussed = ranked(discussed);
        b.labels = ranked(labels);
        let mut structural: Vec<(String, Vec<String>)> = structural.into_iter().collect();
        structural.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        b.structural = structural;
        b
    }

    /// Whether a note names this law or rule: its value, or a word of its
    /// label in either language, in any case.
    pub fn names_law(note: &CaseNote, bank: &Bank, law: &str) -> bool {
        let wanted = law.to_lowercase();
        let set = bank.get(&note.set);
        let both = |qid: &str, v: &str| {
            let q = set?.question(qid)?;
            q.choices
                .iter()
                .find(|c| c.value == v)
                .map(|c| format!("{} {}", c.label.nl, c.label.en))
        };
        let roles = set.map(|s| &s.roles);
        values(note, roles, |r| &r.laws, both)
            .iter()
            .any(|(v, l)| v.to_lowercase() == wanted || l.to_lowercase().contains(&wanted))
            || text(note, roles, |r| &r.laws_other)
                .is_some_and(|t| t.to_lowercase().contains(&wanted))
    }

    /// The names `--law` knows: every law choice of the question sets (its
    /// value) and every law typed under "anders" in `notes`, sorted.
    pub fn known_laws(notes: &[CaseNote], bank: &Bank) -> Vec<String> {
        let mut names = std::collections::BTreeSet::new();
        for set in bank.sets() {
            if let Some(q) = set.roles.laws.as_deref().and_then(|id| set.question(id)) {
                names.extend(
                    q.choices
                        .iter()
                        .filter(|c| c.value != "anders")
                        .map(|c| c.value.clone()),
                );
            }
        }
        for note in notes {
            let roles = bank.get(&note.set).map(|s| &s.roles);
            names.extend(text(note, roles, |r| &r.laws_other));
        }
        names.into_iter().collect()
    }

    /// Whether `law` names a known law (as `names_law` matches it), and if
    /// not, the nearest known name.
    pub fn check_law(
        notes: &[CaseNote],
        bank: &Bank,
        law: &str,
    ) -> Result<(), (Vec<String>, String)> {
        let wanted = law.to_lowercase();
        let labels = bank.sets().flat_map(|set| {
            set.roles
                .laws
                .as_deref()
                .and_then(|id| set.question(id))
                .into_iter()
                .flat_map(|q| q.choices.iter())
                .map(|c| format!("{} {}", c.label.nl, c.label.en).to_lowercase())
        });
        let known = Bundle::known_laws(notes, bank);
        let hit = known.iter().any(|k| k.to_lowercase().contains(&wanted))
            || labels.into_iter().any(|l| l.contains(&wanted));
        if hit && !wanted.trim().is_empty() {
            return Ok(());
        }
        let nearest = known
            .iter()
            .min_by_key(|k| strsim::levenshtein(&wanted, &k.to_lowercase()))
            .cloned()
            .unwrap_or_default();
        Err((known, nearest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::DEFAULT_SET;
    use crate::note::Cost;
    use jiff::Timestamp;

    fn note(
        law: &str,
        laws: &[&str],
        blocker: &str,
        scope: &str,
        costs: (i64, i64, &str),
    ) -> CaseNote {
        let bank = Bank::embedded();
        let set = bank.get(DEFAULT_SET).unwrap();
        let answers = vec![
            ("casus.titel".into(), Answer::Text("t".into())),
            ("wet.oordeel".into(), Answer::Choice(law.into())),
            (
                "wet.regel".into(),
                Answer::Multi(laws.iter().map(|s| s.to_string()).collect()),
            ),
            ("wet.blokkade".into(), Answer::Multi(vec![blocker.into()])),
            (
                "middelen.kosten_nu".into(),
                Answer::Cost(Cost {
                    amount: Some(Euros(costs.0 * 100)),
                    period: Period::PerYear,
                }),
            ),
            (
                "middelen.kosten_voorstel".into(),
                Answer::Cost(Cost {
                    amount: Some(Euros(costs.1 * 100)),
                    period: Period::parse(costs.2).unwrap(),
                }),
            ),
            ("contrasten.uniform_nu".into(), Answer::Scale(2)),
            ("contrasten.uniform_gewenst".into(), Answer::Scale(5)),
            (
                "reflectie.besproken".into(),
                Answer::Choice("nog_niet".into()),
            ),
            ("vervolg.schaal".into(), Answer::Choice(scope.into())),
        ];
        CaseNote::new(
            crate::store::new_id(),
            Timestamp::now(),
            set,
            Lang::Nl,
            answers,
        )
    }

    #[test]
    fn rule_lines_group_regardless_of_case_and_spacing() {
        assert_eq!(
            rule_key("  Intake-eis\t  Schuldhulp "),
            "intake-eis schuldhulp"
        );
        assert_eq!(rule_key(""), "");
    }

    #[test]
    fn cost_sums_stop_at_the_largest_amount_instead_of_wrapping() {
        let mut big = note(
            "ja",
            &[],
            "werkinstructie",
            "incidenteel",
            (1, 1, "eenmalig"),
        );
        let huge = |period| {
            Some(Cost {
                amount: Some(Euros(i64::MAX - 1)),
                period,
            })
        };
        big.costs.current = huge(Period::PerYear);
        big.costs.proposed = huge(Period::OneOff);
        let notes = vec![big.clone(), big];
        let b = Bundle::of(&notes, &Bank::embedded(), Lang::Nl, |_| Vec::new());
        assert_eq!(b.cost_current, Euros(i64::MAX));
        assert_eq!(b.cost_once, Euros(i64::MAX));
    }

    #[test]
    fn counts_sums_and_averages_across_notes() {
        let bank = Bank::embedded();
        let mut practice = note(
            "ja",
            &["jeugdwet"],
            "wet",
            "structureel",
            (1, 1, "jaarlijks"),
        );
        practice.practice = Some("oefencasus".into());
        let notes = vec![
            note(
                "nee",
                &["wmo2015", "wgs"],
                "beleidsregel",
                "structureel",
                (24_000, 3_000, "eenmalig"),
            ),
            note(
                "twijfel",
                &["wmo2015"],
                "beleidsregel",
                "structureel",
                (10_000, 2_000, "jaarlijks"),
            ),
            note(
                "nee",
                &["participatiewet"],
                "gewoonte",
                "incidenteel",
                (5_000, 1_000, "jaarlijks"),
            ),
            practice,
        ];
        let b = Bundle::of(&notes, &bank, Lang::Nl, |_| vec!["zorgmijder".into()]);
        assert_eq!(b.cases.len(), 3, "practice notes are left out");
        assert_eq!(
            b.verdicts[0],
            Tally {
                ja: 0,
                nee: 2,
                twijfel: 1,
                open: 0
            }
        );
        assert_eq!(b.laws[0], ("Wmo 2015".to_string(), 2));
        assert_eq!(b.blockers[0].1, 2);
        assert_eq!(b.structural.len(), 1);
        assert_eq!(b.structural[0].1.len(), 2);
        assert_eq!(b.cost_current, Euros(3_900_000));
        assert_eq!(b.cost_once, Euros(300_000));
        assert_eq!(b.cost_yearly, Euros(300_000));
        assert_eq!(b.contrasts[0].now, Some(2.0));
        assert_eq!(b.contrasts[0].desired, Some(5.0));
        assert_eq!(b.discussed, vec![("nog niet".to_string(), 3)]);
        assert_eq!(b.labels, vec![("zorgmijder".to_string(), 3)]);
        assert!(Bundle::names_law(&notes[0], &bank, "wmo"));
        assert!(Bundle::names_law(&notes[0], &bank, "WGS"));
        assert!(!Bundle::names_law(&notes[2], &bank, "jeugdwet"));
    }
}
