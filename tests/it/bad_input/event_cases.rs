//! Events a handler cannot take, each with the error it must get: not
//! JSON, valid JSON of the wrong shape, nesting past the limit, invalid
//! UTF-8, duplicate keys, strings and numbers JSON does not allow or that
//! do not fit. And what must still work: deep nesting and odd values in the
//! parts a handler skips, and a valid 6 MB event.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Which::*;
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
    ]
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
