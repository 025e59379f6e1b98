//! Responses built from any bytes, derived and hand-written, through
//! `to_response_bytes`: no panic, exactly the valid ones sent, value-free
//! errors. See `connect_lambda_fuzz::response_serialize`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    connect_lambda_fuzz::response_serialize(data);
});
