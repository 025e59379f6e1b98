use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(crate = "not a path")]
struct Reply {
    balance: String,
}

fn main() {}
