//! Text bound for a terminal. Notes, answers files, question sets, the
//! lexicon, the config and the command line are untrusted: an ESC in them
//! could set the clipboard or clear the screen, a bidi override could make
//! text read backwards. Everything that reaches a terminal passes
//! [`printable`] before it is styled ([`Styled`]), never after: where the
//! renderer or the message meets the output.

use std::borrow::Cow;
use std::ffi::OsString;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether `c` could steer a terminal or reorder the text around it:
/// C0 controls (but newline and tab), ESC, DEL, C1 controls, and the bidi
/// overrides and isolates.
pub fn steers(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The placeholder shown instead: the control picture for a C0 control
/// (`␛` for ESC) and DEL, `�` for the rest. One column wide, so tables
/// keep their shape.
fn placeholder(c: char) -> char {
    match u32::from(c) {
        n @ 0..=0x1F => char::from_u32(0x2400 + n).unwrap_or('�'),
        0x7F => '␡',
        _ => '�',
    }
}

/// `text` with every character that [`steers`] shown as a visible
/// placeholder; borrowed when there is none (the usual case).
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(steers) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if steers(c) { placeholder(c) } else { c })
            .collect(),
    )
}

/// Serialized JSON with every character that [`steers`] written as a
/// `\u` escape: the same text to every JSON reader, and nothing that
/// steers the terminal it is shown in (`| cat`, `less -R`, a file opened
/// later). serde escapes the C0 controls but leaves DEL, the C1 controls
/// (a CSI among them) and the bidi controls as they are. Outside its
/// strings JSON holds none of these, so each one is inside a string.
pub fn json_escaped(json: String) -> String {
    if !json.chars().any(steers) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if steers(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text cut to `width` columns, with an ellipsis when cut.
pub fn cut(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= width {
        return text.into();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out.into()
}

/// A command-line argument made printable before anything reads it: an id,
/// a path or a value is shown back in errors (clap's among them, which
/// pass escape sequences to a terminal as they are). No real argument
/// holds such characters; one that is not UTF-8 is taken as it is, unless
/// it holds one.
pub fn argument(arg: OsString) -> OsString {
    match arg.to_str() {
        Some(text) if text.chars().any(steers) => printable(text).into_owned().into(),
        Some(_) => arg,
        None if arg
            .as_encoded_bytes()
            .iter()
            .any(|&b| b < 0x20 || b == 0x7f) =>
        {
            printable(&arg.to_string_lossy()).into_owned().into()
        }
        None => arg,
    }
}

/// How a piece of [`Styled`] text looks. What each look is in escape codes
/// is the terminal door's business (`term::ui`); without colour every look
/// is plain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Plain,
    /// A title, a heading, the question above an answer.
    Bold,
    /// Background: facts about a note, hints, a section's introduction.
    Dim,
    /// The title of a section of the walk.
    Section,
    /// Why a reply was refused, or what failed.
    Error,
}

/// Text for a terminal: untrusted parts made [`printable`] as they are
/// added, each with the tool's own [`Look`]. Escape codes exist only where
/// a door writes it out, so styled text can never be cleaned into
/// placeholders, and untrusted text can never reach the terminal raw
/// through it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Styled {
    spans: Vec<(Look, String)>,
}

impl Styled {
    pub fn new() -> Styled {
        Styled::default()
    }

    /// `text` made printable, without styling.
    pub fn plain(text: &str) -> Styled {
        Styled::looking(text, Look::Plain)
    }

    /// `text` made printable, looking as `look`.
    pub fn looking(text: &str, look: Look) -> Styled {
        let mut styled = Styled::new();
        styled.push(text, look);
        styled
    }

    /// Adds `text`, made printable, looking as `look`.
    pub fn push(&mut self, text: &str, look: Look) -> &mut Styled {
        let text = printable(text);
        match self.spans.last_mut() {
            Some((last, said)) if *last == look => said.push_str(&text),
            _ if text.is_empty() => {}
            _ => self.spans.push((look, text.into_owned())),
        }
        self
    }

    /// Adds what `other` says, as it looks there.
    pub fn append(&mut self, other: &Styled) -> &mut Styled {
        for (look, text) in &other.spans {
            self.push(text, *look);
        }
        self
    }

    /// The parts, each printable, with how they look.
    pub fn spans(&self) -> impl Iterator<Item = (Look, &str)> {
        self.spans.iter().map(|(look, text)| (*look, text.as_str()))
    }

    /// What it says, without styling (printable: safe to show as it is).
    pub fn text(&self) -> String {
        self.spans.iter().map(|(_, text)| text.as_str()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_become_placeholders() {
        assert_eq!(
            printable("a\x1b]52;c;cm0gLXJm\x07b\x1b[2Jc"),
            "a␛]52;c;cm0gLXJm␇b␛[2Jc"
        );
        assert_eq!(printable("\r\x00\x7f\u{9b}x"), "␍␀␡�x");
        assert_eq!(printable("\u{202E}tpircs\u{2066}\u{2069}"), "�tpircs��");
    }

    #[test]
    fn arguments_are_made_printable_and_ordinary_ones_kept() {
        assert_eq!(argument("x\x1b[2J".into()), OsString::from("x␛[2J"));
    }

    /// Unix allows names that are not UTF-8; such a path stays as it is.
    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_stays_and_controls_in_one_are_shown() {
        let path = crate::sys::non_utf8(b"caf\xe9.toml");
        assert_eq!(
            argument(path.clone()),
            path,
            "a path that is not UTF-8 stays"
        );
        let steering = crate::sys::non_utf8(b"\xff\x1b]52");
        assert_eq!(argument(steering), OsString::from("�␛]52"));
    }

    #[test]
    fn ordinary_text_is_kept_as_it_is() {
        let text = "Gezin met twee kinderen\n\tcliënt — “ja” · €1.200 ✓ 😀";
        assert!(matches!(printable(text), Cow::Borrowed(t) if t == text));
    }
}
