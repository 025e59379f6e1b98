//! A hand-written `HandlerFn` for the runtime's tests (the
//! `#[connect_handler]` macro generates these in real code): it reads
//! `Details.Parameters.companyName` with plain serde_json and answers
//! `{"companyName", "requestId", "deadline", "functionArn"}` (the last
//! three from the context).
//!
//! `companyName` "fail" makes it return a handler error, "panic" makes it
//! panic. Its errors are value-free, as the generated ones are.

use connect_lambda::{Context, ErrorType, HandlerFn, InvokeError, Manifest};

/// The handler; the unit struct stands for a macro-generated type.
pub struct CompanyEcho;

/// The manifest `CompanyEcho` reports.
pub const MANIFEST: &str = r#"{
  "manifestVersion": 1,
  "handler": "company_echo",
  "function": "CompanyEcho",
  "responseValidation": "STRING_MAP",
  "parameters": [{"key": "companyName", "type": "string", "required": true}],
  "attributes": [],
  "contactData": [],
  "external": [
    {"path": "$.External.companyName", "key": "companyName", "type": "string", "required": true, "referenceable": true},
    {"path": "$.External.requestId", "key": "requestId", "type": "string", "required": true, "referenceable": true},
    {"path": "$.External.deadline", "key": "deadline", "type": "string", "required": true, "referenceable": true},
    {"path": "$.External.functionArn", "key": "functionArn", "type": "string", "required": true, "referenceable": true}
  ]
}"#;

const KEY: &str = "Details.Parameters.companyName";

fn respond(body: &[u8], context: &Context) -> Result<Vec<u8>, InvokeError> {
    // serde_json's own messages quote values: never pass them on.
    let event: serde_json::Value = serde_json::from_slice(body).map_err(|_| {
        InvokeError::new(
            ErrorType::MalformedEvent,
            "the event is not a JSON document",
        )
    })?;
    let company = event
        .pointer("/Details/Parameters/companyName")
        .ok_or_else(|| {
            InvokeError::new(
                ErrorType::InvalidEvent,
                format!("{KEY}: missing required parameter (expected a string)"),
            )
        })?
        .as_str()
        .ok_or_else(|| {
            InvokeError::new(
                ErrorType::InvalidEvent,
                format!("{KEY}: invalid type: expected a string"),
            )
        })?;
    match company {
        "fail" => Err(InvokeError::new(
            ErrorType::HandlerError,
            "the balance service did not answer",
        )),
        "panic" => panic!("the handler gave up"),
        _ => {
            let response = serde_json::json!({
                "companyName": company,
                "requestId": context.request_id,
                "deadline": context.deadline.to_string(),
                "functionArn": context.invoked_function_arn,
            });
            serde_json::to_vec(&response).map_err(|_| {
                InvokeError::new(ErrorType::InvalidResponse, "the response is not JSON")
            })
        }
    }
}

impl HandlerFn for CompanyEcho {
    async fn call(&self, body: &[u8], context: &Context) -> Result<Vec<u8>, InvokeError> {
        respond(body, context)
    }

    fn manifest() -> Manifest {
        serde_json::from_str(MANIFEST).expect("the test manifest is valid")
    }
}

/// A Connect event whose `companyName` is `company` (any JSON value) and
/// whose customer phone number is `phone`.
pub fn event(company: serde_json::Value, phone: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "Details": {
            "ContactData": {
                "Attributes": {"accountHolder": "Jane Roe"},
                "Channel": "VOICE",
                "ContactId": "4a573372-1f28-4e26-b97b-000000000001",
                "CustomerEndpoint": {"Address": phone, "Type": "TELEPHONE_NUMBER"},
                "InitiationMethod": "INBOUND",
                "SystemEndpoint": {"Address": "+15550000", "Type": "TELEPHONE_NUMBER"}
            },
            "Parameters": {"companyName": company}
        },
        "Name": "ContactFlowEvent"
    }))
    .expect("a JSON event")
}
