//! [`MediaStreams`]: the customer's audio streamed to Kinesis Video Streams.

use serde::{Deserialize, Serialize};

/// `ContactData.MediaStreams`: where the customer's audio is streamed, when
/// live media streaming is on.
///
/// ```
/// use connect_types::event::MediaStreams;
///
/// let streams: MediaStreams = serde_json::from_str(r#"{
///     "Customer": {"Audio": {
///         "StreamARN": "arn:aws:kinesisvideo:us-east-1:123456789012:stream/contact-1/1",
///         "StartTimestamp": "1571360125131",
///         "StartFragmentNumber": "100"
///     }}
/// }"#).unwrap();
/// let audio = streams.customer.unwrap().audio.unwrap();
/// assert_eq!(audio.start_timestamp.as_deref(), Some("1571360125131"));
/// assert_eq!(audio.stop_timestamp, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MediaStreams {
    /// `Customer`: the customer's streams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerMedia>,
}

/// `MediaStreams.Customer`: the customer's streams.
///
/// ```
/// use connect_types::event::{AudioStream, CustomerMedia};
///
/// let media = CustomerMedia { audio: Some(AudioStream::default()) };
/// assert_eq!(serde_json::to_string(&media).unwrap(), r#"{"Audio":{}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CustomerMedia {
    /// `Audio`: the customer's audio stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AudioStream>,
}

/// `MediaStreams.Customer.Audio`: one Kinesis Video stream and where the
/// contact's audio starts and stops in it.
///
/// Timestamps (milliseconds since the epoch) and fragment numbers are kept
/// as the strings Connect sends.
///
/// ```
/// use connect_types::event::AudioStream;
///
/// let audio = AudioStream {
///     stream_arn: Some("arn:aws:kinesisvideo:us-east-1:123456789012:stream/contact-1/1".into()),
///     start_fragment_number: Some("100".into()),
///     ..AudioStream::default()
/// };
/// let json = serde_json::to_value(&audio).unwrap();
/// assert_eq!(json["StartFragmentNumber"], "100");
/// assert!(json.get("StopFragmentNumber").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AudioStream {
    /// `StreamARN`: the Kinesis Video stream's ARN.
    #[serde(rename = "StreamARN", default, skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// `StartTimestamp`: when streaming started, in epoch milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_timestamp: Option<String>,
    /// `StopTimestamp`: when streaming stopped, in epoch milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_timestamp: Option<String>,
    /// `StartFragmentNumber`: the first fragment of the contact's audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_fragment_number: Option<String>,
    /// `StopFragmentNumber`: the last fragment of the contact's audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_fragment_number: Option<String>,
}
