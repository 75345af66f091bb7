//! Dates, countries, postcodes: never panic; a date read back from its ISO
//! form is the same date; country and postcode normalization idempotent.
#![no_main]
use customer_clean_engine::country::normalize_country;
use customer_clean_engine::date::{normalize_date, DateOrder};
use customer_clean_engine::postcode::normalize_postcode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    for order in [DateOrder::Dmy, DateOrder::Mdy, DateOrder::Ymd] {
        if let Some(d) = normalize_date(s, order) {
            assert_eq!(normalize_date(&d.to_string(), order), Some(d), "{s:?} read as {d}");
        }
    }
    if let Some(c) = normalize_country(s) {
        assert_eq!(normalize_country(c), Some(c), "country {s:?} -> {c}");
    }
    for country in ["CN", "US", "GB", "JP"] {
        if let Some(p) = normalize_postcode(s, country).unwrap() {
            assert_eq!(normalize_postcode(&p, country).unwrap().as_deref(), Some(p.as_str()), "postcode {s:?} ({country})");
        }
    }
});
