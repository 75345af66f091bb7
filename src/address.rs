//! Address functions (engine: `address`).
use crate::error::OrRaise;
use crate::json_result::JsonResult;
use customer_clean_engine::address;
use pgrx::prelude::*;

/// The address in the country's standard form (CN: full division names;
/// US: USPS Publication 28); NULL for blank input.
#[pg_extern(immutable, strict, parallel_safe)]
fn normalize_address(input: &str, country: &str) -> Option<String> {
    address::normalize_address(input, country).or_raise("normalize_address")
}

/// The components of the address as jsonb.
#[pg_extern(immutable, strict, parallel_safe)]
fn address_parts(input: &str, country: &str) -> Option<JsonResult> {
    let parts = address::address_parts(input, country).or_raise("address_parts")?;
    JsonResult::of(&parts)
}
