use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(display)]
struct Reply {
    balance: String,
}

fn main() {}
