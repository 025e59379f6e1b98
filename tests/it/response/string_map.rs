//! STRING_MAP responses: the bytes sent to Connect and the key list.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use connect_lambda::manifest::{ExternalKey, ResponseValidation, ValueType};
use connect_lambda::ConnectResponse;

fn text<T: ConnectResponse>(response: &T) -> String {
    String::from_utf8(response.to_response_bytes().unwrap()).unwrap()
}

/// `(key, type, required)` of each entry, in order.
fn keys<T: ConnectResponse>() -> Vec<(String, ValueType, bool)> {
    T::external_keys()
        .into_iter()
        .map(|key| (key.key, key.ty, key.required))
        .collect()
}

/// The design's tutorial response.
#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct Balance {
    customer_balance: String,
    website_url: String,
    note: Option<String>,
    #[connect(display)]
    tries: u32,
}

#[test]
fn the_tutorial_response_is_a_flat_object_of_strings() {
    let balance = Balance {
        customer_balance: "12.50".into(),
        website_url: "https://example.com/pay".into(),
        note: None,
        tries: 3,
    };
    assert_eq!(
        text(&balance),
        r#"{"customerBalance":"12.50","websiteUrl":"https://example.com/pay","tries":"3"}"#
    );
    let with_note = Balance {
        note: Some("late fee".into()),
        ..balance
    };
    assert_eq!(
        text(&with_note),
        r#"{"customerBalance":"12.50","websiteUrl":"https://example.com/pay","note":"late fee","tries":"3"}"#
    );
    // The wire format through serde is the same bytes.
    assert_eq!(serde_json::to_string(&with_note).unwrap(), text(&with_note));
}

#[test]
fn the_tutorial_key_list() {
    assert_eq!(Balance::VALIDATION, ResponseValidation::StringMap);
    let listed = Balance::external_keys();
    assert_eq!(
        listed[0],
        ExternalKey {
            path: "$.External.customerBalance".into(),
            key: "customerBalance".into(),
            ty: ValueType::String,
            required: true,
            referenceable: true,
            truncated: false,
            values: None,
        }
    );
    assert_eq!(
        keys::<Balance>(),
        [
            ("customerBalance".into(), ValueType::String, true),
            ("websiteUrl".into(), ValueType::String, true),
            ("note".into(), ValueType::String, false),
            ("tries".into(), ValueType::String, true),
        ]
    );
    assert_eq!(
        serde_json::to_string(&listed[2]).unwrap(),
        r#"{"path":"$.External.note","key":"note","type":"string","required":false,"referenceable":true}"#
    );
}

#[derive(ConnectResponse)]
struct Everything<'a> {
    owned: String,
    borrowed: &'a str,
    cow: Cow<'a, str>,
    boxed: Box<str>,
    shared: Arc<str>,
    maybe_borrowed: Option<&'a str>,
    #[connect(rename = "Renamed-Key_1")]
    renamed: String,
    #[connect(display)]
    ratio: f64,
    #[connect(display)]
    maybe_count: Option<i64>,
    #[connect(skip)]
    #[allow(dead_code)]
    internal: Vec<u8>,
}

#[test]
fn every_string_type_display_and_skip() {
    let response = Everything {
        owned: "a".into(),
        borrowed: "b",
        cow: Cow::Borrowed("c"),
        boxed: "d".into(),
        shared: Arc::from("e"),
        maybe_borrowed: Some("f \"quoted\" é\n"),
        renamed: "g".into(),
        ratio: 0.5,
        maybe_count: Some(-2),
        internal: vec![1, 2],
    };
    assert_eq!(
        text(&response),
        r#"{"owned":"a","borrowed":"b","cow":"c","boxed":"d","shared":"e","maybe_borrowed":"f \"quoted\" é\n","Renamed-Key_1":"g","ratio":"0.5","maybe_count":"-2"}"#
    );
    let sparse = Everything {
        maybe_borrowed: None,
        maybe_count: None,
        ..response
    };
    assert_eq!(
        text(&sparse),
        r#"{"owned":"a","borrowed":"b","cow":"c","boxed":"d","shared":"e","Renamed-Key_1":"g","ratio":"0.5"}"#
    );
    let listed: Vec<_> = keys::<Everything>()
        .into_iter()
        .map(|(key, ty, required)| {
            assert_eq!(ty, ValueType::String);
            (key, required)
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("owned".to_owned(), true),
            ("borrowed".into(), true),
            ("cow".into(), true),
            ("boxed".into(), true),
            ("shared".into(), true),
            ("maybe_borrowed".into(), false),
            ("Renamed-Key_1".into(), true),
            ("ratio".into(), true),
            ("maybe_count".into(), false),
        ]
    );
}

macro_rules! rename_all_case {
    ($name:ident, $rule:literal, $first:literal, $second:literal) => {
        #[derive(ConnectResponse)]
        #[connect(rename_all = $rule)]
        struct $name {
            customer_balance: String,
            #[connect(rename = "kept_as_is")]
            renamed: String,
            url: String,
        }

        impl $name {
            fn check() {
                let value = $name {
                    customer_balance: "1".into(),
                    renamed: "2".into(),
                    url: "3".into(),
                };
                assert_eq!(
                    text(&value),
                    format!(r#"{{"{}":"1","kept_as_is":"2","{}":"3"}}"#, $first, $second),
                    "{}",
                    $rule
                );
                let listed: Vec<String> = keys::<$name>().into_iter().map(|k| k.0).collect();
                assert_eq!(listed, [$first, "kept_as_is", $second]);
            }
        }
    };
}

rename_all_case!(Lower, "lowercase", "customer_balance", "url");
rename_all_case!(Upper, "UPPERCASE", "CUSTOMER_BALANCE", "URL");
rename_all_case!(Pascal, "PascalCase", "CustomerBalance", "Url");
rename_all_case!(Camel, "camelCase", "customerBalance", "url");
rename_all_case!(Snake, "snake_case", "customer_balance", "url");
rename_all_case!(
    ScreamingSnake,
    "SCREAMING_SNAKE_CASE",
    "CUSTOMER_BALANCE",
    "URL"
);
rename_all_case!(Kebab, "kebab-case", "customer-balance", "url");
rename_all_case!(
    ScreamingKebab,
    "SCREAMING-KEBAB-CASE",
    "CUSTOMER-BALANCE",
    "URL"
);

#[test]
fn rename_all_follows_serde_case_names() {
    Lower::check();
    Upper::check();
    Pascal::check();
    Camel::check();
    Snake::check();
    ScreamingSnake::check();
    Kebab::check();
    ScreamingKebab::check();
}

#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct WithExtra {
    customer_name: String,
    #[connect(flatten)]
    extra: BTreeMap<String, String>,
    note: Option<String>,
}

#[test]
fn flattened_entries_are_merged_in_declaration_order() {
    let response = WithExtra {
        customer_name: "Jane".into(),
        extra: BTreeMap::from([
            ("tier".to_owned(), "gold".to_owned()),
            ("Account-Type_2".to_owned(), "business".to_owned()),
        ]),
        note: Some("n".into()),
    };
    assert_eq!(
        text(&response),
        r#"{"customerName":"Jane","Account-Type_2":"business","tier":"gold","note":"n"}"#
    );
    let empty = WithExtra {
        extra: BTreeMap::new(),
        note: None,
        ..response
    };
    assert_eq!(text(&empty), r#"{"customerName":"Jane"}"#);
    assert_eq!(
        keys::<WithExtra>(),
        [
            ("customerName".into(), ValueType::String, true),
            ("*".into(), ValueType::Map, false),
            ("note".into(), ValueType::String, false),
        ]
    );
    assert_eq!(
        serde_json::to_string(&WithExtra::external_keys()[1]).unwrap(),
        r#"{"path":"$.External.*","key":"*","type":"map","required":false,"referenceable":true}"#
    );
}

#[derive(ConnectResponse)]
struct OptionalValues<'a> {
    #[connect(flatten)]
    extra: HashMap<&'a str, Option<&'a str>>,
}

#[test]
fn flattened_none_values_are_left_out() {
    let response = OptionalValues {
        extra: HashMap::from([("present", Some("yes")), ("absent", None)]),
    };
    assert_eq!(text(&response), r#"{"present":"yes"}"#);
}

#[test]
fn a_flattened_key_outside_the_grammar_is_an_invalid_response_that_hides_the_key() {
    for bad in ["", "has space", "dotted.key", "+15550100", "naïve"] {
        let response = WithExtra {
            customer_name: "Jane".into(),
            extra: BTreeMap::from([(bad.to_owned(), "v".to_owned())]),
            note: None,
        };
        let error = response.to_response_bytes().unwrap_err();
        assert_eq!(error.error_type(), "InvalidResponse", "{bad:?}");
        assert_eq!(
            error.to_string(),
            "the response cannot be serialised: flattened field `extra` holds a key that is empty or has a character outside [A-Za-z0-9_-], so a flow cannot reference it"
        );
    }
}

#[test]
fn a_flattened_key_that_repeats_a_field_key_is_an_invalid_response() {
    let response = WithExtra {
        customer_name: "Jane".into(),
        extra: BTreeMap::from([("note".to_owned(), "v".to_owned())]),
        note: None,
    };
    let error = response.to_response_bytes().unwrap_err();
    assert_eq!(error.error_type(), "InvalidResponse");
    assert_eq!(
        error.to_string(),
        "the response cannot be serialised: flattened field `extra` holds the key `note`, which the response already has"
    );
}
