//! The key list: what a flow can reference as `$.External.<key>`.

use std::any::type_name;
use std::rc::Rc;
use std::sync::Arc;

use crate::manifest::{ExternalKey, ManifestType, ValueType};
use crate::manifest_type::owned;

/// A type whose fields are keys of their own: a response struct, or a struct
/// nested in a JSON response.
///
/// `#[derive(ConnectResponse)]` implements it. Implement it by hand to make
/// a hand-written type contribute nested keys:
///
/// ```
/// use connect_types::manifest::ValueType;
/// use connect_types::response::{KeyCollector, NestedKeys};
///
/// struct FullName;
///
/// impl NestedKeys for FullName {
///     fn collect_keys(keys: &mut KeyCollector) {
///         keys.leaf("First", ValueType::String, true);
///         keys.leaf("Last", ValueType::String, false);
///     }
/// }
///
/// let keys = KeyCollector::collect::<FullName>();
/// assert_eq!(keys[1].path, "$.External.Last");
/// assert!(!keys[1].required);
/// ```
pub trait NestedKeys {
    /// Adds the type's keys, in declaration order, to `keys`.
    fn collect_keys(keys: &mut KeyCollector);
}

/// How a value of this type appears in the key list when it is the value of
/// `key`: one entry (`string`, `number`, `array`, ...) or, for types that
/// derive `ConnectResponse`, an object entry followed by its own keys.
///
/// `#[derive(ConnectResponse)]` looks this up for every JSON field and lists
/// types without it as `any`; `#[connect(nested)]` requires it.
///
/// ```
/// use connect_types::response::{DescribeValue, KeyCollector, NestedKeys};
///
/// struct Reply;
/// impl NestedKeys for Reply {
///     fn collect_keys(keys: &mut KeyCollector) {
///         <Option<Vec<u32>> as DescribeValue>::describe(keys, "Scores", true);
///     }
/// }
///
/// let keys = KeyCollector::collect::<Reply>();
/// assert_eq!(keys[0].ty.as_str(), "array");
/// assert!(!keys[0].required && !keys[0].referenceable);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive ConnectResponse, so its keys cannot be listed",
    label = "no nested keys",
    note = "`#[connect(nested)]` lists the keys of a type that derives ConnectResponse with `#[connect(json)]`; derive it on `{Self}`, or remove `nested` to list the field as one entry of type `any`"
)]
pub trait DescribeValue {
    /// Adds the entry (or entries) for a value of this type under `key`;
    /// `required` is `false` when the value may be left out.
    fn describe(keys: &mut KeyCollector, key: &str, required: bool);
}

/// Builds a key list, expanding nested types and cutting recursive ones.
///
/// Nested keys are dotted (`Name.First`); a key below an optional parent is
/// itself optional; a type that repeats one of its ancestors is listed once
/// more as an `object` entry with `truncated: true` and not expanded again.
///
/// ```
/// use connect_types::manifest::ValueType;
/// use connect_types::response::{KeyCollector, NestedKeys};
///
/// struct Node;
/// impl NestedKeys for Node {
///     fn collect_keys(keys: &mut KeyCollector) {
///         keys.leaf("Id", ValueType::String, true);
///         keys.object::<Node>("Next", false);
///     }
/// }
///
/// let keys = KeyCollector::collect::<Node>();
/// assert_eq!(keys.len(), 2);
/// assert_eq!(keys[1].key, "Next");
/// assert!(keys[1].truncated);
/// ```
#[derive(Debug)]
pub struct KeyCollector {
    keys: Vec<ExternalKey>,
    /// `""` at the top, `"Name."` inside `Name`.
    prefix: String,
    /// Whether every ancestor is required.
    required: bool,
    /// The types being expanded, outermost first.
    ancestors: Vec<&'static str>,
}

impl KeyCollector {
    /// The key list of `T`, in declaration order.
    pub fn collect<T: NestedKeys + ?Sized>() -> Vec<ExternalKey> {
        let mut collector = KeyCollector {
            keys: Vec::new(),
            prefix: String::new(),
            required: true,
            ancestors: vec![type_name::<T>()],
        };
        T::collect_keys(&mut collector);
        collector.keys
    }

    /// Adds one entry for `key` (below the current parent, if any).
    pub fn leaf(&mut self, key: &str, ty: ValueType, required: bool) {
        self.leaf_with_values(key, ty, None, required);
    }

    /// Adds one entry for `key` as its [`ManifestType`] says: its type
    /// and, for a closed set, its values. (The standard types' and the
    /// `ConnectValue` enums' [`DescribeValue`] impls call this.)
    pub fn value<T: ManifestType + ?Sized>(&mut self, key: &str, required: bool) {
        self.leaf_with_values(key, T::TYPE, owned(T::VALUES), required);
    }

    /// Adds one entry for `key` that can only hold `values` (none: any
    /// value of `ty`).
    pub fn leaf_with_values(
        &mut self,
        key: &str,
        ty: ValueType,
        values: Option<Vec<String>>,
        required: bool,
    ) {
        let key = self.full_key(key);
        let required = required && self.required;
        let mut entry = ExternalKey::new(key, ty, required);
        entry.values = values;
        self.keys.push(entry);
    }

    /// Adds the `*` entry of type `map` for keys decided at run time (a
    /// flattened map).
    pub fn dynamic(&mut self) {
        self.leaf("*", ValueType::Map, false);
    }

    /// Adds an `object` entry for `key`, then the keys of `T` below it; when
    /// `T` is already being expanded (a recursive type), the entry is marked
    /// `truncated` instead.
    pub fn object<T: NestedKeys + ?Sized>(&mut self, key: &str, required: bool) {
        let name = type_name::<T>();
        let key = self.full_key(key);
        let required = required && self.required;
        let mut entry = ExternalKey::new(key.clone(), ValueType::Object, required);
        if self.ancestors.contains(&name) {
            entry.truncated = true;
            self.keys.push(entry);
            return;
        }
        self.keys.push(entry);
        let outer_prefix = std::mem::replace(&mut self.prefix, key + ".");
        let outer_required = std::mem::replace(&mut self.required, required);
        self.ancestors.push(name);
        T::collect_keys(self);
        self.ancestors.pop();
        self.prefix = outer_prefix;
        self.required = outer_required;
    }

    fn full_key(&self, key: &str) -> String {
        let mut full = String::with_capacity(self.prefix.len() + key.len());
        full.push_str(&self.prefix);
        full.push_str(key);
        full
    }
}

impl<T: DescribeValue> DescribeValue for Option<T> {
    fn describe(keys: &mut KeyCollector, key: &str, _required: bool) {
        T::describe(keys, key, false);
    }
}

macro_rules! forward {
    ($($t:ty),* $(,)?) => {
        $(
            impl<T: DescribeValue + ?Sized> DescribeValue for $t {
                fn describe(keys: &mut KeyCollector, key: &str, required: bool) {
                    T::describe(keys, key, required);
                }
            }
        )*
    };
}

forward!(&T, &mut T, Box<T>, Arc<T>, Rc<T>);

#[cfg(test)]
mod tests {
    use super::*;

    struct Name;
    impl NestedKeys for Name {
        fn collect_keys(keys: &mut KeyCollector) {
            keys.leaf("First", ValueType::String, true);
        }
    }
    impl DescribeValue for Name {
        fn describe(keys: &mut KeyCollector, key: &str, required: bool) {
            keys.object::<Name>(key, required);
        }
    }

    struct Tree;
    impl NestedKeys for Tree {
        fn collect_keys(keys: &mut KeyCollector) {
            <Option<Box<Name>> as DescribeValue>::describe(keys, "Name", true);
            <Vec<Tree> as DescribeValue>::describe(keys, "Children", true);
            keys.object::<Tree>("Parent", false);
            <u8 as DescribeValue>::describe(keys, "Depth", true);
        }
    }

    #[test]
    fn nested_keys_are_dotted_and_inherit_optionality() {
        let keys = KeyCollector::collect::<Tree>();
        let listed: Vec<_> = keys
            .iter()
            .map(|k| {
                (
                    k.key.as_str(),
                    k.ty,
                    k.required,
                    k.referenceable,
                    k.truncated,
                )
            })
            .collect();
        assert_eq!(
            listed,
            [
                ("Name", ValueType::Object, false, true, false),
                ("Name.First", ValueType::String, false, true, false),
                ("Children", ValueType::Array, true, false, false),
                ("Parent", ValueType::Object, false, true, true),
                ("Depth", ValueType::Number, true, true, false),
            ]
        );
        assert_eq!(keys[1].path, "$.External.Name.First");
    }
}
