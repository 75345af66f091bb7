//! The golden record of a merge (docs/functions.md, "Merge"): `golden_record` reads the rows
//! and hands them to the engine's survivorship rules
//! (`customer_clean_engine::survivorship`).
//!
//! The work of `merge`, `unmerge`, `preview_merge`, `merge_clusters`,
//! `approve` and `reject` is PL/pgSQL in `sql/merge.sql`: sequences of
//! statements over the customer table and every table that references it,
//! built from the catalog, and that is what PL/pgSQL is for. `merge`,
//! `unmerge`, `approve`, `reject` and `merge_clusters_batch` are declared
//! here, at the end of this file: each runs its PL/pgSQL body with the
//! table's merge history open for writing (src/security.rs).

use std::collections::{HashMap, HashSet};

use customer_clean_engine::clean::clean_row;
use customer_clean_engine::profile::Role;
use customer_clean_engine::row::Context;
use customer_clean_engine::rules::Severity;
use customer_clean_engine::survivorship::{golden_record as survive, MergeRows};
use pgrx::prelude::*;
use pgrx::{JsonB, PgSqlErrorCode};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::{spi_failed, OrSpiFailed, Report};
use crate::json_arg::Json;
use crate::names::{quote_identifier as quote, table_name};
use crate::profile::TableState;
use crate::security::{Needs, READ, STEWARD, STEWARD_RESTORING};
use crate::table::Table;

const FN: &str = "golden_record";

/// A column of the customer table and why it cannot take another row's
/// value, if it cannot.
#[derive(Deserialize)]
struct Column {
    name: String,
    fixed: Option<String>,
}

/// Why each column must keep the survivor's value: the id, the primary
/// key and columns a foreign key refers to (other rows point at them),
/// generated and identity columns (PostgreSQL computes them).
const COLUMNS: &str = r#"
SELECT jsonb_agg(jsonb_build_object('name', a.attname, 'fixed',
         CASE WHEN a.attname = $2 THEN 'id column'
              WHEN a.attgenerated <> '' THEN 'generated column'
              WHEN a.attidentity <> '' THEN 'identity column'
              WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c
                            WHERE c.conrelid = $1 AND c.contype = 'p' AND a.attnum = ANY (c.conkey))
                   THEN 'primary key'
              WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c
                            WHERE c.confrelid = $1 AND c.contype = 'f' AND a.attnum = ANY (c.confkey))
                   THEN 'referenced by a foreign key'
         END) ORDER BY a.attnum)
  FROM pg_catalog.pg_attribute a
 WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped"#;

/// The golden record that merging the rows `duplicate_ids` of `tbl` into
/// the row `survivor_id` gives, without changing anything: a jsonb array
/// with one element per column of the table, in table order,
/// `{column, value, rule, row_id, changed, survivor_value[, fixed]}` — the
/// surviving value as text, the survivorship rule that chose it, the row it
/// comes from, whether it differs from the survivor's value (and that
/// value), and why the column keeps the survivor's value whatever its rule.
#[pg_extern(stable, strict, parallel_safe)]
#[search_path(pg_catalog, pg_temp)]
fn golden_record(tbl: Table, survivor_id: &str, duplicate_ids: Vec<Option<String>>) -> JsonB {
    crate::security::require(tbl.oid(), READ, FN);
    let state = TableState::load(tbl.oid(), FN);
    let name = table_name(tbl.oid());
    let duplicates = check_ids(&name, survivor_id, duplicate_ids);
    let id_column = state.profile.id_column().to_string();
    let columns: Vec<Column> = Spi::get_one_with_args::<JsonB>(COLUMNS, &[tbl.oid().into(), id_column.as_str().into()])
        .or_spi_failed(FN)
        .and_then(|j| serde_json::from_value(j.0).ok())
        .unwrap_or_default();
    let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let fixed: HashMap<String, String> =
        columns.iter().filter_map(|c| Some((c.name.clone(), c.fixed.clone()?))).collect();

    let mut ids = vec![survivor_id.to_string()];
    ids.extend(duplicates);
    let (rows, recency) = read_rows(&state, &name, &names, &ids);

    // Which values pass validation, as the cleaning trigger would judge the
    // row: an error-level problem on a column makes its value invalid.
    let ctx = Context { profile: &state.profile, layout: &state.layout, today: crate::date::today() };
    let invalid: Vec<HashSet<usize>> = rows
        .iter()
        .map(|row| {
            let mut values: Vec<Option<String>> = state
                .layout
                .columns
                .iter()
                .map(|c| names.iter().position(|n| n == c).and_then(|i| row[i].clone()))
                .collect();
            clean_row(&mut values, &state.rules, &ctx)
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .filter_map(|f| names.iter().position(|n| *n == f.column))
                .collect()
        })
        .collect();

    let input = MergeRows { columns: &names, rows: &rows, recency: &recency, fixed: &fixed };
    let decisions = survive(&state.profile, &input, |r, c| !invalid[r].contains(&c));
    JsonB(Value::Array(
        decisions
            .into_iter()
            .enumerate()
            .map(|(c, d)| {
                let mut out = json!({
                    "column": d.column,
                    "value": d.value,
                    "rule": d.rule.as_str(),
                    "row_id": ids[d.row],
                    "changed": d.value != rows[0][c],
                    "survivor_value": rows[0][c],
                });
                if let Some(why) = d.fixed {
                    out["fixed"] = json!(why);
                }
                out
            })
            .collect(),
    ))
}

/// The duplicate ids, checked: at least one, none NULL, none twice, and
/// not the survivor.
fn check_ids(table: &str, survivor_id: &str, duplicate_ids: Vec<Option<String>>) -> Vec<String> {
    let bad = |message: String| -> ! {
        Report::new(PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE, FN, message)
            .hint("pass the survivor's id and an array of the other rows' ids, e.g. ('1', ARRAY['2', '3'])")
            .raise()
    };
    if duplicate_ids.is_empty() {
        bad(format!("no duplicate ids given to merge into row '{survivor_id}' of {table}"));
    }
    let mut seen = HashSet::new();
    duplicate_ids
        .into_iter()
        .map(|id| {
            let Some(id) = id else { bad(format!("duplicate_ids of {table} contains NULL")) };
            if id == survivor_id {
                bad(format!("row '{id}' of {table} is both the survivor and a duplicate"));
            }
            if !seen.insert(id.clone()) {
                bad(format!("row '{id}' of {table} is given twice in duplicate_ids"));
            }
            id
        })
        .collect()
}

/// The rows `ids` (in that order) as text values of `names`, and how
/// recently each was updated (dense rank by the `updated_at` role, newest
/// 0, undated last). Raises P0002 naming the first id without a row, and
/// the merge that removed it if one did.
fn read_rows(
    state: &TableState,
    table: &str,
    names: &[String],
    ids: &[String],
) -> (Vec<Vec<Option<String>>>, Vec<u32>) {
    let id = quote(state.profile.id_column());
    let rank = match state.profile.column(Role::UpdatedAt) {
        Some(b) => format!("dense_rank() OVER (ORDER BY t.{} DESC NULLS LAST) - 1", quote(&b.column)),
        None => "0".into(),
    };
    let list: Vec<String> = names.iter().map(|n| format!("t.{}::text", quote(n))).collect();
    let sql = format!(
        "SELECT t.{id}::text, ({rank})::int4, {} FROM {table} t WHERE t.{id} = ANY ($1::text[]::{}[])",
        list.join(", "),
        state.id_type
    );
    let found: HashMap<String, (Vec<Option<String>>, u32)> = Spi::connect(|client| {
        client
            .select(&sql, None, &[ids.to_vec().into()])?
            .map(|row| {
                let values = (3..=names.len() + 2).map(|i| row.get::<String>(i)).collect::<Result<Vec<_>, _>>()?;
                Ok((row.get::<String>(1)?.unwrap_or_default(), (values, row.get::<i32>(2)?.unwrap_or(0) as u32)))
            })
            .collect::<Result<_, pgrx::spi::SpiError>>()
    })
    .or_spi_failed(FN);
    ids.iter().map(|id| found.get(id).cloned().unwrap_or_else(|| missing_row(state, table, id))).unzip()
}

/// Raises P0002 for row `id` of `table`, saying which merge removed it.
fn missing_row(state: &TableState, table: &str, id: &str) -> ! {
    let merged = Spi::get_one_with_args::<String>(
        "SELECT format('merge %s merged it into row ''%s'' (see customer_clean.merge_history)', m.merge_id, m.survivor_id)
           FROM customer_clean.merge_history h JOIN customer_clean.merges m USING (merge_id)
          WHERE h.tbl = $1 AND h.row_id = $2 AND m.unmerged_at IS NULL
          ORDER BY m.merge_id DESC LIMIT 1",
        &[state.tbl.into(), id.into()],
    )
    .ok()
    .flatten();
    Report::new(
        PgSqlErrorCode::ERRCODE_NO_DATA_FOUND,
        FN,
        format!("no row of {table} has {} = '{id}'", state.profile.id_column()),
    )
    .hint(merged.unwrap_or_else(|| format!("pass values of the id column {} of {table}", state.profile.id_column())))
    .raise()
}

// The entry points of merging. Their work is PL/pgSQL in sql/merge.sql
// (`*_body`), which acts on the customer table with the caller's rights;
// these open the merge history of the table for it while it runs (see
// src/security.rs), so nothing but these calls writes that history.

/// Merges the rows `duplicate_ids` of `tbl` into the row `survivor_id`;
/// returns the merge id (`merge_body` in sql/merge.sql does the work).
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn merge(tbl: Table, survivor_id: &str, duplicate_ids: Vec<Option<String>>) -> i64 {
    crate::restore::run_body(
        tbl.oid(),
        STEWARD,
        false,
        "SELECT customer_clean.merge_body($1, $2, $3)",
        &[tbl.oid().into(), survivor_id.into(), duplicate_ids.into()],
        "merge",
    )
    .unwrap_or_else(|| spi_failed("merge", "merge_body returned no merge id"))
}

/// Undoes merge `merge_id` exactly, or refuses saying why
/// (`unmerge_body`). The restored rows pass the cleaning trigger as they
/// were stored.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn unmerge(merge_id: i64) {
    let tbl = crate::security::catalog_row_table("merges", "merge_id", merge_id, "unmerge");
    crate::restore::run_body::<bool>(
        tbl,
        STEWARD_RESTORING,
        true,
        "SELECT true FROM customer_clean.unmerge_body($1)",
        &[merge_id.into()],
        "unmerge",
    );
}

/// A steward's "same customer" for review pair `pair_id` (`approve_body`).
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn approve(pair_id: i64, merge_rows: default!(bool, true)) -> Option<i64> {
    let tbl = crate::security::catalog_row_table("review_queue", "pair_id", pair_id, "approve");
    crate::restore::run_body(
        tbl,
        STEWARD,
        false,
        "SELECT customer_clean.approve_body($1, $2)",
        &[pair_id.into(), merge_rows.into()],
        "approve",
    )
}

/// A steward's "not the same customer" for review pair `pair_id`
/// (`reject_body`).
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn reject(pair_id: i64) {
    let tbl = crate::security::catalog_row_table("review_queue", "pair_id", pair_id, "reject");
    crate::restore::run_body::<bool>(
        tbl,
        STEWARD,
        false,
        "SELECT true FROM customer_clean.reject_body($1)",
        &[pair_id.into()],
        "reject",
    );
}

/// One batch of `CALL merge_clusters` (`merge_clusters_batch_body`).
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn merge_clusters_batch(tbl: Table, min_probability: f64, batch_size: i32, state: Json) -> JsonB {
    crate::restore::run_body(
        tbl.oid(),
        Needs::Owner,
        false,
        "SELECT customer_clean.merge_clusters_batch_body($1, $2, $3, $4)",
        &[tbl.oid().into(), min_probability.into(), batch_size.into(), JsonB::from(state).into()],
        "merge_clusters",
    )
    .unwrap_or_else(|| spi_failed("merge_clusters", "merge_clusters_batch_body returned nothing"))
}
