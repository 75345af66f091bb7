//! Masking: never panics; never shows more digits of a phone than the
//! unmasked input has, and never the whole of a long one.
#![no_main]
use customer_clean_engine::mask::{mask_cn_id, mask_email, mask_name, mask_phone};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Some(m) = mask_phone(s) {
        let shown = m.chars().filter(char::is_ascii_digit).count();
        let masked = m.chars().filter(|c| *c == '*').count();
        assert!(shown + masked >= 1, "{s:?} -> {m:?}");
        if shown + masked >= 10 {
            assert!(masked >= 3, "{s:?} -> {m:?} hides too little");
        }
    }
    let _ = (mask_email(s), mask_cn_id(s), mask_name(s));
});
