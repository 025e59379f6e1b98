//! Any bytes through the plan-driven scanner: no panic, agreement with
//! serde_json on well-formedness and on the values captured, value-free
//! errors. See `connect_test_support::fuzz_checks::extract_scan`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    connect_test_support::fuzz_checks::extract_scan(data);
});
