//! `customer_clean`: the SQL layer.
//!
//! Every module here is thin: it converts between SQL and Rust types, reads
//! settings and maps engine errors to SQLSTATEs. All parsing and
//! normalizing lives in the pure-Rust engine crate (`engine/`), one module
//! per concern with the same names as here.

use pgrx::prelude::*;

::pgrx::pg_module_magic!(name, version);

// Tables of the extension (profiles, rules, issues, changes, quarantine).
::pgrx::extension_sql_file!("../sql/catalog.sql", name = "catalog", bootstrap);

mod address;
mod cleaning;
mod cn_id;
mod country;
mod date;
mod email;
mod error;
mod guc;
mod name;
mod phone;
mod profile;
mod text;

#[pg_guard]
pub extern "C-unwind" fn _PG_init() {
    guc::register();
}

#[cfg(any(test, feature = "pg_test"))]
mod pg_tests;

/// Required by `cargo pgrx test`.
#[cfg(test)]
pub mod pg_test {
    pub fn setup(_options: Vec<&str>) {}

    #[must_use]
    pub fn postgresql_conf_options() -> Vec<&'static str> {
        vec![]
    }
}
