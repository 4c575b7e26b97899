//! `config set|get|names`: every value checked, the file written whole and
//! private, the person's comments kept.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::harness::{Env, code, stderr, stdout};

#[test]
fn settings_are_set_checked_and_kept_with_their_comments() {
    let env = Env::new();
    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    fs::write(&file, "# van het team\nlang = \"nl\" # taal\n").unwrap();

    for (key, value) in [
        ("initials", "AB"),
        ("bewaartermijn", "12"),
        ("set", "waardendriehoek"),
        ("lang", "en"),
        ("walk", "kort"),
    ] {
        let out = env.run(&["config", "set", key, value]);
        assert_eq!(code(&out), 0, "{key}: {}", stderr(&out));
    }
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# van het team\nlang = \"en\" # taal\n"),
        "{text}"
    );
    assert!(
        text.contains("initials = \"AB\"") && text.contains("bewaartermijn = 12"),
        "{text}"
    );
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(stdout(&env.run(&["config", "get", "initials"])), "AB\n");
    assert_eq!(
        stdout(&env.run(&["config", "lees", "bewaartermijn"])),
        "12\n"
    );

    let out = env.run(&["--lang", "nl", "config", "names", "add", "Jansen"]);
    assert!(
        stderr(&out).contains("let nu op 1 naam."),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["--lang", "nl", "config", "namen", "toevoegen", "De Vries"]);
    assert!(
        stderr(&out).contains("let nu op 2 namen."),
        "{}",
        stderr(&out)
    );
    env.run(&["config", "names", "remove", "Jansen"]);
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("names = [\"De Vries\"]"), "{text}");

    // Wrong keys and values: an error naming what is valid; nothing changes.
    let before = fs::read_to_string(&file).unwrap();
    for (args, said) in [
        (
            &["config", "set", "kleur", "x"][..],
            "[mogelijke waarden: lang, set, initials, bewaartermijn, walk, team, telefoon, aanspreekvorm]",
        ),
        (
            &["config", "set", "lang", "fr"],
            "'fr' kan niet voor lang; geldig: nl of en",
        ),
        (
            &["config", "set", "bewaartermijn", "0"],
            "van 1 tot en met 1200",
        ),
        (&["config", "set", "initials", "A1"], "1 tot 5 letters"),
        (
            &["config", "set", "set", "bestaatniet"],
            "onbekende vragenlijst 'bestaatniet'",
        ),
        (
            &["config", "names", "remove", "Pietersen"],
            "die naam staat niet in de lijst",
        ),
        (&["config", "names", "add", " "], "een lege naam kan niet"),
    ] {
        let mut all = vec!["--lang", "nl"];
        all.extend_from_slice(args);
        let out = env.run(&all);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(said), "{args:?}: {}", stderr(&out));
        assert_eq!(fs::read_to_string(&file).unwrap(), before, "{args:?}");
    }
    let out = env.run(&["--lang", "en", "config", "set", "lang", "fr"]);
    assert!(
        stderr(&out).contains("'fr' is not valid for lang; valid: nl or en"),
        "{}",
        stderr(&out)
    );

    // A broken file is reported at its place and left alone.
    fs::write(&file, "lang = \n").unwrap();
    let out = env.run(&["config", "set", "initials", "CD"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("config.toml:1:"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), "lang = \n");
}

#[test]
fn a_first_setting_makes_a_private_file() {
    let env = Env::new();
    let out = env.run(&["config", "set", "initials", "AB"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let file = env.config.path().join("driehoek").join("config.toml");
    assert_eq!(fs::read_to_string(&file).unwrap(), "initials = \"AB\"\n");
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

/// Settings kept with one's dotfiles: `config.toml` is a link, and a
/// change is written where it points, the link left as it was.
#[test]
fn a_linked_settings_file_is_written_through_the_link() {
    let env = Env::new();
    let dir = env.config.path().join("driehoek");
    fs::create_dir_all(&dir).unwrap();
    let real = env.file(
        "dotfiles-config.toml",
        "# mijn instellingen\nlang = \"nl\"\n",
    );
    let link = dir.join("config.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = env.run(&["config", "names", "add", "Jansen"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = fs::read_to_string(&real).unwrap();
    assert!(
        text.contains("# mijn instellingen") && text.contains("Jansen"),
        "{text}"
    );
}
