use connect_lambda::ConnectValue;

#[derive(serde::Serialize, ConnectValue)]
#[serde(rename_all = "lowercase")]
enum Next {
    TransferToAgent,
    #[serde(rename = "transfertoagent")]
    Transfer,
}

fn main() {}
