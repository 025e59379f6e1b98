//! JSON responses: nested objects, arrays, maps, options; the bytes and the
//! key list (nested keys, not referenceable arrays, recursion cut).

use std::collections::{BTreeMap, HashMap};

use connect_lambda::manifest::{ResponseValidation, ValueType};
use connect_lambda::ConnectResponse;

fn text<T: ConnectResponse>(response: &T) -> String {
    String::from_utf8(response.to_response_bytes().unwrap()).unwrap()
}

/// `(path, type, required, referenceable, truncated)` of each entry.
fn keys<T: ConnectResponse>() -> Vec<(String, ValueType, bool, bool, bool)> {
    T::external_keys()
        .into_iter()
        .map(|key| {
            assert_eq!(key.path, format!("$.External.{}", key.key));
            (
                key.path,
                key.ty,
                key.required,
                key.referenceable,
                key.truncated,
            )
        })
        .collect()
}

fn entry(path: &str, ty: ValueType, required: bool) -> (String, ValueType, bool, bool, bool) {
    (path.to_owned(), ty, required, ty != ValueType::Array, false)
}

#[derive(ConnectResponse)]
#[connect(json)]
struct FullName {
    #[connect(rename = "First")]
    first: String,
    #[connect(rename = "Last")]
    last: String,
}

/// The design's `Caller`.
#[derive(ConnectResponse)]
#[connect(json)]
struct Caller {
    #[connect(rename = "Name")]
    name: FullName,
    #[connect(rename = "OrderIds")]
    order_ids: Vec<String>,
}

#[test]
fn the_design_caller() {
    let caller = Caller {
        name: FullName {
            first: "Jane".into(),
            last: "Doe".into(),
        },
        order_ids: vec!["A-1".into(), "B-2".into()],
    };
    assert_eq!(
        text(&caller),
        r#"{"Name":{"First":"Jane","Last":"Doe"},"OrderIds":["A-1","B-2"]}"#
    );
    assert_eq!(Caller::VALIDATION, ResponseValidation::Json);
    assert_eq!(
        keys::<Caller>(),
        [
            entry("$.External.Name", ValueType::Object, true),
            entry("$.External.Name.First", ValueType::String, true),
            entry("$.External.Name.Last", ValueType::String, true),
            entry("$.External.OrderIds", ValueType::Array, true),
        ]
    );
    let order_ids = &Caller::external_keys()[3];
    assert!(!order_ids.referenceable);
    assert_eq!(order_ids.key, "OrderIds");
    assert_eq!(
        serde_json::to_string(&Caller::external_keys()).unwrap(),
        concat!(
            r#"[{"path":"$.External.Name","key":"Name","type":"object","required":true,"referenceable":true},"#,
            r#"{"path":"$.External.Name.First","key":"Name.First","type":"string","required":true,"referenceable":true},"#,
            r#"{"path":"$.External.Name.Last","key":"Name.Last","type":"string","required":true,"referenceable":true},"#,
            r#"{"path":"$.External.OrderIds","key":"OrderIds","type":"array","required":true,"referenceable":false}]"#
        )
    );
}

#[derive(serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
enum Tier {
    Gold,
}

#[derive(ConnectResponse)]
#[connect(json, rename_all = "camelCase")]
struct Account {
    account_id: String,
    balance: f64,
    open_orders: u32,
    is_vip: bool,
    tier: Tier,
    raw: serde_json::Value,
    holder: Option<FullName>,
    scores: [u8; 3],
    counts: BTreeMap<String, u32>,
    previous_names: Vec<FullName>,
    nickname: Option<String>,
    #[connect(display)]
    since: u16,
    #[connect(rename = "Internal-Note")]
    note: Option<Box<str>>,
    #[connect(skip)]
    #[allow(dead_code)]
    cache: HashMap<String, String>,
}

fn account() -> Account {
    Account {
        account_id: "A-1".into(),
        balance: 12.5,
        open_orders: 2,
        is_vip: true,
        tier: Tier::Gold,
        raw: serde_json::json!({"any": [1, null]}),
        holder: None,
        scores: [1, 2, 3],
        counts: BTreeMap::from([("calls".to_owned(), 4)]),
        previous_names: vec![],
        nickname: None,
        since: 2019,
        note: Some("x".into()),
        cache: HashMap::new(),
    }
}

#[test]
fn json_values_keep_their_types_and_none_is_left_out() {
    assert_eq!(
        text(&account()),
        concat!(
            r#"{"accountId":"A-1","balance":12.5,"openOrders":2,"isVip":true,"tier":"GOLD","#,
            r#""raw":{"any":[1,null]},"scores":[1,2,3],"counts":{"calls":4},"previousNames":[],"#,
            r#""since":"2019","Internal-Note":"x"}"#
        )
    );
    let full = Account {
        holder: Some(FullName {
            first: "J".into(),
            last: "D".into(),
        }),
        nickname: Some("jd".into()),
        note: None,
        previous_names: vec![FullName {
            first: "A".into(),
            last: "B".into(),
        }],
        ..account()
    };
    assert_eq!(
        text(&full),
        concat!(
            r#"{"accountId":"A-1","balance":12.5,"openOrders":2,"isVip":true,"tier":"GOLD","#,
            r#""raw":{"any":[1,null]},"holder":{"First":"J","Last":"D"},"scores":[1,2,3],"#,
            r#""counts":{"calls":4},"previousNames":[{"First":"A","Last":"B"}],"nickname":"jd","#,
            r#""since":"2019"}"#
        )
    );
}

#[test]
fn json_key_list_types_optionality_and_nesting() {
    assert_eq!(
        keys::<Account>(),
        [
            entry("$.External.accountId", ValueType::String, true),
            entry("$.External.balance", ValueType::Number, true),
            entry("$.External.openOrders", ValueType::Number, true),
            entry("$.External.isVip", ValueType::Boolean, true),
            entry("$.External.tier", ValueType::Any, true),
            entry("$.External.raw", ValueType::Any, true),
            // An optional parent makes its children optional too.
            entry("$.External.holder", ValueType::Object, false),
            entry("$.External.holder.First", ValueType::String, false),
            entry("$.External.holder.Last", ValueType::String, false),
            entry("$.External.scores", ValueType::Array, true),
            entry("$.External.counts", ValueType::Map, true),
            entry("$.External.previousNames", ValueType::Array, true),
            entry("$.External.nickname", ValueType::String, false),
            entry("$.External.since", ValueType::String, true),
            entry("$.External.Internal-Note", ValueType::String, false),
        ]
    );
}

#[derive(serde::Serialize)]
struct Opaque {
    inner: u8,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct WithOpaque {
    plain: Opaque,
    maybe: Option<Opaque>,
}

#[test]
fn a_serialize_type_that_does_not_derive_connect_response_is_one_any_entry() {
    let value = WithOpaque {
        plain: Opaque { inner: 1 },
        maybe: Some(Opaque { inner: 2 }),
    };
    assert_eq!(text(&value), r#"{"plain":{"inner":1},"maybe":{"inner":2}}"#);
    assert_eq!(
        keys::<WithOpaque>(),
        [
            entry("$.External.plain", ValueType::Any, true),
            entry("$.External.maybe", ValueType::Any, false),
        ]
    );
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Level3 {
    leaf: bool,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Level2 {
    #[connect(rename = "L3")]
    level3: Level3,
    tags: Vec<String>,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Level1 {
    #[connect(rename = "L2")]
    level2: Option<Level2>,
    id: u64,
}

#[test]
fn nested_keys_go_as_deep_as_the_types() {
    assert_eq!(
        keys::<Level1>(),
        [
            entry("$.External.L2", ValueType::Object, false),
            entry("$.External.L2.L3", ValueType::Object, false),
            entry("$.External.L2.L3.leaf", ValueType::Boolean, false),
            entry("$.External.L2.tags", ValueType::Array, false),
            entry("$.External.id", ValueType::Number, true),
        ]
    );
    let value = Level1 {
        level2: Some(Level2 {
            level3: Level3 { leaf: false },
            tags: vec!["t".into()],
        }),
        id: 7,
    };
    assert_eq!(
        text(&value),
        r#"{"L2":{"L3":{"leaf":false},"tags":["t"]},"id":7}"#
    );
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Node {
    id: String,
    next: Option<Box<Node>>,
    children: Vec<Node>,
    peer: Option<Box<Peer>>,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Peer {
    name: String,
    back: Option<Box<Node>>,
}

#[test]
fn recursive_types_are_cut_where_they_repeat() {
    let listed = Node::external_keys();
    let summary: Vec<_> = listed
        .iter()
        .map(|key| (key.key.as_str(), key.ty, key.required, key.truncated))
        .collect();
    assert_eq!(
        summary,
        [
            ("id", ValueType::String, true, false),
            ("next", ValueType::Object, false, true),
            ("children", ValueType::Array, true, false),
            ("peer", ValueType::Object, false, false),
            ("peer.name", ValueType::String, false, false),
            ("peer.back", ValueType::Object, false, true),
        ]
    );
    assert_eq!(
        serde_json::to_string(&listed[1]).unwrap(),
        r#"{"path":"$.External.next","key":"next","type":"object","required":false,"referenceable":true,"truncated":true}"#
    );
    let chain = Node {
        id: "a".into(),
        next: Some(Box::new(Node {
            id: "b".into(),
            next: None,
            children: vec![],
            peer: None,
        })),
        children: vec![],
        peer: None,
    };
    assert_eq!(
        text(&chain),
        r#"{"id":"a","next":{"id":"b","children":[]},"children":[]}"#
    );
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Envelope<T> {
    #[connect(nested)]
    body: T,
    sent: bool,
}

#[test]
fn nested_expands_a_generic_field() {
    assert_eq!(
        keys::<Envelope<FullName>>(),
        [
            entry("$.External.body", ValueType::Object, true),
            entry("$.External.body.First", ValueType::String, true),
            entry("$.External.body.Last", ValueType::String, true),
            entry("$.External.sent", ValueType::Boolean, true),
        ]
    );
    let value = Envelope {
        body: FullName {
            first: "J".into(),
            last: "D".into(),
        },
        sent: true,
    };
    assert_eq!(
        text(&value),
        r#"{"body":{"First":"J","Last":"D"},"sent":true}"#
    );
}

#[derive(ConnectResponse)]
#[connect(json)]
struct WithExtra {
    id: u32,
    #[connect(flatten)]
    extra: BTreeMap<String, serde_json::Value>,
}

#[test]
fn json_flatten_merges_any_serialize_values() {
    let value = WithExtra {
        id: 1,
        extra: BTreeMap::from([
            ("list".to_owned(), serde_json::json!([1, 2])),
            ("flag".to_owned(), serde_json::json!(false)),
        ]),
    };
    assert_eq!(text(&value), r#"{"id":1,"flag":false,"list":[1,2]}"#);
    assert_eq!(
        keys::<WithExtra>(),
        [
            entry("$.External.id", ValueType::Number, true),
            entry("$.External.*", ValueType::Map, false),
        ]
    );
    let bad = WithExtra {
        id: 1,
        extra: BTreeMap::from([("a.b".to_owned(), serde_json::json!(1))]),
    };
    assert_eq!(
        bad.to_response_bytes().unwrap_err().error_type(),
        "InvalidResponse"
    );
}
