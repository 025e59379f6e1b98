use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(json)]
struct FullName {
    first: String,
    last: String,
}

#[derive(ConnectResponse)]
struct Caller {
    name: FullName,
}

fn main() {}
