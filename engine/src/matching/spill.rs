//! Sorting more than fits in memory (docs/dedupe_at_scale.md, step 3):
//! items are gathered in a buffer of bounded size, each full buffer is
//! sorted and written out as a run, and the runs are merged back in order.
//! Where runs go is the [`Spill`]'s business: the SQL layer writes them to
//! PostgreSQL's temporary files (removed on error and cancel, counted in
//! `temp_bytes`), tests keep them in memory. The engine stays free of
//! PostgreSQL.
//!
//! Items are `u64`s (a candidate pair packed as `a << 32 | b`) or `u128`s
//! (a match key with its tier and row), written as little-endian bytes.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;

/// A run written to a [`Spill`], by the number it gave.
pub type RunId = usize;

/// Where sorted runs are written and read back.
pub trait Spill {
    /// Writes `bytes` as a new run.
    fn write_run(&mut self, bytes: &[u8]) -> Result<RunId, SpillError>;
    /// Reads bytes of run `run` from `offset` into `buf`; returns how many
    /// (0 at the end of the run).
    fn read_run(&mut self, run: RunId, offset: u64, buf: &mut [u8]) -> Result<usize, SpillError>;
}

/// A run could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpillError(pub String);

impl fmt::Display for SpillError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "temporary file: {}", self.0)
    }
}

impl std::error::Error for SpillError {}

/// Runs kept in memory: for tests, and for callers with nowhere to spill.
#[derive(Debug, Default)]
pub struct MemorySpill {
    pub runs: Vec<Vec<u8>>,
}

impl Spill for MemorySpill {
    fn write_run(&mut self, bytes: &[u8]) -> Result<RunId, SpillError> {
        self.runs.push(bytes.to_vec());
        Ok(self.runs.len() - 1)
    }

    fn read_run(&mut self, run: RunId, offset: u64, buf: &mut [u8]) -> Result<usize, SpillError> {
        let data = self.runs.get(run).ok_or_else(|| SpillError(format!("no run {run}")))?;
        let start = usize::try_from(offset).unwrap_or(usize::MAX).min(data.len());
        let n = buf.len().min(data.len() - start);
        buf[..n].copy_from_slice(&data[start..start + n]);
        Ok(n)
    }
}

/// What an [`ExternalSorter`] sorts: fixed-size, ordered, plain bytes.
pub trait Item: Copy + Ord {
    const BYTES: usize;
    fn put(self, out: &mut Vec<u8>);
    fn get(bytes: &[u8]) -> Self;
}

/// Little-endian bytes of an unsigned integer type.
macro_rules! unsigned_item {
    ($t:ty) => {
        impl Item for $t {
            const BYTES: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> Self {
                let mut b = [0u8; std::mem::size_of::<$t>()];
                b.copy_from_slice(&bytes[..Self::BYTES]);
                <$t>::from_le_bytes(b)
            }
        }
    };
}
unsigned_item!(u64);
unsigned_item!(u128);

/// Sorts any number of items in memory bounded by `buffer_items` (plus a
/// read buffer per run while merging): full buffers are sorted, with
/// duplicates removed when asked, and spilled as runs.
pub struct ExternalSorter<T: Item> {
    buffer: Vec<T>,
    capacity: usize,
    dedup: bool,
    runs: Vec<RunId>,
}

/// Bytes read from a run at a time while merging.
const READ_CHUNK: usize = 64 * 1024;

impl<T: Item> ExternalSorter<T> {
    /// A sorter holding at most `buffer_items` items (at least one) before
    /// it spills; with `dedup`, equal items come out once. At a spill the
    /// run's bytes are built whole beside the buffer, so size the buffer
    /// for twice its items.
    pub fn new(buffer_items: usize, dedup: bool) -> ExternalSorter<T> {
        let capacity = buffer_items.max(1);
        ExternalSorter { buffer: Vec::with_capacity(capacity.min(1 << 20)), capacity, dedup, runs: Vec::new() }
    }

    pub fn push(&mut self, item: T, spill: &mut dyn Spill) -> Result<(), SpillError> {
        self.buffer.push(item);
        if self.buffer.len() >= self.capacity {
            self.flush(spill)?;
        }
        Ok(())
    }

    /// Writes what the buffer holds as a run and gives its memory back:
    /// for a sorter that waits while other work needs the memory.
    pub fn spill_buffer(&mut self, spill: &mut dyn Spill) -> Result<(), SpillError> {
        if !self.buffer.is_empty() {
            self.flush(spill)?;
        }
        self.buffer = Vec::new();
        Ok(())
    }

    /// Runs written so far.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    fn flush(&mut self, spill: &mut dyn Spill) -> Result<(), SpillError> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        self.sort_buffer();
        let mut bytes = Vec::with_capacity(self.buffer.len() * T::BYTES);
        self.buffer.iter().for_each(|i| i.put(&mut bytes));
        self.runs.push(spill.write_run(&bytes)?);
        self.buffer.clear();
        Ok(())
    }

    fn sort_buffer(&mut self) {
        self.buffer.sort_unstable();
        if self.dedup {
            self.buffer.dedup();
        }
    }

    /// Every item pushed, in order, to `each`.
    pub fn finish(self, spill: &mut dyn Spill, each: &mut dyn FnMut(T)) -> Result<(), SpillError> {
        let mut merge = self.merge(spill)?;
        while let Some(item) = merge.next(spill)? {
            each(item);
        }
        Ok(())
    }

    /// The items pushed, in order, as a [`Merge`] the caller pulls from
    /// (and may write other runs to the same spill in between). Without a
    /// spilled run, the buffer is sorted in place and nothing touches the
    /// spill.
    pub fn merge(mut self, spill: &mut dyn Spill) -> Result<Merge<T>, SpillError> {
        if self.runs.is_empty() {
            self.sort_buffer();
            self.buffer.reverse();
            return Ok(Merge {
                in_memory: self.buffer,
                readers: Vec::new(),
                heap: BinaryHeap::new(),
                last: None,
                dedup: false,
            });
        }
        self.flush(spill)?;
        let mut readers: Vec<RunReader> = self.runs.iter().map(|r| RunReader::new(*r)).collect();
        let mut heap = BinaryHeap::with_capacity(readers.len());
        for (i, reader) in readers.iter_mut().enumerate() {
            if let Some(item) = reader.next::<T>(spill)? {
                heap.push(Reverse((item, i)));
            }
        }
        Ok(Merge { in_memory: Vec::new(), readers, heap, last: None, dedup: self.dedup })
    }
}

/// The sorted items of an [`ExternalSorter`], pulled one at a time.
pub struct Merge<T: Item> {
    /// Without spilled runs: the sorted buffer, reversed (popped from the end).
    in_memory: Vec<T>,
    readers: Vec<RunReader>,
    heap: BinaryHeap<Reverse<(T, usize)>>,
    last: Option<T>,
    dedup: bool,
}

impl<T: Item> Merge<T> {
    pub fn next(&mut self, spill: &mut dyn Spill) -> Result<Option<T>, SpillError> {
        if self.readers.is_empty() {
            return Ok(self.in_memory.pop());
        }
        while let Some(Reverse((item, i))) = self.heap.pop() {
            if let Some(next) = self.readers[i].next::<T>(spill)? {
                self.heap.push(Reverse((next, i)));
            }
            if !(self.dedup && self.last == Some(item)) {
                self.last = Some(item);
                return Ok(Some(item));
            }
        }
        Ok(None)
    }
}

/// Reads one run a chunk at a time.
struct RunReader {
    run: RunId,
    offset: u64,
    chunk: Vec<u8>,
    pos: usize,
}

impl RunReader {
    fn new(run: RunId) -> RunReader {
        RunReader { run, offset: 0, chunk: Vec::new(), pos: 0 }
    }

    fn next<T: Item>(&mut self, spill: &mut dyn Spill) -> Result<Option<T>, SpillError> {
        if self.pos + T::BYTES > self.chunk.len() {
            // Whole items only: a chunk is a multiple of the item size.
            let want = READ_CHUNK / T::BYTES * T::BYTES;
            self.chunk.resize(want, 0);
            let mut got = 0;
            while got < want {
                let n = spill.read_run(self.run, self.offset + got as u64, &mut self.chunk[got..])?;
                if n == 0 {
                    break;
                }
                got += n;
            }
            if got % T::BYTES != 0 {
                return Err(SpillError(format!("run {} ends inside an item", self.run)));
            }
            self.offset += got as u64;
            self.chunk.truncate(got);
            self.pos = 0;
            if got == 0 {
                return Ok(None);
            }
        }
        let item = T::get(&self.chunk[self.pos..self.pos + T::BYTES]);
        self.pos += T::BYTES;
        Ok(Some(item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sorted_with(items: &[u64], buffer: usize, dedup: bool) -> (Vec<u64>, usize) {
        let mut spill = MemorySpill::default();
        let mut sorter = ExternalSorter::new(buffer, dedup);
        for i in items {
            sorter.push(*i, &mut spill).unwrap();
        }
        let runs = sorter.runs();
        let mut out = Vec::new();
        sorter.finish(&mut spill, &mut |i| out.push(i)).unwrap();
        (out, runs)
    }

    #[test]
    fn spills_runs_and_merges_them() {
        let items: Vec<u64> = (0..10_000u64).map(|i| (i * 7919) % 1000).collect();
        let (out, runs) = sorted_with(&items, 300, false);
        assert_eq!(runs, 33);
        let mut expected = items.clone();
        expected.sort_unstable();
        assert_eq!(out, expected);
        let (out, _) = sorted_with(&items, 300, true);
        assert_eq!(out, (0..1000).collect::<Vec<u64>>());
        // nothing spilled: sorted in memory
        let (out, runs) = sorted_with(&[3, 1, 2, 1], 10, true);
        assert_eq!((out, runs), (vec![1, 2, 3], 0));
    }

    #[test]
    fn a_short_run_is_an_error() {
        let mut spill = MemorySpill::default();
        let mut sorter = ExternalSorter::<u64>::new(1, false);
        sorter.push(5, &mut spill).unwrap();
        sorter.push(6, &mut spill).unwrap();
        spill.runs[0].pop();
        assert_eq!(sorter.finish(&mut spill, &mut |_| {}), Err(SpillError("run 0 ends inside an item".into())));
    }

    proptest! {
        #[test]
        fn same_as_sorting_in_memory(items in prop::collection::vec(0u64..50, 0..400), buffer in 1usize..40, dedup: bool) {
            let mut expected = items.clone();
            expected.sort_unstable();
            if dedup {
                expected.dedup();
            }
            prop_assert_eq!(sorted_with(&items, buffer, dedup).0, expected);
        }
    }
}
