//! Arrays of text and jsonb for the journal's INSERT … FROM unnest(…)
//! statements, each made with one call into PostgreSQL.
//!
//! pgrx's `Vec<T>` → array goes through `accumArrayResult` once per
//! element: a guarded FFI call, a palloc'd copy of the element
//! (`datumCopy`), and the element copied once more by `makeArrayResult`.
//! For a statement of 10,000 journal rows that is most of what building
//! its arguments costs (perf of `clean_table`: 11% of the backend's time
//! in array conversion). Here the elements are laid out in Rust memory and
//! `construct_md_array` copies them once into the array. The array is the
//! one pgrx builds, byte for byte (a pg_test compares them).

use pgrx::prelude::*;
use pgrx::PgSqlErrorCode;

use crate::error::Report;

/// Who a too-large array is reported for: only the journal builds them.
const CALLER: &str = "journal";

/// A one-dimensional `text[]` of `values` (`None`: NULL), as a datum
/// argument.
pub struct TextArray<'a>(pub Vec<Option<&'a str>>);

impl IntoDatum for TextArray<'_> {
    fn into_datum(self) -> Option<pg_sys::Datum> {
        // Each value as a text varlena (4-byte header, then its bytes),
        // one after another in one buffer of u32s: 4-byte aligned, as
        // text's alignment wants.
        let words: usize = self.0.iter().flatten().map(|s| 1 + s.len().div_ceil(4)).sum();
        let mut buffer: Vec<u32> = vec![0; words];
        // (the buffer is never resized: pointers into it stay valid)
        let base = buffer.as_mut_ptr();
        let mut at = 0;
        let mut elements: Vec<Option<pg_sys::Datum>> = Vec::with_capacity(self.0.len());
        for value in &self.0 {
            let Some(s) = value else {
                elements.push(None);
                continue;
            };
            // (no value of the journal comes near 1 GB: PostgreSQL would
            // have refused it before)
            let size = i32::try_from(s.len() + 4).unwrap_or_else(|_| too_large(s.len()));
            // SAFETY: `start` points at `1 + len/4` zeroed words of
            // `buffer`, enough for the header and the bytes.
            let start = unsafe {
                let start = base.add(at);
                pgrx::set_varsize_4b(start.cast(), size);
                std::ptr::copy_nonoverlapping(s.as_ptr(), start.cast::<u8>().add(4), s.len());
                start
            };
            elements.push(Some(pg_sys::Datum::from(start.cast::<u8>())));
            at += 1 + s.len().div_ceil(4);
        }
        let array = varlena_array(pg_sys::TEXTOID, &elements);
        drop(buffer);
        array
    }

    fn type_oid() -> pg_sys::Oid {
        pg_sys::TEXTARRAYOID
    }
}

/// A one-dimensional `jsonb[]` of `values` (each made into a jsonb datum
/// first, e.g. a [`crate::json_result::JsonbStringObject`]).
pub struct JsonbArray<T>(pub Vec<T>);

impl<T: IntoDatum> IntoDatum for JsonbArray<T> {
    fn into_datum(self) -> Option<pg_sys::Datum> {
        let elements: Vec<Option<pg_sys::Datum>> = self.0.into_iter().map(IntoDatum::into_datum).collect();
        varlena_array(pg_sys::JSONBOID, &elements)
    }

    fn type_oid() -> pg_sys::Oid {
        pg_sys::JSONBARRAYOID
    }
}

fn too_large(size: usize) -> ! {
    Report::new(
        PgSqlErrorCode::ERRCODE_PROGRAM_LIMIT_EXCEEDED,
        CALLER,
        format!("{CALLER}: an array of {size} bytes or elements is too large"),
    )
    .raise()
}

/// A one-dimensional array of element type `element_type` (a varlena
/// type of int alignment: text, jsonb) from `elements`, datums already
/// made (`None`: NULL), which it copies.
fn varlena_array(element_type: pg_sys::Oid, elements: &[Option<pg_sys::Datum>]) -> Option<pg_sys::Datum> {
    if elements.is_empty() {
        // (construct_md_array would make a one-dimensional array of no
        // elements; PostgreSQL's empty array has no dimension)
        // SAFETY: a plain function call.
        return Some(pg_sys::Datum::from(unsafe { pg_sys::construct_empty_array(element_type) }));
    }
    let mut length = i32::try_from(elements.len()).unwrap_or_else(|_| too_large(elements.len()));
    let mut datums: Vec<pg_sys::Datum> = elements.iter().map(|e| e.unwrap_or(pg_sys::Datum::from(0))).collect();
    let mut nulls: Vec<bool> = elements.iter().map(Option::is_none).collect();
    let mut lower_bound = 1;
    // SAFETY: `datums` and `nulls` hold `length` entries, each non-null
    // datum a valid varlena of `element_type`; construct_md_array copies
    // them into an array allocated in the current memory context.
    let array = unsafe {
        pg_sys::construct_md_array(
            datums.as_mut_ptr(),
            nulls.as_mut_ptr(),
            1,
            &mut length,
            &mut lower_bound,
            element_type,
            -1,
            false,
            pg_sys::TYPALIGN_INT as std::ffi::c_char,
        )
    };
    Some(pg_sys::Datum::from(array))
}
