// A ConnectValue enum is a string; a type that is not one is still refused
// under STRING_MAP, with the same message as before.
use connect_lambda::{ConnectResponse, ConnectValue};

#[derive(serde::Serialize, ConnectValue)]
enum Next {
    None,
}

#[derive(serde::Serialize)]
enum Plain {
    None,
}

#[derive(ConnectResponse)]
struct Route {
    next: Next,
    plain: Plain,
}

fn main() {}
