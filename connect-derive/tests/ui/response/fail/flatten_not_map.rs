use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    balance: String,
    #[connect(flatten)]
    extra: Vec<String>,
}

fn main() {}
