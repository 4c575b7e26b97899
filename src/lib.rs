//! driehoek: think a stuck case through with the value triangle of the
//! Amsterdam maatwerk method, and keep what you concluded.
//!
//! The library holds everything; `main.rs` only runs it. The parsers are
//! public so the fuzz targets in `fuzz/` can reach them.

pub mod answers_file;
pub mod bank;
pub mod bulk;
pub mod bundle;
pub mod cases;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod day;
pub mod error;
pub mod filter;
pub mod findings;
pub mod i18n;
pub mod index;
pub mod input;
pub mod labels;
pub mod migrate;
pub mod note;
pub mod outcome;
pub mod output;
pub mod par;
pub mod printable;
pub mod privacy;
pub mod problem;
pub mod prompt;
pub mod record;
pub mod render;
pub mod scratch;
pub mod select;
pub mod store;
pub mod sys;
pub mod walk;
