use connect_lambda::{connect_handler, Context};
include!("../support/echo.rs");

#[connect_handler]
async fn greet(context: &Context, also: &connect_lambda::Context) -> Echo {
    let _ = also;
    Echo { echo: format!("{context:?}") }
}

fn main() {
    let _handler = greet::handler();
    assert!(greet::manifest().parameters.is_empty());
}
