//! Recursive types: the key list is cut where a type repeats.
use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(json)]
struct Node {
    id: String,
    next: Option<Box<Node>>,
    children: Vec<Node>,
    other: Option<Box<Other>>,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Other {
    back: Option<Box<Node>>,
}

fn main() {
    let keys = <Node as connect_lambda::ConnectResponse>::external_keys();
    assert!(keys.iter().any(|key| key.key == "next" && key.truncated));
    assert!(keys.iter().any(|key| key.key == "other.back" && key.truncated));
}
