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
use crate::rules::{check_row, Context, Finding, Rule, Severity};

/// One column changed by normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Index in the row (the table's [`crate::rules::RowLayout`]).
    pub index: usize,
    pub column: String,
    pub original: String,
    pub normalized: String,
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
    let mut changes = Vec::new();
    // Country first: phones, addresses and postcodes are read in it.
    let order = [Role::Country]
        .into_iter()
        .chain(ctx.profile.bindings.iter().map(|b| b.role).filter(|r| *r != Role::Country));
    for role in order {
        let Some(binding) = ctx.profile.column(role) else { continue };
        if !binding.is_text {
            continue;
        }
        let Some(index) = ctx.layout.index(&binding.column) else { continue };
        let Some(value) = row[index].as_deref() else { continue };
        if let Some(new) = normalize(role, value, row, ctx).filter(|n| n != value) {
            let original = std::mem::replace(&mut row[index], Some(new.clone())).unwrap_or_default();
            changes.push(Change { index, column: binding.column.clone(), original, normalized: new });
        }
    }
    let findings = check_row(rules, row, ctx);
    Cleaned { changes, findings }
}

/// The normalized form of `value` in its role; `None` to leave it as is
/// (already clean, not normalizable, or a role that is not normalized).
fn normalize(role: Role, value: &str, row: &[Option<String>], ctx: &Context) -> Option<String> {
    let country = || ctx.country(row);
    match role {
        Role::Country => crate::country::normalize_country(value).map(str::to_string),
        Role::Phone | Role::Mobile => {
            crate::phone::normalize_phone_in(value, crate::phone::Region::parse(ctx.phone_region(row)).ok()?)
        }
        Role::Email => crate::email::normalize_email(value),
        Role::Name | Role::GivenName | Role::FamilyName => crate::name::normalize_name(value),
        Role::Address => crate::address::normalize_address(value, country()?).ok().flatten(),
        Role::Postcode => crate::postcode::normalize_postcode(value, country()?).ok().flatten(),
        Role::BirthDate => {
            crate::date::normalize_date(value, ctx.profile.options.date_order).map(|d| d.to_string())
        }
        Role::NationalId => {
            // Only Chinese IDs have a canonical spelling we know.
            if country().is_some_and(|c| c != "CN") {
                return None;
            }
            crate::cn_id::cn_id_check(value, None, None, ctx.today).and_then(|c| c.normalized)
        }
        Role::City | Role::Province => crate::text::normalize_text(value),
        Role::Id | Role::Gender | Role::UpdatedAt | Role::Source => None,
    }
}
