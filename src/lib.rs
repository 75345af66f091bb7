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
// Tables of matching (models, match keys, clusters, review queue).
::pgrx::extension_sql_file!("../sql/matching.sql", name = "matching_catalog", requires = ["catalog"]);
// Merge, unmerge and the review queue's decisions.
::pgrx::extension_sql_file!(
    "../sql/merge.sql",
    name = "merge",
    requires = [
        "matching_catalog",
        merge::golden_record,
        matching::update_match_keys,
        matching::cluster_probability,
        security::may_write_catalog,
        security::require_owner_sql,
        security::require_privileges_sql,
        merge::merge,
        merge::unmerge,
        merge::approve,
        merge::reject,
        merge::merge_clusters_batch
    ]
);
// Quality over time: snapshots, trend, breaches, archiving stale rows.
::pgrx::extension_sql_file!(
    "../sql/quality.sql",
    name = "quality",
    requires = ["merge", quality::quality_report, quality::snapshot_quality, quality::archive_stale, quality::restore_archived]
);
// Who reads and writes the catalog: row-level security and grants to PUBLIC.
::pgrx::extension_sql_file!("../sql/access.sql", name = "access", finalize);

mod address;
mod clean_table;
mod cleaning;
mod cn_id;
mod compare;
mod country;
mod date;
mod email;
mod erasure;
mod error;
mod guc;
mod journal;
mod json_arg;
mod lifecycle;
mod mask;
mod matching;
mod memory;
mod merge;
mod name;
mod phone;
mod profile;
mod quality;
mod security;
mod table;
mod text;
mod visibility;

#[pg_guard]
pub extern "C-unwind" fn _PG_init() {
    guc::register();
    // SAFETY: registration of callbacks that live as long as the backend.
    unsafe {
        pg_sys::CacheRegisterRelcacheCallback(Some(profile::on_relcache_invalidation), pg_sys::Datum::from(0));
        pg_sys::RegisterXactCallback(Some(journal::on_xact_event), std::ptr::null_mut());
        pg_sys::RegisterSubXactCallback(Some(journal::on_subxact_event), std::ptr::null_mut());
        pg_sys::RegisterXactCallback(Some(security::reset_at_xact_end), std::ptr::null_mut());
    }
}

// Every write to the profiles and rules empties the cached compiled
// profiles of the table concerned, in every backend (src/profile.rs).
::pgrx::extension_sql!(
    r#"
CREATE TRIGGER invalidate_profile_cache AFTER INSERT OR UPDATE OR DELETE ON customer_clean.profiles
    FOR EACH ROW EXECUTE FUNCTION customer_clean.invalidate_profile_cache();
CREATE TRIGGER invalidate_profile_cache_on_truncate AFTER TRUNCATE ON customer_clean.profiles
    FOR EACH STATEMENT EXECUTE FUNCTION customer_clean.invalidate_profile_cache();
CREATE TRIGGER invalidate_profile_cache AFTER INSERT OR UPDATE OR DELETE ON customer_clean.rules
    FOR EACH ROW EXECUTE FUNCTION customer_clean.invalidate_profile_cache();
CREATE TRIGGER invalidate_profile_cache_on_truncate AFTER TRUNCATE ON customer_clean.rules
    FOR EACH STATEMENT EXECUTE FUNCTION customer_clean.invalidate_profile_cache();
"#,
    name = "profile_cache_triggers",
    requires = [profile::invalidate_profile_cache]
);

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
