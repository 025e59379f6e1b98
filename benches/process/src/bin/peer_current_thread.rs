//! The peer on a current-thread runtime.

#[path = "../peer.rs"]
mod peer;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    peer::serve().await
}
