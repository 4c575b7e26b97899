//! Problems found in a file a person wrote (an answers file, a question
//! set), each pointing at a line and column so it can be fixed in one go.

use std::fmt;

/// One problem at one place in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub col: usize,
    /// The question the problem is about, when there is one.
    pub question: Option<String>,
    pub message: String,
}

impl Problem {
    /// A problem at byte `offset` of `src`.
    pub fn at(
        file: &str,
        src: &str,
        offset: usize,
        question: Option<&str>,
        message: impl Into<String>,
    ) -> Problem {
        let (line, col) = line_col(src, offset);
        Problem {
            file: file.to_string(),
            line,
            col,
            question: question.map(str::to_string),
            message: message.into(),
        }
    }

    /// A TOML syntax or type error, placed where the parser saw it.
    pub fn from_toml(file: &str, src: &str, err: &toml::de::Error) -> Problem {
        let offset = err.span().map_or(0, |s| s.start);
        Problem::at(file, src, offset, None, err.message().trim())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.col)?;
        if let Some(q) = &self.question {
            write!(f, "[{q}] ")?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem in one file, reported together; this is bad input (exit 2).
#[derive(Debug)]
pub struct Problems {
    pub summary: String,
    pub list: Vec<Problem>,
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.list {
            writeln!(f, "{p}")?;
        }
        f.write_str(&self.summary)
    }
}

impl std::error::Error for Problems {}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    line_cols(src, &[offset])[0]
}

/// The line and column of many byte offsets in one pass over `src`, in
/// the order given: a file with thousands of problems is read once, not
/// once for each.
pub fn line_cols(src: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut places = vec![(1, 1); offsets.len()];
    let (mut line, mut col, mut at) = (1, 1, 0);
    for i in order {
        let to = floor_char_boundary(src, offsets[i].min(src.len())).max(at);
        for c in src[at..to].chars() {
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        at = to;
        places[i] = (line, col);
    }
    places
}

/// Problems found at byte offsets of one file, placed together at the end
/// (see [`line_cols`]).
pub struct Pending<'a> {
    file: &'a str,
    src: &'a str,
    found: Vec<(usize, Option<String>, String)>,
}

impl<'a> Pending<'a> {
    pub fn new(file: &'a str, src: &'a str) -> Self {
        Pending {
            file,
            src,
            found: Vec::new(),
        }
    }

    pub fn push(&mut self, offset: usize, question: Option<&str>, message: String) {
        self.found
            .push((offset, question.map(str::to_string), message));
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The questions problems were found about so far.
    pub fn questions(&self) -> impl Iterator<Item = &str> {
        self.found.iter().filter_map(|(_, q, _)| q.as_deref())
    }

    pub fn placed(self) -> Vec<Problem> {
        let offsets: Vec<usize> = self.found.iter().map(|(o, _, _)| *o).collect();
        let places = line_cols(self.src, &offsets);
        self.found
            .into_iter()
            .zip(places)
            .map(|((_, question, message), (line, col))| Problem {
                file: self.file.to_string(),
                line,
                col,
                question,
                message,
            })
            .collect()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let src = "a = 1\nbé = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        // 'b', 'é' (two bytes), ' ', '=': the '=' is the 4th character.
        assert_eq!(line_col(src, 10), (2, 4));
        assert_eq!(line_col(src, 999), (3, 1));
        assert_eq!(line_cols(src, &[10, 0, 6]), vec![(2, 4), (1, 1), (2, 1)]);
    }

    #[test]
    fn fifty_thousand_places_take_one_pass() {
        let src = "sleutel_met_een_naam = 1\n".repeat(50_000);
        let offsets: Vec<usize> = (0..50_000).rev().map(|n| n * 25 + 3).collect();
        let start = std::time::Instant::now();
        let places = line_cols(&src, &offsets);
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(places[0], (50_000, 4));
        assert_eq!(places[49_999], (1, 4));
    }
}
