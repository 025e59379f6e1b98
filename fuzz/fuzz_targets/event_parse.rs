//! Any bytes into the Connect event model: no panic, only well-formed JSON
//! accepted, round trip stable. See `connect_test_support::fuzz_checks::event_parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    connect_test_support::fuzz_checks::event_parse(data);
});
