//! Any text read as an answers file for the default set: answers or
//! problems with places in the file, never a panic.
#![no_main]

use driehoek::domain::bank::{Bank, DEFAULT_SET};
use driehoek::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let bank = Bank::embedded();
    let set = bank.get(DEFAULT_SET).unwrap();
    if let Err(problems) = driehoek::domain::answers_file::parse(set, "fuzz.toml", text, Lang::Nl) {
        for p in &problems.list {
            assert!(p.line >= 1 && p.line <= text.lines().count() + 1);
        }
    }
});
