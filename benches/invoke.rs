//! Per-invocation time, event bytes in, response bytes out, for every
//! contender on the same event bytes in the same run (issue 7):
//!
//! - `floor`: an `IgnoredAny` pass over the event, then the response bytes
//!   copied out: the least any handler can do;
//! - `aws_lambda_events`: the hand-written peer (`ConnectEvent` +
//!   serde_json, a serde struct response); `aws_lambda_events+HashMap`:
//!   the same with the crate's `ConnectResponse` map;
//! - `connect-lambda`: `handler().invoke(&bytes)` of the same handler
//!   written with `#[connect_handler]` (`support/connect_lambda.rs`).
//!
//! Every contender is polled by the same tokio current-thread runtime
//! (criterion's `to_async`), so the executor around each is identical.
//!
//! ```text
//! cargo bench --bench invoke -- --warm-up-time 1 --measurement-time 3
//! python3 benches/table.py          # the BENCHMARKS.md table from target/criterion
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

mod support;

use support::{BoxError, Runner, HANDLERS};

/// Times each contender on one event in one criterion group.
struct Timing<'a, 'g> {
    group: &'a mut BenchmarkGroup<'g, WallTime>,
    rt: &'a tokio::runtime::Runtime,
    event: &'a [u8],
}

impl Runner for Timing<'_, '_> {
    fn contender<F>(&mut self, name: &'static str, invoke: F)
    where
        F: AsyncFn(&[u8]) -> Result<Vec<u8>, BoxError>,
    {
        let event = self.event;
        self.group.bench_function(name, |b| {
            b.to_async(self.rt).iter(|| invoke(black_box(event)));
        });
    }
}

fn invoke(c: &mut Criterion) {
    let rt = support::runtime();
    let events = support::events::bench_events();
    support::check_agreement(&rt, &events);
    for (file, parsed) in support::events::peer_parses() {
        if let Err(error) = parsed {
            eprintln!("aws_lambda_events rejects {file} (not benchmarked): {error}");
        }
    }

    for handler in HANDLERS {
        for event in &events {
            let response = handler
                .reference_response(&event.bytes)
                .expect("the peer serves every benchmark event");
            let mut group = c.benchmark_group(format!("{}/{}", handler.name(), event.name));
            group.throughput(Throughput::Bytes(event.bytes.len() as u64));
            let mut timing = Timing {
                group: &mut group,
                rt: &rt,
                event: &event.bytes,
            };
            handler.contenders(&mut timing, &response);
            group.finish();
        }
    }
}

criterion_group! {
    name = benches;
    // Short by default (the machine is shared); the command line overrides.
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = invoke
}
criterion_main!(benches);
