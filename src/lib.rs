//! driehoek: think a stuck case through with the value triangle of the
//! Amsterdam maatwerk method, and keep what you concluded.
//!
//! The library holds everything; `main.rs` only runs it. The parsers are
//! public so the fuzz targets in `fuzz/` can reach them.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod domain;
pub mod error;
pub mod files;
pub mod i18n;
pub mod par;
pub mod printable;
pub mod render;
pub mod store;
pub mod sys;
pub mod term;
pub mod web;
