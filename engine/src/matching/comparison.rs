//! The comparisons of a pair of records and their agreement levels.
//!
//! Each [`Field`] compares one aspect of two records and answers with a
//! level: 0 is always `null` (one side has no value: no evidence either
//! way), then from the strongest agreement down to `different`. The model
//! learns one m- and one u-probability per level. Each field's levels are
//! one table of (label, test) ([`Level`]), tried in order; the first test
//! that holds wins, as in Splink's comparison levels. What several tests
//! read (a similarity, an edit distance) is worked out once per pair.
//!
//! Address, postcode and city form one comparison (`location`) on purpose:
//! people living together share all three, and counting them as three
//! independent agreements would outweigh a different name, birth date and
//! ID — the look-alike household problem.

use std::cell::OnceCell;

use crate::compare::{damerau_levenshtein_at_most, jaro_winkler, PreparedName};
use crate::date::Date;

pub use super::field::Field;
use super::record::{NamePart, Record};

/// Jaro–Winkler bands of the name and address levels.
const NAME_HIGH: f64 = 0.92;
const NAME_MID: f64 = 0.80;
const ADDRESS_HIGH: f64 = 0.92;
const ADDRESS_MID: f64 = 0.80;
/// Jaro–Winkler of the local parts above which two e-mails are "similar".
const EMAIL_LOCAL: f64 = 0.88;

/// One agreement level of a comparison: its label (stored in models,
/// shown by `explain_match`) and the test that puts a pair of records at
/// it. A comparison's levels are tried in order and the first whose test
/// holds is the pair's level (as Splink's comparison levels); the last
/// one, `different`, always holds. Level 0, `null`, is not in the tables:
/// it is the level of a pair with nothing to compare on one side.
pub struct Level {
    pub label: &'static str,
    pub holds: fn(&Pair<'_>) -> bool,
}

/// The same for the names: their levels read a pair of prepared names.
pub struct NameLevel {
    pub label: &'static str,
    pub holds: fn(&NamePair<'_>) -> bool,
}

/// Two records being compared, with what more than one level's test reads
/// worked out once, when first asked for.
pub struct Pair<'r> {
    pub a: &'r Record,
    pub b: &'r Record,
    address_similarity: OnceCell<f64>,
    id_edits: OnceCell<Option<usize>>,
}

impl<'r> Pair<'r> {
    pub fn new(a: &'r Record, b: &'r Record) -> Pair<'r> {
        Pair { a, b, address_similarity: OnceCell::new(), id_edits: OnceCell::new() }
    }

    /// Jaro–Winkler of the two addresses (both present).
    fn address_similarity(&self) -> f64 {
        *self.address_similarity.get_or_init(|| match (&self.a.address, &self.b.address) {
            (Some(x), Some(y)) => jaro_winkler(x, y),
            _ => 0.0,
        })
    }

    /// Edits between the two ID numbers (both present), when at most two.
    fn id_edits(&self) -> Option<usize> {
        *self.id_edits.get_or_init(|| match (&self.a.national_id, &self.b.national_id) {
            (Some(x), Some(y)) => damerau_levenshtein_at_most(x, y, 2),
            _ => None,
        })
    }
}

/// Two names being compared: each with its key and sound, and their
/// similarity worked out when first asked for.
pub struct NamePair<'r> {
    x: &'r PreparedName,
    x_key: &'r str,
    x_sound: &'r str,
    y: &'r PreparedName,
    y_key: &'r str,
    y_sound: &'r str,
    similarity: OnceCell<f64>,
}

impl NamePair<'_> {
    fn similarity(&self) -> f64 {
        *self.similarity.get_or_init(|| self.x.similarity(self.y))
    }
}

/// The levels of a full name.
pub static NAME_LEVELS: [NameLevel; 5] = [
    NameLevel { label: "same_name", holds: |n| n.x_key == n.y_key },
    NameLevel { label: "same_sound", holds: |n| n.x_sound == n.y_sound && !n.x_sound.is_empty() },
    NameLevel { label: "similar_0.92", holds: |n| n.similarity() >= NAME_HIGH },
    NameLevel { label: "similar_0.80", holds: |n| n.similarity() >= NAME_MID },
    NameLevel { label: "different", holds: |_| true },
];

/// The levels of a given or a family name: those of a full name, the first
/// named for a part.
pub static NAME_PART_LEVELS: [NameLevel; 5] = [
    NameLevel { label: "same", holds: NAME_LEVELS[0].holds },
    NameLevel { label: "same_sound", holds: NAME_LEVELS[1].holds },
    NameLevel { label: "similar_0.92", holds: NAME_LEVELS[2].holds },
    NameLevel { label: "similar_0.80", holds: NAME_LEVELS[3].holds },
    NameLevel { label: "different", holds: |_| true },
];

static PHONE_LEVELS: [Level; 3] = [
    Level { label: "same_number", holds: |p| p.a.phones.iter().any(|x| p.b.phones.contains(x)) },
    Level {
        label: "same_last_8_digits",
        holds: |p| p.a.phones.iter().any(|x| p.b.phones.iter().any(|y| last_8(x) == last_8(y))),
    },
    Level { label: "different", holds: |_| true },
];

static EMAIL_LEVELS: [Level; 3] = [
    Level { label: "same_mailbox", holds: |p| p.a.email_key == p.b.email_key },
    Level {
        label: "similar_local_part",
        holds: |p| match (&p.a.email_key, &p.b.email_key) {
            (Some(x), Some(y)) => jaro_winkler(local_part(x), local_part(y)) >= EMAIL_LOCAL,
            _ => false,
        },
    },
    Level { label: "different", holds: |_| true },
];

/// Whether `test` holds for the two birth dates (the comparison is only
/// asked with both).
fn births(p: &Pair<'_>, test: fn(Date, Date) -> bool) -> bool {
    matches!((p.a.birth, p.b.birth), (Some(x), Some(y)) if test(x, y))
}

static BIRTH_DATE_LEVELS: [Level; 6] = [
    Level { label: "same_date", holds: |p| births(p, |x, y| x == y) },
    Level {
        label: "day_month_swapped",
        holds: |p| births(p, |x, y| x.year == y.year && x.month == y.day && x.day == y.month),
    },
    Level { label: "one_character", holds: |p| births(p, one_character_apart) },
    Level { label: "same_year_month", holds: |p| births(p, |x, y| x.year == y.year && x.month == y.month) },
    Level {
        label: "within_a_year",
        holds: |p| births(p, |x, y| (x.days_since_epoch() - y.days_since_epoch()).abs() <= 365),
    },
    Level { label: "different", holds: |_| true },
];

static NATIONAL_ID_LEVELS: [Level; 4] = [
    Level { label: "same_id", holds: |p| p.a.national_id == p.b.national_id },
    Level { label: "one_edit", holds: |p| p.id_edits() == Some(1) },
    Level { label: "two_edits", holds: |p| p.id_edits() == Some(2) },
    Level { label: "different", holds: |_| true },
];

/// Both sides' values of one part of the location, when both have it.
fn both<'r>(x: &'r Option<String>, y: &'r Option<String>) -> Option<(&'r str, &'r str)> {
    Some((x.as_deref()?, y.as_deref()?))
}

static LOCATION_LEVELS: [Level; 7] = [
    Level { label: "same_address", holds: |p| both(&p.a.address, &p.b.address).is_some_and(|(x, y)| x == y) },
    Level {
        label: "similar_address_0.92",
        holds: |p| p.a.address.is_some() && p.b.address.is_some() && p.address_similarity() >= ADDRESS_HIGH,
    },
    Level {
        label: "similar_address_0.80",
        holds: |p| p.a.address.is_some() && p.b.address.is_some() && p.address_similarity() >= ADDRESS_MID,
    },
    Level { label: "same_postcode", holds: |p| both(&p.a.postcode, &p.b.postcode).is_some_and(|(x, y)| x == y) },
    Level { label: "same_city", holds: |p| both(&p.a.city, &p.b.city).is_some_and(|(x, y)| x == y) },
    // One typed character off: a postcode with a wrong or two swapped
    // digits, a city with a typo.
    Level {
        label: "similar_postcode_or_city",
        holds: |p| {
            let near = |x: &str, y: &str| damerau_levenshtein_at_most(x, y, 1) == Some(1);
            both(&p.a.postcode, &p.b.postcode).is_some_and(|(x, y)| near(x, y))
                || both(&p.a.city, &p.b.city).is_some_and(|(x, y)| near(x, y))
        },
    },
    Level { label: "different", holds: |_| true },
];

static GENDER_LEVELS: [Level; 2] =
    [Level { label: "same", holds: |p| p.a.gender == p.b.gender }, Level { label: "different", holds: |_| true }];

/// The level of the first test of `levels` that holds (1-based: 0 is null).
fn first_holding<P>(levels: impl IntoIterator<Item = P>, holds: impl Fn(&P) -> bool) -> u8 {
    let mut level = 0u8;
    for l in levels {
        level += 1;
        if holds(&l) {
            return level;
        }
    }
    level
}

impl Field {
    /// The levels of a field compared on the records as wholes (the
    /// names have theirs in [`NAME_LEVELS`] and [`NAME_PART_LEVELS`]).
    fn record_levels(self) -> Option<&'static [Level]> {
        Some(match self {
            Field::Name | Field::GivenName | Field::FamilyName => return None,
            Field::Phone => &PHONE_LEVELS,
            Field::Email => &EMAIL_LEVELS,
            Field::BirthDate => &BIRTH_DATE_LEVELS,
            Field::NationalId => &NATIONAL_ID_LEVELS,
            Field::Location => &LOCATION_LEVELS,
            Field::Gender => &GENDER_LEVELS,
        })
    }

    /// The labels of the levels, index = level: `null`, then each level
    /// of the field's table, the last `different`.
    pub fn labels(self) -> impl Iterator<Item = &'static str> {
        let others = self.record_levels().unwrap_or_default();
        std::iter::once("null").chain(self.name_levels().iter().map(|l| l.label)).chain(others.iter().map(|l| l.label))
    }

    /// The levels of a name field (empty for the others).
    fn name_levels(self) -> &'static [NameLevel] {
        match self {
            Field::Name => &NAME_LEVELS,
            Field::GivenName | Field::FamilyName => &NAME_PART_LEVELS,
            _ => &[],
        }
    }

    /// The label of level `level` (see [`Field::labels`]).
    pub fn label(self, level: usize) -> &'static str {
        self.labels().nth(level).unwrap_or("different")
    }

    /// How many levels the field has, `null` included (asked by every
    /// conflict check: from the tables' lengths).
    pub fn level_count(self) -> usize {
        1 + self.name_levels().len() + self.record_levels().map_or(0, <[Level]>::len)
    }

    /// Whether both records have something to compare on this field;
    /// otherwise the pair's level is 0, `null`.
    fn comparable(self, a: &Record, b: &Record) -> bool {
        match self {
            Field::Name => a.name.is_some() && b.name.is_some(),
            Field::GivenName | Field::FamilyName => true, // (see name_part_levels)
            Field::Phone => !a.phones.is_empty() && !b.phones.is_empty(),
            Field::Email => a.email_key.is_some() && b.email_key.is_some(),
            Field::BirthDate => a.birth.is_some() && b.birth.is_some(),
            Field::NationalId => a.national_id.is_some() && b.national_id.is_some(),
            Field::Location => {
                both(&a.address, &b.address).is_some()
                    || both(&a.postcode, &b.postcode).is_some()
                    || both(&a.city, &b.city).is_some()
            }
            Field::Gender => a.gender.is_some() && b.gender.is_some(),
        }
    }

    /// The level `a` and `b` agree at.
    pub fn compare(self, a: &Record, b: &Record) -> u8 {
        match self {
            Field::Name => match (&a.name, &b.name) {
                (Some(x), Some(y)) => {
                    name_level(&NAME_LEVELS, x, &a.name_key, &a.name_sound, y, &b.name_key, &b.name_sound)
                }
                _ => 0,
            },
            Field::GivenName => name_part_levels(a, b).0,
            Field::FamilyName => name_part_levels(a, b).1,
            _ if !self.comparable(a, b) => 0,
            _ => {
                let pair = Pair::new(a, b);
                first_holding(self.record_levels().unwrap_or_default(), |l| (l.holds)(&pair))
            }
        }
    }

    /// Whether `level` is a hard disagreement on something a person has
    /// only one of (a different ID number, a birth date more than a year
    /// off). Clustering never puts two such records in one cluster.
    pub fn is_conflict(self, level: u8) -> bool {
        matches!(self, Field::NationalId | Field::BirthDate) && level as usize == self.level_count() - 1
    }
}

/// The level two names agree at in `levels`.
fn name_level(
    levels: &[NameLevel],
    x: &PreparedName,
    x_key: &str,
    x_sound: &str,
    y: &PreparedName,
    y_key: &str,
    y_sound: &str,
) -> u8 {
    let pair = NamePair { x, x_key, x_sound, y, y_key, y_sound, similarity: OnceCell::new() };
    first_holding(levels, |l| (l.holds)(&pair))
}

fn part_level(x: Option<&NamePart>, y: Option<&NamePart>) -> u8 {
    match (x, y) {
        (Some(x), Some(y)) => name_level(&NAME_PART_LEVELS, &x.name, &x.key, &x.sound, &y.name, &y.key, &y.sound),
        _ => 0,
    }
}

/// The levels of the given and the family names. Given and family name
/// written in each other's column (`jake westbrook` / `westbrook jake`) are
/// compared crosswise, when that agrees better.
pub(crate) fn name_part_levels(a: &Record, b: &Record) -> (u8, u8) {
    let straight =
        (part_level(a.given.as_deref(), b.given.as_deref()), part_level(a.family.as_deref(), b.family.as_deref()));
    if straight.0 + straight.1 <= 2 || [&a.given, &a.family, &b.given, &b.family].iter().any(|p| p.is_none()) {
        return straight;
    }
    let crossed =
        (part_level(a.given.as_deref(), b.family.as_deref()), part_level(a.family.as_deref(), b.given.as_deref()));
    if crossed.0 + crossed.1 < straight.0 + straight.1 {
        crossed
    } else {
        straight
    }
}

fn last_8(e164: &str) -> &str {
    &e164[e164.len().saturating_sub(8)..]
}

fn local_part(key: &str) -> &str {
    key.rsplit_once('@').map_or(key, |(l, _)| l)
}

/// Whether the `YYYYMMDD` forms of two dates differ by one typed
/// character: one digit changed or two neighbours swapped (1956 → 1965).
fn one_character_apart(x: Date, y: Date) -> bool {
    let digits = |d: Date| format!("{:04}{:02}{:02}", d.year, d.month, d.day).into_bytes();
    let (a, b) = (digits(x), digits(y));
    let diff: Vec<usize> = (0..8).filter(|i| a[*i] != b[*i]).collect();
    match diff[..] {
        [_] => true,
        [i, j] => j == i + 1 && a[i] == b[j] && a[j] == b[i],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn birth_level(x: Date, y: Date) -> u8 {
        let r = |d: Date| Record { birth: Some(d), ..Record::default() };
        Field::BirthDate.compare(&r(x), &r(y))
    }

    fn location_level(a: &Record, b: &Record) -> u8 {
        Field::Location.compare(a, b)
    }

    #[test]
    fn birth_date_levels() {
        assert_eq!(birth_level(date(1985, 3, 12), date(1985, 3, 12)), 1);
        assert_eq!(birth_level(date(1985, 3, 12), date(1985, 12, 3)), 2);
        assert_eq!(birth_level(date(1985, 3, 12), date(1958, 3, 12)), 3, "85 -> 58 swapped");
        assert_eq!(birth_level(date(1985, 3, 12), date(1985, 3, 13)), 3, "one digit");
        assert_eq!(birth_level(date(1985, 3, 12), date(1985, 3, 21)), 3, "12 -> 21: neighbours swapped");
        assert_eq!(birth_level(date(1985, 3, 12), date(1985, 3, 28)), 4);
        assert_eq!(birth_level(date(1985, 3, 12), date(1986, 1, 2)), 5);
        assert_eq!(birth_level(date(1985, 3, 12), date(1995, 3, 12)), 3, "one digit: 8 -> 9");
        assert_eq!(birth_level(date(1985, 3, 12), date(1990, 3, 12)), 6, "two digits, five years");
        assert_eq!(birth_level(date(1985, 3, 12), date(1991, 7, 12)), 6);
    }

    #[test]
    fn location_prefers_the_address_then_postcode_then_city() {
        let r = |addr: Option<&str>, pc: Option<&str>, city: Option<&str>| Record {
            address: addr.map(str::to_string),
            postcode: pc.map(str::to_string),
            city: city.map(str::to_string),
            ..Record::default()
        };
        let a = r(Some("1 main st"), Some("10016"), Some("new york"));
        assert_eq!(location_level(&a, &r(Some("1 main st"), None, None)), 1);
        assert_eq!(location_level(&a, &r(Some("1 main str"), None, None)), 2);
        assert_eq!(location_level(&a, &r(Some("99 elm ave"), Some("10016"), None)), 4);
        assert_eq!(location_level(&a, &r(None, Some("94105"), Some("new york"))), 5);
        assert_eq!(location_level(&a, &r(None, Some("10061"), Some("boston"))), 6, "postcode digits swapped");
        assert_eq!(location_level(&a, &r(None, Some("94105"), Some("new yrok"))), 6, "city letters swapped");
        assert_eq!(location_level(&a, &r(None, Some("94105"), Some("boston"))), 7);
        assert_eq!(location_level(&a, &r(None, None, None)), 0);
    }

    fn split(given: Option<&str>, family: Option<&str>) -> Record {
        Record {
            given: given.and_then(|g| NamePart::new(g, Field::GivenName)).map(Box::new),
            family: family.and_then(|f| NamePart::new(f, Field::FamilyName)).map(Box::new),
            ..Record::default()
        }
    }

    #[test]
    fn given_and_family_names_compare_apart_and_crosswise() {
        let jake = split(Some("jake"), Some("westbrook"));
        assert_eq!(name_part_levels(&jake, &split(Some("Jake"), Some("WESTBROOK"))), (1, 1));
        // Written in each other's column.
        assert_eq!(name_part_levels(&jake, &split(Some("westbrook"), Some("jake"))), (1, 1));
        // Given name replaced: the family name still agrees.
        assert_eq!(name_part_levels(&jake, &split(Some("matthew"), Some("westbrook"))), (5, 1));
        assert_eq!(name_part_levels(&jake, &split(None, Some("westbrok"))), (0, 2), "sounds the same");
        assert_eq!(name_part_levels(&jake, &split(Some("jaek"), Some("westbrook"))), (4, 1), "similar, 0.80 to 0.92");
        assert_eq!(name_part_levels(&jake, &split(Some("lily"), Some("green"))), (5, 5));
        assert_eq!(Field::GivenName.compare(&jake, &split(Some("jake"), None)), 1);
        assert_eq!(Field::FamilyName.compare(&jake, &split(Some("jake"), None)), 0);
    }

    #[test]
    fn every_field_has_null_first_and_different_last() {
        for f in Field::ALL {
            assert_eq!(f.label(0), "null");
            assert_eq!(f.labels().last(), Some("different"));
            assert_eq!(f.label(f.level_count() - 1), "different");
            assert_eq!(Field::parse(f.as_str()), Some(f));
        }
        assert!(Field::NationalId.is_conflict(4));
        assert!(!Field::NationalId.is_conflict(3));
        assert!(Field::BirthDate.is_conflict(6));
        assert!(!Field::Name.is_conflict(5));
    }
}
