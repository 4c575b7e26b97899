//! Whole-process timings: the release binary run as a user runs it, on
//! stores of 1 000 and 10 000 invented notes, warm page cache. Reports the
//! median wall time and the peak memory of each command against the
//! targets. Run: `cargo bench --bench whole`; `-- --smoke` runs every
//! command once on a tiny store (CI does that; it asserts nothing about
//! time). A full run also builds the binary with the portable platform
//! layer (`--features portable`, in `target/portable/`) and times its
//! `export --all`, the one command where the platforms differ in cost.
//! Then `show` with a coach's lexicon and question set at their limits.
//! Last, a city: 10 000 and 100 000 anonymous records in 20 files, bundled
//! with `bundle --from` (`-- --city` runs only that).

// A benchmark reports its timings: it prints. Its main reads as the table
// it makes (the 120-line rule is for src/).
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::too_many_lines)]

#[path = "support/city.rs"]
mod city;
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One measured command: median wall time (ms) and peak memory (MiB).
struct Sample {
    ms: f64,
    mib: f64,
}

#[expect(
    clippy::zombie_processes,
    reason = "reaped by wait4, which also reports peak memory"
)]
fn run_once(bin: &Path, home: &Path, config: &Path, args: &[&str]) -> (f64, f64) {
    let start = Instant::now();
    let child = Command::new(bin)
        .args(args)
        .env("DRIEHOEK_HOME", home)
        .env("XDG_CONFIG_HOME", config)
        .env("HOME", config)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        // `edit --editor` measured: an editor that changes nothing.
        .env("EDITOR", "true")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start driehoek");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: waits for our own child and fills `usage`.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(waited, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "driehoek {args:?} failed"
    );
    // SAFETY: wait4 succeeded, so usage is filled in.
    let kib = unsafe { usage.assume_init() }.ru_maxrss as f64;
    (ms, kib / 1024.0)
}

fn measure(bin: &Path, home: &Path, config: &Path, args: &[&str], runs: usize) -> Sample {
    measure_each(
        &|_| args.iter().map(|a| a.to_string()).collect(),
        bin,
        home,
        config,
        runs,
    )
}

/// Like [`measure`], with the arguments of run `k` (0 is the warm-up).
fn measure_each(
    args: &dyn Fn(usize) -> Vec<String>,
    bin: &Path,
    home: &Path,
    config: &Path,
    runs: usize,
) -> Sample {
    let run = |k: usize| {
        let args = args(k);
        run_once(
            bin,
            home,
            config,
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };
    run(0); // warm up: page cache and the note cache
    let mut times = Vec::with_capacity(runs);
    let mut mib: f64 = 0.0;
    for k in 1..=runs {
        let (ms, m) = run(k);
        times.push(ms);
        mib = mib.max(m);
    }
    times.sort_by(f64::total_cmp);
    Sample {
        ms: times[times.len() / 2],
        mib,
    }
}

/// A store of `count` notes, made once and kept between runs.
fn store(dir: &Path, count: usize) -> PathBuf {
    let home = dir.join(format!("store-{count}"));
    let notes = home.join("notes");
    let have = std::fs::read_dir(&notes).map_or(0, |d| d.count());
    if have != count {
        let _ = std::fs::remove_dir_all(&home);
        eprintln!("making a store of {count} notes in {} …", home.display());
        support::fill(&home, count);
    }
    home
}

/// A time in ms and, optionally, a peak memory in MiB not to exceed.
type Target = (f64, Option<f64>);

/// What to measure: a label, the binary, the arguments, whether `-o` gets
/// a new folder for every run, how many runs, and the target.
type Step<'a> = (String, &'a Path, Vec<&'a str>, bool, usize, Option<Target>);

fn row(what: &str, s: &Sample, target: Option<Target>) -> String {
    let verdict = match target {
        Some((ms, mib)) => {
            let ok = s.ms <= ms && mib.is_none_or(|m| s.mib <= m);
            let mem = mib.map_or(String::new(), |m| format!("≤ {m} MiB"));
            // A target of memory alone has no time.
            let time = match (ms.is_finite(), mem.is_empty()) {
                (false, _) => String::new(),
                (true, true) => format!("≤ {ms} ms"),
                (true, false) => format!("≤ {ms} ms, "),
            };
            format!("{time}{mem} {}", if ok { "✓" } else { "✗" })
        }
        None => String::new(),
    };
    format!("| {what} | {:.1} | {:.1} | {verdict} |", s.ms, s.mib)
}

/// The arguments of a command that opens note `id` (and an entry file).
type ByIdArgs = fn(&str, &str) -> Vec<String>;

/// The commands that open one note by its id, on a store of one note and
/// on one of `big` notes: each should cost a file read, whatever the
/// store's size (target: within 2 ms of the one-note store).
fn by_id(bin: &Path, dir: &Path, config: &Path, big: usize, runs: usize) -> Vec<String> {
    let entry = dir.join("afloop-entry.toml");
    std::fs::write(
        &entry,
        "set = \"afloop\"\n[afloop]\nadvies = \"Doen, zegt het team.\"\n",
    )
    .unwrap();
    let entry = entry.to_str().unwrap();
    let first_id = |home: &Path| {
        let mut ids: Vec<String> = std::fs::read_dir(home.join("notes"))
            .unwrap()
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".toml").map(str::to_string)
            })
            .collect();
        ids.sort();
        ids.remove(0)
    };
    let one = store(dir, 1);
    let many = store(dir, big);
    let (one_id, many_id) = (first_id(&one), first_id(&many));
    // As a person's store is: `list` has made its cache, which a prefix
    // is looked up in.
    for home in [&one, &many] {
        run_once(bin, home, config, &["list"]);
    }
    let mut lines = Vec::new();
    let commands: [(&str, ByIdArgs); 5] = [
        ("`show ID`", |id, _| vec!["show".into(), id.into()]),
        ("`show` by a unique beginning of the id", |id, _| {
            vec!["show".into(), id[..4].into()]
        }),
        ("`export ID`", |id, _| vec!["export".into(), id.into()]),
        ("`edit --editor ID` (EDITOR=true)", |id, _| {
            vec!["edit".into(), "--editor".into(), id.into()]
        }),
        ("`afloop ID --from FILE`", |id, entry| {
            vec!["afloop".into(), id.into(), "--from".into(), entry.into()]
        }),
    ];
    for (what, args) in commands {
        let small = measure_each(&|_| args(&one_id, entry), bin, &one, config, runs);
        let large = measure_each(&|_| args(&many_id, entry), bin, &many, config, runs);
        lines.push(row(&format!("{what}, 1 note"), &small, None));
        lines.push(row(
            &format!("{what}, {big} notes"),
            &large,
            Some((small.ms + 2.0, None)),
        ));
    }
    lines
}

fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    // `-- --by-id`: only the commands that open one note by its id.
    if std::env::args().any(|a| a == "--by-id") {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench");
        let config = dir.join("config");
        std::fs::create_dir_all(&config).unwrap();
        let bin = PathBuf::from(env!("CARGO_BIN_EXE_driehoek"));
        let (big, runs) = if smoke { (20, 1) } else { (10_000, 15) };
        let lines = by_id(&bin, &dir, &config, big, runs);
        println!("| command | median ms | peak MiB | target |\n|---|---:|---:|---|");
        println!("{}", lines.join("\n"));
        return;
    }
    // `-- --city`: only the city's bundle, without the stores of notes.
    let city_only = std::env::args().any(|a| a == "--city");
    let (sizes, runs): (&[usize], usize) = if smoke {
        (&[20], 1)
    } else {
        (&[1_000, 10_000], 15)
    };
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_driehoek"));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(if smoke {
        "bench-smoke"
    } else {
        "bench"
    });
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    let answers = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cli")
        .join("fixtures")
        .join("full.toml");
    let answers = answers.to_str().unwrap();

    let portable = (!smoke && !city_only).then(build_portable);

    let mut lines = vec![
        "| command | median ms | peak MiB | target |".to_string(),
        "|---|---:|---:|---|".to_string(),
    ];
    let empty = dir.join("empty");
    let _ = std::fs::remove_dir_all(&empty);
    lines.push(row(
        "`--help`",
        &measure(&bin, &empty, &config, &["--help"], runs),
        Some((2.0, None)),
    ));
    lines.push(row(
        "`list`, empty store",
        &measure(&bin, &empty, &config, &["list"], runs),
        Some((2.0, None)),
    ));
    let scratch = dir.join("scratch");
    let _ = std::fs::remove_dir_all(&scratch);
    let new = measure(&bin, &scratch, &config, &["new", "--from", answers], runs);
    lines.push(row("`new --from` (with fsync)", &new, Some((15.0, None))));

    let exports = dir.join(format!("exports-{}", std::process::id()));
    let shm_exports = Path::new("/dev/shm").join(format!("driehoek-bench-{}", std::process::id()));
    let mut list_ms = Vec::new();
    for &n in sizes.iter().filter(|_| !city_only) {
        let home = store(&dir, n);
        let big = n >= 10_000;
        let some_id = std::fs::read_dir(home.join("notes"))
            .unwrap()
            .filter_map(|e| {
                e.ok()?
                    .file_name()
                    .into_string()
                    .ok()?
                    .strip_suffix(".toml")
                    .map(str::to_string)
            })
            .next()
            .unwrap();
        let out = exports.join(format!("{n}"));
        let portable_out = exports.join(format!("portable-{n}"));
        let shm = shm_exports.join(format!("{n}"));
        let target = |t: Target| big.then_some(t);
        // (what, binary, arguments, a new -o folder each run, runs, target)
        let mut steps: Vec<Step> = vec![
            (
                format!("`list`, {n} notes"),
                &bin,
                vec!["list"],
                false,
                runs,
                target((50.0, Some(30.0))),
            ),
            (
                format!("`list --search`, {n} notes"),
                &bin,
                vec!["list", "--search", "huurachterstand"],
                false,
                runs,
                target((150.0, None)),
            ),
            (
                format!("`show`, {n} notes"),
                &bin,
                vec!["show", &some_id],
                false,
                runs,
                None,
            ),
            (
                format!("`export --all` to a new folder, {n} notes"),
                &bin,
                vec!["export", "--all", "-o", out.to_str().unwrap()],
                true,
                runs.min(5),
                target((1000.0, None)),
            ),
            (
                format!("`export --all` again, unchanged, {n} notes"),
                &bin,
                vec!["export", "--all", "-o", out.to_str().unwrap()],
                false,
                runs.min(5),
                target((1000.0, None)),
            ),
        ];
        // The same into memory: what the tool costs, without the disk's
        // cost of creating ten thousand files.
        if !smoke && Path::new("/dev/shm").is_dir() {
            steps.push((
                format!("`export --all` to a new folder in memory (tmpfs), {n} notes"),
                &bin,
                vec!["export", "--all", "-o", shm.to_str().unwrap()],
                true,
                runs.min(5),
                None,
            ));
        }
        if let Some(portable) = &portable {
            steps.push((
                format!("`export --all` to a new folder, {n} notes, portable build"),
                portable,
                vec!["export", "--all", "-o", portable_out.to_str().unwrap()],
                true,
                runs.min(5),
                target((2000.0, None)),
            ));
        }
        for (what, bin, args, fresh, runs, target) in steps {
            // A new folder for every run, as a person exporting would have:
            // removing ten thousand files just before makes ext4 slow to
            // create new ones for minutes after (it skips recently freed
            // inodes), which would measure the benchmark, not the tool.
            let args_of = |k: usize| -> Vec<String> {
                let mut a: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                if fresh && let Some(last) = a.last_mut() {
                    *last = format!("{last}-{k}");
                }
                a
            };
            let sample = measure_each(&args_of, bin, &home, &config, runs);
            if args == ["list"] {
                list_ms.push((n, sample.ms));
            }
            lines.push(row(&what, &sample, target));
        }
    }
    if !city_only {
        lines.extend(show_at_the_limits(&bin, &dir, runs));
    }
    // A city: every team's anonymous export, bundled on one laptop.
    let (city_sizes, teams): (&[usize], usize) = if smoke {
        (&[100], 2)
    } else {
        (&[10_000, 100_000], 20)
    };
    let mut city_ms = Vec::new();
    for &n in city_sizes {
        let folder = dir.join(format!("city-{n}-{teams}"));
        if std::fs::read_dir(&folder).map_or(0, |d| d.count()) != teams {
            let _ = std::fs::remove_dir_all(&folder);
            eprintln!("making {n} anonymous records in {teams} files …");
            city::city(&folder, n, teams);
        }
        let args = [
            "bundle",
            "--from",
            folder.to_str().unwrap(),
            "--format",
            "json",
        ];
        let sample = measure(&bin, &empty, &config, &args, runs.min(7));
        let what = format!("`bundle --from`, {n} records in {teams} files");
        let target = (n >= 100_000).then_some((1000.0, Some(100.0)));
        lines.push(row(&what, &sample, target));
        city_ms.push((n, sample.ms));
    }
    let (keys_ms, large_lines) = hostile_city(&bin, &dir, &empty, &config, smoke, runs.min(5));
    lines.extend(large_lines);
    // Only now, with everything measured.
    let _ = std::fs::remove_dir_all(&exports);
    let _ = std::fs::remove_dir_all(&shm_exports);
    println!("{}", lines.join("\n"));
    println!();
    growth("`list`", "notes", &list_ms);
    growth("`bundle --from`", "records", &city_ms);
    growth(
        "`bundle --from`, distinct contrast keys,",
        "records",
        &keys_ms,
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if city_only {
        println!("\nmachine: {cores} cores");
    } else {
        let size = average_size(&dir, sizes);
        println!("\nmachine: {cores} cores; notes average {size} bytes");
    }
}

/// A city's files that once choked `bundle --from`: records of ever new
/// contrast keys (2 000 and 20 000), and one large file of short cases
/// (64 and 128 MiB, about 350 000 and 700 000 cases over 300 rules).
/// The times of the first, and the table's rows.
fn hostile_city(
    bin: &Path,
    dir: &Path,
    empty: &Path,
    config: &Path,
    smoke: bool,
    runs: usize,
) -> (Vec<(usize, f64)>, Vec<String>) {
    let (keyed, large): (&[usize], &[usize]) = if smoke {
        (&[20], &[1])
    } else {
        (&[2_000, 20_000], &[64, 128])
    };
    let mut times = Vec::new();
    let mut lines = Vec::new();
    for &n in keyed {
        let file = dir.join(format!("keys-{n}.json"));
        if !file.exists() {
            eprintln!("making {n} records of distinct contrast keys …");
            city::distinct_keys(&file, n);
        }
        let sample = measure(bin, empty, config, &bundle_json(&file), runs);
        lines.push(row(
            &format!("`bundle --from`, {n} records of 64 contrast keys each, all distinct"),
            &sample,
            None,
        ));
        times.push((n, sample.ms));
    }
    for &mib in large {
        let file = dir.join(format!("large-{mib}.json"));
        let cases = match std::fs::metadata(&file) {
            Ok(_) => std::fs::read_to_string(dir.join(format!("large-{mib}.count")))
                .ok()
                .and_then(|c| c.trim().parse().ok())
                .unwrap_or(0),
            Err(_) => {
                eprintln!("making one file of {mib} MiB …");
                let n = city::one_large_file(&file, mib * 1024 * 1024 - 4096);
                std::fs::write(dir.join(format!("large-{mib}.count")), n.to_string()).unwrap();
                n
            }
        };
        let sample = measure(bin, empty, config, &bundle_json(&file), runs);
        let target = (mib >= 64).then_some(if mib >= 128 { 150.0 } else { 100.0 });
        lines.push(row(
            &format!("`bundle --from`, one file of {mib} MiB, {cases} cases over 300 rules"),
            &sample,
            target.map(|m| (f64::INFINITY, Some(m))),
        ));
    }
    (times, lines)
}

/// `bundle --from FILE --format json`.
fn bundle_json(file: &Path) -> [&str; 5] {
    [
        "bundle",
        "--from",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]
}

/// How the time grew from the smaller to the larger input, against linear.
fn growth(what: &str, unit: &str, measured: &[(usize, f64)]) {
    if let [(small_n, small), (big_n, big)] = measured[..] {
        let times = big_n / small_n;
        println!(
            "{what} grows {:.1}× for {times}× the {unit} (linear would be {times}×).",
            big / small
        );
    }
}

/// The release binary with the portable platform layer, built in its own
/// target folder so it does not replace the one measured beside it.
fn build_portable() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("portable");
    eprintln!("building the portable binary in {} …", target.display());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(cargo)
        .current_dir(manifest)
        .args(["build", "--release", "--locked", "--features", "portable"])
        .args(["--bin", "driehoek", "--target-dir"])
        .arg(&target)
        .status()
        .expect("run cargo");
    assert!(built.success(), "building the portable binary failed");
    target.join("release").join("driehoek")
}

fn average_size(dir: &Path, sizes: &[usize]) -> u64 {
    let notes = dir.join(format!("store-{}", sizes[0])).join("notes");
    let sizes: Vec<u64> = std::fs::read_dir(notes)
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok().map(|m| m.len()))
        .collect();
    sizes.iter().sum::<u64>() / sizes.len().max(1) as u64
}

// ---------------------------------------------------------------------------
// `show` at the input limits (issue 11 item 9): a coach's lexicon and
// question set as large as the limits let them be, which every `show` reads
// and compiles. Target: under 100 ms.

/// `show` of one realistic note with a coach's lexicon at its limits (in
/// two shapes), a question set at its limits, and both.
fn show_at_the_limits(bin: &Path, dir: &Path, runs: usize) -> Vec<String> {
    let home = dir.join("store-limits");
    if !home.join("notes").is_dir() {
        support::fill(&home, 1);
    }
    let id = std::fs::read_dir(home.join("notes"))
        .unwrap()
        .find_map(|e| {
            Some(
                e.ok()?
                    .file_name()
                    .into_string()
                    .ok()?
                    .strip_suffix(".toml")?
                    .to_string(),
            )
        })
        .unwrap();
    let cases = [
        (
            "lexicon at its limits, everyday phrases",
            Some(lexicon_at_the_limits(false)),
            false,
        ),
        (
            "lexicon at its limits, long non-ASCII phrases",
            Some(lexicon_at_the_limits(true)),
            false,
        ),
        ("question set at its limits", None, true),
        (
            "both at their limits",
            Some(lexicon_at_the_limits(true)),
            true,
        ),
    ];
    let mut rows = Vec::new();
    for (k, (what, lexicon, set)) in cases.into_iter().enumerate() {
        let config = dir.join(format!("config-limits-{k}"));
        let _ = std::fs::remove_dir_all(&config);
        let own = config.join("driehoek");
        std::fs::create_dir_all(own.join("questions")).unwrap();
        if let Some(lexicon) = lexicon {
            std::fs::write(own.join("lexicon.toml"), lexicon).unwrap();
        }
        if set {
            std::fs::write(
                own.join("questions").join("groot.toml"),
                question_set_at_the_limits(),
            )
            .unwrap();
        }
        let sample = measure(bin, &home, &config, &["show", &id], runs);
        rows.push(row(
            &format!("`show`, {what}"),
            &sample,
            Some((100.0, None)),
        ));
    }
    rows
}

/// A lexicon of exactly `MAX_LEXICON_BYTES` with the most labels or the
/// most phrases. Everyday: the most labels, with phrases of one to four
/// common words. Long: the most phrases in few labels, each as long as the
/// bytes allow, of letters that need Unicode case folding and apostrophes,
/// all starting with the same word, so matching walks far at every "niet".
fn lexicon_at_the_limits(long: bool) -> String {
    use driehoek::domain::labels::{MAX_LABELS, MAX_LEXICON_BYTES, MAX_PHRASE_CHARS, MAX_PHRASES};
    const EVERYDAY: &[&str] = &[
        "zorg",
        "mijder",
        "lastig",
        "cliënt",
        "gemotiveerd",
        "zo’n",
        "type",
    ];
    const ODD: &[&str] = &["é'k", "ẞa", "Ωb", "ǅc", "Kd", "ıe", "ë-ï", "ſf"];
    let mut rng = fastrand::Rng::with_seed(11);
    let labels = if long { 10 } else { MAX_LABELS };
    let question = "question = { nl = \"Wat zie je?\", en = \"What do you see?\" }";
    // What each phrase may take: the bytes left after the labels' own,
    // less its quotes and separator.
    let per_label = 40 + question.len();
    let budget = (MAX_LEXICON_BYTES - 16 - labels * per_label) / MAX_PHRASES - 4;
    let mut src = String::from("format = 1\n");
    let mut n = 0;
    for l in 0..labels {
        let mut phrases = Vec::new();
        for _ in 0..MAX_PHRASES / labels {
            let (words, len) = if long {
                (ODD, budget)
            } else {
                (EVERYDAY, rng.usize(1..4) * 8)
            };
            let mut phrase = String::from(if long { "niet" } else { "erg" });
            let tail = format!(" w{n}");
            while phrase.len() + tail.len() + 6 <= len
                && phrase.chars().count() + tail.len() + 4 <= MAX_PHRASE_CHARS
            {
                phrase.push(' ');
                phrase.push_str(words[rng.usize(..words.len())]);
            }
            phrase.push_str(&tail);
            assert!(phrase.chars().count() <= MAX_PHRASE_CHARS, "{phrase}");
            phrases.push(format!("\"{phrase}\""));
            n += 1;
        }
        src.push_str(&format!(
            "[[label]]\nkey = \"l{l}\"\nnl = [{}]\n{question}\n",
            phrases.join(", ")
        ));
    }
    assert!(src.len() + 2 <= MAX_LEXICON_BYTES, "{} bytes", src.len());
    src.push('#');
    src.push_str(&"x".repeat(MAX_LEXICON_BYTES - src.len() - 1));
    src.push('\n');
    assert_eq!(src.len(), MAX_LEXICON_BYTES);
    src
}

/// A question set of exactly `MAX_QUESTION_SET` bytes with the most
/// sections, questions and choices, its prompts as long as the bytes allow.
fn question_set_at_the_limits() -> String {
    use driehoek::domain::bank::{MAX_ALL_CHOICES, MAX_QUESTIONS, MAX_SECTIONS};
    use driehoek::files::input::MAX_QUESTION_SET;
    let build = |pad: &str| {
        let mut src = String::from(
            "format = 1\nid = \"groot\"\nversion = 1\nname = { nl = \"Groot\", en = \"Large\" }\n",
        );
        let per_section = MAX_QUESTIONS / MAX_SECTIONS;
        let choices = MAX_ALL_CHOICES / MAX_QUESTIONS;
        for s in 0..MAX_SECTIONS {
            src.push_str(&format!("\n[[sections]]\nkey = \"s{s}\"\ntitle = {{ nl = \"Deel {s}\", en = \"Part {s}\" }}\n"));
            for q in 0..per_section {
                let list: Vec<String> = (0..choices)
                    .map(|c| format!("{{ value = \"c{c}\", label = {{ nl = \"keuze {c}\", en = \"choice {c}\" }} }}"))
                    .collect();
                src.push_str(&format!(
                    "\n[[sections.questions]]\nkey = \"q{q}\"\nkind = \"choice\"\nprompt = {{ nl = \"Vraag {q}{pad}?\", en = \"Question {q}{pad}?\" }}\nchoices = [{}]\n",
                    list.join(", ")
                ));
            }
        }
        src
    };
    let limit = MAX_QUESTION_SET as usize;
    let bare = build("").len();
    let pad = " over de wet en de regels".repeat((limit - bare) / (2 * MAX_QUESTIONS) / 25);
    let mut src = build(&pad);
    src.push('#');
    src.push_str(&"x".repeat(limit - src.len() - 1));
    src.push('\n');
    assert_eq!(src.len(), limit);
    src
}
