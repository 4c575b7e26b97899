//! The terminal front end: its door (`ui`), and the dialoguer prompter
//! the walk asks through.

pub mod paint;
pub mod prompter;
pub mod ui;
