//! `dedupe` and `match_row` on a Citus table (issue 19): the blocks are
//! made and scored on the workers, only the scored pairs come back. The
//! rule that scores each candidate pair once, on one node, is in
//! `engine::matching::distributed`; docs/citus.md has the design.
//!
//! A run, from the coordinator (`dedupe_on_workers`):
//! 1. every worker turns its shards' rows into entries (`match_entries`),
//!    which Citus repartitions into `customer_clean.distributed_match_keys`,
//!    distributed by key, in one `INSERT … SELECT`. It runs as the
//!    extension's owner, who alone may write the entries (personal values
//!    in matching form), and so reads the table with those rights: only
//!    the table's owner may run it, and only over columns of built-in
//!    types, whose text forms run no code of the table's owner
//!    (`require_builtin_types`). (Citus writes the entries by COPY, which
//!    PostgreSQL refuses into a table with row-level security, so the
//!    caller could not be let write only its own table's entries);
//! 2. the name entries are counted where they are (grouped by key), and
//!    the counts of names on two rows or more go to every node with the
//!    scoring query, as a Citus intermediate result (a materialized CTE).
//!    Not through a reference table: a worker's backend that scores a block
//!    would not see rows another backend of the same transaction wrote
//!    there (tried: the 1M benchmark's clusters then differed from one
//!    node's);
//! 3. the keys over their block limit (few) come to the coordinator;
//! 4. each key's block is scored on its worker (`score_block`); the pairs
//!    at least `review_probability` probable come back;
//! 5. the coordinator reads the rows of those pairs, clusters them and
//!    writes clusters and review pairs as on one node.
//!
//! The lookup entries stay as the table's match keys: `match_row` finds
//! its candidates there (`candidate_ids`).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use customer_clean_engine::matching::blocking::BlockingStats;
use customer_clean_engine::matching::cluster::{Edge, Refusal};
use customer_clean_engine::matching::dedupe::DedupeOptions;
use customer_clean_engine::matching::distributed::{block_limit, entries, kind, BlockScorer};
use customer_clean_engine::matching::external::{cluster_stored, for_each_pair_with_records, Budget};
use customer_clean_engine::matching::model::{name_hash, name_keys, NameFrequency, Progress};
use customer_clean_engine::matching::store::{RecordStore, StoreError};
use customer_clean_engine::matching::{Model, Record, RecordSchema};
use pgrx::prelude::*;
use pgrx::PgSqlErrorCode;
use serde_json::{json, Value};

use super::{explanation, lock_catalog, ordered, rejected_id_pairs, run, write_clusters, ReviewWriter, RowIds, Target};
use crate::error::{spi_failed, OrRaise, OrSpiFailed, Report};
use crate::guc::pinned_search_path;
use crate::names::{quote_identifier as quote, quote_literal, table_name};
use crate::profile::TableState;
use crate::security::as_extension_owner;
use crate::table::Table;
use crate::temp_file::TempFile;

/// Scored pairs read per fetch on the coordinator.
const FETCH_PAIRS: i64 = 50_000;
/// Rows of scored pairs read per statement on the coordinator.
const READ_CHUNK: usize = 50_000;
/// Integer id types: blocks order their rows by the id as a number, as
/// the table does (other ids by their text).
const INTEGER_IDS: [&str; 3] = ["smallint", "integer", "bigint"];

/// What one backend keeps of a run between calls of `match_entries` and
/// `score_block` (a worker's backend serves many shards of one run), for
/// the role that passed the ownership check.
struct RunCache {
    run: i64,
    tbl: pg_sys::Oid,
    role: pg_sys::Oid,
    schema: Rc<RecordSchema>,
    salt: u64,
    scoring: Option<Rc<Scoring>>,
}

/// What scoring a block needs, the same for every block of a run.
struct Scoring {
    model: Model,
    oversized: HashSet<i64>,
    names: HashMap<u64, u32>,
    rows: usize,
}

thread_local! {
    static RUN: RefCell<Option<RunCache>> = const { RefCell::new(None) };
}

/// The run `run` of table `tbl` as this backend knows it; the first call
/// of a run checks that the caller owns the table (the entries are its
/// rows in matching form) and loads its profile.
fn run_cache(run: i64, tbl: pg_sys::Oid, caller: &'static str) -> (Rc<RecordSchema>, u64, Option<Rc<Scoring>>) {
    // SAFETY: reads the current role.
    let role = unsafe { pg_sys::GetUserId() };
    if let Some(hit) = RUN.with(|r| {
        r.borrow()
            .as_ref()
            .filter(|c| c.run == run && c.tbl == tbl && c.role == role)
            .map(|c| (c.schema.clone(), c.salt, c.scoring.clone()))
    }) {
        return hit;
    }
    crate::security::require_table_owner(tbl, caller);
    let state = TableState::load(tbl, caller);
    let schema = Rc::new(RecordSchema::from_profile(&state.profile, crate::date::today()));
    RUN.with(|r| {
        *r.borrow_mut() = Some(RunCache { run, tbl, role, schema: schema.clone(), salt: state.key_salt, scoring: None })
    });
    (schema, state.key_salt, None)
}

/// The entries of one row of `tbl` for run `run` (see
/// `engine::matching::distributed::entries`): `row_values` are the values
/// of the profile's matching roles, in the order `dedupe` reads them. Run
/// on the workers, once per row; only the table's owner may call it.
#[pg_extern(stable, strict, parallel_safe)]
fn match_entries(
    run: i64,
    tbl: Table,
    row_values: Vec<Option<String>>,
) -> TableIterator<'static, (name!(key, i64), name!(kind, i16), name!(record, Option<Vec<u8>>))> {
    const FN: &str = "match_entries";
    let (schema, salt, _) = run_cache(run, tbl.oid(), FN);
    if row_values.len() != schema.roles.len() {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            FN,
            format!(
                "{FN}: got {} values, but the profile of {} matches on {}",
                row_values.len(),
                table_name(tbl.oid()),
                schema.roles.len()
            ),
        )
        .hint("match_entries is called by dedupe on a Citus table with the values of the profile's roles")
        .raise();
    }
    let refs: Vec<Option<&str>> = row_values.iter().map(|v| v.as_deref()).collect();
    let record = schema.record(&refs);
    let mut encoded = Vec::with_capacity(192);
    record.encode(&mut encoded);
    let out: Vec<_> = entries(&record, salt)
        .into_iter()
        .map(|e| (e.key, e.kind, (e.kind & kind::BLOCKING != 0).then(|| encoded.clone())))
        .collect();
    TableIterator::new(out)
}

/// Scores the block of `key` for run `run` of `tbl` (see
/// `engine::matching::distributed::BlockScorer`): `row_ids` and `records`
/// are its entries in the table's row order; `model` the table's model as
/// text, `rows` the table's row count, `oversized` the keys over their
/// block limit (8 bytes each, big-endian), `names` how many rows carry
/// each name on two rows or more (its hash, 8 bytes, and its count, 4
/// bytes, big-endian; a name not there counts 1). Returns the pairs at least
/// `min_probability` probable, with whether anything personal agrees
/// (name, birth date, ID or e-mail), then one row (NULL, NULL, n, NULL):
/// the n candidate pairs this block scored. Only the table's owner may
/// call it.
#[allow(clippy::too_many_arguments, clippy::type_complexity)] // pgrx reads the result's columns from the signature
#[pg_extern(stable, strict, parallel_safe)]
fn score_block(
    run: i64,
    tbl: Table,
    model: &str,
    rows: i64,
    oversized: &[u8],
    names: &[u8],
    min_probability: f64,
    key: i64,
    row_ids: Vec<Option<String>>,
    records: pgrx::datum::Array<'_, &[u8]>,
) -> TableIterator<
    'static,
    (
        name!(row_id_a, Option<String>),
        name!(row_id_b, Option<String>),
        name!(probability, f64),
        name!(personal, Option<bool>),
    ),
> {
    const FN: &str = "score_block";
    let (_, salt, scoring) = run_cache(run, tbl.oid(), FN);
    let scoring = scoring.unwrap_or_else(|| {
        let scoring = Rc::new(load_scoring(model, rows, oversized, names, min_probability));
        RUN.with(|r| r.borrow_mut().as_mut().map(|c| c.scoring = Some(scoring.clone())));
        scoring
    });
    if row_ids.len() != records.len() {
        bad_block(format!("{} row ids but {} records", row_ids.len(), records.len()));
    }
    // Each row once: a row match_on_insert queued while dedupe wrote the
    // entries has them twice until the next dedupe (src/matching/queue.rs);
    // its entries are next to each other in the block's order.
    let given = row_ids;
    let mut row_ids: Vec<Option<String>> = Vec::with_capacity(given.len());
    let mut members: Vec<Record> = Vec::with_capacity(given.len());
    for (id, r) in given.into_iter().zip(records.iter()) {
        if row_ids.last() != Some(&id) {
            members.push(Record::decode(r.unwrap_or_default()).unwrap_or_else(|e| bad_block(format!("a record: {e}"))));
            row_ids.push(id);
        }
    }
    let tf = NameFrequency::Hashed(&scoring.names, scoring.rows);
    let block = BlockScorer::new(&scoring.model, salt, &scoring.oversized, tf, min_probability).score(
        key,
        &members,
        &mut || {
            pg_sys::check_for_interrupts!();
        },
    );
    let id = |i: u32| row_ids[i as usize].clone();
    let mut out: Vec<_> =
        block.edges.iter().map(|(e, personal)| (id(e.a), id(e.b), e.probability, Some(*personal))).collect();
    out.push((None, None, block.pairs as f64, None));
    TableIterator::new(out)
}

fn bad_block(what: String) -> ! {
    Report::new(PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE, "score_block", format!("score_block: {what}"))
        .hint("score_block is called by dedupe on a Citus table with the entries of one key")
        .raise()
}

/// What every block of a run is scored with: the model, the oversized
/// keys and the name counts, parsed once per run.
fn load_scoring(model: &str, rows: i64, oversized: &[u8], names: &[u8], min_probability: f64) -> Scoring {
    const FN: &str = "score_block";
    super::check_probability(FN, "min_probability", min_probability);
    if rows < 1 || !oversized.len().is_multiple_of(8) || !names.len().is_multiple_of(12) {
        bad_block(format!(
            "rows must be positive ({rows}), oversized 8 bytes a key ({} bytes) and names 12 bytes a name ({} bytes)",
            oversized.len(),
            names.len()
        ));
    }
    let model = serde_json::from_str::<Value>(model)
        .ok()
        .and_then(|v| Model::from_json(&v).ok())
        .unwrap_or_else(|| bad_block("model is not a model of customer_clean.models".into()));
    // (whole chunks: the lengths were checked above)
    let oversized =
        oversized.chunks_exact(8).filter_map(|c| Some(i64::from_be_bytes(*c.first_chunk::<8>()?))).collect();
    let names = names
        .chunks_exact(12)
        .filter_map(|c| Some((u64::from_be_bytes(*c.first_chunk::<8>()?), u32::from_be_bytes(*c.last_chunk::<4>()?))))
        .collect();
    Scoring { model, oversized, names, rows: rows as usize }
}

/// A query's rows, run as the extension's owner, through a cursor, a
/// fetch at a time, to `each`.
fn each_row(
    sql: &str,
    caller: &'static str,
    each: &mut dyn for<'a> FnMut(pgrx::spi::SpiHeapTupleData<'a>) -> Result<(), pgrx::spi::SpiError>,
) {
    as_extension_owner(|| {
        Spi::connect(|client| {
            let mut cursor = client.open_cursor(sql, &[]);
            loop {
                let batch = cursor.fetch(FETCH_PAIRS)?;
                if batch.is_empty() {
                    return Ok(());
                }
                for row in batch {
                    each(row)?;
                }
                crate::memory::free_fetched_rows();
            }
        })
    })
    .unwrap_or_else(|e: pgrx::spi::SpiError| spi_failed(caller, e))
}

/// Runs `sql` as the extension's owner; returns the rows it changed.
fn run_as_owner(sql: &str, caller: &'static str) -> u64 {
    as_extension_owner(|| {
        Spi::connect_mut(|client| Ok::<_, pgrx::spi::SpiError>(client.update(sql, None, &[])?.len() as u64))
    })
    .or_spi_failed(caller)
}

/// Raises 0A000 unless every column matching reads of `target` has a
/// built-in type: the entries are written as the extension's owner, who
/// then turns the values into text, and a type of the table's owner could
/// run its own code there with those rights.
pub(super) fn require_builtin_types(target: &Target, caller: &'static str) {
    let mut columns = target.columns.clone();
    columns.push(target.id_column.clone());
    let others = pinned_search_path(|| {
        Spi::get_one_with_args::<String>(
            "SELECT string_agg(format('%I (%s)', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
               FROM pg_attribute a
              WHERE a.attrelid = $1 AND a.attname = ANY ($2) AND NOT a.attisdropped AND a.atttypid >= 16384",
            &[target.oid.into(), columns.into()],
        )
    })
    .or_spi_failed(caller);
    if let Some(others) = others {
        Report::new(PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED, caller, format!("{caller}: on the Citus table {}, columns of types that are not built in cannot be matched: {others}", target.name)).hint("on a Citus table dedupe reads the profile's columns with the extension owner's rights; give them built-in types (text, varchar, date, …)").raise();
    }
}

/// Orders the writers of a table's entries (`dedupe` and `match_pending`
/// on a Citus table): two would write into the same blocks. A
/// transaction-level advisory lock: 'cc_e' in the high 32 bits, the
/// table's OID in the low ones.
pub(super) fn lock_entries(target: &Target) {
    let key = (0x6363_5f65_i64 << 32) | i64::from(u32::from(target.oid));
    run(target.caller, "SELECT pg_advisory_xact_lock($1)", vec![key.into()]);
}

/// Writes the entries of the rows of `target` (of those with ids `only`,
/// when given) into `distributed_match_keys`: each worker computes its
/// shards' (`match_entries`) and Citus repartitions them by key, in one
/// `INSERT … SELECT` as the extension's owner (see the module comment for
/// why, and what the callers check first). Returns the run's id, which
/// `score_block` calls must pass too, and the entries written.
pub(super) fn write_entries(target: &Target, only: Option<&[String]>, caller: &'static str) -> (i64, u64) {
    // Different on every run, so no backend (Citus keeps its connections
    // to the workers from one transaction to the next) mistakes one run's
    // cache for another's. Not from random(): setseed() repeats it.
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64);
    // SAFETY: reads this backend's process id.
    let run_id = nanos ^ (i64::from(unsafe { pg_sys::MyProcPid }) << 48);
    let table = quote_literal(&target.name);
    let id = format!("t.{}", quote(&target.id_column));
    let order =
        if INTEGER_IDS.contains(&target.id_type.as_str()) { format!("{id}::bigint") } else { "NULL::bigint".into() };
    let values: Vec<String> = target.columns.iter().map(|c| format!("t.{}::text", quote(c))).collect();
    // The ids as a literal: Citus prunes the shards by them.
    let only = only.map_or(String::new(), |ids| {
        let list: Vec<String> = ids.iter().map(|i| quote_literal(i)).collect();
        format!(" AND {id} = ANY (ARRAY[{}]::text[]::{}[])", list.join(", "), target.id_type)
    });
    let entries = run_as_owner(
        &format!(
            "INSERT INTO customer_clean.distributed_match_keys (tbl_name, key, kind, row_order, row_id, record)
             SELECT {table}, (s.e).key, (s.e).kind, s.row_order, s.row_id, (s.e).record
               FROM (SELECT {id}::text AS row_id, {order} AS row_order,
                            customer_clean.match_entries({run_id}, {table}::regclass, ARRAY[{values}]::text[]) AS e
                       FROM {name} t WHERE {id} IS NOT NULL{only}) s",
            values = values.join(", "),
            name = target.name,
        ),
        caller,
    );
    (run_id, entries)
}

/// `dedupe` of the Citus table `target` on its workers (see the module
/// comment); returns its summary.
pub(super) fn dedupe_on_workers(
    target: &Target,
    model: &Model,
    opts: &DedupeOptions,
    progress: Progress,
    time: &mut dyn FnMut(&str),
) -> Value {
    const FN: &str = "dedupe";
    crate::citus::distribute_catalog(FN);
    lock_entries(target);
    let table = quote_literal(&target.name);
    let model_text = as_extension_owner(|| {
        Spi::get_one_with_args::<String>(
            "SELECT model::text FROM customer_clean.models WHERE tbl = $1",
            &[target.oid.into()],
        )
    })
    .or_spi_failed(FN)
    .unwrap_or_else(|| spi_failed(FN, "the model disappeared while being read"));

    progress("writing match entries on the workers", 0, 0);
    run_as_owner(&format!("DELETE FROM customer_clean.distributed_match_keys WHERE tbl_name = {table}"), FN);
    // Every row is matched now, those match_on_insert queued too.
    super::queue::clear(target, FN);
    // The table's local match keys are replaced by the lookup entries.
    run(target.caller, "DELETE FROM customer_clean.match_keys WHERE tbl = $1", vec![target.oid.into()]);
    let (run_id, entries) = write_entries(target, None, FN);
    time("write_entries");
    // The table is read as the extension's owner from here on, as the
    // entries were: the queue of match_on_insert, co-located with the
    // table, was emptied as the owner, and Citus refuses another role's
    // query on shards co-located with ones a role changed in the
    // transaction.
    let rows = as_extension_owner(|| target.count_rows(FN));
    // Which blocks are over their limit: the few keys every node needs.
    let (strong_limit, weak_limit) =
        (block_limit(false, model.max_block_size), block_limit(true, model.max_block_size));
    let limit = format!("CASE WHEN bool_or((kind & {}) <> 0) THEN {weak_limit} ELSE {strong_limit} END", kind::WEAK);
    let mut oversized: Vec<i64> = Vec::new();
    each_row(
        &format!(
            "SELECT key FROM customer_clean.distributed_match_keys WHERE tbl_name = {table} AND (kind & {b}) <> 0
              GROUP BY key HAVING count(*) > {limit}",
            b = kind::BLOCKING
        ),
        FN,
        &mut |row| {
            oversized.push(row.get::<i64>(1)?.unwrap_or_default());
            Ok(())
        },
    );
    let keys = as_extension_owner(|| {
        Spi::get_one::<i64>(&format!(
            "SELECT count(*) FROM customer_clean.distributed_match_keys WHERE tbl_name = {table} AND (kind & {}) <> 0",
            kind::BLOCKING
        ))
    })
    .or_spi_failed(FN)
    .unwrap_or(0);
    time("count_blocks");

    progress("scoring blocks on the workers", 0, 0);
    let min_scored = opts.review_probability.min(opts.min_probability);
    let oversized_hex: String = oversized.iter().map(|k| format!("{:016x}", *k as u64)).collect();
    let mut pairs = 0usize;
    let mut scored: Vec<(String, String, f64, bool)> = Vec::new();
    each_row(
        &format!(
            "WITH names AS MATERIALIZED (
                  SELECT coalesce(string_agg(int8send(key) || int4send(n::int), ''::bytea), ''::bytea) AS counts
                    FROM (SELECT key, count(*) AS n FROM customer_clean.distributed_match_keys
                           WHERE tbl_name = {table} AND kind = {name} GROUP BY key HAVING count(*) > 1) c)
             SELECT (s.r).row_id_a, (s.r).row_id_b, (s.r).probability, (s.r).personal
               FROM (SELECT customer_clean.score_block({run_id}, {table}::regclass, {model}, {rows}, '\\x{oversized_hex}'::bytea,
                            (SELECT counts FROM names), {min_scored:?}::float8, e.key,
                            array_agg(e.row_id ORDER BY e.row_order, e.row_id),
                            array_agg(e.record ORDER BY e.row_order, e.row_id)) AS r
                       FROM customer_clean.distributed_match_keys e
                      WHERE e.tbl_name = {table} AND (e.kind & {b}) <> 0
                      GROUP BY e.key HAVING count(*) BETWEEN 2 AND {limit}) s",
            model = quote_literal(&model_text),
            b = kind::BLOCKING,
            name = kind::NAME,
        ),
        FN,
        &mut |row| {
            let (a, b, p) = (row.get::<String>(1)?, row.get::<String>(2)?, row.get::<f64>(3)?.unwrap_or_default());
            match (a, b) {
                (Some(a), Some(b)) => scored.push((a, b, p, row.get::<bool>(4)?.unwrap_or(true))),
                _ => pairs += p as usize,
            }
            progress("scoring blocks on the workers", scored.len(), 0);
            Ok(())
        },
    );
    time("score_on_workers");

    // The rows of the scored pairs, read again in the table's order (that
    // of one node's run, which clustering follows).
    // The rows of the scored pairs, read again in the table's order (that
    // of one node's run, which clustering follows), a chunk at a time, into
    // a store that spills to a temporary file: the coordinator holds the
    // pairs and their row ids, not the rows (as one node's dedupe).
    progress("reading the rows of scored pairs", 0, 0);
    let budget = Budget::of(crate::memory::limit_bytes().saturating_sub(super::FIXED_BYTES) / 3);
    let mut spill = TempFile::new();
    let mut store = RecordStore::new(budget.chunk_bytes);
    let mut ids = RowIds::default();
    let mut names: HashSet<i64> = HashSet::new();
    for chunk in in_table_order(target, &scored).chunks(READ_CHUNK) {
        for (id, values) in as_extension_owner(|| target.read_values_in_table_order(chunk, FN)) {
            let record = target.prepare(&values);
            names.extend(name_keys(&record).map(|k| name_hash(k) as i64));
            let mut encoded = Vec::with_capacity(192);
            record.encode(&mut encoded);
            store.push_encoded(&encoded, &mut spill).map_err(StoreError::from).or_raise(FN);
            ids.push(&id);
        }
        progress("reading the rows of scored pairs", ids.len(), 0);
    }
    store.flush(&mut spill).map_err(StoreError::from).or_raise(FN);
    let local: HashMap<&str, u32> = (0..ids.len() as u32).map(|i| (&ids[i], i)).collect();
    let mut edges: Vec<(Edge, bool)> = scored
        .iter()
        // (a row deleted since the entries were written is left out)
        .filter_map(|(a, b, p, personal)| {
            let (x, y) = (*local.get(a.as_str())?, *local.get(b.as_str())?);
            Some((Edge { a: x.min(y), b: x.max(y), probability: *p }, *personal))
        })
        .collect();
    edges.sort_unstable_by_key(|(e, _)| (e.a, e.b));
    edges.dedup_by_key(|(e, _)| (e.a, e.b));
    let rejected: HashSet<(u32, u32)> = rejected_id_pairs(target)
        .iter()
        .filter_map(|(a, b)| {
            let (x, y) = (*local.get(a.as_str())?, *local.get(b.as_str())?);
            Some((x.min(y), x.max(y)))
        })
        .collect();
    drop((local, scored));
    let names = name_counts(target, names.into_iter().collect());
    let tf = NameFrequency::Hashed(&names, rows);
    let blocking = BlockingStats { keys: keys as usize, oversized_blocks: oversized.len(), pairs };
    let record_bytes = budget.record_bytes.min(crate::memory::headroom() / 4);
    let mut outcome =
        cluster_stored(&store, edges, blocking, model, &tf, opts, &rejected, record_bytes, &mut spill, progress)
            .or_raise(FN);
    outcome.stats.rows = rows;
    let review = outcome.review_pairs(&rejected);
    time("cluster");

    progress("writing clusters", 0, 0);
    lock_catalog(target, true);
    let renumbered = write_clusters(target, &ids, &outcome.clustering.members());
    let refusals: HashMap<(u32, u32), String> = outcome
        .clustering
        .refused
        .iter()
        .map(|(e, r): &(Edge, Refusal)| ((e.a, e.b), r.as_str().to_string()))
        .collect();
    run(
        target.caller,
        "DELETE FROM customer_clean.review_queue WHERE tbl = $1 AND status = 'pending'",
        vec![target.oid.into()],
    );
    let mut writer = ReviewWriter::new(target);
    for_each_pair_with_records(&store, &review, record_bytes, &mut spill, &mut |e, a, b| {
        let reason = refusals.get(&(e.a, e.b)).map_or("uncertain", String::as_str);
        writer.push(ordered(&ids[e.a], &ids[e.b]), e.probability, explanation(model, a, b, &tf), reason);
    })
    .or_raise(FN);
    writer.flush();
    super::incremental::forget_state(target);
    time("write");
    let mut summary = serde_json::to_value(&outcome.stats).unwrap_or(Value::Null);
    summary["clusters_renumbered"] = json!(renumbered);
    summary["match_entries"] = json!(entries);
    summary["on_workers"] = json!(true);
    summary["temp_file_bytes"] = json!(spill.bytes());
    summary
}

/// The row ids of `scored`, each once, in the table's order (sorted here,
/// on the coordinator, as the id column's type sorts).
fn in_table_order(target: &Target, scored: &[(String, String, f64, bool)]) -> Vec<String> {
    let mut ids: Vec<&str> = scored.iter().flat_map(|(a, b, _, _)| [a.as_str(), b.as_str()]).collect();
    ids.sort_unstable();
    ids.dedup();
    let ids: Vec<String> = ids.into_iter().map(str::to_string).collect();
    pinned_search_path(|| {
        Spi::get_one_with_args::<Vec<String>>(
            &format!(
                "SELECT coalesce(array_agg(i ORDER BY i::{}), '{{}}') FROM unnest($1::text[]) AS u(i)",
                target.id_type
            ),
            &[ids.into()],
        )
    })
    .or_spi_failed(target.caller)
    .unwrap_or_default()
}

/// How many rows carry each of the names `hashes`, counted from the name
/// entries (on the workers, by key).
fn name_counts(target: &Target, hashes: Vec<i64>) -> HashMap<u64, u32> {
    as_extension_owner(|| {
        Spi::connect(|client| {
            client
                .select(
                    &format!(
                        "SELECT key, count(*) FROM customer_clean.distributed_match_keys
                      WHERE tbl_name = $1 AND kind = {} AND key = ANY ($2) GROUP BY key",
                        kind::NAME
                    ),
                    None,
                    &[target.name.as_str().into(), hashes.into()],
                )?
                .map(|row| {
                    Ok((row.get::<i64>(1)?.unwrap_or_default() as u64, row.get::<i64>(2)?.unwrap_or_default() as u32))
                })
                .collect::<Result<HashMap<u64, u32>, pgrx::spi::SpiError>>()
        })
    })
    .or_spi_failed(target.caller)
}

/// The ids of the rows of the Citus table `target` sharing a lookup key
/// of `keys` with at most `max_block` rows, as `match_row` wants them
/// (without `own_id` and the rows a steward said are not it, at most
/// `limit`). Read as the extension's owner: whoever may read the table
/// may match against it; the rows themselves are read as the caller.
pub(super) fn candidate_ids(
    target: &Target,
    keys: &[i64],
    own_id: Option<&str>,
    max_block: usize,
    limit: usize,
) -> Vec<String> {
    candidate_ids_of_many(target, &[(keys, own_id)], max_block, limit).pop().unwrap_or_default()
}

/// [`candidate_ids`] of many rows (`match_pending`), with two queries in
/// all rather than two per row: each a distributed query, a few
/// milliseconds however little it reads.
pub(super) fn candidate_ids_of_many(
    target: &Target,
    rows: &[(&[i64], Option<&str>)],
    max_block: usize,
    limit: usize,
) -> Vec<Vec<String>> {
    const FN: &str = "match_row";
    let mut all_keys: Vec<i64> = rows.iter().flat_map(|(keys, _)| keys.iter().copied()).collect();
    all_keys.sort_unstable();
    all_keys.dedup();
    let blocks: HashMap<i64, Vec<String>> = as_extension_owner(|| {
        // A plan per call: Citus prunes the shards by the keys' values.
        crate::plans::with_table_plan(
            true,
            &format!(
                "SELECT key, array_agg(row_id) FROM customer_clean.distributed_match_keys
                  WHERE tbl_name = $1 AND key = ANY ($2) AND (kind & {}) <> 0 GROUP BY key HAVING count(*) <= $3",
                kind::LOOKUP
            ),
            &[crate::plans::TEXT, crate::plans::INT8_ARRAY, crate::plans::INT8],
            |client, plan| {
                // (a block over the limit brings no candidates: not read)
                let limit = i64::try_from(max_block).unwrap_or(i64::MAX);
                client
                    .select(plan, None, &[target.name.as_str().into(), all_keys.into(), limit.into()])?
                    .map(|row| {
                        Ok((row.get::<i64>(1)?.unwrap_or_default(), row.get::<Vec<String>>(2)?.unwrap_or_default()))
                    })
                    .collect::<Result<HashMap<_, _>, pgrx::spi::SpiError>>()
            },
        )
    })
    .or_spi_failed(FN);
    let own_ids: Vec<&str> = rows.iter().filter_map(|(_, own)| *own).collect();
    let rejected: HashSet<(String, String)> = if own_ids.is_empty() {
        HashSet::new()
    } else {
        as_extension_owner(|| {
            Spi::connect(|client| {
                client
                    .select(
                        "SELECT row_id_a, row_id_b FROM customer_clean.review_queue
                          WHERE tbl = $1 AND status = 'rejected' AND (row_id_a = ANY ($2) OR row_id_b = ANY ($2))",
                        None,
                        &[target.oid.into(), own_ids.into()],
                    )?
                    .map(|row| {
                        Ok((row.get::<String>(1)?.unwrap_or_default(), row.get::<String>(2)?.unwrap_or_default()))
                    })
                    .collect::<Result<HashSet<_>, pgrx::spi::SpiError>>()
            })
        })
        .or_spi_failed(FN)
    };
    rows.iter()
        .map(|(keys, own_id)| {
            let said_apart = |id: &str| {
                own_id.is_some_and(|own| {
                    rejected.contains(&(own.to_string(), id.to_string()))
                        || rejected.contains(&(id.to_string(), own.to_string()))
                })
            };
            let mut ids: Vec<String> = keys
                .iter()
                .filter_map(|k| blocks.get(k))
                .flatten()
                .filter(|id| Some(id.as_str()) != *own_id && !said_apart(id))
                .cloned()
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids.truncate(limit);
            ids
        })
        .collect()
}
