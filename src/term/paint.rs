//! Styled text in the terminal's escape codes: shared by the door and the
//! prompter, which both write to a terminal.

use console::Style;

use crate::printable::{Look, Styled};

/// `text` as the terminal shows it: each part in its look's escape codes
/// when `colour`, else as it is.
pub(crate) fn paint(text: &Styled, colour: bool) -> String {
    text.spans()
        .map(|(look, part)| match (colour, look) {
            (false, _) | (_, Look::Plain) => part.to_string(),
            (true, look) => style_of(look).apply_to(part).to_string(),
        })
        .collect()
}

fn style_of(look: Look) -> Style {
    let style = Style::new().force_styling(true);
    match look {
        Look::Plain => style,
        Look::Bold => style.bold(),
        Look::Dim => style.dim(),
        Look::Section => style.bold().cyan(),
        Look::Error => style.red(),
    }
}
