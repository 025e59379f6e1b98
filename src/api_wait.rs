//! Concurrent mode under a Runtime API that refuses connections.
//!
//! lambda_runtime's concurrent workers (the `concurrency` feature) retry a
//! failed `/next` at once, with no pause, and log it only through `tracing`
//! (nothing, without a subscriber): a Runtime API that refuses connections
//! keeps every core busy and says nothing. lambda_runtime 1.5 offers no hook
//! to slow them, so before starting them [`wait_until_accepting`] connects
//! once, and while the API refuses, says so in the log and retries with a
//! growing pause. A refusal after the workers started is not seen: the
//! README's concurrency section warns of it.

use std::time::Duration;

/// The first pause between two attempts; doubled after each, up to
/// [`LONGEST_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_millis(10);
/// The longest pause between two attempts.
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

/// Returns once a TCP connection to `api` (`AWS_LAMBDA_RUNTIME_API`'s host
/// and port) succeeds, saying on stderr (the function's log) when it had to
/// wait.
pub(crate) async fn wait_until_accepting(api: &str, workers: u32) {
    let mut pause = FIRST_PAUSE;
    let mut refusals = 0u64;
    loop {
        match tokio::net::TcpStream::connect(api).await {
            Ok(_) => break,
            Err(error) => {
                if refusals == 0 {
                    eprintln!(
                        "connect-lambda: the Lambda Runtime API at {api} refuses connections \
                         ({error}); waiting for it, retrying with a pause of up to {} s, before \
                         starting {workers} concurrent workers (lambda_runtime's workers would \
                         retry at once, with no pause, keeping every core busy)",
                        LONGEST_PAUSE.as_secs()
                    );
                }
                refusals += 1;
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
            }
        }
    }
    if refusals > 0 {
        eprintln!(
            "connect-lambda: the Lambda Runtime API at {api} accepts connections after {refusals} \
             refusals; starting {workers} concurrent workers"
        );
    }
}
