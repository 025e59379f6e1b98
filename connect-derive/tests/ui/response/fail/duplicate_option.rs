use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    #[connect(rename = "Balance")]
    #[connect(rename = "Amount")]
    balance: String,
}

fn main() {}
