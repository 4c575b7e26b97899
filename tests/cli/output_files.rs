//! Where `export -o` writes, and what it never replaces.

use std::fs;
use std::os::unix::fs::FileTypeExt;

use crate::harness::{Env, FULL, code, stderr};

#[test]
fn export_into_a_folder_names_the_file_after_the_note_and_says_where() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let dir = env.home.path().join("bespreking");
    fs::create_dir(&dir).unwrap();
    let out = env.run(&["export", &id, "-o", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = dir.join(format!("{id}-drie-zakken-post.md"));
    let svg = dir.join(format!("{id}-drie-zakken-post.svg"));
    assert!(
        fs::read_to_string(&md)
            .unwrap()
            .contains(&format!("](<{id}-drie-zakken-post.svg>)"))
    );
    assert!(
        fs::read_to_string(&svg)
            .unwrap()
            .contains("<!-- written by driehoek")
    );
    let said = stderr(&out);
    assert!(
        said.contains(&format!("Geschreven: {}, {}", md.display(), svg.display())),
        "{said}"
    );

    // A folder meant by a trailing slash is made.
    let new = env.home.path().join("nieuw/");
    let out = env.run(&["--lang", "en", "export", &id, "-o", new.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(new.join(format!("{id}-drie-zakken-post.md")).is_file());
    assert!(stderr(&out).contains("Written: "), "{}", stderr(&out));
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let md = env.file("rapport.md", "mijn eigen rapport");
    let out = env.run(&["export", &id, "-o", md.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("rapport.md bestaat al; vervang het met --vervang"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&md).unwrap(), "mijn eigen rapport");
    assert!(
        !env.home.path().join("rapport.svg").exists(),
        "nothing written when refused"
    );

    let out = env.run(&["export", &id, "-o", md.to_str().unwrap(), "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        fs::read_to_string(&md)
            .unwrap()
            .starts_with("# Drie zakken post")
    );

    // A link to a file: the file it leads to is replaced, the link stays.
    let real = env.file("echt.md", "oud");
    let link = env.home.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = env.run(&["export", &id, "-o", link.to_str().unwrap(), "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .starts_with("# Drie zakken post")
    );
}

#[test]
fn a_file_beside_the_export_is_replaced_only_when_driehoek_wrote_it() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let md = env.home.path().join("rapport.md");
    let svg = env.file("rapport.svg", "<svg>iemands eigen tekening</svg>");
    let out = env.run(&["export", &id, "-o", md.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(&svg).unwrap(),
        "<svg>iemands eigen tekening</svg>"
    );
    assert!(
        stderr(&out).contains("de tekeningen zijn weggelaten: "),
        "{}",
        stderr(&out)
    );
    assert!(
        !fs::read_to_string(&md).unwrap().contains("rapport.svg"),
        "no link to a picture that is not there"
    );

    // One driehoek wrote is its own to replace.
    fs::remove_file(&svg).unwrap();
    assert_eq!(
        code(&env.run(&["export", &id, "-o", md.to_str().unwrap(), "--force"])),
        0
    );
    let ours = fs::read_to_string(&svg).unwrap();
    assert!(ours.contains("<!-- written by driehoek"));
    fs::write(&svg, ours.replace("Drie zakken post", "Oud")).unwrap();
    let out = env.run(&["export", &id, "-o", md.to_str().unwrap(), "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        fs::read_to_string(&svg)
            .unwrap()
            .contains("Drie zakken post")
    );
    assert!(fs::read_to_string(&md).unwrap().contains("rapport.svg"));
}

#[test]
fn a_target_that_is_not_a_regular_file_is_refused() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let fifo = env.home.path().join("pijp.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let to_null = env.home.path().join("nul.md");
    std::os::unix::fs::symlink("/dev/null", &to_null).unwrap();
    let dangling = env.home.path().join("weg.md");
    std::os::unix::fs::symlink(env.home.path().join("nergens"), &dangling).unwrap();
    for target in [
        &fifo,
        &to_null,
        &dangling,
        std::path::Path::new("/dev/null"),
    ] {
        for force in [&[][..], &["--force"][..]] {
            let args = [&["export", &id, "-o", target.to_str().unwrap()][..], force].concat();
            let out = env.run(&args);
            assert_eq!(code(&out), 2, "{target:?}");
            assert!(
                stderr(&out).contains("is geen gewoon bestand"),
                "{}",
                stderr(&out)
            );
        }
    }
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(
        fs::symlink_metadata(&to_null)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!env.home.path().join("nergens").exists());
}

#[test]
fn a_saved_note_shows_the_next_step() {
    let env = Env::new();
    let path = env.file("antwoorden.toml", FULL);
    let out = env.run(&["new", "--from", path.to_str().unwrap()]);
    let id = String::from_utf8(out.stdout.clone())
        .unwrap()
        .trim()
        .to_string();
    assert!(
        !id.is_empty() && !id.contains(char::is_whitespace),
        "only the id on stdout, for scripts"
    );
    assert!(stderr(&out).contains(&format!(
        "Volgende stap, de pagina om af te drukken voor de bespreking: driehoek exporteer {id} --formaat html -o MAP"
    )));
    let out = env.run(&["--lang", "en", "new", "--from", path.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("Next step, the page to print for the meeting: driehoek export ")
    );
}

#[test]
fn the_bundle_report_follows_the_same_rules() {
    let env = Env::new();
    env.new_note(FULL);
    let report = env.file("beleid.md", "het verslag van vorige maand");
    let to = report.to_str().unwrap();
    let out = env.run(&["bundle", "-o", to]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("bestaat al; vervang het met --vervang"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(&report).unwrap(),
        "het verslag van vorige maand"
    );
    let out = env.run(&["bundle", "-o", "/dev/null", "--force"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("is geen gewoon bestand"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["bundle", "-o", to, "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("Geschreven: {to}")),
        "{}",
        stderr(&out)
    );
    assert!(fs::read_to_string(&report).unwrap().starts_with("# "));
}

/// A temp file of driehoek's own in `dir`, as a killed export leaves it,
/// `age` old.
fn left_behind(dir: &std::path::Path, name: &str, age: std::time::Duration) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, "Drie zakken post: een halve export").unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(std::time::SystemTime::now() - age)
        .unwrap();
    path
}

#[test]
fn what_a_killed_export_left_in_a_folder_goes_with_the_next_export_there() {
    let env = Env::new();
    let id = env.new_note(FULL);
    let two_minutes = std::time::Duration::from_secs(120);
    for (n, args) in [
        vec!["export", id.as_str(), "-o"],
        vec!["export", "--all", "-o"],
    ]
    .into_iter()
    .enumerate()
    {
        let dir = env.home.path().join(format!("uit{n}"));
        std::fs::create_dir(&dir).unwrap();
        let ours = left_behind(&dir, ".driehoek-tmp-Ab12Cd", two_minutes);
        let young = left_behind(&dir, ".driehoek-tmp-Ef34Gh", std::time::Duration::ZERO);
        let theirs = left_behind(&dir, ".tmp-Ij56Kl", two_minutes);
        let out = env.run(&[&args[..], &[dir.to_str().unwrap()]].concat());
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(
            !ours.exists(),
            "{args:?}: the old half of a killed export is gone"
        );
        assert!(young.exists(), "{args:?}: one that may be in use stays");
        assert!(
            theirs.exists(),
            "{args:?}: another program's temp file stays"
        );
    }
}
