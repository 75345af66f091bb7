//! Names: never panic; normalize_name idempotent; name_parts of a name.
#![no_main]
use customer_clean_engine::name::{name_parts, normalize_name};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Some(n) = normalize_name(s) {
        assert_eq!(normalize_name(&n).as_deref(), Some(n.as_str()), "not idempotent on {s:?}");
    }
    let _ = name_parts(s);
});
