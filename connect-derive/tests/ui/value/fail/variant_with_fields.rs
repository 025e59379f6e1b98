use connect_lambda::ConnectValue;

#[derive(serde::Serialize, ConnectValue)]
#[serde(rename_all = "camelCase")]
enum Next {
    None,
    Speak(String),
    Transfer { queue: String },
}

fn main() {}
