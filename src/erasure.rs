//! Personal data (docs/deploying.md; issue 16): erasure of one customer on request
//! (`forget`, as PIPL and GDPR require) and retention of the journal
//! (`purge_journal`). The extension copies a customer's values into its
//! catalog (journal, issues, quarantine, match keys, clusters, review
//! queue, merge history, archive, incremental dedupe state); both functions remove those copies and
//! record in `customer_clean.erasures` what they removed, as counts, never
//! the values. Both are for the table's owner, and neither can be undone:
//! that is what erasure means.

use pgrx::datum::Interval;
use pgrx::prelude::*;
use pgrx::{JsonB, PgSqlErrorCode};
use serde_json::{json, Map, Value};

use crate::error::{OrSpiFailed, Report};
use crate::names::{quote_identifier, table_name};
use crate::profile::TableState;
use crate::security::{as_extension_owner, current_role_name, require_table_owner};
use crate::table::Table;

/// The ids that are one customer with `$2` in table `$1`: the row itself
/// and every row merged into it (and into those), by merges not undone.
/// Their values live on in the merge history.
const PERSON: &str = "WITH RECURSIVE person(row_id) AS (
        SELECT $2::text
        UNION
        SELECT d FROM customer_clean.merges m JOIN person p ON m.tbl = $1 AND m.survivor_id = p.row_id
                  CROSS JOIN LATERAL unnest(m.duplicate_ids) d
         WHERE m.unmerged_at IS NULL)";

/// What `forget` removes, per catalog table: its name in the result and the
/// statement (run as the extension's owner, `$1` the table, `$2` the
/// person's ids). The merge history first: it is found through the merges.
const COPIES: &[(&str, &str)] = &[
    (
        "merge_history",
        "DELETE FROM customer_clean.merge_history h WHERE h.tbl = $1
            AND (h.row_id = ANY ($2) OR h.merge_id IN (SELECT m.merge_id FROM customer_clean.merges m
                                                       WHERE m.tbl = $1 AND (m.survivor_id = ANY ($2) OR m.duplicate_ids && $2)))",
    ),
    ("merges", "DELETE FROM customer_clean.merges m WHERE m.tbl = $1 AND (m.survivor_id = ANY ($2) OR m.duplicate_ids && $2)"),
    ("changes", "DELETE FROM customer_clean.changes c WHERE c.tbl = $1 AND c.row_id = ANY ($2)"),
    ("issues", "DELETE FROM customer_clean.issues i WHERE i.tbl = $1 AND i.row_id = ANY ($2)"),
    ("quarantine", "DELETE FROM customer_clean.quarantine q WHERE q.tbl = $1 AND q.row_id = ANY ($2)"),
    ("match_keys", "DELETE FROM customer_clean.match_keys k WHERE k.tbl = $1 AND k.row_id = ANY ($2)"),
    ("clusters", "DELETE FROM customer_clean.clusters c WHERE c.tbl = $1 AND c.row_id = ANY ($2)"),
    (
        "review_queue",
        "DELETE FROM customer_clean.review_queue q WHERE q.tbl = $1 AND (q.row_id_a = ANY ($2) OR q.row_id_b = ANY ($2))",
    ),
    ("archive", "DELETE FROM customer_clean.archive a WHERE a.tbl = $1 AND a.row_id = ANY ($2)"),
    // what an incremental dedupe keeps of the row: hashes of its values
    ("dedupe_rows", "DELETE FROM customer_clean.dedupe_rows d WHERE d.tbl = $1 AND d.row_id = ANY ($2)"),
    (
        "dedupe_pairs",
        "DELETE FROM customer_clean.dedupe_pairs d WHERE d.tbl = $1 AND (d.row_id_a = ANY ($2) OR d.row_id_b = ANY ($2))",
    ),
];

/// Erases customer `row_id` of `tbl`: deletes the row (with the caller's
/// rights, so foreign keys and the table's triggers apply) and every copy
/// of its values, and of the rows merged into it, that the extension
/// keeps. Returns how many rows it removed, per table; records the same in
/// `customer_clean.erasures`.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn forget(tbl: Table, row_id: &str) -> JsonB {
    const FN: &str = "forget";
    let oid = tbl.oid();
    require_table_owner(oid, FN);
    let state = TableState::load(oid, FN);
    let table = table_name(oid);
    // A row merged into another lives on in the survivor: erasing the
    // person means erasing that row.
    let merged_into = as_extension_owner(|| {
        Spi::get_one_with_args::<String>(
            "SELECT (SELECT format('merge %s merged it into row %s', m.merge_id, m.survivor_id)
                       FROM customer_clean.merge_history h JOIN customer_clean.merges m USING (merge_id)
                      WHERE h.tbl = $1 AND h.row_id = $2 AND m.unmerged_at IS NULL
                      ORDER BY m.merge_id DESC LIMIT 1)",
            &[oid.into(), row_id.into()],
        )
    })
    .or_spi_failed(FN);
    if let Some(merged_into) = merged_into {
        Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            FN,
            format!("{FN}: row {row_id} of {table} was merged into another row ({merged_into})"),
        )
        .hint("forget the row it was merged into: that is this customer now, and forgetting it erases both")
        .raise();
    }
    // On a Citus table the journal, issues and quarantine of the row are
    // on the worker that holds it: erased there first, before this
    // transaction touches the row's shard (see `erase_journal_here`).
    let on_workers = state.citus.then(|| {
        let ids = person(oid, row_id).or_spi_failed(FN);
        crate::citus::on_every_node(
            &format!(
                "SELECT customer_clean.erase_journal_here({}, {}, NULL)",
                crate::names::quote_literal(&table),
                crate::names::quote_literal(&format!(
                    "{{{}}}",
                    ids.iter().map(|i| array_element(i)).collect::<Vec<_>>().join(",")
                ))
            ),
            FN,
        )
    });
    let delete_row = format!(
        "DELETE FROM {table} t WHERE t.{} = $1::pg_catalog.text::{}",
        quote_identifier(state.profile.id_column()),
        state.id_type
    );
    let deleted_row = Spi::connect_mut(|client| client.update(&delete_row, None, &[row_id.into()]).map(|t| t.len()))
        .or_spi_failed(FN);

    let mut removed = Map::new();
    removed.insert("row".into(), json!(deleted_row));
    let erased_by = current_role_name();
    as_extension_owner(|| {
        let ids = person(oid, row_id)?;
        for (name, sql) in COPIES {
            let n = Spi::connect_mut(|client| {
                client.update(*sql, None, &[oid.into(), ids.clone().into()]).map(|t| t.len())
            })?;
            removed.insert((*name).into(), json!(n));
        }
        if state.citus {
            // the row's entries for matching on the workers
            let n = Spi::connect_mut(|client| {
                client
                    .update(
                        "DELETE FROM customer_clean.distributed_match_keys WHERE tbl_name = $1 AND row_id = ANY ($2)",
                        None,
                        &[table.as_str().into(), ids.clone().into()],
                    )
                    .map(|t| t.len())
            })?;
            removed.insert("match_keys".into(), json!(removed["match_keys"].as_u64().unwrap_or(0) + n as u64));
        }
        add_counts(&mut removed, on_workers);
        record(oid, "forget", Some(row_id), None, &removed, &erased_by)
    })
    .or_spi_failed(FN);
    JsonB(Value::Object(removed))
}

/// The ids of the customer `row_id` of `tbl` (see [`PERSON`]), read as
/// the extension's owner.
fn person(tbl: pg_sys::Oid, row_id: &str) -> Result<Vec<String>, pgrx::spi::SpiError> {
    as_extension_owner(|| {
        Spi::get_one_with_args::<Vec<String>>(
            &format!("{PERSON} SELECT array_agg(row_id) FROM person"),
            &[tbl.into(), row_id.into()],
        )
    })
    .map(Option::unwrap_or_default)
}

/// `id` as an element of a text[] literal: quoted, with `"` and `\` escaped.
fn array_element(id: &str) -> String {
    format!("\"{}\"", id.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Adds the counts the workers removed (by catalog table) to `removed`.
fn add_counts(removed: &mut Map<String, Value>, on_workers: Option<Map<String, Value>>) {
    for (name, n) in on_workers.unwrap_or_default() {
        let here = removed.get(&name).and_then(Value::as_i64).unwrap_or(0);
        removed.insert(name, json!(here + n.as_i64().unwrap_or(0)));
    }
}

/// What `forget` and `purge_journal` remove on every node of a Citus
/// cluster: the journal, issues and quarantine entries of `tbl` (a name,
/// resolved on this node) that the cleaning triggers on this node's shards
/// recorded — those of `row_ids`, or (with `row_ids` NULL) those older
/// than `older_than`. The caller must own the table. Returns the rows
/// removed per catalog table. Called through Citus's
/// `run_command_on_all_nodes` (src/citus.rs).
#[pg_extern(volatile, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn erase_journal_here(tbl: Option<&str>, row_ids: Option<Vec<Option<String>>>, older_than: Option<Interval>) -> JsonB {
    const FN: &str = "erase_journal_here";
    // Not STRICT: a NULL row_ids means "by age".
    let Some(tbl) = tbl else {
        Report::new(PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED, FN, format!("{FN}: tbl must not be NULL"))
            .hint("pass the table's schema-qualified name, e.g. 'crm.customers'")
            .raise()
    };
    let oid = Spi::get_one_with_args::<pg_sys::Oid>("SELECT pg_catalog.to_regclass($1)::pg_catalog.oid", &[tbl.into()])
        .or_spi_failed(FN);
    let Some(oid) = oid else {
        Report::new(PgSqlErrorCode::ERRCODE_UNDEFINED_TABLE, FN, format!("{FN}: there is no table {tbl}"))
            .hint("pass the table's schema-qualified name, e.g. 'crm.customers'")
            .raise()
    };
    require_table_owner(oid, FN);
    // The part of forget's copies that the cleaning triggers write on
    // every node: the journal.
    let by_row: Vec<(&str, &str)> =
        COPIES.iter().copied().filter(|(name, _)| JOURNAL_RETENTION.iter().any(|(j, _)| j == name)).collect();
    let removed = match (row_ids, older_than) {
        (Some(ids), _) => delete_each(oid, &by_row, ids, FN),
        (None, Some(age)) => delete_each(oid, &JOURNAL_RETENTION, age, FN),
        (None, None) => Map::new(),
    };
    JsonB(Value::Object(removed))
}

/// Runs each `(name, DELETE)` of `statements` with `$1` the table and `$2`
/// `arg`, as the extension's owner; the rows removed per name (a failure
/// names `caller`).
fn delete_each<A: pgrx::IntoDatum + Clone>(
    tbl: pg_sys::Oid,
    statements: &[(&str, &str)],
    arg: A,
    caller: &'static str,
) -> Map<String, Value> {
    let mut removed = Map::new();
    as_extension_owner(|| {
        for (name, sql) in statements {
            let n = Spi::connect_mut(|client| {
                client.update(*sql, None, &[tbl.into(), arg.clone().into()]).map(|t| t.len())
            })?;
            removed.insert((*name).into(), json!(n));
        }
        Ok::<_, pgrx::spi::SpiError>(())
    })
    .or_spi_failed(caller);
    removed
}

/// Retention of the journal: what `purge_journal` removes, `$2` the age.
const JOURNAL_RETENTION: [(&str, &str); 3] = [
    ("changes", "DELETE FROM customer_clean.changes WHERE tbl = $1 AND changed_at < pg_catalog.now() - $2"),
    ("issues", "DELETE FROM customer_clean.issues WHERE tbl = $1 AND detected_at < pg_catalog.now() - $2"),
    ("quarantine", "DELETE FROM customer_clean.quarantine WHERE tbl = $1 AND released_at < pg_catalog.now() - $2"),
];

/// Retention for `tbl`'s journal: removes the changes recorded, the issues
/// found and the quarantine entries released more than `older_than` ago.
/// Returns how many rows it removed, per table; records the same in
/// `customer_clean.erasures`.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn purge_journal(tbl: Table, older_than: Interval) -> JsonB {
    const FN: &str = "purge_journal";
    let oid = tbl.oid();
    require_table_owner(oid, FN);
    let negative = Spi::get_one_with_args::<String>(
        "SELECT CASE WHEN $1 < pg_catalog.make_interval() THEN $1::pg_catalog.text END",
        &[older_than.into()],
    )
    .or_spi_failed(FN);
    if let Some(negative) = negative {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            FN,
            format!("{FN}: older_than must not be negative, not {negative}"),
        )
        .hint("pass how long to keep the journal, e.g. interval '2 years'; '0' removes all of it")
        .raise();
    }
    // On a Citus table the workers keep the journal of their shards' rows.
    let on_workers = crate::citus::is_citus_table(oid).then(|| {
        let age = Spi::get_one_with_args::<String>("SELECT $1::pg_catalog.text", &[older_than.into()])
            .or_spi_failed(FN)
            .unwrap_or_default();
        crate::citus::on_every_node(
            &format!(
                "SELECT customer_clean.erase_journal_here({}, NULL, {}::pg_catalog.interval)",
                crate::names::quote_literal(&table_name(oid)),
                crate::names::quote_literal(&age)
            ),
            FN,
        )
    });
    let mut removed = delete_each(oid, &JOURNAL_RETENTION, older_than, FN);
    add_counts(&mut removed, on_workers);
    let purged_by = current_role_name();
    as_extension_owner(|| record(oid, "purge_journal", None, Some(older_than), &removed, &purged_by)).or_spi_failed(FN);
    JsonB(Value::Object(removed))
}

/// Appends an erasure to `customer_clean.erasures` (as the extension's owner).
fn record(
    tbl: pg_sys::Oid,
    kind: &str,
    row_id: Option<&str>,
    older_than: Option<Interval>,
    removed: &Map<String, Value>,
    by: &str,
) -> Result<(), pgrx::spi::SpiError> {
    Spi::run_with_args(
        "INSERT INTO customer_clean.erasures (kind, tbl, row_id, older_than, removed, done_by) VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            kind.into(),
            tbl.into(),
            row_id.into(),
            older_than.into(),
            JsonB(Value::Object(removed.clone())).into(),
            by.into(),
        ],
    )
}
