//! An in-process Lambda Runtime API on loopback, for end-to-end tests of
//! `connect_lambda::run` through the real `lambda_runtime` client.
//!
//! It serves a fixed queue of events on
//! `GET /2018-06-01/runtime/invocation/next` (with the request id, deadline
//! and function ARN headers Lambda sends) and records what the runtime posts
//! to `.../invocation/{id}/response` and `.../invocation/{id}/error`.
//! Bounded: once the queue is empty, `/next` waits without answering, as
//! Lambda does between events; everything stops when the value is dropped,
//! or after five minutes at most.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::{JoinHandle, JoinSet};

/// The function ARN sent with every event.
pub const FUNCTION_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:connect-test";
/// How long an event's deadline lies ahead (Connect waits at most 8 s).
pub const DEADLINE: Duration = Duration::from_secs(8);
/// The longest a server runs, should a test leak it.
const LIFETIME: Duration = Duration::from_secs(300);
/// The largest body the server accepts from the runtime (Lambda's 6 MB).
const MAX_BODY: usize = 6 * 1024 * 1024;
const PREFIX: &str = "/2018-06-01/runtime/invocation/";

/// What the runtime answered for one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The request id the event was served with (`request-<index>`).
    pub request_id: String,
    /// `true` for `/response`, `false` for `/error`.
    pub success: bool,
    /// The posted body: the response document, or Lambda's
    /// `{"errorType": ..., "errorMessage": ...}`.
    pub body: Vec<u8>,
    /// The `Lambda-Runtime-Function-Error-Type` header of an error post.
    pub error_type_header: Option<String>,
}

impl Outcome {
    /// The posted body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "{} posted a body that is not JSON ({error}): {:?}",
                self.request_id,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// `errorType` of an error post.
    pub fn error_type(&self) -> Option<String> {
        self.error_field("errorType")
    }

    /// `errorMessage` of an error post.
    pub fn error_message(&self) -> Option<String> {
        self.error_field("errorMessage")
    }

    /// Asserts an unhandled error post with `error_type` whose message
    /// contains `message` and none of `secrets` (values planted in the event).
    #[track_caller]
    pub fn assert_value_free_error(&self, error_type: &str, message: &str, secrets: &[&str]) {
        let body = String::from_utf8_lossy(&self.body);
        assert!(!self.success, "{} succeeded: {body}", self.request_id);
        assert_eq!(
            self.error_type().as_deref(),
            Some(error_type),
            "{}: {body}",
            self.request_id
        );
        assert_eq!(self.error_type_header.as_deref(), Some("unhandled"));
        let actual = self.error_message().expect("an errorMessage");
        assert!(
            actual.contains(message),
            "{}: {actual:?} should contain {message:?}",
            self.request_id
        );
        for secret in secrets {
            assert!(
                !actual.contains(secret),
                "{}: {actual:?} echoes {secret:?}",
                self.request_id
            );
        }
    }

    fn error_field(&self, field: &str) -> Option<String> {
        if self.success {
            return None;
        }
        self.json()
            .get(field)
            .and_then(|value| value.as_str())
            .map(str::to_owned)
    }
}

#[derive(Default)]
struct State {
    /// Events not served yet, with their index.
    queue: Mutex<VecDeque<(usize, Vec<u8>)>>,
    /// One slot per event, filled by its `/response` or `/error`.
    outcomes: Mutex<Vec<Option<Outcome>>>,
    /// Requests that are not part of the Runtime API, and posts for unknown
    /// or already answered request ids.
    unexpected: Mutex<Vec<String>>,
    /// How many times `/next` was called.
    next_calls: Mutex<usize>,
    /// How far ahead of `/next`'s answer each event's deadline lies.
    deadline: Duration,
    /// Woken at every recorded post.
    recorded: Notify,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A running Runtime API; stops when dropped.
pub struct RuntimeApi {
    addr: SocketAddr,
    state: Arc<State>,
    server: JoinHandle<()>,
}

impl RuntimeApi {
    /// Starts a server on 127.0.0.1 (an ephemeral port) that serves `events`
    /// in order, as `request-0`, `request-1`, ...
    pub async fn start<E: Into<Vec<u8>>>(events: impl IntoIterator<Item = E>) -> RuntimeApi {
        RuntimeApi::start_with("127.0.0.1:0", DEADLINE, events).await
    }

    /// [`start`](RuntimeApi::start) on `addr` (a loopback address and
    /// port), sending each event with a deadline `deadline` after it is
    /// served.
    pub async fn start_with<E: Into<Vec<u8>>>(
        addr: &str,
        deadline: Duration,
        events: impl IntoIterator<Item = E>,
    ) -> RuntimeApi {
        let queue: VecDeque<_> = events.into_iter().map(Into::into).enumerate().collect();
        let state = Arc::new(State {
            outcomes: Mutex::new(vec![None; queue.len()]),
            queue: Mutex::new(queue),
            deadline,
            ..State::default()
        });
        let listener = TcpListener::bind(addr).await.expect("bind a loopback port");
        let addr = listener.local_addr().expect("the bound address");
        let server = tokio::spawn({
            let state = Arc::clone(&state);
            async move {
                let _ = tokio::time::timeout(LIFETIME, serve(listener, state)).await;
            }
        });
        RuntimeApi {
            addr,
            state,
            server,
        }
    }

    /// The value for `AWS_LAMBDA_RUNTIME_API`: `127.0.0.1:<port>`.
    pub fn endpoint(&self) -> String {
        self.addr.to_string()
    }

    /// Waits until every event has been answered, then returns the outcomes
    /// in the order of the events. Fails after `timeout` with what arrived.
    pub async fn outcomes(&self, timeout: Duration) -> Result<Vec<Outcome>, String> {
        let wait = async {
            loop {
                let recorded = self.state.recorded.notified();
                tokio::pin!(recorded);
                recorded.as_mut().enable();
                if let Some(all) = self.complete() {
                    return all;
                }
                recorded.await;
            }
        };
        tokio::time::timeout(timeout, wait).await.map_err(|_| {
            format!(
                "not every event was answered within {timeout:?}: {:?}; unexpected requests: {:?}",
                lock(&self.state.outcomes),
                self.unexpected()
            )
        })
    }

    fn complete(&self) -> Option<Vec<Outcome>> {
        lock(&self.state.outcomes).iter().cloned().collect()
    }

    /// Requests outside the Runtime API, or posts for unknown or already
    /// answered request ids.
    pub fn unexpected(&self) -> Vec<String> {
        lock(&self.state.unexpected).clone()
    }

    /// How many times the runtime asked for the next event.
    pub fn next_calls(&self) -> usize {
        *lock(&self.state.next_calls)
    }

    /// Waits until the runtime has asked for the next event `calls` times
    /// (the runtime is alive and polling); fails after `timeout`.
    pub async fn wait_for_next_calls(&self, calls: usize, timeout: Duration) -> Result<(), String> {
        let deadline = tokio::time::Instant::now() + timeout;
        while self.next_calls() < calls {
            if tokio::time::Instant::now() >= deadline {
                return Err(format!(
                    "the runtime asked for the next event {} times, not {calls}",
                    self.next_calls()
                ));
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        Ok(())
    }
}

impl Drop for RuntimeApi {
    fn drop(&mut self) {
        // Aborting the accept loop drops its JoinSet, which aborts every
        // connection it serves.
        self.server.abort();
    }
}

async fn serve(listener: TcpListener, state: Arc<State>) {
    let mut connections = JoinSet::new();
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let state = Arc::clone(&state);
        connections.spawn(async move {
            let service = service_fn(move |request| {
                let state = Arc::clone(&state);
                async move { Ok::<_, Infallible>(route(&state, request).await) }
            });
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
        // Reap finished connections so the set stays small.
        while connections.try_join_next().is_some() {}
    }
}

async fn route(state: &State, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    let Some(rest) = path.strip_prefix(PREFIX) else {
        return unexpected(state, &method, &path);
    };
    if method == Method::GET && rest == "next" {
        return next(state).await;
    }
    let (request_id, success) = match rest.rsplit_once('/') {
        Some((id, "response")) if method == Method::POST => (id.to_owned(), true),
        Some((id, "error")) if method == Method::POST => (id.to_owned(), false),
        _ => return unexpected(state, &method, &path),
    };
    let error_type_header = request
        .headers()
        .get("lambda-runtime-function-error-type")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let body = match Limited::new(request.into_body(), MAX_BODY).collect().await {
        Ok(body) => body.to_bytes().to_vec(),
        Err(_) => return status(StatusCode::PAYLOAD_TOO_LARGE),
    };
    let index = request_id
        .strip_prefix("request-")
        .and_then(|index| index.parse::<usize>().ok());
    {
        let mut outcomes = lock(&state.outcomes);
        match index.and_then(|index| outcomes.get_mut(index)) {
            Some(slot @ None) => {
                *slot = Some(Outcome {
                    request_id,
                    success,
                    body,
                    error_type_header,
                })
            }
            _ => {
                drop(outcomes);
                return unexpected(state, &method, &path);
            }
        }
    }
    state.recorded.notify_waiters();
    status(StatusCode::ACCEPTED)
}

async fn next(state: &State) -> Response<Full<Bytes>> {
    *lock(&state.next_calls) += 1;
    let event = lock(&state.queue).pop_front();
    let Some((index, body)) = event else {
        // No more events: hold the request, as Lambda does until the next
        // event, until the server is dropped.
        return std::future::pending().await;
    };
    let deadline = (SystemTime::now() + state.deadline)
        .duration_since(UNIX_EPOCH)
        .expect("a time after the epoch")
        .as_millis();
    Response::builder()
        .status(StatusCode::OK)
        .header("content-type", "application/json")
        .header("lambda-runtime-aws-request-id", format!("request-{index}"))
        .header("lambda-runtime-deadline-ms", deadline.to_string())
        .header("lambda-runtime-invoked-function-arn", FUNCTION_ARN)
        .body(Full::new(Bytes::from(body)))
        .expect("a valid response")
}

fn unexpected(state: &State, method: &Method, path: &str) -> Response<Full<Bytes>> {
    lock(&state.unexpected).push(format!("{method} {path}"));
    state.recorded.notify_waiters();
    status(StatusCode::NOT_FOUND)
}

fn status(status: StatusCode) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    response
}
