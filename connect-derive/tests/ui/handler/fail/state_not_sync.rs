use connect_lambda::connect_handler;
include!("../support/echo.rs");

pub struct Counter {
    pub calls: std::cell::Cell<u32>,
}

#[connect_handler]
async fn greet(#[state] counter: &Counter, #[param] name: String) -> Echo {
    counter.calls.set(counter.calls.get() + 1);
    Echo { echo: name }
}

fn main() {}
