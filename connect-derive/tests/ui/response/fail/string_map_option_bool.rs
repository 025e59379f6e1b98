use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Greeting {
    played: Option<bool>,
}

fn main() {}
