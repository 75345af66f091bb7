//! E-mails: never panic; normalize_email and email_match_key idempotent;
//! email_check of a normalized address agrees with is_valid_email.
#![no_main]
use customer_clean_engine::email::{email_check, email_match_key, is_valid_email, normalize_email, EmailCheckOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Some(n) = normalize_email(s) {
        assert_eq!(normalize_email(&n).as_deref(), Some(n.as_str()), "normalize_email not idempotent on {s:?}");
    }
    if let Some(k) = email_match_key(s) {
        assert_eq!(email_match_key(&k).as_deref(), Some(k.as_str()), "email_match_key not idempotent on {s:?}");
    }
    let check = email_check(s, EmailCheckOptions::default());
    assert_eq!(check.map(|c| c.valid), is_valid_email(s));
});
