//! The method itself: question sets, the walk, case notes and their
//! outcome logs, what a bundle counts. Nothing here prints or touches the
//! disk; the commands and the store read and write for it.

pub mod answer;
pub mod answers_file;
pub mod bank;
pub mod bundle;
pub mod cases;
pub mod day;
pub mod filter;
pub mod findings;
pub mod labels;
pub mod migrate;
pub mod note;
pub mod outcome;
pub mod plain;
pub mod privacy;
pub mod problem;
pub mod record;
pub mod signals;
pub mod summary;
pub mod versions;
pub mod walk;
