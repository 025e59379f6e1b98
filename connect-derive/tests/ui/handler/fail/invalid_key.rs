use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(#[param(rename = "company name")] company: String) -> Echo {
    Echo { echo: company }
}

fn main() {}
