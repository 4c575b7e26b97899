//! Bundled exceptions: what many cases say together. Cases blocked by the
//! same rule tell policy makers where the system must change, and the
//! outcomes tell how often that rule was broken through and how long it
//! took. Counted from [`Record`]s, whether they come from the own store or
//! from many teams' anonymous exports: one way of counting for both.

use std::collections::{BTreeMap, HashMap};

use crate::domain::answer::{Euros, Scope, Verdict};
use crate::domain::bank::{Bank, Roles};
use crate::domain::outcome::Decision;
use crate::domain::record::{Record, tidy};
use crate::i18n::Lang;

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

/// The places on one contrast row, summed before averaging.
#[derive(Default)]
struct ContrastSum {
    set: String,
    poles: Option<(String, String)>,
    now: (i64, usize),
    desired: (i64, usize),
    notes: usize,
}

/// The cases stuck on one concrete rule line, whatever blocked them: the
/// unit a municipality can change.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct RuleRow {
    /// The rule line as written most often, spacing tidied (of spellings
    /// used as often, the first in sorting order); empty when no rule was
    /// named.
    pub rule: String,
    /// The kinds of blocker the cases named, each with its count, most
    /// named first (`een werkinstructie (2), het gevoel … (1)`); empty when
    /// none was chosen.
    pub blocker: String,
    /// The blockers as the question set's values, most named first, the
    /// same in every language: for tools.
    pub blocker_keys: Vec<String>,
    /// The blockers with how many of the rule's cases named each.
    pub blockers: Vec<BlockerCount>,
    /// Who would pay for the proposals (question set 3's
    /// `middelen.betaler`), each with how many of the rule's cases named
    /// it, most named first: `gemeente 3, zorgverzekeraar 1`.
    pub payers: Vec<BlockerCount>,
    /// Who would save on them (`middelen.bespaarder`), counted the same
    /// way: the split incentive, where one pays and another saves.
    pub savers: Vec<BlockerCount>,
    pub cases: usize,
    /// Cases where the exception was made, in whole or in part.
    pub broke_through: usize,
    /// Cases where it was refused.
    pub refused: usize,
    /// The median number of days from the note to the first decision, over
    /// the cases decided.
    pub median_days_to_decision: Option<f64>,
    /// Cases that gave both costs; only they count in the sums.
    pub costed: usize,
    /// What the current routes cost over the bundle's horizon, in cents
    /// (a yearly sum each year, a one-off sum once, a sum over n years its
    /// part within the horizon: [`crate::domain::answer::Cost::within`]).
    pub cost_current: i64,
    /// What the proposals cost over the horizon, counted the same way.
    pub cost_proposed: i64,
    /// What the proposals save over the horizon (negative: they cost more).
    pub saving: i64,
}

/// The years a bundle compares every case's costs over, unless asked
/// otherwise (`bundle --horizon N`).
pub const DEFAULT_HORIZON: u32 = 3;

/// The horizon of a count: [`DEFAULT_HORIZON`] years unless set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Horizon(u32);

impl Default for Horizon {
    fn default() -> Horizon {
        Horizon(DEFAULT_HORIZON)
    }
}

/// How many of a rule's cases named one value of a question: a kind of
/// blocker, a payer, a saver.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct BlockerCount {
    /// The question set's value.
    pub key: String,
    /// Its label in the reader's language.
    pub name: String,
    pub cases: usize,
}

/// One rule row while counting: the spellings of its line, its blockers,
/// and the days to decision for the median.
#[derive(Default)]
struct RuleSum {
    row: RuleRow,
    spellings: HashMap<String, usize>,
    blockers: ValueCounts,
    payers: ValueCounts,
    savers: ValueCounts,
    days: Vec<i64>,
}

/// A rule line for grouping: lower case, runs of spacing as one space, no
/// spacing or punctuation at the ends (`Intake-eis  Schuldhulp.` and
/// `intake-eis schuldhulp` are one rule). Empty when nothing but spacing
/// and punctuation was typed: no rule named.
pub fn rule_key(rule: &str) -> String {
    tidy(rule.trim_matches(|c: char| c.is_whitespace() || end_mark(c))).to_lowercase()
}

/// Punctuation that may stand at either end of a rule line without making
/// it another rule: a full stop, quotes, dashes, brackets, an ellipsis.
fn end_mark(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '…' | '‘'
                | '’'
                | '‚'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '–'
                | '—'
                | '·'
                | '•'
        )
}

/// The spelling written most often; of spellings written as often, the
/// first in sorting order, whatever order the cases came in.
pub fn most_used(spellings: HashMap<String, usize>) -> String {
    spellings
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(spelling, _)| spelling)
        .unwrap_or_default()
}

/// The rule lines named in `lines` (a note's each), every rule once as it
/// is written most often, most used first, then by rule: what the walk
/// offers at the rule question, so one rule keeps one spelling. A line no
/// walk would take now (a control character, over a line's length) is
/// left out: picking it would be refused.
pub fn rules_in_use(lines: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut by_rule: HashMap<String, (usize, HashMap<String, usize>)> = HashMap::new();
    for line in lines {
        let line = tidy(&line);
        let key = rule_key(&line);
        let takes = line.chars().count() <= crate::domain::answer::MAX_LINE
            && !line.chars().any(crate::printable::steers);
        if key.is_empty() || !takes {
            continue;
        }
        let (n, spellings) = by_rule.entry(key).or_default();
        *n += 1;
        *spellings.entry(line).or_insert(0) += 1;
    }
    let mut rules: Vec<(usize, String, String)> = by_rule
        .into_iter()
        .map(|(key, (n, spellings))| (n, key, most_used(spellings)))
        .collect();
    rules.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    rules.into_iter().map(|(_, _, rule)| rule).collect()
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bundle {
    /// Per rule line, most cases first.
    pub rules: Vec<RuleRow>,
    /// How many cases were counted.
    pub count: usize,
    /// The cases of the own store, as (id, title), in the order given;
    /// records of an export are not listed.
    pub cases: Vec<(String, String)>,
    /// Law, money, self-direction.
    pub verdicts: [Tally; 3],
    /// (label, count), most frequent first.
    pub laws: Vec<(String, usize)>,
    /// The laws typed under "anders", by name.
    pub laws_other: Vec<(String, usize)>,
    pub blockers: Vec<(String, usize)>,
    /// Structural cases by what blocks them: (blocker, count, the ids of
    /// those from the own store).
    pub structural: Vec<(String, usize, Vec<String>)>,
    /// The years every case's costs are compared over.
    pub horizon: u32,
    /// What the current routes cost over the horizon.
    pub cost_current: Euros,
    /// What the proposals cost over the horizon.
    pub cost_proposed: Euros,
    /// Notes that gave both amounts.
    pub costed: usize,
    /// Notes without a single contrast placed (short walks): left out of
    /// the averages, and said so.
    pub without_profile: usize,
    pub contrasts: Vec<ContrastAverage>,
    /// (row, count) of the rational/relational row most stuck.
    pub stuck: Vec<(String, usize)>,
    /// (answer, count) for "was this discussed with the person".
    pub discussed: Vec<(String, usize)>,
    /// How the cases stand after the discussion: toegekend, deels,
    /// afgewezen, loopt nog, and no decision recorded.
    pub decisions: [usize; 5],
    /// The median days to a decision over all cases decided.
    pub median_days: Option<f64>,
    /// Laws, blockers, "discussed" answers and stuck rows as the question
    /// set's values with their counts: the same in every language.
    pub keys: [Vec<(String, usize)>; 4],
    /// (label, count) of the labelling phrases found in the notes.
    pub labels: Vec<(String, usize)>,
}

/// The label of `value` for a role's question in `set`, in `lang`; the
/// value itself (spaced) when the set or the choice is not known here.
fn label(
    bank: &Bank,
    lang: Lang,
    set: &str,
    role: fn(&Roles) -> &Option<String>,
    value: &str,
) -> String {
    bank.get(set)
        .and_then(|s| s.question(role(&s.roles).as_deref()?))
        .and_then(|q| q.choices.iter().find(|c| c.value == value))
        .map_or_else(
            || value.replace('_', " "),
            |c| c.label.get(lang).to_string(),
        )
}

/// Counts per value, each with a set that gave it: labelled once
/// at the end, so a hundred thousand records cost a hundred thousand
/// counts, not label lookups.
#[derive(Default)]
struct ValueCounts(HashMap<String, (usize, String)>);

impl ValueCounts {
    fn add(&mut self, value: &str, set: &str) {
        match self.0.get_mut(value) {
            // Of two sets, the first in sorting order: the same label
            // whatever order the cases come in.
            Some((n, first)) => {
                *n += 1;
                if set < first.as_str() {
                    *first = set.to_string();
                }
            }
            None => {
                self.0.insert(value.to_string(), (1, set.to_string()));
            }
        }
    }

    /// (value, count), most frequent first: the same in every language.
    fn by_value(&self) -> Vec<(String, usize)> {
        ranked(self.0.iter().map(|(v, (n, _))| (v.clone(), *n)).collect())
    }

    /// (label, count), most frequent first; values that share a label
    /// (the same choice in two releases of a set) count together.
    fn ranked(
        self,
        bank: &Bank,
        lang: Lang,
        role: fn(&Roles) -> &Option<String>,
    ) -> Vec<(String, usize)> {
        let mut by_label = BTreeMap::new();
        for (value, (n, set)) in self.0 {
            *by_label
                .entry(label(bank, lang, &set, role, &value))
                .or_insert(0) += n;
        }
        ranked(by_label)
    }
}

impl ValueCounts {
    /// Each value with its label in `lang` and its count, most frequent
    /// first, then by value: the same order in every language.
    fn counted(
        self,
        bank: &Bank,
        lang: Lang,
        role: fn(&Roles) -> &Option<String>,
    ) -> Vec<BlockerCount> {
        let mut counted: Vec<BlockerCount> = self
            .0
            .into_iter()
            .map(|(key, (cases, set))| BlockerCount {
                name: label(bank, lang, &set, role, &key),
                key,
                cases,
            })
            .collect();
        counted.sort_by(|a, b| b.cases.cmp(&a.cases).then_with(|| a.key.cmp(&b.key)));
        counted
    }
}

fn ranked(counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// The middle of `days` (the mean of the two middle ones for an even
/// count); `None` for none.
fn median(days: &mut [i64]) -> Option<f64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let mid = days.len() / 2;
    Some(if days.len() % 2 == 1 {
        days[mid] as f64
    } else {
        (days[mid - 1] as f64 + days[mid] as f64) / 2.0
    })
}

/// Everything a bundle counts, gathered one case at a time: a bundle of a
/// hundred thousand cases never holds them all (see `bundle --from`).
#[derive(Default)]
pub struct Count {
    horizon: Horizon,
    b: Bundle,
    laws: ValueCounts,
    blockers: ValueCounts,
    discussed: ValueCounts,
    stuck: ValueCounts,
    laws_other: BTreeMap<String, usize>,
    structural: HashMap<(String, String), (usize, Vec<String>)>,
    labels: BTreeMap<String, usize>,
    contrasts: Vec<(String, ContrastSum)>,
    /// Where each row's sum is in `contrasts`: a record of a hand-made file
    /// may name thousands of rows, and each is found at once.
    contrast_at: HashMap<String, usize>,
    /// Per rule line's key ([`rule_key`]).
    rules: HashMap<String, RuleSum>,
    all_days: Vec<i64>,
}

impl Count {
    /// A count that compares costs over `years` years
    /// (`Count::default()`: [`DEFAULT_HORIZON`]).
    pub fn over(years: u32) -> Count {
        Count {
            horizon: Horizon(years),
            ..Count::default()
        }
    }

    /// Counts one case. A case of the own store (it has a title) is also
    /// listed by its id; a record of an export only counts.
    pub fn add(&mut self, r: &Record) {
        let Count {
            b,
            laws,
            blockers,
            discussed,
            stuck,
            laws_other,
            structural,
            labels,
            ..
        } = self;
        b.count += 1;
        if let Some(title) = &r.title {
            b.cases.push((r.id.clone(), title.clone()));
        }
        for (tally, v) in b
            .verdicts
            .iter_mut()
            .zip([r.law, r.money, r.self_direction])
        {
            tally.add(v);
        }
        for v in &r.laws {
            laws.add(v, &r.set);
        }
        if let Some(name) = &r.law_other {
            *laws_other.entry(name.clone()).or_insert(0) += 1;
        }
        for v in &r.blockers {
            blockers.add(v, &r.set);
        }
        for v in &r.discussed {
            discussed.add(v, &r.set);
        }
        if let Some(v) = &r.stuck_row {
            stuck.add(v, &r.set);
        }
        for l in &r.labels {
            *labels.entry(l.clone()).or_insert(0) += 1;
        }
        if r.scope == Some(Scope::Structureel) {
            let first = r.blockers.first().cloned().unwrap_or_default();
            let (n, ids) = structural.entry((first, r.set.clone())).or_default();
            *n += 1;
            ids.extend(r.title.is_some().then(|| r.id.clone()));
        }
        self.add_rule(r);
        self.add_contrasts(r);
    }

    /// Counts a case under its rule and blockers: how it ended, how long
    /// that took, and what it costs.
    fn add_rule(&mut self, r: &Record) {
        let Count {
            horizon,
            b,
            rules,
            all_days,
            ..
        } = self;
        let rule = tidy(r.rule.as_deref().unwrap_or_default());
        let key = rule_key(&rule);
        // What was written, to show the rule as it is written most often;
        // nothing but punctuation names no rule.
        let spelling = if key.is_empty() { String::new() } else { rule };
        let sum = rules.entry(key).or_default();
        *sum.spellings.entry(spelling).or_insert(0) += 1;
        for v in &r.blockers {
            sum.blockers.add(v, &r.set);
        }
        for v in &r.payers {
            sum.payers.add(v, &r.set);
        }
        for v in &r.savers {
            sum.savers.add(v, &r.set);
        }
        let row = &mut sum.row;
        row.cases += 1;
        let at = r
            .decision
            .and_then(|d| Decision::ALL.iter().position(|a| *a == d));
        b.decisions[at.unwrap_or(Decision::ALL.len())] += 1;
        match r.decision {
            Some(d) if d.broke_through() => row.broke_through += 1,
            Some(Decision::Afgewezen) => row.refused += 1,
            _ => {}
        }
        if let Some(days) = r.days_to_decision {
            sum.days.push(days);
            all_days.push(days);
        }
        // Sums over the horizon. Unknown amounts are not counted as 0: a
        // case counts only with both amounts.
        let years = horizon.0;
        let within = |a: &Option<crate::domain::record::Amount>| {
            a.as_ref()
                .and_then(|a| a.cost())
                .and_then(|c| c.within(years))
        };
        if let (Some(now), Some(then)) = (within(&r.cost_current), within(&r.cost_proposed)) {
            b.costed += 1;
            row.costed += 1;
            // A tampered note may hold any amount: sums stop at the
            // largest, never wrap into negative numbers.
            row.cost_current = row.cost_current.saturating_add(now.0);
            row.cost_proposed = row.cost_proposed.saturating_add(then.0);
            row.saving = row.cost_current.saturating_sub(row.cost_proposed);
            let add = |sum: &mut Euros, more: Euros| sum.0 = sum.0.saturating_add(more.0);
            add(&mut b.cost_current, now);
            add(&mut b.cost_proposed, then);
        }
    }

    /// Adds a case's places on the rational/relational rows.
    fn add_contrasts(&mut self, r: &Record) {
        let Count {
            b,
            contrasts,
            contrast_at,
            ..
        } = self;
        if r.contrasts
            .iter()
            .all(|k| k.now.is_none() && k.desired.is_none())
        {
            b.without_profile += 1;
        }
        for k in &r.contrasts {
            let at = *contrast_at.entry(k.key.clone()).or_insert_with(|| {
                let sum = ContrastSum {
                    set: r.set.clone(),
                    ..ContrastSum::default()
                };
                contrasts.push((k.key.clone(), sum));
                contrasts.len() - 1
            });
            let sum = &mut contrasts[at].1;
            if sum.poles.is_none() {
                sum.poles.clone_from(&k.poles);
            }
            let add = |(total, n): &mut (i64, usize), v: Option<i64>| {
                if let Some(v) = v {
                    *total = total.saturating_add(v);
                    *n += 1;
                }
            };
            add(&mut sum.now, k.now);
            add(&mut sum.desired, k.desired);
            sum.notes += 1;
        }
    }

    /// The bundle of the cases counted, self.labels in `lang`.
    pub fn finish(mut self, bank: &Bank, lang: Lang) -> Bundle {
        let mut b = self.b;
        b.horizon = self.horizon.0;
        let mean = |(total, n): (i64, usize)| (n > 0).then(|| total as f64 / n as f64);
        // The rows in their set's order, whatever order the cases came in.
        let place = |key: &str, set: &str| {
            let defs = bank.get(set).map(|s| &s.contrasts);
            defs.and_then(|d| d.iter().position(|c| c.key == key))
                .unwrap_or(usize::MAX)
        };
        self.contrasts
            .sort_by_cached_key(|(key, c)| (place(key, &c.set), key.clone()));
        b.contrasts = self
            .contrasts
            .into_iter()
            .map(|(key, c)| {
                let def = bank
                    .get(&c.set)
                    .and_then(|s| s.contrasts.iter().find(|d| d.key == key));
                let (rational, relational) = c.poles.unwrap_or_else(|| {
                    def.map_or_else(
                        || (key.replace('_', " "), String::new()),
                        |d| {
                            (
                                d.rational.get(lang).to_string(),
                                d.relational.get(lang).to_string(),
                            )
                        },
                    )
                });
                ContrastAverage {
                    now: mean(c.now),
                    desired: mean(c.desired),
                    rational,
                    relational,
                    notes: c.notes,
                }
            })
            .collect();
        let blocker_label = |set: &str, value: &str| label(bank, lang, set, |r| &r.blocker, value);
        let mut rules = self
            .rules
            .into_iter()
            .map(|(key, mut sum)| {
                let blockers = sum.blockers.counted(bank, lang, |r| &r.blocker);
                let named: Vec<String> = blockers
                    .iter()
                    .map(|c| format!("{} ({})", c.name, c.cases))
                    .collect();
                sum.row.blocker = named.join(", ");
                sum.row.blocker_keys = blockers.iter().map(|c| c.key.clone()).collect();
                sum.row.blockers = blockers;
                sum.row.payers = sum.payers.counted(bank, lang, |r| &r.payer);
                sum.row.savers = sum.savers.counted(bank, lang, |r| &r.saver);
                sum.row.median_days_to_decision = median(&mut sum.days);
                sum.row.rule = most_used(sum.spellings);
                (key, sum.row)
            })
            .collect::<Vec<_>>();
        // Most cases first, then by rule: the same whatever order the
        // cases came in.
        rules.sort_by(|a, b| b.1.cases.cmp(&a.1.cases).then_with(|| a.0.cmp(&b.0)));
        b.rules = rules.into_iter().map(|(_, row)| row).collect();
        b.median_days = median(&mut self.all_days);
        b.keys =
            [&self.laws, &self.blockers, &self.discussed, &self.stuck].map(ValueCounts::by_value);
        b.laws = self.laws.ranked(bank, lang, |r| &r.laws);
        b.laws_other = ranked(self.laws_other);
        b.blockers = self.blockers.ranked(bank, lang, |r| &r.blocker);
        b.discussed = self.discussed.ranked(bank, lang, |r| &r.discussed);
        b.stuck = self.stuck.ranked(bank, lang, |r| &r.stuck_row);
        b.labels = ranked(self.labels);
        let mut by_label: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
        for ((value, set), (n, ids)) in self.structural {
            let key = if value.is_empty() {
                "—".to_string()
            } else {
                blocker_label(&set, &value)
            };
            let entry = by_label.entry(key).or_default();
            entry.0 += n;
            entry.1.extend(ids);
        }
        let mut structural: Vec<(String, usize, Vec<String>)> = by_label
            .into_iter()
            .map(|(l, (n, ids))| (l, n, ids))
            .collect();
        structural.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        b.structural = structural;
        b
    }
}

impl Bundle {
    /// Sums up `records`, one per case (see [`crate::domain::record::records`]);
    /// labels in `lang`.
    pub fn of(records: &[Record], bank: &Bank, lang: Lang) -> Bundle {
        Bundle::over(DEFAULT_HORIZON, records, bank, lang)
    }

    /// [`Bundle::of`], costs compared over `years` years.
    pub fn over(years: u32, records: &[Record], bank: &Bank, lang: Lang) -> Bundle {
        let mut count = Count::over(years);
        for r in records {
            count.add(r);
        }
        count.finish(bank, lang)
    }

    /// Whether a case names this law or rule: its value, or a word of its
    /// label in either language, in any case.
    pub fn names_law(record: &Record, bank: &Bank, law: &str) -> bool {
        let wanted = law.to_lowercase();
        record.laws.iter().any(|v| {
            let both = [Lang::Nl, Lang::En].map(|l| label(bank, l, &record.set, |r| &r.laws, v));
            v.to_lowercase() == wanted || both.iter().any(|l| l.to_lowercase().contains(&wanted))
        }) || record
            .law_other
            .as_ref()
            .is_some_and(|t| t.to_lowercase().contains(&wanted))
    }

    /// The names `--law` knows: every law choice of the question sets (its
    /// value) and every law typed under "anders" (`others`), sorted.
    pub fn known_laws<'a>(
        others: impl IntoIterator<Item = &'a String>,
        bank: &Bank,
    ) -> Vec<String> {
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
        names.extend(others.into_iter().cloned());
        names.into_iter().collect()
    }

    /// Whether `law` names a known law (as `names_law` matches it), and if
    /// not, the nearest known name.
    pub fn check_law<'a>(
        others: impl IntoIterator<Item = &'a String>,
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
        let known = Bundle::known_laws(others, bank);
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
    use crate::domain::answer::{Answer, Cost, Period};
    use crate::domain::bank::DEFAULT_SET;
    use crate::domain::note::CaseNote;
    use crate::domain::record::records;
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
    fn the_median_is_the_middle_or_the_mean_of_the_two_middle_days() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7]), Some(7.0));
        assert_eq!(median(&mut [10, 1, 3]), Some(3.0));
        assert_eq!(median(&mut [10, 1, 4, 3]), Some(3.5));
    }

    #[test]
    fn rule_lines_group_regardless_of_case_and_spacing() {
        assert_eq!(
            rule_key("  Intake-eis\t  Schuldhulp "),
            "intake-eis schuldhulp"
        );
        assert_eq!(rule_key(""), "");
        assert_eq!(
            rule_key("“Intake-eis schuldhulp.”"),
            rule_key("intake-eis schuldhulp"),
            "punctuation at the ends is no other rule"
        );
        assert_eq!(
            rule_key(" ... "),
            "",
            "nothing but punctuation names no rule"
        );
        assert_eq!(
            rule_key("art. 4:84 Awb"),
            "art. 4:84 awb",
            "inside it stays"
        );
    }

    #[test]
    fn the_rules_in_use_come_most_used_first_each_once_as_written_most() {
        let lines = [
            "Eigen bijdrage",
            "intake-eis",
            "eigen  bijdrage.",
            "Intake-eis",
            "intake-eis",
            "",
            "...",
            "stuur\u{1b}[2J",
            "toewijzing",
        ];
        assert_eq!(
            rules_in_use(lines.map(String::from)),
            ["intake-eis", "Eigen bijdrage", "toewijzing"]
        );
    }

    /// A record of the default set on `rule`, blocked by `blockers`.
    fn on_rule(rule: &str, blockers: &[&str]) -> Record {
        let mut r: Record = serde_json::from_str(
            r#"{"id":"ab","case":"cd","revision":0,"month":"2026-11","set":"waardendriehoek"}"#,
        )
        .unwrap();
        r.rule = Some(rule.into());
        r.blockers = blockers.iter().map(|b| b.to_string()).collect();
        r
    }

    #[test]
    fn one_rule_is_one_row_whatever_blocked_it_and_however_it_was_spelled() {
        let bank = Bank::embedded();
        let records = [
            on_rule("Intake-eis schuldhulp", &["werkinstructie"]),
            on_rule("intake-eis   Schuldhulp.", &["beleidsregel", "gevoel"]),
            on_rule("Intake-eis  schuldhulp", &["werkinstructie"]),
            on_rule("toewijzing", &[]),
        ];
        let b = Bundle::of(&records, &bank, Lang::Nl);
        assert_eq!(b.rules.len(), 2, "{:?}", b.rules);
        let row = &b.rules[0];
        assert_eq!(row.cases, 3);
        assert_eq!(row.rule, "Intake-eis schuldhulp", "the spelling used most");
        assert_eq!(
            row.blocker_keys,
            ["werkinstructie", "beleidsregel", "gevoel"],
            "most named first, then by value"
        );
        assert_eq!(row.blockers[0].cases, 2);
        assert_eq!(
            row.blocker,
            "een werkinstructie (2), een beleidsregel (1), het gevoel dat het niet mag (1)"
        );
        assert_eq!(b.rules[1].blocker, "", "no blocker chosen");
        // The same rows whatever order the cases come in; of two spellings
        // used as often, the first in sorting order.
        let mut reversed = records.clone();
        reversed.reverse();
        assert_eq!(Bundle::of(&reversed, &bank, Lang::Nl), b);
        let tie = [on_rule("b regel", &[]), on_rule("B Regel", &[])];
        for order in [[0, 1], [1, 0]] {
            let records = order.map(|i| tie[i].clone());
            assert_eq!(
                Bundle::of(&records, &bank, Lang::Nl).rules[0].rule,
                "B Regel"
            );
        }
    }

    #[test]
    fn per_rule_who_pays_and_who_saves_each_with_its_cases() {
        let bank = Bank::embedded();
        let paid = |payers: &[&str], savers: &[&str]| {
            let mut r = on_rule("eigen bijdrage", &["verordening"]);
            r.payers = payers.iter().map(|v| v.to_string()).collect();
            r.savers = savers.iter().map(|v| v.to_string()).collect();
            r
        };
        let records = [
            paid(&["gemeente"], &["zorgverzekeraar"]),
            paid(&["gemeente"], &["zorgverzekeraar", "corporatie"]),
            paid(&["gemeente", "rijk"], &["weet_niet"]),
            paid(&[], &[]),
            on_rule("toewijzing", &[]),
        ];
        let b = Bundle::of(&records, &bank, Lang::Nl);
        let said = |counts: &[BlockerCount]| -> Vec<(String, String, usize)> {
            counts
                .iter()
                .map(|c| (c.key.clone(), c.name.clone(), c.cases))
                .collect()
        };
        let row = &b.rules[0];
        assert_eq!(row.cases, 4);
        let named = |k: &str, n: &str, c| (k.to_string(), n.to_string(), c);
        assert_eq!(
            said(&row.payers),
            [named("gemeente", "gemeente", 3), named("rijk", "Rijk", 1)]
        );
        assert_eq!(
            said(&row.savers),
            [
                named("zorgverzekeraar", "zorgverzekeraar", 2),
                named("corporatie", "woningcorporatie", 1),
                named("weet_niet", "weet ik nog niet", 1),
            ]
        );
        assert!(b.rules[1].payers.is_empty() && b.rules[1].savers.is_empty());
        let en = Bundle::of(&records, &bank, Lang::En);
        assert_eq!(en.rules[0].payers[0].name, "municipality");
        assert_eq!(en.rules[0].savers[0].name, "health insurer");
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
        let mut twin = big.clone();
        twin.id = crate::store::new_id();
        let bank = Bank::embedded();
        let b = Bundle::of(
            &records(&[big, twin], &bank, |_| Vec::new()),
            &bank,
            Lang::Nl,
        );
        assert_eq!(b.cost_current, Euros(i64::MAX));
        assert_eq!(b.cost_proposed, Euros(i64::MAX));
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
        let records = records(&notes, &bank, |_| vec!["zorgmijder".into()]);
        let b = Bundle::of(&records, &bank, Lang::Nl);
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
        assert_eq!(b.structural[0].1, 2);
        // Over three years: each yearly sum three times, the one-off once.
        assert_eq!(b.horizon, 3);
        assert_eq!(b.cost_current, Euros(11_700_000));
        assert_eq!(b.cost_proposed, Euros(1_200_000));
        assert_eq!(b.rules[0].saving, 10_500_000);
        let over_one = Bundle::over(1, &records, &bank, Lang::Nl);
        assert_eq!(over_one.cost_current, Euros(3_900_000));
        assert_eq!(over_one.cost_proposed, Euros(600_000));
        assert_eq!(b.contrasts[0].now, Some(2.0));
        assert_eq!(b.contrasts[0].desired, Some(5.0));
        assert_eq!(b.discussed, vec![("nog niet".to_string(), 3)]);
        assert_eq!(b.labels, vec![("zorgmijder".to_string(), 3)]);
        assert!(Bundle::names_law(&records[0], &bank, "wmo"));
        assert!(Bundle::names_law(&records[0], &bank, "WGS"));
        assert!(!Bundle::names_law(&records[2], &bank, "jeugdwet"));
    }
}
