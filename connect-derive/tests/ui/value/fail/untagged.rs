use connect_lambda::ConnectValue;

#[derive(serde::Serialize, ConnectValue)]
#[serde(untagged)]
enum Next {
    None,
    Speak,
}

fn main() {}
