use connect_lambda::ConnectValue;

#[derive(serde::Serialize, serde::Deserialize, ConnectValue)]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
enum Next {
    None,
    TransferToAgent,
}

fn main() {}
