//! Resolving the flow language's JSONPath references (`$.Attributes.x`,
//! `$.External.a.b`, `$.StoredCustomerInput`, contact data), alone in a
//! field or embedded in text.
//!
//! The grammar read: `$` then segments, each `.key` (`[A-Za-z0-9_-]+`) or
//! `['any key']` (with or without a `.` before it). A `.` not followed by a
//! key ends the reference, so sentence punctuation stays text
//! ("your balance is $.External.balance.").

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::contact::Contact;

/// Where a reference's value comes from during a run.
pub(crate) struct Scope<'a> {
    pub(crate) contact: &'a Contact,
    pub(crate) contact_id: &'a str,
    pub(crate) attributes: &'a BTreeMap<String, String>,
    pub(crate) external: &'a Map<String, Value>,
    pub(crate) flow_attributes: &'a BTreeMap<String, String>,
    pub(crate) stored_input: Option<&'a str>,
    pub(crate) lex_intent: Option<&'a str>,
    pub(crate) queue: Option<&'a str>,
}

/// A reference's value, or why it has none.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Resolved<'a> {
    /// A value, as text.
    Text(Cow<'a, str>),
    /// A number, boolean, object or array (JSON validation), as its JSON
    /// text: how Connect writes such a value into text is [UNCONFIRMED].
    Json(String),
    /// A known namespace without this key (an unset attribute, a key the
    /// last Lambda did not return).
    Unset,
    /// A namespace the simulator does not keep, and the test did not give
    /// (`Contact::data`).
    NotSimulated,
}

/// One reference found in a text: its byte range and its segments.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found<'t> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) segments: Vec<&'t str>,
}

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// The reference starting at `start` (a `$`), if one does.
fn scan(text: &str, start: usize) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    let mut pos = start + 1;
    let mut segments = Vec::new();
    loop {
        match bytes.get(pos) {
            Some(b'.') if bytes.get(pos + 1).copied().is_some_and(is_key_byte) => {
                let from = pos + 1;
                let mut to = from;
                while bytes.get(to).copied().is_some_and(is_key_byte) {
                    to += 1;
                }
                segments.push(&text[from..to]);
                pos = to;
            }
            Some(b'.') if bytes.get(pos + 1) == Some(&b'[') => pos += 1,
            Some(b'[') if bytes.get(pos + 1) == Some(&b'\'') => {
                let from = pos + 2;
                let close = text[from..].find("']")?;
                segments.push(&text[from..from + close]);
                pos = from + close + 2;
            }
            _ => break,
        }
    }
    (!segments.is_empty()).then_some(Found {
        start,
        end: pos,
        segments,
    })
}

/// Every reference in `text`, in order.
pub(crate) fn references(text: &str) -> Vec<Found<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find('$') {
        let start = from + offset;
        match scan(text, start) {
            Some(reference) => {
                from = reference.end;
                found.push(reference);
            }
            None => from = start + 1,
        }
    }
    found
}

/// The reference that is the whole of `text` (surrounding spaces aside),
/// for fields that take "a single JSONPath identifier".
pub(crate) fn whole_reference(text: &str) -> Option<Found<'_>> {
    let trimmed = text.trim();
    let start = text.len() - text.trim_start().len();
    if !trimmed.starts_with('$') {
        return None;
    }
    scan(text, start).filter(|f| f.end == start + trimmed.len())
}

fn json_text(value: &Value) -> Resolved<'_> {
    match value {
        Value::String(s) => Resolved::Text(Cow::Borrowed(s)),
        other => Resolved::Json(other.to_string()),
    }
}

impl<'a> Scope<'a> {
    /// The value of the reference `found` in `text`.
    pub(crate) fn resolve(&self, text: &str, found: &Found<'_>) -> Resolved<'a> {
        let segments = &found.segments;
        let text_of = |s: &'a str| Resolved::Text(Cow::Borrowed(s));
        let opt = |s: Option<&'a str>| s.map_or(Resolved::Unset, text_of);
        let given = || {
            self.contact
                .data
                .get(&text[found.start..found.end])
                .map_or(Resolved::NotSimulated, |v| text_of(v))
        };
        match segments.as_slice() {
            ["Attributes", key] => opt(self.attributes.get(*key).map(String::as_str)),
            ["FlowAttributes", key] => opt(self.flow_attributes.get(*key).map(String::as_str)),
            ["External", keys @ ..] if !keys.is_empty() => {
                let mut value = self.external.get(keys[0]);
                for key in &keys[1..] {
                    value = value.and_then(|v| v.get(key));
                }
                value.map_or(Resolved::Unset, json_text)
            }
            ["StoredCustomerInput"] => opt(self.stored_input),
            ["Channel"] => text_of(self.contact.channel.as_str()),
            ["ContactId"] | ["InitialContactId"] => text_of(self.contact_id),
            ["CustomerEndpoint", "Address"] => opt(self.contact.customer.as_deref()),
            ["SystemEndpoint", "Address"] => opt(self.contact.system.as_deref()),
            ["LanguageCode"] => opt(self.contact.language.as_deref()),
            ["Lex", "IntentName"] => opt(self.lex_intent),
            ["Queue", "ARN"] => opt(self.queue),
            _ => given(),
        }
    }
}
