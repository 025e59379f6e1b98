//! The fast path of argument decoding: a captured value that is a plain
//! JSON string (no escapes), read by a type that asks for a string, is
//! handed over as the borrowed text between the quotes, without a
//! serde_json deserializer.
//!
//! It gives exactly what the full path ([`Lenient`](super::Lenient) over
//! serde_json) gives in that case: serde_json visits an unescaped string as
//! a borrowed `&str`, and the adapter coerces nothing when the type asks for
//! a string or for anything (`Hint::Str`, `Hint::Any`). Every other request,
//! and any error, falls back to the full path, which then produces the
//! value or the error message as always.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// The text between the quotes of `json` when it is a string without
/// escapes. `json` is one well-formed JSON value (a scanner capture), so
/// it has no control characters and its quotes are balanced.
#[inline]
fn unescaped(json: &str) -> Option<&str> {
    let inner = json.strip_prefix('"')?.strip_suffix('"')?;
    if inner.as_bytes().contains(&b'\\') {
        None
    } else {
        Some(inner)
    }
}

/// `T` read from `json` when it is a plain string and `T` takes one as
/// it is; `None` to take the full path.
#[inline]
pub(super) fn try_plain<'de, T: Deserialize<'de>>(json: &'de str) -> Option<T> {
    let text = unescaped(json)?;
    T::deserialize(PlainStr(text)).ok()
}

/// A deserializer over the text of a plain string.
struct PlainStr<'de>(&'de str);

/// "Take the full path": carries nothing, the full path says what is wrong.
#[derive(Debug)]
struct Fallback;

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a plain string read")
    }
}

impl std::error::Error for Fallback {}

impl de::Error for Fallback {
    #[inline]
    fn custom<T: fmt::Display>(_: T) -> Self {
        Fallback
    }
}

/// `fn deserialize_x(self, visitor)` for each name: take the full path.
macro_rules! fall_back {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Fallback> {
                Err(Fallback)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for PlainStr<'de> {
    type Error = Fallback;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fallback> {
        visitor.visit_borrowed_str(self.0)
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fallback> {
        visitor.visit_borrowed_str(self.0)
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fallback> {
        visitor.visit_borrowed_str(self.0)
    }

    fall_back! {
        deserialize_bool deserialize_char
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_f32 deserialize_f64
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Fallback> {
        Err(Fallback)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Fallback> {
        Err(Fallback)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Fallback> {
        Err(Fallback)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value, Fallback> {
        Err(Fallback)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Fallback> {
        Err(Fallback)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Fallback> {
        Err(Fallback)
    }

    fn is_human_readable(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn reads_plain_strings_only() {
        assert_eq!(unescaped(r#""abc""#), Some("abc"));
        assert_eq!(unescaped(r#""""#), Some(""));
        assert_eq!(unescaped(r#""a\"b""#), None);
        assert_eq!(unescaped("12"), None);
        assert_eq!(unescaped("null"), None);

        assert_eq!(try_plain::<String>(r#""+1555""#).as_deref(), Some("+1555"));
        assert_eq!(try_plain::<&str>(r#""GGG""#), Some("GGG"));
        assert_eq!(
            try_plain::<serde_json::Value>(r#""x""#),
            Some(serde_json::Value::String("x".to_owned()))
        );
        let cow: Cow<'_, str> = try_plain(r#""x""#).unwrap();
        assert_eq!(cow, "x");
        // Types that coerce or parse a string take the full path.
        assert_eq!(try_plain::<u32>(r#""10""#), None);
        assert_eq!(try_plain::<bool>(r#""true""#), None);
        assert_eq!(try_plain::<Option<String>>(r#""x""#), None);
        assert_eq!(try_plain::<String>(r#""a\nb""#), None);
        assert_eq!(try_plain::<std::net::IpAddr>(r#""not an address""#), None);
    }
}
