//! Phone numbers: parsing, validation, type and formatting.
//!
//! The rules are Google's libphonenumber, through the `rlibphonenumber`
//! crate: a line-by-line Rust port of the C++ library that carries its
//! metadata (9.0.42) for every region. We do not pre-process the input:
//! libphonenumber already reads full-width digits and brackets, `00`/`+`
//! prefixes, extensions and punctuation, and any folding of ours would make
//! results differ from the library's. Our code only bounds the input length
//! and maps the crate's results to libphonenumber's names (`fixed_line`,
//! `too_short`, …). Agreement with libphonenumber is checked on a corpus;
//! see `bench/` and `tests/data/phone_agreement_sample.csv`.
//!
//! The older `phonenumber` crate was dropped: it disagreed with
//! libphonenumber on ~5% of a messy corpus (letters, trunk prefixes,
//! country codes without `+`, types) and recompiled regexes through a
//! 100-entry LRU cache, which made mixed-region input ~80x slower.

use rlibphonenumber::{
    NumberLengthType, ParseError, PhoneNumber, PhoneNumberFormat, PhoneNumberType, ValidationError, PHONE_NUMBER_UTIL,
};
use serde::Serialize;

use crate::error::{ErrorClass, SqlError};

/// libphonenumber refuses inputs longer than this (`MAX_INPUT_STRING_LENGTH`);
/// we check it first, which also bounds the time spent on hostile input.
const MAX_INPUT_CHARS: usize = 250;

/// Errors about the arguments of the phone functions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("unknown phone region \"{0}\"")]
    UnknownRegion(String),
}

impl SqlError for PhoneError {
    fn class(&self) -> ErrorClass {
        ErrorClass::InvalidParameterValue
    }
    fn hint(&self) -> String {
        "use an ISO 3166-1 alpha-2 region that libphonenumber knows, such as 'CN', 'US', 'GB' or 'DE'; 'ZZ' accepts only numbers written with +country code".into()
    }
}

/// A default region for parsing: `None` means "no default", so only
/// numbers with an international prefix parse (libphonenumber's "ZZ").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(Option<rlibphonenumber::Region>);

impl Region {
    /// Reads a region argument: an ISO 3166-1 alpha-2 code that the
    /// metadata knows (case-insensitive, surrounding spaces ignored), or `ZZ`.
    pub fn parse(arg: &str) -> Result<Region, PhoneError> {
        // Every region is two characters: upper-cased on the stack (this
        // runs for every row the trigger cleans).
        let trimmed = arg.trim();
        let mut upper = [0u8; 2];
        if trimmed.len() != upper.len() {
            return Err(PhoneError::UnknownRegion(arg.to_string()));
        }
        upper.copy_from_slice(trimmed.as_bytes());
        upper.make_ascii_uppercase();
        // (a two-byte character stays one: ASCII case changes leave
        // non-ASCII bytes alone)
        let code = std::str::from_utf8(&upper).unwrap_or_default();
        if code == "ZZ" {
            return Ok(Region(None));
        }
        // `from_code` accepts any two letters; only those with metadata are
        // regions libphonenumber can parse for.
        match rlibphonenumber::Region::from_code(code) {
            Ok(region) if PHONE_NUMBER_UTIL.get_country_code_for_region(region).is_some() => Ok(Region(Some(region))),
            _ => Err(PhoneError::UnknownRegion(arg.to_string())),
        }
    }
}

/// Everything `phone_info` reports about one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneInfo {
    pub e164: Option<String>,
    pub international: Option<String>,
    pub national: Option<String>,
    pub country_code: Option<u16>,
    pub region: Option<String>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub valid: bool,
    /// Why the number is not valid; `None` when it is.
    pub reason: Option<&'static str>,
}

/// Parses `input` with the default `region`. `None` for blank input.
fn parse(input: &str, region: Region) -> Option<Result<PhoneNumber, &'static str>> {
    if input.chars().count() > MAX_INPUT_CHARS {
        return Some(Err("too_long"));
    }
    if crate::text::is_blank(input) {
        return None;
    }
    Some(PHONE_NUMBER_UTIL.parse(input, region.0).map_err(|e| parse_error_reason(&e)))
}

fn parse_error_reason(e: &ParseError) -> &'static str {
    match e {
        ParseError::InvalidCountryCode => "invalid_country_code",
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => "too_short",
        ParseError::TooLongNsn => "too_long",
        ParseError::NotANumber(_) => "not_a_number",
    }
}

/// Why a parsed number is not valid, in libphonenumber's terms: a length
/// problem when its length is impossible, `local_only` when it could only be
/// dialled locally (an area code is missing), else `invalid_number` (a
/// possible length, but no number range of the region matches).
fn invalid_reason(number: &PhoneNumber) -> &'static str {
    match number.is_possible_with_reason() {
        Err(ValidationError::InvalidCountryCode) => "invalid_country_code",
        Err(ValidationError::TooShort) => "too_short",
        Err(ValidationError::TooLong) => "too_long",
        Err(ValidationError::InvalidLength) => "invalid_length",
        Ok(NumberLengthType::IsPossibleLocalOnly) => "local_only",
        Ok(NumberLengthType::IsPossible) => "invalid_number",
    }
}

/// E.164 form of a valid number, `None` when `input` is not a valid number.
pub fn normalize_phone(input: &str, region: &str) -> Result<Option<String>, PhoneError> {
    let region = Region::parse(region)?;
    Ok(normalize_phone_in(input, region))
}

/// [`normalize_phone`] with an already checked region, for hot loops.
pub fn normalize_phone_in(input: &str, region: Region) -> Option<String> {
    match parse(input, region)? {
        Ok(number) if number.is_valid() => Some(number.format_as(PhoneNumberFormat::E164).into_owned()),
        _ => None,
    }
}

/// [`normalize_phone_in`], with the [`PhoneVerdict`] on the E.164 form it
/// returns, so that the rules of a row need not parse that form again.
///
/// Parsing an E.164 string gives back the same country code and national
/// number (that is what E.164 is for: libphonenumber round-trips it), and
/// validity and region depend on nothing else, so the verdict on the
/// E.164 form is the verdict on the number that was formatted.
pub(crate) fn normalize_phone_with_verdict(input: &str, region: Region) -> Option<(String, PhoneVerdict)> {
    let number = parse(input, region)?.ok()?;
    let number_region = number.get_region_code();
    // `is_valid` is "valid for the number's region" (see `phone_verdict`).
    if !number_region.is_some_and(|r| number.is_valid_for_region(r)) {
        return None;
    }
    let e164 = number.format_as(PhoneNumberFormat::E164).into_owned();
    Some((e164, PhoneVerdict { valid: true, reason: None, region: number_region }))
}

/// Whether `input` is a valid phone number for the default `region`.
pub fn is_valid_phone(input: &str, region: &str) -> Result<Option<bool>, PhoneError> {
    let region = Region::parse(region)?;
    Ok(parse(input, region).map(|r| matches!(r, Ok(n) if n.is_valid())))
}

/// Full description of `input`; `None` only for blank input. Invalid
/// numbers still report what could be parsed, with `valid: false` and a
/// `reason`.
pub fn phone_info(input: &str, region: &str) -> Result<Option<PhoneInfo>, PhoneError> {
    let region = Region::parse(region)?;
    let parsed = match parse(input, region) {
        None => return Ok(None),
        Some(p) => p,
    };
    let number = match parsed {
        Ok(n) => n,
        Err(reason) => {
            return Ok(Some(PhoneInfo {
                e164: None,
                international: None,
                national: None,
                country_code: None,
                region: None,
                kind: "unknown",
                valid: false,
                reason: Some(reason),
            }))
        }
    };
    let valid = number.is_valid();
    let fmt = |format| number.format_as(format).into_owned();
    Ok(Some(PhoneInfo {
        e164: valid.then(|| fmt(PhoneNumberFormat::E164)),
        international: Some(fmt(PhoneNumberFormat::International)),
        national: Some(fmt(PhoneNumberFormat::National)),
        country_code: u16::try_from(number.country_code).ok(),
        region: number.get_region_code().map(|r| r.as_region_str().to_string()),
        kind: if valid { type_name(number.get_type()) } else { "unknown" },
        valid,
        reason: (!valid).then(|| invalid_reason(&number)),
    }))
}

/// What the rules need to know about a number: the part of [`PhoneInfo`]
/// that costs no formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhoneVerdict {
    pub valid: bool,
    /// Why the number is not valid (as [`PhoneInfo::reason`]).
    pub reason: Option<&'static str>,
    /// The number's region ([`PhoneInfo::region`] is its code), kept as
    /// the library's value: no String for each row's number.
    pub region: Option<rlibphonenumber::Region>,
}

/// [`phone_info`]'s `valid`, `reason` and `region` without its three
/// formatted spellings, for the per-row rules (a format rule and a
/// cross-field rule read the same number). `None` only for blank input.
pub(crate) fn phone_verdict(input: &str, region: Region) -> Option<PhoneVerdict> {
    let number = match parse(input, region)? {
        Ok(n) => n,
        Err(reason) => return Some(PhoneVerdict { valid: false, reason: Some(reason), region: None }),
    };
    // `is_valid` is "valid for the number's region", and finding that
    // region is the costly part (for +1, a search of the NANPA regions):
    // find it once for both answers.
    let region = number.get_region_code();
    let valid = region.is_some_and(|r| number.is_valid_for_region(r));
    Some(PhoneVerdict { valid, reason: (!valid).then(|| invalid_reason(&number)), region })
}

/// libphonenumber's names for number types, in lower case.
fn type_name(t: PhoneNumberType) -> &'static str {
    match t {
        PhoneNumberType::FixedLine => "fixed_line",
        PhoneNumberType::Mobile => "mobile",
        PhoneNumberType::FixedLineOrMobile => "fixed_line_or_mobile",
        PhoneNumberType::TollFree => "toll_free",
        PhoneNumberType::PremiumRate => "premium_rate",
        PhoneNumberType::SharedCost => "shared_cost",
        PhoneNumberType::PersonalNumber => "personal_number",
        PhoneNumberType::VoIP => "voip",
        PhoneNumberType::Pager => "pager",
        PhoneNumberType::UAN => "uan",
        PhoneNumberType::VoiceMail => "voicemail",
        PhoneNumberType::Unknown => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn verdict_agrees_with_phone_info() {
        for (input, region) in [
            ("13812345678", "CN"),
            ("+1 212 731 1968", "ZZ"),
            ("(678) 561-1397", "US"),
            ("+44 20 7946 0958", "CN"),
            ("555", "US"),
            ("+86 138 1234 567", "CN"),
            ("+800 1234 5678", "ZZ"),
            ("abc", "CN"),
            ("", "CN"),
        ] {
            let info = phone_info(input, region).unwrap();
            let normalized = normalize_phone_with_verdict(input, Region::parse(region).unwrap());
            assert_eq!(normalized.as_ref().map(|n| &n.0), info.as_ref().and_then(|i| i.e164.as_ref()));
            if let Some((e164, verdict)) = normalized {
                // the verdict holds for the E.164 form, read in any region
                for r in ["ZZ", "CN", "US"] {
                    assert_eq!(phone_verdict(&e164, Region::parse(r).unwrap()), Some(verdict), "{e164} in {r}");
                }
            }
            let verdict = phone_verdict(input, Region::parse(region).unwrap());
            assert_eq!(
                verdict.map(|v| (v.valid, v.reason, v.region.map(|r| r.as_region_str().to_string()))),
                info.map(|i| (i.valid, i.reason, i.region)),
                "{input:?} in {region}"
            );
        }
    }

    fn e164(input: &str, region: &str) -> Option<String> {
        normalize_phone(input, region).unwrap()
    }

    #[test]
    fn chinese_mobile_in_many_spellings() {
        for input in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138-1234-5678",
            "+86 (138) 1234 5678",
            "0086 138 1234 5678",
            "８６－１３８１２３４５６７８",
            "+８６ １３８ １２３４ ５６７８",
            "(86)13812345678",
            "（86）13812345678",
            "138.1234.5678",
            "\u{200B}138 1234 5678\u{FEFF}",
        ] {
            assert_eq!(e164(input, "CN").as_deref(), Some("+8613812345678"), "input {input:?}");
        }
    }

    #[test]
    fn us_numbers_with_extension_and_punctuation() {
        assert_eq!(e164("(415) 555-0132", "US").as_deref(), Some("+14155550132"));
        assert_eq!(e164("+1 415.555.0132", "CN").as_deref(), Some("+14155550132"));
        assert_eq!(e164("415-555-0132 ext 12", "US").as_deref(), Some("+14155550132"));
        assert_eq!(e164("1 (650) 253-0000", "us").as_deref(), Some("+16502530000"));
    }

    #[test]
    fn other_regions() {
        assert_eq!(e164("030 123456", "DE").as_deref(), Some("+4930123456"));
        assert_eq!(e164("020 7946 0018", "GB").as_deref(), Some("+442079460018"));
        assert_eq!(e164("+44 20 7946 0018", "ZZ").as_deref(), Some("+442079460018"));
        assert_eq!(e164("010-6552 9988", "CN").as_deref(), Some("+861065529988"));
    }

    #[test]
    fn invalid_and_blank() {
        assert_eq!(e164("12345", "CN"), None);
        assert_eq!(e164("1381234567", "CN"), None); // one digit short
        assert_eq!(e164("not a phone", "CN"), None);
        assert_eq!(e164("", "CN"), None);
        assert_eq!(e164("   ", "CN"), None);
        assert_eq!(e164("13812345678", "ZZ"), None); // no + and no default region
        assert_eq!(e164(&"1".repeat(1 << 20), "CN"), None);
    }

    #[test]
    fn unknown_region_is_an_error() {
        assert_eq!(normalize_phone("13812345678", "XX"), Err(PhoneError::UnknownRegion("XX".into())));
        assert!(normalize_phone("13812345678", "China").is_err());
        assert!(normalize_phone("13812345678", "").is_err());
    }

    #[test]
    fn info_of_a_mobile() {
        let info = phone_info("138 1234 5678", "CN").unwrap().unwrap();
        assert_eq!(
            info,
            PhoneInfo {
                e164: Some("+8613812345678".into()),
                international: Some("+86 138 1234 5678".into()),
                national: Some("138 1234 5678".into()),
                country_code: Some(86),
                region: Some("CN".into()),
                kind: "mobile",
                valid: true,
                reason: None,
            }
        );
    }

    #[test]
    fn info_of_bad_numbers() {
        let info = phone_info("abc", "CN").unwrap().unwrap();
        assert_eq!((info.valid, info.reason, info.kind), (false, Some("not_a_number"), "unknown"));
        let info = phone_info("1381234567", "CN").unwrap().unwrap();
        assert_eq!((info.valid, info.reason), (false, Some("invalid_number")));
        assert_eq!(info.e164, None);
        // reasons as libphonenumber's is_possible_number_with_reason gives them
        let reason = |n, r| phone_info(n, r).unwrap().unwrap().reason;
        assert_eq!(reason("12", "CN"), Some("too_short"));
        assert_eq!(reason("415555013", "US"), Some("too_short"));
        assert_eq!(reason("41555501321234", "US"), Some("too_long"));
        assert_eq!(reason("555 1234", "US"), Some("local_only"));
        assert_eq!(reason("+86 1", "ZZ"), Some("too_short"));
        assert_eq!(reason("+999 12345678", "ZZ"), Some("invalid_country_code"));
        assert_eq!(phone_info(" ", "CN").unwrap(), None);
        let long = phone_info(&"9".repeat(300), "CN").unwrap().unwrap();
        assert_eq!(long.reason, Some("too_long"));
    }

    #[test]
    fn types() {
        let kind = |n, r| phone_info(n, r).unwrap().unwrap().kind;
        assert_eq!(kind("010 6552 9988", "CN"), "fixed_line");
        assert_eq!(kind("400 810 8888", "CN"), "shared_cost");
        assert_eq!(kind("800 555 0100", "US"), "toll_free");
        assert_eq!(kind("650 253 0000", "US"), "fixed_line_or_mobile");
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>(), r in "[A-Z]{2}") {
            let _ = normalize_phone(&s, &r);
            let _ = phone_info(&s, &r);
        }

        /// Inputs built from what the parser looks at (digits of several
        /// scripts, `+`, brackets, extensions, RFC 3966 `tel:` and
        /// `phone-context`), which random strings rarely reach.
        #[test]
        fn never_panics_on_phone_like_input(
            s in "(tel:)?[0-9+()\\-. xX#*;=a-zA-Z０-９＋（）٠-٩۰-۹]{0,30}(;phone-context=[+0-9a-z.\\-]{0,12})?(;ext=[0-9]{0,6})?",
            r in "(CN|US|GB|DE|IT|RU|BR|IN|ZZ|AR|MX)",
        ) {
            let _ = normalize_phone(&s, &r);
            let _ = phone_info(&s, &r);
        }

        #[test]
        fn idempotent(s in "[+0-9 ()\\-.]{0,20}") {
            if let Some(once) = normalize_phone(&s, "CN").unwrap() {
                prop_assert_eq!(normalize_phone(&once, "CN").unwrap(), Some(once));
            }
        }
    }
}
