use connect_lambda::ConnectResponse;
use std::collections::{BTreeMap, HashMap};

#[derive(ConnectResponse)]
struct Reply {
    #[connect(flatten)]
    first: HashMap<String, String>,
    #[connect(flatten)]
    second: BTreeMap<String, String>,
}

fn main() {}
