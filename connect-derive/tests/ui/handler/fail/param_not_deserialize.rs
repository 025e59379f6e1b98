use connect_lambda::connect_handler;
include!("../support/echo.rs");

pub struct Company(String);

#[connect_handler]
async fn greet(#[param] company: Company) -> Echo {
    Echo { echo: company.0 }
}

fn main() {}
