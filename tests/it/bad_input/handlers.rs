//! The handlers under test, written as users write them. `tutorial` and
//! `whole_event` are in connect-test-support (`tutorial_handlers`), shared
//! with bad_input_memory.

use super::*;

/// A hand-written STRING_MAP response (no derive, so no compile-time check):
/// with `count` or `extra` set it breaks the flat-string rule, and with
/// `keyed` it holds keys taken from the event, which only the run-time check
/// catches.
#[derive(Debug, Serialize)]
pub struct Tally {
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<Value>,
    #[serde(flatten)]
    keyed: BTreeMap<String, Value>,
}

impl ConnectResponse for Tally {
    const VALIDATION: ResponseValidation = ResponseValidation::StringMap;

    fn external_keys() -> Vec<ExternalKey> {
        vec![ExternalKey::new("label", ValueType::String, true)]
    }
}

/// Echoes `label`; adds a number (`count`), a nested value (`extra`) or the
/// entries of `keyed`, keys and all, when the flow sends them.
#[connect_handler]
pub fn tally(
    #[param] label: String,
    #[param] count: Option<u64>,
    #[param] extra: Option<Value>,
    #[param] keyed: Option<BTreeMap<String, Value>>,
) -> Tally {
    Tally {
        label,
        count,
        extra,
        keyed: keyed.unwrap_or_default(),
    }
}

/// A derived response whose `Display` field panics with event values in its
/// message when it is serialised.
#[derive(Debug, ConnectResponse)]
pub struct Routed {
    #[connect(display)]
    route: Route,
}

/// A route whose text is the caller's, or a panic naming the caller.
#[derive(Debug)]
pub struct Route {
    caller: String,
    refuse: bool,
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.refuse {
            panic!("no route for caller {}", self.caller);
        }
        f.write_str("queue-1")
    }
}

/// Panics with the caller's number and `word` in the message when `word`
/// says so: in the handler (`"panic"`), or while its response is serialised
/// (`"panic-late"`).
#[connect_handler]
pub async fn panicky(
    #[param] word: String,
    #[contact("CustomerEndpoint.Address")] phone: String,
) -> Routed {
    if word.starts_with("panic-now") {
        panic!("cannot route caller {phone} ({word})");
    }
    Routed {
        route: Route {
            caller: phone,
            refuse: word.starts_with("panic-late"),
        },
    }
}

/// A derived response holding one long string.
#[derive(Debug, PartialEq, ConnectResponse)]
pub struct Transcript {
    text: String,
}

/// Returns `word` repeated `times`: over 32 KB when the flow asks for it.
#[connect_handler]
pub async fn transcript(#[param] word: String, #[param] times: usize) -> Transcript {
    Transcript {
        text: word.repeat(times),
    }
}

/// The handlers under test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Which {
    Tutorial,
    WholeEvent,
    Tally,
    Transcript,
    Panicky,
}

pub(super) const ALL: [Which; 5] = [
    Which::Tutorial,
    Which::WholeEvent,
    Which::Tally,
    Which::Transcript,
    Which::Panicky,
];

pub(super) async fn invoke(which: Which, body: &[u8]) -> Result<Vec<u8>, InvokeError> {
    match which {
        Which::Tutorial => tutorial::handler().invoke(body).await,
        Which::WholeEvent => whole_event::handler().invoke(body).await,
        Which::Tally => tally::handler().invoke(body).await,
        Which::Transcript => transcript::handler().invoke(body).await,
        Which::Panicky => panicky::handler().invoke(body).await,
    }
}
