use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
enum Reply {
    Found { balance: String },
    Missing,
}

fn main() {}
