use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler(function = MyFirstConnectLambda)]
async fn greet(#[param] name: String) -> Echo {
    Echo { echo: name }
}

fn main() {}
