//! Heap allocations per invocation, for every contender on every benchmark
//! event (issue 7: connect-lambda must allocate less than the peer).
//!
//! A counting global allocator wraps the system one; each contender runs
//! once to warm up, then `RUNS` times inside one `block_on` of the same
//! current-thread runtime the timings use, and the counts are divided by
//! `RUNS`. Deterministic: the same binary prints the same numbers.
//!
//! ```text
//! cargo bench --bench allocations
//! ```
//!
//! With `CONNECT_LAMBDA_BENCH_SELECT=<handler>/<event>/<contender>` it only
//! runs that contender `CONNECT_LAMBDA_BENCH_RUNS` times (default 0) and
//! prints nothing: `benches/instructions.sh` runs it under callgrind to
//! count instructions per invocation, a figure other jobs on the machine do
//! not disturb.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};

mod support;

use support::{BoxError, Runner, HANDLERS};

/// Counts every allocation (and reallocation) and the bytes asked for.
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static REALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged; the counters are plain atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(
            new_size.saturating_sub(layout.size()) as u64,
            Ordering::Relaxed,
        );
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Invocations measured per contender and event.
const RUNS: u64 = 1000;

/// The counters now: (allocations, reallocations, bytes).
fn snapshot() -> (u64, u64, u64) {
    (
        ALLOCATIONS.load(Ordering::Relaxed),
        REALLOCATIONS.load(Ordering::Relaxed),
        BYTES.load(Ordering::Relaxed),
    )
}

/// Runs only the selected contender, `runs` times (for callgrind).
struct Selected<'a> {
    rt: &'a tokio::runtime::Runtime,
    event: &'a [u8],
    contender: String,
    runs: u64,
    found: bool,
}

impl Runner for Selected<'_> {
    fn contender<F>(&mut self, name: &'static str, invoke: F)
    where
        F: AsyncFn(&[u8]) -> Result<Vec<u8>, BoxError>,
    {
        if name != self.contender {
            return;
        }
        self.found = true;
        let event = self.event;
        self.rt.block_on(async {
            for _ in 0..self.runs {
                let _ = black_box(invoke(black_box(event)).await);
            }
        });
    }
}

/// `CONNECT_LAMBDA_BENCH_SELECT` mode: see the module documentation.
fn run_selected(rt: &tokio::runtime::Runtime, events: &[support::events::Event], select: &str) {
    let runs = std::env::var("CONNECT_LAMBDA_BENCH_RUNS")
        .ok()
        .map_or(0, |runs| {
            runs.parse().expect("CONNECT_LAMBDA_BENCH_RUNS is a number")
        });
    let mut parts = select.splitn(3, '/');
    let (Some(handler), Some(event), Some(contender)) = (parts.next(), parts.next(), parts.next())
    else {
        panic!("CONNECT_LAMBDA_BENCH_SELECT is <handler>/<event>/<contender>");
    };
    let handler = HANDLERS
        .into_iter()
        .find(|h| h.name() == handler)
        .unwrap_or_else(|| panic!("no handler {handler}"));
    let event = events
        .iter()
        .find(|e| e.name == event)
        .unwrap_or_else(|| panic!("no event {event}"));
    let response = handler
        .reference_response(&event.bytes)
        .expect("the peer serves every benchmark event");
    let mut selected = Selected {
        rt,
        event: &event.bytes,
        contender: contender.to_owned(),
        runs,
        found: false,
    };
    handler.contenders(&mut selected, &response);
    assert!(selected.found, "no contender {contender}");
}

/// Counts each contender's allocations on one event and prints a row.
struct Counter<'a> {
    rt: &'a tokio::runtime::Runtime,
    handler: &'static str,
    event_name: &'static str,
    event: &'a [u8],
}

impl Runner for Counter<'_> {
    fn contender<F>(&mut self, name: &'static str, invoke: F)
    where
        F: AsyncFn(&[u8]) -> Result<Vec<u8>, BoxError>,
    {
        let event = self.event;
        let result = self.rt.block_on(invoke(event));
        assert!(result.is_ok(), "{name} failed on {}", self.event_name);

        let (allocations, reallocations, bytes) = snapshot();
        self.rt.block_on(async {
            for _ in 0..RUNS {
                let _ = black_box(invoke(black_box(event)).await);
            }
        });
        let (allocations_after, reallocations_after, bytes_after) = snapshot();

        let per_run = |before: u64, after: u64| (after - before) as f64 / RUNS as f64;
        println!(
            "| {} | {} | {} | {:.1} | {:.1} | {:.0} |",
            self.handler,
            self.event_name,
            name,
            per_run(allocations, allocations_after),
            per_run(reallocations, reallocations_after),
            per_run(bytes, bytes_after),
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this too.
    let rt = support::runtime();
    let events = support::events::bench_events();
    if let Ok(select) = std::env::var("CONNECT_LAMBDA_BENCH_SELECT") {
        run_selected(&rt, &events, &select);
        return;
    }
    support::check_agreement(&rt, &events);

    println!("| handler | event | contender | allocations | reallocations | bytes allocated |");
    println!("|---|---|---|---:|---:|---:|");
    for handler in HANDLERS {
        for event in &events {
            let response = handler
                .reference_response(&event.bytes)
                .expect("the peer serves every benchmark event");
            let mut counter = Counter {
                rt: &rt,
                handler: handler.name(),
                event_name: event.name,
                event: &event.bytes,
            };
            handler.contenders(&mut counter, &response);
        }
    }

    println!();
    println!("Which events aws_lambda_events' ConnectEvent parses:");
    for (file, parsed) in support::events::peer_parses() {
        match parsed {
            Ok(()) => println!("- {file}: parsed"),
            Err(error) => println!("- {file}: rejected ({error})"),
        }
    }
}
