//! [`Endpoint`]: an address with its type (`CustomerEndpoint`,
//! `SystemEndpoint`, `Queue.OutboundCallerId`).

use serde::{Deserialize, Serialize};

use super::EndpointType;

/// An address and what kind of address it is: `{"Address", "Type"}`.
///
/// Connect sends it as `ContactData.CustomerEndpoint` (the customer's phone
/// number or email address), `ContactData.SystemEndpoint` (the number or
/// address the customer reached) and `Queue.OutboundCallerId`. Either part
/// may be absent or `null`.
///
/// ```
/// use connect_types::event::{Endpoint, EndpointType};
///
/// let endpoint: Endpoint = serde_json::from_str(
///     r#"{"Address": "+15555550100", "Type": "TELEPHONE_NUMBER"}"#,
/// ).unwrap();
/// assert_eq!(endpoint, Endpoint::telephone_number("+15555550100"));
/// assert_eq!(endpoint.address.as_deref(), Some("+15555550100"));
/// assert_eq!(endpoint.r#type, Some(EndpointType::TelephoneNumber));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Endpoint {
    /// `Address`: a phone number in E.164 format, an email address, an ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `Type`: what kind of address [`address`](Self::address) is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<EndpointType>,
}

impl Endpoint {
    /// An endpoint of the given address and type.
    ///
    /// ```
    /// use connect_types::event::{Endpoint, EndpointType};
    ///
    /// let email = Endpoint::new("jane@example.com", EndpointType::EmailAddress);
    /// assert_eq!(email.r#type, Some(EndpointType::EmailAddress));
    /// ```
    pub fn new(address: impl Into<String>, r#type: impl Into<EndpointType>) -> Self {
        Endpoint {
            address: Some(address.into()),
            r#type: Some(r#type.into()),
        }
    }

    /// A phone number (`"Type": "TELEPHONE_NUMBER"`).
    ///
    /// ```
    /// use connect_types::event::Endpoint;
    ///
    /// let phone = Endpoint::telephone_number("+15555550100");
    /// assert_eq!(phone.address.as_deref(), Some("+15555550100"));
    /// ```
    pub fn telephone_number(address: impl Into<String>) -> Self {
        Endpoint::new(address, EndpointType::TelephoneNumber)
    }
}
