//! Any text read as a question set: a set or a list of problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(problems) = driehoek::domain::bank::parse_set("fuzz.toml", text, driehoek::i18n::Lang::Nl) {
        assert!(!problems.list.is_empty());
    }
});
