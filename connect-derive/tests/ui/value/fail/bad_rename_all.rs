use connect_lambda::ConnectValue;

// Without serde's derive, which would say it too.
#[derive(ConnectValue)]
#[serde(rename_all = "camelcase")]
enum Next {
    None,
    TransferToAgent,
}

fn main() {}
