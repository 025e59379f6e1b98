//! [`InitiationMethod`]: how the contact was started.

use super::string_enum::string_enum;

string_enum! {
    /// How the contact was started (`ContactData.InitiationMethod`), as
    /// Connect's contact initiation methods document it.
    ///
    /// A value Connect adds later parses as [`InitiationMethod::Other`] and
    /// is written back unchanged.
    ///
    /// ```
    /// use connect_types::event::InitiationMethod;
    ///
    /// let method: InitiationMethod = "QUEUE_TRANSFER".parse().unwrap();
    /// assert_eq!(method, InitiationMethod::QueueTransfer);
    /// assert_eq!(method.to_string(), "QUEUE_TRANSFER");
    /// assert!(!InitiationMethod::from("SOMETHING_NEW").is_known());
    /// ```
    pub enum InitiationMethod ("a Connect initiation method such as \"INBOUND\"") {
        /// The customer contacted the contact center.
        Inbound => "INBOUND",
        /// An agent started the contact from the Contact Control Panel.
        Outbound => "OUTBOUND",
        /// An agent transferred the contact to another agent or queue with a
        /// quick connect.
        Transfer => "TRANSFER",
        /// A flow transferred the contact to another queue.
        QueueTransfer => "QUEUE_TRANSFER",
        /// The customer asked to be called back.
        Callback => "CALLBACK",
        /// The contact was started through the Amazon Connect API.
        Api => "API",
        /// A disconnect flow runs after the contact ended.
        Disconnect => "DISCONNECT",
        /// A supervisor started monitoring an agent.
        Monitor => "MONITOR",
        /// The contact was started by an external party (a third-party
        /// transfer or an outbound call through another system).
        ExternalOutbound => "EXTERNAL_OUTBOUND",
        /// The customer called from an app or a web page (in-app, web or
        /// video calling).
        WebrtcApi => "WEBRTC_API",
        /// An agent replied to an email contact.
        AgentReply => "AGENT_REPLY",
        /// A flow started the contact (for example an outbound email).
        Flow => "FLOW",
    }
}
