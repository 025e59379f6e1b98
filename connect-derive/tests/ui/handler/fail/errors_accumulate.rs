// Every problem of a handler is reported in one compile.
use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler(function = "Greet", fucntion = "Greet")]
async fn greet(
    #[param(rename = "companyName")] company: String,
    #[param] companyName: String,
    #[contact("CustomerEndpoint.Adress")] phone: String,
    age: u32,
) -> Echo {
    Echo { echo: format!("{company}{companyName}{phone}{age}") }
}

fn main() {
    // The module still exists, so this line adds no error of its own.
    let _ = greet::handler();
}
