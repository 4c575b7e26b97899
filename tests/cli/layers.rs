//! The arrows between the modules of `src/`: no import cycle, and no
//! arrow pointing up a layer (the README's "How it is built"). Read from
//! the source itself, one module per file: every `crate::`, `super::` and
//! `self::` path outside comments and test modules is an arrow to the
//! module it names. A module's own children are part of it (a `mod.rs`
//! declares and re-exports them), so arrows into them are not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Modules (by their first name under `crate`) that a layer may not import.
const FORBIDDEN: &[(&str, &[&str])] = &[
    // The domain never prints, never touches the disk, and never knows
    // which front end asked.
    (
        "domain",
        &[
            "store", "files", "cmd", "render", "term", "web", "cli", "config", "sys",
        ],
    ),
    // Where notes live knows nothing of who shows them.
    ("store", &["files", "cmd", "render", "term", "web", "cli"]),
    ("files", &["cmd", "render", "term", "web", "cli"]),
    // Renderers return a Doc or a String; the caller decides where it goes.
    ("render", &["store", "files", "cmd", "term", "web", "cli"]),
    // Commands are called by the front ends, never the other way round.
    ("cmd", &["cli", "web"]),
    // The two doors stand side by side over the same commands and Docs.
    ("term", &["cmd", "cli", "web"]),
    ("web", &["term", "cli"]),
];

/// Arrows a layer's rule allows all the same, each with why.
const ALLOWED: &[(&str, &str, &str)] = &[(
    "cmd::web",
    "web",
    "the command that opens the browser door starts its server",
)];

/// The floor: modules that import nothing from the crate but these (or
/// modules inside them).
const LEAVES: &[(&str, &[&str])] = &[
    ("domain::answer", &["i18n", "domain::day"]),
    ("domain::day", &["i18n"]),
    ("i18n", &[]),
    ("printable", &[]),
    ("par", &[]),
    ("sys", &["sys::unix", "sys::portable"]),
    ("sys::unix", &["sys"]),
    ("sys::portable", &["sys"]),
];

/// The module graph of `src/` (the library, not `main.rs`).
struct Graph {
    /// Module path (`store::notes`; the crate root is "") → the modules it
    /// imports.
    arrows: BTreeMap<String, BTreeSet<String>>,
}

impl Graph {
    fn read(src: &Path) -> Graph {
        let mut files = Vec::new();
        collect(src, &mut files);
        let modules: BTreeMap<String, String> = files
            .iter()
            .filter(|f| !f.ends_with("main.rs"))
            .map(|f| {
                let rel = f.strip_prefix(src).unwrap();
                (module_of(rel), std::fs::read_to_string(f).unwrap())
            })
            .collect();
        let test_only = test_only_modules(&modules);
        let names: BTreeSet<String> = modules.keys().cloned().collect();
        let mut arrows = BTreeMap::new();
        for (module, text) in &modules {
            if test_only.iter().any(|t| within(module, t)) {
                continue;
            }
            let mut to = BTreeSet::new();
            for path in paths(&without_tests(&strip_comments(text))) {
                if let Some(target) = resolve(module, &path, &names)
                    && !within(&target, module)
                {
                    to.insert(target);
                }
            }
            arrows.insert(module.clone(), to);
        }
        Graph { arrows }
    }

    /// Every cycle, as the modules on it in arrow order.
    fn cycles(&self) -> Vec<Vec<String>> {
        let mut cycles = Vec::new();
        for component in self.components() {
            if component.len() > 1 {
                cycles.push(self.cycle_through(&component));
            }
        }
        cycles
    }

    /// The strongly connected components (Tarjan).
    fn components(&self) -> Vec<Vec<String>> {
        struct State<'a> {
            graph: &'a Graph,
            index: BTreeMap<&'a str, usize>,
            low: BTreeMap<&'a str, usize>,
            stack: Vec<&'a str>,
            on_stack: BTreeSet<&'a str>,
            out: Vec<Vec<String>>,
        }
        fn visit<'a>(s: &mut State<'a>, v: &'a str) {
            let i = s.index.len();
            s.index.insert(v, i);
            s.low.insert(v, i);
            s.stack.push(v);
            s.on_stack.insert(v);
            for w in s.graph.arrows.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if s.on_stack.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if s.low[v] == s.index[v] {
                let mut component = Vec::new();
                while let Some(w) = s.stack.pop() {
                    s.on_stack.remove(w);
                    component.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                s.out.push(component);
            }
        }
        let mut s = State {
            graph: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on_stack: BTreeSet::new(),
            out: Vec::new(),
        };
        for v in self.arrows.keys() {
            if !s.index.contains_key(v.as_str()) {
                visit(&mut s, v);
            }
        }
        s.out
    }

    /// One cycle through the first module of a component, found by a
    /// breadth-first search that stays inside the component.
    fn cycle_through(&self, component: &[String]) -> Vec<String> {
        let inside: BTreeSet<&str> = component.iter().map(String::as_str).collect();
        let start = component.iter().min().unwrap().as_str();
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            for w in self.arrows.get(v).into_iter().flatten() {
                let w = w.as_str();
                if w == start {
                    let mut cycle = vec![v.to_string()];
                    let mut at = v;
                    while at != start {
                        at = came_from[at];
                        cycle.push(at.to_string());
                    }
                    cycle.reverse();
                    return cycle;
                }
                if inside.contains(w) && !came_from.contains_key(w) {
                    came_from.insert(w, v);
                    queue.push_back(w);
                }
            }
        }
        component.to_vec()
    }

    /// Every arrow that points where its layer may not look, or out of a
    /// leaf, as `from → to`.
    fn upward(&self) -> Vec<(String, String)> {
        let mut wrong = Vec::new();
        for (from, to) in &self.arrows {
            let banned = FORBIDDEN.iter().find(|(l, _)| *l == top(from));
            let leaf = LEAVES.iter().find(|(l, _)| l == from);
            for target in to {
                let allowed = ALLOWED.iter().any(|(f, t, _)| f == from && t == target);
                let up = !allowed && banned.is_some_and(|(_, b)| b.contains(&top(target)));
                let out_of_leaf = leaf.is_some_and(|(_, ok)| !ok.iter().any(|m| within(target, m)));
                if up || out_of_leaf {
                    wrong.push((name(from), name(target)));
                }
            }
        }
        wrong
    }
}

fn name(module: &str) -> String {
    if module.is_empty() {
        "crate".into()
    } else {
        module.into()
    }
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap()
}

/// Whether `module` is `outer` or inside it.
fn within(module: &str, outer: &str) -> bool {
    outer.is_empty()
        || module == outer
        || module
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with("::"))
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `store/notes.rs` → `store::notes`; `store/mod.rs` → `store`;
/// `lib.rs` → "".
fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts.join("::")
}

/// The module files declared `#[cfg(test)] mod name;`.
fn test_only_modules(modules: &BTreeMap<String, String>) -> Vec<String> {
    let mut found = Vec::new();
    for (module, text) in modules {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            if pair[0] == "#[cfg(test)]"
                && let Some(name) = pair[1]
                    .strip_prefix("mod ")
                    .and_then(|r| r.strip_suffix(';'))
            {
                found.push(if module.is_empty() {
                    name.to_string()
                } else {
                    format!("{module}::{name}")
                });
            }
        }
    }
    found
}

/// The text without `//` comments (doc comments included: a link in a
/// comment is no import).
fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|line| {
            let code = match line.find("//") {
                // A comment, not `https://` in a string.
                Some(at) if at == 0 || line[..at].ends_with([' ', '\t', ';', ',', '{', '}']) => {
                    &line[..at]
                }
                _ => line,
            };
            format!("{code}\n")
        })
        .collect()
}

/// The text without its inline `#[cfg(test)] mod … { … }` blocks.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|l| l.trim_start().starts_with("mod ") && l.ends_with('{'))
        {
            let indent = &line[..line.len() - line.trim_start().len()];
            let end = format!("{indent}}}");
            for inner in lines.by_ref() {
                if inner == end {
                    break;
                }
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every path that starts with `crate`, `super` or `self`, with `use`
/// trees (`use crate::{a, b::{c, d}}`) spelled out.
fn paths(text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if boundary {
            for root in ["crate::", "super::", "self::"] {
                let r: Vec<char> = root.chars().collect();
                if chars[i..].starts_with(&r) {
                    let (trees, end) = tree(&chars, i);
                    out.extend(trees);
                    i = end;
                    break;
                }
            }
        }
        i += 1;
    }
    out
}

/// The paths of one use tree (or plain path) starting at `i`, and where
/// it ends.
fn tree(chars: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    loop {
        let start = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        if i > start {
            prefix.push(chars[start..i].iter().collect::<String>());
        }
        if chars[i..].starts_with(&[':', ':']) {
            i += 2;
            if chars.get(i) == Some(&'{') {
                let mut out = Vec::new();
                i += 1;
                loop {
                    while chars[i].is_whitespace() || chars[i] == ',' {
                        i += 1;
                    }
                    if chars[i] == '}' {
                        return (out, i + 1);
                    }
                    let (inner, end) = tree(chars, i);
                    out.extend(inner.into_iter().map(|mut p| {
                        let mut full = prefix.clone();
                        full.append(&mut p);
                        full
                    }));
                    i = end;
                    // `a as b`: the alias names nothing new.
                    while i < chars.len() && !matches!(chars[i], ',' | '}' | ';') {
                        i += 1;
                    }
                }
            }
            continue;
        }
        return (vec![prefix], i);
    }
}

/// The module a path from `module` names: its longest prefix that is a
/// module file. `self` in a use tree (`use crate::x::{self, Y}`) names the
/// module before it.
fn resolve(module: &str, path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    let mut at: Vec<String> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").map(String::from).collect()
    };
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            at.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        _ => {}
    }
    while rest.first().map(String::as_str) == Some("super") {
        at.pop()?;
        rest = &rest[1..];
    }
    let mut found = at.join("::");
    for part in rest {
        if part == "self" {
            break;
        }
        at.push(part.clone());
        let candidate = at.join("::");
        if modules.contains(&candidate) {
            found = candidate;
        } else {
            break;
        }
    }
    modules.contains(&found).then_some(found)
}

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_imports_itself_round_a_cycle() {
    let graph = Graph::read(&src());
    let cycles: Vec<String> = graph
        .cycles()
        .iter()
        .map(|c| {
            let mut shown: Vec<String> = c.iter().map(|m| name(m)).collect();
            shown.push(name(&c[0]));
            shown.join(" → ")
        })
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn no_arrow_points_up_a_layer() {
    let wrong: Vec<String> = Graph::read(&src())
        .upward()
        .iter()
        .map(|(from, to)| format!("{from} → {to}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "arrows against the layers:\n{}",
        wrong.join("\n")
    );
}

/// The reader itself: a cycle and an upward arrow in a small made-up
/// tree are found and named.
#[test]
fn the_reader_finds_a_cycle_and_an_upward_arrow() {
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("lib.rs", "pub mod domain;\npub mod store;\n");
    write("domain/mod.rs", "pub mod a;\npub mod b;\n");
    write(
        "domain/a.rs",
        "use crate::domain::{b::{self, B}, c as d};\n// use crate::store;\n",
    );
    write(
        "domain/b.rs",
        "pub fn f() { super::a::g(); }\n#[cfg(test)]\nmod tests {\n    use crate::store::X;\n}\n",
    );
    write("store/mod.rs", "pub mod x;\nuse x::Y;\n");
    write("store/x.rs", "fn f() -> crate::domain::a::A { todo!() }\n");
    let graph = Graph::read(dir.path());
    assert_eq!(
        graph.cycles(),
        vec![vec!["domain::a".to_string(), "domain::b".to_string()]]
    );
    assert!(graph.upward().is_empty(), "{:?}", graph.upward());
    write("domain/b.rs", "use crate::store;\n");
    let graph = Graph::read(dir.path());
    assert!(graph.cycles().is_empty());
    assert_eq!(
        graph.upward(),
        vec![("domain::b".to_string(), "store".to_string())]
    );
}
