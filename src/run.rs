//! `run`: serving a [`Handler`] through `lambda_runtime`, or the local CLI.
//!
//! Inside Lambda the event body must reach [`HandlerFn::call`] untouched:
//! `lambda_runtime` 1.x deserialises the payload itself and, when that
//! fails, reports its own `errorType` with the offending value quoted in the
//! message (personal data), and its TRACE level logs the raw body. So a
//! layer in front of its service takes the raw body out of each invocation,
//! parks it under a numeric token and hands `lambda_runtime` that token as
//! the payload: a JSON number it cannot fail to parse and that says nothing
//! about the contact. The handler service takes the body back by its token
//! and runs the handler on the raw bytes; its [`InvokeError`] becomes
//! Lambda's `errorType` / `errorMessage`.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task;

use bytes::Bytes;
use connect_types::error::{ErrorType, InvokeError};
use lambda_runtime::layers::trace::request_span;
use lambda_runtime::tower::{Layer, Service};
use lambda_runtime::{Diagnostic, LambdaEvent, LambdaInvocation, Runtime};
use serde_json::value::RawValue;
use tracing::instrument::{Instrument, Instrumented};

use crate::handler::{CallFuture, Erased, Error, Handler, HandlerFn};

/// Where the Lambda Runtime API listens; set by Lambda (and by cargo-lambda).
pub(crate) const RUNTIME_API: &str = "AWS_LAMBDA_RUNTIME_API";
/// The function's name; set by Lambda.
pub(crate) const FUNCTION_NAME: &str = "AWS_LAMBDA_FUNCTION_NAME";
/// The function's version; set by Lambda.
pub(crate) const FUNCTION_VERSION: &str = "AWS_LAMBDA_FUNCTION_VERSION";
/// The function's memory in MB; set by Lambda.
pub(crate) const FUNCTION_MEMORY_SIZE: &str = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
/// How many invocations one process serves at once (Lambda Managed
/// Instances); unset means one at a time.
pub(crate) const MAX_CONCURRENCY: &str = "AWS_LAMBDA_MAX_CONCURRENCY";

/// Serves `handler`: through the Lambda Runtime API inside Lambda, as a small
/// CLI outside it.
///
/// **Inside Lambda** (`AWS_LAMBDA_RUNTIME_API` is set) it serves events
/// through `lambda_runtime` until the process ends: with the `concurrency`
/// feature, up to `AWS_LAMBDA_MAX_CONCURRENCY` events at once (Lambda Managed
/// Instances); without it, one at a time (a warning says so when the
/// variable asks for more). Each event's raw bytes go to the
/// handler unparsed; a bad event is answered with the handler's value-free
/// error (`MalformedEvent`, `InvalidEvent`, ...) and the next event is served.
/// No event payload is logged, at any level.
///
/// **Outside Lambda** the binary is a small CLI (see [`cli`](crate::cli)):
/// `--event FILE` (or `-` for stdin) invokes the handler once and prints the
/// response JSON, `--manifest` prints the manifest, `--help` explains. On
/// success `run` returns `Ok(())`; otherwise it flushes the output and exits
/// the process with the CLI's code (1 for a failed invocation, 2 for a bad
/// command line).
///
/// # Errors
///
/// Inside Lambda: a companion variable Lambda always sets
/// (`AWS_LAMBDA_FUNCTION_NAME`, `AWS_LAMBDA_FUNCTION_VERSION`,
/// `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`) missing or malformed, an
/// `AWS_LAMBDA_RUNTIME_API` that is not a host and port, an
/// `AWS_LAMBDA_MAX_CONCURRENCY` that is not an integer, no Tokio runtime
/// around the call, or the Runtime API failing. Each error names the
/// variable; none is a panic.
///
/// # Example
///
/// ```no_run
/// # use connect_lambda::{Context, HandlerFn, InvokeError, Manifest};
/// # struct Echo;
/// # impl HandlerFn for Echo {
/// #     async fn call(&self, body: &[u8], _: &Context) -> Result<Vec<u8>, InvokeError> {
/// #         Ok(body.to_vec())
/// #     }
/// #     fn manifest() -> Manifest {
/// #         serde_json::from_str(r#"{"manifestVersion": 1, "handler": "echo",
/// #             "responseValidation": "JSON"}"#).unwrap()
/// #     }
/// # }
/// // One invocation at a time: see the crate docs.
/// #[tokio::main(flavor = "current_thread")]
/// async fn main() -> Result<(), connect_lambda::Error> {
///     // With #[connect_handler]: connect_lambda::run(my_handler::handler()).await
///     connect_lambda::run(connect_lambda::Handler::new(Echo)).await
/// }
/// ```
pub async fn run<F: HandlerFn>(handler: Handler<F>) -> Result<(), Error> {
    run_erased(Arc::new(handler)).await
}

/// [`run`] for a handler behind `dyn Erased`.
///
/// Neither generic nor an `async fn` whose future other futures embed: the
/// handler is behind `dyn Erased`, and the future is boxed behind this one
/// call. rustc copies the body of every `async` block into each codegen unit
/// that polls or drops it; the runtime's futures are large (sizes in
/// BENCHMARKS.md, "Release size and build time"), and, embedded in `main`'s future
/// as they were, they were copied three times into every handler binary.
/// Behind a boxed `dyn Future` made here, they are compiled once, in this
/// crate, and so is the command line. The handler's own future is boxed per
/// invocation (see [`Erased`]).
#[inline(never)]
fn run_erased(handler: Arc<dyn Erased>) -> Pin<Box<dyn Future<Output = Result<(), Error>> + Send>> {
    Box::pin(async move {
        if std::env::var_os(RUNTIME_API).is_some() {
            return serve(handler).await;
        }
        let mut stdout = std::io::stdout();
        let mut stderr = std::io::stderr();
        // Collected first: `ArgsOs` is not `Send`, and `run`'s future must be.
        let args: Vec<_> = std::env::args_os().collect();
        let code =
            crate::cli::main_erased(&*handler, args, std::io::stdin(), &mut stdout, &mut stderr)
                .await;
        if code == 0 {
            return Ok(());
        }
        // `exit` runs no destructors: flush what the CLI wrote first.
        use std::io::Write as _;
        let _ = stdout.flush();
        let _ = stderr.flush();
        std::process::exit(code)
    })
}

/// Serves `handler` on the Lambda Runtime API until it fails.
async fn serve(handler: Arc<dyn Erased>) -> Result<(), Error> {
    let max_concurrency = check_environment()?;
    if tokio::runtime::Handle::try_current().is_err() {
        return Err(
            "connect_lambda::run must be called inside a Tokio runtime (use #[tokio::main(flavor = \"current_thread\")])".into(),
        );
    }

    let bodies = RawBodies::default();
    let service = AnswerService {
        handler,
        bodies: bodies.clone(),
    };
    // The raw-body layer (which also opens each invocation's tracing span)
    // wraps lambda_runtime's own services.
    let runtime = Runtime::new(service).layer(RawBodyLayer { bodies });
    #[cfg(feature = "concurrency")]
    {
        // lambda_runtime reads the variable itself, as check_environment does.
        if let Some(workers) = max_concurrency.filter(|&workers| workers > 1) {
            let api = std::env::var(RUNTIME_API).unwrap_or_default();
            crate::api_wait::wait_until_accepting(&api, workers).await;
        }
        runtime.run_concurrent().await
    }
    #[cfg(not(feature = "concurrency"))]
    {
        warn_if_concurrency_is_asked(max_concurrency);
        runtime.run().await
    }
}

/// Says on stderr (the function's log) how to serve concurrently when
/// Lambda asks for more than one invocation at a time and the `concurrency`
/// feature is off. lambda_runtime warns too, in its own terms.
#[cfg(not(feature = "concurrency"))]
fn warn_if_concurrency_is_asked(max_concurrency: Option<u32>) {
    if let Some(workers) = max_concurrency.filter(|&workers| workers > 1) {
        eprintln!(
            "connect-lambda: {MAX_CONCURRENCY} is {workers}, but connect-lambda was built without its \
             `concurrency` feature: serving one invocation at a time. To serve {workers} at once, \
             enable it: connect-lambda = {{ version = \"...\", features = [\"concurrency\"] }}"
        );
    }
}

/// The service `lambda_runtime` calls with each event's token: takes the
/// parked body back and runs the handler on it.
///
/// A named type whose future is the handler's boxed `dyn Future + Send`
/// rather than `service_fn` over a closure: there, rustc cannot prove
/// `run`'s future `Send` for a concrete handler ("implementation of `Send`
/// is not general enough", its limit with borrows held across an await);
/// behind `dyn`, the futures of the runtime that hold it are `Send`, and
/// `run` can be spawned.
#[derive(Clone)]
struct AnswerService {
    handler: Arc<dyn Erased>,
    bodies: RawBodies,
}

impl Service<LambdaEvent<u64>> for AnswerService {
    type Response = Box<RawValue>;
    type Error = Diagnostic;
    type Future = AnswerFuture;

    fn poll_ready(&mut self, _: &mut task::Context<'_>) -> task::Poll<Result<(), Diagnostic>> {
        task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, event: LambdaEvent<u64>) -> AnswerFuture {
        let LambdaEvent {
            payload: token,
            context,
        } = event;
        AnswerFuture {
            call: self
                .bodies
                .take(token)
                .map(|body| self.handler.call_owned(body, Some(context))),
        }
    }
}

/// One invocation's answer: the handler's future, its response checked as
/// JSON and its error turned into Lambda's.
///
/// Not generic, and no second box: the handler's future is the one
/// [`Erased::call_owned`] made.
struct AnswerFuture {
    /// `None` when the body was not parked under the event's token.
    call: Option<CallFuture>,
}

impl Future for AnswerFuture {
    type Output = Result<Box<RawValue>, Diagnostic>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut task::Context<'_>) -> task::Poll<Self::Output> {
        let Some(call) = self.call.as_mut() else {
            return task::Poll::Ready(Err(Diagnostic {
                error_type: "Runtime.InternalError".to_owned(),
                error_message: "connect-lambda lost the event body before the handler ran"
                    .to_owned(),
            }));
        };
        call.as_mut().poll(cx).map(|response| {
            response
                .and_then(raw_response)
                .map_err(|error| diagnostic(&error))
        })
    }
}

/// Lambda's `errorType` / `errorMessage` for an invocation error.
fn diagnostic(error: &InvokeError) -> Diagnostic {
    Diagnostic {
        error_type: error.error_type().to_owned(),
        error_message: error.message().to_owned(),
    }
}

/// The handler's response bytes as a value `lambda_runtime` writes out
/// verbatim (a `RawValue` is serialised as its text: no re-encoding).
///
/// Checked by `serde_json::from_slice`, whose parser over a byte slice is
/// the one that reads events (`RawValue::from_string` would compile in a
/// second parser, over `str`, for this one check).
fn raw_response(bytes: Vec<u8>) -> Result<Box<RawValue>, InvokeError> {
    serde_json::from_slice(&bytes).map_err(|_| {
        InvokeError::new(
            ErrorType::InvalidResponse,
            "the handler's response is not a JSON document",
        )
    })
}

/// Raw event bodies waiting for their handler, by token.
///
/// Shared by the layer (which parks each body) and the handler service
/// (which takes it back); a token is never reused.
#[derive(Clone, Default)]
struct RawBodies(Arc<Mutex<Parked>>);

/// The parked bodies and the next token.
///
/// A `Vec` searched linearly rather than a `HashMap`: it holds one body per
/// invocation in flight (one, or `AWS_LAMBDA_MAX_CONCURRENCY`), and it spares
/// each binary a hash table and its hasher (BENCHMARKS.md, "Release size
/// and build time").
#[derive(Default)]
struct Parked {
    next_token: u64,
    bodies: Vec<(u64, Bytes)>,
}

impl RawBodies {
    fn park(&self, body: Bytes) -> u64 {
        let mut parked = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let token = parked.next_token;
        parked.next_token = parked.next_token.wrapping_add(1);
        parked.bodies.push((token, body));
        token
    }

    fn take(&self, token: u64) -> Option<Bytes> {
        let mut parked = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let index = parked.bodies.iter().position(|(t, _)| *t == token)?;
        Some(parked.bodies.swap_remove(index).1)
    }
}

/// Drops a parked body whose handler never ran (lambda_runtime answered the
/// invocation itself), so nothing piles up.
struct ParkedBody {
    bodies: RawBodies,
    token: u64,
}

impl Drop for ParkedBody {
    fn drop(&mut self) {
        self.bodies.take(self.token);
    }
}

/// The layer that takes each invocation's raw body out of
/// `lambda_runtime`'s hands.
struct RawBodyLayer {
    bodies: RawBodies,
}

impl<S> Layer<S> for RawBodyLayer {
    type Service = RawBodyService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RawBodyService {
            inner,
            bodies: self.bodies.clone(),
        }
    }
}

/// [`RawBodyLayer`]'s service: parks the body, passes its token on, and runs
/// the inner services inside the invocation's tracing span.
///
/// The span is `lambda_runtime`'s own (`request_span`: the request id, and
/// the X-Ray trace id and tenant id when set), opened here rather than by a
/// `TracingLayer` of its own: one generic layer fewer around the runtime's
/// services, whose type every function of the runtime's loops (and every
/// symbol name) carries.
#[derive(Clone)]
struct RawBodyService<S> {
    inner: S,
    bodies: RawBodies,
}

impl<S> Service<LambdaInvocation> for RawBodyService<S>
where
    S: Service<LambdaInvocation, Response = (), Error = Error>,
{
    type Response = ();
    type Error = Error;
    type Future = RawBodyFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut task::Context<'_>) -> task::Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, invocation: LambdaInvocation) -> Self::Future {
        let LambdaInvocation {
            parts,
            body,
            context,
        } = invocation;
        let span = request_span(&context);
        let token = self.bodies.park(body);
        let parked = ParkedBody {
            bodies: self.bodies.clone(),
            token,
        };
        let future = {
            // Entered while the inner services are called, as
            // `TracingLayer` does, so that their spans are its children.
            let _entered = span.enter();
            self.inner.call(LambdaInvocation {
                parts,
                body: Bytes::from(token.to_string()),
                context,
            })
        };
        RawBodyFuture {
            future: Box::pin(future).instrument(span),
            _parked: parked,
        }
    }
}

/// The inner service's future, holding the parked body's guard until it
/// completes or is dropped.
///
/// A named type rather than a boxed `async` block: its `Send` follows from
/// its fields, so `run`'s future stays provably `Send`.
struct RawBodyFuture<F> {
    future: Instrumented<Pin<Box<F>>>,
    _parked: ParkedBody,
}

impl<F: Future> Future for RawBodyFuture<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut task::Context<'_>) -> task::Poll<F::Output> {
        Pin::new(&mut self.future).poll(cx)
    }
}

/// A Lambda environment variable that is missing or malformed.
struct EnvironmentError {
    variable: &'static str,
    problem: Problem,
}

#[derive(Debug)]
enum Problem {
    Missing,
    NotUnicode,
    Invalid(&'static str),
}

impl fmt::Display for EnvironmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let variable = self.variable;
        match self.problem {
            Problem::Missing => write!(
                f,
                "{variable} is not set: {RUNTIME_API} is set, so this process serves the Lambda \
                 Runtime API, and Lambda always sets {FUNCTION_NAME}, {FUNCTION_VERSION} and \
                 {FUNCTION_MEMORY_SIZE} too; set {variable} (as a local Lambda emulator does), \
                 or unset {RUNTIME_API} to use the command line (--event FILE, --manifest, --help)"
            ),
            Problem::NotUnicode => write!(f, "{variable} is not valid UTF-8"),
            Problem::Invalid(expected) => write!(f, "{variable} is not {expected}"),
        }
    }
}

/// The message itself: `main() -> Result<(), connect_lambda::Error>`
/// prints an error's `Debug`.
impl fmt::Debug for EnvironmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for EnvironmentError {}

/// Checks the variables `lambda_runtime` reads with `expect`, so that a
/// missing one is an error naming it rather than its panic; returns
/// `AWS_LAMBDA_MAX_CONCURRENCY` (`None` when unset).
fn check_environment() -> Result<Option<u32>, EnvironmentError> {
    let api = required(RUNTIME_API)?;
    let uri: Result<http::Uri, _> = api.try_into();
    if !uri.is_ok_and(|uri| uri.authority().is_some()) {
        return Err(EnvironmentError {
            variable: RUNTIME_API,
            problem: Problem::Invalid("a host and port (such as 127.0.0.1:9001)"),
        });
    }
    required(FUNCTION_NAME)?;
    required(FUNCTION_VERSION)?;
    if required(FUNCTION_MEMORY_SIZE)?.parse::<i32>().is_err() {
        return Err(EnvironmentError {
            variable: FUNCTION_MEMORY_SIZE,
            problem: Problem::Invalid("an integer (the function's memory in MB)"),
        });
    }
    max_concurrency()
}

/// `AWS_LAMBDA_MAX_CONCURRENCY` read exactly as lambda_runtime reads it
/// (`str::parse::<u32>` of the whole value, above 0): `None` when unset,
/// and an error for a value it would ignore (` 4`, `0`, `four`), which
/// would silently serve one invocation at a time.
fn max_concurrency() -> Result<Option<u32>, EnvironmentError> {
    let ignored = EnvironmentError {
        variable: MAX_CONCURRENCY,
        problem: Problem::Invalid(
            "a whole number of concurrent invocations above 0, written as digits alone: \
             lambda_runtime would ignore this value and serve one invocation at a time; \
             set it to a number such as 4, or unset it",
        ),
    };
    match std::env::var(MAX_CONCURRENCY) {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Ok(value) => match value.parse::<u32>() {
            Ok(workers) if workers > 0 => Ok(Some(workers)),
            _ => Err(ignored),
        },
        Err(std::env::VarError::NotUnicode(_)) => Err(ignored),
    }
}

fn required(variable: &'static str) -> Result<String, EnvironmentError> {
    std::env::var(variable).map_err(|error| EnvironmentError {
        variable,
        problem: match error {
            std::env::VarError::NotPresent => Problem::Missing,
            std::env::VarError::NotUnicode(_) => Problem::NotUnicode,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_goes_out_as_its_own_text() {
        let raw = raw_response(br#"{"a":"1","b":{"c":[1,2]}}"#.to_vec()).unwrap();
        assert_eq!(raw.get(), r#"{"a":"1","b":{"c":[1,2]}}"#);
        assert_eq!(
            serde_json::to_vec(&raw).unwrap(),
            br#"{"a":"1","b":{"c":[1,2]}}"#
        );
    }

    #[test]
    fn a_response_that_is_not_json_is_an_invalid_response() {
        for bytes in [
            &b"{\"a\":"[..],
            b"",
            b"\xff\xfe",
            b"{} {}",
            b"\"\xff\"",
            b"{\"\xc3\":1}",
        ] {
            let error = raw_response(bytes.to_vec()).unwrap_err();
            assert_eq!(error.kind(), ErrorType::InvalidResponse);
        }
    }

    #[test]
    fn parked_bodies_come_back_once_by_token() {
        let bodies = RawBodies::default();
        let first = bodies.park(Bytes::from_static(b"one"));
        let second = bodies.park(Bytes::from_static(b"two"));
        assert_ne!(first, second);
        assert_eq!(bodies.take(second).as_deref(), Some(&b"two"[..]));
        assert_eq!(bodies.take(second), None);
        drop(ParkedBody {
            bodies: bodies.clone(),
            token: first,
        });
        assert_eq!(bodies.take(first), None);
    }

    #[test]
    fn an_invoke_error_becomes_lambdas_error_type_and_message() {
        let error = InvokeError::new(
            ErrorType::InvalidEvent,
            "Details.Parameters.age: expected u32",
        );
        let diagnostic = diagnostic(&error);
        assert_eq!(diagnostic.error_type, "InvalidEvent");
        assert_eq!(
            diagnostic.error_message,
            "Details.Parameters.age: expected u32"
        );
    }
}
