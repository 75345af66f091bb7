//! `Table`: the `regclass` argument of every function that works on a
//! customer table.
//!
//! pgrx's `PgRelation` opens the relation while unboxing the argument, so
//! an OID that names no relation (`0::regclass`, a dropped table's OID kept
//! in a catalog row) ended in PostgreSQL's internal error "could not open
//! relation with OID 0" (XX000). `Table` checks the system cache first and
//! raises 42P01 with a hint; it opens nothing, and the functions never
//! needed the open relation.

use pgrx::callconv::{Arg, ArgAbi};
use pgrx::prelude::*;
use pgrx::PgSqlErrorCode;

use crate::error::Report;

/// An existing relation, named by its OID.
#[derive(Debug, Clone, Copy)]
pub struct Table(pg_sys::Oid);

impl Table {
    pub fn oid(&self) -> pg_sys::Oid {
        self.0
    }
}

impl FromDatum for Table {
    unsafe fn from_polymorphic_datum(datum: pg_sys::Datum, is_null: bool, _typoid: pg_sys::Oid) -> Option<Table> {
        if is_null {
            return None;
        }
        // SAFETY: a regclass datum is an OID.
        let oid = unsafe { pg_sys::Oid::from_datum(datum, false) }?;
        // SAFETY: a syscache lookup by OID, inside a transaction.
        let exists = unsafe {
            pg_sys::SearchSysCacheExists(
                pg_sys::SysCacheIdentifier::RELOID as i32,
                pg_sys::Datum::from(oid),
                pg_sys::Datum::from(0),
                pg_sys::Datum::from(0),
                pg_sys::Datum::from(0),
            )
        };
        if !exists {
            Report::new(
                PgSqlErrorCode::ERRCODE_UNDEFINED_TABLE,
                "customer_clean",
                format!("relation with OID {} does not exist", u32::from(oid)),
            )
            .hint("pass an existing table, e.g. 'crm.customers'")
            .raise();
        }
        Some(Table(oid))
    }
}

// SAFETY: unboxed through FromDatum, as pgrx does for its own scalar types.
unsafe impl<'fcx> ArgAbi<'fcx> for Table {
    unsafe fn unbox_arg_unchecked(arg: Arg<'_, 'fcx>) -> Self {
        let index = arg.index();
        // SAFETY: the caller guarantees a regclass argument.
        unsafe { arg.unbox_arg_using_from_datum() }.unwrap_or_else(|| {
            crate::error::null_argument(index, " (the table)", "pass the table, e.g. 'crm.customers'")
        })
    }
}

pgrx::impl_sql_translatable!(Table, "regclass");

/// A `regclass` argument that may name a table that is gone, for the
/// checks the catalog's row-level security runs per row: catalog rows can
/// outlive their table, and such a row is simply not visible.
#[derive(Debug, Clone, Copy)]
pub struct TableOid(pg_sys::Oid);

impl TableOid {
    pub fn oid(&self) -> pg_sys::Oid {
        self.0
    }
}

impl FromDatum for TableOid {
    unsafe fn from_polymorphic_datum(datum: pg_sys::Datum, is_null: bool, _typoid: pg_sys::Oid) -> Option<TableOid> {
        // SAFETY: a regclass datum is an OID.
        unsafe { pg_sys::Oid::from_datum(datum, is_null) }.map(TableOid)
    }
}

// SAFETY: unboxed through FromDatum, as pgrx does for its own scalar types.
unsafe impl<'fcx> ArgAbi<'fcx> for TableOid {
    unsafe fn unbox_arg_unchecked(arg: Arg<'_, 'fcx>) -> Self {
        let index = arg.index();
        // SAFETY: the caller guarantees a regclass argument.
        unsafe { arg.unbox_arg_using_from_datum() }.unwrap_or_else(|| {
            crate::error::null_argument(index, " (the table)", "pass the table, e.g. 'crm.customers'")
        })
    }
}

pgrx::impl_sql_translatable!(TableOid, "regclass");
