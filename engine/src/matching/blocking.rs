//! Match keys: which rows are worth comparing.
//!
//! Comparing every pair of a million rows is 5·10¹¹ comparisons; comparing
//! only rows that share a match key is a few million. A row's keys are
//! 64-bit hashes of one identifying value each (its E.164 phone, e-mail
//! key, ID number, name with birth year, …), tagged with the key's kind
//! and the table, so keys of different kinds or tables never collide by
//! construction. They are stored per row in `customer_clean.match_keys`
//! and indexed, so `match_row` finds candidates with one index scan.

use super::model::Progress;
use super::record::Record;
use super::spill::{ExternalSorter, Merge, Spill, SpillError};

/// The kinds of match key, each a blocking rule "same X".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum KeyKind {
    Phone = 1,
    Email = 2,
    NationalId = 3,
    NameBirthYear = 4,
    NamePostcode = 5,
    // 6 was the Double Metaphone key of the name with the birth year: at
    // 1M rows it made 1.8M of 3.0M candidate pairs and found 15 true pairs
    // no other key found (recall 0.99888 → 0.99883). Numbers are hashed
    // into the keys, so 6 stays unused.
    BirthDatePostcode = 7,
    BirthDateNameHead = 8,
    NationalIdTailBirthYear = 9,
    NameWordPostcode = 10,
    AddressPostcode = 11,
    AddressCity = 12,
    NameAddress = 13,
}

/// Rows sharing a key with more rows than this are not compared through
/// that key: the value is a placeholder or far too common to identify
/// anyone (a shop's phone number typed for every walk-in customer).
pub const DEFAULT_MAX_BLOCK: usize = 200;

/// Rows sharing a weak key (see [`weak_keys`]) with more rows than this
/// are not compared through that key.
pub const WEAK_MAX_BLOCK: usize = 10;

/// The match keys of one record; `salt` is the table's identity (its oid),
/// so the same value in two tables gives two keys.
pub fn match_keys(r: &Record, salt: u64) -> Vec<i64> {
    keys_of(r, salt, &ALL_BUT_WEAK)
}

/// Keys that tell something only where few rows share them: one word of
/// the name with the postcode. In a small town a family name with the
/// postcode finds a person whose given name, birth date and ID were all
/// written differently; in a city the same key pairs every Wang or Smith
/// of the district — millions of pairs of strangers at a million rows.
/// So they block with [`WEAK_MAX_BLOCK`], not the table's block size.
pub fn weak_keys(r: &Record, salt: u64) -> Vec<i64> {
    keys_of(r, salt, &[KeyKind::NameWordPostcode])
}

/// The strong keys: those that identify a person or a
/// household nearly by themselves (phone, e-mail, ID, name with birth year
/// or postcode, birth date with postcode). The name-sound and name-head
/// keys add recall for dedupe but also bring many pairs of strangers who
/// share a surname and a birth year or date — pairs that look like
/// matches to EM's starting labeling, which then learns that a different
/// given name or e-mail means little. Training learns from the pairs of
/// these keys.
pub fn strong_keys(r: &Record, salt: u64) -> Vec<i64> {
    keys_of(r, salt, &STRONG)
}

/// The keys `customer_clean.match_keys` stores for `match_row`: the
/// strong keys of a person alone (phone, e-mail, ID, name with birth year
/// or postcode). Fewer keys, fewer rows to write at every `dedupe`.
pub fn lookup_keys(r: &Record, salt: u64) -> Vec<i64> {
    keys_of(r, salt, &STRONG[..5])
}

const ALL_BUT_WEAK: [KeyKind; 11] = [
    KeyKind::Phone,
    KeyKind::Email,
    KeyKind::NationalId,
    KeyKind::NameBirthYear,
    KeyKind::NamePostcode,
    KeyKind::BirthDatePostcode,
    KeyKind::BirthDateNameHead,
    KeyKind::NationalIdTailBirthYear,
    KeyKind::AddressPostcode,
    KeyKind::AddressCity,
    KeyKind::NameAddress,
];

const STRONG: [KeyKind; 7] = [
    KeyKind::Phone,
    KeyKind::Email,
    KeyKind::NationalId,
    KeyKind::NameBirthYear,
    KeyKind::NamePostcode,
    KeyKind::NationalIdTailBirthYear,
    KeyKind::BirthDatePostcode,
];

/// Every key of `r` with its kind's name, strong, lookup and weak alike
/// (the same key once per kind), for reports of which rule makes which
/// pairs (`match_eval --keys`).
pub fn keys_by_kind(r: &Record, salt: u64) -> Vec<(String, i64)> {
    let mut keys = Vec::with_capacity(14);
    each_key(r, salt, &|_| true, &mut |kind, key| keys.push((format!("{kind:?}"), key)));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The keys of `r` of the kinds in `only`.
fn keys_of(r: &Record, salt: u64, only: &[KeyKind]) -> Vec<i64> {
    let mut keys = Vec::with_capacity(12);
    each_key(r, salt, &|kind| only.contains(&kind), &mut |_, key| keys.push(key));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Every key of `r` of a kind `wanted`, with its kind, to `key`.
fn each_key(r: &Record, salt: u64, wanted: &dyn Fn(KeyKind) -> bool, key: &mut dyn FnMut(KeyKind, i64)) {
    let mut add = |kind: KeyKind, parts: &[&[u8]]| {
        if wanted(kind) {
            key(kind, hash(salt, kind, parts))
        }
    };
    for p in &r.phones {
        add(KeyKind::Phone, &[p.as_bytes()]);
    }
    if let Some(e) = &r.email_key {
        add(KeyKind::Email, &[e.as_bytes()]);
    }
    let year = r.birth.map(|d| d.year.to_le_bytes());
    if let Some(id) = &r.national_id {
        add(KeyKind::NationalId, &[id.as_bytes()]);
        // A typo in the leading half of the number (a changed digit, two
        // swapped neighbours) leaves the trailing half intact; with the
        // birth year it is selective enough to block on. (The leading half
        // of a Chinese ID is region and birth year: far too common.)
        if let (true, Some(y)) = (id.len() >= 6 && id.is_ascii(), &year) {
            add(KeyKind::NationalIdTailBirthYear, &[&id.as_bytes()[id.len() / 2..], y]);
        }
    }
    let birth = r.birth.map(|d| d.days_since_epoch().to_le_bytes());
    if let Some(name) = &r.name {
        let key = &r.name_key;
        if let Some(y) = &year {
            add(KeyKind::NameBirthYear, &[key.as_bytes(), y]);
        }
        if let Some(pc) = &r.postcode {
            add(KeyKind::NamePostcode, &[key.as_bytes(), pc.as_bytes()]);
        }
        // Birth date and the first three letters of each word of the name:
        // finds a person whose other name changed (marriage) or was
        // mistyped further on.
        if let Some(b) = &birth {
            let mut heads: Vec<&str> = name.tokens().iter().map(|t| head(t, 3)).collect();
            heads.sort_unstable();
            heads.dedup();
            for h in heads {
                add(KeyKind::BirthDateNameHead, &[b, h.as_bytes()]);
            }
        }
    }
    if let (Some(b), Some(pc)) = (&birth, &r.postcode) {
        add(KeyKind::BirthDatePostcode, &[b, pc.as_bytes()]);
    }
    let address = r.address.as_deref().and_then(address_signature);
    if let Some(pc) = &r.postcode {
        // Each word of the name with the postcode: finds a person whose
        // other name was replaced or badly mistyped, with no birth date to
        // go by (FEBRL's "holly green" and "matthew green" at one address).
        if let Some(name) = &r.name {
            let mut words: Vec<&str> =
                name.tokens().iter().map(String::as_str).filter(|t| t.chars().nth(1).is_some()).collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                add(KeyKind::NameWordPostcode, &[w.as_bytes(), pc.as_bytes()]);
            }
        }
        // The house number and the start of the street with the postcode:
        // finds a person whose names and birth date were all written
        // differently, at the same address.
        if let Some(sig) = &address {
            add(KeyKind::AddressPostcode, &[sig.as_bytes(), pc.as_bytes()]);
        }
    }
    // The same with the city, and with the name: when the postcode has a
    // typo too.
    if let (Some(sig), Some(city)) = (&address, &r.city) {
        add(KeyKind::AddressCity, &[sig.as_bytes(), city.as_bytes()]);
    }
    if let (Some(sig), Some(_)) = (&address, &r.name) {
        add(KeyKind::NameAddress, &[sig.as_bytes(), r.name_key.as_bytes()]);
    }
}

/// The first number of an address line with the first three letters of
/// the word after it when the line starts with the number (`15 booroondara
/// street` → `15 boo`), else with the three characters before it (Chinese
/// addresses put the number last: `…光明路425号` → `425 光明路`). `None`
/// without a number or letters to go with it.
fn address_signature(address: &str) -> Option<String> {
    let start = address.find(|c: char| c.is_ascii_digit())?;
    let end = address[start..].find(|c: char| !c.is_ascii_digit()).map_or(address.len(), |e| start + e);
    let before: Vec<char> = address[..start].chars().filter(|c| c.is_alphabetic()).collect();
    let word = if before.is_empty() {
        let after = address[end..].trim_start_matches(|c: char| !c.is_alphabetic());
        head(after, 3).to_string()
    } else {
        before[before.len().saturating_sub(3)..].iter().collect()
    };
    (!word.is_empty()).then(|| format!("{} {word}", &address[start..end]))
}

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// FNV-1a, 64 bits, over the salt, the kind and the parts (each followed
/// by a 0xFF byte, which UTF-8 never contains, so part boundaries count).
/// Written out because stored keys must hash the same in every future
/// build, which std's `DefaultHasher` does not promise.
fn hash(salt: u64, kind: KeyKind, parts: &[&[u8]]) -> i64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    };
    salt.to_le_bytes().into_iter().for_each(&mut eat);
    eat(kind as u8);
    for part in parts {
        part.iter().copied().for_each(&mut eat);
        eat(0xFF);
    }
    h as i64
}

/// What blocking did, for the run's report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct BlockingStats {
    pub keys: usize,
    pub pairs: usize,
    /// Keys shared by more than `max_block` rows, not used.
    pub oversized_blocks: usize,
}

/// Blocking would make more candidate pairs than the caller can hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooManyPairs {
    /// Pairs before duplicates (rows sharing several keys) are removed.
    pub pairs: usize,
    pub max: usize,
}

impl std::fmt::Display for TooManyPairs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.max == 0 {
            // The budget allowed them, the system allocator did not (a
            // batch_memory set above what the machine has).
            write!(f, "blocking makes {} candidate pairs, more than the system could allocate", self.pairs)
        } else {
            write!(f, "blocking makes {} candidate pairs, more than the {} that fit in memory", self.pairs, self.max)
        }
    }
}

impl std::error::Error for TooManyPairs {}

impl crate::SqlError for TooManyPairs {
    fn class(&self) -> crate::ErrorClass {
        crate::ErrorClass::OutOfMemory
    }
    fn hint(&self) -> String {
        "if the server has the memory to spare, raise customer_clean.batch_memory for this session \
         (each pair takes 16 bytes); or train with a smaller max_block_size, so that keys shared by \
         many rows are not paired"
            .into()
    }
}

/// Bytes each candidate pair takes while [`candidate_pairs`] makes it: a
/// packed `u64`, then the `(u32, u32)` it returns.
pub const BYTES_PER_PAIR: usize = 16;

/// Pairs made between two calls of the progress callback.
const PROGRESS_EVERY: usize = 1_000_000;

/// The blocks of sorted `(key, row)` entries: rows sharing a key, when at
/// most `max_block` do.
fn blocks(entries: &[(i64, u32)], max_block: usize) -> impl Iterator<Item = &[(i64, u32)]> {
    entries.chunk_by(|a, b| a.0 == b.0).filter(move |block| block.len() <= max_block)
}

/// The `(key, row)` entries of `records` (row = index in `records`) for
/// the keys `keys(record)` gives, made on `threads` threads, in row order.
/// Flat, with no per-row Vec: for a million rows a `Vec<Vec<i64>>` of
/// keys held a quarter of a kilobyte per row, mostly spare capacity.
pub fn key_entries(
    records: &[Record],
    threads: usize,
    keys: impl Fn(&Record) -> Vec<i64> + Sync,
    progress: Progress,
) -> Result<Vec<(i64, u32)>, TooManyPairs> {
    let mut entries: Vec<(i64, u32)> = Vec::new();
    let mut refused = None;
    super::parallel::for_each_chunk_at(
        records,
        threads,
        20_000,
        |start, part| {
            part.iter()
                .enumerate()
                .flat_map(|(i, r)| keys(r).into_iter().map(move |k| (k, (start + i) as u32)))
                .collect()
        },
        &mut |found: Vec<(i64, u32)>, done| {
            // Fallible: an allocation the system refuses is an error, not
            // an abort of the backend (and with it the server).
            if refused.is_none() && entries.try_reserve(found.len()).is_err() {
                refused = Some(TooManyPairs { pairs: entries.len() + found.len(), max: 0 });
            }
            if refused.is_none() {
                entries.extend(found);
            }
            progress("match keys", done, records.len());
        },
    );
    match refused {
        Some(e) => Err(e),
        None => Ok(entries),
    }
}

/// Every pair `(i, j)`, `i < j`, of rows sharing at least one key, each
/// once, sorted. Each tier is the `(key, row)` entries of every row (see
/// [`key_entries`]; a row's keys are distinct) with its block size: keys
/// shared by more rows than that are not paired. Refuses, before storing
/// any, to make more than `max_pairs` (counted before duplicates are
/// removed: that is what is held at the peak). `progress` (which may stop
/// the work) hears of every million.
pub fn candidate_pairs(
    mut tiers: Vec<(Vec<(i64, u32)>, usize)>,
    max_pairs: usize,
    progress: Progress,
) -> Result<(Vec<(u32, u32)>, BlockingStats), TooManyPairs> {
    let mut stats = BlockingStats::default();
    for (entries, _) in &mut tiers {
        entries.sort_unstable();
        stats.keys += entries.len();
    }
    let mut raw = 0;
    for (entries, max_block) in &tiers {
        raw += blocks(entries, *max_block).map(|block| block.len() * (block.len() - 1) / 2).sum::<usize>();
        stats.oversized_blocks += entries.chunk_by(|a, b| a.0 == b.0).count() - blocks(entries, *max_block).count();
    }
    if raw > max_pairs {
        return Err(TooManyPairs { pairs: raw, max: max_pairs });
    }
    let mut pairs: Vec<u64> = Vec::new();
    pairs.try_reserve_exact(raw).map_err(|_| TooManyPairs { pairs: raw, max: 0 })?;
    // Up to `max_pairs` (hundreds of millions at the default memory bound):
    // the caller's progress callback, which checks for a cancel, runs
    // after every block that passes another million pairs.
    let mut reported = 0;
    for (entries, max_block) in tiers {
        for block in blocks(&entries, max_block) {
            for (x, a) in block.iter().enumerate() {
                for b in &block[x + 1..] {
                    // Entries of one key are sorted by row, so a.1 < b.1
                    // (a row's keys are distinct, so never equal).
                    pairs.push(u64::from(a.1) << 32 | u64::from(b.1));
                }
            }
            if pairs.len() >= reported + PROGRESS_EVERY {
                reported = pairs.len();
                progress("candidate pairs", reported, raw);
            }
        }
    }
    progress("sorting candidate pairs", pairs.len(), raw);
    pairs.sort_unstable();
    pairs.dedup();
    stats.pairs = pairs.len();
    let mut out: Vec<(u32, u32)> = Vec::new();
    out.try_reserve_exact(pairs.len()).map_err(|_| TooManyPairs { pairs: raw, max: 0 })?;
    out.extend(pairs.into_iter().map(|p| ((p >> 32) as u32, p as u32)));
    Ok((out, stats))
}

/// A `(key, row)` entry as one sortable item for [`candidate_pairs_spilled`]:
/// the key in the high 64 bits (sign flipped, so keys sort as numbers),
/// the row in the low 32.
pub fn entry_item(key: i64, row: u32) -> u128 {
    u128::from((key as u64) ^ (1 << 63)) << 32 | u128::from(row)
}

/// The (key, row) of an [`entry_item`].
pub fn entry_of(item: u128) -> (i64, u32) {
    ((((item >> 32) as u64) ^ (1 << 63)) as i64, item as u32)
}

/// [`candidate_pairs`] in bounded memory: the same pairs, in the same
/// order, packed as `a << 32 | b` in a [`Merge`] the caller pulls from,
/// and the same statistics but `pairs` (the caller counts what it pulls).
/// Each tier is a sorter holding its entries (see [`entry_item`]) with its
/// block size; pairs are sorted and deduplicated through a sorter of
/// `pair_buffer` items, spilling to `spill`. There is no `max_pairs`:
/// pairs spill instead of being refused.
pub fn candidate_pairs_spilled(
    tiers: Vec<(ExternalSorter<u128>, usize)>,
    pair_buffer: usize,
    spill: &mut dyn Spill,
) -> Result<(Merge<u64>, BlockingStats), SpillError> {
    let mut stats = BlockingStats::default();
    let mut pairs = ExternalSorter::<u64>::new(pair_buffer, true);
    for (entries, max_block) in tiers {
        // One block at a time: the rows of one key, in row order (at most
        // max_block of them are kept; a larger block is only counted).
        let mut block: Vec<u32> = Vec::new();
        let mut key: Option<u64> = None;
        let mut size = 0usize;
        // Entries come out of their runs one by one; pairs go into their
        // sorter (which may spill in between) as each block closes.
        let mut merge = entries.merge(spill)?;
        loop {
            let item = merge.next(spill)?;
            let next_key = item.map(|i| (i >> 32) as u64);
            if key.is_some() && next_key != key {
                if size > max_block {
                    stats.oversized_blocks += 1;
                } else {
                    for (x, a) in block.iter().enumerate() {
                        for b in &block[x + 1..] {
                            pairs.push(u64::from(*a) << 32 | u64::from(*b), spill)?;
                        }
                    }
                }
                block.clear();
                size = 0;
            }
            let Some(item) = item else { break };
            stats.keys += 1;
            key = next_key;
            size += 1;
            if size <= max_block {
                block.push(item as u32);
            }
        }
    }
    Ok((pairs.merge(spill)?, stats))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::PreparedName;

    /// The entries of per-row key lists (`keys[i]` those of row `i`).
    fn entries(keys: &[Vec<i64>]) -> Vec<(i64, u32)> {
        keys.iter().enumerate().flat_map(|(i, ks)| ks.iter().map(move |k| (*k, i as u32))).collect()
    }

    fn pairs_of(
        tiers: &[(&[Vec<i64>], usize)],
        max_pairs: usize,
    ) -> Result<(Vec<(u32, u32)>, BlockingStats), TooManyPairs> {
        candidate_pairs(tiers.iter().map(|(k, b)| (entries(k), *b)).collect(), max_pairs, &mut |_, _, _| {})
    }

    #[test]
    fn key_entries_are_flat_in_row_order() {
        let with = |phone: &str| Record { phones: vec![phone.into()], ..Record::default() };
        let records: Vec<Record> = (0..45_000).map(|i| with(&format!("+86138{:08}", i % 40_000))).collect();
        let found = key_entries(&records, 3, |r| match_keys(r, 1), &mut |_, _, _| {}).unwrap();
        let expected = entries(&records.iter().map(|r| match_keys(r, 1)).collect::<Vec<_>>());
        assert_eq!(found.len(), 45_000);
        assert_eq!(found, expected);
    }

    fn spilled(tiers: &[(&[Vec<i64>], usize)], buffer: usize) -> (Vec<(u32, u32)>, BlockingStats, usize) {
        let mut spill = crate::matching::spill::MemorySpill::default();
        let sorters = tiers
            .iter()
            .map(|(keys, max_block)| {
                let mut sorter = ExternalSorter::new(buffer, false);
                for (k, row) in entries(keys) {
                    sorter.push(entry_item(k, row), &mut spill).unwrap();
                }
                (sorter, *max_block)
            })
            .collect();
        let mut pairs = Vec::new();
        let (mut merge, mut stats) = candidate_pairs_spilled(sorters, buffer, &mut spill).unwrap();
        while let Some(p) = merge.next(&mut spill).unwrap() {
            pairs.push(((p >> 32) as u32, p as u32));
        }
        stats.pairs = pairs.len();
        (pairs, stats, spill.runs.len())
    }

    #[test]
    fn spilled_pairs_are_the_same_pairs() {
        let keys = vec![vec![1, 2], vec![1], vec![2, 3], vec![3], vec![9], vec![-5, 1], vec![-5]];
        let weak = vec![vec![5, 6], vec![5], vec![5, 6], vec![5], vec![], vec![6], vec![]];
        let tiers: [(&[Vec<i64>], usize); 2] = [(&keys, 3), (&weak, 3)];
        let (pairs, stats, runs) = spilled(&tiers, 2);
        assert!(runs > 5, "it spilled: {runs} runs");
        assert_eq!((pairs, stats), pairs_of(&tiers, usize::MAX).unwrap());
    }

    proptest::proptest! {
        #[test]
        fn spilling_changes_nothing(
            keys in proptest::collection::vec(proptest::collection::btree_set(-6i64..6, 0..4), 0..40),
            weak in proptest::collection::vec(proptest::collection::btree_set(-3i64..3, 0..3), 0..40),
            max_block in 1usize..8,
            buffer in 1usize..30,
        ) {
            let keys: Vec<Vec<i64>> = keys.into_iter().map(|k| k.into_iter().collect()).collect();
            let weak: Vec<Vec<i64>> = weak.into_iter().map(|k| k.into_iter().collect()).collect();
            let tiers: [(&[Vec<i64>], usize); 2] = [(&keys, max_block), (&weak, max_block.min(3))];
            let (pairs, stats, _) = spilled(&tiers, buffer);
            proptest::prop_assert_eq!((pairs, stats), pairs_of(&tiers, usize::MAX).unwrap());
        }
    }

    #[test]
    fn pairs_are_unique_and_ordered() {
        let keys = vec![vec![1, 2], vec![1], vec![2, 3], vec![3], vec![9]];
        let (pairs, stats) = pairs_of(&[(&keys, 10)], usize::MAX).unwrap();
        assert_eq!(pairs, vec![(0, 1), (0, 2), (2, 3)]);
        assert_eq!(stats, BlockingStats { keys: 7, pairs: 3, oversized_blocks: 0 });
        let (pairs, stats) = pairs_of(&[(&keys, 1)], usize::MAX).unwrap();
        assert!(pairs.is_empty());
        assert_eq!(stats.oversized_blocks, 3);
    }

    #[test]
    fn each_tier_has_its_block_size() {
        // Key 5 is shared by four rows: too many for the weak tier.
        let keys = vec![vec![1], vec![1], vec![], vec![]];
        let weak = vec![vec![5, 6], vec![5], vec![5, 6], vec![5]];
        let (pairs, stats) = pairs_of(&[(&keys, 10), (&weak, 3)], usize::MAX).unwrap();
        assert_eq!(pairs, vec![(0, 1), (0, 2)]);
        assert_eq!(stats, BlockingStats { keys: 8, pairs: 2, oversized_blocks: 1 });
    }

    #[test]
    fn refuses_more_pairs_than_allowed_before_making_them() {
        // Keys 1, 2 and 3 make three pairs; rows 0 and 1 share no other key.
        let keys = vec![vec![1, 2], vec![1], vec![2, 3], vec![3], vec![9]];
        assert_eq!(pairs_of(&[(&keys, 10)], 3).map(|(p, _)| p.len()), Ok(3));
        assert_eq!(pairs_of(&[(&keys, 10)], 2), Err(TooManyPairs { pairs: 3, max: 2 }));
        // Oversized blocks are not counted: they are never paired.
        let crowd = vec![vec![7]; 50];
        assert_eq!(pairs_of(&[(&crowd, 10)], 0).map(|(p, s)| (p.len(), s.oversized_blocks)), Ok((0, 1)));
        assert_eq!(pairs_of(&[(&crowd, 50)], 1224), Err(TooManyPairs { pairs: 1225, max: 1224 }));
    }

    #[test]
    fn address_signatures() {
        assert_eq!(address_signature("15 booroondara street ascot park").as_deref(), Some("15 boo"));
        assert_eq!(address_signature("1601 spring st., san francisco, ca 94150").as_deref(), Some("1601 spr"));
        assert_eq!(address_signature("广东深圳南山区光明路425号").as_deref(), Some("425 光明路"));
        assert_eq!(address_signature("flat 3, 12 high st").as_deref(), Some("3 lat"));
        assert_eq!(address_signature("crago place"), None);
        assert_eq!(address_signature("95"), None);
        assert_eq!(address_signature(""), None);
    }

    #[test]
    fn weak_keys_are_apart_from_the_others() {
        let r = Record {
            name: PreparedName::new("holly green"),
            name_key: "green holly".into(),
            postcode: Some("2101".into()),
            address: Some("3 larpent street".into()),
            ..Record::default()
        };
        let words = |n: &str| Record { name: PreparedName::new(n), name_key: n.into(), ..r.clone() };
        // "matthew green" at the same postcode shares a weak key only.
        let other = words("matthew green");
        assert!(weak_keys(&r, 1).iter().any(|k| weak_keys(&other, 1).contains(k)));
        assert_eq!(weak_keys(&r, 1).len(), 2, "one per word");
        assert!(match_keys(&r, 1).iter().all(|k| !weak_keys(&r, 1).contains(k)));
        // Same address and postcode: a strong key.
        let moved = Record { name: PreparedName::new("zara west"), name_key: "west zara".into(), ..r.clone() };
        assert!(match_keys(&r, 1).iter().any(|k| match_keys(&moved, 1).contains(k)));
    }

    #[test]
    fn keys_depend_on_table_and_kind() {
        let r = Record {
            phones: vec!["+8613800138000".into()],
            email_key: Some("+8613800138000".into()),
            ..Record::default()
        };
        let a = match_keys(&r, 1);
        assert_eq!(a.len(), 2, "same text as phone and as e-mail are two keys");
        assert_ne!(a, match_keys(&r, 2));
        assert_eq!(a, match_keys(&r, 1));
        // FNV-1a is fixed forever: this value must never change.
        // Stored keys are compared with keys computed by later builds, so
        // the hash is pinned (value computed independently in Python).
        assert_eq!(hash(0, KeyKind::Phone, &[b"+8613800138000"]), -1_267_026_956_273_423_322);
    }
}
