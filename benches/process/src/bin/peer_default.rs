//! The peer as its documentation writes it: `#[tokio::main]`, tokio's
//! multi-thread runtime.

#[path = "../peer.rs"]
mod peer;

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    peer::serve().await
}
