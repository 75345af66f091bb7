//! `Json`: the jsonb argument of every function that takes one (options,
//! rows, corrections).
//!
//! pgrx's `JsonB` turns a jsonb datum into a `serde_json::Value` by
//! printing it and parsing the text, and panics when the parse fails. It
//! does fail on valid jsonb: PostgreSQL keeps numbers as `numeric`, so
//! `'{"random_pairs": 1e400}'::jsonb` prints a 401-digit integer, which is
//! no `f64`. The panic reached PostgreSQL as an internal error (XX000).
//! `Json` parses the same text and raises 22023 naming the problem instead.

use pgrx::callconv::{Arg, ArgAbi};
use pgrx::prelude::*;
use pgrx::{JsonB, PgSqlErrorCode};

use crate::error::Report;

/// A jsonb argument, parsed.
#[derive(Debug, Clone)]
pub struct Json(pub serde_json::Value);

impl From<Json> for JsonB {
    fn from(json: Json) -> JsonB {
        JsonB(json.0)
    }
}

impl FromDatum for Json {
    unsafe fn from_polymorphic_datum(datum: pg_sys::Datum, is_null: bool, _typoid: pg_sys::Oid) -> Option<Json> {
        if is_null {
            return None;
        }
        // SAFETY: a jsonb datum, printed by jsonb's own output function
        // into a palloc'd C string of the current memory context.
        let text = unsafe {
            let varlena = pg_sys::pg_detoast_datum_packed(datum.cast_mut_ptr());
            pgrx::direct_function_call::<&std::ffi::CStr>(pg_sys::jsonb_out, &[Some(pg_sys::Datum::from(varlena))])
                .map(|c| c.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        match serde_json::from_str(&text) {
            Ok(value) => Some(Json(value)),
            Err(e) => Report::new(
                PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
                "customer_clean",
                format!("jsonb argument cannot be read: {e}"),
            )
            .hint("numbers in jsonb arguments must fit a double precision (about ±1.8e308)")
            .raise(),
        }
    }
}

// SAFETY: unboxed through FromDatum, as pgrx does for its own types.
unsafe impl<'fcx> ArgAbi<'fcx> for Json {
    unsafe fn unbox_arg_unchecked(arg: Arg<'_, 'fcx>) -> Self {
        let index = arg.index();
        // SAFETY: the caller guarantees a jsonb argument.
        unsafe { arg.unbox_arg_using_from_datum() }
            .unwrap_or_else(|| crate::error::null_argument(index, "", "pass a jsonb value, e.g. '{}'"))
    }
}

pgrx::impl_sql_translatable!(Json, "jsonb");
