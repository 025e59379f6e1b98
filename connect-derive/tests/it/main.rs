//! connect-derive's integration tests, one binary: the macros' compile
//! errors and the shapes that must compile (trybuild).

mod ui;
