//! The event Amazon Connect sends to a Lambda from an "Invoke AWS Lambda
//! function" block.
//!
//! ```json
//! {"Name": "ContactFlowEvent",
//!  "Details": {"ContactData": {...}, "Parameters": {...}}}
//! ```
//!
//! [`ContactFlowEvent`] is the whole event, [`ContactFlowDetails`] its
//! `Details`, [`ContactData`] the contact. Field names are the snake_case of
//! Connect's; the JSON written back uses Connect's names (`InstanceARN`,
//! `ARN`, `StreamARN`). Connect adds fields over time: unknown fields are
//! accepted everywhere, and unknown values of [`Channel`],
//! [`InitiationMethod`] and [`EndpointType`] are kept as `Other(text)`.
//!
//! Handlers usually read single values through `#[connect_handler]`'s
//! arguments, which skip the rest of the event; this model is for handlers
//! that want the whole contact, and for building test events.
//!
//! ```
//! use connect_types::event::{Channel, ContactFlowEvent};
//!
//! let event: ContactFlowEvent = serde_json::from_str(r#"{
//!   "Name": "ContactFlowEvent",
//!   "Details": {
//!     "ContactData": {
//!       "Attributes": {},
//!       "Channel": "VOICE",
//!       "CustomerEndpoint": {"Address": "+15555550100", "Type": "TELEPHONE_NUMBER"},
//!       "Queue": {"Name": "PasswordReset", "ARN": "arn:aws:connect:us-east-1:123456789012:instance/1/queue/2"}
//!     },
//!     "Parameters": {"companyName": "GGG", "Age": 10}
//!   }
//! }"#).unwrap();
//!
//! let contact = &event.details.contact_data;
//! assert_eq!(contact.channel, Some(Channel::Voice));
//! assert_eq!(contact.customer_address(), Some("+15555550100"));
//! assert_eq!(contact.queue_name(), Some("PasswordReset"));
//! assert_eq!(event.details.parameters["Age"], 10);
//!
//! // Or build one for a test:
//! let built = ContactFlowEvent::builder()
//!     .parameter("companyName", "GGG")
//!     .customer_phone("+15555550100")
//!     .build();
//! assert_eq!(built.parameter("companyName").and_then(|v| v.as_str()), Some("GGG"));
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

mod builder;
mod channel;
mod contact_data;
mod endpoint;
mod endpoint_type;
mod initiation_method;
mod maps;
mod media_streams;
mod queue;
mod reference;
mod string_enum;

pub use builder::ContactFlowEventBuilder;
pub use channel::Channel;
/// The contact data paths, in Connect's names: one tree, in
/// [`connect_names::contact_data`], shared with `#[contact]`'s compile-time
/// check and the flow checker.
///
/// ```
/// use connect_types::event::{contact_data_paths, is_contact_data_path};
///
/// assert!(is_contact_data_path("Tags.aws:connect:instanceId"));
/// assert!(is_contact_data_path("SegmentAttributes.connect:Subtype.ValueString"));
/// assert!(!is_contact_data_path("CustomerEndpoint.Adress"));
/// assert!(contact_data_paths().iter().any(|path| path == "CustomerEndpoint.Address"));
/// ```
pub use connect_names::contact_data::{contact_data_paths, is_contact_data_path};
pub use contact_data::ContactData;
pub use endpoint::Endpoint;
pub use endpoint_type::EndpointType;
pub use initiation_method::InitiationMethod;
pub use media_streams::{AudioStream, CustomerMedia, MediaStreams};
pub use queue::Queue;
pub use reference::Reference;

/// The `Name` Connect gives every event it sends to a Lambda.
pub const CONTACT_FLOW_EVENT: &str = "ContactFlowEvent";

/// The event an "Invoke AWS Lambda function" block sends:
/// `{"Name": "ContactFlowEvent", "Details": {...}}`.
///
/// `Name` and `Details` (with its `ContactData`) are required; everything
/// else may be absent.
///
/// ```
/// use connect_types::event::ContactFlowEvent;
///
/// let event: ContactFlowEvent = serde_json::from_str(
///     r#"{"Name": "ContactFlowEvent", "Details": {"ContactData": {}, "Parameters": null}}"#,
/// ).unwrap();
/// assert_eq!(event.name, "ContactFlowEvent");
/// assert!(event.details.parameters.is_empty());
///
/// // Serialises back to Connect's shape.
/// let json = serde_json::to_value(&event).unwrap();
/// assert_eq!(json["Details"]["Parameters"], serde_json::json!({}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContactFlowEvent {
    /// `Name`: always `"ContactFlowEvent"` ([`CONTACT_FLOW_EVENT`]) from
    /// Connect.
    pub name: String,
    /// `Details`: the contact and the block's parameters.
    pub details: ContactFlowDetails,
}

impl ContactFlowEvent {
    /// Parses an event from the bytes Lambda delivers.
    ///
    /// Strict: the model's types are Amazon Connect's, so nothing is coerced
    /// (a `ContactId` that is a number is an error, see
    /// [`from_slice_strict`](crate::extract::from_slice_strict)). Errors name
    /// the JSON path and what was expected there, and never the value found
    /// (events carry phone numbers): see
    /// [`ExtractError`](crate::extract::ExtractError).
    ///
    /// ```
    /// use connect_types::event::{Channel, ContactFlowEvent};
    ///
    /// let event = ContactFlowEvent::from_slice(br#"{
    ///     "Name": "ContactFlowEvent",
    ///     "Details": {"ContactData": {"Channel": "VOICE"}, "Parameters": {"companyName": "GGG"}}
    /// }"#).unwrap();
    /// assert_eq!(event.details.contact_data.channel, Some(Channel::Voice));
    ///
    /// let error = ContactFlowEvent::from_slice(
    ///     br#"{"Name": "ContactFlowEvent", "Details": {"ContactData": {"ContactId": 15550100}}}"#,
    /// ).unwrap_err();
    /// assert!(error.to_string().starts_with("Details.ContactData.ContactId: "));
    /// assert!(!error.to_string().contains("15550100"));
    /// ```
    ///
    /// # Errors
    ///
    /// `MalformedEvent` when the bytes are not JSON (or not UTF-8),
    /// `InvalidEvent` when the JSON is not a Connect event.
    pub fn from_slice(bytes: &[u8]) -> Result<Self, crate::extract::ExtractError> {
        crate::extract::from_slice_strict(bytes)
    }

    /// A builder of test events, with realistic defaults: a VOICE INBOUND
    /// contact with ids, an instance ARN and phone endpoints. See
    /// [`ContactFlowEventBuilder`].
    ///
    /// ```
    /// use connect_types::event::ContactFlowEvent;
    ///
    /// let event = ContactFlowEvent::builder()
    ///     .parameter("companyName", "GGG")
    ///     .attribute("greetingPlayed", "true")
    ///     .customer_phone("+15550100")
    ///     .build();
    /// assert_eq!(event.details.contact_data.customer_address(), Some("+15550100"));
    /// ```
    pub fn builder() -> ContactFlowEventBuilder {
        ContactFlowEventBuilder::new()
    }

    /// The parameter `key` (`Details.Parameters.<key>`), if the block sent
    /// it.
    ///
    /// ```
    /// use connect_types::event::ContactFlowEvent;
    ///
    /// let event = ContactFlowEvent::builder().parameter("Age", 10).build();
    /// assert_eq!(event.parameter("Age").and_then(|v| v.as_u64()), Some(10));
    /// assert!(event.parameter("missing").is_none());
    /// ```
    pub fn parameter(&self, key: &str) -> Option<&Value> {
        self.details.parameters.get(key)
    }

    /// The contact attribute `key` (`Details.ContactData.Attributes.<key>`),
    /// if set.
    ///
    /// ```
    /// use connect_types::event::ContactFlowEvent;
    ///
    /// let event = ContactFlowEvent::builder().attribute("greetingPlayed", "true").build();
    /// assert_eq!(event.attribute("greetingPlayed"), Some("true"));
    /// ```
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.details.contact_data.attribute(key)
    }
}

/// `Details`: the contact and the parameters the block passes.
///
/// `ContactData` is required; `Parameters` is an empty map when absent or
/// `null`. Parameter values are JSON: usually strings, but the block also
/// sends numbers, booleans and nested objects.
///
/// ```
/// use connect_types::event::ContactFlowDetails;
///
/// let details: ContactFlowDetails = serde_json::from_str(r#"{
///     "ContactData": {"Attributes": {}},
///     "Parameters": {"hobbies": {"books": ["book1", "book2"]}, "isEnrolledInSchool": true}
/// }"#).unwrap();
/// assert_eq!(details.parameters["hobbies"]["books"][0], "book1");
/// assert_eq!(details.parameters["isEnrolledInSchool"], true);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContactFlowDetails {
    /// `ContactData`: the contact the flow is handling.
    pub contact_data: ContactData,
    /// `Parameters`: the block's function input parameters, as JSON values.
    #[serde(default, deserialize_with = "maps::value_map")]
    pub parameters: HashMap<String, Value>,
}
