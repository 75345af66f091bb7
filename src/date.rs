//! `normalize_date` (engine: `date`), and the SQL date ↔ engine date bridge.
use crate::error::OrRaise;
use crate::guc;
use customer_clean_engine::date::{self, Date, DateOrder};
use pgrx::prelude::*;

fn to_pg(input: &str, order: DateOrder) -> Option<pgrx::datum::Date> {
    let d = date::normalize_date(input, order)?;
    pgrx::datum::Date::new(d.year, d.month, d.day).ok()
}

/// The date in `input`, reading an ambiguous day/month order by the GUC
/// `customer_clean.date_order`; NULL when it is not a real date.
#[pg_extern(stable, strict, parallel_safe)]
fn normalize_date(input: &str) -> Option<pgrx::datum::Date> {
    to_pg(input, guc::date_order())
}

/// The same with the order given: 'DMY', 'MDY' or 'YMD'.
#[pg_extern(name = "normalize_date", immutable, strict, parallel_safe)]
fn normalize_date_with_order(input: &str, date_order: &str) -> Option<pgrx::datum::Date> {
    to_pg(input, DateOrder::parse(date_order).or_raise("normalize_date"))
}

/// The engine's date for a SQL date; `None` for ±infinity and outside
/// years 1–9999 (as `Date::new`).
///
/// From the day number, in Rust: pgrx's `year()`, `month()` and `day()`
/// each call `extract` and convert its numeric result, which made
/// `today()` a third of a `cn_id_check` call and 1 µs of every row the
/// trigger cleans (perf).
pub fn engine_date(d: pgrx::datum::Date) -> Option<Date> {
    if !d.is_finite() {
        return None;
    }
    let days = i64::from(d.to_unix_epoch_days());
    let date = Date::from_days_since_epoch(days);
    // from_days_since_epoch clamps to years 1–9999: a clamped date is
    // another day.
    (date.days_since_epoch() == days).then_some(date)
}

/// `current_date`, for rules such as "birth date not in the future".
pub fn today() -> Date {
    // SAFETY: plain function call, valid inside a transaction.
    let raw = unsafe { pg_sys::GetSQLCurrentDate() };
    engine_date(pgrx::datum::Date::saturating_from_raw(raw)).unwrap_or(Date { year: 1970, month: 1, day: 1 })
}
