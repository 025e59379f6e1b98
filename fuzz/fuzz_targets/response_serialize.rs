//! Responses built from any bytes, derived and hand-written, through
//! `to_response_bytes`: no panic, exactly the valid ones sent, value-free
//! errors. See `connect_test_support::fuzz_checks::response_serialize`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    connect_test_support::fuzz_checks::response_serialize(data);
});
