//! Country and postcode functions (engine: `country`, `postcode`).
use crate::error::OrRaise;
use customer_clean_engine::{country, postcode};
use pgrx::prelude::*;

/// ISO 3166-1 alpha-2 code from a code, an English or Chinese name or a
/// common alias; NULL when unknown.
#[pg_extern(immutable, strict, parallel_safe)]
fn normalize_country(input: &str) -> Option<&'static str> {
    country::normalize_country(input)
}

/// Postcode in the country's standard form; NULL when it does not fit the
/// country's format. An unknown country argument is an error (22023).
#[pg_extern(immutable, strict, parallel_safe)]
fn normalize_postcode(input: &str, country: &str) -> Option<String> {
    postcode::normalize_postcode(input, country).or_raise("normalize_postcode")
}
