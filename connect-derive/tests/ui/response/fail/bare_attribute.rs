use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect]
struct Reply {
    balance: String,
}

fn main() {}
