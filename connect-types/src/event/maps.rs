//! Deserialisers for the event's maps (Parameters, Attributes, References,
//! Tags, SegmentAttributes).
//!
//! Each accepts an absent or `null` map as an empty one and rejects a key
//! repeated in one JSON object, naming the key (never the value): a repeated
//! key means two writers disagree, and keeping either value silently would
//! hide it. JSON values (parameters, segment attributes) reject repeated keys
//! at every depth through [`StrictValue`].

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::Reference;

/// `Details.Parameters` and `ContactData.SegmentAttributes`: JSON values.
pub(crate) fn value_map<'de, D>(deserializer: D) -> Result<HashMap<String, Value>, D::Error>
where
    D: Deserializer<'de>,
{
    unique_map::<D, StrictValue, Value>(deserializer, "a map of JSON values")
}

/// `ContactData.Attributes` and `ContactData.Tags`: string values.
pub(crate) fn string_map<'de, D>(deserializer: D) -> Result<HashMap<String, String>, D::Error>
where
    D: Deserializer<'de>,
{
    unique_map::<D, String, String>(deserializer, "a map of string values")
}

/// `ContactData.References`: `{Type, Value}` objects.
pub(crate) fn reference_map<'de, D>(deserializer: D) -> Result<HashMap<String, Reference>, D::Error>
where
    D: Deserializer<'de>,
{
    unique_map::<D, Reference, Reference>(deserializer, "a map of references")
}

/// Reads `null` or a JSON object of `V` into a map of `T`, rejecting a key
/// repeated in the object.
fn unique_map<'de, D, V, T>(
    deserializer: D,
    expecting: &'static str,
) -> Result<HashMap<String, T>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de> + Into<T>,
{
    deserializer.deserialize_option(NullableMap::<V, T> {
        expecting,
        marker: PhantomData,
    })
}

/// Accepts `null` (an empty map) or an object.
struct NullableMap<V, T> {
    expecting: &'static str,
    marker: PhantomData<fn() -> (V, T)>,
}

impl<'de, V, T> Visitor<'de> for NullableMap<V, T>
where
    V: Deserialize<'de> + Into<T>,
{
    type Value = HashMap<String, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", self.expecting)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(HashMap::new())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(HashMap::new())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(UniqueMap::<V, T> {
            expecting: self.expecting,
            marker: PhantomData,
        })
    }
}

/// Reads an object, rejecting a repeated key.
struct UniqueMap<V, T> {
    expecting: &'static str,
    marker: PhantomData<fn() -> (V, T)>,
}

impl<'de, V, T> Visitor<'de> for UniqueMap<V, T>
where
    V: Deserialize<'de> + Into<T>,
{
    type Value = HashMap<String, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = HashMap::with_capacity(access.size_hint().unwrap_or(0).min(64));
        while let Some(key) = access.next_key::<String>()? {
            match map.entry(key) {
                Entry::Occupied(entry) => return Err(duplicate_key(entry.key())),
                Entry::Vacant(entry) => {
                    entry.insert(access.next_value::<V>()?.into());
                }
            }
        }
        Ok(map)
    }
}

fn duplicate_key<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate key `{key}`"))
}

/// A [`serde_json::Value`] whose objects reject a repeated key at every
/// depth (`serde_json::Value` itself keeps the last one).
pub(crate) struct StrictValue(Value);

impl From<StrictValue> for Value {
    fn from(value: StrictValue) -> Value {
        value.0
    }
}

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(StrictValueVisitor)
            .map(StrictValue)
    }
}

struct StrictValueVisitor;

impl<'de> Visitor<'de> for StrictValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        // JSON has no NaN or infinity: a non-finite float can only come from
        // another deserializer, and becomes null as in serde_json.
        Ok(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        StrictValue::deserialize(deserializer).map(Value::from)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(access.size_hint().unwrap_or(0).min(64));
        while let Some(item) = access.next_element::<StrictValue>()? {
            items.push(item.0);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(duplicate_key(&key));
            }
            let value = access.next_value::<StrictValue>()?;
            object.insert(key, value.0);
        }
        Ok(Value::Object(object))
    }
}
