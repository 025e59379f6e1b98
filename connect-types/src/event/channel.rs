//! [`Channel`]: how the contact reached the contact center.

use super::string_enum::string_enum;

string_enum! {
    /// How the contact reached the contact center (`ContactData.Channel`).
    ///
    /// A value Connect adds later parses as [`Channel::Other`] and is
    /// written back unchanged.
    ///
    /// ```
    /// use connect_types::event::Channel;
    ///
    /// let channel: Channel = serde_json::from_str(r#""CHAT""#).unwrap();
    /// assert_eq!(channel, Channel::Chat);
    /// assert_eq!(channel.as_str(), "CHAT");
    ///
    /// let future: Channel = serde_json::from_str(r#""HOLOGRAM""#).unwrap();
    /// assert_eq!(future, Channel::Other("HOLOGRAM".to_owned()));
    /// assert_eq!(serde_json::to_string(&future).unwrap(), r#""HOLOGRAM""#);
    /// ```
    pub enum Channel ("a Connect channel name such as \"VOICE\"") {
        /// A phone call.
        Voice => "VOICE",
        /// A chat (web chat, SMS, WhatsApp, Apple Messages for Business).
        Chat => "CHAT",
        /// A task.
        Task => "TASK",
        /// An email.
        Email => "EMAIL",
    }
}
