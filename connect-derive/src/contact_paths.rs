//! The fields of Amazon Connect's `ContactData`, in Connect's names, that a
//! `#[contact("Path")]` argument may read.
//!
//! A path is checked against this tree at compile time, so a typo
//! (`CustomerEndpoint.Adress`) is an error with "did you mean" rather than an
//! argument that is always missing at run time. `#[contact(path = "...",
//! unchecked)]` reads a field that Connect added after this list was written.

use crate::handler::suggest;

/// One field of an object in the contact data.
struct Field {
    name: &'static str,
    children: Children,
}

/// What lies below a field.
enum Children {
    /// A value with no fields of its own (a string, mostly).
    Leaf,
    /// An object with these fields.
    Fields(&'static [Field]),
    /// A map whose keys the contact decides (`References.<name>`,
    /// `Tags.<key>`): any key of the key grammar, then `entry` below it.
    Keyed {
        /// How the key is written in the list of known paths.
        #[cfg_attr(not(test), allow(dead_code))]
        placeholder: &'static str,
        entry: &'static Children,
    },
    /// Anything below (segment attribute values, whose shape Connect
    /// extends per attribute).
    Free,
}

const fn leaf(name: &'static str) -> Field {
    Field {
        name,
        children: Children::Leaf,
    }
}

const fn object(name: &'static str, fields: &'static [Field]) -> Field {
    Field {
        name,
        children: Children::Fields(fields),
    }
}

const fn keyed(name: &'static str, placeholder: &'static str, entry: &'static Children) -> Field {
    Field {
        name,
        children: Children::Keyed { placeholder, entry },
    }
}

const ENDPOINT: &[Field] = &[leaf("Address"), leaf("Type")];

const AUDIO: &[Field] = &[
    leaf("StreamARN"),
    leaf("StartTimestamp"),
    leaf("StopTimestamp"),
    leaf("StartFragmentNumber"),
    leaf("StopFragmentNumber"),
];

/// `Details.ContactData`, as Connect documents it plus the fields real
/// events carry.
const CONTACT_DATA: &[Field] = &[
    leaf("AwsRegion"),
    leaf("Channel"),
    leaf("ContactId"),
    object("CustomerEndpoint", ENDPOINT),
    leaf("CustomerId"),
    leaf("Description"),
    leaf("InitialContactId"),
    leaf("InitiationMethod"),
    leaf("InstanceARN"),
    leaf("LanguageCode"),
    object(
        "MediaStreams",
        &[object("Customer", &[object("Audio", AUDIO)])],
    ),
    leaf("Name"),
    leaf("PreviousContactId"),
    object(
        "Queue",
        &[
            leaf("ARN"),
            leaf("Name"),
            object("OutboundCallerId", ENDPOINT),
        ],
    ),
    keyed(
        "References",
        "<name>",
        &Children::Fields(&[leaf("Type"), leaf("Value")]),
    ),
    leaf("RelatedContactId"),
    keyed("SegmentAttributes", "<key>", &Children::Free),
    object("SystemEndpoint", ENDPOINT),
    keyed("Tags", "<key>", &Children::Leaf),
];

/// Why a path is not a known contact data field.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct UnknownPath {
    /// What is wrong, in Connect's terms.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Checks `path` (dotted, in Connect's names, below `Details.ContactData`)
/// against the known contact data fields.
pub(crate) fn check(path: &str) -> Result<(), UnknownPath> {
    if let Some(problem) = check_syntax(path) {
        return Err(problem);
    }
    let segments: Vec<&str> = path.split('.').collect();
    if segments[0] == "Attributes" {
        return Err(attributes_hint(&segments));
    }
    let mut children = &Children::Fields(CONTACT_DATA);
    // The path rebuilt with every segment corrected where a correction was
    // found; `None` once a segment has no close match.
    let mut corrected: Option<Vec<String>> = Some(Vec::new());
    let mut first_error: Option<(usize, &'static [Field])> = None;
    for (index, segment) in segments.iter().enumerate() {
        match children {
            Children::Leaf => {
                let parent = match &corrected {
                    Some(corrected) => corrected.join("."),
                    None => segments[..index].join("."),
                };
                return Err(UnknownPath {
                    message: format!(
                        "`{parent}` has no fields: `{path}` is not a contact data field"
                    ),
                    help: format!("read `{parent}` itself: #[contact(\"{parent}\")]"),
                });
            }
            Children::Free => break,
            Children::Keyed { entry, .. } => {
                // Any key of the key grammar (checked above) names an entry.
                if let Some(corrected) = corrected.as_mut() {
                    corrected.push((*segment).to_owned());
                }
                children = entry;
            }
            Children::Fields(fields) => match fields.iter().find(|field| field.name == *segment) {
                Some(field) => {
                    if let Some(corrected) = corrected.as_mut() {
                        corrected.push(field.name.to_owned());
                    }
                    children = &field.children;
                }
                None => {
                    if first_error.is_none() {
                        first_error = Some((index, fields));
                    }
                    match suggest::closest(segment, fields.iter().map(|field| field.name)) {
                        Some(name) => {
                            if let Some(corrected) = corrected.as_mut() {
                                corrected.push(name.to_owned());
                            }
                            let field = fields
                                .iter()
                                .find(|field| field.name == name)
                                .map(|field| &field.children);
                            children = field.unwrap_or(&Children::Leaf);
                        }
                        None => {
                            corrected = None;
                            break;
                        }
                    }
                }
            },
        }
    }
    let Some((index, fields)) = first_error else {
        return Ok(());
    };
    let where_ = if index == 0 {
        "ContactData".to_owned()
    } else {
        segments[..index].join(".")
    };
    let message = match corrected {
        Some(corrected) => format!(
            "unknown contact data field `{path}`: did you mean `{}`?",
            corrected.join(".")
        ),
        None => format!(
            "unknown contact data field `{path}`: the fields of `{where_}` are {}",
            describe(fields)
        ),
    };
    let help = format!(
        "for a field Connect added after this list, write #[contact(path = \"{path}\", unchecked)]"
    );
    Err(UnknownPath { message, help })
}

/// Checks only the grammar of a path: keys of `[A-Za-z0-9_-]+` joined by
/// `.`. Used for `unchecked` paths as well.
pub(crate) fn check_syntax(path: &str) -> Option<UnknownPath> {
    if path.is_empty() {
        return Some(UnknownPath {
            message: "the contact data path is empty".into(),
            help: "name a field in Connect's names, e.g. #[contact(\"CustomerEndpoint.Address\")]"
                .into(),
        });
    }
    let bad = path.split('.').find(|segment| !is_key(segment));
    bad.map(|segment| UnknownPath {
        message: if segment.is_empty() {
            format!("`{path}` has an empty key between dots")
        } else {
            format!("`{segment}` in `{path}` is not a key: keys are made of A-Z, a-z, 0-9, `_` and `-`")
        },
        help: "write the path in Connect's names joined by `.`, e.g. `CustomerEndpoint.Address` or `References.invoice.Value`".into(),
    })
}

fn is_key(segment: &str) -> bool {
    !segment.is_empty()
        && segment
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-')
}

fn attributes_hint(segments: &[&str]) -> UnknownPath {
    match segments {
        [_, key] => UnknownPath {
            message: "contact attributes are not read with #[contact]".into(),
            help: format!("read the attribute with #[attribute(rename = \"{key}\")]"),
        },
        _ => UnknownPath {
            message: "contact attributes are not read with #[contact]".into(),
            help: "read each attribute with #[attribute] (or #[attribute(rename = \"key\")]), or take the whole contact as `&ContactData`".into(),
        },
    }
}

fn describe(fields: &[Field]) -> String {
    let names: Vec<&str> = fields.iter().map(|field| field.name).collect();
    suggest::list(&names)
}

/// Every known path, for documentation and tests: map keys appear as their
/// placeholder (`References.<name>.Value`).
#[cfg(test)]
fn all_paths() -> Vec<String> {
    fn walk(prefix: &str, children: &Children, out: &mut Vec<String>) {
        match children {
            Children::Leaf => {}
            Children::Free => out.push(format!("{prefix}...")),
            Children::Fields(fields) => {
                for field in *fields {
                    let path = if prefix.is_empty() {
                        field.name.to_owned()
                    } else {
                        format!("{prefix}.{}", field.name)
                    };
                    out.push(path.clone());
                    walk(&path, &field.children, out);
                }
            }
            Children::Keyed { placeholder, entry } => {
                let path = format!("{prefix}.{placeholder}");
                out.push(path.clone());
                walk(&path, entry, out);
            }
        }
    }
    let mut out = Vec::new();
    walk("", &Children::Fields(CONTACT_DATA), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "SegmentAttributes.connect-Subtype",
            "SegmentAttributes.connect-Subtype.ValueString",
            "Tags.department",
            "AwsRegion",
        ] {
            assert_eq!(check(path), Ok(()), "{path}");
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
        ];
        for (typo, fixed) in cases {
            let error = check(typo).unwrap_err();
            let expected = format!("did you mean `{fixed}`?");
            assert!(error.message.ends_with(&expected), "{error:?}");
            assert!(error.help.contains("unchecked"), "{error:?}");
        }
        let error = check("Queue.Arn.Region").unwrap_err();
        assert!(
            error.message.starts_with("`Queue.ARN` has no fields"),
            "{error:?}"
        );
    }

    #[test]
    fn unknown_fields_list_the_level() {
        let error = check("Queue.Foo").unwrap_err();
        assert!(
            error
                .message
                .contains("`ARN`, `Name` and `OutboundCallerId`"),
            "{error:?}"
        );
        assert!(error.help.contains("unchecked"));
        let error = check("Colour").unwrap_err();
        assert!(
            error
                .message
                .contains("the fields of `ContactData` are `AwsRegion`"),
            "{error:?}"
        );
    }

    #[test]
    fn below_a_leaf_and_bad_keys() {
        assert!(check("Channel.Name")
            .unwrap_err()
            .message
            .contains("has no fields"));
        assert!(check("Tags.dept.x")
            .unwrap_err()
            .message
            .contains("has no fields"));
        assert!(check("Tags.a b").unwrap_err().message.contains("not a key"));
        assert!(check("Queue..Name")
            .unwrap_err()
            .message
            .contains("empty key"));
        assert!(check("").is_err());
    }

    #[test]
    fn attributes_point_to_the_attribute_kind() {
        let error = check("Attributes.greetingPlayed").unwrap_err();
        assert!(error
            .help
            .contains("#[attribute(rename = \"greetingPlayed\")]"));
    }

    #[test]
    fn the_tree_lists_every_documented_field() {
        let paths = all_paths();
        for path in [
            "Queue.OutboundCallerId.Address",
            "References.<name>.Type",
            "SegmentAttributes.<key>...",
            "Tags.<key>",
            "SystemEndpoint.Type",
            "RelatedContactId",
        ] {
            assert!(paths.iter().any(|known| known == path), "{path}");
        }
    }

    /// The event model (connect-types) and this list are written apart, since
    /// a proc-macro crate cannot depend on the runtime crate: this test
    /// reads the model's `CONTACT_DATA_PATHS` from its source and keeps the
    /// two in step, both ways.
    #[test]
    fn agrees_with_the_event_model() {
        let source = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../connect-types/src/event/paths.rs"
        ))
        .expect("the event model's path list");
        let start = source
            .find("CONTACT_DATA_PATHS: &[&str] = &[")
            .expect("CONTACT_DATA_PATHS in paths.rs");
        let end = start
            + source[start..]
                .find("];")
                .expect("end of CONTACT_DATA_PATHS");
        let model: std::collections::BTreeSet<String> = source[start..end]
            .split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        assert!(model.len() > 30, "parsed {model:?}");

        // Contact attributes are read with #[attribute], never #[contact].
        let readable = |path: &String| !path.starts_with("Attributes");
        for path in model.iter().filter(|path| readable(path)) {
            let concrete = path.replace('*', "key1");
            assert_eq!(check(&concrete), Ok(()), "the model has `{path}`");
        }

        let ours: std::collections::BTreeSet<String> = all_paths()
            .into_iter()
            .map(|path| {
                path.split('.')
                    .map(|segment| {
                        if segment.starts_with('<') {
                            "*"
                        } else {
                            segment
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(".")
            })
            // Below a free-form map entry any path is accepted.
            .filter(|path| !path.ends_with("..."))
            .collect();
        let model_readable: std::collections::BTreeSet<String> =
            model.into_iter().filter(readable).collect();
        assert_eq!(ours, model_readable);
    }
}
