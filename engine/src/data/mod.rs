//! Reference data generated from public sources; see each module for its source and generator script.

pub mod cn_divisions;
pub mod iso3166;
pub mod postcode_formats;
pub mod usps;
