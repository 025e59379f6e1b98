use connect_lambda::connect_handler;

#[connect_handler]
async fn greet(#[param] name: String) {
    let _ = name;
}

fn main() {}
