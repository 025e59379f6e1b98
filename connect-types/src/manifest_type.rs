//! The manifest type of a Rust type: the one table both macros read.
//!
//! `#[connect_handler]` lists a `#[param]` or `#[attribute]` with the
//! [`ManifestType`] of its type, and `#[derive(ConnectResponse)]` lists a
//! field the same way (through [`DescribeValue`], which every type here
//! also implements by asking this table). The macros never decide a type
//! from its name: a user type called `Map` or `Number` is `any` unless it
//! says otherwise, and `BinaryHeap` is an `array` for both.
//!
//! Types that do not implement [`ManifestType`] are listed as `any`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::marker::PhantomData;
use std::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize,
};
use std::rc::Rc;
use std::sync::Arc;

use crate::manifest::ValueType;
use crate::response::{DescribeValue, KeyCollector};

/// How a value of this type appears in a manifest: its JSON type and, when
/// the type is a closed set of strings, the set.
///
/// Implemented for the standard types (strings, numbers, `bool`,
/// sequences, maps, and the smart pointers and `Option` around them), and
/// by `#[derive(ConnectValue)]`. Implement it for a type of your own that
/// serialises as one of the JSON types, so that handlers and responses
/// list it as such instead of `any`:
///
/// ```
/// use connect_types::manifest::{ManifestType, ValueType};
///
/// /// Serialises as a JSON number of cents.
/// struct Cents(u64);
///
/// impl ManifestType for Cents {
///     const TYPE: ValueType = ValueType::Number;
/// }
///
/// assert_eq!(<Option<Box<Cents>> as ManifestType>::TYPE, ValueType::Number);
/// assert_eq!(<Vec<Cents> as ManifestType>::TYPE, ValueType::Array);
/// assert_eq!(<bool as ManifestType>::DISPLAY_VALUES, Some(&["true", "false"][..]));
/// ```
pub trait ManifestType {
    /// The manifest's `type` for a value of this type.
    const TYPE: ValueType;

    /// Every string the value can be, when that is a closed set (a
    /// `ConnectValue` enum): the manifest's `values`. `None` when any
    /// value of [`TYPE`](Self::TYPE) can occur.
    const VALUES: Option<&'static [&'static str]> = None;

    /// Every text its `Display` can write, when that is a closed set
    /// (`true` and `false` for `bool`): the `values` of a
    /// `#[connect(display)]` field.
    const DISPLAY_VALUES: Option<&'static [&'static str]> = None;
}

/// The standard types with their manifest type: each implements
/// [`ManifestType`] and lists itself in a key list through it, so that
/// this list is the only place a standard type's manifest type is written.
macro_rules! manifest_types {
    ($ty:expr => $($t:ty),* $(,)?) => {
        $(
            impl ManifestType for $t {
                const TYPE: ValueType = $ty;
            }

            impl DescribeValue for $t {
                fn describe(keys: &mut KeyCollector, key: &str, required: bool) {
                    keys.value::<Self>(key, required);
                }
            }
        )*
    };
}

manifest_types!(ValueType::String => str, String, char, Cow<'_, str>);
manifest_types!(ValueType::Number => u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64);
manifest_types!(ValueType::Number => NonZeroU8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU128, NonZeroUsize);
manifest_types!(ValueType::Number => NonZeroI8, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI128, NonZeroIsize);
manifest_types!(ValueType::Number => serde_json::Number);
manifest_types!(ValueType::Any => serde_json::Value);
manifest_types!(ValueType::Map => serde_json::Map<String, serde_json::Value>);

impl ManifestType for bool {
    const TYPE: ValueType = ValueType::Boolean;
    // `Display` writes these two, which flows compare as text.
    const DISPLAY_VALUES: Option<&'static [&'static str]> = Some(&["true", "false"]);
}

impl DescribeValue for bool {
    fn describe(keys: &mut KeyCollector, key: &str, required: bool) {
        keys.value::<Self>(key, required);
    }
}

/// Sequences and maps whose element types do not change the entry.
macro_rules! generic_manifest_types {
    ($ty:expr => $(<$($param:ident),*> $t:ty),* $(,)?) => {
        $(
            impl<$($param),*> ManifestType for $t {
                const TYPE: ValueType = $ty;
            }

            impl<$($param),*> DescribeValue for $t {
                fn describe(keys: &mut KeyCollector, key: &str, required: bool) {
                    keys.value::<Self>(key, required);
                }
            }
        )*
    };
}

generic_manifest_types!(ValueType::Array =>
    <T> Vec<T>, <T> VecDeque<T>, <T> LinkedList<T>, <T> BTreeSet<T>, <T> BinaryHeap<T>,
    <T, S> HashSet<T, S>,
);
generic_manifest_types!(ValueType::Map => <K, V> BTreeMap<K, V>, <K, V, S> HashMap<K, V, S>);

impl<T> ManifestType for [T] {
    const TYPE: ValueType = ValueType::Array;
}

impl<T> DescribeValue for [T] {
    fn describe(keys: &mut KeyCollector, key: &str, required: bool) {
        keys.value::<Self>(key, required);
    }
}

impl<T, const N: usize> ManifestType for [T; N] {
    const TYPE: ValueType = ValueType::Array;
}

impl<T, const N: usize> DescribeValue for [T; N] {
    fn describe(keys: &mut KeyCollector, key: &str, required: bool) {
        keys.value::<Self>(key, required);
    }
}

/// Wrappers that serialise as what they hold. (`Option`'s absence is the
/// manifest's `required`, not its type.) Their `DescribeValue` impls live
/// with the key list, since they forward nested keys too.
macro_rules! forward {
    ($($t:ty),* $(,)?) => {
        $(
            impl<T: ManifestType + ?Sized> ManifestType for $t {
                const TYPE: ValueType = T::TYPE;
                const VALUES: Option<&'static [&'static str]> = T::VALUES;
                const DISPLAY_VALUES: Option<&'static [&'static str]> = T::DISPLAY_VALUES;
            }
        )*
    };
}

forward!(&T, &mut T, Box<T>, Arc<T>, Rc<T>);

impl<T: ManifestType> ManifestType for Option<T> {
    const TYPE: ValueType = T::TYPE;
    const VALUES: Option<&'static [&'static str]> = T::VALUES;
    const DISPLAY_VALUES: Option<&'static [&'static str]> = T::DISPLAY_VALUES;
}

/// A type's manifest type in generated code, `any` for types without
/// [`ManifestType`]: the macros call `(&&TypeProbe::<T>::new()).manifest_type()`
/// and method resolution picks [`ViaManifestType`] when `T` implements it,
/// [`ViaAnyType`] otherwise (autoref specialisation). Not a public API.
#[doc(hidden)]
pub struct TypeProbe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> TypeProbe<T> {
    /// The probe for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        TypeProbe(PhantomData)
    }
}

/// What a manifest entry says of a value: its type, its values, and the
/// values of its `Display` text. Not a public API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeInfo {
    /// [`ManifestType::TYPE`], or `any`.
    pub ty: ValueType,
    /// [`ManifestType::VALUES`].
    pub values: Option<&'static [&'static str]>,
    /// [`ManifestType::DISPLAY_VALUES`].
    pub display_values: Option<&'static [&'static str]>,
}

impl TypeInfo {
    /// The manifest's `values` as stored: owned strings, or none.
    pub fn values(self) -> Option<Vec<String>> {
        owned(self.values)
    }

    /// The `values` of the type's `Display` text, as stored.
    pub fn display_values(self) -> Option<Vec<String>> {
        owned(self.display_values)
    }
}

pub(crate) fn owned(values: Option<&'static [&'static str]>) -> Option<Vec<String>> {
    values.map(|values| values.iter().map(|&value| value.to_owned()).collect())
}

/// Chosen when the type implements [`ManifestType`].
#[doc(hidden)]
pub trait ViaManifestType {
    /// The type's own entry.
    fn manifest_type(&self) -> TypeInfo;
}

impl<T: ManifestType + ?Sized> ViaManifestType for &TypeProbe<T> {
    fn manifest_type(&self) -> TypeInfo {
        TypeInfo {
            ty: T::TYPE,
            values: T::VALUES,
            display_values: T::DISPLAY_VALUES,
        }
    }
}

/// Chosen for every other type: `any`, no values.
#[doc(hidden)]
pub trait ViaAnyType {
    /// `any`.
    fn manifest_type(&self) -> TypeInfo;
}

impl<T: ?Sized> ViaAnyType for TypeProbe<T> {
    fn manifest_type(&self) -> TypeInfo {
        TypeInfo {
            ty: ValueType::Any,
            values: None,
            display_values: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(dead_code)]
    struct Map;
    #[allow(dead_code)]
    struct Number;

    #[test]
    #[allow(clippy::needless_borrow)] // the autoref is the point
    fn the_probe_falls_back_to_any() {
        assert_eq!(
            (&&TypeProbe::<u32>::new()).manifest_type().ty,
            ValueType::Number
        );
        assert_eq!(
            (&&TypeProbe::<Option<Arc<str>>>::new()).manifest_type().ty,
            ValueType::String
        );
        assert_eq!(
            (&&TypeProbe::<BinaryHeap<u8>>::new()).manifest_type().ty,
            ValueType::Array
        );
        // Named like a map or a number, but nothing says they are one.
        assert_eq!(
            (&&TypeProbe::<Map>::new()).manifest_type().ty,
            ValueType::Any
        );
        assert_eq!(
            (&&TypeProbe::<Number>::new()).manifest_type().ty,
            ValueType::Any
        );
        let boolean = (&&TypeProbe::<bool>::new()).manifest_type();
        assert_eq!(boolean.values, None);
        assert_eq!(boolean.display_values, Some(&["true", "false"][..]));
    }
}
