//! [`Lenient`]: the deserializer adapter behind every argument, and, in its
//! strict mode, behind the event model.
//!
//! serde_json type-checks as it parses and writes the offending value into
//! its message. `Lenient` takes the type checking away from it: every
//! `deserialize_*` becomes the inner `deserialize_any` (except `option`,
//! `ignored_any`, `newtype_struct`, handled by the inner deserializer), and a
//! wrapping visitor ([`Wrap`]) receives whatever the JSON holds *as data*. It
//! applies the coercions (`"10"` for a `u32`, `10` for a `String`; none in
//! the strict mode) and then calls the caller's visitor with our own error
//! type, [`ExtractError`], so that a mismatch (`Visitor::visit_str`'s default
//! `invalid_type`) is recorded by kind, without the value.
//!
//! The mode is one flag, `coerce`, carried by every wrapper to the
//! deserializers it builds for nested values: both modes share every line
//! of the plumbing, and the strict one only drops the scalar hints (see
//! [`Hint::without_coercion`]).
//!
//! Maps, sequences and enums are wrapped as well, so every nested value goes
//! through the adapter, and each wrapper prepends its key or index to the
//! path of an error passing up. On success nothing is allocated: keys are
//! borrowed from the input (only a key with escapes is copied).
//!
//! An `ExtractError` cannot travel through the inner deserializer's error
//! type without losing its structure, so it is parked in a slot owned by the
//! call that will receive it, and the inner deserializer carries a
//! placeholder error up to that call.

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer, StringDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use super::coerce::{self, Hint, NumberText};
use super::error::Message;
use super::ExtractError;

/// serde_json's name for `RawValue`'s newtype: handed to the inner
/// deserializer untouched so `&RawValue` / `Box<RawValue>` keep working.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The placeholder carried through the inner deserializer while the real
/// error waits in a slot.
const PARKED: &str = "connect-lambda: extraction error";

/// A [`Deserializer`] adapter: value-free errors with paths at every depth,
/// and (made with [`Lenient::new`]) lenient coercions.
///
/// [`Lenient::new`] coerces, for handler arguments:
///
/// - `String` also accepts a JSON number or bool (its JSON text: `10` is
///   `"10"`, `true` is `"true"`);
/// - integers also accept their string form (`"10"`, `"-3"`; not `"10.0"`,
///   not `" 10"`), floats theirs (`"2.5"`), `bool` accepts `"true"` /
///   `"false"` in any case (not `"1"`);
/// - a JSON null for an `Option` is `None`; anything else for an `Option<T>`
///   must be a `T` (`""` for an `Option<u32>` is an error, not `None`);
/// - errors are [`ExtractError`]s naming the path and the expected type,
///   never the value.
///
/// The rules hold for nested struct fields, newtypes, `Option`, `Vec` and map
/// values alike, because the adapter wraps every nested deserializer.
///
/// [`Lenient::strict`] does not coerce, for the event model (whose types are
/// Amazon Connect's, not the handler author's): a value must be of the type
/// asked for, as with serde_json, and a mismatch is the same value-free
/// error with its path. In both modes object keys are read as text, so
/// `HashMap<u32, _>` reads `{"1": ..}` (as serde_json does).
///
/// ```
/// use connect_types::extract::Lenient;
/// use serde::Deserialize;
///
/// #[derive(Deserialize, Debug, PartialEq)]
/// struct Age(u32);
///
/// #[derive(Deserialize, Debug, PartialEq)]
/// struct Person {
///     name: String,
///     age: Age,
///     enrolled: bool,
///     scores: Vec<u32>,
/// }
///
/// let json = r#"{"name": 10, "age": "10", "enrolled": "TRUE", "scores": ["1", 2]}"#;
/// let mut de = serde_json::Deserializer::from_str(json);
/// let person = Person::deserialize(Lenient::new(&mut de)).unwrap();
/// assert_eq!(
///     person,
///     Person { name: "10".into(), age: Age(10), enrolled: true, scores: vec![1, 2] }
/// );
///
/// let json = r#"{"name": "Jane", "age": "ten", "enrolled": true, "scores": []}"#;
/// let mut de = serde_json::Deserializer::from_str(json);
/// let error = Person::deserialize(Lenient::new(&mut de)).unwrap_err();
/// assert_eq!(error.to_string(), "age: invalid type: expected u32, found a string");
///
/// // The strict mode takes the JSON as it is, with the same errors.
/// let json = r#"{"name": 10, "age": 10, "enrolled": true, "scores": []}"#;
/// let mut de = serde_json::Deserializer::from_str(json);
/// let error = Person::deserialize(Lenient::strict(&mut de)).unwrap_err();
/// assert_eq!(error.to_string(), "name: invalid type: expected a string, found an integer");
/// ```
///
/// Wrap a deserializer over JSON-like data whose object keys are strings
/// (serde_json's). Errors of the wrapped deserializer itself (syntax errors)
/// are reported as malformed JSON without their text; [`from_slice`]
/// refines them to serde_json's syntax message and position.
///
/// [`from_slice`]: super::from_slice
#[derive(Debug, Clone, Copy)]
pub struct Lenient<D> {
    inner: D,
    /// Whether scalar coercions apply (`false`: the strict mode).
    coerce: bool,
}

impl<D> Lenient<D> {
    /// Wraps `inner`, with the lenient coercions.
    ///
    /// ```
    /// use connect_types::extract::Lenient;
    /// use serde::Deserialize;
    ///
    /// let mut de = serde_json::Deserializer::from_str("\"42\"");
    /// assert_eq!(u8::deserialize(Lenient::new(&mut de)).unwrap(), 42);
    /// ```
    pub fn new(inner: D) -> Self {
        Lenient {
            inner,
            coerce: true,
        }
    }

    /// Wraps `inner` without coercions: values must be of the type asked
    /// for; errors keep their paths and never carry a value.
    ///
    /// ```
    /// use connect_types::extract::Lenient;
    /// use serde::Deserialize;
    ///
    /// let mut de = serde_json::Deserializer::from_str("42");
    /// assert_eq!(u8::deserialize(Lenient::strict(&mut de)).unwrap(), 42);
    ///
    /// let mut de = serde_json::Deserializer::from_str("\"42\"");
    /// let error = u8::deserialize(Lenient::strict(&mut de)).unwrap_err();
    /// assert_eq!(error.to_string(), "invalid type: expected u8, found a string");
    /// ```
    pub fn strict(inner: D) -> Self {
        Lenient {
            inner,
            coerce: false,
        }
    }

    /// Whether this adapter applies the lenient coercions (made with
    /// [`Lenient::new`]) or not ([`Lenient::strict`]).
    ///
    /// ```
    /// use connect_types::extract::Lenient;
    ///
    /// assert!(Lenient::new(()).is_coercing());
    /// assert!(!Lenient::strict(()).is_coercing());
    /// ```
    pub fn is_coercing(&self) -> bool {
        self.coerce
    }

    /// `inner` in the given mode: how wrappers hand their mode to nested
    /// values.
    #[inline]
    fn with_mode(inner: D, coerce: bool) -> Self {
        Lenient { inner, coerce }
    }

    /// The wrapped deserializer.
    ///
    /// ```
    /// use connect_types::extract::Lenient;
    ///
    /// let mut de = serde_json::Deserializer::from_str("1");
    /// let _de: &mut serde_json::Deserializer<_> = Lenient::new(&mut de).into_inner();
    /// ```
    pub fn into_inner(self) -> D {
        self.inner
    }
}

/// Parks `error` in `slot` and gives the inner deserializer a placeholder
/// to carry up.
#[cold]
#[inline(never)]
fn park<E: de::Error>(slot: &mut Option<ExtractError>, error: ExtractError) -> E {
    *slot = Some(error);
    E::custom(PARKED)
}

/// The error that reached us through the inner deserializer: the parked one,
/// or the inner deserializer's own (its text is not trusted).
#[cold]
#[inline(never)]
fn unpark<E>(slot: &mut Option<ExtractError>, _inner: E) -> ExtractError {
    slot.take().unwrap_or_else(ExtractError::foreign)
}

#[inline]
fn lift<T, E: de::Error>(
    slot: &mut Option<ExtractError>,
    result: Result<T, ExtractError>,
) -> Result<T, E> {
    match result {
        Ok(value) => Ok(value),
        Err(error) => Err(park(slot, error)),
    }
}

impl<'de, D: Deserializer<'de>> Lenient<D> {
    #[inline]
    fn drive<V: Visitor<'de>>(self, hint: Hint, visitor: V) -> Result<V::Value, ExtractError> {
        let hint = if self.coerce {
            hint
        } else {
            hint.without_coercion()
        };
        let mut slot = None;
        match self.inner.deserialize_any(Wrap {
            visitor,
            hint,
            coerce: self.coerce,
            slot: &mut slot,
        }) {
            Ok(value) => Ok(value),
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }
}

macro_rules! forward {
    ($($method:ident => $hint:ident),* $(,)?) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ExtractError> {
                self.drive(Hint::$hint, visitor)
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Lenient<D> {
    type Error = ExtractError;

    forward! {
        deserialize_any => Any,
        deserialize_bool => Bool,
        deserialize_i8 => Int,
        deserialize_i16 => Int,
        deserialize_i32 => Int,
        deserialize_i64 => Int,
        deserialize_i128 => Int128,
        deserialize_u8 => Int,
        deserialize_u16 => Int,
        deserialize_u32 => Int,
        deserialize_u64 => Int,
        deserialize_u128 => Int128,
        deserialize_f32 => Float,
        deserialize_f64 => Float,
        deserialize_char => Any,
        deserialize_str => Str,
        deserialize_string => Str,
        deserialize_bytes => Any,
        deserialize_byte_buf => Any,
        deserialize_unit => Any,
        deserialize_seq => Any,
        deserialize_map => Map,
        deserialize_identifier => Any,
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        self.drive(Hint::Any, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        self.drive(Hint::Any, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        self.drive(Hint::Any, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        self.drive(Hint::Struct, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        // Not serde_json's `deserialize_enum`: it reports a number where an
        // enum belongs as a syntax error ("expected value").
        self.drive(Hint::Enum, visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ExtractError> {
        let mut slot = None;
        match self.inner.deserialize_option(Wrap {
            visitor,
            hint: Hint::Any,
            coerce: self.coerce,
            slot: &mut slot,
        }) {
            Ok(value) => Ok(value),
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        let mut slot = None;
        let result = if name == RAW_VALUE_TOKEN {
            // Captures the raw text; there is nothing to coerce.
            self.inner.deserialize_newtype_struct(name, visitor)
        } else {
            self.inner.deserialize_newtype_struct(
                name,
                Wrap {
                    visitor,
                    hint: Hint::Any,
                    coerce: self.coerce,
                    slot: &mut slot,
                },
            )
        };
        match result {
            Ok(value) => Ok(value),
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        // The inner deserializer's skipping is its fast path: keep it.
        let mut slot = None;
        match self.inner.deserialize_ignored_any(Wrap {
            visitor,
            hint: Hint::Any,
            coerce: self.coerce,
            slot: &mut slot,
        }) {
            Ok(value) => Ok(value),
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// The visitor given to the inner deserializer: receives the JSON value as
/// data, coerces it to what `hint` asks for, and calls the caller's visitor
/// with [`ExtractError`] as its error type.
struct Wrap<'s, V> {
    visitor: V,
    hint: Hint,
    /// The mode handed to nested values.
    coerce: bool,
    slot: &'s mut Option<ExtractError>,
}

impl<'de, V: Visitor<'de>> Wrap<'_, V> {
    /// A number where a string is asked for: its text.
    #[cold]
    fn number_text<E: de::Error>(self, text: Option<NumberText>) -> Result<V::Value, E> {
        let result = match &text {
            Some(text) => self.visitor.visit_str::<ExtractError>(text.as_str()),
            None => Err(de::Error::custom("number text")),
        };
        lift(self.slot, result)
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        let result = if self.hint == Hint::Str {
            self.visitor
                .visit_borrowed_str::<ExtractError>(if v { "true" } else { "false" })
        } else {
            self.visitor.visit_bool::<ExtractError>(v)
        };
        lift(self.slot, result)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        if self.hint == Hint::Str {
            return self.number_text(NumberText::new(v));
        }
        lift(self.slot, self.visitor.visit_i64::<ExtractError>(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        if self.hint == Hint::Str {
            return self.number_text(NumberText::new(v));
        }
        lift(self.slot, self.visitor.visit_i128::<ExtractError>(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        if self.hint == Hint::Str {
            return self.number_text(NumberText::new(v));
        }
        lift(self.slot, self.visitor.visit_u64::<ExtractError>(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        if self.hint == Hint::Str {
            return self.number_text(NumberText::new(v));
        }
        lift(self.slot, self.visitor.visit_u128::<ExtractError>(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        if self.hint == Hint::Str {
            return self.number_text(NumberText::float(v));
        }
        lift(self.slot, self.visitor.visit_f64::<ExtractError>(v))
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<V::Value, E> {
        lift(self.slot, self.visitor.visit_char::<ExtractError>(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        let result = match coerce::from_str(self.hint, v) {
            Some(coerced) => coerced.visit(self.visitor),
            None if self.hint == Hint::Enum => self
                .visitor
                .visit_enum(StrDeserializer::<ExtractError>::new(v)),
            None => self.visitor.visit_str::<ExtractError>(v),
        };
        lift(self.slot, result)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        let result = match coerce::from_str(self.hint, v) {
            Some(coerced) => coerced.visit(self.visitor),
            None if self.hint == Hint::Enum => self
                .visitor
                .visit_enum(BorrowedStrDeserializer::<ExtractError>::new(v)),
            None => self.visitor.visit_borrowed_str::<ExtractError>(v),
        };
        lift(self.slot, result)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        let result = match coerce::from_str(self.hint, &v) {
            Some(coerced) => coerced.visit(self.visitor),
            None if self.hint == Hint::Enum => self
                .visitor
                .visit_enum(StringDeserializer::<ExtractError>::new(v)),
            None => self.visitor.visit_string::<ExtractError>(v),
        };
        lift(self.slot, result)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<V::Value, E> {
        lift(self.slot, self.visitor.visit_bytes::<ExtractError>(v))
    }

    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<V::Value, E> {
        lift(
            self.slot,
            self.visitor.visit_borrowed_bytes::<ExtractError>(v),
        )
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<V::Value, E> {
        lift(self.slot, self.visitor.visit_byte_buf::<ExtractError>(v))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        lift(self.slot, self.visitor.visit_none::<ExtractError>())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        lift(
            self.slot,
            self.visitor
                .visit_some(Lenient::with_mode(deserializer, self.coerce)),
        )
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        lift(self.slot, self.visitor.visit_unit::<ExtractError>())
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        lift(
            self.slot,
            self.visitor
                .visit_newtype_struct(Lenient::with_mode(deserializer, self.coerce)),
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let mut seq = SeqWrap {
            inner: seq,
            index: 0,
            done: false,
            coerce: self.coerce,
        };
        let result = self
            .visitor
            .visit_seq(&mut seq)
            .and_then(|value| seq.finish().map(|()| value));
        lift(self.slot, result)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let mut map = MapWrap {
            inner: map,
            key: Key::None,
            done: false,
            coerce: self.coerce,
            // A derived struct reports its own repeated fields (and skips
            // unknown ones); maps and `Value`s would keep the last silently.
            seen: matches!(self.hint, Hint::Map | Hint::Any).then(SeenKeys::new),
        };
        let result = if self.hint == Hint::Enum {
            self.visitor.visit_enum(MapEnum { map: &mut map })
        } else {
            self.visitor.visit_map(&mut map)
        };
        let result = result.and_then(|value| map.finish().map(|()| value));
        lift(self.slot, result)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        lift(
            self.slot,
            self.visitor.visit_enum(EnumWrap {
                inner: data,
                coerce: self.coerce,
            }),
        )
    }
}

/// A seed that hands the caller's seed a [`Lenient`] deserializer, in the
/// mode of the parent.
struct ValueSeed<'s, S> {
    seed: S,
    coerce: bool,
    slot: &'s mut Option<ExtractError>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for ValueSeed<'_, S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        lift(
            self.slot,
            self.seed
                .deserialize(Lenient::with_mode(deserializer, self.coerce)),
        )
    }
}

/// The current key of a map, kept for the path of an error in its value.
enum Key<'de> {
    None,
    Borrowed(&'de str),
    /// A key with escapes: serde_json hands it over in a scratch buffer.
    Owned(String),
}

impl<'de> Key<'de> {
    fn to_cow(&self) -> Cow<'de, str> {
        match self {
            Key::None => Cow::Borrowed(""),
            Key::Borrowed(key) => Cow::Borrowed(key),
            Key::Owned(key) => Cow::Owned(key.clone()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Key::None => "",
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }
}

/// Reads a key as a string (borrowed when it can be).
struct CaptureKey;

impl<'de> Visitor<'de> for CaptureKey {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v))
    }
}

/// Captures the key, then gives the caller's seed a [`Lenient`] string
/// deserializer over it (so `HashMap<u32, _>` reads `{"1": ..}`). Keys are
/// text in JSON: reading a number from one is no coercion, and it is done in
/// both modes, as serde_json does.
struct KeySeed<'k, 's, 'de, K> {
    seed: K,
    key: &'k mut Key<'de>,
    slot: &'s mut Option<ExtractError>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, '_, 'de, K> {
    type Value = K::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        *self.key = deserializer.deserialize_str(CaptureKey)?;
        let result =
            match &*self.key {
                Key::Borrowed(key) => self.seed.deserialize(Lenient::new(
                    BorrowedStrDeserializer::<ExtractError>::new(key),
                )),
                Key::Owned(key) => self
                    .seed
                    .deserialize(Lenient::new(StrDeserializer::<ExtractError>::new(key))),
                Key::None => Err(de::Error::custom("no key")),
            };
        lift(self.slot, result)
    }
}

/// A map whose values go through [`Lenient`] and whose errors learn their
/// key.
struct MapWrap<'de, A> {
    inner: A,
    key: Key<'de>,
    done: bool,
    coerce: bool,
    /// The keys met so far, when repeated keys are checked here.
    seen: Option<SeenKeys<'de>>,
}

/// Keys met in one object: inline while few and borrowed (no allocation),
/// then a hash set.
struct SeenKeys<'de> {
    inline: [&'de str; SEEN_INLINE],
    len: usize,
    spilled: Option<HashSet<Cow<'de, str>>>,
}

const SEEN_INLINE: usize = 8;

impl<'de> SeenKeys<'de> {
    fn new() -> Self {
        SeenKeys {
            inline: [""; SEEN_INLINE],
            len: 0,
            spilled: None,
        }
    }

    /// Records `key`; `false` when it was met before.
    fn insert(&mut self, key: &Key<'de>) -> bool {
        if let Some(set) = &mut self.spilled {
            return set.insert(key.to_cow());
        }
        let text = key.as_str();
        if self.inline[..self.len].contains(&text) {
            return false;
        }
        match key {
            Key::Borrowed(key) if self.len < SEEN_INLINE => {
                self.inline[self.len] = key;
                self.len += 1;
            }
            _ => {
                let mut set: HashSet<Cow<'de, str>> = self.inline[..self.len]
                    .iter()
                    .map(|key| Cow::Borrowed(*key))
                    .collect();
                set.insert(key.to_cow());
                self.spilled = Some(set);
            }
        }
        true
    }
}

impl<'de, A: MapAccess<'de>> MapWrap<'de, A> {
    /// After the caller's visitor: entries it left unread are an error (the
    /// inner deserializer would report them as a syntax error).
    fn finish(&mut self) -> Result<(), ExtractError> {
        if self.done {
            return Ok(());
        }
        match self.next_key::<IgnoredAny>()? {
            None => Ok(()),
            Some(_) => Err(ExtractError::invalid(Message::Trailing(
                "the object has more entries than expected",
            ))),
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for MapWrap<'de, A> {
    type Error = ExtractError;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ExtractError> {
        let mut slot = None;
        match self.inner.next_key_seed(KeySeed {
            seed,
            key: &mut self.key,
            slot: &mut slot,
        }) {
            Ok(Some(key)) => {
                let repeated = match &mut self.seen {
                    Some(seen) => !seen.insert(&self.key),
                    None => false,
                };
                if repeated {
                    return Err(ExtractError::duplicate_key(self.key.as_str().to_owned()));
                }
                Ok(Some(key))
            }
            Ok(None) => {
                self.done = true;
                Ok(None)
            }
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }

    #[inline]
    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, ExtractError> {
        let mut slot = None;
        match self.inner.next_value_seed(ValueSeed {
            seed,
            coerce: self.coerce,
            slot: &mut slot,
        }) {
            Ok(value) => Ok(value),
            Err(error) => Err(unpark(&mut slot, error).at_key(self.key.as_str())),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A sequence whose elements go through [`Lenient`] and whose errors learn
/// their index.
struct SeqWrap<A> {
    inner: A,
    index: usize,
    done: bool,
    coerce: bool,
}

impl<'de, A: SeqAccess<'de>> SeqWrap<A> {
    /// After the caller's visitor: elements it left unread are an error (a
    /// tuple of two from an array of three).
    fn finish(&mut self) -> Result<(), ExtractError> {
        if self.done {
            return Ok(());
        }
        match self.next_element::<IgnoredAny>()? {
            None => Ok(()),
            Some(_) => Err(ExtractError::invalid(Message::Trailing(
                "the array has more elements than expected",
            ))),
        }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for SeqWrap<A> {
    type Error = ExtractError;

    #[inline]
    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, ExtractError> {
        let mut slot = None;
        match self.inner.next_element_seed(ValueSeed {
            seed,
            coerce: self.coerce,
            slot: &mut slot,
        }) {
            Ok(Some(value)) => {
                self.index += 1;
                Ok(Some(value))
            }
            Ok(None) => {
                self.done = true;
                Ok(None)
            }
            Err(error) => Err(unpark(&mut slot, error).at_index(self.index)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An externally tagged enum read from a JSON object `{"Variant": value}`.
struct MapEnum<'a, 'de, A> {
    map: &'a mut MapWrap<'de, A>,
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for MapEnum<'_, 'de, A> {
    type Error = ExtractError;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self), ExtractError> {
        match self.map.next_key_seed(seed)? {
            Some(variant) => Ok((variant, self)),
            None => Err(ExtractError::invalid(Message::InvalidType {
                expected: "an enum variant".to_owned(),
                found: "an empty object",
            })),
        }
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for MapEnum<'_, 'de, A> {
    type Error = ExtractError;

    fn unit_variant(self) -> Result<(), ExtractError> {
        self.map.next_value::<()>()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, ExtractError> {
        self.map.next_value_seed(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        self.map.next_value_seed(TupleSeed { len, visitor })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        self.map.next_value_seed(StructSeed { fields, visitor })
    }
}

struct TupleSeed<V> {
    len: usize,
    visitor: V,
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for TupleSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_tuple(self.len, self.visitor)
    }
}

struct StructSeed<V> {
    fields: &'static [&'static str],
    visitor: V,
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for StructSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_struct("", self.fields, self.visitor)
    }
}

/// An enum handed over by the inner deserializer itself.
struct EnumWrap<A> {
    inner: A,
    coerce: bool,
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for EnumWrap<A> {
    type Error = ExtractError;
    type Variant = VariantWrap<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), ExtractError> {
        let mut slot = None;
        match self.inner.variant_seed(ValueSeed {
            seed,
            coerce: self.coerce,
            slot: &mut slot,
        }) {
            Ok((value, variant)) => Ok((
                value,
                VariantWrap {
                    inner: variant,
                    coerce: self.coerce,
                },
            )),
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }
}

struct VariantWrap<A> {
    inner: A,
    coerce: bool,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for VariantWrap<A> {
    type Error = ExtractError;

    fn unit_variant(self) -> Result<(), ExtractError> {
        self.inner
            .unit_variant()
            .map_err(|error| unpark(&mut None, error))
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, ExtractError> {
        let mut slot = None;
        match self.inner.newtype_variant_seed(ValueSeed {
            seed,
            coerce: self.coerce,
            slot: &mut slot,
        }) {
            Ok(value) => Ok(value),
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        let mut slot = None;
        match self.inner.tuple_variant(
            len,
            Wrap {
                visitor,
                hint: Hint::Any,
                coerce: self.coerce,
                slot: &mut slot,
            },
        ) {
            Ok(value) => Ok(value),
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ExtractError> {
        let mut slot = None;
        match self.inner.struct_variant(
            fields,
            Wrap {
                visitor,
                hint: Hint::Any,
                coerce: self.coerce,
                slot: &mut slot,
            },
        ) {
            Ok(value) => Ok(value),
            Err(error) => Err(unpark(&mut slot, error)),
        }
    }
}
