//! Survivorship: which value of each column the golden record keeps when
//! several rows of one customer are merged.
//!
//! Each column has a rule, set per column in the profile's
//! `options.survivorship` or taken from the column's role
//! ([`SurvivorRule::default_for`]). Every rule but `survivor` looks only at
//! non-empty values (NULL or blank is empty) and falls back to the
//! survivor's own value when every row is empty. Ties, and the order in
//! which rows are considered, follow one preference order: the survivor
//! first, then the other rows from the most recently updated (by the
//! `updated_at` role) to the least, then in the order given.
//!
//! Written by hand: the rules are a few comparisons each, and no crate
//! implements master-data survivorship.

use std::collections::HashMap;

use crate::profile::{Profile, Role};

pub use crate::profile::SurvivorRule;

/// The rows being merged, as their columns' text values.
pub struct MergeRows<'a> {
    /// Every column of the table, in table order.
    pub columns: &'a [String],
    /// One row per merged row, `columns.len()` values each; row 0 is the
    /// survivor.
    pub rows: &'a [Vec<Option<String>>],
    /// How recently each row was updated: 0 for the most recent rows, 1 for
    /// the next, …; rows without a date rank after every dated row.
    pub recency: &'a [u32],
    /// Why a column must keep the survivor's value whatever its rule
    /// (`"primary key"`, `"generated"`, …), by column.
    pub fixed: &'a HashMap<String, String>,
}

/// The surviving value of one column and how it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Decision {
    pub column: String,
    pub value: Option<String>,
    pub rule: SurvivorRule,
    /// Index in [`MergeRows::rows`] of the row the value comes from.
    #[serde(skip)]
    pub row: usize,
    /// Why the column keeps the survivor's value whatever its rule (the
    /// rule is then `survivor`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed: Option<String>,
}

/// The golden record of `input`: one decision per column, in table order.
/// `valid(row, column)` says whether a row's value of a column passes
/// validation (used by `valid_first`).
pub fn golden_record(profile: &Profile, input: &MergeRows, valid: impl Fn(usize, usize) -> bool) -> Vec<Decision> {
    let order = preference_order(input.recency);
    let source_rank = source_ranks(profile, input);
    input
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let rule = rule_of(profile, column);
            let fixed = input.fixed.get(column).cloned();
            let (rule, row) = match fixed {
                Some(_) => (SurvivorRule::Survivor, 0),
                None => (
                    rule,
                    choose(rule, &order, |r| input.rows[r][c].as_deref(), input.recency, &source_rank, |r| valid(r, c)),
                ),
            };
            Decision { column: column.clone(), value: input.rows[row][c].clone(), rule, row, fixed }
        })
        .collect()
}

/// The rule of `column`: the profile's choice, else its role's default.
pub fn rule_of(profile: &Profile, column: &str) -> SurvivorRule {
    profile.options.survivorship.iter().find(|(c, _)| c == column).map(|(_, r)| *r).unwrap_or_else(|| {
        SurvivorRule::default_for(profile.bindings.iter().find(|b| b.column == column).map(|b| b.role))
    })
}

/// Row indexes in preference order: the survivor, then by recency, then as
/// given (a stable sort keeps the given order among equals).
fn preference_order(recency: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (1..recency.len()).collect();
    order.sort_by_key(|&r| recency[r]);
    order.insert(0, 0);
    order
}

/// Each row's position of its source in `source_priority` (unlisted or no
/// source: after every listed one).
fn source_ranks(profile: &Profile, input: &MergeRows) -> Vec<usize> {
    let list = &profile.options.source_priority;
    let column = profile.column(Role::Source).and_then(|b| input.columns.iter().position(|c| *c == b.column));
    input
        .rows
        .iter()
        .map(|row| {
            let source = column.and_then(|c| row[c].as_deref()).map(str::trim);
            source.and_then(|s| list.iter().position(|l| l.eq_ignore_ascii_case(s))).unwrap_or(list.len())
        })
        .collect()
}

/// NULL or blank: blank as everywhere in the crate ([`crate::text::is_blank`]:
/// white space, control and invisible characters only). Trimming alone
/// let a zero-width space or a NUL survive over a real value (and
/// `required` and the quality report call such a value missing).
fn is_empty(value: Option<&str>) -> bool {
    value.is_none_or(crate::text::is_blank)
}

/// The row whose value survives under `rule`, walking rows in `order`.
fn choose<'v>(
    rule: SurvivorRule,
    order: &[usize],
    value: impl Fn(usize) -> Option<&'v str>,
    recency: &[u32],
    source_rank: &[usize],
    valid: impl Fn(usize) -> bool,
) -> usize {
    let present: Vec<usize> = order.iter().copied().filter(|&r| !is_empty(value(r))).collect();
    if rule == SurvivorRule::Survivor || present.is_empty() {
        return 0;
    }
    // `min_by_key` keeps the first of equal keys: the preferred row.
    let best = |key: &dyn Fn(usize) -> i64| present.iter().copied().min_by_key(|&r| key(r)).unwrap_or(0);
    match rule {
        SurvivorRule::Survivor => 0,
        SurvivorRule::MostRecent => best(&|r| i64::from(recency[r])),
        SurvivorRule::MostComplete => best(&|r| -(value(r).map_or(0, |v| v.trim().chars().count()) as i64)),
        SurvivorRule::SourcePriority => best(&|r| source_rank[r] as i64),
        SurvivorRule::ValidFirst => best(&|r| i64::from(!valid(r))),
        SurvivorRule::MostFrequent => {
            let key = |r: usize| value(r).map(fold).unwrap_or_default();
            let mut counts: HashMap<String, i64> = HashMap::new();
            for &r in &present {
                *counts.entry(key(r)).or_default() += 1;
            }
            best(&|r| -counts[&key(r)])
        }
    }
}

/// The form in which `most_frequent` compares values: case-folded, with
/// runs of white space as one space.
fn fold(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::TableColumn;
    use serde_json::json;

    const COLUMNS: [&str; 7] = ["id", "name", "phone", "city", "source", "updated_at", "note"];

    fn profile(options: serde_json::Value) -> Profile {
        let table: Vec<TableColumn> =
            COLUMNS.iter().map(|c| TableColumn { name: c.to_string(), is_text: *c != "id" }).collect();
        Profile::parse(
            &json!({"id": "id", "name": "name", "phone": "phone", "city": "city", "source": "source", "updated_at": "updated_at"}),
            &options,
            &table,
        )
        .unwrap()
    }

    fn rows(data: &[[Option<&str>; 7]]) -> Vec<Vec<Option<String>>> {
        data.iter().map(|r| r.iter().map(|v| v.map(String::from)).collect()).collect()
    }

    /// (column, value, rule, row) of each decision.
    fn decide(
        p: &Profile,
        data: &[[Option<&str>; 7]],
        recency: &[u32],
        valid: impl Fn(usize, usize) -> bool,
    ) -> Vec<(String, Option<String>, &'static str, usize)> {
        let columns: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        let rows = rows(data);
        let fixed = HashMap::from([("id".to_string(), "primary key".to_string())]);
        let input = MergeRows { columns: &columns, rows: &rows, recency, fixed: &fixed };
        golden_record(p, &input, valid).into_iter().map(|d| (d.column, d.value, d.rule.as_str(), d.row)).collect()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn defaults_follow_the_roles() {
        let p = profile(json!({}));
        let data = [
            [Some("1"), Some("Zhang Wei"), None, Some("Beijing"), Some("web"), Some("2024-01-01"), Some("vip")],
            [
                Some("2"),
                Some("zhang  wei"),
                Some("+8613812345678"),
                Some("Shanghai"),
                Some("crm"),
                Some("2025-06-01"),
                Some("x"),
            ],
            [Some("3"), Some("Wei Zhang"), Some("12345"), None, Some("crm"), None, None],
        ];
        // recency: row 1 newest, row 0 next, row 2 has no date
        let got = decide(&p, &data, &[1, 0, 2], |r, c| !(r == 2 && c == 2));
        assert_eq!(
            got,
            vec![
                ("id".into(), s("1"), "survivor", 0),
                // "Zhang Wei" and "zhang  wei" are one spelling held by two rows: the survivor's form wins
                ("name".into(), s("Zhang Wei"), "most_frequent", 0),
                // the survivor has none; row 1 (newer) is valid, row 2's is not
                ("phone".into(), s("+8613812345678"), "valid_first", 1),
                // row 1 was updated last
                ("city".into(), s("Shanghai"), "most_recent", 1),
                ("source".into(), s("web"), "survivor", 0),
                ("updated_at".into(), s("2025-06-01"), "most_recent", 1),
                ("note".into(), s("vip"), "survivor", 0),
            ]
        );
    }

    #[test]
    fn each_rule_as_configured() {
        let p = profile(json!({
            "survivorship": {"name": "most_complete", "phone": "source_priority", "city": "survivor",
                             "note": "most_frequent", "id": "most_recent"},
            "source_priority": ["CRM", "web"]
        }));
        let data = [
            [Some("1"), Some("J. Smith"), Some("111"), None, Some("import"), Some("2024-01-01"), Some("a")],
            [Some("2"), Some("John Smith"), Some("222"), Some("Boston"), Some("web"), Some("2023-01-01"), Some("b")],
            [Some("3"), Some("  John  "), Some("333"), Some("NYC"), Some("crm"), Some("2022-01-01"), Some("B")],
        ];
        let got = decide(&p, &data, &[0, 1, 2], |_, _| true);
        assert_eq!(
            got,
            vec![
                // the id is fixed whatever the profile says
                ("id".into(), s("1"), "survivor", 0),
                ("name".into(), s("John Smith"), "most_complete", 1),
                // crm (case-insensitive) ranks first
                ("phone".into(), s("333"), "source_priority", 2),
                // survivor keeps even an empty value
                ("city".into(), None, "survivor", 0),
                ("source".into(), s("import"), "survivor", 0),
                ("updated_at".into(), s("2024-01-01"), "most_recent", 0),
                // "b" and "B" are one value held twice; the preferred row holding it is row 1
                ("note".into(), s("b"), "most_frequent", 1),
            ]
        );
    }

    #[test]
    fn empty_values_never_win_and_ties_go_to_the_survivor() {
        let p = profile(json!({"survivorship": {"name": "most_complete", "note": "valid_first"}}));
        let data = [
            [Some("1"), Some("Ann"), Some(" "), Some(""), None, None, None],
            [Some("2"), Some("Bob"), None, Some("  "), None, None, Some("n2")],
            [Some("3"), Some(""), Some("+1 555"), None, None, None, Some("n3")],
        ];
        // every row undated: all rank alike, so the given order decides after the survivor
        let got = decide(&p, &data, &[0, 0, 0], |_, _| false);
        assert_eq!(got[1], ("name".into(), s("Ann"), "most_complete", 0));
        assert_eq!(got[2], ("phone".into(), s("+1 555"), "valid_first", 2));
        // every row blank: the survivor's (blank) value stays
        assert_eq!(got[3], ("city".into(), s(""), "most_recent", 0));
        // nothing valid: the first present value in preference order
        assert_eq!(got[6], ("note".into(), s("n2"), "valid_first", 1));
    }

    #[test]
    fn rule_names_round_trip() {
        for r in SurvivorRule::ALL {
            assert_eq!(SurvivorRule::parse(r.as_str()), Some(r));
        }
        assert_eq!(SurvivorRule::parse("newest"), None);
    }

    // ---- properties ----

    use proptest::prelude::*;

    /// A value of any column: NULL, blank ones (white space, control,
    /// invisible), spellings of one name, sources, and arbitrary text.
    fn value() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            2 => Just(None),
            6 => prop::sample::select(vec![
                "", " ", "\t\n", "\u{200B}", "\u{FEFF} ", "\u{0}", "Zhang Wei", "zhang  wei", "ZHANG WEI", "Li Na",
                "li na", " x ", "Beijing", "+8613812345678", "crm", "CRM ", " web", "import",
            ])
            .prop_map(|s| Some(s.to_string())),
            2 => "(?s).{0,30}".prop_map(Some),
        ]
    }

    /// Rows of a merge with everything survivorship reads.
    #[derive(Debug, Clone)]
    struct Merge {
        rows: Vec<Vec<Option<String>>>,
        recency: Vec<u32>,
        valid: Vec<Vec<bool>>,
        rules: Vec<SurvivorRule>,
        priority: Vec<&'static str>,
    }

    fn merge_with(recency: impl Strategy<Value = Vec<u32>>) -> impl Strategy<Value = Merge> {
        recency.prop_flat_map(|recency| {
            let n = recency.len();
            (
                prop::collection::vec(prop::collection::vec(value(), COLUMNS.len()), n),
                Just(recency),
                prop::collection::vec(prop::collection::vec(any::<bool>(), COLUMNS.len()), n),
                prop::collection::vec(prop::sample::select(SurvivorRule::ALL.to_vec()), COLUMNS.len()),
                prop::sample::subsequence(vec!["crm", "web", "import"], 0..=3).prop_shuffle(),
            )
                .prop_map(|(rows, recency, valid, rules, priority)| Merge {
                    rows,
                    recency,
                    valid,
                    rules,
                    priority,
                })
        })
    }

    /// 1 to 5 rows, recency with ties.
    fn merge() -> impl Strategy<Value = Merge> {
        merge_with((1usize..6).prop_flat_map(|n| prop::collection::vec(0u32..3, n)))
    }

    fn golden(m: &Merge) -> Vec<Decision> {
        let survivorship: serde_json::Map<String, serde_json::Value> =
            COLUMNS.iter().zip(&m.rules).map(|(c, r)| (c.to_string(), json!(r.as_str()))).collect();
        let p = profile(json!({"survivorship": survivorship, "source_priority": m.priority}));
        let columns: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        let fixed = HashMap::from([("id".to_string(), "primary key".to_string())]);
        let input = MergeRows { columns: &columns, rows: &m.rows, recency: &m.recency, fixed: &fixed };
        golden_record(&p, &input, |r, c| m.valid[r][c])
    }

    /// NULL or blank, as the module documents ("NULL or blank is empty"),
    /// blank as everywhere else in the crate.
    fn empty(v: &Option<String>) -> bool {
        v.as_deref().is_none_or(crate::text::is_blank)
    }

    /// How good row `r`'s value of column `c` is under `rule` (less is
    /// better), from the rule's documentation.
    fn badness(m: &Merge, rule: SurvivorRule, r: usize, c: usize) -> i64 {
        let v = m.rows[r][c].as_deref().unwrap_or_default();
        match rule {
            SurvivorRule::Survivor => 0,
            SurvivorRule::MostRecent => i64::from(m.recency[r]),
            SurvivorRule::MostComplete => -(v.trim().chars().count() as i64),
            SurvivorRule::MostFrequent => {
                -((0..m.rows.len())
                    .filter(|&o| !empty(&m.rows[o][c]) && fold(m.rows[o][c].as_deref().unwrap()) == fold(v))
                    .count() as i64)
            }
            SurvivorRule::SourcePriority => {
                let source = m.rows[r][4].as_deref().map(str::trim).unwrap_or_default();
                m.priority.iter().position(|p| p.eq_ignore_ascii_case(source)).unwrap_or(m.priority.len()) as i64
            }
            SurvivorRule::ValidFirst => i64::from(!m.valid[r][c]),
        }
    }

    /// The documented preference order: the survivor, then the most
    /// recently updated, then the order given.
    fn preference(m: &Merge, r: usize) -> (bool, u32, usize) {
        (r != 0, m.recency[r], r)
    }

    proptest! {
        #[test]
        fn the_golden_value_is_the_best_non_empty_candidate(m in merge()) {
            let decisions = golden(&m);
            prop_assert_eq!(decisions.len(), COLUMNS.len());
            prop_assert_eq!(&decisions, &golden(&m), "deterministic");
            for (c, d) in decisions.iter().enumerate() {
                prop_assert_eq!(&d.column, COLUMNS[c]);
                prop_assert!(d.row < m.rows.len());
                prop_assert_eq!(&d.value, &m.rows[d.row][c]);
                if c == 0 {
                    // fixed: the survivor's, whatever the profile says
                    prop_assert_eq!((d.rule, d.row, d.fixed.as_deref()), (SurvivorRule::Survivor, 0, Some("primary key")));
                    continue;
                }
                prop_assert_eq!(d.rule, m.rules[c]);
                prop_assert_eq!(&d.fixed, &None);
                let present: Vec<usize> = (0..m.rows.len()).filter(|&r| !empty(&m.rows[r][c])).collect();
                if d.rule == SurvivorRule::Survivor || present.is_empty() {
                    prop_assert_eq!(d.row, 0, "column {}", c);
                    continue;
                }
                // an empty value never wins over a present one
                prop_assert!(!empty(&d.value), "column {} chose empty {:?} over {:?}", c, d.value, present);
                let best = badness(&m, d.rule, d.row, c);
                for &r in &present {
                    let other = badness(&m, d.rule, r, c);
                    prop_assert!(best <= other, "column {}: row {} beats chosen row {}", c, r, d.row);
                    if other == best {
                        prop_assert!(preference(&m, d.row) <= preference(&m, r), "column {}: tie goes to row {}", c, r);
                    }
                }
            }
        }

        /// With every row's recency different, the order in which the
        /// duplicates are given does not matter: the same values survive,
        /// from the same rows.
        #[test]
        fn the_order_of_the_duplicates_does_not_matter(
            (m, perm) in merge_with((1usize..6).prop_flat_map(|n| Just((0..n as u32).collect::<Vec<_>>()).prop_shuffle()))
                .prop_flat_map(|m| { let n = m.rows.len(); (Just(m), Just((1..n).collect::<Vec<_>>()).prop_shuffle()) })
        ) {
            // row perm[i - 1] of `m` becomes row i of `p`
            let mut p = m.clone();
            for (i, &from) in perm.iter().enumerate() {
                p.rows[i + 1] = m.rows[from].clone();
                p.recency[i + 1] = m.recency[from];
                p.valid[i + 1] = m.valid[from].clone();
            }
            let (a, b) = (golden(&m), golden(&p));
            for (x, y) in a.iter().zip(&b) {
                prop_assert_eq!(&x.value, &y.value, "column {}", x.column);
                let mapped = if y.row == 0 { 0 } else { perm[y.row - 1] };
                prop_assert_eq!(x.row, mapped, "column {}", x.column);
            }
        }

        #[test]
        fn rule_names_parse_only_as_themselves(s in "(?s).{0,20}|most_[a-z]{0,10}") {
            match SurvivorRule::parse(&s) {
                Some(r) => prop_assert_eq!(r.as_str(), s.as_str()),
                None => prop_assert!(SurvivorRule::ALL.iter().all(|r| r.as_str() != s)),
            }
        }
    }

    #[test]
    fn invisible_values_are_empty() {
        let p = profile(json!({}));
        // the survivor's city is a zero-width space: the other row's survives
        let data = [
            [Some("1"), None, None, Some("\u{200B}"), None, None, None],
            [Some("2"), None, None, Some("Zhang Wei"), None, None, None],
        ];
        let got = decide(&p, &data, &[0, 0], |_, _| true);
        assert_eq!(got[3], ("city".into(), s("Zhang Wei"), "most_recent", 1));
    }

    #[test]
    fn a_merge_of_the_survivor_alone_or_of_no_columns() {
        let p = profile(json!({"survivorship": {"name": "most_complete"}}));
        let fixed = HashMap::new();
        let none: Vec<Vec<Option<String>>> = vec![vec![]];
        let input = MergeRows { columns: &[], rows: &none, recency: &[0], fixed: &fixed };
        assert_eq!(golden_record(&p, &input, |_, _| true), vec![]);
        let columns = vec!["name".to_string()];
        let rows = vec![vec![None]];
        let input = MergeRows { columns: &columns, rows: &rows, recency: &[7], fixed: &fixed };
        let d = &golden_record(&p, &input, |_, _| true)[0];
        assert_eq!((d.value.as_deref(), d.row, d.rule), (None, 0, SurvivorRule::MostComplete));
    }
}
