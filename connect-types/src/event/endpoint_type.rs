//! [`EndpointType`]: what kind of address an [`Endpoint`](super::Endpoint)
//! holds.

use super::string_enum::string_enum;

string_enum! {
    /// What kind of address an [`Endpoint`](super::Endpoint) holds (its
    /// `Type`).
    ///
    /// A value Connect adds later parses as [`EndpointType::Other`] and is
    /// written back unchanged.
    ///
    /// ```
    /// use connect_types::event::EndpointType;
    ///
    /// let kind: EndpointType = serde_json::from_str(r#""TELEPHONE_NUMBER""#).unwrap();
    /// assert_eq!(kind, EndpointType::TelephoneNumber);
    /// assert_eq!(kind, "TELEPHONE_NUMBER");
    /// ```
    pub enum EndpointType ("a Connect endpoint type such as \"TELEPHONE_NUMBER\"") {
        /// A phone number in E.164 format.
        TelephoneNumber => "TELEPHONE_NUMBER",
        /// A voice-over-IP address.
        Voip => "VOIP",
        /// A flow.
        ContactFlow => "CONTACT_FLOW",
        /// The ARN of a phone number claimed to the instance.
        ConnectPhonenumberArn => "CONNECT_PHONENUMBER_ARN",
        /// An email address.
        EmailAddress => "EMAIL_ADDRESS",
    }
}
