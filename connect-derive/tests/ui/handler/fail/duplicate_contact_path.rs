use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(
    #[contact("CustomerEndpoint.Address")] phone: String,
    #[contact(path = "CustomerEndpoint.Address")] again: String,
) -> Echo {
    Echo { echo: phone + &again }
}

fn main() {}
