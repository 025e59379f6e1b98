//! The peer: the handlers a person writes today with `aws_lambda_events`
//! and `serde_json`, doing the same work as connect-lambda's. The whole
//! event is parsed into `ConnectEvent` (owned strings and maps), as
//! `lambda_runtime` does before calling a handler.

use std::collections::HashMap;

use aws_lambda_events::event::connect::ConnectEvent;
use serde::Serialize;

use super::{work, BoxError};

/// The tutorial's response, written as a serde struct (the fastest honest
/// peer: no map to build).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Balance {
    customer_balance: String,
    website_url: String,
}

/// The tutorial handler: `companyName` from the parameters, the caller's
/// number from `CustomerEndpoint.Address`, a STRING_MAP response.
pub fn tutorial(event: &[u8]) -> Result<Vec<u8>, BoxError> {
    let event: ConnectEvent = serde_json::from_slice(event)?;
    let company = event.details.parameters.get("companyName");
    let phone = event
        .details
        .contact_data
        .customer_endpoint
        .address
        .as_deref()
        .ok_or("Details.ContactData.CustomerEndpoint.Address is missing")?;
    let response = Balance {
        customer_balance: work::customer_balance(phone),
        website_url: work::website_url(company.map(String::as_str)),
    };
    Ok(serde_json::to_vec(&response)?)
}

/// The tutorial handler as the aws_lambda_events documentation suggests
/// writing it: the response is its `ConnectResponse`, a
/// `HashMap<String, String>`.
pub fn tutorial_map(event: &[u8]) -> Result<Vec<u8>, BoxError> {
    let event: ConnectEvent = serde_json::from_slice(event)?;
    let company = event.details.parameters.get("companyName");
    let phone = event
        .details
        .contact_data
        .customer_endpoint
        .address
        .as_deref()
        .ok_or("Details.ContactData.CustomerEndpoint.Address is missing")?;
    let mut response: aws_lambda_events::event::connect::ConnectResponse = HashMap::new();
    response.insert("customerBalance".to_owned(), work::customer_balance(phone));
    response.insert(
        "websiteUrl".to_owned(),
        work::website_url(company.map(String::as_str)),
    );
    Ok(serde_json::to_vec(&response)?)
}

/// The JSON-validation handler's response: nested objects and an array.
#[derive(Serialize)]
struct CallerProfile {
    #[serde(rename = "Caller")]
    caller: Caller,
    #[serde(rename = "Queue", skip_serializing_if = "Option::is_none")]
    queue: Option<QueueInfo>,
    #[serde(rename = "Flags")]
    flags: Vec<String>,
}

#[derive(Serialize)]
struct Caller {
    #[serde(rename = "Phone")]
    phone: String,
    #[serde(rename = "Channel", skip_serializing_if = "Option::is_none")]
    channel: Option<String>,
    #[serde(rename = "Company", skip_serializing_if = "Option::is_none")]
    company: Option<String>,
}

#[derive(Serialize)]
struct QueueInfo {
    #[serde(rename = "Name")]
    name: String,
}

/// The JSON-validation handler: reads `companyName`, the caller's number,
/// `Channel`, `Queue.Name` and the `greetingPlayed` attribute, and answers
/// a nested profile (`$.External.Caller.Phone`, `$.External.Queue.Name`).
pub fn caller_profile(event: &[u8]) -> Result<Vec<u8>, BoxError> {
    let mut event: ConnectEvent = serde_json::from_slice(event)?;
    let contact = &mut event.details.contact_data;
    let phone = contact
        .customer_endpoint
        .address
        .take()
        .ok_or("Details.ContactData.CustomerEndpoint.Address is missing")?;
    let flags = work::caller_flags(
        &phone,
        contact.attributes.get("greetingPlayed").map(String::as_str),
    );
    let response = CallerProfile {
        caller: Caller {
            phone,
            channel: contact.channel.take(),
            company: event.details.parameters.remove("companyName"),
        },
        queue: contact
            .queue
            .as_mut()
            .and_then(|queue| queue.name.take())
            .map(|name| QueueInfo { name }),
        flags,
    };
    Ok(serde_json::to_vec(&response)?)
}
