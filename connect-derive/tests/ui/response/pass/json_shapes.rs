//! The field types a JSON response accepts, nested ones included.
use connect_lambda::ConnectResponse;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(serde::Serialize)]
enum Tier {
    Gold,
    Silver,
}

#[derive(ConnectResponse)]
#[connect(json, rename_all = "PascalCase")]
struct FullName {
    first: String,
    last: Option<String>,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Caller<'a> {
    name: FullName,
    previous_names: Vec<FullName>,
    maybe_name: Option<Box<FullName>>,
    #[connect(nested)]
    nested_name: FullName,
    order_ids: Vec<String>,
    window: [u8; 4],
    tags: HashSet<String>,
    counts: HashMap<String, u32>,
    sorted: BTreeMap<String, FullName>,
    balance: f64,
    visits: u64,
    vip: bool,
    tier: Tier,
    raw: serde_json::Value,
    note: &'a str,
    optional_tier: Option<Tier>,
    #[connect(display)]
    shown: u16,
    #[connect(skip)]
    internal: std::time::Instant,
}

fn main() {
    assert!(<Caller as connect_lambda::ConnectResponse>::external_keys().len() > 10);
}
