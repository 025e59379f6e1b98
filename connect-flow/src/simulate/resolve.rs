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
    /// text: how Connect writes such a value into text is `[UNCONFIRMED]`.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(text: &str) -> Vec<Vec<&str>> {
        references(text).into_iter().map(|f| f.segments).collect()
    }

    #[test]
    fn references_in_text() {
        assert_eq!(
            segments("Your balance is $.External.balance. Bye $.Attributes.['first name']!"),
            [
                vec!["External", "balance"],
                vec!["Attributes", "first name"]
            ]
        );
        assert_eq!(
            segments("$['AwsRegion'] and $.Attributes['k']"),
            [vec!["AwsRegion"], vec!["Attributes", "k"]]
        );
        assert_eq!(
            segments("costs $5, $. and $.['unclosed"),
            Vec::<Vec<&str>>::new()
        );
        assert!(whole_reference(" $.Attributes.queue ").is_some());
        assert!(whole_reference("queue $.Attributes.queue").is_none());
        assert!(whole_reference("$.Attributes.queue!").is_none());
    }

    #[test]
    fn namespaces() {
        let contact = Contact::voice("+15550100").data("$.Customer.FirstName", "Jane");
        let attributes = BTreeMap::from([("first name".to_owned(), "Ann".to_owned())]);
        let external = serde_json::json!({"a": {"b": 2}, "s": "x"});
        let flow_attributes = BTreeMap::new();
        let scope = Scope {
            contact: &contact,
            contact_id: "c",
            attributes: &attributes,
            external: external.as_object().unwrap(),
            flow_attributes: &flow_attributes,
            stored_input: Some("42"),
            lex_intent: None,
            queue: None,
        };
        let value = |text: &str| {
            let found = &references(text)[0];
            scope.resolve(text, found)
        };
        let text = |s: &'static str| Resolved::Text(Cow::Borrowed(s));
        assert_eq!(value("$.Attributes.['first name']"), text("Ann"));
        assert_eq!(value("$.External.s"), text("x"));
        assert_eq!(value("$.External.a.b"), Resolved::Json("2".into()));
        assert_eq!(value("$.External.a.c"), Resolved::Unset);
        assert_eq!(value("$.StoredCustomerInput"), text("42"));
        assert_eq!(value("$.CustomerEndpoint.Address"), text("+15550100"));
        assert_eq!(value("$.Channel"), text("VOICE"));
        assert_eq!(value("$.Lex.IntentName"), Resolved::Unset);
        assert_eq!(value("$.Customer.FirstName"), text("Jane"));
        assert_eq!(value("$.Views.Action"), Resolved::NotSimulated);
    }
}
