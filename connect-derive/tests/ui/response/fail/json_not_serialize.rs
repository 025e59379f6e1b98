use connect_lambda::ConnectResponse;

struct Secret {
    value: String,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Reply {
    ok: bool,
    secret: Secret,
}

fn main() {}
