// A response for the ui tests, with a hand-written `ConnectResponse` impl so
// these tests exercise `#[connect_handler]` alone.

/// A STRING_MAP response with one key.
#[derive(serde::Serialize)]
pub struct Echo {
    /// `$.External.echo`.
    pub echo: String,
}

impl connect_lambda::ConnectResponse for Echo {
    const VALIDATION: connect_lambda::manifest::ResponseValidation =
        connect_lambda::manifest::ResponseValidation::StringMap;

    fn external_keys() -> Vec<connect_lambda::manifest::ExternalKey> {
        vec![connect_lambda::manifest::ExternalKey::new(
            "echo",
            connect_lambda::manifest::ValueType::String,
            true,
        )]
    }

    fn to_response_bytes(&self) -> Result<Vec<u8>, connect_lambda::InvokeError> {
        Ok(serde_json::to_vec(self).unwrap_or_default())
    }
}
