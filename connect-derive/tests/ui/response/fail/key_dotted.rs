use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(json)]
struct Reply {
    #[connect(rename = "Name.First")]
    first: String,
}

fn main() {}
