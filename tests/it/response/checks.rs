//! Run-time checks: Connect's 32 KB limit, and the flat-string rule for
//! hand-written STRING_MAP impls.

use std::collections::BTreeMap;

use connect_lambda::manifest::{ExternalKey, ResponseValidation, ValueType};
use connect_lambda::response::MAX_RESPONSE_BYTES;
use connect_lambda::ConnectResponse;
use connect_types::error::InvokeError;

#[derive(ConnectResponse)]
struct Text {
    text: String,
}

/// `{"text":""}` is 11 bytes.
const TEXT_OVERHEAD: usize = r#"{"text":""}"#.len();

#[test]
fn the_limit_is_32768_bytes() {
    assert_eq!(MAX_RESPONSE_BYTES, 32 * 1024);
}

#[test]
fn a_response_exactly_at_the_limit_passes_and_one_byte_over_fails() {
    let at_limit = Text {
        text: "x".repeat(MAX_RESPONSE_BYTES - TEXT_OVERHEAD),
    };
    let bytes = at_limit.to_response_bytes().unwrap();
    assert_eq!(bytes.len(), MAX_RESPONSE_BYTES);

    let over = Text {
        text: "x".repeat(MAX_RESPONSE_BYTES - TEXT_OVERHEAD + 1),
    };
    let error: InvokeError = over.to_response_bytes().unwrap_err();
    assert_eq!(error.error_type(), "InvalidResponse");
    assert_eq!(
        error.to_string(),
        "the response is 32769 bytes of UTF-8, over Connect's limit of 32768 bytes (32 KB)"
    );
}

#[test]
fn the_limit_counts_utf8_bytes_after_escaping_not_characters() {
    // "é" is two bytes of UTF-8: half as many characters reach the limit.
    let accented = Text {
        text: "é".repeat((MAX_RESPONSE_BYTES - TEXT_OVERHEAD) / 2),
    };
    assert_eq!(
        accented.to_response_bytes().unwrap().len(),
        MAX_RESPONSE_BYTES - 1
    );
    let accented_over = Text {
        text: "é".repeat((MAX_RESPONSE_BYTES - TEXT_OVERHEAD) / 2 + 1),
    };
    assert!(accented_over.to_response_bytes().is_err());

    // A quote is escaped as two bytes.
    let quotes = Text {
        text: "\"".repeat((MAX_RESPONSE_BYTES - TEXT_OVERHEAD) / 2 + 1),
    };
    let error = quotes.to_response_bytes().unwrap_err();
    assert!(error.to_string().starts_with("the response is 32769 bytes"));
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Numbers {
    values: Vec<u32>,
}

#[test]
fn json_responses_have_the_same_limit() {
    // `{"values":[` + `0,` * n + `0]}`
    let n = (MAX_RESPONSE_BYTES - r#"{"values":[0]}"#.len()) / 2;
    let at_limit = Numbers {
        values: vec![0; n + 1],
    };
    assert_eq!(
        at_limit.to_response_bytes().unwrap().len(),
        MAX_RESPONSE_BYTES
    );
    let over = Numbers {
        values: vec![0; n + 2],
    };
    assert_eq!(
        over.to_response_bytes().unwrap_err().to_string(),
        "the response is 32770 bytes of UTF-8, over Connect's limit of 32768 bytes (32 KB)"
    );
}

/// A hand-written impl that claims STRING_MAP but sends a number and an
/// object: what the derive refuses at compile time, caught at run time.
#[derive(serde::Serialize)]
struct HandWritten {
    balance: u64,
}

impl ConnectResponse for HandWritten {
    const VALIDATION: ResponseValidation = ResponseValidation::StringMap;

    fn external_keys() -> Vec<ExternalKey> {
        vec![ExternalKey::new("balance", ValueType::String, true)]
    }
}

#[test]
fn a_hand_written_string_map_impl_is_checked_at_run_time() {
    let error = HandWritten {
        balance: 15_550_100,
    }
    .to_response_bytes()
    .unwrap_err();
    assert_eq!(error.error_type(), "InvalidResponse");
    assert_eq!(
        error.to_string(),
        "response entry 1 (counting from 1) is a number: a STRING_MAP response holds only string values"
    );
    assert!(!error.to_string().contains("15550100"));
}

#[derive(serde::Serialize)]
struct HandWrittenNested {
    ok: String,
    name: BTreeMap<String, String>,
}

impl ConnectResponse for HandWrittenNested {
    const VALIDATION: ResponseValidation = ResponseValidation::StringMap;

    fn external_keys() -> Vec<ExternalKey> {
        Vec::new()
    }
}

#[test]
fn a_hand_written_nested_object_under_string_map_fails() {
    let value = HandWrittenNested {
        ok: "fine".into(),
        name: BTreeMap::from([("first".to_owned(), "Jane".to_owned())]),
    };
    let error = value.to_response_bytes().unwrap_err();
    assert_eq!(
        error.to_string(),
        "response entry 2 (counting from 1) is an object: a STRING_MAP response holds only string values"
    );
    assert!(!error.to_string().contains("Jane"));
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct HandWrittenList(Vec<String>);

impl ConnectResponse for HandWrittenList {
    const VALIDATION: ResponseValidation = ResponseValidation::StringMap;

    fn external_keys() -> Vec<ExternalKey> {
        Vec::new()
    }
}

#[test]
fn a_hand_written_string_map_that_is_not_an_object_fails() {
    let error = HandWrittenList(vec!["a".into()])
        .to_response_bytes()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the response is an array: a STRING_MAP response is a JSON object of string values"
    );
}

#[derive(serde::Serialize)]
struct HandWrittenGood {
    balance: String,
}

impl ConnectResponse for HandWrittenGood {
    const VALIDATION: ResponseValidation = ResponseValidation::StringMap;

    fn external_keys() -> Vec<ExternalKey> {
        vec![ExternalKey::new("balance", ValueType::String, true)]
    }
}

#[test]
fn a_hand_written_flat_string_map_passes() {
    let bytes = HandWrittenGood {
        balance: "7".into(),
    }
    .to_response_bytes()
    .unwrap();
    assert_eq!(bytes, br#"{"balance":"7"}"#);
}

/// Under JSON a hand-written impl may nest: only the size is checked.
#[derive(serde::Serialize)]
struct HandWrittenJson {
    count: u32,
    names: Vec<String>,
}

impl ConnectResponse for HandWrittenJson {
    const VALIDATION: ResponseValidation = ResponseValidation::Json;

    fn external_keys() -> Vec<ExternalKey> {
        vec![
            ExternalKey::new("count", ValueType::Number, true),
            ExternalKey::new("names", ValueType::Array, true),
        ]
    }
}

#[test]
fn a_hand_written_json_impl_is_only_size_checked() {
    let value = HandWrittenJson {
        count: 2,
        names: vec!["a".into()],
    };
    assert_eq!(
        value.to_response_bytes().unwrap(),
        br#"{"count":2,"names":["a"]}"#
    );
    let big = HandWrittenJson {
        count: 0,
        names: vec!["x".repeat(MAX_RESPONSE_BYTES)],
    };
    assert!(big
        .to_response_bytes()
        .unwrap_err()
        .to_string()
        .contains("over Connect's limit of 32768 bytes"));
}

/// A hand-written type can still nest in a derived JSON response by
/// implementing `NestedKeys` and `DescribeValue`.
mod hand_written_nested_keys {
    use connect_lambda::manifest::ValueType;
    use connect_lambda::response::{DescribeValue, KeyCollector, NestedKeys};
    use connect_lambda::ConnectResponse;

    #[derive(serde::Serialize)]
    pub struct Point {
        x: i32,
        y: i32,
    }

    impl NestedKeys for Point {
        fn collect_keys(keys: &mut KeyCollector) {
            keys.leaf("x", ValueType::Number, true);
            keys.leaf("y", ValueType::Number, true);
        }
    }

    impl DescribeValue for Point {
        fn describe(keys: &mut KeyCollector, key: &str, required: bool) {
            keys.object::<Point>(key, required);
        }
    }

    #[derive(ConnectResponse)]
    #[connect(json)]
    struct Route {
        start: Point,
    }

    #[test]
    fn a_hand_written_nested_type_contributes_its_keys() {
        let keys: Vec<String> = Route::external_keys()
            .into_iter()
            .map(|key| key.key)
            .collect();
        assert_eq!(keys, ["start", "start.x", "start.y"]);
        let bytes = Route {
            start: Point { x: 1, y: -1 },
        }
        .to_response_bytes()
        .unwrap();
        assert_eq!(bytes, br#"{"start":{"x":1,"y":-1}}"#);
    }
}
