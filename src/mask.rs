//! Masking of personal data (engine: `mask`), for views that readers
//! without the right to see PII are given instead of the table.
use customer_clean_engine::mask;
use pgrx::prelude::*;

/// The phone number masked for display, keeping the country code, first three
/// and last four digits: `+86138****5678`.
#[pg_extern(immutable, strict, parallel_safe)]
fn mask_phone(phone: &str) -> Option<String> {
    mask::mask_phone(phone)
}

/// The e-mail address masked for display, keeping the first character of the
/// local part and the domain: `z***@example.com`.
#[pg_extern(immutable, strict, parallel_safe)]
fn mask_email(email: &str) -> Option<String> {
    mask::mask_email(email)
}

/// The Chinese resident ID masked for display, keeping the region code and
/// the last four characters: `110105********0017`.
#[pg_extern(immutable, strict, parallel_safe)]
fn mask_cn_id(id: &str) -> Option<String> {
    mask::mask_cn_id(id)
}

/// The name masked for display, keeping the first character of each word:
/// `张*`, `J*** S****`.
#[pg_extern(immutable, strict, parallel_safe)]
fn mask_name(name: &str) -> Option<String> {
    mask::mask_name(name)
}
