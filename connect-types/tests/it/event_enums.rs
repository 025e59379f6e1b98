//! Channel, InitiationMethod and EndpointType: known values, the Other
//! fallback, text round trips.

use std::collections::HashSet;

use connect_types::event::{Channel, EndpointType, InitiationMethod};

#[test]
fn channel_values() {
    let texts: Vec<&str> = Channel::KNOWN.iter().map(Channel::as_str).collect();
    assert_eq!(texts, ["VOICE", "CHAT", "TASK", "EMAIL"]);
}

#[test]
fn initiation_method_values() {
    let texts: Vec<&str> = InitiationMethod::KNOWN
        .iter()
        .map(InitiationMethod::as_str)
        .collect();
    assert_eq!(
        texts,
        [
            "INBOUND",
            "OUTBOUND",
            "TRANSFER",
            "QUEUE_TRANSFER",
            "CALLBACK",
            "API",
            "DISCONNECT",
            "MONITOR",
            "EXTERNAL_OUTBOUND",
            "WEBRTC_API",
            "AGENT_REPLY",
            "FLOW",
        ]
    );
}

#[test]
fn endpoint_type_values() {
    let texts: Vec<&str> = EndpointType::KNOWN
        .iter()
        .map(EndpointType::as_str)
        .collect();
    assert_eq!(
        texts,
        [
            "TELEPHONE_NUMBER",
            "VOIP",
            "CONTACT_FLOW",
            "CONNECT_PHONENUMBER_ARN",
            "EMAIL_ADDRESS",
        ]
    );
}

fn check_known<T>(known: &[T])
where
    T: serde::Serialize
        + serde::de::DeserializeOwned
        + std::fmt::Debug
        + std::fmt::Display
        + PartialEq
        + for<'a> From<&'a str>,
{
    for value in known {
        let text = value.to_string();
        let json = serde_json::to_string(value).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        let back: T = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, value);
        assert_eq!(&T::from(text.as_str()), value);
    }
}

#[test]
fn known_values_round_trip() {
    check_known(Channel::KNOWN);
    check_known(InitiationMethod::KNOWN);
    check_known(EndpointType::KNOWN);
    assert!(Channel::KNOWN.iter().all(Channel::is_known));
}

#[test]
fn known_text_becomes_its_variant() {
    assert!(matches!(Channel::from("CHAT"), Channel::Chat));
    assert!(matches!(
        "WEBRTC_API".parse::<InitiationMethod>(),
        Ok(InitiationMethod::WebrtcApi)
    ));
    assert!(matches!(
        EndpointType::from(String::from("EMAIL_ADDRESS")),
        EndpointType::EmailAddress
    ));
    let parsed: InitiationMethod = serde_json::from_str("\"EXTERNAL_OUTBOUND\"").unwrap();
    assert!(matches!(parsed, InitiationMethod::ExternalOutbound));
}

#[test]
fn unknown_text_is_kept() {
    let channel: Channel = serde_json::from_str("\"VIDEO\"").unwrap();
    assert_eq!(channel, Channel::Other("VIDEO".to_owned()));
    assert_eq!(channel.as_str(), "VIDEO");
    assert_eq!(channel.to_string(), "VIDEO");
    assert!(!channel.is_known());
    assert_eq!(serde_json::to_string(&channel).unwrap(), "\"VIDEO\"");

    // Case matters: Connect's values are upper case.
    let lower = Channel::from("voice");
    assert_ne!(lower, Channel::Voice);
    assert_eq!(lower.as_str(), "voice");

    // Escapes in the JSON text are decoded before matching.
    let escaped: Channel = serde_json::from_str(r#""V\u004fICE""#).unwrap();
    assert!(matches!(escaped, Channel::Voice));
}

#[test]
fn equality_and_hash_follow_the_text() {
    assert_eq!(Channel::Other("VOICE".to_owned()), Channel::Voice);
    assert!(Channel::Other("VOICE".to_owned()).is_known());
    assert_eq!(Channel::Voice, "VOICE");
    assert_eq!(EndpointType::Voip, *"VOIP");
    let set: HashSet<Channel> = [
        Channel::Voice,
        Channel::Other("VOICE".to_owned()),
        Channel::Chat,
    ]
    .into_iter()
    .collect();
    assert_eq!(set.len(), 2);
}
