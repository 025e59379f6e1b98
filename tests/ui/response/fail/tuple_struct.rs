use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply(String, String);

fn main() {}
