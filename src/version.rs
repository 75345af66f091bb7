//! `customer_clean.version()`: what is installed, for a DBA planning an
//! upgrade and for bug reports.

use customer_clean_engine::data::SOURCES;
use pgrx::prelude::*;
use pgrx::JsonB;
use serde_json::{json, Map, Value};

/// The extension's version, the PostgreSQL major version it was built for,
/// and the sources and versions of its reference data, as jsonb.
#[pg_extern(immutable, strict, parallel_safe)]
fn version() -> JsonB {
    let reference: Map<String, Value> = SOURCES.iter().map(|s| (s.name.to_string(), json!(s.version))).collect();
    JsonB(json!({
        "extension": env!("CARGO_PKG_VERSION"),
        "postgresql": pg_sys::PG_MAJORVERSION_NUM,
        "reference_data": reference,
    }))
}
