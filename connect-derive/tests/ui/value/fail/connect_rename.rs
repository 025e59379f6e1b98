use connect_lambda::ConnectValue;

#[derive(serde::Serialize, ConnectValue)]
#[connect(rename_all = "camelCase")]
enum Next {
    #[connect(rename = "none")]
    None,
}

fn main() {}
