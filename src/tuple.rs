//! Reading values out of PostgreSQL rows (heap tuples) as text: shared by
//! the cleaning trigger (src/cleaning.rs) and the queue of new rows on
//! Citus (src/matching/queue.rs).

use std::num::NonZeroUsize;

use pgrx::prelude::*;
use pgrx::PgTupleDesc;

/// The text form of attribute `attnum` of `tuple` (its type's output
/// function), or `None` for NULL.
///
/// # Safety
/// `tuple` and `tupdesc` must describe a valid row and `attnum` one of its
/// columns.
pub(crate) unsafe fn attribute_text(
    tuple: pg_sys::HeapTuple,
    tupdesc: pg_sys::TupleDesc,
    attnum: i16,
) -> Option<String> {
    let attno = NonZeroUsize::new(attnum as usize)?;
    // SAFETY: the caller's promise above; a non-NULL attribute's datum is
    // a valid value of its column.
    unsafe {
        let datum = pgrx::heap_getattr_raw(tuple, attno, tupdesc)?;
        Some(datum_text(datum, tupdesc, attno))
    }
}

/// Attribute `i` (0-based) of `tupdesc`. `PgTupleDesc` knows where each
/// PostgreSQL version keeps them (18 moved them behind `compact_attrs`).
///
/// # Safety
/// `tupdesc` is valid and `i` below its `natts`.
pub(crate) unsafe fn attribute(tupdesc: pg_sys::TupleDesc, i: usize) -> pg_sys::FormData_pg_attribute {
    // SAFETY: see above; the wrapper releases nothing when dropped.
    let desc = unsafe { PgTupleDesc::from_pg_unchecked(tupdesc) };
    *desc.get(i).expect("attribute number below natts")
}

/// The text form of a non-NULL datum of column `attno`: `text` and
/// `varchar` read directly (the common case, and the output function's
/// C string round trip costs as much as the cleaning of a short value),
/// other types through their output function.
///
/// # Safety
/// `datum` must be a valid value of column `attno` of `tupdesc`.
pub(crate) unsafe fn datum_text(datum: pg_sys::Datum, tupdesc: pg_sys::TupleDesc, attno: NonZeroUsize) -> String {
    // SAFETY: `attno` is a column of `tupdesc` (the caller's promise).
    let typid = unsafe { attribute(tupdesc, attno.get() - 1) }.atttypid;
    if typid == pg_sys::TEXTOID || typid == pg_sys::VARCHAROID {
        let stored: *mut pg_sys::varlena = datum.cast_mut_ptr();
        // SAFETY: a text datum. Detoasting copies it into the current
        // (per-row) memory context when it is compressed or out of line;
        // a plain value (nearly every customer value) is read where it
        // is, without the guarded call into PostgreSQL that would return
        // it unchanged.
        let varlena = unsafe {
            if pgrx::varlena::varatt_is_1b_e(stored) || pgrx::varlena::varatt_is_4b_c(stored) {
                pg_sys::pg_detoast_datum_packed(stored)
            } else {
                stored
            }
        };
        // SAFETY: detoasted above, it lives until the row's context ends.
        let bytes = unsafe { pgrx::varlena::varlena_to_byte_slice(varlena) };
        // The database encoding is UTF-8 (CREATE EXTENSION requires it).
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let mut output = pg_sys::Oid::INVALID;
    let mut varlena = false;
    // SAFETY: the output function of the datum's type returns a C string.
    unsafe {
        pg_sys::getTypeOutputInfo(typid, &mut output, &mut varlena);
        let cstr = pg_sys::OidOutputFunctionCall(output, datum);
        std::ffi::CStr::from_ptr(cstr).to_string_lossy().into_owned()
    }
}
