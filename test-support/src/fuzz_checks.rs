//! The checks the fuzz targets run, one function per target.
//!
//! Each takes the fuzzer's bytes and panics only when a property breaks (a
//! panic is what libFuzzer reports as a crash). The facade's `fuzz_corpus`
//! test replays every file under `fuzz/corpus/<target>/` through the same
//! functions, so the corpus is a regression suite of the normal `cargo
//! test`, and its `properties` test runs them on generated inputs.
//!
//! The fuzz crate (`fuzz/`, its own workspace, built with sanitizer flags)
//! depends on this crate for them: keep this module's dependencies to the
//! facade (connect-lambda), connect-types, serde and serde_json.
//!
//! Error messages are checked against the fixed messages with only their
//! numbers changed (`assert_fixed_message`), so no input, however it is
//! shaped, can be echoed in one.

use std::collections::BTreeMap;

use connect_lambda::ConnectResponse;
use connect_types::error::ErrorType;
use connect_types::extract::{scan, EventPlan, ExtractError};
use connect_types::manifest::{is_valid_key, ExternalKey, ResponseValidation, ValueType};
use connect_types::response::MAX_RESPONSE_BYTES;
use connect_types::ContactFlowEvent;
use serde::de::IgnoredAny;
use serde_json::Value;

/// `event_parse`: any bytes into [`ContactFlowEvent`].
///
/// - Parsing never panics.
/// - Only well-formed JSON parses: if the event parses, so does a
///   [`Value`] (the event model may reject more, e.g. repeated keys, never
///   less), with one known exception that the fuzzer found: serde_json
///   skips the fields the model ignores without checking their strings'
///   UTF-8 or `\u` escapes, nor their numbers' range (see
///   [`skipped_value_leniency`]).
/// - A parsed event serialises, parses back, and is the same event (numbers
///   compared to within one rounding of serde_json's float parsing).
pub fn event_parse(data: &[u8]) {
    let Ok(event) = serde_json::from_slice::<ContactFlowEvent>(data) else {
        return;
    };
    if let Err(error) = serde_json::from_slice::<Value>(data) {
        assert!(
            skipped_value_leniency(&error),
            "the event model accepted JSON that serde_json::Value rejects: {}",
            error
        );
    }
    let bytes = serde_json::to_vec(&event).expect("a parsed event serialises");
    let again: ContactFlowEvent =
        serde_json::from_slice(&bytes).expect("a serialised event parses back");
    let first = serde_json::to_value(&event).expect("a parsed event is a JSON value");
    let second = serde_json::to_value(&again).expect("a re-parsed event is a JSON value");
    assert!(
        same_json(&first, &second),
        "the event changed in a serialise/parse round trip"
    );
}

/// Whether `error` (from parsing the whole input as a [`Value`]) is one that
/// serde_json's `IgnoredAny` (what skips unknown fields) does not check for:
/// a string's content (invalid UTF-8, a lone surrogate, a code point out of
/// range) or a number out of `f64`'s range. Such input parses as an event
/// when the bad value is in a field the model does not read.
pub fn skipped_value_leniency(error: &serde_json::Error) -> bool {
    let message = error.to_string();
    [
        "invalid unicode code point",
        "lone leading surrogate in hex escape",
        "unexpected end of hex escape",
        "number out of range",
    ]
    .iter()
    .any(|known| message.starts_with(known))
}

/// `a == b`, except that two floats one rounding apart are the same number
/// (serde_json parses floats fast, not always to the nearest double, unless
/// its `float_roundtrip` feature is on).
pub fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if x == y {
                return true;
            }
            match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs()),
                _ => false,
            }
        }
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .all(|(key, x)| ys.get(key).is_some_and(|y| same_json(x, y)))
        }
        _ => a == b,
    }
}

/// The plans `extract_scan` runs every input through: the tutorial's, one
/// reading every kind of value (nested paths, map entries, whole objects,
/// the whole contact), and one reading nothing.
pub static SCAN_PLANS: [EventPlan; 3] = [
    EventPlan {
        parameters: &["companyName"],
        attributes: &[],
        contact_paths: &["CustomerEndpoint.Address"],
        contact_data: false,
    },
    EventPlan {
        parameters: &["companyName", "Age", "hobbies"],
        attributes: &["greetingPlayed", "exampleAttributeKey1"],
        contact_paths: &[
            "CustomerEndpoint.Address",
            "Channel",
            "Queue",
            "Queue.Name",
            "Queue.OutboundCallerId.Address",
            "References.key1.Value",
            "Tags.dept",
            "MediaStreams.Customer.Audio.StreamARN",
        ],
        contact_data: true,
    },
    EventPlan {
        parameters: &[],
        attributes: &[],
        contact_paths: &[],
        contact_data: false,
    },
];

/// `extract_scan`: any bytes through [`scan`] with each of [`SCAN_PLANS`].
///
/// - No panic.
/// - Well-formedness agrees with serde_json: input that is not UTF-8, or
///   that serde_json's `IgnoredAny` rejects, is a `MalformedEvent`; an
///   error on input serde_json parses as a [`Value`] is an `InvalidEvent`
///   (in between, either); the scan accepts nothing `IgnoredAny` rejects.
/// - What the scan captures is what serde_json finds at the same path
///   (when serde_json can parse the input as a [`Value`]); a value is
///   absent exactly when serde_json has none there (or a parent is null).
/// - Errors are value-free: no string value of the input that looks like
///   personal data (a digit and a non-digit, five bytes or more, not also a
///   key) appears in an error's text.
pub fn extract_scan(data: &[u8]) {
    let text = std::str::from_utf8(data).ok();
    let well_formed = text.is_some() && serde_json::from_slice::<IgnoredAny>(data).is_ok();
    let value = serde_json::from_slice::<Value>(data).ok();
    for plan in &SCAN_PLANS {
        match scan(data, plan) {
            Err(error) => {
                // Between the two (input `IgnoredAny` skips but a `Value`
                // rejects: a lone surrogate, a number out of range) the
                // scanner may say either: it decodes the keys it compares.
                if !well_formed {
                    assert_eq!(error.kind(), ErrorType::MalformedEvent, "{error}");
                } else if value.is_some() {
                    assert_eq!(error.kind(), ErrorType::InvalidEvent, "{error}");
                }
                if let Some(value) = &value {
                    assert_value_free(&error, value, plan);
                }
            }
            Ok(scanned) => {
                assert!(well_formed, "scan accepted input serde_json rejects");
                let Some(value) = &value else { continue };
                let details = value.get("Details");
                let parameters = details.and_then(|d| d.get("Parameters"));
                let contact = details.and_then(|d| d.get("ContactData"));
                let attributes = contact.and_then(|c| c.get("Attributes"));
                for (i, key) in plan.parameters.iter().enumerate() {
                    let expected = parameters.and_then(|p| p.get(key));
                    assert_captured(scanned.parameter(i), expected, "a parameter");
                }
                for (i, key) in plan.attributes.iter().enumerate() {
                    let expected = attributes.and_then(|a| a.get(key));
                    assert_captured(scanned.attribute(i), expected, "an attribute");
                }
                for (i, path) in plan.contact_paths.iter().enumerate() {
                    let expected = path
                        .split('.')
                        .try_fold(contact, |node, key| match node {
                            Some(Value::Object(map)) => Some(map.get(key)),
                            Some(Value::Null) | None => Some(None),
                            Some(_) => None,
                        })
                        .expect("scan accepted a path through a non-object");
                    assert_captured(scanned.contact(i), expected, "a contact path");
                }
                if plan.contact_data {
                    assert_captured(scanned.contact_data(), contact, "ContactData");
                } else {
                    assert!(
                        scanned.contact_data().is_none(),
                        "ContactData not asked for"
                    );
                }
            }
        }
    }
}

/// The scan's capture against serde_json's value at the same path (a
/// `null` there may be captured as `null` or be absent).
fn assert_captured(
    captured: Option<&serde_json::value::RawValue>,
    expected: Option<&Value>,
    what: &str,
) {
    match (captured, expected) {
        (None, None) | (None, Some(Value::Null)) => {}
        (Some(raw), Some(expected)) => {
            let captured: Value =
                serde_json::from_str(raw.get()).expect("a captured value is JSON");
            assert!(
                same_json(&captured, expected),
                "{what} differs from serde_json's"
            );
        }
        (Some(_), None) => panic!("scan captured {what} serde_json does not find"),
        (None, Some(_)) => panic!("scan missed {what} serde_json finds"),
    }
}

/// No personal-looking string value of `value` appears in `error`'s text.
fn assert_value_free(error: &ExtractError, value: &Value, plan: &EventPlan) {
    let message = error.to_string();
    let mut keys = Vec::new();
    let mut values = Vec::new();
    collect_strings(value, &mut keys, &mut values);
    let named: Vec<&str> = plan
        .parameters
        .iter()
        .chain(plan.attributes)
        .chain(plan.contact_paths)
        .copied()
        .collect();
    for text in values {
        let personal = text.len() >= 5
            && text.bytes().any(|b| b.is_ascii_digit())
            && text.bytes().any(|b| !b.is_ascii_digit() && b != b' ')
            && !keys.iter().any(|key| key.contains(text.as_str()))
            && !named.iter().any(|name| name.contains(text.as_str()));
        assert!(
            !(personal && message.contains(text.as_str())),
            "an error echoes a value of the event: {message}"
        );
    }
}

fn collect_strings(value: &Value, keys: &mut Vec<String>, values: &mut Vec<String>) {
    match value {
        Value::String(text) => values.push(text.clone()),
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_strings(item, keys, values)),
        Value::Object(map) => {
            for (key, item) in map {
                keys.push(key.clone());
                collect_strings(item, keys, values);
            }
        }
        _ => {}
    }
}

/// A derived STRING_MAP response with every kind of field: renamed,
/// optional, `display`, and a flattened map of run-time keys.
#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct Balance {
    customer_balance: String,
    website_url: String,
    note: Option<String>,
    #[connect(display)]
    tries: u32,
    #[connect(flatten)]
    extra: BTreeMap<String, String>,
}

/// The declared keys of [`Balance`].
const BALANCE_KEYS: [&str; 4] = ["customerBalance", "websiteUrl", "note", "tries"];

/// A derived JSON response without `flatten`: it writes itself
/// (`WriteJson`), and must write what its `Serialize` impl serialises.
#[derive(ConnectResponse)]
#[connect(json)]
struct Profile {
    name: String,
    nickname: Option<String>,
    #[connect(rename = "Tags")]
    tags: Vec<String>,
    maybe: Vec<Option<String>>,
    #[connect(display)]
    length: usize,
    score: f64,
    vip: bool,
    address: Address,
    previous: Option<Address>,
    raw: Value,
}

/// [`Profile`]'s nested object.
#[derive(ConnectResponse)]
#[connect(json)]
struct Address {
    line: String,
    city: Option<String>,
}

/// A derived STRING_MAP response without `flatten`.
#[derive(ConnectResponse)]
struct Greeting {
    text: String,
    #[connect(rename = "alt-text")]
    alt: Option<std::borrow::Cow<'static, str>>,
    #[connect(display)]
    count: u32,
}

/// A hand-written STRING_MAP response (the flat-string rule is checked at
/// run time).
#[derive(serde::Serialize)]
struct HandWrittenStringMap(Value);

impl ConnectResponse for HandWrittenStringMap {
    const VALIDATION: ResponseValidation = ResponseValidation::StringMap;
    fn external_keys() -> Vec<ExternalKey> {
        vec![ExternalKey::new("*", ValueType::Map, false)]
    }
}

/// A hand-written JSON response.
#[derive(serde::Serialize)]
struct HandWrittenJson(Value);

impl ConnectResponse for HandWrittenJson {
    const VALIDATION: ResponseValidation = ResponseValidation::Json;
    fn external_keys() -> Vec<ExternalKey> {
        vec![ExternalKey::new("*", ValueType::Any, false)]
    }
}

/// `response_serialize`: responses built from the fuzzer's bytes through
/// `ConnectResponse::to_response_bytes`.
///
/// - A derived `Balance` whose strings and flattened entries come from
///   the bytes (lines: balance, url, note, then key/value pairs; the url
///   repeated up to 256 times to cross the 32 KB limit): `Ok` exactly when
///   every flattened key follows the key grammar, is not a declared key,
///   and the JSON is at most 32 KB; then the bytes are exactly the fields'
///   values under their keys. Errors are `InvalidResponse` and do not echo
///   the values.
/// - The bytes as JSON, in hand-written STRING_MAP and JSON impls: `Ok`
///   exactly when the size fits (and, for STRING_MAP, the value is an
///   object of strings), then the bytes are serde_json's.
pub fn response_serialize(data: &[u8]) {
    derived_response(data);
    written_responses(data);
    if let Ok(value) = serde_json::from_slice::<Value>(data) {
        hand_written_responses(value);
    }
}

fn derived_response(data: &[u8]) {
    let repeat = 1 + usize::from(data.first().copied().unwrap_or(0));
    let mut lines = data
        .get(1..)
        .unwrap_or_default()
        .split(|&b| b == b'\n')
        .map(|line| String::from_utf8_lossy(line).into_owned());
    let customer_balance = lines.next().unwrap_or_default();
    let website_url = lines.next().unwrap_or_default().repeat(repeat);
    let note = lines.next().filter(|note| !note.is_empty());
    let mut extra = BTreeMap::new();
    while let (Some(key), Some(value)) = (lines.next(), lines.next()) {
        extra.insert(key, value);
    }
    let response = Balance {
        customer_balance,
        website_url,
        note,
        tries: u32::try_from(data.len()).unwrap_or(u32::MAX),
        extra,
    };

    let mut expected = serde_json::Map::new();
    expected.insert(
        "customerBalance".into(),
        response.customer_balance.clone().into(),
    );
    expected.insert("websiteUrl".into(), response.website_url.clone().into());
    if let Some(note) = &response.note {
        expected.insert("note".into(), note.clone().into());
    }
    expected.insert("tries".into(), response.tries.to_string().into());
    let keys_ok = response
        .extra
        .keys()
        .all(|key| is_valid_key(key) && !BALANCE_KEYS.contains(&key.as_str()));
    for (key, value) in &response.extra {
        expected.insert(key.clone(), value.clone().into());
    }
    let expected = Value::Object(expected);
    let fits = serde_json::to_vec(&expected).expect("JSON").len() <= MAX_RESPONSE_BYTES;

    match response.to_response_bytes() {
        Ok(bytes) => {
            assert!(keys_ok, "a flattened key breaking the rules was sent");
            assert!(bytes.len() <= MAX_RESPONSE_BYTES, "over 32 KB was sent");
            let sent: Value = serde_json::from_slice(&bytes).expect("the response is JSON");
            assert_eq!(sent, expected, "the response differs from its fields");
            assert_no_repeated_key(&bytes, expected.as_object().map_or(0, |map| map.len()));
        }
        Err(error) => {
            assert_eq!(error.kind(), ErrorType::InvalidResponse, "{error}");
            assert!(!(keys_ok && fits), "a valid response was refused: {error}");
            let mut strings = vec![
                response.customer_balance.as_str(),
                response.website_url.as_str(),
            ];
            strings.extend(response.note.as_deref());
            strings.extend(response.extra.values().map(String::as_str));
            let message = error.to_string();
            for text in strings {
                let personal = text.len() >= 5
                    && text.bytes().any(|b| b.is_ascii_digit())
                    && text.bytes().any(|b| !b.is_ascii_digit() && b != b' ')
                    && !BALANCE_KEYS.iter().any(|key| key.contains(text))
                    && !response.extra.keys().any(|key| key.contains(text));
                assert!(
                    !(personal && message.contains(text)),
                    "a response error echoes a value: {message}"
                );
            }
        }
    }
}

/// Derived responses without `flatten` write their bytes themselves: the
/// bytes must be exactly what their `Serialize` impl gives through
/// serde_json (the definition of the response's JSON), for any strings.
fn written_responses(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\n').map(str::to_owned);
    let mut next = || parts.next().unwrap_or_default();
    let (name, nickname, tag, line, city) = (next(), next(), next(), next(), next());
    let profile = Profile {
        length: name.len(),
        score: data.len() as f64 / 3.0,
        vip: data.len() % 2 == 0,
        nickname: Some(nickname).filter(|nickname| !nickname.is_empty()),
        tags: tag.split(' ').map(str::to_owned).collect(),
        maybe: vec![None, Some(tag.clone())],
        address: Address {
            line: line.clone(),
            city: Some(city.clone()),
        },
        previous: (data.len() % 3 == 0).then_some(Address { line, city: None }),
        raw: serde_json::from_slice(data).unwrap_or(Value::Null),
        name,
    };
    let greeting = Greeting {
        text: tag,
        alt: Some(city).filter(|city| !city.is_empty()).map(Into::into),
        count: u32::try_from(data.len()).unwrap_or(u32::MAX),
    };
    assert_written_as_serialized(&profile);
    assert_written_as_serialized(&greeting);
}

/// `to_response_bytes` is serde_json's serialisation of the value, or the
/// size error when that is over 32 KB.
fn assert_written_as_serialized<T: ConnectResponse>(response: &T) {
    let serialized = serde_json::to_vec(response).expect("a derived response serialises");
    match response.to_response_bytes() {
        Ok(bytes) => assert_eq!(
            String::from_utf8_lossy(&bytes),
            String::from_utf8_lossy(&serialized),
            "the written response differs from the serialised one"
        ),
        Err(error) => {
            assert!(serialized.len() > MAX_RESPONSE_BYTES, "{error}");
            assert_eq!(error.kind(), ErrorType::InvalidResponse);
        }
    }
}

/// The object in `bytes` has exactly `count` keys (a key written twice
/// would parse as fewer).
fn assert_no_repeated_key(bytes: &[u8], count: usize) {
    struct CountKeys;
    impl<'de> serde::de::Visitor<'de> for CountKeys {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
            let mut n = 0;
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok(n)
        }
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let written = serde::Deserializer::deserialize_map(&mut deserializer, CountKeys)
        .expect("the response is an object");
    assert_eq!(written, count, "a response key was written twice");
}

fn hand_written_responses(value: Value) {
    let json = serde_json::to_vec(&value).expect("a Value serialises");
    let fits = json.len() <= MAX_RESPONSE_BYTES;
    let flat = value.as_object().is_some_and(|map| {
        map.iter()
            .all(|(key, value)| is_valid_key(key) && value.is_string())
    });

    let string_map = HandWrittenStringMap(value);
    match string_map.to_response_bytes() {
        Ok(bytes) => {
            assert!(fits && flat, "a response STRING_MAP refuses was sent");
            assert_eq!(bytes, json, "the response differs from serde_json's");
        }
        Err(error) => {
            assert_eq!(error.kind(), ErrorType::InvalidResponse, "{error}");
            assert!(
                !(fits && flat),
                "a valid STRING_MAP response was refused: {error}"
            );
            assert_fixed_message(&error.to_string(), &string_map_messages());
        }
    }

    match HandWrittenJson(string_map.0).to_response_bytes() {
        Ok(bytes) => {
            assert!(fits, "over 32 KB was sent");
            assert_eq!(bytes, json, "the response differs from serde_json's");
        }
        Err(error) => {
            assert_eq!(error.kind(), ErrorType::InvalidResponse, "{error}");
            assert!(!fits, "a valid JSON response was refused: {error}");
        }
    }
}

/// A message with every run of ASCII digits replaced by `N`: what is left
/// of a value-free message once its counts and positions are taken out.
fn digits_as_n(message: &str) -> String {
    let mut shape = String::with_capacity(message.len());
    let mut in_digits = false;
    for ch in message.chars() {
        if ch.is_ascii_digit() {
            if !in_digits {
                shape.push('N');
            }
            in_digits = true;
        } else {
            shape.push(ch);
            in_digits = false;
        }
    }
    shape
}

/// Every message the STRING_MAP check of a hand-written response can give
/// (as [`digits_as_n`] shapes), taken from the check itself on inputs that
/// hold no key or value of the fuzzer's.
fn string_map_messages() -> Vec<String> {
    use connect_types::response::{check_flat_string_map, check_size};
    let mut inputs: Vec<&[u8]> = vec![br#"{"a":"b","c":"d"} x"#, br#"{"a b":"c"}"#];
    for kind in [&b"1"[..], b"true", b"null", b"[]", b"{}", br#""a""#] {
        inputs.push(kind);
    }
    let mut messages: Vec<String> = inputs
        .iter()
        .filter_map(|input| check_flat_string_map(input).err())
        .map(|error| digits_as_n(&error.to_string()))
        .collect();
    for kind in ["1", "true", "null", "[]", "{}"] {
        let entry = format!(r#"{{"a":{kind}}}"#);
        if let Err(error) = check_flat_string_map(entry.as_bytes()) {
            messages.push(digits_as_n(&error.to_string()));
        }
    }
    if let Err(error) = check_size(&vec![b' '; MAX_RESPONSE_BYTES + 1]) {
        messages.push(digits_as_n(&error.to_string()));
    }
    messages
}

/// Asserts that `message` is one of the fixed `messages` with only digits
/// changed: so it holds no key or value of the input, whatever they are.
fn assert_fixed_message(message: &str, messages: &[String]) {
    assert!(
        messages.contains(&digits_as_n(message)),
        "an error message that is not one of the fixed ones (does it echo the input?): {message}"
    );
}

/// `handler_panic`: a `#[connect_handler]` function that panics with the
/// fuzzer's text in its message (in its body, or in its response's
/// serialisation), run through `Handler::invoke`.
///
/// - The panic never escapes: the invocation is a `HandlerPanic` error.
/// - Its message is the fixed one, only the location's numbers changing:
///   no byte of the panic's message reaches it.
/// - A text that asks for no panic is answered normally.
pub fn handler_panic(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let event = serde_json::json!({"Details": {"Parameters": {"word": text}}});
    let body = serde_json::to_vec(&event).expect("a JSON event");
    let handler = panicking::handler();
    let invoked = poll_once(handler.invoke(&body));
    let Some(result) = invoked else {
        panic!("a synchronous handler did not finish in one poll");
    };
    let should_panic = text.starts_with('p') || text.starts_with('l');
    match result {
        Ok(bytes) => {
            assert!(!should_panic, "a panicking handler answered");
            let sent: Value = serde_json::from_slice(&bytes).expect("the response is JSON");
            assert_eq!(sent, serde_json::json!({"echo": text.len().to_string()}));
        }
        Err(error) => {
            assert!(
                should_panic,
                "a handler that does not panic failed: {error}"
            );
            assert_eq!(error.kind(), ErrorType::HandlerPanic, "{error}");
            let fixed = poll_once(handler.invoke(br#"{"Details": {"Parameters": {"word": "p"}}}"#))
                .and_then(Result::err)
                .expect("the fixed panic is a HandlerPanic");
            assert_fixed_message(&error.to_string(), &[digits_as_n(&fixed.to_string())]);
        }
    }
}

/// Polls `future` once with a waker that does nothing: enough for a
/// handler that never waits.
fn poll_once<F: std::future::Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(output) => Some(output),
        std::task::Poll::Pending => None,
    }
}

/// The response of [`panicking`]: its `Display` field panics with the
/// text when it starts with `l` ("late").
#[derive(connect_lambda::ConnectResponse)]
struct Echo {
    #[connect(display)]
    echo: EchoText,
}

struct EchoText(String);

impl std::fmt::Display for EchoText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.starts_with('l') {
            panic!("late: {}", self.0);
        }
        write!(f, "{}", self.0.len())
    }
}

/// Panics with `word` in its message when it starts with `p`; its response
/// panics while serialised when it starts with `l`.
#[connect_lambda::connect_handler]
fn panicking(#[param] word: String) -> Echo {
    if word.starts_with('p') {
        panic!("cannot route caller {word}");
    }
    Echo {
        echo: EchoText(word),
    }
}
