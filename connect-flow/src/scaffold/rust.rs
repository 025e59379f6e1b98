//! The Rust source of one scaffolded bin: a `#[connect_handler]` with the
//! parameters the flows pass, a `#[derive(ConnectResponse)]` with the keys
//! they read, a test that calls it, and `main`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use connect_types::manifest::ResponseValidation;

use super::block_ref::BlockRef;
use super::contract::{Key, LambdaContract};
use crate::placeholder::words;

/// How many reading blocks a field's comment names before "and N more".
const READERS_NAMED: usize = 3;

/// Rust's keywords (strict, reserved and edition 2018+): a name that is one
/// gets a `_` behind it.
const KEYWORDS: [&str; 51] = [
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// The name of the handler function, the bin and the manifest's `handler`
/// for a Lambda function: the function's name in snake case.
///
/// ```
/// use connect_flow::scaffold::handler_name;
///
/// assert_eq!(handler_name("GetSurveyConfig"), "get_survey_config");
/// assert_eq!(handler_name("asapp-generativeagent-engage"), "asapp_generativeagent_engage");
/// assert_eq!(handler_name("2fa"), "lambda_2fa");
/// ```
pub fn handler_name(function: &str) -> String {
    let name = snake_words(function);
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("lambda_{name}")
    } else {
        identifier(name, "lambda")
    }
}

/// `name` as a Rust identifier in snake case: its words (as placeholder
/// pairing splits them) in lower case joined by `_`, ASCII only; a keyword
/// or a leading digit is made an identifier.
fn snake_case(name: &str) -> String {
    identifier(snake_words(name), "value")
}

/// The words of `name` in lower case, ASCII only, joined by `_`.
fn snake_words(name: &str) -> String {
    words(name)
        .into_iter()
        .map(|range| {
            name[range]
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// `name` in Pascal case, for a struct.
fn pascal_case(name: &str) -> String {
    identifier(pascal_words(name), "Value")
}

/// A literal the flows compare with as an enum variant: its words in
/// Pascal case (`transferToAgent`, `transfer_to_agent` and `TRANSFER TO
/// AGENT` are all `TransferToAgent`); a literal with no letter or digit is
/// `Value`, one that starts with a digit gets a `V` before it, so that
/// every variant is an UpperCamelCase identifier.
fn variant_name(literal: &str) -> String {
    let name = pascal_words(literal);
    if name.is_empty() {
        "Value".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else if name == "Self" {
        "SelfValue".to_owned()
    } else {
        name
    }
}

/// The words of `name`, ASCII only, each capitalised, joined.
fn pascal_words(name: &str) -> String {
    words(name)
        .into_iter()
        .map(|range| {
            let word: String = name[range]
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => {
                    first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
                }
                None => String::new(),
            }
        })
        .collect()
}

fn identifier(name: String, empty: &str) -> String {
    if name.is_empty() {
        empty.to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{name}")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// Hands out identifiers, each once: a second `surveyId` / `survey_id`
/// becomes `survey_id_2`.
#[derive(Default)]
struct Names(BTreeSet<String>);

impl Names {
    fn take(&mut self, wanted: String) -> String {
        let mut name = wanted.clone();
        let mut n = 2;
        while !self.0.insert(name.clone()) {
            name = format!("{wanted}_{n}");
            n += 1;
        }
        name
    }
}

/// Hands out enum variants, each once: a second `Gold` becomes `Gold2`
/// (not `Gold_2`, which is not UpperCamelCase and would warn).
#[derive(Default)]
struct Variants(BTreeSet<String>);

impl Variants {
    fn take(&mut self, wanted: String) -> String {
        let mut name = wanted.clone();
        let mut n = 2;
        while !self.0.insert(name.clone()) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        name
    }
}

/// A Rust string literal holding `text` exactly.
fn literal(text: &str) -> String {
    format!("{text:?}")
}

/// `text` fit for a `//` comment: on one line.
fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The response structs of a contract: the top one, then one per object
/// key, each with its fields.
struct Structs {
    structs: Vec<Struct>,
    /// The enums of keys the flows compare with literals.
    enums: Vec<Enum>,
}

/// A `ConnectValue` enum: the literals the flows compare a key with.
struct Enum {
    name: String,
    /// The dotted key below `$.External`.
    path: String,
    /// Each variant's identifier and the literal it stands for.
    variants: Vec<(String, String)>,
}

struct Struct {
    name: String,
    /// The dotted key of the object it is; empty for `Response`.
    path: String,
    fields: Vec<Field>,
}

struct Field {
    key: String,
    /// The dotted key below `$.External`.
    path: String,
    ident: String,
    /// The struct of an object key: an index into [`Structs::structs`].
    nested: Option<usize>,
    /// Read with an index: an array, as `serde_json::Value`.
    indexed: bool,
    /// Compared with literals only: an index into [`Structs::enums`].
    values: Option<usize>,
    read_by: Vec<BlockRef>,
}

impl Structs {
    fn of(keys: &BTreeMap<String, Key>) -> Structs {
        let mut structs = Structs {
            structs: Vec::new(),
            enums: Vec::new(),
        };
        let mut names = Names::default();
        names.take("Response".to_owned());
        structs.add("Response".to_owned(), keys, "", &mut names);
        structs
    }

    fn add(
        &mut self,
        name: String,
        keys: &BTreeMap<String, Key>,
        prefix: &str,
        names: &mut Names,
    ) -> usize {
        let index = self.structs.len();
        self.structs.push(Struct {
            name,
            path: prefix.to_owned(),
            fields: Vec::new(),
        });
        let mut idents = Names::default();
        for (key, entry) in keys {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            let nested = entry.is_object().then(|| {
                let name = names.take(format!("Response{}", pascal_case(&path.replace('.', "_"))));
                self.add(name, &entry.children, &path, names)
            });
            let values = entry.values().map(|literals| {
                let mut variants = Variants::default();
                self.enums.push(Enum {
                    name: names.take(pascal_case(&path.replace('.', "_"))),
                    path: path.clone(),
                    variants: literals
                        .iter()
                        .map(|literal| (variants.take(variant_name(literal)), literal.clone()))
                        .collect(),
                });
                self.enums.len() - 1
            });
            let field = Field {
                key: key.clone(),
                ident: idents.take(snake_case(key)),
                path,
                nested,
                indexed: entry.indexed,
                values,
                read_by: entry.read_by.clone(),
            };
            self.structs[index].fields.push(field);
        }
        index
    }
}

/// Whether the bin for `contract` names `serde_json` (for an array the
/// flows index), which its package must then depend on.
pub fn uses_serde_json(contract: &LambdaContract) -> bool {
    fn any_indexed(keys: &BTreeMap<String, Key>) -> bool {
        keys.values()
            .any(|key| key.indexed || any_indexed(&key.children))
    }
    any_indexed(&contract.keys)
}

/// Whether the bin for `contract` derives serde's traits (for an enum of
/// the literals the flows compare a key with), which its package must then
/// depend on.
pub fn uses_serde(contract: &LambdaContract) -> bool {
    fn any_values(keys: &BTreeMap<String, Key>) -> bool {
        keys.values()
            .any(|key| key.values().is_some() || any_values(&key.children))
    }
    any_values(&contract.keys)
}

/// The source of the bin for `contract`.
pub fn bin_source(contract: &LambdaContract) -> String {
    let handler = handler_name(&contract.function);
    let structs = Structs::of(&contract.keys);
    let json = contract.validation == ResponseValidation::Json;
    let mut out = String::new();

    // Module docs: where the contract comes from, and what to do.
    let _ = writeln!(
        out,
        "//! `{}`, as the flows invoke it: scaffolded by `connect-flow scaffold`.",
        comment(&contract.function)
    );
    out.push_str("//!\n//! Invoked by:\n");
    for block in &contract.invoked_by {
        let _ = writeln!(out, "//! - {}", comment(&block.to_string()));
    }
    let _ = writeln!(
        out,
        "//!\n\
         //! The flows pass the handler's parameters and read the fields of\n\
         //! `Response` as `$.External.<key>` ({validation} validation). Fill in the\n\
         //! body; `cargo test` checks that it still returns every key, and\n\
         //! `cargo run --bin {handler} -- --manifest` prints the manifest\n\
         //! that `connect-flow check` compares with the flows.\n",
        validation = contract.validation,
    );
    out.push_str("use connect_lambda::{connect_handler, ConnectResponse};\n");

    for e in &structs.enums {
        let _ = writeln!(
            out,
            "\n/// What `$.External.{}` holds: the values the flows compare it with.",
            e.path
        );
        out.push_str(
            "#[derive(\n    \
             Debug,\n    \
             Clone,\n    \
             Copy,\n    \
             PartialEq,\n    \
             Eq,\n    \
             serde::Serialize,\n    \
             serde::Deserialize,\n    \
             connect_lambda::ConnectValue,\n\
             )]\n",
        );
        let _ = writeln!(out, "enum {} {{", e.name);
        for (variant, literal_text) in &e.variants {
            let _ = writeln!(out, "    /// `{}`.", comment(literal_text));
            if variant != literal_text {
                let _ = writeln!(out, "    #[serde(rename = {})]", literal(literal_text));
            }
            let _ = writeln!(out, "    {variant},");
        }
        out.push_str("}\n");
    }

    for s in &structs.structs {
        out.push('\n');
        if s.path.is_empty() {
            let _ = writeln!(
                out,
                "/// What the flows read after `{}` ({} validation).",
                comment(&contract.function),
                contract.validation
            );
        } else {
            let _ = writeln!(
                out,
                "/// What the flows read below `$.External.{}`.",
                s.path
            );
        }
        out.push_str("#[derive(ConnectResponse)]\n");
        if json {
            out.push_str("#[connect(json)]\n");
        }
        if s.fields.is_empty() {
            let _ = writeln!(out, "struct {} {{}}", s.name);
            continue;
        }
        let _ = writeln!(out, "struct {} {{", s.name);
        for field in &s.fields {
            let _ = writeln!(
                out,
                "    /// `$.External.{}`, read by {}.",
                field.path,
                readers(&field.read_by, field.nested.is_some())
            );
            let _ = writeln!(out, "    #[connect(rename = {})]", literal(&field.key));
            let ty = match (field.nested, field.values) {
                (Some(index), _) => structs.structs[index].name.as_str(),
                (None, Some(index)) => structs.enums[index].name.as_str(),
                (None, None) if field.indexed => "serde_json::Value",
                (None, None) => "String",
            };
            let _ = writeln!(out, "    {}: {ty},", field.ident);
        }
        out.push_str("}\n");
    }

    // The handler.
    let mut params = Names::default();
    let arguments: Vec<(String, &super::contract::Parameter)> = contract
        .nameable_parameters()
        .map(|p| (params.take(snake_case(&p.key)), p))
        .collect();
    out.push('\n');
    let _ = writeln!(
        out,
        "/// `{}`: returns what the flows read after invoking it.",
        comment(&contract.function)
    );
    let unnameable: Vec<String> = contract
        .unnameable_parameters()
        .map(|p| format!("{:?}", comment(&p.key)))
        .collect();
    if !unnameable.is_empty() {
        let _ = writeln!(
            out,
            "///\n\
             /// The flows also pass {}, which `#[param]` cannot name (a key is\n\
             /// `[A-Za-z0-9_-]+`): take `event: &connect_lambda::ContactFlowEvent`\n\
             /// and read `event.parameter(...)` if the handler needs it.",
            unnameable.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "#[connect_handler(function = {})]",
        literal(&contract.function)
    );
    // Laid out as rustfmt would: the signature on one line when it fits in
    // 100 columns, the tuple of parameters when it fits in 60.
    let declared: Vec<String> = arguments
        .iter()
        .map(|(ident, parameter)| {
            let ty = if parameter.required {
                "String"
            } else {
                "Option<String>"
            };
            format!(
                "#[param(rename = {})] {ident}: {ty}",
                literal(&parameter.key)
            )
        })
        .collect();
    let one_line = format!("fn {handler}({}) -> Response {{", declared.join(", "));
    if one_line.len() <= 100 {
        let _ = writeln!(out, "{one_line}");
    } else {
        let _ = writeln!(out, "fn {handler}(");
        for argument in &declared {
            let _ = writeln!(out, "    {argument},");
        }
        out.push_str(") -> Response {\n");
    }
    if !arguments.is_empty() {
        out.push_str(
            "    // TODO: compute the response from the parameters (`Option` where\n    \
             // some invoking block does not pass one), then delete this line.\n",
        );
        let idents: Vec<String> = arguments
            .iter()
            .map(|(ident, _)| format!("&{ident}"))
            .collect();
        let joined = idents.join(", ");
        match idents.as_slice() {
            [one] => {
                let _ = writeln!(out, "    let _ = {one};");
            }
            _ if joined.len() <= 60 => {
                let _ = writeln!(out, "    let _ = ({joined});");
            }
            more => {
                out.push_str("    let _ = (\n");
                for ident in more {
                    let _ = writeln!(out, "        {ident},");
                }
                out.push_str("    );\n");
            }
        }
    }
    out.push_str("    ");
    value(&structs, 0, 1, &mut out);
    out.push_str("\n}\n");

    // main, in the runtime shape of connect_lambda's docs.
    let _ = write!(
        out,
        "\n#[tokio::main(flavor = \"current_thread\")]\n\
         async fn main() -> Result<(), connect_lambda::Error> {{\n    \
         connect_lambda::run({handler}::handler()).await\n\
         }}\n"
    );

    // The test.
    let mut event = vec!["connect_lambda::ContactFlowEvent::builder()".to_owned()];
    for (_, parameter) in &arguments {
        event.push(format!(
            ".parameter({}, \"example\")",
            literal(&parameter.key)
        ));
    }
    event.push(".build()".to_owned());
    let event = chain(&event);
    let invoke = chain(&[
        format!("super::{handler}::handler()"),
        ".invoke_event(&event)".to_owned(),
        ".await".to_owned(),
        ".unwrap()".to_owned(),
    ]);
    let mut expected = Vec::new();
    leaf_keys(&structs, 0, &mut expected);
    let _ = write!(
        out,
        "\n#[cfg(test)]\n\
         mod tests {{\n    \
         /// Every key the flows read is in the response, for an event that\n    \
         /// passes every parameter.\n    \
         #[tokio::test(flavor = \"current_thread\")]\n    \
         async fn returns_every_key_the_flows_read() {{\n        \
         let event = {event};\n        \
         let response = {invoke};\n        \
         let response = String::from_utf8(response).unwrap();\n        \
         let keys: [&str; {count}] = {keys};\n        \
         for key in keys {{\n            \
         let quoted = format!(\"\\\"{{key}}\\\":\");\n            \
         assert!(response.contains(&quoted), \"missing {{key}}: {{response}}\");\n        \
         }}\n    \
         }}\n\
         }}\n",
        count = expected.len(),
        keys = array(&expected),
    );
    out
}

/// A method chain in the test, as rustfmt lays it out: on one line up to
/// its `chain_width` (60), else one call a line.
fn chain(parts: &[String]) -> String {
    let line = parts.concat();
    if line.len() <= 60 {
        line
    } else {
        parts.join("\n            ")
    }
}

/// The test's array of keys, as rustfmt lays it out: on one line up to
/// its `array_width` (60), else one key a line.
fn array(keys: &[String]) -> String {
    let literals: Vec<String> = keys.iter().map(|k| literal(k)).collect();
    let line = format!("[{}]", literals.join(", "));
    if line.len() <= 60 {
        line
    } else {
        let mut text = String::from("[\n");
        for literal in literals {
            let _ = writeln!(text, "            {literal},");
        }
        text.push_str("        ]");
        text
    }
}

/// "block A, block B and 3 more" (and "(below it)" for an object read only
/// below).
fn readers(read_by: &[BlockRef], object: bool) -> String {
    if read_by.is_empty() {
        return if object {
            "the blocks that read the keys below it".to_owned()
        } else {
            "no block".to_owned()
        };
    }
    let named: Vec<String> = read_by
        .iter()
        .take(READERS_NAMED)
        .map(|block| comment(&block.to_string()))
        .collect();
    let mut text = named.join(", ");
    if read_by.len() > READERS_NAMED {
        let _ = write!(text, " and {} more", read_by.len() - READERS_NAMED);
    }
    text
}

/// Writes the struct literal of `structs[index]`, whose closing brace is at
/// `depth` (in indentation steps), each leaf an empty string with what to
/// fill in.
fn value(structs: &Structs, index: usize, depth: usize, out: &mut String) {
    let s = &structs.structs[index];
    let indent = "    ".repeat(depth);
    if s.fields.is_empty() {
        let _ = write!(out, "{} {{}}", s.name);
        return;
    }
    let _ = writeln!(out, "{} {{", s.name);
    for field in &s.fields {
        match field.nested {
            Some(nested) => {
                let _ = write!(out, "{indent}    {}: ", field.ident);
                value(structs, nested, depth + 1, out);
                out.push_str(",\n");
            }
            None if field.indexed => {
                let _ = writeln!(
                    out,
                    "{indent}    // TODO: the array the flows index as `$.External.{}[...]`.",
                    field.path
                );
                let _ = writeln!(out, "{indent}    {}: serde_json::Value::Null,", field.ident);
            }
            None => match field.values {
                Some(index) => {
                    let e = &structs.enums[index];
                    let _ = writeln!(
                        out,
                        "{indent}    // TODO: the value the flows compare `$.External.{}` with.",
                        field.path
                    );
                    let first = e.variants.first().map_or("Value", |(v, _)| v.as_str());
                    let _ = writeln!(out, "{indent}    {}: {}::{first},", field.ident, e.name);
                }
                None => {
                    let _ = writeln!(
                        out,
                        "{indent}    // TODO: the value the flows read as `$.External.{}`.",
                        field.path
                    );
                    let _ = writeln!(out, "{indent}    {}: String::new(),", field.ident);
                }
            },
        }
    }
    let _ = write!(out, "{indent}}}");
}

/// The keys of every leaf field, as they appear in the response JSON.
fn leaf_keys(structs: &Structs, index: usize, out: &mut Vec<String>) {
    for field in &structs.structs[index].fields {
        match field.nested {
            Some(nested) => leaf_keys(structs, nested, out),
            None => out.push(field.key.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_from_connect_names() {
        assert_eq!(snake_case("surveyId"), "survey_id");
        assert_eq!(snake_case("flag_question_1"), "flag_question_1");
        assert_eq!(
            snake_case("CurrentRule_offerMessage"),
            "current_rule_offer_message"
        );
        assert_eq!(snake_case("ARNValue"), "arn_value");
        assert_eq!(snake_case("customer name"), "customer_name");
        assert_eq!(snake_case("type"), "type_");
        assert_eq!(snake_case("1st"), "n1st");
        assert_eq!(snake_case("été"), "t");
        assert_eq!(snake_case("--"), "value");
        assert_eq!(pascal_case("Address_Geo"), "AddressGeo");
        assert_eq!(pascal_case("name"), "Name");
        assert_eq!(handler_name("9lives"), "lambda_9lives");
    }

    #[test]
    fn each_identifier_is_handed_out_once() {
        let mut names = Names::default();
        assert_eq!(names.take(snake_case("surveyId")), "survey_id");
        assert_eq!(names.take(snake_case("survey_id")), "survey_id_2");
        assert_eq!(names.take(snake_case("SurveyID")), "survey_id_3");
    }

    #[test]
    fn a_parameter_key_param_cannot_name_is_left_to_the_event() {
        let flow = crate::flow::Flow::from_slice(
            br#"{"Version": "2019-10-30", "StartAction": "a", "Actions": [
              {"Identifier": "a", "Type": "InvokeLambdaFunction",
               "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:r:1:function:Lookup",
                 "LambdaInvocationAttributes": {"customer name": "x", "id": "y"}},
               "Transitions": {}}]}"#,
            "f.json",
        )
        .unwrap();
        let found = super::super::contracts(&crate::model::Model::new(vec![flow])).unwrap();
        let source = bin_source(&found.lambdas[0]);
        assert!(source.contains("fn lookup(#[param(rename = \"id\")] id: String) -> Response {"));
        assert!(source
            .contains("/// The flows also pass \"customer name\", which `#[param]` cannot name"));
        let manifest = super::super::manifest(&found.lambdas[0]);
        let keys: Vec<&str> = manifest.parameters.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["id"]);
    }

    /// Each literal a flow compares with is an UpperCamelCase variant (no
    /// `non_camel_case_types` warning in the package), renamed to the
    /// literal only where they differ.
    #[test]
    fn compared_literals_become_variants() {
        let flow = crate::flow::Flow::from_slice(
            br#"{"Version": "2019-10-30", "StartAction": "a", "Actions": [
              {"Identifier": "a", "Type": "InvokeLambdaFunction",
               "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:r:1:function:Route"},
               "Transitions": {"NextAction": "c"}},
              {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.External.tier"},
               "Transitions": {"Conditions": [
                 {"NextAction": "c", "Condition": {"Operator": "Equals", "Operands": ["Gold"]}},
                 {"NextAction": "c", "Condition": {"Operator": "Equals", "Operands": ["gold"]}},
                 {"NextAction": "c", "Condition": {"Operator": "Equals", "Operands": ["transfer-to-agent"]}},
                 {"NextAction": "c", "Condition": {"Operator": "Equals", "Operands": ["1"]}},
                 {"NextAction": "c", "Condition": {"Operator": "Equals", "Operands": ["?"]}},
                 {"NextAction": "c", "Condition": {"Operator": "Equals", "Operands": ["Self"]}}]}}]}"#,
            "f.json",
        )
        .unwrap();
        let found = super::super::contracts(&crate::model::Model::new(vec![flow])).unwrap();
        let source = bin_source(&found.lambdas[0]);
        for expected in [
            "enum Tier {\n",
            "    /// `Gold`.\n    Gold,\n",
            "    #[serde(rename = \"gold\")]\n    Gold2,\n",
            "    #[serde(rename = \"transfer-to-agent\")]\n    TransferToAgent,\n",
            "    #[serde(rename = \"1\")]\n    V1,\n",
            "    #[serde(rename = \"?\")]\n    Value,\n",
            "    #[serde(rename = \"Self\")]\n    SelfValue,\n",
            "    tier: Tier,\n",
            "        tier: Tier::Gold,\n",
        ] {
            assert!(source.contains(expected), "{expected}\nnot in:\n{source}");
        }
        let manifest = super::super::manifest(&found.lambdas[0]);
        assert_eq!(
            manifest.external[0].values.as_deref().unwrap(),
            ["Gold", "gold", "transfer-to-agent", "1", "?", "Self"]
        );
        // Another operator on the key: not a closed set, a String.
        let mut number = super::super::Key::default();
        number.compared = vec!["5".to_owned()];
        number.compared_otherwise = true;
        assert_eq!(number.values(), None);
    }

    #[test]
    fn literals_and_comments_stay_rust() {
        assert_eq!(literal("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(comment("one\nline"), "one line");
    }
}
