//! Customer lifecycle stages, so that quality can be broken down by how
//! alive a customer is: `prospect` (never active), `new` (first seen
//! recently), `active`, `silent` (quiet for a while), `churned` (quiet for
//! long).

use serde::Deserialize;

use crate::date::Date;
use crate::error::{ErrorClass, SqlError};

/// The thresholds, in days before the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// First seen at most this many days ago: `new`.
    pub new_days: i64,
    /// Last active at most this many days ago: `active`.
    pub active_days: i64,
    /// Last active more than `active_days` but at most this many days ago:
    /// `silent`; longer: `churned`.
    pub churn_days: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { new_days: 90, active_days: 180, churn_days: 365 }
    }
}

impl Thresholds {
    /// Reads `{"new_days": 30, …}` (missing keys keep their defaults).
    pub fn parse(options: &serde_json::Value) -> Result<Thresholds, LifecycleError> {
        let t: Thresholds =
            serde_json::from_value(options.clone()).map_err(|e| LifecycleError::BadThresholds(e.to_string()))?;
        if t.new_days < 0 || t.active_days < 0 || t.churn_days < t.active_days {
            return Err(LifecycleError::BadThresholds(format!(
                "need 0 <= new_days, 0 <= active_days <= churn_days, got {}, {}, {}",
                t.new_days, t.active_days, t.churn_days
            )));
        }
        Ok(t)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    #[error("invalid lifecycle thresholds: {0}")]
    BadThresholds(String),
}

impl SqlError for LifecycleError {
    fn class(&self) -> ErrorClass {
        ErrorClass::InvalidParameterValue
    }
    fn hint(&self) -> String {
        "pass e.g. '{\"new_days\": 90, \"active_days\": 180, \"churn_days\": 365}'".into()
    }
}

/// The stage on `as_of` of a customer first seen on `first_seen`, last
/// active on `last_activity`, with `activity_count` activities (NULL
/// counts as 0). In order: no activity → `prospect`; first seen within
/// `new_days` → `new`; last active within `active_days` → `active`, within
/// `churn_days` → `silent`; else (or activities without a date) `churned`.
pub fn lifecycle_stage(
    first_seen: Option<Date>,
    last_activity: Option<Date>,
    activity_count: Option<i64>,
    as_of: Date,
    t: &Thresholds,
) -> &'static str {
    let days_since = |d: Date| as_of.days_since_epoch() - d.days_since_epoch();
    if activity_count.unwrap_or(0) <= 0 {
        return "prospect";
    }
    if first_seen.is_some_and(|d| days_since(d) <= t.new_days) {
        return "new";
    }
    match last_activity.map(days_since) {
        Some(d) if d <= t.active_days => "active",
        Some(d) if d <= t.churn_days => "silent",
        _ => "churned",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn stages_with_the_default_thresholds() {
        let t = Thresholds::default();
        let today = Date::new(2026, 11, 23).unwrap();
        let stage = |first, last, n| lifecycle_stage(first, last, n, today, &t);
        assert_eq!(stage(d(2026, 11, 1), None, Some(0)), "prospect");
        assert_eq!(stage(d(2020, 1, 1), d(2020, 1, 1), None), "prospect");
        assert_eq!(stage(d(2026, 9, 1), d(2026, 9, 2), Some(1)), "new");
        assert_eq!(stage(d(2020, 1, 1), d(2026, 6, 1), Some(9)), "active");
        // 180 days before 2026-11-23 is 2026-05-27: still active; a day earlier silent
        assert_eq!(stage(d(2020, 1, 1), d(2026, 5, 27), Some(9)), "active");
        assert_eq!(stage(d(2020, 1, 1), d(2026, 5, 26), Some(9)), "silent");
        assert_eq!(stage(d(2020, 1, 1), d(2025, 11, 23), Some(9)), "silent");
        assert_eq!(stage(d(2020, 1, 1), d(2025, 11, 22), Some(9)), "churned");
        assert_eq!(stage(None, None, Some(3)), "churned");
    }

    #[test]
    fn thresholds_are_checked() {
        assert_eq!(
            Thresholds::parse(&json!({"new_days": 30})).unwrap(),
            Thresholds { new_days: 30, active_days: 180, churn_days: 365 }
        );
        assert!(Thresholds::parse(&json!({"active_days": 400})).is_err());
        assert!(Thresholds::parse(&json!({"new_day": 3})).is_err());
        assert!(Thresholds::parse(&json!({"new_days": "30"})).is_err());
        assert!(Thresholds::parse(&json!({"new_days": -1})).is_err());
    }
}
