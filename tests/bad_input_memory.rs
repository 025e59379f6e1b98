//! Peak memory of a valid 6 MB event (Lambda's payload limit), measured with
//! a counting global allocator: the high-water mark of live heap bytes above
//! what was live before, for
//!
//! - the tutorial handler through `handler().invoke(&bytes)` (the scanner
//!   borrows from the body: nothing is buffered twice, so the peak is a
//!   small fraction of the event);
//! - a handler taking `&ContactFlowEvent` (the whole event is built: about
//!   the event's size again, by design);
//! - the tutorial handler through `connect_lambda::run` and the real
//!   `lambda_runtime` client, against the in-process Runtime API: above the
//!   test's own copy of the event (which the server sends and then drops),
//!   the figure holds hyper's receive buffers and `lambda_runtime`'s
//!   collection of the body into one buffer (its code, about the event's
//!   size again while the chunks are copied); connect-lambda parks that
//!   buffer without copying it and the handler borrows from it.
//!
//! Its own binary (`harness = false`): the allocator counts for the whole
//! process, so nothing else may run beside the measurement. The figures are
//! printed; the assertions are generous bounds, not benchmarks.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use connect_test_support::runtime_api::RuntimeApi;
use connect_test_support::tutorial_handlers::{tutorial, whole_event};
use serde_json::{json, Value};

/// Counts live heap bytes and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; the counters are
// bookkeeping only.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = System.alloc(layout);
        if !pointer.is_null() {
            grew(layout.size());
        }
        pointer
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let pointer = System.alloc_zeroed(layout);
        if !pointer.is_null() {
            grew(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        System.dealloc(pointer, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = System.realloc(pointer, layout, new_size);
        if !moved.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `work` and returns the peak of live heap bytes above the live bytes
/// before it.
async fn peak_during<T>(work: impl std::future::Future<Output = T>) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let output = work.await;
    (output, PEAK.load(Ordering::Relaxed).saturating_sub(before))
}

const ATTRIBUTES: usize = 20_000;

/// A valid event just under 6 MiB: 20,000 contact attributes (about 2.9 MB)
/// and a 3 MiB parameter the tutorial handler does not read.
fn six_megabyte_event() -> Vec<u8> {
    let attributes: serde_json::Map<String, Value> = (0..ATTRIBUTES)
        .map(|index| {
            (
                format!("attribute{index:05}"),
                json!(format!("{index:05}-{}", "v".repeat(120))),
            )
        })
        .collect();
    let event = json!({
        "Name": "ContactFlowEvent",
        "Details": {
            "ContactData": {
                "Attributes": attributes,
                "Channel": "VOICE",
                "ContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
                "CustomerEndpoint": {"Address": "+15550100", "Type": "TELEPHONE_NUMBER"},
                "InitiationMethod": "INBOUND",
                "Queue": {"ARN": "arn:aws:connect:eu-west-2:111111111111:queue/q", "Name": "PasswordReset"},
                "SystemEndpoint": {"Address": "+15550199", "Type": "TELEPHONE_NUMBER"}
            },
            "Parameters": {"companyName": "GGG", "transcript": "t".repeat(3 << 20)}
        }
    });
    serde_json::to_vec(&event).expect("JSON")
}

fn tutorial_response() -> Value {
    json!({
        "customerBalance": format!("{}.00", "+15550100".len()),
        "websiteUrl": format!("https://www.{}.example.com", "GGG".len()),
    })
}

const MB: f64 = 1024.0 * 1024.0;

fn report(label: &str, peak: usize, event: usize) {
    println!(
        "{label:<62} peak {peak:>9} bytes = {:>5.2} MiB ({:.2}x the event)",
        peak as f64 / MB,
        peak as f64 / event as f64
    );
}

/// `VmHWM` (peak resident set) of this process, for the record.
fn vm_hwm() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .map(|line| line.trim_start_matches("VmHWM:").trim().to_owned())
}

fn main() {
    // Only the measurement runs here (no test harness); a quick listing run
    // (`--list`) has nothing to list.
    if std::env::args().any(|argument| argument == "--list") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    runtime.block_on(measure());
    if let Some(hwm) = vm_hwm() {
        println!(
            "{:<62} VmHWM {hwm}",
            "whole test process (binary, runtime, all of the above)"
        );
    }
    println!("bad_input_memory: ok");
}

async fn measure() {
    let body = six_megabyte_event();
    let size = body.len();
    assert!(
        (5_900_000..=6 * 1024 * 1024).contains(&size),
        "{size} bytes"
    );
    println!(
        "a valid event of {size} bytes ({:.2} MiB)",
        size as f64 / MB
    );

    // Warm up (lazy statics, the handler's first allocations), then measure.
    let handler = tutorial::handler();
    handler.invoke(&body).await.expect("served");
    let (response, peak) = peak_during(handler.invoke(&body)).await;
    let response: Value = serde_json::from_slice(&response.expect("served")).expect("JSON");
    assert_eq!(response, tutorial_response());
    report("tutorial handler, handler().invoke", peak, size);
    // Borrowed from the body: not even a tenth of the event is allocated.
    assert!(
        peak < size / 10,
        "the tutorial handler buffered {peak} bytes for a {size}-byte event"
    );

    let handler = whole_event::handler();
    let (response, peak) = peak_during(handler.invoke(&body)).await;
    let response: Value = serde_json::from_slice(&response.expect("served")).expect("JSON");
    assert_eq!(
        response,
        json!({"parameters": "2", "attributes": ATTRIBUTES.to_string()})
    );
    report(
        "&ContactFlowEvent handler (builds the event), invoke",
        peak,
        size,
    );
    assert!(peak < 64 << 20, "{peak} bytes");

    // Through lambda_runtime: the in-process Runtime API serves the event
    // (its queue holds the test's copy, moved, not copied), the client
    // receives it, connect-lambda parks the body and the handler borrows it.
    std::env::set_var("AWS_LAMBDA_FUNCTION_NAME", "memory");
    std::env::set_var("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    std::env::set_var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
    std::env::remove_var("AWS_LAMBDA_MAX_CONCURRENCY");
    // hyper's buffering varies from run to run: three runs, each reported.
    for run in 1..=3 {
        let body = six_megabyte_event();
        let (outcome, peak) = peak_during(async {
            let api = RuntimeApi::start([body]).await;
            std::env::set_var("AWS_LAMBDA_RUNTIME_API", api.endpoint());
            let served = tokio::spawn(connect_lambda::run(tutorial::handler()));
            let outcomes = api
                .outcomes(Duration::from_secs(60))
                .await
                .unwrap_or_else(|problem| panic!("{problem}"));
            served.abort();
            let _ = served.await;
            outcomes.into_iter().next().expect("one outcome")
        })
        .await;
        assert!(
            outcome.success,
            "{}",
            String::from_utf8_lossy(&outcome.body)
        );
        assert_eq!(outcome.json(), tutorial_response());
        report(
            &format!("tutorial handler through run() + lambda_runtime, run {run}"),
            peak,
            size,
        );
        assert!(peak < 64 << 20, "{peak} bytes");
    }
}
