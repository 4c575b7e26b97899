//! The one CSV writer, for every report a spreadsheet opens (the bundle,
//! the signals). Cells hold text people typed (a rule line, a role), so
//! each is made safe here and nowhere else: control and direction
//! characters shown as placeholders, a cell a spreadsheet would run as a
//! formula defused, and quoted by RFC 4180 wherever a comma, a semicolon
//! (Dutch spreadsheets split on it), a quote or a line break could split it.

use crate::printable::printable;

/// Rows as CSV, lines ended by CRLF as RFC 4180 asks.
pub fn write<R: AsRef<[String]>>(rows: impl IntoIterator<Item = R>) -> String {
    rows.into_iter()
        .map(|row| {
            let cells: Vec<String> = row.as_ref().iter().map(|c| cell(c)).collect();
            cells.join(",") + "\r\n"
        })
        .collect()
}

/// One cell. A number stays a number (`-2`, `1250.50`); any other text that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// apostrophe, so a spreadsheet never runs a typed rule line as a formula.
pub fn cell(text: &str) -> String {
    let text = printable(text);
    let number = text.parse::<f64>().is_ok_and(f64::is_finite);
    let text = if !number && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    if text.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_formulas_defused_and_controls_shown() {
        assert_eq!(cell("gewoon"), "gewoon");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("a; b"), "\"a; b\"");
        assert_eq!(cell("twee\nregels"), "\"twee\nregels\"");
        assert_eq!(cell("zeg \"nee\""), "\"zeg \"\"nee\"\"\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("-2"), "-2", "a number is not a formula");
        assert_eq!(cell("-1250.50"), "-1250.50");
        assert_eq!(cell("-2 dagen"), "'-2 dagen");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("+31 6"), "'+31 6");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("inf"), "inf", "not a formula either");
        assert_eq!(cell("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(cell("abc\u{202e}gnp"), "abc�gnp");
        assert_eq!(cell("\r=1"), "␍=1", "a carriage return is shown, not kept");
    }

    #[test]
    fn rows_end_in_crlf() {
        let rows = vec![
            vec!["a".to_string(), "b,c".to_string()],
            vec![String::new()],
        ];
        assert_eq!(write(&rows), "a,\"b,c\"\r\n\r\n");
    }
}
