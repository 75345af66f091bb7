//! `normalize_country`: ISO 3166-1 alpha-2 from codes, names and aliases.
//!
//! Accepted, in this order:
//! 1. ISO alpha-2 (`cn`, `US`), alpha-3 (`CHN`) and three-digit numeric
//!    (`156`) codes, case-insensitive, punctuation ignored (`U.S.` = `US`).
//!    Numeric codes must have three digits: `86` is a telephone prefix, not
//!    an ISO code, and is not accepted.
//! 2. English names (ISO short, official and common names) and Chinese names
//!    (simplified and traditional, from the iso-codes translations), plus a
//!    hand-maintained alias list (`USA`, `UK`, `PRC`, `中国大陆`, `Holland`, …);
//!    matching ignores case, accents, spaces, punctuation and a leading "the",
//!    and reads `&` as "and".
//!
//! The tables are generated: see [`crate::data::iso3166`].

// Fx hashing for the static code and name tables (fixed keys, so
// SipHash's resistance to collision attacks buys nothing here).
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::data::iso3166::{ALIASES, COUNTRIES};
use crate::error::{ErrorClass, SqlError};

/// Error for a country *argument* that names no country.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountryError {
    /// The argument is not a code, name or alias of any ISO 3166-1 country.
    #[error("unknown country \"{0}\"")]
    Unknown(String),
}

impl SqlError for CountryError {
    fn class(&self) -> ErrorClass {
        ErrorClass::InvalidParameterValue
    }
    fn hint(&self) -> String {
        "use an ISO 3166-1 code or name such as 'CN', 'US', 'GB' or 'China'".to_string()
    }
}

/// The lookup key of a name: NFKC, lower case, accents dropped, `&` read
/// as "and", everything but letters and digits removed, leading "the" dropped.
fn key(input: &str) -> String {
    if input.is_ascii() {
        // Width folding, NFD and NFC change no ASCII character, and ASCII
        // has no combining marks: only the case is left to fold. Most
        // country values are ASCII codes, read several times per row.
        return join_words(input.chars().map(|c| c.to_ascii_lowercase()));
    }
    let folded = crate::text::fold_width_cow(input);
    // Full-width ASCII (`Ｃｈｉｎａ`) folds to ASCII, and ASCII mixed only
    // with unified CJK ideographs (`中国`, `美國`) has nothing for case
    // folding, decomposition or composition to change, nor combining marks
    // to drop: the words alone are the key. These are most non-ASCII
    // country values, and the general path below runs two normalizations
    // and allocates at each step.
    if folded.chars().all(|c| c.is_ascii() || is_unified_ideograph(c)) {
        return join_words(folded.chars().map(|c| c.to_ascii_lowercase()));
    }
    let folded = folded.to_lowercase();
    let joined = join_words(folded.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)));
    joined.nfc().collect()
}

/// CJK unified ideographs (the main block and extension A): letters with no
/// case, no decomposition and no composition with any other character.
fn is_unified_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The words (runs of letters and digits) of `chars`, concatenated, with
/// `&` read as the word "and" and a leading "the" dropped when other words
/// follow it.
fn join_words(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    // Words seen so far, the byte length of the first one, and whether
    // `out` ends inside a word.
    let (mut words, mut first_len, mut in_word) = (0usize, 0usize, false);
    let mut end_word = |out: &String, words: &mut usize| {
        *words += 1;
        if *words == 1 {
            first_len = out.len();
        }
    };
    for c in chars {
        if c.is_alphanumeric() {
            out.push(c);
            in_word = true;
            continue;
        }
        if in_word {
            end_word(&out, &mut words);
            in_word = false;
        }
        if c == '&' {
            out.push_str("and");
            end_word(&out, &mut words);
        }
    }
    if in_word {
        end_word(&out, &mut words);
    }
    if words > 1 && &out[..first_len] == "the" {
        out.drain(..first_len);
    }
    out
}

/// The ISO codes, upper case, each to its alpha-2 code (the first country
/// in the table that has it), instead of a scan of the table.
struct Codes {
    /// Alpha-2 codes by [`alpha2_slot`]: an array index instead of a hash,
    /// as a row's country code (`CN`) is looked up several times per row
    /// (its own rule, and as the argument of the phone, address and
    /// postcode functions).
    alpha2: Vec<Option<&'static str>>,
    alpha3: HashMap<&'static str, &'static str>,
    numeric: HashMap<&'static str, &'static str>,
}

impl Codes {
    /// The country whose alpha-2 code is `code` (exactly, in upper case).
    fn alpha2(&self, code: &[u8]) -> Option<&'static str> {
        alpha2_slot(code).and_then(|i| self.alpha2[i])
    }
}

/// Index of a two-letter upper-case code in [`Codes::alpha2`].
fn alpha2_slot(code: &[u8]) -> Option<usize> {
    match code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

fn codes() -> &'static Codes {
    static CODES: OnceLock<Codes> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut codes = Codes { alpha2: vec![None; 26 * 26], alpha3: HashMap::default(), numeric: HashMap::default() };
        for c in COUNTRIES {
            if let Some(i) = alpha2_slot(c.alpha2.as_bytes()) {
                codes.alpha2[i].get_or_insert(c.alpha2);
            }
            codes.alpha3.entry(c.alpha3).or_insert(c.alpha2);
            codes.numeric.entry(c.numeric).or_insert(c.alpha2);
        }
        codes
    })
}

fn name_index() -> &'static HashMap<String, &'static str> {
    static INDEX: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = HashMap::default();
        for c in COUNTRIES {
            for n in [c.name, c.common_name, c.official_name] {
                if !n.is_empty() {
                    m.entry(key(n)).or_insert(c.alpha2);
                }
            }
        }
        for c in COUNTRIES {
            for n in [c.name_zh_cn, c.official_name_zh_cn, c.name_zh_tw] {
                if !n.is_empty() {
                    m.entry(key(n)).or_insert(c.alpha2);
                }
            }
        }
        for (alias, code) in ALIASES {
            // Aliases are chosen by hand and win over translations.
            if let Some(c) = COUNTRIES.iter().find(|c| c.alpha2 == *code) {
                m.insert(key(alias), c.alpha2);
            }
        }
        m
    })
}

/// ISO 3166-1 alpha-2 code of a country given by code, name or alias;
/// `None` when it names no country (or is empty or too long).
pub fn normalize_country(input: &str) -> Option<&'static str> {
    if input.len() > crate::MAX_FIELD_BYTES {
        return None;
    }
    // Already a code in upper case (`CN`, and every value this function
    // returned): the general path below would find the same.
    if let Some(code) = codes().alpha2(input.as_bytes()) {
        return Some(code);
    }
    let k = key(input);
    if k.is_empty() {
        return None;
    }
    if k.is_ascii() && k.len() <= 3 {
        // (upper case on the stack: codes are two or three characters)
        let mut upper = [0u8; 3];
        let upper = &mut upper[..k.len()];
        upper.copy_from_slice(k.as_bytes());
        upper.make_ascii_uppercase();
        let upper = std::str::from_utf8(upper).expect("ASCII");
        let codes = codes();
        let by_code = match upper.len() {
            2 => codes.alpha2(upper.as_bytes()),
            3 if upper.bytes().all(|b| b.is_ascii_digit()) => codes.numeric.get(upper).copied(),
            3 => codes.alpha3.get(upper).copied(),
            _ => None,
        };
        if let Some(code) = by_code {
            return Some(code);
        }
    }
    name_index().get(&k).copied()
}

/// Resolves a country *argument* (of `normalize_postcode`, the address
/// functions, …): anything [`normalize_country`] accepts, else an error.
pub fn country_code_arg(arg: &str) -> Result<&'static str, CountryError> {
    normalize_country(arg).ok_or_else(|| {
        let shown: String = arg.chars().take(100).collect();
        let shown = if shown.len() < arg.len() { format!("{shown}…") } else { shown };
        CountryError::Unknown(shown)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes() {
        assert_eq!(normalize_country("CN"), Some("CN"));
        assert_eq!(normalize_country("cn"), Some("CN"));
        assert_eq!(normalize_country(" us "), Some("US"));
        assert_eq!(normalize_country("CHN"), Some("CN"));
        assert_eq!(normalize_country("usa"), Some("US"));
        assert_eq!(normalize_country("GBR"), Some("GB"));
        assert_eq!(normalize_country("DEU"), Some("DE"));
        assert_eq!(normalize_country("156"), Some("CN"));
        assert_eq!(normalize_country("840"), Some("US"));
        assert_eq!(normalize_country("036"), Some("AU"));
        assert_eq!(normalize_country("ＪＰ"), Some("JP"));
        assert_eq!(normalize_country("U.S."), Some("US"));
    }

    #[test]
    fn english_names() {
        assert_eq!(normalize_country("China"), Some("CN"));
        assert_eq!(normalize_country("CHINA"), Some("CN"));
        assert_eq!(normalize_country("People's Republic of China"), Some("CN"));
        assert_eq!(normalize_country("United States"), Some("US"));
        assert_eq!(normalize_country("the United States"), Some("US"));
        assert_eq!(normalize_country("united   kingdom"), Some("GB"));
        assert_eq!(normalize_country("Germany"), Some("DE"));
        assert_eq!(normalize_country("Korea, Republic of"), Some("KR"));
        assert_eq!(normalize_country("Côte d'Ivoire"), Some("CI"));
        assert_eq!(normalize_country("Cote dIvoire"), Some("CI"));
        assert_eq!(normalize_country("Trinidad & Tobago"), Some("TT"));
        assert_eq!(normalize_country("Bosnia and Herzegovina"), Some("BA"));
        assert_eq!(normalize_country("Viet Nam"), Some("VN"));
        assert_eq!(normalize_country("Taiwan"), Some("TW"));
        assert_eq!(normalize_country("North Korea"), Some("KP"));
        assert_eq!(normalize_country("The Netherlands"), Some("NL"));
    }

    #[test]
    fn chinese_names() {
        assert_eq!(normalize_country("中国"), Some("CN"));
        assert_eq!(normalize_country("中华人民共和国"), Some("CN"));
        assert_eq!(normalize_country("中國"), Some("CN"));
        assert_eq!(normalize_country("中国大陆"), Some("CN"));
        assert_eq!(normalize_country("美国"), Some("US"));
        assert_eq!(normalize_country("美國"), Some("US"));
        assert_eq!(normalize_country("英国"), Some("GB"));
        assert_eq!(normalize_country("德国"), Some("DE"));
        assert_eq!(normalize_country("日本"), Some("JP"));
        assert_eq!(normalize_country("韩国"), Some("KR"));
        assert_eq!(normalize_country("台湾"), Some("TW"));
        assert_eq!(normalize_country("香港"), Some("HK"));
        assert_eq!(normalize_country("澳门"), Some("MO"));
        assert_eq!(normalize_country("俄罗斯"), Some("RU"));
        assert_eq!(normalize_country("法国"), Some("FR"));
        assert_eq!(normalize_country(" 新加坡 "), Some("SG"));
    }

    #[test]
    fn aliases() {
        assert_eq!(normalize_country("USA"), Some("US"));
        assert_eq!(normalize_country("U.S.A."), Some("US"));
        assert_eq!(normalize_country("America"), Some("US"));
        assert_eq!(normalize_country("United States of America"), Some("US"));
        assert_eq!(normalize_country("PRC"), Some("CN"));
        assert_eq!(normalize_country("P.R.C."), Some("CN"));
        assert_eq!(normalize_country("UK"), Some("GB"));
        assert_eq!(normalize_country("u.k."), Some("GB"));
        assert_eq!(normalize_country("Great Britain"), Some("GB"));
        assert_eq!(normalize_country("England"), Some("GB"));
        assert_eq!(normalize_country("Britain"), Some("GB"));
        assert_eq!(normalize_country("Holland"), Some("NL"));
        assert_eq!(normalize_country("South Korea"), Some("KR"));
        assert_eq!(normalize_country("Korea"), Some("KR"));
        assert_eq!(normalize_country("Russia"), Some("RU"));
        assert_eq!(normalize_country("Vietnam"), Some("VN"));
        assert_eq!(normalize_country("UAE"), Some("AE"));
    }

    #[test]
    fn unknown_and_empty() {
        assert_eq!(normalize_country(""), None);
        assert_eq!(normalize_country("   "), None);
        assert_eq!(normalize_country("..."), None);
        assert_eq!(normalize_country("Atlantis"), None);
        assert_eq!(normalize_country("XX"), None);
        assert_eq!(normalize_country("ZZZ"), None);
        assert_eq!(normalize_country("86"), None);
        assert_eq!(normalize_country("999"), None);
        assert_eq!(normalize_country("火星"), None);
        assert_eq!(normalize_country(&"a".repeat(5000)), None);
    }

    #[test]
    fn argument() {
        assert_eq!(country_code_arg("cn"), Ok("CN"));
        assert_eq!(country_code_arg("中国"), Ok("CN"));
        let e = country_code_arg("Narnia").unwrap_err();
        assert_eq!(e, CountryError::Unknown("Narnia".into()));
        assert_eq!(e.to_string(), "unknown country \"Narnia\"");
        assert_eq!(e.class(), ErrorClass::InvalidParameterValue);
        assert_eq!(e.hint(), "use an ISO 3166-1 code or name such as 'CN', 'US', 'GB' or 'China'");
        assert_eq!(country_code_arg("").unwrap_err().to_string(), "unknown country \"\"");
    }

    #[test]
    fn every_table_entry_round_trips() {
        for c in COUNTRIES {
            assert_eq!(normalize_country(c.alpha2), Some(c.alpha2));
            assert_eq!(normalize_country(c.alpha3), Some(c.alpha2));
            assert_eq!(normalize_country(c.numeric), Some(c.alpha2));
            assert_eq!(normalize_country(c.name), Some(c.alpha2), "{}", c.name);
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            if let Some(code) = normalize_country(&s) {
                prop_assert_eq!(normalize_country(code), Some(code));
            }
        }

        #[test]
        fn output_is_a_fixed_point(s in "[A-Za-z .]{0,12}|[中国美英日韩]{1,4}") {
            if let Some(code) = normalize_country(&s) {
                prop_assert_eq!(normalize_country(code), Some(code));
                prop_assert!(country_code_arg(&s).is_ok());
            } else {
                prop_assert!(country_code_arg(&s).is_err());
            }
        }
    }
}
