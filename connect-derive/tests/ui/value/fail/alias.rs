use connect_lambda::ConnectValue;

#[derive(serde::Deserialize, ConnectValue)]
enum Next {
    #[serde(alias = "quiet")]
    None,
    Speak,
}

fn main() {}
