//! The handler value `run` serves: [`HandlerFn`] (what `#[connect_handler]`
//! generates) wrapped in a cheap, shareable [`Handler`].

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use bytes::Bytes;
use connect_types::error::{ErrorType, InvokeError};
use connect_types::event::ContactFlowEvent;
use connect_types::manifest::Manifest;
use lambda_runtime::Context;

use crate::deadline::Guarded;

/// The error a handler returns: a boxed error, like `lambda_runtime::Error`,
/// that `?` converts any [`std::error::Error`] into.
///
/// A handler's own error reaches Lambda as `HandlerError` with its `Display`
/// text.
///
/// ```
/// fn parse(text: &str) -> Result<u32, connect_lambda::Error> {
///     Ok(text.parse::<u32>()?)
/// }
/// assert!(parse("12").is_ok());
/// assert!(parse("twelve").is_err());
/// ```
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// The whole per-invocation path of one handler: event bytes in, response
/// bytes out.
///
/// `#[connect_handler]` implements it on a type of its own; `run` and
/// [`Handler::invoke`] call it. Implementing it by hand is possible (the
/// runtime's own tests do), but the generated implementation is what gives
/// the value-free errors and the fast extraction.
///
/// `call` must not panic on any input: bad input is an [`InvokeError`]
/// (`MalformedEvent` for bytes that are not JSON, `InvalidEvent` for JSON of
/// the wrong shape), and its message never contains a value from the event.
///
/// An implementation may be an `async fn`, as long as its future is `Send`:
///
/// ```
/// use connect_lambda::{Context, ErrorType, HandlerFn, InvokeError, Manifest};
///
/// /// Answers every event with the same flat object.
/// struct Fixed;
///
/// impl HandlerFn for Fixed {
///     async fn call(&self, body: &[u8], _context: &Context) -> Result<Vec<u8>, InvokeError> {
///         if body.is_empty() {
///             return Err(InvokeError::new(ErrorType::MalformedEvent, "the event is empty"));
///         }
///         Ok(br#"{"status":"ok"}"#.to_vec())
///     }
///
///     fn manifest() -> Manifest {
///         serde_json::from_str(r#"{"manifestVersion": 1, "handler": "fixed",
///             "responseValidation": "STRING_MAP"}"#).expect("a valid manifest")
///     }
/// }
/// # let _ = Fixed;
/// ```
pub trait HandlerFn: Send + Sync + 'static {
    /// Runs one invocation on the raw event `body`: extracts the arguments,
    /// calls the function, validates and serialises its response.
    fn call<'a>(
        &'a self,
        body: &'a [u8],
        context: &'a Context,
    ) -> impl Future<Output = Result<Vec<u8>, InvokeError>> + Send + 'a;

    /// The handler's manifest: the keys it reads and returns.
    fn manifest() -> Manifest;
}

/// A handler ready to serve: what `name::handler()` returns and
/// [`run`](crate::run()) takes.
///
/// Cloning is cheap (an [`Arc`] inside) and the clones share the handler and
/// its state, so it fits `lambda_runtime`'s concurrent mode.
///
/// [`invoke`](Handler::invoke) runs the whole path without Lambda, for tests
/// and benchmarks.
///
/// ```
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
/// use connect_lambda::Handler;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let handler = Handler::new(Echo);
/// let response = handler.invoke(br#"{"greeting":"hello"}"#).await.unwrap();
/// assert_eq!(response, br#"{"greeting":"hello"}"#);
/// assert_eq!(handler.manifest().handler, "echo");
/// # }
/// ```
pub struct Handler<F: HandlerFn> {
    inner: Arc<Inner<F>>,
}

struct Inner<F> {
    function: F,
    /// The context [`Handler::invoke`] passes outside Lambda, built once.
    local_context: Context,
}

/// The request id of the placeholder context used outside Lambda.
pub(crate) const LOCAL_REQUEST_ID: &str = "local-invoke";

impl<F: HandlerFn> Handler<F> {
    /// Wraps the generated (or hand-written) handler function.
    pub fn new(function: F) -> Self {
        let mut local_context = Context::default();
        local_context.request_id = LOCAL_REQUEST_ID.to_owned();
        Handler {
            inner: Arc::new(Inner {
                function,
                local_context,
            }),
        }
    }

    /// Runs one invocation without Lambda: event bytes in, response bytes
    /// out.
    ///
    /// The handler sees a placeholder [`Context`]: request id
    /// `"local-invoke"`, no deadline (`deadline` is 0) and an empty function
    /// configuration. Use [`invoke_with_context`](Handler::invoke_with_context)
    /// to pass a context of your own.
    ///
    /// # Errors
    ///
    /// The invocation's [`InvokeError`]: `MalformedEvent`, `InvalidEvent`,
    /// `InvalidResponse` or `HandlerError`, with a message that names the key
    /// and never echoes a value from the event; `HandlerPanic` when the
    /// handler panics (the panic is caught here, as inside Lambda), and
    /// `Timeout` when the context has a deadline (see
    /// [`invoke_with_context`](Handler::invoke_with_context)).
    pub async fn invoke(&self, body: &[u8]) -> Result<Vec<u8>, InvokeError> {
        self.invoke_with_context(body, &self.inner.local_context)
            .await
    }

    /// Runs one invocation without Lambda with the given `context`.
    ///
    /// A context with a `deadline` (milliseconds since the epoch, as Lambda
    /// sends it) is held to it as inside Lambda: a handler still running
    /// [`DEADLINE_MARGIN`](crate::DEADLINE_MARGIN) before it is answered
    /// `Timeout` and cancelled at its `.await`. That needs a Tokio runtime
    /// with timers (`#[tokio::main]` or `enable_time()`); without one, a
    /// warning says once that deadlines are not enforced.
    ///
    /// # Errors
    ///
    /// As [`invoke`](Handler::invoke).
    pub async fn invoke_with_context(
        &self,
        body: &[u8],
        context: &Context,
    ) -> Result<Vec<u8>, InvokeError> {
        let call = self.inner.function.call(body, context);
        Guarded::new(call, F::manifest, context.deadline).await
    }

    /// Runs one invocation from a built event: serialises it as JSON, then
    /// [`invoke`](Handler::invoke)s. Tests build the event in one line with
    /// [`ContactFlowEvent::builder`].
    ///
    /// # Errors
    ///
    /// As [`invoke`](Handler::invoke).
    pub async fn invoke_event(&self, event: &ContactFlowEvent) -> Result<Vec<u8>, InvokeError> {
        // serde_json's message may quote the offending key: keep it out.
        let body = serde_json::to_vec(event).map_err(|_| {
            InvokeError::new(
                ErrorType::InvalidEvent,
                "the event could not be serialised as JSON",
            )
        })?;
        self.invoke(&body).await
    }

    /// The handler's manifest.
    pub fn manifest(&self) -> Manifest {
        F::manifest()
    }
}

/// A [`Handler`] with its type erased: what `run` serves, inside Lambda and
/// on the command line alike.
///
/// The handler's `call` future is made in one place, [`call_owned`]
/// (`Erased::call_owned`), and boxed there: both paths poll that one boxed
/// future, so its code (the handler's extraction, the function, the
/// response's serialisation) is compiled once per handler. Awaited directly
/// by `run`'s Lambda path and by the command line, as it was, it was inlined
/// into each, and each binary carried the handler twice.
pub(crate) trait Erased: Send + Sync + 'static {
    /// Runs the handler on `body` with `context` (the local placeholder
    /// context of [`Handler::invoke`] when `None`).
    fn call_owned(&self, body: Bytes, context: Option<Context>) -> CallFuture;

    /// The handler's manifest.
    fn manifest(&self) -> Manifest;
}

/// The future of one erased invocation.
pub(crate) type CallFuture = Pin<Box<dyn Future<Output = Result<Vec<u8>, InvokeError>> + Send>>;

impl<F: HandlerFn> Erased for Handler<F> {
    fn call_owned(&self, body: Bytes, context: Option<Context>) -> CallFuture {
        let handler = Arc::clone(&self.inner);
        let deadline = context.as_ref().map_or(0, |context| context.deadline);
        let call = async move {
            let context = context.as_ref().unwrap_or(&handler.local_context);
            handler.function.call(&body, context).await
        };
        Box::pin(Guarded::new(call, F::manifest, deadline))
    }

    fn manifest(&self) -> Manifest {
        F::manifest()
    }
}

impl<F: HandlerFn> Clone for Handler<F> {
    fn clone(&self) -> Self {
        Handler {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<F: HandlerFn> fmt::Debug for Handler<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handler")
            .field("function", &std::any::type_name::<F>())
            .finish_non_exhaustive()
    }
}
