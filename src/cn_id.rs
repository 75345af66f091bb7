//! `cn_id_check` (engine: `cn_id`).
use customer_clean_engine::cn_id;
use pgrx::prelude::*;

use crate::date::{engine_date, today};
use crate::json_result::JsonResult;

/// GB 11643 check of a Chinese resident ID, compared with `birth_date` and
/// `gender` when they are not NULL: {valid, problems[], normalized, legacy,
/// birth_date, gender, region_code, region_name}. NULL for NULL or blank
/// `id`. Not STRICT, so that NULL birth date or gender mean "not compared";
/// STABLE because "birth date in the future" depends on `current_date`.
#[pg_extern(stable, parallel_safe)]
fn cn_id_check(
    id: Option<&str>,
    birth_date: default!(Option<pgrx::datum::Date>, "NULL"),
    gender: default!(Option<&str>, "NULL"),
) -> Option<JsonResult> {
    let check = cn_id::cn_id_check(id?, birth_date.and_then(engine_date), gender, today())?;
    JsonResult::of(&check)
}
