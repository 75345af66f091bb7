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

/// Whether `input` is a usable e-mail address (syntax, domain, existing
/// top-level domain); NULL for blank input.
#[pg_extern(immutable, strict, parallel_safe)]
fn is_valid_email(input: &str) -> Option<bool> {
    email::is_valid_email(input)
}

/// What is wrong with an e-mail address, as jsonb {valid, problems[{code,
/// message}], suggestion, normalized}; with
/// `disposable_is_problem`, addresses at disposable-mailbox services are
/// invalid too. NULL for blank input.
#[pg_extern(immutable, strict, parallel_safe)]
fn email_check(input: &str, disposable_is_problem: default!(bool, false)) -> Option<crate::json_result::JsonResult> {
    let check = email::email_check(input, email::EmailCheckOptions { disposable_is_problem })?;
    crate::json_result::JsonResult::of(&check)
}
