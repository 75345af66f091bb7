//! Reference data generated from public sources; see each module for its source and generator script.

pub mod cn_divisions;
pub mod cn_id_regions;
pub mod disposable_domains;
pub mod iso3166;
pub mod postcode_formats;
pub mod tlds;
pub mod usps;
