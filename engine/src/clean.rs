//! Cleaning one customer row: normalize every profiled text column in place,
//! then run the table's rules on the result.
//!
//! This is the per-row work of the `enable_cleaning` trigger, `clean_table`
//! and `validate`, so it is written for speed (no allocation for values that
//! do not change) and never loses data: a value that cannot be normalized
//! (an invalid phone) is left exactly as it was, and the rules report it.
//! Every value that does change is returned with its original in
//! [`Cleaned::changes`], so the SQL layer can keep it and undo the change.

use crate::profile::Role;
use crate::row::{Context, RowFacts};
use crate::rules::{check_row_with, Finding, Rule, Severity};

/// One column changed by normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Index in the row (the table's [`crate::row::RowLayout`]).
    pub index: usize,
    pub column: String,
    pub original: String,
    pub normalized: String,
}

/// What the cleaning trigger does with a row that has an error-severity
/// problem (`enable_cleaning(tbl, on_invalid)`): refuse the write, store
/// the row with its problems recorded, or keep it out of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnInvalid {
    Reject,
    Flag,
    Quarantine,
}

impl OnInvalid {
    /// Every mode, as `enable_cleaning` and the catalog spell them.
    pub const ALL: [OnInvalid; 3] = [OnInvalid::Reject, OnInvalid::Flag, OnInvalid::Quarantine];

    /// The mode named `name` (`reject`, `flag`, `quarantine`).
    pub fn parse(name: &str) -> Option<OnInvalid> {
        OnInvalid::ALL.into_iter().find(|m| m.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OnInvalid::Reject => "reject",
            OnInvalid::Flag => "flag",
            OnInvalid::Quarantine => "quarantine",
        }
    }
}

/// What cleaning did to a row and what is still wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    pub changes: Vec<Change>,
    pub findings: Vec<Finding>,
}

impl Cleaned {
    /// Whether any finding is an error (the row is rejected, quarantined or
    /// flagged); warnings alone keep the row clean.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Normalizes `row` (values as text, in `ctx.layout` order) in place and
/// checks it with `rules`.
pub fn clean_row(row: &mut [Option<String>], rules: &[Rule], ctx: &Context) -> Cleaned {
    clean_row_written(row, rules, ctx, None)
}

/// [`clean_row`] for a row of which only some values were written: the
/// values at the indexes where `written` is false are kept as they are
/// (an UPDATE's columns that it did not set were cleaned when they were
/// written, or are left to `clean_table`; an undone value stays undone).
/// The rules still check the whole row. `None`: every value was written.
pub fn clean_row_written(
    row: &mut [Option<String>],
    rules: &[Rule],
    ctx: &Context,
    written: Option<&[bool]>,
) -> Cleaned {
    let mut changes = Vec::new();
    let written = |index: usize| written.is_none_or(|w| w.get(index).copied().unwrap_or(true));
    let bindings = &ctx.profile.bindings;
    // Country first: phones, addresses and postcodes are read in it, so
    // what the rest of the row needs to know about it is worked out once,
    // after it is normalized.
    if let Some(i) = bindings.iter().position(|b| b.role == Role::Country) {
        normalize_column(i, row, ctx, &RowFacts::default(), &written, &mut changes);
    }
    let facts = RowFacts::default();
    for (i, binding) in bindings.iter().enumerate() {
        if binding.role != Role::Country {
            normalize_column(i, row, ctx, &facts, &written, &mut changes);
        }
    }
    let findings = check_row_with(rules, row, ctx, &facts);
    Cleaned { changes, findings }
}

/// Normalizes the column of the profile's `i`-th binding, when its value
/// was `written`, recording a change.
fn normalize_column(
    i: usize,
    row: &mut [Option<String>],
    ctx: &Context,
    facts: &RowFacts,
    written: &dyn Fn(usize) -> bool,
    changes: &mut Vec<Change>,
) {
    let binding = &ctx.profile.bindings[i];
    if !binding.is_text {
        return;
    }
    let Some(index) = ctx.binding_index(i, &binding.column) else { return };
    if !written(index) {
        return;
    }
    let Some(value) = row[index].as_deref() else { return };
    let new = if matches!(binding.role, Role::Phone | Role::Mobile) {
        // The rules want to know about the number too: tell them what
        // normalizing it found out, instead of having them parse it again.
        let Some((e164, verdict)) = crate::phone::normalize_phone_with_verdict(value, facts.phone_region(row, ctx).1)
        else {
            return;
        };
        facts.know_phone(index, verdict);
        e164
    } else if binding.role == Role::Postcode {
        // The postcode rule checks the value the row keeps. When that is
        // the value read here (not a postcode of the country, or already
        // in its canonical layout), this call was that check: tell the
        // rules, instead of having them run it again.
        let Some(country) = facts.country(row, ctx) else { return };
        let result = crate::postcode::normalize_postcode(value, country);
        match result {
            Ok(Some(new)) if new != value => new,
            Ok(Some(_)) => {
                facts.know_postcode(index, country, false);
                return;
            }
            Ok(None) => {
                facts.know_postcode(index, country, true);
                return;
            }
            Err(_) => return,
        }
    } else if binding.role == Role::Country {
        // The code is a static string: compare before allocating, as most
        // values (every cleaned one) are already the code.
        match crate::country::normalize_country(value) {
            Some(code) if code != value => code.to_string(),
            _ => return,
        }
    } else {
        let Some(new) = normalize(binding.role, value, row, ctx, facts) else { return };
        new
    };
    if new != value {
        let original = row[index].replace(new.clone()).unwrap_or_default();
        changes.push(Change { index, column: binding.column.clone(), original, normalized: new });
    }
}

/// The normalized form of `value` in its role; `None` to leave it as is
/// (already clean, not normalizable, or a role that is not normalized).
fn normalize(role: Role, value: &str, row: &[Option<String>], ctx: &Context, facts: &RowFacts) -> Option<String> {
    let country = || facts.country(row, ctx);
    match role {
        // (normalize_column normalizes countries without allocating)
        Role::Country => crate::country::normalize_country(value).map(str::to_string),
        // (normalize_column normalizes postcodes, telling the rules)
        // (normalize_column normalizes phones with their verdict instead)
        Role::Phone | Role::Mobile => crate::phone::normalize_phone_in(value, facts.phone_region(row, ctx).1),
        Role::Email => crate::email::normalize_email(value),
        Role::Name | Role::GivenName | Role::FamilyName => crate::name::normalize_name(value),
        Role::Address => crate::address::normalize_address(value, country()?).ok().flatten(),
        Role::Postcode => crate::postcode::normalize_postcode(value, country()?).ok().flatten(),
        Role::BirthDate => crate::date::normalize_date(value, ctx.profile.options.date_order).map(|d| d.to_string()),
        Role::NationalId => {
            // Only Chinese IDs have a canonical spelling we know.
            if country().is_some_and(|c| c != "CN") {
                return None;
            }
            crate::cn_id::cn_id_normalized(value)
        }
        Role::City | Role::Province => crate::text::normalize_text(value),
        Role::Id | Role::Gender | Role::UpdatedAt | Role::Source => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::profile::{Profile, TableColumn};
    use crate::row::RowLayout;
    use crate::rules::RuleSpec;
    use serde_json::json;

    const TODAY: Date = Date { year: 2026, month: 11, day: 23 };

    #[test]
    fn on_invalid_modes_by_name() {
        assert_eq!(OnInvalid::parse("reject"), Some(OnInvalid::Reject));
        assert_eq!(OnInvalid::parse("flag"), Some(OnInvalid::Flag));
        assert_eq!(OnInvalid::parse("quarantine"), Some(OnInvalid::Quarantine));
        assert_eq!(OnInvalid::parse("Flag"), None);
        assert_eq!(OnInvalid::parse(""), None);
        for mode in OnInvalid::ALL {
            assert_eq!(OnInvalid::parse(mode.as_str()), Some(mode));
        }
    }

    #[test]
    fn values_not_written_are_kept_and_still_checked() {
        let names = ["id", "name", "phone", "country"];
        let cols: Vec<TableColumn> = names.iter().map(|n| TableColumn { name: n.to_string(), is_text: true }).collect();
        let profile = Profile::parse(
            &json!({"id": "id", "name": "name", "phone": "phone", "country": "country"}),
            &json!({"default_region": "CN"}),
            &cols,
        )
        .unwrap();
        let specs = [RuleSpec {
            rule_id: 1,
            column: "phone".into(),
            kind: "format".into(),
            params: json!({"format": "phone"}),
            severity: "error".into(),
            message: None,
        }];
        let layout = RowLayout::new(&profile, &specs);
        let names: Vec<String> = names.map(String::from).to_vec();
        let rules: Vec<Rule> = specs.iter().map(|s| Rule::compile(s, &profile, &layout, &names).unwrap()).collect();
        let ctx = Context { profile: &profile, layout: &layout, today: TODAY };
        let raw = |phone: &str| -> Vec<Option<String>> {
            layout
                .columns
                .iter()
                .map(|c| match c.as_str() {
                    "id" => Some("1".to_string()),
                    "name" => Some("  li NA ".to_string()),
                    "phone" => Some(phone.to_string()),
                    "country" => Some("China".to_string()),
                    _ => None,
                })
                .collect()
        };
        let at = |column: &str| layout.index(column).unwrap();

        // every value written: all three normalized
        let mut all = raw("138 1234 5678");
        let cleaned = clean_row_written(&mut all, &rules, &ctx, None);
        let changed: Vec<&str> = cleaned.changes.iter().map(|c| c.column.as_str()).collect();
        assert_eq!(changed, ["country", "name", "phone"]);
        assert_eq!(all[at("phone")].as_deref(), Some("+8613812345678"));
        assert_eq!(clean_row(&mut raw("138 1234 5678"), &rules, &ctx), cleaned);

        // only the name written: phone and country stay as they are
        let mut written = vec![false; layout.columns.len()];
        written[at("name")] = true;
        let mut some = raw("138 1234 5678");
        let cleaned = clean_row_written(&mut some, &rules, &ctx, Some(&written));
        let changed: Vec<&str> = cleaned.changes.iter().map(|c| c.column.as_str()).collect();
        assert_eq!(changed, ["name"]);
        assert_eq!(some[at("name")].as_deref(), Some("Li Na"));
        assert_eq!(some[at("phone")].as_deref(), Some("138 1234 5678"));
        assert_eq!(some[at("country")].as_deref(), Some("China"));
        assert!(cleaned.findings.is_empty());

        // a value kept as it is is still checked by the rules
        let mut bad = raw("555");
        let cleaned = clean_row_written(&mut bad, &rules, &ctx, Some(&written));
        let found: Vec<String> = cleaned.findings.iter().map(|f| format!("{}:{}", f.column, f.code)).collect();
        assert_eq!(found, ["phone:invalid_phone"]);
    }
}
