//! Which notes are past the retention period (`bewaartermijn`), for
//! `list`, `check` and `opschonen` alike: those last changed before it.

use jiff::Timestamp;

use crate::config::Months;

/// The notes (each changed last at `updated(note)`) past the period, in
/// the order given.
pub fn past<T>(notes: &[T], months: Months, updated: impl Fn(&T) -> Timestamp) -> Vec<&T> {
    let cutoff = months.cutoff(Timestamp::now());
    notes.iter().filter(|n| updated(n) < cutoff).collect()
}
