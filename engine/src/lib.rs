//! Pure-Rust engine of `customer_clean`.
//!
//! Everything that parses, normalizes or validates customer data lives here,
//! with no dependency on PostgreSQL or pgrx, so it can be unit-tested with
//! plain `cargo test`, fuzzed and benchmarked on its own. The extension crate
//! at the repository root is a thin SQL layer over these functions.
//!
//! Conventions shared by every module:
//! - `Option::None` means "not a value of this kind" (the SQL layer returns
//!   NULL); empty or whitespace-only input is always `None`.
//! - `Err(..)` is reserved for bad *arguments* (an unknown region or country
//!   code), never for bad data; every error type implements [`SqlError`] so
//!   the SQL layer can map it to a SQLSTATE with a hint.
//! - No `unsafe`: the compiler enforces it (below); what must touch
//!   PostgreSQL's memory lives in the extension crate.

#![forbid(unsafe_code)]

pub mod address;
pub mod clean;
pub mod cn_id;
pub mod codec;
pub mod compare;
pub mod country;
pub mod data;
pub mod date;
pub mod email;
pub mod error;
pub mod lifecycle;
pub mod mask;
pub mod matching;
pub mod name;
pub mod options;
pub mod originals;
pub mod phone;
pub mod postcode;
pub mod profile;
pub mod quality;
pub mod quality_options;
pub mod row;
pub mod rules;
pub mod survivorship;
#[cfg(test)]
mod testing;
pub mod text;

pub use error::{ErrorClass, SqlError};

/// Inputs longer than this many bytes are rejected as "not a value" by the
/// per-field normalizers (phones, e-mails, names, dates, postcodes). No real
/// customer field comes close, and the bound keeps every call's time and
/// memory small even for hostile 1 MB arguments.
pub const MAX_FIELD_BYTES: usize = 4096;
