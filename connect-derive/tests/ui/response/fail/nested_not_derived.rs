use connect_lambda::ConnectResponse;

#[derive(serde::Serialize)]
struct FullName {
    first: String,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Caller {
    #[connect(nested)]
    name: FullName,
}

fn main() {}
