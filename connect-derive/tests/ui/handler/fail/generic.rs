use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet<T: serde::de::DeserializeOwned + ToString>(#[param] name: T) -> Echo {
    Echo { echo: name.to_string() }
}

fn main() {}
