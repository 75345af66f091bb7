//! The comparisons of a pair of records and their agreement levels.
//!
//! Each [`Field`] compares one aspect of two records and answers with a
//! level: 0 is always `null` (one side has no value: no evidence either
//! way), then from the strongest agreement down to `different`. The model
//! learns one m- and one u-probability per level. Levels are ordered and
//! the first that holds wins, as in Splink's comparison levels.
//!
//! Address, postcode and city form one comparison (`location`) on purpose:
//! people living together share all three, and counting them as three
//! independent agreements would outweigh a different name, birth date and
//! ID — the look-alike household problem.

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

impl Field {
    /// The names of the levels, index = level; 0 is `null`, the last is
    /// `different`.
    pub fn levels(self) -> &'static [&'static str] {
        match self {
            Field::Name => &["null", "same_name", "same_sound", "similar_0.92", "similar_0.80", "different"],
            Field::GivenName | Field::FamilyName => {
                &["null", "same", "same_sound", "similar_0.92", "similar_0.80", "different"]
            }
            Field::Phone => &["null", "same_number", "same_last_8_digits", "different"],
            Field::Email => &["null", "same_mailbox", "similar_local_part", "different"],
            Field::BirthDate => &[
                "null",
                "same_date",
                "day_month_swapped",
                "one_character",
                "same_year_month",
                "within_a_year",
                "different",
            ],
            Field::NationalId => &["null", "same_id", "one_edit", "two_edits", "different"],
            Field::Location => &[
                "null",
                "same_address",
                "similar_address_0.92",
                "similar_address_0.80",
                "same_postcode",
                "same_city",
                "similar_postcode_or_city",
                "different",
            ],
            Field::Gender => &["null", "same", "different"],
        }
    }

    /// The level `a` and `b` agree at.
    pub fn compare(self, a: &Record, b: &Record) -> u8 {
        match self {
            Field::Name => match (&a.name, &b.name) {
                (Some(x), Some(y)) => name_level(x, &a.name_key, &a.name_sound, y, &b.name_key, &b.name_sound),
                _ => 0,
            },
            Field::GivenName => name_part_levels(a, b).0,
            Field::FamilyName => name_part_levels(a, b).1,
            Field::Phone => {
                if a.phones.is_empty() || b.phones.is_empty() {
                    0
                } else if a.phones.iter().any(|p| b.phones.contains(p)) {
                    1
                } else if a.phones.iter().any(|p| b.phones.iter().any(|q| last_8(p) == last_8(q))) {
                    2
                } else {
                    3
                }
            }
            Field::Email => match (&a.email_key, &b.email_key) {
                (Some(x), Some(y)) => {
                    if x == y {
                        1
                    } else if jaro_winkler(local_part(x), local_part(y)) >= EMAIL_LOCAL {
                        2
                    } else {
                        3
                    }
                }
                _ => 0,
            },
            Field::BirthDate => match (a.birth, b.birth) {
                (Some(x), Some(y)) => birth_level(x, y),
                _ => 0,
            },
            Field::NationalId => match (&a.national_id, &b.national_id) {
                (Some(x), Some(y)) => {
                    if x == y {
                        1
                    } else {
                        match damerau_levenshtein_at_most(x, y, 2) {
                            Some(1) => 2,
                            Some(2) => 3,
                            _ => 4,
                        }
                    }
                }
                _ => 0,
            },
            Field::Location => location_level(a, b),
            Field::Gender => match (a.gender, b.gender) {
                (Some(x), Some(y)) => {
                    if x == y {
                        1
                    } else {
                        2
                    }
                }
                _ => 0,
            },
        }
    }

    /// Whether `level` is a hard disagreement on something a person has
    /// only one of (a different ID number, a birth date more than a year
    /// off). Clustering never puts two such records in one cluster.
    pub fn is_conflict(self, level: u8) -> bool {
        matches!(self, Field::NationalId | Field::BirthDate) && level as usize == self.levels().len() - 1
    }
}

/// How two names agree: 1 same key, 2 same sound, 3 and 4 the similarity
/// bands, 5 not at all.
fn name_level(x: &PreparedName, x_key: &str, x_sound: &str, y: &PreparedName, y_key: &str, y_sound: &str) -> u8 {
    if x_key == y_key {
        1
    } else if x_sound == y_sound && !x_sound.is_empty() {
        2
    } else {
        let s = x.similarity(y);
        if s >= NAME_HIGH {
            3
        } else if s >= NAME_MID {
            4
        } else {
            5
        }
    }
}

fn part_level(x: Option<&NamePart>, y: Option<&NamePart>) -> u8 {
    match (x, y) {
        (Some(x), Some(y)) => name_level(&x.name, &x.key, &x.sound, &y.name, &y.key, &y.sound),
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

fn birth_level(x: Date, y: Date) -> u8 {
    if x == y {
        1
    } else if x.year == y.year && x.month == y.day && x.day == y.month {
        2
    } else if one_character_apart(x, y) {
        3
    } else if x.year == y.year && x.month == y.month {
        4
    } else if (x.days_since_epoch() - y.days_since_epoch()).abs() <= 365 {
        5
    } else {
        6
    }
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

fn location_level(a: &Record, b: &Record) -> u8 {
    let mut compared = false;
    if let (Some(x), Some(y)) = (&a.address, &b.address) {
        compared = true;
        if x == y {
            return 1;
        }
        let s = jaro_winkler(x, y);
        if s >= ADDRESS_HIGH {
            return 2;
        }
        if s >= ADDRESS_MID {
            return 3;
        }
    }
    if let (Some(x), Some(y)) = (&a.postcode, &b.postcode) {
        compared = true;
        if x == y {
            return 4;
        }
    }
    if let (Some(x), Some(y)) = (&a.city, &b.city) {
        compared = true;
        if x == y {
            return 5;
        }
    }
    // One typed character off: a postcode with a wrong or two swapped
    // digits, a city with a typo.
    let postcode_near =
        matches!((&a.postcode, &b.postcode), (Some(x), Some(y)) if damerau_levenshtein_at_most(x, y, 1) == Some(1));
    let city_near = matches!((&a.city, &b.city), (Some(x), Some(y)) if damerau_levenshtein_at_most(x, y, 1) == Some(1));
    if postcode_near || city_near {
        6
    } else if compared {
        7
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).unwrap()
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
            assert_eq!(f.levels()[0], "null");
            assert_eq!(*f.levels().last().unwrap(), "different");
            assert_eq!(Field::parse(f.as_str()), Some(f));
        }
        assert!(Field::NationalId.is_conflict(4));
        assert!(!Field::NationalId.is_conflict(3));
        assert!(Field::BirthDate.is_conflict(6));
        assert!(!Field::Name.is_conflict(5));
    }
}
