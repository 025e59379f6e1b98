//! The derive's way to a response's bytes: compact JSON written straight
//! into the buffer, byte for byte what `serde_json::to_writer` writes for
//! the same value, without going through a `serde::Serializer`.
//!
//! A derived response knows its keys at compile time (they are checked to
//! be `[A-Za-z0-9_-]`, so they need no escaping): it writes each one as a
//! literal `"key":`. Strings that need no escape (almost all) are copied
//! between quotes; the rest, and every value type this module does not
//! know, are written by serde_json itself, so the output cannot drift from
//! serde_json's. The `serde::Serialize` impl the derive also writes stays
//! the definition of the response's JSON; `tests/response_*.rs` check that
//! the two agree.

use std::borrow::Cow;
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::Arc;

use super::check_size;
use crate::error::{ErrorType, InvokeError};
use crate::json_string::is_plain;

/// A value that writes itself as compact JSON, exactly as serde_json
/// serialises it. Implemented by `#[derive(ConnectResponse)]` (without
/// `flatten`), strings, `bool`, and `Option`, `Vec`, slices, `Box` and
/// references of such values; any other `Serialize` field is written by
/// serde_json (see [`Writer`]).
pub trait WriteJson {
    /// Appends the value's JSON to `out`.
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

/// The response bytes of a derived response: written with [`WriteJson`],
/// then checked against Connect's size limit (what
/// [`serialize_response`](super::serialize_response) does through serde).
pub fn write_response<T: WriteJson + ?Sized>(value: &T) -> Result<Vec<u8>, InvokeError> {
    let mut out = Vec::with_capacity(128);
    value
        .write_json(&mut out)
        .map_err(|error| cannot_serialise(&error))?;
    check_size(&out)?;
    Ok(out)
}

/// The error of a value whose `Serialize` impl failed.
#[cold]
#[inline(never)]
pub(super) fn cannot_serialise(error: &serde_json::Error) -> InvokeError {
    InvokeError::new(
        ErrorType::InvalidResponse,
        format!("the response cannot be serialised: {error}"),
    )
}

/// Appends `text` as a JSON string.
#[inline]
pub fn write_str(out: &mut Vec<u8>, text: &str) {
    if is_plain(text.as_bytes()) {
        out.reserve(text.len() + 2);
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    } else {
        write_escaped(out, text);
    }
}

/// A string with characters to escape: serde_json escapes it.
#[cold]
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, text: &str) {
    // Writing a string into a `Vec` cannot fail.
    let _ = serde_json::to_writer(out, text);
}

/// Appends `value` as serde_json serialises it (a `#[connect(display)]`
/// field's text, or a field no [`WriteJson`] impl covers).
pub fn write_serde<S: serde::Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &S,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer(out, value)
}

/// Appends an object's key (`"key":`, quotes and colon included), after a
/// comma unless it is the object's first.
#[inline]
pub fn write_key(out: &mut Vec<u8>, first: &mut bool, key: &[u8]) {
    if !std::mem::replace(first, false) {
        out.push(b',');
    }
    out.extend_from_slice(key);
}

/// Strings, owned and shared, write their text.
macro_rules! write_as_str {
    ($($ty:ty),*) => {
        $(
            impl WriteJson for $ty {
                #[inline]
                fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
                    write_str(out, self);
                    Ok(())
                }
            }
        )*
    };
}

write_as_str!(str, String, Cow<'_, str>, Arc<str>, Rc<str>);

impl WriteJson for bool {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
        Ok(())
    }
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        (**self).write_json(out)
    }
}

impl<T: WriteJson + ?Sized> WriteJson for Box<T> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        (**self).write_json(out)
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        match self {
            Some(value) => value.write_json(out),
            None => {
                out.extend_from_slice(b"null");
                Ok(())
            }
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        out.push(b'[');
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            item.write_json(out)?;
        }
        out.push(b']');
        Ok(())
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        self.as_slice().write_json(out)
    }
}

/// Autoref-specialisation over a JSON field's type: the generated code
/// calls `(&&Writer::<T>::new()).write_value(value, serializable, out)`,
/// and method resolution picks [`ViaWriteJson`] when `T: WriteJson`,
/// [`ViaSerde`] otherwise.
///
/// `serializable` is the field seen through the derive's `JsonValue`
/// bound, the same expression the `Serialize` impl uses: a field that is not
/// `Serialize` is reported there, once, and not again here.
pub struct Writer<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Writer<T> {
    /// The writer for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Writer(PhantomData)
    }
}

/// Chosen when the field's type writes itself.
pub trait ViaWriteJson<T: ?Sized> {
    /// Writes `value` with its [`WriteJson`] impl.
    fn write_value<S: serde::Serialize + ?Sized>(
        &self,
        value: &T,
        serializable: &S,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error>;
}

impl<T: WriteJson + ?Sized> ViaWriteJson<T> for &Writer<T> {
    #[inline]
    fn write_value<S: serde::Serialize + ?Sized>(
        &self,
        value: &T,
        _serializable: &S,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error> {
        value.write_json(out)
    }
}

/// Chosen for every other type: serde_json writes it.
pub trait ViaSerde<T: ?Sized> {
    /// Writes `serializable` (the field itself) with serde_json.
    fn write_value<S: serde::Serialize + ?Sized>(
        &self,
        value: &T,
        serializable: &S,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error>;
}

impl<T: ?Sized> ViaSerde<T> for Writer<T> {
    #[inline]
    fn write_value<S: serde::Serialize + ?Sized>(
        &self,
        _value: &T,
        serializable: &S,
        out: &mut Vec<u8>,
    ) -> Result<(), serde_json::Error> {
        write_serde(out, serializable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written<T: WriteJson + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        value.write_json(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let strings = [
            "",
            "plain",
            "caf\u{e9} \u{2615}",
            "a \"quote\"",
            "back\\slash",
            "line\nbreak\ttab\r\u{8}\u{c}",
            "\u{0}\u{1f}\u{7f}",
            "a longer string that runs past eight bytes \" here",
        ];
        for text in strings {
            assert_eq!(written(text), serde_json::to_string(text).unwrap());
            assert_eq!(
                written(&text.to_owned()),
                serde_json::to_string(text).unwrap()
            );
        }
        let list = vec![Some("a".to_owned()), None, Some("\"b\"".to_owned())];
        assert_eq!(written(&list), serde_json::to_string(&list).unwrap());
        let empty: Vec<bool> = Vec::new();
        assert_eq!(written(&empty), "[]");
        assert_eq!(written(&[true, false][..]), "[true,false]");
        assert_eq!(written(&Box::new(Some(Arc::<str>::from("x")))), "\"x\"");
    }

    #[test]
    // `&&` is the point: it is what the derive writes, and what picks the impl.
    #[allow(clippy::needless_borrow)]
    fn falls_back_to_serde_json_for_other_types() {
        let mut out = Vec::new();
        let number = 1.5_f64;
        (&&Writer::<f64>::new())
            .write_value(&number, &number, &mut out)
            .unwrap();
        let word = "w".to_owned();
        out.push(b' ');
        (&&Writer::<String>::new())
            .write_value(&word, &word, &mut out)
            .unwrap();
        assert_eq!(out, b"1.5 \"w\"");
    }

    #[test]
    fn keys_are_separated_by_commas() {
        let mut out = vec![b'{'];
        let mut first = true;
        write_key(&mut out, &mut first, b"\"a\":");
        write_str(&mut out, "1");
        write_key(&mut out, &mut first, b"\"b\":");
        write_str(&mut out, "2");
        out.push(b'}');
        assert_eq!(out, br#"{"a":"1","b":"2"}"#);
    }
}
