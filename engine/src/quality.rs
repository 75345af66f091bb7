//! Data quality (docs/functions.md, "Quality"): what is wrong with each row, per dimension,
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

use serde::Serialize;

use crate::clean::clean_row;
use crate::date::{normalize_date, Date};
use crate::profile::Role;
use crate::row::Context;
use crate::rules::{Rule, RuleClass, Severity};

pub use crate::quality_options::{
    Dimension, QualityOptions, DIMENSIONS, QUALITY_OPTIONS, TARGET_RANGE, TIMELINESS_DAYS_RANGE, WEIGHT_RANGE,
};

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
        let timeliness = ctx
            .profile
            .column(Role::UpdatedAt)
            .and_then(|b| layout.iter().position(|c| *c == b.column))
            .map(|i| (i, Date::from_days_since_epoch(ctx.today.days_since_epoch() - options.timeliness_days)));
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
            problems.push(Problem {
                dimension,
                index,
                column: f.column.clone(),
                code: f.code.clone(),
                value: row[index].clone(),
            });
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

/// Version of [`Tally::to_bytes`]'s layout.
const TALLY_FORMAT: u8 = 1;

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
        Tally {
            rows: 0,
            present: vec![0; columns],
            invalid: vec![0; columns],
            inconsistent: vec![0; columns],
            timely: 0,
        }
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

    /// The tally as bytes, for partial sums carried between nodes (the
    /// state of SQL's `quality_tally` aggregate): a version byte, the
    /// column count, then every count as little-endian u64.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.present.len();
        let mut out = Vec::with_capacity(1 + 4 + 8 * (2 + 3 * n));
        out.push(TALLY_FORMAT);
        out.extend_from_slice(&(n as u32).to_le_bytes());
        for v in [self.rows, self.timely].iter().chain(&self.present).chain(&self.invalid).chain(&self.inconsistent) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// A tally from [`Tally::to_bytes`]; None when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Tally> {
        let (&format, rest) = bytes.split_first()?;
        let n = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let counts = rest.get(4..)?;
        if format != TALLY_FORMAT || counts.len() != 8 * (2 + 3 * n) {
            return None;
        }
        let mut values = counts.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()));
        let mut take = |k: usize| values.by_ref().take(k).collect::<Vec<u64>>();
        let head = take(2);
        Some(Tally { rows: head[0], timely: head[1], present: take(n), invalid: take(n), inconsistent: take(n) })
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
    let mut parts = Vec::new();
    for d in Dimension::ALL.into_iter().filter(|d| *d != Dimension::Overall) {
        let values: Vec<f64> = lines.iter().filter(|l| l.dimension == d).filter_map(|l| l.value).collect();
        if values.is_empty() {
            continue;
        }
        parts.push((options.weight(d), values.iter().sum::<f64>() / values.len() as f64));
    }
    weighted_mean(&parts)
}

/// The mean of `(weight, value)` pairs' values, weighted; None when no
/// weight is positive. The weights are divided by the largest first: a
/// profile may give any finite weight, and two near `f64::MAX` summed to
/// infinity, which made the score NaN or 0.
fn weighted_mean(parts: &[(f64, f64)]) -> Option<f64> {
    let max = parts.iter().map(|&(w, _)| w).fold(0.0, f64::max);
    if max <= 0.0 {
        return None;
    }
    let (mut sum, mut weights) = (0.0, 0.0);
    for &(w, v) in parts {
        sum += w / max * v;
        weights += w / max;
    }
    Some(sum / weights)
}

/// A row's score per dimension, from its problems: completeness and
/// validity and consistency as the share of its measured columns without
/// a problem, timeliness 0 or 1, uniqueness 0 when `duplicated`; and the
/// weighted mean of those, 0–100.
pub fn row_scores(
    measures: &Measures,
    row: &[Option<String>],
    q: &RowQuality,
    duplicated: bool,
    options: &QualityOptions,
) -> (f64, BTreeMap<Dimension, f64>) {
    let count = |d: Dimension| {
        let mut cols: Vec<usize> = q.problems.iter().filter(|p| p.dimension == d).map(|p| p.index).collect();
        // A column's problems need not follow each other (a rule of another
        // column may fail between two of its rules): sort, so that `dedup`
        // counts each column once.
        cols.sort_unstable();
        cols.dedup();
        cols.len()
    };
    let present = |i: &usize| row[*i].as_deref().is_some_and(|v| !crate::text::is_blank(v));
    let mut scores = BTreeMap::new();
    let fraction = |bad: usize, of: usize| if of == 0 { None } else { Some(1.0 - bad.min(of) as f64 / of as f64) };
    let measured = [
        (Dimension::Completeness, fraction(count(Dimension::Completeness), measures.completeness.len())),
        (
            Dimension::Validity,
            fraction(count(Dimension::Validity), measures.validity.iter().filter(|i| present(i)).count()),
        ),
        (
            Dimension::Consistency,
            fraction(count(Dimension::Consistency), measures.consistency.iter().filter(|i| present(i)).count()),
        ),
        (Dimension::Timeliness, q.timely.map(|t| if t { 1.0 } else { 0.0 })),
        (Dimension::Uniqueness, Some(if duplicated { 0.0 } else { 1.0 })),
    ];
    let mut parts = Vec::new();
    for (d, s) in measured {
        if let Some(s) = s {
            scores.insert(d, s);
            parts.push((options.weight(d), s));
        }
    }
    let score = weighted_mean(&parts).map_or(100.0, |mean| 100.0 * mean);
    (score, scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_survives_its_bytes_and_refuses_other_bytes() {
        let tally = Tally {
            rows: 5_000_000_000,
            present: vec![1, 2, 3],
            invalid: vec![4, 5, 6],
            inconsistent: vec![7, 8, u64::MAX],
            timely: 9,
        };
        let bytes = tally.to_bytes();
        assert_eq!(bytes.len(), 1 + 4 + 8 * 11);
        let back = Tally::from_bytes(&bytes).expect("decodes");
        assert_eq!(
            (back.rows, back.timely, back.present, back.invalid, back.inconsistent),
            (5_000_000_000, 9, vec![1, 2, 3], vec![4, 5, 6], vec![7, 8, u64::MAX])
        );
        assert!(Tally::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(Tally::from_bytes(&[]).is_none());
        let mut other_version = bytes.clone();
        other_version[0] = 2;
        assert!(Tally::from_bytes(&other_version).is_none());
        let empty = Tally::new(0);
        assert_eq!(Tally::from_bytes(&empty.to_bytes()).map(|t| t.rows), Some(0));
    }
    use crate::profile::{Profile, TableColumn};
    use crate::row::RowLayout;
    use crate::rules::{default_rule_specs, RuleSpec};
    use serde_json::json;

    const COLUMNS: [&str; 7] = ["id", "name", "phone", "country", "dob", "national_id", "updated"];

    fn setup(options: serde_json::Value) -> (Profile, RowLayout, Vec<Rule>) {
        compiled(&COLUMNS, options, &[])
    }

    /// A profile of `table` (roles on its first seven columns) with the
    /// default rules, then the `extra` rules (column, kind, params,
    /// severity), compiled.
    fn compiled(
        table: &[&str],
        options: serde_json::Value,
        extra: &[(&str, &str, serde_json::Value, &str)],
    ) -> (Profile, RowLayout, Vec<Rule>) {
        let cols: Vec<TableColumn> = table.iter().map(|n| TableColumn { name: n.to_string(), is_text: true }).collect();
        let p = Profile::parse(
            &json!({"id": "id", "name": "name", "phone": "phone", "country": "country", "birth_date": "dob",
                    "national_id": "national_id", "updated_at": "updated"}),
            &options,
            &cols,
        )
        .unwrap();
        let mut specs: Vec<RuleSpec> = default_rule_specs(&p);
        for (column, kind, params, severity) in extra {
            let rule_id = specs.len() as i64 + 1;
            specs.push(RuleSpec {
                rule_id,
                column: column.to_string(),
                kind: kind.to_string(),
                params: params.clone(),
                severity: severity.to_string(),
                message: None,
            });
        }
        let layout = RowLayout::new(&p, &specs);
        let names: Vec<String> = table.iter().map(|n| n.to_string()).collect();
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
            row(
                &layout,
                &[
                    ("id", "1"),
                    ("name", "张伟"),
                    ("phone", "13812345678"),
                    ("country", "CN"),
                    ("dob", "1985-03-12"),
                    ("national_id", "110105198503120039"),
                    ("updated", "2026-06-01 10:00:00"),
                ],
            ),
            // no name, a phone that is not one, ID for another birth date, updated two years ago
            row(
                &layout,
                &[
                    ("id", "2"),
                    ("phone", "12345"),
                    ("country", "CN"),
                    ("dob", "1990-01-01"),
                    ("national_id", "110105198503120039"),
                    ("updated", "2024-11-01"),
                ],
            ),
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
        let uniqueness = vec![Line {
            dimension: Dimension::Uniqueness,
            column: None,
            value: Some(1.0),
            target: None,
            failing_rows: 0,
        }];
        type Row = (String, String, Option<String>, Option<f64>, Option<bool>, i64);
        let lines: Vec<Row> = report(&m, &tally, uniqueness, options)
            .into_iter()
            .map(|l| {
                let passed = l.passed();
                (
                    l.dimension.as_str().to_string(),
                    l.column.unwrap_or_default(),
                    l.value.map(|v| format!("{v:.4}")),
                    l.target,
                    passed,
                    l.failing_rows,
                )
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
        let o =
            QualityOptions::parse(&json!({"targets": {"validity": 0.99, "uniqueness": null}, "timeliness_days": 30}))
                .unwrap();
        assert_eq!(o.target(Dimension::Validity), Some(0.99));
        assert_eq!(o.target(Dimension::Uniqueness), None);
        assert_eq!(o.target(Dimension::Completeness), Some(0.98));
        assert_eq!(o.target(Dimension::Timeliness), Some(0.95));
        assert_eq!(o.weight(Dimension::Timeliness), 1.0);
        let err = |v| QualityOptions::parse(&v).unwrap_err().to_string();
        let r = "register: option";
        assert_eq!(
            err(json!({"targets": {"validity": 1.5}})),
            format!("{r} \"quality.targets.validity\" must be a number between 0 and 1 or null, not 1.5")
        );
        assert_eq!(
            err(json!({"targets": {"validity": "0.9"}})),
            format!("{r} \"quality.targets.validity\" must be a number between 0 and 1 or null, not \"0.9\"")
        );
        assert_eq!(
            err(json!({"targets": [0.9]})),
            format!("{r} \"quality.targets\" must be a JSON object keyed by dimension, not [0.9]")
        );
        assert_eq!(
            err(json!({"weights": {"validity": -1}})),
            format!("{r} \"quality.weights.validity\" must be a number between 0 and 1000000, not -1")
        );
        assert_eq!(
            err(json!({"weights": {"validity": 1000001}})),
            format!("{r} \"quality.weights.validity\" must be a number between 0 and 1000000, not 1000001")
        );
        assert_eq!(
            err(json!({"weights": {"validity": null}})),
            format!("{r} \"quality.weights.validity\" must be a number between 0 and 1000000, not null")
        );
        assert_eq!(
            err(json!({"timeliness_days": -1})),
            format!("{r} \"timeliness_days\" must be an integer between 0 and 36525, not -1")
        );
        assert_eq!(
            err(json!({"timeliness_days": 36526})),
            format!("{r} \"timeliness_days\" must be an integer between 0 and 36525, not 36526")
        );
        assert_eq!(
            err(json!({"timeliness_days": 30.5})),
            format!("{r} \"timeliness_days\" must be an integer between 0 and 36525, not 30.5")
        );
        assert_eq!(
            err(json!({"targets": {"freshness": 0.9}})),
            "register: unknown option \"quality.targets.freshness\""
        );
        assert_eq!(err(json!({"window": 3})), "register: unknown option \"quality.window\"");
        assert_eq!(err(json!(7)), format!("{r} \"quality\" must be a JSON object, not 7"));
        // Both ends of every range are accepted.
        let o = QualityOptions::parse(&json!({
            "targets": {"validity": 0, "uniqueness": 1},
            "weights": {"validity": 0, "overall": 1000000},
            "timeliness_days": 36525
        }))
        .unwrap();
        assert_eq!((o.target(Dimension::Validity), o.target(Dimension::Uniqueness)), (Some(0.0), Some(1.0)));
        assert_eq!((o.weight(Dimension::Validity), o.weight(Dimension::Overall), o.timeliness_days), (0.0, 1e6, 36525));
        assert_eq!(QualityOptions::parse(&json!({"timeliness_days": 0})).unwrap().timeliness_days, 0);
    }

    #[test]
    fn dates_back_and_forth() {
        for days in [-719_162, -1, 0, 1, 20_000, 2_932_896] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(20_415), Date::new(2025, 11, 23).unwrap());
    }

    // ---- properties ----

    use crate::testing::json_value;
    use proptest::prelude::*;

    const TODAY: Date = Date { year: 2026, month: 11, day: 23 };
    const TABLE: [&str; 9] = ["id", "name", "phone", "country", "dob", "national_id", "updated", "tier", "age"];

    /// The profile of `setup` on a wider table, with the default rules and
    /// more: several validity rules of one column that do not follow each
    /// other, and warnings (which validity does not count).
    fn measured(options: serde_json::Value) -> (Profile, RowLayout, Vec<Rule>) {
        let extra = [
            ("tier", "regex", json!({"pattern": "[a-z]+"}), "error"),
            ("name", "length", json!({"max": 6}), "error"),
            ("tier", "allowed_values", json!({"values": ["gold", "silver"]}), "error"),
            ("age", "range", json!({"min": 0, "max": 150}), "error"),
            ("name", "regex", json!({"pattern": "[A-Za-z ]+"}), "error"),
            ("phone", "length", json!({"min": 12}), "error"),
            ("age", "regex", json!({"pattern": "[0-9]+"}), "warning"),
            ("dob", "length", json!({"max": 3}), "warning"),
            ("tier", "required", json!({}), "error"),
        ];
        compiled(&TABLE, options, &extra)
    }

    /// Any weight `parse` accepts, extremes included.
    fn weight() -> impl Strategy<Value = f64> {
        // the whole documented range, ends included
        prop_oneof![3 => 0.0..5.0, 1 => Just(0.0), 1 => 1e5..=1e6, 1 => Just(1e6), 1 => Just(f64::MIN_POSITIVE)]
    }

    fn options() -> impl Strategy<Value = serde_json::Value> {
        let dims = Dimension::ALL.to_vec();
        (
            prop::collection::btree_map(prop::sample::select(dims.clone()), weight(), 0..6),
            prop::collection::btree_map(prop::sample::select(dims), prop::option::of(0.0..=1.0f64), 0..6),
            prop_oneof![0i64..1000, Just(0), Just(36_525)],
        )
            .prop_map(|(weights, targets, days)| {
                let weights: serde_json::Map<String, serde_json::Value> =
                    weights.into_iter().map(|(d, w)| (d.as_str().to_string(), json!(w))).collect();
                let targets: serde_json::Map<String, serde_json::Value> =
                    targets.into_iter().map(|(d, t)| (d.as_str().to_string(), json!(t))).collect();
                json!({"default_region": "CN", "quality": {"weights": weights, "targets": targets, "timeliness_days": days}})
            })
    }

    fn value() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            2 => Just(None),
            6 => prop::sample::select(vec![
                "", " ", "\u{200B}", "\u{0}", "张伟", "Li Na", "Bob", "Zhang Wei Long", "13812345678", "+8613812345678",
                "+1 415 555 2671", "12345", "CN", "US", "China", "xx", "1985-03-12", "1990-01-01", "2030-01-01",
                "110105198503120039", "11010519491231002X", "12345678", "2026-06-01 10:00:00", "2024-11-01", "gold",
                "Gold1", "silver", "42", "151", "NaN", "abc",
            ])
            .prop_map(|s| Some(s.to_string())),
            2 => "(?s).{0,60}".prop_map(Some),
        ]
    }

    fn rows(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Vec<Option<String>>>> {
        prop::collection::vec(prop::collection::vec(value(), TABLE.len()), n)
    }

    /// A row of the strategy's values (in TABLE order) in layout order.
    fn in_layout(layout: &RowLayout, row: &[Option<String>]) -> Vec<Option<String>> {
        layout.columns.iter().map(|c| row[TABLE.iter().position(|t| t == c).unwrap()].clone()).collect()
    }

    fn blank(v: &Option<String>) -> bool {
        v.as_deref().is_none_or(crate::text::is_blank)
    }

    /// Distinct columns with a problem of `d`.
    fn columns_with(q: &RowQuality, d: Dimension) -> std::collections::BTreeSet<usize> {
        q.problems.iter().filter(|p| p.dimension == d).map(|p| p.index).collect()
    }

    /// The weighted mean of `(dimension, value)`, weights as documented (a
    /// dimension's own, default 1); None when no weight is positive.
    fn weighted(parts: &[(Dimension, f64)], o: &QualityOptions) -> Option<f64> {
        // scaled by the largest weight, which is exact for this check
        let max = parts.iter().map(|(d, _)| o.weight(*d)).fold(0.0, f64::max);
        let (s, w) =
            parts.iter().fold((0.0, 0.0), |(s, w), (d, v)| (s + o.weight(*d) / max * v, w + o.weight(*d) / max));
        (max > 0.0 && w > 0.0).then(|| s / w)
    }

    /// `x` within [lo, hi], give or take rounding.
    fn between(x: f64, lo: f64, hi: f64) -> bool {
        x >= lo - 1e-9 && x <= hi + 1e-9
    }

    proptest! {
        #[test]
        fn a_rows_problems_and_scores(o in options(), row in prop::collection::vec(value(), TABLE.len()), duplicated in any::<bool>()) {
            let (p, layout, rules) = measured(o);
            let options = &p.options.quality;
            let ctx = Context { profile: &p, layout: &layout, today: TODAY };
            let m = Measures::new(&ctx, &rules, options);
            let row = in_layout(&layout, &row);
            let q = m.assess(&row);
            // completeness: exactly the measured columns that are empty, in order
            let missing: Vec<usize> = q.problems.iter().filter(|p| p.dimension == Dimension::Completeness).map(|p| p.index).collect();
            let want: Vec<usize> = m.completeness.iter().map(|(i, _)| *i).filter(|&i| blank(&row[i])).collect();
            prop_assert_eq!(&missing, &want);
            for pr in &q.problems {
                prop_assert_eq!(&pr.column, &layout.columns[pr.index]);
                match pr.dimension {
                    Dimension::Completeness => prop_assert_eq!(&pr.value, &None),
                    Dimension::Validity | Dimension::Consistency => {
                        let measured = if pr.dimension == Dimension::Validity { &m.validity } else { &m.consistency };
                        prop_assert!(measured.contains(&pr.index), "{:?}", pr);
                        // only a present value can be invalid or inconsistent
                        prop_assert!(!blank(&row[pr.index]), "{:?}", pr);
                        prop_assert_eq!(&pr.value, &row[pr.index]);
                    }
                    Dimension::Timeliness => prop_assert_eq!(Some(pr.index), m.timeliness.map(|t| t.0)),
                    d => prop_assert!(false, "assess found {:?}", d),
                }
            }
            // timeliness: the update date within the window
            let (ti, oldest) = m.timeliness.unwrap();
            prop_assert!(oldest <= TODAY);
            let date = row[ti].as_deref().and_then(|v| normalize_date(v, crate::date::DateOrder::Ymd));
            let timely = date.is_some_and(|d| d >= oldest);
            prop_assert_eq!(q.timely, Some(timely));
            prop_assert_eq!(q.problems.iter().filter(|p| p.dimension == Dimension::Timeliness).count(), usize::from(!timely));

            // scores: the share of measured columns without a problem
            let (score, parts) = row_scores(&m, &row, &q, duplicated, options);
            let share = |d: Dimension, measured: usize| 1.0 - columns_with(&q, d).len() as f64 / measured as f64;
            prop_assert_eq!(parts.get(&Dimension::Completeness).copied(), Some(share(Dimension::Completeness, m.completeness.len())));
            for (d, cols) in [(Dimension::Validity, &m.validity), (Dimension::Consistency, &m.consistency)] {
                let present = cols.iter().filter(|&&i| !blank(&row[i])).count();
                let want = (present > 0).then(|| share(d, present));
                prop_assert_eq!(parts.get(&d).copied(), want, "{:?}: {:?}", d, q.problems);
            }
            prop_assert_eq!(parts.get(&Dimension::Timeliness).copied(), Some(if timely { 1.0 } else { 0.0 }));
            prop_assert_eq!(parts.get(&Dimension::Uniqueness).copied(), Some(if duplicated { 0.0 } else { 1.0 }));
            prop_assert!(parts.values().all(|v| (0.0..=1.0).contains(v)), "{:?}", parts);
            prop_assert!((0.0..=100.0).contains(&score), "{} {:?}", score, parts);
            let parts: Vec<(Dimension, f64)> = parts.into_iter().collect();
            match weighted(&parts, options) {
                Some(mean) => prop_assert!((score - 100.0 * mean).abs() < 1e-9, "{} vs {}", score, 100.0 * mean),
                None => prop_assert_eq!(score, 100.0),
            }
        }

        #[test]
        fn counts_and_the_report(o in options(), rows in rows(0..6), split in 0usize..6, uniqueness in prop::option::of(0.0..=1.0f64)) {
            let (p, layout, rules) = measured(o);
            let options = &p.options.quality;
            let ctx = Context { profile: &p, layout: &layout, today: TODAY };
            let m = Measures::new(&ctx, &rules, options);
            let rows: Vec<Vec<Option<String>>> = rows.iter().map(|r| in_layout(&layout, r)).collect();
            let assessed: Vec<RowQuality> = rows.iter().map(|r| m.assess(r)).collect();
            let n = rows.len() as u64;
            let tally_of = |range: std::ops::Range<usize>| {
                let mut t = Tally::new(layout.columns.len());
                for i in range {
                    t.add(&rows[i], &assessed[i]);
                }
                t
            };
            let tally = tally_of(0..rows.len());
            // counting in two parts and merging counts the same
            let k = split.min(rows.len());
            let mut merged = tally_of(0..k);
            merged.merge(&tally_of(k..rows.len()));
            prop_assert_eq!(
                (merged.rows, &merged.present, &merged.invalid, &merged.inconsistent, merged.timely),
                (tally.rows, &tally.present, &tally.invalid, &tally.inconsistent, tally.timely)
            );
            prop_assert_eq!(tally.rows, n);
            prop_assert!(tally.timely <= n);
            for i in 0..layout.columns.len() {
                let with = |d: Dimension| assessed.iter().filter(|q| columns_with(q, d).contains(&i)).count() as u64;
                prop_assert_eq!(tally.present[i], rows.iter().filter(|r| !blank(&r[i])).count() as u64);
                prop_assert_eq!(tally.invalid[i], with(Dimension::Validity));
                prop_assert_eq!(tally.inconsistent[i], with(Dimension::Consistency));
                prop_assert!(tally.present[i] <= n);
                prop_assert!(tally.invalid[i] <= tally.present[i] && tally.inconsistent[i] <= tally.present[i]);
            }

            let unique = Line { dimension: Dimension::Uniqueness, column: None, value: uniqueness, target: None, failing_rows: 0 };
            let lines = report(&m, &tally, vec![unique], options);
            let t = usize::from(m.timeliness.is_some());
            prop_assert_eq!(lines.len(), m.completeness.len() + m.validity.len() + m.consistency.len() + t + 2);
            for l in &lines {
                prop_assert!(l.value.is_none_or(|v| (0.0..=1.0).contains(&v)), "{:?}", l);
                prop_assert!((0..=n as i64).contains(&l.failing_rows), "{:?}", l);
                prop_assert_eq!(l.passed(), l.value.zip(l.target).map(|(v, t)| v >= t));
                let i = l.column.as_ref().and_then(|c| layout.index(c));
                match (l.dimension, i) {
                    (Dimension::Completeness, Some(i)) => {
                        prop_assert_eq!(l.value, Some(if n == 0 { 1.0 } else { tally.present[i] as f64 / n as f64 }));
                        prop_assert_eq!(l.failing_rows as u64, n - tally.present[i]);
                    }
                    (Dimension::Validity, Some(i)) => {
                        let good = tally.present[i] - tally.invalid[i];
                        prop_assert_eq!(l.value, (tally.present[i] > 0).then(|| good as f64 / tally.present[i] as f64));
                        prop_assert_eq!(l.failing_rows as u64, tally.invalid[i]);
                    }
                    _ => {}
                }
            }
            // overall: the weighted mean of the dimensions' means
            let overall = lines.last().unwrap();
            prop_assert_eq!(overall.dimension, Dimension::Overall);
            let means = dimension_means(&lines);
            check_overall(overall.value, &means, options)?;
        }

        /// `overall` of any lines under any weights.
        #[test]
        fn overall_is_a_weighted_mean(
            o in options(),
            lines in prop::collection::vec((prop::sample::select(Dimension::ALL[..5].to_vec()), prop::option::of(0.0..=1.0f64)), 0..12)
        ) {
            let (p, _, _) = measured(o);
            let lines: Vec<Line> =
                lines.into_iter().map(|(dimension, value)| Line { dimension, column: None, value, target: None, failing_rows: 0 }).collect();
            let means = dimension_means(&lines);
            check_overall(overall(&lines, &p.options.quality), &means, &p.options.quality)?;
        }

        /// `parse` accepts exactly the documented ranges.
        #[test]
        fn quality_options_in_and_out_of_range(
            d in prop::sample::select(Dimension::ALL.to_vec()),
            target in prop_oneof![-0.5..1.5f64, Just(0.0), Just(1.0), Just(-0.0)],
            weight in prop_oneof![-2.0..5.0f64, Just(0.0), Just(1e6), Just(1e6 + 1.0), Just(f64::MAX), Just(-f64::MIN_POSITIVE)],
            days in prop_oneof![-3i64..3, 36_520i64..36_530, any::<i64>()],
        ) {
            let v = json!({"targets": {d.as_str(): target}, "weights": {d.as_str(): weight}, "timeliness_days": days});
            let ok = (0.0..=1.0).contains(&target) && (0.0..=1e6).contains(&weight) && (0..=36_525).contains(&days);
            match QualityOptions::parse(&v) {
                Ok(o) => {
                    prop_assert!(ok, "{}", v);
                    prop_assert_eq!((o.target(d), o.weight(d), o.timeliness_days), (Some(target), weight, days));
                }
                Err(e) => prop_assert!(!ok, "{}: {}", v, e),
            }
        }

        #[test]
        fn quality_options_from_any_json(
            v in json_value(
                &[&["targets", "weights", "timeliness_days"][..], &Dimension::ALL.map(Dimension::as_str)].concat(),
                &Dimension::ALL.map(Dimension::as_str),
            )
        ) {
            if let Ok(o) = QualityOptions::parse(&v) {
                prop_assert!(o.targets.values().flatten().all(|t| (0.0..=1.0).contains(t)));
                prop_assert!(o.weights.values().all(|w| w.is_finite() && *w >= 0.0));
                prop_assert!(o.timeliness_days >= 0);
                for d in Dimension::ALL {
                    prop_assert!(o.target(d).is_none_or(|t| (0.0..=1.0).contains(&t)));
                    prop_assert!(o.weight(d).is_finite() && o.weight(d) >= 0.0);
                }
            }
        }
    }

    /// Each dimension's mean over the lines that have a value (what
    /// `overall` weighs).
    fn dimension_means(lines: &[Line]) -> Vec<(Dimension, f64)> {
        Dimension::ALL[..5]
            .iter()
            .filter_map(|&d| {
                let v: Vec<f64> = lines.iter().filter(|l| l.dimension == d).filter_map(|l| l.value).collect();
                (!v.is_empty()).then(|| (d, v.iter().sum::<f64>() / v.len() as f64))
            })
            .collect()
    }

    /// `overall` against the dimensions' means: None when no dimension
    /// with a value weighs anything, else their weighted mean, between the
    /// smallest and the largest of them.
    fn check_overall(got: Option<f64>, means: &[(Dimension, f64)], o: &QualityOptions) -> Result<(), TestCaseError> {
        let weighing: Vec<f64> = means.iter().filter(|(d, _)| o.weight(*d) > 0.0).map(|(_, v)| *v).collect();
        if weighing.is_empty() {
            prop_assert_eq!(got, None);
            return Ok(());
        }
        let got = got.ok_or_else(|| TestCaseError::fail(format!("no overall for {means:?}")))?;
        let (lo, hi) = (weighing.iter().copied().fold(1.0, f64::min), weighing.iter().copied().fold(0.0, f64::max));
        prop_assert!(
            (0.0..=1.0).contains(&got) && between(got, lo, hi),
            "{} not in [{}, {}] for {:?} {:?}",
            got,
            lo,
            hi,
            means,
            o.weights
        );
        let want = weighted(means, o).unwrap();
        prop_assert!((got - want).abs() < 1e-9, "{} vs {}", got, want);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        /// Measures::new with any timeliness window: the oldest timely date
        /// is a date, never after today.
        #[test]
        fn any_window(days in prop_oneof![0i64..=36_525, Just(36_525)]) {
            let (p, layout, rules) = measured(json!({"quality": {"timeliness_days": days}}));
            let ctx = Context { profile: &p, layout: &layout, today: TODAY };
            let m = Measures::new(&ctx, &rules, &p.options.quality);
            let (_, oldest) = m.timeliness.unwrap();
            prop_assert!(oldest <= TODAY);
            prop_assert!(Date::new(oldest.year, u32::from(oldest.month), u32::from(oldest.day)).is_some());
            prop_assert_eq!(TODAY.days_since_epoch() - oldest.days_since_epoch(), days);
        }
    }

    #[test]
    fn a_column_with_two_problems_apart_counts_once_in_row_scores() {
        // tier fails its regex and allowed-values rules, with the name's
        // length rule failing between them: two invalid columns of the
        // row's three present validated ones (name, tier, age), not three.
        let (p, layout, rules) = measured(json!({"default_region": "CN"}));
        let ctx = Context { profile: &p, layout: &layout, today: TODAY };
        let m = Measures::new(&ctx, &rules, &p.options.quality);
        let row = in_layout(
            &layout,
            &TABLE.map(|c| match c {
                "id" => Some("1".to_string()),
                "name" => Some("Zhang Wei Long".to_string()),
                "tier" => Some("Gold1".to_string()),
                "age" => Some("42".to_string()),
                _ => None,
            }),
        );
        let q = m.assess(&row);
        let (_, parts) = row_scores(&m, &row, &q, false, &p.options.quality);
        assert_eq!(parts[&Dimension::Validity], 1.0 - 2.0 / 3.0);
    }

    #[test]
    fn huge_weights_still_average() {
        // Two weights near f64::MAX summed to infinity, and the overall
        // score was NaN; weights are now at most 1e6, and the largest still
        // average.
        let o = QualityOptions::parse(&json!({"weights": {"completeness": 1e6, "validity": 1e6}})).unwrap();
        let line =
            |dimension, value| Line { dimension, column: None, value: Some(value), target: None, failing_rows: 0 };
        let lines = [line(Dimension::Completeness, 1.0), line(Dimension::Validity, 0.5)];
        assert_eq!(overall(&lines, &o), Some(0.75));
    }
}
