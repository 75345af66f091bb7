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

use crate::error::Report;
use crate::guc;

/// The system allocator, counting the bytes live at any moment. Relaxed
/// atomics: the count is read at checkpoints, never used to synchronize.
struct Counting;

/// The live bytes, in shards so that the threads preparing and scoring
/// rows do not all update one cache line: with a single counter, its
/// bouncing between the two cores cost 12% of a `dedupe`'s time (perf,
/// 1,000,000 rows). A thread adds to and takes from its own shard (memory
/// freed by another thread than the one that took it leaves one shard
/// "negative"); the sum over shards, in wrapping arithmetic, is exact.
static LIVE_BYTES: [Shard; SHARDS] = [const { Shard(AtomicUsize::new(0)) }; SHARDS];
const SHARDS: usize = 16;

/// One counter per cache line.
#[repr(align(64))]
struct Shard(AtomicUsize);

thread_local! {
    /// Only its address is used: it differs between threads. A const
    /// initializer without drop makes it a plain thread-local slot, which
    /// the allocator may touch (no lazy initialization, no allocation).
    static THREAD_SLOT: u8 = const { 0 };
}

/// This thread's shard.
fn shard() -> &'static AtomicUsize {
    let address = THREAD_SLOT.with(|slot| slot as *const u8 as usize);
    // Thread-local blocks lie far apart; mixing the address spreads them.
    let index = (address.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 60) % SHARDS;
    &LIVE_BYTES[index].0
}

fn add(bytes: usize) {
    shard().fetch_add(bytes, Ordering::Relaxed);
}

fn take(bytes: usize) {
    shard().fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only a counter is
// added, updated after a successful allocation and before a release.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as it came (see the impl).
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            add(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as it came (see the impl).
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            add(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        take(layout.size());
        // SAFETY: forwarded as it came (see the impl).
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded as it came (see the impl).
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            add(new_size);
            take(layout.size());
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes the extension's Rust code holds now in this backend.
pub fn live_bytes() -> usize {
    let sum = LIVE_BYTES.iter().fold(0usize, |sum, s| sum.wrapping_add(s.0.load(Ordering::Relaxed)));
    // Relaxed loads of several shards may see a release before the
    // allocation it undoes (on another thread): read a sum below zero as 0.
    if sum > isize::MAX as usize {
        0
    } else {
        sum
    }
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
    Report::new(
        PgSqlErrorCode::ERRCODE_OUT_OF_MEMORY,
        caller,
        format!(
            "{caller}: {step} of {table} took {} of memory, more than customer_clean.batch_memory ({}) allows",
            megabytes(bytes),
            megabytes(limit_bytes())
        ),
    )
    .hint(format!(
        "if the server has the memory to spare, raise the limit for this session, e.g. \
             SET customer_clean.batch_memory = '{}'",
        megabytes(bytes.saturating_mul(2))
    ))
    .raise()
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
