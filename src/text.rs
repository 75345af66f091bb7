//! `normalize_text`: Unicode clean-up (engine: `text`).
use pgrx::prelude::*;

/// NFKC, full-width to half-width, control and zero-width characters
/// removed, whitespace collapsed and trimmed; NULL when nothing is left.
#[pg_extern(immutable, strict, parallel_safe)]
fn normalize_text(input: &str) -> Option<String> {
    customer_clean_engine::text::normalize_text(input)
}
