//! Hostile and broken input, through handlers written with the real macros:
//! every bad event gets the design's `errorType` (`MalformedEvent`,
//! `InvalidEvent`, `InvalidResponse`, `HandlerPanic`) and a message that
//! names the key and the expected type (or the panic's location) and holds
//! no value from the event; the runtime answers the next good event after
//! each bad one; a valid 6 MB event is served.
//!
//! Every value planted in the events carries [`SECRET`] (or is the phone
//! number [`PHONE`]): no error message may contain either. Keys never do, so
//! a message may name them.
//!
//! Peak memory for the 6 MB event is measured by `bad_input_memory` (a test
//! binary of its own, with a counting allocator).

use std::collections::BTreeMap;
use std::time::Duration;

use connect_lambda::manifest::{ExternalKey, ResponseValidation, ValueType};
use connect_lambda::{connect_handler, ConnectResponse, InvokeError};
use connect_test_support::runtime_api::{Outcome, RuntimeApi};
use connect_test_support::tutorial_handlers::{tutorial, whole_event};
use serde::Serialize;
use serde_json::{json, Value};

/// Planted in every value of the bad events.
const SECRET: &str = "SECRET";
/// The caller's number in the events.
const PHONE: &str = "+15550100-SECRET";
/// No error message is longer, whatever the event (keys are cut, long paths
/// elided).
const MAX_MESSAGE: usize = 512;

// ---------------------------------------------------------------------------
// Handlers, written as users write them. `tutorial` and `whole_event` are in
// connect-test-support (`tutorial_handlers`), shared with bad_input_memory.

/// A hand-written STRING_MAP response (no derive, so no compile-time check):
/// with `count` or `extra` set it breaks the flat-string rule, and with
/// `keyed` it holds keys taken from the event, which only the run-time check
/// catches.
#[derive(Debug, Serialize)]
pub struct Tally {
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<Value>,
    #[serde(flatten)]
    keyed: BTreeMap<String, Value>,
}

impl ConnectResponse for Tally {
    const VALIDATION: ResponseValidation = ResponseValidation::StringMap;

    fn external_keys() -> Vec<ExternalKey> {
        vec![ExternalKey::new("label", ValueType::String, true)]
    }
}

/// Echoes `label`; adds a number (`count`), a nested value (`extra`) or the
/// entries of `keyed`, keys and all, when the flow sends them.
#[connect_handler]
pub fn tally(
    #[param] label: String,
    #[param] count: Option<u64>,
    #[param] extra: Option<Value>,
    #[param] keyed: Option<BTreeMap<String, Value>>,
) -> Tally {
    Tally {
        label,
        count,
        extra,
        keyed: keyed.unwrap_or_default(),
    }
}

/// A derived response whose `Display` field panics with event values in its
/// message when it is serialised.
#[derive(Debug, ConnectResponse)]
pub struct Routed {
    #[connect(display)]
    route: Route,
}

/// A route whose text is the caller's, or a panic naming the caller.
#[derive(Debug)]
pub struct Route {
    caller: String,
    refuse: bool,
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.refuse {
            panic!("no route for caller {}", self.caller);
        }
        f.write_str("queue-1")
    }
}

/// Panics with the caller's number and `word` in the message when `word`
/// says so: in the handler (`"panic"`), or while its response is serialised
/// (`"panic-late"`).
#[connect_handler]
pub async fn panicky(
    #[param] word: String,
    #[contact("CustomerEndpoint.Address")] phone: String,
) -> Routed {
    if word.starts_with("panic-now") {
        panic!("cannot route caller {phone} ({word})");
    }
    Routed {
        route: Route {
            caller: phone,
            refuse: word.starts_with("panic-late"),
        },
    }
}

/// A derived response holding one long string.
#[derive(Debug, PartialEq, ConnectResponse)]
pub struct Transcript {
    text: String,
}

/// Returns `word` repeated `times`: over 32 KB when the flow asks for it.
#[connect_handler]
pub async fn transcript(#[param] word: String, #[param] times: usize) -> Transcript {
    Transcript {
        text: word.repeat(times),
    }
}

/// The handlers under test.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Which {
    Tutorial,
    WholeEvent,
    Tally,
    Transcript,
    Panicky,
}

const ALL: [Which; 5] = [
    Which::Tutorial,
    Which::WholeEvent,
    Which::Tally,
    Which::Transcript,
    Which::Panicky,
];

async fn invoke(which: Which, body: &[u8]) -> Result<Vec<u8>, InvokeError> {
    match which {
        Which::Tutorial => tutorial::handler().invoke(body).await,
        Which::WholeEvent => whole_event::handler().invoke(body).await,
        Which::Tally => tally::handler().invoke(body).await,
        Which::Transcript => transcript::handler().invoke(body).await,
        Which::Panicky => panicky::handler().invoke(body).await,
    }
}

// ---------------------------------------------------------------------------
// Events.

/// A Connect event with these `Parameters`, its other parts full of planted
/// values.
fn event_value(parameters: Value) -> Value {
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

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}

/// The good event each handler answers.
fn good_event(which: Which) -> Vec<u8> {
    bytes(&event_value(good_parameters(which)))
}

fn good_parameters(which: Which) -> Value {
    match which {
        Which::Tutorial | Which::WholeEvent => json!({"companyName": "Acme-SECRET"}),
        Which::Tally => json!({"label": "SECRET-label"}),
        Which::Transcript => json!({"word": "SECRET", "times": 3}),
        Which::Panicky => json!({"word": "SECRET-fine"}),
    }
}

/// The good event's response.
fn good_response(which: Which) -> Value {
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
fn edited(parameters: Value, edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut event = event_value(parameters);
    edit(&mut event);
    bytes(&event)
}

/// `depth` nested arrays around a planted string: `[[[..."SECRET"...]]]`.
fn deep_arrays(depth: usize) -> String {
    format!(r#"{}"SECRET"{}"#, "[".repeat(depth), "]".repeat(depth))
}

/// `depth` nested objects: `{"a": {"a": ... "SECRET" ...}}`.
fn deep_objects(depth: usize) -> String {
    format!(
        r#"{}"SECRET"{}"#,
        r#"{"a": "#.repeat(depth),
        "}".repeat(depth)
    )
}

/// `depth` nested objects, each under a key of `key_len` bytes, around
/// `inner`.
fn long_keys(depth: usize, key_len: usize, inner: &str) -> String {
    let key = "k".repeat(key_len);
    format!(
        "{}{inner}{}",
        format!(r#"{{"{key}": "#).repeat(depth),
        "}".repeat(depth)
    )
}

/// The tutorial event's text with `raw` spliced in as the value of
/// `Parameters.<key>` (beside `companyName`, unless `key` is it).
fn with_raw_parameter(key: &str, raw: &str) -> Vec<u8> {
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
fn with_raw_contact_field(key: &str, raw: &str) -> Vec<u8> {
    let text = String::from_utf8(edited(good_parameters(Which::Tutorial), |event| {
        event["Details"]["ContactData"][key] = json!("@FIELD@");
    }))
    .expect("UTF-8");
    text.replace(r#""@FIELD@""#, raw).into_bytes()
}

/// The tutorial's good event with one more `"<key>": raw` entry at the
/// start of `ContactData` (a second one when the event has the key).
fn with_extra_contact_entry(key: &str, raw: &str) -> Vec<u8> {
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
fn with_invalid_utf8(bytes: Vec<u8>, marker: &str) -> Vec<u8> {
    let at = bytes
        .windows(marker.len())
        .position(|window| window == marker.as_bytes())
        .expect("the marker is in the event");
    let mut broken = bytes[..at].to_vec();
    broken.extend_from_slice(b"\x80\xc0SECRET");
    broken.extend_from_slice(&bytes[at + marker.len()..]);
    broken
}

// ---------------------------------------------------------------------------
// The cases.

/// One bad input: which handler, the body, and what the error must be.
struct Case {
    name: &'static str,
    which: Which,
    body: Vec<u8>,
    /// `MalformedEvent`, `InvalidEvent` or `InvalidResponse`.
    error_type: &'static str,
    /// Text the message must contain: the path, the expected type.
    says: Vec<&'static str>,
}

fn case(
    name: &'static str,
    which: Which,
    body: impl Into<Vec<u8>>,
    error_type: &'static str,
    says: &[&'static str],
) -> Case {
    Case {
        name,
        which,
        body: body.into(),
        error_type,
        says: says.to_vec(),
    }
}

fn cases() -> Vec<Case> {
    use Which::*;
    const MALFORMED: &str = "MalformedEvent";
    const INVALID: &str = "InvalidEvent";
    const RESPONSE: &str = "InvalidResponse";
    let truncated = &good_event(Tutorial)[..90];
    vec![
        // Not JSON.
        case(
            "malformed JSON: cut short",
            Tutorial,
            truncated,
            MALFORMED,
            &["malformed JSON", "EOF while parsing"],
        ),
        case(
            "malformed JSON: cut short (whole event)",
            WholeEvent,
            truncated,
            MALFORMED,
            &["malformed JSON", "EOF while parsing"],
        ),
        case(
            "malformed JSON: a trailing comma",
            Tutorial,
            r#"{"Details": {"Parameters": {"companyName": "Acme-SECRET",}}}"#,
            MALFORMED,
            &["malformed JSON", "key must be a string"],
        ),
        case(
            "malformed JSON: a bare word",
            Tutorial,
            r#"{"Details": {"Parameters": {"companyName": SECRET}}}"#,
            MALFORMED,
            &["malformed JSON", "expected value"],
        ),
        case(
            "malformed JSON: trailing characters",
            Tutorial,
            [good_event(Tutorial), b" SECRET".to_vec()].concat(),
            MALFORMED,
            &["malformed JSON", "trailing characters"],
        ),
        case(
            "malformed JSON: trailing characters (whole event)",
            WholeEvent,
            [good_event(WholeEvent), b" SECRET".to_vec()].concat(),
            MALFORMED,
            &["malformed JSON", "trailing characters"],
        ),
        case(
            "empty body",
            Tutorial,
            "",
            MALFORMED,
            &["malformed JSON", "EOF while parsing a value"],
        ),
        case(
            "empty body (whole event)",
            WholeEvent,
            "",
            MALFORMED,
            &["malformed JSON", "EOF while parsing a value"],
        ),
        case(
            "whitespace only",
            Tally,
            " \n\t ",
            MALFORMED,
            &["malformed JSON", "EOF while parsing a value"],
        ),
        // Valid JSON of the wrong shape.
        case(
            "a JSON array",
            Tutorial,
            r#"[{"Details": {"Parameters": {"companyName": "Acme-SECRET"}}}]"#,
            INVALID,
            &["expected an object, found an array"],
        ),
        case(
            "a JSON array (whole event)",
            WholeEvent,
            r#"[{"Details": {"Parameters": {"companyName": "Acme-SECRET"}}}]"#,
            INVALID,
            &["expected", "found an array"],
        ),
        case(
            "a JSON string",
            Tutorial,
            r#""SECRET""#,
            INVALID,
            &["expected an object, found a string"],
        ),
        case(
            "Details missing",
            Tutorial,
            r#"{"Name": "ContactFlowEvent", "Parameters": {"companyName": "Acme-SECRET"}}"#,
            INVALID,
            &["Details", "missing", "expected an object"],
        ),
        case(
            "Details missing (whole event)",
            WholeEvent,
            r#"{"Name": "ContactFlowEvent", "Parameters": {"companyName": "Acme-SECRET"}}"#,
            INVALID,
            &["Details", "missing"],
        ),
        case(
            "Details null",
            Tutorial,
            r#"{"Name": "ContactFlowEvent", "Details": null}"#,
            INVALID,
            &["Details: invalid type: expected an object, found null"],
        ),
        case(
            "Details null (whole event)",
            WholeEvent,
            r#"{"Name": "ContactFlowEvent", "Details": null}"#,
            INVALID,
            &["Details: invalid type", "found null"],
        ),
        case(
            "Parameters as a string",
            Tutorial,
            edited(json!("companyName=Acme-SECRET"), |_| {}),
            INVALID,
            &["Details.Parameters: invalid type: expected an object, found a string"],
        ),
        case(
            "Parameters as a string (whole event)",
            WholeEvent,
            edited(json!("companyName=Acme-SECRET"), |_| {}),
            INVALID,
            &["Details.Parameters: invalid type", "found a string"],
        ),
        case(
            "a required parameter missing",
            Tutorial,
            edited(json!({"companyname": "Acme-SECRET"}), |_| {}),
            INVALID,
            &["Details.Parameters.companyName: missing required parameter (expected a string)"],
        ),
        case(
            "a required contact field missing",
            Tutorial,
            edited(good_parameters(Tutorial), |event| {
                event["Details"]["ContactData"]["CustomerEndpoint"] =
                    json!({"Type": "TELEPHONE_NUMBER"});
            }),
            INVALID,
            &[
                "Details.ContactData.CustomerEndpoint.Address: missing required contact field (expected a string)",
            ],
        ),
        case(
            "a required parameter missing (number)",
            Transcript,
            edited(json!({"word": "SECRET"}), |_| {}),
            INVALID,
            &["Details.Parameters.times: missing required parameter (expected usize)"],
        ),
        case(
            "a required key missing (whole event: Name)",
            WholeEvent,
            edited(good_parameters(WholeEvent), |event| {
                event.as_object_mut().unwrap().remove("Name");
            }),
            INVALID,
            &["Name", "missing"],
        ),
        case(
            "a required key missing (whole event: ContactData)",
            WholeEvent,
            edited(good_parameters(WholeEvent), |event| {
                event["Details"].as_object_mut().unwrap().remove("ContactData");
            }),
            INVALID,
            &["ContactData", "missing"],
        ),
        case(
            "a wrong type: an object for a string",
            Tutorial,
            edited(json!({"companyName": {"name": "Acme-SECRET"}}), |_| {}),
            INVALID,
            &["Details.Parameters.companyName: invalid type: expected a string, found an object"],
        ),
        case(
            "a wrong type: text for a number",
            Transcript,
            edited(json!({"word": "SECRET", "times": "SECRET-3"}), |_| {}),
            INVALID,
            &["Details.Parameters.times: invalid type: expected usize, found a string"],
        ),
        case(
            "a wrong type: a negative number for usize",
            Transcript,
            edited(json!({"word": "SECRET", "times": -15550100}), |_| {}),
            INVALID,
            &["Details.Parameters.times", "expected usize"],
        ),
        case(
            "a wrong type: an object for an attribute (whole event)",
            WholeEvent,
            edited(good_parameters(WholeEvent), |event| {
                event["Details"]["ContactData"]["Attributes"]["vip"] = json!({"n": 15550100});
            }),
            INVALID,
            &["Details.ContactData.Attributes.vip: invalid type: expected a string, found an object"],
        ),
        case(
            "a number where an object is expected: ContactData",
            Tutorial,
            edited(good_parameters(Tutorial), |event| {
                event["Details"]["ContactData"] = json!(15550100);
            }),
            INVALID,
            &["Details.ContactData: invalid type: expected an object, found an integer"],
        ),
        case(
            "a number where an object is expected: CustomerEndpoint",
            Tutorial,
            edited(good_parameters(Tutorial), |event| {
                event["Details"]["ContactData"]["CustomerEndpoint"] = json!(15550100);
            }),
            INVALID,
            &[
                "Details.ContactData.CustomerEndpoint: invalid type: expected an object, found an integer",
            ],
        ),
        case(
            "a number where an object is expected: Parameters",
            Tutorial,
            edited(json!(15550100), |_| {}),
            INVALID,
            &["Details.Parameters: invalid type: expected an object, found an integer"],
        ),
        case(
            "a number where an object is expected: Queue (whole event)",
            WholeEvent,
            edited(good_parameters(WholeEvent), |event| {
                event["Details"]["ContactData"]["Queue"] = json!(15550100);
            }),
            INVALID,
            &["Details.ContactData.Queue", "expected", "found an integer"],
        ),
        // Nesting past the limit, in what the handler reads.
        case(
            "10,000-deep arrays in a read parameter",
            Tutorial,
            with_raw_parameter("companyName", &deep_arrays(10_000)),
            MALFORMED,
            &["Details.Parameters.companyName", "recursion limit exceeded"],
        ),
        case(
            "10,000-deep objects in a read parameter",
            Tally,
            with_raw_parameter("extra", &deep_objects(10_000)).replace_first(
                br#""companyName": "Acme-SECRET""#,
                br#""label": "SECRET""#,
            ),
            MALFORMED,
            &["Details.Parameters.extra", "recursion limit exceeded"],
        ),
        case(
            "10,000-deep arrays in a parameter (whole event)",
            WholeEvent,
            with_raw_parameter("deep", &deep_arrays(10_000)),
            MALFORMED,
            &["Details.Parameters.deep", "recursion limit exceeded"],
        ),
        case(
            "10,000-deep arrays in an attribute (whole event)",
            WholeEvent,
            with_raw_contact_field("Attributes", &format!(r#"{{"deep": {}}}"#, deep_arrays(10_000))),
            // The whole event is built, so the limit applies; the position
            // locates it.
            MALFORMED,
            &["malformed JSON: recursion limit exceeded at line 1 column"],
        ),
        case(
            "100 levels of 40 KB keys read into the response (a 4 MB event)",
            Tally,
            with_raw_parameter("extra", &long_keys(100, 40_000, r#""SECRET""#)).replace_first(
                br#""companyName": "Acme-SECRET""#,
                br#""label": "SECRET""#,
            ),
            // Read as a JSON value (within the nesting limit), returned as
            // the response's `extra`: over 32 KB, checked before anything
            // else.
            RESPONSE,
            &["the response is 4000535 bytes of UTF-8, over Connect's limit"],
        ),
        case(
            "200 levels of 20 KB keys in a read parameter (a 4 MB event)",
            Tally,
            with_raw_parameter("extra", &long_keys(200, 20_000, "1")).replace_first(
                br#""companyName": "Acme-SECRET""#,
                br#""label": "SECRET""#,
            ),
            MALFORMED,
            &["Details.Parameters.extra.kkkk", "...", "recursion limit exceeded"],
        ),
        case(
            "a 1 MB key repeated in Parameters (whole event)",
            WholeEvent,
            with_raw_parameter(
                &"k".repeat(1 << 20),
                &format!(r#""SECRET", "{}": "SECRET""#, "k".repeat(1 << 20)),
            ),
            INVALID,
            &["duplicate key `Details.Parameters.kkkk", "...`"],
        ),
        // Invalid UTF-8: the whole body is checked first, read or not.
        case(
            "invalid UTF-8 in a read value",
            Tutorial,
            with_invalid_utf8(good_event(Tutorial), "Acme"),
            MALFORMED,
            &["invalid UTF-8"],
        ),
        case(
            "invalid UTF-8 in a skipped value",
            Tutorial,
            with_invalid_utf8(good_event(Tutorial), "Jane Roe"),
            MALFORMED,
            &["invalid UTF-8"],
        ),
        case(
            "invalid UTF-8 in a key",
            Tutorial,
            with_invalid_utf8(good_event(Tutorial), "accountHolder"),
            MALFORMED,
            &["invalid UTF-8"],
        ),
        case(
            "invalid UTF-8 (whole event)",
            WholeEvent,
            with_invalid_utf8(good_event(WholeEvent), "Jane Roe"),
            MALFORMED,
            &["invalid UTF-8"],
        ),
        // Duplicate keys: two writers disagree; keeping either silently
        // would hide it.
        case(
            "duplicate keys: a read parameter",
            Tutorial,
            with_raw_parameter("companyName", r#""Acme-SECRET", "companyName": "Other-SECRET""#),
            INVALID,
            &["duplicate key", "Details.Parameters.companyName"],
        ),
        case(
            "duplicate keys: a parameter (whole event)",
            WholeEvent,
            with_raw_parameter("companyName", r#""Acme-SECRET", "companyName": "Other-SECRET""#),
            INVALID,
            &["duplicate key", "companyName"],
        ),
        case(
            "duplicate keys: Details",
            Tutorial,
            [
                &good_event(Tutorial)[..good_event(Tutorial).len() - 1],
                br#", "Details": {"Parameters": {"companyName": "Other-SECRET"}}}"#,
            ]
            .concat(),
            INVALID,
            &["duplicate key", "Details"],
        ),
        case(
            "duplicate keys: Details (whole event)",
            WholeEvent,
            [
                &good_event(WholeEvent)[..good_event(WholeEvent).len() - 1],
                br#", "Details": {"Parameters": {"companyName": "Other-SECRET"}}}"#,
            ]
            .concat(),
            INVALID,
            &["duplicate", "Details"],
        ),
        case(
            "duplicate keys: a contact field on the read path",
            Tutorial,
            with_extra_contact_entry("CustomerEndpoint", r#"{"Address": "+15550100-SECRET"}"#),
            INVALID,
            &["duplicate key", "Details.ContactData.CustomerEndpoint"],
        ),
        case(
            "duplicate keys: a read parameter, once written with an escape",
            Tutorial,
            with_raw_parameter(
                "companyName",
                r#""Acme-SECRET", "company\u004eame": "Other-SECRET""#,
            ),
            INVALID,
            &["duplicate key `Details.Parameters.companyName`"],
        ),
        // Strings and numbers JSON does not allow, or that do not fit.
        case(
            "a lone surrogate escape in a read value",
            Tutorial,
            with_raw_parameter("companyName", r#""\ud800SECRET""#),
            MALFORMED,
            &["Details.Parameters.companyName: malformed JSON", "escape"],
        ),
        case(
            "a raw control character in a read value",
            Tutorial,
            with_raw_parameter("companyName", "\"Acme\tSECRET\""),
            MALFORMED,
            &["malformed JSON: control character"],
        ),
        case(
            "a raw control character in a skipped value",
            Tutorial,
            with_raw_parameter("unread", "\"Acme\u{1}SECRET\""),
            MALFORMED,
            &["malformed JSON: control character"],
        ),
        case(
            "a number out of range for JSON (1e400) in a read value",
            Transcript,
            edited(json!({"word": "SECRET"}), |_| {})
                .replace_first(br#""word""#, br#""times": 1e400, "word""#),
            MALFORMED,
            &["Details.Parameters.times: malformed JSON: number out of range"],
        ),
        case(
            "a number too large for its type",
            Transcript,
            edited(json!({"word": "SECRET", "times": "155501009999999999999999"}), |_| {}),
            INVALID,
            &["Details.Parameters.times: invalid type: expected usize, found a string"],
        ),
        case(
            "a fraction for an integer",
            Transcript,
            edited(json!({"word": "SECRET", "times": 1555.0100}), |_| {}),
            INVALID,
            &["Details.Parameters.times: invalid type: expected usize, found a floating-point number"],
        ),
        // Responses Connect would reject.
        case(
            "a response over 32 KB",
            Transcript,
            edited(json!({"word": "SECRET", "times": 6000}), |_| {}),
            RESPONSE,
            &["the response is 36011 bytes of UTF-8, over Connect's limit of 32768 bytes (32 KB)"],
        ),
        case(
            "a response one byte over 32 KB",
            Transcript,
            edited(json!({"word": "S", "times": 32_758}), |_| {}),
            RESPONSE,
            &["the response is 32769 bytes"],
        ),
        case(
            "a number under STRING_MAP (hand-written impl)",
            Tally,
            edited(json!({"label": "SECRET", "count": 15550100}), |_| {}),
            RESPONSE,
            &["response entry 2 (counting from 1) is a number", "STRING_MAP", "string values"],
        ),
        case(
            "a nested object under STRING_MAP (hand-written impl)",
            Tally,
            edited(
                json!({"label": "SECRET", "extra": {"phone": "+15550100-SECRET"}}),
                |_| {},
            ),
            RESPONSE,
            &["response entry 2 (counting from 1) is an object", "STRING_MAP"],
        ),
        case(
            "a boolean under STRING_MAP (hand-written impl)",
            Tally,
            edited(json!({"label": "SECRET", "extra": true}), |_| {}),
            RESPONSE,
            &["response entry 2 (counting from 1) is a boolean", "STRING_MAP"],
        ),
        case(
            "an event-derived key outside the key grammar (hand-written impl)",
            Tally,
            edited(
                json!({"label": "SECRET", "keyed": {"+15550100-SECRET": "SECRET"}}),
                |_| {},
            ),
            RESPONSE,
            &["the key of response entry 2 (counting from 1)", "other than A-Z, a-z, 0-9"],
        ),
        case(
            "an event-derived key with a dot and a space (hand-written impl)",
            Tally,
            edited(
                json!({"label": "SECRET", "keyed": {"zz.SECRET Jane Roe": "SECRET"}}),
                |_| {},
            ),
            RESPONSE,
            &["the key of response entry 2 (counting from 1)", "$.External"],
        ),
        case(
            "an event-derived key holding a number (hand-written impl)",
            Tally,
            edited(
                json!({"label": "SECRET", "keyed": {"SECRET": 15550100}}),
                |_| {},
            ),
            RESPONSE,
            &["response entry 2 (counting from 1) is a number"],
        ),
        // Panics, their messages full of event values.
        case(
            "a panic in the handler",
            Panicky,
            edited(json!({"word": "panic-now-SECRET"}), |_| {}),
            "HandlerPanic",
            &["the handler `panicky` panicked at tests/it/bad_input.rs:", "left out"],
        ),
        case(
            "a panic while the response is serialised",
            Panicky,
            edited(json!({"word": "panic-late-SECRET"}), |_| {}),
            "HandlerPanic",
            &["the handler `panicky` panicked at tests/it/bad_input.rs:", "left out"],
        ),
    ]
}

/// `replace_first` on bytes, for splicing keys into built events.
trait ReplaceFirst {
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

/// The problems with one case's result (empty when it is right).
fn check(case: &Case, error_type: Option<&str>, message: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if error_type != Some(case.error_type) {
        problems.push(format!(
            "errorType {error_type:?}, expected {:?} ({message:?})",
            case.error_type
        ));
    }
    for says in &case.says {
        if !message.contains(says) {
            problems.push(format!("{message:?} does not say {says:?}"));
        }
    }
    if message.len() > MAX_MESSAGE {
        problems.push(format!("a message of {} bytes", message.len()));
    }
    for value in [SECRET, PHONE, "15550100", "Jane Roe", "Acme", "Other"] {
        if message.contains(value) {
            problems.push(format!("{message:?} echoes {value:?}"));
        }
    }
    problems
}

#[tokio::test]
async fn every_bad_input_gets_its_error_type_and_a_value_free_message() {
    let mut failures = Vec::new();
    let cases = cases();
    for case in &cases {
        let problems = match invoke(case.which, &case.body).await {
            Ok(response) => vec![format!("succeeded: {}", String::from_utf8_lossy(&response))],
            Err(error) => check(case, Some(error.error_type()), &error.to_string()),
        };
        failures.extend(
            problems
                .into_iter()
                .map(|problem| format!("{} ({:?}): {problem}", case.name, case.which)),
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_handler_answers_its_good_event() {
    for which in ALL {
        let response = invoke(which, &good_event(which))
            .await
            .unwrap_or_else(|error| panic!("{which:?}: {error}"));
        let response: Value = serde_json::from_slice(&response).expect("JSON");
        assert_eq!(response, good_response(which), "{which:?}");
    }
}

#[tokio::test]
async fn deep_nesting_in_a_skipped_part_is_skipped_without_a_limit() {
    // Well-formed JSON the handler does not read: skipped iteratively, with
    // nothing built and no stack spent, so no nesting limit applies (as with
    // serde_json's own `IgnoredAny`). What is built is limited (above).
    for (depth, deep) in [
        (10_000, deep_arrays(10_000)),
        (10_000, deep_objects(10_000)),
        (100_000, deep_arrays(100_000)),
    ] {
        for body in [
            with_raw_parameter("unread", &deep),
            with_raw_contact_field("Attributes", &format!(r#"{{"deep": {deep}}}"#)),
            with_raw_contact_field("Unmodelled", &deep),
        ] {
            let response = tutorial::handler()
                .invoke(&body)
                .await
                .unwrap_or_else(|error| panic!("{depth} levels: {error}"));
            let response: Value = serde_json::from_slice(&response).expect("JSON");
            assert_eq!(response, good_response(Which::Tutorial), "{depth} levels");
        }
    }
    // The whole event skips what it does not model the same way.
    let body = with_raw_contact_field("Unmodelled", &deep_arrays(10_000));
    let response = whole_event::handler()
        .invoke(&body)
        .await
        .expect("an unmodelled deep field is skipped");
    assert_eq!(
        serde_json::from_slice::<Value>(&response).expect("JSON"),
        good_response(Which::WholeEvent)
    );
    // Unclosed, it is malformed wherever it is.
    let unclosed = with_raw_parameter("unread", &"[".repeat(10_000));
    let error = tutorial::handler().invoke(&unclosed).await.unwrap_err();
    assert_eq!(error.error_type(), "MalformedEvent", "{error}");
}

#[tokio::test]
async fn a_skipped_value_is_held_to_what_serde_json_skips() {
    // What the handler does not read is checked as serde_json's own skipper
    // (`IgnoredAny`) checks it: a lone surrogate escape or a number past
    // f64's range there is accepted, as serde_json accepts it (read, each
    // is an error: see the cases above).
    for raw in [r#""\ud800SECRET""#, "1e400", r#"{"\udfff": [1e400]}"#] {
        let body = with_raw_parameter("unread", raw);
        serde_json::from_slice::<serde::de::IgnoredAny>(&body).expect("serde_json skips it");
        let response = tutorial::handler()
            .invoke(&body)
            .await
            .unwrap_or_else(|error| panic!("{raw}: {error}"));
        let response: Value = serde_json::from_slice(&response).expect("JSON");
        assert_eq!(response, good_response(Which::Tutorial), "{raw}");
    }
    // A read key written with an escape is the same key.
    let body = String::from_utf8(good_event(Which::Tutorial))
        .expect("UTF-8")
        .replace(r#""companyName""#, r#""company\u004eame""#);
    let response = tutorial::handler()
        .invoke(body.as_bytes())
        .await
        .expect("served");
    let response: Value = serde_json::from_slice(&response).expect("JSON");
    assert_eq!(response, good_response(Which::Tutorial));
}

#[tokio::test]
async fn a_response_of_exactly_32_kb_is_returned() {
    // `{"text":"` + 32,758 bytes + `"}` = 32,768 bytes.
    let body = edited(json!({"word": "S", "times": 32_758 - 1}), |_| {});
    let response = transcript::handler()
        .invoke(&body)
        .await
        .expect("32 KB fits");
    assert_eq!(response.len(), 32_768);
    // Multi-byte characters count as their UTF-8 bytes.
    let body = edited(json!({"word": "é", "times": 16_380}), |_| {});
    let error = transcript::handler().invoke(&body).await.unwrap_err();
    assert_eq!(error.error_type(), "InvalidResponse");
    assert!(error.to_string().contains("32771 bytes"), "{error}");
}

/// A valid event of about 6 MB (Lambda's payload limit): 20,000 contact
/// attributes and a 3 MB parameter the tutorial handler does not read.
fn six_megabyte_event() -> Vec<u8> {
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

#[tokio::test]
async fn a_six_megabyte_event_is_served() {
    let body = six_megabyte_event();
    let response = tutorial::handler().invoke(&body).await.expect("served");
    assert_eq!(
        serde_json::from_slice::<Value>(&response).expect("JSON"),
        good_response(Which::Tutorial)
    );
    let response = whole_event::handler().invoke(&body).await.expect("served");
    assert_eq!(
        serde_json::from_slice::<Value>(&response).expect("JSON"),
        json!({"parameters": "2", "attributes": "20000"})
    );
}

// ---------------------------------------------------------------------------
// Through the real runtime.

const TIMEOUT: Duration = Duration::from_secs(60);

/// Sets the variables Lambda sets, pointing at `endpoint`; the caller holds
/// [`crate::LAMBDA_ENVIRONMENT`].
fn lambda_environment(endpoint: &str) {
    std::env::set_var("AWS_LAMBDA_RUNTIME_API", endpoint);
    std::env::set_var("AWS_LAMBDA_FUNCTION_NAME", "bad-input");
    std::env::set_var("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    std::env::set_var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
    std::env::remove_var("AWS_LAMBDA_MAX_CONCURRENCY");
}

/// Serves `events` with `which` through `connect_lambda::run` until each is
/// answered and the runtime polls again; fails if it stops first.
async fn serve(which: Which, events: Vec<Vec<u8>>) -> Vec<Outcome> {
    let count = events.len();
    let api = RuntimeApi::start(events).await;
    lambda_environment(&api.endpoint());
    let runtime = tokio::spawn(async move {
        match which {
            Which::Tutorial => connect_lambda::run(tutorial::handler()).await,
            Which::WholeEvent => connect_lambda::run(whole_event::handler()).await,
            Which::Tally => connect_lambda::run(tally::handler()).await,
            Which::Transcript => connect_lambda::run(transcript::handler()).await,
            Which::Panicky => connect_lambda::run(panicky::handler()).await,
        }
        .map_err(|error| error.to_string())
    });
    let answered = async {
        let outcomes = api.outcomes(TIMEOUT).await?;
        api.wait_for_next_calls(count + 1, TIMEOUT).await?;
        Ok::<_, String>(outcomes)
    };
    tokio::pin!(runtime);
    let outcomes = tokio::select! {
        outcomes = answered => outcomes.unwrap_or_else(|problem| panic!("{which:?}: {problem}")),
        stopped = &mut runtime => panic!("{which:?}: the runtime stopped while serving: {stopped:?}"),
    };
    assert!(
        !runtime.is_finished(),
        "{which:?}: the runtime keeps serving"
    );
    runtime.abort();
    assert_eq!(api.unexpected(), Vec::<String>::new());
    outcomes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_runtime_answers_the_next_good_event_after_each_bad_one() {
    let _env = crate::LAMBDA_ENVIRONMENT.lock().await;
    let cases = cases();
    let mut failures = Vec::new();
    let mut served = 0;
    for which in ALL {
        // Bad, good, bad, good, ...; then the 6 MB event.
        let mine: Vec<&Case> = cases.iter().filter(|case| case.which == which).collect();
        let mut events = Vec::new();
        for case in &mine {
            events.push(case.body.clone());
            events.push(good_event(which));
        }
        if which == Which::Tutorial {
            events.push(six_megabyte_event());
        }
        let outcomes = serve(which, events).await;
        served += outcomes.len();

        for (case, pair) in mine.iter().zip(outcomes.chunks(2)) {
            let (bad, good) = (&pair[0], &pair[1]);
            let problems = if bad.success {
                vec![format!("succeeded: {}", String::from_utf8_lossy(&bad.body))]
            } else {
                let message = bad.error_message().unwrap_or_default();
                let mut problems = check(case, bad.error_type().as_deref(), &message);
                if bad.error_type_header.as_deref() != Some("unhandled") {
                    problems.push(format!("error header {:?}", bad.error_type_header));
                }
                problems
            };
            failures.extend(
                problems
                    .into_iter()
                    .map(|problem| format!("{} ({which:?}): {problem}", case.name)),
            );
            if !good.success || good.json() != good_response(which) {
                failures.push(format!(
                    "{} ({which:?}): the next good event got {}",
                    case.name,
                    String::from_utf8_lossy(&good.body)
                ));
            }
        }
        if which == Which::Tutorial {
            let large = outcomes.last().expect("the 6 MB event's outcome");
            assert!(large.success, "{}", String::from_utf8_lossy(&large.body));
            assert_eq!(large.json(), good_response(which));
        }
    }
    assert_eq!(served, cases.len() * 2 + 1);
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
