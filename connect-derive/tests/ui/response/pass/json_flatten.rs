//! A flattened map under JSON: any `Serialize` values.
use connect_lambda::ConnectResponse;
use std::collections::BTreeMap;

#[derive(ConnectResponse)]
#[connect(json)]
struct Reply {
    balance: u32,
    #[connect(flatten)]
    extra: BTreeMap<String, serde_json::Value>,
}

fn main() {}
