//! Masking of personal data (engine: `mask`), for views that readers
//! without the right to see PII are given instead of the table.
use customer_clean_engine::mask;
use pgrx::prelude::*;

/// `+86138****5678`: country code, first three and last four digits.
#[pg_extern(immutable, strict, parallel_safe)]
fn mask_phone(phone: &str) -> Option<String> {
    mask::mask_phone(phone)
}

/// `z***@example.com`: first character of the local part and the domain.
#[pg_extern(immutable, strict, parallel_safe)]
fn mask_email(email: &str) -> Option<String> {
    mask::mask_email(email)
}

/// `110105********0017`: region code and last four characters.
#[pg_extern(immutable, strict, parallel_safe)]
fn mask_cn_id(id: &str) -> Option<String> {
    mask::mask_cn_id(id)
}

/// `张*`, `J*** S****`: the first character of each word.
#[pg_extern(immutable, strict, parallel_safe)]
fn mask_name(name: &str) -> Option<String> {
    mask::mask_name(name)
}
