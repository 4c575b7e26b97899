//! A city's worth of invented anonymous exports, for the benchmark of
//! `bundle --from`. Seeded, so every run measures the same records.

use std::path::Path;

use driehoek::domain::bank::{Bank, DEFAULT_SET};

use crate::support::WORDS;

/// Writes a city's anonymous exports: `records` cases spread over `files`
/// files in `dir`, as many teams would send them. Each team has its own
/// rule lines and outcomes; a third of the cases placed the contrasts (a
/// full walk), the rest took the short walk.
pub fn city(dir: &Path, records: usize, files: usize) {
    use driehoek::domain::answer::{Scope, Verdict};
    use driehoek::domain::outcome::{Decision, Status};
    use driehoek::domain::record::{self, Amount, Export, Place, Record};

    let bank = Bank::embedded();
    let set = bank.get(DEFAULT_SET).unwrap();
    let choices = |role: Option<&String>| -> Vec<String> {
        let q = set.question(role.unwrap()).unwrap();
        q.choices.iter().map(|c| c.value.clone()).collect()
    };
    let laws = choices(set.roles.laws.as_ref());
    let blockers = choices(set.roles.blocker.as_ref());
    let discussed = choices(set.roles.discussed.as_ref());
    let rows = choices(set.roles.stuck_row.as_ref());
    let payers = choices(set.roles.payer.as_ref());
    let mut rng = fastrand::Rng::with_seed(11);
    let rules: Vec<String> = (0..300)
        .map(|i| {
            format!(
                "{} {} {i}",
                WORDS[i % WORDS.len()],
                WORDS[(i * 7) % WORDS.len()]
            )
        })
        .collect();
    let verdicts = [
        Some(Verdict::Ja),
        Some(Verdict::Nee),
        Some(Verdict::Twijfel),
        None,
    ];
    let periods = ["jaar", "eenmalig", "3 jaar"];
    std::fs::create_dir_all(dir).unwrap();
    for f in 0..files {
        let count = records / files + usize::from(f < records % files);
        let records: Vec<Record> = (0..count)
            .map(|_| {
                let decision = [
                    Some(Decision::Toegekend),
                    Some(Decision::Deels),
                    Some(Decision::Afgewezen),
                    Some(Decision::LooptNog),
                    None,
                ][rng.usize(..5)];
                let decided = decision.is_some_and(|d| d != Decision::LooptNog);
                // The full walk (a third) names who pays and who saves.
                let full = rng.u8(..3) == 0;
                let mut paid = || {
                    if full {
                        vec![payers[rng.usize(..payers.len())].clone()]
                    } else {
                        Vec::new()
                    }
                };
                let (payers, savers) = (paid(), paid());
                let mut hash = [0u8; 16];
                rng.fill(&mut hash);
                Record {
                    id: format!("{:016x}", rng.u64(..)),
                    case: hash.iter().map(|b| format!("{b:02x}")).collect(),
                    revision: u32::from(rng.u8(..10) == 0),
                    month: format!("20{}-{:02}", rng.u8(22..27), rng.u8(1..13)),
                    set: DEFAULT_SET.to_string(),
                    initials: None,
                    law: verdicts[rng.usize(..4)],
                    money: verdicts[rng.usize(..4)],
                    self_direction: verdicts[rng.usize(..4)],
                    laws: vec![laws[rng.usize(..laws.len() - 1)].clone()],
                    law_other: None,
                    blockers: vec![blockers[rng.usize(..blockers.len())].clone()],
                    rule: Some(rules[rng.usize(..rules.len())].clone()),
                    scope: Some([Scope::Incidenteel, Scope::Structureel][rng.usize(..2)]),
                    discussed: vec![discussed[rng.usize(..discussed.len())].clone()],
                    stuck_row: Some(rows[rng.usize(..rows.len())].clone()),
                    cost_current: Some(Amount {
                        cents: Some(rng.i64(1_000..10_000_000)),
                        period: periods[rng.usize(..3)].to_string(),
                    }),
                    cost_proposed: Some(Amount {
                        cents: (rng.u8(..5) > 0).then(|| rng.i64(1_000..10_000_000)),
                        period: periods[rng.usize(..3)].to_string(),
                    }),
                    payers,
                    savers,
                    contrasts: if full {
                        set.contrasts
                            .iter()
                            .map(|c| Place {
                                key: c.key.clone(),
                                now: Some(rng.i64(1..=5)),
                                desired: Some(rng.i64(1..=5)),
                                poles: None,
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                    decision,
                    days_to_decision: decided.then(|| rng.i64(0..200)),
                    status: if decided {
                        Status::Besloten
                    } else {
                        Status::Open
                    },
                    title: None,
                    labels: Vec::new(),
                    signal: None,
                }
            })
            .collect();
        let export = Export {
            format: record::FORMAT.to_string(),
            version: record::VERSION,
            exported: jiff::Timestamp::from_second(1_764_547_200).unwrap(),
            records,
        };
        let text = record::to_text(&export).unwrap();
        std::fs::write(dir.join(format!("team-{f:02}.json")), text).unwrap();
    }
}

/// A hand-made export (`path`) of `records` cases, each naming 64 contrast
/// rows of its own: keys nobody else uses, as a tool gone wrong might
/// write. Counting them once took time quadratic in the keys.
pub fn distinct_keys(path: &Path, records: usize) {
    use std::fmt::Write;
    let mut text = String::from(
        "{\"format\":\"driehoek-anoniem\",\"version\":1,\"exported\":\"2026-12-01T10:00:00Z\",\"records\":[",
    );
    for n in 0..records {
        let places: Vec<String> = (0..64)
            .map(|k| {
                format!(
                    "{{\"key\":\"rij_{n}_{k}\",\"now\":{},\"desired\":5}}",
                    1 + k % 5
                )
            })
            .collect();
        let sep = if n == 0 { "\n" } else { ",\n" };
        write!(
            text,
            "{sep}{{\"id\":\"{n:016x}\",\"case\":\"{n:032x}\",\"revision\":0,\"month\":\"2026-11\",\"set\":\"waardendriehoek\",\"rule\":\"regel {}\",\"contrasts\":[{}],\"status\":\"open\"}}",
            n % 300,
            places.join(",")
        )
        .unwrap();
    }
    text.push_str("\n]}\n");
    std::fs::write(path, text).unwrap();
}

/// One large export (`path`) of about `bytes` bytes: short-walk cases (the
/// verdicts, a blocker, one of 300 rule lines, sometimes a decision), as a
/// whole city's might be in one file. Returns how many cases it holds.
pub fn one_large_file(path: &Path, bytes: usize) -> usize {
    use std::io::Write;
    let bank = Bank::embedded();
    let set = bank.get(DEFAULT_SET).unwrap();
    let blockers: Vec<String> = set
        .question(set.roles.blocker.as_ref().unwrap())
        .unwrap()
        .choices
        .iter()
        .map(|c| c.value.clone())
        .collect();
    let verdicts = ["ja", "nee", "twijfel"];
    let decisions = ["toegekend", "deels", "afgewezen"];
    let mut rng = fastrand::Rng::with_seed(7);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let head = "{\"format\":\"driehoek-anoniem\",\"version\":1,\"exported\":\"2026-12-01T10:00:00Z\",\"records\":[";
    write!(out, "{head}").unwrap();
    let (mut written, mut n) = (head.len(), 0);
    while written + 200 < bytes {
        let decided = rng.u8(..3) == 0;
        let outcome = if decided {
            format!(
                ",\"decision\":\"{}\",\"days_to_decision\":{},\"status\":\"besloten\"",
                decisions[rng.usize(..3)],
                rng.u16(..300)
            )
        } else {
            ",\"status\":\"open\"".to_string()
        };
        let line = format!(
            "{}{{\"id\":\"{:016x}\",\"case\":\"{:032x}\",\"revision\":0,\"month\":\"20{}-{:02}\",\"set\":\"waardendriehoek\",\"law\":\"{}\",\"blockers\":[\"{}\"],\"rule\":\"{} {}\"{outcome}}}",
            if n == 0 { "\n" } else { ",\n" },
            rng.u64(..),
            rng.u128(..),
            rng.u8(22..27),
            rng.u8(1..13),
            verdicts[rng.usize(..3)],
            blockers[rng.usize(..blockers.len())],
            WORDS[n % 300 % WORDS.len()],
            n % 300,
        );
        out.write_all(line.as_bytes()).unwrap();
        written += line.len();
        n += 1;
    }
    writeln!(out, "\n]}}").unwrap();
    out.flush().unwrap();
    n
}
