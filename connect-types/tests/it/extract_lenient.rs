//! Lenient coercions, both ways, at every depth; and what stays rejected.

use std::collections::{BTreeMap, HashMap};

use connect_types::error::ErrorType;
use connect_types::extract::{from_slice, from_slice_strict, ExtractError, Lenient};
use serde::Deserialize;
use serde_json::value::RawValue;

fn ok<'de, T: Deserialize<'de>>(json: &'de str) -> T {
    match from_slice(json.as_bytes()) {
        Ok(value) => value,
        Err(error) => panic!("{json}: {error}"),
    }
}

fn err<'de, T: Deserialize<'de> + std::fmt::Debug>(json: &'de str) -> ExtractError {
    let error = from_slice::<T>(json.as_bytes()).expect_err(json);
    assert_eq!(error.kind(), ErrorType::InvalidEvent, "{json}: {error}");
    error
}

#[test]
fn string_accepts_numbers_and_bools_as_their_json_text() {
    assert_eq!(ok::<String>("10"), "10");
    assert_eq!(ok::<String>("-3"), "-3");
    assert_eq!(ok::<String>("2.5"), "2.5");
    assert_eq!(ok::<String>("10.0"), "10.0");
    assert_eq!(ok::<String>("18446744073709551615"), "18446744073709551615");
    assert_eq!(ok::<String>("true"), "true");
    assert_eq!(ok::<String>("false"), "false");
    assert_eq!(ok::<String>(r#""plain""#), "plain");
    assert_eq!(ok::<String>(r#""esc\"aped""#), "esc\"aped");
    // A borrowed &str can take a bool (a static text), not a number.
    assert_eq!(ok::<&str>("true"), "true");
    assert_eq!(&*ok::<Box<str>>("7"), "7");
}

#[test]
fn numbers_accept_their_string_forms() {
    assert_eq!(ok::<u32>(r#""10""#), 10);
    assert_eq!(ok::<u8>(r#""255""#), 255);
    assert_eq!(ok::<i64>(r#""-3""#), -3);
    assert_eq!(ok::<i16>(r#""-0""#), 0);
    assert_eq!(ok::<u64>(r#""18446744073709551615""#), u64::MAX);
    assert_eq!(ok::<i64>(r#""-9223372036854775808""#), i64::MIN);
    assert_eq!(
        ok::<u128>(r#""340282366920938463463374607431768211455""#),
        u128::MAX
    );
    assert_eq!(
        ok::<i128>(r#""-170141183460469231731687303715884105728""#),
        i128::MIN
    );
    assert_eq!(ok::<f64>(r#""2.5""#), 2.5);
    assert_eq!(ok::<f64>(r#""-1e3""#), -1000.0);
    assert_eq!(ok::<f64>(r#""10""#), 10.0);
    assert_eq!(ok::<f32>(r#""0.5""#), 0.5);
    // Plain JSON numbers still work.
    assert_eq!(ok::<u32>("10"), 10);
    assert_eq!(ok::<f64>("10"), 10.0);
    assert_eq!(ok::<i8>("-128"), -128);
}

#[test]
fn bools_accept_true_and_false_in_any_case() {
    for (json, expected) in [
        (r#""true""#, true),
        (r#""TRUE""#, true),
        (r#""True""#, true),
        (r#""false""#, false),
        (r#""FALSE""#, false),
        (r#""fAlSe""#, false),
        ("true", true),
        ("false", false),
    ] {
        assert_eq!(ok::<bool>(json), expected, "{json}");
    }
}

#[derive(Deserialize, Debug, PartialEq)]
struct Age(u32);

#[derive(Deserialize, Debug, PartialEq)]
struct Name(String);

type Count = u16;

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Child {
    name: Name,
    age: Age,
    count: Count,
    is_enrolled_in_school: bool,
    ratio: Option<f64>,
    nickname: Option<String>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Family {
    children: Vec<Child>,
    by_name: HashMap<String, Option<u32>>,
    ids: BTreeMap<u32, String>,
}

#[test]
fn coercions_apply_in_nested_fields_newtypes_aliases_options_and_collections() {
    let family: Family = ok(r#"{
        "children": [
            {"name": 10, "age": "10", "count": "3", "isEnrolledInSchool": "TRUE", "ratio": "0.5", "nickname": false},
            {"name": "Jane", "age": 11, "count": 4, "isEnrolledInSchool": false, "ratio": null}
        ],
        "by_name": {"a": "1", "b": 2, "c": null},
        "ids": {"7": 70, "8": true}
    }"#);
    assert_eq!(
        family.children[0],
        Child {
            name: Name("10".into()),
            age: Age(10),
            count: 3,
            is_enrolled_in_school: true,
            ratio: Some(0.5),
            nickname: Some("false".into()),
        }
    );
    assert_eq!(family.children[1].name, Name("Jane".into()));
    assert_eq!(family.children[1].ratio, None);
    assert_eq!(family.children[1].nickname, None);
    assert_eq!(family.by_name["a"], Some(1));
    assert_eq!(family.by_name["b"], Some(2));
    assert_eq!(family.by_name["c"], None);
    assert_eq!(family.ids[&7], "70");
    assert_eq!(family.ids[&8], "true");
}

#[test]
fn vec_of_u32_from_mixed_strings_and_numbers() {
    assert_eq!(ok::<Vec<u32>>(r#"["1", 2]"#), vec![1, 2]);
    assert_eq!(
        ok::<Vec<Option<u32>>>(r#"["1", null, 3]"#),
        vec![Some(1), None, Some(3)]
    );
    assert_eq!(
        ok::<(u8, String, bool)>(r#"["1", 2, "true"]"#),
        (1, "2".into(), true)
    );
    assert_eq!(
        ok::<Vec<Vec<i32>>>(r#"[["-1"], [2, "3"]]"#),
        vec![vec![-1], vec![2, 3]]
    );
}

#[test]
fn options_take_null_as_none_and_coerce_the_rest() {
    assert_eq!(ok::<Option<u32>>("null"), None);
    assert_eq!(ok::<Option<u32>>(r#""10""#), Some(10));
    assert_eq!(ok::<Option<String>>("10"), Some("10".into()));
    assert_eq!(ok::<Option<Option<bool>>>(r#""false""#), Some(Some(false)));
}

#[derive(Deserialize, Debug, PartialEq)]
enum Shape {
    Dot,
    Circle(u32),
    Rect { w: u32, h: u32 },
    Pair(u8, String),
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Channel {
    Voice,
    Chat,
    #[serde(other)]
    Other,
}

#[test]
fn enums_read_unit_variants_from_strings_and_others_from_single_key_objects() {
    assert_eq!(ok::<Shape>(r#""Dot""#), Shape::Dot);
    assert_eq!(ok::<Shape>(r#"{"Dot": null}"#), Shape::Dot);
    assert_eq!(ok::<Shape>(r#"{"Circle": "5"}"#), Shape::Circle(5));
    assert_eq!(
        ok::<Shape>(r#"{"Rect": {"w": "2", "h": 3}}"#),
        Shape::Rect { w: 2, h: 3 }
    );
    assert_eq!(
        ok::<Shape>(r#"{"Pair": ["1", 2]}"#),
        Shape::Pair(1, "2".into())
    );
    assert_eq!(ok::<Channel>(r#""VOICE""#), Channel::Voice);
    assert_eq!(ok::<Channel>(r#""CHAT""#), Channel::Chat);
    assert_eq!(ok::<Channel>(r#""EMAIL""#), Channel::Other);
    assert_eq!(
        ok::<Vec<Channel>>(r#"["VOICE", "TASK"]"#),
        vec![Channel::Voice, Channel::Other]
    );
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(untagged)]
enum NumberOrText {
    Number(u64),
    Text(String),
}

#[derive(Deserialize, Debug, PartialEq)]
struct WithFlatten {
    id: u32,
    #[serde(flatten)]
    rest: HashMap<String, serde_json::Value>,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(tag = "type")]
enum Tagged {
    A { x: u32 },
}

#[test]
fn buffered_shapes_and_values_pass_through() {
    assert_eq!(ok::<NumberOrText>("5"), NumberOrText::Number(5));
    assert_eq!(ok::<NumberOrText>(r#""x""#), NumberOrText::Text("x".into()));
    let flattened: WithFlatten = ok(r#"{"id": "1", "other": [1, {"a": null}]}"#);
    assert_eq!(flattened.id, 1);
    assert_eq!(flattened.rest["other"], serde_json::json!([1, {"a": null}]));
    assert_eq!(ok::<Tagged>(r#"{"type": "A", "x": 1}"#), Tagged::A { x: 1 });
    // A serde_json::Value is read as it is: no coercion.
    let value: serde_json::Value = ok(r#"{"n": 10, "s": "10", "b": true, "f": 2.5, "a": [null]}"#);
    assert_eq!(
        value,
        serde_json::json!({"n": 10, "s": "10", "b": true, "f": 2.5, "a": [null]})
    );
}

#[test]
fn raw_values_and_borrowed_strings_pass_through() {
    let json = r#"{"a": {"b": [1, 2]}, "c": "text"}"#;
    let raw: HashMap<&str, &RawValue> = ok(json);
    assert_eq!(raw["a"].get(), r#"{"b": [1, 2]}"#);
    let boxed: HashMap<String, Box<RawValue>> = ok(json);
    assert_eq!(boxed["c"].get(), r#""text""#);
    let borrowed: HashMap<&str, serde_json::Value> = ok(json);
    assert_eq!(borrowed["c"], "text");
}

#[test]
fn escaped_keys_are_read() {
    #[derive(Deserialize)]
    struct Company {
        #[serde(rename = "companyName")]
        name: String,
    }
    let company: Company = ok(r#"{"company\u004eame": 5}"#);
    assert_eq!(company.name, "5");
    let error = err::<HashMap<String, u32>>(r#"{"a\u0062c": "x"}"#);
    assert_eq!(error.path(), "abc");
}

#[test]
fn rejections_stay_rejections() {
    // "1" is not a bool, 10.0 and "10.0" are not integers, no trimming.
    let cases: Vec<(ExtractError, &str)> = vec![
        (
            err::<bool>(r#""1""#),
            "invalid type: expected a boolean, found a string",
        ),
        (
            err::<bool>(r#""yes""#),
            "invalid type: expected a boolean, found a string",
        ),
        (
            err::<bool>("1"),
            "invalid type: expected a boolean, found an integer",
        ),
        (
            err::<u32>("10.0"),
            "invalid type: expected u32, found a floating-point number",
        ),
        (
            err::<u32>(r#""10.0""#),
            "invalid type: expected u32, found a string",
        ),
        (
            err::<u32>(r#""1e3""#),
            "invalid type: expected u32, found a string",
        ),
        (
            err::<u32>(r#"" 10""#),
            "invalid type: expected u32, found a string",
        ),
        (
            err::<u32>(r#""10 ""#),
            "invalid type: expected u32, found a string",
        ),
        (
            err::<u32>(r#""+10""#),
            "invalid type: expected u32, found a string",
        ),
        (
            err::<u32>(r#""""#),
            "invalid type: expected u32, found a string",
        ),
        (
            err::<u32>(r#""-1""#),
            "invalid value: expected u32, found an integer",
        ),
        (
            err::<u8>("300"),
            "invalid value: expected u8, found an integer",
        ),
        (
            err::<u8>(r#""300""#),
            "invalid value: expected u8, found an integer",
        ),
        (
            err::<u64>(r#""18446744073709551616""#),
            "invalid type: expected u64, found a string",
        ),
        (
            err::<f64>(r#""NaN""#),
            "invalid type: expected f64, found a string",
        ),
        (
            err::<f64>(r#""inf""#),
            "invalid type: expected f64, found a string",
        ),
        (
            err::<f64>("true"),
            "invalid type: expected f64, found a boolean",
        ),
        (
            err::<Option<u32>>(r#""""#),
            "invalid type: expected u32, found a string",
        ),
        (
            err::<Option<u32>>("true"),
            "invalid type: expected u32, found a boolean",
        ),
        (
            err::<String>("null"),
            "invalid type: expected a string, found null",
        ),
        (
            err::<String>("[]"),
            "invalid type: expected a string, found an array",
        ),
        (
            err::<String>("{}"),
            "invalid type: expected a string, found an object",
        ),
        (
            err::<Age>(r#""ten""#),
            "invalid type: expected u32, found a string",
        ),
        (
            err::<Shape>("10"),
            "invalid type: expected enum Shape, found an integer",
        ),
        (
            err::<Shape>("{}"),
            "invalid type: expected an enum variant, found an empty object",
        ),
        (
            err::<Shape>(r#"{"Dot": null, "Circle": 1}"#),
            "invalid length: the object has more entries than expected",
        ),
        (
            err::<(u32, u32)>("[1, 2, 3]"),
            "invalid length: the array has more elements than expected",
        ),
        (
            err::<(u32, u32)>("[1]"),
            "invalid length 1, expected a tuple of size 2",
        ),
    ];
    for (error, message) in cases {
        assert_eq!(error.to_string(), message);
    }
}

/// The strict mode's error for `json` read as `T`.
fn strict_err<'de, T: Deserialize<'de> + std::fmt::Debug>(json: &'de str) -> ExtractError {
    let error = from_slice_strict::<T>(json.as_bytes()).expect_err(json);
    assert_eq!(error.kind(), ErrorType::InvalidEvent, "{json}: {error}");
    error
}

#[test]
fn the_strict_mode_coerces_nothing_at_any_depth() {
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    enum Shape {
        Circle(u32),
        Square { side: u32 },
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Inner {
        id: String,
        count: Option<u32>,
        flags: Vec<bool>,
        scores: HashMap<String, f64>,
        shape: Option<Shape>,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Outer {
        inner: Option<Inner>,
    }

    let valid = r#"{"inner": {"id": "a", "count": 1, "flags": [true], "scores": {"x": 2.5}, "shape": {"Square": {"side": 2}}}}"#;
    assert!(from_slice_strict::<Outer>(valid.as_bytes()).is_ok());
    for (json, path, expected, found) in [
        (
            r#"{"inner": {"id": 15550100, "flags": [], "scores": {}}}"#,
            "inner.id",
            "a string",
            "an integer",
        ),
        (
            r#"{"inner": {"id": true, "flags": [], "scores": {}}}"#,
            "inner.id",
            "a string",
            "a boolean",
        ),
        (
            r#"{"inner": {"id": "a", "count": "1", "flags": [], "scores": {}}}"#,
            "inner.count",
            "u32",
            "a string",
        ),
        (
            r#"{"inner": {"id": "a", "flags": [true, "TRUE"], "scores": {}}}"#,
            "inner.flags[1]",
            "a boolean",
            "a string",
        ),
        (
            r#"{"inner": {"id": "a", "flags": [], "scores": {"x": "2.5"}}}"#,
            "inner.scores.x",
            "f64",
            "a string",
        ),
        (
            r#"{"inner": {"id": "a", "flags": [], "scores": {}, "shape": {"Circle": "1"}}}"#,
            "inner.shape.Circle",
            "u32",
            "a string",
        ),
        (
            r#"{"inner": {"id": "a", "flags": [], "scores": {}, "shape": {"Square": {"side": "2"}}}}"#,
            "inner.shape.Square.side",
            "u32",
            "a string",
        ),
    ] {
        let error = strict_err::<Outer>(json);
        assert_eq!(error.path(), path, "{json}: {error}");
        let message = error.to_string();
        assert!(
            message.contains(&format!("expected {expected}")),
            "{json}: {message}"
        );
        assert!(message.contains(found), "{json}: {message}");
        assert!(!message.contains("15550100"), "{json}: {message}");
        // The same documents are read leniently by `from_slice`.
        assert!(from_slice::<Outer>(json.as_bytes()).is_ok(), "{json}");
    }
}

#[test]
fn the_strict_mode_keeps_the_checks_of_the_lenient_one() {
    // Repeated keys, trailing elements, unknown enum variants: the same
    // errors in both modes.
    let error = strict_err::<HashMap<String, String>>(r#"{"a": "1", "a": "2"}"#);
    assert_eq!(
        error.to_string(),
        err::<HashMap<String, String>>(r#"{"a": "1", "a": "2"}"#).to_string()
    );
    let error = strict_err::<(u32, u32)>("[1, 2, 3]");
    assert_eq!(
        error.to_string(),
        err::<(u32, u32)>("[1, 2, 3]").to_string()
    );
    // Keys are text in JSON: numeric keys are read in both modes.
    let map: HashMap<u32, String> = from_slice_strict(br#"{"1": "a"}"#).unwrap();
    assert_eq!(map[&1], "a");
}

#[test]
fn the_adapter_reports_its_mode() {
    let mut de = serde_json::Deserializer::from_str("\"10\"");
    assert!(Lenient::new(&mut de).is_coercing());
    assert!(!Lenient::strict(&mut de).is_coercing());
    assert_eq!(u32::deserialize(Lenient::new(&mut de)).unwrap(), 10);
}
