//! The invocation's deadline: a handler still running [`DEADLINE_MARGIN`]
//! before it is answered `Timeout`, and its future dropped.
//!
//! Lambda stops waiting at the deadline (a later answer gets a 410 and the
//! sandbox is killed and cold-started again), and Connect stopped waiting
//! well before: so the invocation is answered while the answer still
//! counts. Dropping the handler's future cancels it at the `.await` it is
//! waiting on: code after that `.await` never runs, destructors do, and a
//! synchronous stretch between two `.await`s cannot be interrupted.

use std::future::Future;
use std::pin::Pin;
use std::task::{self, Poll};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use connect_types::error::{ErrorType, InvokeError};
use connect_types::manifest::Manifest;
use lambda_runtime::Context;
use pin_project_lite::pin_project;
use tokio::time::{Instant, Sleep};

use crate::handler_panic;

/// How long before the invocation's deadline a handler still running is
/// answered `Timeout`: time for the answer to reach Lambda.
pub const DEADLINE_MARGIN: Duration = Duration::from_millis(200);

/// The time a handler has left, read from its [`Context`] in one call.
///
/// Take `context: &connect_lambda::Context` as an argument of a
/// `#[connect_handler]` function and bound a slow call by what is left:
///
/// ```
/// use std::time::Duration;
/// use connect_lambda::{Context, RemainingTime};
///
/// fn budget(context: &Context) -> Duration {
///     // Inside Lambda: the time until connect-lambda answers `Timeout`.
///     // Outside (`invoke`, `--event`): no deadline, so a default.
///     context.remaining_time().unwrap_or(Duration::from_secs(3))
/// }
///
/// let mut context = Context::default();
/// assert_eq!(budget(&context), Duration::from_secs(3));
/// context.deadline = 1; // long past
/// assert_eq!(context.remaining_time(), Some(Duration::ZERO));
/// ```
pub trait RemainingTime {
    /// The time until the invocation is answered `Timeout` (the deadline
    /// less [`DEADLINE_MARGIN`]), zero once it has passed; `None` when the
    /// context has no deadline (`deadline` is 0, as outside Lambda).
    fn remaining_time(&self) -> Option<Duration>;
}

impl RemainingTime for Context {
    fn remaining_time(&self) -> Option<Duration> {
        remaining(self.deadline)
    }
}

/// The time until `deadline_ms` (milliseconds since the epoch, Lambda's
/// `Lambda-Runtime-Deadline-Ms`) less the margin; `None` for 0.
fn remaining(deadline_ms: u64) -> Option<Duration> {
    if deadline_ms == 0 {
        return None;
    }
    let deadline = UNIX_EPOCH + Duration::from_millis(deadline_ms);
    let cutoff = deadline.checked_sub(DEADLINE_MARGIN).unwrap_or(UNIX_EPOCH);
    Some(
        cutoff
            .duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

pin_project! {
    /// A handler's future, guarded: a panic while it is polled becomes a
    /// `HandlerPanic` error, and the deadline a `Timeout` error.
    ///
    /// The future and the timer are held inline (no box of their own); the
    /// timer is armed only if the handler does not finish in its first poll,
    /// so a synchronous handler never starts one.
    pub(crate) struct Guarded<F> {
        // `None` once it has finished or been cancelled.
        #[pin]
        future: Option<F>,
        // The handler's manifest: its name, for the errors.
        manifest: fn() -> Manifest,
        // The invocation's deadline in ms since the epoch; 0 for none (and
        // once found that the runtime has no timer). Read into a duration
        // only when the timer is armed: a synchronous handler never reads
        // the clock.
        deadline_ms: u64,
        // The timer, once armed.
        #[pin]
        timer: Option<Sleep>,
    }
}

impl<F: Future<Output = Result<Vec<u8>, InvokeError>>> Guarded<F> {
    /// Guards `future`, the handler's for an invocation whose deadline is
    /// `deadline_ms` (the [`Context`]'s; 0 for none).
    pub(crate) fn new(future: F, manifest: fn() -> Manifest, deadline_ms: u64) -> Self {
        handler_panic::install_hook();
        Guarded {
            future: Some(future),
            manifest,
            deadline_ms,
            timer: None,
        }
    }
}

impl<F: Future<Output = Result<Vec<u8>, InvokeError>>> Future for Guarded<F> {
    type Output = Result<Vec<u8>, InvokeError>;

    fn poll(self: Pin<&mut Self>, cx: &mut task::Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let manifest = *this.manifest;
        let Some(future) = this.future.as_mut().as_pin_mut() else {
            return Poll::Pending;
        };
        match handler_panic::catch(manifest, || future.poll(cx)) {
            Ok(Poll::Pending) => {}
            Ok(Poll::Ready(result)) => {
                this.future.set(None);
                return Poll::Ready(result);
            }
            Err(panicked) => {
                cancel(manifest, this.future);
                return Poll::Ready(Err(panicked));
            }
        }
        if this.timer.is_none() {
            let Some(remaining) = remaining(*this.deadline_ms) else {
                return Poll::Pending;
            };
            let start = Instant::now() + remaining;
            match handler_panic::quietly(|| tokio::time::sleep_until(start)) {
                Some(timer) => this.timer.set(Some(timer)),
                None => {
                    warn_no_timer();
                    *this.deadline_ms = 0;
                    return Poll::Pending;
                }
            }
        }
        let Some(timer) = this.timer.as_pin_mut() else {
            return Poll::Pending;
        };
        if timer.poll(cx).is_pending() {
            return Poll::Pending;
        }
        cancel(manifest, this.future);
        Poll::Ready(Err(timeout(&manifest().handler)))
    }
}

/// Drops the handler's future; a panic in its destructors is contained
/// (and logged by the hook) like one while it ran.
fn cancel<F>(manifest: fn() -> Manifest, mut future: Pin<&mut Option<F>>) {
    let _ = handler_panic::catch(manifest, || future.set(None));
}

/// Says once that deadlines are not enforced, when the Tokio runtime has no
/// timer.
fn warn_no_timer() {
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| {
        eprintln!(
            "connect-lambda: the Tokio runtime has no timers, so invocation deadlines are not \
             enforced; build it with #[tokio::main] or enable_all() (enable_time())"
        );
    });
}

/// The `Timeout` error.
fn timeout(handler: &str) -> InvokeError {
    InvokeError::new(
        ErrorType::Timeout,
        format!(
            "the handler `{handler}` was still running {} ms before the invocation's deadline, \
             and was cancelled at the `.await` it was waiting on; make it faster, or bound its \
             slow calls by `context.remaining_time()` (connect_lambda::RemainingTime)",
            DEADLINE_MARGIN.as_millis()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_deadline_is_none_and_a_past_one_is_zero() {
        assert_eq!(remaining(0), None);
        assert_eq!(remaining(1), Some(Duration::ZERO));
        let in_ten_seconds = SystemTime::now() + Duration::from_secs(10);
        let ms = in_ten_seconds
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        let left = remaining(ms).unwrap();
        assert!(
            left <= Duration::from_secs(10) - DEADLINE_MARGIN,
            "{left:?}"
        );
        assert!(left > Duration::from_secs(9), "{left:?}");
    }
}
