use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    #[connect(rename = "")]
    balance: String,
}

fn main() {}
