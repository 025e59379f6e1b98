use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(#[contact("Queue.Arn.Region")] region: String) -> Echo {
    Echo { echo: region }
}

fn main() {}
