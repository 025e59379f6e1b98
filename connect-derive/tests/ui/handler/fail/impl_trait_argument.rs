use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(#[state] greeting: &impl ToString) -> Echo {
    Echo { echo: greeting.to_string() }
}

fn main() {}
