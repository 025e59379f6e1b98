//! A flattened map under STRING_MAP: `HashMap` or `BTreeMap`, `String` or `&str` keys.
use connect_lambda::ConnectResponse;
use std::collections::{BTreeMap, HashMap};

#[derive(ConnectResponse)]
struct Hashed {
    balance: String,
    #[connect(flatten)]
    extra: HashMap<String, String>,
}

#[derive(ConnectResponse)]
struct Sorted<'a> {
    #[connect(flatten)]
    extra: BTreeMap<&'a str, Option<&'a str>>,
    balance: &'a str,
}

fn main() {}
