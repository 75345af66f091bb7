//! Matching spread over the nodes of a cluster (Citus, issue 19): each row
//! becomes entries `(key, kind, record)` of a table distributed by key, so
//! every block of rows sharing a key is on one node, which scores it there.
//! Only the scored pairs go back to one place to be clustered.
//!
//! A pair of rows sharing several keys sits in several blocks, perhaps on
//! several nodes. It is scored by one of them only: the block of the
//! smallest key the two share among the keys whose blocks are within their
//! limits. Each node can tell that from the two records (their keys are
//! computed again from them) and the list of oversized keys, which is
//! short and sent to every node. The pairs are then those of
//! [`super::dedupe::candidate_pairs`], each once.
//!
//! Pure: the SQL layer (src/matching/distributed.rs) moves the entries.

use std::collections::HashSet;

use super::blocking;
use super::cluster::Edge;
use super::model::{name_hash, name_keys, Model, NameFrequency, Scorer};
use super::record::Record;

/// What an entry is for: bits of its `kind`.
pub mod kind {
    /// A strong blocking key ([`super::blocking::match_keys`]); the entry
    /// carries the record.
    pub const STRONG: i16 = 1;
    /// A weak blocking key ([`super::blocking::weak_keys`]); with the record.
    pub const WEAK: i16 = 2;
    /// A key `match_row` looks candidates up by
    /// ([`super::blocking::lookup_keys`], all of them strong keys too).
    pub const LOOKUP: i16 = 4;
    /// The hash of one of the row's name keys ([`super::model::name_keys`]),
    /// counted for the term-frequency adjustment; no record.
    pub const NAME: i16 = 8;
    /// Either blocking kind: the entries whose blocks are scored.
    pub const BLOCKING: i16 = STRONG | WEAK;
}

/// One entry of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub key: i64,
    pub kind: i16,
}

/// The entries of a row with record `r`: one per distinct blocking key
/// (lookup keys flagged on their strong key's entry) and one per name key,
/// repeated as often as [`name_keys`] gives it (the counts must be those
/// of [`super::model::name_counts`]).
pub fn entries(r: &Record, salt: u64) -> Vec<Entry> {
    let lookup = blocking::lookup_keys(r, salt);
    let mut out: Vec<Entry> = blocking::match_keys(r, salt)
        .into_iter()
        .map(|key| Entry { key, kind: kind::STRONG | if lookup.contains(&key) { kind::LOOKUP } else { 0 } })
        .collect();
    out.extend(blocking::weak_keys(r, salt).into_iter().map(|key| Entry { key, kind: kind::WEAK }));
    out.extend(name_keys(r).map(|k| Entry { key: name_hash(k) as i64, kind: kind::NAME }));
    out
}

/// The block limit of a tier: rows sharing a key with more rows than this
/// are not paired through it (as [`super::dedupe::candidate_pairs`]).
pub fn block_limit(weak: bool, max_block: usize) -> usize {
    if weak {
        blocking::WEAK_MAX_BLOCK.min(max_block)
    } else {
        max_block
    }
}

/// What one node needs to score the blocks it holds.
pub struct BlockScorer<'a> {
    pub scorer: Scorer<'a>,
    pub salt: u64,
    /// Keys whose blocks are over their limit (see [`block_limit`]).
    pub oversized: &'a HashSet<i64>,
    pub tf: NameFrequency<'a>,
    pub min_probability: f64,
}

/// The outcome of one block: the pairs it scored at least
/// `min_probability` probable (`a < b`, positions in the block), each with
/// whether anything personal agrees (see
/// [`super::external::cluster_stored`]), and how many candidate pairs it
/// owned (scored, whatever their probability).
#[derive(Debug, Default, PartialEq)]
pub struct BlockScore {
    pub edges: Vec<(Edge, bool)>,
    pub pairs: usize,
}

impl<'a> BlockScorer<'a> {
    pub fn new(
        model: &'a Model,
        salt: u64,
        oversized: &'a HashSet<i64>,
        tf: NameFrequency<'a>,
        min_probability: f64,
    ) -> Self {
        BlockScorer { scorer: model.scorer(), salt, oversized, tf, min_probability }
    }

    /// Scores the block of `key`, whose members are `members` in the
    /// table's row order (the first of a pair is the earlier row, whose
    /// names' frequencies weigh the pair, as on one node): every pair whose
    /// smallest shared key within its limit is `key`. `tick` runs before
    /// each row's pairs (a block may be large: the caller checks for a
    /// cancel there).
    pub fn score(&self, key: i64, members: &[Record], tick: &mut dyn FnMut()) -> BlockScore {
        let keys: Vec<Vec<i64>> = members.iter().map(|r| self.blocking_keys(r)).collect();
        let mut out = BlockScore::default();
        for (i, a) in members.iter().enumerate() {
            tick();
            for (j, b) in members.iter().enumerate().skip(i + 1) {
                if smallest_shared(&keys[i], &keys[j], self.oversized) != Some(key) {
                    continue;
                }
                out.pairs += 1;
                if let Some(s) = self.scorer.score_at_least(a, b, &self.tf, self.min_probability) {
                    out.edges.push((Edge { a: i as u32, b: j as u32, probability: s.probability }, s.personal));
                }
            }
        }
        out
    }

    /// A row's strong and weak keys, sorted (the two kinds hash apart).
    fn blocking_keys(&self, r: &Record) -> Vec<i64> {
        let mut keys = blocking::match_keys(r, self.salt);
        keys.extend(blocking::weak_keys(r, self.salt));
        keys.sort_unstable();
        keys
    }
}

/// The smallest key in both sorted lists that is not oversized.
fn smallest_shared(a: &[i64], b: &[i64], oversized: &HashSet<i64>) -> Option<i64> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !oversized.contains(&a[i]) {
                    return Some(a[i]);
                }
                i += 1;
                j += 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::dedupe::{dedupe, scored_pairs, DedupeOptions};
    use crate::matching::external::cluster_stored;
    use crate::matching::external::tests::records;
    use crate::matching::model::{name_counts, TrainOptions};
    use crate::matching::spill::MemorySpill;
    use crate::matching::store::RecordStore;
    use std::collections::{BTreeMap, HashMap};

    /// The whole flow as the cluster runs it, in one process: entries
    /// grouped by key, oversized keys, each block scored, pairs gathered,
    /// then the rows in pairs clustered alone. It gives the pairs and the
    /// clusters of a dedupe on one node.
    #[test]
    fn blocks_scored_apart_give_the_pairs_and_clusters_of_one_node() {
        let (records, fields) = records();
        let salt = 7;
        let mut model =
            Model::train(&records, &fields, salt, &TrainOptions::default(), usize::MAX, &mut |_, _, _| {}).unwrap();
        for max_block in [200, 6] {
            model.max_block_size = max_block;
            let counts = name_counts(&records);
            let tf = NameFrequency::Counted(&counts, records.len());
            let min = 0.3;
            let (expected, stats) =
                scored_pairs(&records, &model, salt, min, 1, usize::MAX, &tf, &mut |_, _, _| {}).unwrap();
            assert!(stats.oversized_blocks > 0 || max_block > 6);

            // entries by key, as the distributed table holds them
            let mut blocks: BTreeMap<i64, (i16, Vec<u32>)> = BTreeMap::new();
            let mut hashed: HashMap<u64, u32> = HashMap::new();
            for (row, r) in records.iter().enumerate() {
                for e in entries(r, salt) {
                    if e.kind == kind::NAME {
                        *hashed.entry(e.key as u64).or_default() += 1;
                    } else {
                        let block = blocks.entry(e.key).or_default();
                        block.0 |= e.kind;
                        block.1.push(row as u32);
                    }
                }
            }
            let oversized: HashSet<i64> = blocks
                .iter()
                .filter(|(_, (k, rows))| rows.len() > block_limit(k & kind::WEAK != 0, max_block))
                .map(|(key, _)| *key)
                .collect();
            assert_eq!(oversized.len(), stats.oversized_blocks);
            assert_eq!(blocks.values().map(|(_, rows)| rows.len()).sum::<usize>(), stats.keys);
            let scorer = BlockScorer::new(&model, salt, &oversized, NameFrequency::Hashed(&hashed, records.len()), min);
            let mut got = Vec::new();
            let mut pairs = 0;
            for (key, (_, rows)) in blocks.iter().filter(|(key, (_, rows))| rows.len() > 1 && !oversized.contains(key))
            {
                let members: Vec<Record> = rows.iter().map(|r| records[*r as usize].clone()).collect();
                let block = scorer.score(*key, &members, &mut || {});
                pairs += block.pairs;
                got.extend(
                    block
                        .edges
                        .iter()
                        .map(|(e, personal)| (Edge { a: rows[e.a as usize], b: rows[e.b as usize], ..*e }, *personal)),
                );
            }
            got.sort_by_key(|(e, _)| (e.a, e.b));
            assert_eq!(pairs, stats.pairs, "each candidate pair scored once");
            assert_eq!(got.iter().map(|(e, _)| *e).collect::<Vec<_>>(), expected);

            // clustered from the rows in pairs alone, as the coordinator
            // does: their records in a store, in the table's order
            let opts = DedupeOptions { min_probability: 0.9, review_probability: min, ..DedupeOptions::default() };
            let rejected: HashSet<(u32, u32)> = HashSet::new();
            let one_node = dedupe(&records, &model, salt, &opts, &rejected, &tf, &mut |_, _, _| {}).unwrap();
            let mut rows: Vec<u32> = got.iter().flat_map(|(e, _)| [e.a, e.b]).collect();
            rows.sort_unstable();
            rows.dedup();
            let local: HashMap<u32, u32> = rows.iter().enumerate().map(|(i, r)| (*r, i as u32)).collect();
            let mut spill = MemorySpill::default();
            let mut store = RecordStore::new(500);
            for r in &rows {
                let mut encoded = Vec::new();
                records[*r as usize].encode(&mut encoded);
                store.push_encoded(&encoded, &mut spill).unwrap();
            }
            store.flush(&mut spill).unwrap();
            let edges =
                got.iter().map(|(e, personal)| (Edge { a: local[&e.a], b: local[&e.b], ..*e }, *personal)).collect();
            let apart = cluster_stored(
                &store,
                edges,
                stats.clone(),
                &model,
                &tf,
                &opts,
                &rejected,
                3000,
                &mut spill,
                &mut |_, _, _| {},
            )
            .unwrap();
            let members = |m: Vec<(u32, u32)>, map: &dyn Fn(u32) -> u32| {
                let mut clusters: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
                m.into_iter().for_each(|(row, root)| clusters.entry(map(root)).or_default().push(map(row)));
                let mut out: Vec<Vec<u32>> = clusters.into_values().collect();
                out.iter_mut().for_each(|c| c.sort_unstable());
                out.sort();
                out
            };
            let expected_clusters = members(one_node.clustering.members(), &|r| r);
            assert!(expected_clusters.len() > 20, "{}", expected_clusters.len());
            assert_eq!(members(apart.clustering.members(), &|r| rows[r as usize]), expected_clusters);
            assert_eq!(apart.stats.matching_pairs, one_node.stats.matching_pairs);
            assert_eq!(apart.clustering.refused.len(), one_node.clustering.refused.len());
        }
    }
}
