//! A handler that panics with the fuzzer's text in its message, in its body
//! or while its response is serialised: always a `HandlerPanic` with the
//! fixed, value-free message. See `connect_test_support::fuzz_checks::handler_panic`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    connect_test_support::fuzz_checks::handler_panic(data);
});
