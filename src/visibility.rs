//! Which catalog rows a role may see (docs/deploying.md; issue 16): the check the
//! row-level security policies of the catalog tables (sql/access.sql) run
//! for each row of a customer's record. It runs once per catalog row a
//! tenant reads, so it is Rust with a kept plan per table (src/plans.rs): as PL/pgSQL
//! with EXECUTE it cost 80 µs a row, and a tenant's `quality_report` over
//! 100,000 clustered rows took 8 s more than the owner's.

use pgrx::prelude::*;

use crate::error::OrSpiFailed;
use crate::names::quote_identifier;
use crate::profile::TableState;
use crate::table::TableOid;

/// Whether the current role may SELECT `tbl` (false for a table that is
/// gone: catalog rows can outlive their table).
fn may_select(tbl: pg_sys::Oid) -> bool {
    // SAFETY: catalog lookups by OID; both answer for a missing relation
    // without raising (relkind 0), and the ACL check runs only on one that
    // exists.
    unsafe {
        pg_sys::get_rel_relkind(tbl) != 0
            && pg_sys::pg_class_aclcheck(tbl, pg_sys::GetUserId(), pg_sys::ACL_SELECT as pg_sys::AclMode)
                == pg_sys::AclResult::ACLCHECK_OK
    }
}

/// Whether row-level security filters `tbl` for the current role.
fn row_security_active(tbl: pg_sys::Oid) -> bool {
    // SAFETY: as row_security_active(regclass) calls it, for a relation
    // that exists (may_select checked it), without raising.
    unsafe {
        pg_sys::check_enable_rls(tbl, pg_sys::InvalidOid, true) as u32 == pg_sys::CheckEnableRlsResult::RLS_ENABLED
    }
}

/// Whether the current role sees row `row_id` of registered table `tbl`: it
/// may SELECT the table and, when row-level security applies to it there,
/// the row is in the table and passes its policies. False for a table that
/// is gone or not registered.
#[pg_extern(stable, strict, parallel_restricted)]
#[search_path(pg_catalog, pg_temp)]
fn row_visible(tbl: TableOid, row_id: &str) -> bool {
    const FN: &str = "row_visible";
    let tbl = tbl.oid();
    if !may_select(tbl) {
        return false;
    }
    if !row_security_active(tbl) {
        return true;
    }
    let Some(state) = TableState::find(tbl, FN) else { return false };
    // The id in the catalog is the id column's text, which its type reads
    // back (unless the column's type was changed since: then the cast
    // raises, naming the value).
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM {} t WHERE t.{} = $1::pg_catalog.text::{})",
        state.name,
        quote_identifier(state.profile.id_column()),
        state.id_type
    );
    // (a kept plan: this runs once per catalog row a tenant reads)
    crate::plans::with_table_plan(state.citus, &sql, &[crate::plans::TEXT], |client, plan| {
        client.select(plan, Some(1), &[row_id.into()]).and_then(|t| t.first().get_one::<bool>())
    })
    .or_spi_failed(FN)
    .unwrap_or(false)
}
