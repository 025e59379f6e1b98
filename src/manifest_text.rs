//! The manifest's text, as `--manifest` prints it.
//!
//! Byte for byte what `serde_json::to_string_pretty` writes for a
//! [`Manifest`] (also what [`export`](crate::manifest_dir::export) writes to
//! `CONNECT_MANIFEST_DIR`), written field by field rather than through
//! `Manifest`'s `Serialize`. In a handler binary, the derive's `Serialize`
//! impls of the manifest's types, instantiated for serde_json's pretty
//! printer over stdout for this one command, cost more than this writer
//! (BENCHMARKS.md, "Release size and build time"). Strings are
//! written as the derived responses write theirs, escaped by serde_json
//! when they need it. The tests below hold the two to the same text.

use connect_types::manifest::{ContactDataPath, ExternalKey, InputKey, Manifest};

/// `manifest` as pretty JSON (two-space indent, as serde_json's
/// `PrettyFormatter`), without a trailing newline.
pub(crate) fn pretty(manifest: &Manifest) -> Vec<u8> {
    let mut json = Json::default();
    json.open(b'{');
    json.key("manifestVersion");
    json.raw(manifest.manifest_version.to_string().as_bytes());
    json.key("handler");
    json.string(&manifest.handler);
    if let Some(function) = &manifest.function {
        json.key("function");
        json.string(function);
    }
    json.key("responseValidation");
    json.string(manifest.response_validation.as_str());
    json.key("parameters");
    json.array(&manifest.parameters, Json::input_key);
    json.key("attributes");
    json.array(&manifest.attributes, Json::input_key);
    json.key("contactData");
    json.array(&manifest.contact_data, Json::contact_data_path);
    json.key("external");
    json.array(&manifest.external, Json::external_key);
    json.close(b'}');
    json.out
}

/// A JSON text being written with serde_json's pretty layout: each member
/// and element on a line of its own, two spaces a level, `": "` after a key,
/// `{}` and `[]` when empty.
///
/// Its small methods are `#[inline(never)]`: inlined at each of their calls
/// in [`pretty`], they made it more than twice as large (BENCHMARKS.md,
/// "Release size and build time").
#[derive(Default)]
struct Json {
    out: Vec<u8>,
    /// Open objects and arrays.
    depth: usize,
    /// Whether the innermost open object or array has no member yet.
    empty: bool,
}

impl Json {
    #[inline(never)]
    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    #[inline(never)]
    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.empty {
            self.new_line();
        }
        self.out.push(bracket);
        // The enclosing object or array holds at least this value.
        self.empty = false;
    }

    /// Starts a member or element: the comma after the previous one, and
    /// its line.
    #[inline(never)]
    fn next(&mut self) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.new_line();
    }

    fn new_line(&mut self) {
        self.out.push(b'\n');
        for _ in 0..self.depth {
            self.out.extend_from_slice(b"  ");
        }
    }

    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.next();
        self.string(key);
        self.out.extend_from_slice(b": ");
    }

    /// A string, as the derived responses write theirs (serde_json's
    /// escaping when it needs any).
    #[inline(never)]
    fn string(&mut self, text: &str) {
        connect_types::response::__private::write_str(&mut self.out, text);
    }

    fn raw(&mut self, text: &[u8]) {
        self.out.extend_from_slice(text);
    }

    #[inline(never)]
    fn boolean(&mut self, value: bool) {
        self.raw(if value { b"true" } else { b"false" });
    }

    fn array<T>(&mut self, items: &[T], write: fn(&mut Json, &T)) {
        self.open(b'[');
        for item in items {
            self.next();
            write(self, item);
        }
        self.close(b']');
    }

    fn input_key(&mut self, input: &InputKey) {
        self.open(b'{');
        self.key("key");
        self.string(&input.key);
        if let Some(ty) = input.ty {
            self.key("type");
            self.string(ty.as_str());
        }
        if let Some(required) = input.required {
            self.key("required");
            self.boolean(required);
        }
        self.values(input.values.as_deref());
        self.close(b'}');
    }

    /// `"values": [...]`, when there are any.
    fn values(&mut self, values: Option<&[String]>) {
        if let Some(values) = values {
            self.key("values");
            self.array(values, |json, value| json.string(value));
        }
    }

    fn contact_data_path(&mut self, path: &ContactDataPath) {
        self.open(b'{');
        self.key("path");
        self.string(&path.path);
        if let Some(required) = path.required {
            self.key("required");
            self.boolean(required);
        }
        self.close(b'}');
    }

    fn external_key(&mut self, external: &ExternalKey) {
        self.open(b'{');
        self.key("path");
        self.string(&external.path);
        self.key("key");
        self.string(&external.key);
        self.key("type");
        self.string(external.ty.as_str());
        self.key("required");
        self.boolean(external.required);
        self.key("referenceable");
        self.boolean(external.referenceable);
        if external.truncated {
            self.key("truncated");
            self.boolean(true);
        }
        self.values(external.values.as_deref());
        self.close(b'}');
    }
}

#[cfg(test)]
mod tests {
    use connect_types::manifest::{ResponseValidation, ValueType};
    use proptest::prelude::*;

    use super::*;

    fn same_as_serde_json(manifest: &Manifest) {
        let expected = serde_json::to_string_pretty(manifest).unwrap();
        let written = String::from_utf8(pretty(manifest)).unwrap();
        assert_eq!(written, expected);
    }

    fn input(key: &str, ty: Option<ValueType>, required: Option<bool>) -> InputKey {
        InputKey {
            key: key.to_owned(),
            ty,
            required,
            values: None,
        }
    }

    fn empty(handler: &str) -> Manifest {
        Manifest {
            manifest_version: 1,
            handler: handler.to_owned(),
            function: None,
            response_validation: ResponseValidation::StringMap,
            parameters: Vec::new(),
            attributes: Vec::new(),
            contact_data: Vec::new(),
            external: Vec::new(),
        }
    }

    #[test]
    fn an_empty_manifest_is_serde_jsons_text() {
        same_as_serde_json(&empty("nothing"));
    }

    #[test]
    fn every_field_and_every_option_is_serde_jsons_text() {
        let types = [
            ValueType::String,
            ValueType::Number,
            ValueType::Boolean,
            ValueType::Object,
            ValueType::Array,
            ValueType::Map,
            ValueType::Any,
        ];
        let mut manifest = Manifest {
            manifest_version: 12,
            function: Some("MyFunction".to_owned()),
            response_validation: ResponseValidation::Json,
            parameters: vec![
                input("companyName", Some(ValueType::String), Some(true)),
                input("age", Some(ValueType::Number), Some(false)),
                input("*", None, None),
                input("flag", None, Some(true)),
                input("kind", Some(ValueType::Any), None),
            ],
            attributes: vec![input("tier", Some(ValueType::Boolean), Some(false))],
            contact_data: vec![
                ContactDataPath {
                    path: "CustomerEndpoint.Address".to_owned(),
                    required: Some(true),
                },
                ContactDataPath {
                    path: "*".to_owned(),
                    required: None,
                },
            ],
            external: types
                .iter()
                .enumerate()
                .map(|(i, &ty)| ExternalKey {
                    truncated: i % 2 == 1,
                    ..ExternalKey::new(format!("key{i}.inner"), ty, i % 3 == 0)
                })
                .collect(),
            ..empty("my_handler")
        };
        same_as_serde_json(&manifest);
        manifest.parameters[0].values = Some(vec!["a".to_owned(), "b\"".to_owned()]);
        manifest.external[0].values = Some(vec!["true".to_owned(), "false".to_owned()]);
        same_as_serde_json(&manifest);
        manifest.attributes.clear();
        manifest.response_validation = ResponseValidation::StringMap;
        same_as_serde_json(&manifest);
    }

    proptest! {
        #[test]
        fn any_strings_are_escaped_as_serde_json_does(
            handler in any::<String>(),
            function in proptest::option::of(any::<String>()),
            key in "[\\x00-\\x7f]{0,12}",
            path in any::<String>(),
        ) {
            let manifest = Manifest {
                function,
                parameters: vec![input(&key, Some(ValueType::String), Some(true))],
                contact_data: vec![ContactDataPath { path: path.clone(), required: None }],
                external: vec![ExternalKey::new(path, ValueType::Map, false)],
                ..empty(&handler)
            };
            same_as_serde_json(&manifest);
        }
    }
}
