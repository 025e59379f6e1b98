use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(#[contact("CustomerEndpoint.Adress")] phone: String) -> Echo {
    Echo { echo: phone }
}

fn main() {}
