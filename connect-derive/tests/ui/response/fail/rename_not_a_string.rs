use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    #[connect(rename = Balance)]
    balance: String,
}

fn main() {}
