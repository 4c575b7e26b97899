//! Which notes are versions of one case. A case is identified by its first
//! note: every revision carries that note's id (`case`), so deleting or
//! purging any version never splits a case. Notes written before that
//! field existed are followed back along `revises` as far as the store
//! holds the chain (`upgrade` writes the field while it does). A changed
//! `revises` is followed too, and a loop of `revises` (written by hand) is
//! one case: no note ever drops out of a listing, a bundle or an export.
//! Plain data: the store or a command gathers the notes.

use std::collections::HashMap;

/// One note as far as its case goes: its id, the `case` it carries (none
/// for a first note, and for notes of earlier releases) and the note it
/// revises.
#[derive(Clone, Copy, Debug)]
pub struct Version<'a> {
    pub id: &'a str,
    pub case: Option<&'a str>,
    pub revises: Option<&'a str>,
}

/// The case of every note given, by note id: the id of the case's first
/// note.
pub fn cases<'a>(notes: &[Version<'a>]) -> HashMap<&'a str, String> {
    let by_id: HashMap<&str, &Version> = notes.iter().map(|v| (v.id, v)).collect();
    notes
        .iter()
        .map(|v| (v.id, case_of(v.id, &by_id)))
        .collect()
}

/// The case of note `id`. Each step goes to the note the case or
/// `revises` names while the store holds it; a name the store no longer
/// holds is the case (a first note that was deleted). On a loop the case
/// is the smallest id in it, the same from wherever the loop is entered.
fn case_of(id: &str, by_id: &HashMap<&str, &Version>) -> String {
    let mut path: Vec<&str> = Vec::new();
    let mut at = id;
    loop {
        if let Some(start) = path.iter().position(|p| *p == at) {
            return path[start..].iter().min().unwrap_or(&at).to_string();
        }
        path.push(at);
        let Some(v) = by_id.get(at) else {
            return at.to_string();
        };
        match v.case.filter(|c| *c != at).or(v.revises) {
            Some(next) => at = next,
            None => return at.to_string(),
        }
    }
}

/// How far each note lies from the start of its case: the steps back
/// along `revises` the store still holds (a loop stops where it closes).
/// A revision always lies further than the note it revises, however close
/// together they were made.
pub fn depths<'a>(notes: &[Version<'a>]) -> HashMap<&'a str, usize> {
    let by_id: HashMap<&str, &Version> = notes.iter().map(|v| (v.id, v)).collect();
    notes
        .iter()
        .map(|v| {
            let mut seen = vec![v.id];
            let mut at = v;
            while let Some(earlier) = at.revises.and_then(|r| by_id.get(r)) {
                if seen.contains(&earlier.id) {
                    break;
                }
                seen.push(earlier.id);
                at = earlier;
            }
            (v.id, seen.len() - 1)
        })
        .collect()
}

/// Whether `id` may now revise `target`: a note that exists, is not `id`
/// itself, and is not one of its later versions (which would close a
/// loop). `Err` says which of these fails.
pub fn may_revise(id: &str, target: &str, notes: &[Version]) -> Result<(), Refusal> {
    if target == id {
        return Err(Refusal::Itself);
    }
    let by_id: HashMap<&str, &Version> = notes.iter().map(|v| (v.id, v)).collect();
    if !by_id.contains_key(target) {
        return Err(Refusal::Unknown);
    }
    // Back from the target along `revises`: reaching `id` is a loop.
    let mut at = target;
    for _ in 0..=notes.len() {
        match by_id.get(at).and_then(|v| v.revises) {
            Some(next) if next == id => return Err(Refusal::Later),
            Some(next) => at = next,
            None => return Ok(()),
        }
    }
    Err(Refusal::Later)
}

/// Why a note may not revise another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Itself,
    /// The store holds no such note.
    Unknown,
    /// The note named is a later version of this one.
    Later,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v<'a>(id: &'a str, case: Option<&'a str>, revises: Option<&'a str>) -> Version<'a> {
        Version { id, case, revises }
    }

    fn case<'a>(notes: &[Version<'a>], id: &str) -> String {
        cases(notes)[id].clone()
    }

    #[test]
    fn a_revision_carries_its_first_note_so_deleting_any_version_keeps_one_case() {
        let chain = [
            v("a", None, None),
            v("b", Some("a"), Some("a")),
            v("c", Some("a"), Some("b")),
        ];
        for deleted in 0..3 {
            let left: Vec<Version> = chain
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != deleted)
                .map(|(_, v)| *v)
                .collect();
            let all = cases(&left);
            assert!(all.values().all(|c| c == "a"), "{deleted}: {all:?}");
        }
    }

    #[test]
    fn notes_of_earlier_releases_follow_revises_as_far_as_the_store_holds_it() {
        let old = [
            v("a", None, None),
            v("b", None, Some("a")),
            v("c", None, Some("b")),
        ];
        assert_eq!(case(&old, "c"), "a");
        // B gone: C can only say the note it revised.
        assert_eq!(case(&[old[0], old[2]], "c"), "b");
        // A first note later set to revise another: its revisions follow.
        let moved = [
            v("x", None, None),
            v("a", None, Some("x")),
            v("b", Some("a"), Some("a")),
        ];
        assert_eq!(case(&moved, "b"), "x");
    }

    #[test]
    fn a_loop_is_one_case_from_wherever_it_is_entered() {
        let looped = [
            v("b", None, Some("a")),
            v("a", None, Some("b")),
            v("c", None, Some("a")),
            v("s", None, Some("s")),
        ];
        let all = cases(&looped);
        assert_eq!((&*all["a"], &*all["b"], &*all["c"]), ("a", "a", "a"));
        assert_eq!(all["s"], "s");
    }

    #[test]
    fn a_revision_lies_further_than_what_it_revises_and_a_loop_ends() {
        let notes = [
            v("a", None, None),
            v("b", Some("a"), Some("a")),
            v("c", Some("a"), Some("b")),
            v("x", None, Some("y")),
            v("y", None, Some("x")),
        ];
        let d = depths(&notes);
        assert_eq!((d["a"], d["b"], d["c"]), (0, 1, 2));
        assert_eq!((d["x"], d["y"]), (1, 1));
    }

    #[test]
    fn a_note_may_revise_an_earlier_note_but_not_itself_a_later_one_or_none() {
        let chain = [
            v("a", None, None),
            v("b", Some("a"), Some("a")),
            v("c", Some("a"), Some("b")),
        ];
        assert_eq!(may_revise("b", "b", &chain), Err(Refusal::Itself));
        assert_eq!(may_revise("a", "c", &chain), Err(Refusal::Later));
        assert_eq!(may_revise("a", "b", &chain), Err(Refusal::Later));
        assert_eq!(may_revise("b", "zz", &chain), Err(Refusal::Unknown));
        assert_eq!(may_revise("c", "a", &chain), Ok(()));
    }
}
