// Both macros take a type's manifest type from one place (`ManifestType`):
// a parameter and a JSON response field of the same type agree. User types
// named like std or serde_json ones (`Map`, `Number`) and types from crates
// the toolkit does not know (`IndexMap`, `SmallVec`, here stand-ins with
// those names) are `any` in both; `BinaryHeap` is an array in both.
use std::collections::BinaryHeap;

use connect_lambda::{connect_handler, ConnectResponse};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Default)]
struct Map {
    inner: u8,
}

#[derive(Serialize, Deserialize, Default)]
struct Number(String);

#[derive(Serialize, Deserialize, Default)]
struct IndexMap<K: Ord, V>(std::collections::BTreeMap<K, V>);

#[derive(Serialize, Deserialize, Default)]
struct SmallVec<T>(Vec<T>);

#[derive(ConnectResponse, Default)]
#[connect(json)]
struct Same {
    heap: BinaryHeap<u32>,
    map: Map,
    number: Number,
    index_map: IndexMap<String, u32>,
    small_vec: SmallVec<u32>,
    text: String,
    count: u32,
}

#[connect_handler]
fn same(
    #[param] heap: BinaryHeap<u32>,
    #[param] map: Map,
    #[param] number: Number,
    #[param] index_map: IndexMap<String, u32>,
    #[param] small_vec: SmallVec<u32>,
    #[param] text: String,
    #[param] count: u32,
) -> Same {
    Same { heap, map, number, index_map, small_vec, text, count }
}

fn main() {
    let manifest = same::manifest();
    let read: Vec<(&str, &str)> = manifest
        .parameters
        .iter()
        .map(|input| (input.key.as_str(), input.ty.unwrap().as_str()))
        .collect();
    let sent: Vec<(&str, &str)> = manifest
        .external
        .iter()
        .map(|key| (key.key.as_str(), key.ty.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            ("heap", "array"),
            ("map", "any"),
            ("number", "any"),
            ("index_map", "any"),
            ("small_vec", "any"),
            ("text", "string"),
            ("count", "number"),
        ]
    );
    assert_eq!(read, sent);
}
