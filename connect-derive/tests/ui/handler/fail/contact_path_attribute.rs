use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(#[contact("Attributes.greetingPlayed")] greeted: String) -> Echo {
    Echo { echo: greeted }
}

fn main() {}
