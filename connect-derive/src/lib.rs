//! Procedural macros of `connect-lambda`. Use them through `connect-lambda`,
//! which re-exports them with the runtime they expand to.
