//! The walk in a real pseudo-terminal: the harness that drives it, and the
//! tests. Linux only: waiting for raw mode reads the terminal through /proc.

#![cfg(target_os = "linux")]

mod forgiving;
mod harness;
mod rechecked;
mod walks;

/// Runs each named test twice: without colour (`NO_COLOR=1`), and in an
/// ordinary colour terminal (`TERM=xterm-256color`), where a bug that only
/// colour shows once went unseen for a whole release (the summary showed
/// the tool's own styling as `␛[1m…`).
macro_rules! in_both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use crate::harness::Env;

            #[test]
            fn without_colour() {
                super::$name(Env::new());
            }

            #[test]
            fn in_colour() {
                super::$name(Env::coloured());
            }
        }
    )*};
}
pub(crate) use in_both;
