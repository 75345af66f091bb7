//! US addresses in USPS Publication 28 style.
//!
//! `123 north main street apt 4b, springfield, il 62704-1234` →
//! `123 N MAIN ST APT 4B, SPRINGFIELD, IL 62704-1234`.
//!
//! Steps: Unicode clean-up, upper case, periods dropped (`St.`, `P.O.`),
//! `#` split off; commas (and `;`) separate segments. From the end: ZIP
//! (`62704`, `62704-1234`, `62704 1234`, `627041234`), then the state (code
//! or name, Pub 28 Appendix B: `Illinois`/`ILL` → `IL`). Without a ZIP a
//! state is only taken when a city is left before it (`12 Elm St, Washington`
//! keeps WASHINGTON as the city). The city is the last comma segment before
//! the state; without commas it is what follows the street suffix (and unit).
//!
//! Street line: house number, or `PO BOX <n>` (`P.O. Box`, `POB`, `Post
//! Office Box`; the box number is in `number`, `street` is `PO BOX`);
//! predirectional, street name, suffix (Pub 28 C1: `AVENUE`/`AV` → `AVE`),
//! postdirectional, unit (C2: `APARTMENT` → `APT`, `SUITE` → `STE`, `#`).
//! A directional that is the only word before the suffix is the street name
//! and stays spelled out (`123 North St` → `123 NORTH ST`). With commas the
//! last suffix of the street segment is taken (`Spring Valley Rd`); without
//! commas the first common suffix (ST, AVE, RD, …), else the first suffix.
//!
//! Limitations: no address database: a street name without suffix followed
//! by a city without commas (`123 Main Springfield IL`) stays one name;
//! firm/recipient lines before the street are read as part of the name;
//! the `#` unit is written `# 5` as Pub 28 shows it.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::data::usps;

/// Parts of a US address; every key is always serialized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct UsAddress {
    /// Always `US`.
    pub country: &'static str,
    /// House number (`123`, `123A`, `123 1/2`) or the PO box number.
    pub number: Option<String>,
    /// Predirectional, abbreviated (`N`).
    pub predirectional: Option<String>,
    /// Street name (`MAIN`), or `PO BOX`.
    pub street: Option<String>,
    /// Street suffix, Pub 28 abbreviation (`ST`).
    pub suffix: Option<String>,
    /// Postdirectional, abbreviated (`NW`).
    pub postdirectional: Option<String>,
    /// Secondary unit designator (`APT`, `STE`, `#`).
    pub unit_type: Option<String>,
    /// Secondary unit number (`4B`).
    pub unit: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Two-letter state or territory code.
    pub state: Option<String>,
    /// Five-digit ZIP code.
    pub zip: Option<String>,
    /// ZIP+4 add-on.
    pub zip4: Option<String>,
}

impl UsAddress {
    /// The canonical one-line form, e.g.
    /// `123 N MAIN ST APT 4B, SPRINGFIELD, IL 62704-1234`.
    pub fn to_line(&self) -> String {
        let po_box = self.street.as_deref() == Some("PO BOX")
            && self.predirectional.is_none()
            && self.suffix.is_none()
            && self.postdirectional.is_none();
        let street_parts: Vec<&str> = if po_box {
            vec![
                Some("PO BOX"),
                self.number.as_deref(),
                self.unit_type.as_deref(),
                self.unit.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect()
        } else {
            [
                &self.number,
                &self.predirectional,
                &self.street,
                &self.suffix,
                &self.postdirectional,
                &self.unit_type,
                &self.unit,
            ]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect()
        };
        let mut groups: Vec<String> = Vec::new();
        if !street_parts.is_empty() {
            groups.push(street_parts.join(" "));
        }
        if let Some(c) = &self.city {
            groups.push(c.clone());
        }
        let zip = match (&self.zip, &self.zip4) {
            (Some(z), Some(z4)) => Some(format!("{z}-{z4}")),
            (Some(z), None) => Some(z.clone()),
            _ => None,
        };
        let last: Vec<&str> = [self.state.as_deref(), zip.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !last.is_empty() {
            groups.push(last.join(" "));
        }
        groups.join(", ")
    }
}

struct Tables {
    suffixes: HashMap<&'static str, &'static str>,
    units: HashMap<&'static str, &'static str>,
    directionals: HashMap<&'static str, &'static str>,
    states: HashMap<&'static str, &'static str>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        suffixes: usps::STREET_SUFFIXES
            .iter()
            .copied()
            .filter(|(k, _)| !k.contains(' '))
            .collect(),
        units: usps::UNIT_DESIGNATORS.iter().copied().collect(),
        directionals: usps::DIRECTIONALS
            .iter()
            .copied()
            .filter(|(k, _)| !k.contains(' '))
            .collect(),
        states: usps::STATES.iter().copied().collect(),
    })
}

const COMMON_SUFFIXES: [&str; 20] = [
    "ST", "AVE", "RD", "BLVD", "DR", "LN", "CT", "PL", "WAY", "HWY", "PKWY", "CIR", "TER", "TRL",
    "SQ", "LOOP", "PIKE", "ROW", "PATH", "PLZ",
];

/// Designators recognized anywhere after the first street word; the others
/// (LOT, KEY, PIER, REAR, …) only right after a suffix or directional.
const STRONG_UNITS: [&str; 14] = [
    "APT", "STE", "UNIT", "#", "RM", "FL", "BLDG", "DEPT", "TRLR", "SPC", "OFC", "PH", "BSMT",
    "HNGR",
];

const ABBREVIATED_DIRECTIONALS: [&str; 8] = ["N", "S", "E", "W", "NE", "NW", "SE", "SW"];

#[derive(Debug, Clone)]
struct Tok {
    text: String,
    seg: usize,
}

fn tokenize(input: &str) -> Vec<Tok> {
    // Upper case and periods dropped, repeated until Unicode clean-up no
    // longer changes anything (so the output tokenizes the same again).
    let mut s = crate::text::clean_cow(input).replace('.', "");
    for _ in 0..4 {
        // (the upper-case copy itself when clean-up leaves it as it is, as
        // it nearly always does: no second copy)
        let upper = s.to_uppercase();
        let changed = match crate::text::clean_cow(&upper) {
            std::borrow::Cow::Borrowed(b) if !b.contains('.') => None,
            c => Some(c.replace('.', "")),
        };
        let u = changed.unwrap_or(upper);
        if u == s {
            break;
        }
        s = u;
    }
    let mut toks = Vec::new();
    let mut seg = 0;
    let mut cur = String::new();
    let flush = |cur: &mut String, toks: &mut Vec<Tok>, seg: usize| {
        if !cur.is_empty() {
            toks.push(Tok {
                text: std::mem::take(cur),
                seg,
            });
        }
    };
    for c in s.chars() {
        match c {
            ',' | ';' => {
                flush(&mut cur, &mut toks, seg);
                seg += 1;
            }
            '#' => {
                flush(&mut cur, &mut toks, seg);
                toks.push(Tok {
                    text: "#".into(),
                    seg,
                });
            }
            c if c.is_whitespace() => flush(&mut cur, &mut toks, seg),
            c => cur.push(c),
        }
    }
    flush(&mut cur, &mut toks, seg);
    toks
}

fn all_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// Takes a ZIP code off the end of `toks`.
fn take_zip(toks: &mut Vec<Tok>) -> (Option<String>, Option<String>) {
    let n = toks.len();
    // A number right after BOX or a unit designator is that box or unit,
    // not a ZIP — except after a designator that is also a state code:
    // `FL 33163` is Florida, a floor is never numbered with five digits.
    let before_is_box = |i: usize| {
        i > 0 && {
            let prev = toks[i - 1].text.as_str();
            matches!(prev, "BOX" | "POB" | "POBOX" | "#")
                || (tables().units.contains_key(prev) && !tables().states.contains_key(prev))
        }
    };
    let Some(last) = toks.last() else {
        return (None, None);
    };
    let t = last.text.clone();
    if let Some((a, b)) = t.split_once('-') {
        if all_digits(a, 5) && all_digits(b, 4) && !before_is_box(n - 1) {
            toks.pop();
            return (Some(a.into()), Some(b.into()));
        }
    }
    if all_digits(&t, 9) && !before_is_box(n - 1) {
        toks.pop();
        return (Some(t[..5].into()), Some(t[5..].into()));
    }
    if all_digits(&t, 4)
        && n >= 2
        && all_digits(&toks[n - 2].text, 5)
        && toks[n - 2].seg == last.seg
        && !before_is_box(n - 2)
    {
        toks.pop();
        let z = toks.pop().map(|t| t.text);
        return (z, Some(t));
    }
    if all_digits(&t, 5) && !before_is_box(n - 1) {
        toks.pop();
        return (Some(t), None);
    }
    (None, None)
}

/// The longest state name/code (1 to 3 tokens, one segment) at the end.
fn find_state(toks: &[Tok]) -> Option<(usize, &'static str)> {
    let n = toks.len();
    for k in (1..=3usize).rev() {
        if k > n {
            continue;
        }
        let start = n - k;
        if toks[start..].iter().any(|t| t.seg != toks[start].seg) {
            continue;
        }
        let key = toks[start..]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(code) = tables().states.get(key.as_str()) {
            return Some((start, code));
        }
    }
    None
}

fn unit_code(t: &str) -> Option<&'static str> {
    tables().units.get(t).copied()
}

fn suffix_code(t: &str) -> Option<&'static str> {
    tables().suffixes.get(t).copied()
}

fn dir_code(t: &str) -> Option<&'static str> {
    tables().directionals.get(t).copied()
}

#[derive(Default)]
struct Street {
    number: Option<String>,
    predirectional: Option<String>,
    street: Option<String>,
    suffix: Option<String>,
    postdirectional: Option<String>,
    unit_type: Option<String>,
    unit: Option<String>,
    leftover: Vec<String>,
}

fn join(t: &[String]) -> Option<String> {
    if t.is_empty() {
        None
    } else {
        Some(t.join(" "))
    }
}

/// Parses the unit starting at `t[0]` (a designator); returns the type,
/// value and the number of tokens used.
fn parse_unit(t: &[String]) -> (String, Option<String>, usize) {
    let d = t[0].as_str();
    let code = if d == "#" {
        "#"
    } else {
        unit_code(d).unwrap_or("#")
    };
    let mut i = 1;
    if code != "#" {
        while t.get(i).map(String::as_str) == Some("#") {
            i += 1;
        }
    }
    let takes_number = !usps::UNITS_WITHOUT_NUMBER.contains(&code);
    let value = t.get(i).filter(|v| v.as_str() != "#").filter(|v| {
        takes_number
            || v.bytes().any(|b| b.is_ascii_digit())
            || (v.len() == 1 && v.bytes().all(|b| b.is_ascii_alphabetic()))
    });
    match value {
        Some(v) => (code.to_string(), Some(v.clone()), i + 1),
        None => (code.to_string(), None, i),
    }
}

/// `city_expected`: no commas, but a state or ZIP follows, so a spelled-out
/// directional at the end is the start of the city, not a postdirectional.
fn parse_street(t: &[String], comma_mode: bool, city_expected: bool) -> Street {
    let mut s = Street::default();
    let n = t.len();
    if n == 0 {
        return s;
    }
    // PO boxes
    let po_len = match t
        .iter()
        .map(String::as_str)
        .take(3)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["PO", "BOX", ..] => 2,
        ["P", "O", "BOX"] => 3,
        ["POST", "OFFICE", "BOX"] => 3,
        ["POB", ..] | ["POBOX", ..] => 1,
        _ => 0,
    };
    if po_len > 0 {
        s.street = Some("PO BOX".into());
        let mut i = po_len;
        if t.get(i).map(String::as_str) == Some("#") {
            i += 1;
        }
        if let Some(v) = t.get(i).filter(|v| v.bytes().any(|b| b.is_ascii_digit())) {
            s.number = Some(v.clone());
            i += 1;
        }
        if t.get(i).is_some_and(|w| w == "#" || unit_code(w).is_some()) {
            let (ty, val, used) = parse_unit(&t[i..]);
            s.unit_type = Some(ty);
            s.unit = val;
            i += used;
            if comma_mode && i < n {
                let mut v: Vec<String> = s.unit.take().into_iter().collect();
                v.extend(t[i..].iter().cloned());
                s.unit = join(&v);
                i = n;
            }
        }
        s.leftover = t[i..].to_vec();
        return s;
    }
    let mut i = 0;
    if t[0].starts_with(|c: char| c.is_ascii_digit()) {
        let mut num = t[0].clone();
        i = 1;
        if let Some(f) = t.get(1) {
            if f.contains('/')
                && f.split('/')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            {
                num = format!("{num} {f}");
                i = 2;
            }
        }
        s.number = Some(num);
    }
    // where the unit starts
    let mut u = n;
    for j in (i + 1)..n {
        let w = t[j].as_str();
        let Some(code) = (if w == "#" { Some("#") } else { unit_code(w) }) else {
            continue;
        };
        let after_suffix = suffix_code(&t[j - 1]).is_some() || dir_code(&t[j - 1]).is_some();
        if STRONG_UNITS.contains(&code) || after_suffix {
            u = j;
            break;
        }
    }
    let region = &t[i..u];
    // the suffix, as an index into `region`
    let is_suffix = |k: usize| k >= 1 && suffix_code(&region[k]).is_some();
    let sfx = if comma_mode || u < n {
        (1..region.len()).rev().find(|&k| {
            is_suffix(k)
                && (k + 1 == region.len()
                    || (k + 2 == region.len() && dir_code(&region[k + 1]).is_some()))
        })
    } else {
        let cands: Vec<usize> = (1..region.len()).filter(|&k| is_suffix(k)).collect();
        cands
            .iter()
            .copied()
            .find(|&k| COMMON_SUFFIXES.contains(&suffix_code(&region[k]).unwrap_or("")))
            .or_else(|| cands.first().copied())
    };
    let name_end = sfx.unwrap_or(region.len());
    let mut name_start = 0;
    if name_end >= 2 {
        if let Some(d) = dir_code(&region[0]) {
            s.predirectional = Some(d.to_string());
            name_start = 1;
        }
    }
    s.street = join(&region[name_start..name_end]);
    let mut rest_start = region.len();
    if let Some(k) = sfx {
        s.suffix = suffix_code(&region[k]).map(str::to_string);
        rest_start = k + 1;
        if let Some(next) = region.get(k + 1) {
            if let Some(d) = dir_code(next) {
                let last = k + 2 == region.len();
                if (last && !city_expected) || ABBREVIATED_DIRECTIONALS.contains(&next.as_str()) {
                    s.postdirectional = Some(d.to_string());
                    rest_start = k + 2;
                }
            }
        }
    }
    let mut leftover: Vec<String> = region[rest_start..].to_vec();
    if u < n {
        let (ty, val, used) = parse_unit(&t[u..]);
        s.unit_type = Some(ty);
        s.unit = val;
        let after = &t[u + used..];
        if comma_mode {
            if !after.is_empty() {
                let mut v: Vec<String> = s.unit.take().into_iter().collect();
                v.extend(after.iter().cloned());
                s.unit = join(&v);
            }
        } else {
            leftover.extend(after.iter().cloned());
        }
    }
    s.leftover = leftover;
    s
}

fn assemble(toks: &[Tok], state: Option<&str>, zip: (Option<String>, Option<String>)) -> UsAddress {
    let mut a = UsAddress {
        country: "US",
        state: state.map(str::to_string),
        zip: zip.0,
        zip4: zip.1,
        ..Default::default()
    };
    if toks.is_empty() {
        return a;
    }
    let last_seg = toks[toks.len() - 1].seg;
    let city_start = toks.iter().position(|t| t.seg == last_seg).unwrap_or(0);
    let texts: Vec<String> = toks.iter().map(|t| t.text.clone()).collect();
    let city_seg_is_unit = {
        let w = texts[city_start].as_str();
        w == "#" || unit_code(w).is_some()
    };
    let (street_toks, city_toks, comma_mode) = if city_start > 0 && !city_seg_is_unit {
        (&texts[..city_start], &texts[city_start..], true)
    } else {
        (&texts[..], &texts[..0], false)
    };
    let city_expected = !comma_mode && (a.state.is_some() || a.zip.is_some());
    let mut s = parse_street(street_toks, comma_mode, city_expected);
    let mut city: Vec<String> = city_toks.to_vec();
    let leftover_is_unit = s
        .leftover
        .first()
        .is_some_and(|w| w == "#" || unit_code(w).is_some());
    if !comma_mode && leftover_is_unit && s.unit_type.is_some() {
        // a second designator: part of the unit, not a city
        let mut v: Vec<String> = s.unit.take().into_iter().collect();
        v.append(&mut s.leftover);
        s.unit = join(&v);
    } else if !comma_mode && !leftover_is_unit {
        city = std::mem::take(&mut s.leftover);
    }
    a.number = s.number;
    a.predirectional = s.predirectional;
    a.street = s.street;
    a.suffix = s.suffix;
    a.postdirectional = s.postdirectional;
    a.unit_type = s.unit_type;
    a.unit = s.unit;
    if !s.leftover.is_empty() {
        // words after the suffix that are neither unit nor city: the name
        let mut name: Vec<String> = a.street.take().into_iter().collect();
        if let Some(x) = a.suffix.take() {
            name.push(x);
        }
        if let Some(x) = a.postdirectional.take() {
            name.push(x);
        }
        name.extend(s.leftover);
        a.street = join(&name);
    }
    // a lone name with no number, suffix or unit before a state/ZIP is the city
    if !comma_mode
        && city.is_empty()
        && (a.state.is_some() || a.zip.is_some())
        && a.number.is_none()
        && a.suffix.is_none()
        && a.unit_type.is_none()
        && a.predirectional.is_none()
    {
        if let Some(name) = a.street.take() {
            city.push(name);
        }
    }
    a.city = join(&city);
    a
}

/// Parses a US address; `None` when nothing is left after clean-up.
pub fn parse(input: &str) -> Option<UsAddress> {
    let mut toks = tokenize(input);
    if toks.is_empty() {
        return None;
    }
    let zip_seg = toks.last().map(|t| t.seg);
    let zip = take_zip(&mut toks);
    // `6481 HILL CT, 80236`: CT is the street's suffix (Court), not
    // Connecticut. A state code that is also a street suffix, not directly
    // before the ZIP, ends a street when its part of the address (between
    // commas) has a house number (a token with a digit) before it, and the
    // street did not end earlier (`10 MAIN ST HARTFORD CT`: a suffix, ST,
    // followed by a word that is not one, so CT is the state; in
    // `6481 HILL CT` HILL is a suffix too, but CT follows it directly).
    let ends_a_street = |start: usize| {
        let t = &toks[start];
        if start + 1 != toks.len() || (zip.0.is_some() && Some(t.seg) == zip_seg) || suffix_code(&t.text).is_none() {
            return false;
        }
        let before = &toks[..start];
        let Some(number) = before.iter().rposition(|x| x.seg == t.seg && x.text.contains(|c: char| c.is_ascii_digit()))
        else {
            return false;
        };
        // a suffix followed by a word that is not one: the street ended there
        let words = &before[number + 1..];
        !words.iter().enumerate().any(|(k, x)| {
            suffix_code(&x.text).is_some() && words[k + 1..].iter().any(|y| suffix_code(&y.text).is_none())
        })
    };
    if let Some((start, code)) =
        find_state(&toks).filter(|(start, _)| (*start > 0 || zip.0.is_some()) && !ends_a_street(*start))
    {
        let a = assemble(&toks[..start], Some(code), zip.clone());
        if zip.0.is_some() || a.city.is_some() {
            return Some(a);
        }
    }
    Some(assemble(&toks, None, zip))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn norm(s: &str) -> Option<String> {
        parse(s).map(|a| a.to_line()).filter(|s| !s.is_empty())
    }

    #[test]
    fn a_state_code_that_is_also_a_street_suffix() {
        // found by fuzz/fuzz_targets/address.rs: CT (Court / Connecticut)
        let once = norm("6481 Hill Court, 80236");
        assert_eq!(once.as_deref(), Some("6481 HILL CT, 80236"));
        assert_eq!(norm(once.as_deref().unwrap()), once);
        assert_eq!(norm("10 Main St, Hartford, CT 06103").as_deref(), Some("10 MAIN ST, HARTFORD, CT 06103"));
        assert_eq!(norm("10 Main St, Hartford CT, 06103").as_deref(), Some("10 MAIN ST, HARTFORD, CT 06103"));
        let once = norm("#(1 46481 HTill Court");
        assert_eq!(norm(once.as_deref().unwrap()), once);
        assert_eq!(norm("Hartford CT").as_deref(), Some("HARTFORD, CT"));
        assert_eq!(norm("10 Main St Hartford CT").as_deref(), Some("10 MAIN ST, HARTFORD, CT"));
        let once = norm("7 L * @3n L * PL * p@\u{1e}M *dar Ct");
        assert_eq!(norm(once.as_deref().unwrap()), once);
    }

    #[test]
    fn a_state_code_that_is_also_a_unit_designator() {
        // FL is Florida and "floor": normalizing the output again must not
        // read "FL 33163" as floor 33163 (it did, dropping the commas).
        let once = norm("7679 River Rd., Miami, Florida 33163");
        assert_eq!(once.as_deref(), Some("7679 RIVER RD, MIAMI, FL 33163"));
        assert_eq!(norm(once.as_deref().unwrap()), once);
        assert_eq!(norm("100 Main St Fl 3, Miami, FL 33101").as_deref(), Some("100 MAIN ST FL 3, MIAMI, FL 33101"));
    }

    #[test]
    fn brief_example() {
        let s = "123 north main street apt 4b, springfield, il 62704-1234";
        assert_eq!(
            norm(s).as_deref(),
            Some("123 N MAIN ST APT 4B, SPRINGFIELD, IL 62704-1234")
        );
        assert_eq!(
            serde_json::to_value(parse(s).unwrap()).unwrap(),
            serde_json::json!({
                "country": "US", "number": "123", "predirectional": "N", "street": "MAIN",
                "suffix": "ST", "postdirectional": null, "unit_type": "APT", "unit": "4B",
                "city": "SPRINGFIELD", "state": "IL", "zip": "62704", "zip4": "1234"
            })
        );
    }

    #[test]
    fn missing_commas() {
        assert_eq!(
            norm("123 Main St Springfield IL 62704").as_deref(),
            Some("123 MAIN ST, SPRINGFIELD, IL 62704")
        );
        let a = parse("123 Main St Springfield IL 62704").unwrap();
        assert_eq!(a.city.as_deref(), Some("SPRINGFIELD"));
        assert_eq!(
            norm("500 Spring Valley Road Apt 12 Dallas Texas 75201").as_deref(),
            Some("500 SPRING VALLEY RD APT 12, DALLAS, TX 75201")
        );
        assert_eq!(
            norm("77 Park Ave New York NY 10016").as_deref(),
            Some("77 PARK AVE, NEW YORK, NY 10016")
        );
        assert_eq!(
            norm("1600 Pennsylvania Avenue NW Washington DC 20500").as_deref(),
            Some("1600 PENNSYLVANIA AVE NW, WASHINGTON, DC 20500")
        );
    }

    #[test]
    fn units() {
        assert_eq!(
            norm("10 Main St #5, Boston, MA 02108").as_deref(),
            Some("10 MAIN ST # 5, BOSTON, MA 02108")
        );
        assert_eq!(
            norm("10 Main St Apt#5, Boston, MA").as_deref(),
            Some("10 MAIN ST APT 5, BOSTON, MA")
        );
        assert_eq!(
            norm("1 Market St., Suite 200, San Francisco, CA 94105").as_deref(),
            Some("1 MARKET ST STE 200, SAN FRANCISCO, CA 94105")
        );
        assert_eq!(
            norm("1 Market St Ste. 200 San Francisco CA 94105").as_deref(),
            Some("1 MARKET ST STE 200, SAN FRANCISCO, CA 94105")
        );
        assert_eq!(
            norm("9 Elm Ave Floor 3, Austin, TX").as_deref(),
            Some("9 ELM AVE FL 3, AUSTIN, TX")
        );
        assert_eq!(
            norm("9 Elm Ave Rear, Austin, TX").as_deref(),
            Some("9 ELM AVE REAR, AUSTIN, TX")
        );
        let a = parse("1 Market St, Suite 200, San Francisco, CA").unwrap();
        assert_eq!(a.unit_type.as_deref(), Some("STE"));
        assert_eq!(a.unit.as_deref(), Some("200"));
        assert_eq!(a.city.as_deref(), Some("SAN FRANCISCO"));
    }

    #[test]
    fn po_boxes() {
        assert_eq!(
            norm("P.O. Box 123, Springfield, IL 62704").as_deref(),
            Some("PO BOX 123, SPRINGFIELD, IL 62704")
        );
        assert_eq!(
            norm("po box 12345 Austin TX 78701").as_deref(),
            Some("PO BOX 12345, AUSTIN, TX 78701")
        );
        let a = parse("Post Office Box 9").unwrap();
        assert_eq!(a.street.as_deref(), Some("PO BOX"));
        assert_eq!(a.number.as_deref(), Some("9"));
        assert_eq!(a.zip, None);
    }

    #[test]
    fn directionals_and_street_names() {
        assert_eq!(norm("123 North St").as_deref(), Some("123 NORTH ST"));
        let a = parse("123 North St").unwrap();
        assert_eq!(a.street.as_deref(), Some("NORTH"));
        assert_eq!(a.predirectional, None);
        assert_eq!(norm("45 w 34th street").as_deref(), Some("45 W 34TH ST"));
        assert_eq!(
            norm("200 Main Street Southwest, Atlanta, GA").as_deref(),
            Some("200 MAIN ST SW, ATLANTA, GA")
        );
        assert_eq!(
            norm("200 Main St North Springfield IL").as_deref(),
            Some("200 MAIN ST, NORTH SPRINGFIELD, IL")
        );
        assert_eq!(
            norm("12 Northeast Oak Boulevard").as_deref(),
            Some("12 NE OAK BLVD")
        );
    }

    #[test]
    fn states_and_zips() {
        assert_eq!(
            norm("1 Main St, Albany, New York 12207").as_deref(),
            Some("1 MAIN ST, ALBANY, NY 12207")
        );
        assert_eq!(
            norm("1 Main St, Charleston, West Virginia").as_deref(),
            Some("1 MAIN ST, CHARLESTON, WV")
        );
        assert_eq!(
            norm("1 Main St, Springfield, Ill. 62704 1234").as_deref(),
            Some("1 MAIN ST, SPRINGFIELD, IL 62704-1234")
        );
        assert_eq!(
            norm("1 Main St, Springfield, IL 627041234").as_deref(),
            Some("1 MAIN ST, SPRINGFIELD, IL 62704-1234")
        );
        assert_eq!(
            norm("1 Calle Sol, San Juan, Puerto Rico 00901").as_deref(),
            Some("1 CALLE SOL, SAN JUAN, PR 00901")
        );
        // a city named like a state, no ZIP: kept as the city
        let a = parse("12 Elm St, Washington").unwrap();
        assert_eq!(a.city.as_deref(), Some("WASHINGTON"));
        assert_eq!(a.state, None);
        // CT is Court here, not Connecticut
        assert_eq!(norm("123 Oak Ct").as_deref(), Some("123 OAK CT"));
        assert_eq!(
            norm("Springfield, IL 62704").as_deref(),
            Some("SPRINGFIELD, IL 62704")
        );
        assert_eq!(
            parse("Springfield, IL 62704").unwrap().city.as_deref(),
            Some("SPRINGFIELD")
        );
    }

    #[test]
    fn messy_and_bad_input() {
        assert_eq!(
            norm("  １２３　ｍａｉｎ　ｓｔ  ").as_deref(),
            Some("123 MAIN ST")
        );
        assert_eq!(
            norm("123   Main\tSt.,,  Springfield ,IL").as_deref(),
            Some("123 MAIN ST, SPRINGFIELD, IL")
        );
        assert_eq!(parse(""), None);
        assert_eq!(parse(" , ; "), None);
        assert_eq!(norm("hello").as_deref(), Some("HELLO"));
        assert_eq!(norm("62704").as_deref(), Some("62704"));
    }

    proptest! {
        #[test]
        fn never_panics_and_idempotent(s in any::<String>()) {
            if let Some(once) = norm(&s) {
                prop_assert_eq!(norm(&once), Some(once.clone()));
            }
        }

        #[test]
        fn idempotent_on_address_like_input(
            s in "([0-9]{1,4} )?((north|N|main|park|spring|valley|oak|po|box|#|apt|suite|ste|rear|st|street|ave|rd|ct|nw|springfield|new|york|il|illinois|washington|dc|[0-9]{5}|[0-9]{4}|4b)[ ,.]{1,2}){0,8}"
        ) {
            if let Some(once) = norm(&s) {
                prop_assert_eq!(norm(&once), Some(once.clone()));
            }
        }
    }
}
