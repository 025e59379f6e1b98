use connect_lambda::ConnectValue;

#[derive(serde::Serialize, ConnectValue)]
enum Next {
    None,
    #[serde(skip)]
    Internal,
    #[serde(skip_deserializing)]
    OnlySent,
}

fn main() {}
