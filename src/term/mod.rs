//! The terminal front end: the dialoguer prompter the walk asks through.

pub mod prompter;
