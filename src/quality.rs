//! Data quality from SQL (docs/functions.md, "Quality"): `quality_report`, `quality_issues`,
//! `quality_score` and `quality_details` (engine: `quality`).
//!
//! The table is read once through a cursor, in batches; each batch is
//! judged on worker threads (the same rules as the cleaning trigger) while
//! this thread fetches the next. Uniqueness needs the whole table at once
//! and is counted by a few aggregate queries instead.

use customer_clean_engine::matching::parallel;
use customer_clean_engine::profile::Role;
use customer_clean_engine::quality::{self, Dimension, Line, Measures, Problem, RowQuality, Tally};
use customer_clean_engine::row::Context;
use pgrx::prelude::*;
use pgrx::{JsonB, PgSqlErrorCode};
use serde_json::json;

use crate::error::{spi_failed, OrSpiFailed, Report};
use crate::names::{quote_identifier as quote, table_name};
use crate::profile::TableState;
use crate::security::{Needs, READ, STEWARD_RESTORING};
use crate::table::Table;

/// Rows fetched per batch (a cancel is noticed between batches).
const BATCH: i64 = 10_000;
/// Identifier roles whose repeated values count against uniqueness.
const KEY_ROLES: [Role; 4] = [Role::Phone, Role::Mobile, Role::Email, Role::NationalId];

/// `SELECT id::text, <layout columns as text> FROM tbl t`, with the
/// `updated_at` column as an ISO date when it is a date or timestamp
/// (its text would follow the session's DateStyle).
fn select_rows(state: &TableState, caller: &'static str) -> String {
    format!(
        "SELECT t.{}::text, {} FROM {} t",
        quote(state.profile.id_column()),
        value_list(state, caller),
        table_name(state.tbl)
    )
}

/// The layout columns of `t` as text, in layout order (see `select_rows`).
fn value_list(state: &TableState, caller: &'static str) -> String {
    let updated = state.profile.column(Role::UpdatedAt).map(|b| b.column.as_str());
    let temporal = updated.is_some_and(|c| {
        Spi::get_one_with_args::<bool>(
            "SELECT atttypid IN ('date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype)
               FROM pg_catalog.pg_attribute WHERE attrelid = $1 AND attname = $2",
            &[state.tbl.into(), c.into()],
        )
        .or_spi_failed(caller)
        .unwrap_or(false)
    });
    let list: Vec<String> = state
        .layout
        .columns
        .iter()
        .map(|c| {
            if temporal && Some(c.as_str()) == updated {
                format!("to_char(t.{}, 'YYYY-MM-DD')", quote(c))
            } else {
                format!("t.{}::text", quote(c))
            }
        })
        .collect();
    list.join(", ")
}

/// Runs `each` over every row of `tbl` (`where_` filters, `$1` bound to
/// `arg`) with the row's id, values and quality, in batches judged on
/// worker threads. Checks for a cancel between batches.
fn for_each_row(
    state: &TableState,
    measures: &Measures,
    where_: &str,
    arg: Option<&str>,
    caller: &'static str,
    mut each: impl FnMut(&str, &[Option<String>], RowQuality),
) {
    let sql = format!("{} {where_}", select_rows(state, caller));
    let width = state.layout.columns.len();
    let threads = parallel::thread_count(0);
    Spi::connect(|client| {
        let args: Vec<pgrx::datum::DatumWithOid> = arg.map(|a| vec![a.into()]).unwrap_or_default();
        let mut cursor = client.open_cursor(&sql, &args);
        loop {
            let batch = cursor.fetch(BATCH)?;
            if batch.is_empty() {
                break;
            }
            let mut rows: Vec<(String, Vec<Option<String>>)> = Vec::with_capacity(batch.len());
            for row in batch {
                let id = row.get::<String>(1)?.unwrap_or_default();
                rows.push((id, (2..=width + 1).map(|i| row.get::<String>(i)).collect::<Result<_, _>>()?));
            }
            crate::memory::free_fetched_rows();
            let judged = parallel::map(&rows, threads, 2_000, |(_, values)| measures.assess(values), &mut |_| {});
            for ((id, values), q) in rows.iter().zip(judged) {
                each(id, values, q);
            }
            pg_sys::check_for_interrupts!();
        }
        Ok::<_, pgrx::spi::SpiError>(())
    })
    .or_spi_failed(caller);
}

/// `count(*)` style query returning one bigint.
fn count(sql: &str, args: &[pgrx::datum::DatumWithOid], caller: &'static str) -> i64 {
    Spi::get_one_with_args::<i64>(sql, args).or_spi_failed(caller).unwrap_or(0)
}

/// The uniqueness lines: rows that clusters mark as duplicates (beyond one
/// per cluster), and per identifier column the rows repeating a value an
/// earlier row has (case and surrounding space ignored).
fn uniqueness_lines(state: &TableState, rows: u64, caller: &'static str) -> Vec<Line> {
    let target = state.profile.options.quality.target(Dimension::Uniqueness);
    let duplicates = count(
        "SELECT count(*) - count(DISTINCT cluster_id) FROM customer_clean.clusters WHERE tbl = $1",
        &[state.tbl.into()],
        caller,
    );
    let mut lines = vec![Line {
        dimension: Dimension::Uniqueness,
        column: None,
        value: Some(if rows == 0 { 1.0 } else { 1.0 - duplicates as f64 / rows as f64 }),
        target,
        failing_rows: duplicates,
    }];
    for role in KEY_ROLES {
        let Some(b) = state.profile.column(role) else { continue };
        let c = quote(&b.column);
        let (present, distinct) = Spi::get_two::<i64, i64>(&format!(
            "SELECT count(*), count(DISTINCT lower(btrim(t.{c}::text))) FROM {} t WHERE btrim(t.{c}::text) <> ''",
            table_name(state.tbl)
        ))
        .or_spi_failed(caller);
        let (present, distinct) = (present.unwrap_or(0), distinct.unwrap_or(0));
        lines.push(Line {
            dimension: Dimension::Uniqueness,
            column: Some(b.column.clone()),
            value: (present > 0).then(|| distinct as f64 / present as f64),
            target,
            failing_rows: present - distinct,
        });
    }
    lines
}

/// Step of the aggregate `quality_tally(tbl, values)`: adds one row
/// (`values`: its layout columns as text, as `select_rows` reads them) to
/// the partial counts of `tbl`'s quality. On a Citus table each worker
/// sums its shards and only the counts reach the coordinator
/// (docs/citus.md); the step reads the profile from the node it runs on.
/// Not pinned to a search_path, like the cleaning trigger: it runs once
/// per row, and the SQL it runs on a cache miss pins its own.
#[pg_extern(stable, parallel_safe)]
fn quality_tally_step(state: Option<&[u8]>, tbl: Table, values: Option<Vec<Option<String>>>) -> Vec<u8> {
    const FN: &str = "quality_tally";
    let table = TableState::load(tbl.oid(), FN);
    let width = table.layout.columns.len();
    let mut tally = match state {
        Some(bytes) => Tally::from_bytes(bytes).unwrap_or_else(|| bad_tally(FN)),
        None => Tally::new(width),
    };
    let values = values.unwrap_or_default();
    if values.len() != width || tally.present.len() != width {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            FN,
            format!("quality_tally: {} values for the {width} profiled columns of {}", values.len(), table.name),
        )
        .hint("quality_tally is internal to quality_report, which passes the row's profiled columns in profile order")
        .raise();
    }
    let ctx = Context { profile: &table.profile, layout: &table.layout, today: crate::date::today() };
    let measures = Measures::new(&ctx, &table.rules, &table.profile.options.quality);
    tally.add(&values, &measures.assess(&values));
    tally.to_bytes()
}

/// Combine function of `quality_tally`: the sum of two partial counts.
#[pg_extern(immutable, strict, parallel_safe)]
fn quality_tally_combine(a: &[u8], b: &[u8]) -> Vec<u8> {
    const FN: &str = "quality_tally";
    let mut sum = Tally::from_bytes(a).unwrap_or_else(|| bad_tally(FN));
    let other = Tally::from_bytes(b).unwrap_or_else(|| bad_tally(FN));
    if other.present.len() != sum.present.len() {
        bad_tally(FN);
    }
    sum.merge(&other);
    sum.to_bytes()
}

fn bad_tally(caller: &'static str) -> ! {
    Report::new(
        PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
        caller,
        "quality_tally: the partial counts are not a quality tally of this version",
    )
    .hint("quality_tally is internal to quality_report; call customer_clean.quality_report(tbl)")
    .raise()
}

/// The quality counts of Citus table `state.tbl`, summed on the workers
/// by `quality_tally`: the rows never leave their nodes.
fn tally_on_workers(state: &TableState, caller: &'static str) -> Tally {
    // The table travels as a literal: Citus sends a regclass parameter to
    // the workers as the coordinator's OID.
    let sql = format!(
        "SELECT customer_clean.quality_tally({}::pg_catalog.regclass, ARRAY[{}]) FROM {} t",
        crate::names::quote_literal(&state.name),
        value_list(state, caller),
        state.name
    );
    let bytes = Spi::get_one::<Vec<u8>>(&sql).or_spi_failed(caller);
    match bytes {
        Some(b) => Tally::from_bytes(&b).unwrap_or_else(|| bad_tally(caller)),
        None => Tally::new(state.layout.columns.len()),
    }
}

/// The table's quality per dimension and column against its targets;
/// values are fractions in [0, 1] (see docs/functions.md).
#[allow(clippy::type_complexity)] // pgrx reads the result's columns from the signature
#[pg_extern(stable, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn quality_report(
    tbl: Table,
) -> TableIterator<
    'static,
    (
        name!(dimension, String),
        name!(column_name, Option<String>),
        name!(value, Option<f64>),
        name!(target, Option<f64>),
        name!(passed, Option<bool>),
        name!(failing_rows, i64),
    ),
> {
    const FN: &str = "quality_report";
    crate::security::require(tbl.oid(), READ, FN);
    let state = TableState::load(tbl.oid(), FN);
    let ctx = Context { profile: &state.profile, layout: &state.layout, today: crate::date::today() };
    let options = &state.profile.options.quality;
    let measures = Measures::new(&ctx, &state.rules, options);
    let tally = if crate::citus::is_citus_table(state.tbl) {
        tally_on_workers(&state, FN)
    } else {
        let mut tally = Tally::new(state.layout.columns.len());
        for_each_row(&state, &measures, "", None, FN, |_, values, q| tally.add(values, &q));
        tally
    };
    let lines = quality::report(&measures, &tally, uniqueness_lines(&state, tally.rows, FN), options);
    TableIterator::new(
        lines
            .into_iter()
            .map(|l| {
                let passed = l.passed();
                (l.dimension.as_str().to_string(), l.column, l.value, l.target, passed, l.failing_rows)
            })
            .collect::<Vec<_>>(),
    )
}

/// The rows behind a line of the report: those failing `dimension` (in
/// `column_name`, or any column when NULL), with the problem and value.
#[pg_extern(stable, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn quality_issues(
    tbl: Table,
    dimension: Option<&str>,
    column_name: default!(Option<&str>, "NULL"),
) -> TableIterator<
    'static,
    (name!(row_id, String), name!(column_name, Option<String>), name!(problem, String), name!(value, Option<String>)),
> {
    const FN: &str = "quality_issues";
    crate::security::require(tbl.oid(), READ, FN);
    let dimension = crate::error::not_null(dimension, "dimension", FN);
    let state = TableState::load(tbl.oid(), FN);
    let Some(dim) = Dimension::parse(dimension).filter(|d| *d != Dimension::Overall) else {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            FN,
            format!("{FN}: unknown dimension \"{dimension}\""),
        )
        .hint("use completeness, validity, consistency, timeliness or uniqueness")
        .raise()
    };
    if let Some(c) = column_name {
        if !state.layout.columns.iter().any(|l| l == c) {
            Report::new(
                PgSqlErrorCode::ERRCODE_UNDEFINED_COLUMN,
                FN,
                format!("{FN}: column \"{c}\" is not measured in {}", table_name(state.tbl)),
            )
            .hint(format!("measured columns: {}", state.layout.columns.join(", ")))
            .raise();
        }
    }
    let mut out: Vec<(String, Option<String>, String, Option<String>)> = Vec::new();
    if dim == Dimension::Uniqueness {
        uniqueness_issues(&state, column_name, &mut out);
    } else {
        let ctx = Context { profile: &state.profile, layout: &state.layout, today: crate::date::today() };
        let measures = Measures::new(&ctx, &state.rules, &state.profile.options.quality);
        for_each_row(&state, &measures, "", None, FN, |id, _, q| {
            out.extend(
                q.problems
                    .into_iter()
                    .filter(|p| p.dimension == dim && column_name.is_none_or(|c| p.column == c))
                    .map(|p| (id.to_string(), Some(p.column), p.code, p.value)),
            )
        });
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    TableIterator::new(out)
}

/// Rows of multi-row clusters but the first of each (column NULL), or
/// rows repeating a value of an identifier column.
fn uniqueness_issues(
    state: &TableState,
    column: Option<&str>,
    out: &mut Vec<(String, Option<String>, String, Option<String>)>,
) {
    const FN: &str = "quality_issues";
    let table = table_name(state.tbl);
    let (sql, col) = match column {
        None => (
            "SELECT row_id, NULL::text, 'duplicate_in_cluster', cluster_id::text FROM (
               SELECT row_id, cluster_id, row_number() OVER (PARTITION BY cluster_id ORDER BY row_id COLLATE \"C\") AS n
                 FROM customer_clean.clusters WHERE tbl = $1) c WHERE n > 1"
                .to_string(),
            None,
        ),
        Some(c) => {
            let q = quote(c);
            (
                format!(
                    "SELECT id, $2::text, 'same_value_as_another_row', v FROM (
                       SELECT t.{id}::text AS id, t.{q}::text AS v,
                              count(*) OVER (PARTITION BY lower(btrim(t.{q}::text))) AS n
                         FROM {table} t WHERE btrim(t.{q}::text) <> '') s WHERE n > 1 AND $1 IS NOT NULL",
                    id = quote(state.profile.id_column())
                ),
                Some(c.to_string()),
            )
        }
    };
    Spi::connect(|client| {
        for row in client.select(&sql, None, &[state.tbl.into(), col.clone().into()])? {
            out.push((
                row.get::<String>(1)?.unwrap_or_default(),
                row.get::<String>(2)?,
                row.get::<String>(3)?.unwrap_or_default(),
                row.get::<String>(4)?,
            ));
        }
        Ok::<_, pgrx::spi::SpiError>(())
    })
    .or_spi_failed(FN);
}

/// One row's quality: its score 0–100, per dimension, and its problems;
/// with `shared_values`, also its identifier values another row has too
/// (one scan of the table per identifier column, so not for scores).
fn row_quality(tbl: &Table, row_id: &str, shared_values: bool, caller: &'static str) -> serde_json::Value {
    crate::security::require(tbl.oid(), READ, caller);
    let state = TableState::load(tbl.oid(), caller);
    let ctx = Context { profile: &state.profile, layout: &state.layout, today: crate::date::today() };
    let options = &state.profile.options.quality;
    let measures = Measures::new(&ctx, &state.rules, options);
    let filter = format!("WHERE t.{} = $1::text::{}", quote(state.profile.id_column()), state.id_type);
    let mut found: Option<(Vec<Option<String>>, RowQuality)> = None;
    for_each_row(&state, &measures, &filter, Some(row_id), caller, |_, values, q| found = Some((values.to_vec(), q)));
    let Some((values, q)) = found else {
        Report::new(
            PgSqlErrorCode::ERRCODE_NO_DATA_FOUND,
            caller,
            format!("{caller}: no row of {} has {} = '{row_id}'", table_name(state.tbl), state.profile.id_column()),
        )
        .hint(format!("pass a value of the id column {}", state.profile.id_column()))
        .raise()
    };
    let cluster = Spi::get_one_with_args::<i64>(
        "SELECT (SELECT c.cluster_id FROM customer_clean.clusters c WHERE c.tbl = $1 AND c.row_id = $2)",
        &[state.tbl.into(), row_id.into()],
    )
    .or_spi_failed(caller);
    let (score, parts) = quality::row_scores(&measures, &values, &q, cluster.is_some(), options);
    let mut problems: Vec<Problem> = q.problems;
    if let Some(c) = cluster {
        problems.push(Problem {
            dimension: Dimension::Uniqueness,
            index: state.id_index,
            column: state.profile.id_column().to_string(),
            code: "duplicate_in_cluster".into(),
            value: Some(c.to_string()),
        });
    }
    if shared_values {
        for role in KEY_ROLES {
            let Some(b) = state.profile.column(role) else { continue };
            let Some(i) = state.layout.index(&b.column) else { continue };
            let Some(v) = values[i].as_deref().filter(|v| !v.trim().is_empty()) else { continue };
            let shared = Spi::get_one_with_args::<bool>(
                &format!(
                    "SELECT EXISTS (SELECT 1 FROM {} t WHERE lower(btrim(t.{c}::text)) = lower(btrim($1))
                                      AND t.{id}::text <> $2)",
                    table_name(state.tbl),
                    c = quote(&b.column),
                    id = quote(state.profile.id_column())
                ),
                &[v.into(), row_id.into()],
            )
            .or_spi_failed(caller)
            .unwrap_or(false);
            if shared {
                problems.push(Problem {
                    dimension: Dimension::Uniqueness,
                    index: i,
                    column: b.column.clone(),
                    code: "same_value_as_another_row".into(),
                    value: Some(v.to_string()),
                });
            }
        }
    }
    json!({
        "score": (score * 100.0).round() / 100.0,
        "dimensions": parts.iter().map(|(d, s)| (d.as_str().to_string(), json!(s))).collect::<serde_json::Map<_, _>>(),
        "problems": problems,
        "cluster_id": cluster,
    })
}

/// The row's quality score, 0–100 (weighted mean of its dimensions).
#[pg_extern(stable, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn quality_score(tbl: Table, row_id: &str) -> pgrx::AnyNumeric {
    let details = row_quality(&tbl, row_id, false, "quality_score");
    pgrx::AnyNumeric::try_from(details["score"].as_f64().unwrap_or(0.0)).unwrap_or_default()
}

/// The row's score, its score per dimension and each problem: missing,
/// invalid, inconsistent, stale, and duplicated (in a cluster, or an
/// identifier another row has too).
#[pg_extern(stable, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn quality_details(tbl: Table, row_id: &str) -> JsonB {
    JsonB(row_quality(&tbl, row_id, true, "quality_details"))
}

// Entry points of the quality history and of archiving: the work is
// PL/pgSQL in sql/quality.sql (`*_body`), run as the caller with the
// history tables of `tbl` open for it (see src/security.rs).

/// Appends the quality report of `tbl` to `customer_clean.quality_history`;
/// returns the snapshot id (`snapshot_quality_body`).
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn snapshot_quality(tbl: Table) -> i64 {
    crate::restore::run_body(
        tbl.oid(),
        READ,
        false,
        "SELECT customer_clean.snapshot_quality_body($1)",
        &[tbl.oid().into()],
        "snapshot_quality",
    )
    .unwrap_or_else(|| spi_failed("snapshot_quality", "snapshot_quality_body returned no snapshot id"))
}

/// Moves the rows of `tbl` not updated within `days` days to
/// `customer_clean.archive` (`archive_stale_body`); returns how many.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn archive_stale(tbl: Table, days: i32) -> i64 {
    crate::security::require_table_owner(tbl.oid(), "archive_stale");
    if crate::citus::is_citus_table(tbl.oid()) {
        // It moves rows with DELETE … RETURNING their image, which Citus
        // refuses on a distributed table (the image's functions are not
        // IMMUTABLE); two statements would need a lock Citus cannot take
        // across shards, or lose an update made in between.
        Report::new(
            PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED,
            "archive_stale",
            format!("archive_stale is not supported on the Citus table {}", table_name(tbl.oid())),
        )
        .hint("stale_customers(tbl, days) lists the rows; keep them in the table")
        .raise();
    }
    crate::restore::run_body(
        tbl.oid(),
        Needs::Owner,
        false,
        "SELECT customer_clean.archive_stale_body($1, $2)",
        &[tbl.oid().into(), days.into()],
        "archive_stale",
    )
    .unwrap_or_else(|| spi_failed("archive_stale", "archive_stale_body returned nothing"))
}

/// The entry point of restore_archived() with the row ids as text: puts
/// archived rows of `tbl` back exactly (all, or those of `row_ids`), past
/// the cleaning trigger as they were stored (`restore_archived_body`).
/// `restore_archived(tbl, anycompatiblearray)` (sql/typed_ids.sql) calls
/// it with any id type.
#[pg_extern(name = "restore_archived_text", volatile, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn restore_archived(tbl: Table, row_ids: Option<Vec<Option<String>>>) -> i64 {
    crate::restore::run_body(
        tbl.oid(),
        STEWARD_RESTORING,
        true,
        "SELECT customer_clean.restore_archived_body($1, $2)",
        &[tbl.oid().into(), row_ids.into()],
        "restore_archived",
    )
    .unwrap_or_else(|| spi_failed("restore_archived", "restore_archived_body returned nothing"))
}
