use connect_lambda::connect_handler;
include!("../support/echo.rs");

pub struct NotAnError;

#[connect_handler]
async fn greet(#[param] name: String) -> Result<Echo, NotAnError> {
    Ok(Echo { echo: name })
}

fn main() {}
