//! The paths of `Details.ContactData`, in Connect's names.
//!
//! A path is segments joined by `.`, below `Details.ContactData`:
//! `CustomerEndpoint.Address`, `Queue.OutboundCallerId.Type`. Names are
//! case-sensitive, as in Connect. Four parts of the contact data are maps
//! whose keys the contact decides, and a path names an entry by its key:
//!
//! | path | what it reads |
//! |---|---|
//! | `Attributes.<key>` | a contact attribute (a handler reads these with `#[attribute]`) |
//! | `References.<name>.Type`, `References.<name>.Value` | a reference of the contact |
//! | `Tags.<key>` | a tag's string value: `Tags.aws:connect:instanceId` |
//! | `SegmentAttributes.<key>.ValueString` | a segment attribute: `SegmentAttributes.connect:Subtype.ValueString` |
//!
//! A segment attribute's value is an object with one of `ValueString`,
//! `ValueInteger`, `ValueArn`, `ValueList` or `ValueMap`, and a `ValueMap`'s
//! entries are segment attribute values again:
//! `SegmentAttributes.connect:CustomerAuthentication.ValueMap.<key>.ValueString`.
//!
//! The segment grammar: a field segment is one of the names of the tree
//! below, exactly; a map-key segment is a [map key](crate::key) (one or
//! more of `A-Z`, `a-z`, `0-9`, `_`, `-` and `:`, as in Connect's own
//! `connect:Subtype` and `aws:connect:instanceId`). No segment is empty.
//!
//! ```
//! use connect_names::contact_data::{check_contact_data_path, is_contact_data_path};
//!
//! assert!(is_contact_data_path("CustomerEndpoint.Address"));
//! assert!(is_contact_data_path("SegmentAttributes.connect:Subtype.ValueString"));
//! assert!(!is_contact_data_path("CustomerEndpoint.Adress"));
//!
//! let error = check_contact_data_path("CustomerEndpoint.Adress").unwrap_err();
//! assert_eq!(error.suggestion(), Some("CustomerEndpoint.Address"));
//! assert_eq!(
//!     error.to_string(),
//!     "unknown contact data field `CustomerEndpoint.Adress`: did you mean `CustomerEndpoint.Address`?",
//! );
//! ```

use std::fmt;

use crate::key::{is_map_key, MAP_KEY_CHARACTERS};
use crate::suggest;

/// One field of an object in the contact data.
struct Field {
    name: &'static str,
    below: &'static Node,
}

/// What lies below a path.
enum Node {
    /// A value with no fields of its own (a string, mostly, or a list that
    /// a path cannot index).
    Leaf,
    /// An object with these fields.
    Fields(&'static [Field]),
    /// A map whose keys the contact decides: any map key, then this.
    Map(&'static Node),
}

const fn leaf(name: &'static str) -> Field {
    Field {
        name,
        below: &Node::Leaf,
    }
}

const fn field(name: &'static str, below: &'static Node) -> Field {
    Field { name, below }
}

static ENDPOINT: Node = Node::Fields(&[leaf("Address"), leaf("Type")]);

static AUDIO: Node = Node::Fields(&[
    leaf("StreamARN"),
    leaf("StartTimestamp"),
    leaf("StopTimestamp"),
    leaf("StartFragmentNumber"),
    leaf("StopFragmentNumber"),
]);

static MEDIA_STREAMS: Node =
    Node::Fields(&[field("Customer", &Node::Fields(&[field("Audio", &AUDIO)]))]);

static QUEUE: Node = Node::Fields(&[
    leaf("ARN"),
    leaf("Name"),
    field("OutboundCallerId", &ENDPOINT),
]);

static REFERENCES: Node = Node::Map(&Node::Fields(&[leaf("Type"), leaf("Value")]));

static ATTRIBUTES: Node = Node::Map(&Node::Leaf);

static TAGS: Node = Node::Map(&Node::Leaf);

/// A segment attribute's value (Connect's `SegmentAttributeValue`); a
/// `ValueMap` holds more of them.
static SEGMENT_VALUE: Node = Node::Fields(&SEGMENT_VALUE_FIELDS);

static SEGMENT_VALUE_FIELDS: [Field; 5] = [
    leaf("ValueString"),
    leaf("ValueInteger"),
    leaf("ValueArn"),
    leaf("ValueList"),
    field("ValueMap", &SEGMENT_VALUE_MAP),
];

static SEGMENT_VALUE_MAP: Node = Node::Map(&SEGMENT_VALUE);

static SEGMENT_ATTRIBUTES: Node = Node::Map(&SEGMENT_VALUE);

/// `Details.ContactData`, as Connect documents it plus the fields real
/// events carry.
static CONTACT_DATA: Node = Node::Fields(&[
    field("Attributes", &ATTRIBUTES),
    leaf("AwsRegion"),
    leaf("Channel"),
    leaf("ContactId"),
    field("CustomerEndpoint", &ENDPOINT),
    leaf("CustomerId"),
    leaf("Description"),
    leaf("InitialContactId"),
    leaf("InitiationMethod"),
    leaf("InstanceARN"),
    leaf("LanguageCode"),
    field("MediaStreams", &MEDIA_STREAMS),
    leaf("Name"),
    leaf("PreviousContactId"),
    field("Queue", &QUEUE),
    field("References", &REFERENCES),
    leaf("RelatedContactId"),
    field("SegmentAttributes", &SEGMENT_ATTRIBUTES),
    field("SystemEndpoint", &ENDPOINT),
    field("Tags", &TAGS),
]);

/// Whether `path` is a path of the contact data: every segment a field of
/// the tree or a map key where a map is. `Attributes.<key>` is one.
///
/// ```
/// use connect_names::contact_data::is_contact_data_path;
///
/// assert!(is_contact_data_path("References.caseUrl.Value"));
/// assert!(is_contact_data_path("Tags.aws:connect:instanceId"));
/// assert!(is_contact_data_path("SegmentAttributes.connect:CustomerAuthentication.ValueMap.status.ValueString"));
/// assert!(is_contact_data_path("Attributes.greetingPlayed"));
/// assert!(!is_contact_data_path("customerEndpoint.Address"));
/// assert!(!is_contact_data_path("Tags.department.x"));
/// assert!(!is_contact_data_path("Attributes."));
/// ```
pub fn is_contact_data_path(path: &str) -> bool {
    check_syntax(path).is_ok() && walk(path).is_ok()
}

/// Checks that `path` is a contact data field a handler reads with
/// `#[contact]`, and says why not, with the path the user most likely meant.
///
/// A contact attribute (`Attributes.<key>`) is refused here with a pointer
/// to `#[attribute]`, which reads it.
///
/// ```
/// use connect_names::contact_data::check_contact_data_path;
///
/// assert!(check_contact_data_path("Tags.aws:connect:instanceId").is_ok());
/// let error = check_contact_data_path("Refrences.invoice.Valeu").unwrap_err();
/// assert_eq!(error.suggestion(), Some("References.invoice.Value"));
/// assert!(error.help().contains("unchecked"));
/// ```
pub fn check_contact_data_path(path: &str) -> Result<(), PathError> {
    check_syntax(path)?;
    let mut segments = path.split('.');
    if segments.next() == Some("Attributes") {
        let key = segments.next().filter(|_| segments.next().is_none());
        return Err(PathError::new(
            path,
            Problem::Attribute {
                key: key.map(str::to_owned),
            },
        ));
    }
    walk(path)
}

/// Checks only the grammar of `path`: non-empty [map keys](crate::key)
/// joined by `.`. This is all a path read with `unchecked` must fit.
///
/// ```
/// use connect_names::contact_data::check_syntax;
///
/// assert!(check_syntax("Whatever.Connect:Adds.Next").is_ok());
/// assert!(check_syntax("Queue..Name").is_err());
/// assert!(check_syntax("Tags.a b").is_err());
/// ```
pub fn check_syntax(path: &str) -> Result<(), PathError> {
    if path.is_empty() {
        return Err(PathError::new(path, Problem::Empty));
    }
    match path.split('.').find(|segment| !is_map_key(segment)) {
        None => Ok(()),
        Some("") => Err(PathError::new(path, Problem::EmptySegment)),
        Some(segment) => Err(PathError::new(
            path,
            Problem::NotAKey {
                segment: segment.to_owned(),
            },
        )),
    }
}

/// Every path of the tree, map keys written `*`, sorted; below a segment
/// attribute's `ValueMap` entry the list stops (it repeats a segment
/// attribute value).
///
/// ```
/// let paths = connect_names::contact_data::contact_data_paths();
/// assert!(paths.iter().any(|path| path == "MediaStreams.Customer.Audio.StreamARN"));
/// assert!(paths.iter().any(|path| path == "SegmentAttributes.*.ValueString"));
/// assert!(paths.iter().any(|path| path == "Tags.*"));
/// ```
pub fn contact_data_paths() -> Vec<String> {
    fn visit(prefix: &str, node: &'static Node, out: &mut Vec<String>) {
        let mut push = |segment: &str, below: &'static Node| {
            let path = if prefix.is_empty() {
                segment.to_owned()
            } else {
                format!("{prefix}.{segment}")
            };
            out.push(path.clone());
            // A ValueMap entry is a segment attribute value again.
            if !std::ptr::eq(node, &SEGMENT_VALUE_MAP) {
                visit(&path, below, out);
            }
        };
        match node {
            Node::Leaf => {}
            Node::Fields(fields) => {
                for field in *fields {
                    push(field.name, field.below);
                }
            }
            Node::Map(entry) => push("*", entry),
        }
    }
    let mut out = Vec::new();
    visit("", &CONTACT_DATA, &mut out);
    out.sort_unstable();
    out
}

/// Walks the tree along `path` (whose syntax is checked), correcting each
/// unknown field to its closest name where one is close enough.
fn walk(path: &str) -> Result<(), PathError> {
    let segments: Vec<&str> = path.split('.').collect();
    let mut node = &CONTACT_DATA;
    // The path rebuilt with every segment corrected where a correction was
    // found; `None` once a segment has no close match.
    let mut corrected: Option<Vec<&str>> = Some(Vec::new());
    let mut first_unknown: Option<(usize, &'static [Field])> = None;
    for (index, segment) in segments.iter().copied().enumerate() {
        match node {
            Node::Leaf => {
                let parent = match &corrected {
                    Some(corrected) => corrected.join("."),
                    None => segments[..index].join("."),
                };
                return Err(PathError::new(path, Problem::BelowLeaf { parent }));
            }
            Node::Map(entry) => {
                if let Some(corrected) = corrected.as_mut() {
                    corrected.push(segment);
                }
                node = entry;
            }
            Node::Fields(fields) => {
                let known = fields.iter().find(|field| field.name == segment);
                let field = known.or_else(|| {
                    if first_unknown.is_none() {
                        first_unknown = Some((index, fields));
                    }
                    let name = suggest::did_you_mean(segment, fields.iter().map(|f| f.name))?;
                    fields.iter().find(|field| field.name == name)
                });
                match field {
                    Some(field) => {
                        if let Some(corrected) = corrected.as_mut() {
                            corrected.push(field.name);
                        }
                        node = field.below;
                    }
                    None => {
                        corrected = None;
                        break;
                    }
                }
            }
        }
    }
    let Some((index, fields)) = first_unknown else {
        return Ok(());
    };
    let problem = match corrected {
        Some(corrected) => Problem::Unknown {
            suggestion: Some(corrected.join(".")),
            parent: String::new(),
            fields: Vec::new(),
        },
        None => Problem::Unknown {
            suggestion: None,
            parent: if index == 0 {
                "ContactData".to_owned()
            } else {
                segments[..index].join(".")
            },
            fields: fields.iter().map(|field| field.name).collect(),
        },
    };
    Err(PathError::new(path, problem))
}

/// Why a path is not a contact data field a handler can read: a message in
/// Connect's terms ([`Display`](fmt::Display)) and how to fix it
/// ([`help`](PathError::help)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    path: String,
    problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    Empty,
    EmptySegment,
    NotAKey {
        segment: String,
    },
    Attribute {
        key: Option<String>,
    },
    BelowLeaf {
        parent: String,
    },
    Unknown {
        suggestion: Option<String>,
        parent: String,
        fields: Vec<&'static str>,
    },
}

impl PathError {
    fn new(path: &str, problem: Problem) -> Self {
        PathError {
            path: path.to_owned(),
            problem,
        }
    }

    /// The path the user most likely meant, when every unknown field in it
    /// has a close match.
    pub fn suggestion(&self) -> Option<&str> {
        match &self.problem {
            Problem::Unknown { suggestion, .. } => suggestion.as_deref(),
            _ => None,
        }
    }

    /// Whether the path breaks the grammar (rather than naming a field the
    /// tree does not know): `unchecked` does not help then.
    pub fn is_syntax(&self) -> bool {
        matches!(
            self.problem,
            Problem::Empty | Problem::EmptySegment | Problem::NotAKey { .. }
        )
    }

    /// How to fix it.
    ///
    /// ```
    /// use connect_names::contact_data::check_contact_data_path;
    ///
    /// let error = check_contact_data_path("Attributes.greetingPlayed").unwrap_err();
    /// assert_eq!(error.help(), "read the attribute with #[attribute(rename = \"greetingPlayed\")]");
    /// ```
    pub fn help(&self) -> String {
        let path = &self.path;
        match &self.problem {
            Problem::Empty => {
                "name a field in Connect's names, e.g. #[contact(\"CustomerEndpoint.Address\")]"
                    .to_owned()
            }
            Problem::EmptySegment | Problem::NotAKey { .. } => {
                "write the path in Connect's names joined by `.`, e.g. `CustomerEndpoint.Address` or `Tags.aws:connect:instanceId`".to_owned()
            }
            Problem::Attribute { key: Some(key) } => {
                format!("read the attribute with #[attribute(rename = \"{key}\")]")
            }
            Problem::Attribute { key: None } => "read each attribute with #[attribute] (or #[attribute(rename = \"key\")]), or take the whole contact as `&ContactData`".to_owned(),
            Problem::BelowLeaf { parent } => {
                format!("read `{parent}` itself: #[contact(\"{parent}\")]")
            }
            Problem::Unknown { .. } => format!(
                "for a field Connect added after this list, write #[contact(path = \"{path}\", unchecked)]"
            ),
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = &self.path;
        match &self.problem {
            Problem::Empty => f.write_str("the contact data path is empty"),
            Problem::EmptySegment => write!(f, "`{path}` has an empty key between dots"),
            Problem::NotAKey { segment } => write!(
                f,
                "`{segment}` in `{path}` is not a key: keys are made of {MAP_KEY_CHARACTERS}"
            ),
            Problem::Attribute { .. } => {
                f.write_str("contact attributes are not read with #[contact]")
            }
            Problem::BelowLeaf { parent } => write!(
                f,
                "`{parent}` has no fields: `{path}` is not a contact data field"
            ),
            Problem::Unknown {
                suggestion: Some(suggestion),
                ..
            } => write!(
                f,
                "unknown contact data field `{path}`: did you mean `{suggestion}`?"
            ),
            Problem::Unknown { parent, fields, .. } => write!(
                f,
                "unknown contact data field `{path}`: the fields of `{parent}` are {}",
                suggest::list(fields)
            ),
        }
    }
}

impl std::error::Error for PathError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(path: &str) -> String {
        check_contact_data_path(path).unwrap_err().to_string()
    }

    #[test]
    fn known_paths_pass() {
        for path in [
            "Channel",
            "CustomerEndpoint",
            "CustomerEndpoint.Address",
            "Queue.OutboundCallerId.Type",
            "MediaStreams.Customer.Audio.StopFragmentNumber",
            "References.invoice",
            "References.invoice.Value",
            "SegmentAttributes.connect:Subtype",
            "SegmentAttributes.connect:Subtype.ValueString",
            "SegmentAttributes.connect:CustomerAuthentication.ValueMap.x.ValueMap.y.ValueInteger",
            "Tags.department",
            "Tags.aws:connect:instanceId",
            "AwsRegion",
        ] {
            assert_eq!(check_contact_data_path(path), Ok(()), "{path}");
        }
    }

    #[test]
    fn typos_get_a_full_correction() {
        let cases = [
            ("CustomerEndpoint.Adress", "CustomerEndpoint.Address"),
            ("customerEndpoint.address", "CustomerEndpoint.Address"),
            ("Refrences.invoice.Valeu", "References.invoice.Value"),
            (
                "Queue.OutboundCallerID.Adress",
                "Queue.OutboundCallerId.Address",
            ),
            (
                "SegmentAttributes.connect:Subtype.ValueStrin",
                "SegmentAttributes.connect:Subtype.ValueString",
            ),
            ("Tag.aws:connect:instanceId", "Tags.aws:connect:instanceId"),
        ];
        for (typo, fixed) in cases {
            let error = check_contact_data_path(typo).unwrap_err();
            assert_eq!(error.suggestion(), Some(fixed), "{error:?}");
            assert!(error.help().contains("unchecked"), "{error:?}");
            assert!(!is_contact_data_path(typo), "{typo}");
        }
        assert!(message("Queue.Arn.Region").starts_with("`Queue.ARN` has no fields"));
    }

    #[test]
    fn unknown_fields_list_the_level() {
        assert!(message("Queue.Foo").contains("`ARN`, `Name` and `OutboundCallerId`"));
        assert!(
            message("Colour").contains("the fields of `ContactData` are `Attributes`, `AwsRegion`")
        );
        assert!(message("SegmentAttributes.x.Foo")
            .contains("the fields of `SegmentAttributes.x` are `ValueString`"));
    }

    #[test]
    fn below_a_leaf_and_bad_keys() {
        assert!(message("Channel.Name").contains("has no fields"));
        assert!(message("Tags.dept.x").contains("has no fields"));
        assert!(message("Tags.a b").contains("not a key"));
        assert!(message("Queue..Name").contains("empty key"));
        assert!(check_contact_data_path("").unwrap_err().is_syntax());
        for path in [
            "",
            ".",
            "Queue.",
            ".Queue",
            "Attributes.",
            "SegmentAttributes.",
        ] {
            assert!(!is_contact_data_path(path), "{path}");
        }
    }

    #[test]
    fn attributes_are_paths_read_with_attribute() {
        assert!(is_contact_data_path("Attributes"));
        assert!(is_contact_data_path("Attributes.greetingPlayed"));
        assert!(!is_contact_data_path("Attributes.a.b"));
        let error = check_contact_data_path("Attributes").unwrap_err();
        assert!(error.help().contains("`&ContactData`"));
    }

    #[test]
    fn every_listed_path_is_a_path() {
        let paths = contact_data_paths();
        for path in &paths {
            assert!(is_contact_data_path(&path.replace('*', "k:1")), "{path}");
        }
        assert!(paths
            .iter()
            .any(|path| path == "SegmentAttributes.*.ValueMap.*"));
        assert!(!paths
            .iter()
            .any(|path| path.starts_with("SegmentAttributes.*.ValueMap.*.")));
    }
}
