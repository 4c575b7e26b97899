//! The ways a run can end other than well, and their exit codes.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// Exit codes, as documented in `--help` and the README.
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_CANCELLED: u8 = 130;

/// The person stopped the walk (Ctrl-C, Esc at the end); nothing was saved.
#[derive(Debug)]
pub struct Cancelled;

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for Cancelled {}

/// Input that the person can fix: a wrong id, a bad file, a missing option.
#[derive(Debug)]
pub struct BadInput(pub String);

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// Shorthand for failing with bad input.
pub fn bad_input(msg: impl Into<String>) -> anyhow::Error {
    BadInput(msg.into()).into()
}

/// The exit code an error ends the run with.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<Cancelled>() {
            return EXIT_CANCELLED;
        }
        if cause.is::<BadInput>() || cause.is::<crate::problem::Problems>() {
            return EXIT_USAGE;
        }
    }
    EXIT_FAILURE
}

/// Says once that the run was cancelled (`said`: what became of the run's
/// work): both the Ctrl-C handler and the interrupted prompt may get there.
pub fn say_cancelled(said: &str) {
    static SAID: AtomicBool = AtomicBool::new(false);
    if !SAID.swap(true, Ordering::SeqCst) {
        eprintln!("\n{said}");
    }
}
