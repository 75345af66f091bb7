//! Data quality (SPEC §2.6): what is wrong with each row, per dimension,
//! and the table's report against its targets.
//!
//! Dimensions and what counts against them:
//! - completeness: a profiled column (not the id) that is empty;
//! - validity: a present value with an error from a format, regex,
//!   allowed-values, range or length rule of its column;
//! - consistency: a finding (error or warning) of a cross-field rule (ID
//!   vs birth date and gender, phone vs country);
//! - timeliness: the `updated_at` value older than the window (default 365
//!   days) or missing;
//! - uniqueness: the row is in a cluster of duplicates (beyond its first
//!   row), or shares an identifier (phone, e-mail, ID) with an earlier row
//!   (the SQL layer counts those; they need the whole table).
//!
//! Values are fractions in [0, 1]; the overall score is the weighted mean
//! of the dimensions' mean values.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::clean::clean_row;
use crate::date::{normalize_date, Date};
use crate::error::{ErrorClass, SqlError};
use crate::profile::Role;
use crate::rules::{Context, Rule, RuleClass, Severity};

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
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
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

impl QualityOptions {
    pub fn parse(value: &serde_json::Value) -> Result<QualityOptions, QualityError> {
        let o: QualityOptions =
            serde_json::from_value(value.clone()).map_err(|e| QualityError::BadOptions(e.to_string()))?;
        if let Some((d, t)) = o.targets.iter().find(|(_, t)| t.is_some_and(|t| !(0.0..=1.0).contains(&t))) {
            return Err(QualityError::BadOptions(format!("target of {} must be between 0 and 1, not {}", d.as_str(), t.unwrap_or(0.0))));
        }
        if let Some((d, w)) = o.weights.iter().find(|(_, w)| !(w.is_finite() && **w >= 0.0)) {
            return Err(QualityError::BadOptions(format!("weight of {} must be a number >= 0, not {w}", d.as_str())));
        }
        if o.timeliness_days < 0 {
            return Err(QualityError::BadOptions(format!("timeliness_days must be >= 0, not {}", o.timeliness_days)));
        }
        Ok(o)
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

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QualityError {
    #[error("invalid profile option \"quality\": {0}")]
    BadOptions(String),
}

impl SqlError for QualityError {
    fn class(&self) -> ErrorClass {
        ErrorClass::InvalidParameterValue
    }
    fn hint(&self) -> String {
        "e.g. {\"targets\": {\"validity\": 0.99, \"uniqueness\": 0.95}, \"weights\": {\"timeliness\": 0.5}, \"timeliness_days\": 730}".into()
    }
}

/// One problem of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub dimension: Dimension,
    /// Index of the column in the row layout.
    #[serde(skip)]
    pub index: usize,
    pub column: String,
    pub code: String,
    pub value: Option<String>,
}

/// What one row contributes to the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowQuality {
    pub problems: Vec<Problem>,
    /// Whether `updated_at` is within the window (None: no such role).
    pub timely: Option<bool>,
}

/// What is measured of a table, worked out once from its profile and rules.
pub struct Measures<'a> {
    pub ctx: &'a Context<'a>,
    pub rules: &'a [Rule],
    /// Layout indexes of the columns measured for completeness (every
    /// profiled column but the id), with whether a rule requires them.
    pub completeness: Vec<(usize, bool)>,
    /// Layout indexes of the columns with validity rules.
    pub validity: Vec<usize>,
    /// Layout indexes of the columns with cross-field rules.
    pub consistency: Vec<usize>,
    /// Layout index of the `updated_at` column, and the oldest date that
    /// is still timely.
    pub timeliness: Option<(usize, Date)>,
}

impl<'a> Measures<'a> {
    pub fn new(ctx: &'a Context<'a>, rules: &'a [Rule], options: &QualityOptions) -> Measures<'a> {
        let layout = &ctx.layout.columns;
        let id = ctx.profile.id_column();
        // Validity and completeness count errors only (a warning such as a
        // likely e-mail typo is not an invalid value); a cross-field
        // disagreement is an inconsistency at any severity.
        let measured_by = |class: RuleClass| -> Vec<usize> {
            let mut v: Vec<usize> = rules
                .iter()
                .filter(|r| r.class() == class && (r.severity == Severity::Error || class == RuleClass::Consistency))
                .filter_map(|r| ctx.layout.index(&r.column))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let required = measured_by(RuleClass::Required);
        let completeness = ctx
            .profile
            .bindings
            .iter()
            .filter(|b| b.column != id)
            .filter_map(|b| ctx.layout.index(&b.column))
            .chain(required.iter().copied().filter(|&i| layout[i] != id))
            .fold(Vec::new(), |mut v: Vec<usize>, i| {
                if !v.contains(&i) {
                    v.push(i);
                }
                v
            })
            .into_iter()
            .map(|i| (i, required.contains(&i)))
            .collect();
        let timeliness = ctx.profile.column(Role::UpdatedAt).and_then(|b| layout.iter().position(|c| *c == b.column)).map(
            |i| (i, Date::from_days_since_epoch(ctx.today.days_since_epoch() - options.timeliness_days)),
        );
        Measures {
            ctx,
            rules,
            completeness,
            validity: measured_by(RuleClass::Validity),
            consistency: measured_by(RuleClass::Consistency),
            timeliness,
        }
    }

    /// The problems of `row` (values in layout order, as stored).
    pub fn assess(&self, row: &[Option<String>]) -> RowQuality {
        let layout = &self.ctx.layout.columns;
        let mut problems: Vec<Problem> = self
            .completeness
            .iter()
            .filter(|(i, _)| row[*i].as_deref().is_none_or(crate::text::is_blank))
            .map(|&(i, _)| Problem {
                dimension: Dimension::Completeness,
                index: i,
                column: layout[i].clone(),
                code: "missing".into(),
                value: None,
            })
            .collect();
        // The rules judge the row as the cleaning trigger would: normalized.
        let mut values = row.to_vec();
        let cleaned = clean_row(&mut values, self.rules, self.ctx);
        for f in &cleaned.findings {
            let class = f.rule_id.and_then(|id| self.rules.iter().find(|r| r.rule_id == id)).map(Rule::class);
            let dimension = match class {
                Some(RuleClass::Validity) if f.severity == Severity::Error => Dimension::Validity,
                Some(RuleClass::Consistency) => Dimension::Consistency,
                _ => continue, // `required`: counted as completeness above
            };
            let Some(index) = self.ctx.layout.index(&f.column) else { continue };
            problems.push(Problem { dimension, index, column: f.column.clone(), code: f.code.clone(), value: row[index].clone() });
        }
        let timely = self.timeliness.map(|(i, oldest)| {
            let date = row[i].as_deref().and_then(|v| normalize_date(v, crate::date::DateOrder::Ymd));
            let timely = date.is_some_and(|d| d >= oldest);
            if !timely {
                problems.push(Problem {
                    dimension: Dimension::Timeliness,
                    index: i,
                    column: layout[i].clone(),
                    code: if date.is_some() { "stale" } else { "no_update_date" }.into(),
                    value: row[i].clone(),
                });
            }
            timely
        });
        RowQuality { problems, timely }
    }
}

/// Counts over the rows, per layout column.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub rows: u64,
    pub present: Vec<u64>,
    /// Present values with a validity (or consistency) problem.
    pub invalid: Vec<u64>,
    pub inconsistent: Vec<u64>,
    pub timely: u64,
}

impl Tally {
    pub fn new(columns: usize) -> Tally {
        Tally { rows: 0, present: vec![0; columns], invalid: vec![0; columns], inconsistent: vec![0; columns], timely: 0 }
    }

    pub fn add(&mut self, row: &[Option<String>], q: &RowQuality) {
        self.rows += 1;
        for (i, v) in row.iter().enumerate() {
            if v.as_deref().is_some_and(|v| !crate::text::is_blank(v)) {
                self.present[i] += 1;
            }
        }
        // one count per row and column, however many rules failed
        let mut seen: Vec<(Dimension, usize)> = Vec::new();
        for p in &q.problems {
            if seen.contains(&(p.dimension, p.index)) {
                continue;
            }
            seen.push((p.dimension, p.index));
            match p.dimension {
                Dimension::Validity => self.invalid[p.index] += 1,
                Dimension::Consistency => self.inconsistent[p.index] += 1,
                _ => {}
            }
        }
        if q.timely == Some(true) {
            self.timely += 1;
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.rows += other.rows;
        for (a, b) in self.present.iter_mut().zip(&other.present) {
            *a += b;
        }
        for (a, b) in self.invalid.iter_mut().zip(&other.invalid) {
            *a += b;
        }
        for (a, b) in self.inconsistent.iter_mut().zip(&other.inconsistent) {
            *a += b;
        }
        self.timely += other.timely;
    }
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub dimension: Dimension,
    pub column: Option<String>,
    /// NULL when nothing was measured (no present value to validate).
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub failing_rows: i64,
}

impl Line {
    pub fn passed(&self) -> Option<bool> {
        Some(self.value? >= self.target?)
    }
}

fn share(good: u64, of: u64) -> Option<f64> {
    (of > 0).then(|| good as f64 / of as f64)
}

/// The report lines for completeness, validity, consistency and
/// timeliness from `tally`; `uniqueness` lines (counted by the SQL layer)
/// are appended as given, then the overall line.
pub fn report(measures: &Measures, tally: &Tally, uniqueness: Vec<Line>, options: &QualityOptions) -> Vec<Line> {
    let layout = &measures.ctx.layout.columns;
    let mut lines = Vec::new();
    for &(i, required) in &measures.completeness {
        lines.push(Line {
            dimension: Dimension::Completeness,
            column: Some(layout[i].clone()),
            value: share(tally.present[i], tally.rows).or(Some(1.0)),
            target: if required { options.target(Dimension::Completeness) } else { None },
            failing_rows: (tally.rows - tally.present[i]) as i64,
        });
    }
    for &i in &measures.validity {
        lines.push(Line {
            dimension: Dimension::Validity,
            column: Some(layout[i].clone()),
            value: share(tally.present[i] - tally.invalid[i].min(tally.present[i]), tally.present[i]),
            target: options.target(Dimension::Validity),
            failing_rows: tally.invalid[i] as i64,
        });
    }
    for &i in &measures.consistency {
        lines.push(Line {
            dimension: Dimension::Consistency,
            column: Some(layout[i].clone()),
            value: share(tally.present[i] - tally.inconsistent[i].min(tally.present[i]), tally.present[i]),
            target: options.target(Dimension::Consistency),
            failing_rows: tally.inconsistent[i] as i64,
        });
    }
    if let Some((i, _)) = measures.timeliness {
        lines.push(Line {
            dimension: Dimension::Timeliness,
            column: Some(layout[i].clone()),
            value: share(tally.timely, tally.rows).or(Some(1.0)),
            target: options.target(Dimension::Timeliness),
            failing_rows: (tally.rows - tally.timely) as i64,
        });
    }
    lines.extend(uniqueness);
    lines.push(Line {
        dimension: Dimension::Overall,
        column: None,
        value: overall(&lines, options),
        target: options.target(Dimension::Overall),
        failing_rows: 0,
    });
    lines
}

/// The weighted mean, over the dimensions, of the mean of each
/// dimension's line values (lines without a value left out).
pub fn overall(lines: &[Line], options: &QualityOptions) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0.0);
    for d in Dimension::ALL.into_iter().filter(|d| *d != Dimension::Overall) {
        let values: Vec<f64> = lines.iter().filter(|l| l.dimension == d).filter_map(|l| l.value).collect();
        if values.is_empty() {
            continue;
        }
        let w = options.weight(d);
        sum += w * values.iter().sum::<f64>() / values.len() as f64;
        weights += w;
    }
    (weights > 0.0).then(|| sum / weights)
}

/// A row's score per dimension, from its problems: completeness and
/// validity and consistency as the share of its measured columns without
/// a problem, timeliness 0 or 1, uniqueness 0 when `duplicated`; and the
/// weighted mean of those, 0–100.
pub fn row_scores(measures: &Measures, row: &[Option<String>], q: &RowQuality, duplicated: bool, options: &QualityOptions) -> (f64, BTreeMap<Dimension, f64>) {
    let count = |d: Dimension| {
        let mut cols: Vec<usize> = q.problems.iter().filter(|p| p.dimension == d).map(|p| p.index).collect();
        cols.dedup();
        cols.len()
    };
    let present = |i: &usize| row[*i].as_deref().is_some_and(|v| !crate::text::is_blank(v));
    let mut scores = BTreeMap::new();
    let fraction = |bad: usize, of: usize| if of == 0 { None } else { Some(1.0 - bad.min(of) as f64 / of as f64) };
    let measured = [
        (Dimension::Completeness, fraction(count(Dimension::Completeness), measures.completeness.len())),
        (Dimension::Validity, fraction(count(Dimension::Validity), measures.validity.iter().filter(|i| present(i)).count())),
        (Dimension::Consistency, fraction(count(Dimension::Consistency), measures.consistency.iter().filter(|i| present(i)).count())),
        (Dimension::Timeliness, q.timely.map(|t| if t { 1.0 } else { 0.0 })),
        (Dimension::Uniqueness, Some(if duplicated { 0.0 } else { 1.0 })),
    ];
    let (mut sum, mut weights) = (0.0, 0.0);
    for (d, s) in measured {
        if let Some(s) = s {
            scores.insert(d, s);
            sum += options.weight(d) * s;
            weights += options.weight(d);
        }
    }
    let score = if weights > 0.0 { 100.0 * sum / weights } else { 100.0 };
    (score, scores)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Profile, TableColumn};
    use crate::rules::{default_rule_specs, RowLayout, RuleSpec};
    use serde_json::json;

    const COLUMNS: [&str; 7] = ["id", "name", "phone", "country", "dob", "national_id", "updated"];

    fn setup(options: serde_json::Value) -> (Profile, RowLayout, Vec<Rule>) {
        let cols: Vec<TableColumn> = COLUMNS.iter().map(|n| TableColumn { name: n.to_string(), is_text: true }).collect();
        let p = Profile::parse(
            &json!({"id": "id", "name": "name", "phone": "phone", "country": "country", "birth_date": "dob",
                    "national_id": "national_id", "updated_at": "updated"}),
            &options,
            &cols,
        )
        .unwrap();
        let specs: Vec<RuleSpec> = default_rule_specs(&p);
        let layout = RowLayout::new(&p, &specs);
        let names: Vec<String> = COLUMNS.map(String::from).to_vec();
        let rules = specs.iter().map(|s| Rule::compile(s, &p, &layout, &names).unwrap()).collect();
        (p, layout, rules)
    }

    fn row(layout: &RowLayout, values: &[(&str, &str)]) -> Vec<Option<String>> {
        layout.columns.iter().map(|c| values.iter().find(|(k, _)| k == c).map(|(_, v)| v.to_string())).collect()
    }

    #[test]
    fn problems_per_dimension_and_the_report() {
        let (p, layout, rules) = setup(json!({"default_region": "CN", "quality": {"targets": {"consistency": 0.9}}}));
        let ctx = Context { profile: &p, layout: &layout, today: Date::new(2026, 11, 23).unwrap() };
        let options = &p.options.quality;
        let m = Measures::new(&ctx, &rules, options);
        let rows = [
            // everything right
            row(&layout, &[("id", "1"), ("name", "张伟"), ("phone", "13812345678"), ("country", "CN"), ("dob", "1985-03-12"),
                           ("national_id", "110105198503120039"), ("updated", "2026-06-01 10:00:00")]),
            // no name, a phone that is not one, ID for another birth date, updated two years ago
            row(&layout, &[("id", "2"), ("phone", "12345"), ("country", "CN"), ("dob", "1990-01-01"),
                           ("national_id", "110105198503120039"), ("updated", "2024-11-01")]),
            // nearly empty, never updated
            row(&layout, &[("id", "3"), ("name", "Li Na")]),
        ];
        let assessed: Vec<RowQuality> = rows.iter().map(|r| m.assess(r)).collect();
        let codes = |q: &RowQuality| -> Vec<String> {
            q.problems.iter().map(|p| format!("{}:{}:{}", p.dimension.as_str(), p.column, p.code)).collect()
        };
        assert_eq!(codes(&assessed[0]), Vec::<String>::new());
        assert_eq!(
            codes(&assessed[1]),
            vec![
                "completeness:name:missing",
                "validity:phone:invalid_phone",
                "consistency:national_id:cn_id_birth_date_mismatch",
                "timeliness:updated:stale"
            ]
        );
        assert_eq!(
            codes(&assessed[2]),
            vec![
                "completeness:phone:missing",
                "completeness:country:missing",
                "completeness:dob:missing",
                "completeness:national_id:missing",
                "completeness:updated:missing",
                "timeliness:updated:no_update_date"
            ]
        );
        let mut tally = Tally::new(layout.columns.len());
        for (r, q) in rows.iter().zip(&assessed) {
            tally.add(r, q);
        }
        let uniqueness = vec![Line { dimension: Dimension::Uniqueness, column: None, value: Some(1.0), target: None, failing_rows: 0 }];
        let lines: Vec<(String, String, Option<String>, Option<f64>, Option<bool>, i64)> = report(&m, &tally, uniqueness, options)
            .into_iter()
            .map(|l| {
                let passed = l.passed();
                (l.dimension.as_str().to_string(), l.column.unwrap_or_default(), l.value.map(|v| format!("{v:.4}")), l.target, passed, l.failing_rows)
            })
            .collect();
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            lines,
            vec![
                ("completeness".into(), "name".into(), s("0.6667"), Some(0.98), Some(false), 1),
                ("completeness".into(), "phone".into(), s("0.6667"), None, None, 1),
                ("completeness".into(), "country".into(), s("0.6667"), None, None, 1),
                ("completeness".into(), "dob".into(), s("0.6667"), None, None, 1),
                ("completeness".into(), "national_id".into(), s("0.6667"), None, None, 1),
                ("completeness".into(), "updated".into(), s("0.6667"), None, None, 1),
                ("validity".into(), "phone".into(), s("0.5000"), Some(0.98), Some(false), 1),
                ("validity".into(), "country".into(), s("1.0000"), Some(0.98), Some(true), 0),
                ("validity".into(), "dob".into(), s("1.0000"), Some(0.98), Some(true), 0),
                ("validity".into(), "national_id".into(), s("1.0000"), Some(0.98), Some(true), 0),
                ("consistency".into(), "phone".into(), s("1.0000"), Some(0.9), Some(true), 0),
                ("consistency".into(), "national_id".into(), s("0.5000"), Some(0.9), Some(false), 1),
                ("timeliness".into(), "updated".into(), s("0.3333"), Some(0.95), Some(false), 2),
                ("uniqueness".into(), "".into(), s("1.0000"), None, None, 0),
                // mean of completeness 0.6667, validity 0.875, consistency 0.75, timeliness 0.3333, uniqueness 1
                ("overall".into(), "".into(), s("0.7250"), None, None, 0),
            ]
        );
        // row scores: row 2 misses 1 of 6 columns, 1 of 4 present validated values is invalid,
        // 1 of 2 cross-field checks fails, stale, not duplicated
        let (score, parts) = row_scores(&m, &rows[1], &assessed[1], false, options);
        assert_eq!(format!("{score:.2}"), "61.67");
        assert_eq!(parts[&Dimension::Completeness], 5.0 / 6.0);
        assert_eq!(parts[&Dimension::Validity], 0.75);
        assert_eq!(parts[&Dimension::Consistency], 0.5);
        assert_eq!(parts[&Dimension::Timeliness], 0.0);
        let (score, _) = row_scores(&m, &rows[0], &assessed[0], true, options);
        assert_eq!(score, 80.0);
    }

    #[test]
    fn options_are_checked() {
        let o = QualityOptions::parse(&json!({"targets": {"validity": 0.99, "uniqueness": null}, "timeliness_days": 30})).unwrap();
        assert_eq!(o.target(Dimension::Validity), Some(0.99));
        assert_eq!(o.target(Dimension::Uniqueness), None);
        assert_eq!(o.target(Dimension::Completeness), Some(0.98));
        assert_eq!(o.target(Dimension::Timeliness), Some(0.95));
        assert_eq!(o.weight(Dimension::Timeliness), 1.0);
        let err = |v| QualityOptions::parse(&v).unwrap_err().to_string();
        assert_eq!(err(json!({"targets": {"validity": 1.5}})), "invalid profile option \"quality\": target of validity must be between 0 and 1, not 1.5");
        assert_eq!(err(json!({"weights": {"validity": -1}})), "invalid profile option \"quality\": weight of validity must be a number >= 0, not -1");
        assert!(err(json!({"targets": {"freshness": 0.9}})).starts_with("invalid profile option \"quality\": unknown variant `freshness`"));
        assert!(err(json!({"window": 3})).starts_with("invalid profile option \"quality\": unknown field `window`"));
    }

    #[test]
    fn dates_back_and_forth() {
        for days in [-719_162, -1, 0, 1, 20_000, 2_932_896] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(20_415), Date::new(2025, 11, 23).unwrap());
    }
}
