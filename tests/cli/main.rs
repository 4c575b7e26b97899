//! The one integration-test binary: the real `driehoek` binary, each test
//! with its own temporary store.

// A test says why it skips, and the harness shows what a run printed.
// A test may be long: a walk is told start to end (the 120-line rule is for src/).
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::too_many_lines)]

mod adversary;
mod afloop1;
mod agenda;
mod anonymous;
mod answers_template;
mod bundles;
mod checked;
mod coach;
mod commands;
mod edits;
mod erasure;
mod exit_codes;
mod filters;
mod format1;
mod format2;
mod front;
mod harness;
mod hostile;
mod language;
mod layers;
mod links;
mod man;
mod naming;
mod outcome;
mod output_files;
mod person;
mod platform;
mod print;
mod pty;
mod retention;
mod safety;
mod settings;
mod signals;
mod untrusted;
mod versions;
mod web;
mod widths;
