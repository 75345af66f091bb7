//! `normalize_address` and `address_parts`.
//!
//! The country argument is resolved with [`crate::country::country_code_arg`]
//! (so `'CN'`, `'China'`, `'中国'`, `'US'`, `'USA'` all work); an unknown
//! country is an error ([`AddressError`]).
//!
//! - **CN** ([`cn`]): province / city / district with their GB/T 2260 names
//!   and codes, then street and detail; the canonical string joins the full
//!   names with no spaces: `广东省深圳市南山区科技园路1号`.
//! - **US** ([`us`]): USPS Publication 28 style, upper case:
//!   `123 N MAIN ST APT 4B, SPRINGFIELD, IL 62704-1234`.
//! - **Every other known country**: `normalize_address` is
//!   [`crate::text::normalize_text`] (Unicode clean-up only) and
//!   `address_parts` is `{"country": "DE", "line": "<normalized text>"}`.
//!
//! Empty or whitespace-only input, and input longer than
//! [`crate::MAX_FIELD_BYTES`], give `None`. Both functions are idempotent:
//! `normalize_address(normalize_address(x)) == normalize_address(x)`.

pub mod cn;
pub mod us;

use serde::Serialize;

use crate::country::{country_code_arg, CountryError};
use crate::error::{ErrorClass, SqlError};

/// Errors of the address functions: only a bad country argument.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    /// The country argument names no ISO 3166-1 country.
    #[error(transparent)]
    Country(#[from] CountryError),
}

impl SqlError for AddressError {
    fn class(&self) -> ErrorClass {
        match self {
            AddressError::Country(e) => e.class(),
        }
    }
    fn hint(&self) -> String {
        match self {
            AddressError::Country(e) => e.hint(),
        }
    }
}

/// Parts of an address other than CN or US: the cleaned text as one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherAddress {
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// The address after [`crate::text::normalize_text`].
    pub line: String,
}

/// The parts of an address; serializes as one flat JSON object whose keys
/// depend on the country (every key of that country is present, `null`
/// when the part is missing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum AddressParts {
    /// A Chinese address.
    Cn(cn::CnAddress),
    /// A US address.
    Us(us::UsAddress),
    /// Any other country.
    Other(OtherAddress),
}

impl AddressParts {
    /// The canonical one-line form of these parts.
    pub fn to_line(&self) -> String {
        match self {
            AddressParts::Cn(a) => a.to_line(),
            AddressParts::Us(a) => a.to_line(),
            AddressParts::Other(a) => a.line.clone(),
        }
    }
}

fn too_long_or_blank(input: &str) -> bool {
    if input.len() > crate::MAX_FIELD_BYTES {
        return true;
    }
    // A visible ASCII character or CJK ideograph survives clean-up (NFKC
    // leaves it, or composes it with a following mark into another visible
    // character), so nearly every address is answered without cleaning it
    // a first time just to see whether anything is left.
    if input.chars().any(|c| c.is_ascii_graphic() || ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
        return false;
    }
    crate::text::clean_cow(input).is_empty()
}

/// Splits an address of `country` into its parts.
pub fn address_parts(input: &str, country: &str) -> Result<Option<AddressParts>, AddressError> {
    let cc = country_code_arg(country)?;
    if too_long_or_blank(input) {
        return Ok(None);
    }
    Ok(match cc {
        "CN" => cn::parse(input).map(AddressParts::Cn),
        "US" => us::parse(input).map(AddressParts::Us),
        _ => crate::text::normalize_text(input).map(|line| AddressParts::Other(OtherAddress { country: cc, line })),
    })
}

/// Normalizes an address of `country` to its canonical one-line form.
pub fn normalize_address(input: &str, country: &str) -> Result<Option<String>, AddressError> {
    // Chinese addresses skip the parts the line does not show (this is
    // the work of the cleaning trigger); the others are their parts' line.
    let cc = country_code_arg(country)?;
    let line = if cc == "CN" {
        if too_long_or_blank(input) {
            return Ok(None);
        }
        cn::normalize(input)
    } else {
        address_parts(input, country)?.map(|p| p.to_line())
    };
    Ok(line.filter(|s| !s.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dispatch_and_other_countries() {
        assert_eq!(
            normalize_address("  Unter den Linden　77,  10117 Berlin ", "DE").unwrap().as_deref(),
            Some("Unter den Linden 77, 10117 Berlin")
        );
        assert_eq!(normalize_address("10 Downing St", "United Kingdom").unwrap().as_deref(), Some("10 Downing St"));
        let p = address_parts("Unter den Linden 77", "Germany").unwrap().unwrap();
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            serde_json::json!({"country": "DE", "line": "Unter den Linden 77"})
        );
        assert_eq!(
            normalize_address("广东深圳南山区科技园路1号", "中国").unwrap().as_deref(),
            Some("广东省深圳市南山区科技园路1号")
        );
        assert_eq!(normalize_address("123 main street", "usa").unwrap().as_deref(), Some("123 MAIN ST"));
    }

    #[test]
    fn blank_and_too_long() {
        assert_eq!(normalize_address("", "CN").unwrap(), None);
        assert_eq!(normalize_address(" \u{3000} ", "US").unwrap(), None);
        assert_eq!(address_parts("\t", "DE").unwrap(), None);
        assert_eq!(normalize_address(&"路".repeat(2000), "CN").unwrap(), None);
    }

    #[test]
    fn unknown_country() {
        let e = normalize_address("1 Main St", "Narnia").unwrap_err();
        assert_eq!(e, AddressError::Country(CountryError::Unknown("Narnia".into())));
        assert_eq!(e.to_string(), "unknown country \"Narnia\"");
        assert_eq!(e.class(), ErrorClass::InvalidParameterValue);
        assert!(e.hint().contains("'CN', 'US', 'GB'"));
        assert!(address_parts("", "ZZ").is_err());
    }

    proptest! {
        #[test]
        fn never_panics_and_idempotent(
            s in any::<String>(),
            c in prop::sample::select(vec!["CN", "US", "DE"]),
        ) {
            if let Some(once) = normalize_address(&s, c).unwrap() {
                prop_assert_eq!(normalize_address(&once, c).unwrap(), Some(once.clone()));
            }
        }
    }
}
