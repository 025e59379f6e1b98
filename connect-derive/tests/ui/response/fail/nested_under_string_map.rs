use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(json)]
struct FullName {
    first: String,
}

#[derive(ConnectResponse)]
struct Caller {
    #[connect(nested)]
    name: FullName,
}

fn main() {}
