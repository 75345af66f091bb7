//! `match_on_insert` on a Citus table (issue 19): new rows are queued
//! where they are written and matched by `match_pending` from the
//! coordinator. docs/citus.md ("New rows on a Citus table") has the design.
//!
//! On one node `match_on_insert` matches a statement's new rows inside
//! that statement, from its transition table. On Citus neither is there:
//! the trigger runs on a worker's shard, where Citus gives no transition
//! table (its planner cannot find the tuplestore; tried) and refuses the
//! distributed queries that matching across all shards needs. So:
//! 1. `enable_cleaning(tbl, …, match_on_insert => true)` creates the
//!    table's queue, `customer_clean.match_queue_<oid>` (one column,
//!    `row_id`, of the id's type), distributed by `row_id` and co-located
//!    with the table: the queue row of each customer row is on its node;
//! 2. an AFTER INSERT row trigger on every shard (`queue_for_matching`)
//!    hands the new row's id to the journal's buffer, which adds the
//!    statement's ids to the co-located shard of the queue in one
//!    INSERT, in the inserting transaction (`citus::local_queue_insert`);
//! 3. `match_pending(tbl)` (the table's owner, e.g. from a pg_cron job)
//!    takes up to `max_rows` queued ids, writes their match entries on the
//!    workers as `dedupe` does, and matches each row with the decision of
//!    one node's `match_on_insert` (`super::match_each`), then deletes them
//!    from the queue — all in one distributed transaction.
//!
//! `dedupe` empties the queue when it starts: it matches every row anyway.
//! A row inserted between that and its entries is then matched twice;
//! its entries are there twice until the next `dedupe`, which
//! `score_block` and `match_row` tolerate (each row once per block).

use std::collections::HashMap;

use customer_clean_engine::matching::Record;
use pgrx::prelude::*;
use pgrx::{JsonB, PgSqlErrorCode};
use serde_json::json;

use super::{blocking, check_review_below_min, distributed, lock_catalog, match_each, run, Target};
use crate::error::{OrSpiFailed, Report};
use crate::guc::pinned_search_path;
use crate::names::{quote_literal, table_name};
use crate::profile::TableState;
use crate::security::as_extension_owner;
use crate::table::Table;

/// Queued rows matched per chunk by `match_pending`.
const CHUNK_ROWS: usize = 1_000;

/// The queue of table `tbl` (its OID on the coordinator), as SQL names it.
fn queue_name(tbl: pg_sys::Oid) -> String {
    format!("customer_clean.match_queue_{}", u32::from(tbl))
}

/// The queue of `tbl` when there is one.
fn existing_queue(tbl: pg_sys::Oid, caller: &'static str) -> Option<String> {
    let name = queue_name(tbl);
    pinned_search_path(|| {
        Spi::get_one_with_args::<bool>("SELECT pg_catalog.to_regclass($1) IS NOT NULL", &[name.as_str().into()])
    })
    .or_spi_failed(caller)
    .unwrap_or(false)
    .then_some(name)
}

/// Creates the queue of the Citus table `tbl` (kept if it is there),
/// co-located with it, and brings the profile copies up to date so the
/// triggers on its shards find it. Raises 0A000 unless `tbl` is
/// distributed by hash of its profile's id column: only then is each
/// row's queue entry on the row's own node.
pub(crate) fn create(table: &Table, caller: &'static str) {
    let tbl = table.oid();
    let state = TableState::load(tbl, caller);
    let id_column = state.profile.id_column().to_string();
    let distributed_by = pinned_search_path(|| {
        Spi::get_one_with_args::<String>(
            "SELECT CASE p.partmethod WHEN 'h' THEN pg_catalog.column_to_column_name(p.logicalrelid, p.partkey) END
               FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = $1",
            &[tbl.into()],
        )
    })
    .or_spi_failed(caller);
    if distributed_by.as_deref() != Some(id_column.as_str()) {
        Report::new(PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED, caller, format!(
                "{caller}: match_on_insert on the Citus table {} needs it distributed by its id column {id_column}, not {}",
                state.name,
                distributed_by.map_or("as a reference or local table".to_string(), |c| format!("by {c}"))
            )).hint(format!("distribute it with create_distributed_table('{}', '{id_column}')", state.name.replace('\'', "''"))).raise();
    }
    // The queue's column has the id's type; the row ids are cast to it
    // with the extension owner's rights, so it must be a built-in type.
    let target = Target::new(table, caller);
    distributed::require_builtin_types(&target, caller);
    let queue = queue_name(tbl);
    as_extension_owner(|| {
        Spi::run(&format!(
            "CREATE TABLE IF NOT EXISTS {queue} (row_id {} PRIMARY KEY);
             COMMENT ON TABLE {queue} IS {}",
            state.id_type,
            quote_literal(&format!(
                "New rows of {} waiting for customer_clean.match_pending (kept by customer_clean; do not edit).",
                state.name
            ))
        ))?;
        let distributed = Spi::get_one_with_args::<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1::regclass)",
            &[queue.as_str().into()],
        )?
        .unwrap_or(false);
        if !distributed {
            Spi::run_with_args(
                "SELECT pg_catalog.create_distributed_table($1::regclass, 'row_id', colocate_with => $2)",
                &[queue.as_str().into(), state.name.as_str().into()],
            )?;
        }
        Ok::<_, pgrx::spi::SpiError>(())
    })
    .or_spi_failed(caller);
    crate::citus::sync_profile(tbl, caller);
}

/// Drops the queue of `tbl`, if any (`unregister`): rows still in it are
/// no longer matched on insert; the next `dedupe` matches them.
pub(crate) fn drop_queue(tbl: pg_sys::Oid, caller: &'static str) {
    if let Some(queue) = existing_queue(tbl, caller) {
        as_extension_owner(|| Spi::run(&format!("DROP TABLE {queue}"))).or_spi_failed(caller);
    }
}

/// Empties the queue of `target` (`dedupe` on a Citus table, which matches
/// every row).
pub(super) fn clear(target: &Target, caller: &'static str) {
    if let Some(queue) = existing_queue(target.oid, caller) {
        as_extension_owner(|| Spi::run(&format!("DELETE FROM {queue}"))).or_spi_failed(caller);
    }
}

/// The AFTER INSERT row trigger of `match_on_insert` on a Citus table
/// (installed by `enable_cleaning`, copied by Citus to every shard): queues
/// the new row's id on its node.
#[pg_trigger]
fn queue_for_matching<'a>(
    trigger: &'a PgTrigger<'a>,
) -> Result<Option<PgHeapTuple<'a, pgrx::AllocatedByPostgres>>, PgHeapTupleError> {
    const FN: &str = "queue_for_matching";
    let (Some(_), PgTriggerLevel::Row, Ok(PgTriggerWhen::After), Ok(PgTriggerOperation::Insert)) =
        (trigger.new(), trigger.level(), trigger.when(), trigger.op())
    else {
        Report::new(
            PgSqlErrorCode::ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
            FN,
            "customer_clean.queue_for_matching must be an AFTER INSERT FOR EACH ROW trigger",
        )
        .hint("install it with customer_clean.enable_cleaning(tbl, match_on_insert => true)")
        .raise()
    };
    let relid = trigger.relid().or_spi_failed(FN);
    let state = TableState::load(relid, FN);
    let Some(statement) = state.queue_insert.clone() else {
        Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            FN,
            format!(
                "{FN}: the match queue of {} has no shard beside relation {} on this node",
                state.name,
                table_name(relid)
            ),
        )
        .hint("call customer_clean.enable_cleaning(tbl, match_on_insert => true) on the coordinator again")
        .raise()
    };
    let td = trigger.trigger_data();
    // SAFETY: a row trigger's relation and new tuple are valid while it runs.
    let row_id = unsafe {
        crate::tuple::attribute_text(td.tg_trigtuple, (*td.tg_relation).rd_att, state.attnums[state.id_index])
    };
    // (a row without an id is not matched: match_row and dedupe skip it too)
    if let Some(row_id) = row_id {
        crate::journal::push(state.tbl, crate::journal::Record::Queued { statement, row_id }, FN);
    }
    Ok(None)
}

/// Matches the rows of the Citus table `tbl` that `match_on_insert`
/// queued (at most `max_rows`, in id order), as one node's
/// `match_on_insert` matches them in the inserting statement: their match
/// entries are written on the workers, and each row joins the cluster of
/// its best match at least `min_probability` likely, or its pairs at least
/// `review_probability` likely go to the review queue. Only the table's
/// owner may call it. A table with no queue (any table on one node, where
/// `match_on_insert` matches in the inserting statement) has nothing
/// pending. Returns a summary; `queued` is what is left.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn match_pending(
    tbl: Table,
    min_probability: default!(f64, 0.9),
    review_probability: default!(f64, 0.5),
    max_rows: default!(i32, 10000),
) -> JsonB {
    const FN: &str = "match_pending";
    check_review_below_min(FN, min_probability, review_probability);
    if max_rows < 1 {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            FN,
            format!("{FN}: max_rows must be at least 1, not {max_rows}"),
        )
        .hint("pass how many queued rows to match in this call, e.g. 10000")
        .raise();
    }
    crate::security::require_table_owner(tbl.oid(), FN);
    let Some(queue) = existing_queue(tbl.oid(), FN) else {
        return JsonB(json!({"rows": 0, "clustered": 0, "review_pairs": 0, "queued": 0}));
    };
    let target = Target::new(&tbl, FN);
    target.require_whole_table(FN);
    distributed::require_builtin_types(&target, FN);
    let model = target.model(FN);
    // After a dedupe's writes, and before any other's: both write entries.
    distributed::lock_entries(&target);
    lock_catalog(&target, false);
    let taken: Vec<String> = as_extension_owner(|| {
        Spi::get_one_with_args::<Vec<String>>(
            &format!("SELECT coalesce(array_agg(row_id::text ORDER BY row_id), '{{}}') FROM (SELECT row_id FROM {queue} ORDER BY row_id LIMIT $1) q"),
            &[i64::from(max_rows).into()],
        )
    })
    .or_spi_failed(FN)
    .unwrap_or_default();
    let (mut rows, mut clustered, mut review) = (0, 0, 0);
    if !taken.is_empty() {
        // Entries first, so that rows queued together find each other;
        // a chunk per statement: with 10,000 ids in one, the coordinator's
        // backend peaked at 470 MB (bench/citus.sh, 1M rows); a chunk at a
        // time, 98 MB for 19,000 queued rows.
        crate::citus::distribute_catalog(FN);
        for chunk in taken.chunks(CHUNK_ROWS) {
            distributed::write_entries(&target, Some(chunk), FN);
        }
        // Then a chunk of rows at a time, their candidates read with the
        // rows of their blocks. Each row's decision depends only on the
        // catalog, so the chunks decide as one batch would.
        for chunk in taken.chunks(CHUNK_ROWS) {
            let new_rows = target.read_ids(chunk, FN);
            let keys: Vec<Vec<i64>> = new_rows.iter().map(|(_, r)| blocking::lookup_keys(r, target.salt())).collect();
            // Every row's candidates at once: a query on Citus costs
            // milliseconds, however little it reads.
            let asked: Vec<(&[i64], Option<&str>)> =
                keys.iter().zip(&new_rows).map(|(k, (id, _))| (k.as_slice(), Some(id.as_str()))).collect();
            let mut ids = distributed::candidate_ids_of_many(
                &target,
                &asked,
                model.max_block_size,
                super::MAX_CANDIDATES as usize,
            );
            let mut wanted: Vec<String> = ids.iter().flatten().cloned().collect();
            wanted.sort_unstable();
            wanted.dedup();
            let records: HashMap<String, Record> = target.read_ids(&wanted, FN).into_iter().collect();
            let mut candidates_of = |i: usize| {
                // (rows deleted since their entries were written are left out)
                let found: Vec<String> =
                    std::mem::take(&mut ids[i]).into_iter().filter(|id| records.contains_key(id)).collect();
                let rows = found.iter().map(|id| records[id].clone()).collect();
                (found, rows)
            };
            let (c, r) =
                match_each(&target, &model, &new_rows, &mut candidates_of, min_probability, review_probability);
            (rows, clustered, review) = (rows + new_rows.len(), clustered + c, review + r);
        }
        // (ids of rows deleted since they were queued go too)
        run(
            target.caller,
            &format!("DELETE FROM {queue} WHERE row_id = ANY ($1::text[]::{}[])", target.id_type),
            vec![taken.into()],
        );
    }
    let left = as_extension_owner(|| Spi::get_one::<i64>(&format!("SELECT count(*) FROM {queue}")))
        .or_spi_failed(FN)
        .unwrap_or(0);
    JsonB(json!({"rows": rows, "clustered": clustered, "review_pairs": review, "queued": left}))
}
