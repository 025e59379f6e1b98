//! Maps whose entries `#[connect(flatten)]` merges into a response.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use crate::manifest::is_valid_key;

/// A map whose entries are merged into the response object, keys decided at
/// run time: the type of a `#[connect(flatten)]` field.
///
/// Implemented for `HashMap<K, V>` and `BTreeMap<K, V>` with `K:
/// AsRef<str>` (`String`, `&str`, ...). Under STRING_MAP the values must be
/// [`StringLike`](super::StringLike); under JSON any `Serialize` value.
/// Every key must fit the key grammar `[A-Za-z0-9_-]+` and differ from the
/// struct's own keys, or serialisation fails with an `InvalidResponse`.
///
/// ```
/// use connect_types::response::FlattenMap;
/// use std::collections::BTreeMap;
///
/// let extra = BTreeMap::from([("tier".to_owned(), "gold".to_owned())]);
/// let mut entries = Vec::new();
/// extra
///     .for_each_entry(|key, value| {
///         entries.push(format!("{key}={value}"));
///         Ok::<(), ()>(())
///     })
///     .unwrap();
/// assert_eq!(entries, ["tier=gold"]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be flattened into the response",
    label = "not a map of string keys",
    note = "`#[connect(flatten)]` takes a `HashMap<String, String>` or a `BTreeMap<String, String>` (keys decided at run time)"
)]
pub trait FlattenMap {
    /// The type of the map's values.
    type Value: ?Sized;

    /// Calls `f` on every entry, in the map's own iteration order, until it
    /// fails.
    fn for_each_entry<E>(
        &self,
        f: impl FnMut(&str, &Self::Value) -> Result<(), E>,
    ) -> Result<(), E>;
}

impl<K: AsRef<str>, V, S: BuildHasher> FlattenMap for HashMap<K, V, S> {
    type Value = V;

    fn for_each_entry<E>(&self, mut f: impl FnMut(&str, &V) -> Result<(), E>) -> Result<(), E> {
        self.iter()
            .try_for_each(|(key, value)| f(key.as_ref(), value))
    }
}

impl<K: AsRef<str>, V> FlattenMap for BTreeMap<K, V> {
    type Value = V;

    fn for_each_entry<E>(&self, mut f: impl FnMut(&str, &V) -> Result<(), E>) -> Result<(), E> {
        self.iter()
            .try_for_each(|(key, value)| f(key.as_ref(), value))
    }
}

/// Why a flattened key cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FlattenKeyError {
    /// Empty or outside `[A-Za-z0-9_-]+`.
    Grammar,
    /// One of the struct's own keys.
    Declared,
}

/// Checks a flattened key against the grammar and the struct's own keys.
pub(crate) fn check_flatten_key(key: &str, declared: &[&str]) -> Result<(), FlattenKeyError> {
    if !is_valid_key(key) {
        Err(FlattenKeyError::Grammar)
    } else if declared.contains(&key) {
        Err(FlattenKeyError::Declared)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_grammar_and_stay_clear_of_declared_ones() {
        assert_eq!(check_flatten_key("tier_2-b", &["name"]), Ok(()));
        assert_eq!(check_flatten_key("", &[]), Err(FlattenKeyError::Grammar));
        assert_eq!(check_flatten_key("a.b", &[]), Err(FlattenKeyError::Grammar));
        assert_eq!(
            check_flatten_key("näme", &[]),
            Err(FlattenKeyError::Grammar)
        );
        assert_eq!(
            check_flatten_key("name", &["name"]),
            Err(FlattenKeyError::Declared)
        );
    }
}
