//! [`ContactFlowEventBuilder`]: test events in one line.

use serde_json::Value;

use super::{
    Channel, ContactData, ContactFlowDetails, ContactFlowEvent, Endpoint, InitiationMethod,
    MediaStreams, Queue, Reference, CONTACT_FLOW_EVENT,
};

/// The contact id the builder starts from.
const DEFAULT_CONTACT_ID: &str = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";
/// The instance ARN the builder starts from.
const DEFAULT_INSTANCE_ARN: &str =
    "arn:aws:connect:us-east-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa";
/// The Region the builder starts from (the instance ARN's).
const DEFAULT_REGION: &str = "us-east-1";
/// The customer's number the builder starts from (a fictional 555-01xx
/// number).
const DEFAULT_CUSTOMER_PHONE: &str = "+15555550100";
/// The number the customer reached, by default.
const DEFAULT_SYSTEM_PHONE: &str = "+15555550199";

/// Builds a [`ContactFlowEvent`] for tests, starting from a realistic one.
///
/// The defaults: `Name` `"ContactFlowEvent"`; a `VOICE` `INBOUND` contact
/// with a contact id (also its initial contact id), an instance ARN, an
/// `AwsRegion`, a customer and a system phone number; no attributes, no
/// parameters, no queue. Every setter replaces what was there; the map
/// setters ([`parameter`](Self::parameter), [`attribute`](Self::attribute),
/// [`reference`](Self::reference), [`tag`](Self::tag)) add one entry.
///
/// ```
/// use connect_types::event::{Channel, ContactFlowEvent};
///
/// let event = ContactFlowEvent::builder()
///     .parameter("companyName", "GGG")
///     .parameter("Age", 10)
///     .attribute("greetingPlayed", "true")
///     .customer_phone("+15550100")
///     .queue_name("PasswordReset")
///     .build();
///
/// let contact = &event.details.contact_data;
/// assert_eq!(event.name, "ContactFlowEvent");
/// assert_eq!(contact.channel, Some(Channel::Voice));
/// assert_eq!(contact.customer_address(), Some("+15550100"));
/// assert_eq!(contact.queue_name(), Some("PasswordReset"));
/// assert_eq!(event.details.parameters["Age"], 10);
///
/// // A chat contact without phone endpoints:
/// let chat = ContactFlowEvent::builder()
///     .channel(Channel::Chat)
///     .customer_endpoint(None)
///     .system_endpoint(None)
///     .build();
/// assert_eq!(chat.details.contact_data.customer_endpoint, None);
/// ```
#[derive(Debug, Clone)]
#[must_use = "call .build() to get the event"]
pub struct ContactFlowEventBuilder {
    event: ContactFlowEvent,
}

impl Default for ContactFlowEventBuilder {
    fn default() -> Self {
        ContactFlowEventBuilder::new()
    }
}

impl ContactFlowEventBuilder {
    /// A builder holding the default event (see the type's documentation).
    ///
    /// ```
    /// use connect_types::event::{ContactFlowEventBuilder, InitiationMethod};
    ///
    /// let event = ContactFlowEventBuilder::new().build();
    /// assert_eq!(event.details.contact_data.initiation_method, Some(InitiationMethod::Inbound));
    /// ```
    pub fn new() -> Self {
        let contact_data = ContactData {
            aws_region: Some(DEFAULT_REGION.to_owned()),
            channel: Some(Channel::Voice),
            contact_id: Some(DEFAULT_CONTACT_ID.to_owned()),
            customer_endpoint: Some(Endpoint::telephone_number(DEFAULT_CUSTOMER_PHONE)),
            initial_contact_id: Some(DEFAULT_CONTACT_ID.to_owned()),
            initiation_method: Some(InitiationMethod::Inbound),
            instance_arn: Some(DEFAULT_INSTANCE_ARN.to_owned()),
            system_endpoint: Some(Endpoint::telephone_number(DEFAULT_SYSTEM_PHONE)),
            ..ContactData::default()
        };
        ContactFlowEventBuilder {
            event: ContactFlowEvent {
                name: CONTACT_FLOW_EVENT.to_owned(),
                details: ContactFlowDetails {
                    contact_data,
                    parameters: Default::default(),
                },
            },
        }
    }

    fn contact(&mut self) -> &mut ContactData {
        &mut self.event.details.contact_data
    }

    /// Sets the event's `Name` (Connect always sends `"ContactFlowEvent"`).
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// assert_eq!(ContactFlowEvent::builder().name("Other").build().name, "Other");
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.event.name = name.into();
        self
    }

    /// Adds the parameter `key` (`Details.Parameters.<key>`): a string, a
    /// number, a bool, or any [`serde_json::Value`].
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// use serde_json::json;
    ///
    /// let event = ContactFlowEvent::builder()
    ///     .parameter("companyName", "GGG")
    ///     .parameter("isEnrolledInSchool", true)
    ///     .parameter("hobbies", json!({"books": ["book1"]}))
    ///     .build();
    /// assert_eq!(event.details.parameters["hobbies"]["books"][0], "book1");
    /// ```
    pub fn parameter(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.event
            .details
            .parameters
            .insert(key.into(), value.into());
        self
    }

    /// Adds the contact attribute `key` (`ContactData.Attributes.<key>`).
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().attribute("greetingPlayed", "true").build();
    /// assert_eq!(event.attribute("greetingPlayed"), Some("true"));
    /// ```
    pub fn attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.contact().attributes.insert(key.into(), value.into());
        self
    }

    /// Sets `Channel` (a [`Channel`] or its text).
    ///
    /// ```
    /// # use connect_types::event::{Channel, ContactFlowEvent};
    /// let event = ContactFlowEvent::builder().channel("TASK").build();
    /// assert_eq!(event.details.contact_data.channel, Some(Channel::Task));
    /// ```
    pub fn channel(mut self, channel: impl Into<Channel>) -> Self {
        self.contact().channel = Some(channel.into());
        self
    }

    /// Sets `InitiationMethod` (an [`InitiationMethod`] or its text).
    ///
    /// ```
    /// # use connect_types::event::{ContactFlowEvent, InitiationMethod};
    /// let event = ContactFlowEvent::builder()
    ///     .initiation_method(InitiationMethod::Transfer)
    ///     .build();
    /// assert_eq!(event.details.contact_data.initiation_method, Some(InitiationMethod::Transfer));
    /// ```
    pub fn initiation_method(mut self, method: impl Into<InitiationMethod>) -> Self {
        self.contact().initiation_method = Some(method.into());
        self
    }

    /// Sets `ContactId`, and `InitialContactId` to the same id (a contact
    /// that was not transferred is its own initial contact).
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().contact_id("c-1").build();
    /// assert_eq!(event.details.contact_data.contact_id.as_deref(), Some("c-1"));
    /// assert_eq!(event.details.contact_data.initial_contact_id.as_deref(), Some("c-1"));
    /// ```
    pub fn contact_id(mut self, id: impl Into<String>) -> Self {
        let id = id.into();
        self.contact().initial_contact_id = Some(id.clone());
        self.contact().contact_id = Some(id);
        self
    }

    /// Sets `InitialContactId`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().contact_id("c-2").initial_contact_id("c-1").build();
    /// assert_eq!(event.details.contact_data.initial_contact_id.as_deref(), Some("c-1"));
    /// ```
    pub fn initial_contact_id(mut self, id: impl Into<String>) -> Self {
        self.contact().initial_contact_id = Some(id.into());
        self
    }

    /// Sets `PreviousContactId`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().previous_contact_id("c-0").build();
    /// assert_eq!(event.details.contact_data.previous_contact_id.as_deref(), Some("c-0"));
    /// ```
    pub fn previous_contact_id(mut self, id: impl Into<String>) -> Self {
        self.contact().previous_contact_id = Some(id.into());
        self
    }

    /// Sets `RelatedContactId`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().related_contact_id("c-9").build();
    /// assert_eq!(event.details.contact_data.related_contact_id.as_deref(), Some("c-9"));
    /// ```
    pub fn related_contact_id(mut self, id: impl Into<String>) -> Self {
        self.contact().related_contact_id = Some(id.into());
        self
    }

    /// Sets `InstanceARN`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let arn = "arn:aws:connect:eu-west-2:123456789012:instance/abc";
    /// let event = ContactFlowEvent::builder().instance_arn(arn).build();
    /// assert_eq!(event.details.contact_data.instance_arn.as_deref(), Some(arn));
    /// ```
    pub fn instance_arn(mut self, arn: impl Into<String>) -> Self {
        self.contact().instance_arn = Some(arn.into());
        self
    }

    /// Sets `AwsRegion`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().aws_region("eu-west-2").build();
    /// assert_eq!(event.details.contact_data.aws_region.as_deref(), Some("eu-west-2"));
    /// ```
    pub fn aws_region(mut self, region: impl Into<String>) -> Self {
        self.contact().aws_region = Some(region.into());
        self
    }

    /// Sets `CustomerEndpoint` to a phone number (`TELEPHONE_NUMBER`).
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().customer_phone("+15550100").build();
    /// assert_eq!(event.details.contact_data.customer_address(), Some("+15550100"));
    /// ```
    pub fn customer_phone(self, phone: impl Into<String>) -> Self {
        self.customer_endpoint(Endpoint::telephone_number(phone))
    }

    /// Sets `CustomerEndpoint`; `None` makes it absent (as on chat).
    ///
    /// ```
    /// # use connect_types::event::{ContactFlowEvent, Endpoint, EndpointType};
    /// let event = ContactFlowEvent::builder()
    ///     .customer_endpoint(Endpoint::new("jane@example.com", EndpointType::EmailAddress))
    ///     .build();
    /// assert_eq!(event.details.contact_data.customer_address(), Some("jane@example.com"));
    /// ```
    pub fn customer_endpoint(mut self, endpoint: impl Into<Option<Endpoint>>) -> Self {
        self.contact().customer_endpoint = endpoint.into();
        self
    }

    /// Sets `CustomerId`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().customer_id("cust-1").build();
    /// assert_eq!(event.details.contact_data.customer_id.as_deref(), Some("cust-1"));
    /// ```
    pub fn customer_id(mut self, id: impl Into<String>) -> Self {
        self.contact().customer_id = Some(id.into());
        self
    }

    /// Sets `SystemEndpoint` to a phone number (`TELEPHONE_NUMBER`).
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().system_phone("+15555550123").build();
    /// assert_eq!(event.details.contact_data.system_address(), Some("+15555550123"));
    /// ```
    pub fn system_phone(self, phone: impl Into<String>) -> Self {
        self.system_endpoint(Endpoint::telephone_number(phone))
    }

    /// Sets `SystemEndpoint`; `None` makes it absent (as on chat).
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().system_endpoint(None).build();
    /// assert_eq!(event.details.contact_data.system_endpoint, None);
    /// ```
    pub fn system_endpoint(mut self, endpoint: impl Into<Option<Endpoint>>) -> Self {
        self.contact().system_endpoint = endpoint.into();
        self
    }

    /// Sets `Queue.Name`, creating the queue if there is none.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().queue_name("PasswordReset").build();
    /// assert_eq!(event.details.contact_data.queue_name(), Some("PasswordReset"));
    /// ```
    pub fn queue_name(mut self, name: impl Into<String>) -> Self {
        self.contact().queue.get_or_insert_with(Queue::default).name = Some(name.into());
        self
    }

    /// Sets `Queue.ARN`, creating the queue if there is none.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let arn = "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/def";
    /// let event = ContactFlowEvent::builder().queue_arn(arn).build();
    /// assert_eq!(event.details.contact_data.queue.unwrap().arn.as_deref(), Some(arn));
    /// ```
    pub fn queue_arn(mut self, arn: impl Into<String>) -> Self {
        self.contact().queue.get_or_insert_with(Queue::default).arn = Some(arn.into());
        self
    }

    /// Sets `Queue`; `None` makes it absent.
    ///
    /// ```
    /// # use connect_types::event::{ContactFlowEvent, Endpoint, Queue};
    /// let queue = Queue {
    ///     outbound_caller_id: Some(Endpoint::telephone_number("+15555550111")),
    ///     ..Queue::named("Sales")
    /// };
    /// let event = ContactFlowEvent::builder().queue(queue.clone()).build();
    /// assert_eq!(event.details.contact_data.queue, Some(queue));
    /// ```
    pub fn queue(mut self, queue: impl Into<Option<Queue>>) -> Self {
        self.contact().queue = queue.into();
        self
    }

    /// Sets `LanguageCode`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().language_code("en-GB").build();
    /// assert_eq!(event.details.contact_data.language_code.as_deref(), Some("en-GB"));
    /// ```
    pub fn language_code(mut self, code: impl Into<String>) -> Self {
        self.contact().language_code = Some(code.into());
        self
    }

    /// Sets the contact's `Name` (tasks and emails have one).
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().contact_name("Refund request").build();
    /// assert_eq!(event.details.contact_data.name.as_deref(), Some("Refund request"));
    /// ```
    pub fn contact_name(mut self, name: impl Into<String>) -> Self {
        self.contact().name = Some(name.into());
        self
    }

    /// Sets the contact's `Description`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().description("Customer wants a refund").build();
    /// assert!(event.details.contact_data.description.is_some());
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.contact().description = Some(description.into());
        self
    }

    /// Adds the reference `name` (`ContactData.References.<name>`).
    ///
    /// ```
    /// # use connect_types::event::{ContactFlowEvent, Reference};
    /// let event = ContactFlowEvent::builder()
    ///     .reference("case", "URL", "https://example.com/case/42")
    ///     .build();
    /// assert_eq!(
    ///     event.details.contact_data.references["case"],
    ///     Reference::new("URL", "https://example.com/case/42"),
    /// );
    /// ```
    pub fn reference(
        mut self,
        name: impl Into<String>,
        r#type: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        self.contact()
            .references
            .insert(name.into(), Reference::new(r#type, value));
        self
    }

    /// Adds the tag `key` (`ContactData.Tags.<key>`).
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().tag("department", "billing").build();
    /// assert_eq!(event.details.contact_data.tags["department"], "billing");
    /// ```
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.contact().tags.insert(key.into(), value.into());
        self
    }

    /// Adds the segment attribute `key` (`ContactData.SegmentAttributes.<key>`);
    /// Connect's values are objects such as `{"ValueString": "..."}`.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// use serde_json::json;
    ///
    /// let event = ContactFlowEvent::builder()
    ///     .segment_attribute("connect:Subtype", json!({"ValueString": "connect:Telephony"}))
    ///     .build();
    /// let subtype = &event.details.contact_data.segment_attributes["connect:Subtype"];
    /// assert_eq!(subtype["ValueString"], "connect:Telephony");
    /// ```
    pub fn segment_attribute(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.contact()
            .segment_attributes
            .insert(key.into(), value.into());
        self
    }

    /// Sets `MediaStreams`; `None` makes it absent.
    ///
    /// ```
    /// # use connect_types::event::{AudioStream, ContactFlowEvent, CustomerMedia, MediaStreams};
    /// let streams = MediaStreams {
    ///     customer: Some(CustomerMedia {
    ///         audio: Some(AudioStream {
    ///             start_timestamp: Some("1571360125131".into()),
    ///             ..AudioStream::default()
    ///         }),
    ///     }),
    /// };
    /// let event = ContactFlowEvent::builder().media_streams(streams.clone()).build();
    /// assert_eq!(event.details.contact_data.media_streams, Some(streams));
    /// ```
    pub fn media_streams(mut self, streams: impl Into<Option<MediaStreams>>) -> Self {
        self.contact().media_streams = streams.into();
        self
    }

    /// Replaces the whole contact (`Details.ContactData`); later setters
    /// change the new one.
    ///
    /// ```
    /// # use connect_types::event::{ContactData, ContactFlowEvent};
    /// let event = ContactFlowEvent::builder()
    ///     .contact_data(ContactData::default())
    ///     .attribute("tier", "gold")
    ///     .build();
    /// assert_eq!(event.details.contact_data.channel, None);
    /// assert_eq!(event.attribute("tier"), Some("gold"));
    /// ```
    pub fn contact_data(mut self, contact_data: ContactData) -> Self {
        self.event.details.contact_data = contact_data;
        self
    }

    /// The event.
    ///
    /// ```
    /// # use connect_types::event::ContactFlowEvent;
    /// let event = ContactFlowEvent::builder().build();
    /// assert_eq!(event.name, "ContactFlowEvent");
    /// ```
    pub fn build(self) -> ContactFlowEvent {
        self.event
    }
}
