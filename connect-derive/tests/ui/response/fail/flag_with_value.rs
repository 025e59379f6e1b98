use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    balance: String,
    #[connect(skip = true)]
    cache: Vec<u8>,
}

fn main() {}
