//! The Fellegi–Sunter model: how much each level of each comparison says
//! about "same person", learned from the table itself with no labels.
//!
//! For every field and level, `m` is the probability of the level when the
//! two records are the same person and `u` when they are not; the level's
//! weight is `log2(m / u)` bits of evidence, and a pair's match weight is
//! the prior's log-odds plus the weights of its levels.
//! - `u` comes from random pairs (nearly all of which are different
//!   people): the share of each level among them.
//! - `m` comes from expectation–maximization over the blocked pairs (rows
//!   sharing a match key), where matches are common enough to learn from.
//! - Names are term-frequency adjusted: agreeing on a common name (王伟,
//!   John Smith) is weaker evidence than agreeing on a rare one, so the
//!   `same_name` level uses the name's own frequency as its `u`.
//!
//! The model is stored as readable JSON (`customer_clean.models`).

use std::collections::{BTreeMap, HashMap};

/// Pattern counts in pattern order, so that every float sum over them is
/// done in the same order and a seed gives the same model bit for bit.
type PatternCounts = BTreeMap<Pattern, u64>;

use serde::{Deserialize, Serialize};

use crate::options::{OptionError, Options};

use super::blocking;
use super::comparison::{name_part_levels, Field};
use super::parallel;
use super::record::Record;
use super::rng::SplitMix64;

/// Version of the model layout; a stored model of another version is
/// refused with a request to train again.
pub const MODEL_VERSION: u32 = 2;

/// Random pairs drawn and counted per round (8 bytes each: 8 MB).
const RANDOM_ROUND: usize = 1_000_000;

/// Smallest probability a level keeps, so that a level never seen in
/// training is strong evidence, not infinite evidence.
const MIN_PROBABILITY: f64 = 1e-6;

/// Settings of `train`, read from its `options` argument with
/// [`TrainOptions::parse`]: every key has a range (see `TRAIN_RANGES`), so
/// no option can make `train` allocate or loop without bound.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainOptions {
    /// Seed of the random pair sample: same seed, same data, same model.
    pub seed: u64,
    /// Random pairs sampled for the u-probabilities.
    pub random_pairs: usize,
    pub max_em_iterations: usize,
    /// EM stops when no m-probability moves more than this.
    pub em_tolerance: f64,
    /// Match keys shared by more rows than this are not used for blocking.
    pub max_block_size: usize,
    /// Names seen at least this often get their own frequency in the model.
    pub min_name_count: usize,
    /// At most this many frequent names are kept in the model.
    pub max_names: usize,
    /// Worker threads (0: one per core, at most [`parallel::MAX_THREADS`]).
    pub threads: usize,
    /// Rows learned from at most: a larger table is sampled (see
    /// [`RowSample`]).
    pub sample_rows: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 42,
            random_pairs: 1_000_000,
            max_em_iterations: 100,
            em_tolerance: 1e-5,
            max_block_size: blocking::DEFAULT_MAX_BLOCK,
            min_name_count: 3,
            max_names: 20_000,
            threads: 0,
            sample_rows: 1_000_000,
        }
    }
}

/// The option keys of `train`.
pub const TRAIN_OPTIONS: &[&str] = &[
    "seed",
    "random_pairs",
    "max_em_iterations",
    "em_tolerance",
    "max_block_size",
    "min_name_count",
    "max_names",
    "threads",
    "sample_rows",
];

/// Ranges of the integer options of `train`, and why each bound is where
/// it is.
pub mod ranges {
    use crate::options::{FloatRange, IntRange};

    /// Any 64-bit seed.
    pub const SEED: IntRange = IntRange { min: 0, max: u64::MAX };
    /// The u-probabilities are shares among random pairs: a million pairs
    /// pin a 1-in-10,000 level to about ±1%; a hundred million is more
    /// than any table needs. The sample is drawn and counted in rounds, so
    /// memory does not grow with it — only time (about a minute at the top).
    pub const RANDOM_PAIRS: IntRange = IntRange { min: 1, max: 100_000_000 };
    /// EM converges in tens of iterations; each is cheap (it runs over the
    /// distinct level patterns, not the pairs), and each checks for a cancel.
    pub const MAX_EM_ITERATIONS: IntRange = IntRange { min: 1, max: 10_000 };
    /// A change of an m-probability, a probability itself: above 0, below 1.
    pub const EM_TOLERANCE: FloatRange = FloatRange::open(0.0, 1.0);
    /// A key shared by more rows is no identifier; a block of k rows makes
    /// k(k-1)/2 pairs, so 100,000 is already five billion (refused by the
    /// memory budget long before). Below 2 a block pairs nothing.
    pub const MAX_BLOCK_SIZE: IntRange = IntRange { min: 2, max: 100_000 };
    /// A count of rows.
    pub const MIN_NAME_COUNT: IntRange = IntRange { min: 1, max: 1_000_000 };
    /// Names stored in the model's jsonb (about 30 bytes each): a million
    /// is 30 MB, far more than the few thousand that matter.
    pub const MAX_NAMES: IntRange = IntRange { min: 0, max: 1_000_000 };
    /// Worker threads of this backend; 0 for the machine's cores.
    pub const THREADS: IntRange = IntRange { min: 0, max: super::parallel::MAX_THREADS as u64 };
    /// Training holds its sample in memory (about 1 KB a row): a million
    /// rows learn m and u (shares among pairs) as well as ten million do.
    /// At least the two rows a pair needs; at most what a row number (u32)
    /// can count, well past any batch_memory.
    pub const SAMPLE_ROWS: IntRange = IntRange { min: 2, max: 1_000_000_000 };
}

impl TrainOptions {
    /// Reads the `options` argument of `train`; every key is optional and
    /// checked against its range (22023 naming the key otherwise).
    pub fn parse(value: &serde_json::Value) -> Result<TrainOptions, OptionError> {
        let o = Options::new("train", value, TRAIN_OPTIONS)?;
        let d = TrainOptions::default();
        Ok(TrainOptions {
            seed: o.integer("seed", ranges::SEED, d.seed, "the seed of the random pair sample")?,
            random_pairs: o.size(
                "random_pairs",
                ranges::RANDOM_PAIRS,
                d.random_pairs,
                "how many random pairs are compared to learn the u-probabilities",
            )?,
            max_em_iterations: o.size(
                "max_em_iterations",
                ranges::MAX_EM_ITERATIONS,
                d.max_em_iterations,
                "how many rounds of expectation-maximization at most learn the m-probabilities",
            )?,
            em_tolerance: o.number(
                "em_tolerance",
                ranges::EM_TOLERANCE,
                d.em_tolerance,
                "when EM stops: no m-probability moved more than this in a round",
            )?,
            max_block_size: o.size(
                "max_block_size",
                ranges::MAX_BLOCK_SIZE,
                d.max_block_size,
                "how many rows may share a match key for it to pair them",
            )?,
            min_name_count: o.size(
                "min_name_count",
                ranges::MIN_NAME_COUNT,
                d.min_name_count,
                "how many rows must carry a name for it to get its own frequency",
            )?,
            max_names: o.size(
                "max_names",
                ranges::MAX_NAMES,
                d.max_names,
                "how many frequent names the model keeps",
            )?,
            threads: o.size("threads", ranges::THREADS, d.threads, "worker threads (0: one per core)")?,
            sample_rows: o.size(
                "sample_rows",
                ranges::SAMPLE_ROWS,
                d.sample_rows,
                "how many rows at most train learns from (a larger table is sampled)",
            )?,
        })
    }
}

/// m and u of one level, and its weight in bits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelParams {
    pub level: String,
    pub m: f64,
    pub u: f64,
    /// `log2(m / u)`: bits of evidence for (positive) or against a match.
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldParams {
    pub field: Field,
    /// Every level but `null`, strongest first.
    pub levels: Vec<LevelParams>,
}

/// How the model was trained.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainingReport {
    pub rows: usize,
    /// The rows of the table when `rows` is a sample of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampled_from: Option<usize>,
    pub random_pairs: usize,
    pub blocked_pairs: usize,
    pub oversized_blocks: usize,
    /// Share of the blocked pairs EM thinks are matches.
    pub blocked_match_share: f64,
    pub em_iterations: usize,
    pub em_converged: bool,
    pub seed: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub version: u32,
    /// Probability that two records drawn at random are the same person.
    pub prior: f64,
    pub fields: Vec<FieldParams>,
    /// Frequency of each common name key (share of rows), for the
    /// term-frequency adjustment when the whole table is not at hand.
    pub name_frequencies: BTreeMap<String, f64>,
    /// Frequency used for a name not in `name_frequencies`.
    pub rare_name_frequency: f64,
    pub max_block_size: usize,
    pub training: TrainingReport,
}

/// Why a stored model cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("the stored model is not readable: {0}")]
    Unreadable(String),
    #[error("the stored model has version {found}, this build reads version {MODEL_VERSION}")]
    Version { found: u32 },
    /// A model stored by a build whose comparison tables had other levels
    /// (`comparison::Level`): its m and u belong to levels this build does
    /// not have. (Within one build, labels and tests cannot drift apart:
    /// each level is one entry of a table.)
    #[error("the stored model's levels of \"{0}\" differ from this build's")]
    Levels(String),
    #[error("the table has no two rows to learn from")]
    TooFewRows,
    /// No pair of rows shares a strong key: EM has no pairs to learn m
    /// from, and the prior would be 0/0 (stored as null, then unreadable).
    #[error(
        "no two rows share a phone, e-mail, ID number, name with birth year or postcode, or birth date with postcode: \
         there are no candidate pairs to learn what a duplicate looks like from"
    )]
    NoBlockedPairs,
    #[error(transparent)]
    TooManyPairs(#[from] blocking::TooManyPairs),
    /// The system refused memory the budget allowed.
    #[error("{step} needs {bytes} bytes, more than the system could allocate")]
    Allocation { step: &'static str, bytes: usize },
}

impl crate::SqlError for ModelError {
    fn class(&self) -> crate::ErrorClass {
        match self {
            ModelError::TooFewRows => crate::ErrorClass::InvalidParameterValue,
            ModelError::TooManyPairs(e) => crate::SqlError::class(e),
            ModelError::Allocation { .. } => crate::ErrorClass::OutOfMemory,
            _ => crate::ErrorClass::ObjectNotInPrerequisiteState,
        }
    }
    fn hint(&self) -> String {
        match self {
            ModelError::TooFewRows => "load the customer rows first, then train".into(),
            ModelError::NoBlockedPairs => {
                "train on rows that include duplicates sharing such a value (check the profile's roles and default_region: \
                 a phone that does not parse gives no key); with sample_rows, a larger sample"
                    .into()
            }
            ModelError::TooManyPairs(e) => crate::SqlError::hint(e),
            ModelError::Allocation { .. } => {
                "lower customer_clean.batch_memory to what the server has, or train with fewer random_pairs".into()
            }
            _ => "run customer_clean.train(tbl) again to store a model this version reads".into(),
        }
    }
}

/// A pair's levels, four bits per field in model field order.
pub type Pattern = u32;

/// The levels of `a` and `b` for `fields`, packed.
pub fn pattern(fields: &[Field], a: &Record, b: &Record) -> Pattern {
    // The given and the family name levels come from one comparison (made
    // straight or crosswise): made once per pair, not once per field.
    let mut parts = None;
    fields.iter().enumerate().fold(0, |p, (i, f)| {
        let level = match f {
            Field::GivenName => parts.get_or_insert_with(|| name_part_levels(a, b)).0,
            Field::FamilyName => parts.get_or_insert_with(|| name_part_levels(a, b)).1,
            _ => f.compare(a, b),
        };
        p | (u32::from(level) << (4 * i))
    })
}

fn level_of(p: Pattern, i: usize) -> usize {
    ((p >> (4 * i)) & 0xF) as usize
}

/// Progress of a long step: what it is, how many done, of how many.
pub type Progress<'a> = &'a mut dyn FnMut(&str, usize, usize);

impl Model {
    /// Reads a stored model and checks it fits this build.
    pub fn from_json(value: &serde_json::Value) -> Result<Model, ModelError> {
        let found = value.get("version").and_then(serde_json::Value::as_u64).unwrap_or(0) as u32;
        if found != MODEL_VERSION {
            return Err(ModelError::Version { found });
        }
        let model: Model = serde_json::from_value(value.clone()).map_err(|e| ModelError::Unreadable(e.to_string()))?;
        for f in &model.fields {
            if !f.levels.iter().map(|l| l.level.as_str()).eq(f.field.labels().skip(1)) {
                return Err(ModelError::Levels(f.field.as_str().into()));
            }
        }
        Ok(model)
    }

    pub fn field_list(&self) -> Vec<Field> {
        self.fields.iter().map(|f| f.field).collect()
    }

    /// Learns a model from `records` comparing `fields`, from at most
    /// `max_pairs` blocked pairs (see [`blocking::candidate_pairs`]).
    pub fn train(
        records: &[Record],
        fields: &[Field],
        salt: u64,
        opts: &TrainOptions,
        max_pairs: usize,
        progress: Progress,
    ) -> Result<Model, ModelError> {
        let n = records.len();
        if n < 2 {
            return Err(ModelError::TooFewRows);
        }
        let threads = parallel::thread_count(opts.threads);

        // u: level shares among random pairs, drawn and counted in rounds
        // of at most RANDOM_ROUND pairs: memory stays a few MB whatever
        // `random_pairs` is, and the sample (one RNG stream) and so the
        // model are the same as if drawn at once.
        let mut rng = SplitMix64::new(opts.seed);
        let mut random_counts = PatternCounts::new();
        let round = opts.random_pairs.min(RANDOM_ROUND);
        let mut sample: Vec<(u32, u32)> = Vec::new();
        sample
            .try_reserve_exact(round)
            .map_err(|_| ModelError::Allocation { step: "the random pair sample", bytes: round * 8 })?;
        let mut drawn = 0;
        while drawn < opts.random_pairs {
            let take = (opts.random_pairs - drawn).min(round);
            sample.clear();
            sample.extend((0..take).map(|_| {
                let i = rng.below(n);
                let j = (i + 1 + rng.below(n - 1)) % n;
                (i as u32, j as u32)
            }));
            // Progress (and with it the SQL layer's cancel check) after each
            // round of the workers, with none of them running.
            let total = opts.random_pairs;
            let counted = count_patterns(records, fields, &sample, threads, &mut |done, _| {
                progress("random pairs", drawn + done, total)
            });
            for (p, c) in counted {
                *random_counts.entry(p).or_default() += c;
            }
            drawn += take;
        }
        drop(sample);
        let u = level_shares(fields, &random_counts, None);

        // m: EM over the pairs blocked by the strong keys.
        let keys = blocking::key_entries(records, threads, |r| blocking::strong_keys(r, salt), progress)?;
        let (pairs, blocking) = blocking::candidate_pairs(vec![(keys, opts.max_block_size)], max_pairs, progress)?;
        if pairs.is_empty() {
            return Err(ModelError::NoBlockedPairs);
        }
        let blocked_counts =
            count_patterns(records, fields, &pairs, threads, &mut |done, total| progress("blocked pairs", done, total));
        let em = expectation_maximization(fields, &blocked_counts, opts, progress);

        let total_pairs = n as f64 * (n as f64 - 1.0) / 2.0;
        let prior = (em.lambda * pairs.len() as f64 / total_pairs).clamp(MIN_PROBABILITY / total_pairs, 0.5);

        let (name_frequencies, rare_name_frequency) = name_frequencies(records, opts);
        let fields_params = fields
            .iter()
            .enumerate()
            .map(|(i, f)| FieldParams {
                field: *f,
                levels: f
                    .labels()
                    .skip(1)
                    .enumerate()
                    .map(|(l, name)| {
                        let (m, u) = (em.m[i][l + 1], u[i][l + 1]);
                        LevelParams { level: (*name).into(), m, u, weight: (m / u).log2() }
                    })
                    .collect(),
            })
            .collect();
        Ok(Model {
            version: MODEL_VERSION,
            prior,
            fields: fields_params,
            name_frequencies,
            rare_name_frequency,
            max_block_size: opts.max_block_size,
            training: TrainingReport {
                rows: n,
                sampled_from: None,
                random_pairs: drawn,
                blocked_pairs: pairs.len(),
                oversized_blocks: blocking.oversized_blocks,
                blocked_match_share: em.lambda,
                em_iterations: em.iterations,
                em_converged: em.converged,
                seed: opts.seed,
            },
        })
    }
}

/// How often each pattern occurs among `pairs`.
fn count_patterns(
    records: &[Record],
    fields: &[Field],
    pairs: &[(u32, u32)],
    threads: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> PatternCounts {
    let mut counts = PatternCounts::new();
    parallel::for_each_chunk(
        pairs,
        threads,
        50_000,
        |part| {
            let mut local: HashMap<Pattern, u64> = HashMap::new();
            for (a, b) in part {
                *local.entry(pattern(fields, &records[*a as usize], &records[*b as usize])).or_default() += 1;
            }
            local.into_iter().collect()
        },
        &mut |found: Vec<(Pattern, u64)>, done| {
            for (p, c) in found {
                *counts.entry(p).or_default() += c;
            }
            progress(done, pairs.len());
        },
    );
    counts
}

/// Per field, the share of each level among the pairs where the field is
/// not null, each pattern weighted by `weight(pattern)` (1 when `None`).
/// Index 0 (null) is left at 1: a null level is no evidence.
fn level_shares(fields: &[Field], counts: &PatternCounts, weight: Option<&dyn Fn(Pattern) -> f64>) -> Vec<Vec<f64>> {
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut shares = vec![0.0; f.level_count()];
            for (p, c) in counts {
                shares[level_of(*p, i)] += *c as f64 * weight.map_or(1.0, |w| w(*p));
            }
            let total: f64 = shares[1..].iter().sum();
            let k = (shares.len() - 1) as f64;
            shares[0] = 1.0;
            for s in &mut shares[1..] {
                // Additive smoothing by one pseudo-pair spread over the
                // levels, floored: unseen levels stay possible.
                *s = ((*s + 1.0 / k) / (total + 1.0)).max(MIN_PROBABILITY);
            }
            shares
        })
        .collect()
}

struct EmResult {
    m: Vec<Vec<f64>>,
    lambda: f64,
    iterations: usize,
    converged: bool,
}

/// EM over pattern counts of the blocked pairs, estimating m, the blocked
/// pairs' own u (which differs from the random-pair u: blocked non-matches
/// agree on the blocking keys far more often) and the match share. Only
/// m is kept; scoring uses the random-pair u.
///
/// EM finds a local optimum near where it starts, and blocked pairs hold a
/// second strong structure besides "same person": people of one household
/// share phone and address. Started from m/u guesses, EM can settle on
/// "same household" as its match class. So it starts from a labeling
/// instead: a pair is a likely match when it agrees on at least two
/// things a person has alone (name, birth date, ID number, mailbox).
fn expectation_maximization(
    fields: &[Field],
    counts: &PatternCounts,
    opts: &TrainOptions,
    progress: Progress,
) -> EmResult {
    let patterns: Vec<(Pattern, f64)> = counts.iter().map(|(p, c)| (*p, *c as f64)).collect();
    let total: f64 = patterns.iter().map(|(_, c)| c).sum();
    let mut posterior: BTreeMap<Pattern, f64> =
        patterns.iter().map(|(p, _)| (*p, if personal_agreements(fields, *p) >= 2 { 0.95 } else { 0.05 })).collect();
    let mut m: Vec<Vec<f64>> = Vec::new();
    let mut iterations = 0;
    let mut converged = false;
    let mut lambda = 0.0;
    while iterations < opts.max_em_iterations {
        // Each round is one call: up to max_em_iterations of them, so a
        // cancel (statement_timeout) is noticed between any two.
        progress("EM iterations", iterations, opts.max_em_iterations);
        iterations += 1;
        // M-step from the current posteriors.
        let post = |p: Pattern| posterior[&p];
        let not_post = |p: Pattern| 1.0 - posterior[&p];
        let new_m = level_shares(fields, counts, Some(&post));
        let u = level_shares(fields, counts, Some(&not_post));
        lambda = (patterns.iter().map(|(p, c)| c * posterior[p]).sum::<f64>() / total).clamp(1e-9, 1.0 - 1e-9);
        let delta = if m.is_empty() {
            f64::INFINITY
        } else {
            m.iter()
                .zip(&new_m)
                .flat_map(|(a, b): (&Vec<f64>, &Vec<f64>)| a.iter().zip(b).map(|(x, y)| (x - y).abs()))
                .fold(0.0, f64::max)
        };
        m = new_m;
        if delta < opts.em_tolerance {
            converged = true;
            break;
        }
        // E-step.
        for (p, _) in &patterns {
            let (mut pm, mut pu) = (lambda, 1.0 - lambda);
            for i in 0..fields.len() {
                let l = level_of(*p, i);
                pm *= m[i][l];
                pu *= u[i][l];
            }
            posterior.insert(*p, pm / (pm + pu));
        }
    }
    EmResult { m, lambda, iterations, converged }
}

/// How many person-level identifiers agree in pattern `p`: a name at
/// least similar, the birth date (or its day and month swapped), the ID
/// number (or one edit), the mailbox. Phone and address are not among
/// them: people who live together share those. Nor is a family name,
/// unless a given name is missing: then it is all of the name there is,
/// as a full name with only a family name in it would be.
pub fn personal_agreements(fields: &[Field], p: Pattern) -> usize {
    let given_missing = fields.iter().position(|f| *f == Field::GivenName).is_some_and(|i| level_of(p, i) == 0);
    fields
        .iter()
        .enumerate()
        .filter(|(i, f)| {
            let l = level_of(p, *i);
            match f {
                Field::Name | Field::GivenName => (1..=4).contains(&l),
                Field::FamilyName => given_missing && (1..=4).contains(&l),
                Field::BirthDate => (1..=3).contains(&l),
                Field::NationalId => (1..=3).contains(&l),
                Field::Email => l == 1,
                _ => false,
            }
        })
        .count()
}

/// The frequent names with their share of rows, and the share used for
/// every other name (as if seen `min_name_count - 1` times, at least once).
fn name_frequencies(records: &[Record], opts: &TrainOptions) -> (BTreeMap<String, f64>, f64) {
    let counts = name_counts(records);
    let n = records.len() as f64;
    let mut frequent: Vec<(&str, u32)> =
        counts.into_iter().filter(|(_, c)| *c as usize >= opts.min_name_count.max(1)).collect();
    frequent.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    frequent.truncate(opts.max_names);
    let rare = (opts.min_name_count.max(2) - 1) as f64 / n;
    (frequent.into_iter().map(|(k, c)| (k.to_string(), c as f64 / n)).collect(), rare)
}

/// How many records carry each name key.
pub fn name_counts(records: &[Record]) -> HashMap<&str, u32> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for key in records.iter().flat_map(name_keys) {
        *counts.entry(key).or_default() += 1;
    }
    counts
}

/// Which rows of a table larger than `sample_rows` train learns from: each
/// row by a hash of its id and the seed, so the same seed and rows give
/// the same sample whatever the physical order of the table (and after a
/// dump and restore). About `wanted` rows are kept; u and m are shares
/// among pairs and the name frequencies shares among rows, so a random
/// sample estimates them all, and the prior (a share of all pairs) too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowSample {
    seed: u64,
    /// Rows whose hash is below this are kept.
    threshold: u64,
}

impl RowSample {
    /// The sample of about `wanted` of `total` rows; `None` when all of
    /// them are wanted.
    pub fn new(seed: u64, wanted: usize, total: usize) -> Option<RowSample> {
        (total > wanted).then(|| RowSample {
            seed,
            threshold: ((wanted as u128) << 64).div_ceil(total as u128).min(u128::from(u64::MAX)) as u64,
        })
    }

    pub fn keeps(&self, id: &str) -> bool {
        Self::keeps_with(self.seed, self.threshold, id)
    }

    /// The seed and threshold that decide the sample, to decide it
    /// elsewhere (SQL's `in_sample`, run where the rows are).
    pub fn parts(&self) -> (u64, u64) {
        (self.seed, self.threshold)
    }

    /// Whether the sample of [`RowSample::parts`] `(seed, threshold)` keeps `id`.
    pub fn keeps_with(seed: u64, threshold: u64, id: &str) -> bool {
        super::rng::SplitMix64::new(name_hash(id) ^ seed).next_u64() < threshold
    }
}

/// The name keys of a record (see [`name_counts`]).
pub fn name_keys(r: &Record) -> impl Iterator<Item = &str> {
    let name = r.name.as_ref().map(|_| r.name_key.as_str());
    name.into_iter().chain([&r.given, &r.family].into_iter().flatten().map(|p| p.frequency_key.as_str()))
}

/// A name key's 64-bit FNV-1a hash: how batch matching counts names
/// without holding every name's text ([`NameFrequency::Hashed`]). Two
/// names in a table of 100M distinct ones share a hash with odds of about
/// 3 in 10,000; they would then count as one name.
pub fn name_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Where a scorer learns how common a name is.
pub enum NameFrequency<'a> {
    /// Counts over the whole table being deduplicated, with its row count.
    Counted(&'a HashMap<&'a str, u32>, usize),
    /// The same, counted by [`name_hash`] of each key.
    Hashed(&'a HashMap<u64, u32>, usize),
    /// The model's list of frequent names.
    Model,
}

/// One field's part in a pair's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldScore {
    pub field: Field,
    pub level: &'static str,
    pub m: Option<f64>,
    pub u: Option<f64>,
    /// Bits of evidence (0 for `null`).
    pub weight: f64,
    /// For names agreeing exactly: the name's frequency, which replaced u.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_frequency: Option<f64>,
}

/// A pair's score and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub prior_weight: f64,
    pub fields: Vec<FieldScore>,
    pub match_weight: f64,
    pub probability: f64,
}

impl Model {
    /// For a name field, the key under which `a`'s name is counted (see
    /// [`name_counts`]): names agreeing exactly are weighed by how common
    /// the name is, not by the average.
    fn frequency_key(field: Field, a: &Record) -> Option<&str> {
        match field {
            Field::Name => Some(&a.name_key),
            Field::GivenName => a.given.as_ref().map(|p| p.frequency_key.as_str()),
            Field::FamilyName => a.family.as_ref().map(|p| p.frequency_key.as_str()),
            _ => None,
        }
    }

    fn prior_weight(&self) -> f64 {
        (self.prior / (1.0 - self.prior)).log2()
    }

    fn name_frequency(&self, key: &str, tf: &NameFrequency) -> f64 {
        match tf {
            NameFrequency::Counted(counts, n) => counts.get(key).map_or(1.0, |c| f64::from(*c)) / (*n).max(1) as f64,
            NameFrequency::Hashed(counts, n) => {
                counts.get(&name_hash(key)).map_or(1.0, |c| f64::from(*c)) / (*n).max(1) as f64
            }
            NameFrequency::Model => self.name_frequencies.get(key).copied().unwrap_or(self.rare_name_frequency),
        }
    }

    /// Match weight (log2 odds) of a pair with levels `p`.
    pub fn match_weight(&self, p: Pattern, a: &Record, tf: &NameFrequency) -> f64 {
        let mut w = self.prior_weight();
        for (i, f) in self.fields.iter().enumerate() {
            let l = level_of(p, i);
            if l == 0 {
                continue;
            }
            let lp = &f.levels[l - 1];
            w += match Model::frequency_key(f.field, a).filter(|_| l == 1) {
                Some(key) => (lp.m / self.name_frequency(key, tf).max(MIN_PROBABILITY)).log2(),
                None => lp.weight,
            };
        }
        w
    }

    /// Probability that `a` and `b` are the same person.
    pub fn probability(&self, a: &Record, b: &Record, tf: &NameFrequency) -> f64 {
        self.scorer().score(a, b, tf).probability
    }

    /// The scorer of pairs with this model (see [`Scorer`]).
    pub fn scorer(&self) -> Scorer<'_> {
        Scorer { model: self, fields: self.field_list() }
    }

    /// Each field's level, m, u and weight for the pair, and the total.
    pub fn explain(&self, a: &Record, b: &Record, tf: &NameFrequency) -> Explanation {
        let fields = self.field_list();
        let p = pattern(&fields, a, b);
        let scores = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let l = level_of(p, i);
                let level = f.field.label(l);
                if l == 0 {
                    return FieldScore { field: f.field, level, m: None, u: None, weight: 0.0, name_frequency: None };
                }
                let lp = &f.levels[l - 1];
                if let Some(key) = Model::frequency_key(f.field, a).filter(|_| l == 1) {
                    let tf = self.name_frequency(key, tf).max(MIN_PROBABILITY);
                    FieldScore {
                        field: f.field,
                        level,
                        m: Some(lp.m),
                        u: Some(lp.u),
                        weight: (lp.m / tf).log2(),
                        name_frequency: Some(tf),
                    }
                } else {
                    FieldScore {
                        field: f.field,
                        level,
                        m: Some(lp.m),
                        u: Some(lp.u),
                        weight: lp.weight,
                        name_frequency: None,
                    }
                }
            })
            .collect();
        let match_weight = self.match_weight(p, a, tf);
        Explanation {
            prior_weight: self.prior_weight(),
            fields: scores,
            match_weight,
            probability: probability_of(match_weight),
        }
    }
}

/// Probability from a match weight (log2 odds).
pub fn probability_of(weight: f64) -> f64 {
    1.0 / (1.0 + (-weight).exp2())
}

/// A pair as every matching decision reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    /// The pair's match weight (log2 odds), from its levels and the name
    /// frequencies.
    pub match_weight: f64,
    /// [`probability_of`] the weight: that the two records are one person.
    pub probability: f64,
    /// Whether anything personal agrees ([`personal_agreements`]): a
    /// probable pair on which nothing personal agrees looks like two people
    /// of one household, and goes to review instead of into a cluster.
    pub personal: bool,
}

/// Scores pairs of records with a model: the one place where a pair's
/// levels, weight, probability and personal agreement are worked out, for
/// every way of matching (batch `dedupe` on one node, in bounded memory,
/// incrementally and on Citus workers; `match_row`; new rows matched on
/// insert). Made once per batch of pairs ([`Model::scorer`]): it holds the
/// model's fields in order.
pub struct Scorer<'m> {
    model: &'m Model,
    fields: Vec<Field>,
}

impl Scorer<'_> {
    /// The score of the pair (`a`, `b`); `a`'s names' frequencies weigh an
    /// exact name agreement (the earlier row of a pair, by convention).
    pub fn score(&self, a: &Record, b: &Record, tf: &NameFrequency) -> PairScore {
        let levels = pattern(&self.fields, a, b);
        self.scored(levels, self.model.match_weight(levels, a, tf))
    }

    /// The score when it reaches `min_probability`, `None` below it (most
    /// candidate pairs of a batch: they skip the personal check).
    pub fn score_at_least(
        &self,
        a: &Record,
        b: &Record,
        tf: &NameFrequency,
        min_probability: f64,
    ) -> Option<PairScore> {
        let levels = pattern(&self.fields, a, b);
        let match_weight = self.model.match_weight(levels, a, tf);
        (probability_of(match_weight) >= min_probability).then(|| self.scored(levels, match_weight))
    }

    /// Whether anything personal agrees between `a` and `b` (the `personal`
    /// of their score, without weighing the pair).
    pub fn agrees_on_something_personal(&self, a: &Record, b: &Record) -> bool {
        personal_agreements(&self.fields, pattern(&self.fields, a, b)) > 0
    }

    fn scored(&self, levels: Pattern, match_weight: f64) -> PairScore {
        PairScore {
            match_weight,
            probability: probability_of(match_weight),
            personal: personal_agreements(&self.fields, levels) > 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_sample_is_its_size_and_the_same_whatever_the_order() {
        assert_eq!(RowSample::new(42, 10, 10), None);
        let sample = RowSample::new(42, 100_000, 1_000_000).unwrap();
        let ids: Vec<String> = (0..1_000_000).map(|i| i.to_string()).collect();
        let kept: Vec<&String> = ids.iter().filter(|id| sample.keeps(id)).collect();
        assert!((99_000..=101_000).contains(&kept.len()), "{} kept", kept.len());
        // in another order, the same rows
        let again: Vec<&String> = ids.iter().rev().filter(|id| sample.keeps(id)).collect();
        assert_eq!(again.into_iter().rev().collect::<Vec<_>>(), kept);
        // another seed, another sample
        let other = RowSample::new(7, 100_000, 1_000_000).unwrap();
        assert!(kept.iter().filter(|id| other.keeps(id)).count() < 20_000);
        // all but one
        let nearly = RowSample::new(1, 999, 1000).unwrap();
        assert!(ids[..1000].iter().filter(|id| nearly.keeps(id)).count() >= 990);
    }

    fn pattern_of(levels: &[u8]) -> Pattern {
        levels.iter().enumerate().map(|(i, l)| Pattern::from(*l) << (4 * i)).sum()
    }

    fn train_error(options: serde_json::Value) -> String {
        TrainOptions::parse(&options).unwrap_err().to_string()
    }

    #[test]
    fn every_train_option_is_range_checked_at_both_ends() {
        use serde_json::json;
        assert_eq!(TrainOptions::parse(&json!({})), Ok(TrainOptions::default()));
        // (key, lowest accepted, highest accepted, expected text)
        let cases: [(&str, u64, u64, &str); 7] = [
            ("seed", 0, u64::MAX, "an integer between 0 and 18446744073709551615"),
            ("random_pairs", 1, 100_000_000, "an integer between 1 and 100000000"),
            ("max_em_iterations", 1, 10_000, "an integer between 1 and 10000"),
            ("max_block_size", 2, 100_000, "an integer between 2 and 100000"),
            ("min_name_count", 1, 1_000_000, "an integer between 1 and 1000000"),
            ("max_names", 0, 1_000_000, "an integer between 0 and 1000000"),
            ("threads", 0, 8, "an integer between 0 and 8"),
        ];
        for (key, min, max, expected) in cases {
            assert!(TrainOptions::parse(&json!({ key: min })).is_ok(), "{key} = {min}");
            assert!(TrainOptions::parse(&json!({ key: max })).is_ok(), "{key} = {max}");
            let below = if min == 0 { json!(-1) } else { json!(min - 1) };
            assert_eq!(
                train_error(json!({ key: below })),
                format!("train: option \"{key}\" must be {expected}, not {below}")
            );
            // max + 1 (for seed, 2^64: past u64, so JSON reads it as a float)
            let above = if max == u64::MAX { json!(18446744073709551616.0) } else { json!(max + 1) };
            assert_eq!(
                train_error(json!({ key: above })),
                format!("train: option \"{key}\" must be {expected}, not {above}")
            );
            for wrong in [json!("1"), json!(true), json!(null), json!([]), json!({}), json!(1.5), json!(1e30)] {
                assert_eq!(
                    train_error(json!({ key: wrong })),
                    format!("train: option \"{key}\" must be {expected}, not {wrong}")
                );
            }
        }
        let parsed =
            TrainOptions::parse(&json!({"seed": u64::MAX, "random_pairs": 100_000_000, "threads": 8})).unwrap();
        assert_eq!((parsed.seed, parsed.random_pairs, parsed.threads), (u64::MAX, 100_000_000, 8));
    }

    #[test]
    fn the_issue_15_call_and_the_tolerance() {
        use crate::SqlError;
        use serde_json::json;
        let e = TrainOptions::parse(&json!({"random_pairs": 100_000_000_000_u64})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "train: option \"random_pairs\" must be an integer between 1 and 100000000, not 100000000000"
        );
        assert_eq!(e.class(), crate::ErrorClass::InvalidParameterValue);
        assert_eq!(
            e.hint(),
            "\"random_pairs\" sets how many random pairs are compared to learn the u-probabilities; the default is 1000000"
        );
        let tol = "train: option \"em_tolerance\" must be a number greater than 0 and less than 1, not";
        assert_eq!(TrainOptions::parse(&json!({"em_tolerance": 1e-300})).unwrap().em_tolerance, 1e-300);
        assert_eq!(TrainOptions::parse(&json!({"em_tolerance": 0.999999})).unwrap().em_tolerance, 0.999999);
        assert_eq!(train_error(json!({"em_tolerance": 0})), format!("{tol} 0"));
        assert_eq!(train_error(json!({"em_tolerance": 1})), format!("{tol} 1"));
        assert_eq!(train_error(json!({"em_tolerance": -1e-9})), format!("{tol} -1e-9"));
        assert_eq!(train_error(json!({"em_tolerance": "NaN"})), format!("{tol} \"NaN\""));
        assert_eq!(train_error(json!({"em_tolerance": null})), format!("{tol} null"));
        assert_eq!(train_error(json!({"random_pairs": 10, "sead": 1})), "train: unknown option \"sead\"");
        assert_eq!(train_error(json!([])), "train: options must be a JSON object, not []");
        assert_eq!(train_error(json!("x")), "train: options must be a JSON object, not \"x\"");
    }

    #[test]
    fn em_reports_every_iteration_so_a_cancel_is_seen() {
        // Two fields, a few patterns; a tolerance no round can meet.
        let fields = [Field::Phone, Field::Email];
        let counts: PatternCounts =
            [(pattern_of(&[1, 1]), 10), (pattern_of(&[1, 3]), 5), (pattern_of(&[3, 3]), 100)].into_iter().collect();
        let opts = TrainOptions { max_em_iterations: 50, em_tolerance: 1e-300, ..TrainOptions::default() };
        let mut calls = Vec::new();
        let em = expectation_maximization(&fields, &counts, &opts, &mut |step, done, total| {
            calls.push((step.to_string(), done, total))
        });
        assert_eq!(em.iterations, calls.len());
        assert_eq!(calls.first(), Some(&("EM iterations".to_string(), 0, 50)));
        // A cancel raised in the callback (a panic here) stops EM at once.
        let stopped = std::panic::catch_unwind(|| {
            expectation_maximization(&fields, &counts, &opts, &mut |_, done, _| assert!(done < 3, "cancel"))
        });
        assert!(stopped.is_err());
    }

    #[test]
    fn rows_sharing_no_key_are_refused_rather_than_a_model_with_no_prior() {
        use crate::date::Date;
        use crate::matching::RecordSchema;
        use crate::profile::{Profile, TableColumn};
        use serde_json::json;
        let columns = json!({"id": "id", "name": "n", "phone": "p"});
        let table: Vec<TableColumn> =
            ["id", "n", "p"].iter().map(|c| TableColumn { name: c.to_string(), is_text: true }).collect();
        let profile = Profile::parse(&columns, &json!({}), &table).unwrap();
        let schema = RecordSchema::from_profile(&profile, Date::new(2026, 12, 3).unwrap());
        // Names alone make no key, and phones without a region do not parse.
        let records: Vec<Record> = (0..50)
            .map(|i| schema.record(&[Some(&format!("name {}", i % 7)), Some(&format!("1380013800{}", i % 10))]))
            .collect();
        let trained =
            Model::train(&records, &schema.fields(), 7, &TrainOptions::default(), usize::MAX, &mut |_, _, _| {});
        assert_eq!(trained.err(), Some(ModelError::NoBlockedPairs));
    }

    #[test]
    fn a_family_name_is_personal_only_without_given_names() {
        let fields = [Field::GivenName, Field::FamilyName, Field::Location];
        // Same family name and address, given names differ: a household.
        assert_eq!(personal_agreements(&fields, pattern_of(&[5, 1, 1])), 0);
        // No given name on one side: the family name is all the name.
        assert_eq!(personal_agreements(&fields, pattern_of(&[0, 1, 1])), 1);
        assert_eq!(personal_agreements(&fields, pattern_of(&[1, 5, 1])), 1);
        assert_eq!(personal_agreements(&[Field::Name, Field::Location], pattern_of(&[1, 1])), 1);
    }
}
