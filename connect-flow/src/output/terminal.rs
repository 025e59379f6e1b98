//! Text from a flow or a manifest, made safe to write to a terminal.
//!
//! Flows come from anywhere (a public sample, a pull request): an Identifier,
//! a parameter name or a placeholder may hold an escape sequence that clears
//! the screen of whoever reads the CI log, or a bidirectional override that
//! makes a line read differently from what it says. Everything the command
//! line writes for a person goes through [`escape`], which shows such
//! characters as Rust-style escapes (`\u{1b}`) instead of sending them.
//!
//! ```
//! use connect_flow::output::terminal::escape;
//!
//! assert_eq!(escape("plain text"), "plain text");
//! assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
//! assert_eq!(escape("tab\there"), "tab\\there");
//! assert_eq!(escape("\u{202e}evil"), "\\u{202e}evil");
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as it is: a control character (C0,
/// DEL, C1), or a Unicode bidirectional control.
///
/// ```
/// use connect_flow::output::terminal::acts_on_terminal;
/// assert!(acts_on_terminal('\u{1b}') && acts_on_terminal('\u{9b}') && acts_on_terminal('\u{202e}'));
/// assert!(!acts_on_terminal('é'));
/// ```
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character and bidirectional control shown as
/// an escape (`\n`, `\t`, `\u{1b}`); borrowed when there is none.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts_on_terminal(c) {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                other => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(other));
                }
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
