//! [`Queue`]: the queue the contact is in.

use serde::{Deserialize, Serialize};

use super::Endpoint;

/// The queue the contact is in (`ContactData.Queue`); Connect sends `null`
/// before the flow sets one.
///
/// ```
/// use connect_types::event::Queue;
///
/// let queue: Queue = serde_json::from_str(r#"{
///     "ARN": "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/queue/66666666-7777-8888-9999-000000000000",
///     "Name": "PasswordReset",
///     "OutboundCallerId": {"Address": "+15555550199", "Type": "TELEPHONE_NUMBER"}
/// }"#).unwrap();
/// assert_eq!(queue.name.as_deref(), Some("PasswordReset"));
/// assert!(queue.arn.unwrap().contains("/queue/"));
/// assert_eq!(queue.outbound_caller_id.unwrap().address.as_deref(), Some("+15555550199"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Queue {
    /// `ARN`: the queue's ARN.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// `Name`: the queue's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `OutboundCallerId`: the number outbound calls from this queue show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_caller_id: Option<Endpoint>,
}

impl Queue {
    /// A queue with a name and no ARN.
    ///
    /// ```
    /// use connect_types::event::Queue;
    ///
    /// assert_eq!(Queue::named("Billing").name.as_deref(), Some("Billing"));
    /// ```
    pub fn named(name: impl Into<String>) -> Self {
        Queue {
            name: Some(name.into()),
            ..Queue::default()
        }
    }
}
