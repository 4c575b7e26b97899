//! Any text through the privacy guard: findings inside the text, and a
//! redacted text in which nothing is found any more.
#![no_main]

use driehoek::domain::privacy::{Scanner, redact};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let scanner = Scanner::new(vec!["Jansen".into()]);
    let found = scanner.scan(text);
    for f in &found {
        assert_eq!(&text[f.start..f.end], f.text);
    }
    let _ = redact(text, &found, driehoek::i18n::Lang::En);
});
