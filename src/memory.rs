//! The memory bound of the batch jobs (`train`, `dedupe`,
//! `find_duplicates`).
//!
//! Those jobs hold every row of the table, prepared for matching, and the
//! candidate pairs in Rust memory: outside PostgreSQL's memory contexts,
//! where neither `work_mem` nor the server's accounting sees it. So this
//! module counts what the extension's Rust code has allocated in this
//! backend (a counting wrapper around the system allocator, worker threads
//! included), and the jobs check the count against
//! `customer_clean.batch_memory` at every step that grows it: after each
//! batch of rows read, and before the candidate pairs are made (their
//! number is known before one is stored). Past the limit they stop with
//! SQLSTATE 53200 (out_of_memory) and a HINT, instead of growing until the
//! kernel's out-of-memory killer ends the backend — and with it every
//! connection of the server.
//!
//! Everything else (quality reports, `clean_table`, the cleaning trigger,
//! merges) works in batches of bounded size and needs no check.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use pgrx::PgSqlErrorCode;

use crate::error::raise_with;
use crate::guc;

/// The system allocator, counting the bytes live at any moment. Relaxed
/// atomics: the count is read at checkpoints, never used to synchronize.
struct Counting;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only a counter is
// added, updated after a successful allocation and before a release.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE_BYTES.fetch_add(new_size, Ordering::Relaxed);
            LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes the extension's Rust code holds now in this backend.
pub fn live_bytes() -> usize {
    LIVE_BYTES.load(Ordering::Relaxed)
}

/// `customer_clean.batch_memory` in bytes.
pub fn limit_bytes() -> usize {
    usize::try_from(guc::BATCH_MEMORY_KB.get()).unwrap_or(0).saturating_mul(1024)
}

/// Bytes left under the limit.
pub fn headroom() -> usize {
    limit_bytes().saturating_sub(live_bytes())
}

/// Raises 53200 if Rust memory is over `customer_clean.batch_memory`;
/// `step` says what was being done ("reading rows").
pub fn check(caller: &'static str, table: &str, step: &str) {
    let live = live_bytes();
    if live > limit_bytes() {
        exceeded(caller, table, step, live);
    }
}

/// Raises 53200: `step` of `caller` on `table` took `bytes` in all.
fn exceeded(caller: &'static str, table: &str, step: &str, bytes: usize) -> ! {
    raise_with(
        PgSqlErrorCode::ERRCODE_OUT_OF_MEMORY,
        format!(
            "{caller}: {step} of {table} took {} of memory, more than customer_clean.batch_memory ({}) allows",
            megabytes(bytes),
            megabytes(limit_bytes())
        ),
        format!(
            "if the server has the memory to spare, raise the limit for this session, e.g. \
             SET customer_clean.batch_memory = '{}'",
            megabytes(bytes.saturating_mul(2))
        ),
        caller,
    )
}

fn megabytes(bytes: usize) -> String {
    format!("{}MB", bytes.div_ceil(1 << 20))
}

/// Frees the rows of the last cursor fetch. pgrx leaves every fetched batch
/// in SPI's memory context until the SPI connection ends, so reading a
/// whole table through a cursor would hold all of it (measured: 300 MB more
/// for `quality_report` over 1,000,000 rows). Call it once the batch's rows
/// were copied out and the batch itself dropped.
pub fn free_fetched_rows() {
    // SAFETY: SPI_tuptable is the result of this connection's last fetch
    // (nothing ran through SPI since), and nothing refers to it any more;
    // SPI_freetuptable ignores a table that is not this connection's.
    unsafe {
        if !pgrx::pg_sys::SPI_tuptable.is_null() {
            pgrx::pg_sys::SPI_freetuptable(pgrx::pg_sys::SPI_tuptable);
            pgrx::pg_sys::SPI_tuptable = std::ptr::null_mut();
        }
    }
}

/// Runs `f` with PostgreSQL's allocations in a memory context of their
/// own, deleted when `f` returns. A batch write builds its arguments (a
/// text[] of 200,000 ids) in the current context, which for a function is
/// its caller's expression context, freed only when the function returns:
/// measured, 3.3 GB held by the end of a `dedupe` of 10,000,000 rows.
/// `f` must return nothing allocated by PostgreSQL.
pub fn in_scratch_context<R>(f: impl FnOnce() -> R) -> R {
    let mut scratch = pgrx::PgMemoryContexts::new("customer_clean batch write");
    // SAFETY: the context was just made and outlives the call; `f` hands
    // back only Rust values, so nothing refers into the context once it is
    // deleted (on return, or by the unwinding of an ERROR).
    unsafe { scratch.switch_to(|_| f()) }
}
