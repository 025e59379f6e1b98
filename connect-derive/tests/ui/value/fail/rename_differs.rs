use connect_lambda::ConnectValue;

#[derive(serde::Serialize, serde::Deserialize, ConnectValue)]
enum Next {
    None,
    #[serde(rename(serialize = "speak", deserialize = "say"))]
    Speak,
    #[serde(rename(serialize = "transfer"))]
    Transfer,
}

fn main() {}
