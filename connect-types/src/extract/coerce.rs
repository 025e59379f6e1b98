//! The lenient coercion rules, apart from the serde plumbing.
//!
//! - a string where an integer is asked for: `"10"`, `"-3"` (an optional `-`
//!   and ASCII digits; no `+`, no fraction, no exponent, no whitespace);
//! - a string where a float is asked for: a JSON number's text (`"2.5"`,
//!   `"-1e3"`, `"10"`), finite;
//! - a string where a bool is asked for: `"true"` / `"false"` in any case
//!   (not `"1"`, `"yes"`);
//! - a number or bool where a string is asked for: its JSON text.

use std::fmt::{self, Write as _};

use serde::de::Visitor;

use super::ExtractError;

/// What a `deserialize_*` call asked for: decides which coercion applies.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Hint {
    /// `deserialize_any` and every shape without a coercion.
    Any,
    /// `deserialize_map`: repeated keys are checked.
    Map,
    /// `deserialize_struct`: the struct checks its own fields.
    Struct,
    Bool,
    /// The 64-bit (and narrower) integers.
    Int,
    /// `i128` / `u128`: strings beyond 64 bits parse too.
    Int128,
    Float,
    /// `str` / `string`: numbers and bools become their text.
    Str,
    /// An externally tagged enum: a string is a unit variant, an object with
    /// one key any variant.
    Enum,
}

impl Hint {
    /// The hint as the strict mode sees it: the shapes kept (a map still
    /// checks repeated keys, an enum still reads `{"Variant": ..}`), the
    /// scalar coercions dropped, so a value reaches the visitor as the JSON
    /// holds it and a mismatch is reported as one.
    #[inline]
    pub(crate) fn without_coercion(self) -> Hint {
        match self {
            Hint::Bool | Hint::Int | Hint::Int128 | Hint::Float | Hint::Str => Hint::Any,
            Hint::Any | Hint::Map | Hint::Struct | Hint::Enum => self,
        }
    }
}

/// A string's value after coercion.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Coerced {
    Bool(bool),
    U64(u64),
    I64(i64),
    U128(u128),
    I128(i128),
    F64(f64),
}

impl Coerced {
    /// Hands the coerced value to the visitor, as the matching `visit_*`.
    pub(crate) fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ExtractError> {
        match self {
            Coerced::Bool(v) => visitor.visit_bool(v),
            Coerced::U64(v) => visitor.visit_u64(v),
            Coerced::I64(v) => visitor.visit_i64(v),
            Coerced::U128(v) => visitor.visit_u128(v),
            Coerced::I128(v) => visitor.visit_i128(v),
            Coerced::F64(v) => visitor.visit_f64(v),
        }
    }
}

/// The coercion of a string `s` where `hint` is asked for, if one applies.
/// `None` hands the string on unchanged: the visitor then reports it as
/// "found a string".
#[inline]
pub(crate) fn from_str(hint: Hint, s: &str) -> Option<Coerced> {
    match hint {
        Hint::Any | Hint::Map | Hint::Struct | Hint::Str | Hint::Enum => None,
        Hint::Bool => parse_bool(s).map(Coerced::Bool),
        Hint::Int => parse_int(s, false),
        Hint::Int128 => parse_int(s, true),
        Hint::Float => parse_float(s).map(Coerced::F64),
    }
}

/// `"true"` / `"false"` in any case.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// An optional `-` and ASCII digits, in range of 64 bits (or 128 when
/// `wide`).
pub(crate) fn parse_int(s: &str, wide: bool) -> Option<Coerced> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if digits.len() < s.len() {
        match s.parse::<i64>() {
            Ok(v) => Some(Coerced::I64(v)),
            Err(_) if wide => s.parse::<i128>().ok().map(Coerced::I128),
            Err(_) => None,
        }
    } else {
        match s.parse::<u64>() {
            Ok(v) => Some(Coerced::U64(v)),
            Err(_) if wide => s.parse::<u128>().ok().map(Coerced::U128),
            Err(_) => None,
        }
    }
}

/// The text of a JSON number (leading zeros allowed), finite as an `f64`.
///
/// Read by serde_json's number parser, the one that reads the event's JSON
/// numbers: `"2.5"` coerces to exactly the `f64` that `2.5` gives, and a
/// binary carries one float parser, not also the standard library's
/// (`str::parse::<f64>` brings its own tables and code: its size is in
/// BENCHMARKS.md, "Release size and build time").
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    if !is_number_text(s.as_bytes()) {
        return None;
    }
    let (sign, magnitude) = match s.strip_prefix('-') {
        Some(magnitude) => ("-", magnitude),
        None => ("", s),
    };
    let value = if magnitude.len() > 1
        && magnitude.starts_with('0')
        && magnitude.as_bytes()[1].is_ascii_digit()
    {
        // JSON forbids leading zeros (`007.5`); the string form allows them.
        let digits = magnitude.trim_start_matches('0');
        let zero = if digits.starts_with(|c: char| c.is_ascii_digit()) {
            ""
        } else {
            "0"
        };
        serde_json::from_slice::<f64>(format!("{sign}{zero}{digits}").as_bytes())
    } else {
        serde_json::from_slice::<f64>(s.as_bytes())
    };
    value.ok().filter(|v| v.is_finite())
}

/// `-? digits (. digits)? ([eE] [+-]? digits)?`
fn is_number_text(b: &[u8]) -> bool {
    fn digits(b: &[u8], mut i: usize) -> usize {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    }
    let mut i = usize::from(b.first() == Some(&b'-'));
    let end = digits(b, i);
    if end == i {
        return false;
    }
    i = end;
    if b.get(i) == Some(&b'.') {
        let end = digits(b, i + 1);
        if end == i + 1 {
            return false;
        }
        i = end;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits(b, i);
        if end == i {
            return false;
        }
        i = end;
    }
    i == b.len()
}

/// A number's text on the stack: integers as decimal, floats as serde_json
/// writes them (shortest round-trip form: `2.5`, `10.0`, `1e+300`).
pub(crate) struct NumberText {
    buf: [u8; 48],
    len: usize,
}

impl NumberText {
    pub(crate) fn new(value: impl fmt::Display) -> Option<Self> {
        let mut text = NumberText {
            buf: [0; 48],
            len: 0,
        };
        write!(text, "{value}").ok()?;
        Some(text)
    }

    pub(crate) fn float(value: f64) -> Option<Self> {
        match serde_json::Number::from_f64(value) {
            Some(number) => Self::new(number),
            None => Self::new(value),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only `write_str` fills the buffer, with whole `&str`s.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for NumberText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dest = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dest.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert!(matches!(parse_int("10", false), Some(Coerced::U64(10))));
        assert!(matches!(parse_int("-3", false), Some(Coerced::I64(-3))));
        assert!(matches!(parse_int("007", false), Some(Coerced::U64(7))));
        for bad in ["", "-", "+1", " 1", "1 ", "10.0", "1e3", "0x10", "--1"] {
            assert!(parse_int(bad, false).is_none(), "{bad:?}");
        }
        assert!(parse_int("18446744073709551616", false).is_none());
        assert!(matches!(
            parse_int("18446744073709551616", true),
            Some(Coerced::U128(18446744073709551616))
        ));
    }

    #[test]
    fn floats() {
        assert_eq!(parse_float("2.5"), Some(2.5));
        assert_eq!(parse_float("-1e3"), Some(-1000.0));
        assert_eq!(parse_float("10"), Some(10.0));
        assert_eq!(parse_float("007.5"), Some(7.5));
        assert_eq!(parse_float("-00"), Some(0.0));
        assert_eq!(parse_float("000e2"), Some(0.0));
        assert_eq!(parse_float("-0012e-1"), Some(-1.2));
        for text in [
            "0.1",
            "1.7976931348623157e308",
            "5e-324",
            "123456789.123456789",
        ] {
            assert_eq!(
                parse_float(text),
                serde_json::from_str::<f64>(text).ok(),
                "{text}"
            );
        }
        for bad in [
            "", ".5", "5.", "inf", "NaN", "1e", "1e+", " 1", "+1", "1e999",
        ] {
            assert!(parse_float(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn bools() {
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("False"), Some(false));
        assert_eq!(parse_bool("1"), None);
        assert_eq!(parse_bool(" true"), None);
    }

    #[test]
    fn number_text() {
        assert_eq!(
            NumberText::new(u64::MAX).unwrap().as_str(),
            "18446744073709551615"
        );
        assert_eq!(
            NumberText::new(i128::MIN).unwrap().as_str(),
            i128::MIN.to_string()
        );
        assert_eq!(NumberText::float(2.5).unwrap().as_str(), "2.5");
        assert_eq!(NumberText::float(10.0).unwrap().as_str(), "10.0");
        assert_eq!(NumberText::float(1e300).unwrap().as_str(), "1e+300");
    }
}
