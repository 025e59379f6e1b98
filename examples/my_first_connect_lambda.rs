//! The Amazon Connect tutorial's Lambda, written with connect-lambda.
//!
//! The flow's "Invoke AWS Lambda function" block passes the parameter
//! `companyName`; the handler also reads the caller's phone number from the
//! contact data, and returns two strings the flow reads as
//! `$.External.customerBalance` and `$.External.websiteUrl` (STRING_MAP
//! response validation).
//!
//! Run it on the bundled event:
//!
//! ```sh
//! cargo run -p connect-lambda-examples --bin my_first_connect_lambda -- --event examples/events/connect-mock.json
//! ```
//!
//! Deployed to Lambda, the same binary serves the Lambda Runtime API.

use connect_lambda::{connect_handler, ConnectResponse};

/// What the flow reads after the block: `$.External.customerBalance` and
/// `$.External.websiteUrl`.
#[derive(Debug, PartialEq, ConnectResponse)]
#[connect(rename_all = "camelCase")]
pub struct Balance {
    customer_balance: String,
    website_url: String,
}

/// Looks up the caller's balance and the company's website.
#[connect_handler(function = "MyFirstConnectLambda")]
pub fn my_first_connect_lambda(
    #[param(rename = "companyName")] company: String,
    #[contact("CustomerEndpoint.Address")] phone: String,
) -> Balance {
    Balance {
        customer_balance: balance_for(&phone),
        website_url: format!("https://www.{}.example.com", company.to_lowercase()),
    }
}

/// A stand-in for the account system: a balance derived from the number's
/// last four digits, in cents.
fn balance_for(phone: &str) -> String {
    let cents: u32 = phone
        .bytes()
        .rev()
        .filter(u8::is_ascii_digit)
        .take(4)
        .fold((0, 1), |(sum, scale), digit| {
            (sum + u32::from(digit - b'0') * scale, scale * 10)
        })
        .0;
    format!("{}.{:02}", cents / 100, cents % 100)
}

// One invocation at a time on one thread: Lambda sends a process one event
// at a time, and tokio's multi-thread runtime (`#[tokio::main]`) costs 2.4 to
// 6 times the CPU per invocation for nothing (BENCHMARKS.md, "Process").
// With the `concurrency` feature (Lambda Managed Instances), `#[tokio::main]`.
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), connect_lambda::Error> {
    connect_lambda::run(my_first_connect_lambda::handler()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_function_is_still_a_function() {
        let balance = my_first_connect_lambda("GGG".into(), "+1234567890".into());
        assert_eq!(balance.customer_balance, "78.90");
        assert_eq!(balance.website_url, "https://www.ggg.example.com");
    }
}
