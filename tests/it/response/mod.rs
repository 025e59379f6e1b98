//! What a handler's response becomes: the bytes and the key list under each
//! response validation, and the run-time checks. Responses Connect would
//! reject, with their value-free errors, are among the hostile-input cases
//! (`bad_input/response_cases.rs`).

mod checks;
mod json;
mod string_map;
