//! One row of a profiled table as the cleaner and the rules read it: which
//! columns it carries ([`RowLayout`]), what they need besides its values
//! ([`Context`]: the profile, the date), and what is worked out about it
//! once for all of them ([`RowFacts`]: its country, phone verdicts, postcode
//! and ID checks). `clean` normalizes a row and `rules` checks it; both
//! read the row through here, so neither needs the other's types.

use crate::date::{normalize_date, Date};
use crate::profile::{Profile, Role};

/// Something that names a column of the row: a rule (`rules::RuleSpec`).
pub trait NamesColumn {
    fn column(&self) -> &str;
}

/// Which columns a row carries, in order: first the profile's bindings,
/// then any other column a rule names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowLayout {
    pub columns: Vec<String>,
}

impl RowLayout {
    /// The profile's bindings, then every other column `rules` name.
    pub fn new<R: NamesColumn>(profile: &Profile, rules: &[R]) -> RowLayout {
        let mut columns: Vec<String> = profile.bindings.iter().map(|b| b.column.clone()).collect();
        for r in rules {
            if !columns.iter().any(|c| c == r.column()) {
                columns.push(r.column().to_string());
            }
        }
        RowLayout { columns }
    }

    pub fn index(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == column)
    }
}

/// What the rules need to know besides the row: the profile (to find the
/// country, birth date, … columns) and the current date.
pub struct Context<'a> {
    pub profile: &'a Profile,
    pub layout: &'a RowLayout,
    pub today: Date,
}

impl Context<'_> {
    /// Index in the row of the column playing `role`.
    pub(crate) fn role_index(&self, role: Role) -> Option<usize> {
        let (i, b) = self.profile.bindings.iter().enumerate().find(|(_, b)| b.role == role)?;
        self.binding_index(i, &b.column)
    }

    /// Index in the row of `column`, the `i`-th binding of the profile.
    /// [`RowLayout::new`] puts the bindings first, in order, so one string
    /// comparison usually saves a search of the layout (this runs several
    /// times per row of a trigger).
    pub(crate) fn binding_index(&self, i: usize, column: &str) -> Option<usize> {
        if self.layout.columns.get(i).is_some_and(|c| c == column) {
            Some(i)
        } else {
            self.layout.index(column)
        }
    }

    pub(crate) fn value<'r>(&self, row: &'r [Option<String>], role: Role) -> Option<&'r str> {
        let i = self.role_index(role)?;
        present(row.get(i)?.as_deref())
    }

    /// The row's own country column as ISO alpha-2 (no default).
    pub(crate) fn row_country(&self, row: &[Option<String>]) -> Option<&'static str> {
        self.value(row, Role::Country).and_then(crate::country::normalize_country)
    }

    /// The row's country as ISO alpha-2, else the profile's default region.
    pub fn country(&self, row: &[Option<String>]) -> Option<&'static str> {
        self.row_country(row).or(self.profile.options.default_region)
    }

    /// The region a national-format phone number of this row is read in:
    /// the row's country, else the profile's default region, else none
    /// (`ZZ`: only numbers with `+country code` are read).
    pub fn phone_region(&self, row: &[Option<String>]) -> &'static str {
        phone_region_of(self.country(row))
    }

    pub(crate) fn birth_date(&self, row: &[Option<String>]) -> Option<Date> {
        self.value(row, Role::BirthDate).and_then(|v| normalize_date(v, self.profile.options.date_order))
    }
}

fn phone_region_of(country: Option<&'static str>) -> &'static str {
    parsed_phone_region_of(country).0
}

/// [`phone_region_of`] and its parsed form, with one parse.
fn parsed_phone_region_of(country: Option<&'static str>) -> (&'static str, crate::phone::Region) {
    match country.and_then(|c| crate::phone::Region::parse(c).ok().map(|r| (c, r))) {
        Some(known) => known,
        None => ("ZZ", crate::phone::Region::parse("ZZ").expect("ZZ is a region")),
    }
}

/// What several rules of one row (and the cleaner before them) need to
/// know about it, worked out at most once per row. Without it the country
/// was normalized again for every phone, address, postcode and format
/// rule, a phone number was parsed by the cleaner, its format rule and its
/// cross-field rule, and an ID number was checked by two rules.
///
/// Only valid while the row does not change: the cleaner makes one after
/// normalizing the country column (which the others are read in), and
/// tells it about each phone number it writes ([`RowFacts::know_phone`]);
/// the ID checks are made by the rules, after all normalization.
#[derive(Default)]
pub(crate) struct RowFacts {
    row_country: std::cell::OnceCell<Option<&'static str>>,
    phone_region: std::cell::OnceCell<(&'static str, crate::phone::Region)>,
    /// Phone verdicts by column index.
    phones: std::cell::RefCell<Vec<(usize, Option<crate::phone::PhoneVerdict>)>>,
    /// Whether `normalize_postcode` rejects the value of a column in the
    /// row's country (by column index and that country), when the cleaner
    /// found out.
    postcodes: std::cell::RefCell<Vec<(usize, &'static str, bool)>>,
    /// The problems of Chinese ID numbers, checked against the row's birth
    /// date and gender, by column index.
    cn_ids: std::cell::RefCell<Vec<(usize, Option<CnIdProblems>)>>,
}

impl RowFacts {
    /// [`Context`]'s row country, once.
    pub(crate) fn row_country(&self, row: &[Option<String>], ctx: &Context) -> Option<&'static str> {
        *self.row_country.get_or_init(|| ctx.row_country(row))
    }

    /// [`Context::country`], once.
    pub(crate) fn country(&self, row: &[Option<String>], ctx: &Context) -> Option<&'static str> {
        self.row_country(row, ctx).or(ctx.profile.options.default_region)
    }

    /// [`Context::phone_region`] and its parsed form, once.
    pub(crate) fn phone_region(&self, row: &[Option<String>], ctx: &Context) -> (&'static str, crate::phone::Region) {
        *self.phone_region.get_or_init(|| parsed_phone_region_of(self.country(row, ctx)))
    }

    /// Records the verdict on the phone number now in column `index` (the
    /// cleaner knows it from normalizing the number).
    pub(crate) fn know_phone(&self, index: usize, verdict: crate::phone::PhoneVerdict) {
        let mut phones = self.phones.borrow_mut();
        phones.retain(|(i, _)| *i != index);
        phones.push((index, Some(verdict)));
    }

    /// Records that `normalize_postcode` does (`rejected`) or does not
    /// reject the value now in column `index` for `country` (the cleaner
    /// read it and left it as it was). A column plays one role in a
    /// profile, so no other normalization changes it after.
    pub(crate) fn know_postcode(&self, index: usize, country: &'static str, rejected: bool) {
        let mut postcodes = self.postcodes.borrow_mut();
        postcodes.retain(|(i, _, _)| *i != index);
        postcodes.push((index, country, rejected));
    }

    /// Whether `normalize_postcode(v, country)` is `Ok(None)` for the
    /// value `v` of column `index`.
    pub(crate) fn postcode_rejected(&self, index: usize, v: &str, country: &'static str) -> bool {
        let known = self.postcodes.borrow().iter().find(|(i, c, _)| *i == index && *c == country).map(|k| k.2);
        known.unwrap_or_else(|| matches!(crate::postcode::normalize_postcode(v, country), Ok(None)))
    }

    /// The verdict on the phone number `v` in column `index`, once per column.
    pub(crate) fn phone(
        &self,
        index: usize,
        v: &str,
        row: &[Option<String>],
        ctx: &Context,
    ) -> Option<crate::phone::PhoneVerdict> {
        if let Some((_, known)) = self.phones.borrow().iter().find(|(i, _)| *i == index) {
            return *known;
        }
        let verdict = crate::phone::phone_verdict(v, self.phone_region(row, ctx).1);
        self.phones.borrow_mut().push((index, verdict));
        verdict
    }

    /// The problems `cn_id_check` finds in the number `v` in column `index`
    /// with the row's birth date and gender, once per column. The `format`
    /// rule reads the problems of the number itself, the `cross_field` rule
    /// the mismatches (see `rules::is_mismatch`); no other problem depends on
    /// the birth date or gender given.
    pub(crate) fn cn_id(&self, index: usize, v: &str, row: &[Option<String>], ctx: &Context) -> Option<CnIdProblems> {
        if let Some((_, known)) = self.cn_ids.borrow().iter().find(|(i, _)| *i == index) {
            return known.clone();
        }
        let gender = ctx.value(row, Role::Gender);
        let birth = ctx.birth_date(row);
        let check: Option<CnIdProblems> = crate::cn_id::cn_id_problems(v, birth, gender, ctx.today).map(Into::into);
        self.cn_ids.borrow_mut().push((index, check.clone()));
        check
    }
}

/// The problems of one ID number, shared by the two rules that read them.
pub(crate) type CnIdProblems = std::rc::Rc<[crate::cn_id::Problem]>;

pub(crate) fn present(v: Option<&str>) -> Option<&str> {
    v.filter(|s| !crate::text::is_blank(s))
}
