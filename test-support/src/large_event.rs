//! The large benchmark event: a VOICE contact with 200 contact attributes
//! and 200 References (about 30 KB of compact JSON, as Lambda delivers it).
//!
//! Deterministic (no randomness, keys in sorted order), so the committed
//! fixture `examples/events/large-contact.json` is exactly
//! [`large_event_json`]'s output; the facade's `large_event_fixture` test
//! checks that and rewrites the file when `CONNECT_LAMBDA_REGENERATE=1` is
//! set.
//!
//! Every parameter is a string, so aws_lambda_events (whose `Parameters` is a
//! `HashMap<String, String>`) parses it too.

use serde_json::{json, Map, Value};

/// How many contact attributes and how many References the event holds.
pub const LARGE_EVENT_ENTRIES: usize = 200;

/// Attribute key stems, in the style flows use.
const ATTRIBUTE_KEYS: [&str; 10] = [
    "customerTier",
    "lastOrderId",
    "preferredLanguage",
    "accountStatus",
    "loyaltyPoints",
    "callbackNumber",
    "caseNumber",
    "detectedIntent",
    "sentimentScore",
    "authenticatedAt",
];

/// Reference name stems and their Connect `Type`.
const REFERENCES: [(&str, &str); 6] = [
    ("caseLink", "URL"),
    ("ticketSummary", "STRING"),
    ("orderTotal", "NUMBER"),
    ("followUpDate", "DATE"),
    ("customerEmail", "EMAIL"),
    ("callRecording", "ATTACHMENT"),
];

/// A small linear congruential generator: realistic-looking ids and numbers
/// that are the same on every run and platform.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 16
    }

    fn uuid(&mut self) -> String {
        let a = self.next();
        let b = self.next();
        format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            a & 0xffff_ffff,
            (a >> 32) & 0xffff,
            b & 0xfff,
            (b >> 12) & 0xfff,
            self.next() & 0xffff_ffff_ffff
        )
    }

    fn timestamp(&mut self) -> String {
        let n = self.next();
        format!(
            "2026-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            n % 12 + 1,
            (n >> 4) % 28 + 1,
            (n >> 9) % 24,
            (n >> 14) % 60,
            (n >> 20) % 60
        )
    }
}

/// The value of attribute number `i` (stem `i % 10`).
fn attribute_value(i: usize, rng: &mut Lcg) -> String {
    match i % ATTRIBUTE_KEYS.len() {
        0 => ["bronze", "silver", "gold", "platinum"][(rng.next() % 4) as usize].to_owned(),
        1 => format!("ORD-{:010}", rng.next() % 10_000_000_000),
        2 => ["en-US", "es-US", "fr-CA", "de-DE"][(rng.next() % 4) as usize].to_owned(),
        3 => ["active", "suspended", "pending-review"][(rng.next() % 3) as usize].to_owned(),
        4 => (rng.next() % 250_000).to_string(),
        5 => format!("+1555555{:04}", rng.next() % 10_000),
        6 => format!("CASE-{}", rng.uuid()),
        7 => [
            "billing_question",
            "password_reset",
            "order_status",
            "cancel_service",
        ][(rng.next() % 4) as usize]
            .to_owned(),
        8 => format!("0.{:03}", rng.next() % 1000),
        _ => rng.timestamp(),
    }
}

/// The `Value` of Reference number `i` for its `Type`.
fn reference_value(kind: &str, rng: &mut Lcg) -> String {
    match kind {
        "URL" => format!("https://support.example.com/cases/{}?view=timeline&source=connect", rng.uuid()),
        "STRING" => format!(
            "Customer asked about invoice {} and a refund of the last payment; agent promised a call back within two business days",
            rng.next() % 100_000
        ),
        "NUMBER" => format!("{}.{:02}", rng.next() % 5_000, rng.next() % 100),
        "DATE" => rng.timestamp(),
        "EMAIL" => format!("customer.account{}@mail.example.com", rng.next() % 1_000_000),
        _ => format!(
            "arn:aws:s3:::connect-attachments-example/recordings/{}.wav",
            rng.uuid()
        ),
    }
}

/// A JSON object of `entries` in key order, whether or not serde_json's
/// `preserve_order` feature is on somewhere in the build.
fn sorted(mut entries: Vec<(String, Value)>) -> Map<String, Value> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter().collect()
}

/// The large event as a JSON value (objects in sorted key order).
pub fn large_event() -> Value {
    let mut rng = Lcg(0x00c0_7ac7_2026_0007);
    let contact_id = rng.uuid();

    let attributes = (0..LARGE_EVENT_ENTRIES).map(|i| {
        let key = format!("{}_{:03}", ATTRIBUTE_KEYS[i % ATTRIBUTE_KEYS.len()], i);
        (key, Value::String(attribute_value(i, &mut rng)))
    });
    let attributes = sorted(attributes.collect());

    let references = (0..LARGE_EVENT_ENTRIES).map(|i| {
        let (stem, kind) = REFERENCES[i % REFERENCES.len()];
        let value = reference_value(kind, &mut rng);
        (
            format!("{stem}_{i:03}"),
            json!({"Type": kind, "Value": value}),
        )
    });
    let references = sorted(references.collect());

    json!({
        "Details": {
            "ContactData": {
                "Attributes": attributes,
                "AwsRegion": "us-east-1",
                "Channel": "VOICE",
                "ContactId": contact_id,
                "CustomerEndpoint": {"Address": "+15555550142", "Type": "TELEPHONE_NUMBER"},
                "CustomerId": "customer-7f3a9c",
                "Description": "Inbound call routed by the billing flow",
                "InitialContactId": contact_id,
                "InitiationMethod": "INBOUND",
                "InstanceARN": "arn:aws:connect:us-east-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa",
                "LanguageCode": "en-US",
                "MediaStreams": {
                    "Customer": {
                        "Audio": {
                            "StartFragmentNumber": "91343852333181432392682062622220590765191907586",
                            "StartTimestamp": "1571360125131",
                            "StopTimestamp": "1571360126131",
                            "StreamARN": "arn:aws:kinesisvideo:us-east-1:123456789012:stream/connect-contact-9308c2a1/1571360125131"
                        }
                    }
                },
                "Name": "ContactFlowEvent",
                "PreviousContactId": contact_id,
                "Queue": {
                    "ARN": "arn:aws:connect:us-east-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa/queue/2c1f4c4a-5d7e-4a8b-9f0e-1d2c3b4a5f6e",
                    "Name": "Billing",
                    "OutboundCallerId": {"Address": "+15555550199", "Type": "TELEPHONE_NUMBER"}
                },
                "References": references,
                "SystemEndpoint": {"Address": "+15555550199", "Type": "TELEPHONE_NUMBER"}
            },
            "Parameters": {
                "companyName": "GGG",
                "flowName": "Billing inbound",
                "greetingVariant": "B",
                "retryCount": "0"
            }
        },
        "Name": "ContactFlowEvent"
    })
}

/// The large event as the bytes committed in
/// `examples/events/large-contact.json`: compact JSON and a final newline.
pub fn large_event_json() -> String {
    let mut json = large_event().to_string();
    json.push('\n');
    json
}
