use connect_lambda::connect_handler;

#[connect_handler]
async fn greet(#[param] name: String) -> String {
    name
}

fn main() {}
