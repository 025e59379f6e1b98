use connect_lambda::ConnectResponse;
use std::collections::HashMap;

#[derive(ConnectResponse)]
struct Reply {
    balance: String,
    #[connect(flatten)]
    counts: HashMap<String, u32>,
}

fn main() {}
