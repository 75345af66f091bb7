//! Who runs what (docs/deploying.md; issues 15 and 16): every way the extension's
//! code changes the rights or the name resolution it runs with, and the
//! checks of the caller's rights on a customer table.
//!
//! - [`require`] (with [`Needs`]): each entry point first checks what the
//!   caller may do to the customer table — its owner, or the privileges
//!   [`READ`], [`STEWARD`], [`STEWARD_RESTORING`] — and raises 42501 naming
//!   the table and what is missing. That is the only thing that decides
//!   what a role may do through the extension; nobody needs a grant on
//!   `customer_clean`. What a role may read of the catalog is decided by
//!   the catalog's row-level security (sql/access.sql, src/visibility.rs).
//! - `guc::pinned_search_path` (src/guc.rs): SQL run from Rust resolves names in
//!   `pg_catalog, pg_temp` only, never in a schema a caller (or anyone who
//!   may create objects there) controls. Functions declared here with
//!   `#[search_path(pg_catalog, pg_temp)]` get the same from PostgreSQL;
//!   trigger functions, which pgrx declares without it, pin it themselves.
//! - `guc::with_setting`: the same for one other setting, for one call
//!   (Citus's `citus.enable_unsafe_triggers` around the cleaning
//!   triggers' DDL, src/citus.rs).
//! - [`as_extension_owner`]: bookkeeping writes to the extension's own
//!   tables run as the extension's owner (`pg_extension.extowner`) inside a
//!   security-restricted operation with the path pinned, the way
//!   PostgreSQL's foreign-key triggers act as the table owner. Callers need
//!   no rights on `customer_clean`, and no user code runs while switched:
//!   the catalog tables carry no triggers but the extension's own, and
//!   their row-level security (whose visibility checks run the customer
//!   table's policies) does not apply to their owner.
//! - [`as_role`]: `release_quarantine` writes a quarantined row back with
//!   the rights of the role that wrote it, the only other switch.
//! - [`catalog_write_window`]: the merge, unmerge, review, archive and
//!   snapshot functions are PL/pgSQL that must touch the customer table
//!   with the caller's rights, yet write history that nobody may forge.
//!   Row-level security on those history tables lets a write through only
//!   while a Rust entry point of the extension has the window open for that
//!   table ([`may_write_catalog`] in the policies), so a role that may write
//!   the tables otherwise (a steward) cannot edit a merge record directly.
//! - [`restoring`] / [`with_restore_mode`]: the cleaning trigger's bypass
//!   for rows the extension writes back as they were (src/restore.rs opens
//!   it). Like the window, no SQL function sets it, and both are cleared at
//!   the end of every transaction.

use std::cell::Cell;

use pgrx::prelude::*;
use pgrx::PgSqlErrorCode;

use crate::error::{OrSpiFailed, Report};
use crate::guc::{pinned_search_path, set_safe_path};
use crate::table::Table;

/// Runs `f` as the extension's owner in a security-restricted operation,
/// with `search_path` pinned (see the module comment). `f` must run SQL on
/// the extension's own tables only.
pub fn as_extension_owner<R>(f: impl FnOnce() -> R) -> R {
    as_role(extension_owner(), f)
}

/// Runs `f` as role `role` in a security-restricted operation (it cannot
/// SET ROLE its way further, or leave a temporary object behind), with
/// `search_path` pinned.
pub fn as_role<R>(role: pg_sys::Oid, f: impl FnOnce() -> R) -> R {
    // SAFETY: the same calls fmgr_security_definer makes around a SECURITY
    // DEFINER function; restored below or by the (sub)transaction's abort.
    unsafe {
        let mut saved_user = pg_sys::Oid::INVALID;
        let mut saved_context = 0;
        pg_sys::GetUserIdAndSecContext(&mut saved_user, &mut saved_context);
        let nest = pg_sys::NewGUCNestLevel();
        set_safe_path();
        pg_sys::SetUserIdAndSecContext(
            role,
            saved_context | pg_sys::SECURITY_LOCAL_USERID_CHANGE as i32 | pg_sys::SECURITY_RESTRICTED_OPERATION as i32,
        );
        let result = f();
        pg_sys::SetUserIdAndSecContext(saved_user, saved_context);
        pg_sys::AtEOXact_GUC(true, nest);
        result
    }
}

/// `pg_extension.extowner` of customer_clean, read once per backend.
fn extension_owner() -> pg_sys::Oid {
    thread_local! {
        static OWNER: Cell<Option<pg_sys::Oid>> = const { Cell::new(None) };
    }
    if let Some(owner) = OWNER.with(Cell::get) {
        return owner;
    }
    let owner = pinned_search_path(|| {
        Spi::get_one::<pg_sys::Oid>(
            "SELECT e.extowner FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'customer_clean'",
        )
    })
    .or_spi_failed("customer_clean")
    .unwrap_or_else(|| {
        Report::new(
            PgSqlErrorCode::ERRCODE_UNDEFINED_OBJECT,
            "customer_clean",
            "extension customer_clean is not installed in this database",
        )
        .hint("CREATE EXTENSION customer_clean")
        .raise()
    });
    OWNER.with(|o| o.set(Some(owner)));
    owner
}

thread_local! {
    /// The table whose history an entry point of the extension is writing
    /// now (see [`catalog_write_window`]).
    static WINDOW: Cell<Option<pg_sys::Oid>> = const { Cell::new(None) };
    /// The registered table whose rows `clean_table`, `undo_change`,
    /// `unmerge` or `restore_archived` is writing: the trigger lets them
    /// through as they are, and `match_on_insert` does not match them
    /// (see `restore::without_cleaning_trigger`, which sets it).
    static RESTORING: Cell<Option<pg_sys::Oid>> = const { Cell::new(None) };
}

/// Whether rows of `tbl` are being restored or re-cleaned now.
pub fn restoring(tbl: pg_sys::Oid) -> bool {
    RESTORING.with(Cell::get) == Some(tbl)
}

/// Runs `f` in restore mode for `tbl` (see `restoring`); the previous mode
/// comes back afterwards, also on error. Only `restore` calls it.
pub fn with_restore_mode<R>(tbl: pg_sys::Oid, f: impl FnOnce() -> R) -> R {
    with_mode(&RESTORING, Some(tbl), f)
}

/// Runs `f` with the catalog write window open for `tbl`: the row-level
/// security policies of the history tables let rows of `tbl` be written.
/// Nested windows (approve → merge) restore the outer one; so does an error.
pub fn catalog_write_window<R>(tbl: pg_sys::Oid, f: impl FnOnce() -> R) -> R {
    with_mode(&WINDOW, Some(tbl), f)
}

/// Runs `f` with the backend-local mode `mode` set to `value`, and puts
/// the previous value back afterwards, also when `f` unwinds (an ERROR
/// raised inside it reaches Rust as a panic).
pub fn with_mode<T: Copy + 'static, R>(
    mode: &'static std::thread::LocalKey<Cell<T>>,
    value: T,
    f: impl FnOnce() -> R,
) -> R {
    struct Restore<T: Copy + 'static> {
        mode: &'static std::thread::LocalKey<Cell<T>>,
        previous: T,
    }
    impl<T: Copy + 'static> Drop for Restore<T> {
        fn drop(&mut self) {
            self.mode.with(|m| m.set(self.previous));
        }
    }
    let _restore = Restore { mode, previous: mode.with(|m| m.replace(value)) };
    f()
}

/// Registered in `_PG_init`: no write window, and no restore mode of the
/// cleaning trigger, outlives its transaction, whatever happened to the
/// Rust frames that opened them.
///
/// # Safety
/// Called by PostgreSQL; never raises.
#[pg_guard]
pub unsafe extern "C-unwind" fn reset_at_xact_end(event: pg_sys::XactEvent::Type, _arg: *mut std::ffi::c_void) {
    if matches!(
        event,
        pg_sys::XactEvent::XACT_EVENT_COMMIT
            | pg_sys::XactEvent::XACT_EVENT_ABORT
            | pg_sys::XactEvent::XACT_EVENT_PARALLEL_COMMIT
            | pg_sys::XactEvent::XACT_EVENT_PARALLEL_ABORT
            | pg_sys::XactEvent::XACT_EVENT_PREPARE
    ) {
        WINDOW.with(|w| w.set(None));
        RESTORING.with(|r| r.set(None));
    }
}

/// Whether an entry point of the extension is writing `tbl`'s history now.
/// Used by the row-level security policies of the history tables; always
/// false for a caller writing them directly.
#[pg_extern(volatile, strict, parallel_unsafe)]
fn may_write_catalog(tbl: pg_sys::Oid) -> bool {
    WINDOW.with(Cell::get) == Some(tbl)
}

/// A privilege on a table, as `require_table_privileges` checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privilege {
    Select,
    Insert,
    Update,
    Delete,
}

impl Privilege {
    fn name(self) -> &'static str {
        match self {
            Privilege::Select => "SELECT",
            Privilege::Insert => "INSERT",
            Privilege::Update => "UPDATE",
            Privilege::Delete => "DELETE",
        }
    }

    fn parse(name: &str) -> Option<Privilege> {
        [Privilege::Select, Privilege::Insert, Privilege::Update, Privilege::Delete]
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name.trim()))
    }

    fn mode(self) -> pg_sys::AclMode {
        pg_sys::AclMode::from(match self {
            Privilege::Select => pg_sys::ACL_SELECT,
            Privilege::Insert => pg_sys::ACL_INSERT,
            Privilege::Update => pg_sys::ACL_UPDATE,
            Privilege::Delete => pg_sys::ACL_DELETE,
        })
    }
}

/// Raises 42501 unless the current role has every privilege of
/// `privileges` on `tbl` (checked as PostgreSQL checks a statement's:
/// directly or through a role it belongs to), naming the table and the
/// first privilege missing.
pub fn require_table_privileges(tbl: pg_sys::Oid, privileges: &[Privilege], caller: &'static str) {
    check_table_privileges(tbl, privileges, caller)
}

fn check_table_privileges(tbl: pg_sys::Oid, privileges: &[Privilege], caller: &str) {
    for privilege in privileges {
        // SAFETY: an ACL lookup of an existing relation and the current role.
        let granted = unsafe { pg_sys::pg_class_aclcheck(tbl, pg_sys::GetUserId(), privilege.mode()) }
            == pg_sys::AclResult::ACLCHECK_OK;
        if !granted {
            let privilege = privilege.name();
            Report::new(
                PgSqlErrorCode::ERRCODE_INSUFFICIENT_PRIVILEGE,
                "customer_clean",
                format!(
                    "{caller}: permission denied for table {}: {privilege} is needed",
                    crate::names::table_name(tbl)
                ),
            )
            .hint(format!("{caller} acts on the table with your own rights; the table's owner can GRANT {privilege}"))
            .raise();
        }
    }
}

/// `require_table_privileges` for the extension's SQL and PL/pgSQL
/// functions: raises 42501 unless the current role has every privilege of
/// `privileges` (names: SELECT, INSERT, UPDATE, DELETE) on `tbl`, naming
/// the function `caller`; true otherwise.
#[pg_extern(stable, strict, parallel_safe, name = "require_privileges")]
#[search_path(pg_catalog, pg_temp)]
fn require_privileges_sql(tbl: Table, privileges: Vec<Option<String>>, caller: &str) -> bool {
    let wanted: Vec<Privilege> = privileges
        .iter()
        .map(|p| {
            let name = p.as_deref().unwrap_or_default();
            Privilege::parse(name).unwrap_or_else(|| {
                Report::new(
                    PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
                    "require_privileges",
                    format!("require_privileges: unknown privilege \"{name}\""),
                )
                .hint("use SELECT, INSERT, UPDATE or DELETE")
                .raise()
            })
        })
        .collect();
    check_table_privileges(tbl.oid(), &wanted, caller);
    true
}

/// `require_table_owner` for the extension's procedures (which check
/// before reading anything): raises 42501 unless the current role owns
/// `tbl`, naming the procedure `caller`; true otherwise.
#[pg_extern(stable, strict, parallel_safe, name = "require_owner")]
#[search_path(pg_catalog, pg_temp)]
fn require_owner_sql(tbl: Table, caller: &str) -> bool {
    check_table_owner(tbl.oid(), caller);
    true
}

/// Raises 42501 unless the current role owns `tbl` (or is a member of the
/// owning role, or a superuser), as PostgreSQL's own ALTER TABLE decides.
pub fn require_table_owner(tbl: pg_sys::Oid, caller: &'static str) {
    check_table_owner(tbl, caller)
}

fn check_table_owner(tbl: pg_sys::Oid, caller: &str) {
    if !owns_or_maintains(tbl) {
        Report::new(
            PgSqlErrorCode::ERRCODE_INSUFFICIENT_PRIVILEGE,
            "customer_clean",
            format!("{caller}: must be owner of table {}", crate::names::table_name(tbl)),
        )
        .hint(format!("{caller} changes what the extension keeps for the whole table; run it as the table's owner"))
        .raise();
    }
}

/// Whether the current role owns `tbl` (or has its owning role's rights,
/// or is a superuser), or, on PostgreSQL 17 and later, holds MAINTAIN on
/// it: what PostgreSQL asks of VACUUM, ANALYZE and REFRESH, the table-wide
/// jobs these resemble.
fn owns_or_maintains(tbl: pg_sys::Oid) -> bool {
    // SAFETY: the current role, inside a transaction.
    let user = unsafe { pg_sys::GetUserId() };
    // PostgreSQL 15's name; 16 and later have object_ownercheck.
    // SAFETY: catalog lookups of an existing relation (callers got `tbl`
    // from a `Table` argument or from the catalog, which checked it).
    #[cfg(feature = "pg15")]
    let owner = unsafe { pg_sys::pg_class_ownercheck(tbl, user) };
    // SAFETY: as above.
    #[cfg(not(feature = "pg15"))]
    let owner = unsafe { pg_sys::object_ownercheck(pg_sys::RelationRelationId, tbl, user) };
    // SAFETY: as above.
    #[cfg(any(feature = "pg17", feature = "pg18"))]
    let owner = owner
        || unsafe { pg_sys::pg_class_aclcheck(tbl, user, pg_sys::ACL_MAINTAIN as pg_sys::AclMode) }
            == pg_sys::AclResult::ACLCHECK_OK;
    owner
}

/// What an entry point needs on the customer table it acts on (docs/deploying.md).
#[derive(Debug, Clone, Copy)]
pub enum Needs {
    /// Its owner (profile, rules, cleaning, training, batch jobs).
    Owner,
    /// These privileges, checked in this order.
    Privileges(&'static [Privilege]),
}

/// Reports, scores and matching read the table.
pub const READ: Needs = Needs::Privileges(&[Privilege::Select]);
/// Merge, review decisions, undo and release rewrite and remove rows.
pub const STEWARD: Needs = Needs::Privileges(&[Privilege::Select, Privilege::Update, Privilege::Delete]);
/// Unmerge and restoring archived rows also put rows back.
pub const STEWARD_RESTORING: Needs =
    Needs::Privileges(&[Privilege::Select, Privilege::Insert, Privilege::Update, Privilege::Delete]);

/// Raises 42501 unless the current role has what `needs` says on `tbl`,
/// naming the table and what is missing.
pub fn require(tbl: pg_sys::Oid, needs: Needs, caller: &'static str) {
    match needs {
        Needs::Owner => require_table_owner(tbl, caller),
        Needs::Privileges(privileges) => require_table_privileges(tbl, privileges, caller),
    }
}

/// Whether the current role sees the row of catalog table `table` whose
/// `key_column` is `key`: the table's row-level security (sql/access.sql)
/// shows a role only the rows of customers it can see.
pub fn caller_sees_catalog_row(table: &str, key_column: &str, key: i64, caller: &'static str) -> bool {
    let sql =
        format!("SELECT EXISTS (SELECT 1 FROM customer_clean.{table} WHERE {key_column} OPERATOR(pg_catalog.=) $1)");
    pinned_search_path(|| Spi::get_one_with_args::<bool>(&sql, &[key.into()])).or_spi_failed(caller).unwrap_or(false)
}

/// Raises 42501 unless an entry point of the extension has the catalog
/// write window open for `tbl` (functions that store what they are given).
pub fn require_catalog_window(tbl: &Table, caller: &'static str) {
    if WINDOW.with(Cell::get) != Some(tbl.oid()) {
        Report::new(
            PgSqlErrorCode::ERRCODE_INSUFFICIENT_PRIVILEGE,
            caller,
            format!("{caller} is internal to customer_clean and cannot be called directly"),
        )
        .hint("merge() and unmerge() call it with the rows they read themselves")
        .raise();
    }
}

/// The current role's name (what `current_user` says), for the `…_by`
/// columns of rows written as the extension's owner.
pub fn current_role_name() -> String {
    // SAFETY: plain function call inside a transaction.
    role_name(unsafe { pg_sys::GetUserId() })
}

/// The name of role `role`, which exists (it wrote a row in this
/// transaction, or is the current one).
pub fn role_name(role: pg_sys::Oid) -> String {
    // SAFETY: a catalog lookup of an existing role.
    unsafe { std::ffi::CStr::from_ptr(pg_sys::GetUserNameFromId(role, false)).to_string_lossy().into_owned() }
}

/// The `tbl` of the row of catalog table `table` whose `key_column` is
/// `key` (a merge, a review pair), read as the extension's owner; invalid
/// when there is none, or when the caller may not see it (the body then
/// reports it as unknown, so that ids of other tenants' merges and pairs
/// tell nothing).
pub fn catalog_row_table(table: &str, key_column: &str, key: i64, caller: &'static str) -> pg_sys::Oid {
    let sql = format!("SELECT (SELECT tbl::pg_catalog.oid FROM customer_clean.{table} WHERE {key_column} = $1)");
    let tbl = as_extension_owner(|| Spi::get_one_with_args::<pg_sys::Oid>(&sql, &[key.into()]))
        .or_spi_failed(caller)
        .unwrap_or(pg_sys::Oid::INVALID);
    if tbl != pg_sys::Oid::INVALID && !caller_sees_catalog_row(table, key_column, key, caller) {
        return pg_sys::Oid::INVALID;
    }
    tbl
}
