//! The events of the cases: a Connect event full of planted values, and the
//! edits that break it. Helpers, no tests.

use super::*;

/// A Connect event with these `Parameters`, its other parts full of planted
/// values.
pub(super) fn event_value(parameters: Value) -> Value {
    json!({
        "Name": "ContactFlowEvent",
        "Details": {
            "ContactData": {
                "Attributes": {"accountHolder": "Jane Roe-SECRET", "vip": "SECRET-true"},
                "Channel": "VOICE",
                "ContactId": "SECRET-4a573372",
                "CustomerEndpoint": {"Address": PHONE, "Type": "TELEPHONE_NUMBER"},
                "InitiationMethod": "INBOUND",
                "Queue": {"ARN": "arn:SECRET", "Name": "SECRET-queue"},
                "SystemEndpoint": {"Address": "+15550199-SECRET", "Type": "TELEPHONE_NUMBER"}
            },
            "Parameters": parameters
        }
    })
}

pub(super) fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}

/// The good event each handler answers.
pub(super) fn good_event(which: Which) -> Vec<u8> {
    bytes(&event_value(good_parameters(which)))
}

pub(super) fn good_parameters(which: Which) -> Value {
    match which {
        Which::Tutorial | Which::WholeEvent => json!({"companyName": "Acme-SECRET"}),
        Which::Tally => json!({"label": "SECRET-label"}),
        Which::Transcript => json!({"word": "SECRET", "times": 3}),
        Which::Panicky => json!({"word": "SECRET-fine"}),
    }
}

/// The good event's response.
pub(super) fn good_response(which: Which) -> Value {
    match which {
        Which::Tutorial => json!({
            "customerBalance": format!("{}.00", PHONE.len()),
            "websiteUrl": format!("https://www.{}.example.com", "Acme-SECRET".len()),
        }),
        Which::WholeEvent => json!({"parameters": "1", "attributes": "2"}),
        Which::Tally => json!({"label": "SECRET-label"}),
        Which::Transcript => json!({"text": "SECRETSECRETSECRET"}),
        Which::Panicky => json!({"route": "queue-1"}),
    }
}

/// The tutorial event with `edit` applied to its JSON.
pub(super) fn edited(parameters: Value, edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut event = event_value(parameters);
    edit(&mut event);
    bytes(&event)
}

/// `depth` nested arrays around a planted string: `[[[..."SECRET"...]]]`.
pub(super) fn deep_arrays(depth: usize) -> String {
    format!(r#"{}"SECRET"{}"#, "[".repeat(depth), "]".repeat(depth))
}

/// `depth` nested objects: `{"a": {"a": ... "SECRET" ...}}`.
pub(super) fn deep_objects(depth: usize) -> String {
    format!(
        r#"{}"SECRET"{}"#,
        r#"{"a": "#.repeat(depth),
        "}".repeat(depth)
    )
}

/// `depth` nested objects, each under a key of `key_len` bytes, around
/// `inner`.
pub(super) fn long_keys(depth: usize, key_len: usize, inner: &str) -> String {
    let key = "k".repeat(key_len);
    format!(
        "{}{inner}{}",
        format!(r#"{{"{key}": "#).repeat(depth),
        "}".repeat(depth)
    )
}

/// The tutorial event's text with `raw` spliced in as the value of
/// `Parameters.<key>` (beside `companyName`, unless `key` is it).
pub(super) fn with_raw_parameter(key: &str, raw: &str) -> Vec<u8> {
    let company = if key == "companyName" {
        String::new()
    } else {
        r#""companyName": "Acme-SECRET", "#.to_owned()
    };
    let text = String::from_utf8(edited(json!({}), |event| {
        event["Details"]["Parameters"] = json!("@PARAMETERS@");
    }))
    .expect("UTF-8");
    text.replace(
        r#""@PARAMETERS@""#,
        &format!(r#"{{{company}"{key}": {raw}}}"#),
    )
    .into_bytes()
}

/// The tutorial's good event with `raw` as the value of `ContactData.<key>`
/// (replacing the field when the event has it).
pub(super) fn with_raw_contact_field(key: &str, raw: &str) -> Vec<u8> {
    let text = String::from_utf8(edited(good_parameters(Which::Tutorial), |event| {
        event["Details"]["ContactData"][key] = json!("@FIELD@");
    }))
    .expect("UTF-8");
    text.replace(r#""@FIELD@""#, raw).into_bytes()
}

/// The tutorial's good event with one more `"<key>": raw` entry at the
/// start of `ContactData` (a second one when the event has the key).
pub(super) fn with_extra_contact_entry(key: &str, raw: &str) -> Vec<u8> {
    let text = String::from_utf8(good_event(Which::Tutorial)).expect("UTF-8");
    text.replacen(
        r#""ContactData":{"#,
        &format!(r#""ContactData":{{"{key}": {raw}, "#),
        1,
    )
    .into_bytes()
}

/// `bytes` with the first occurrence of `marker` replaced by invalid UTF-8
/// (a lone continuation byte and an overlong lead).
pub(super) fn with_invalid_utf8(bytes: Vec<u8>, marker: &str) -> Vec<u8> {
    let at = bytes
        .windows(marker.len())
        .position(|window| window == marker.as_bytes())
        .expect("the marker is in the event");
    let mut broken = bytes[..at].to_vec();
    broken.extend_from_slice(b"\x80\xc0SECRET");
    broken.extend_from_slice(&bytes[at + marker.len()..]);
    broken
}

/// `replace_first` on bytes, for splicing keys into built events.
pub(super) trait ReplaceFirst {
    fn replace_first(self, from: &[u8], to: &[u8]) -> Vec<u8>;
}

impl ReplaceFirst for Vec<u8> {
    fn replace_first(self, from: &[u8], to: &[u8]) -> Vec<u8> {
        let at = self
            .windows(from.len())
            .position(|window| window == from)
            .expect("the text to replace is there");
        [&self[..at], to, &self[at + from.len()..]].concat()
    }
}

/// A valid event of about 6 MB (Lambda's payload limit): 20,000 contact
/// attributes and a 3 MB parameter the tutorial handler does not read.
pub(super) fn six_megabyte_event() -> Vec<u8> {
    let attributes: serde_json::Map<String, Value> = (0..20_000)
        .map(|index| {
            (
                format!("attribute{index:05}"),
                json!(format!("{index:05}-{}", "v".repeat(120))),
            )
        })
        .collect();
    let mut event = event_value(json!({
        "companyName": "Acme-SECRET",
        "transcript": "t".repeat(3 << 20),
    }));
    event["Details"]["ContactData"]["Attributes"] = Value::Object(attributes);
    let body = bytes(&event);
    assert!(
        (5_900_000..=6 * 1024 * 1024).contains(&body.len()),
        "{} bytes",
        body.len()
    );
    body
}
