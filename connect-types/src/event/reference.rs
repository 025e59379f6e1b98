//! [`Reference`]: one entry of `ContactData.References`.

use serde::{Deserialize, Serialize};

/// One entry of `ContactData.References`: a link, a number, a date, an
/// attachment... attached to the contact (tasks carry them most often).
///
/// `Type` is kept as the string Connect sends: events have carried both
/// `"URL"` and `"url"`.
///
/// ```
/// use connect_types::event::Reference;
///
/// let reference: Reference =
///     serde_json::from_str(r#"{"Type": "url", "Value": "https://example.com/case/42"}"#).unwrap();
/// assert_eq!(reference, Reference::new("url", "https://example.com/case/42"));
/// assert_eq!(reference.r#type.as_deref(), Some("url"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Reference {
    /// `Type`: `URL`, `ATTACHMENT`, `NUMBER`, `STRING`, `DATE`, `EMAIL`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `Value`: the reference itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Reference {
    /// A reference of the given type and value.
    ///
    /// ```
    /// use connect_types::event::Reference;
    ///
    /// let reference = Reference::new("NUMBER", "42");
    /// assert_eq!(reference.value.as_deref(), Some("42"));
    /// ```
    pub fn new(r#type: impl Into<String>, value: impl Into<String>) -> Self {
        Reference {
            r#type: Some(r#type.into()),
            value: Some(value.into()),
        }
    }
}
