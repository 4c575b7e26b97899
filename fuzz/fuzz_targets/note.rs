//! Any text read as a note: never a panic, and a note that reads writes
//! back to itself.
#![no_main]

use std::path::Path;

use driehoek::store::{parse_note, to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(note) = parse_note(text, Path::new("fuzz.toml")) {
        let again = parse_note(&to_text(&note).unwrap(), Path::new("fuzz.toml")).unwrap();
        assert_eq!(again, note);
    }
});
