//! [`ContactData`]: `Details.ContactData`, the contact the flow is handling.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{maps, Channel, Endpoint, InitiationMethod, MediaStreams, Queue, Reference};

/// `Details.ContactData`: the contact the flow is handling.
///
/// Field names are the snake_case of Connect's (`InstanceARN` is
/// [`instance_arn`](Self::instance_arn)). Every field Connect may leave out
/// or send as `null` is an `Option` (`None` either way) and is left out when
/// serialised; the maps are empty when absent or `null`. `Attributes` is
/// always written (Connect always sends it); `References`, `SegmentAttributes`
/// and `Tags` are written only when not empty. Fields this crate does not
/// know are accepted and skipped; a key repeated in one JSON object is an
/// error naming the key.
///
/// ```
/// use connect_types::event::{Channel, ContactData, EndpointType};
///
/// let contact: ContactData = serde_json::from_str(r#"{
///     "Attributes": {"greetingPlayed": "true"},
///     "Channel": "VOICE",
///     "ContactId": "5ca32fbd-8f92-46af-92a5-6b0f970f0efe",
///     "CustomerEndpoint": {"Address": "+15555550100", "Type": "TELEPHONE_NUMBER"},
///     "InstanceARN": "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555",
///     "Queue": null,
///     "SomethingConnectAddsLater": {"x": 1}
/// }"#).unwrap();
///
/// assert_eq!(contact.channel, Some(Channel::Voice));
/// assert_eq!(contact.customer_address(), Some("+15555550100"));
/// assert_eq!(
///     contact.customer_endpoint.as_ref().unwrap().r#type,
///     Some(EndpointType::TelephoneNumber),
/// );
/// assert_eq!(contact.attribute("greetingPlayed"), Some("true"));
/// assert_eq!(contact.queue, None);
/// assert!(contact.tags.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContactData {
    /// `Attributes`: the contact's user-defined attributes (string values).
    #[serde(default, deserialize_with = "maps::string_map")]
    pub attributes: HashMap<String, String>,
    /// `AwsRegion`: the Region handling the contact (`us-east-1`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_region: Option<String>,
    /// `Channel`: voice, chat, task or email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// `ContactId`: this contact's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// `CustomerEndpoint`: the customer's phone number or email address
    /// (`null` on chat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_endpoint: Option<Endpoint>,
    /// `CustomerId`: the customer's id (for example from Customer Profiles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// `Description`: the contact's description (tasks, emails).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `InitialContactId`: the first contact of a chain of transfers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_contact_id: Option<String>,
    /// `InitiationMethod`: how the contact was started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiation_method: Option<InitiationMethod>,
    /// `InstanceARN`: the Amazon Connect instance's ARN.
    #[serde(
        rename = "InstanceARN",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_arn: Option<String>,
    /// `LanguageCode`: the contact's language (`en-US`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    /// `MediaStreams`: the customer's audio stream, with live media
    /// streaming on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_streams: Option<MediaStreams>,
    /// `Name`: the contact's name (tasks, emails).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `PreviousContactId`: the contact this one was transferred from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_contact_id: Option<String>,
    /// `Queue`: the contact's queue (`null` until the flow sets one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<Queue>,
    /// `References`: named references attached to the contact.
    #[serde(
        default,
        deserialize_with = "maps::reference_map",
        skip_serializing_if = "HashMap::is_empty"
    )]
    pub references: HashMap<String, Reference>,
    /// `RelatedContactId`: the contact this one was created from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_contact_id: Option<String>,
    /// `SegmentAttributes`: system-defined segment attributes; each value is
    /// an object such as `{"ValueString": "connect:Telephony"}`.
    #[serde(
        default,
        deserialize_with = "maps::value_map",
        skip_serializing_if = "HashMap::is_empty"
    )]
    pub segment_attributes: HashMap<String, Value>,
    /// `SystemEndpoint`: the number or address the customer reached (`null`
    /// on chat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_endpoint: Option<Endpoint>,
    /// `Tags`: the contact's tags (string values).
    #[serde(
        default,
        deserialize_with = "maps::string_map",
        skip_serializing_if = "HashMap::is_empty"
    )]
    pub tags: HashMap<String, String>,
}

impl ContactData {
    /// The contact attribute `key`, if set.
    ///
    /// ```
    /// use connect_types::event::ContactData;
    ///
    /// let mut contact = ContactData::default();
    /// contact.attributes.insert("tier".into(), "gold".into());
    /// assert_eq!(contact.attribute("tier"), Some("gold"));
    /// assert_eq!(contact.attribute("missing"), None);
    /// ```
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes.get(key).map(String::as_str)
    }

    /// `CustomerEndpoint.Address`: the customer's phone number or email
    /// address, if Connect sent one.
    ///
    /// ```
    /// use connect_types::event::{ContactData, Endpoint};
    ///
    /// let mut contact = ContactData::default();
    /// assert_eq!(contact.customer_address(), None);
    /// contact.customer_endpoint = Some(Endpoint::telephone_number("+15555550100"));
    /// assert_eq!(contact.customer_address(), Some("+15555550100"));
    /// ```
    pub fn customer_address(&self) -> Option<&str> {
        self.customer_endpoint.as_ref()?.address.as_deref()
    }

    /// `SystemEndpoint.Address`: the number or address the customer
    /// reached, if Connect sent one.
    ///
    /// ```
    /// use connect_types::event::{ContactData, Endpoint};
    ///
    /// let mut contact = ContactData::default();
    /// contact.system_endpoint = Some(Endpoint::telephone_number("+15555550199"));
    /// assert_eq!(contact.system_address(), Some("+15555550199"));
    /// ```
    pub fn system_address(&self) -> Option<&str> {
        self.system_endpoint.as_ref()?.address.as_deref()
    }

    /// `Queue.Name`, if the contact is in a queue.
    ///
    /// ```
    /// use connect_types::event::{ContactData, Queue};
    ///
    /// let mut contact = ContactData::default();
    /// contact.queue = Some(Queue::named("Billing"));
    /// assert_eq!(contact.queue_name(), Some("Billing"));
    /// ```
    pub fn queue_name(&self) -> Option<&str> {
        self.queue.as_ref()?.name.as_deref()
    }

    /// The `ValueString` of the segment attribute `key`
    /// (`SegmentAttributes.<key>.ValueString`), if set and a string.
    ///
    /// ```
    /// use connect_types::event::ContactData;
    /// use serde_json::json;
    ///
    /// let mut contact = ContactData::default();
    /// contact
    ///     .segment_attributes
    ///     .insert("connect:Subtype".into(), json!({"ValueString": "connect:Telephony"}));
    /// assert_eq!(contact.segment_attribute_string("connect:Subtype"), Some("connect:Telephony"));
    /// assert_eq!(contact.segment_attribute_string("connect:Direction"), None);
    /// ```
    pub fn segment_attribute_string(&self, key: &str) -> Option<&str> {
        self.segment_attributes
            .get(key)?
            .get("ValueString")?
            .as_str()
    }
}
