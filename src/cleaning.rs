//! Clean on write (docs/functions.md, "Profiles and cleaning on write"):
//! `enable_cleaning` / `disable_cleaning`, the row trigger, `validate`,
//! `undo_change` and `release_quarantine` (engine: `clean`).
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

use customer_clean_engine::clean::{clean_row, clean_row_written, Cleaned, OnInvalid};
use customer_clean_engine::originals::UndoRefused;
use customer_clean_engine::row::Context;
use customer_clean_engine::rules::{Finding, Severity};
use pgrx::prelude::*;
use pgrx::{AllocatedByPostgres, JsonB, PgSqlErrorCode, PgTupleDesc};
use serde_json::{json, Map, Value};

use crate::date::today;
use crate::error::{json_row, Missing, OrSpiFailed, Report};
use crate::journal::{self, Operation, Record};
use crate::json_arg::Json;
use crate::names::{quote_identifier, table_name, FLUSH_TRIGGER_NAME, MATCH_TRIGGER_NAME, TRIGGER_NAME};
use crate::profile::TableState;
use crate::restore::without_cleaning_trigger;
use crate::security::{as_extension_owner, Privilege};
use crate::table::Table;
use crate::tuple::{attribute, attribute_text, datum_text};

/// Installs the cleaning trigger on `tbl` (registered first) and sets what
/// happens to rows with errors: `reject`, `flag` (default) or `quarantine`.
/// Calling it again changes the mode.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn enable_cleaning(tbl: Table, on_invalid: default!(&str, "'flag'"), match_on_insert: default!(bool, false)) -> bool {
    let oid = tbl.oid();
    let Some(mode) = OnInvalid::parse(on_invalid) else {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            "enable_cleaning",
            format!("unknown on_invalid mode \"{on_invalid}\""),
        )
        .hint("use 'reject', 'flag' or 'quarantine'")
        .raise()
    };
    crate::security::require_table_owner(oid, "enable_cleaning");
    // Compiles the profile and rules now, so a broken rule fails here and
    // not on the application's next INSERT.
    let _ = TableState::load(oid, "enable_cleaning");
    let citus = crate::citus::is_citus_table(oid);
    if match_on_insert {
        if citus {
            // New rows are queued on their shards and matched by
            // match_pending (src/matching/queue.rs).
            crate::matching::queue::create(&tbl, "enable_cleaning");
        }
        crate::matching::require_model(oid, "enable_cleaning");
    }
    as_extension_owner(|| {
        Spi::run_with_args(
            "UPDATE customer_clean.profiles SET on_invalid = $2 WHERE tbl = $1",
            &[oid.into(), mode.as_str().into()],
        )
    })
    .or_spi_failed("enable_cleaning");
    drop_trigger(oid, "enable_cleaning");
    if citus {
        // On a Citus table the triggers go to every shard; Citus asks for
        // this setting first (see src/citus.rs for why it is safe here).
        // As the extension's owner, who creates the match queue: Citus
        // refuses two roles' changes to co-located shards in one
        // transaction ("cannot perform query on placements that were
        // modified in this transaction by a different user"). The
        // statements are fixed; the caller's ownership was checked above.
        on_citus_table(|| {
            create_triggers(oid, false);
            if match_on_insert {
                Spi::run(&format!(
                    "CREATE TRIGGER {MATCH_TRIGGER_NAME} AFTER INSERT ON {} \
                     FOR EACH ROW EXECUTE FUNCTION customer_clean.queue_for_matching()",
                    table_name(oid)
                ))
                .or_spi_failed("enable_cleaning");
            }
        });
    } else {
        create_triggers(oid, match_on_insert);
    }
    true
}

/// Creates the row trigger, the journal's statement triggers and (when
/// asked) the match_on_insert trigger on `oid`.
fn create_triggers(oid: pg_sys::Oid, match_on_insert: bool) {
    // Table names come from regclass output, which quotes as needed. The
    // row trigger is cloned to partitions by PostgreSQL; the statement
    // trigger that writes the journal is not, so every partition gets its
    // own, for statements that name a partition directly.
    Spi::run(&format!(
        "CREATE TRIGGER {TRIGGER_NAME} BEFORE INSERT OR UPDATE OR DELETE ON {} \
         FOR EACH ROW EXECUTE FUNCTION customer_clean.clean_on_write()",
        table_name(oid)
    ))
    .or_spi_failed("enable_cleaning");
    for rel in partition_tree(oid, "enable_cleaning") {
        Spi::run(&format!(
            "CREATE TRIGGER {FLUSH_TRIGGER_NAME} AFTER INSERT OR UPDATE OR DELETE ON {} \
             FOR EACH STATEMENT EXECUTE FUNCTION customer_clean.clean_on_write_flush()",
            table_name(rel)
        ))
        .or_spi_failed("enable_cleaning");
    }
    if match_on_insert {
        // Transition tables are only allowed on the root of a partition
        // tree, where they see the rows of every partition.
        Spi::run(&format!(
            "CREATE TRIGGER {MATCH_TRIGGER_NAME} AFTER INSERT ON {} REFERENCING NEW TABLE AS new_rows \
             FOR EACH STATEMENT EXECUTE FUNCTION customer_clean.match_on_insert()",
            table_name(oid)
        ))
        .or_spi_failed("enable_cleaning");
    }
}

/// Removes the cleaning triggers from `tbl`; the profile and rules stay.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn disable_cleaning(tbl: Table) -> bool {
    let oid = tbl.oid();
    crate::security::require_table_owner(oid, "disable_cleaning");
    let had = drop_trigger(oid, "disable_cleaning");
    as_extension_owner(|| {
        Spi::run_with_args("UPDATE customer_clean.profiles SET on_invalid = NULL WHERE tbl = $1", &[oid.into()])
    })
    .or_spi_failed("disable_cleaning");
    had
}

/// `tbl` and, when it is partitioned, every partition below it.
fn partition_tree(tbl: pg_sys::Oid, caller: &'static str) -> Vec<pg_sys::Oid> {
    Spi::connect(|client| {
        client
            .select(
                "SELECT $1::oid UNION SELECT relid FROM pg_catalog.pg_partition_tree($1) ORDER BY 1",
                None,
                &[tbl.into()],
            )?
            .map(|row| row.get::<pg_sys::Oid>(1))
            .filter_map(|r| r.transpose())
            .collect::<Result<Vec<_>, _>>()
    })
    .or_spi_failed(caller)
}

/// Drops the cleaning triggers of `tbl` (and its partitions) if there are
/// any; whether the row trigger was there. A failure names `caller`.
pub fn drop_trigger(tbl: pg_sys::Oid, caller: &'static str) -> bool {
    if crate::citus::is_citus_table(tbl) {
        // Citus asks for the setting to drop a trigger too (src/citus.rs).
        on_citus_table(|| drop_triggers(tbl, caller))
    } else {
        drop_triggers(tbl, caller)
    }
}

/// Runs the triggers' DDL `f` on a Citus table: with the setting Citus
/// asks for, as the extension's owner (see `enable_cleaning`).
fn on_citus_table<R>(f: impl FnOnce() -> R) -> R {
    as_extension_owner(|| crate::citus::with_unsafe_triggers(f))
}

fn drop_triggers(tbl: pg_sys::Oid, caller: &'static str) -> bool {
    let mut had = false;
    for rel in partition_tree(tbl, caller) {
        for name in [TRIGGER_NAME, FLUSH_TRIGGER_NAME, MATCH_TRIGGER_NAME] {
            // Clones of the row trigger on partitions go with the parent's.
            let exists = Spi::get_one_with_args::<bool>(
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger
                                 WHERE tgrelid = $1 AND tgname = $2 AND tgparentid = 0)",
                &[rel.into(), name.into()],
            )
            .or_spi_failed(caller)
            .unwrap_or(false);
            if exists {
                Spi::run(&format!("DROP TRIGGER {name} ON {}", table_name(rel))).or_spi_failed(caller);
                had |= rel == tbl && name == TRIGGER_NAME;
            }
        }
    }
    had
}

/// The problems of `row` (a jsonb object of column → value, as the row would
/// be written) under `tbl`'s profile and rules, after normalization:
/// `[{column, code, severity, message, value, rule_id}]`.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn validate(tbl: Table, row: Json) -> crate::json_result::JsonResult {
    crate::security::require(tbl.oid(), crate::security::READ, "validate");
    let state = TableState::load(tbl.oid(), "validate");
    let Some(object) = row.0.as_object() else {
        Report::new(PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE, "validate", "row must be a JSON object")
            .hint("pass the row as jsonb, e.g. to_jsonb(t) or '{\"phone\": \"138 1234 5678\"}'")
            .raise()
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
    crate::json_result::JsonResult(findings_json(&cleaned))
}

/// The row trigger installed by `enable_cleaning`: BEFORE INSERT OR UPDATE
/// OR DELETE, FOR EACH ROW.
#[pg_trigger]
fn clean_on_write<'a>(
    trigger: &'a PgTrigger<'a>,
) -> Result<Option<PgHeapTuple<'a, AllocatedByPostgres>>, PgHeapTupleError> {
    const FN: &str = "clean_on_write";
    let td = trigger.trigger_data();
    let op = trigger.op();
    let (Some(row), PgTriggerLevel::Row, Ok(PgTriggerWhen::Before)) = (
        if matches!(op, Ok(PgTriggerOperation::Delete)) { trigger.old() } else { trigger.new() },
        trigger.level(),
        trigger.when(),
    ) else {
        Report::new(
            PgSqlErrorCode::ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
            "clean_on_write",
            "customer_clean.clean_on_write must be a BEFORE INSERT OR UPDATE OR DELETE FOR EACH ROW trigger",
        )
        .hint("install it with customer_clean.enable_cleaning(tbl)")
        .raise()
    };
    let relid = trigger.relid().or_spi_failed("clean_on_write");
    let state = TableState::load(relid, "clean_on_write");
    // SAFETY: a row trigger's relation and tuples are valid while it runs.
    let tupdesc = unsafe { (*td.tg_relation).rd_att };
    let id_attnum = state.attnums[state.id_index];
    let operation = match op {
        Ok(PgTriggerOperation::Delete) => {
            // SAFETY: as above.
            let row_id = unsafe { attribute_text(td.tg_trigtuple, tupdesc, id_attnum) }.unwrap_or_default();
            journal::push(state.tbl, Record::Deleted { row_id }, FN);
            return Ok(Some(row));
        }
        Ok(PgTriggerOperation::Update) => Operation::Update,
        _ => Operation::Insert,
    };
    if crate::security::restoring(state.tbl) {
        return Ok(Some(row));
    }
    let update = operation == Operation::Update;
    let raw_tuple = if update { td.tg_newtuple } else { td.tg_trigtuple };
    // Each tuple is taken apart once.
    // SAFETY: as above.
    let new = unsafe { Deformed::of(raw_tuple, tupdesc) };
    // SAFETY: as above; an UPDATE trigger's old tuple is valid too.
    let old = update.then(|| unsafe { Deformed::of(td.tg_trigtuple, tupdesc) });
    // SAFETY: both deformed from tuples of `tupdesc`.
    let mut values = unsafe { new.texts(tupdesc, &state.attnums) };
    // SAFETY: as above; the trigger's set of updated columns is valid.
    let written =
        old.as_ref().map(|old| unsafe { written_columns(td.tg_updatedcols, old, &new, tupdesc, &state.attnums) });
    let cleaned = RowCleaner::new(&state).clean_written(&mut values, written.as_deref());
    let row_id = values[state.id_index].clone();
    // An UPDATE's records belong to the row as it was: its old id.
    // SAFETY: as above.
    let old_id = old.as_ref().and_then(|old| unsafe { old.texts(tupdesc, &[id_attnum]) }.pop().flatten());

    let mode = state.on_invalid.unwrap_or(OnInvalid::Flag);
    if cleaned.has_errors() && mode == OnInvalid::Reject {
        reject(&table_name(state.tbl), &cleaned);
    }
    if cleaned.has_errors() && mode == OnInvalid::Quarantine {
        if update && old_id != row_id {
            refuse_quarantined_id_change(&table_name(state.tbl), old_id.as_deref(), row_id.as_deref());
        }
        // SAFETY: as above.
        let row = unsafe { full_row_json(raw_tuple, tupdesc, &state, &values) };
        journal::push(
            state.tbl,
            Record::Quarantine {
                row_id: if update { old_id } else { row_id },
                operation,
                row,
                original: originals_object(&cleaned),
                problems: findings_json(&cleaned),
            },
            FN,
        );
        return Ok(None);
    }
    if let Some(old) = old_id.filter(|old| Some(old) != row_id.as_ref()) {
        // The id changed: the problems recorded under the old one go.
        journal::push(state.tbl, Record::Deleted { row_id: old }, FN);
    }
    // The value the originals column (in-row originals) must get, when
    // the new row does not hold it already.
    let originals = state.originals_attnum.and_then(|attnum| {
        // SAFETY: as above.
        unsafe { in_row_originals(&state, attnum, old.as_ref(), &new, tupdesc, &values, &cleaned) }
    });
    if cleaned.changes.is_empty() && originals.is_none() {
        // Nothing to write: the row goes on as it came.
        record(&state, row_id.unwrap_or_default(), operation, update, cleaned, FN);
        return Ok(Some(row));
    }
    // One new tuple with every normalized value (PgHeapTuple::set_by_index
    // would copy the whole tuple once per column).
    let mut columns: Vec<i32> = cleaned.changes.iter().map(|c| i32::from(state.attnums[c.index])).collect();
    let mut datums: Vec<pg_sys::Datum> =
        cleaned.changes.iter().map(|c| c.normalized.as_str().into_datum().unwrap_or(pg_sys::Datum::from(0))).collect();
    let mut nulls = vec![false; columns.len()];
    if let (Some(attnum), Some(value)) = (state.originals_attnum, originals) {
        columns.push(i32::from(attnum));
        let datum = value.and_then(|v| crate::json_result::JsonResult(v).into_datum());
        nulls.push(datum.is_none());
        datums.push(datum.unwrap_or(pg_sys::Datum::from(0)));
    }
    // SAFETY: every changed column is text or varchar (only those are
    // normalized), whose datums a text datum is binary-compatible with,
    // and the originals column is jsonb (checked when the profile was
    // compiled); the arrays have the same length.
    let new = unsafe {
        let new = pg_sys::heap_modify_tuple_by_cols(
            raw_tuple,
            tupdesc,
            columns.len() as i32,
            columns.as_mut_ptr(),
            datums.as_mut_ptr(),
            nulls.as_mut_ptr(),
        );
        PgHeapTuple::from_heap_tuple(PgTupleDesc::from_pg_unchecked(tupdesc), new)
    };
    record(&state, row_id.unwrap_or_default(), operation, update, cleaned, FN);
    Ok(Some(new))
}

/// What the originals column (profile option `originals_column`, at
/// `attnum`) of a row being written must hold after this write
/// (`originals::carry`): `Some(value)` (NULL as `None`) when the new row
/// does not hold it already, `None` when it does. An UPDATE carries the
/// old row's entries, unless it sets the column to NULL (how a DBA drops
/// a row's originals: retention); any other value a statement writes
/// there is replaced. An INSERT starts from none.
///
/// # Safety
/// `new` (and `old`, an UPDATE's old row) were deformed from tuples of
/// `tupdesc`, which is still valid.
unsafe fn in_row_originals(
    state: &TableState,
    attnum: i16,
    old: Option<&Deformed>,
    new: &Deformed,
    tupdesc: pg_sys::TupleDesc,
    values: &[Option<String>],
    cleaned: &Cleaned,
) -> Option<Option<Value>> {
    let json = |row: &Deformed| {
        // SAFETY: the caller's promise.
        let text = unsafe { row.texts(tupdesc, &[attnum]) }.pop().flatten();
        text.and_then(|t| serde_json::from_str::<Value>(&t).ok())
    };
    // (NULL, an INSERT's usual value, is read from the null bitmap alone)
    let present = json(new);
    // An UPDATE's new row holds the old value unless the statement wrote
    // the column: NULL there means no entries to carry (none before, or
    // dropped by the statement).
    let previous = old.filter(|_| present.is_some()).and_then(json);
    let wanted = customer_clean_engine::originals::carry(
        previous.as_ref().and_then(Value::as_object),
        &state.layout.columns,
        values,
        &cleaned.changes,
    )
    .map(Value::Object);
    (present != wanted).then_some(wanted)
}

/// Which of the profiled columns (`attnums`) an UPDATE wrote: those its
/// statement sets (`updated`, PostgreSQL's set of updated columns, even
/// `SET phone = phone`, the way to have a value cleaned again), and those
/// whose new value differs from the old one (set by an earlier BEFORE
/// trigger). The others hold what was stored before, cleaned when it was
/// written (or restored by `undo_change`, or left to `clean_table`): an
/// UPDATE of one column does not normalize the whole row again.
///
/// # Safety
/// `old` and `new` are deformed from tuples of `tupdesc`; `updated` is the
/// trigger's `tg_updatedcols`.
unsafe fn written_columns(
    updated: *const pg_sys::Bitmapset,
    old: &Deformed,
    new: &Deformed,
    tupdesc: pg_sys::TupleDesc,
    attnums: &[i16],
) -> Vec<bool> {
    let natts = new.nulls.len();
    attnums
        .iter()
        .map(|&attnum| {
            let Some(i) = usize::try_from(attnum).ok().and_then(|a| a.checked_sub(1)).filter(|&i| i < natts) else {
                return true;
            };
            // Bitmapset members are attribute numbers offset by the
            // lowest system attribute number, as PostgreSQL stores them.
            // SAFETY: `updated` is the trigger's set (NULL is the empty set).
            if unsafe { pg_sys::bms_is_member(i32::from(attnum) - pg_sys::FirstLowInvalidHeapAttributeNumber, updated) }
            {
                return true;
            }
            match (old.nulls[i], new.nulls[i]) {
                (true, true) => false,
                // Only text and varchar values are normalized: a column of
                // another type is not compared (a fixed-length datum is no
                // pointer), whether it counts as written changes nothing.
                (false, false) => {
                    // SAFETY: `i` is below `natts`; both datums are not
                    // NULL, varlena when the attribute's length is -1.
                    unsafe { attribute(tupdesc, i).attlen != -1 || !same_varlena(old.datums[i], new.datums[i]) }
                }
                _ => true,
            }
        })
        .collect()
}

/// Whether two varlena datums hold the same bytes, both stored inline and
/// uncompressed. A value stored otherwise (compressed, out of line) counts
/// as different: it is cleaned again, which is never wrong, only slower.
///
/// # Safety
/// Both are non-NULL varlena datums of a valid tuple.
unsafe fn same_varlena(a: pg_sys::Datum, b: pg_sys::Datum) -> bool {
    use pgrx::varlena::{varatt_is_1b_e, varatt_is_4b_c, vardata_any, varsize_any_exhdr};
    let (a, b): (*const pg_sys::varlena, *const pg_sys::varlena) = (a.cast_mut_ptr(), b.cast_mut_ptr());
    // SAFETY: both are varlena datums (the caller's promise); their
    // headers say whether their bytes are inline, and how many there are.
    unsafe {
        if varatt_is_1b_e(a) || varatt_is_1b_e(b) || varatt_is_4b_c(a) || varatt_is_4b_c(b) {
            return false;
        }
        let len = varsize_any_exhdr(a);
        len == varsize_any_exhdr(b)
            && std::slice::from_raw_parts(vardata_any(a) as *const u8, len)
                == std::slice::from_raw_parts(vardata_any(b) as *const u8, len)
    }
}

/// What cleaning a row needs, and nothing of PostgreSQL: `clean_table`
/// shares one with its worker threads.
pub(crate) struct RowCleaner<'a> {
    ctx: Context<'a>,
    rules: &'a [customer_clean_engine::rules::Rule],
    max_chars: &'a [Option<i32>],
}

impl<'a> RowCleaner<'a> {
    /// For the rows of `state`'s table, today.
    pub(crate) fn new(state: &'a TableState) -> RowCleaner<'a> {
        RowCleaner {
            ctx: Context { profile: &state.profile, layout: &state.layout, today: today() },
            rules: &state.rules,
            max_chars: &state.max_chars,
        }
    }

    /// Normalizes and checks one row's profiled values in place.
    pub(crate) fn clean(&self, values: &mut [Option<String>]) -> Cleaned {
        self.clean_written(values, None)
    }

    /// [`RowCleaner::clean`], normalizing only the values `written`
    /// (`clean::clean_row_written`).
    pub(crate) fn clean_written(&self, values: &mut [Option<String>], written: Option<&[bool]>) -> Cleaned {
        let mut cleaned = clean_row_written(values, self.rules, &self.ctx, written);
        keep_within_column_limits(self.max_chars, &mut cleaned, values);
        cleaned
    }
}

/// Journals what cleaning did to a stored row: the originals of changed
/// values, and its problems (replacing earlier ones when `replace`); a
/// failure to write them names `caller`.
pub(crate) fn record(
    state: &TableState,
    row_id: String,
    operation: Operation,
    replace: bool,
    cleaned: Cleaned,
    caller: &'static str,
) {
    let tbl = state.tbl;
    let Cleaned { changes, mut findings } = cleaned;
    if replace || !findings.is_empty() {
        // An issue shows the value as it was written, before normalization.
        for f in &mut findings {
            if let Some(c) = changes.iter().find(|c| c.column == f.column) {
                f.value = Some(c.original.clone());
            }
        }
        journal::push(tbl, Record::Issues { row_id: row_id.clone(), replace, findings }, caller);
    }
    // With in-row originals, the row itself keeps them.
    if state.originals_attnum.is_none() && !changes.is_empty() {
        journal::push(tbl, Record::Change { row_id, operation, changes }, caller);
    }
}

/// A tuple taken apart once: reading attribute after attribute walks it
/// from the start each time past the first varlena column.
struct Deformed {
    datums: Vec<pg_sys::Datum>,
    nulls: Vec<bool>,
}

impl Deformed {
    /// # Safety
    /// `tuple` is a valid row of `tupdesc`.
    unsafe fn of(tuple: pg_sys::HeapTuple, tupdesc: pg_sys::TupleDesc) -> Deformed {
        // SAFETY: the caller passes a valid descriptor.
        let natts = unsafe { (*tupdesc).natts } as usize;
        let mut d = Deformed { datums: vec![pg_sys::Datum::from(0); natts], nulls: vec![true; natts] };
        // Fills columns added after the row was written with their defaults.
        // SAFETY: a valid tuple of `tupdesc`, arrays of its `natts`.
        unsafe { pg_sys::heap_deform_tuple(tuple, tupdesc, d.datums.as_mut_ptr(), d.nulls.as_mut_ptr()) };
        d
    }

    /// The text forms of the attributes `attnums`, `None` for NULL.
    ///
    /// # Safety
    /// `self` was deformed from a tuple of `tupdesc`, which is still valid.
    unsafe fn texts(&self, tupdesc: pg_sys::TupleDesc, attnums: &[i16]) -> Vec<Option<String>> {
        attnums
            .iter()
            .map(|&attnum| {
                let attno = NonZeroUsize::new(attnum as usize).filter(|a| a.get() <= self.nulls.len())?;
                // SAFETY: a non-NULL datum of column `attno`, from the tuple.
                (!self.nulls[attno.get() - 1])
                    .then(|| unsafe { datum_text(self.datums[attno.get() - 1], tupdesc, attno) })
            })
            .collect()
    }
}

/// A normalized value longer than a `varchar(n)` column allows is not
/// written (PostgreSQL does not check lengths of values a trigger sets);
/// the original stays and a warning says why.
fn keep_within_column_limits(max_chars: &[Option<i32>], cleaned: &mut Cleaned, values: &mut [Option<String>]) {
    cleaned.changes.retain(|c| {
        let limit = max_chars[c.index];
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
    // SAFETY: the caller passes a valid descriptor.
    let natts = unsafe { (*tupdesc).natts } as usize;
    for i in 0..natts {
        // SAFETY: `i` is below `natts`.
        let att = unsafe { attribute(tupdesc, i) };
        if att.attisdropped {
            continue;
        }
        // SAFETY: an attribute's name is a NUL-terminated NameData.
        let name = unsafe { std::ffi::CStr::from_ptr(att.attname.data.as_ptr()) }.to_string_lossy().into_owned();
        let value = match state.layout.index(&name) {
            Some(k) => values[k].clone(),
            // SAFETY: a column of the caller's valid tuple.
            None => unsafe { attribute_text(tuple, tupdesc, att.attnum) },
        };
        m.insert(name, value.map_or(Value::Null, Value::String));
    }
    Value::Object(m)
}

fn findings_json(cleaned: &Cleaned) -> Value {
    serde_json::to_value(&cleaned.findings).unwrap_or(Value::Array(vec![]))
}

/// Column → value as written, for the columns cleaning changed.
fn originals_object(cleaned: &Cleaned) -> Value {
    Value::Object(cleaned.changes.iter().map(|c| (c.column.clone(), Value::String(c.original.clone()))).collect())
}

/// An UPDATE that changes a row's id and fails the rules is refused, not
/// quarantined: the quarantine entry is keyed on the row it changes, and a
/// release must write back to that row and no other (released with a new
/// id, it could overwrite a row the writer may not touch).
fn refuse_quarantined_id_change(table: &str, old: Option<&str>, new: Option<&str>) -> ! {
    Report::new(PgSqlErrorCode::ERRCODE_CHECK_VIOLATION, "clean_on_write", format!(
            "customer_clean: an UPDATE of {table} that changes the id from {} to {} fails the table's rules, so it cannot be quarantined",
            old.unwrap_or("NULL"),
            new.unwrap_or("NULL")
        )).hint("correct the row so it passes the rules, or change the id in an UPDATE of its own").raise()
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
    Report::new(
        PgSqlErrorCode::ERRCODE_CHECK_VIOLATION,
        "clean_on_write",
        format!(
            "customer_clean rejected a row of {table}: column \"{}\" value {}: {}",
            first.column,
            first.value.as_deref().map_or("NULL".to_string(), |v| format!("\"{v}\"")),
            first.message
        ),
    )
    .detail(detail)
    .hint(format!(
        "correct the value, or keep such rows with customer_clean.enable_cleaning('{table}', on_invalid => 'flag') or 'quarantine'"
    ))
    .raise()
}

/// Writes a quarantined row back into its table, through the cleaning
/// trigger again: `corrections` (column → value) are applied first. A row
/// that still has errors goes back into quarantine as a new entry (the
/// result is then false). Returns whether the row is now in the table.
///
/// The write runs with the rights of the role that wrote the row, as if it
/// were writing it now: its privileges and the table's row-level security
/// (`WITH CHECK`) decide, so releasing cannot store what that role could
/// not have stored (another tenant's row). A quarantined UPDATE goes back
/// to the row it changed, found by its old id; its id never changes. The
/// caller needs SELECT, UPDATE and DELETE on the table (and INSERT for a
/// quarantined INSERT), and must be able to see the row (docs/deploying.md).
#[pg_extern(volatile, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn release_quarantine(quarantine_id: Option<i64>, corrections: default!(Option<Json>, "NULL")) -> bool {
    const FN: &str = "release_quarantine";
    let quarantine_id = crate::error::not_null(quarantine_id, "quarantine_id", FN);
    let missing = || Missing {
        code: PgSqlErrorCode::ERRCODE_NO_DATA_FOUND,
        message: format!("no quarantine entry {quarantine_id}"),
        hint: "see SELECT quarantine_id, tbl, row_id FROM customer_clean.quarantine WHERE released_at IS NULL".into(),
    };
    let entry = as_extension_owner(|| {
        json_row(
            "SELECT (SELECT jsonb_build_object('tbl', tbl::oid::bigint, 'row_id', row_id, 'row_data', row_data,
                            'operation', operation, 'released', released_at IS NOT NULL,
                            'writer', (SELECT r.oid::bigint FROM pg_catalog.pg_roles r WHERE r.rolname = q.quarantined_by),
                            'quarantined_by', quarantined_by)
                       FROM customer_clean.quarantine q WHERE quarantine_id = $1 FOR UPDATE)",
            &[quarantine_id.into()],
            FN,
            missing,
        )
    });
    let tbl = pg_sys::Oid::from(entry["tbl"].as_u64().unwrap_or(0) as u32);
    let is_update = entry["operation"] == json!("UPDATE");
    crate::security::require(tbl, crate::security::STEWARD, FN);
    if !is_update {
        crate::security::require_table_privileges(tbl, &[Privilege::Insert], FN);
    }
    // Another tenant's entry is no entry (the quarantine's row-level
    // security shows a role the rows it could see in the table).
    if !crate::security::caller_sees_catalog_row("quarantine", "quarantine_id", quarantine_id, FN) {
        missing().raise(FN);
    }
    if entry["released"] == json!(true) {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            FN,
            format!("quarantine entry {quarantine_id} was already released"),
        )
        .hint("release each entry once")
        .raise();
    }
    let Some(writer) = entry["writer"].as_u64().map(|w| pg_sys::Oid::from(w as u32)) else {
        Report::new(PgSqlErrorCode::ERRCODE_UNDEFINED_OBJECT, FN, format!("quarantine entry {quarantine_id} was written by role {}, which no longer exists", entry["quarantined_by"])).hint("the row is released with the rights of the role that wrote it; re-enter it yourself from customer_clean.quarantine.row_data").raise()
    };
    let state = TableState::load(tbl, FN);
    let table = table_name(tbl);
    let id_col = state.profile.id_column().to_string();
    let mut row = entry["row_data"].clone();
    if let (Some(r), Some(c)) = (row.as_object_mut(), corrections.as_ref().and_then(|c| c.0.as_object())) {
        for (k, v) in c {
            if is_update && *k == id_col && r.get(k) != Some(v) {
                Report::new(
                    PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
                    FN,
                    format!(
                        "{FN}: entry {quarantine_id} is an UPDATE of row {} of {table}; its id cannot be corrected",
                        entry["row_id"]
                    ),
                )
                .hint("release it without changing the id, then change the id in an UPDATE of its own")
                .raise();
            }
            r.insert(k.clone(), v.clone());
        }
    }
    let quoted = |c: &str| quote_identifier(c);
    // INSERT, or UPDATE of the row the quarantined UPDATE changed (by its
    // old id; the id column itself is not written).
    let sql = if is_update {
        let list = row
            .as_object()
            .map(|o| o.keys().filter(|c| **c != id_col).map(|c| quoted(c)).collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        format!(
            "UPDATE {table} t SET ({list}) = (SELECT {list} FROM pg_catalog.jsonb_populate_record(NULL::{table}, $1)) \
             WHERE t.{} = $2::pg_catalog.text::{}",
            quoted(&id_col),
            state.id_type
        )
    } else {
        let list =
            row.as_object().map(|o| o.keys().map(|c| quoted(c)).collect::<Vec<_>>().join(", ")).unwrap_or_default();
        format!("INSERT INTO {table} ({list}) SELECT {list} FROM pg_catalog.jsonb_populate_record(NULL::{table}, $1)")
    };
    let old_id = entry["row_id"].as_str().map(str::to_string);
    let stored = crate::security::as_role(writer, || {
        Spi::connect_mut(|client| {
            let args: Vec<pgrx::datum::DatumWithOid> = if is_update {
                vec![JsonB(row.clone()).into(), old_id.clone().into()]
            } else {
                vec![JsonB(row.clone()).into()]
            };
            client.update(&sql, None, &args).map(|t| t.len())
        })
    })
    .or_spi_failed(FN);
    let by = crate::security::current_role_name();
    as_extension_owner(|| {
        Spi::run_with_args(
            "UPDATE customer_clean.quarantine SET released_at = now(), released_by = $2 WHERE quarantine_id = $1",
            &[quarantine_id.into(), by.into()],
        )
    })
    .or_spi_failed(FN);
    stored > 0
}

/// Puts back the values change `change_id` of `customer_clean.changes`
/// replaced, if the row still holds what cleaning wrote; marks the change
/// undone. Undo a row's changes newest first. The cleaning trigger does not
/// normalize the restored values again.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn undo_change(change_id: i64) -> bool {
    const FN: &str = "undo_change";
    let missing = || Missing {
        code: PgSqlErrorCode::ERRCODE_NO_DATA_FOUND,
        message: format!("no change {change_id}"),
        hint: "see SELECT change_id, tbl, row_id, original FROM customer_clean.changes".into(),
    };
    let change = as_extension_owner(|| {
        json_row(
            "SELECT (SELECT jsonb_build_object('tbl', tbl::oid::bigint, 'row_id', row_id, 'original', original,
                                               'normalized', normalized, 'undone', undone_at IS NOT NULL)
                       FROM customer_clean.changes WHERE change_id = $1 FOR UPDATE)",
            &[change_id.into()],
            FN,
            missing,
        )
    });
    let tbl = pg_sys::Oid::from(change["tbl"].as_u64().unwrap_or(0) as u32);
    crate::security::require(tbl, crate::security::STEWARD, FN);
    if !crate::security::caller_sees_catalog_row("changes", "change_id", change_id, FN) {
        missing().raise(FN);
    }
    if change["undone"] == json!(true) {
        Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            FN,
            format!("change {change_id} was already undone"),
        )
        .hint("undo each change once")
        .raise();
    }
    let row_id = change["row_id"].as_str().unwrap_or_default().to_string();
    let state = TableState::load(tbl, FN);
    let table = table_name(tbl);
    let id = quote_identifier(state.profile.id_column());
    let id_type = &state.id_type;
    let original = change["original"].as_object().cloned().unwrap_or_default();
    let columns: Vec<&String> = original.keys().collect();
    let current_sql =
        format!("SELECT (SELECT to_jsonb(t) FROM {table} t WHERE t.{id} = $1::text::{id_type} FOR UPDATE)");
    let current = json_row(&current_sql, &[row_id.as_str().into()], FN, || Missing {
        code: PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
        message: format!("row {row_id} of {table} no longer exists, so change {change_id} cannot be undone"),
        hint: format!("the original values are kept in customer_clean.changes (change_id {change_id})"),
    });
    if let Some(c) = columns.iter().find(|c| !current.as_object().is_some_and(|o| o.contains_key(c.as_str()))) {
        Report::new(
            PgSqlErrorCode::ERRCODE_UNDEFINED_COLUMN,
            FN,
            format!("change {change_id} names column \"{c}\", which {table} does not have"),
        )
        .hint("the column was dropped or renamed; restore the value by hand from customer_clean.changes")
        .raise();
    }
    let moved: Vec<String> = columns
        .iter()
        .filter(|c| current.get(c.as_str()) != change["normalized"].get(c.as_str()))
        .map(|c| format!("{c} is now {} (cleaning wrote {})", current[c.as_str()], change["normalized"][c.as_str()]))
        .collect();
    if !moved.is_empty() {
        Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            FN,
            format!("row {row_id} of {table} changed after change {change_id}, which cannot be undone"),
        )
        .detail(moved.join("\n"))
        .hint("undo the row's later changes first (newest first), or edit the row by hand")
        .raise();
    }
    let set: Vec<String> =
        columns.iter().enumerate().map(|(k, c)| format!("{} = ${}", quote_identifier(c), k + 2)).collect();
    let update = format!("UPDATE {table} t SET {} WHERE t.{id} = $1::text::{id_type}", set.join(", "));
    let mut args: Vec<pgrx::datum::DatumWithOid> = vec![row_id.as_str().into()];
    args.extend(columns.iter().map(|c| original[c.as_str()].as_str().map(str::to_string).into()));
    without_cleaning_trigger(state.tbl, FN, || {
        Spi::connect_mut(|client| client.update(&update, None, &args).map(|_| ())).or_spi_failed(FN)
    });
    let by = crate::security::current_role_name();
    as_extension_owner(|| {
        Spi::run_with_args(
            "UPDATE customer_clean.changes SET undone_at = now(), undone_by = $2 WHERE change_id = $1",
            &[change_id.into(), by.into()],
        )
    })
    .or_spi_failed(FN);
    true
}

/// With in-row originals (profile option `originals_column`): puts back
/// the originals the row keeps, if it still holds every value cleaning
/// wrote, and empties its originals column; false when it keeps none.
/// All of the row's entries or none. The cleaning trigger does not
/// normalize the restored values again.
#[pg_extern(name = "undo_change", volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn undo_row_change(tbl: Table, row_id: &str) -> bool {
    const FN: &str = "undo_change";
    crate::security::require(tbl.oid(), crate::security::STEWARD, FN);
    let state = TableState::load(tbl.oid(), FN);
    let table = table_name(state.tbl);
    let Some(originals_column) = state.originals_column().map(str::to_string) else {
        Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            FN,
            format!("{table} keeps the originals of cleaned values in customer_clean.changes, not in its rows"),
        )
        .hint("undo each change with customer_clean.undo_change(change_id), newest first")
        .raise();
    };
    let id = quote_identifier(state.profile.id_column());
    let id_type = &state.id_type;
    // The caller's rights (and row security) decide which rows it may read and write.
    let current_sql =
        format!("SELECT (SELECT to_jsonb(t) FROM {table} t WHERE t.{id} = $1::text::{id_type} FOR UPDATE)");
    let current = json_row(&current_sql, &[row_id.into()], FN, || Missing {
        code: PgSqlErrorCode::ERRCODE_NO_DATA_FOUND,
        message: format!("{table} has no row {row_id}"),
        hint: format!("pass the value of the id column {id} of a row you may update"),
    });
    let row = current.as_object().cloned().unwrap_or_default();
    let originals = row.get(&originals_column).cloned().unwrap_or(Value::Null);
    let restore = match customer_clean_engine::originals::undo(&originals, &row) {
        Ok(restore) => restore,
        Err(UndoRefused::Nothing) => return false,
        Err(UndoRefused::Moved(lines)) => Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            FN,
            format!("row {row_id} of {table} changed since it was cleaned, so its originals cannot be put back"),
        )
        .detail(lines.join("\n"))
        .hint(format!("the originals stay in column {originals_column}; edit the row by hand"))
        .raise(),
        Err(e @ UndoRefused::MissingColumn(_)) => {
            Report::new(PgSqlErrorCode::ERRCODE_UNDEFINED_COLUMN, FN, format!("row {row_id} of {table}: {e}"))
                .hint(format!("the column was dropped or renamed; restore the value by hand from {originals_column}"))
                .raise()
        }
        Err(e @ UndoRefused::Malformed(_)) => Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            FN,
            format!("row {row_id} of {table}: {e} in {originals_column}"),
        )
        .hint(format!("{originals_column} was edited by hand; restore the values by hand"))
        .raise(),
    };
    let mut set: Vec<String> =
        restore.iter().enumerate().map(|(k, (c, _))| format!("{} = ${}", quote_identifier(c), k + 2)).collect();
    set.push(format!("{} = NULL", quote_identifier(&originals_column)));
    let update = format!("UPDATE {table} t SET {} WHERE t.{id} = $1::text::{id_type}", set.join(", "));
    let mut args: Vec<pgrx::datum::DatumWithOid> = vec![row_id.into()];
    args.extend(restore.into_iter().map(|(_, original)| original.into()));
    without_cleaning_trigger(state.tbl, FN, || {
        Spi::connect_mut(|client| client.update(&update, None, &args).map(|_| ())).or_spi_failed(FN)
    });
    true
}

// The overload's own description (see the file).
::pgrx::extension_sql_file!(
    "../sql/overload_comments.sql",
    name = "undo_row_change_comment",
    requires = [undo_row_change]
);
