//! Walking a test case's JSON with the path of every value at hand, so each
//! shape error says exactly where it is and what was expected there.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{CaseError, Note};

/// What every node of one file shares: the file's name for errors, the
/// prefix of paths inside a string (`Content`), and the notes the reading
/// made (an accepted variant, an extension).
pub(crate) struct Ctx {
    pub(crate) file: PathBuf,
    pub(crate) prefix: String,
    pub(crate) notes: RefCell<Vec<Note>>,
}

impl Ctx {
    pub(crate) fn new(file: &Path) -> Self {
        Ctx {
            file: file.to_owned(),
            prefix: String::new(),
            notes: RefCell::new(Vec::new()),
        }
    }

    pub(crate) fn root<'a>(&'a self, value: &'a Value) -> Node<'a> {
        Node {
            ctx: self,
            value,
            path: format!("{}$", self.prefix),
        }
    }

    pub(crate) fn note(&self, at: &str, text: impl Into<String>) {
        self.notes.borrow_mut().push(Note {
            at: at.to_owned(),
            text: text.into(),
        });
    }

    pub(crate) fn shape(&self, at: &str, expected: impl Into<String>) -> CaseError {
        CaseError::Shape {
            path: self.file.clone(),
            at: at.to_owned(),
            expected: expected.into(),
        }
    }

    /// Parses JSON held in a string at `at` (`Content`, `LoadedData`...).
    pub(crate) fn parse_inner(&self, text: &str, at: &str) -> Result<Value, CaseError> {
        serde_json::from_str(text).map_err(|e| CaseError::Json {
            path: self.file.clone(),
            at: at.to_owned(),
            message: e.to_string(),
        })
    }
}

/// One JSON value and where it is.
#[derive(Clone)]
pub(crate) struct Node<'a> {
    pub(crate) ctx: &'a Ctx,
    pub(crate) value: &'a Value,
    pub(crate) path: String,
}

/// "a string", "an array"...: the kind of a value, never the value.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `$.a.b` for a plain member name, `$.a["Welcome Message"]` otherwise.
pub(crate) fn member_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        format!("{parent}.{key}")
    } else {
        // Debug-quoted so a control character in a key cannot reach the
        // terminal raw.
        format!("{parent}[{key:?}]")
    }
}

impl<'a> Node<'a> {
    pub(crate) fn err(&self, expected: impl Into<String>) -> CaseError {
        self.ctx.shape(&self.path, expected)
    }

    fn wrong(&self, expected: &str) -> CaseError {
        self.err(format!("{expected}, found {}", kind(self.value)))
    }

    pub(crate) fn object(&self) -> Result<&'a Map<String, Value>, CaseError> {
        self.value
            .as_object()
            .ok_or_else(|| self.wrong("an object"))
    }

    /// The member `key`; absent and `null` are both `None`.
    pub(crate) fn opt(&self, key: &str) -> Result<Option<Node<'a>>, CaseError> {
        Ok(self
            .object()?
            .get(key)
            .filter(|v| !v.is_null())
            .map(|value| Node {
                ctx: self.ctx,
                value,
                path: member_path(&self.path, key),
            }))
    }

    /// The member `key`, which must be there.
    pub(crate) fn get(&self, key: &str) -> Result<Node<'a>, CaseError> {
        self.opt(key)?
            .ok_or_else(|| self.err(format!("a member `{key}`")))
    }

    /// The first of `keys` that is present, and which it was: the service
    /// and its documentation spell some members differently.
    pub(crate) fn opt_any(
        &self,
        keys: &[&'static str],
    ) -> Result<Option<(Node<'a>, &'static str)>, CaseError> {
        for key in keys {
            if let Some(node) = self.opt(key)? {
                return Ok(Some((node, key)));
            }
        }
        Ok(None)
    }

    pub(crate) fn str(&self) -> Result<&'a str, CaseError> {
        self.value.as_str().ok_or_else(|| self.wrong("a string"))
    }

    /// A string, or a number read as its text (DTMF digits, an operand).
    pub(crate) fn text(&self) -> Result<String, CaseError> {
        match self.value {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            _ => Err(self.wrong("a string or a number")),
        }
    }

    pub(crate) fn opt_str(&self, key: &str) -> Result<Option<&'a str>, CaseError> {
        self.opt(key)?.map(|n| n.str()).transpose()
    }

    pub(crate) fn get_str(&self, key: &str) -> Result<&'a str, CaseError> {
        self.get(key)?.str()
    }

    pub(crate) fn array(&self) -> Result<Vec<Node<'a>>, CaseError> {
        let items = self
            .value
            .as_array()
            .ok_or_else(|| self.wrong("an array"))?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, value)| Node {
                ctx: self.ctx,
                value,
                path: format!("{}[{i}]", self.path),
            })
            .collect())
    }

    pub(crate) fn number(&self) -> Result<f64, CaseError> {
        self.value.as_f64().ok_or_else(|| self.wrong("a number"))
    }

    /// The member `Type` as one of `choices`.
    pub(crate) fn tag(&self, choices: &[&str]) -> Result<(&'a str, Node<'a>), CaseError> {
        let node = self.get("Type")?;
        let tag = node.str()?;
        if choices.contains(&tag) {
            Ok((tag, node))
        } else {
            Err(node.err(one_of(choices)))
        }
    }
}

/// `one of "A", "B"` for an error's expectation.
pub(crate) fn one_of(choices: &[&str]) -> String {
    let quoted: Vec<String> = choices.iter().map(|c| format!("{c:?}")).collect();
    match quoted.as_slice() {
        [only] => only.clone(),
        _ => format!("one of {}", quoted.join(", ")),
    }
}
