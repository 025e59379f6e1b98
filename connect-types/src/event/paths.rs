//! The paths under `Details.ContactData` that the model knows, in Connect's
//! names: what `#[contact("...")]` may name without `unchecked`.

/// Every path under `Details.ContactData` that [`ContactData`](super::ContactData)
/// models, in Connect's names, sorted. A `*` segment stands for any key of
/// a map (`Attributes.*`, `References.*.Value`, `Tags.*`); a
/// `SegmentAttributes.*` value is free JSON, so any path below it is known
/// too (see [`is_contact_data_path`]).
///
/// ```
/// use connect_types::event::CONTACT_DATA_PATHS;
///
/// assert!(CONTACT_DATA_PATHS.contains(&"CustomerEndpoint.Address"));
/// assert!(CONTACT_DATA_PATHS.contains(&"MediaStreams.Customer.Audio.StreamARN"));
/// ```
pub const CONTACT_DATA_PATHS: &[&str] = &[
    "Attributes",
    "Attributes.*",
    "AwsRegion",
    "Channel",
    "ContactId",
    "CustomerEndpoint",
    "CustomerEndpoint.Address",
    "CustomerEndpoint.Type",
    "CustomerId",
    "Description",
    "InitialContactId",
    "InitiationMethod",
    "InstanceARN",
    "LanguageCode",
    "MediaStreams",
    "MediaStreams.Customer",
    "MediaStreams.Customer.Audio",
    "MediaStreams.Customer.Audio.StartFragmentNumber",
    "MediaStreams.Customer.Audio.StartTimestamp",
    "MediaStreams.Customer.Audio.StopFragmentNumber",
    "MediaStreams.Customer.Audio.StopTimestamp",
    "MediaStreams.Customer.Audio.StreamARN",
    "Name",
    "PreviousContactId",
    "Queue",
    "Queue.ARN",
    "Queue.Name",
    "Queue.OutboundCallerId",
    "Queue.OutboundCallerId.Address",
    "Queue.OutboundCallerId.Type",
    "References",
    "References.*",
    "References.*.Type",
    "References.*.Value",
    "RelatedContactId",
    "SegmentAttributes",
    "SegmentAttributes.*",
    "SystemEndpoint",
    "SystemEndpoint.Address",
    "SystemEndpoint.Type",
    "Tags",
    "Tags.*",
];

/// Whether `path` (dotted, in Connect's names, under `Details.ContactData`)
/// is one the model knows: a path of [`CONTACT_DATA_PATHS`] with any
/// non-empty key in place of each `*`, or any path below a
/// `SegmentAttributes` entry. Names are case-sensitive, as in Connect.
///
/// ```
/// use connect_types::event::is_contact_data_path;
///
/// assert!(is_contact_data_path("CustomerEndpoint.Address"));
/// assert!(is_contact_data_path("References.caseUrl.Value"));
/// assert!(is_contact_data_path("Tags.aws:connect:instanceId"));
/// assert!(is_contact_data_path("SegmentAttributes.connect:Subtype.ValueString"));
/// assert!(!is_contact_data_path("CustomerEndpoint.Adress"));
/// assert!(!is_contact_data_path("customerEndpoint.Address"));
/// assert!(!is_contact_data_path("Attributes."));
/// ```
pub fn is_contact_data_path(path: &str) -> bool {
    if path.split('.').any(str::is_empty) {
        return false;
    }
    let mut segments = path.split('.');
    if segments.next() == Some("SegmentAttributes") && segments.next().is_some() {
        return true;
    }
    CONTACT_DATA_PATHS.iter().any(|known| {
        let mut known = known.split('.');
        let mut given = path.split('.');
        loop {
            match (known.next(), given.next()) {
                (None, None) => return true,
                (Some(k), Some(g)) if k == "*" || k == g => {}
                _ => return false,
            }
        }
    })
}
