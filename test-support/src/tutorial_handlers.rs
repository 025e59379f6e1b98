//! The two handlers both bad-input suites run, written with the real macros
//! as users write them: the tutorial's (one parameter, one contact field,
//! the scanner's fast path) and one taking the whole event (built in full:
//! the slow path).
//!
//! Responses name no value from the event (lengths and counts only), so a
//! test may look for planted values in anything that comes back.

use connect_lambda::{connect_handler, ConnectResponse, ContactFlowEvent};

/// The tutorial's response: two strings (STRING_MAP).
#[derive(Debug, PartialEq, ConnectResponse)]
#[connect(rename_all = "camelCase")]
pub struct Balance {
    customer_balance: String,
    website_url: String,
}

/// The tutorial's handler: one parameter, one contact field.
#[connect_handler(function = "MyFirstConnectLambda")]
pub fn tutorial(
    #[param(rename = "companyName")] company: String,
    #[contact("CustomerEndpoint.Address")] phone: String,
) -> Balance {
    Balance {
        // The lengths, not the values.
        customer_balance: format!("{}.00", phone.len()),
        website_url: format!("https://www.{}.example.com", company.len()),
    }
}

/// How many parameters and attributes the event has (STRING_MAP).
#[derive(Debug, PartialEq, ConnectResponse)]
#[connect(rename_all = "camelCase")]
pub struct Summary {
    parameters: String,
    attributes: String,
}

/// A handler that takes the whole event (built in full: the slow path).
#[connect_handler]
pub fn whole_event(event: &ContactFlowEvent) -> Summary {
    Summary {
        parameters: event.details.parameters.len().to_string(),
        attributes: event.details.contact_data.attributes.len().to_string(),
    }
}
