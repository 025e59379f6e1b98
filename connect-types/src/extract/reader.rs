//! A small JSON reader over a body, for the scanner: whitespace, keys,
//! and skipping or capturing whole values without building them.
//!
//! It checks UTF-8 as it goes: outside strings any byte above ASCII is a
//! syntax error, and a string with such bytes is checked when it ends, so a
//! body the reader reads to its end is UTF-8 (the scanner asks for the
//! precise UTF-8 error only when the read fails).
//!
//! It accepts exactly what `serde_json`'s own skipper (`IgnoredAny`)
//! accepts (the mutation test checks the two agree), and it does not report
//! *which* syntax error it met: on [`Syntax`] the scanner asks serde_json
//! for its message and position, so every syntax error reads the same as
//! everywhere else. Skipping is iterative (no recursion, so no nesting
//! limit and no stack spent on deep values), and allocation-free up to 256
//! levels of nesting.

use serde::de::value::{BorrowedStrDeserializer, Error as ValueError};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::json_string::skip_to_special;

/// The body is not well-formed JSON; serde_json says why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Syntax;

/// A key as it stands between its quotes.
#[derive(Clone, Copy)]
pub(crate) struct RawKey<'de> {
    /// The bytes between the quotes, escapes undecoded (UTF-8).
    pub(crate) inner: &'de [u8],
    /// The key with its quotes (to decode escapes, rarely).
    pub(crate) quoted: &'de [u8],
    pub(crate) escaped: bool,
}

impl<'de> RawKey<'de> {
    /// The key's text: borrowed, or decoded when it has escapes (`None`
    /// when an escape is not a valid code point: then it equals no key we
    /// look for).
    pub(crate) fn text(&self) -> Option<std::borrow::Cow<'de, [u8]>> {
        if self.escaped {
            serde_json::from_slice::<String>(self.quoted)
                .ok()
                .map(|text| std::borrow::Cow::Owned(text.into_bytes()))
        } else {
            Some(std::borrow::Cow::Borrowed(self.inner))
        }
    }
}

pub(crate) struct Reader<'de> {
    bytes: &'de [u8],
    pos: usize,
}

impl<'de> Reader<'de> {
    pub(crate) fn new(bytes: &'de [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    #[inline]
    fn skip_ws(&mut self) {
        // A local position: the loop does not store to `self` per byte.
        let mut pos = self.pos;
        loop {
            match self.bytes.get(pos) {
                Some(b' ' | b'\r' | b'\t') => pos += 1,
                // A pretty-printed event's indentation follows a line break.
                Some(b'\n') => pos = skip_spaces(self.bytes, pos + 1),
                _ => break,
            }
        }
        self.pos = pos;
    }

    /// The next non-whitespace byte, not consumed.
    #[inline]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte` (after whitespace), or fails.
    #[inline]
    pub(crate) fn eat(&mut self, byte: u8) -> Result<(), Syntax> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Syntax)
        }
    }

    /// Only whitespace is left.
    pub(crate) fn end(&mut self) -> Result<(), Syntax> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Syntax),
        }
    }

    /// The kind of the value ahead, for messages ("a string", "null").
    pub(crate) fn kind_ahead(&mut self) -> &'static str {
        match self.peek() {
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b'"') => "a string",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            Some(b'-' | b'0'..=b'9') => {
                let rest = &self.bytes[self.pos..];
                let end = rest
                    .iter()
                    .position(|b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                    .unwrap_or(rest.len());
                if rest[..end].iter().any(|b| matches!(b, b'.' | b'e' | b'E')) {
                    "a floating-point number"
                } else {
                    "an integer"
                }
            }
            _ => "an unexpected value",
        }
    }

    /// Consumes `null` if it is next.
    pub(crate) fn null(&mut self) -> Result<bool, Syntax> {
        if self.peek() == Some(b'n') {
            self.literal(b"null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), Syntax> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Syntax)
        }
    }

    /// Reads the entries of the object ahead (its `{` not yet consumed):
    /// `entry` gets each key and must consume the value.
    pub(crate) fn object<E: From<Syntax>>(
        &mut self,
        mut entry: impl FnMut(&mut Self, RawKey<'de>) -> Result<(), E>,
    ) -> Result<(), E> {
        self.eat(b'{')?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            let key = self.key()?;
            self.eat(b':')?;
            entry(self, key)?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(Syntax.into()),
            }
        }
    }

    /// A key (a string), after whitespace.
    fn key(&mut self) -> Result<RawKey<'de>, Syntax> {
        self.eat(b'"')?;
        let start = self.pos;
        let escaped = self.string_rest()?;
        Ok(RawKey {
            inner: self.bytes.get(start..self.pos - 1).ok_or(Syntax)?,
            quoted: self.bytes.get(start - 1..self.pos).ok_or(Syntax)?,
            escaped,
        })
    }

    /// The rest of a string after its opening quote; whether it had escapes.
    ///
    /// Inlined for the usual string, ASCII with no escape: one run to its
    /// closing quote. Anything else is [`Reader::string_rest_any`]'s, out of
    /// line: a call that keeps all its state live pays for saving its
    /// registers, and strings are read many times per event (the cost is in
    /// BENCHMARKS.md, "Instructions per invocation").
    #[inline(always)]
    fn string_rest(&mut self) -> Result<bool, Syntax> {
        let mut high = 0;
        let end = skip_to_special(self.bytes, self.pos, &mut high);
        if high == 0 && self.bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            return Ok(false);
        }
        self.string_rest_any(end, high)
    }

    /// [`Reader::string_rest`] for any string: escapes, bytes above ASCII
    /// (checked to be UTF-8), and the errors. It goes on from the first
    /// special byte (`pos`), with what the first run saw above ASCII
    /// (`high`); the string starts at `self.pos`.
    #[inline(never)]
    fn string_rest_any(&mut self, mut pos: usize, mut high: u64) -> Result<bool, Syntax> {
        // A local position, stored back once: the loops do not store to
        // `self` per chunk.
        let bytes = self.bytes;
        let start = self.pos;
        let mut escaped = false;
        let result = loop {
            match bytes.get(pos) {
                Some(b'"') => {
                    // Bytes above ASCII were seen (perhaps past the quote):
                    // the string must be UTF-8.
                    if high != 0 && std::str::from_utf8(&bytes[start..pos]).is_err() {
                        break Err(Syntax);
                    }
                    pos += 1;
                    break Ok(escaped);
                }
                Some(b'\\') => {
                    escaped = true;
                    pos += 1;
                    match bytes.get(pos) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            pos += 1;
                        }
                        Some(b'u') => {
                            match bytes.get(pos + 1..pos + 5) {
                                Some(hex) if hex.iter().all(u8::is_ascii_hexdigit) => {}
                                _ => break Err(Syntax),
                            }
                            pos += 5;
                        }
                        _ => break Err(Syntax),
                    }
                    pos = skip_to_special(bytes, pos, &mut high);
                }
                // A control character, or the end of the body.
                _ => break Err(Syntax),
            }
        };
        self.pos = pos;
        result
    }

    /// A number, after whitespace: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<(), Syntax> {
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.bytes.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
                    return Err(Syntax);
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(Syntax),
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !self.at_digit() {
                return Err(Syntax);
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if !self.at_digit() {
                return Err(Syntax);
            }
            self.digits();
        }
        Ok(())
    }

    fn at_digit(&self) -> bool {
        matches!(self.bytes.get(self.pos), Some(b'0'..=b'9'))
    }

    fn digits(&mut self) {
        while self.at_digit() {
            self.pos += 1;
        }
    }

    /// Skips the value ahead, whatever it is, building nothing.
    pub(crate) fn skip(&mut self) -> Result<(), Syntax> {
        let mut open = Brackets::new();
        loop {
            // A value.
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    self.string_rest()?;
                }
                Some(b'{') => {
                    self.pos += 1;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        open.push(true);
                        self.key()?;
                        self.eat(b':')?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(false);
                        continue;
                    }
                }
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                _ => return Err(Syntax),
            }
            // After a value: close what ends here, up to the next value.
            loop {
                let Some(in_object) = open.top() else {
                    return Ok(());
                };
                match (self.peek(), in_object) {
                    (Some(b','), true) => {
                        self.pos += 1;
                        self.key()?;
                        self.eat(b':')?;
                        break;
                    }
                    (Some(b','), false) => {
                        self.pos += 1;
                        break;
                    }
                    (Some(b'}'), true) | (Some(b']'), false) => {
                        self.pos += 1;
                        open.pop();
                    }
                    _ => return Err(Syntax),
                }
            }
        }
    }

    /// Skips the value ahead and returns its text (no surrounding
    /// whitespace), borrowed from the body.
    pub(crate) fn capture(&mut self) -> Result<&'de RawValue, Syntax> {
        let start = self.mark();
        self.skip()?;
        self.since(start)
    }

    /// Where the value ahead starts, for [`Reader::since`].
    pub(crate) fn mark(&mut self) -> usize {
        self.skip_ws();
        self.pos
    }

    /// The text from `start` (a [`Reader::mark`] before a value that has
    /// been read since, in full) to here.
    pub(crate) fn since(&self, start: usize) -> Result<&'de RawValue, Syntax> {
        let json = self.bytes.get(start..self.pos).ok_or(Syntax)?;
        borrowed_raw(utf8(json).ok_or(Syntax)?).ok_or(Syntax)
    }
}

/// `bytes` as a `str`. A captured value was already checked string by
/// string; this is the way to a `str` that costs least on the usual short,
/// ASCII-only value, for which `str::from_utf8`'s setup outweighs the check
/// (BENCHMARKS.md, "Instructions per invocation").
#[inline]
fn utf8(bytes: &[u8]) -> Option<&str> {
    if bytes.is_ascii() {
        // SAFETY: every ASCII byte sequence is valid UTF-8.
        Some(unsafe { std::str::from_utf8_unchecked(bytes) })
    } else {
        std::str::from_utf8(bytes).ok()
    }
}

/// The position of the first byte from `pos` that is not a space, eight
/// bytes at a time (a pretty-printed line's indentation). Out of line: it
/// runs once per line, and inlined into every whitespace skip it slows the
/// reader's loops on compact events.
#[inline(never)]
fn skip_spaces(bytes: &[u8], mut pos: usize) -> usize {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let other = u64::from_le_bytes(word) ^ SPACES;
        if other != 0 {
            return pos + other.trailing_zeros() as usize / 8;
        }
        pos += 8;
    }
    while bytes.get(pos) == Some(&b' ') {
        pos += 1;
    }
    pos
}

/// Which brackets are open while skipping: `true` for an object. Inline up
/// to 256 levels, then on the heap.
struct Brackets {
    inline: [u64; 4],
    heap: Vec<u64>,
    len: usize,
}

impl Brackets {
    fn new() -> Self {
        Brackets {
            inline: [0; 4],
            heap: Vec::new(),
            len: 0,
        }
    }

    fn word(&mut self, index: usize) -> &mut u64 {
        let word = index / 64;
        if word < self.inline.len() {
            &mut self.inline[word]
        } else {
            let word = word - self.inline.len();
            if self.heap.len() <= word {
                self.heap.resize(word + 1, 0);
            }
            &mut self.heap[word]
        }
    }

    fn push(&mut self, object: bool) {
        let index = self.len;
        let bit = 1u64 << (index % 64);
        let word = self.word(index);
        if object {
            *word |= bit;
        } else {
            *word &= !bit;
        }
        self.len += 1;
    }

    fn top(&mut self) -> Option<bool> {
        let index = self.len.checked_sub(1)?;
        let bit = 1u64 << (index % 64);
        Some(*self.word(index) & bit != 0)
    }

    fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }
}

/// serde_json's name for `RawValue`'s newtype.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// A `&RawValue` over `json` (known to be one well-formed value), without
/// parsing it again: serde_json's own raw-value protocol, spoken by a
/// deserializer that hands over the text as it is. Falls back to parsing if
/// the protocol ever changes.
pub(crate) fn borrowed_raw(json: &str) -> Option<&RawValue> {
    match <&RawValue>::deserialize(RawText(json)) {
        Ok(raw) => Some(raw),
        Err(_) => serde_json::from_str(json).ok(),
    }
}

struct RawText<'de>(&'de str);

impl<'de> Deserializer<'de> for RawText<'de> {
    type Error = ValueError;

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ValueError> {
        if name == RAW_VALUE_TOKEN {
            visitor.visit_map(RawTextAccess {
                json: self.0,
                key_given: false,
            })
        } else {
            Err(de::Error::custom("not a raw value"))
        }
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, ValueError> {
        Err(de::Error::custom("not a raw value"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct RawTextAccess<'de> {
    json: &'de str,
    key_given: bool,
}

impl<'de> MapAccess<'de> for RawTextAccess<'de> {
    type Error = ValueError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ValueError> {
        if std::mem::replace(&mut self.key_given, true) {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(RAW_VALUE_TOKEN))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ValueError> {
        seed.deserialize(BorrowedStrDeserializer::new(self.json))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skips(json: &str) -> bool {
        let mut reader = Reader::new(json.as_bytes());
        reader.skip().is_ok() && reader.end().is_ok()
    }

    #[test]
    fn agrees_with_serde_json_ignored_any() {
        let cases = [
            "1",
            "-0",
            "0.5",
            "-1.5e+10",
            "1E5",
            "1e999",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "true",
            "tru",
            "false",
            "null",
            "nul",
            "\"\"",
            "\"a\\\"b\"",
            "\"\\u00e9\"",
            "\"\\ud800\"",
            "\"\\u12\"",
            "\"\\x\"",
            "\"a\u{1}\"",
            "\"unterminated",
            "[]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "{}",
            "{\"a\":1}",
            "{\"a\":1,}",
            "{,}",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":[1,{\"b\":[]}]}",
            "[[[]]]",
            "[[[]]",
            "[]]",
            " [ 1 , 2 ] ",
            // Line breaks and indentation (skipped eight bytes at a time).
            "[\n  1,\n                  2\n]",
            "{\n    \"a\": {\n        \"b\": [\n            true\n        ]\n    }\n}\n",
            "[\n \t\r\n        \n        ]",
            "[1]\n                     ",
            "[1]\n       x",
            "[\n            ,1]",
            "{\"a\":}",
            "\"é\"",
            "[\"\\/\\b\\f\\n\\r\\t\"]",
            "",
            " ",
        ];
        for case in cases {
            let expected = serde_json::from_str::<de::IgnoredAny>(case).is_ok();
            assert_eq!(skips(case), expected, "{case:?}");
        }
        let deep = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
        assert!(skips(&deep));
        let deep = format!("{}1{}", "{\"a\":".repeat(1000), "}".repeat(1000));
        assert!(skips(&deep));
        assert!(!skips(&"[".repeat(1000)));
    }

    #[test]
    fn checks_utf8_in_strings() {
        let reads = |body: &[u8]| {
            let mut reader = Reader::new(body);
            reader.skip().is_ok() && reader.end().is_ok()
        };
        assert!(reads(
            "[\"é\", \"日本語 and a longer tail\", {\"ключ\": 1}]".as_bytes()
        ));
        // A lone continuation byte, a truncated sequence, an overlong
        // encoding, a surrogate: in short and long strings, values and keys.
        for bad in [
            &b"\x80"[..],
            b"\xc3",
            b"\xc0\xaf",
            b"\xed\xa0\x80",
            b"a longer string \xff past eight bytes",
        ] {
            let value = [&b"[\""[..], bad, b"\"]"].concat();
            let key = [&b"{\""[..], bad, b"\": 1}"].concat();
            assert!(!reads(&value), "{value:?}");
            assert!(!reads(&key), "{key:?}");
        }
        // Above ASCII outside a string.
        assert!(!reads(b"[1, \xc3\xa9]"));
        // Bytes above ASCII just past a string's end are not the string's.
        assert!(!reads(b"[\"a\"\xff]"));
        let mut reader = Reader::new(b"[\"a\", \"\xc3\xa9\"]");
        assert!(reader.skip().is_ok());
    }

    #[test]
    fn captures_borrow_the_body() {
        let body = r#"{"a": [1, {"b": null}] , "c": "x"}"#;
        let mut reader = Reader::new(body.as_bytes());
        let mut captured = Vec::new();
        reader
            .object::<Syntax>(|reader, key| {
                captured.push((key.inner, reader.capture()?));
                Ok(())
            })
            .unwrap();
        assert_eq!(captured[0].0, b"a");
        assert_eq!(captured[0].1.get(), r#"[1, {"b": null}]"#);
        assert_eq!(captured[1].1.get(), r#""x""#);
        let start = body.as_ptr() as usize;
        let raw = captured[0].1.get().as_ptr() as usize;
        assert_eq!(raw - start, body.find('[').unwrap());
    }

    #[test]
    fn captures_ascii_and_non_ascii_values_alike() {
        // Both ways to a `str` in `since`: the ASCII shortcut and from_utf8.
        for value in [r#""plain""#, r#""café ☕""#, r#"{"ключ": ["日本"]}"#, "12"] {
            let body = format!(r#"{{"a": {value}}}"#);
            let mut reader = Reader::new(body.as_bytes());
            let mut captured = None;
            reader
                .object::<Syntax>(|reader, _| {
                    captured = Some(reader.capture()?);
                    Ok(())
                })
                .unwrap();
            assert_eq!(captured.unwrap().get(), value);
        }
    }
}
