use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    balance: String,
    #[connect(skip, display)]
    tries: u32,
}

fn main() {}
