use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    #[connect(renam = "Balance")]
    balance: String,
}

fn main() {}
