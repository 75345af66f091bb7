//! Addresses: never panic; normalize_address idempotent for CN, US and
//! another country.
#![no_main]
use customer_clean_engine::address::{address_parts, normalize_address};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    for country in ["CN", "US", "DE"] {
        let _ = address_parts(s, country).unwrap();
        if let Some(n) = normalize_address(s, country).unwrap() {
            assert_eq!(normalize_address(&n, country).unwrap().as_deref(), Some(n.as_str()), "not idempotent on {s:?} ({country})");
        }
    }
});
