//! Prepared records kept in a [`Spill`] instead of memory (see
//! docs/dedupe_at_scale.md): batch matching appends each row's encoded
//! [`Record`] in row order, then loads back either a range of rows (to
//! score the pairs between two ranges) or a chosen set of rows (to
//! cluster some components, to explain some pairs), decoding a record
//! only when it is used.
//!
//! Records go out in chunks of about `chunk_bytes`, one run each; a chunk
//! is a sequence of `varint length, encoded record`. Memory is the chunk
//! being filled and a few words per chunk.

use std::fmt;
use std::ops::Range;

use super::record::Record;
use super::spill::{RunId, Spill, SpillError};
use crate::codec::{DecodeError, Reader, Writer};

/// Reading records back failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    Spill(SpillError),
    Decode(DecodeError),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Spill(e) => e.fmt(f),
            StoreError::Decode(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for StoreError {}

impl crate::SqlError for StoreError {
    fn class(&self) -> crate::ErrorClass {
        crate::ErrorClass::DataCorrupted
    }
    fn hint(&self) -> String {
        "the job's temporary file did not read back as written; check the disk of temp_tablespaces \
         and the server log, then run the job again"
            .into()
    }
}

impl From<SpillError> for StoreError {
    fn from(e: SpillError) -> Self {
        StoreError::Spill(e)
    }
}

impl From<DecodeError> for StoreError {
    fn from(e: DecodeError) -> Self {
        StoreError::Decode(e)
    }
}

#[derive(Debug, Clone, Copy)]
struct Chunk {
    run: RunId,
    first: u32,
    rows: u32,
    bytes: usize,
}

/// Encoded records by row number (their order of arrival).
pub struct RecordStore {
    chunks: Vec<Chunk>,
    buffer: Vec<u8>,
    buffered: u32,
    rows: u32,
    chunk_bytes: usize,
}

impl RecordStore {
    pub fn new(chunk_bytes: usize) -> RecordStore {
        RecordStore { chunks: Vec::new(), buffer: Vec::new(), buffered: 0, rows: 0, chunk_bytes: chunk_bytes.max(1) }
    }

    /// Appends a record already encoded ([`Record::encode`]); returns its
    /// row number.
    pub fn push_encoded(&mut self, encoded: &[u8], spill: &mut dyn Spill) -> Result<u32, SpillError> {
        Writer(&mut self.buffer).varint(encoded.len() as u64);
        self.buffer.extend_from_slice(encoded);
        self.buffered += 1;
        self.rows += 1;
        if self.buffer.len() >= self.chunk_bytes {
            self.flush(spill)?;
        }
        Ok(self.rows - 1)
    }

    /// Writes out the chunk being filled; call once the last record is in.
    pub fn flush(&mut self, spill: &mut dyn Spill) -> Result<(), SpillError> {
        if self.buffered > 0 {
            let run = spill.write_run(&self.buffer)?;
            let first = self.rows - self.buffered;
            self.chunks.push(Chunk { run, first, rows: self.buffered, bytes: self.buffer.len() });
            self.buffer.clear();
            self.buffered = 0;
        }
        Ok(())
    }

    pub fn rows(&self) -> u32 {
        self.rows
    }

    /// Encoded bytes written out.
    pub fn bytes(&self) -> usize {
        self.chunks.iter().map(|c| c.bytes).sum()
    }

    /// Consecutive row ranges of whole chunks, each at most `max_bytes` of
    /// encoded records (or one chunk, if a chunk is larger), covering
    /// every row written out.
    pub fn ranges(&self, max_bytes: usize) -> Vec<Range<u32>> {
        let mut out: Vec<Range<u32>> = Vec::new();
        let mut bytes = 0;
        for c in &self.chunks {
            match out.last_mut() {
                Some(r) if bytes + c.bytes <= max_bytes => {
                    r.end = c.first + c.rows;
                    bytes += c.bytes;
                }
                _ => {
                    out.push(c.first..c.first + c.rows);
                    bytes = c.bytes;
                }
            }
        }
        out
    }

    /// The records of `range` (whole chunks, as [`RecordStore::ranges`]
    /// gives them).
    pub fn load_range(&self, range: Range<u32>, spill: &mut dyn Spill) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        for c in self.chunks.iter().filter(|c| c.first >= range.start && c.first < range.end) {
            self.load_chunk(c, spill, &mut |_| true, &mut loaded)?;
        }
        Ok(loaded)
    }

    /// The records of `rows` (ascending): each chunk holding one of them is
    /// read once.
    pub fn load_rows(&self, rows: &[u32], spill: &mut dyn Spill) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        let mut next = 0;
        for c in &self.chunks {
            let end = c.first + c.rows;
            let from = next;
            while next < rows.len() && rows[next] < end {
                next += 1;
            }
            let wanted = &rows[from..next];
            if !wanted.is_empty() {
                self.load_chunk(c, spill, &mut |row| wanted.binary_search(&row).is_ok(), &mut loaded)?;
            }
        }
        Ok(loaded)
    }

    fn load_chunk(
        &self,
        c: &Chunk,
        spill: &mut dyn Spill,
        keep: &mut dyn FnMut(u32) -> bool,
        into: &mut Loaded,
    ) -> Result<(), StoreError> {
        let mut bytes = vec![0u8; c.bytes];
        let mut got = 0;
        while got < c.bytes {
            let n = spill.read_run(c.run, got as u64, &mut bytes[got..])?;
            if n == 0 {
                return Err(DecodeError("a chunk of records ends early").into());
            }
            got += n;
        }
        let mut reader = Reader::new(&bytes);
        for row in c.first..c.first + c.rows {
            let len = reader.read_len()?;
            let start = bytes.len() - reader.remaining();
            reader.skip(len)?;
            if keep(row) {
                into.rows.push(row);
                into.bytes.extend_from_slice(&bytes[start..start + len]);
                into.ends.push(into.bytes.len());
            }
        }
        if !reader.is_done() {
            return Err(DecodeError("a chunk of records has bytes after its last record").into());
        }
        Ok(())
    }
}

/// Records loaded back from a [`RecordStore`], still encoded.
#[derive(Debug, Default)]
pub struct Loaded {
    rows: Vec<u32>,
    ends: Vec<usize>,
    bytes: Vec<u8>,
}

impl Loaded {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Where row `row` is in `rows`. Rows loaded by range (the common case:
    /// scoring) are consecutive, and then it is a subtraction; a binary
    /// search over a million rows was 10% of scoring.
    fn index(&self, row: u32) -> Option<usize> {
        let (&first, &last) = (self.rows.first()?, self.rows.last()?);
        // `rows` is strictly increasing: consecutive exactly when it spans
        // as many numbers as it has entries.
        if (last - first) as usize + 1 == self.rows.len() {
            return (first..=last).contains(&row).then(|| (row - first) as usize);
        }
        self.rows.binary_search(&row).ok()
    }

    /// Row `row`'s record, decoded; an error if it was not loaded.
    pub fn record(&self, row: u32) -> Result<Record, DecodeError> {
        Record::decode(self.bytes(row)?)
    }

    /// Row `row`'s bytes as they were pushed; an error if it was not
    /// loaded.
    pub fn bytes(&self, row: u32) -> Result<&[u8], DecodeError> {
        let i = self.index(row).ok_or(DecodeError("a row that was not loaded"))?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Ok(&self.bytes[start..self.ends[i]])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::spill::MemorySpill;

    fn record(i: u32) -> Record {
        Record { phones: vec![format!("+8613800{i:06}")], name_key: format!("name {i}"), ..Record::default() }
    }

    fn store(n: u32, chunk_bytes: usize, spill: &mut MemorySpill) -> RecordStore {
        let mut store = RecordStore::new(chunk_bytes);
        let mut buf = Vec::new();
        for i in 0..n {
            buf.clear();
            record(i).encode(&mut buf);
            assert_eq!(store.push_encoded(&buf, spill), Ok(i));
        }
        store.flush(spill).unwrap();
        store
    }

    #[test]
    fn ranges_and_rows_come_back() {
        let mut spill = MemorySpill::default();
        let s = store(1000, 500, &mut spill);
        assert_eq!(s.rows(), 1000);
        assert!(spill.runs.len() > 50, "{} chunks", spill.runs.len());
        let ranges = s.ranges(5000);
        assert_eq!(ranges.first().unwrap().start, 0);
        assert_eq!(ranges.last().unwrap().end, 1000);
        assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
        assert!(ranges.len() > 5 && ranges.len() < 20, "{} ranges", ranges.len());
        let r = ranges[2].clone();
        let loaded = s.load_range(r.clone(), &mut spill).unwrap();
        assert_eq!(loaded.len(), r.len());
        for i in r.clone() {
            assert_eq!(loaded.record(i), Ok(record(i)));
        }
        assert_eq!(loaded.record(r.end), Err(DecodeError("a row that was not loaded")));
        assert_eq!(loaded.record(r.start - 1), Err(DecodeError("a row that was not loaded")));
        let rows = [0, 1, 17, 400, 401, 999];
        let loaded = s.load_rows(&rows, &mut spill).unwrap();
        assert_eq!(loaded.len(), rows.len());
        for i in rows {
            assert_eq!(loaded.record(i), Ok(record(i)));
        }
        assert_eq!(loaded.record(2), Err(DecodeError("a row that was not loaded")));
        // consecutive rows, found by subtraction
        let loaded = s.load_rows(&[5, 6, 7], &mut spill).unwrap();
        assert_eq!(loaded.record(6), Ok(record(6)));
        for outside in [4, 8, u32::MAX] {
            assert_eq!(loaded.record(outside), Err(DecodeError("a row that was not loaded")));
        }
        // one range when everything fits
        assert_eq!(s.ranges(usize::MAX), vec![0..1000]);
    }

    #[test]
    fn a_damaged_chunk_is_an_error() {
        let mut spill = MemorySpill::default();
        let s = store(10, 1 << 20, &mut spill);
        spill.runs[0].truncate(30);
        assert!(matches!(s.load_range(0..10, &mut spill), Err(StoreError::Decode(_))));
    }
}
