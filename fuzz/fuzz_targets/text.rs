//! normalize_text: never panics, idempotent.
#![no_main]
use customer_clean_engine::text::normalize_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Some(once) = normalize_text(s) {
        assert_eq!(normalize_text(&once).as_deref(), Some(once.as_str()), "not idempotent on {s:?}");
    }
});
