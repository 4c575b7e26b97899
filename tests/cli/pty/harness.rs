//! Drives `driehoek` in a real pseudo-terminal for the walk tests: keys go
//! in the way a person types them, and every step waits for what the
//! program shows (the progress line, the prompt, the line that reports the
//! answer) before it sends the next keys; nothing here sleeps to
//! synchronise. Expectations match the text a person reads, so the same
//! test runs with colour on and off; every run ends with a check that the
//! tool's own styling never shows as text and that no untrusted control
//! sequence reached the terminal raw.

use std::collections::HashMap;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Regex, Session};

use crate::harness::{Env, stderr, stdout};

pub(super) const DOWN: &str = "\x1b[B";
pub(super) const UP: &str = "\x1b[A";
pub(super) const ENTER: &str = "\r";
pub(super) const SPACE: &str = " ";
pub(super) const ESC: &str = "\x1b";
pub(super) const CTRL_C: &str = "\x03";
/// What `console` writes to hide and show the cursor.
pub(super) const HIDE_CURSOR: &str = "\x1b[?25l";
pub(super) const SHOW_CURSOR: &str = "\x1b[?25h";

/// `driehoek` in a pseudo-terminal, with a transcript of all it wrote.
pub(super) struct Pty {
    pub(super) session: OsSession,
    /// What was shown and matched so far.
    pub(super) seen: Vec<u8>,
    /// What was read but not matched yet.
    unread: Vec<u8>,
    ended: bool,
}

impl Pty {
    /// Starts `driehoek args` in a terminal: an ordinary colour terminal
    /// (`TERM=xterm-256color`) when `env` is coloured, else a plain one
    /// with `NO_COLOR=1`.
    pub(super) fn spawn(env: &Env, args: &[&str]) -> Pty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_driehoek"));
        cmd.args(args)
            .env_remove("RUST_BACKTRACE")
            .env_remove("DRIEHOEK_LANG")
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env(
                "TERM",
                if env.colour {
                    "xterm-256color"
                } else {
                    "xterm"
                },
            );
        for (k, v) in env.vars() {
            cmd.env(k, v);
        }
        Pty {
            session: Session::spawn(cmd).expect("spawn driehoek in a pty"),
            seen: Vec::new(),
            unread: Vec::new(),
            ended: false,
        }
    }

    /// Waits for `needle` in the text a person reads (escape sequences
    /// skipped); returns what came before it and the matches.
    pub(super) fn expect(&mut self, needle: impl Into<Shown>) -> (String, Vec<String>) {
        let needle = needle.into();
        let start = Instant::now();
        loop {
            if let Some((end, matches)) = needle.find(&self.unread, self.ended) {
                let before = String::from_utf8_lossy(&self.unread[..end]).into_owned();
                self.seen.extend(self.unread.drain(..end));
                return (before, matches);
            }
            if self.ended || start.elapsed() > Duration::from_secs(20) {
                self.seen.append(&mut self.unread);
                let why = if self.ended {
                    "the program ended"
                } else {
                    "20 s passed"
                };
                panic!(
                    "waiting for {needle:?}: {why}\n--- the screen so far (end) ---\n{}\n---",
                    self.tail()
                );
            }
            self.read_some();
        }
    }

    /// Reads what the program wrote since, or waits a moment for it.
    fn read_some(&mut self) {
        let mut buf = [0u8; 8192];
        match self.session.try_read(&mut buf) {
            Ok(0) => self.ended = true,
            Ok(n) => self.unread.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            // Linux answers EIO once the program closed its terminal.
            Err(_) => self.ended = true,
        }
    }

    /// The last 3 000 characters shown, without escape sequences.
    pub(super) fn tail(&self) -> String {
        let seen = plain(&String::from_utf8_lossy(&self.seen));
        let chars: Vec<char> = seen.chars().collect();
        chars[chars.len().saturating_sub(3000)..].iter().collect()
    }

    /// Fails when the screen shows the tool's own styling as placeholders
    /// (text cleaned after it was styled), or when a control sequence that
    /// only untrusted text could carry reached the terminal raw.
    pub(super) fn assert_screen_is_clean(&self) {
        let seen = String::from_utf8_lossy(&self.seen);
        assert!(
            !seen.contains("␛["),
            "the tool's own styling is shown as text:\n{}",
            self.tail()
        );
        for raw in [
            "\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x07", "\u{9b}", "\u{9d}",
        ] {
            assert!(
                !seen.contains(raw),
                "{raw:?} reached the terminal raw:\n{}",
                self.tail()
            );
        }
    }

    /// Waits until the program reads keys itself: the terminal is in raw
    /// mode. Only then does a Ctrl-C reach the prompt as a key; typed
    /// while the terminal is cooked, it becomes a signal instead.
    pub(super) fn wait_until_reading_keys(&self) {
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

    pub(super) fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Ctrl-C, and Ctrl-C again at "keep the draft?": the run ends with
    /// the draft kept. Returns what `finish` returns.
    pub(super) fn cancel_keeping_the_draft(&mut self) -> (String, i32) {
        self.send(CTRL_C);
        self.expect(KEEP_DRAFT);
        self.expect("Weggooien");
        self.wait_until_reading_keys();
        self.send(CTRL_C);
        self.finish()
    }

    /// Reads to the end and returns the rest of the output and the exit code.
    pub(super) fn finish(&mut self) -> (String, i32) {
        let (_, rest) = self.expect(Eof);
        let rest = rest.concat();
        self.assert_screen_is_clean();
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
pub(super) fn plain(text: &str) -> String {
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

/// What a test waits for, in the text a person reads: escape sequences
/// (colours, cursor moves) are skipped, so the same expectations hold in
/// a colour terminal and without colour.
#[derive(Debug)]
pub(super) enum Shown {
    Text(String),
    Pattern(regex::bytes::Regex),
    End,
}

impl From<&str> for Shown {
    fn from(text: &str) -> Shown {
        Shown::Text(text.to_string())
    }
}

impl From<Regex<&str>> for Shown {
    fn from(re: Regex<&str>) -> Shown {
        Shown::Pattern(regex::bytes::Regex::new(re.0).expect("a valid pattern"))
    }
}

impl From<Eof> for Shown {
    fn from(_: Eof) -> Shown {
        Shown::End
    }
}

impl Shown {
    /// Where in `raw` the needle ends, and what it matched: the whole
    /// match, then a pattern's groups, as shown text; the end, as written.
    fn find(&self, raw: &[u8], ended: bool) -> Option<(usize, Vec<String>)> {
        let (text, raw_at) = shown_bytes(raw);
        let raw_end = |end: usize| if end == 0 { 0 } else { raw_at[end - 1] + 1 };
        let shown = |from: usize, to: usize| String::from_utf8_lossy(&text[from..to]).into_owned();
        match self {
            Shown::End => {
                ended.then(|| (raw.len(), vec![String::from_utf8_lossy(raw).into_owned()]))
            }
            Shown::Text(needle) => {
                let at = text
                    .windows(needle.len().max(1))
                    .position(|w| w == needle.as_bytes())?;
                let end = at + needle.len();
                Some((raw_end(end), vec![shown(at, end)]))
            }
            Shown::Pattern(re) => {
                let caps = re.captures(&text)?;
                let end = caps.get(0)?.end();
                let found = caps.iter().flatten().map(|m| shown(m.start(), m.end()));
                Some((raw_end(end), found.collect()))
            }
        }
    }
}

/// The bytes a person reads in `raw` (escape sequences left out), and for
/// each of them its place in `raw`.
pub(super) fn shown_bytes(raw: &[u8]) -> (Vec<u8>, Vec<usize>) {
    let (mut text, mut at) = (Vec::with_capacity(raw.len()), Vec::with_capacity(raw.len()));
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != 0x1b {
            text.push(raw[i]);
            at.push(i);
            i += 1;
            continue;
        }
        i += 1;
        if raw.get(i) == Some(&b'[') {
            i += 1;
            while i < raw.len() && !(0x40..=0x7e).contains(&raw[i]) {
                i += 1;
            }
        }
        i += 1;
    }
    (text, at)
}

/// One question as `driehoek questions --format json` lists it.
pub(super) struct Q {
    pub(super) id: String,
    pub(super) section: String,
    pub(super) kind: String,
    pub(super) prompt: String,
    pub(super) help: Option<String>,
    pub(super) required: bool,
    /// Required when an earlier answer says so (`required_when`).
    pub(super) required_when: bool,
    /// (value, label) of each choice.
    pub(super) choices: Vec<(String, String)>,
    /// A follow-up: when it is asked.
    pub(super) when: Option<When>,
    /// "kort" (both walks) or "volledig" (the full walk only).
    pub(super) walk: String,
}

/// When a follow-up is asked, as `questions --format json` says.
pub(super) enum When {
    /// The question has one of these values.
    AnyOf(String, Vec<String>),
    /// Two scale questions lie this far apart or more.
    Apart(String, String, i64),
}

pub(super) fn questions(env: &Env, lang: &str, short: bool) -> Vec<Q> {
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
            required_when: q.get("required_when").is_some(),
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
pub(super) enum Act {
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
pub(super) enum ActKind {
    Cost,
    Other,
}

/// Drives a walk question by question, keeping track of which follow-ups
/// apply so it knows the progress line to wait for.
pub(super) struct Walker {
    pub(super) pty: Pty,
    pub(super) questions: Vec<Q>,
    pub(super) en: bool,
    /// The values given so far, by question id (a yes/no as "ja"/"nee").
    pub(super) given: HashMap<String, Vec<String>>,
    /// How many prompts were answered (an amount and its period: two).
    pub(super) answered: usize,
}

impl Walker {
    /// A walk of `args`: the short one when they say --kort or --short,
    /// the rest of a short note for `edit --volledig`.
    pub(super) fn new(env: &Env, lang: &str, args: &[&str]) -> Walker {
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

    pub(super) fn q(&self, id: &str) -> &Q {
        self.questions.iter().find(|q| q.id == id).unwrap()
    }

    pub(super) fn applies(&self, q: &Q) -> bool {
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
    pub(super) fn progress(&self, id: &str) -> String {
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
    pub(super) fn start(&self, q: &Q) -> Option<usize> {
        let now = q.id.strip_suffix("_gewenst").map(|row| format!("{row}_nu"));
        let given = self.given.get(&now?)?;
        Some(given[0].parse::<usize>().unwrap() - 1)
    }

    /// The keys that move a list's cursor to answer `i` and press Enter.
    pub(super) fn pick_keys(&self, q: &Q, i: usize) -> String {
        match self.start(q) {
            None => moves(0, i + 1),
            Some(from) => moves(from, i),
        }
    }

    /// Waits until question `id` is asked (progress line, then prompt).
    pub(super) fn wait_for(&mut self, id: &str) {
        let progress = self.progress(id);
        let prompt = self.q(id).prompt.clone();
        self.pty.expect(progress.as_str());
        self.pty.expect(prompt.as_str());
    }

    /// Waits for a question that already has an answer: it is shown
    /// between the progress line and the prompt.
    pub(super) fn wait_for_current(&mut self, id: &str, current: &str) {
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
    pub(super) fn answer(&mut self, id: &str, act: Act) {
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
            // In a narrow terminal a long prompt is cut ("…") for its
            // answer; its start is always there.
            let head: String = prompt.chars().take(40).collect();
            self.pty.expect(format!("✔ {head}").as_str());
            self.pty.expect(format!("· {start}").as_str());
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
    pub(super) fn save(&mut self) {
        self.pty.expect("Deze notitie opslaan?");
        self.pty.expect("Weggooien");
        self.pty.send(ENTER);
        self.pty.expect("opgeslagen.");
        let (_, code) = self.pty.finish();
        assert_eq!(code, 0);
    }

    /// Asks and answers one question.
    pub(super) fn step(&mut self, id: &str, act: Act) {
        self.wait_for(id);
        self.answer(id, act);
    }

    /// Every question that applies, in order, answered by `plan`.
    pub(super) fn walk(&mut self, plan: impl Fn(&Q) -> Act) {
        let first = self.questions[0].id.clone();
        self.walk_from(&first, plan);
    }

    /// The questions that apply from `id` on, answered by `plan`.
    pub(super) fn walk_from(&mut self, id: &str, plan: impl Fn(&Q) -> Act) {
        self.walk_between(id, None, plan);
    }

    /// The questions that apply from `from` up to (not including) `to`.
    pub(super) fn walk_between(&mut self, from: &str, to: Option<&str>, plan: impl Fn(&Q) -> Act) {
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
pub(super) fn pick_keys(i: usize) -> String {
    moves(0, i)
}

/// The keys from entry `from` to entry `to`, then Enter.
pub(super) fn moves(from: usize, to: usize) -> String {
    match to.checked_sub(from) {
        Some(down) => format!("{}{ENTER}", DOWN.repeat(down)),
        None => format!("{}{ENTER}", UP.repeat(from - to)),
    }
}

pub(super) fn choice(q: &Q, value: &str) -> usize {
    q.choices
        .iter()
        .position(|(v, _)| v == value)
        .unwrap_or_else(|| panic!("{} has no choice {value}", q.id))
}

pub(super) fn note_toml(env: &Env) -> toml::Table {
    let files = env.note_files();
    assert_eq!(files.len(), 1, "{files:?}");
    toml::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap()
}

/// The stored value of answer `id` in a note.
pub(super) fn answer<'a>(note: &'a toml::Table, id: &str) -> &'a toml::Value {
    let answers = note["answers"].as_array().unwrap();
    let a = answers
        .iter()
        .find(|a| a["id"].as_str() == Some(id))
        .unwrap_or_else(|| panic!("no answer {id} in the note"));
    &a["value"]
}

pub(super) const KEEP_DRAFT: &str = "Het concept bewaren om later verder te gaan?";

/// Whether the output sets a colour or another text style.
pub(super) fn styled(output: &[u8]) -> bool {
    let text = String::from_utf8_lossy(output);
    text.split("\x1b[").skip(1).any(|rest| {
        let code: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';')
            .collect();
        rest[code.len()..].starts_with('m')
    })
}

/// Whether the cursor is visible once the program is done: every hide is
/// followed by a show.
pub(super) fn cursor_shown_at_the_end(output: &[u8]) -> bool {
    let last = |needle: &[u8]| output.windows(needle.len()).rposition(|w| w == needle);
    match (last(HIDE_CURSOR.as_bytes()), last(SHOW_CURSOR.as_bytes())) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(hide), Some(show)) => show > hide,
    }
}
