//! A Lambda Runtime API on loopback that measures the process serving it.
//!
//! `process-driver BINARY EVENT INVOCATIONS WARMUP` spawns BINARY with the
//! variables Lambda sets, serves it EVENT WARMUP + INVOCATIONS times over
//! real HTTP/1.1 (TCP_NODELAY on every connection: without it, delayed ACK
//! stalls each exchange by 40 ms), then kills it and prints one JSON line:
//!
//! - `cold_start_ms`: from just before the spawn to the first
//!   `GET /invocation/next` the driver reads;
//! - `cpu_us`: the child's utime + stime (from /proc/PID/stat, all its
//!   threads) spent over the INVOCATIONS after the warm-up, per invocation;
//! - `sched_us`: the same from the scheduler's nanosecond on-CPU time
//!   (/proc/PID/task/*/schedstat), a finer cross-check;
//! - `peak_rss_kb`: VmHWM at the end;
//! - `response`: the response body (every one must be the same).
//!
//! The CPU is read while the child waits for the driver's reply to its
//! response post, so each reading covers whole invocations.

use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

#[path = "../http.rs"]
mod http;

const NEXT: &str = "/2018-06-01/runtime/invocation/next";

#[derive(Default)]
struct State {
    pid: u32,
    served: u64,
    answered: u64,
    first_next: Option<Instant>,
    cpu_at_warmup: Option<(u64, u64)>,
    cpu_at_end: Option<(u64, u64)>,
    peak_rss_kb: u64,
    response: Option<Vec<u8>>,
    failure: Option<String>,
}

struct Session {
    state: Mutex<State>,
    changed: Condvar,
    event: Vec<u8>,
    warmup: u64,
    total: u64,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, binary, event, invocations, warmup] = &args[..] else {
        eprintln!("usage: process-driver BINARY EVENT INVOCATIONS WARMUP");
        std::process::exit(2);
    };
    let event = std::fs::read(event).expect("the event file reads");
    let invocations: u64 = invocations.parse().expect("INVOCATIONS is a number");
    let warmup: u64 = warmup.parse().expect("WARMUP is a number");
    assert!(
        warmup > 0,
        "WARMUP must be at least 1: the CPU is read after it"
    );
    let session = Arc::new(Session {
        state: Mutex::new(State::default()),
        changed: Condvar::new(),
        event,
        warmup,
        total: warmup + invocations,
    });

    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let address = listener.local_addr().unwrap();
    {
        let session = Arc::clone(&session);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let session = Arc::clone(&session);
                std::thread::spawn(move || serve_connection(stream, &session));
            }
        });
    }

    let spawned = Instant::now();
    let mut child = spawn(binary, &address.to_string());
    session.state.lock().unwrap().pid = child.id();
    let state = {
        let state = session.state.lock().unwrap();
        let (state, timeout) = session
            .changed
            .wait_timeout_while(state, Duration::from_secs(600), |state| {
                state.failure.is_none() && state.cpu_at_end.is_none()
            })
            .unwrap();
        if timeout.timed_out() {
            finish(&mut child);
            panic!("the session did not end within 600 s");
        }
        (
            state.first_next,
            state.cpu_at_warmup,
            state.cpu_at_end,
            state.peak_rss_kb,
            state.response.clone(),
            state.failure.clone(),
        )
    };
    finish(&mut child);
    let (first_next, Some(start), Some(end), peak_rss_kb, Some(response), None) = state else {
        panic!("the session failed: {:?}", state.5);
    };
    let ticks_per_second = 100.0; // USER_HZ on Linux
    let cpu_us = (end.0 - start.0) as f64 / ticks_per_second * 1e6 / invocations as f64;
    let sched_us = (end.1 - start.1) as f64 / 1e3 / invocations as f64;
    let cold_start_ms = (first_next.unwrap() - spawned).as_secs_f64() * 1e3;
    println!(
        "{{\"cold_start_ms\": {cold_start_ms:.3}, \"cpu_us\": {cpu_us:.2}, \"sched_us\": {sched_us:.2}, \
         \"peak_rss_kb\": {peak_rss_kb}, \"response\": {}}}",
        serde_json::to_string(&String::from_utf8_lossy(&response)).unwrap()
    );
}

fn spawn(binary: &str, api: &str) -> Child {
    Command::new(binary)
        .env_clear()
        .env("AWS_LAMBDA_RUNTIME_API", api)
        .env("AWS_LAMBDA_FUNCTION_NAME", "process-bench")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the binary starts")
}

/// Lets the child end by itself (the driver closes its connection on the
/// next `GET /next`, so a tool wrapped around it, strace or valgrind, can
/// write its report), and kills it after two seconds.
fn finish(child: &mut Child) {
    let waited = Instant::now();
    while waited.elapsed() < Duration::from_secs(2) {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn serve_connection(stream: TcpStream, session: &Session) {
    stream.set_nodelay(true).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    while let Ok(Some((head, body))) = http::read_message(&mut reader) {
        let path = head.first_line.split(' ').nth(1).unwrap_or("").to_owned();
        let reply = if path == NEXT {
            match next_event(session) {
                Some(reply) => reply,
                // The session is over: the connection closes.
                None => return,
            }
        } else if path.ends_with("/response") {
            answered(session, body);
            reply(202, b"{\"status\":\"OK\"}", &[])
        } else {
            let mut state = session.state.lock().unwrap();
            state.failure = Some(format!("{path}: {}", String::from_utf8_lossy(&body)));
            session.changed.notify_all();
            return;
        };
        if writer.write_all(&reply).is_err() {
            return;
        }
    }
}

fn next_event(session: &Session) -> Option<Vec<u8>> {
    let mut state = session.state.lock().unwrap();
    if state.first_next.is_none() {
        state.first_next = Some(Instant::now());
    }
    if state.served == session.total {
        return None;
    }
    state.served += 1;
    let id = format!("request-{}", state.served);
    let deadline = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis()
        + 8000;
    Some(reply(
        200,
        &session.event,
        &[
            ("Lambda-Runtime-Aws-Request-Id", id.as_str()),
            ("Lambda-Runtime-Deadline-Ms", &deadline.to_string()),
            (
                "Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:process-bench",
            ),
        ],
    ))
}

fn answered(session: &Session, body: Vec<u8>) {
    let mut state = session.state.lock().unwrap();
    state.answered += 1;
    match &state.response {
        None => state.response = Some(body),
        Some(first) if *first != body => {
            state.failure = Some("two invocations of one event answered differently".to_owned());
            session.changed.notify_all();
        }
        Some(_) => {}
    }
    if state.answered == session.warmup {
        state.cpu_at_warmup = Some(cpu(state.pid));
    }
    if state.answered == session.total {
        state.cpu_at_end = Some(cpu(state.pid));
        state.peak_rss_kb = peak_rss_kb(state.pid);
        session.changed.notify_all();
    }
}

fn reply(status: u16, body: &[u8], headers: &[(&str, &str)]) -> Vec<u8> {
    let mut message = format!("HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n");
    for (name, value) in headers {
        message.push_str(&format!("{name}: {value}\r\n"));
    }
    message.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut message = message.into_bytes();
    message.extend_from_slice(body);
    message
}

/// The child's utime + stime in clock ticks, and its threads' on-CPU time
/// in nanoseconds.
fn cpu(pid: u32) -> (u64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command name, which is in parentheses: utime
    // and stime are the 14th and 15th of the line.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    let ticks = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    let mut nanos = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .flatten()
    {
        if let Ok(schedstat) = std::fs::read_to_string(task.path().join("schedstat")) {
            nanos += schedstat
                .split(' ')
                .next()
                .and_then(|ns| ns.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    (ticks, nanos)
}

fn peak_rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}
