//! Settings (GUCs): the extension's own, read by the STABLE forms of the
//! functions, and any setting changed for the length of one call
//! (`pinned_search_path`, `with_setting`).
//!
//! - `customer_clean.default_region` (text, default `ZZ`): region used by
//!   `normalize_phone(text)` and `phone_info(text)` for numbers written
//!   without a country code. `ZZ` means "none": only numbers written with
//!   `+`/international prefix are read. It is checked when used, not when
//!   set, so `SET` never fails but a bad value gives SQLSTATE 22023.
//! - `customer_clean.date_order` (`DMY`, `MDY`, `YMD`; default `DMY`):
//!   how `normalize_date(text)` reads a date whose field order the values
//!   do not reveal, like `03/04/2005`.
//! - `customer_clean.batch_memory` (memory, default 4GB): how much Rust
//!   memory `train`, `dedupe` and `find_duplicates` may hold in one backend
//!   (see `src/memory.rs`). Only a superuser may change it (PGC_SUSET):
//!   it is the bound that keeps any reader from taking the server's memory.
//!   There is no thread-count setting: a job uses at most 8 worker threads
//!   (`parallel::MAX_THREADS`), and `train`'s `threads` option is checked
//!   against that.

use customer_clean_engine::date::DateOrder;
use pgrx::guc::{GucContext, GucFlags, GucRegistry, GucSetting};
use pgrx::{pg_sys, PostgresGucEnum};
use std::ffi::CString;

pub static DEFAULT_REGION: GucSetting<Option<CString>> = GucSetting::<Option<CString>>::new(Some(c"ZZ"));

#[derive(PostgresGucEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum DateOrderSetting {
    #[name = c"DMY"]
    Dmy,
    #[name = c"MDY"]
    Mdy,
    #[name = c"YMD"]
    Ymd,
}

pub static DATE_ORDER: GucSetting<DateOrderSetting> = GucSetting::<DateOrderSetting>::new(DateOrderSetting::Dmy);

/// In kB, as PostgreSQL keeps memory settings (GUC_UNIT_KB).
pub static BATCH_MEMORY_KB: GucSetting<i32> = GucSetting::<i32>::new(4 * 1024 * 1024);

pub fn register() {
    GucRegistry::define_string_guc(
        c"customer_clean.default_region",
        c"Phone region for numbers written without a country code.",
        c"ISO 3166-1 alpha-2 code such as CN or US; ZZ accepts only numbers with +country code.",
        &DEFAULT_REGION,
        GucContext::Userset,
        GucFlags::default(),
    );
    GucRegistry::define_enum_guc(
        c"customer_clean.date_order",
        c"Field order for ambiguous dates such as 03/04/2005: DMY, MDY or YMD.",
        c"Only used when the values do not reveal the order.",
        &DATE_ORDER,
        GucContext::Userset,
        GucFlags::default(),
    );
    GucRegistry::define_int_guc(
        c"customer_clean.batch_memory",
        c"Memory train, dedupe and find_duplicates may hold in one backend.",
        c"They hold the table's rows prepared for matching and the candidate pairs; past this they stop with 53200.",
        &BATCH_MEMORY_KB,
        1024,
        i32::MAX,
        // Superuser only: it bounds how much memory any role's train or
        // dedupe may take in a backend, so a role that may only read a
        // table must not raise it (issue 15). Lowering it is also SUSET
        // (PostgreSQL has no "lower only" context); ALTER ROLE/DATABASE …
        // SET by a superuser sets it for others.
        GucContext::Suset,
        GucFlags::UNIT_KB,
    );
}

/// The current `customer_clean.default_region`, as text.
pub fn default_region() -> String {
    DEFAULT_REGION.get().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "ZZ".to_string())
}

pub fn date_order() -> DateOrder {
    match DATE_ORDER.get() {
        DateOrderSetting::Dmy => DateOrder::Dmy,
        DateOrderSetting::Mdy => DateOrder::Mdy,
        DateOrderSetting::Ymd => DateOrder::Ymd,
    }
}

/// The value every path pin sets.
const SAFE_PATH: &std::ffi::CStr = c"pg_catalog, pg_temp";

/// Runs `f` with `search_path` set to `pg_catalog, pg_temp`, restored
/// afterwards; an error inside `f` aborts the (sub)transaction, whose end
/// restores it as well.
pub fn pinned_search_path<R>(f: impl FnOnce() -> R) -> R {
    with_setting(c"search_path", SAFE_PATH, f)
}

/// Runs `f` with setting `name` at `value`, restored afterwards (or by the
/// abort of the (sub)transaction an error inside `f` causes).
pub fn with_setting<R>(name: &std::ffi::CStr, value: &std::ffi::CStr, f: impl FnOnce() -> R) -> R {
    // SAFETY: the calls PostgreSQL's own fmgr_security_definer makes around
    // a function with a SET clause; balanced below or by the abort.
    unsafe {
        let nest = pg_sys::NewGUCNestLevel();
        set(name, value);
        let result = f();
        pg_sys::AtEOXact_GUC(true, nest);
        result
    }
}

/// # Safety
/// Inside a GUC nest level that is popped afterwards.
pub(crate) unsafe fn set_safe_path() {
    // SAFETY: the caller's promise.
    unsafe { set(c"search_path", SAFE_PATH) }
}

/// # Safety
/// Inside a GUC nest level that is popped afterwards.
unsafe fn set(name: &std::ffi::CStr, value: &std::ffi::CStr) {
    // SAFETY: the caller's promise; both C strings outlive the call.
    unsafe {
        pg_sys::set_config_option(
            name.as_ptr(),
            value.as_ptr(),
            pg_sys::GucContext::PGC_USERSET,
            pg_sys::GucSource::PGC_S_SESSION,
            pg_sys::GucAction::GUC_ACTION_SAVE,
            true,
            0,
            false,
        );
    }
}
