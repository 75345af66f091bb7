//! `unregister`: takes a table out of the extension — the triggers it put
//! on the table, the queue and entries of matching on Citus, then the
//! catalog rows (profile, rules, model, incremental state). It sits above
//! every module that attached something, so that none of them imports the
//! catalog's teardown back.

use pgrx::prelude::*;

use crate::error::OrSpiFailed;
use crate::names::table_name;
use crate::table::Table;

/// Forgets `tbl`'s profile, rules and model, after removing its cleaning trigger.
/// What cleaning recorded (issues, changes, quarantine) is kept; what an
/// incremental `dedupe` stored to compare with next time is not.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn unregister(tbl: Table) -> bool {
    let tbl = tbl.oid();
    crate::security::require_table_owner(tbl, "unregister");
    crate::cleaning::drop_trigger(tbl, "unregister");
    if crate::citus::is_citus_table(tbl) {
        // what dedupe wrote on the workers (src/matching/distributed.rs)
        let name = table_name(tbl);
        crate::security::as_extension_owner(|| {
            Spi::run_with_args(
                "DELETE FROM customer_clean.distributed_match_keys WHERE tbl_name = $1",
                &[name.as_str().into()],
            )
        })
        .or_spi_failed("unregister");
        crate::matching::queue::drop_queue(tbl, "unregister");
    }
    // The model and rules go with the profile (the catalog has no foreign
    // keys to cascade; see sql/catalog.sql).
    crate::security::as_extension_owner(|| {
        // (the state of incremental dedupe: not in the catalog of 0.1.0)
        let state = if crate::matching::incremental::state_tables_exist() {
            "ds AS (DELETE FROM customer_clean.dedupe_state WHERE tbl = $1),
             dr AS (DELETE FROM customer_clean.dedupe_rows WHERE tbl = $1),
             dp AS (DELETE FROM customer_clean.dedupe_pairs WHERE tbl = $1),"
        } else {
            ""
        };
        Spi::get_one_with_args::<bool>(
            &format!(
                "WITH m AS (DELETE FROM customer_clean.models WHERE tbl = $1),
                      r AS (DELETE FROM customer_clean.rules WHERE tbl = $1),
                      {state}
                      d AS (DELETE FROM customer_clean.profiles WHERE tbl = $1 RETURNING 1)
                 SELECT count(*) > 0 FROM d"
            ),
            &[tbl.into()],
        )
    })
    .or_spi_failed("unregister")
    .unwrap_or(false)
}
