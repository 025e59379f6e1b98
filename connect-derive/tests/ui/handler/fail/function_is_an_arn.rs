use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler(function = "arn:aws:lambda:eu-west-2:111111111111:function:Greet")]
async fn greet(#[param] name: String) -> Echo {
    Echo { echo: name }
}

fn main() {}
