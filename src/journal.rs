//! What cleaning records about the rows it sees — originals of changed
//! values (`customer_clean.changes`), problems (`customer_clean.issues`) and
//! quarantined rows (`customer_clean.quarantine`) — collected in backend
//! memory and written with one INSERT per kind and table.
//!
//! Writing per row would cost a few SPI round trips per row, several times
//! the cleaning itself on a COPY. Instead the row trigger [`push`]es
//! records here and they are written ([`flush`]) by the AFTER STATEMENT
//! trigger `customer_clean_flush`, by the row trigger itself every
//! [`FLUSH_AT`] records (bounded memory), and by `clean_table` per batch.
//!
//! Records share the fate of the rows they describe: each is tagged with
//! the subtransaction that made it. A flush writes only the current
//! subtransaction's records (an outer statement's records wait for their
//! own statement end), a committed subtransaction hands its records to its
//! parent, and an aborted one drops them — as the rows themselves are
//! rolled back. At top-level commit nothing may be left: if the statement
//! trigger did not run (someone disabled it), the commit fails with an error
//! rather than lose the records.
//!
//! The writes run as the extension's owner with `search_path` pinned
//! (`security::as_extension_owner`), so application roles that may write a
//! customer table need no privileges on `customer_clean` itself and cannot
//! redirect the statements to objects of their own. Each record carries the
//! role that wrote its row, taken when the row was written: a flush may run
//! later and as another role (the end of an outer statement, `clean_table`).

use std::cell::RefCell;
use std::collections::HashMap;

use customer_clean_engine::rules::Finding;
use pgrx::datum::DatumWithOid;
use pgrx::prelude::*;
use pgrx::spi::{OwnedPreparedStatement, SpiClient};
use pgrx::{JsonB, PgOid, PgSqlErrorCode};
use serde_json::Value;

use crate::arrays::{JsonbArray, TextArray};
use crate::error::{OrSpiFailed, Report};
use crate::json_result::JsonbStringObject;
use crate::security::as_extension_owner;

/// Records pending before the row trigger writes them itself.
pub const FLUSH_AT: usize = 10_000;

/// The write a record comes from, as the journal stores it (`operation`
/// of `customer_clean.changes` and `customer_clean.quarantine`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Insert,
    Update,
    /// A `clean_table` pass over a stored row.
    Clean,
}

impl Operation {
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Insert => "INSERT",
            Operation::Update => "UPDATE",
            Operation::Clean => "CLEAN",
        }
    }
}

/// One record about one row of a customer table.
pub enum Record {
    /// Values the cleaner changed (written as two jsonb objects, column →
    /// original and column → normalized value).
    Change { row_id: String, operation: Operation, changes: Vec<customer_clean_engine::clean::Change> },
    /// The row's problems, each with the value as written. `replace`:
    /// remove the row's earlier problems first (an UPDATE, or a clean_table
    /// pass); a plain INSERT skips that.
    Issues { row_id: String, replace: bool, findings: Vec<Finding> },
    /// The row was deleted: its problems go with it.
    Deleted { row_id: String },
    /// A row kept out of its table, whole.
    Quarantine { row_id: Option<String>, operation: Operation, row: Value, original: Value, problems: Value },
    /// A new row of a Citus table to be matched by `match_pending`:
    /// `statement` adds it to this node's shard of the table's match queue
    /// (`TableState::queue_insert`).
    Queued { statement: std::rc::Rc<str>, row_id: String },
}

struct Pending {
    subxact: pg_sys::SubTransactionId,
    tbl: pg_sys::Oid,
    /// The role writing the row when the record was made.
    writer: pg_sys::Oid,
    record: Record,
}

thread_local! {
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
    static PLANS: RefCell<HashMap<&'static str, OwnedPreparedStatement>> = RefCell::new(HashMap::new());
}

/// Adds a record about a row of `tbl`; writes the current subtransaction's
/// records when [`FLUSH_AT`] are pending (a failure then names `caller`).
pub fn push(tbl: pg_sys::Oid, record: Record, caller: &'static str) {
    // SAFETY: plain function call inside a transaction.
    let subxact = unsafe { pg_sys::GetCurrentSubTransactionId() };
    // SAFETY: as above.
    let writer = unsafe { pg_sys::GetUserId() };
    let len = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.push(Pending { subxact, tbl, writer, record });
        p.len()
    });
    if len >= FLUSH_AT {
        flush(caller);
    }
}

/// The AFTER INSERT OR UPDATE OR DELETE statement trigger installed next to
/// `clean_on_write` by `enable_cleaning`: writes what the statement's rows
/// recorded.
#[pg_trigger]
fn clean_on_write_flush<'a>(
    _trigger: &'a PgTrigger<'a>,
) -> Result<Option<PgHeapTuple<'a, pgrx::AllocatedByPostgres>>, PgHeapTupleError> {
    flush("clean_on_write_flush");
    Ok(None)
}

/// Writes every record of the current subtransaction; a failure names
/// `caller`.
pub fn flush(caller: &'static str) {
    // SAFETY: plain function call inside a transaction.
    let current = unsafe { pg_sys::GetCurrentSubTransactionId() };
    // Taken out before any SPI call, so nothing re-entrant (a trigger on a
    // catalog table, an invalidation) can find the buffer borrowed.
    let mine: Vec<Pending> = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let (mine, rest) = std::mem::take(&mut *p).into_iter().partition(|e| e.subxact == current);
        *p = rest;
        mine
    });
    if mine.is_empty() {
        return;
    }
    // One batch per table and writing role, in the order first seen.
    let mut batches: Vec<((pg_sys::Oid, pg_sys::Oid), Vec<Record>)> = Vec::new();
    for e in mine {
        let key = (e.tbl, e.writer);
        match batches.iter_mut().find(|(k, _)| *k == key) {
            Some((_, records)) => records.push(e.record),
            None => batches.push((key, vec![e.record])),
        }
    }
    let batches: Vec<(pg_sys::Oid, String, Vec<Record>)> = batches
        .into_iter()
        .map(|((tbl, writer), records)| (tbl, crate::security::role_name(writer), records))
        .collect();
    as_extension_owner(|| {
        Spi::connect_mut(|client| {
            for (tbl, by, records) in batches {
                write_table(client, tbl, records, &by, caller);
            }
        })
    });
}

/// `values` as a `text[]` argument.
fn texts<S: AsRef<str>>(values: &[S]) -> DatumWithOid<'_> {
    TextArray(values.iter().map(|v| Some(v.as_ref())).collect()).into()
}

/// Column arrays of the INSERT … SELECT FROM unnest(…) statements.
#[derive(Default)]
struct Batch {
    change_rows: Vec<String>,
    change_operations: Vec<&'static str>,
    changes: Vec<Vec<customer_clean_engine::clean::Change>>,
    issue_rows: Vec<String>,
    issue_columns: Vec<String>,
    issue_codes: Vec<String>,
    issue_severities: Vec<&'static str>,
    issue_messages: Vec<String>,
    issue_values: Vec<Option<String>>,
    issue_rules: Vec<Option<i64>>,
    quarantine_rows: Vec<Option<String>>,
    quarantine_operations: Vec<&'static str>,
    quarantine_data: Vec<JsonB>,
    quarantine_originals: Vec<JsonB>,
    quarantine_problems: Vec<JsonB>,
    /// Queued row ids, by the statement that queues them.
    queued: Vec<(std::rc::Rc<str>, Vec<String>)>,
}

fn write_table(client: &mut SpiClient<'_>, tbl: pg_sys::Oid, records: Vec<Record>, by: &str, caller: &'static str) {
    // Rows whose earlier problems go first: updated, re-cleaned, deleted.
    let mut cleared: Vec<String> = records
        .iter()
        .filter_map(|r| match r {
            Record::Issues { row_id, replace: true, .. } | Record::Deleted { row_id } => Some(row_id.clone()),
            _ => None,
        })
        .collect();
    cleared.sort_unstable();
    cleared.dedup();
    // The last word on a row's problems wins: INSERT … ON CONFLICT DO
    // UPDATE records the proposed row, then the updated one.
    let mut last_word: HashMap<String, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Record::Issues { row_id, .. } | Record::Deleted { row_id } = r {
            last_word.insert(row_id.clone(), i);
        }
    }
    let mut b = Batch::default();
    for (i, r) in records.into_iter().enumerate() {
        match r {
            Record::Change { row_id, operation, changes } => {
                b.change_rows.push(row_id);
                b.change_operations.push(operation.as_str());
                b.changes.push(changes);
            }
            Record::Issues { row_id, findings, .. } if last_word.get(&row_id) == Some(&i) => {
                for f in findings {
                    b.issue_values.push(f.value);
                    b.issue_rows.push(row_id.clone());
                    b.issue_columns.push(f.column);
                    b.issue_codes.push(f.code);
                    b.issue_severities.push(f.severity.as_str());
                    b.issue_messages.push(f.message);
                    b.issue_rules.push(f.rule_id);
                }
            }
            Record::Issues { .. } | Record::Deleted { .. } => {}
            Record::Quarantine { row_id, operation, row, original, problems } => {
                b.quarantine_rows.push(row_id);
                b.quarantine_operations.push(operation.as_str());
                b.quarantine_data.push(JsonB(row));
                b.quarantine_originals.push(JsonB(original));
                b.quarantine_problems.push(JsonB(problems));
            }
            Record::Queued { statement, row_id } => match b.queued.iter_mut().find(|(s, _)| *s == statement) {
                Some((_, ids)) => ids.push(row_id),
                None => b.queued.push((statement, vec![row_id])),
            },
        }
    }

    let tbl_arg = || DatumWithOid::from(tbl);
    if !b.change_rows.is_empty() {
        // The jsonb values are built in place (in this SPI call's memory).
        let object = |pick: fn(&customer_clean_engine::clean::Change) -> &str| -> Vec<JsonbStringObject<'_>> {
            b.changes
                .iter()
                .map(|changes| JsonbStringObject(changes.iter().map(|c| (c.column.as_str(), pick(c))).collect()))
                .collect()
        };
        let (originals, normalized) = (object(|c| &c.original), object(|c| &c.normalized));
        execute(
            client,
            "INSERT INTO customer_clean.changes (tbl, row_id, operation, original, normalized, changed_by)
             SELECT $1::regclass, u.row_id, u.operation, u.original, u.normalized, $6
               FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::jsonb[]) u (row_id, operation, original, normalized)",
            &[OID, TEXTS, TEXTS, JSONBS, JSONBS, TEXT],
            &[
                tbl_arg(),
                texts(&b.change_rows),
                texts(&b.change_operations),
                JsonbArray(originals).into(),
                JsonbArray(normalized).into(),
                by.into(),
            ],
            caller,
        );
    }
    if !cleared.is_empty() {
        execute(
            client,
            // A join, not `row_id = ANY ($2)`: a generic plan of that filters
            // every issue of the table against every id of the batch.
            "DELETE FROM customer_clean.issues i USING unnest($2::text[]) AS d(row_id)
              WHERE i.tbl = $1::regclass AND i.row_id = d.row_id",
            &[OID, TEXTS],
            &[tbl_arg(), texts(&cleared)],
            caller,
        );
    }
    if !b.issue_rows.is_empty() {
        execute(
            client,
            "INSERT INTO customer_clean.issues
                    (tbl, row_id, column_name, code, severity, message, original_value, rule_id)
             SELECT $1::regclass, u.*
               FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int8[]) u",
            &[OID, TEXTS, TEXTS, TEXTS, TEXTS, TEXTS, TEXTS, INT8S],
            &[
                tbl_arg(),
                texts(&b.issue_rows),
                texts(&b.issue_columns),
                texts(&b.issue_codes),
                texts(&b.issue_severities),
                texts(&b.issue_messages),
                TextArray(b.issue_values.iter().map(Option::as_deref).collect()).into(),
                b.issue_rules.into(),
            ],
            caller,
        );
    }
    if !b.quarantine_rows.is_empty() {
        let n = b.quarantine_rows.len();
        execute(
            client,
            "INSERT INTO customer_clean.quarantine (tbl, row_id, operation, row_data, original, problems, quarantined_by)
             SELECT $1::regclass, u.*, $7
               FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::jsonb[]) u",
            &[OID, TEXTS, TEXTS, JSONBS, JSONBS, JSONBS, TEXT],
            &[
                tbl_arg(),
                b.quarantine_rows.into(),
                b.quarantine_operations.into(),
                b.quarantine_data.into(),
                b.quarantine_originals.into(),
                b.quarantine_problems.into(),
                by.into(),
            ],
            caller,
        );
        notice!(
            "customer_clean: {n} row{} of {} quarantined, see customer_clean.quarantine",
            if n == 1 { "" } else { "s" },
            crate::names::table_name(tbl)
        );
    }
    for (statement, ids) in b.queued {
        // (one statement per shard and flush: not worth keeping a plan)
        client.update(&*statement, None, &[ids.into()]).or_spi_failed("queue_for_matching");
    }
}

const OID: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::OIDOID);
const TEXTS: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::TEXTARRAYOID);
const JSONBS: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::JSONBARRAYOID);
const TEXT: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::TEXTOID);
const INT8S: PgOid = PgOid::BuiltIn(pg_sys::BuiltinOid::INT8ARRAYOID);

/// Runs `sql` through a plan prepared once per backend and kept (the plan
/// cache replans it after DDL on the catalog tables); a failure names
/// `caller`.
fn execute(
    client: &mut SpiClient<'_>,
    sql: &'static str,
    types: &[PgOid],
    args: &[DatumWithOid<'_>],
    caller: &'static str,
) {
    let cached = PLANS.with(|p| p.borrow_mut().remove(sql));
    let plan = match cached {
        Some(plan) => plan,
        None => client.prepare_mut(sql, types).map(|p| p.keep()).or_spi_failed(caller),
    };
    let result = client.update(&plan, None, args).map(|_| ());
    PLANS.with(|p| p.borrow_mut().insert(sql, plan));
    result.or_spi_failed(caller);
}

/// Registered in `_PG_init`: hands a committed subtransaction's records to
/// its parent and drops an aborted one's (their rows are rolled back too).
///
/// # Safety
/// Called by PostgreSQL; must not raise.
#[pg_guard]
pub unsafe extern "C-unwind" fn on_subxact_event(
    event: pg_sys::SubXactEvent::Type,
    subxact: pg_sys::SubTransactionId,
    parent: pg_sys::SubTransactionId,
    _arg: *mut std::ffi::c_void,
) {
    PENDING.with(|p| {
        let Ok(mut p) = p.try_borrow_mut() else { return };
        match event {
            pg_sys::SubXactEvent::SUBXACT_EVENT_COMMIT_SUB => {
                p.iter_mut().filter(|e| e.subxact == subxact).for_each(|e| e.subxact = parent)
            }
            pg_sys::SubXactEvent::SUBXACT_EVENT_ABORT_SUB => p.retain(|e| e.subxact != subxact),
            _ => {}
        }
    });
}

/// Registered in `_PG_init`: at abort every record goes with its rows; at
/// commit none may be left unwritten.
///
/// # Safety
/// Called by PostgreSQL; raises only before commit (which then aborts).
#[pg_guard]
pub unsafe extern "C-unwind" fn on_xact_event(event: pg_sys::XactEvent::Type, _arg: *mut std::ffi::c_void) {
    match event {
        pg_sys::XactEvent::XACT_EVENT_ABORT | pg_sys::XactEvent::XACT_EVENT_PARALLEL_ABORT => PENDING.with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                p.clear();
            }
        }),
        pg_sys::XactEvent::XACT_EVENT_PRE_COMMIT | pg_sys::XactEvent::XACT_EVENT_PRE_PREPARE => {
            let left = PENDING.with(|p| p.borrow().len());
            if left > 0 {
                PENDING.with(|p| p.borrow_mut().clear());
                Report::new(PgSqlErrorCode::ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED, "clean_on_write", format!(
                        "customer_clean: {left} cleaning record{} not written, so the transaction is rolled back",
                        if left == 1 { " was" } else { "s were" }
                    )).hint("the statement trigger customer_clean_flush did not run (disabled, or missing on a partition attached after enable_cleaning); call customer_clean.enable_cleaning(tbl) again").raise();
            }
        }
        _ => {}
    }
}
