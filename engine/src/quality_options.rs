//! The dimensions of data quality and a table's targets and weights for
//! them (`register`'s `options.quality`): a profile option, read when the
//! profile is, apart from [`crate::quality`] (which measures rows and reads
//! profiles) so that the profile does not import what imports it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::options::{FloatRange, IntRange, OptionError, Options};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Completeness,
    Validity,
    Consistency,
    Timeliness,
    Uniqueness,
    Overall,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::Completeness,
        Dimension::Validity,
        Dimension::Consistency,
        Dimension::Timeliness,
        Dimension::Uniqueness,
        Dimension::Overall,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Completeness => "completeness",
            Dimension::Validity => "validity",
            Dimension::Consistency => "consistency",
            Dimension::Timeliness => "timeliness",
            Dimension::Uniqueness => "uniqueness",
            Dimension::Overall => "overall",
        }
    }

    pub fn parse(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// The profile's `options.quality`: targets per dimension (NULL: none),
/// weights of the dimensions in scores, and the timeliness window.
#[derive(Debug, Clone, PartialEq)]
pub struct QualityOptions {
    pub targets: BTreeMap<Dimension, Option<f64>>,
    pub weights: BTreeMap<Dimension, f64>,
    pub timeliness_days: i64,
}

impl Default for QualityOptions {
    fn default() -> Self {
        QualityOptions { targets: BTreeMap::new(), weights: BTreeMap::new(), timeliness_days: 365 }
    }
}

impl Eq for QualityOptions {}

/// The names of the dimensions, the keys of `quality.targets` and `quality.weights`.
pub const DIMENSIONS: &[&str] = &["completeness", "validity", "consistency", "timeliness", "uniqueness", "overall"];

/// The keys of `register`'s `options.quality`.
pub const QUALITY_OPTIONS: &[&str] = &["targets", "weights", "timeliness_days"];

/// A target is a share of rows: 0 to 1.
pub const TARGET_RANGE: FloatRange = FloatRange::closed(0.0, 1.0);
/// Weights are relative (divided by the largest); a million to one is
/// already more than any report can show, and a bound keeps sums finite.
pub const WEIGHT_RANGE: FloatRange = FloatRange::closed(0.0, 1_000_000.0);
/// Days of the timeliness window: up to 100 years (a row older than that
/// is stale under any policy).
pub const TIMELINESS_DAYS_RANGE: IntRange = IntRange { min: 0, max: 36_525 };

impl QualityOptions {
    /// Reads `options.quality` of `register`; every key and number is
    /// checked (22023 naming e.g. `quality.targets.validity`).
    pub fn parse(value: &serde_json::Value) -> Result<QualityOptions, OptionError> {
        let o = Options::nested("register", "quality", value, QUALITY_OPTIONS)?;
        let mut out = QualityOptions::default();
        let per_dimension = |key: &str| -> Result<Vec<(Dimension, &serde_json::Value)>, OptionError> {
            let Some(v) = o.get(key) else { return Ok(vec![]) };
            let map = v.as_object().ok_or_else(|| {
                o.out_of_range(
                    &format!("quality.{key}"),
                    "a JSON object keyed by dimension".into(),
                    v,
                    "a value per dimension",
                    "{}",
                )
            })?;
            map.iter()
                .map(|(d, x)| {
                    Dimension::parse(d).map(|d| (d, x)).ok_or_else(|| OptionError::UnknownKey {
                        function: "register",
                        key: format!("quality.{key}.{}", d.chars().take(100).collect::<String>()),
                        known: DIMENSIONS,
                    })
                })
                .collect()
        };
        for (d, t) in per_dimension("targets")? {
            // null: no target for the dimension.
            let target = if t.is_null() {
                None
            } else {
                let key = format!("quality.targets.{}", d.as_str());
                Some(t.as_f64().filter(|x| TARGET_RANGE.contains(*x)).ok_or_else(|| {
                    o.out_of_range(
                        &key,
                        format!("{} or null", TARGET_RANGE.expected()),
                        t,
                        "the share of rows the dimension should reach",
                        "none, or 0.98 for completeness and validity, 0.95 for timeliness",
                    )
                })?)
            };
            out.targets.insert(d, target);
        }
        for (d, w) in per_dimension("weights")? {
            let key = format!("quality.weights.{}", d.as_str());
            let weight = w.as_f64().filter(|x| WEIGHT_RANGE.contains(*x)).ok_or_else(|| {
                o.out_of_range(&key, WEIGHT_RANGE.expected(), w, "the dimension's weight in row scores", "1")
            })?;
            out.weights.insert(d, weight);
        }
        out.timeliness_days = o.integer(
            "timeliness_days",
            TIMELINESS_DAYS_RANGE,
            365,
            "how many days since updated_at a row stays timely",
        )? as i64;
        Ok(out)
    }

    /// The target of `dimension`: the profile's, else completeness,
    /// validity 0.98 and timeliness 0.95, else none.
    pub fn target(&self, dimension: Dimension) -> Option<f64> {
        match self.targets.get(&dimension) {
            Some(t) => *t,
            None => match dimension {
                Dimension::Completeness | Dimension::Validity => Some(0.98),
                Dimension::Timeliness => Some(0.95),
                _ => None,
            },
        }
    }

    /// The weight of `dimension` in scores (default 1).
    pub fn weight(&self, dimension: Dimension) -> f64 {
        self.weights.get(&dimension).copied().unwrap_or(1.0)
    }
}
