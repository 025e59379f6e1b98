//! Where a simulated Lambda's answer comes from: an in-process handler (any
//! Rust function of the event bytes), a command in any language (the event
//! on stdin, the response on stdout, a non-zero exit an error), or a mock
//! response checked against the Lambda's manifest; and what Connect makes of
//! the answer (the 32 KB limit, STRING_MAP and JSON validation).

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use connect_names::suggest::did_you_mean;
use connect_types::error::value_kind;
use connect_types::manifest::ResponseValidation;
use serde_json::{Map, Value};

use crate::matching::{same_function, LoadedManifest, Manifests};
use crate::model::FunctionRef;

/// Connect's limit on a Lambda response: "less than 32 Kb of UTF-8 data".
pub const RESPONSE_LIMIT: usize = 32 * 1024;

/// A Lambda the simulator can call: the event's JSON bytes in, the
/// response's JSON bytes out, or an error (the Error branch).
///
/// Any `Fn(&[u8]) -> Result<Vec<u8>, String>` is one, so a connect-lambda
/// handler plugs in as a closure that runs `handler.invoke(event)` to
/// completion (see the crate's README); connect-flow itself knows nothing of
/// `lambda_runtime`.
///
/// ```
/// use connect_flow::simulate::Lambda;
///
/// let echo = |event: &[u8]| -> Result<Vec<u8>, String> { Ok(event.to_vec()) };
/// assert_eq!(echo.invoke(b"{}", 8).unwrap(), b"{}");
/// ```
pub trait Lambda {
    /// Runs one invocation with the block's time limit (seconds).
    ///
    /// # Errors
    /// Why the invocation failed, as the trace shows it.
    fn invoke(&self, event: &[u8], time_limit_seconds: u64) -> Result<Vec<u8>, String>;
}

impl<F> Lambda for F
where
    F: Fn(&[u8]) -> Result<Vec<u8>, String>,
{
    fn invoke(&self, event: &[u8], _time_limit_seconds: u64) -> Result<Vec<u8>, String> {
        self(event)
    }
}

/// A Lambda written over JSON values: `|event| Ok(json!({...}))`.
///
/// ```
/// use connect_flow::simulate::{JsonLambda, Lambda};
/// use serde_json::json;
///
/// let lambda = JsonLambda(|event: &serde_json::Value| {
///     let phone = event["Details"]["ContactData"]["CustomerEndpoint"]["Address"].clone();
///     Ok(json!({"phone": phone}))
/// });
/// let event = br#"{"Details": {"ContactData": {"CustomerEndpoint": {"Address": "+1"}}}}"#;
/// assert_eq!(lambda.invoke(event, 8).unwrap(), br#"{"phone":"+1"}"#);
/// ```
pub struct JsonLambda<F>(pub F);

impl<F> Lambda for JsonLambda<F>
where
    F: Fn(&Value) -> Result<Value, String>,
{
    fn invoke(&self, event: &[u8], _time_limit_seconds: u64) -> Result<Vec<u8>, String> {
        let event: Value =
            serde_json::from_slice(event).map_err(|e| format!("the event is not JSON: {e}"))?;
        let response = (self.0)(&event)?;
        serde_json::to_vec(&response).map_err(|e| e.to_string())
    }
}

/// A fixed response, as a test (or `--mock`) gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mock {
    response: Vec<u8>,
}

impl Mock {
    /// A mock answering `response`.
    pub fn new(response: &Value) -> Mock {
        Mock {
            response: response.to_string().into_bytes(),
        }
    }
}

impl Lambda for Mock {
    fn invoke(&self, _event: &[u8], _time_limit_seconds: u64) -> Result<Vec<u8>, String> {
        Ok(self.response.clone())
    }
}

/// A command run once per invocation through the shell (`sh -c` on Unix,
/// `cmd /C` on Windows): the event on stdin, the response on stdout. A
/// non-zero exit, or running past the block's time limit, is an error.
/// A connect-lambda example binary with `--event -` is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandLambda {
    command: String,
}

impl CommandLambda {
    /// The command line, as the shell reads it.
    pub fn new(command: impl Into<String>) -> CommandLambda {
        CommandLambda {
            command: command.into(),
        }
    }
}

impl Lambda for CommandLambda {
    fn invoke(&self, event: &[u8], time_limit_seconds: u64) -> Result<Vec<u8>, String> {
        let mut command = if cfg!(windows) {
            let mut c = Command::new("cmd");
            c.arg("/C");
            c
        } else {
            let mut c = Command::new("sh");
            c.arg("-c");
            // Its own process group, so that a command past its time limit
            // is stopped with everything it started (`sh -c "a | b"`).
            #[cfg(unix)]
            std::os::unix::process::CommandExt::process_group(&mut c, 0);
            c
        };
        let mut child = command
            .arg(&self.command)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start `{}`: {e}", self.command))?;
        // Each pipe on its own thread, so a command that writes before it
        // reads its whole input cannot block on a full pipe.
        let stdin = child.stdin.take().map(|mut pipe| {
            let event = event.to_vec();
            std::thread::spawn(move || {
                let _ = pipe.write_all(&event);
            })
        });
        let read = |pipe: Option<Box<dyn Read + Send>>| {
            pipe.map(|mut pipe| {
                std::thread::spawn(move || {
                    let mut bytes = Vec::new();
                    let _ = pipe.read_to_end(&mut bytes);
                    bytes
                })
            })
        };
        let stdout = read(
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let stderr = read(
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let deadline = Instant::now() + Duration::from_secs(time_limit_seconds.max(1));
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() >= deadline => {
                    if cfg!(unix) {
                        // std kills one process; the group needs kill(1).
                        let _ = Command::new("kill")
                            .args(["-KILL", "--", &format!("-{}", child.id())])
                            .stderr(Stdio::null())
                            .status();
                    }
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "`{}` ran past the block's time limit of {time_limit_seconds} s",
                        self.command
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(2)),
                Err(e) => return Err(format!("cannot wait for `{}`: {e}", self.command)),
            }
        };
        if let Some(thread) = stdin {
            let _ = thread.join();
        }
        let collect = |t: Option<std::thread::JoinHandle<Vec<u8>>>| {
            t.and_then(|t| t.join().ok()).unwrap_or_default()
        };
        let out = collect(stdout);
        let err = collect(stderr);
        if status.success() {
            Ok(out)
        } else {
            let message = String::from_utf8_lossy(&err);
            let message = message.trim();
            Err(if message.is_empty() {
                format!("`{}` exited with {status}", self.command)
            } else {
                format!("`{}` exited with {status}: {message}", self.command)
            })
        }
    }
}

/// What Connect makes of a response: the value `$.External` becomes, or
/// why the block takes its Error branch.
///
/// ```
/// use connect_flow::simulate::accept_response;
/// use connect_types::manifest::ResponseValidation;
///
/// assert!(accept_response(br#"{"a": "1"}"#, ResponseValidation::StringMap).is_ok());
/// let err = accept_response(br#"{"a": 1}"#, ResponseValidation::StringMap).unwrap_err();
/// assert!(err.contains("STRING_MAP"), "{err}");
/// assert!(accept_response(br#"{"a": {"b": 1}}"#, ResponseValidation::Json).is_ok());
/// ```
///
/// # Errors
/// The response is 32 KB or more, not JSON, or not what the block's
/// validation accepts.
pub fn accept_response(bytes: &[u8], validation: ResponseValidation) -> Result<Value, String> {
    if bytes.len() >= RESPONSE_LIMIT {
        return Err(format!(
            "the response is {} bytes; Connect takes less than 32 KB ({RESPONSE_LIMIT} bytes)",
            bytes.len()
        ));
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        format!("the response is not JSON ({e}), so Connect does not understand it")
    })?;
    // JSON validation takes "any valid JSON, including nested JSON".
    if validation == ResponseValidation::StringMap {
        let Value::Object(map) = &value else {
            return Err(format!(
                "STRING_MAP validation takes a flat object of strings; the response is {}",
                value_kind(&value)
            ));
        };
        if let Some((key, v)) = map.iter().find(|(_, v)| !v.is_string()) {
            return Err(format!(
                "STRING_MAP validation takes a flat object of strings; `{key}` is {}",
                value_kind(v)
            ));
        }
    }
    Ok(value)
}

/// A mock that says what its Lambda's manifest says it never does.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct MockError {
    /// The whole message: the function, the key, and what to do.
    pub message: String,
}

/// Checks a mock response for `function` against the manifest in
/// `manifests` that names it (by `function`, else `handler`, or a
/// placeholder's name): each key must be one the Lambda returns, and under
/// STRING_MAP each value a string. No manifest for the function: nothing to
/// check against, and no error.
///
/// ```
/// use connect_flow::matching::{LoadedManifest, Manifests};
/// use connect_flow::simulate::check_mock;
/// use serde_json::json;
///
/// let mut manifests = Manifests::new();
/// manifests.add(LoadedManifest::from_slice(br#"{"manifestVersion": 1, "handler": "balance",
///     "function": "GetBalance", "responseValidation": "STRING_MAP",
///     "external": [{"path": "$.External.balance", "key": "balance", "type": "string",
///                   "required": true, "referenceable": true}]}"#, "balance.json").unwrap());
/// assert!(check_mock("GetBalance", &json!({"balance": "12.50"}), &manifests).is_ok());
/// let err = check_mock("GetBalance", &json!({"balanse": "12.50"}), &manifests).unwrap_err();
/// assert!(err.to_string().contains("did you mean `balance`?"), "{err}");
/// let err = check_mock("GetBalance", &json!({"balance": 12.5}), &manifests).unwrap_err();
/// assert!(err.to_string().contains("STRING_MAP"), "{err}");
/// ```
///
/// # Errors
/// [`MockError`] naming the first key the manifest lacks (with a
/// suggestion), or a value STRING_MAP refuses.
pub fn check_mock(
    function: &str,
    response: &Value,
    manifests: &Manifests,
) -> Result<(), MockError> {
    let Some(manifest) = manifest_of(function, manifests) else {
        return Ok(());
    };
    let path = manifest.path.display();
    let fail = |message: String| Err(MockError { message });
    let Value::Object(map) = response else {
        return fail(format!(
            "mock for {function}: the response is {}; a Lambda answers Connect with a JSON object",
            value_kind(response)
        ));
    };
    let keys: Vec<&str> = manifest
        .manifest
        .external
        .iter()
        .map(|e| e.key.as_str())
        .collect();
    let mut paths = Vec::new();
    collect_paths(map, "", &keys, &mut paths);
    for key in paths {
        if keys.contains(&key.as_str()) {
            continue;
        }
        let hint = match did_you_mean(&key, keys.iter().copied()) {
            Some(s) => format!("; did you mean `{s}`?"),
            None if keys.is_empty() => "; it returns no keys".to_owned(),
            None => format!("; it returns {}", keys.join(", ")),
        };
        return fail(format!(
            "mock for {function}: `{key}` is not a key the Lambda returns ({path}){hint} \
             Fix the mock, or the handler and its manifest"
        ));
    }
    if manifest.manifest.response_validation == ResponseValidation::StringMap {
        if let Some((key, value)) = map.iter().find(|(_, v)| !v.is_string()) {
            return fail(format!(
                "mock for {function}: `{key}` is {} but the Lambda answers STRING_MAP ({path}): \
                 every value is a string; write it as \"{}\"",
                value_kind(value),
                match value {
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => "...".to_owned(),
                }
            ));
        }
    }
    Ok(())
}

/// The dotted key paths of `map` down to the depth the manifest lists
/// (`Profile.DisplayName`): a key the manifest lists whole (an object it
/// does not break down) is not descended into.
fn collect_paths(map: &Map<String, Value>, prefix: &str, keys: &[&str], out: &mut Vec<String>) {
    for (key, value) in map {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        let listed_below = keys.iter().any(|k| {
            k.len() > path.len() && k.starts_with(&path) && k.as_bytes()[path.len()] == b'.'
        });
        match value {
            Value::Object(inner) if listed_below => {
                out.push(path.clone());
                collect_paths(inner, &path, keys, out);
            }
            _ => out.push(path),
        }
    }
}

/// The manifest for `function` (a name, an ARN or a placeholder, as a
/// Lambda is registered), matched as the checker matches names.
fn manifest_of<'m>(function: &str, manifests: &'m Manifests) -> Option<&'m LoadedManifest> {
    let read = FunctionRef::parse(function);
    manifests.all().iter().find(|m| {
        same_function(m.match_name(), function)
            || same_function(&m.manifest.handler, function)
            || read.pairs_with(m.match_name())
    })
}
