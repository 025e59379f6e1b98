use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    #[connect(rename = "customer balance")]
    balance: String,
}

fn main() {}
