//! Person-name functions (engine: `name`).
use crate::json_result::JsonResult;
use customer_clean_engine::name;
use pgrx::prelude::*;

/// Title case that keeps particles and prefixes for Latin names; CJK names
/// without inner spaces; NULL when there is no name.
#[pg_extern(immutable, strict, parallel_safe)]
fn normalize_name(input: &str) -> Option<String> {
    name::normalize_name(input)
}

/// The parts of a personal name as jsonb {given, middle, family, script}.
#[pg_extern(immutable, strict, parallel_safe)]
fn name_parts(input: &str) -> Option<JsonResult> {
    JsonResult::of(&name::name_parts(input)?)
}
