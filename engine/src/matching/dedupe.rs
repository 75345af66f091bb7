//! Batch deduplication: blocking, scoring and clustering a whole table.

use std::collections::HashSet;

use serde::Serialize;

use super::blocking::{self, BlockingStats, TooManyPairs};
use super::cluster::{self, ClusterOptions, Clustering, Edge, Refusal};
use super::comparison::Field;
use super::model::{Model, NameFrequency, Progress};
use super::parallel;
use super::record::Record;

#[derive(Debug, Clone, PartialEq)]
pub struct DedupeOptions {
    /// Pairs at least this probable are the same customer (clustered).
    pub min_probability: f64,
    /// Pairs at least this probable but below `min_probability`, and pairs
    /// clustering kept apart, go to the review queue.
    pub review_probability: f64,
    pub cluster: ClusterOptions,
    pub threads: usize,
    /// Candidate pairs blocking may make (see [`blocking::candidate_pairs`]).
    pub max_pairs: usize,
}

impl Default for DedupeOptions {
    fn default() -> Self {
        DedupeOptions {
            min_probability: 0.9,
            review_probability: 0.5,
            cluster: ClusterOptions::default(),
            threads: 0,
            max_pairs: usize::MAX,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DedupeStats {
    pub rows: usize,
    #[serde(flatten)]
    pub blocking: BlockingStats,
    pub matching_pairs: usize,
    pub review_pairs: usize,
    pub clusters: usize,
    pub rows_in_clusters: usize,
    pub refused_links: usize,
}

pub struct Dedupe {
    /// Every candidate pair at least `review_probability` probable.
    pub pairs: Vec<Edge>,
    pub clustering: Clustering,
    pub stats: DedupeStats,
}

/// The pairs of rows sharing a match key: a strong key (see
/// [`blocking::match_keys`]) shared by at most `max_block` rows, or a
/// weak one (see [`blocking::weak_keys`]) shared by at most
/// [`blocking::WEAK_MAX_BLOCK`].
pub fn candidate_pairs(
    records: &[Record],
    salt: u64,
    max_block: usize,
    threads: usize,
    max_pairs: usize,
    progress: Progress,
) -> Result<(Vec<(u32, u32)>, BlockingStats), TooManyPairs> {
    let strong = blocking::key_entries(records, threads, |r| blocking::match_keys(r, salt), progress)?;
    let weak = blocking::key_entries(records, threads, |r| blocking::weak_keys(r, salt), progress)?;
    blocking::candidate_pairs(
        vec![(strong, max_block), (weak, blocking::WEAK_MAX_BLOCK.min(max_block))],
        max_pairs,
        progress,
    )
}

/// Scores every blocked pair of `records` (at most `max_pairs`); returns
/// the pairs at least `min_probability` probable.
#[allow(clippy::too_many_arguments)]
pub fn scored_pairs(
    records: &[Record],
    model: &Model,
    salt: u64,
    min_probability: f64,
    threads: usize,
    max_pairs: usize,
    tf: &NameFrequency,
    progress: Progress,
) -> Result<(Vec<Edge>, BlockingStats), TooManyPairs> {
    let threads = parallel::thread_count(threads);
    let (candidates, stats) = candidate_pairs(records, salt, model.max_block_size, threads, max_pairs, progress)?;
    let scorer = model.scorer();
    let mut pairs = Vec::new();
    parallel::for_each_chunk(
        &candidates,
        threads,
        50_000,
        |part| {
            part.iter()
                .filter_map(|(a, b)| {
                    let (ra, rb) = (&records[*a as usize], &records[*b as usize]);
                    let score = scorer.score_at_least(ra, rb, tf, min_probability)?;
                    Some(Edge { a: *a, b: *b, probability: score.probability })
                })
                .collect()
        },
        &mut |found: Vec<Edge>, done| {
            pairs.extend(found);
            progress("scoring pairs", done, candidates.len());
        },
    );
    Ok((pairs, stats))
}

/// The hard conflict between two records, if any: both the ID number and
/// the birth date are present on both sides and both are far apart (see
/// [`Field::is_conflict`]). One of the two alone is not enough — a
/// mistyped or wrongly copied birth date or ID happens in real data, and
/// the model already weighs it — but a person has one of each, so two
/// records that disagree on both are two people — unless the table keeps
/// given names apart and theirs agree: relatives have other given names,
/// so that is one record with both values replaced (FEBRL makes such
/// records), and the model's weighing of everything else decides. A full
/// name cannot tell: relatives' full names look alike through the family
/// name (`Cao Yingyan` and `Yingdan Cao`).
pub fn conflict(a: &Record, b: &Record) -> Option<&'static str> {
    let both = [Field::NationalId, Field::BirthDate].iter().all(|f| f.is_conflict(f.compare(a, b)));
    // (names compared only for the few pairs that disagree on both)
    (both && !(1..=4).contains(&Field::GivenName.compare(a, b))).then_some("national_id and birth_date")
}

/// Deduplicates `records`; `rejected` holds the pairs (lower index first)
/// a steward said are different customers; `tf` tells how common each name
/// is (for a whole table: `NameFrequency::Counted` over `records`).
pub fn dedupe(
    records: &[Record],
    model: &Model,
    salt: u64,
    opts: &DedupeOptions,
    rejected: &HashSet<(u32, u32)>,
    tf: &NameFrequency,
    progress: Progress,
) -> Result<Dedupe, TooManyPairs> {
    let min_scored = opts.review_probability.min(opts.min_probability);
    let (pairs, blocking) = scored_pairs(records, model, salt, min_scored, opts.threads, opts.max_pairs, tf, progress)?;
    Ok(cluster_scored(records, pairs, blocking, model, opts, rejected, tf, progress))
}

/// Clusters `records` by their scored pairs (`pairs`, those at least
/// `review_probability` probable, `a < b`): the second half of [`dedupe`],
/// and what an incremental run does with the rows a change touched.
#[allow(clippy::too_many_arguments)]
pub fn cluster_scored(
    records: &[Record],
    pairs: Vec<Edge>,
    blocking: BlockingStats,
    model: &Model,
    opts: &DedupeOptions,
    rejected: &HashSet<(u32, u32)>,
    tf: &NameFrequency,
    progress: Progress,
) -> Dedupe {
    // A probable pair on whose person nothing agrees — same phone and
    // address, different or missing name, birth date, ID and e-mail — is
    // what people of one household look like; it goes to review instead.
    let scorer = model.scorer();
    let (matching, impersonal): (Vec<Edge>, Vec<Edge>) =
        pairs.iter().filter(|e| e.probability >= opts.min_probability).partition(|e| {
            let (a, b) = (&records[e.a as usize], &records[e.b as usize]);
            scorer.agrees_on_something_personal(a, b)
        });
    let matching_pairs = matching.len();
    progress("clustering", 0, matching_pairs);
    // One connected component at a time (the same clusters as one run
    // over all edges; see cluster::by_component): what lets a batch job
    // hold only some components' records at once.
    let mut done = 0;
    let clustering = cluster::by_component(records.len(), matching, &mut |rows, part| {
        let edges = part.len();
        let record = |local: u32| &records[rows[local as usize] as usize];
        let result = cluster_component(rows, part, &record, model, tf, opts, rejected, &mut |d| {
            progress("clustering", done + d, matching_pairs)
        });
        done += edges;
        result
    });
    Dedupe::finish(records.len(), pairs, clustering, impersonal, blocking, matching_pairs)
}

/// Clusters one connected component (rows `rows`, edges by local row),
/// `record(local)` its rows' records: the one clustering rule of the
/// in-memory and the bounded-memory dedupe.
#[allow(clippy::too_many_arguments)]
pub fn cluster_component<'r>(
    rows: &[u32],
    part: Vec<Edge>,
    record: &dyn Fn(u32) -> &'r Record,
    model: &Model,
    tf: &NameFrequency,
    opts: &DedupeOptions,
    rejected: &HashSet<(u32, u32)>,
    progress: &mut dyn FnMut(usize),
) -> Clustering {
    let row = |local: u32| rows[local as usize];
    cluster::cluster(
        rows.len(),
        part,
        &opts.cluster,
        &|a, b| conflict(record(a), record(b)),
        &|a, b| model.probability(record(a), record(b), tf),
        &|a, b| rejected.contains(&(row(a).min(row(b)), row(a).max(row(b)))),
        &mut |d, _| progress(d),
    )
}

impl Dedupe {
    /// The outcome of a dedupe of `rows` rows: `pairs` every scored pair,
    /// `clustering` that of the matching pairs, to which the probable but
    /// impersonal pairs are added as refused.
    pub fn finish(
        rows: usize,
        pairs: Vec<Edge>,
        mut clustering: Clustering,
        impersonal: Vec<Edge>,
        blocking: BlockingStats,
        matching_pairs: usize,
    ) -> Dedupe {
        clustering.refused.extend(impersonal.into_iter().map(|e| (e, Refusal::NothingPersonal)));
        let members = clustering.members();
        let clusters = members.iter().map(|(_, r)| *r).collect::<HashSet<_>>().len();
        let stats = DedupeStats {
            rows,
            blocking,
            matching_pairs,
            review_pairs: 0,
            clusters,
            rows_in_clusters: members.len(),
            refused_links: clustering.refused.len(),
        };
        Dedupe { pairs, clustering, stats }
    }

    /// Pairs a steward should look at: uncertain pairs whose rows did not
    /// end up in one cluster anyway, and confident pairs that clustering
    /// kept apart. Rejected pairs are left out: they were decided.
    pub fn review_pairs(&mut self, rejected: &HashSet<(u32, u32)>) -> Vec<Edge> {
        let root = &self.clustering.root;
        let out: Vec<Edge> = self
            .pairs
            .iter()
            // A confident pair across two final clusters was necessarily
            // refused by clustering (clusters only grow), so every pair
            // across clusters is either uncertain or refused.
            .filter(|e| root[e.a as usize] != root[e.b as usize])
            .filter(|e| !rejected.contains(&(e.a, e.b)))
            .copied()
            .collect();
        self.stats.review_pairs = out.len();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::matching::RecordSchema;
    use crate::profile::{Profile, TableColumn};
    use serde_json::json;

    fn schema(columns: serde_json::Value) -> RecordSchema {
        let names: Vec<String> =
            columns.as_object().unwrap().values().map(|v| v.as_str().unwrap().to_string()).collect();
        let table: Vec<TableColumn> = names.iter().map(|n| TableColumn { name: n.clone(), is_text: true }).collect();
        let profile = Profile::parse(&columns, &json!({}), &table).unwrap();
        RecordSchema::from_profile(&profile, Date::new(2026, 11, 23).unwrap())
    }

    #[test]
    fn different_id_and_birth_date_conflict_unless_the_given_names_agree() {
        let full = schema(json!({"id": "id", "name": "n", "birth_date": "b", "national_id": "i"}));
        let a = full.record(&[Some("Cao Yingyan"), Some("1940-11-22"), Some("500103194011227720")]);
        let relative = full.record(&[Some("Yingdan Cao"), Some("2001-12-15"), Some("350203200112156488")]);
        assert_eq!(conflict(&a, &relative), Some("national_id and birth_date"));
        // Same full name: still two people (a full name is no proof).
        let namesake = full.record(&[Some("Cao Yingyan"), Some("2001-12-15"), Some("350203200112156488")]);
        assert_eq!(conflict(&a, &namesake), Some("national_id and birth_date"));
        // One of the two differing alone is no conflict.
        let typo = full.record(&[Some("Cao Yingyan"), Some("1940-11-22"), Some("350203200112156488")]);
        assert_eq!(conflict(&a, &typo), None);

        let split =
            schema(json!({"id": "id", "given_name": "g", "family_name": "f", "birth_date": "b", "national_id": "i"}));
        let a = split.record(&[Some("isabella"), Some("shandley"), Some("1952-06-02"), Some("2401777")]);
        let replaced = split.record(&[Some("isabella"), Some("browne"), Some("1921-09-14"), Some("5904872")]);
        assert_eq!(conflict(&a, &replaced), None);
        let sister = split.record(&[Some("olivia"), Some("shandley"), Some("1921-09-14"), Some("5904872")]);
        assert_eq!(conflict(&a, &sister), Some("national_id and birth_date"));
    }
}
