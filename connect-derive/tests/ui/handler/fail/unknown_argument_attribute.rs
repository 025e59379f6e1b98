use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(#[parma] name: String) -> Echo {
    Echo { echo: name }
}

fn main() {}
