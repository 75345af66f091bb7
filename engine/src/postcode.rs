//! `normalize_postcode`: postal codes in each country's canonical layout.
//!
//! The input is folded (full-width to half-width), upper-cased, and its
//! spaces and dashes are removed; the compact code is then laid out the way
//! the country writes it and checked against the country's pattern from
//! Google's i18n address metadata ([`crate::data::postcode_formats`]):
//! - the layout (where a space or dash goes) is taken from the metadata's
//!   example codes of the same length: US `12345-6789`, CA `K1A 0B1`,
//!   JP `100-0001`, NL `1234 AB`, BR `01310-100`, …;
//! - GB (and the other UK-style codes: GG, IM, JE) put one space before the
//!   last three characters (`SW1A 1AA`); `BFPO 61`;
//! - codes with no separator in their examples stay compact (CN `100000`,
//!   DE `10115`).
//!
//! `None` when the code does not match the country's pattern, and for
//! countries whose metadata has no postal code (e.g. HK, AE). Leading zeros
//! lost by spreadsheets (`2134` for a US ZIP) are not restored.

use std::sync::OnceLock;

use regex::Regex;

use crate::country::{country_code_arg, CountryError};
use crate::data::postcode_formats::POSTCODE_FORMATS;

fn format_index(country: &str) -> Option<usize> {
    // Two upper-case letters (every country code): an array slot, instead
    // of a binary search by string comparisons, twice per cleaned row.
    if let [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = country.as_bytes() {
        static BY_CODE: OnceLock<Vec<Option<usize>>> = OnceLock::new();
        let slot = |a: u8, b: u8| usize::from(a - b'A') * 26 + usize::from(b - b'A');
        let by_code = BY_CODE.get_or_init(|| {
            let mut by_code = vec![None; 26 * 26];
            for (i, (c, _, _)) in POSTCODE_FORMATS.iter().enumerate() {
                if let [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = c.as_bytes() {
                    by_code[slot(*a, *b)] = Some(i);
                }
            }
            by_code
        });
        return by_code[slot(*a, *b)];
    }
    POSTCODE_FORMATS.binary_search_by(|(c, _, _)| (*c).cmp(country)).ok()
}

/// The anchored pattern of the format at `idx`, compiled once.
fn pattern(idx: usize) -> Option<&'static Regex> {
    static CACHE: OnceLock<Vec<OnceLock<Option<Regex>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| (0..POSTCODE_FORMATS.len()).map(|_| OnceLock::new()).collect());
    cache.get(idx)?.get_or_init(|| Regex::new(&format!("^(?:{})$", POSTCODE_FORMATS[idx].1)).ok()).as_ref()
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
}

/// Upper-case ASCII letters and digits of the code, or `None` if it holds
/// anything but those, spaces and dashes.
fn compact(input: &str) -> Option<String> {
    let folded = crate::text::fold_width_cow(input);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_whitespace() || is_dash(c) || crate::text::is_invisible(c) || c == '〒' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else {
            return None;
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// Puts the separators of `example` into `code` (in `out`, cleared first)
/// when both have the same number of letters and digits; `false` when they
/// have not, or `example` has no separator.
fn layout_like(code: &str, example: &str, out: &mut String) -> bool {
    out.clear();
    let ex = example.trim();
    let ex_len = ex.chars().filter(|c| *c != ' ' && *c != '-').count();
    if ex_len != code.len() || ex_len == ex.chars().count() {
        return false;
    }
    let mut chars = code.chars();
    for e in ex.chars() {
        if e == ' ' || e == '-' {
            out.push(e);
        } else {
            match chars.next() {
                Some(c) => out.push(c),
                None => return false,
            }
        }
    }
    true
}

/// The first of the candidate layouts of a compact code (most canonical
/// first) that `re` accepts. The layouts are tried as they are made, in one
/// buffer: most codes are accepted at the first try.
fn first_valid_layout(country: &str, code: &str, examples: &str, re: &Regex) -> Option<String> {
    let mut candidate = String::with_capacity(code.len() + 2);
    if matches!(country, "GB" | "GG" | "IM" | "JE") {
        if let Some(rest) = code.strip_prefix("BFPO") {
            candidate.push_str("BFPO ");
            candidate.push_str(rest);
        } else if code.len() >= 5 {
            let (outward, inward) = code.split_at(code.len() - 3);
            candidate.push_str(outward);
            candidate.push(' ');
            candidate.push_str(inward);
        }
        if !candidate.is_empty() && re.is_match(&candidate) {
            return Some(candidate);
        }
    }
    // (a layout seen before was rejected then: trying it again would
    // change nothing)
    for ex in examples.split(',') {
        if layout_like(code, ex, &mut candidate) && re.is_match(&candidate) {
            return Some(candidate);
        }
    }
    re.is_match(code).then(|| code.to_string())
}

/// Normalizes a postal code for `country` (any code or name that
/// [`crate::country::normalize_country`] accepts). `Err` only when the
/// country argument is unknown; `Ok(None)` when the input is not a postal
/// code of that country.
pub fn normalize_postcode(input: &str, country: &str) -> Result<Option<String>, CountryError> {
    let cc = country_code_arg(country)?;
    if input.len() > crate::MAX_FIELD_BYTES {
        return Ok(None);
    }
    let Some(idx) = format_index(cc) else {
        return Ok(None);
    };
    let Some(code) = compact(input) else {
        return Ok(None);
    };
    let Some(re) = pattern(idx) else {
        return Ok(None);
    };
    let examples = POSTCODE_FORMATS[idx].2;
    Ok(first_valid_layout(cc, &code, examples, re))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn n(s: &str, c: &str) -> Option<String> {
        normalize_postcode(s, c).unwrap()
    }

    #[test]
    fn format_index_agrees_with_a_search_of_the_table() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                let searched = POSTCODE_FORMATS.binary_search_by(|(c, _, _)| (*c).cmp(code.as_str())).ok();
                assert_eq!(format_index(&code), searched, "{code}");
            }
        }
        assert_eq!(format_index("CA--fr").map(|i| POSTCODE_FORMATS[i].0), Some("CA--fr"));
    }

    #[test]
    fn us() {
        assert_eq!(n("62704", "US").as_deref(), Some("62704"));
        assert_eq!(n("62704-1234", "US").as_deref(), Some("62704-1234"));
        assert_eq!(n("62704 1234", "US").as_deref(), Some("62704-1234"));
        assert_eq!(n("627041234", "US").as_deref(), Some("62704-1234"));
        assert_eq!(n(" ６２７０４ ", "usa").as_deref(), Some("62704"));
        assert_eq!(n("6270", "US"), None);
        assert_eq!(n("627045", "US"), None);
        assert_eq!(n("ABCDE", "US"), None);
        assert_eq!(n("62704-12", "US"), None);
    }

    #[test]
    fn cn() {
        assert_eq!(n("518057", "CN").as_deref(), Some("518057"));
        assert_eq!(n("５１８０５７", "中国").as_deref(), Some("518057"));
        assert_eq!(n("518 057", "CN").as_deref(), Some("518057"));
        assert_eq!(n("51805", "CN"), None);
        assert_eq!(n("5180577", "CN"), None);
        assert_eq!(n("邮编518057", "CN"), None);
    }

    #[test]
    fn gb() {
        assert_eq!(n("sw1a1aa", "GB").as_deref(), Some("SW1A 1AA"));
        assert_eq!(n("SW1A 1AA", "UK").as_deref(), Some("SW1A 1AA"));
        assert_eq!(n("m1 1ae", "GB").as_deref(), Some("M1 1AE"));
        assert_eq!(n("EC1A1BB", "GB").as_deref(), Some("EC1A 1BB"));
        assert_eq!(n("W1A 0AX", "GB").as_deref(), Some("W1A 0AX"));
        assert_eq!(n("gir0aa", "GB").as_deref(), Some("GIR 0AA"));
        assert_eq!(n("BFPO61", "GB").as_deref(), Some("BFPO 61"));
        assert_eq!(n("12345", "GB"), None);
        assert_eq!(n("SW1A", "GB"), None);
    }

    #[test]
    fn ca_jp_de_nl_others() {
        assert_eq!(n("k1a0b1", "CA").as_deref(), Some("K1A 0B1"));
        assert_eq!(n("K1A-0B1", "Canada").as_deref(), Some("K1A 0B1"));
        assert_eq!(n("D1A 0B1", "CA"), None);
        assert_eq!(n("1000001", "JP").as_deref(), Some("100-0001"));
        assert_eq!(n("100-0001", "日本").as_deref(), Some("100-0001"));
        assert_eq!(n("〒100－0001", "JP").as_deref(), Some("100-0001"));
        assert_eq!(n("10000", "JP"), None);
        assert_eq!(n("10115", "DE").as_deref(), Some("10115"));
        assert_eq!(n("1011", "DE"), None);
        assert_eq!(n("1234ab", "NL").as_deref(), Some("1234 AB"));
        assert_eq!(n("1234 SA", "NL"), None);
        assert_eq!(n("01310100", "BR").as_deref(), Some("01310-100"));
        assert_eq!(n("75008", "FR").as_deref(), Some("75008"));
        assert_eq!(n("a65f4e2", "IE").as_deref(), Some("A65 F4E2"));
    }

    #[test]
    fn no_postcodes_and_bad_input() {
        assert_eq!(n("999077", "HK"), None);
        assert_eq!(n("", "US"), None);
        assert_eq!(n("   ", "CN"), None);
        assert_eq!(n("--", "CN"), None);
        assert_eq!(n(&"1".repeat(5000), "CN"), None);
        assert_eq!(n("1234€", "DE"), None);
    }

    #[test]
    fn unknown_country_is_an_error() {
        assert_eq!(normalize_postcode("12345", "Narnia"), Err(CountryError::Unknown("Narnia".into())));
        assert!(normalize_postcode("", "XX").is_err());
    }

    proptest! {
        #[test]
        fn never_panics_and_idempotent(
            s in any::<String>(),
            c in prop::sample::select(vec!["US", "CN", "GB", "CA", "JP", "DE", "NL", "BR", "AR", "MT", "HK"]),
        ) {
            if let Some(once) = normalize_postcode(&s, c).unwrap() {
                prop_assert_eq!(normalize_postcode(&once, c).unwrap(), Some(once.clone()));
            }
        }

        #[test]
        fn idempotent_on_code_like_input(
            s in "[0-9A-Za-z -]{1,10}",
            c in prop::sample::select(vec!["US", "CN", "GB", "CA", "JP", "DE", "NL", "BR", "AR", "MT", "IE", "PL", "SE"]),
        ) {
            if let Some(once) = normalize_postcode(&s, c).unwrap() {
                prop_assert_eq!(normalize_postcode(&once, c).unwrap(), Some(once.clone()));
            }
        }
    }
}
