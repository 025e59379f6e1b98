//! Responses for the handler tests, with hand-written `ConnectResponse`
//! impls so these tests exercise `#[connect_handler]` alone (the derive has
//! tests of its own).
#![allow(dead_code)]

use connect_lambda::manifest::{ExternalKey, ResponseValidation, ValueType};
use connect_lambda::{ConnectResponse, InvokeError};
use connect_types::error::ErrorType;
use serde::Serialize;

/// A STRING_MAP response with one key.
#[derive(Debug, Serialize, PartialEq)]
pub struct Echo {
    pub echo: String,
}

impl Echo {
    pub fn new(text: impl Into<String>) -> Self {
        Echo { echo: text.into() }
    }
}

impl ConnectResponse for Echo {
    const VALIDATION: ResponseValidation = ResponseValidation::StringMap;

    fn external_keys() -> Vec<ExternalKey> {
        vec![ExternalKey::new("echo", ValueType::String, true)]
    }

    fn to_response_bytes(&self) -> Result<Vec<u8>, InvokeError> {
        serde_json::to_vec(self)
            .map_err(|_| InvokeError::new(ErrorType::InvalidResponse, "echo: not serialisable"))
    }
}

/// A JSON response holding any value.
#[derive(Debug, Serialize, PartialEq)]
pub struct Json {
    pub value: serde_json::Value,
}

impl ConnectResponse for Json {
    const VALIDATION: ResponseValidation = ResponseValidation::Json;

    fn external_keys() -> Vec<ExternalKey> {
        vec![ExternalKey::new("value", ValueType::Any, true)]
    }

    fn to_response_bytes(&self) -> Result<Vec<u8>, InvokeError> {
        serde_json::to_vec(self)
            .map_err(|_| InvokeError::new(ErrorType::InvalidResponse, "value: not serialisable"))
    }
}

/// The response bytes as JSON, for assertions.
pub fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("the response is JSON")
}
