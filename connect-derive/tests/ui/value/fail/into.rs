use connect_lambda::ConnectValue;

#[derive(Clone, serde::Serialize, ConnectValue)]
#[serde(into = "String")]
enum Next {
    None,
    Speak,
}

impl From<Next> for String {
    fn from(_: Next) -> String {
        String::new()
    }
}

fn main() {}
