//! A handler's panic, contained: answered as `HandlerPanic` with the
//! handler's name and the panic's location, never the panic's message.
//!
//! A panic's message is the user's text, and `panic!("cannot route caller
//! {phone}")` puts an event value in it. So neither the error sent to Lambda
//! nor the log line carries it: a panic hook (installed once, chained to the
//! one it replaces) records the location of a panic raised while a handler
//! is polled and prints a value-free line in place of the default message.
//! Panics anywhere else go to the previous hook untouched.
//!
//! [`SHOW_PANIC_MESSAGES`] set to `show` restores the full message (and the
//! previous hook's backtrace note) in the log, for local debugging; the
//! error sent to Lambda stays value-free either way.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Once, OnceLock};

use connect_types::error::{ErrorType, InvokeError};
use connect_types::manifest::Manifest;

/// The environment variable that shows panic messages in the log: set it to
/// `show` for local debugging. Off by default: a message may hold event
/// values (personal data).
pub const SHOW_PANIC_MESSAGES: &str = "CONNECT_LAMBDA_PANIC_MESSAGES";

/// What the code polled on this thread right now is, for the hook.
#[derive(Clone, Copy)]
enum Scope {
    /// A handler, named by its manifest (built only if it panics).
    Handler(fn() -> Manifest),
    /// Our own probe of something that may panic (a Tokio runtime without
    /// timers): silent.
    Quiet,
}

thread_local! {
    /// Set while a handler's future (or a quiet probe) runs on this thread.
    static SCOPE: Cell<Option<Scope>> = const { Cell::new(None) };
    /// The location of the last panic raised in a handler on this thread,
    /// recorded by the hook for [`catch`] to report.
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the hook, once per process.
///
/// Called on every invocation (one atomic load after the first): whatever
/// path runs a handler installs it, `run` and [`Handler::invoke`]
/// (crate::Handler::invoke) alike.
pub(crate) fn install_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| match SCOPE.with(Cell::get) {
            None => previous(info),
            Some(Scope::Quiet) => {}
            Some(Scope::Handler(manifest)) => {
                let location = info.location().map(|location| {
                    format!(
                        "{}:{}:{}",
                        location.file(),
                        location.line(),
                        location.column()
                    )
                });
                LOCATION.with(|recorded| recorded.replace(location.clone()));
                if show_messages() {
                    previous(info);
                } else {
                    log_line(&manifest().handler, location.as_deref());
                }
            }
        }));
    });
}

/// Whether [`SHOW_PANIC_MESSAGES`] asks for full messages (read once).
fn show_messages() -> bool {
    static SHOW: OnceLock<bool> = OnceLock::new();
    *SHOW.get_or_init(|| std::env::var_os(SHOW_PANIC_MESSAGES).is_some_and(|value| value == "show"))
}

/// The value-free line the hook prints in place of the panic's message.
fn log_line(handler: &str, location: Option<&str>) {
    eprintln!(
        "connect-lambda: the handler `{handler}` panicked at {}; its message is not logged, as it \
         may hold event values (set {SHOW_PANIC_MESSAGES}=show to log it)",
        location.unwrap_or("an unknown location")
    );
}

/// Runs `poll` (one poll of `handler`'s future) and turns a panic into a
/// `HandlerPanic` error.
pub(crate) fn catch<T>(
    handler: fn() -> Manifest,
    poll: impl FnOnce() -> T,
) -> Result<T, InvokeError> {
    let outer = SCOPE.with(|scope| scope.replace(Some(Scope::Handler(handler))));
    let caught = panic::catch_unwind(AssertUnwindSafe(poll));
    SCOPE.with(|scope| scope.set(outer));
    caught.map_err(|payload| {
        forget_payload(payload);
        let location = LOCATION.with(RefCell::take);
        error(&handler().handler, location.as_deref())
    })
}

/// Runs `probe` with the hook silent; `None` if it panicked.
pub(crate) fn quietly<T>(probe: impl FnOnce() -> T) -> Option<T> {
    let outer = SCOPE.with(|scope| scope.replace(Some(Scope::Quiet)));
    let caught = panic::catch_unwind(AssertUnwindSafe(probe));
    SCOPE.with(|scope| scope.set(outer));
    caught.map_err(forget_payload).ok()
}

/// Drops a panic's payload without reading it; a payload whose own `Drop`
/// panics is leaked rather than unwinding out of the catch.
fn forget_payload(payload: Box<dyn Any + Send>) {
    if let Err(again) = panic::catch_unwind(AssertUnwindSafe(move || drop(payload))) {
        std::mem::forget(again);
    }
}

/// The `HandlerPanic` error: the handler's name and the panic's location,
/// the one shape every path reports.
fn error(handler: &str, location: Option<&str>) -> InvokeError {
    let at = match location {
        Some(location) => location.to_owned(),
        // Our hook did not see the panic: another hook replaced it.
        None => {
            "an unknown location (a panic hook set after connect-lambda's replaced it)".to_owned()
        }
    };
    InvokeError::new(
        ErrorType::HandlerPanic,
        format!(
            "the handler `{handler}` panicked at {at}; its message is left out, as it may hold \
             event values (run the event with --event and {SHOW_PANIC_MESSAGES}=show to see it)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        serde_json::from_str(
            r#"{"manifestVersion": 1, "handler": "greet", "responseValidation": "JSON"}"#,
        )
        .expect("a valid manifest")
    }

    #[test]
    fn a_panic_is_a_handler_panic_naming_the_handler_and_location_only() {
        install_hook();
        let phone = "+15550100";
        let error = catch(manifest, || -> () { panic!("cannot route caller {phone}") })
            .expect_err("the panic is caught");
        assert_eq!(error.kind(), ErrorType::HandlerPanic);
        let message = error.to_string();
        assert!(
            message.starts_with("the handler `greet` panicked at src/handler_panic.rs:"),
            "{message}"
        );
        assert!(!message.contains(phone), "{message}");
    }

    #[test]
    fn no_panic_passes_the_value_through() {
        assert_eq!(catch(manifest, || 7).ok(), Some(7));
        assert_eq!(quietly(|| 7), Some(7));
        assert_eq!(quietly(|| -> u8 { panic!("probe") }), None);
    }
}
