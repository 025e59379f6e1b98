//! Mutated events: no panic, agreement with serde_json on well-formedness,
//! every error value-free. A small deterministic fuzzer (xorshift), so the
//! test runs everywhere without a fuzzing toolchain.

use connect_types::error::ErrorType;
use connect_types::extract::{from_slice, optional, scan, EventPlan, Source};

const EVENTS: [&[u8]; 4] = [
    include_bytes!("../events/connect-mock.json"),
    include_bytes!("../events/full-contact-data.json"),
    include_bytes!("../events/nested-json-parameters.json"),
    include_bytes!("../events/chat-without-endpoints.json"),
];

static PLAN: EventPlan = EventPlan {
    parameters: &["companyName", "Age", "hobbies"],
    attributes: &["greetingPlayed", "exampleAttributeKey1"],
    contact_paths: &[
        "CustomerEndpoint.Address",
        "Queue",
        "Queue.Name",
        "References.key1.Value",
    ],
    contact_data: true,
};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: [&[u8]; 20] = [
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b"null",
    b"1e999",
    b"-",
    b"\xff",
    b" ",
    b"\"SECRET\"",
    b"{\"Details\":",
    b"\\u00",
    b"\\ud800",
    b"01",
    b"\t",
    b"\"a\":1,",
];

fn mutate(rng: &mut Rng, event: &[u8]) -> Vec<u8> {
    let mut body = event.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(body.len() + 1);
        match rng.below(4) {
            0 if at < body.len() => {
                body.remove(at);
            }
            1 => {
                let piece = PIECES[rng.below(PIECES.len())];
                body.splice(at..at, piece.iter().copied());
            }
            2 if at < body.len() => body[at] = rng.next() as u8,
            _ => body.truncate(at),
        }
    }
    body
}

#[test]
fn mutated_events_never_panic_and_agree_with_serde_json() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut malformed = 0;
    let rounds = if cfg!(debug_assertions) {
        15_000
    } else {
        40_000
    };
    for round in 0..rounds {
        let event = EVENTS[round % EVENTS.len()];
        let body = mutate(&mut rng, event);
        let reference = serde_json::from_slice::<serde_json::Value>(&body);
        let ours = from_slice::<serde_json::Value>(&body);
        match (&reference, &ours) {
            (Ok(expected), Ok(value)) => assert_eq!(expected, value),
            (Ok(_), Err(error)) => {
                // Only a repeated key, which serde_json keeps silently.
                assert_eq!(error.kind(), ErrorType::InvalidEvent, "{error}");
                assert!(error.to_string().starts_with("duplicate key"), "{error}");
            }
            (Err(_), Ok(_)) => panic!(
                "accepted what serde_json rejects: {:?}",
                String::from_utf8_lossy(&body)
            ),
            (Err(_), Err(error)) => {
                malformed += 1;
                assert_eq!(error.kind(), ErrorType::MalformedEvent, "{error}");
            }
        }
        // The scanner's own reader accepts what serde_json's skipper does.
        if let Ok(text) = std::str::from_utf8(&body) {
            let skipper = serde_json::from_str::<serde::de::IgnoredAny>(text);
            match (skipper.is_ok(), scan(&body, &EventPlan::default())) {
                (false, Ok(_)) => panic!("scan accepted malformed {text:?}"),
                (false, Err(error)) => {
                    assert_eq!(error.kind(), ErrorType::MalformedEvent, "{error}")
                }
                (true, Err(error)) if error.kind() == ErrorType::MalformedEvent => {
                    // Only past what the skipper checks: nesting, number range.
                    assert!(
                        reference.is_err(),
                        "scan rejected well-formed {text:?}: {error}"
                    );
                }
                (true, _) => {}
            }
        }
        let scanned = scan(&body, &PLAN);
        // What the scan skips is checked as serde_json's skipper checks it
        // (a lone surrogate escape or `1e999` in a skipped value passes).
        if serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_err() {
            let error = scanned.as_ref().unwrap_err();
            assert_eq!(error.kind(), ErrorType::MalformedEvent, "{error}");
        }
        for error in [
            ours.err(),
            scanned
                .as_ref()
                .err()
                .map(|_| scan(&body, &PLAN).unwrap_err()),
        ]
        .into_iter()
        .flatten()
        {
            // Keys may name it (a path is made of keys), values may not.
            let message = error.to_string().replace(error.path(), "");
            assert!(!message.contains("SECRET"), "{error}");
        }
        if let Ok(scanned) = scanned {
            for i in 0..3 {
                let raw = scanned.parameter(i);
                if let Err(error) = optional::<String>(raw, Source::Parameter, PLAN.parameters[i]) {
                    let message = error.to_string().replace(error.path(), "");
                    assert!(!message.contains("SECRET"), "{error}");
                }
            }
            let _ = optional::<serde_json::Value>(scanned.contact_data(), Source::Contact, "");
        }
    }
    assert!(
        malformed > 1_000,
        "the mutations should break most events: {malformed}"
    );
}
