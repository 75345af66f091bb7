//! Statements that run on every call of a per-row function (`match_row`,
//! `match_on_insert`, the catalog's visibility check), parsed and planned
//! once per session. Through `Spi::select` with the statement's text,
//! PostgreSQL parses and plans it again at every call: perf on 2,000
//! `match_row` calls over 1,000,000 rows found 60% of the time in SPI, of
//! which parsing and planning were four fifths, and 2% in the matching
//! itself.
//!
//! A kept plan is PostgreSQL's plan cache entry: it is planned again when
//! a table it reads changes (DDL, new statistics), and for each role when
//! row-level security applies, so keeping it changes no result.

use std::cell::RefCell;
use std::collections::HashMap;

use pgrx::prelude::*;
use pgrx::spi::{OwnedPreparedStatement, SpiClient, SpiResult};
use pgrx::PgOid;

/// Statements kept at most: a session touches a few tables, each with a
/// few statements; past this (a session going through thousands of
/// tables) the oldest are dropped all at once rather than growing without
/// end.
const MAX_KEPT: usize = 1_000;

thread_local! {
    /// Kept plans by statement text (the text names the table, so each
    /// table has its own).
    static KEPT: RefCell<HashMap<String, OwnedPreparedStatement>> = RefCell::new(HashMap::new());
}

/// Runs `run` in an SPI connection with the kept plan of `sql` (whose
/// parameters have the types `args`), preparing and keeping it on first
/// use.
pub fn with_plan<R>(
    sql: &str,
    args: &[PgOid],
    run: impl FnOnce(&mut SpiClient<'_>, &OwnedPreparedStatement) -> SpiResult<R>,
) -> SpiResult<R> {
    Spi::connect_mut(|client| with_plan_in(client, sql, args, true, run))
}

/// [`with_plan`] for a statement that reads a customer table, which on a
/// Citus table must be planned for each call's values: Citus cannot make
/// a generic plan of a query over several shards with parameters ("could
/// not create distributed plan").
pub fn with_table_plan<R>(
    citus: bool,
    sql: &str,
    args: &[PgOid],
    run: impl FnOnce(&mut SpiClient<'_>, &OwnedPreparedStatement) -> SpiResult<R>,
) -> SpiResult<R> {
    Spi::connect_mut(|client| with_plan_in(client, sql, args, !citus, run))
}

fn with_plan_in<R>(
    client: &mut SpiClient<'_>,
    sql: &str,
    args: &[PgOid],
    generic: bool,
    run: impl FnOnce(&mut SpiClient<'_>, &OwnedPreparedStatement) -> SpiResult<R>,
) -> SpiResult<R> {
    // Taken out of the map while it runs: the statement may call a
    // function that uses this map too.
    let plan = match KEPT.with(|k| k.borrow_mut().remove(sql)) {
        Some(plan) => plan,
        None => client.prepare_mut(sql, args)?.keep(),
    };
    // As a generic plan: the plan cache otherwise plans these again for
    // each call's values whenever a generic plan looks costlier, which for
    // `key = ANY ($2)` it always does (perf: still a third of match_row
    // in the planner with the plan kept). Set at a GUC nest level of its
    // own, which an error unwinds with the (sub)transaction.
    // SAFETY: the calls fmgr makes around a function with SET clauses.
    let nest = unsafe {
        let nest = pg_sys::NewGUCNestLevel();
        pg_sys::set_config_option(
            c"plan_cache_mode".as_ptr(),
            if generic { c"force_generic_plan".as_ptr() } else { c"force_custom_plan".as_ptr() },
            pg_sys::GucContext::PGC_USERSET,
            pg_sys::GucSource::PGC_S_SESSION,
            pg_sys::GucAction::GUC_ACTION_SAVE,
            true,
            0,
            false,
        );
        nest
    };
    let result = run(client, &plan);
    // SAFETY: closes the nest level opened above.
    unsafe { pg_sys::AtEOXact_GUC(true, nest) };
    KEPT.with(|k| {
        let mut kept = k.borrow_mut();
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert(sql.to_string(), plan);
    });
    result
}

/// The parameter type of a `text` argument.
pub const TEXT: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::TEXTOID);
/// The parameter type of a `text[]` argument.
pub const TEXT_ARRAY: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::TEXTARRAYOID);
/// The parameter type of a `bigint` argument.
pub const INT8: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::INT8OID);
/// The parameter type of a `bigint[]` argument.
pub const INT8_ARRAY: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::INT8ARRAYOID);
/// The parameter type of an `oid` (regclass passed as its OID) argument.
pub const OID: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::OIDOID);
