use connect_lambda::connect_handler;
include!("../support/echo.rs");

async fn lookup() {}

#[connect_handler]
async fn greet(#[param] name: String) -> Echo {
    let shared = std::rc::Rc::new(name);
    lookup().await;
    Echo { echo: shared.to_string() }
}

fn main() {}
