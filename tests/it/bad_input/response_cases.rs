//! Responses Connect would reject (over 32 KB, not flat strings, keys from
//! the event) and panics in the handler or while its response is
//! serialised, each with the error it must get; and a response of exactly
//! 32 KB, which is returned.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Which::*;
    vec![
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
            &[
                "response entry 2 (counting from 1) is a number",
                "STRING_MAP",
                "string values",
            ],
        ),
        case(
            "a nested object under STRING_MAP (hand-written impl)",
            Tally,
            edited(
                json!({"label": "SECRET", "extra": {"phone": "+15550100-SECRET"}}),
                |_| {},
            ),
            RESPONSE,
            &[
                "response entry 2 (counting from 1) is an object",
                "STRING_MAP",
            ],
        ),
        case(
            "a boolean under STRING_MAP (hand-written impl)",
            Tally,
            edited(json!({"label": "SECRET", "extra": true}), |_| {}),
            RESPONSE,
            &[
                "response entry 2 (counting from 1) is a boolean",
                "STRING_MAP",
            ],
        ),
        case(
            "an event-derived key outside the key grammar (hand-written impl)",
            Tally,
            edited(
                json!({"label": "SECRET", "keyed": {"+15550100-SECRET": "SECRET"}}),
                |_| {},
            ),
            RESPONSE,
            &[
                "the key of response entry 2 (counting from 1)",
                "other than A-Z, a-z, 0-9",
            ],
        ),
        case(
            "an event-derived key with a dot and a space (hand-written impl)",
            Tally,
            edited(
                json!({"label": "SECRET", "keyed": {"zz.SECRET Jane Roe": "SECRET"}}),
                |_| {},
            ),
            RESPONSE,
            &[
                "the key of response entry 2 (counting from 1)",
                "$.External",
            ],
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
            &[
                "the handler `panicky` panicked at tests/it/bad_input/handlers.rs:",
                "left out",
            ],
        ),
        case(
            "a panic while the response is serialised",
            Panicky,
            edited(json!({"word": "panic-late-SECRET"}), |_| {}),
            "HandlerPanic",
            &[
                "the handler `panicky` panicked at tests/it/bad_input/handlers.rs:",
                "left out",
            ],
        ),
    ]
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
