//! The plan-driven scanner: one pass over the event that captures, as
//! borrowed [`RawValue`]s, only the values one handler reads, and skips the
//! rest without building it (with [`Reader`], which accepts what
//! serde_json's `IgnoredAny` accepts).
//!
//! The walk is root -> `Details` -> `ContactData` (-> `Attributes` and the
//! contact paths) and `Parameters`. Keys come in any order. Null or absent
//! `Parameters` / `Attributes` / `ContactData` are empty; a null parent on a
//! contact path leaves the path's value absent. A key repeated in an object
//! the scanner reads is an error when the plan reads it or the walk goes
//! through it.

use std::fmt;

use serde::de::IgnoredAny;
use serde_json::value::RawValue;

use super::error::Message;
use super::reader::{RawKey, Reader, Syntax};
use super::ExtractError;
use crate::error::ErrorType;

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
/// The body is checked to be UTF-8 (string by string, as it is read) and
/// parsed without building anything that is not asked for. Every captured value is a borrowed slice
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
    let mut cx = Cx {
        plan,
        out: Scanned::new(plan),
    };
    // The reader checks UTF-8 string by string: a body it reads to the end
    // is UTF-8.
    let mut reader = Reader::new(body);
    match root(&mut cx, &mut reader).and_then(|()| Ok(reader.end()?)) {
        Ok(()) => Ok(cx.out),
        Err(fail) => Err(failed(body, fail)),
    }
}

/// The error of a failed scan. A body that is not UTF-8 is that error,
/// whatever the reader met first; then a malformed body is a
/// `MalformedEvent` even when the scan met a wrong shape first.
#[cold]
#[inline(never)]
fn failed(body: &[u8], fail: Fail) -> ExtractError {
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(error) => return ExtractError::utf8(error),
    };
    match fail {
        Fail::Syntax => syntax_error(text),
        Fail::Invalid(error) => error.resolve(text),
    }
}

/// serde_json's message and position for the syntax error in `text`.
#[cold]
#[inline(never)]
fn syntax_error(text: &str) -> ExtractError {
    match serde_json::from_str::<IgnoredAny>(text) {
        Err(error) => ExtractError::from_json(error),
        // The reader and serde_json disagree (they must not): still malformed.
        Ok(_) => ExtractError::new(ErrorType::MalformedEvent, Message::Foreign),
    }
}

/// Why the walk stopped.
enum Fail {
    Syntax,
    Invalid(ExtractError),
}

impl From<Syntax> for Fail {
    fn from(_: Syntax) -> Self {
        Fail::Syntax
    }
}

impl From<ExtractError> for Fail {
    fn from(error: ExtractError) -> Self {
        Fail::Invalid(error)
    }
}

/// The scan's state: the plan and the slots being filled.
struct Cx<'p, 'de> {
    plan: &'p EventPlan,
    out: Scanned<'de>,
}

impl<'de> Cx<'_, 'de> {
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

    /// Puts `raw` in slot `base + index` and in every later slot of `names`
    /// with the same name (a name listed twice in the plan).
    fn fill(&mut self, base: usize, names: &[&str], index: usize, raw: &'de RawValue) {
        let name = names[index];
        for (i, other) in names.iter().enumerate().skip(index) {
            if *other == name {
                if let Some(slot) = self.out.slots_mut().get_mut(base + i) {
                    *slot = Some(raw);
                }
            }
        }
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

/// Reads the object ahead with `entry` (which consumes each value). A null
/// is an empty object when `null_is_empty`; anything else is an error naming
/// `at` and what was found.
fn object<'de>(
    cx: &mut Cx<'_, 'de>,
    reader: &mut Reader<'de>,
    at: At,
    null_is_empty: bool,
    mut entry: impl FnMut(&mut Cx<'_, 'de>, &mut Reader<'de>, RawKey<'de>) -> Result<(), Fail>,
) -> Result<(), Fail> {
    match reader.peek() {
        Some(b'{') => reader.object(|reader, key| entry(cx, reader, key)),
        Some(b'n') if null_is_empty => {
            reader.null()?;
            Ok(())
        }
        _ => Err(wrong_shape(at, reader)),
    }
}

#[cold]
#[inline(never)]
fn wrong_shape(at: At, reader: &mut Reader<'_>) -> Fail {
    Fail::Invalid(ExtractError::invalid_type_at(
        at.render(),
        "an object",
        reader.kind_ahead(),
    ))
}

#[cold]
#[inline(never)]
fn duplicate(path: String) -> Fail {
    Fail::Invalid(ExtractError::duplicate_key(path))
}

/// `a == b`, deciding most unequal keys without a `memcmp` call: keys are
/// short and most differ in length or first byte.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.first() == b.first() && a == b
}

/// The position of `key` in `names`.
#[inline]
fn position(key: &RawKey<'_>, names: &[&str]) -> Option<usize> {
    if key.escaped {
        let text = key.text()?;
        names.iter().position(|name| name.as_bytes() == &*text)
    } else {
        names
            .iter()
            .position(|name| same(name.as_bytes(), key.inner))
    }
}

/// The event itself.
fn root<'de>(cx: &mut Cx<'_, 'de>, reader: &mut Reader<'de>) -> Result<(), Fail> {
    let mut details = false;
    object(cx, reader, At::Root, false, |cx, reader, key| {
        if position(&key, &["Details"]).is_none() {
            return Ok(reader.skip()?);
        }
        if std::mem::replace(&mut details, true) {
            return Err(duplicate("Details".to_owned()));
        }
        self::details(cx, reader)
    })?;
    if !details {
        return Err(ExtractError::missing_object("Details").into());
    }
    Ok(())
}

/// `Details`: `ContactData` and `Parameters`.
fn details<'de>(cx: &mut Cx<'_, 'de>, reader: &mut Reader<'de>) -> Result<(), Fail> {
    const NAMES: [&str; 2] = ["ContactData", "Parameters"];
    let mut seen = [false; 2];
    object(
        cx,
        reader,
        At::Static("Details"),
        false,
        |cx, reader, key| {
            let Some(index) = position(&key, &NAMES) else {
                return Ok(reader.skip()?);
            };
            if std::mem::replace(&mut seen[index], true) {
                return Err(duplicate(format!("Details.{}", NAMES[index])));
            }
            if index == 0 {
                if cx.plan.contact_data {
                    // One pass: read inside on the way through, then take
                    // the whole text.
                    let start = reader.mark();
                    if cx.reads_inside_contact_data() {
                        contact_level(cx, reader, "")?;
                    } else {
                        reader.skip()?;
                    }
                    let raw = reader.since(start)?;
                    if raw.get() != "null" {
                        cx.out.contact_data = Some(raw);
                    }
                    Ok(())
                } else if cx.reads_inside_contact_data() {
                    contact_level(cx, reader, "")
                } else {
                    Ok(reader.skip()?)
                }
            } else if cx.plan.parameters.is_empty() {
                Ok(reader.skip()?)
            } else {
                let names = cx.plan.parameters;
                keys(cx, reader, names, 0, At::Static("Details.Parameters"))
            }
        },
    )
}

/// `Parameters` or `Attributes`: the values of `names`, into the slots from
/// `base`.
fn keys<'de>(
    cx: &mut Cx<'_, 'de>,
    reader: &mut Reader<'de>,
    names: &'static [&'static str],
    base: usize,
    at: At,
) -> Result<(), Fail> {
    object(cx, reader, at, true, |cx, reader, key| {
        let Some(index) = position(&key, names) else {
            return Ok(reader.skip()?);
        };
        if cx.out.get(base + index).is_some() {
            return Err(duplicate(at.child(names[index])));
        }
        let raw = reader.capture()?;
        cx.fill(base, names, index, raw);
        Ok(())
    })
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
#[inline]
fn step(path: &'static str, prefix: &str, key: &[u8]) -> Option<PathStep> {
    // Most keys match no path: decide that on a few bytes, before comparing
    // whole strings (the segment's first byte, and a `.` or the end where
    // the key would end).
    let bytes = path.as_bytes();
    let from = if prefix.is_empty() {
        0
    } else {
        prefix.len() + 1
    };
    let key_bytes = key;
    match (bytes.get(from), key_bytes.first()) {
        (Some(a), Some(b)) if a == b => {}
        (None, None) => {}
        _ => return None,
    }
    match bytes.get(from + key_bytes.len()) {
        None if bytes.len() == from + key_bytes.len() => {}
        Some(b'.') => {}
        _ => return None,
    }
    let rest = if prefix.is_empty() {
        path
    } else {
        path.strip_prefix(prefix)?.strip_prefix('.')?
    };
    let after = rest.as_bytes().strip_prefix(key)?;
    if after.is_empty() {
        Some(PathStep::Leaf)
    } else if after.first() == Some(&b'.') {
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
    #[inline]
    fn of(key: &[u8], paths: &[&'static str], prefix: &str, attributes: bool) -> Self {
        let mut wanted = Wanted {
            attributes: attributes && same(key, b"Attributes"),
            ..Wanted::default()
        };
        for (index, path) in paths.iter().enumerate() {
            match step(path, prefix, key) {
                Some(PathStep::Leaf) if wanted.leaf.is_none() => wanted.leaf = Some(index),
                Some(PathStep::Descend(prefix)) if wanted.descend.is_none() => {
                    wanted.descend = Some((index, prefix));
                }
                _ => {}
            }
        }
        wanted
    }

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

/// An object on the way down the contact paths: `ContactData` itself
/// (`prefix` empty) or the object at `prefix` under it.
fn contact_level<'de>(
    cx: &mut Cx<'_, 'de>,
    reader: &mut Reader<'de>,
    prefix: &'static str,
) -> Result<(), Fail> {
    let at = if prefix.is_empty() {
        At::Static("Details.ContactData")
    } else {
        At::Contact(prefix)
    };
    let paths = cx.plan.contact_paths;
    let attributes = prefix.is_empty() && !cx.plan.attributes.is_empty();
    let mut seen = Seen {
        low: 0,
        high: Vec::new(),
    };
    let mut seen_attributes = false;
    object(cx, reader, at, true, |cx, reader, key| {
        let text = key.text();
        let wanted = match &text {
            Some(text) => Wanted::of(text, paths, prefix, attributes),
            None => Wanted::default(),
        };
        let id = wanted.id();
        if !wanted.attributes && id.is_none() {
            return Ok(reader.skip()?);
        }
        let repeated = (wanted.attributes && std::mem::replace(&mut seen_attributes, true))
            | id.is_some_and(|id| seen.insert(id));
        if repeated {
            let path = match (wanted.leaf, wanted.descend) {
                (Some(leaf), _) => at.child(leaf_key(paths[leaf], prefix)),
                (None, Some((_, prefix))) => At::Contact(prefix).render(),
                (None, None) => "Details.ContactData.Attributes".to_owned(),
            };
            return Err(duplicate(path));
        }
        let attribute_names = cx.plan.attributes;
        let attributes_at = At::Static("Details.ContactData.Attributes");
        match (wanted.leaf, wanted.descend) {
            (None, None) => {
                let base = cx.attribute_base();
                keys(cx, reader, attribute_names, base, attributes_at)
            }
            (None, Some((_, prefix))) if !wanted.attributes => contact_level(cx, reader, prefix),
            (leaf, descend) => {
                // A leaf, or more than one reader: capture once, then let the
                // others read the capture.
                let raw = reader.capture()?;
                if let Some(leaf) = leaf {
                    let base = cx.contact_base();
                    cx.fill(base, paths, leaf, raw);
                }
                if wanted.attributes {
                    let base = cx.attribute_base();
                    let mut again = Reader::new(raw.get().as_bytes());
                    keys(cx, &mut again, attribute_names, base, attributes_at)?;
                }
                if let Some((_, prefix)) = descend {
                    contact_level(cx, &mut Reader::new(raw.get().as_bytes()), prefix)?;
                }
                Ok(())
            }
        }
    })
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
