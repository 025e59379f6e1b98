//! The `$.External` reference grammar.
//!
//! A reference is `$.External.` followed by keys of `[A-Za-z0-9_-]+`
//! separated by `.`, case-sensitive, anywhere in a string. A `.` not followed
//! by a key character ends it (sentence punctuation: "your balance is
//! $.External.balance."); a `[` right after a key is an index into it (an
//! array reference); a bare `$.External` is ignored.

use connect_names::key::is_key_byte;
use connect_types::manifest::EXTERNAL_PREFIX;
use serde_json::{Map, Value};

/// One `$.External` reference found in a string.
///
/// ```
/// use connect_flow::references::find_references;
///
/// let refs = find_references("Hello $.External.Name.First, you owe $.External.balance.");
/// assert_eq!(refs.len(), 2);
/// assert_eq!(refs[0].keys, ["Name", "First"]);
/// assert_eq!(refs[0].text, "$.External.Name.First");
/// assert_eq!(refs[1].key(), "balance");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'a> {
    /// The reference as written, without any index: `$.External.Name.First`.
    pub text: &'a str,
    /// The keys below `$.External`, in order: `["Name", "First"]`.
    pub keys: Vec<&'a str>,
    /// `true` when a `[` follows the last key (`$.External.items[0]`).
    pub indexed: bool,
    /// Byte offset of the `$` in the searched string.
    pub offset: usize,
}

impl Reference<'_> {
    /// The dotted key below `$.External`, as a manifest lists it: `Name.First`.
    ///
    /// ```
    /// let r = &connect_flow::references::find_references("$.External.a.b")[0];
    /// assert_eq!(r.key(), "a.b");
    /// ```
    pub fn key(&self) -> &str {
        &self.text[EXTERNAL_PREFIX.len() + 1..]
    }

    /// Whether the reference reads below a top-level key (`$.External.a.b`).
    ///
    /// ```
    /// use connect_flow::references::find_references;
    /// assert!(find_references("$.External.a.b")[0].is_nested());
    /// assert!(!find_references("$.External.a")[0].is_nested());
    /// ```
    pub fn is_nested(&self) -> bool {
        self.keys.len() > 1
    }
}

/// Every `$.External` reference in `text`, in order of appearance.
///
/// ```
/// use connect_flow::references::find_references;
///
/// assert!(find_references("$.External").is_empty());
/// assert!(find_references("$.External.").is_empty());
/// let r = &find_references("<p>$.External.items[0]</p>")[0];
/// assert_eq!((r.key(), r.indexed), ("items", true));
/// ```
pub fn find_references(text: &str) -> Vec<Reference<'_>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut search_from = 0;
    while let Some(pos) = text[search_from..].find(EXTERNAL_PREFIX) {
        let start = search_from + pos;
        let mut cursor = start + EXTERNAL_PREFIX.len();
        search_from = cursor;
        let mut keys = Vec::new();
        // Each round: a `.` followed by at least one key byte.
        while cursor + 1 < bytes.len() && bytes[cursor] == b'.' && is_key_byte(bytes[cursor + 1]) {
            let key_start = cursor + 1;
            let mut key_end = key_start;
            while key_end < bytes.len() && is_key_byte(bytes[key_end]) {
                key_end += 1;
            }
            keys.push(&text[key_start..key_end]);
            cursor = key_end;
        }
        if keys.is_empty() {
            continue;
        }
        let indexed = bytes.get(cursor) == Some(&b'[');
        found.push(Reference {
            text: &text[start..cursor],
            keys,
            indexed,
            offset: start,
        });
        search_from = cursor;
    }
    found
}

/// Every string inside an action's `Parameters`, at any depth, with its
/// dotted path (`Attributes.balance`, `LambdaInvocationAttributes.id`,
/// `Messages[0].Text`): where references are searched.
///
/// ```
/// use connect_flow::references::strings_in;
///
/// let parameters = serde_json::json!({"Text": "Hi", "Attributes": {"a": "$.External.a"}, "N": 8});
/// let strings = strings_in(parameters.as_object().unwrap());
/// assert_eq!(strings, [("Attributes.a".to_owned(), "$.External.a"), ("Text".to_owned(), "Hi")]);
/// ```
pub fn strings_in(parameters: &Map<String, Value>) -> Vec<(String, &str)> {
    fn walk<'v>(value: &'v Value, path: String, out: &mut Vec<(String, &'v str)>) {
        match value {
            Value::String(s) => out.push((path, s)),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    walk(item, format!("{path}.{key}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (key, value) in parameters {
        walk(value, key.clone(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, bool)> {
        find_references(text)
            .into_iter()
            .map(|r| (r.key().to_owned(), r.indexed))
            .collect()
    }

    #[test]
    fn paths_of_strings() {
        let params: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
            r#"{"Text": "a", "Attributes": {"x": "b"}, "Messages": [{"Text": "c"}], "N": 1}"#,
        )
        .unwrap();
        let mut fields: Vec<String> = strings_in(&params).into_iter().map(|(f, _)| f).collect();
        fields.sort();
        assert_eq!(fields, ["Attributes.x", "Messages[0].Text", "Text"]);
    }

    #[test]
    fn whole_value() {
        assert_eq!(
            keys("$.External.customerBalance"),
            [("customerBalance".into(), false)]
        );
    }

    #[test]
    fn key_characters() {
        assert_eq!(keys("$.External.a_b-C9"), [("a_b-C9".into(), false)]);
        assert_eq!(keys("$.External.a b"), [("a".into(), false)]);
        assert_eq!(keys("$.External.a/b"), [("a".into(), false)]);
    }

    #[test]
    fn nested_keys() {
        let refs = find_references("$.External.Name.First.Initial");
        assert_eq!(refs[0].keys, ["Name", "First", "Initial"]);
        assert!(refs[0].is_nested());
    }

    #[test]
    fn sentence_punctuation_ends_a_reference() {
        assert_eq!(
            keys("You owe $.External.balance. Thanks"),
            [("balance".into(), false)]
        );
        assert_eq!(keys("$.External.balance..x"), [("balance".into(), false)]);
        assert_eq!(keys("$.External.a.b."), [("a.b".into(), false)]);
        assert_eq!(
            keys("($.External.a), $.External.b!"),
            [("a".into(), false), ("b".into(), false)]
        );
    }

    #[test]
    fn index_after_key() {
        assert_eq!(keys("$.External.items[0].name"), [("items".into(), true)]);
        assert_eq!(keys("$.External.a.items[2]"), [("a.items".into(), true)]);
    }

    #[test]
    fn bare_external_is_ignored() {
        assert!(keys("$.External").is_empty());
        assert!(keys("$.External.").is_empty());
        assert!(keys("$.External. end").is_empty());
        assert!(keys("$.External[0]").is_empty());
        assert!(keys("$.ExternalBalance").is_empty());
    }

    #[test]
    fn case_sensitive_prefix() {
        assert!(keys("$.external.balance").is_empty());
        assert!(keys("$.EXTERNAL.balance").is_empty());
    }

    #[test]
    fn embedded_in_ssml_and_html() {
        let text = "<speak>Your balance is $.External.balance dollars.</speak>";
        assert_eq!(keys(text), [("balance".into(), false)]);
        let html =
            "<div class=\"x\">$.External.vmx3_presigned_url</div><a href=\"$.External.link\">";
        assert_eq!(
            keys(html),
            [("vmx3_presigned_url".into(), false), ("link".into(), false)]
        );
    }

    #[test]
    fn several_in_one_string_with_offsets() {
        let text = "$.External.a and $.External.b.c";
        let refs = find_references(text);
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].offset, 0);
        assert_eq!(refs[1].offset, 17);
        assert_eq!(refs[1].text, "$.External.b.c");
    }

    #[test]
    fn unicode_around_references_does_not_panic() {
        assert_eq!(keys("é$.External.ünï"), Vec::<(String, bool)>::new());
        assert_eq!(keys("日本$.External.a日本"), [("a".into(), false)]);
        assert_eq!(keys("$.External.a.é"), [("a".into(), false)]);
    }

    #[test]
    fn other_references_are_not_external() {
        assert!(
            keys("$.Attributes.balance $.FlowAttributes.x $.CustomerEndpoint.Address").is_empty()
        );
    }
}
