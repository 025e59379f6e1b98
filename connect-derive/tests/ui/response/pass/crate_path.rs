//! `crate = "..."` for crates that re-export connect_lambda.
mod reexport {
    pub use connect_lambda;
}

use reexport::connect_lambda as renamed;

#[derive(renamed::ConnectResponse)]
#[connect(crate = "renamed")]
struct Reply {
    balance: String,
}

fn main() {
    let bytes = renamed::ConnectResponse::to_response_bytes(&Reply { balance: "7".into() });
    assert_eq!(bytes.unwrap(), br#"{"balance":"7"}"#);
}
