use connect_lambda::ConnectResponse;
use std::collections::HashMap;

#[derive(ConnectResponse)]
struct Extra {
    attributes: HashMap<String, String>,
}

fn main() {}
