//! A response with no keys (a Lambda whose result the flow does not read).
use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Done {}

fn main() {
    assert!(Done::external_keys().is_empty());
    assert_eq!(Done {}.to_response_bytes().unwrap(), b"{}");
}
