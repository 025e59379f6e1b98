//! `rename`, `rename_all` and raw identifiers.
use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(string_map, rename_all = "SCREAMING-KEBAB-CASE")]
struct Reply {
    customer_balance: String,
    #[connect(rename = "type")]
    r#kind: String,
    r#match: String,
}

fn main() {
    let keys: Vec<String> = <Reply as connect_lambda::ConnectResponse>::external_keys()
        .into_iter()
        .map(|key| key.key)
        .collect();
    assert_eq!(keys, ["CUSTOMER-BALANCE", "type", "MATCH"]);
}
