//! Compile-time checks of `#[derive(ConnectResponse)]`: every mistake in
//! `tests/ui/response/fail` must fail with the message in its `.stderr`,
//! and every shape in `tests/ui/response/pass` must compile.

#[test]
fn ui_response() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/response/fail/*.rs");
    cases.pass("tests/ui/response/pass/*.rs");
}
