use connect_lambda::ConnectValue;

#[derive(serde::Serialize, ConnectValue)]
#[serde(tag = "step")]
enum Next {
    None,
    Speak,
}

fn main() {}
