//! Phones: never panic; an E.164 result normalizes to itself in any region
//! and is valid; phone_info agrees with normalize_phone.
#![no_main]
use customer_clean_engine::phone::{is_valid_phone, normalize_phone, phone_info};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    for region in ["CN", "US", "DE", "ZZ"] {
        let e164 = normalize_phone(s, region).unwrap();
        let info = phone_info(s, region).unwrap();
        let _ = is_valid_phone(s, region).unwrap();
        if let Some(e) = &e164 {
            assert_eq!(normalize_phone(e, "ZZ").unwrap().as_deref(), Some(e.as_str()), "E.164 {e} of {s:?} ({region})");
            assert_eq!(is_valid_phone(e, "ZZ").unwrap(), Some(true));
            assert_eq!(info.as_ref().and_then(|i| i.e164.clone()).as_deref(), Some(e.as_str()));
        }
    }
});
