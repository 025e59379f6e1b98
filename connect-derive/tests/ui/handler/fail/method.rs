use connect_lambda::connect_handler;
include!("../support/echo.rs");

pub struct Greeter;

impl Greeter {
    #[connect_handler]
    async fn greet(&self, #[param] name: String) -> Echo {
        Echo { echo: name }
    }
}

fn main() {}
