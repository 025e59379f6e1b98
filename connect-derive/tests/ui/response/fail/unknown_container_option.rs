use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(jsn)]
struct Reply {
    balance: String,
}

fn main() {}
