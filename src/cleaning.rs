//! Clean on write (SPEC §2.3): `enable_cleaning` / `disable_cleaning`, the
//! row trigger, `validate` and `release_quarantine` (engine: `clean`).
//!
//! The trigger is BEFORE INSERT OR UPDATE FOR EACH ROW, so INSERT, multi-row
//! INSERT, COPY, INSERT … ON CONFLICT and UPDATE all take the same path. Per
//! row it reads the profiled columns as text, lets the engine normalize them
//! and run the rules, writes the normalized values into the new row, and
//! records what it did: original values in `customer_clean.changes`,
//! problems in `customer_clean.issues`. A row with an error-severity problem
//! is then rejected (ERROR 23514), flagged (stored, problems recorded) or
//! quarantined (kept whole in `customer_clean.quarantine`, not stored in the
//! table) — never silently dropped.

use std::num::NonZeroUsize;

use customer_clean_engine::clean::{clean_row, Cleaned};
use customer_clean_engine::rules::{Context, Finding, Severity};
use pgrx::pg_sys::panic::ErrorReport;
use pgrx::prelude::*;
use pgrx::{JsonB, PgLogLevel, PgRelation, PgSqlErrorCode};
use serde_json::{json, Map, Value};

use crate::date::today;
use crate::error::{raise_with, spi_failed};
use crate::profile::{table_name, TableState};

const TRIGGER_NAME: &str = "customer_clean_on_write";
const MODES: [&str; 3] = ["reject", "flag", "quarantine"];

/// Installs the cleaning trigger on `tbl` (registered first) and sets what
/// happens to rows with errors: `reject`, `flag` (default) or `quarantine`.
/// Calling it again changes the mode.
#[pg_extern(volatile, strict, parallel_unsafe)]
fn enable_cleaning(tbl: PgRelation, on_invalid: default!(&str, "'flag'")) -> bool {
    let oid = tbl.oid();
    if !MODES.contains(&on_invalid) {
        raise_with(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            format!("unknown on_invalid mode \"{on_invalid}\""),
            "use 'reject', 'flag' or 'quarantine'".into(),
            "enable_cleaning",
        );
    }
    // Compiles the profile and rules now, so a broken rule fails here and
    // not on the application's next INSERT.
    let _ = TableState::load(oid, "enable_cleaning");
    Spi::run_with_args(
        "UPDATE customer_clean.profiles SET on_invalid = $2 WHERE tbl = $1",
        &[oid.into(), on_invalid.into()],
    )
    .unwrap_or_else(|e| spi_failed("enable_cleaning", e));
    drop_trigger(oid);
    // The table name comes from regclass output, which quotes as needed.
    Spi::run(&format!(
        "CREATE TRIGGER {TRIGGER_NAME} BEFORE INSERT OR UPDATE ON {} \
         FOR EACH ROW EXECUTE FUNCTION customer_clean.clean_on_write()",
        table_name(oid)
    ))
    .unwrap_or_else(|e| spi_failed("enable_cleaning", e));
    true
}

/// Removes the cleaning trigger from `tbl`; the profile and rules stay.
#[pg_extern(volatile, strict, parallel_unsafe)]
fn disable_cleaning(tbl: PgRelation) -> bool {
    let oid = tbl.oid();
    let had = drop_trigger(oid);
    Spi::run_with_args("UPDATE customer_clean.profiles SET on_invalid = NULL WHERE tbl = $1", &[oid.into()])
        .unwrap_or_else(|e| spi_failed("disable_cleaning", e));
    had
}

/// Drops the cleaning trigger of `tbl` if there is one; whether there was.
pub fn drop_trigger(tbl: pg_sys::Oid) -> bool {
    let exists = Spi::get_one_with_args::<bool>(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = $1 AND tgname = $2)",
        &[tbl.into(), TRIGGER_NAME.into()],
    )
    .ok()
    .flatten()
    .unwrap_or(false);
    if exists {
        Spi::run(&format!("DROP TRIGGER {TRIGGER_NAME} ON {}", table_name(tbl)))
            .unwrap_or_else(|e| spi_failed("disable_cleaning", e));
    }
    exists
}

/// The problems of `row` (a jsonb object of column → value, as the row would
/// be written) under `tbl`'s profile and rules, after normalization:
/// `[{column, code, severity, message, value, rule_id}]`.
#[pg_extern(volatile, strict, parallel_unsafe)]
fn validate(tbl: PgRelation, row: JsonB) -> JsonB {
    let state = TableState::load(tbl.oid(), "validate");
    let Some(object) = row.0.as_object() else {
        raise_with(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            "row must be a JSON object".into(),
            "pass the row as jsonb, e.g. to_jsonb(t) or '{\"phone\": \"138 1234 5678\"}'".into(),
            "validate",
        )
    };
    let mut values: Vec<Option<String>> = state
        .layout
        .columns
        .iter()
        .map(|c| match object.get(c) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => Some(other.to_string()),
        })
        .collect();
    let ctx = Context { profile: &state.profile, layout: &state.layout, today: today() };
    let cleaned = clean_row(&mut values, &state.rules, &ctx);
    JsonB(serde_json::to_value(&cleaned.findings).unwrap_or(Value::Array(vec![])))
}

/// The row trigger installed by `enable_cleaning`.
#[pg_trigger]
fn clean_on_write<'a>(
    trigger: &'a PgTrigger<'a>,
) -> Result<Option<PgHeapTuple<'a, AllocatedByRust>>, PgHeapTupleError> {
    let td = trigger.trigger_data();
    let relid = trigger.relid().unwrap_or_else(|e| spi_failed("clean_on_write", e));
    let is_update = matches!(trigger.op(), Ok(PgTriggerOperation::Update));
    let Some(new) = trigger.new() else {
        raise_with(
            PgSqlErrorCode::ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
            "customer_clean.clean_on_write must be a BEFORE INSERT OR UPDATE FOR EACH ROW trigger".into(),
            "install it with customer_clean.enable_cleaning(tbl)".into(),
            "clean_on_write",
        )
    };
    let state = TableState::load(relid, "clean_on_write");
    let raw_tuple = if is_update { td.tg_newtuple } else { td.tg_trigtuple };
    // SAFETY: a row trigger's relation and tuple are valid while it runs.
    let tupdesc = unsafe { (*td.tg_relation).rd_att };
    let mut values: Vec<Option<String>> =
        state.attnums.iter().map(|&attnum| unsafe { attribute_text(raw_tuple, tupdesc, attnum) }).collect();
    let row_id = values[state.layout.index(state.profile.id_column()).unwrap_or(0)].clone();
    let ctx = Context { profile: &state.profile, layout: &state.layout, today: today() };
    let mut cleaned = clean_row(&mut values, &state.rules, &ctx);
    keep_within_column_limits(&state, &mut cleaned, &mut values);

    let mut tuple = new.into_owned();
    for change in &cleaned.changes {
        let attno = NonZeroUsize::new(state.attnums[change.index] as usize).expect("attnum > 0");
        // SAFETY: the column is text or varchar (only those are normalized),
        // and a text datum is binary-compatible with both.
        unsafe { tuple.set_by_index_unchecked(attno, change.normalized.clone().into_datum()) };
    }

    let op = if is_update { "UPDATE" } else { "INSERT" };
    let table = table_name(relid);
    let mode = state.on_invalid.as_deref().unwrap_or("flag");
    if cleaned.has_errors() && mode == "reject" {
        reject(&table, &cleaned);
    }
    if cleaned.has_errors() && mode == "quarantine" {
        // SAFETY: as above.
        let row = unsafe { full_row_json(raw_tuple, tupdesc, &state, &values) };
        quarantine(relid, &row, row_id.as_deref(), op, &cleaned);
        return Ok(None);
    }
    record(relid, row_id.as_deref(), op, &cleaned);
    Ok(Some(tuple))
}

/// The text form of attribute `attnum` of `tuple` (its type's output
/// function), or `None` for NULL.
///
/// # Safety
/// `tuple` and `tupdesc` must describe a valid row and `attnum` one of its
/// columns.
unsafe fn attribute_text(tuple: pg_sys::HeapTuple, tupdesc: pg_sys::TupleDesc, attnum: i16) -> Option<String> {
    let attno = NonZeroUsize::new(attnum as usize)?;
    let datum = unsafe { pgrx::heap_getattr_raw(tuple, attno, tupdesc) }?;
    let typid = unsafe { (*(*tupdesc).attrs.as_ptr().add(attno.get() - 1)).atttypid };
    let mut output = pg_sys::Oid::INVALID;
    let mut varlena = false;
    unsafe {
        pg_sys::getTypeOutputInfo(typid, &mut output, &mut varlena);
        let cstr = pg_sys::OidOutputFunctionCall(output, datum);
        Some(std::ffi::CStr::from_ptr(cstr).to_string_lossy().into_owned())
    }
}

/// A normalized value longer than a `varchar(n)` column allows is not
/// written (PostgreSQL does not check lengths of values a trigger sets);
/// the original stays and a warning says why.
fn keep_within_column_limits(state: &TableState, cleaned: &mut Cleaned, values: &mut [Option<String>]) {
    cleaned.changes.retain(|c| {
        let limit = state.max_chars[c.index];
        let fits = limit.is_none_or(|n| c.normalized.chars().count() <= n as usize);
        if !fits {
            values[c.index] = Some(c.original.clone());
            cleaned.findings.push(Finding {
                column: c.column.clone(),
                code: "normalized_too_long".into(),
                severity: Severity::Warning,
                message: format!(
                    "normalized value \"{}\" is longer than {} characters; kept \"{}\"",
                    c.normalized,
                    limit.unwrap_or(0),
                    c.original
                ),
                value: Some(c.original.clone()),
                rule_id: None,
            });
        }
        fits
    });
}

/// The whole row as jsonb (column → text), with the normalized values of
/// the profiled columns: what the table would have stored.
///
/// # Safety
/// As [`attribute_text`].
unsafe fn full_row_json(
    tuple: pg_sys::HeapTuple,
    tupdesc: pg_sys::TupleDesc,
    state: &TableState,
    values: &[Option<String>],
) -> Value {
    let mut m = Map::new();
    let natts = unsafe { (*tupdesc).natts } as usize;
    for i in 0..natts {
        let att = unsafe { &*(*tupdesc).attrs.as_ptr().add(i) };
        if att.attisdropped {
            continue;
        }
        let name = unsafe { std::ffi::CStr::from_ptr(att.attname.data.as_ptr()) }.to_string_lossy().into_owned();
        let value = match state.layout.index(&name) {
            Some(k) => values[k].clone(),
            None => unsafe { attribute_text(tuple, tupdesc, att.attnum) },
        };
        m.insert(name, value.map_or(Value::Null, Value::String));
    }
    Value::Object(m)
}

fn findings_json(cleaned: &Cleaned) -> Value {
    serde_json::to_value(&cleaned.findings).unwrap_or(Value::Array(vec![]))
}

fn originals_json(cleaned: &Cleaned) -> (Value, Value) {
    let original: Map<String, Value> =
        cleaned.changes.iter().map(|c| (c.column.clone(), Value::String(c.original.clone()))).collect();
    let normalized: Map<String, Value> =
        cleaned.changes.iter().map(|c| (c.column.clone(), Value::String(c.normalized.clone()))).collect();
    (Value::Object(original), Value::Object(normalized))
}

/// ERROR 23514 naming the first error's column and value, every problem in
/// the DETAIL.
fn reject(table: &str, cleaned: &Cleaned) -> ! {
    let errors: Vec<&Finding> = cleaned.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    let first = errors[0];
    let detail = cleaned
        .findings
        .iter()
        .map(|f| format!("{} {} ({}): {}", f.severity.as_str(), f.column, f.code, f.message))
        .collect::<Vec<_>>()
        .join("\n");
    ErrorReport::new(
        PgSqlErrorCode::ERRCODE_CHECK_VIOLATION,
        format!(
            "customer_clean rejected a row of {table}: column \"{}\" value {}: {}",
            first.column,
            first.value.as_deref().map_or("NULL".to_string(), |v| format!("\"{v}\"")),
            first.message
        ),
        "clean_on_write",
    )
    .set_detail(detail)
    .set_hint(format!(
        "correct the value, or keep such rows with customer_clean.enable_cleaning('{table}', on_invalid => 'flag') or 'quarantine'"
    ))
    .report(PgLogLevel::ERROR);
    unreachable!("ereport(ERROR) returned")
}

fn quarantine(relid: pg_sys::Oid, row: &Value, row_id: Option<&str>, op: &str, cleaned: &Cleaned) {
    let (original, _) = originals_json(cleaned);
    Spi::run_with_args(
        "INSERT INTO customer_clean.quarantine (tbl, row_id, operation, row_data, original, problems)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            relid.into(),
            row_id.into(),
            op.into(),
            JsonB(row.clone()).into(),
            JsonB(original).into(),
            JsonB(findings_json(cleaned)).into(),
        ],
    )
    .unwrap_or_else(|e| spi_failed("clean_on_write", e));
    notice!(
        "customer_clean: row {} of {} quarantined (problems: {}), see customer_clean.quarantine",
        row_id.unwrap_or("(no id)"),
        table_name(relid),
        cleaned.findings.len()
    );
}

/// Keeps originals of changed values and replaces the row's issues.
fn record(relid: pg_sys::Oid, row_id: Option<&str>, op: &str, cleaned: &Cleaned) {
    let row_id = row_id.unwrap_or("");
    if !cleaned.changes.is_empty() {
        let (original, normalized) = originals_json(cleaned);
        Spi::run_with_args(
            "INSERT INTO customer_clean.changes (tbl, row_id, operation, original, normalized)
             VALUES ($1, $2, $3, $4, $5)",
            &[relid.into(), row_id.into(), op.into(), JsonB(original).into(), JsonB(normalized).into()],
        )
        .unwrap_or_else(|e| spi_failed("clean_on_write", e));
    }
    Spi::run_with_args(
        "DELETE FROM customer_clean.issues WHERE tbl = $1 AND row_id = $2",
        &[relid.into(), row_id.into()],
    )
    .unwrap_or_else(|e| spi_failed("clean_on_write", e));
    if !cleaned.findings.is_empty() {
        Spi::run_with_args(
            "INSERT INTO customer_clean.issues (tbl, row_id, column_name, code, severity, message, original_value, rule_id)
             SELECT $1, $2, f->>'column', f->>'code', f->>'severity', f->>'message',
                    coalesce($4::jsonb->>(f->>'column'), f->>'value'), (f->>'rule_id')::bigint
               FROM jsonb_array_elements($3) f",
            &[
                relid.into(),
                row_id.into(),
                JsonB(findings_json(cleaned)).into(),
                JsonB(originals_json(cleaned).0).into(),
            ],
        )
        .unwrap_or_else(|e| spi_failed("clean_on_write", e));
    }
}

/// Writes quarantined rows back into their table, through the cleaning
/// trigger again: `corrections` (column → value) are applied first. A row
/// that still has errors goes back into quarantine as a new entry (the
/// result is then false). Returns whether the row is now in the table.
#[pg_extern(volatile, parallel_unsafe)]
fn release_quarantine(quarantine_id: i64, corrections: default!(Option<JsonB>, "NULL")) -> bool {
    let entry = Spi::get_one_with_args::<JsonB>(
        "SELECT (SELECT jsonb_build_object('tbl', tbl::oid::bigint, 'row_data', row_data, 'operation', operation,
                        'released', released_at IS NOT NULL)
                   FROM customer_clean.quarantine WHERE quarantine_id = $1 FOR UPDATE)",
        &[quarantine_id.into()],
    )
    .ok()
    .flatten()
    .map(|j| j.0);
    let Some(entry) = entry else {
        raise_with(
            PgSqlErrorCode::ERRCODE_NO_DATA_FOUND,
            format!("no quarantine entry {quarantine_id}"),
            "see SELECT quarantine_id, tbl, row_id FROM customer_clean.quarantine WHERE released_at IS NULL".into(),
            "release_quarantine",
        )
    };
    if entry["released"] == json!(true) {
        raise_with(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            format!("quarantine entry {quarantine_id} was already released"),
            "release each entry once".into(),
            "release_quarantine",
        );
    }
    let tbl = pg_sys::Oid::from(entry["tbl"].as_u64().unwrap_or(0) as u32);
    let mut row = entry["row_data"].clone();
    if let (Some(r), Some(c)) = (row.as_object_mut(), corrections.as_ref().and_then(|c| c.0.as_object())) {
        for (k, v) in c {
            r.insert(k.clone(), v.clone());
        }
    }
    let state = TableState::load(tbl, "release_quarantine");
    let table = table_name(tbl);
    let id_col = state.profile.id_column().to_string();
    let columns: Vec<&String> = row.as_object().map(|o| o.keys().collect()).unwrap_or_default();
    let quoted = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
    let list = columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ");
    // INSERT, or UPDATE of the existing row for a quarantined UPDATE.
    let sql = if entry["operation"] == json!("UPDATE") {
        format!(
            "UPDATE {table} t SET ({list}) = (SELECT {list} FROM jsonb_populate_record(NULL::{table}, $1)) \
             WHERE t.{} = (jsonb_populate_record(NULL::{table}, $1)).{}",
            quoted(&id_col),
            quoted(&id_col)
        )
    } else {
        format!("INSERT INTO {table} ({list}) SELECT {list} FROM jsonb_populate_record(NULL::{table}, $1)")
    };
    let stored = Spi::connect_mut(|client| client.update(&sql, None, &[JsonB(row.clone()).into()]).map(|t| t.len()))
        .unwrap_or_else(|e| spi_failed("release_quarantine", e));
    Spi::run_with_args(
        "UPDATE customer_clean.quarantine SET released_at = now(), released_by = current_user WHERE quarantine_id = $1",
        &[quarantine_id.into()],
    )
    .unwrap_or_else(|e| spi_failed("release_quarantine", e));
    stored > 0
}
