use connect_lambda::ConnectValue;

#[derive(serde::Serialize, ConnectValue)]
enum Next {
    None,
    #[serde(serialize_with = "speak")]
    Speak,
}

fn speak<S: serde::Serializer>(serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str("talk")
}

fn main() {}
