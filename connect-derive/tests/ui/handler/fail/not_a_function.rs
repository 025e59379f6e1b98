use connect_lambda::connect_handler;

#[connect_handler]
struct Greet;

fn main() {}
