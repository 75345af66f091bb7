//! [`dedupe`](super::dedupe::dedupe) in bounded memory
//! (docs/dedupe_at_scale.md): records, match keys and candidate pairs go
//! to a [`Spill`] as rows arrive, pairs are scored by ranges of rows whose
//! records are loaded back, and clustering loads the records of a batch
//! of connected components at a time. The outcome is the in-memory one:
//! the same scored pairs, clusters and refusals.
//!
//! What still grows with the table: the name counts (one entry per
//! distinct name), the scored pairs (those at least `review_probability`
//! probable, a fraction of the rows) and one `u32` per row while
//! clustering. Everything else is bounded by the [`Budget`].

use std::collections::{HashMap, HashSet};

use super::blocking::{self, BlockingStats};
use super::cluster::{self, Clustering, Edge};
use super::dedupe::{cluster_component, Dedupe, DedupeOptions};
use super::model::{name_hash, name_keys, Model, NameFrequency, Progress};
use super::parallel;
use super::record::Record;
use super::spill::{ExternalSorter, Spill, SpillError};
use super::store::{Loaded, RecordStore, StoreError};

/// What a worker thread makes of one row before the job takes it: its
/// encoded record, its keys and its name hashes.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub encoded: Vec<u8>,
    /// Blocking keys: strong ([`blocking::match_keys`]) and weak
    /// ([`blocking::weak_keys`]).
    pub strong: Vec<i64>,
    pub weak: Vec<i64>,
    /// The keys stored for `match_row` ([`blocking::lookup_keys`]).
    pub lookup: Vec<i64>,
    pub names: Vec<u64>,
}

impl Prepared {
    pub fn new(r: &Record, salt: u64) -> Prepared {
        let mut encoded = Vec::with_capacity(192);
        r.encode(&mut encoded);
        Prepared {
            encoded,
            strong: blocking::match_keys(r, salt),
            weak: blocking::weak_keys(r, salt),
            lookup: blocking::lookup_keys(r, salt),
            names: name_keys(r).map(name_hash).collect(),
        }
    }
}

/// How the memory of a job is shared out between its buffers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Items of each of the three key sorters (16 bytes each).
    pub key_items: usize,
    /// Items of the candidate pair sorter (8 bytes each).
    pub pair_items: usize,
    /// Encoded records loaded at once for scoring (two ranges of at most
    /// half of this) or for clustering.
    pub record_bytes: usize,
    /// Bytes of records written out at a time.
    pub chunk_bytes: usize,
}

impl Budget {
    /// Buffers that together hold at most about `bytes`: a sorter builds
    /// a run's bytes beside its buffer while it spills, one at a time.
    pub fn of(bytes: usize) -> Budget {
        let bytes = bytes.max(1 << 20);
        Budget {
            key_items: bytes / 8 / 16,
            pair_items: bytes / 4 / 8,
            record_bytes: bytes / 2,
            chunk_bytes: (bytes / 64).clamp(4 << 10, 4 << 20),
        }
    }
}

/// Pairs scored at a time (on the worker threads).
const SCORE_BATCH: usize = 1 << 18;

/// A dedupe fed one row at a time.
pub struct ExternalDedupe {
    salt: u64,
    budget: Budget,
    store: RecordStore,
    strong: ExternalSorter<u128>,
    weak: ExternalSorter<u128>,
    lookup: ExternalSorter<u128>,
    names: HashMap<u64, u32>,
}

/// What [`ExternalDedupe::run`] found, with what explaining its pairs
/// needs.
pub struct Outcome {
    pub dedupe: Dedupe,
    pub store: RecordStore,
    pub names: HashMap<u64, u32>,
}

impl Outcome {
    /// How common each name is, as the in-memory dedupe counts it.
    pub fn name_frequency(&self) -> NameFrequency<'_> {
        NameFrequency::Hashed(&self.names, self.store.rows() as usize)
    }
}

impl ExternalDedupe {
    pub fn new(salt: u64, budget: Budget) -> ExternalDedupe {
        ExternalDedupe {
            salt,
            budget,
            store: RecordStore::new(budget.chunk_bytes),
            strong: ExternalSorter::new(budget.key_items, false),
            weak: ExternalSorter::new(budget.key_items, false),
            lookup: ExternalSorter::new(budget.key_items, false),
            names: HashMap::new(),
        }
    }

    pub fn salt(&self) -> u64 {
        self.salt
    }

    /// Takes the next row (row numbers count from 0 in arrival order).
    pub fn push(&mut self, p: &Prepared, spill: &mut dyn Spill) -> Result<u32, SpillError> {
        let row = self.store.push_encoded(&p.encoded, spill)?;
        for k in &p.strong {
            self.strong.push(blocking::entry_item(*k, row), spill)?;
        }
        for k in &p.weak {
            self.weak.push(blocking::entry_item(*k, row), spill)?;
        }
        for k in &p.lookup {
            self.lookup.push(blocking::entry_item(*k, row), spill)?;
        }
        for h in &p.names {
            *self.names.entry(*h).or_default() += 1;
        }
        Ok(row)
    }

    pub fn rows(&self) -> u32 {
        self.store.rows()
    }

    /// Every row's lookup keys as (key, row) items ([`blocking::entry_item`]),
    /// to be pulled in key order; the dedupe itself does not need them, so
    /// their buffer is written out first.
    pub fn take_lookup_keys(&mut self, spill: &mut dyn Spill) -> Result<ExternalSorter<u128>, SpillError> {
        let mut lookup = std::mem::replace(&mut self.lookup, ExternalSorter::new(1, false));
        lookup.spill_buffer(spill)?;
        Ok(lookup)
    }

    /// Deduplicates the rows pushed, as [`super::dedupe::dedupe`] does;
    /// `rejected` holds the pairs (lower row first) a steward said are
    /// different customers. `memory_left` tells how many bytes the job may
    /// still take: records are loaded back in parts of at most a quarter
    /// of it (and of the budget's `record_bytes`), since what grows with
    /// the table (scored pairs, clustering's row numbers) takes its share
    /// as the job goes.
    pub fn run(
        mut self,
        model: &Model,
        opts: &DedupeOptions,
        rejected: &HashSet<(u32, u32)>,
        spill: &mut dyn Spill,
        memory_left: &dyn Fn() -> usize,
        progress: Progress,
    ) -> Result<Outcome, StoreError> {
        self.store.flush(spill)?;
        drop(self.take_lookup_keys(spill)?);
        let record_bytes = |budget: usize| budget.min(memory_left() / 4).max(1);
        let n = self.store.rows() as usize;
        let threads = parallel::thread_count(opts.threads);
        let tf = NameFrequency::Hashed(&self.names, n);
        let min_scored = opts.review_probability.min(opts.min_probability);
        let max_block = model.max_block_size;
        let tiers = vec![(self.strong, max_block), (self.weak, blocking::WEAK_MAX_BLOCK.min(max_block))];
        let (mut pairs, mut blocking) = blocking::candidate_pairs_spilled(tiers, self.budget.pair_items, spill)?;

        // Scoring: with every record in one range, straight from the
        // sorted pairs; otherwise the pairs are sorted again by the
        // ranges of their two rows, and each pair of ranges is loaded once.
        let scorer = model.scorer();
        let score = |a: &Record, b: &Record| -> Option<(f64, bool)> {
            scorer.score_at_least(a, b, &tf, min_scored).map(|s| (s.probability, s.personal))
        };
        let mut scored: Vec<(Edge, bool)> = Vec::new();
        let mut batch: Vec<u64> = Vec::with_capacity(SCORE_BATCH);
        let ranges = self.store.ranges(record_bytes(self.budget.record_bytes) / 2);
        let mut done = 0;
        if ranges.len() <= 1 {
            let all = match ranges.first() {
                Some(r) => self.store.load_range(r.clone(), spill)?,
                None => Loaded::default(),
            };
            loop {
                batch.clear();
                while batch.len() < SCORE_BATCH {
                    match pairs.next(spill)? {
                        Some(p) => batch.push(p),
                        None => break,
                    }
                }
                if batch.is_empty() {
                    break;
                }
                score_batch(&batch, &all, &all, threads, &score, &mut scored)?;
                done += batch.len();
                progress("scoring pairs", done, 0);
            }
        } else {
            let starts: Vec<u32> = ranges.iter().map(|r| r.start).collect();
            let range_of = |row: u32| (starts.partition_point(|s| *s <= row) - 1) as u128;
            let mut buckets = ExternalSorter::<u128>::new(self.budget.key_items * 2, false);
            while let Some(p) = pairs.next(spill)? {
                let (a, b) = ((p >> 32) as u32, p as u32);
                // (range of a, range of b, pair): 32 bits for each range.
                buckets.push(range_of(a) << 96 | range_of(b) << 64 | u128::from(p), spill)?;
                done += 1;
                if done % SCORE_BATCH == 0 {
                    progress("sorting pairs by range", done, 0);
                }
            }
            let total = done;
            done = 0;
            let mut merge = buckets.merge(spill)?;
            let mut loaded: Option<((u128, Loaded), (u128, Loaded))> = None;
            let mut next = merge.next(spill)?;
            while let Some(item) = next {
                let (ra, rb) = (item >> 96, (item >> 64) & 0xffff_ffff);
                batch.clear();
                next = Some(item);
                while let Some(i) = next.filter(|i| (i >> 64) == (item >> 64)) {
                    batch.push(i as u64);
                    next = merge.next(spill)?;
                    if batch.len() == SCORE_BATCH {
                        break;
                    }
                }
                // Keep what is loaded when the next bucket shares a range
                // (buckets come by `ra`, then `rb >= ra`).
                let (kept_a, kept_b) = loaded.take().map_or((None, None), |(a, b)| (Some(a), Some(b)));
                let la = match kept_a {
                    Some((x, l)) if x == ra => (x, l),
                    other => {
                        drop(other);
                        (ra, self.store.load_range(ranges[ra as usize].clone(), spill)?)
                    }
                };
                let lb = match kept_b {
                    _ if rb == ra => (rb, Loaded::default()),
                    Some((y, l)) if y == rb => (y, l),
                    other => {
                        drop(other);
                        (rb, self.store.load_range(ranges[rb as usize].clone(), spill)?)
                    }
                };
                let other = if rb == ra { &la.1 } else { &lb.1 };
                score_batch(&batch, &la.1, other, threads, &score, &mut scored)?;
                loaded = Some((la, lb));
                done += batch.len();
                progress("scoring pairs", done, total);
            }
            // The in-memory order, (a, b), for everything downstream.
            scored.sort_unstable_by_key(|(e, _)| (e.a, e.b));
        }
        blocking.pairs = done;
        let records = record_bytes(self.budget.record_bytes);
        let dedupe =
            cluster_stored(&self.store, scored, blocking, model, &tf, opts, rejected, records, spill, progress)?;
        Ok(Outcome { dedupe, store: self.store, names: self.names })
    }
}

/// Clusters `scored` — every scored pair at least `review_probability`
/// probable (`a < b`, in `(a, b)` order), each with whether anything
/// personal agrees — of the rows in `store`, loading the records of a
/// batch of components at a time (at most about `record_bytes`): the
/// second half of [`ExternalDedupe::run`], and what the coordinator of a
/// cluster does with the pairs its workers scored
/// ([`super::distributed`]).
#[allow(clippy::too_many_arguments)]
pub fn cluster_stored(
    store: &RecordStore,
    scored: Vec<(Edge, bool)>,
    blocking: BlockingStats,
    model: &Model,
    tf: &NameFrequency,
    opts: &DedupeOptions,
    rejected: &HashSet<(u32, u32)>,
    record_bytes: usize,
    spill: &mut dyn Spill,
    progress: Progress,
) -> Result<Dedupe, StoreError> {
    let n = store.rows() as usize;
    // A probable pair on whose person nothing agrees goes to review
    // (see dedupe::dedupe).
    let mut matching = Vec::new();
    let mut impersonal = Vec::new();
    for (e, personal) in &scored {
        if e.probability >= opts.min_probability {
            if *personal {
                matching.push(*e)
            } else {
                impersonal.push(*e)
            }
        }
    }
    let mut pairs: Vec<Edge> = scored.into_iter().map(|(e, _)| e).collect();
    // (collected in place: the allocation still has room for the
    // larger items it held)
    pairs.shrink_to_fit();
    let matching_pairs = matching.len();

    // Clustering, a batch of components at a time: as many as have
    // their records fit in the budget, loaded together.
    progress("clustering", 0, matching_pairs);
    let per_row = (store.bytes() / n.max(1)).max(1);
    let rows_per_batch = (record_bytes / per_row).max(1);
    let grouped = cluster::components(n, matching);
    let mut clustering = Clustering::singletons(n);
    let groups: Vec<&[(u32, Edge)]> = grouped.chunk_by(|x, y| x.0 == y.0).collect();
    let mut first = 0;
    let mut clustered = 0;
    while first < groups.len() {
        let mut last = first;
        let mut rows: Vec<u32> = Vec::new();
        while last < groups.len() && (last == first || rows.len() < rows_per_batch) {
            rows.extend(cluster::component_rows(groups[last]));
            last += 1;
        }
        rows.sort_unstable();
        let loaded = store.load_rows(&rows, spill)?;
        for group in &groups[first..last] {
            let members = cluster::component_rows(group);
            let records: Vec<Record> = members.iter().map(|r| loaded.record(*r)).collect::<Result<_, _>>()?;
            let record = |local: u32| &records[local as usize];
            cluster::cluster_component(
                group,
                &mut |rows, part| cluster_component(rows, part, &record, model, tf, opts, rejected, &mut |_| {}),
                &mut clustering,
            );
            clustered += group.len();
        }
        progress("clustering", clustered, matching_pairs);
        first = last;
    }
    drop(groups);
    drop(grouped);
    Ok(Dedupe::finish(n, pairs, clustering, impersonal, blocking, matching_pairs))
}

/// The score of a pair of records, `None` for a pair not kept: its
/// probability and whether it is personal.
type ScoreFn<'a> = dyn Fn(&Record, &Record) -> Option<(f64, bool)> + Sync + 'a;

/// Scores `batch` (pairs `a << 32 | b`, `a` in `left`, `b` in `right`) on
/// the worker threads; keeps the pairs `score` keeps, in batch order.
fn score_batch(
    batch: &[u64],
    left: &Loaded,
    right: &Loaded,
    threads: usize,
    score: &ScoreFn<'_>,
    out: &mut Vec<(Edge, bool)>,
) -> Result<(), StoreError> {
    let mut failed = None;
    parallel::for_each_chunk(
        batch,
        threads,
        20_000,
        |part| {
            // Pairs come by `a`: decode each `a` once.
            let mut found = Vec::new();
            let mut current: Option<(u32, Record)> = None;
            for p in part {
                let (a, b) = ((p >> 32) as u32, *p as u32);
                if current.as_ref().is_none_or(|(row, _)| *row != a) {
                    match left.record(a) {
                        Ok(r) => current = Some((a, r)),
                        Err(e) => return vec![Err(e)],
                    }
                }
                let ra = &current.as_ref().expect("decoded above").1;
                match right.record(b) {
                    Ok(rb) => {
                        if let Some((probability, personal)) = score(ra, &rb) {
                            found.push(Ok((Edge { a, b, probability }, personal)));
                        }
                    }
                    Err(e) => return vec![Err(e)],
                }
            }
            found
        },
        &mut |found, _| {
            for f in found {
                match f {
                    Ok(e) => out.push(e),
                    Err(e) => failed = failed.take().or(Some(e)),
                }
            }
        },
    );
    failed.map_or(Ok(()), |e| Err(e.into()))
}

/// Calls `each` with every pair of `pairs` and their two records, loading
/// the records of as many pairs at a time as fit in `record_bytes`.
pub fn for_each_pair_with_records(
    store: &RecordStore,
    pairs: &[Edge],
    record_bytes: usize,
    spill: &mut dyn Spill,
    each: &mut dyn FnMut(&Edge, &Record, &Record),
) -> Result<(), StoreError> {
    let per_row = (store.bytes() / (store.rows() as usize).max(1)).max(1);
    let rows_per_batch = (record_bytes / per_row).max(2);
    for part in pairs.chunks(rows_per_batch / 2) {
        let mut rows: Vec<u32> = part.iter().flat_map(|e| [e.a, e.b]).collect();
        rows.sort_unstable();
        rows.dedup();
        let loaded = store.load_rows(&rows, spill)?;
        for e in part {
            each(e, &loaded.record(e.a)?, &loaded.record(e.b)?);
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::date::Date;
    use crate::matching::dedupe::dedupe;
    use crate::matching::model::{name_counts, TrainOptions};
    use crate::matching::spill::MemorySpill;
    use crate::matching::RecordSchema;
    use crate::profile::{Profile, TableColumn};
    use serde_json::json;

    /// A small table with duplicates written several ways, households and
    /// namesakes.
    pub(crate) fn records() -> (Vec<Record>, Vec<crate::matching::Field>) {
        let columns = json!({"id": "id", "name": "n", "phone": "p", "email": "e", "birth_date": "b", "postcode": "z"});
        let names: Vec<String> =
            columns.as_object().unwrap().values().map(|v| v.as_str().unwrap().to_string()).collect();
        let table: Vec<TableColumn> = names.iter().map(|n| TableColumn { name: n.clone(), is_text: true }).collect();
        let profile = Profile::parse(&columns, &json!({}), &table).unwrap();
        let schema = RecordSchema::from_profile(&profile, Date::new(2026, 11, 23).unwrap());
        let given = ["Wei", "Li", "Anna", "John", "Mary", "Fang", "Jun", "Peter"];
        let family = ["Wang", "Zhang", "Smith", "Chen", "Brown"];
        let mut out = Vec::new();
        for i in 0..600u32 {
            let person = i / 3; // about three rows per person
            let g = given[(person % 8) as usize];
            let f = family[(person / 8 % 5) as usize];
            let name = match i % 3 {
                0 => format!("{g} {f}"),
                1 => format!("{f} {g}"),
                _ => format!("{g}x {f}"),
            };
            let phone = format!("+86138{:08}", person * 7 % 150);
            let email = format!("{}.{}{}@example.com", g.to_lowercase(), f.to_lowercase(), person % 40);
            let birth = format!("19{:02}-0{}-1{}", 50 + person % 40, 1 + person % 9, person % 10);
            let postcode = format!("1000{:02}", person % 30);
            let v = [
                Some(name.as_str()),
                Some(phone.as_str()),
                Some(email.as_str()),
                Some(birth.as_str()),
                Some(postcode.as_str()),
            ];
            out.push(schema.record(&v));
        }
        (out, schema.fields())
    }

    #[test]
    fn the_same_outcome_as_in_memory_whatever_the_budget() {
        let (records, fields) = records();
        let model =
            Model::train(&records, &fields, 7, &TrainOptions::default(), usize::MAX, &mut |_, _, _| {}).unwrap();
        let opts = DedupeOptions { min_probability: 0.9, review_probability: 0.3, ..DedupeOptions::default() };
        let rejected: HashSet<(u32, u32)> = [(0, 1), (3, 5)].into_iter().collect();
        let counts = name_counts(&records);
        let tf = NameFrequency::Counted(&counts, records.len());
        let mut expected = dedupe(&records, &model, 7, &opts, &rejected, &tf, &mut |_, _, _| {}).unwrap();
        let expected_review = expected.review_pairs(&rejected);
        assert!(expected.stats.clusters > 20 && !expected_review.is_empty(), "{:?}", expected.stats);
        for budget in [
            Budget::of(usize::MAX >> 8),
            Budget { key_items: 50, pair_items: 40, record_bytes: 3000, chunk_bytes: 500 },
        ] {
            let mut spill = MemorySpill::default();
            let mut job = ExternalDedupe::new(7, budget);
            for r in &records {
                job.push(&Prepared::new(r, 7), &mut spill).unwrap();
            }
            let mut outcome = job.run(&model, &opts, &rejected, &mut spill, &|| usize::MAX, &mut |_, _, _| {}).unwrap();
            let review = outcome.dedupe.review_pairs(&rejected);
            assert_eq!(outcome.dedupe.stats, expected.stats);
            assert_eq!(outcome.dedupe.pairs, expected.pairs);
            assert_eq!(outcome.dedupe.clustering.root, expected.clustering.root);
            let mut refused = outcome.dedupe.clustering.refused.clone();
            let mut expected_refused = expected.clustering.refused.clone();
            refused.sort_by_key(|(e, _)| (e.a, e.b));
            expected_refused.sort_by_key(|(e, _)| (e.a, e.b));
            assert_eq!(refused, expected_refused);
            assert_eq!(review, expected_review);
            if budget.record_bytes == 3000 {
                // it did spill, score by several ranges and cluster in batches
                assert!(spill.runs.len() > 100, "{} runs", spill.runs.len());
                assert!(outcome.store.ranges(1500).len() > 10);
            }
            // explanations see the records and counts the in-memory run saw
            let mut explained = 0;
            let tf_spilled = outcome.name_frequency();
            for_each_pair_with_records(&outcome.store, &review, budget.record_bytes, &mut spill, &mut |e, a, b| {
                assert_eq!((a, b), (&records[e.a as usize], &records[e.b as usize]));
                assert_eq!(model.explain(a, b, &tf_spilled), model.explain(a, b, &tf));
                explained += 1;
            })
            .unwrap();
            assert_eq!(explained, review.len());
        }
    }
}
