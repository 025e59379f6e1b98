//! The floor: the least any handler can do with the same bytes. A full
//! well-formedness pass over the event with serde's `IgnoredAny` (nothing
//! built), then the response bytes written into a fresh buffer.

use serde::de::IgnoredAny;

use super::BoxError;

/// Skips the whole event, then copies `response` out as the answer.
pub fn invoke(event: &[u8], response: &[u8]) -> Result<Vec<u8>, BoxError> {
    serde_json::from_slice::<IgnoredAny>(event)?;
    Ok(response.to_vec())
}
