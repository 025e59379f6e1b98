use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(json)]
struct Reply {
    #[connect(flatten)]
    extra: Option<String>,
}

fn main() {}
