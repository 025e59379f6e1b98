use connect_lambda::ConnectResponse;
use std::collections::{BTreeMap, HashMap};

#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct Balance {
    customer_balance: String,
    website_url: String,
    note: Option<String>,
    #[connect(display)]
    tries: u32,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct FullName {
    #[connect(rename = "First")]
    first: String,
    #[connect(rename = "Last")]
    last: Option<String>,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Caller {
    #[connect(rename = "Name")]
    name: FullName,
    #[connect(rename = "OrderIds")]
    order_ids: Vec<String>,
    m: HashMap<String, u32>,
    n: Option<Box<Caller>>,
    v: serde_json::Value,
    x: Option<u32>,
}

#[derive(ConnectResponse)]
struct Flat<'a> {
    a: &'a str,
    #[connect(flatten)]
    extra: BTreeMap<String, String>,
}

#[test]
fn scratch() {
    let b = Balance {
        customer_balance: "1".into(),
        website_url: "u".into(),
        note: None,
        tries: 3,
    };
    println!(
        "{}",
        String::from_utf8(b.to_response_bytes().unwrap()).unwrap()
    );
    println!(
        "{}",
        serde_json::to_string_pretty(&Balance::external_keys()).unwrap()
    );
    println!(
        "{}",
        serde_json::to_string_pretty(&Caller::external_keys()).unwrap()
    );
    let f = Flat {
        a: "x",
        extra: BTreeMap::from([("k".into(), "v".into())]),
    };
    println!(
        "{}",
        String::from_utf8(f.to_response_bytes().unwrap()).unwrap()
    );
    let f = Flat {
        a: "x",
        extra: BTreeMap::from([("a".into(), "v".into())]),
    };
    println!("{}", f.to_response_bytes().unwrap_err());
    println!(
        "{}",
        serde_json::to_string_pretty(&Flat::external_keys()).unwrap()
    );
}
