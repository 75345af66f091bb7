//! `JsonResult`: the jsonb result of the per-call functions (`cn_id_check`,
//! `phone_info`, `email_check`, `address_parts`, `name_parts`, `validate`,
//! `explain_match`), built in place.
//!
//! pgrx's `JsonB` returns a value by printing it to JSON text and parsing
//! that text back with `jsonb_in`: json_lex, appendStringInfoChar and
//! serde's string escaping topped perf's profile of `cn_id_check`, whose
//! check itself takes 0.7 µs. `JsonResult` builds the tree of `JsonbValue`s that
//! `jsonb_in` builds after parsing and hands it to the same
//! `JsonbValueToJsonb`. The stored jsonb is the same: keys in jsonb's
//! order, and numbers through `numeric_in` with serde_json's spelling of
//! them, exactly as the text would have had.

use pgrx::callconv::{BoxRet, FcInfo};
use pgrx::datum::Datum;
use pgrx::prelude::*;
use pgrx::JsonB;
use serde_json::Value;

/// A jsonb result.
#[derive(Debug, Clone)]
pub struct JsonResult(pub Value);

impl JsonResult {
    /// `value` serialized; `None` if it does not serialize (never for the
    /// engine's result types, which are plain structs).
    pub fn of<T: serde::Serialize>(value: &T) -> Option<JsonResult> {
        serde_json::to_value(value).ok().map(JsonResult)
    }
}

impl IntoDatum for JsonResult {
    fn into_datum(self) -> Option<pg_sys::Datum> {
        // A bare scalar is stored as a one-element "raw scalar" array, and
        // jsonb refuses \u0000 in strings with its own error: both left to
        // jsonb_in (no function of ours returns either).
        if !(self.0.is_object() || self.0.is_array()) || has_nul(&self.0) {
            return JsonB(self.0).into_datum();
        }
        let mut arena = Arena::default();
        let mut root = arena.value(&self.0);
        // SAFETY: `root` is a tree of JsonbValues whose arrays live in
        // `arena` and whose strings live in `self.0`, both until
        // JsonbValueToJsonb has copied them into the jsonb it returns.
        Some(pg_sys::Datum::from(unsafe { pg_sys::JsonbValueToJsonb(&mut root) }))
    }

    fn type_oid() -> pg_sys::Oid {
        pg_sys::JSONBOID
    }
}

// SAFETY: the datum is returned to the caller at once, as pgrx does for JsonB.
unsafe impl BoxRet for JsonResult {
    unsafe fn box_into<'fcx>(self, fcinfo: &mut FcInfo<'fcx>) -> Datum<'fcx> {
        match self.into_datum() {
            // SAFETY: a jsonb datum allocated in the function's context.
            Some(datum) => unsafe { fcinfo.return_raw_datum(datum) },
            None => fcinfo.return_null(),
        }
    }
}

pgrx::impl_sql_translatable!(JsonResult, "jsonb");

fn has_nul(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::Array(items) => items.iter().any(has_nul),
        Value::Object(map) => map.iter().any(|(k, v)| k.contains('\0') || has_nul(v)),
        _ => false,
    }
}

/// The arrays of pairs and elements of a JsonbValue tree. A tree is built
/// in Rust memory and handed to JsonbValueToJsonb in one call: pushing it
/// piece by piece through pushJsonbValue costs a guarded FFI call per key
/// and value, as much as the rest of the work for a small object.
#[derive(Default)]
struct Arena {
    pairs: Vec<Vec<pg_sys::JsonbPair>>,
    elements: Vec<Vec<pg_sys::JsonbValue>>,
}

impl Arena {
    /// The JsonbValue of `value`; its arrays are kept in `self` (their
    /// heap buffers do not move when the outer vectors grow).
    fn value(&mut self, value: &Value) -> pg_sys::JsonbValue {
        // SAFETY: an all-zero JsonbValue is a valid (null) value to fill in.
        let mut v: pg_sys::JsonbValue = unsafe { std::mem::zeroed() };
        match value {
            Value::Object(map) => {
                let mut pairs: Vec<pg_sys::JsonbPair> = map
                    .iter()
                    .enumerate()
                    .map(|(i, (key, item))| pg_sys::JsonbPair {
                        key: string(key),
                        value: self.value(item),
                        order: i as u32,
                    })
                    .collect();
                // (keys of a serde map are unique already)
                v = object(&mut pairs);
                self.pairs.push(pairs);
            }
            Value::Array(items) => {
                let mut elements: Vec<pg_sys::JsonbValue> = items.iter().map(|item| self.value(item)).collect();
                v.type_ = pg_sys::jbvType::jbvArray;
                v.val.array = pg_sys::JsonbValue__bindgen_ty_1__bindgen_ty_2 {
                    nElems: elements.len() as i32,
                    elems: elements.as_mut_ptr(),
                    rawScalar: false,
                };
                self.elements.push(elements);
            }
            scalar => v = scalar_value(scalar),
        }
        v
    }
}

/// A jbvObject of `pairs` (unique keys, made by [`string`]), sorted in
/// place into jsonb's order of keys: shorter first, then by bytes
/// (lengthCompareJsonbStringValue). The value points into `pairs`.
fn object(pairs: &mut [pg_sys::JsonbPair]) -> pg_sys::JsonbValue {
    pairs.sort_unstable_by(|a, b| {
        // SAFETY: every key was made by `string`.
        let (x, y) = unsafe { (key_bytes(&a.key), key_bytes(&b.key)) };
        x.len().cmp(&y.len()).then_with(|| x.cmp(y))
    });
    // SAFETY: an all-zero JsonbValue is a valid (null) value to fill in.
    let mut v: pg_sys::JsonbValue = unsafe { std::mem::zeroed() };
    v.type_ = pg_sys::jbvType::jbvObject;
    v.val.object =
        pg_sys::JsonbValue__bindgen_ty_1__bindgen_ty_3 { nPairs: pairs.len() as i32, pairs: pairs.as_mut_ptr() };
    v
}

/// `{"key": "value", …}` as a jsonb datum, built in place like
/// [`JsonResult`]: the journal's originals and normalized values of a
/// row's changed columns, one pair per column (keys must be unique), with
/// no JSON text printed and parsed again for each row.
pub struct JsonbStringObject<'s>(pub Vec<(&'s str, &'s str)>);

impl IntoDatum for JsonbStringObject<'_> {
    fn into_datum(self) -> Option<pg_sys::Datum> {
        if self.0.iter().any(|(k, v)| k.contains('\0') || v.contains('\0')) {
            // jsonb_in's own error (no text value holds a NUL)
            let map = self.0.iter().map(|(k, v)| (k.to_string(), Value::String(v.to_string()))).collect();
            return JsonB(Value::Object(map)).into_datum();
        }
        let mut pairs: Vec<pg_sys::JsonbPair> = self
            .0
            .iter()
            .enumerate()
            .map(|(i, (k, v))| pg_sys::JsonbPair { key: string(k), value: string(v), order: i as u32 })
            .collect();
        let mut root = object(&mut pairs);
        // SAFETY: `root` points into `pairs`, whose strings point into
        // `self.0`, all alive until JsonbValueToJsonb has copied them.
        Some(pg_sys::Datum::from(unsafe { pg_sys::JsonbValueToJsonb(&mut root) }))
    }

    fn type_oid() -> pg_sys::Oid {
        pg_sys::JSONBOID
    }
}

/// The bytes of a jbvString made by [`string`].
///
/// # Safety
/// `v` is a jbvString pointing into a live `str`.
unsafe fn key_bytes(v: &pg_sys::JsonbValue) -> &[u8] {
    // SAFETY: the caller's promise: a string of `len` bytes at `val`.
    unsafe { std::slice::from_raw_parts(v.val.string.val as *const u8, v.val.string.len as usize) }
}

/// A jbvString pointing into `s` (not copied until JsonbValueToJsonb).
fn string(s: &str) -> pg_sys::JsonbValue {
    // SAFETY: an all-zero JsonbValue is a valid (null) value to fill in.
    let mut v: pg_sys::JsonbValue = unsafe { std::mem::zeroed() };
    v.type_ = pg_sys::jbvType::jbvString;
    // Our strings are bounded far below 2 GB (a jsonb string's limit is
    // 256 MB, checked by PostgreSQL when it copies them).
    v.val.string = pg_sys::JsonbValue__bindgen_ty_1__bindgen_ty_1 {
        len: i32::try_from(s.len()).unwrap_or(i32::MAX),
        val: s.as_ptr() as *mut std::ffi::c_char,
    };
    v
}

/// A scalar: null, bool, number or string.
fn scalar_value(value: &Value) -> pg_sys::JsonbValue {
    // SAFETY: as in `string`.
    let mut v: pg_sys::JsonbValue = unsafe { std::mem::zeroed() };
    match value {
        Value::Bool(b) => {
            v.type_ = pg_sys::jbvType::jbvBool;
            v.val.boolean = *b;
        }
        Value::Number(n) => {
            v.type_ = pg_sys::jbvType::jbvNumeric;
            // serde_json's spelling, as the JSON text would have had.
            let text = std::ffi::CString::new(n.to_string()).unwrap_or_default();
            // SAFETY: numeric_in on a C string of a JSON number.
            let numeric = unsafe {
                pgrx::direct_function_call_as_datum(
                    pg_sys::numeric_in,
                    &[
                        Some(pg_sys::Datum::from(text.as_ptr())),
                        Some(pg_sys::Datum::from(0u32)),
                        Some(pg_sys::Datum::from(-1i32)),
                    ],
                )
            };
            v.val.numeric = numeric.map_or(std::ptr::null_mut(), |d| d.cast_mut_ptr());
        }
        Value::String(s) => return string(s),
        _ => v.type_ = pg_sys::jbvType::jbvNull,
    }
    v
}
