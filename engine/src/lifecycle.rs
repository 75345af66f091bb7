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

    // ---- properties ----

    use crate::testing::json_value;
    use proptest::prelude::*;

    const STAGES: [&str; 5] = ["prospect", "new", "active", "silent", "churned"];

    /// Any date of the calendar (years 1–9999).
    fn date() -> impl Strategy<Value = Date> {
        let (lo, hi) =
            (Date::new(1, 1, 1).unwrap().days_since_epoch(), Date::new(9999, 12, 31).unwrap().days_since_epoch());
        prop_oneof![lo..=hi, 19_000i64..21_000].prop_map(Date::from_days_since_epoch)
    }

    /// A date `as_of` minus a number of days: often near the thresholds
    /// (boundaries are where stages change), sometimes anywhere.
    fn days_before(as_of: Date) -> impl Strategy<Value = Date> {
        prop_oneof![-5i64..50, -3_000_000i64..3_000_000]
            .prop_map(move |ago| Date::from_days_since_epoch(as_of.days_since_epoch() - ago))
    }

    /// Thresholds as `parse` accepts them, extremes included.
    fn thresholds() -> impl Strategy<Value = Thresholds> {
        let days = prop_oneof![0i64..50, 0i64..800, Just(i64::MAX), 0..i64::MAX];
        (days.clone(), days.clone(), days).prop_map(|(new_days, a, b)| Thresholds {
            new_days,
            active_days: a.min(b),
            churn_days: a.max(b),
        })
    }

    fn count() -> impl Strategy<Value = Option<i64>> {
        prop_oneof![Just(None), any::<i64>().prop_map(Some), (-2i64..5).prop_map(Some)]
    }

    proptest! {
        /// Total, and exactly the documented order of tests.
        #[test]
        fn the_stage_is_the_documented_one(
            (as_of, first, last) in date().prop_flat_map(|d| (Just(d), prop::option::of(days_before(d)), prop::option::of(days_before(d)))),
            n in count(),
            t in thresholds(),
        ) {
            let stage = lifecycle_stage(first, last, n, as_of, &t);
            prop_assert!(STAGES.contains(&stage));
            let ago = |d: Date| as_of.days_since_epoch() - d.days_since_epoch();
            let want = if n.unwrap_or(0) <= 0 {
                "prospect"
            } else if first.is_some_and(|d| ago(d) <= t.new_days) {
                "new"
            } else {
                match last {
                    Some(d) if ago(d) <= t.active_days => "active",
                    Some(d) if ago(d) <= t.churn_days => "silent",
                    _ => "churned",
                }
            };
            prop_assert_eq!(stage, want);
        }

        /// The longer ago the last activity, the further along the way to
        /// `churned` (active, silent, churned), never back.
        #[test]
        fn older_activity_never_makes_a_customer_livelier(
            (as_of, first, a, b) in date().prop_flat_map(|d| (Just(d), prop::option::of(days_before(d)), days_before(d), days_before(d))),
            n in 1i64..100,
            t in thresholds(),
        ) {
            let (recent, older) = if a >= b { (a, b) } else { (b, a) };
            let rank = |s: &str| STAGES.iter().position(|x| *x == s).unwrap();
            let s1 = lifecycle_stage(first, Some(recent), Some(n), as_of, &t);
            let s2 = lifecycle_stage(first, Some(older), Some(n), as_of, &t);
            prop_assert!(rank(s1) <= rank(s2), "{} then {}", s1, s2);
            // no date of the last activity is the end of the way
            prop_assert!(rank(s2) <= rank(lifecycle_stage(first, None, Some(n), as_of, &t)));
        }

        #[test]
        fn thresholds_parse_or_fail_never_panic(
            new in prop_oneof![-3i64..5, any::<i64>()],
            active in prop_oneof![-3i64..5, any::<i64>()],
            churn in prop_oneof![-3i64..5, any::<i64>()],
        ) {
            let got = Thresholds::parse(&json!({"new_days": new, "active_days": active, "churn_days": churn}));
            if new >= 0 && active >= 0 && active <= churn {
                prop_assert_eq!(got, Ok(Thresholds { new_days: new, active_days: active, churn_days: churn }));
            } else {
                prop_assert!(got.is_err());
            }
        }

        #[test]
        fn thresholds_from_any_json(v in json_value(&["new_days", "active_days", "churn_days"], &[])) {
            if let Ok(t) = Thresholds::parse(&v) {
                prop_assert!(t.new_days >= 0 && t.active_days >= 0 && t.active_days <= t.churn_days);
            }
        }
    }
}
