use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply;

fn main() {}
