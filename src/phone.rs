//! Phone functions (engine: `phone`). The one-argument forms read the GUC
//! `customer_clean.default_region` and are therefore STABLE.
use crate::error::OrRaise;
use crate::guc;
use crate::json_result::JsonResult;
use customer_clean_engine::phone;
use pgrx::prelude::*;

/// E.164 form of a valid number; NULL when it is not a valid number.
#[pg_extern(immutable, strict, parallel_safe)]
fn normalize_phone(input: &str, region: &str) -> Option<String> {
    phone::normalize_phone(input, region).or_raise("normalize_phone")
}

#[pg_extern(name = "normalize_phone", stable, strict, parallel_safe)]
fn normalize_phone_default_region(input: &str) -> Option<String> {
    normalize_phone(input, &guc::default_region())
}

/// What a phone number is, as jsonb: e164, international, national,
/// country_code, region, type, valid, reason; NULL only for blank input.
#[pg_extern(immutable, strict, parallel_safe)]
fn phone_info(input: &str, region: &str) -> Option<JsonResult> {
    let info = phone::phone_info(input, region).or_raise("phone_info")?;
    JsonResult::of(&info)
}

#[pg_extern(name = "phone_info", stable, strict, parallel_safe)]
fn phone_info_default_region(input: &str) -> Option<JsonResult> {
    phone_info(input, &guc::default_region())
}

/// Whether `input` is a valid phone number for `region` (libphonenumber's
/// isValidNumber); NULL for blank input.
#[pg_extern(immutable, strict, parallel_safe)]
fn is_valid_phone(input: &str, region: &str) -> Option<bool> {
    phone::is_valid_phone(input, region).or_raise("is_valid_phone")
}

#[pg_extern(name = "is_valid_phone", stable, strict, parallel_safe)]
fn is_valid_phone_default_region(input: &str) -> Option<bool> {
    is_valid_phone(input, &guc::default_region())
}
