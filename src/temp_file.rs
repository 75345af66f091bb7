//! The engine's spill (`customer_clean_engine::matching::spill::Spill`) on
//! one of PostgreSQL's own temporary files (`BufFile`): in
//! `temp_tablespaces`, counted in `pg_stat_database.temp_bytes`, capped by
//! `temp_file_limit` (an ERROR past it), and removed at the end of the
//! transaction whatever happens (commit, error, cancel), or at the next
//! start of the server after a crash. Runs are appended to the one file
//! and read back by offset.
//!
//! Only the backend's own thread may call it: the engine calls its spill
//! on the calling thread only, and `TempFile` is neither `Send` nor `Sync`
//! (it holds a raw pointer).

use customer_clean_engine::matching::spill::{RunId, Spill, SpillError};
use pgrx::pg_sys;

/// A `BufFile` is a chain of segments of this size
/// (`MAX_PHYSICAL_FILESIZE` in buffile.c); a seek names the segment.
const SEGMENT: u64 = 0x4000_0000;

pub struct TempFile {
    file: *mut pg_sys::BufFile,
    /// (offset, length) of each run.
    runs: Vec<(u64, u64)>,
    end: u64,
}

impl TempFile {
    pub fn new() -> TempFile {
        // SAFETY: called on the backend thread inside a transaction.
        // PrepareTempTablespaces reads temp_tablespaces (those the caller
        // may CREATE in), as a sort that spills does; without it the file
        // would always go to the database's default tablespace. The file
        // belongs to the current resource owner, which closes it at the
        // end of the transaction if `drop` does not.
        let file = unsafe {
            pg_sys::PrepareTempTablespaces();
            pg_sys::BufFileCreateTemp(false)
        };
        TempFile { file, runs: Vec::new(), end: 0 }
    }

    /// Bytes written so far.
    pub fn bytes(&self) -> u64 {
        self.end
    }

    fn seek(&mut self, offset: u64) -> Result<(), SpillError> {
        let (segment, within) = (offset / SEGMENT, offset % SEGMENT);
        // SAFETY: `file` is open (closed only by drop); BufFileSeek
        // flushes pending writes itself before it moves.
        let rc = unsafe { pg_sys::BufFileSeek(self.file, segment as i32, within as pg_sys::off_t, libc_seek_set()) };
        if rc != 0 {
            return Err(SpillError(format!("could not seek to byte {offset}")));
        }
        Ok(())
    }
}

/// `SEEK_SET`, the same on every platform PostgreSQL supports.
const fn libc_seek_set() -> i32 {
    0
}

impl Spill for TempFile {
    fn write_run(&mut self, bytes: &[u8]) -> Result<RunId, SpillError> {
        self.seek(self.end)?;
        // SAFETY: `bytes` is valid for its length; BufFileWrite copies
        // from it (its pointer is `*mut` before PostgreSQL 16, yet it
        // only reads). A failed write raises an ERROR (as does passing
        // temp_file_limit), which unwinds to the caller like any other.
        unsafe { pg_sys::BufFileWrite(self.file, bytes.as_ptr().cast_mut().cast(), bytes.len()) };
        self.runs.push((self.end, bytes.len() as u64));
        self.end += bytes.len() as u64;
        Ok(self.runs.len() - 1)
    }

    fn read_run(&mut self, run: RunId, offset: u64, buf: &mut [u8]) -> Result<usize, SpillError> {
        let (start, len) = *self.runs.get(run).ok_or_else(|| SpillError(format!("no run {run}")))?;
        if offset >= len {
            return Ok(0);
        }
        let want = buf.len().min((len - offset) as usize);
        self.seek(start + offset)?;
        // SAFETY: `buf` is valid for `want` bytes; BufFileRead returns how
        // many it read (fewer only at the end of the file).
        let got = unsafe { pg_sys::BufFileRead(self.file, buf.as_mut_ptr().cast(), want) };
        if got != want {
            return Err(SpillError(format!("run {run} ends after {} of its {len} bytes", offset + got as u64)));
        }
        Ok(got)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // While an ERROR unwinds, the transaction's cleanup closes the
        // file; calling into PostgreSQL then is not safe.
        if !std::thread::panicking() {
            // SAFETY: the file is open and closed only here.
            unsafe { pg_sys::BufFileClose(self.file) };
        }
    }
}
