//! Simulated contacts per second through the examples' flow
//! (`flows/customer-service.json`) with the example handlers called in
//! process (tests/it/in_process.rs): the issue 21 target is at least
//! 10,000 a second.
//!
//! ```sh
//! cargo bench -p connect-lambda-examples --bench simulate
//! ```
//!
//! A plain timing loop, no criterion: each path is run for a fixed number
//! of contacts, five times, and the median round is reported, with the
//! contact's blocks and Lambda calls so the figure can be read per block.
//! Beside wall-clock time, the rate per second of the process's own CPU
//! time (Linux: utime + stime from /proc/self/stat, in USER_HZ = 100 ticks)
//! is printed: on a machine shared with other jobs it is the steadier
//! figure. A last row runs the first path with mocks giving the handlers'
//! answers, which splits the simulator's own cost from the handlers'.
//! Figures go to BENCHMARKS.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use connect_flow::simulate::{Caller, Contact, Environment, Mock, Outcome, Simulator};
use serde_json::json;

// Shared with the tests; under `cargo clippy --all-targets` the bench is
// built with cfg(test) but no harness, so the examples' unit-test imports
// go unused here.
#[allow(dead_code, unused_imports)]
#[path = "../tests/it/in_process.rs"]
mod in_process;

const CONTACTS: u32 = 50_000;
const ROUNDS: usize = 5;

/// The process's CPU time so far, in seconds (Linux only).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces, so split after
    // its closing parenthesis): utime and stime are the 12th and 13th.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Runs `CONTACTS` contacts `ROUNDS` times; prints the median round.
fn measure(name: &str, simulator: &Simulator, contact: &Contact, caller: &Caller) {
    let env = Environment::new();
    let sample = simulator.run(contact, caller, &env);
    assert_eq!(sample.outcome(), &Outcome::Disconnected, "{name}");
    let mut rounds: Vec<(Duration, Option<f64>)> = (0..ROUNDS)
        .map(|_| {
            let cpu = cpu_seconds();
            let start = Instant::now();
            for _ in 0..CONTACTS {
                black_box(simulator.run(black_box(contact), caller, &env));
            }
            let wall = start.elapsed();
            (wall, cpu.zip(cpu_seconds()).map(|(a, b)| b - a))
        })
        .collect();
    rounds.sort_by_key(|(wall, _)| *wall);
    let (wall, cpu) = rounds[ROUNDS / 2];
    let cpu_rate = cpu
        .filter(|s| *s > 0.0)
        .map(|s| format!("{:>7.0} per CPU-second", f64::from(CONTACTS) / s))
        .unwrap_or_default();
    println!(
        "{name:<40} {:>7.0} contacts/s {:>6.1} us/contact  {cpu_rate}  ({} blocks, {} Lambda calls)",
        f64::from(CONTACTS) / wall.as_secs_f64(),
        wall.as_secs_f64() * 1e6 / f64::from(CONTACTS),
        sample.steps.len(),
        sample.lambda_calls.len()
    );
}

fn main() {
    let simulator = in_process::simulator();
    let first = Contact::voice("+15550100").data("$.Customer.FirstName", "Jane");
    let returning = first.clone().attribute("greetingPlayed", "true");
    println!("{CONTACTS} contacts per round, median of {ROUNDS} rounds");
    measure(
        "first call, age entered",
        &simulator,
        &first,
        &Caller::new().dtmf("42#"),
    );
    measure(
        "returning caller, age entered",
        &simulator,
        &returning,
        &Caller::new().dtmf("9#"),
    );
    measure(
        "no age: CallerProfile fails",
        &simulator,
        &first,
        &Caller::new(),
    );
    // The same first call with the handlers' answers as mocks.
    let mut mocked = in_process::simulator();
    mocked
        .lambda(
            "GreetingRouter",
            Mock::new(&json!({"greeting": "Hello, thank you for calling.", "nextStep": "greet"})),
        )
        .lambda(
            "MyFirstConnectLambda",
            Mock::new(&json!({"customerBalance": "1.00",
                              "websiteUrl": "https://www.example corp.example.com"})),
        )
        .lambda(
            "CallerProfile",
            Mock::new(
                &json!({"Profile": {"DisplayName": "Jane", "AgeGroup": "adult",
                                          "InSchool": false}, "HobbyCount": 0, "Books": []}),
            ),
        );
    measure(
        "first call, mocks instead of handlers",
        &mocked,
        &first,
        &Caller::new().dtmf("42#"),
    );
}
