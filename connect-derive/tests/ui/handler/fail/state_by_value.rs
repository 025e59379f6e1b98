use connect_lambda::connect_handler;
include!("../support/echo.rs");

pub struct Clients {
    pub greeting: String,
}

#[connect_handler]
async fn greet(#[state] clients: Clients) -> Echo {
    Echo { echo: clients.greeting }
}

fn main() {}
