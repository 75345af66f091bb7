//! Validation rules of a profiled table (`customer_clean.rules`).
//!
//! A rule is a row a DBA can read and edit with plain SQL: a column, a
//! `kind` and its `params` (jsonb), a severity and an optional message.
//! [`Rule::compile`] checks and prepares one (a regex is compiled once per
//! backend, not once per row); [`check_row`] runs a table's rules over one
//! row of values and returns every [`Finding`].
//!
//! Kinds and their params:
//! - `required`: the value is present and not blank.
//! - `regex` `{"pattern": "^[A-Z]{2}$"}`: the whole value matches (Rust
//!   `regex` syntax, linear time, so no pattern can hang the backend).
//! - `allowed_values` `{"values": ["M", "F"]}`: exact match.
//! - `range` `{"min": …, "max": …}`: numbers, or ISO dates where `"today"`
//!   is the current date (both bounds of one kind); either bound may be
//!   left out.
//! - `length` `{"min": 1, "max": 100}`: in characters.
//! - `format` `{"format": "phone"|"email"|"cn_id"|"date"|"country"|"postcode"}`:
//!   the value is a valid one of its kind (the same validators as the SQL
//!   functions).
//! - `cross_field` `{"check": "cn_id_matches_birth_date_and_gender"}` or
//!   `{"check": "phone_matches_country"}`.
//!
//! A missing value passes every kind but `required`, as in SQL constraints.

use serde::Serialize;
use serde_json::Value;

use crate::date::{normalize_date, Date, DateOrder};
use crate::error::{ErrorClass, SqlError};
use crate::profile::{Profile, Role};
use crate::row::{present, Context, NamesColumn, RowFacts, RowLayout};

/// How bad a finding is: an `error` fails the row (reject / quarantine /
/// flag), a `warning` is only recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A rule as stored in `customer_clean.rules`.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSpec {
    pub rule_id: i64,
    pub column: String,
    pub kind: String,
    pub params: Value,
    pub severity: String,
    pub message: Option<String>,
}

impl NamesColumn for RuleSpec {
    fn column(&self) -> &str {
        &self.column
    }
}

/// What a `format` rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Phone,
    Email,
    CnId,
    Date,
    Country,
    Postcode,
}

impl Format {
    const NAMES: &'static str = "phone, email, cn_id, date, country, postcode";

    fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "phone" => Format::Phone,
            "email" => Format::Email,
            "cn_id" => Format::CnId,
            "date" => Format::Date,
            "country" => Format::Country,
            "postcode" => Format::Postcode,
            _ => return None,
        })
    }
}

/// A bound of a `range` rule.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Number(f64),
    Date(Date),
    Today,
}

#[derive(Debug, Clone)]
enum Check {
    Required,
    /// The pattern anchored at both ends, and the pattern as written.
    Regex(regex::Regex, String),
    AllowedValues(Vec<String>),
    Range {
        min: Option<Bound>,
        max: Option<Bound>,
    },
    Length {
        min: Option<usize>,
        max: Option<usize>,
    },
    Format(Format),
    CnIdMatchesBirthDateAndGender,
    PhoneMatchesCountry,
}

/// A checked rule, ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub rule_id: i64,
    /// Index of the rule's column in the row (see [`RowLayout`]).
    column_index: usize,
    pub column: String,
    check: Check,
    pub severity: Severity,
    message: Option<String>,
}

/// Why a rule cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("rule {rule_id}: unknown rule kind \"{kind}\"")]
    UnknownKind { rule_id: i64, kind: String },
    #[error("rule {rule_id}: invalid params for kind \"{kind}\": {problem}")]
    BadParams { rule_id: i64, kind: String, problem: String },
    #[error("rule {rule_id}: unknown severity \"{severity}\"")]
    BadSeverity { rule_id: i64, severity: String },
    #[error("rule {rule_id}: column \"{column}\" does not exist in the table")]
    UnknownColumn { rule_id: i64, column: String, table_columns: Vec<String> },
    #[error("rule {rule_id}: check \"{check}\" needs the profile roles {needs}")]
    MissingRoles { rule_id: i64, check: String, needs: &'static str },
}

impl SqlError for RuleError {
    fn class(&self) -> ErrorClass {
        match self {
            RuleError::UnknownColumn { .. } => ErrorClass::UndefinedColumn,
            _ => ErrorClass::InvalidParameterValue,
        }
    }
    fn hint(&self) -> String {
        match self {
            RuleError::UnknownKind { .. } => {
                "kinds: required, regex, allowed_values, range, length, format, cross_field".into()
            }
            RuleError::BadParams { kind, .. } => format!("params of \"{kind}\": {}", params_help(kind)),
            RuleError::BadSeverity { .. } => "use 'error' or 'warning'".into(),
            RuleError::UnknownColumn { table_columns, .. } => {
                format!("the table's columns are: {}", table_columns.join(", "))
            }
            RuleError::MissingRoles { .. } => "add the roles to the profile with register(), or drop the rule".into(),
        }
    }
}

fn params_help(kind: &str) -> &'static str {
    match kind {
        "regex" => "{\"pattern\": \"^[0-9]{6}$\"}",
        "allowed_values" => "{\"values\": [\"M\", \"F\"]}",
        "range" => "{\"min\": 0, \"max\": 150} or {\"min\": \"1900-01-01\", \"max\": \"today\"}",
        "length" => "{\"min\": 1, \"max\": 100}",
        "format" => "{\"format\": \"phone\"} (phone, email, cn_id, date, country, postcode)",
        "cross_field" => {
            "{\"check\": \"cn_id_matches_birth_date_and_gender\"} or {\"check\": \"phone_matches_country\"}"
        }
        _ => "{}",
    }
}

/// What a rule measures in a quality report (see `quality`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleClass {
    /// `required`: completeness.
    Required,
    /// `regex`, `allowed_values`, `range`, `length`, `format`: validity.
    Validity,
    /// `cross_field`: consistency between columns.
    Consistency,
}

impl Rule {
    pub fn class(&self) -> RuleClass {
        match self.check {
            Check::Required => RuleClass::Required,
            Check::CnIdMatchesBirthDateAndGender | Check::PhoneMatchesCountry => RuleClass::Consistency,
            _ => RuleClass::Validity,
        }
    }

    /// Checks `spec` against the profile and the table's columns.
    pub fn compile(
        spec: &RuleSpec,
        profile: &Profile,
        layout: &RowLayout,
        table_columns: &[String],
    ) -> Result<Rule, RuleError> {
        let id = spec.rule_id;
        let bad =
            |problem: &str| RuleError::BadParams { rule_id: id, kind: spec.kind.clone(), problem: problem.into() };
        if !table_columns.contains(&spec.column) {
            return Err(RuleError::UnknownColumn {
                rule_id: id,
                column: spec.column.clone(),
                table_columns: table_columns.to_vec(),
            });
        }
        let p = &spec.params;
        let check = match spec.kind.as_str() {
            "required" => Check::Required,
            "regex" => {
                let pattern =
                    p.get("pattern").and_then(Value::as_str).ok_or_else(|| bad("\"pattern\" must be a string"))?;
                // Bounded compiled size: a rule cannot make the backend
                // allocate without limit.
                let build = |p: &str| {
                    regex::RegexBuilder::new(p)
                        .size_limit(1 << 20)
                        .build()
                        .map_err(|e| bad(&format!("bad pattern: {e}")))
                };
                build(pattern)?; // errors as the DBA wrote it
                                 // The whole value must match: anchor the pattern, rather
                                 // than ask whether its first match is the whole value, which
                                 // it is not for `a|ab` on "ab" or `[a-z]+?` on "abc"
                                 // (leftmost-first matching prefers the shorter match).
                                 // `(?x)` and a line break end a free-spacing comment the
                                 // pattern may end in, which would hide `)\z`.
                Check::Regex(build(&format!("\\A(?:{pattern}(?x)\n)\\z"))?, pattern.to_string())
            }
            "allowed_values" => {
                let values =
                    p.get("values").and_then(Value::as_array).ok_or_else(|| bad("\"values\" must be an array"))?;
                let values = values
                    .iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| bad("every value must be a string"))?;
                Check::AllowedValues(values)
            }
            "range" => {
                let bound = |key: &str| -> Result<Option<Bound>, RuleError> {
                    match p.get(key) {
                        None | Some(Value::Null) => Ok(None),
                        Some(Value::Number(n)) => Ok(n.as_f64().map(Bound::Number)),
                        Some(Value::String(s)) if s == "today" => Ok(Some(Bound::Today)),
                        Some(Value::String(s)) => normalize_date(s, DateOrder::Ymd)
                            .map(|d| Some(Bound::Date(d)))
                            .ok_or_else(|| bad(&format!("\"{key}\" must be a number, an ISO date or \"today\""))),
                        Some(_) => Err(bad(&format!("\"{key}\" must be a number, an ISO date or \"today\""))),
                    }
                };
                let (min, max) = (bound("min")?, bound("max")?);
                if min.is_none() && max.is_none() {
                    return Err(bad("give \"min\", \"max\" or both"));
                }
                // A number and a date: the value would be read as the kind
                // of the first bound and the other bound silently ignored.
                let is_number = |b: Bound| matches!(b, Bound::Number(_));
                if min.zip(max).is_some_and(|(a, b)| is_number(a) != is_number(b)) {
                    return Err(bad("\"min\" and \"max\" must both be numbers or both dates"));
                }
                Check::Range { min, max }
            }
            "length" => {
                let n = |key: &str| -> Result<Option<usize>, RuleError> {
                    match p.get(key) {
                        None | Some(Value::Null) => Ok(None),
                        Some(v) => v
                            .as_u64()
                            .map(|n| Some(n as usize))
                            .ok_or_else(|| bad(&format!("\"{key}\" must be a whole number ≥ 0"))),
                    }
                };
                let (min, max) = (n("min")?, n("max")?);
                if min.is_none() && max.is_none() {
                    return Err(bad("give \"min\", \"max\" or both"));
                }
                Check::Length { min, max }
            }
            "format" => {
                let f = p.get("format").and_then(Value::as_str).unwrap_or_default();
                Check::Format(
                    Format::parse(f).ok_or_else(|| bad(&format!("\"format\" must be one of {}", Format::NAMES)))?,
                )
            }
            "cross_field" => match p.get("check").and_then(Value::as_str).unwrap_or_default() {
                "cn_id_matches_birth_date_and_gender" => {
                    if profile.column(Role::BirthDate).is_none() && profile.column(Role::Gender).is_none() {
                        return Err(RuleError::MissingRoles {
                            rule_id: id,
                            check: "cn_id_matches_birth_date_and_gender".into(),
                            needs: "birth_date or gender",
                        });
                    }
                    Check::CnIdMatchesBirthDateAndGender
                }
                "phone_matches_country" => {
                    if profile.column(Role::Country).is_none() {
                        return Err(RuleError::MissingRoles {
                            rule_id: id,
                            check: "phone_matches_country".into(),
                            needs: "country",
                        });
                    }
                    Check::PhoneMatchesCountry
                }
                _ => {
                    return Err(bad(
                        "\"check\" must be \"cn_id_matches_birth_date_and_gender\" or \"phone_matches_country\"",
                    ))
                }
            },
            _ => return Err(RuleError::UnknownKind { rule_id: id, kind: spec.kind.clone() }),
        };
        let severity = Severity::parse(&spec.severity)
            .ok_or_else(|| RuleError::BadSeverity { rule_id: id, severity: spec.severity.clone() })?;
        let column_index = layout.index(&spec.column).expect("RowLayout::new includes every rule column");
        Ok(Rule {
            rule_id: id,
            column_index,
            column: spec.column.clone(),
            check,
            severity,
            message: spec.message.clone(),
        })
    }
}

/// [`default_rules`] as rule specs numbered from 1, as `register` would
/// store them (for tests, examples and benchmarks outside PostgreSQL).
pub fn default_rule_specs(profile: &Profile) -> Vec<RuleSpec> {
    default_rules(profile)
        .into_iter()
        .enumerate()
        .map(|(i, (column, kind, params, severity))| RuleSpec {
            rule_id: i as i64 + 1,
            column,
            kind: kind.to_string(),
            params,
            severity: severity.as_str().to_string(),
            message: None,
        })
        .collect()
}

/// The rules `register` creates for a profile: what a data steward expects
/// of each role. DBAs change or delete them with plain SQL.
pub fn default_rules(profile: &Profile) -> Vec<(String, &'static str, Value, Severity)> {
    use serde_json::json;
    let mut out = Vec::new();
    let mut add = |role: Role, kind: &'static str, params: Value, severity: Severity| {
        if let Some(b) = profile.column(role) {
            out.push((b.column.clone(), kind, params, severity));
        }
    };
    add(Role::Id, "required", json!({}), Severity::Error);
    add(Role::Name, "required", json!({}), Severity::Error);
    add(Role::Phone, "format", json!({"format": "phone"}), Severity::Error);
    add(Role::Mobile, "format", json!({"format": "phone"}), Severity::Error);
    add(Role::Email, "format", json!({"format": "email"}), Severity::Error);
    add(Role::NationalId, "format", json!({"format": "cn_id"}), Severity::Error);
    add(Role::BirthDate, "format", json!({"format": "date"}), Severity::Error);
    add(Role::BirthDate, "range", json!({"min": "1900-01-01", "max": "today"}), Severity::Error);
    add(Role::Country, "format", json!({"format": "country"}), Severity::Error);
    add(Role::Postcode, "format", json!({"format": "postcode"}), Severity::Warning);
    if profile.column(Role::BirthDate).is_some() || profile.column(Role::Gender).is_some() {
        add(Role::NationalId, "cross_field", json!({"check": "cn_id_matches_birth_date_and_gender"}), Severity::Error);
    }
    if profile.column(Role::Country).is_some() {
        add(Role::Phone, "cross_field", json!({"check": "phone_matches_country"}), Severity::Warning);
        add(Role::Mobile, "cross_field", json!({"check": "phone_matches_country"}), Severity::Warning);
    }
    out
}

/// One problem of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    #[serde(rename = "column")]
    pub column: String,
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub value: Option<String>,
    pub rule_id: Option<i64>,
}

/// A problem that `cn_id_check` finds only when given a birth date or
/// gender to compare with.
fn is_mismatch(p: &crate::cn_id::Problem) -> bool {
    matches!(p.code, crate::cn_id::problem::BIRTH_DATE_MISMATCH | crate::cn_id::problem::GENDER_MISMATCH)
}

/// Runs `rules` over `row` (values in `ctx.layout` order, as text).
pub fn check_row(rules: &[Rule], row: &[Option<String>], ctx: &Context) -> Vec<Finding> {
    check_row_with(rules, row, ctx, &RowFacts::default())
}

/// [`check_row`] with what is already known about the row.
pub(crate) fn check_row_with(rules: &[Rule], row: &[Option<String>], ctx: &Context, facts: &RowFacts) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in rules {
        let value = present(row.get(rule.column_index).and_then(|v| v.as_deref()));
        let mut found_as = |severity: Severity, code: &str, message: String| {
            out.push(Finding {
                column: rule.column.clone(),
                code: code.to_string(),
                severity,
                message: rule.message.clone().unwrap_or(message),
                value: value.map(str::to_string),
                rule_id: Some(rule.rule_id),
            });
        };
        let mut found = |code: &str, message: String| found_as(rule.severity, code, message);
        let col = &rule.column;
        match (&rule.check, value) {
            (Check::Required, None) => found("required", format!("{col} is required")),
            (_, None) | (Check::Required, Some(_)) => {}
            (Check::Regex(whole, pattern), Some(v)) => {
                if !whole.is_match(v) {
                    found("regex", format!("{col} \"{v}\" does not match {pattern}"));
                }
            }
            (Check::AllowedValues(values), Some(v)) => {
                if !values.iter().any(|a| a == v) {
                    found("not_allowed", format!("{col} \"{v}\" is not one of {}", values.join(", ")));
                }
            }
            (Check::Range { min, max }, Some(v)) => {
                if let Some(problem) = out_of_range(v, *min, *max, ctx) {
                    found("out_of_range", format!("{col} \"{v}\" {problem}"));
                }
            }
            (Check::Length { min, max }, Some(v)) => {
                let n = v.chars().count();
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    let want = match (min, max) {
                        (Some(a), Some(b)) => format!("{a} to {b}"),
                        (Some(a), None) => format!("at least {a}"),
                        (None, Some(b)) => format!("at most {b}"),
                        (None, None) => unreachable!("compile requires a bound"),
                    };
                    found("length", format!("{col} has {n} characters, expected {want}"));
                }
            }
            (Check::Format(f), Some(v)) => {
                for (code, message, warning) in format_problems(*f, v, rule.column_index, row, ctx, facts) {
                    found_as(if warning { Severity::Warning } else { rule.severity }, code, message);
                }
            }
            (Check::CnIdMatchesBirthDateAndGender, Some(v)) => {
                if let Some(problems) = facts.cn_id(rule.column_index, v, row, ctx) {
                    for p in problems.iter() {
                        if is_mismatch(p) {
                            found(&format!("cn_id_{}", p.code), p.message.clone());
                        }
                    }
                }
            }
            (Check::PhoneMatchesCountry, Some(v)) => {
                // Numbers written nationally are read in the row's country,
                // so only a `+country code` of another country can disagree.
                let country = facts.row_country(row, ctx);
                let info = facts.phone(rule.column_index, v, row, ctx);
                if let (Some(country), Some(info)) = (country, info) {
                    if let Some(phone_region) = info.region.filter(|_| info.valid).map(|r| r.as_region_str()) {
                        let phone_region: &str = &phone_region;
                        if phone_region != country {
                            found(
                                "phone_country_mismatch",
                                format!(
                                    "{col} \"{v}\" is a number of {phone_region}, but the row's country is {country}"
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    out
}

fn out_of_range(v: &str, min: Option<Bound>, max: Option<Bound>, ctx: &Context) -> Option<String> {
    let date_of = |b: Bound| match b {
        Bound::Date(d) => Some(d),
        Bound::Today => Some(ctx.today),
        Bound::Number(_) => None,
    };
    let is_date = min.or(max).is_some_and(|b| !matches!(b, Bound::Number(_)));
    if is_date {
        let d = normalize_date(v, ctx.profile.options.date_order)?; // not a date: the format rule says so
        if let Some(lo) = min.and_then(date_of) {
            if d < lo {
                return Some(format!("is before {lo}"));
            }
        }
        if let Some(hi) = max.and_then(date_of) {
            if d > hi {
                return Some(format!("is after {hi}"));
            }
        }
        return None;
    }
    // "NaN" parses as a float, and would pass every bound (it compares
    // false with all): it is not a number a range can hold.
    let Some(x) = v.trim().parse::<f64>().ok().filter(|x| !x.is_nan()) else {
        return Some("is not a number".into());
    };
    let num = |b: Option<Bound>| match b {
        Some(Bound::Number(n)) => Some(n),
        _ => None,
    };
    if let Some(lo) = num(min).filter(|lo| x < *lo) {
        return Some(format!("is below {lo}"));
    }
    if let Some(hi) = num(max).filter(|hi| x > *hi) {
        return Some(format!("is above {hi}"));
    }
    None
}

/// Problems of a `format` rule: (code, message, only a warning), empty
/// when valid.
fn format_problems(
    f: Format,
    v: &str,
    index: usize,
    row: &[Option<String>],
    ctx: &Context,
    facts: &RowFacts,
) -> Vec<(&'static str, String, bool)> {
    let country = || facts.country(row, ctx);
    match f {
        Format::Phone => {
            let region = facts.phone_region(row, ctx).0;
            match facts.phone(index, v, row, ctx) {
                Some(info) if info.valid => vec![],
                info => {
                    let reason = info.and_then(|i| i.reason).unwrap_or("not_a_number");
                    vec![(
                        "invalid_phone",
                        format!("\"{v}\" is not a valid phone number for region {region} ({reason})"),
                        false,
                    )]
                }
            }
        }
        Format::Email => match crate::email::email_check(v, Default::default()) {
            // A valid address may still look like a typo of a big provider
            // (`gmial.com`): worth a steward's look, not a rejection.
            Some(check) if check.valid => check
                .suggestion
                .map(|s| vec![("email_likely_typo", format!("\"{v}\" looks like a typo of \"{s}\""), true)])
                .unwrap_or_default(),
            Some(check) => {
                let why: Vec<String> = check.problems.iter().map(|p| p.message.clone()).collect();
                vec![("invalid_email", format!("\"{v}\" is not a valid e-mail address: {}", why.join("; ")), false)]
            }
            None => vec![],
        },
        Format::CnId => {
            // Only Chinese customers carry a resident ID; another country's
            // national number (a US SSN) is not checked against GB 11643.
            if country().is_some_and(|c| c != "CN") {
                return vec![];
            }
            // The problems of the number itself: what
            // `cn_id_check(v, None, None, ..)` finds, in the same order.
            match facts.cn_id(index, v, row, ctx) {
                Some(problems) => problems
                    .iter()
                    .filter(|p| !is_mismatch(p))
                    .map(|p| (cn_id_code(p.code), format!("\"{v}\": {}", p.message), false))
                    .collect(),
                None => vec![],
            }
        }
        Format::Date => match normalize_date(v, ctx.profile.options.date_order) {
            Some(_) => vec![],
            None => vec![("invalid_date", format!("\"{v}\" is not a date"), false)],
        },
        Format::Country => match crate::country::normalize_country(v) {
            Some(_) => vec![],
            None => vec![("invalid_country", format!("\"{v}\" is not a known country"), false)],
        },
        Format::Postcode => match country() {
            Some(c) if facts.postcode_rejected(index, v, c) => {
                vec![("invalid_postcode", format!("\"{v}\" is not a postcode of {c}"), false)]
            }
            _ => vec![],
        },
    }
}

/// `cn_id_` + the cn_id module's problem code, as a `&'static str`.
fn cn_id_code(code: &str) -> &'static str {
    match code {
        "format" => "cn_id_format",
        "checksum" => "cn_id_checksum",
        "unknown_region" => "cn_id_unknown_region",
        "birth_date_invalid" => "cn_id_birth_date_invalid",
        "birth_date_future" => "cn_id_birth_date_future",
        "birth_date_too_early" => "cn_id_birth_date_too_early",
        "birth_date_mismatch" => "cn_id_birth_date_mismatch",
        "gender_mismatch" => "cn_id_gender_mismatch",
        _ => "cn_id_invalid",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::TableColumn;
    use serde_json::json;

    const TODAY: Date = Date { year: 2026, month: 11, day: 23 };

    fn profile() -> Profile {
        let cols: Vec<TableColumn> = ["id", "name", "phone", "country", "dob", "age", "tier"]
            .iter()
            .map(|n| TableColumn { name: n.to_string(), is_text: true })
            .collect();
        Profile::parse(
            &json!({"id": "id", "name": "name", "phone": "phone", "country": "country", "birth_date": "dob"}),
            &json!({"default_region": "CN"}),
            &cols,
        )
        .unwrap()
    }

    fn spec(id: i64, column: &str, kind: &str, params: Value) -> RuleSpec {
        RuleSpec {
            rule_id: id,
            column: column.into(),
            kind: kind.into(),
            params,
            severity: "error".into(),
            message: None,
        }
    }

    /// Codes found for one row given as (column, value) pairs.
    fn codes(specs: &[RuleSpec], values: &[(&str, &str)]) -> Vec<String> {
        let p = profile();
        let layout = RowLayout::new(&p, specs);
        let names: Vec<String> = ["id", "name", "phone", "country", "dob", "age", "tier"].map(String::from).to_vec();
        let rules: Vec<Rule> = specs.iter().map(|s| Rule::compile(s, &p, &layout, &names).unwrap()).collect();
        let row: Vec<Option<String>> =
            layout.columns.iter().map(|c| values.iter().find(|(k, _)| k == c).map(|(_, v)| v.to_string())).collect();
        let ctx = Context { profile: &p, layout: &layout, today: TODAY };
        check_row(&rules, &row, &ctx).into_iter().map(|f| format!("{}:{}", f.column, f.code)).collect()
    }

    #[test]
    fn each_kind_finds_exactly_its_problem() {
        let rules = [
            spec(1, "name", "required", json!({})),
            spec(2, "tier", "allowed_values", json!({"values": ["gold", "silver"]})),
            spec(3, "tier", "regex", json!({"pattern": "[a-z]+"})),
            spec(4, "age", "range", json!({"min": 0, "max": 150})),
            spec(5, "dob", "range", json!({"min": "1900-01-01", "max": "today"})),
            spec(6, "name", "length", json!({"max": 5})),
            spec(7, "phone", "format", json!({"format": "phone"})),
            spec(8, "phone", "cross_field", json!({"check": "phone_matches_country"})),
        ];
        let good =
            [("name", "Li Na"), ("tier", "gold"), ("age", "42"), ("dob", "1985-03-12"), ("phone", "13812345678")];
        assert_eq!(codes(&rules, &good), Vec::<String>::new());
        assert_eq!(
            codes(&rules, &[("tier", "Gold1"), ("age", "151"), ("dob", "2030-01-01"), ("phone", "555")]),
            vec![
                "name:required",
                "tier:not_allowed",
                "tier:regex",
                "age:out_of_range",
                "dob:out_of_range",
                "phone:invalid_phone"
            ]
        );
        assert_eq!(codes(&rules, &[("name", "Zhang Wei"), ("age", "old")]), vec!["age:out_of_range", "name:length"]);
        // a +country code of another country than the row's
        assert_eq!(
            codes(&rules, &[("name", "Bob"), ("country", "US"), ("phone", "+86 138 1234 5678")]),
            vec!["phone:phone_country_mismatch"]
        );
        // absent values pass every kind but required
        assert_eq!(codes(&rules, &[("name", "Bob")]), Vec::<String>::new());
    }

    #[test]
    fn cn_id_problems_without_mismatches_are_those_of_the_number_alone() {
        let births = [None, Some(Date { year: 1985, month: 3, day: 12 }), Some(Date { year: 1990, month: 1, day: 1 })];
        for id in [
            "11010519491231002X",
            "110105194912310021",
            "110105198503120013",
            "999999198502300011",
            "110105491231002",
            "12345",
            "11010519491231002",
        ] {
            let alone = crate::cn_id::cn_id_check(id, None, None, TODAY).map(|c| c.problems);
            for birth in births {
                for gender in [None, Some("M"), Some("F"), Some("x")] {
                    let with = crate::cn_id::cn_id_check(id, birth, gender, TODAY)
                        .map(|c| c.problems.into_iter().filter(|p| !is_mismatch(p)).collect::<Vec<_>>());
                    assert_eq!(with, alone, "{id} {birth:?} {gender:?}");
                }
            }
        }
    }

    #[test]
    fn bad_rules_are_errors_with_the_rule_id() {
        let p = profile();
        let names: Vec<String> = ["id", "name", "phone", "country", "dob"].map(String::from).to_vec();
        let compile = |s: RuleSpec| {
            let layout = RowLayout::new(&p, std::slice::from_ref(&s));
            Rule::compile(&s, &p, &layout, &names).unwrap_err()
        };
        assert_eq!(
            compile(spec(9, "name", "unique", json!({}))),
            RuleError::UnknownKind { rule_id: 9, kind: "unique".into() }
        );
        let e = compile(spec(10, "name", "regex", json!({"pattern": "("})));
        assert!(e.to_string().starts_with("rule 10: invalid params for kind \"regex\": bad pattern"));
        assert_eq!(e.class(), ErrorClass::InvalidParameterValue);
        let e = compile(spec(11, "nick", "required", json!({})));
        assert_eq!(e.class(), ErrorClass::UndefinedColumn);
        assert_eq!(e.hint(), "the table's columns are: id, name, phone, country, dob");
        assert!(matches!(compile(spec(12, "dob", "range", json!({}))), RuleError::BadParams { .. }));
        assert!(matches!(compile(spec(13, "dob", "range", json!({"min": "yesterday"}))), RuleError::BadParams { .. }));
        assert!(matches!(compile(spec(14, "name", "format", json!({"format": "zip"}))), RuleError::BadParams { .. }));
        let mut s = spec(15, "name", "required", json!({}));
        s.severity = "fatal".into();
        assert_eq!(compile(s), RuleError::BadSeverity { rule_id: 15, severity: "fatal".into() });
    }

    // ---- properties ----

    use crate::testing::json_value;
    use proptest::prelude::*;

    const TABLE: [&str; 7] = ["id", "name", "phone", "country", "dob", "age", "tier"];

    /// Values as customers and attackers type them: NULL, blank ones,
    /// numbers, dates, codes, and arbitrary text with control characters.
    fn value() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            1 => Just(None),
            4 => prop::sample::select(vec![
                "", " ", "\t", "\u{200B}", "\u{0}", "\u{3000}", "42", " 7 ", "151", "-0", "1e3", "NaN", "nan", "inf",
                "-infinity", "gold", "Gold", "silver", "a", "ab", "abc", "xy", "12", "1234", "1985-03-12", "2030-01-01",
                "12/03/1985", "1899-12-31", "13812345678", "+8613812345678", "+1 415 555 2671", "US", "China", "zz",
                "110105198503120039", "11010519491231002X", "a@b.cn", "zhang@gmial.com", "100000", "张伟", "Ｇｏｌｄ",
            ])
            .prop_map(|s| Some(s.to_string())),
            3 => "(?s).{0,200}".prop_map(Some),
        ]
    }

    fn row() -> impl Strategy<Value = Vec<Option<String>>> {
        prop::collection::vec(value(), TABLE.len())
    }

    /// Patterns whose meaning as a whole-value match is `^(?:p)$`; several
    /// prefer a shorter match than the whole value.
    const PATTERNS: [&str; 14] = [
        "a|ab",
        "[a-z]+",
        "[a-z]+?",
        "\\d{2}|\\d{4}",
        "(?i)gold|silver",
        "^[0-9]+$",
        "a*",
        "",
        ".*",
        "x|xy|xyz",
        "(?m)^a$",
        "[A-Z]{2}",
        "\\w+@\\w+\\.\\w+",
        "(a|ab)(c|bcd)?",
    ];

    /// A `range` bound: none, a number, a date, today, or garbage.
    fn bound() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            (-20i64..200).prop_map(|n| json!(n)),
            (-20.0f64..200.0).prop_map(|n| json!(n)),
            prop::sample::select(vec!["1900-01-01", "1985-03-12", "2030-01-01", "today", "yesterday"])
                .prop_map(|s| json!(s)),
        ]
    }

    /// A rule of any kind with params that may or may not be right.
    fn rule_spec() -> impl Strategy<Value = (String, String, Value, String)> {
        let column = prop::sample::select(TABLE.to_vec()).prop_map(String::from);
        let severity = prop::sample::select(vec!["error", "warning"]).prop_map(String::from);
        let length = prop_oneof![Just(Value::Null), (0u64..25).prop_map(|n| json!(n))];
        let kind_params = prop_oneof![
            Just(("required".to_string(), json!({}))),
            prop::sample::select(PATTERNS.to_vec()).prop_map(|p| ("regex".to_string(), json!({"pattern": p}))),
            prop::sample::subsequence(vec!["gold", "silver", "42", " 7 ", "a", "Gold", ""], 0..5)
                .prop_map(|v| ("allowed_values".to_string(), json!({"values": v}))),
            (bound(), bound()).prop_map(|(min, max)| ("range".to_string(), json!({"min": min, "max": max}))),
            (length.clone(), length).prop_map(|(min, max)| ("length".to_string(), json!({"min": min, "max": max}))),
            prop::sample::select(vec!["phone", "email", "cn_id", "date", "country", "postcode"])
                .prop_map(|f| ("format".to_string(), json!({"format": f}))),
            prop::sample::select(vec!["cn_id_matches_birth_date_and_gender", "phone_matches_country"])
                .prop_map(|c| ("cross_field".to_string(), json!({"check": c}))),
        ];
        (column, kind_params, severity).prop_map(|(c, (k, p), s)| (c, k, p, s))
    }

    fn specs_of(rules: &[(String, String, Value, String)]) -> Vec<RuleSpec> {
        rules
            .iter()
            .enumerate()
            .map(|(i, (column, kind, params, severity))| RuleSpec {
                rule_id: i as i64 + 1,
                column: column.clone(),
                kind: kind.clone(),
                params: params.clone(),
                severity: severity.clone(),
                message: None,
            })
            .collect()
    }

    fn table() -> Vec<String> {
        TABLE.map(String::from).to_vec()
    }

    /// Whether a `range` bound is a date (or `today`) rather than a number.
    fn date_bound(v: &Value) -> Option<Option<Date>> {
        match v.as_str()? {
            "today" => Some(Some(TODAY)),
            s => Some(normalize_date(s, DateOrder::Ymd)),
        }
    }

    /// Whether `v` (present) passes a `range` rule with `params`, from the
    /// documentation: a number within the numeric bounds, or a date
    /// within the date bounds (a value that is not a date is the `format`
    /// rule's business).
    fn in_range(v: &str, params: &Value, order: DateOrder) -> bool {
        let (min, max) = (&params["min"], &params["max"]);
        if date_bound(min).or(date_bound(max)).is_some() {
            let Some(d) = normalize_date(v, order) else { return true };
            let lo = date_bound(min).flatten();
            let hi = date_bound(max).flatten();
            lo.is_none_or(|lo| d >= lo) && hi.is_none_or(|hi| d <= hi)
        } else {
            v.trim().parse::<f64>().is_ok_and(|x| {
                !x.is_nan() && min.as_f64().is_none_or(|lo| x >= lo) && max.as_f64().is_none_or(|hi| x <= hi)
            })
        }
    }

    proptest! {
        /// Any rule on any row: findings only for present values (but
        /// `required`), each the documented verdict of its rule.
        #[test]
        fn findings_are_exactly_the_documented_verdicts(
            rules in prop::collection::vec(rule_spec(), 1..8), row in row()
        ) {
            let p = profile();
            let specs = specs_of(&rules);
            let layout = RowLayout::new(&p, &specs);
            let compiled: Vec<Option<Rule>> = specs.iter().map(|s| Rule::compile(s, &p, &layout, &table()).ok()).collect();
            // range bounds are both numbers or both dates: a bound of the
            // other kind would be ignored
            for (s, r) in specs.iter().zip(&compiled) {
                if s.kind == "range" {
                    let kinds: Vec<bool> = ["min", "max"]
                        .iter()
                        .filter(|k| !s.params[**k].is_null())
                        .map(|k| s.params[*k].is_string())
                        .collect();
                    let well_formed = !kinds.is_empty()
                        && kinds.iter().all(|k| *k == kinds[0])
                        && ["min", "max"].iter().all(|k| date_bound(&s.params[*k]).is_none_or(|d| d.is_some()));
                    prop_assert_eq!(r.is_some(), well_formed, "{:?}", s.params);
                }
            }
            let ok: Vec<(RuleSpec, Rule)> =
                specs.iter().cloned().zip(compiled).filter_map(|(s, r)| Some((s, r?))).collect();
            let rules: Vec<Rule> = ok.iter().map(|(_, r)| r.clone()).collect();
            let row: Vec<Option<String>> =
                layout.columns.iter().map(|c| row[TABLE.iter().position(|t| t == c).unwrap()].clone()).collect();
            let ctx = Context { profile: &p, layout: &layout, today: TODAY };
            let findings = check_row(&rules, &row, &ctx);
            // findings come rule by rule
            let mut ids: Vec<i64> = findings.iter().map(|f| f.rule_id.unwrap()).collect();
            prop_assert!(ids.windows(2).all(|w| w[0] <= w[1]));
            ids.dedup();
            for (spec, rule) in &ok {
                let v = row[layout.index(&spec.column).unwrap()].as_deref();
                let present = v.filter(|v| !crate::text::is_blank(v));
                let mine: Vec<&Finding> = findings.iter().filter(|f| f.rule_id == Some(spec.rule_id)).collect();
                let codes: Vec<&str> = mine.iter().map(|f| f.code.as_str()).collect();
                for f in &mine {
                    prop_assert_eq!(&f.column, &spec.column);
                    prop_assert_eq!(f.value.as_deref(), present);
                    prop_assert!(!f.message.is_empty());
                    // only a likely e-mail typo is softened to a warning
                    if f.code != "email_likely_typo" {
                        prop_assert_eq!(f.severity, rule.severity);
                    }
                }
                let Some(v) = present else {
                    let want: Vec<&str> = if spec.kind == "required" { vec!["required"] } else { vec![] };
                    prop_assert_eq!(codes, want, "{:?} on {:?}", spec, v);
                    continue;
                };
                let params = &spec.params;
                let fail = |code: &'static str, bad: bool| if bad { vec![code] } else { vec![] };
                let want: Option<Vec<&str>> = match (spec.kind.as_str(), params["format"].as_str()) {
                    ("required", _) => Some(vec![]),
                    ("regex", _) => {
                        let whole = regex::Regex::new(&format!("^(?:{})$", params["pattern"].as_str().unwrap())).unwrap();
                        Some(fail("regex", !whole.is_match(v)))
                    }
                    ("allowed_values", _) => Some(fail("not_allowed", !params["values"].as_array().unwrap().iter().any(|a| a == v))),
                    ("length", _) => {
                        let n = v.chars().count() as u64;
                        Some(fail("length", params["min"].as_u64().is_some_and(|m| n < m) || params["max"].as_u64().is_some_and(|m| n > m)))
                    }
                    ("range", _) => Some(fail("out_of_range", !in_range(v, params, p.options.date_order))),
                    ("format", Some("date")) => Some(fail("invalid_date", normalize_date(v, p.options.date_order).is_none())),
                    ("format", Some("country")) => Some(fail("invalid_country", crate::country::normalize_country(v).is_none())),
                    ("format", Some("phone")) => {
                        prop_assert!(codes.iter().all(|c| *c == "invalid_phone") && codes.len() <= 1, "{:?}", codes);
                        None
                    }
                    ("format", Some("email")) => {
                        prop_assert!(codes.len() <= 1 && codes.iter().all(|c| ["invalid_email", "email_likely_typo"].contains(c)), "{:?}", codes);
                        None
                    }
                    ("format", Some("postcode")) => {
                        prop_assert!(codes.len() <= 1 && codes.iter().all(|c| *c == "invalid_postcode"), "{:?}", codes);
                        None
                    }
                    ("format", _) => {
                        prop_assert!(codes.iter().all(|c| c.starts_with("cn_id_") && !c.ends_with("_mismatch")), "{:?}", codes);
                        None
                    }
                    _ => {
                        let allowed: &[&str] = if params["check"] == "phone_matches_country" {
                            &["phone_country_mismatch"]
                        } else {
                            &["cn_id_birth_date_mismatch", "cn_id_gender_mismatch"]
                        };
                        prop_assert!(codes.iter().all(|c| allowed.contains(c)), "{:?}", codes);
                        None
                    }
                };
                if let Some(want) = want {
                    prop_assert_eq!(codes, want, "{:?} on {:?}", spec, v);
                }
            }
        }

        /// Rules read from any JSON either compile or are refused with an
        /// error naming the rule; what compiles is what was asked for.
        #[test]
        fn any_rule_spec_compiles_or_is_an_error(
            column in prop_oneof![prop::sample::select(TABLE.to_vec()).prop_map(String::from), "[a-z]{0,6}"],
            kind in prop_oneof![
                prop::sample::select(vec!["required", "regex", "allowed_values", "range", "length", "format", "cross_field"])
                    .prop_map(String::from),
                "(?s).{0,12}",
            ],
            params in json_value(
                &["pattern", "values", "min", "max", "format", "check"],
                &["today", "1900-01-01", "phone", "email", "zip", "cn_id_matches_birth_date_and_gender",
                  "phone_matches_country", "(", "a{1000}{1000}", "[a-z]+", "\\p{L}{50}"],
            ),
            severity in prop_oneof![prop::sample::select(vec!["error", "warning"]).prop_map(String::from), "(?s).{0,8}"],
            rule_id in any::<i64>(),
        ) {
            let p = profile();
            let spec = RuleSpec { rule_id, column, kind, params, severity, message: None };
            let layout = RowLayout::new(&p, std::slice::from_ref(&spec));
            match Rule::compile(&spec, &p, &layout, &table()) {
                Ok(rule) => {
                    prop_assert!(TABLE.contains(&spec.column.as_str()));
                    prop_assert_eq!(rule.rule_id, rule_id);
                    prop_assert_eq!(rule.severity.as_str(), spec.severity.as_str());
                    let class = match spec.kind.as_str() {
                        "required" => RuleClass::Required,
                        "cross_field" => RuleClass::Consistency,
                        "regex" | "allowed_values" | "range" | "length" | "format" => RuleClass::Validity,
                        other => return Err(TestCaseError::fail(format!("compiled an unknown kind {other:?}"))),
                    };
                    prop_assert_eq!(rule.class(), class);
                }
                Err(e) => {
                    prop_assert_eq!(matches!(e, RuleError::UnknownColumn { .. }), !TABLE.contains(&spec.column.as_str()));
                    prop_assert!(e.to_string().starts_with(&format!("rule {rule_id}: ")), "{}", e);
                    let _ = (e.class(), e.hint());
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6))]

        /// Long hostile values through every kind of rule: no panic, and
        /// `required` and `length` still judge exactly.
        #[test]
        fn long_values_through_every_rule(
            values in prop::collection::vec(prop_oneof!["(?s).{2000,20000}", "[0-9+ \\-@.a-z]{2000,20000}"], TABLE.len())
        ) {
            let p = profile();
            let mut rules = vec![];
            for c in TABLE {
                rules.push((c.to_string(), "required".to_string(), json!({}), "error".to_string()));
                rules.push((c.to_string(), "length".to_string(), json!({"max": 10000}), "error".to_string()));
                rules.push((c.to_string(), "regex".to_string(), json!({"pattern": "[\\s\\S]*[a-z]"}), "error".to_string()));
                rules.push((c.to_string(), "range".to_string(), json!({"min": 0}), "error".to_string()));
                rules.push((c.to_string(), "range".to_string(), json!({"max": "today"}), "error".to_string()));
                for f in ["phone", "email", "cn_id", "date", "country", "postcode"] {
                    rules.push((c.to_string(), "format".to_string(), json!({"format": f}), "error".to_string()));
                }
            }
            rules.push(("id".to_string(), "cross_field".to_string(), json!({"check": "cn_id_matches_birth_date_and_gender"}), "error".to_string()));
            rules.push(("phone".to_string(), "cross_field".to_string(), json!({"check": "phone_matches_country"}), "error".to_string()));
            let specs = specs_of(&rules);
            let layout = RowLayout::new(&p, &specs);
            let compiled: Vec<Rule> = specs.iter().map(|s| Rule::compile(s, &p, &layout, &table()).unwrap()).collect();
            let row: Vec<Option<String>> =
                layout.columns.iter().map(|c| Some(values[TABLE.iter().position(|t| t == c).unwrap()].clone())).collect();
            let ctx = Context { profile: &p, layout: &layout, today: TODAY };
            let findings = check_row(&compiled, &row, &ctx);
            for (i, s) in specs.iter().enumerate() {
                let v = row[layout.index(&s.column).unwrap()].as_deref().unwrap();
                let codes: Vec<&str> =
                    findings.iter().filter(|f| f.rule_id == Some(i as i64 + 1)).map(|f| f.code.as_str()).collect();
                match s.kind.as_str() {
                    "required" => prop_assert_eq!(codes.is_empty(), !crate::text::is_blank(v)),
                    "length" => prop_assert_eq!(codes.is_empty(), crate::text::is_blank(v) || v.chars().count() <= 10000),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn a_regex_matches_when_any_match_is_the_whole_value() {
        // `a|ab` prefers `a`, and `[a-z]+?` the shortest match: the first
        // match of "ab" was "a", and the rule failed a value it matches.
        let rules = [
            spec(1, "tier", "regex", json!({"pattern": "a|ab"})),
            spec(2, "name", "regex", json!({"pattern": "[a-z]+?"})),
        ];
        assert_eq!(codes(&rules, &[("tier", "ab"), ("name", "abc")]), Vec::<String>::new());
        assert_eq!(codes(&rules, &[("tier", "abc"), ("name", "abc1")]), vec!["tier:regex", "name:regex"]);
        // free-spacing patterns may end in a comment
        let rules = [spec(1, "tier", "regex", json!({"pattern": "(?x) [a-z]+ # letters"}))];
        assert_eq!(codes(&rules, &[("tier", "gold")]), Vec::<String>::new());
        assert_eq!(codes(&rules, &[("tier", "gold 1")]), vec!["tier:regex"]);
    }

    #[test]
    fn not_a_number_is_not_in_range() {
        // "NaN" parses as a float, and compares false with every bound.
        let rules = [spec(1, "age", "range", json!({"min": 0, "max": 150}))];
        assert_eq!(codes(&rules, &[("age", "NaN")]), vec!["age:out_of_range"]);
        assert_eq!(codes(&rules, &[("age", "inf")]), vec!["age:out_of_range"]);
        assert_eq!(codes(&rules, &[("age", "150")]), Vec::<String>::new());
    }

    #[test]
    fn range_bounds_are_both_numbers_or_both_dates() {
        // With a number and a date, one bound was silently ignored.
        let p = profile();
        let names: Vec<String> = table();
        let s = spec(1, "age", "range", json!({"min": 0, "max": "today"}));
        let layout = RowLayout::new(&p, std::slice::from_ref(&s));
        let e = Rule::compile(&s, &p, &layout, &names).unwrap_err();
        assert!(matches!(e, RuleError::BadParams { .. }), "{e}");
    }
}
