//! The person's own files, outside the store: what they wrote for the tool
//! to read (answers files, question sets), and what they asked it to write
//! (`-o`).

pub mod export_file;
pub mod input;
pub mod output;
