//! The peer's tutorial handler: `aws_lambda_events`' `ConnectEvent`
//! (the whole event parsed into owned strings and maps, as lambda_runtime
//! does before calling a handler) and a `#[derive(Serialize)]` response.
//! It does the tutorial example's work (examples/my_first_connect_lambda.rs);
//! the driver checks every contender answers the same bytes.

use aws_lambda_events::event::connect::ConnectEvent;
use lambda_runtime::{service_fn, Error, LambdaEvent};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Balance {
    customer_balance: String,
    website_url: String,
}

async fn handler(event: LambdaEvent<ConnectEvent>) -> Result<Balance, Error> {
    let details = event.payload.details;
    let company = details
        .parameters
        .get("companyName")
        .ok_or("companyName is missing")?;
    let phone = details
        .contact_data
        .customer_endpoint
        .address
        .ok_or("CustomerEndpoint.Address is missing")?;
    let cents: u32 = phone
        .bytes()
        .rev()
        .filter(u8::is_ascii_digit)
        .take(4)
        .fold((0, 1), |(sum, scale), digit| {
            (sum + u32::from(digit - b'0') * scale, scale * 10)
        })
        .0;
    Ok(Balance {
        customer_balance: format!("{}.{:02}", cents / 100, cents % 100),
        website_url: format!("https://www.{}.example.com", company.to_lowercase()),
    })
}

/// Serves the handler as the lambda_runtime examples do.
pub async fn serve() -> Result<(), Error> {
    lambda_runtime::run(service_fn(handler)).await
}
