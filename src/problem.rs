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
    let offset = offset.min(src.len());
    let before = &src[..floor_char_boundary(src, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
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
    }
}
