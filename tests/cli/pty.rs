//! The interactive walk end to end, in a real pseudo-terminal: keys go in
//! the way a person types them, and the saved note is checked afterwards.
//! Linux only: waiting for raw mode reads the terminal through /proc.
//!
//! Every step waits for what the program shows (the progress line, the
//! prompt, the line that reports the answer) before it sends the next
//! keys; nothing here sleeps to synchronise.

#![cfg(target_os = "linux")]

use std::collections::HashMap;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Needle, Regex, Session};

use crate::harness::{Env, stderr, stdout};

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";
const SPACE: &str = " ";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
/// What `console` writes to hide and show the cursor.
const HIDE_CURSOR: &str = "\x1b[?25l";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// `driehoek` in a pseudo-terminal, with a transcript of all it wrote.
struct Pty {
    session: OsSession,
    seen: Vec<u8>,
}

impl Pty {
    fn spawn(env: &Env, args: &[&str]) -> Pty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_driehoek"));
        cmd.args(args)
            .env_remove("RUST_BACKTRACE")
            .env_remove("DRIEHOEK_LANG")
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .env("TERM", "xterm");
        for (k, v) in env.vars() {
            cmd.env(k, v);
        }
        let mut session = Session::spawn(cmd).expect("spawn driehoek in a pty");
        session.set_expect_timeout(Some(Duration::from_secs(20)));
        Pty {
            session,
            seen: Vec::new(),
        }
    }

    /// Waits for `needle`; returns what came before it and the matches.
    fn expect<N: Needle + std::fmt::Debug>(&mut self, needle: N) -> (String, Vec<String>) {
        match self.session.expect(&needle) {
            Ok(found) => {
                self.seen.extend_from_slice(found.as_bytes());
                let before = String::from_utf8_lossy(found.before()).into_owned();
                let matches = found
                    .matches()
                    .map(|m| String::from_utf8_lossy(m).into_owned())
                    .collect();
                (before, matches)
            }
            Err(e) => {
                // Whatever arrived but did not match, for the message.
                if let Ok(rest) = self.session.check(Regex("(?s).+")) {
                    self.seen.extend_from_slice(rest.as_bytes());
                }
                let seen = plain(&String::from_utf8_lossy(&self.seen));
                let tail: String = {
                    let chars: Vec<char> = seen.chars().collect();
                    chars[chars.len().saturating_sub(3000)..].iter().collect()
                };
                panic!("waiting for {needle:?}: {e}\n--- the screen so far (end) ---\n{tail}\n---");
            }
        }
    }

    /// Waits until the program reads keys itself: the terminal is in raw
    /// mode. Only then does a Ctrl-C reach the prompt as a key; typed
    /// while the terminal is cooked, it becomes a signal instead.
    fn wait_until_reading_keys(&self) {
        let pid = self.session.get_process().pid();
        let tty = std::fs::read_link(format!("/proc/{pid}/fd/0")).expect("the pty of driehoek");
        let start = std::time::Instant::now();
        loop {
            let out = Command::new("stty")
                .arg("-F")
                .arg(&tty)
                .arg("-a")
                .output()
                .expect("run stty");
            let settings = String::from_utf8_lossy(&out.stdout);
            if settings.split_whitespace().any(|s| s == "-icanon") {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "driehoek never read keys: {settings}"
            );
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Ctrl-C, and Ctrl-C again at "keep the draft?": the run ends with
    /// the draft kept. Returns what `finish` returns.
    fn cancel_keeping_the_draft(&mut self) -> (String, i32) {
        self.send(CTRL_C);
        self.expect(KEEP_DRAFT);
        self.expect("Weggooien");
        self.wait_until_reading_keys();
        self.send(CTRL_C);
        self.finish()
    }

    /// Reads to the end and returns the rest of the output and the exit code.
    fn finish(&mut self) -> (String, i32) {
        let (_, rest) = self.expect(Eof);
        let rest = rest.concat();
        match self
            .session
            .get_process()
            .wait()
            .expect("wait for driehoek")
        {
            WaitStatus::Exited(_, code) => (rest, code),
            other => panic!(
                "driehoek did not exit normally: {other:?}\n{}",
                plain(&rest)
            ),
        }
    }
}

/// Text without terminal escape sequences.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if ('\x40'..='\x7e').contains(&c) {
                    break;
                }
            }
        } else {
            chars.next();
        }
    }
    out
}

/// One question as `driehoek questions --format json` lists it.
struct Q {
    id: String,
    section: String,
    kind: String,
    prompt: String,
    help: Option<String>,
    required: bool,
    /// (value, label) of each choice.
    choices: Vec<(String, String)>,
    /// A follow-up: when it is asked.
    when: Option<When>,
    /// "kort" (both walks) or "volledig" (the full walk only).
    walk: String,
}

/// When a follow-up is asked, as `questions --format json` says.
enum When {
    /// The question has one of these values.
    AnyOf(String, Vec<String>),
    /// Two scale questions lie this far apart or more.
    Apart(String, String, i64),
}

fn questions(env: &Env, lang: &str, short: bool) -> Vec<Q> {
    let mut args = vec!["--lang", lang, "questions", "--format", "json"];
    if short {
        args.push("--kort");
    }
    let out = env.run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let text = |v: &serde_json::Value| v.as_str().unwrap().to_string();
    json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| Q {
            id: text(&q["id"]),
            section: text(&q["section"]),
            kind: text(&q["kind"]),
            prompt: text(&q["prompt"]),
            help: q["help"].as_str().map(str::to_string),
            required: q["required"].as_bool().unwrap(),
            choices: q["choices"]
                .as_array()
                .map(|cs| {
                    cs.iter()
                        .map(|c| (text(&c["value"]), text(&c["label"])))
                        .collect()
                })
                .unwrap_or_default(),
            walk: text(&q["walk"]),
            when: q.get("when").map(|w| match w.get("in") {
                Some(values) => When::AnyOf(
                    text(&w["question"]),
                    values.as_array().unwrap().iter().map(text).collect(),
                ),
                None => When::Apart(
                    text(&w["question"]),
                    text(&w["apart_from"]),
                    w["by"].as_i64().unwrap(),
                ),
            }),
        })
        .collect()
}

/// What to do at a question.
enum Act {
    /// Type this and press Enter (text, long, amount).
    Type(String),
    /// Move down to the n-th item of the list and press Enter.
    Pick(usize),
    /// Pick the n-th item of the list with these keys.
    PickWith(usize, String),
    /// Press Enter to keep the answer given before, which is this.
    Keep(String),
    /// Tick these items of a multi-choice list and press Enter.
    Tick(Vec<usize>),
    /// Type an amount, then pick the n-th period (per jaar, eenmalig, …);
    /// `shown` is the amount as the period question repeats it.
    Cost {
        typed: String,
        shown: String,
        period: usize,
    },
    /// Leave an optional question unanswered.
    Skip,
}

/// Whether an act ends at a period question instead of its own prompt.
enum ActKind {
    Cost,
    Other,
}

/// Drives a walk question by question, keeping track of which follow-ups
/// apply so it knows the progress line to wait for.
struct Walker {
    pty: Pty,
    questions: Vec<Q>,
    en: bool,
    /// The values given so far, by question id (a yes/no as "ja"/"nee").
    given: HashMap<String, Vec<String>>,
    /// How many prompts were answered (an amount and its period: two).
    answered: usize,
}

impl Walker {
    /// A walk of `args`: the short one when they say --kort or --short,
    /// the rest of a short note for `edit --volledig`.
    fn new(env: &Env, lang: &str, args: &[&str]) -> Walker {
        let short = args.iter().any(|a| ["--kort", "--short"].contains(a));
        let mut questions = questions(env, lang, short);
        if args.contains(&"edit") && args.contains(&"--volledig") {
            questions.retain(|q| q.walk == "volledig");
        }
        Walker {
            pty: Pty::spawn(env, args),
            questions,
            en: lang == "en",
            given: HashMap::new(),
            answered: 0,
        }
    }

    fn q(&self, id: &str) -> &Q {
        self.questions.iter().find(|q| q.id == id).unwrap()
    }

    fn applies(&self, q: &Q) -> bool {
        let point = |id: &str| {
            self.given
                .get(id)
                .and_then(|v| v.first())
                .and_then(|p| p.parse::<i64>().ok())
        };
        match &q.when {
            None => true,
            Some(When::AnyOf(on, values)) => self
                .given
                .get(on)
                .is_some_and(|given| given.iter().any(|v| values.contains(v))),
            Some(When::Apart(a, b, by)) => match (point(a), point(b)) {
                (Some(a), Some(b)) => (a - b).abs() >= *by,
                _ => false,
            },
        }
    }

    /// The progress line the program should show at question `id`, after
    /// the section's title: "2 van 5 · deel 2 van 7]", a follow-up "2a".
    fn progress(&self, id: &str) -> String {
        let at = self.questions.iter().position(|q| q.id == id).unwrap();
        let q = &self.questions[at];
        let mut sections: Vec<&str> = self.questions.iter().map(|q| q.section.as_str()).collect();
        sections.dedup();
        let part = sections.iter().position(|s| *s == q.section).unwrap() + 1;
        let main = |q: &&Q| q.when.is_none() && q.section == self.questions[at].section;
        let n = self.questions[..=at].iter().filter(main).count();
        let total = self.questions.iter().filter(main).count();
        let letter = match q.when {
            None => String::new(),
            Some(_) => {
                let before = self.questions[..=at].iter().rev();
                let i = before
                    .take_while(|q| q.when.is_some())
                    .filter(|q| self.applies(q))
                    .count();
                char::from(b'a' + u8::try_from(i - 1).unwrap()).to_string()
            }
        };
        let parts = sections.len();
        if self.en {
            format!(" {n}{letter} of {total} · part {part} of {parts}]")
        } else {
            format!(" {n}{letter} van {total} · deel {part} van {parts}]")
        }
    }

    /// The answer a list's cursor starts on: the "now" point for a
    /// "desired" scale. `None`: on its first entry, which records nothing.
    fn start(&self, q: &Q) -> Option<usize> {
        let now = q.id.strip_suffix("_gewenst").map(|row| format!("{row}_nu"));
        let given = self.given.get(&now?)?;
        Some(given[0].parse::<usize>().unwrap() - 1)
    }

    /// The keys that move a list's cursor to answer `i` and press Enter.
    fn pick_keys(&self, q: &Q, i: usize) -> String {
        match self.start(q) {
            None => moves(0, i + 1),
            Some(from) => moves(from, i),
        }
    }

    /// Waits until question `id` is asked (progress line, then prompt).
    fn wait_for(&mut self, id: &str) {
        let progress = self.progress(id);
        let prompt = self.q(id).prompt.clone();
        self.pty.expect(progress.as_str());
        self.pty.expect(prompt.as_str());
    }

    /// Waits for a question that already has an answer: it is shown
    /// between the progress line and the prompt.
    fn wait_for_current(&mut self, id: &str, current: &str) {
        let progress = self.progress(id);
        let prompt = self.q(id).prompt.clone();
        self.pty.expect(progress.as_str());
        let line = if self.en {
            "current answer (Enter = keep · - = clear): "
        } else {
            "huidig antwoord (Enter = houden · - = wissen): "
        };
        self.pty.expect(format!("{line}{current}").as_str());
        self.pty.expect(prompt.as_str());
    }

    /// Answers the question that is being asked, and waits until the
    /// program reports the answer.
    fn answer(&mut self, id: &str, act: Act) {
        let act_kind = if matches!(act, Act::Cost { .. }) {
            self.answered += 2;
            ActKind::Cost
        } else {
            self.answered += 1;
            ActKind::Other
        };
        let q = self.q(id);
        let prompt = q.prompt.clone();
        let (keys, shown, values) = match act {
            Act::Type(text) => (format!("{text}{ENTER}"), text.clone(), vec![text]),
            Act::Keep(text) => (ENTER.to_string(), text.clone(), vec![text]),
            Act::Cost {
                typed,
                shown,
                period,
            } => {
                self.pty.send(&format!("{typed}{ENTER}"));
                self.pty.expect(format!("✔ {prompt} · {typed}").as_str());
                let asked = if self.en {
                    format!("Over which period is {shown}?")
                } else {
                    format!("Over welke periode gaat {shown}?")
                };
                self.pty.expect(asked.as_str());
                let label = match (self.en, period) {
                    (false, 0) => "per jaar",
                    (false, _) => "eenmalig",
                    (true, 0) => "per year",
                    (true, _) => "one-off",
                };
                // A period list starts on an entry that records nothing.
                (moves(0, period + 1), label.to_string(), vec![typed])
            }
            Act::Skip if matches!(q.kind.as_str(), "text" | "long" | "amount" | "cost") => {
                (ENTER.to_string(), String::new(), vec![])
            }
            Act::Skip if q.kind == "multi" => (ENTER.to_string(), String::new(), vec![]),
            Act::Skip => {
                assert!(!q.required, "{id} is required");
                let skip = if self.en { "(skip)" } else { "(overslaan)" };
                (ENTER.to_string(), skip.to_string(), vec![])
            }
            Act::Pick(i) | Act::PickWith(i, _) => {
                let keys = match act {
                    Act::PickWith(_, keys) => keys,
                    _ => self.pick_keys(q, i),
                };
                let (value, label) = match q.kind.as_str() {
                    "choice" => q.choices[i].clone(),
                    "yesno" => {
                        let v = ["ja", "nee"][i].to_string();
                        let l = if self.en {
                            ["yes", "no"][i]
                        } else {
                            ["ja", "nee"][i]
                        };
                        (v, l.to_string())
                    }
                    // Scale points from 1; the first and last carry a label,
                    // the "now" point of a "desired" scale a mark.
                    "scale" if self.start(q) == Some(i) => {
                        let now = if self.en { "now" } else { "nu" };
                        ((i + 1).to_string(), format!("{}  ({now})", i + 1))
                    }
                    "scale" => ((i + 1).to_string(), (i + 1).to_string()),
                    other => panic!("cannot pick in a {other} question"),
                };
                (keys, label, vec![value])
            }
            Act::Tick(items) => {
                let mut keys = String::new();
                let mut at = 0;
                for &i in &items {
                    keys.push_str(&DOWN.repeat(i - at));
                    keys.push_str(SPACE);
                    at = i;
                }
                keys.push_str(ENTER);
                let labels: Vec<&str> = items.iter().map(|&i| q.choices[i].1.as_str()).collect();
                let values = items.iter().map(|&i| q.choices[i].0.clone()).collect();
                (keys, labels.join(", "), values)
            }
        };
        self.pty.send(&keys);
        // A typed answer is echoed cut to the line: its start is always there.
        let start: String = shown.chars().take(9).collect();
        if !matches!(act_kind, ActKind::Cost) {
            self.pty.expect(format!("✔ {prompt} · {start}").as_str());
        } else {
            self.pty.expect(format!("· {start}").as_str());
        }
        if values.is_empty() {
            self.given.remove(id);
        } else {
            self.given.insert(id.to_string(), values);
        }
    }

    /// Saves at the summary and waits for the program to end well.
    fn save(&mut self) {
        self.pty.expect("Deze notitie opslaan?");
        self.pty.expect("Weggooien");
        self.pty.send(ENTER);
        self.pty.expect("opgeslagen.");
        let (_, code) = self.pty.finish();
        assert_eq!(code, 0);
    }

    /// Asks and answers one question.
    fn step(&mut self, id: &str, act: Act) {
        self.wait_for(id);
        self.answer(id, act);
    }

    /// Every question that applies, in order, answered by `plan`.
    fn walk(&mut self, plan: impl Fn(&Q) -> Act) {
        let first = self.questions[0].id.clone();
        self.walk_from(&first, plan);
    }

    /// The questions that apply from `id` on, answered by `plan`.
    fn walk_from(&mut self, id: &str, plan: impl Fn(&Q) -> Act) {
        self.walk_between(id, None, plan);
    }

    /// The questions that apply from `from` up to (not including) `to`.
    fn walk_between(&mut self, from: &str, to: Option<&str>, plan: impl Fn(&Q) -> Act) {
        let at = |id: &str| self.questions.iter().position(|q| q.id == id).unwrap();
        let mut i = at(from);
        let end = to.map_or(self.questions.len(), at);
        while i < end {
            let q = &self.questions[i];
            i += 1;
            if !self.applies(q) {
                continue;
            }
            let (id, act) = (q.id.clone(), plan(q));
            self.step(&id, act);
        }
    }
}

/// Down `i` entries and Enter: the i-th entry of a list that starts at
/// its top (the menus at the end; a question's list starts on an entry
/// that records nothing, see [`Walker::pick_keys`]).
fn pick_keys(i: usize) -> String {
    moves(0, i)
}

/// The keys from entry `from` to entry `to`, then Enter.
fn moves(from: usize, to: usize) -> String {
    match to.checked_sub(from) {
        Some(down) => format!("{}{ENTER}", DOWN.repeat(down)),
        None => format!("{}{ENTER}", UP.repeat(from - to)),
    }
}

fn choice(q: &Q, value: &str) -> usize {
    q.choices
        .iter()
        .position(|(v, _)| v == value)
        .unwrap_or_else(|| panic!("{} has no choice {value}", q.id))
}

fn note_toml(env: &Env) -> toml::Table {
    let files = env.note_files();
    assert_eq!(files.len(), 1, "{files:?}");
    toml::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap()
}

/// The stored value of answer `id` in a note.
fn answer<'a>(note: &'a toml::Table, id: &str) -> &'a toml::Value {
    let answers = note["answers"].as_array().unwrap();
    let a = answers
        .iter()
        .find(|a| a["id"].as_str() == Some(id))
        .unwrap_or_else(|| panic!("no answer {id} in the note"));
    &a["value"]
}

const TITLE: &str = "Drie zakken post";
const OWN_WORDS: &str =
    "Ik durf de post niet meer open te maken, zegt ze; één brief is al te veel.";
const OWN_WORDS_MORE: &str = " Elke brief is een nieuwe rekening.";
/// (contrast, now, desired): a different point for now and desired.
const CONTRASTS: [(&str, usize, usize); 6] = [
    ("uniform", 2, 4),
    ("zorg", 1, 4),
    ("weten", 2, 3),
    ("verantwoording", 1, 3),
    ("positie", 2, 5),
    ("sturing", 1, 4),
];

/// The answer the Dutch walk gives to every question of the default set.
fn full_plan(q: &Q) -> Act {
    let typed = |s: &str| Act::Type(s.to_string());
    match q.id.as_str() {
        "casus.titel" => typed(TITLE),
        "casus.eigen_woorden" => typed(OWN_WORDS),
        // Past it and back up: 3_5 is the third item, after "(overslaan)".
        "casus.professionals" => Act::PickWith(
            choice(q, "3_5"),
            format!("{DOWN}{DOWN}{DOWN}{DOWN}{UP}{ENTER}"),
        ),
        "wet.oordeel" => Act::Pick(choice(q, "ja")),
        "wet.regel" => Act::Tick(vec![choice(q, "wgs"), choice(q, "anders")]),
        "wet.regel_anders" => typed("interne werkinstructie intake"),
        "wet.blokkade" => Act::Tick(vec![choice(q, "werkinstructie"), choice(q, "gevoel")]),
        "wet.regel_concreet" => typed("werkinstructie intake schuldhulp"),
        "wet.ruimte" => Act::Pick(choice(q, "ja")),
        "wet.ruimte_route" => Act::Tick(vec![choice(q, "awb_4_84")]),
        "wet.ruimte_waar" => typed("De teamleider mag afwijken."),
        "middelen.oordeel" => Act::Pick(choice(q, "ja")),
        "middelen.kosten_nu" => Act::Cost {
            typed: "24.000".into(),
            shown: "€ 24.000".into(),
            period: 0,
        },
        "middelen.kosten_voorstel" => Act::Cost {
            typed: "3000".into(),
            shown: "€ 3.000".into(),
            period: 1,
        },
        "middelen.betaler_nu" => Act::Tick(vec![choice(q, "gemeente")]),
        "middelen.betaler_voorstel" => Act::Skip,
        "casus.wisselingen" => Act::Pick(choice(q, "3_5")),
        "contrasten.vastzittend" => Act::Pick(choice(q, "sturing")),
        "reflectie.ervaringsdeskundige" => Act::Pick(choice(q, "geraadpleegd")),
        "zelfregie.oordeel" => Act::Pick(choice(q, "twijfel")),
        "zelfregie.logica" => Act::Pick(choice(q, "gemengd")),
        "reflectie.besproken" => Act::Pick(choice(q, "nog_niet")),
        "reflectie.besproken_waarom" => typed("Eerst vertrouwen opbouwen."),
        "vervolg.schaal" => Act::Pick(choice(q, "structureel")),
        "vervolg.signaal" => typed("Werkinstructie intake schuldhulp."),
        id => match q.kind.as_str() {
            "scale" => {
                let (key, which) = id["contrasten.".len()..].split_once('_').unwrap();
                let &(_, now, desired) = CONTRASTS.iter().find(|c| c.0 == key).unwrap();
                Act::Pick(if which == "nu" { now } else { desired } - 1)
            }
            "text" | "long" => Act::Type(format!("Antwoord bij {id}.")),
            other => panic!("no plan for {id} ({other})"),
        },
    }
}

#[test]
fn walks_a_whole_case_in_dutch_and_saves_it() {
    let env = Env::new();
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    assert_eq!(w.questions.len(), 64);

    // `?` shows the help and asks the same question again.
    w.wait_for("casus.titel");
    w.pty.send(&format!("?{ENTER}"));
    let help = w.q("casus.titel").help.clone().unwrap();
    // Help is wrapped to the terminal: its first words are on one line.
    w.pty.expect(first_words(&help).as_str());
    w.step("casus.titel", full_plan(w.q("casus.titel")));
    w.step("casus.eigen_woorden", Act::Type(OWN_WORDS.to_string()));

    // `<` goes back; the earlier answer is shown above the prompt, and a
    // new one replaces it.
    w.wait_for("casus.interpretatie");
    w.pty.send(&format!("<{ENTER}"));
    w.wait_for_current("casus.eigen_woorden", "Ik durf de post niet meer");
    w.pty.send(&format!("{OWN_WORDS}{OWN_WORDS_MORE}{ENTER}"));
    // The echo is cut to the line, so the typed text is the place to look.
    w.pty
        .expect(format!("{OWN_WORDS}{OWN_WORDS_MORE}").as_str());
    w.step(
        "casus.interpretatie",
        Act::Type("Antwoord bij casus.interpretatie.".into()),
    );

    w.walk_between("casus.wens", Some("casus.blokkade"), full_plan);

    // A required question cannot be skipped.
    w.wait_for("casus.blokkade");
    w.pty.send(ENTER);
    w.pty.expect("✗ Deze vraag is verplicht.");
    let prompt = w.q("casus.blokkade").prompt.clone();
    w.pty.expect(prompt.as_str());
    w.answer("casus.blokkade", full_plan(w.q("casus.blokkade")));

    w.walk_between("casus.oplossing", Some("wet.oordeel"), full_plan);

    // "? uitleg" at the end of a list shows the help too.
    w.wait_for("wet.oordeel");
    let help_item = w.q("wet.oordeel").choices.len();
    w.pty.send(&w.pick_keys(w.q("wet.oordeel"), help_item));
    w.pty.expect("✔ Mag deze oplossing van de wet? · ? uitleg");
    let help = w.q("wet.oordeel").help.clone().unwrap();
    // Help is wrapped to the terminal: its first words are on one line.
    w.pty.expect(first_words(&help).as_str());
    w.walk_between("wet.oordeel", Some("wet.blokkade"), full_plan);

    // Esc in a list goes back to the previous question (the follow-up),
    // which shows its answer; Enter keeps it.
    w.wait_for("wet.blokkade");
    w.pty.send(ESC);
    w.wait_for_current("wet.regel_anders", "interne werkinstructie intake");
    w.answer(
        "wet.regel_anders",
        Act::Keep("interne werkinstructie intake".into()),
    );
    w.walk_from("wet.blokkade", full_plan);

    // The summary, then back to the questions once, then save.
    let (summary, _) = w.pty.expect("Deze notitie opslaan?");
    let summary = plain(&summary);
    for heading in [
        "Samenvatting",
        "De waardendriehoek",
        "Kosten",
        "Rationeel en relationeel",
        "€ 21.000 minder",
    ] {
        assert!(summary.contains(heading), "{heading:?} not in\n{summary}");
    }
    w.pty.expect("Weggooien");
    w.pty.send(&pick_keys(1));
    w.pty
        .expect("✔ Deze notitie opslaan? · Terug naar de vragen");
    w.wait_for_current("vervolg.signaal", "Werkinstructie intake schuldhulp.");
    w.pty.send(&format!(
        "Werkinstructie intake schuldhulp. Met drie collega's.{ENTER}"
    ));
    w.pty
        .expect("✔ Welke regel zou moeten veranderen, en wie moet dit signaal horen? · Werkinst");
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    let (_, saved) = w.pty.expect(Regex(r"Notitie ([0-9a-z]+) opgeslagen\."));
    let id = saved[1].clone();
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);

    // The draft kept along the way goes once the note is saved.
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
    let note = note_toml(&env);
    assert_eq!(note["id"].as_str(), Some(id.as_str()));
    assert_eq!(note["title"].as_str(), Some(TITLE));
    assert_eq!(note["lang"].as_str(), Some("nl"));
    assert_eq!(note["scope"].as_str(), Some("structureel"));
    let triangle = note["triangle"].as_table().unwrap();
    assert_eq!(triangle["law"].as_str(), Some("ja"));
    assert_eq!(triangle["money"].as_str(), Some("ja"));
    assert_eq!(triangle["self"].as_str(), Some("twijfel"));
    let costs = note["costs"].as_table().unwrap();
    assert_eq!(costs["current"]["bedrag"].as_integer(), Some(24000));
    assert_eq!(costs["current"]["periode"].as_str(), Some("jaar"));
    assert_eq!(costs["proposed"]["bedrag"].as_integer(), Some(3000));
    assert_eq!(costs["proposed"]["periode"].as_str(), Some("eenmalig"));
    let contrasts = note["contrasts"].as_array().unwrap();
    assert_eq!(contrasts.len(), CONTRASTS.len());
    for (key, now, desired) in CONTRASTS {
        let c = contrasts
            .iter()
            .find(|c| c["key"].as_str() == Some(key))
            .unwrap();
        assert_eq!(c["now"].as_integer(), Some(now as i64), "{key}");
        assert_eq!(c["desired"].as_integer(), Some(desired as i64), "{key}");
        // A remark is asked only where now and desired lie 2 or more apart.
        let remark = format!("Antwoord bij contrasten.{key}_opmerking.");
        let asked = desired - now >= 2;
        assert_eq!(
            c.get("remark").and_then(|r| r.as_str()),
            asked.then_some(remark.as_str()),
            "{key}"
        );
    }
    // Every question of the set was answered, follow-ups included, except
    // the one remark whose row moves only one step and the payer skipped.
    let answers = note["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 62);
    let own_words = format!("{OWN_WORDS}{OWN_WORDS_MORE}");
    assert_eq!(
        answer(&note, "casus.eigen_woorden").as_str(),
        Some(own_words.as_str())
    );
    assert_eq!(
        answer(&note, "wet.regel").as_array().unwrap(),
        &vec![toml::Value::from("wgs"), toml::Value::from("anders")]
    );
    assert_eq!(
        answer(&note, "wet.regel_anders").as_str(),
        Some("interne werkinstructie intake")
    );
    assert_eq!(answer(&note, "wet.ruimte").as_str(), Some("ja"));
    assert_eq!(
        answer(&note, "wet.ruimte_waar").as_str(),
        Some("De teamleider mag afwijken.")
    );
    assert_eq!(
        answer(&note, "reflectie.besproken_waarom").as_str(),
        Some("Eerst vertrouwen opbouwen.")
    );
    assert_eq!(
        answer(&note, "vervolg.signaal").as_str(),
        Some("Werkinstructie intake schuldhulp. Met drie collega's.")
    );
    assert_eq!(answer(&note, "casus.professionals").as_str(), Some("3_5"));
    assert_eq!(
        answer(&note, "wet.blokkade").as_array().unwrap(),
        &vec![
            toml::Value::from("werkinstructie"),
            toml::Value::from("gevoel")
        ]
    );
    assert_eq!(answer(&note, "zelfregie.logica").as_str(), Some("gemengd"));

    let out = env.run(&["export", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with(&format!("# {TITLE}\n")), "{md}");
    assert!(md.contains(OWN_WORDS), "{md}");
    assert!(md.contains("Elke brief is een nieuwe rekening."), "{md}");
    assert!(md.contains("€ 21.000 minder"), "{md}");
}

#[test]
fn the_walk_setting_chooses_the_full_walk_and_a_flag_wins() {
    let env = Env::new();
    let dir = env.config.path().join("driehoek");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "walk = \"volledig\"\n").unwrap();
    for (args, says, first) in [
        (
            &["new"][..],
            "Volledige route: 64 vragen",
            "[De casus 1 van 14 · deel 1 van 7]",
        ),
        (
            &["new", "--kort"][..],
            "Korte route: 20 vragen",
            "[De casus 1 van 5 · deel 1 van 7]",
        ),
    ] {
        let mut pty = Pty::spawn(&env, args);
        pty.expect(says);
        pty.expect(first);
        pty.wait_until_reading_keys();
        pty.send(CTRL_C);
        let (_, code) = pty.finish();
        assert_eq!(code, 130);
    }
}

#[test]
fn the_short_walk_needs_at_most_25_answers() {
    let env = Env::new();
    let mut w = Walker::new(&env, "nl", &["new", "--kort"]);
    assert_eq!(w.questions.len(), 20);
    w.pty.expect("Korte route: 20 vragen");
    w.pty.expect("driehoek new --volledig");
    // Every question answered, follow-ups of the short walk included; the
    // follow-ups of the full walk (which other law, why not discussed, the
    // signal) are not asked.
    w.walk(full_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    w.pty.expect(Regex(r"Notitie ([0-9a-z]+) opgeslagen\."));
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);
    assert!(w.answered <= 25, "{} answers", w.answered);
    assert_eq!(w.answered, 22, "20 questions and two periods");
    let note = note_toml(&env);
    let ids: Vec<&str> = note["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for left_out in [
        "wet.regel_anders",
        "reflectie.besproken_waarom",
        "vervolg.signaal",
    ] {
        assert!(!ids.contains(&left_out), "{left_out} in {ids:?}");
    }
    assert_eq!(
        answer(&note, "contrasten.vastzittend").as_str(),
        Some("sturing")
    );
    assert_eq!(
        note["costs"]["proposed"]["periode"].as_str(),
        Some("eenmalig")
    );
    // No contrast was placed: the short walk has no scales.
    let contrasts = note["contrasts"].as_array().unwrap();
    assert!(contrasts.iter().all(|c| c.get("now").is_none()));
}

#[test]
fn edit_volledig_deepens_a_short_note_with_only_the_questions_it_left_out() {
    let env = Env::new();
    let id = env.new_note(crate::harness::SHORT_NOTE);
    let before = std::fs::read_to_string(env.note_path(&id)).unwrap();
    let mut w = Walker::new(&env, "nl", &["edit", &id, "--volledig"]);
    assert_eq!(w.questions.len(), 44);
    w.pty
        .expect("Verdiepen: de 44 vragen die de korte route oversloeg");
    w.walk(full_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    w.pty.expect(id.as_str());
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);
    let note = note_toml(&env);
    // The short answers stand; the rest is added.
    assert_eq!(answer(&note, "casus.titel").as_str(), Some("Korte notitie"));
    assert_eq!(
        answer(&note, "vervolg.teamvraag").as_str(),
        Some("Mag dit?")
    );
    assert!(answer(&note, "wet.toelichting").as_str().is_some());
    assert_eq!(answer(&note, "contrasten.uniform_nu").as_integer(), Some(2));
    // The short version is kept in the history.
    let kept = env.home.path().join("store/history").join(&id);
    let kept: Vec<_> = std::fs::read_dir(kept)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), before);
}

/// Required questions answered, optional ones skipped.
fn minimal_plan(q: &Q) -> Act {
    if !q.required {
        return Act::Skip;
    }
    match q.kind.as_str() {
        "text" | "long" => Act::Type(format!("Answer to {}.", q.id)),
        "choice" => Act::Pick(q.choices.len() - 1),
        "multi" => Act::Tick(vec![0]),
        "scale" if q.id.ends_with("_nu") => Act::Pick(1),
        "scale" => Act::Pick(4),
        "cost" => Act::Cost {
            typed: "1000".into(),
            shown: "€ 1.000".into(),
            period: 0,
        },
        other => panic!("no plan for {} ({other})", q.id),
    }
}

#[test]
fn walks_in_english_with_lang_en() {
    let env = Env::new();
    let mut w = Walker::new(&env, "en", &["--lang", "en", "new", "--full"]);
    w.pty.expect("The case");
    w.pty.expect("[The case 1 of 14 · part 1 of 7]");
    w.pty.expect("What short title do you give this case?");
    w.pty.send(&format!("?{ENTER}"));
    w.pty.expect("Use a pseudonym or a description");
    w.walk(minimal_plan);

    let (summary, _) = w.pty.expect("Save this note?");
    let summary = plain(&summary);
    for heading in ["Summary", "The value triangle", "Rational and relational"] {
        assert!(summary.contains(heading), "{heading:?} not in\n{summary}");
    }
    w.pty.expect("Discard");
    w.pty.send(ENTER);
    let (_, saved) = w.pty.expect(Regex(r"Note ([0-9a-z]+) saved\."));
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);

    let note = note_toml(&env);
    assert_eq!(note["id"].as_str(), Some(saved[1].as_str()));
    assert_eq!(note["lang"].as_str(), Some("en"));
    assert_eq!(note["title"].as_str(), Some("Answer to casus.titel."));
    // The last choice of each verdict is "twijfel"; skipped questions are
    // not stored, and no follow-up was called for.
    let triangle = note["triangle"].as_table().unwrap();
    assert_eq!(triangle["law"].as_str(), Some("twijfel"));
    assert!(note.get("costs").is_none(), "{note:#?}");
    assert_eq!(answer(&note, "wet.regel").as_array().unwrap().len(), 1);
    // The scales are optional in set 2: skipped, nothing placed.
    let contrasts = note["contrasts"].as_array().unwrap();
    assert!(
        contrasts.iter().all(|c| c.get("now").is_none()),
        "{contrasts:?}"
    );
    let required = w.questions.iter().filter(|q| q.required).count();
    assert_eq!(note["answers"].as_array().unwrap().len(), required);
}

/// Starts a walk and answers the case section up to its first list; returns
/// once the list waits for keys.
fn walk_to_the_first_list(env: &Env) -> Walker {
    let mut w = Walker::new(env, "nl", &["new", "--volledig"]);
    for id in [
        "casus.titel",
        "casus.eigen_woorden",
        "casus.interpretatie",
        "casus.wens",
        "casus.nodig",
        "casus.geprobeerd",
    ] {
        let act = match w.q(id).required {
            true => Act::Type(format!("Iets bij {id}.")),
            false => Act::Skip,
        };
        w.step(id, act);
    }
    w.wait_for("casus.professionals");
    // The whole list is drawn, with the cursor hidden.
    w.pty.expect("? uitleg");
    w.pty.wait_until_reading_keys();
    w
}

const KEEP_DRAFT: &str = "Het concept bewaren om later verder te gaan?";
/// How the cancel message starts (it goes on to say no note was saved).
const CANCELLED: &str = "Afgebroken; er is ";

/// How often the run said it was cancelled.
fn cancels(output: &str) -> usize {
    plain(output)
        .lines()
        .filter(|l| l.starts_with(CANCELLED) && l.ends_with("opgeslagen."))
        .count()
}

#[test]
fn ctrl_c_cancels_with_130_restores_the_cursor_and_saves_nothing() {
    let env = Env::new();
    let mut w = walk_to_the_first_list(&env);
    // With answers given, the walk asks whether to keep them as a draft;
    // a second Ctrl-C there keeps it and ends the run.
    let (rest, code) = w.pty.cancel_keeping_the_draft();
    assert_eq!(code, 130, "{rest:?}");
    let rest = plain(&rest);
    assert_eq!(cancels(&rest), 1, "{rest}");
    let drafts = draft_files(&env);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = drafts[0].file_stem().unwrap().to_str().unwrap();
    assert!(
        rest.contains(&format!(
            "Concept {draft} bewaard; ga verder met: driehoek resume {draft}"
        )),
        "{rest}"
    );
    assert!(
        cursor_shown_at_the_end(&w.pty.seen),
        "the cursor stays hidden: {:?}",
        String::from_utf8_lossy(&w.pty.seen[w.pty.seen.len().saturating_sub(400)..])
    );
    assert!(env.note_files().is_empty(), "{:?}", env.note_files());
}

#[test]
fn a_draft_kept_after_ctrl_c_resumes_where_it_stopped() {
    let env = Env::new();
    let mut w = walk_to_the_first_list(&env);
    w.pty.send(CTRL_C);
    w.pty.expect(KEEP_DRAFT);
    w.pty.expect("Weggooien");
    // Enter keeps the draft (the first item).
    w.pty.send(ENTER);
    let (rest, code) = w.pty.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert!(cursor_shown_at_the_end(&w.pty.seen));
    let drafts = draft_files(&env);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = drafts[0].file_stem().unwrap().to_str().unwrap().to_string();
    assert!(env.note_files().is_empty());

    // `new` mentions the waiting draft; quit it at once with Ctrl-C.
    let mut again = Pty::spawn(&env, &["new"]);
    again.expect("Er wacht 1 concept; ga verder met: driehoek resume");
    // Without a flag or setting: the short walk, and how to take the other.
    again.expect("Korte route: 20 vragen");
    again.expect("driehoek new --volledig");
    again.expect("[De casus 1 van 5 · deel 1 van 7]");
    again.wait_until_reading_keys();
    again.send(CTRL_C);
    let (rest, code) = again.finish();
    assert_eq!(code, 130, "{rest:?}");
    // Nothing was answered, so there was no draft to ask about.
    assert!(!rest.contains(KEEP_DRAFT), "{rest:?}");
    assert_eq!(draft_files(&env).len(), 1);

    let mut w = Walker::new(&env, "nl", &["resume", &draft]);
    w.pty
        .expect(format!("Verder met concept {draft}: Iets bij casus.titel.").as_str());
    for (id, text) in [
        ("casus.titel", "Iets bij casus.titel."),
        ("casus.eigen_woorden", "Iets bij casus.eigen_woorden."),
        ("casus.wens", "Iets bij casus.wens."),
    ] {
        w.given.insert(id.to_string(), vec![text.to_string()]);
    }
    w.walk_from("casus.professionals", minimal_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    let (_, saved) = w.pty.expect(Regex(r"Notitie ([0-9a-z]+) opgeslagen\."));
    let (_, code) = w.pty.finish();
    assert_eq!(code, 0);
    let note = note_toml(&env);
    assert_eq!(note["id"].as_str(), Some(saved[1].as_str()));
    assert_eq!(note["title"].as_str(), Some("Iets bij casus.titel."));
    assert_eq!(
        answer(&note, "casus.eigen_woorden").as_str(),
        Some("Iets bij casus.eigen_woorden.")
    );
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
}

#[test]
fn ctrl_c_at_a_text_prompt_then_discard_leaves_nothing() {
    let env = Env::new();
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.step("casus.titel", Act::Type("Proef".into()));
    w.wait_for("casus.eigen_woorden");
    w.pty.wait_until_reading_keys();
    w.pty.send(&format!("half getypt{CTRL_C}"));
    w.pty.expect(KEEP_DRAFT);
    w.pty.expect("Weggooien");
    w.pty.send(&pick_keys(1));
    w.pty.expect(format!("✔ {KEEP_DRAFT} · Weggooien").as_str());
    let (rest, code) = w.pty.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert_eq!(cancels(&rest), 1, "{rest:?}");
    assert!(cursor_shown_at_the_end(&w.pty.seen));
    assert!(env.note_files().is_empty(), "{:?}", env.note_files());
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
}

#[test]
fn discard_at_the_end_saves_nothing() {
    let env = Env::new();
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.walk(minimal_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(&pick_keys(2));
    w.pty.expect("✔ Deze notitie opslaan? · Weggooien");
    w.pty.expect(KEEP_DRAFT);
    w.pty.expect("Weggooien");
    w.pty.send(&pick_keys(1));
    let (rest, code) = w.pty.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert_eq!(cancels(&rest), 1, "{rest:?}");
    assert!(env.note_files().is_empty(), "{:?}", env.note_files());
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
}

/// The drafts in the test's store.
fn draft_files(env: &Env) -> Vec<std::path::PathBuf> {
    let dir = env.home.path().join("store").join("drafts");
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Whether the cursor is visible once the program is done: every hide is
/// followed by a show.
fn cursor_shown_at_the_end(output: &[u8]) -> bool {
    let last = |needle: &[u8]| output.windows(needle.len()).rposition(|w| w == needle);
    match (last(HIDE_CURSOR.as_bytes()), last(SHOW_CURSOR.as_bytes())) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(hide), Some(show)) => show > hide,
    }
}

#[test]
fn going_back_and_changing_an_answer_drops_its_follow_up() {
    let env = Env::new();
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.walk_between("casus.titel", Some("wet.regel"), minimal_plan);
    let regel = w.q("wet.regel");
    let (wgs, anders) = (choice(regel, "wgs"), choice(regel, "anders"));
    w.step("wet.regel", Act::Tick(vec![wgs, anders]));
    w.step("wet.regel_anders", Act::Type("APV".into()));

    // Esc in the next list goes back to the follow-up, which shows its
    // answer; `<` goes back once more, even with an answer there.
    w.wait_for("wet.blokkade");
    w.pty.send(ESC);
    w.wait_for_current("wet.regel_anders", "APV");
    w.pty.send(&format!("<{ENTER}"));

    // Both choices are still ticked; untick "anders".
    w.wait_for("wet.regel");
    w.pty
        .send(&format!("{}{SPACE}{ENTER}", DOWN.repeat(anders)));
    w.pty
        .expect("✔ Welke wet speelt hier? · Wet gemeentelijke schuldhulpverlening\r");
    w.given.insert("wet.regel".into(), vec!["wgs".into()]);

    // The follow-up is no longer asked; the walk goes on after it.
    w.walk_from("wet.blokkade", minimal_plan);
    w.save();
    let note = note_toml(&env);
    assert_eq!(
        answer(&note, "wet.regel").as_array().unwrap(),
        &vec![toml::Value::from("wgs")]
    );
    let answers = note["answers"].as_array().unwrap();
    assert!(
        answers
            .iter()
            .all(|a| a["id"].as_str() != Some("wet.regel_anders")),
        "{answers:#?}"
    );
}

#[test]
fn a_walk_killed_halfway_resumes_to_the_end() {
    let env = Env::new();
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    w.walk_between("casus.titel", Some("middelen.oordeel"), minimal_plan);
    w.wait_for("middelen.oordeel");
    // No chance to clean up: SIGKILL, as a crash or a closed laptop would.
    w.pty
        .session
        .get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGKILL)
        .unwrap();
    let status = w.pty.session.get_process().wait().unwrap();
    assert!(matches!(status, WaitStatus::Signaled(..)), "{status:?}");
    assert!(env.note_files().is_empty());
    let drafts = draft_files(&env);
    assert_eq!(drafts.len(), 1, "{drafts:?}");

    // resume (no id: the newest draft) starts at the question it was at.
    let mut again = Walker::new(&env, "nl", &["hervat"]);
    again.given = w.given.clone();
    again.walk_from("middelen.oordeel", minimal_plan);
    again.save();
    let note = note_toml(&env);
    assert_eq!(
        answer(&note, "casus.titel").as_str(),
        Some("Answer to casus.titel.")
    );
    assert!(answer(&note, "wet.toelichting").as_str().is_some());
    assert!(answer(&note, "vervolg.teamvraag").as_str().is_some());
    assert!(draft_files(&env).is_empty());
}

#[test]
fn a_practice_case_ends_beside_the_coach_notes() {
    let env = Env::new();
    let mut w = Walker::new(&env, "nl", &["oefen", "drie-z"]);
    w.pty.expect("Drie zakken post");
    w.pty.expect("De situatie");
    w.pty.expect("drie volle zakken met post");
    w.pty.expect("Klaar om de casus door te lopen?");

    w.pty.expect("Beginnen");
    w.pty.send(ENTER);
    // The title is the case's: the walk does not ask for it.
    w.walk_from("casus.eigen_woorden", minimal_plan);
    w.pty.expect("Deze notitie opslaan?");
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    let (_, shown) = w.pty.expect(Regex(r"Oefennotitie ([0-9a-z]+) opgeslagen"));
    let (rest, code) = w.pty.finish();
    assert_eq!(code, 0, "{rest}");
    let seen = plain(&String::from_utf8_lossy(&w.pty.seen));
    for part in [
        "Oefening: Drie zakken post",
        "Jij",
        "Coach",
        "Mag het van de wet?",
        "Rationeel en relationeel",
        // each corner beside the coach's verdict, with the coach's reason
        "· coach: ja",
        "Niets in de wet verbiedt samen de post sorteren",
        "Vraag aan het team",
        "Mogen we twee middagen bij haar thuis",
    ] {
        assert!(seen.contains(part), "{part:?} not shown");
    }
    let note = note_toml(&env);
    assert_eq!(note["practice"].as_str(), Some("drie-zakken-post"));
    assert_eq!(note["title"].as_str(), Some("Drie zakken post"));
    assert!(!seen.contains("Welke korte titel"), "the title was asked");
    assert_eq!(note["id"].as_str(), Some(shown[1].as_str()));
}

/// The first words of a text, which stay on one line when it is wrapped.
fn first_words(text: &str) -> String {
    text.split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A stored answer as the walker writes what it gave.
fn given_values(value: &toml::Value) -> Vec<String> {
    match value {
        toml::Value::String(s) => vec![s.clone()],
        toml::Value::Integer(i) => vec![i.to_string()],
        toml::Value::Boolean(b) => vec![if *b { "ja" } else { "nee" }.to_string()],
        toml::Value::Array(vs) => vs.iter().flat_map(given_values).collect(),
        other => panic!("an answer {other:?}"),
    }
}

#[test]
fn enter_alone_saves_nothing_that_was_not_picked() {
    let env = Env::new();
    let mut w = Walker::new(&env, "nl", &["new", "--volledig"]);
    let ids: Vec<String> = w.questions.iter().map(|q| q.id.clone()).collect();
    for id in ids {
        let q = w.q(&id);
        if !w.applies(q) {
            continue;
        }
        let (required, kind, last) = (q.required, q.kind.clone(), q.choices.len().max(1) - 1);
        w.wait_for(&id);
        if !required {
            w.answer(&id, Act::Skip);
            continue;
        }
        let refused = match kind.as_str() {
            "multi" => "✗ Kies minstens één antwoord: spatie = aanvinken, Enter = klaar.",
            "choice" | "scale" | "yesno" => {
                "✗ Kies een antwoord: ga met de pijltjes naar je keuze en druk op Enter."
            }
            _ => {
                w.answer(&id, Act::Type(format!("Iets bij {id}.")));
                continue;
            }
        };
        // A "desired" scale starts on "now": Enter takes that point.
        if let Some(now) = w.start(w.q(&id)) {
            w.answer(&id, Act::Pick(now));
            continue;
        }
        // Enter on an untouched list says a choice is needed, and stays.
        w.pty.send(ENTER);
        let (progress, prompt) = (w.progress(&id), w.q(&id).prompt.clone());
        w.pty.expect(progress.as_str());
        w.pty.expect(refused);
        w.pty.expect(prompt.as_str());
        let act = match kind.as_str() {
            "multi" => Act::Tick(vec![0]),
            "scale" => Act::Pick(1),
            _ => Act::Pick(last),
        };
        w.answer(&id, act);
    }
    w.save();

    // The note holds exactly what was typed or picked: no verdict, scale
    // or choice from an Enter on an untouched list.
    let note = note_toml(&env);
    let stored: HashMap<String, Vec<String>> = note["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                given_values(&a["value"]),
            )
        })
        .collect();
    assert_eq!(stored, w.given);
    assert!(stored.keys().all(|id| w.q(id).required), "{stored:#?}");
}

/// Whether the output sets a colour or another text style.
fn styled(output: &[u8]) -> bool {
    let text = String::from_utf8_lossy(output);
    text.split("\x1b[").skip(1).any(|rest| {
        let code: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';')
            .collect();
        rest[code.len()..].starts_with('m')
    })
}

#[test]
fn without_colour_the_active_entry_of_every_list_is_marked() {
    // The harness runs every test with NO_COLOR=1.
    let env = Env::new();
    let mut w = walk_to_the_first_list(&env);
    let q = w.q("casus.professionals");
    let (prompt, (value, first)) = (q.prompt.clone(), q.choices[0].clone());
    assert!(
        plain(&String::from_utf8_lossy(&w.pty.seen))
            .contains(&format!("❯ (overslaan)\r\n  {first}\r\n")),
        "no cursor on the first entry"
    );
    w.pty.send(DOWN);
    w.pty
        .expect(format!("  (overslaan)\r\n❯ {first}\r\n").as_str());
    w.pty.send(ENTER);
    w.pty.expect(format!("✔ {prompt} · {first}").as_str());
    w.given.insert("casus.professionals".into(), vec![value]);
    w.walk_between("casus.netwerk", Some("wet.regel"), minimal_plan);

    // A multiple-choice list: the cursor is a sign, ticks are another.
    w.wait_for("wet.regel");
    let labels: Vec<String> = w
        .q("wet.regel")
        .choices
        .iter()
        .map(|c| c.1.clone())
        .collect();
    w.pty
        .expect(format!("❯ ⬚ {}\r\n  ⬚ {}\r\n", labels[0], labels[1]).as_str());
    w.pty.send(DOWN);
    w.pty
        .expect(format!("  ⬚ {}\r\n❯ ⬚ {}\r\n", labels[0], labels[1]).as_str());
    w.pty.send(SPACE);
    w.pty
        .expect(format!("  ⬚ {}\r\n❯ ✔ {}\r\n", labels[0], labels[1]).as_str());
    assert!(!styled(&w.pty.seen), "colour despite NO_COLOR");
    let (_, code) = w.pty.cancel_keeping_the_draft();
    assert_eq!(code, 130);
}

#[test]
fn an_edit_whose_note_is_purged_meanwhile_stops_and_keeps_no_draft() {
    let env = Env::new();
    let id = env.new_note(crate::harness::FULL);
    let mut w = Walker::new(&env, "nl", &["edit", &id]);
    let prompt = w.q("casus.titel").prompt.clone();
    w.pty.expect(prompt.as_str());
    w.pty.wait_until_reading_keys();
    let purge = env.run(&["delete", "--purge", "--yes", &id]);
    assert!(purge.status.success(), "{}", stderr(&purge));
    // Enter keeps the title; saving the draft then finds the note gone.
    w.pty.send(ENTER);
    let (rest, code) = w.pty.finish();
    let rest = plain(&rest);
    assert_eq!(code, 1, "{rest}");
    assert!(
        rest.contains(&format!("Notitie {id} is intussen gewist of weggegooid")),
        "{rest}"
    );
    assert!(draft_files(&env).is_empty(), "{:?}", draft_files(&env));
    assert!(env.note_files().is_empty());
}

#[test]
fn the_walk_echoes_an_answer_once_and_never_a_command() {
    let env = Env::new();
    let mut pty = Pty::spawn(&env, &["new"]);
    pty.session
        .get_process_mut()
        .set_window_size(80, 24)
        .expect("an 80-column terminal");
    pty.expect("Welke korte titel");
    pty.wait_until_reading_keys();
    let title = "Een lange titel die over de rand van het scherm loopt en nog verder gaat tot voorbij tachtig kolommen einde";
    pty.send(&format!("{title}{ENTER}"));
    pty.expect("Hoe beschrijft");
    pty.send(&format!("<{ENTER}"));
    pty.expect("huidig antwoord");
    pty.expect("Welke korte titel");
    pty.send(&format!("?{ENTER}"));
    pty.expect("Gebruik een schuilnaam");
    pty.expect("Welke korte titel");
    pty.send(ENTER);
    pty.expect("Hoe beschrijft");
    pty.send(CTRL_C);
    pty.expect("concept");
    pty.send(ENTER);
    let (rest, code) = pty.finish();
    assert_eq!(code, 130, "{rest}");
    let seen = plain(&String::from_utf8_lossy(&pty.seen));
    // Typed once; each echo is cut to the line ("…"), so the end of the
    // long answer shows only where it was typed.
    assert_eq!(seen.matches("kolommen einde").count(), 1, "{seen}");
    assert_eq!(
        seen.matches("· Een lange titel die over de").count(),
        2,
        "{seen}"
    );
    for echo in seen.split('✔').skip(1) {
        let echo = echo.lines().next().unwrap_or_default().trim_end();
        assert!(
            !echo.ends_with("· <") && !echo.ends_with("· ?"),
            "a command echoed as an answer: {echo}"
        );
    }
    assert_eq!(seen.matches("✔ Welke korte titel").count(), 2, "{seen}");
}

#[test]
fn an_existing_export_is_replaced_only_after_a_yes() {
    let env = Env::new();
    let id = env.new_note(crate::harness::FULL);
    let file = env.file("rapport.md", "mijn eigen rapport");
    let target = file.to_str().unwrap();
    for (keys, code, kept) in [
        (ENTER, 130, true),
        (&format!("{DOWN}{ENTER}")[..], 0, false),
    ] {
        let mut pty = Pty::spawn(&env, &["export", &id, "-o", target]);
        pty.expect("rapport.md bestaat al. Vervangen?");
        pty.expect("Ja");
        pty.wait_until_reading_keys();
        pty.send(keys);
        let (rest, exit) = pty.finish();
        assert_eq!(exit, code, "{}", plain(&rest));
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text == "mijn eigen rapport", kept, "{text}");
    }
}

/// An outcome entry walked in a terminal: a day typed the Dutch way, a
/// role and a decision picked from lists that start on "(overslaan)", the
/// rest skipped with Enter; the entry is added to the note.
#[test]
fn an_outcome_entry_is_walked_in_a_terminal() {
    let env = Env::new();
    let id = env.new_note(crate::harness::FULL);
    let mut pty = Pty::spawn(&env, &["afloop", &id]);
    pty.expect("Na de bespreking");
    pty.expect("Op welke dag gebeurde dit?");
    pty.send(&format!("3-12-2026{ENTER}"));
    pty.expect("Wat adviseerde het team?");
    pty.send(&format!("Leg het voor aan de teamleider.{ENTER}"));
    pty.expect("Aan wie heb je het daarna voorgelegd?");
    pty.expect("een andere organisatie");
    pty.send(&format!("{DOWN}{ENTER}"));
    pty.expect("Wat is er besloten?");
    pty.expect("loopt nog");
    pty.send(&format!("{DOWN}{ENTER}"));
    pty.expect("Op welke dag is dat besloten?");
    pty.send(ENTER);
    pty.expect("Wat gebeurde er daarna?");
    pty.send(ENTER);
    pty.expect("Wat zegt de persoon er zelf over?");
    pty.send(ENTER);
    pty.expect("Besluit: toegekend (3 dec. 2026)");
    pty.expect("Dit verslag toevoegen aan de notitie?");
    pty.expect("Weggooien");
    pty.send(ENTER);
    pty.expect("Verslag 1 toegevoegd");
    let (rest, code) = pty.finish();
    assert_eq!(code, 0, "{rest}");
    let note = note_toml(&env);
    let entry = &note["outcomes"].as_array().unwrap()[0];
    assert_eq!(entry["date"].as_str(), Some("2026-12-03"));
    assert_eq!(entry["asked"].as_str(), Some("teamleider"));
    assert_eq!(entry["decision"].as_str(), Some("toegekend"));
    assert_eq!(entry["decided"].as_str(), Some("2026-12-03"));
    assert!(entry.get("afterwards").is_none() && entry.get("person_says").is_none());
}

#[test]
fn a_walk_edit_that_overlaps_another_edit_is_kept_as_a_draft() {
    let env = Env::new();
    let id = env.new_note(crate::harness::FULL);
    let mut w = Walker::new(&env, "nl", &["edit", &id]);
    let prompt = w.q("casus.titel").prompt.clone();
    w.pty.expect(prompt.as_str());
    // Another edit saves while this walk runs.
    let other = crate::harness::edit_with(&env, &id, "s/Elke brief/Tweede bewerking/");
    assert!(other.status.success(), "{}", stderr(&other));
    // Enter keeps every answer, up to the summary; then save.
    w.pty.send(ENTER);
    loop {
        let (_, found) = w
            .pty
            .expect(Regex(r"deel \d+ van \d+\][^\n]*\n|Deze notitie opslaan\?"));
        if found[0].contains("opslaan") {
            break;
        }
        w.pty.send(ENTER);
    }
    w.pty.expect("Weggooien");
    w.pty.send(ENTER);
    let (rest, code) = w.pty.finish();
    let rest = plain(&rest);
    assert_eq!(code, 1, "{rest}");
    let note = std::fs::read_to_string(env.note_path(&id)).unwrap();
    assert!(note.contains("Tweede bewerking"), "the other edit stays");
    let drafts = draft_files(&env);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = drafts[0].file_stem().unwrap().to_str().unwrap();
    assert!(
        rest.contains(&format!("Notitie {id} is veranderd sinds je begon")),
        "{rest}"
    );
    assert!(rest.contains(&format!("driehoek resume {draft}")), "{rest}");
}
