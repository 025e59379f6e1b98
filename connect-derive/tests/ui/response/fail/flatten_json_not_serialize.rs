use connect_lambda::ConnectResponse;
use std::collections::HashMap;

struct Secret;

#[derive(ConnectResponse)]
#[connect(json)]
struct Reply {
    #[connect(flatten)]
    extra: HashMap<String, Secret>,
}

fn main() {}
