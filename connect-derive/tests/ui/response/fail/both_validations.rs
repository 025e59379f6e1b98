use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(string_map, json)]
struct Reply {
    balance: String,
}

fn main() {}
