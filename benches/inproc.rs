//! In-process timings of the parts every command leans on (divan).
//! Run: `cargo bench --bench inproc`.

mod support;

use std::path::Path;

use divan::Bencher;
use driehoek::domain::bank::{Bank, DEFAULT_SET};
use driehoek::domain::privacy::Scanner;
use driehoek::i18n::Lang;
use driehoek::store::{Store, parse_note, to_text};

fn main() {
    divan::main();
}

/// The text of one realistic note.
fn note_text() -> String {
    let dir = tempfile::tempdir().unwrap();
    support::fill(dir.path(), 1);
    let store = Store::open(dir.path().to_path_buf()).unwrap();
    let id = store.ids().unwrap().pop().unwrap();
    to_text(&store.load(&id).unwrap()).unwrap()
}

#[divan::bench]
fn read_a_note(b: Bencher) {
    let text = note_text();
    b.bench(|| parse_note(&text, Path::new("n.toml")).unwrap());
}

#[divan::bench]
fn write_a_note(b: Bencher) {
    let note = parse_note(&note_text(), Path::new("n.toml")).unwrap();
    b.bench(|| to_text(&note).unwrap());
}

#[divan::bench]
fn render_markdown(b: Bencher) {
    let note = parse_note(&note_text(), Path::new("n.toml")).unwrap();
    let bank = Bank::embedded();
    let set = bank.get(DEFAULT_SET);
    b.bench(|| {
        driehoek::render::markdown::render(&driehoek::render::note_doc(&note, set, Lang::Nl))
    });
}

#[divan::bench]
fn scan_for_personal_data(b: Bencher) {
    let note = parse_note(&note_text(), Path::new("n.toml")).unwrap();
    let scanner = Scanner::new(vec!["Jansen".into()]);
    b.bench(|| {
        driehoek::domain::privacy::scan_answers(
            &scanner,
            note.answers.iter().map(|e| (e.id.as_str(), &e.value)),
        )
    });
}

#[divan::bench]
fn load_the_question_bank() -> Bank {
    Bank::embedded()
}

#[divan::bench]
fn read_an_answers_file(b: Bencher) {
    let src = include_str!("../tests/cli/fixtures/full.toml");
    let bank = Bank::embedded();
    let set = bank.get(DEFAULT_SET).unwrap();
    b.bench(|| driehoek::domain::answers_file::parse(set, "a.toml", src, Lang::Nl).unwrap());
}

#[divan::bench(sample_count = 20)]
fn list_1000_notes_from_the_cache(b: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    support::fill(dir.path(), 1_000);
    let store = Store::open(dir.path().to_path_buf()).unwrap();
    store.summaries().unwrap();
    b.bench(|| store.summaries().unwrap());
}

#[divan::bench]
fn render_svg(b: Bencher) {
    let note = parse_note(&note_text(), Path::new("n.toml")).unwrap();
    b.bench(|| driehoek::render::svg::svg(&note, Lang::Nl));
}
