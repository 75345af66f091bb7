//! E-mail functions (engine: `email`).
use customer_clean_engine::email;
use pgrx::prelude::*;

/// Trimmed, NFKC, lower-case address; NULL when it is not an address.
#[pg_extern(immutable, strict, parallel_safe)]
fn normalize_email(input: &str) -> Option<String> {
    email::normalize_email(input)
}

/// The key two spellings of one mailbox share (provider rules applied).
#[pg_extern(immutable, strict, parallel_safe)]
fn email_match_key(input: &str) -> Option<String> {
    email::email_match_key(input)
}
