//! `dedupe(tbl, incremental => true)`: a run that works on what changed
//! since the last one (docs/dedupe_at_scale.md, "Incremental runs").
//!
//! A full run with `incremental => true` leaves per row a fingerprint of
//! its values, its blocking keys and name hashes (`dedupe_rows`), and every
//! scored pair (`dedupe_pairs`). The next run:
//! 1. finds the rows whose fingerprint changed, and those gone, by one
//!    ordered pass over the table beside the stored state;
//! 2. prepares only the changed rows; one pass over the stored keys finds
//!    the unchanged rows of their blocks, old and new, and the name counts;
//! 3. scores the pairs those blocks make now (`engine::incremental`) and
//!    drops the stored pairs of changed rows, and of blocks grown past the
//!    limit unless another key still makes them;
//! 4. clusters again the components those pairs touch, with every pair in
//!    them scored again: the same rule and order as a full run;
//! 5. writes the difference: clusters, pending review pairs, match keys
//!    and the state of the touched rows only.
//!
//! What it gives: a full run's clusters and review pairs for every
//! component a change touched. Pairs of two unchanged rows elsewhere keep
//! the probability of the run that scored them, although the row count
//! and name counts behind the names' term-frequency weights moved a
//! little; a full run (`incremental => false`, or any change of model,
//! profile or thresholds, or more than a fifth of the rows changed) scores
//! them all again.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::time::Instant;

use customer_clean_engine::matching::blocking::{self, BlockingStats};
use customer_clean_engine::matching::cluster::Edge;
use customer_clean_engine::matching::dedupe::{self, DedupeOptions};
use customer_clean_engine::matching::external::Prepared;
use customer_clean_engine::matching::incremental::{
    block_changes, keys_from_bytes, keys_to_bytes, still_candidates, Block, RowState,
};
use customer_clean_engine::matching::model::{name_hash, name_keys, NameFrequency, Progress};
use customer_clean_engine::matching::spill::Spill;
use customer_clean_engine::matching::store::RecordStore;
use customer_clean_engine::matching::{parallel, Model, Record};
use pgrx::prelude::*;
use pgrx::PgSqlErrorCode;
use serde_json::{json, Value};

use super::{
    delete_keys, explanation, insert_keys, lock_catalog, ordered, run, spilled, ReviewWriter, RowIds, Target,
    FETCH_ROWS, WRITE_ROWS,
};
use crate::bulk_copy;
use crate::error::{spi_failed, OrSpiFailed, Report};
use crate::memory;
use crate::names::quote_identifier as quote;
use crate::security::as_extension_owner;

const FN: &str = "dedupe";

/// More changed rows than this share of the table: a full run costs
/// about as much, and rescores every pair.
const MAX_CHANGED_SHARE: f64 = 0.2;
/// More rows touched than this share (changed rows, their partners and
/// the components they are in): a full run instead.
const MAX_TOUCHED_SHARE: f64 = 0.3;
/// The version of what the state tables hold; a new one makes the next
/// run a full one.
const STATE_FORMAT: u32 = 1;

/// What the stored state must have been made with to be reused: the state
/// format and engine, the table's salt and record schema, the columns
/// read, the model, and the thresholds (pairs below the lower one were
/// not stored).
pub(super) fn basis(target: &Target, opts: &DedupeOptions) -> String {
    let model = as_extension_owner(|| {
        Spi::get_one_with_args::<String>(
            "SELECT (SELECT md5(model::text) || ' ' || (extract(epoch FROM trained_at) * 1000000)::bigint
                       FROM customer_clean.models WHERE tbl = $1)",
            &[target.oid.into()],
        )
    })
    .or_spi_failed(FN)
    .unwrap_or_default();
    format!(
        "state {STATE_FORMAT}, engine {}, salt {}, schema {}, read {}, model {model}, min {}, review {}",
        env!("CARGO_PKG_VERSION"),
        target.salt,
        target.schema.basis(),
        target.select,
        opts.min_probability,
        opts.review_probability,
    )
}

/// The SQL of a row's fingerprint: a chain of 64-bit hashes of the text
/// of each value matching reads, each seeded by the one before (and by
/// whether the value is NULL, so that NULL and '' differ). Half the time of
/// hashing a record's text output (0.7 s against 2.0 s for 1M rows of 9
/// columns).
pub(super) fn fingerprint_sql(target: &Target) -> String {
    target.columns.iter().fold("0::int8".to_string(), |seed, c| {
        let v = format!("t.{}", quote(c));
        format!("pg_catalog.hashtextextended(coalesce({v}::text, ''), ({seed}) # ({v} IS NULL)::int::int8)")
    })
}

/// Whether the state tables exist: not while the SQL of 0.1.0 is still
/// installed with this library (before ALTER EXTENSION UPDATE), when only
/// the three-argument `dedupe` can be called.
pub(crate) fn state_tables_exist() -> bool {
    Spi::get_one::<bool>("SELECT pg_catalog.to_regclass('customer_clean.dedupe_state') IS NOT NULL")
        .or_spi_failed(FN)
        .unwrap_or(false)
}

/// Removes the stored state of the table (a full run without
/// `incremental` makes it stale).
pub(super) fn forget_state(target: &Target) {
    if !state_tables_exist() {
        return;
    }
    for table in ["dedupe_state", "dedupe_rows", "dedupe_pairs"] {
        run(target.caller, &format!("DELETE FROM customer_clean.{table} WHERE tbl = $1"), vec![target.oid.into()]);
    }
}

/// The state of each row of a full run, in row order, kept in the
/// temporary file until the run writes it.
pub(super) struct StateWriter {
    rows: RecordStore,
    bytes: Vec<u8>,
}

impl StateWriter {
    pub(super) fn new(chunk_bytes: usize) -> StateWriter {
        StateWriter { rows: RecordStore::new(chunk_bytes), bytes: Vec::new() }
    }

    /// The state of the next row: its prepared keys and names, its
    /// fingerprint and the day it must be read again.
    pub(super) fn push(&mut self, p: &Prepared, fingerprint: i64, recheck_on: Option<i64>, spill: &mut dyn Spill) {
        let state = RowState {
            fingerprint,
            recheck_on: recheck_on.map(customer_clean_engine::date::Date::from_days_since_epoch),
            strong: p.strong.clone(),
            weak: p.weak.clone(),
            names: p.names.clone(),
        };
        self.bytes.clear();
        state.encode(&mut self.bytes);
        spilled(self.rows.push_encoded(&self.bytes, spill));
    }

    /// Replaces the stored state of the table with this run's: every row,
    /// every scored pair (`pairs`, by row), and the basis.
    pub(super) fn write(mut self, target: &Target, ids: &RowIds, pairs: &[Edge], basis: &str, spill: &mut dyn Spill) {
        forget_state(target);
        spilled(self.rows.flush(spill));
        let dedupe_rows = relation("dedupe_rows");
        let ranges = self.rows.ranges(FIXED_STATE_BYTES);
        let mut range = 0;
        let mut loaded = None;
        let mut next_row = 0u32;
        as_extension_owner(|| {
            bulk_copy::copy_into(dedupe_rows, &mut |out| {
                while !out.full() {
                    if loaded.as_ref().is_none_or(|(r, _): &(std::ops::Range<u32>, _)| !r.contains(&next_row)) {
                        let Some(r) = ranges.get(range).cloned() else {
                            return false;
                        };
                        range += 1;
                        let l = self.rows.load_range(r.clone(), spill).or_spi_failed(FN);
                        loaded = Some((r, l));
                    }
                    let (_, l) = loaded.as_ref().expect("loaded just above");
                    let state = l
                        .bytes(next_row)
                        .ok()
                        .and_then(RowState::decode)
                        .unwrap_or_else(|| spi_failed(FN, "a row's dedupe state did not read back"));
                    write_state_row(out, target, &ids[next_row], &state);
                    next_row += 1;
                }
                true
            });
        });
        copy_pairs(target, ids, pairs);
        save_basis(target, basis, u64::from(next_row));
    }
}

/// Appends `pairs` (by row of `ids`) to the stored pairs, lower id first.
fn copy_pairs(target: &Target, ids: &RowIds, pairs: &[Edge]) {
    let dedupe_pairs = relation("dedupe_pairs");
    let mut pairs = pairs.iter();
    as_extension_owner(|| {
        bulk_copy::copy_into(dedupe_pairs, &mut |out| {
            while !out.full() {
                let Some(e) = pairs.next() else {
                    return false;
                };
                let (a, b) = ordered(&ids[e.a], &ids[e.b]);
                out.row(4).oid(target.oid).text(a).text(b).float8(e.probability);
            }
            true
        })
    });
}

/// Encoded states loaded at once while writing them (about 150 bytes a
/// row).
const FIXED_STATE_BYTES: usize = 16 << 20;

fn write_state_row(out: &mut bulk_copy::BinaryRows, target: &Target, id: &str, s: &RowState) {
    out.row(7)
        .oid(target.oid)
        .text(id)
        .int8(s.fingerprint)
        .date(s.recheck_on.map(|d| d.days_since_epoch()))
        .bytea(&keys_to_bytes(&s.strong))
        .bytea(&keys_to_bytes(&s.weak))
        .bytea(&keys_to_bytes(&s.names.iter().map(|n| *n as i64).collect::<Vec<_>>()));
}

fn relation(table: &str) -> pg_sys::Oid {
    Spi::get_one::<pg_sys::Oid>(&format!("SELECT 'customer_clean.{table}'::regclass::oid"))
        .or_spi_failed(FN)
        .unwrap_or_else(|| spi_failed(FN, format!("customer_clean.{table} is missing")))
}

fn save_basis(target: &Target, basis: &str, rows: u64) {
    run(
        target.caller,
        "INSERT INTO customer_clean.dedupe_state (tbl, basis, row_count, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (tbl) DO UPDATE SET basis = excluded.basis, row_count = excluded.row_count, updated_at = now()",
        vec![target.oid.into(), basis.into(), (rows as i64).into()],
    );
}

/// A row's stored state as the scan reads it.
struct Stored {
    id: String,
    fingerprint: i64,
    recheck_due: bool,
    strong: Vec<i64>,
    weak: Vec<i64>,
    names: Vec<u64>,
}

/// What changed since the last run.
#[derive(Default)]
struct Diff {
    /// Rows in the table now.
    rows: usize,
    /// Rows new or changed, with their fingerprint now.
    changed: Vec<(String, i64)>,
    /// Rows no longer in the table.
    deleted: Vec<String>,
    /// The stored state of changed and deleted rows.
    old: HashMap<String, Stored>,
    /// Name counts of the unchanged rows.
    names: HashMap<u64, u32>,
}

/// Row numbers for the rows an incremental run handles, by id.
#[derive(Default)]
struct Handles {
    by_id: HashMap<String, u32>,
    ids: Vec<String>,
}

impl Handles {
    fn of(&mut self, id: &str) -> u32 {
        if let Some(h) = self.by_id.get(id) {
            return *h;
        }
        let h = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.by_id.insert(id.to_string(), h);
        h
    }
}

/// Runs `dedupe` on what changed; `Err` says why a full run must be made
/// instead (nothing was written then).
pub(super) fn run_incremental(
    target: &Target,
    model: &Model,
    opts: &DedupeOptions,
    basis: &str,
    progress: Progress,
) -> Result<Value, String> {
    let started = Instant::now();
    let mut timings = serde_json::Map::new();
    let mut lap = Instant::now();
    let mut time = |step: &str| {
        timings.insert(format!("{step}_s"), json!((lap.elapsed().as_secs_f64() * 1000.0).round() / 1000.0));
        lap = Instant::now();
    };
    let stored_basis = as_extension_owner(|| {
        Spi::get_one_with_args::<String>(
            "SELECT (SELECT basis FROM customer_clean.dedupe_state WHERE tbl = $1)",
            &[target.oid.into()],
        )
    })
    .or_spi_failed(FN);
    match stored_basis {
        None => return Err("no stored state: the first incremental run is a full one".into()),
        Some(b) if b != basis => {
            return Err("the model, profile, thresholds or extension changed since the stored state was made".into())
        }
        Some(_) => {}
    }

    // 1. What changed.
    let diff = diff(target, progress);
    let changes = diff.changed.len() + diff.deleted.len();
    if changes as f64 > MAX_CHANGED_SHARE * diff.rows.max(1) as f64 {
        return Err(format!("{changes} of {} rows changed, more than {MAX_CHANGED_SHARE} of them", diff.rows));
    }
    // Rows of pairs a steward decided since: their components are
    // clustered again (a rejected pair keeps its rows apart).
    let decided: Vec<String> = as_extension_owner(|| {
        Spi::get_one_with_args::<Vec<String>>(
            "SELECT coalesce(array_agg(DISTINCT r), '{}') FROM customer_clean.review_queue q
                  CROSS JOIN LATERAL (VALUES (q.row_id_a), (q.row_id_b)) AS v(r)
              WHERE q.tbl = $1 AND q.decided_at >= (SELECT updated_at FROM customer_clean.dedupe_state WHERE tbl = $1)",
            &[target.oid.into()],
        )
    })
    .or_spi_failed(FN)
    .unwrap_or_default();
    time("diff");

    // 2. The changed rows, prepared; the blocks of their keys.
    let mut h = Handles::default();
    let changed_ids: Vec<String> = diff.changed.iter().map(|(id, _)| id.clone()).collect();
    let fingerprints: HashMap<&str, i64> = diff.changed.iter().map(|(id, f)| (id.as_str(), *f)).collect();
    let mut now_state: HashMap<u32, (RowState, Record)> = HashMap::new();
    let read = target.read_values(&changed_ids, FN);
    let prepared = on_every_core(&read, |(_, values)| {
        let refs: Vec<Option<&str>> = values.iter().map(|v| v.as_deref()).collect();
        let record = target.schema.record(&refs);
        let state = RowState {
            fingerprint: 0,
            recheck_on: target.schema.recheck_on(&refs),
            strong: blocking::match_keys(&record, target.salt),
            weak: blocking::weak_keys(&record, target.salt),
            names: name_keys(&record).map(name_hash).collect(),
        };
        (state, record)
    });
    for ((id, _), (mut state, record)) in read.iter().zip(prepared) {
        state.fingerprint = fingerprints.get(id.as_str()).copied().unwrap_or_default();
        now_state.insert(h.of(id), (state, record));
    }
    drop(read);
    // A changed row gone since the diff is deleted.
    let mut deleted: Vec<String> = diff.deleted.clone();
    deleted.extend(
        changed_ids.iter().filter(|id| h.by_id.get(id.as_str()).is_none_or(|r| !now_state.contains_key(r))).cloned(),
    );
    // Changed and deleted rows: their stored pairs all go, and they are
    // not unchanged members of any block.
    let gone: HashSet<u32> = changed_ids.iter().chain(&deleted).map(|id| h.of(id)).collect();
    let limits = [model.max_block_size, blocking::WEAK_MAX_BLOCK.min(model.max_block_size)];
    let old_of = |h: &Handles, tier: usize| -> Vec<(u32, Vec<i64>)> {
        diff.old.values().map(|s| (h.by_id[&s.id], if tier == 0 { s.strong.clone() } else { s.weak.clone() })).collect()
    };
    let new_of = |tier: usize| -> Vec<(u32, Vec<i64>)> {
        now_state.iter().map(|(r, (s, _))| (*r, if tier == 0 { s.strong.clone() } else { s.weak.clone() })).collect()
    };
    let (old, new) = ([old_of(&h, 0), old_of(&h, 1)], [new_of(0), new_of(1)]);
    let affected: [HashSet<i64>; 2] =
        [0, 1].map(|t| old[t].iter().chain(&new[t]).flat_map(|(_, k)| k.iter().copied()).collect());
    let mut blocks: [HashMap<i64, Block>; 2] = [HashMap::new(), HashMap::new()];
    if affected.iter().any(|a| !a.is_empty()) {
        scan_state(target, progress, &mut |id, strong, weak| {
            if h.by_id.get(id).is_some_and(|r| gone.contains(r)) {
                return;
            }
            for (t, keys) in [strong, weak].into_iter().enumerate() {
                for k in keys.iter().filter(|k| affected[t].contains(k)) {
                    let row = h.of(id);
                    blocks[t].entry(*k).or_default().add(row, limits[t]);
                }
            }
        });
    }
    time("blocks");

    // 3. The pairs to score, and the stored pairs that go.
    let tier_changes: Vec<_> = (0..2).map(|t| block_changes(limits[t], &old[t], &new[t], &blocks[t])).collect();
    let mut candidates: BTreeSet<(u32, u32)> = BTreeSet::new();
    for c in &tier_changes {
        candidates.extend(c.pairs.iter().copied());
    }
    let changed_or_gone: Vec<String> = gone.iter().map(|r| h.ids[*r as usize].clone()).collect();
    let mut removed: Vec<(String, String)> = stored_pairs_touching(target, &changed_or_gone);
    removed.extend(lost_pairs(target, &tier_changes, &blocks, &limits, &now_state, &gone, &mut h, progress));
    // Rows whose components are clustered again.
    let mut touched: HashSet<String> = now_state.keys().map(|r| h.ids[*r as usize].clone()).collect();
    touched.extend(removed.iter().flat_map(|(a, b)| [a.clone(), b.clone()]));
    touched.extend(decided);
    for id in &deleted {
        touched.remove(id);
    }

    // Name counts now: the unchanged rows' and the changed rows' new ones.
    let mut names = diff.names;
    for (s, _) in now_state.values() {
        for n in &s.names {
            *names.entry(*n).or_default() += 1;
        }
    }
    let n = diff.rows - (deleted.len() - diff.deleted.len());
    let tf = NameFrequency::Hashed(&names, n);
    let min_scored = opts.review_probability.min(opts.min_probability);
    let scorer = model.scorer();

    // Score the candidates: records of their unchanged rows read anew.
    let unchanged_ids: Vec<String> = candidates
        .iter()
        .flat_map(|(a, b)| [*a, *b])
        .filter(|r| !now_state.contains_key(r))
        .map(|r| h.ids[r as usize].clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut records: HashMap<u32, Record> = now_state.iter().map(|(r, (_, rec))| (*r, rec.clone())).collect();
    let read = target.read_values(&unchanged_ids, FN);
    for ((id, _), record) in read.iter().zip(on_every_core(&read, |values| prepare(target, values))) {
        records.insert(h.of(id), record);
    }
    drop(read);
    let candidates: Vec<(u32, u32)> = candidates.into_iter().collect();
    progress("scoring changed pairs", 0, candidates.len());
    let scored = on_every_core(&candidates, |(a, b)| {
        let (ra, rb) = (records.get(a)?, records.get(b)?);
        scorer.score_at_least(ra, rb, &tf, min_scored).map(|_| ())
    });
    let mut new_pairs: Vec<(String, String)> = Vec::new();
    for ((a, b), _) in candidates.iter().zip(scored).filter(|(_, kept)| kept.is_some()) {
        let (x, y) = ordered(&h.ids[*a as usize], &h.ids[*b as usize]);
        touched.insert(x.to_string());
        touched.insert(y.to_string());
        new_pairs.push((x.to_string(), y.to_string()));
    }
    drop(records);
    time("score_changes");

    // 4. The touched components: their rows, every pair in them scored
    // again, clustered as a full run does.
    let removed: HashSet<(String, String)> = removed.into_iter().collect();
    let (component_rows, kept_pairs) = components(target, touched, &removed, &gone_ids(&h, &gone), progress);
    if component_rows.len() as f64 > MAX_TOUCHED_SHARE * n.max(1) as f64 + 1000.0 {
        return Err(format!("the changes touch {} of {n} rows", component_rows.len()));
    }
    // In the table's order (that of a full run: ties in probability are
    // broken by it).
    let read = target.read_values_in_table_order(&component_rows.iter().cloned().collect::<Vec<_>>(), FN);
    let ids: RowIds = read.iter().map(|(id, _)| id.as_str()).collect();
    let local: HashMap<&str, u32> = read.iter().enumerate().map(|(i, (id, _))| (id.as_str(), i as u32)).collect();
    let row_records: Vec<Record> = on_every_core(&read, |values| prepare(target, values));
    let mut seen: HashSet<(u32, u32)> = HashSet::new();
    let in_components: Vec<(u32, u32)> = kept_pairs
        .iter()
        .chain(&new_pairs)
        .filter_map(|(a, b)| {
            let (x, y) = (*local.get(a.as_str())?, *local.get(b.as_str())?);
            Some((x.min(y), x.max(y)))
        })
        .filter(|p| seen.insert(*p))
        .collect();
    let mut pairs: Vec<Edge> = on_every_core(&in_components, |(x, y)| {
        let (ra, rb) = (&row_records[*x as usize], &row_records[*y as usize]);
        let score = scorer.score_at_least(ra, rb, &tf, min_scored)?;
        Some(Edge { a: *x, b: *y, probability: score.probability })
    })
    .into_iter()
    .flatten()
    .collect();
    pairs.sort_unstable_by_key(|e| (e.a, e.b));
    let rejected: HashSet<(u32, u32)> = super::rejected_id_pairs(target)
        .iter()
        .filter_map(|(a, b)| {
            let (x, y) = (*local.get(a.as_str())?, *local.get(b.as_str())?);
            Some((x.min(y), x.max(y)))
        })
        .collect();
    let mut outcome =
        dedupe::cluster_scored(&row_records, pairs, BlockingStats::default(), model, opts, &rejected, &tf, progress);
    let review = outcome.review_pairs(&rejected);
    time("cluster");

    // 5. Writes, for the touched and deleted rows only.
    lock_catalog(target, true);
    let mut written: Vec<String> = ids.iter().map(str::to_string).collect();
    written.extend(deleted.iter().cloned());
    let clusters = write_clusters(target, &ids, &outcome.clustering.members(), &written);
    time("write_clusters");
    run(
        target.caller,
        "DELETE FROM customer_clean.review_queue WHERE tbl = $1 AND status = 'pending'
            AND (row_id_a = ANY ($2) OR row_id_b = ANY ($2))",
        vec![target.oid.into(), written.clone().into()],
    );
    let refusals: HashMap<(u32, u32), String> =
        outcome.clustering.refused.iter().map(|(e, r)| ((e.a, e.b), r.as_str())).collect();
    let mut writer = ReviewWriter::new(target);
    for e in &review {
        let (a, b) = (&row_records[e.a as usize], &row_records[e.b as usize]);
        let reason = refusals.get(&(e.a, e.b)).map_or("uncertain", String::as_str);
        writer.push(ordered(&ids[e.a], &ids[e.b]), e.probability, explanation(model, a, b, &tf), reason);
    }
    writer.flush();
    time("write_review");
    // Match keys: those of changed and deleted rows out — as stored (the
    // old keys), or as match_on_insert or a merge may have written them
    // since (the keys of the row now) — and the keys of the rows now in.
    let mut gone_keys = (Vec::new(), Vec::new());
    for s in diff.old.values() {
        for k in &s.strong {
            gone_keys.0.push(*k);
            gone_keys.1.push(s.id.clone());
        }
    }
    let mut new_keys = (Vec::new(), Vec::new());
    for (r, (_, record)) in &now_state {
        for k in blocking::lookup_keys(record, target.salt) {
            new_keys.0.push(k);
            new_keys.1.push(h.ids[*r as usize].clone());
        }
    }
    gone_keys.0.extend(&new_keys.0);
    gone_keys.1.extend(new_keys.1.iter().cloned());
    let keys_deleted = gone_keys
        .0
        .chunks(WRITE_ROWS)
        .zip(gone_keys.1.chunks(WRITE_ROWS))
        .map(|(k, r)| delete_keys(target, (k.to_vec(), r.to_vec())))
        .sum::<usize>();
    let keys_inserted = new_keys.0.len();
    for (k, r) in new_keys.0.chunks(WRITE_ROWS).zip(new_keys.1.chunks(WRITE_ROWS)) {
        insert_keys(target, (k.to_vec(), r.to_vec()));
    }
    time("write_match_keys");
    // The state: rows changed or gone, pairs of the touched components.
    let states: Vec<(String, RowState)> =
        now_state.into_iter().map(|(r, (s, _))| (h.ids[r as usize].clone(), s)).collect();
    write_state_changes(target, &changed_or_gone, &states, &written, &outcome.pairs, &ids, n);
    time("write_state");

    let members = outcome.clustering.members();
    Ok(json!({
        "incremental": true,
        "rows": n,
        "changed_rows": states.len(),
        "deleted_rows": deleted.len(),
        "touched_rows": ids.len(),
        "pairs_scored": candidates.len() + kept_pairs.len(),
        "clusters_touched": members.iter().map(|(_, r)| *r).collect::<HashSet<_>>().len(),
        "rows_in_touched_clusters": members.len(),
        "clusters_renumbered": clusters,
        "review_pairs_touched": review.len(),
        "match_keys_inserted": keys_inserted,
        "match_keys_deleted": keys_deleted,
        "seconds": started.elapsed().as_secs_f64(),
        "steps": Value::Object(timings),
    }))
}

/// `f` of every item, on every core, in item order.
fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    parallel::map(items, parallel::thread_count(0), 2_000, f, &mut |_| {})
}

/// A row's record, from its values as read.
fn prepare(target: &Target, (_, values): &(String, Vec<Option<String>>)) -> Record {
    target.schema.record(&values.iter().map(|v| v.as_deref()).collect::<Vec<_>>())
}

fn gone_ids(h: &Handles, gone: &HashSet<u32>) -> HashSet<String> {
    gone.iter().map(|r| h.ids[*r as usize].clone()).collect()
}

/// Step 1: the table's ids and fingerprints (read as the caller) beside
/// the stored state (read as the extension's owner), both in byte order
/// of the id, merged.
fn diff(target: &Target, progress: Progress) -> Diff {
    let id = quote(&target.id_column);
    let table_sql = format!(
        "SELECT t.{id}::text COLLATE \"C\", {} FROM {} t WHERE t.{id} IS NOT NULL ORDER BY 1",
        fingerprint_sql(target),
        target.name
    );
    let today = crate::date::today().days_since_epoch();
    let mut out = Diff::default();
    Spi::connect(|client| {
        let mut table = client.open_cursor(&table_sql, &[]);
        let mut state = as_extension_owner(|| {
            client.open_cursor(
                "SELECT row_id, fingerprint, (recheck_on - DATE '1970-01-01')::int8, names
                   FROM customer_clean.dedupe_rows WHERE tbl = $1 ORDER BY row_id",
                &[target.oid.into()],
            )
        });
        let mut table_rows: std::vec::IntoIter<(String, i64)> = Vec::new().into_iter();
        let mut state_rows: std::vec::IntoIter<Stored> = Vec::new().into_iter();
        let mut next_table =
            |rows: &mut std::vec::IntoIter<(String, i64)>| -> Result<Option<(String, i64)>, pgrx::spi::SpiError> {
                if let Some(r) = rows.next() {
                    return Ok(Some(r));
                }
                let mut batch = Vec::new();
                for row in table.fetch(FETCH_ROWS * 5)? {
                    batch.push((row.get::<String>(1)?.unwrap_or_default(), row.get::<i64>(2)?.unwrap_or_default()));
                }
                memory::free_fetched_rows();
                *rows = batch.into_iter();
                Ok(rows.next())
            };
        let mut next_state = |rows: &mut std::vec::IntoIter<Stored>| -> Result<Option<Stored>, pgrx::spi::SpiError> {
            if let Some(r) = rows.next() {
                return Ok(Some(r));
            }
            let batch = as_extension_owner(|| -> Result<Vec<Stored>, pgrx::spi::SpiError> {
                let mut batch = Vec::new();
                for row in state.fetch(FETCH_ROWS * 5)? {
                    batch.push(Stored {
                        id: row.get::<String>(1)?.unwrap_or_default(),
                        fingerprint: row.get::<i64>(2)?.unwrap_or_default(),
                        recheck_due: row.get::<i64>(3)?.is_some_and(|d| d <= today),
                        // (the keys of the few changed rows are read after)
                        strong: Vec::new(),
                        weak: Vec::new(),
                        names: stored_keys_column(&row, 4)?.into_iter().map(|n| n as u64).collect(),
                    });
                }
                memory::free_fetched_rows();
                Ok(batch)
            })?;
            *rows = batch.into_iter();
            Ok(rows.next())
        };
        let mut now = next_table(&mut table_rows)?;
        let mut before = next_state(&mut state_rows)?;
        let mut last_id: Option<String> = None;
        loop {
            let order = match (&now, &before) {
                (None, None) => break,
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some((a, _)), Some(b)) => a.as_bytes().cmp(b.id.as_bytes()),
            };
            match order {
                std::cmp::Ordering::Less => {
                    let (id, fp) = now.take().expect("a table row");
                    out.rows += 1;
                    if last_id.as_deref() == Some(id.as_str()) {
                        Report::new(
                            PgSqlErrorCode::ERRCODE_UNIQUE_VIOLATION,
                            FN,
                            format!("{FN}: id {id} is in more than one row of {}", target.name),
                        )
                        .hint(format!("an incremental dedupe tells rows by their id: make {} unique", target.id_column))
                        .raise();
                    }
                    last_id = Some(id.clone());
                    out.changed.push((id, fp));
                    now = next_table(&mut table_rows)?;
                }
                std::cmp::Ordering::Greater => {
                    let s = before.take().expect("a stored row");
                    out.deleted.push(s.id.clone());
                    out.old.insert(s.id.clone(), s);
                    before = next_state(&mut state_rows)?;
                }
                std::cmp::Ordering::Equal => {
                    let (id, fp) = now.take().expect("a table row");
                    let s = before.take().expect("a stored row");
                    out.rows += 1;
                    if s.fingerprint != fp || s.recheck_due {
                        out.changed.push((id.clone(), fp));
                        out.old.insert(id.clone(), s);
                    } else {
                        for n in &s.names {
                            *out.names.entry(*n).or_default() += 1;
                        }
                    }
                    last_id = Some(id);
                    now = next_table(&mut table_rows)?;
                    before = next_state(&mut state_rows)?;
                }
            }
            if out.rows % 100_000 == 0 {
                progress("comparing rows with the stored state", out.rows, 0);
            }
        }
        Ok::<_, pgrx::spi::SpiError>(())
    })
    .or_spi_failed(FN);
    // The stored keys of the changed and deleted rows.
    let ids: Vec<String> = out.old.keys().cloned().collect();
    for (id, [strong, weak]) in stored_keys(target, &ids) {
        if let Some(s) = out.old.get_mut(&id) {
            (s.strong, s.weak) = (strong, weak);
        }
    }
    out
}

/// The stored keys (strong, weak) of rows `ids`.
fn stored_keys(target: &Target, ids: &[String]) -> HashMap<String, [Vec<i64>; 2]> {
    if ids.is_empty() {
        return HashMap::new();
    }
    as_extension_owner(|| {
        Spi::connect(|client| {
            client
                .select(
                    "SELECT row_id, strong_keys, weak_keys FROM customer_clean.dedupe_rows WHERE tbl = $1 AND row_id = ANY ($2)",
                    None,
                    &[target.oid.into(), ids.to_vec().into()],
                )?
                .map(|row| {
                    Ok((row.get::<String>(1)?.unwrap_or_default(), [stored_keys_column(&row, 2)?, stored_keys_column(&row, 3)?]))
                })
                .collect::<Result<HashMap<_, _>, pgrx::spi::SpiError>>()
        })
    })
    .or_spi_failed(FN)
}

/// Column `i` of a `dedupe_rows` row: keys (or name hashes) as stored.
fn stored_keys_column(row: &pgrx::spi::SpiHeapTupleData<'_>, i: usize) -> Result<Vec<i64>, pgrx::spi::SpiError> {
    Ok(keys_from_bytes(row.get::<&[u8]>(i)?.unwrap_or_default())
        .unwrap_or_else(|| spi_failed(FN, "a stored dedupe state is damaged")))
}

/// What [`scan_state`] hands each stored row to: its id and its keys
/// (strong, weak).
type EachStoredRow<'a> = dyn FnMut(&str, &[i64], &[i64]) + 'a;

/// Every stored row's id and keys (strong, weak), handed to `each`.
fn scan_state(target: &Target, progress: Progress, each: &mut EachStoredRow<'_>) {
    let mut read = 0;
    Spi::connect(|client| {
        let mut cursor = as_extension_owner(|| {
            client.open_cursor(
                "SELECT row_id, strong_keys, weak_keys FROM customer_clean.dedupe_rows WHERE tbl = $1",
                &[target.oid.into()],
            )
        });
        loop {
            // Each row as it comes, its values borrowed from the fetch.
            let fetched = as_extension_owner(|| -> Result<usize, pgrx::spi::SpiError> {
                let mut fetched = 0;
                for row in cursor.fetch(FETCH_ROWS * 5)? {
                    each(
                        row.get::<&str>(1)?.unwrap_or_default(),
                        &stored_keys_column(&row, 2)?,
                        &stored_keys_column(&row, 3)?,
                    );
                    fetched += 1;
                }
                memory::free_fetched_rows();
                Ok(fetched)
            })?;
            if fetched == 0 {
                break;
            }
            read += fetched;
            progress("reading stored keys", read, 0);
        }
        Ok::<_, pgrx::spi::SpiError>(())
    })
    .or_spi_failed(FN);
}

/// The stored pairs with a row in `ids`, lower id first.
fn stored_pairs_touching(target: &Target, ids: &[String]) -> Vec<(String, String)> {
    if ids.is_empty() {
        return Vec::new();
    }
    as_extension_owner(|| {
        Spi::connect(|client| {
            client
                .select(
                    "SELECT row_id_a, row_id_b FROM customer_clean.dedupe_pairs
                      WHERE tbl = $1 AND (row_id_a = ANY ($2) OR row_id_b = ANY ($2))",
                    None,
                    &[target.oid.into(), ids.to_vec().into()],
                )?
                .map(|row| Ok((row.get::<String>(1)?.unwrap_or_default(), row.get::<String>(2)?.unwrap_or_default())))
                .collect::<Result<Vec<_>, pgrx::spi::SpiError>>()
        })
    })
    .or_spi_failed(FN)
}

/// The stored pairs of unchanged rows that a block grown past its limit
/// made and no other key makes any more.
#[allow(clippy::too_many_arguments)]
fn lost_pairs(
    target: &Target,
    tier_changes: &[customer_clean_engine::matching::incremental::TierChanges],
    blocks: &[HashMap<i64, Block>; 2],
    limits: &[usize; 2],
    now_state: &HashMap<u32, (RowState, Record)>,
    gone: &HashSet<u32>,
    h: &mut Handles,
    progress: Progress,
) -> Vec<(String, String)> {
    // The unchanged rows of each grown block.
    let mut grown: Vec<(usize, i64)> = Vec::new();
    let mut members: BTreeSet<String> = BTreeSet::new();
    for (t, c) in tier_changes.iter().enumerate() {
        for k in &c.grown_past_limit {
            grown.push((t, *k));
            members.extend(blocks[t][k].members.iter().map(|r| h.ids[*r as usize].clone()));
        }
    }
    if grown.is_empty() {
        return Vec::new();
    }
    let members: Vec<String> = members.into_iter().collect();
    let within = as_extension_owner(|| {
        Spi::connect(|client| {
            let pairs = client
                .select(
                    "SELECT row_id_a, row_id_b FROM customer_clean.dedupe_pairs
                      WHERE tbl = $1 AND row_id_a = ANY ($2) AND row_id_b = ANY ($2)",
                    None,
                    &[target.oid.into(), members.clone().into()],
                )?
                .map(|row| Ok((row.get::<String>(1)?.unwrap_or_default(), row.get::<String>(2)?.unwrap_or_default())))
                .collect::<Result<Vec<_>, pgrx::spi::SpiError>>()?;
            Ok::<_, pgrx::spi::SpiError>(pairs)
        })
    })
    .or_spi_failed(FN);
    let keys = stored_keys(target, &members);
    let pairs = within;
    let in_grown = |a: &str, b: &str| {
        grown.iter().any(|(t, k)| {
            let m = &blocks[*t][k].members;
            m.contains(&h.by_id[a]) && m.contains(&h.by_id[b])
        })
    };
    let suspects: Vec<(String, String)> =
        pairs.into_iter().filter(|(a, b)| in_grown(a, b) && keys.contains_key(a) && keys.contains_key(b)).collect();
    if suspects.is_empty() {
        return Vec::new();
    }
    // Sizes now of every key the suspects share.
    let mut wanted: [HashMap<i64, usize>; 2] = [HashMap::new(), HashMap::new()];
    for (a, b) in &suspects {
        for t in 0..2 {
            for k in keys[a][t].iter().filter(|k| keys[b][t].contains(k)) {
                wanted[t].insert(*k, 0);
            }
        }
    }
    scan_state(target, progress, &mut |id, strong, weak| {
        if h.by_id.get(id).is_some_and(|r| gone.contains(r)) {
            return;
        }
        for (t, ks) in [strong, weak].into_iter().enumerate() {
            let mut ks = ks.to_vec();
            ks.sort_unstable();
            ks.dedup();
            for k in ks {
                if let Some(n) = wanted[t].get_mut(&k) {
                    *n += 1;
                }
            }
        }
    });
    for (s, _) in now_state.values() {
        for (t, ks) in [&s.strong, &s.weak].into_iter().enumerate() {
            let mut ks = ks.clone();
            ks.sort_unstable();
            ks.dedup();
            for k in ks {
                if let Some(n) = wanted[t].get_mut(&k) {
                    *n += 1;
                }
            }
        }
    }
    let size_of = |t: usize, k: i64| wanted[t].get(&k).copied().unwrap_or(usize::MAX);
    suspects
        .into_iter()
        .filter(|(a, b)| {
            let (ka, kb) = (&keys[a], &keys[b]);
            !still_candidates(&[&ka[0], &ka[1]], &[&kb[0], &kb[1]], limits, &size_of)
        })
        .inspect(|(a, b)| {
            h.of(a);
            h.of(b);
        })
        .collect()
}

/// The rows of the components of `touched` (every row reachable through
/// stored pairs not `removed`, from a touched row), and the stored pairs
/// among them. Rows in `gone` (changed or deleted: their stored pairs are
/// all replaced) are not followed.
fn components(
    target: &Target,
    touched: HashSet<String>,
    removed: &HashSet<(String, String)>,
    gone: &HashSet<String>,
    progress: Progress,
) -> (BTreeSet<String>, Vec<(String, String)>) {
    let mut rows: BTreeSet<String> = touched.iter().cloned().collect();
    let mut frontier: Vec<String> = touched.into_iter().collect();
    let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
    while !frontier.is_empty() {
        progress("finding the touched components", rows.len(), 0);
        let mut next = Vec::new();
        for (a, b) in stored_pairs_touching(target, &frontier) {
            if gone.contains(&a) || gone.contains(&b) || removed.contains(&(a.clone(), b.clone())) {
                continue;
            }
            for r in [&a, &b] {
                if rows.insert(r.clone()) {
                    next.push(r.clone());
                }
            }
            pairs.insert((a, b));
        }
        frontier = next;
    }
    (rows, pairs.into_iter().collect())
}

/// Writes the clusters of the touched rows (`ids`, `members` by local
/// row): rows of `written` (touched or deleted) keep their cluster id when
/// their cluster is unchanged, get a new one when it changed, and lose it
/// when they are alone. Returns how many clusters got a new id.
fn write_clusters(target: &Target, ids: &RowIds, members: &[(u32, u32)], written: &[String]) -> usize {
    // Old cluster ids of the written rows, and every member of those.
    let old: Vec<(String, i64)> = as_extension_owner(|| {
        Spi::connect(|client| {
            client
                .select(
                    "SELECT c.row_id, c.cluster_id FROM customer_clean.clusters c
                      WHERE c.tbl = $1 AND c.cluster_id IN (SELECT cluster_id FROM customer_clean.clusters
                                                             WHERE tbl = $1 AND row_id = ANY ($2))",
                    None,
                    &[target.oid.into(), written.to_vec().into()],
                )?
                .map(|row| Ok((row.get::<String>(1)?.unwrap_or_default(), row.get::<i64>(2)?.unwrap_or_default())))
                .collect::<Result<Vec<_>, pgrx::spi::SpiError>>()
        })
    })
    .or_spi_failed(FN);
    let mut old_members: HashMap<i64, BTreeSet<&str>> = HashMap::new();
    let mut old_of: HashMap<&str, i64> = HashMap::new();
    for (row, c) in &old {
        old_members.entry(*c).or_default().insert(row.as_str());
        old_of.insert(row.as_str(), *c);
    }
    let mut new_members: HashMap<u32, BTreeSet<&str>> = HashMap::new();
    for (row, root) in members {
        new_members.entry(*root).or_default().insert(&ids[*row]);
    }
    // A cluster whose members are exactly those of an old one keeps its id.
    let mut roots: Vec<u32> = new_members.keys().copied().collect();
    roots.sort_unstable();
    let kept: Vec<Option<i64>> = roots
        .iter()
        .map(|root| {
            let set = &new_members[root];
            let first = set.first().expect("a cluster has members");
            old_of.get(first).filter(|c| old_members.get(c) == Some(set)).copied()
        })
        .collect();
    let fresh = kept.iter().filter(|k| k.is_none()).count();
    let mut drawn = super::new_cluster_ids(fresh, target.caller).into_iter();
    let (mut rows, mut clusters) = (Vec::new(), Vec::new());
    for (root, keep) in roots.iter().zip(kept) {
        let id = keep
            .or_else(|| drawn.next())
            .unwrap_or_else(|| spi_failed(FN, "the cluster sequence gave too few numbers"));
        for row in &new_members[root] {
            rows.push(row.to_string());
            clusters.push(id);
        }
    }
    // Rows written but in no cluster now lose theirs; the others get
    // theirs (unchanged ones are left alone).
    run(
        target.caller,
        "DELETE FROM customer_clean.clusters c WHERE c.tbl = $1 AND c.row_id = ANY ($2)
            AND (c.row_id, c.cluster_id) NOT IN (SELECT * FROM unnest($3::text[], $4::bigint[]))",
        vec![target.oid.into(), written.to_vec().into(), rows.clone().into(), clusters.clone().into()],
    );
    memory::in_scratch_context(|| {
        run(
            target.caller,
            "INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by)
         SELECT $1, r, c, 'dedupe' FROM unnest($2::text[], $3::bigint[]) AS u(r, c)
         ON CONFLICT (tbl, row_id) DO NOTHING",
            vec![target.oid.into(), rows.into(), clusters.into()],
        )
    });
    // A cluster some of whose rows left may be down to one: then it is none.
    let old_ids: Vec<i64> = old_members.keys().copied().collect();
    run(
        target.caller,
        "DELETE FROM customer_clean.clusters c WHERE c.tbl = $1 AND c.cluster_id = ANY ($2)
            AND NOT EXISTS (SELECT 1 FROM customer_clean.clusters o
                             WHERE o.tbl = c.tbl AND o.cluster_id = c.cluster_id AND o.row_id <> c.row_id)",
        vec![target.oid.into(), old_ids.into()],
    );
    fresh
}

/// Writes the state of the rows an incremental run handled: rows changed
/// or gone out, their new state in; pairs of the written rows out, the
/// scored pairs of the touched components (`pairs`, by local row of `ids`)
/// in.
fn write_state_changes(
    target: &Target,
    changed_or_gone: &[String],
    states: &[(String, RowState)],
    written: &[String],
    pairs: &[Edge],
    ids: &RowIds,
    rows: usize,
) {
    run(
        target.caller,
        "DELETE FROM customer_clean.dedupe_rows WHERE tbl = $1 AND row_id = ANY ($2)",
        vec![target.oid.into(), changed_or_gone.to_vec().into()],
    );
    let dedupe_rows = relation("dedupe_rows");
    let mut states = states.iter();
    as_extension_owner(|| {
        bulk_copy::copy_into(dedupe_rows, &mut |out| {
            while !out.full() {
                let Some((id, s)) = states.next() else {
                    return false;
                };
                write_state_row(out, target, id, s);
            }
            true
        })
    });
    run(
        target.caller,
        "DELETE FROM customer_clean.dedupe_pairs WHERE tbl = $1 AND (row_id_a = ANY ($2) OR row_id_b = ANY ($2))",
        vec![target.oid.into(), written.to_vec().into()],
    );
    copy_pairs(target, ids, pairs);
    run(
        target.caller,
        "UPDATE customer_clean.dedupe_state SET row_count = $2, updated_at = now() WHERE tbl = $1",
        vec![target.oid.into(), (rows as i64).into()],
    );
}
