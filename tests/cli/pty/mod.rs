//! The walk in a real pseudo-terminal: the harness that drives it, and the
//! tests. Linux only: waiting for raw mode reads the terminal through /proc.

#![cfg(target_os = "linux")]

mod harness;
mod walks;

/// Runs each named test twice: without colour (`NO_COLOR=1`), and in an
/// ordinary colour terminal (`TERM=xterm-256color`), where a bug that only
/// colour shows once went unseen for a whole release.
///
/// Until the terminal's output door cleans text before it styles it (issue
/// 17 item 2), the colour runs fail (the summary shows `␛[1m…`): they are
/// written, seen failing, and ignored until the door lands.
macro_rules! in_both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use crate::harness::Env;

            #[test]
            fn without_colour() {
                super::$name(Env::new());
            }

            #[test]
            #[ignore = "until the output door lands"]
            fn in_colour() {
                super::$name(Env::coloured());
            }
        }
    )*};
}
pub(crate) use in_both;

/// [`in_both`] for tests that fail in both runs until the door lands (a
/// resumed draft's title reaches the terminal raw).
macro_rules! pending_in_both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use crate::harness::Env;

            #[test]
            #[ignore = "until the output door lands"]
            fn without_colour() {
                super::$name(Env::new());
            }

            #[test]
            #[ignore = "until the output door lands"]
            fn in_colour() {
                super::$name(Env::coloured());
            }
        }
    )*};
}
pub(crate) use pending_in_both;
