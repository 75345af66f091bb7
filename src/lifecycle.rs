//! `lifecycle_stage` (engine: `lifecycle`).
use crate::date::engine_date;
use crate::error::OrRaise;
use customer_clean_engine::lifecycle::{self, Thresholds};
use pgrx::prelude::*;

use crate::json_arg::Json;

/// The customer's lifecycle stage on `as_of`: `prospect`, `new`, `active`,
/// `silent` or `churned` (see the engine for the rules); NULL when `as_of` is NULL. Not STRICT: a
/// prospect has no last activity, and a NULL count is no activity.
#[pg_extern(immutable, parallel_safe)]
fn lifecycle_stage(
    first_seen: Option<pgrx::datum::Date>,
    last_activity: Option<pgrx::datum::Date>,
    activity_count: Option<i64>,
    as_of: Option<pgrx::datum::Date>,
    thresholds: default!(Option<Json>, "'{}'"),
) -> Option<&'static str> {
    let as_of = engine_date(as_of?)?;
    let t = match thresholds {
        Some(j) => Thresholds::parse(&j.0).or_raise("lifecycle_stage"),
        None => Thresholds::default(),
    };
    Some(lifecycle::lifecycle_stage(
        first_seen.and_then(engine_date),
        last_activity.and_then(engine_date),
        activity_count,
        as_of,
        &t,
    ))
}
