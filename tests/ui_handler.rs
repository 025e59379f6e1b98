//! The compile errors of `#[connect_handler]` (one mistake per file under
//! tests/ui/handler/, with the `.stderr` a user would read) and the
//! argument kinds that must compile (tests/ui/handler/pass/).
//!
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test -p
//! connect-lambda --test ui_handler`, then read every changed `.stderr`.

#[test]
fn ui_handler() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/handler/pass/*.rs");
    cases.compile_fail("tests/ui/handler/*.rs");
}
