//! Chinese resident IDs: never panic, with and without birth date and
//! gender; a valid ID's own birth date and gender agree with it.
#![no_main]
use customer_clean_engine::cn_id::cn_id_check;
use customer_clean_engine::date::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let today = Date::new(2026, 11, 23).unwrap();
    let plain = cn_id_check(s, None, None, today);
    let _ = cn_id_check(s, Date::new(1985, 3, 12), Some("f"), today);
    if let Some(c) = plain.filter(|c| c.valid) {
        let again = cn_id_check(s, c.birth_date, c.gender, today).expect("checked once");
        assert!(again.valid, "valid ID {s:?} disagrees with its own birth date or gender");
    }
});
