//! The plan-driven scanner: one pass over the event that captures, as
//! borrowed [`RawValue`]s, only the values one handler reads, and skips the
//! rest with serde_json's skipper (`IgnoredAny`) without building it.
//!
//! The walk is root -> `Details` -> `ContactData` (-> `Attributes` and the
//! contact paths) and `Parameters`. Keys come in any order. Null or absent
//! `Parameters` / `Attributes` / `ContactData` are empty; a null parent on a
//! contact path leaves the path's value absent. A key repeated in an object
//! the scanner reads is an error when the plan reads it or the walk goes
//! through it.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::ExtractError;

/// What one handler reads from the event; the handler macro builds it as a
/// `static`.
///
/// Each list is indexed by the handler's arguments: [`Scanned::parameter`]
/// `(i)` is the value of `parameters[i]`, and so on.
///
/// ```
/// use connect_types::extract::EventPlan;
///
/// static PLAN: EventPlan = EventPlan {
///     parameters: &["companyName", "age"],
///     attributes: &["greetingPlayed"],
///     contact_paths: &["CustomerEndpoint.Address", "References.key1.Value"],
///     contact_data: false,
/// };
/// assert_eq!(PLAN.parameters[0], "companyName");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventPlan {
    /// Keys in `Details.Parameters`.
    pub parameters: &'static [&'static str],
    /// Keys in `Details.ContactData.Attributes`.
    pub attributes: &'static [&'static str],
    /// Dotted paths in Connect's names under `Details.ContactData`:
    /// `"CustomerEndpoint.Address"`, `"References.key1.Value"`,
    /// `"Tags.dept"`, `"Queue"` (a whole object).
    pub contact_paths: &'static [&'static str],
    /// Whether the handler takes the whole `ContactData` (see
    /// [`Scanned::contact_data`]).
    pub contact_data: bool,
}

/// Slots held inline up to this many (parameters + attributes + contact
/// paths); a bigger plan takes one allocation.
const INLINE_SLOTS: usize = 16;

// The size is the point: the inline slots keep a scan allocation-free.
#[allow(clippy::large_enum_variant)]
enum Slots<'de> {
    Inline([Option<&'de RawValue>; INLINE_SLOTS]),
    Heap(Box<[Option<&'de RawValue>]>),
}

/// The values a [`scan`] found, borrowed from the event body.
///
/// A value the event holds as `null` is there (a `RawValue` of `null`);
/// [`optional`](super::optional) reads it as `None`.
///
/// ```
/// use connect_types::extract::{scan, EventPlan};
///
/// static PLAN: EventPlan = EventPlan {
///     parameters: &["companyName"],
///     attributes: &["greetingPlayed"],
///     contact_paths: &["CustomerEndpoint.Address"],
///     contact_data: false,
/// };
/// let body = br#"{"Details": {
///     "ContactData": {"Attributes": {}, "CustomerEndpoint": {"Address": "+15550100", "Type": "TELEPHONE_NUMBER"}},
///     "Parameters": {"companyName": "GGG"}
/// }, "Name": "ContactFlowEvent"}"#;
/// let scanned = scan(body, &PLAN).unwrap();
/// assert_eq!(scanned.parameter(0).unwrap().get(), r#""GGG""#);
/// assert!(scanned.attribute(0).is_none());
/// assert_eq!(scanned.contact(0).unwrap().get(), r#""+15550100""#);
/// assert!(scanned.contact_data().is_none());
/// ```
pub struct Scanned<'de> {
    slots: Slots<'de>,
    parameters: usize,
    attributes: usize,
    contacts: usize,
    contact_data: Option<&'de RawValue>,
}

impl<'de> Scanned<'de> {
    fn new(plan: &EventPlan) -> Self {
        let (parameters, attributes, contacts) = (
            plan.parameters.len(),
            plan.attributes.len(),
            plan.contact_paths.len(),
        );
        let total = parameters + attributes + contacts;
        let slots = if total <= INLINE_SLOTS {
            Slots::Inline([None; INLINE_SLOTS])
        } else {
            Slots::Heap(vec![None; total].into_boxed_slice())
        };
        Scanned {
            slots,
            parameters,
            attributes,
            contacts,
            contact_data: None,
        }
    }

    fn slots(&self) -> &[Option<&'de RawValue>] {
        match &self.slots {
            Slots::Inline(slots) => slots,
            Slots::Heap(slots) => slots,
        }
    }

    fn slots_mut(&mut self) -> &mut [Option<&'de RawValue>] {
        match &mut self.slots {
            Slots::Inline(slots) => slots,
            Slots::Heap(slots) => slots,
        }
    }

    fn get(&self, index: usize) -> Option<&'de RawValue> {
        self.slots().get(index).copied().flatten()
    }

    /// The value of `plan.parameters[index]` in `Details.Parameters`; `None`
    /// when absent (or `index` is out of range).
    ///
    /// ```
    /// use connect_types::extract::{scan, EventPlan};
    ///
    /// static PLAN: EventPlan = EventPlan {
    ///     parameters: &["age"],
    ///     attributes: &[],
    ///     contact_paths: &[],
    ///     contact_data: false,
    /// };
    /// let scanned = scan(br#"{"Details": {"Parameters": {"age": 10}}}"#, &PLAN).unwrap();
    /// assert_eq!(scanned.parameter(0).unwrap().get(), "10");
    /// assert!(scanned.parameter(1).is_none());
    /// ```
    pub fn parameter(&self, index: usize) -> Option<&'de RawValue> {
        if index < self.parameters {
            self.get(index)
        } else {
            None
        }
    }

    /// The value of `plan.attributes[index]` in
    /// `Details.ContactData.Attributes`; `None` when absent.
    ///
    /// ```
    /// use connect_types::extract::{scan, EventPlan};
    ///
    /// static PLAN: EventPlan = EventPlan {
    ///     parameters: &[],
    ///     attributes: &["greetingPlayed"],
    ///     contact_paths: &[],
    ///     contact_data: false,
    /// };
    /// let body = br#"{"Details": {"ContactData": {"Attributes": {"greetingPlayed": "true"}}}}"#;
    /// let scanned = scan(body, &PLAN).unwrap();
    /// assert_eq!(scanned.attribute(0).unwrap().get(), r#""true""#);
    /// ```
    pub fn attribute(&self, index: usize) -> Option<&'de RawValue> {
        if index < self.attributes {
            self.get(self.parameters + index)
        } else {
            None
        }
    }

    /// The value at `plan.contact_paths[index]` under
    /// `Details.ContactData`; `None` when absent or when a parent on the path
    /// is null.
    ///
    /// ```
    /// use connect_types::extract::{scan, EventPlan};
    ///
    /// static PLAN: EventPlan = EventPlan {
    ///     parameters: &[],
    ///     attributes: &[],
    ///     contact_paths: &["CustomerEndpoint.Address", "Queue.Name"],
    ///     contact_data: false,
    /// };
    /// let body = br#"{"Details": {"ContactData": {
    ///     "CustomerEndpoint": {"Address": "+15550100"}, "Queue": null}}}"#;
    /// let scanned = scan(body, &PLAN).unwrap();
    /// assert_eq!(scanned.contact(0).unwrap().get(), r#""+15550100""#);
    /// assert!(scanned.contact(1).is_none());
    /// ```
    pub fn contact(&self, index: usize) -> Option<&'de RawValue> {
        if index < self.contacts {
            self.get(self.parameters + self.attributes + index)
        } else {
            None
        }
    }

    /// The whole `Details.ContactData` when `plan.contact_data` is set;
    /// `None` when the plan does not ask for it or the event has none.
    ///
    /// ```
    /// use connect_types::extract::{scan, EventPlan};
    ///
    /// static PLAN: EventPlan = EventPlan {
    ///     parameters: &[],
    ///     attributes: &[],
    ///     contact_paths: &[],
    ///     contact_data: true,
    /// };
    /// let body = br#"{"Details": {"ContactData": {"Channel": "VOICE"}, "Parameters": {}}}"#;
    /// let scanned = scan(body, &PLAN).unwrap();
    /// assert_eq!(scanned.contact_data().unwrap().get(), r#"{"Channel": "VOICE"}"#);
    /// ```
    pub fn contact_data(&self) -> Option<&'de RawValue> {
        self.contact_data
    }
}

/// Value-free: which slots are filled, not with what.
impl fmt::Debug for Scanned<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let present = |from: usize, len: usize| -> Vec<bool> {
            (from..from + len).map(|i| self.get(i).is_some()).collect()
        };
        f.debug_struct("Scanned")
            .field("parameters", &present(0, self.parameters))
            .field("attributes", &present(self.parameters, self.attributes))
            .field(
                "contacts",
                &present(self.parameters + self.attributes, self.contacts),
            )
            .field("contact_data", &self.contact_data.is_some())
            .finish()
    }
}

/// Reads, in one pass over `body`, the values `plan` asks for.
///
/// The body is checked to be UTF-8 once, then parsed without building
/// anything that is not asked for. Every captured value is a borrowed slice
/// of `body`.
///
/// Errors: not UTF-8, not JSON, trailing characters: `MalformedEvent`. A
/// root that is not an object, a missing or null `Details`, `Parameters` or
/// `Attributes` that is not an object (or null), a non-object parent on a
/// contact path, a key repeated in an object the scan reads: `InvalidEvent`
/// naming the path.
///
/// ```
/// use connect_types::error::ErrorType;
/// use connect_types::extract::{scan, EventPlan};
///
/// static PLAN: EventPlan = EventPlan {
///     parameters: &["companyName"],
///     attributes: &[],
///     contact_paths: &[],
///     contact_data: false,
/// };
///
/// let body = br#"{"Details": {"Parameters": {"companyName": "GGG", "companyName": "HHH"}}}"#;
/// let error = scan(body, &PLAN).unwrap_err();
/// assert_eq!(error.kind(), ErrorType::InvalidEvent);
/// assert_eq!(error.to_string(), "duplicate key `Details.Parameters.companyName`");
///
/// let error = scan(br#"{"Name": "ContactFlowEvent"}"#, &PLAN).unwrap_err();
/// assert_eq!(error.to_string(), "Details: missing, expected an object");
/// ```
pub fn scan<'de>(body: &'de [u8], plan: &EventPlan) -> Result<Scanned<'de>, ExtractError> {
    let text = std::str::from_utf8(body).map_err(ExtractError::utf8)?;
    let mut cx = Cx {
        plan,
        out: Scanned::new(plan),
        error: None,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Obj {
        cx: &mut cx,
        body: Root,
    }
    .deserialize(&mut de);
    match result {
        Ok(()) => {
            de.end().map_err(ExtractError::from_json)?;
            Ok(cx.out)
        }
        Err(error) => match cx.error.take() {
            // A malformed body is a `MalformedEvent` even when the scan met a
            // wrong shape first.
            Some(error) => Err(error.resolve(text)),
            None => Err(ExtractError::from_json(error)),
        },
    }
}

/// The scan's state: the plan, the slots being filled, and the structured
/// error waiting while serde_json carries a placeholder up.
struct Cx<'p, 'de> {
    plan: &'p EventPlan,
    out: Scanned<'de>,
    error: Option<ExtractError>,
}

impl Cx<'_, '_> {
    #[cold]
    #[inline(never)]
    fn fail<E: de::Error>(&mut self, error: ExtractError) -> E {
        self.error = Some(error);
        E::custom("connect-lambda: scan error")
    }

    fn parameter_base(&self) -> usize {
        0
    }

    fn attribute_base(&self) -> usize {
        self.plan.parameters.len()
    }

    fn contact_base(&self) -> usize {
        self.plan.parameters.len() + self.plan.attributes.len()
    }

    /// Whether anything under `ContactData` is asked for, besides the whole.
    fn reads_inside_contact_data(&self) -> bool {
        !self.plan.attributes.is_empty() || !self.plan.contact_paths.is_empty()
    }
}

/// Where an object is, for error paths (rendered only on error).
#[derive(Clone, Copy)]
enum At {
    Root,
    Static(&'static str),
    /// Under `Details.ContactData`: a prefix of a contact path.
    Contact(&'static str),
}

impl At {
    fn render(self) -> String {
        match self {
            At::Root => String::new(),
            At::Static(path) => path.to_owned(),
            At::Contact(prefix) => format!("Details.ContactData.{prefix}"),
        }
    }

    fn child(self, key: &str) -> String {
        match self {
            At::Root => key.to_owned(),
            _ => format!("{}.{key}", self.render()),
        }
    }
}

/// What to do with one object's entries.
trait Body<'de>: Sized {
    fn at(&self) -> At;
    /// A null here is an empty object (else an error).
    fn null_is_empty(&self) -> bool;
    fn entries<A: MapAccess<'de>>(self, cx: &mut Cx<'_, 'de>, map: A) -> Result<(), A::Error>;
}

/// Reads one object with `body`; anything but an object (or an allowed
/// null) is an error naming the object's path and what was found.
struct Obj<'c, 'p, 'de, B> {
    cx: &'c mut Cx<'p, 'de>,
    body: B,
}

impl<'de, B: Body<'de>> Obj<'_, '_, 'de, B> {
    #[cold]
    fn wrong<E: de::Error>(self, found: &'static str) -> E {
        let path = self.body.at().render();
        self.cx
            .fail(ExtractError::invalid_type_at(path, "an object", found))
    }
}

impl<'de, B: Body<'de>> DeserializeSeed<'de> for Obj<'_, '_, 'de, B> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, B: Body<'de>> Visitor<'de> for Obj<'_, '_, 'de, B> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.body.entries(self.cx, map)
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        if self.body.null_is_empty() {
            Ok(())
        } else {
            Err(self.wrong("null"))
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(self.wrong("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(self.wrong("an integer"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(self.wrong("an integer"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(self.wrong("a floating-point number"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(self.wrong("a string"))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(self.wrong("an array"))
    }
}

/// A key compared with a list of wanted keys, without copying it: the
/// position of the first equal one.
struct KeyIn<'k>(&'k [&'static str]);

impl<'de> DeserializeSeed<'de> for KeyIn<'_> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<usize>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIn<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|wanted| same(wanted, key)))
    }
}

/// `a == b`, deciding most unequal keys without a `memcmp` call: keys are
/// short and most differ in length or first byte.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// The event itself.
struct Root;

impl<'de> Body<'de> for Root {
    fn at(&self) -> At {
        At::Root
    }

    fn null_is_empty(&self) -> bool {
        false
    }

    fn entries<A: MapAccess<'de>>(self, cx: &mut Cx<'_, 'de>, mut map: A) -> Result<(), A::Error> {
        let mut details = false;
        while let Some(key) = map.next_key_seed(KeyIn(&["Details"]))? {
            if key.is_none() {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            if details {
                return Err(cx.fail(ExtractError::duplicate_key("Details".to_owned())));
            }
            details = true;
            map.next_value_seed(Obj {
                cx: &mut *cx,
                body: Details,
            })?;
        }
        if !details {
            return Err(cx.fail(ExtractError::missing_object("Details")));
        }
        Ok(())
    }
}

/// `Details`: `ContactData` and `Parameters`.
struct Details;

const CONTACT_DATA: usize = 0;
const PARAMETERS: usize = 1;

impl<'de> Body<'de> for Details {
    fn at(&self) -> At {
        At::Static("Details")
    }

    fn null_is_empty(&self) -> bool {
        false
    }

    fn entries<A: MapAccess<'de>>(self, cx: &mut Cx<'_, 'de>, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 2];
        while let Some(key) = map.next_key_seed(KeyIn(&["ContactData", "Parameters"]))? {
            let Some(key) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if std::mem::replace(&mut seen[key], true) {
                let path = ["Details.ContactData", "Details.Parameters"][key];
                return Err(cx.fail(ExtractError::duplicate_key(path.to_owned())));
            }
            match key {
                CONTACT_DATA if cx.plan.contact_data => {
                    let raw: &'de RawValue = map.next_value()?;
                    if raw.get() != "null" {
                        cx.out.contact_data = Some(raw);
                    }
                    if cx.reads_inside_contact_data() {
                        rescan(cx, raw, ContactLevel { prefix: "" })?;
                    }
                }
                CONTACT_DATA if cx.reads_inside_contact_data() => {
                    map.next_value_seed(Obj {
                        cx: &mut *cx,
                        body: ContactLevel { prefix: "" },
                    })?;
                }
                PARAMETERS if !cx.plan.parameters.is_empty() => {
                    let base = cx.parameter_base();
                    let keys = cx.plan.parameters;
                    map.next_value_seed(Obj {
                        cx: &mut *cx,
                        body: Keys {
                            keys,
                            base,
                            at: At::Static("Details.Parameters"),
                        },
                    })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// Scans an already captured value (well-formed: it came out of the same
/// parse) with another body, when one value has two readers.
fn rescan<'de, B: Body<'de>, E: de::Error>(
    cx: &mut Cx<'_, 'de>,
    raw: &'de RawValue,
    body: B,
) -> Result<(), E> {
    let mut de = serde_json::Deserializer::from_str(raw.get());
    match (Obj { cx: &mut *cx, body }).deserialize(&mut de) {
        Ok(()) => Ok(()),
        Err(error) => match cx.error.take() {
            Some(parked) => Err(cx.fail(parked)),
            None => Err(cx.fail(ExtractError::from_json(error))),
        },
    }
}

/// `Parameters` or `Attributes`: the wanted keys' values.
struct Keys {
    keys: &'static [&'static str],
    /// Index of `keys[0]`'s slot.
    base: usize,
    at: At,
}

impl<'de> Body<'de> for Keys {
    fn at(&self) -> At {
        self.at
    }

    fn null_is_empty(&self) -> bool {
        true
    }

    fn entries<A: MapAccess<'de>>(self, cx: &mut Cx<'_, 'de>, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(KeyIn(self.keys))? {
            let Some(index) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if cx.out.get(self.base + index).is_some() {
                let path = self.at.child(self.keys[index]);
                return Err(cx.fail(ExtractError::duplicate_key(path)));
            }
            let raw: &'de RawValue = map.next_value()?;
            let wanted = self.keys[index];
            // A key listed twice in the plan fills every slot it names.
            for (i, key) in self.keys.iter().enumerate().skip(index) {
                if *key == wanted {
                    if let Some(slot) = cx.out.slots_mut().get_mut(self.base + i) {
                        *slot = Some(raw);
                    }
                }
            }
        }
        Ok(())
    }
}

/// An object on the way down the contact paths: `ContactData` itself
/// (`prefix` empty) or the object at `prefix` under it.
struct ContactLevel {
    prefix: &'static str,
}

/// How a contact path relates to a key at some level.
enum PathStep {
    /// The key is the path's last segment.
    Leaf,
    /// The path goes on below the key; the prefix through the key.
    Descend(&'static str),
}

/// `path` against `key` below `prefix`: `prefix.key` is the whole path
/// (leaf) or a prefix of it (descend). Keys holding dots match too.
fn step(path: &'static str, prefix: &str, key: &str) -> Option<PathStep> {
    let rest = if prefix.is_empty() {
        path
    } else {
        path.strip_prefix(prefix)?.strip_prefix('.')?
    };
    if rest.as_bytes().first() != key.as_bytes().first() {
        return None;
    }
    let after = rest.strip_prefix(key)?;
    if after.is_empty() {
        Some(PathStep::Leaf)
    } else if after.starts_with('.') {
        Some(PathStep::Descend(&path[..path.len() - after.len()]))
    } else {
        None
    }
}

/// What a key at a contact level is wanted for.
#[derive(Default)]
struct Wanted {
    /// `Attributes` under `ContactData`, with attribute keys in the plan.
    attributes: bool,
    /// The first contact path ending at this key.
    leaf: Option<usize>,
    /// The first contact path going on below this key, and the prefix
    /// through the key.
    descend: Option<(usize, &'static str)>,
}

impl Wanted {
    /// The key's identity at its level, for duplicate detection.
    fn id(&self) -> Option<usize> {
        match (self.leaf, self.descend) {
            (Some(leaf), Some((descend, _))) => Some(leaf.min(descend)),
            (Some(leaf), None) => Some(leaf),
            (None, Some((descend, _))) => Some(descend),
            (None, None) => None,
        }
    }
}

struct ContactKey<'p> {
    paths: &'p [&'static str],
    prefix: &'static str,
    attributes: bool,
}

impl<'de> DeserializeSeed<'de> for ContactKey<'_> {
    type Value = Wanted;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Wanted, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for ContactKey<'_> {
    type Value = Wanted;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Wanted, E> {
        let mut wanted = Wanted {
            attributes: self.attributes && key == "Attributes",
            ..Wanted::default()
        };
        for (index, path) in self.paths.iter().enumerate() {
            match step(path, self.prefix, key) {
                Some(PathStep::Leaf) if wanted.leaf.is_none() => wanted.leaf = Some(index),
                Some(PathStep::Descend(prefix)) if wanted.descend.is_none() => {
                    wanted.descend = Some((index, prefix));
                }
                _ => {}
            }
        }
        Ok(wanted)
    }
}

/// Contact path indexes already met at one level (duplicate keys).
struct Seen {
    low: u64,
    high: Vec<usize>,
}

impl Seen {
    /// Marks `index`; whether it was marked already.
    fn insert(&mut self, index: usize) -> bool {
        if index < 64 {
            let bit = 1u64 << index;
            let seen = self.low & bit != 0;
            self.low |= bit;
            seen
        } else if self.high.contains(&index) {
            true
        } else {
            self.high.push(index);
            false
        }
    }
}

impl<'de> Body<'de> for ContactLevel {
    fn at(&self) -> At {
        if self.prefix.is_empty() {
            At::Static("Details.ContactData")
        } else {
            At::Contact(self.prefix)
        }
    }

    fn null_is_empty(&self) -> bool {
        true
    }

    fn entries<A: MapAccess<'de>>(self, cx: &mut Cx<'_, 'de>, mut map: A) -> Result<(), A::Error> {
        let paths = cx.plan.contact_paths;
        let attributes = self.prefix.is_empty() && !cx.plan.attributes.is_empty();
        let mut seen = Seen {
            low: 0,
            high: Vec::new(),
        };
        let mut seen_attributes = false;
        loop {
            let key = ContactKey {
                paths,
                prefix: self.prefix,
                attributes,
            };
            let Some(wanted) = map.next_key_seed(key)? else {
                break;
            };
            let id = wanted.id();
            if !wanted.attributes && id.is_none() {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let repeated = (wanted.attributes && std::mem::replace(&mut seen_attributes, true))
                | id.is_some_and(|id| seen.insert(id));
            if repeated {
                let path = match (wanted.leaf, wanted.descend) {
                    (Some(leaf), _) => self.at().child(leaf_key(paths[leaf], self.prefix)),
                    (None, Some((_, prefix))) => At::Contact(prefix).render(),
                    (None, None) => "Details.ContactData.Attributes".to_owned(),
                };
                return Err(cx.fail(ExtractError::duplicate_key(path)));
            }
            let attributes_body = Keys {
                keys: cx.plan.attributes,
                base: cx.attribute_base(),
                at: At::Static("Details.ContactData.Attributes"),
            };
            match (wanted.leaf, wanted.descend) {
                (None, None) => {
                    map.next_value_seed(Obj {
                        cx: &mut *cx,
                        body: attributes_body,
                    })?;
                }
                (None, Some((_, prefix))) if !wanted.attributes => {
                    map.next_value_seed(Obj {
                        cx: &mut *cx,
                        body: ContactLevel { prefix },
                    })?;
                }
                (leaf, descend) => {
                    // More than one reader (or a leaf): capture once, then
                    // let the others read the capture.
                    let raw: &'de RawValue = map.next_value()?;
                    if let Some(leaf) = leaf {
                        let base = cx.contact_base();
                        let wanted_path = paths[leaf];
                        for (i, path) in paths.iter().enumerate().skip(leaf) {
                            if *path == wanted_path {
                                if let Some(slot) = cx.out.slots_mut().get_mut(base + i) {
                                    *slot = Some(raw);
                                }
                            }
                        }
                    }
                    if wanted.attributes {
                        rescan(cx, raw, attributes_body)?;
                    }
                    if let Some((_, prefix)) = descend {
                        rescan(cx, raw, ContactLevel { prefix })?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// The last segment of a leaf path below `prefix` (the key itself, dots
/// and all).
fn leaf_key(path: &'static str, prefix: &str) -> &'static str {
    if prefix.is_empty() {
        path
    } else {
        path.get(prefix.len() + 1..).unwrap_or(path)
    }
}
