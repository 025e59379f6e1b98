use connect_lambda::ConnectResponse;

#[derive(serde::Serialize, ConnectResponse)]
struct Reply {
    balance: String,
}

fn main() {}
