//! `clean_table`: the cleaning of the write trigger, applied to the rows a
//! table already has (docs/functions.md, "Profiles and cleaning on write").
//!
//! A run walks the table in batches in the order of its id column (keyset:
//! `id > last id`), so it needs no state but the last id, which is kept in
//! `customer_clean.clean_table_runs` with the run's counters. The procedure
//! `clean_table` commits after every batch; when it is cancelled, the batch
//! in progress rolls back as a whole and the next call resumes after the
//! last committed batch. Each batch:
//! - reads its rows (locked FOR UPDATE) and cleans them in Rust,
//! - writes the changed values back with one UPDATE … FROM unnest(…), which
//!   the table's own cleaning trigger lets through (it would only redo the
//!   same work),
//! - records originals in `customer_clean.changes` (operation `CLEAN`) and
//!   replaces each row's problems in `customer_clean.issues`.
//!
//! Existing rows are never removed or refused: in `reject` or `quarantine`
//! mode a row with errors is flagged like in `flag` mode.

use std::collections::BTreeMap;
use std::time::Instant;

use pgrx::prelude::*;
use pgrx::{JsonB, PgSqlErrorCode};
use serde_json::{json, Value};

use crate::cleaning::{record, RowCleaner};
use crate::error::{json_row, spi_failed, Missing, OrRaise, OrSpiFailed, Report};
use crate::journal;
use crate::names::{quote_identifier as quote, table_name};
use crate::profile::TableState;
use crate::restore::without_cleaning_trigger;
use crate::security::as_extension_owner;
use crate::table::Table;
use customer_clean_engine::clean::Cleaned;
use customer_clean_engine::matching::parallel;
use customer_clean_engine::options::IntRange;

const FN: &str = "clean_table";

/// Rows read per cursor fetch of a batch: each fetch's rows go to the
/// worker threads while the next are read.
const FETCH_ROWS: i64 = 1_000;

/// Rows per batch of `clean_table`: a million rows of a wide table is
/// already hundreds of MB held at once, and a batch is what a cancel loses.
const BATCH_SIZE_RANGE: IntRange = IntRange { min: 1, max: 1_000_000 };

/// Starts a run of `clean_table` over `tbl`, or returns the unfinished run
/// of `tbl` to resume it. Returns the run id.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn clean_table_start(tbl: Table, batch_size: default!(i32, 10000)) -> i64 {
    let oid = tbl.oid();
    // A batch is read, cleaned and written in one go, held in memory: its
    // size is bounded like every other option a caller passes.
    customer_clean_engine::options::integer_argument(
        FN,
        "batch_size",
        i64::from(batch_size),
        BATCH_SIZE_RANGE,
        "rows cleaned and committed together; the default, 10000, suits most tables",
    )
    .or_raise(FN);
    crate::security::require_table_owner(oid, FN);
    let state = TableState::load(oid, FN);
    if state.citus {
        // Its batches lock rows by an id range, which Citus does not do
        // across shards, and its write-back would pass through the
        // shards' triggers, which clean and journal on the workers.
        Report::new(
            PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED,
            FN,
            format!("clean_table is not supported on the Citus table {}", state.name),
        )
        .hint(format!(
            "the cleaning trigger cleans rows on the workers: run customer_clean.enable_cleaning('{0}'), then \
                 UPDATE {0} SET <a profiled column> = <the same column> over ranges of ids",
            state.name.replace('\'', "''")
        ))
        .raise();
    }
    // The run is bookkeeping, kept by the extension's owner; the rows are
    // counted with the caller's rights.
    let resumed = as_extension_owner(|| {
        Spi::get_two_with_args::<i64, String>(
            "WITH r AS (UPDATE customer_clean.clean_table_runs SET batch_size = $2
                     WHERE tbl = $1 AND finished_at IS NULL
                    RETURNING run_id, rows_done, last_row_id)
         SELECT (SELECT run_id FROM r),
                (SELECT format('%s rows done, last id %s', rows_done, coalesce(last_row_id, '(none)')) FROM r)",
            &[oid.into(), batch_size.into()],
        )
    })
    .or_spi_failed(FN);
    if let (Some(run), Some(progress)) = resumed {
        notice!("clean_table {}: resuming run {run} ({progress})", table_name(oid));
        return run;
    }
    let rows_total =
        Spi::get_one::<i64>(&format!("SELECT count(*) FROM {}", table_name(oid))).or_spi_failed(FN).unwrap_or(0);
    let started_by = crate::security::current_role_name();
    as_extension_owner(|| {
        Spi::get_one_with_args::<i64>(
            "INSERT INTO customer_clean.clean_table_runs (tbl, batch_size, rows_total, started_by)
             VALUES ($1, $2, $3, $4) RETURNING run_id",
            &[oid.into(), batch_size.into(), rows_total.into(), started_by.into()],
        )
    })
    .or_spi_failed(FN)
    .unwrap_or_else(|| spi_failed(FN, "no run id returned"))
}

/// Cleans the next batch of run `run_id` and returns the run's summary so
/// far (`finished` is true once every row was seen). The procedure
/// `clean_table` calls it in a loop and commits in between; call it
/// yourself to clean inside one transaction.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn clean_table_batch(run_id: i64) -> JsonB {
    let run = as_extension_owner(|| {
        json_row(
            "SELECT (SELECT to_jsonb(r) || jsonb_build_object('tbl_oid', r.tbl::oid::bigint)
                   FROM customer_clean.clean_table_runs r WHERE run_id = $1 FOR UPDATE)",
            &[run_id.into()],
            FN,
            || Missing {
                code: PgSqlErrorCode::ERRCODE_NO_DATA_FOUND,
                message: format!("no clean_table run {run_id}"),
                hint: "start one with customer_clean.clean_table_start(tbl)".into(),
            },
        )
    });
    let tbl = pg_sys::Oid::from(run["tbl_oid"].as_u64().unwrap_or(0) as u32);
    crate::security::require_table_owner(tbl, FN);
    if !run["finished_at"].is_null() {
        return JsonB(summary(&run));
    }
    let started = Instant::now();
    let batch_size = run["batch_size"].as_i64().unwrap_or(10_000);
    let state = TableState::load(tbl, FN);
    let table = table_name(tbl);
    let id_type = &state.id_type;
    let quoted_id = quote(state.profile.id_column());
    let mut select_list: Vec<String> = state.layout.columns.iter().map(|c| format!("t.{}::text", quote(c))).collect();
    // With in-row originals, the row's entries so far, read last.
    let originals_column = state.originals_column();
    if let Some(column) = originals_column {
        select_list.push(format!("t.{}::text", quote(column)));
    }
    let read = format!(
        "SELECT {} FROM {table} t WHERE $1::text IS NULL OR t.{quoted_id} > $1::text::{id_type}
          ORDER BY t.{quoted_id} LIMIT {batch_size} FOR UPDATE",
        select_list.join(", ")
    );
    // The rows are cleaned on worker threads while this thread reads the
    // next rows (the cleaning is pure Rust; only this thread calls into
    // PostgreSQL).
    let cleaner = RowCleaner::new(&state);
    let width = select_list.len();
    let layout_columns = &state.layout.columns;
    let cleaned_rows: Vec<CleanedRow> = Spi::connect(|client| {
        let mut cursor = client.open_cursor(&read, &[run["last_row_id"].as_str().into()]);
        parallel::pipeline(
            parallel::thread_count(0),
            || -> Result<Option<Vec<Vec<Option<String>>>>, pgrx::spi::SpiError> {
                pg_sys::check_for_interrupts!();
                let fetched = cursor.fetch(FETCH_ROWS)?;
                if fetched.is_empty() {
                    return Ok(None);
                }
                let rows = fetched
                    .map(|row| (1..=width).map(|i| row.get::<String>(i)).collect::<Result<Vec<_>, _>>())
                    .collect::<Result<Vec<_>, _>>()?;
                crate::memory::free_fetched_rows();
                Ok(Some(rows))
            },
            |mut values: Vec<Option<String>>| {
                let previous = originals_column.and_then(|_| values.pop().flatten());
                let cleaned = cleaner.clean(&mut values);
                // The row's new entries, written with the cleaned values
                // (rows without changes are not written).
                let originals = (originals_column.is_some() && !cleaned.changes.is_empty()).then(|| {
                    let previous: Option<serde_json::Value> = previous.and_then(|p| serde_json::from_str(&p).ok());
                    customer_clean_engine::originals::carry(
                        previous.as_ref().and_then(serde_json::Value::as_object),
                        layout_columns,
                        &values,
                        &cleaned.changes,
                    )
                    .map(|m| serde_json::Value::Object(m).to_string())
                });
                CleanedRow { values, cleaned, originals: originals.flatten() }
            },
        )
    })
    .or_spi_failed(FN);

    let mut counts = Counts::default();
    let mut updates: Vec<Update> = Vec::new();
    for CleanedRow { values, cleaned, originals } in cleaned_rows {
        let row_id = values[state.id_index].clone().unwrap_or_default();
        counts.rows += 1;
        counts.last_id = Some(row_id.clone());
        if cleaned.has_errors() {
            counts.rows_with_errors += 1;
        }
        for f in &cleaned.findings {
            *counts.issues.entry(f.code.clone()).or_default() += 1;
        }
        if !cleaned.changes.is_empty() {
            counts.rows_changed += 1;
            for c in &cleaned.changes {
                *counts.values_changed.entry(c.column.clone()).or_default() += 1;
            }
            updates.push(Update {
                row_id: row_id.clone(),
                values: cleaned.changes.iter().map(|c| (c.index, c.normalized.clone())).collect(),
                originals,
            });
        }
        record(&state, row_id, journal::Operation::Clean, true, cleaned, FN);
    }
    if !updates.is_empty() {
        write_back(&state, &table, &quoted_id, updates);
    }
    journal::flush(FN);

    let finished = counts.rows < batch_size;
    let update = format!(
        "UPDATE customer_clean.clean_table_runs r
            SET rows_done = rows_done + $2, rows_changed = rows_changed + $3,
                rows_with_errors = rows_with_errors + $4,
                values_changed = {}, issues = {},
                last_row_id = coalesce($7, last_row_id), seconds = seconds + $8,
                finished_at = CASE WHEN $9 THEN now() END
          WHERE run_id = $1
         RETURNING to_jsonb(r)",
        add_counts("values_changed", 5),
        add_counts("issues", 6)
    );
    let updated = as_extension_owner(|| {
        Spi::get_one_with_args::<JsonB>(
            &update,
            &[
                run_id.into(),
                counts.rows.into(),
                counts.rows_changed.into(),
                counts.rows_with_errors.into(),
                JsonB(json!(counts.values_changed)).into(),
                JsonB(json!(counts.issues)).into(),
                counts.last_id.into(),
                started.elapsed().as_secs_f64().into(),
                finished.into(),
            ],
        )
    })
    .or_spi_failed(FN)
    .map(|j| j.0)
    .unwrap_or(Value::Null);
    progress_notice(&table, &updated);
    JsonB(summary(&updated))
}

/// SQL adding the counts of jsonb parameter `$param` to the jsonb counts
/// in `column` (key → number).
fn add_counts(column: &str, param: usize) -> String {
    format!(
        "(SELECT coalesce(jsonb_object_agg(k, n), '{{}}') FROM (
           SELECT k, sum(v::bigint) AS n FROM (
             SELECT key AS k, value AS v FROM jsonb_each_text({column})
             UNION ALL SELECT key, value FROM jsonb_each_text(${param})) a GROUP BY k) b)"
    )
}

/// A row of a batch after cleaning: its values, what cleaning did, and
/// (in-row originals) the JSON its originals column gets.
struct CleanedRow {
    values: Vec<Option<String>>,
    cleaned: Cleaned,
    originals: Option<String>,
}

/// What the write-back changes in one row: (layout index, value) pairs,
/// and the originals column's new JSON with in-row originals.
struct Update {
    row_id: String,
    values: Vec<(usize, String)>,
    originals: Option<String>,
}

#[derive(Default)]
struct Counts {
    rows: i64,
    rows_changed: i64,
    rows_with_errors: i64,
    values_changed: BTreeMap<String, i64>,
    issues: BTreeMap<String, i64>,
    last_id: Option<String>,
}

/// Writes normalized values back: one UPDATE for the batch, each column
/// set only where it changed (and, with in-row originals, the originals
/// column of every row written). `updates` are in the batch's id order.
fn write_back(state: &TableState, table: &str, quoted_id: &str, updates: Vec<Update>) {
    let mut columns: Vec<usize> = updates.iter().flat_map(|u| u.values.iter().map(|(i, _)| *i)).collect();
    columns.sort_unstable();
    columns.dedup();
    let ids: Vec<String> = updates.iter().map(|u| u.row_id.clone()).collect();
    let ids_range = (ids.first().cloned().unwrap_or_default(), ids.last().cloned().unwrap_or_default());
    let values: Vec<Vec<Option<String>>> = columns
        .iter()
        .map(|col| updates.iter().map(|u| u.values.iter().find(|(i, _)| i == col).map(|(_, v)| v.clone())).collect())
        .collect();
    let mut set: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(k, &col)| {
            let name = quote(&state.layout.columns[col]);
            format!("{name} = coalesce(u.v{k}, t.{name})")
        })
        .collect();
    let mut aliases: Vec<String> = (0..columns.len()).map(|k| format!("v{k}")).collect();
    let mut args: Vec<pgrx::datum::DatumWithOid> = vec![ids.into()];
    args.extend(values.into_iter().map(Into::into));
    if let Some(column) = state.originals_column() {
        set.push(format!("{} = u.originals::jsonb", quote(column)));
        aliases.push("originals".into());
        args.push(updates.into_iter().map(|u| u.originals).collect::<Vec<Option<String>>>().into());
    }
    let params: Vec<String> = (1..=args.len()).map(|k| format!("${k}::text[]")).collect();
    // The rows lie in the batch's id range (it was read in id order): the
    // range lets the join read only them through the id's index. Without
    // it PostgreSQL, which knows the array's length when it plans, hashed
    // the whole table for every batch of a table of 200,000 rows (68 of
    // the UPDATE's 116 ms): work that grew with the table, not the batch.
    let (first, last) = (args.len() + 1, args.len() + 2);
    args.push(ids_range.0.into());
    args.push(ids_range.1.into());
    let id_type = &state.id_type;
    let sql = format!(
        "UPDATE {table} t SET {} FROM unnest({}) AS u(k, {}) WHERE t.{quoted_id} = u.k::{id_type}
            AND t.{quoted_id} BETWEEN ${first}::text::{id_type} AND ${last}::text::{id_type}",
        set.join(", "),
        params.join(", "),
        aliases.join(", "),
    );
    without_cleaning_trigger(state.tbl, FN, || {
        Spi::connect_mut(|client| client.update(&sql, None, &args).map(|_| ())).or_spi_failed(FN)
    });
}

/// What a caller sees of a run: the row of `clean_table_runs` without
/// internals.
fn summary(run: &Value) -> Value {
    let mut s = run.clone();
    if let Some(o) = s.as_object_mut() {
        o.remove("tbl_oid");
        o.insert("finished".into(), Value::Bool(!run["finished_at"].is_null()));
    }
    s
}

/// `clean_table public.customers: 20000 of 100000 rows (20.0%), 5123
/// changed, 812 with errors; 45000 rows/s, about 2 s left`.
fn progress_notice(table: &str, run: &Value) {
    let done = run["rows_done"].as_i64().unwrap_or(0);
    let total = run["rows_total"].as_i64().unwrap_or(0).max(done);
    let seconds = run["seconds"].as_f64().unwrap_or(0.0);
    let rate = if seconds > 0.0 { done as f64 / seconds } else { 0.0 };
    let left = if rate > 0.0 { (total - done) as f64 / rate } else { 0.0 };
    let pct = if total > 0 { 100.0 * done as f64 / total as f64 } else { 100.0 };
    notice!(
        "clean_table {table}: {done} of {total} rows ({pct:.1}%), {} changed, {} with errors; {rate:.0} rows/s, {}",
        run["rows_changed"],
        run["rows_with_errors"],
        if run["finished_at"].is_null() { format!("about {left:.0} s left") } else { "done".to_string() }
    );
}

// The procedure `clean_table`, in PL/pgSQL: it commits after every batch,
// which a Rust function cannot (why and how it pins search_path: the file).
::pgrx::extension_sql_file!(
    "../sql/clean_table.sql",
    name = "clean_table_procedure",
    requires = [clean_table_start, clean_table_batch, security::require_owner_sql]
);
