//! One line per note: what `list` shows of it and what its filters need,
//! so a listing reads a small cache instead of every note.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::answer::Scope;
use crate::domain::note::{CaseNote, Triangle};
use crate::domain::outcome::{self, Status};

/// What `list` shows of a note, and what its filters need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub title: String,
    pub triangle: Triangle,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    /// The case's first note, as the note carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<String>,
    /// Where the case stands after the discussion (the outcome log).
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_decision: Option<i64>,
}

impl Summary {
    /// The note as far as its case goes.
    pub fn version(&self) -> crate::domain::versions::Version<'_> {
        crate::domain::versions::Version {
            id: &self.id,
            case: self.case.as_deref(),
            revises: self.revises.as_deref(),
        }
    }

    pub fn of(note: &CaseNote) -> Summary {
        Summary {
            id: note.id.clone(),
            created: note.created,
            updated: note.updated,
            title: note.title.clone(),
            triangle: note.triangle.clone(),
            scope: note.scope,
            revises: note.revises.clone(),
            case: note.case.clone(),
            practice: note.practice.clone(),
            status: outcome::status(&note.outcomes),
            days_to_decision: outcome::days_to_decision(
                crate::domain::day::local(note.created),
                &note.outcomes,
            ),
        }
    }
}
