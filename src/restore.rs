//! Writing rows past the cleaning trigger: what `clean_table` re-cleans,
//! `undo_change` and `release_quarantine` put back, `unmerge` and
//! `restore_archived` restore exactly as they were stored. The trigger
//! lets such rows through while `security`'s restore mode names their
//! table (on Citus, the shards' triggers are disabled for the
//! transaction instead); only the extension's own entry points open it.

use pgrx::prelude::*;

use crate::error::OrSpiFailed;
use crate::names::{table_name, TRIGGER_NAME};

/// Runs `f` (which writes rows of `tbl` that are already cleaned, or must
/// stay exactly as they were stored) with the cleaning trigger of `tbl`
/// passing them through. Only the extension's own entry points open it:
/// there is no SQL function for it, so no caller can store a row that its
/// table's rules would refuse. Reset on the way out, also on error. A
/// failure names `caller`.
pub(crate) fn without_cleaning_trigger<R>(tbl: pg_sys::Oid, caller: &'static str, f: impl FnOnce() -> R) -> R {
    crate::security::with_restore_mode(tbl, || {
        if crate::citus::is_citus_table(tbl) {
            with_row_trigger_disabled(tbl, caller, f)
        } else {
            f()
        }
    })
}

/// Runs `f` with the cleaning row trigger of Citus table `tbl` disabled
/// for this transaction, when the caller owns the table. The restore mode is a flag of this backend; the
/// trigger copies on the shards run in the workers' backends and never see
/// it, so they would clean restored rows again. `ALTER TABLE … DISABLE
/// TRIGGER` reaches every shard in this distributed transaction, and its
/// lock (SHARE ROW EXCLUSIVE) makes every other writer of the table wait
/// until the transaction ends: no other row gets past the disabled
/// trigger. An error in `f` aborts the transaction, which undoes it.
fn with_row_trigger_disabled<R>(tbl: pg_sys::Oid, caller: &'static str, f: impl FnOnce() -> R) -> R {
    // Only for the table's owner: Citus refuses to let one transaction
    // reach a shard as two roles ("placements that were modified in this
    // transaction by a different user"), so the DDL runs as the caller. A
    // steward's restore passes through the shards' triggers instead, and
    // unmerge refuses when that would change a row ("cannot undo merge …
    // exactly").
    let (has_trigger, owner) = crate::guc::pinned_search_path(|| {
        Spi::get_two_with_args::<bool, bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = $1 AND tgname = $2 AND tgenabled <> 'D'),
                    (SELECT pg_catalog.pg_has_role(c.relowner, 'USAGE') FROM pg_catalog.pg_class c WHERE c.oid = $1)",
            &[tbl.into(), TRIGGER_NAME.into()],
        )
    })
    .or_spi_failed(caller);
    if !(has_trigger.unwrap_or(false) && owner.unwrap_or(false)) {
        return f();
    }
    let alter = |action: &str| {
        crate::citus::with_unsafe_triggers(|| {
            crate::guc::pinned_search_path(|| {
                Spi::run(&format!("ALTER TABLE {} {action} TRIGGER {TRIGGER_NAME}", table_name(tbl)))
            })
        })
        .or_spi_failed(caller)
    };
    alter("DISABLE");
    let result = f();
    alter("ENABLE");
    result
}

/// Runs `sql`, a call of one of the extension's PL/pgSQL `*_body`
/// functions, as the caller with the catalog write window open for `tbl`
/// (and, with `restoring`, the cleaning trigger letting restored rows of
/// `tbl` through as they were stored), once the caller has what `needs`
/// says on `tbl`. The entry points in src/merge.rs and src/quality.rs are
/// the only callers: each runs one fixed body. An invalid `tbl` (an id
/// that names nothing the caller can see) goes to the body unchecked: it
/// reports the id as unknown.
pub fn run_body<T: pgrx::datum::FromDatum + pgrx::datum::IntoDatum>(
    tbl: pg_sys::Oid,
    needs: crate::security::Needs,
    restoring: bool,
    sql: &str,
    args: &[pgrx::datum::DatumWithOid],
    caller: &'static str,
) -> Option<T> {
    if tbl != pg_sys::Oid::INVALID {
        crate::security::require(tbl, needs, caller);
    }
    let run = || Spi::get_one_with_args::<T>(sql, args).or_spi_failed(caller);
    crate::security::catalog_write_window(tbl, || {
        if restoring {
            without_cleaning_trigger(tbl, caller, run)
        } else {
            run()
        }
    })
}
