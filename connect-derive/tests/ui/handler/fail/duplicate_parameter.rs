use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(
    #[param(rename = "companyName")] company: String,
    #[param] companyName: Option<String>,
) -> Echo {
    Echo { echo: companyName.unwrap_or(company) }
}

fn main() {}
