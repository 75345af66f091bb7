//! What an incremental `dedupe` needs beyond a full one
//! (docs/dedupe_at_scale.md, "Incremental runs"): the state each row
//! leaves behind (its fingerprint, blocking keys and name hashes), and how
//! a change of some rows changes the candidate pairs.
//!
//! A full run pairs every two rows sharing a key whose block (the rows
//! with that key) holds at most the tier's limit. When some rows change,
//! only the blocks of their keys, old and new, change; [`block_changes`]
//! tells, from those blocks' unchanged members, which pairs to score anew
//! and which blocks grew past their limit (their pairs of unchanged rows
//! may be gone, unless another key still makes them:
//! [`still_candidates`]).

use std::collections::{BTreeSet, HashMap};

use crate::date::Date;

/// What a row of the last run left for the next one to compare with.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowState {
    /// A hash of the values matching read (computed by the SQL layer).
    pub fingerprint: i64,
    /// A birth date read as a century earlier because it lies in the
    /// future (see `RecordSchema::recheck_on`): from that day the row
    /// reads differently and must be prepared again.
    pub recheck_on: Option<Date>,
    /// Blocking keys of the strong tier ([`super::blocking::match_keys`])
    /// and of the weak one ([`super::blocking::weak_keys`]).
    pub strong: Vec<i64>,
    pub weak: Vec<i64>,
    /// Name hashes counted for term frequencies ([`super::model::name_hash`]).
    pub names: Vec<u64>,
}

/// Keys as stored: 8 bytes each, little-endian.
pub fn keys_to_bytes<T: Copy + Into<i128>>(keys: &[T]) -> Vec<u8> {
    keys.iter().flat_map(|k| (((*k).into()) as i64).to_le_bytes()).collect()
}

/// Keys as [`keys_to_bytes`] stored them; `None` for a length that is not
/// a multiple of 8 (a damaged value).
pub fn keys_from_bytes(bytes: &[u8]) -> Option<Vec<i64>> {
    if !bytes.len().is_multiple_of(8) {
        return None;
    }
    Some(bytes.chunks_exact(8).map(|c| i64::from_le_bytes(c.try_into().expect("8 bytes"))).collect())
}

impl RowState {
    /// The state as bytes, for a temporary file until it is written.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.fingerprint.to_le_bytes());
        let recheck = self.recheck_on.map_or(i64::MIN, Date::days_since_epoch);
        out.extend_from_slice(&recheck.to_le_bytes());
        for n in [self.strong.len(), self.weak.len(), self.names.len()] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        out.extend(keys_to_bytes(&self.strong));
        out.extend(keys_to_bytes(&self.weak));
        out.extend(self.names.iter().flat_map(|n| n.to_le_bytes()));
    }

    /// The state [`RowState::encode`] wrote; `None` for bytes it did not.
    pub fn decode(bytes: &[u8]) -> Option<RowState> {
        let word = |i: usize| bytes.get(i..i + 8).map(|b| i64::from_le_bytes(b.try_into().expect("8 bytes")));
        let count = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")) as usize);
        let fingerprint = word(0)?;
        let recheck = word(8)?;
        let (ns, nw, nn) = (count(16)?, count(20)?, count(24)?);
        let keys = bytes.get(28..)?;
        if keys.len() != (ns + nw + nn) * 8 {
            return None;
        }
        let all = keys_from_bytes(keys)?;
        Some(RowState {
            fingerprint,
            recheck_on: (recheck != i64::MIN).then(|| Date::from_days_since_epoch(recheck)),
            strong: all[..ns].to_vec(),
            weak: all[ns..ns + nw].to_vec(),
            names: all[ns + nw..].iter().map(|n| *n as u64).collect(),
        })
    }
}

/// The unchanged rows of one block, as the scan of the stored state found
/// them: all of them while there are at most `limit + 1`, and how many.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    pub members: Vec<u32>,
    pub count: usize,
}

impl Block {
    /// Adds an unchanged row; keeps its number while the block may still
    /// be small enough to pair (past `limit + 1` only the count matters).
    pub fn add(&mut self, row: u32, limit: usize) {
        self.count += 1;
        if self.members.len() <= limit {
            self.members.push(row);
        }
    }
}

/// How the changed rows change the pairs of one tier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TierChanges {
    /// Pairs `(a, b)`, `a < b`, made by a block of a changed row's new
    /// keys, or by a block that was too large and is no longer: a full run
    /// now scores them. Each pair once.
    pub pairs: BTreeSet<(u32, u32)>,
    /// Keys whose block was small enough to pair and is not any more: the
    /// pairs its unchanged rows made through it may be gone.
    pub grown_past_limit: Vec<i64>,
}

/// For one tier of keys with block limit `limit`: `old` and `new` are the
/// changed rows' keys before and now (a deleted row has no new keys, a new
/// row no old ones), `blocks` the unchanged rows of every key in either.
/// Every pair of a block that is small enough now and holds a changed row
/// is in [`TierChanges::pairs`]: the stored pairs of changed rows are all
/// dropped and made again from here.
pub fn block_changes(
    limit: usize,
    old: &[(u32, Vec<i64>)],
    new: &[(u32, Vec<i64>)],
    blocks: &HashMap<i64, Block>,
) -> TierChanges {
    let mut before: HashMap<i64, usize> = HashMap::new();
    for (_, keys) in old {
        for k in distinct(keys) {
            *before.entry(k).or_default() += 1;
        }
    }
    let mut now: HashMap<i64, Vec<u32>> = HashMap::new();
    for (row, keys) in new {
        for k in distinct(keys) {
            now.entry(k).or_default().push(*row);
        }
    }
    let empty = Block::default();
    let mut out = TierChanges::default();
    let mut keys: Vec<i64> = before.keys().chain(now.keys()).copied().collect();
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        let unchanged = blocks.get(&key).unwrap_or(&empty);
        let changed_now = now.get(&key).map_or(&[][..], Vec::as_slice);
        let size_before = unchanged.count + before.get(&key).copied().unwrap_or(0);
        let size_now = unchanged.count + changed_now.len();
        if size_now <= limit {
            let mut add = |a: u32, b: u32| {
                if a != b {
                    out.pairs.insert((a.min(b), a.max(b)));
                }
            };
            for (i, c) in changed_now.iter().enumerate() {
                for other in &changed_now[i + 1..] {
                    add(*c, *other);
                }
                for u in &unchanged.members {
                    add(*c, *u);
                }
            }
            if size_before > limit {
                for (i, a) in unchanged.members.iter().enumerate() {
                    for b in &unchanged.members[i + 1..] {
                        add(*a, *b);
                    }
                }
            }
        } else if size_before <= limit && unchanged.count >= 2 {
            out.grown_past_limit.push(key);
        }
    }
    out
}

/// A row's keys once each (a row counts once in a block, as in
/// [`super::blocking::candidate_pairs`]).
fn distinct(keys: &[i64]) -> Vec<i64> {
    let mut k = keys.to_vec();
    k.sort_unstable();
    k.dedup();
    k
}

/// Whether two rows with keys `a` and `b` (per tier, in tier order) are
/// still a candidate pair: some key they share has a block of at most its
/// tier's limit (`limits`), its size given by `size_of(tier, key)`.
pub fn still_candidates(a: &[&[i64]], b: &[&[i64]], limits: &[usize], size_of: &dyn Fn(usize, i64) -> usize) -> bool {
    a.iter()
        .zip(b)
        .zip(limits)
        .enumerate()
        .any(|(tier, ((ka, kb), limit))| ka.iter().any(|k| kb.contains(k) && size_of(tier, *k) <= *limit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::blocking;
    use proptest::prelude::*;

    #[test]
    fn row_state_round_trips_and_damage_is_seen() {
        let s = RowState {
            fingerprint: -7,
            recheck_on: Date::new(2031, 2, 28),
            strong: vec![1, -2, i64::MAX],
            weak: vec![],
            names: vec![u64::MAX, 3],
        };
        let mut bytes = Vec::new();
        s.encode(&mut bytes);
        assert_eq!(RowState::decode(&bytes), Some(s.clone()));
        assert_eq!(RowState::decode(&bytes[..bytes.len() - 1]), None);
        let none = RowState { recheck_on: None, ..s };
        bytes.clear();
        none.encode(&mut bytes);
        assert_eq!(RowState::decode(&bytes).unwrap().recheck_on, None);
        assert_eq!(keys_from_bytes(&keys_to_bytes(&[5i64, -5])), Some(vec![5, -5]));
        assert_eq!(keys_from_bytes(&[0; 7]), None);
    }

    /// The candidate pairs of one tier over all rows, as a full run makes
    /// them.
    fn full(limit: usize, keys: &[Vec<i64>]) -> BTreeSet<(u32, u32)> {
        let mut entries: Vec<(i64, u32)> = Vec::new();
        for (row, ks) in keys.iter().enumerate() {
            entries.extend(distinct(ks).into_iter().map(|k| (k, row as u32)));
        }
        let (pairs, _) =
            blocking::candidate_pairs(vec![(entries, limit)], usize::MAX, &mut |_, _, _| {}).expect("no pair limit");
        pairs.into_iter().collect()
    }

    proptest! {
        /// Stored pairs minus those of changed rows, minus those gone with
        /// a block grown past the limit (unless `still_candidates`), plus
        /// `block_changes`' pairs: the pairs of a full run over the rows
        /// as they are now.
        #[test]
        fn changes_give_the_full_run_pairs(
            limit in 2usize..5,
            before in proptest::collection::vec(proptest::collection::vec(0i64..6, 0..3), 0..12),
            after in proptest::collection::vec(proptest::option::of(proptest::collection::vec(0i64..6, 0..3)), 0..12),
        ) {
            // Rows: those of `before`; `after[i]` is row i's new keys (None:
            // unchanged); rows past `before`'s length are new rows.
            let n = before.len().max(after.len());
            let old_keys: Vec<Option<Vec<i64>>> = (0..n).map(|i| before.get(i).cloned()).collect();
            let changed: Vec<bool> = (0..n).map(|i| i >= before.len() || matches!(after.get(i), Some(Some(_)))).collect();
            let new_keys: Vec<Vec<i64>> = (0..n).map(|i| match after.get(i) {
                Some(Some(k)) => k.clone(),
                _ => old_keys[i].clone().unwrap_or_default(),
            }).collect();
            let stored = full(limit, &old_keys.iter().map(|k| k.clone().unwrap_or_default()).collect::<Vec<_>>());
            let wanted = full(limit, &new_keys);

            let old: Vec<(u32, Vec<i64>)> = (0..n).filter(|i| changed[*i]).filter_map(|i| Some((i as u32, old_keys[i].clone()?))).collect();
            let new: Vec<(u32, Vec<i64>)> = (0..n).filter(|i| changed[*i]).map(|i| (i as u32, new_keys[i].clone())).collect();
            let mut blocks: HashMap<i64, Block> = HashMap::new();
            for i in (0..n).filter(|i| !changed[*i]) {
                for k in distinct(&new_keys[i]) {
                    blocks.entry(k).or_default().add(i as u32, limit);
                }
            }
            let changes = block_changes(limit, &old, &new, &blocks);
            let size = |_: usize, k: i64| new_keys.iter().filter(|ks| ks.contains(&k)).count();
            let mut got: BTreeSet<(u32, u32)> = stored
                .into_iter()
                .filter(|(a, b)| !changed[*a as usize] && !changed[*b as usize])
                .filter(|(a, b)| {
                    let in_grown = changes.grown_past_limit.iter().any(|k| {
                        new_keys[*a as usize].contains(k) && new_keys[*b as usize].contains(k)
                    });
                    !in_grown || still_candidates(&[&new_keys[*a as usize]], &[&new_keys[*b as usize]], &[limit], &size)
                })
                .collect();
            got.extend(changes.pairs);
            prop_assert_eq!(got, wanted);
        }
    }
}
