//! `normalize_date` (engine: `date`).
use crate::error::OrRaise;
use crate::guc;
use customer_clean_engine::date::{self, DateOrder};
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
