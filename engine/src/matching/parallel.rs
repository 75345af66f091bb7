//! Pure computation over many items on a few threads.
//!
//! Work goes in rounds: each round splits up to `threads × chunk` items
//! between scoped threads, joins them, and then calls `progress` on the
//! calling thread. The SQL layer checks for a cancel request in that
//! callback — an ERROR raised there unwinds with no worker running, and
//! workers never touch PostgreSQL.

/// The most worker threads one job uses. The `threads` option of `train`
/// is checked against it (22023 above), and every caller goes through
/// [`thread_count`], which caps at it too: a caller cannot make a backend
/// spawn threads without bound.
pub const MAX_THREADS: usize = 8;

/// How many worker threads to use: `requested`, or the machine's cores
/// when `requested` is 0; at most [`MAX_THREADS`].
pub fn thread_count(requested: usize) -> usize {
    if requested > 0 {
        return requested.min(MAX_THREADS);
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
}

/// `f` applied to every item, results in item order.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    chunk: usize,
    f: impl Fn(&T) -> R + Sync,
    progress: &mut dyn FnMut(usize),
) -> Vec<R> {
    let mut out = Vec::with_capacity(items.len());
    for_each_chunk(items, threads, chunk, |part| part.iter().map(&f).collect(), &mut |results: Vec<R>, done| {
        out.extend(results);
        progress(done);
    });
    out
}

/// Runs `work` on slices of `items` and hands each round's results, in
/// order, to `collect` on the calling thread with the number of items done.
pub fn for_each_chunk<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    chunk: usize,
    work: impl Fn(&[T]) -> Vec<R> + Sync,
    collect: &mut dyn FnMut(Vec<R>, usize),
) {
    for_each_chunk_at(items, threads, chunk, |_, part| work(part), collect)
}

/// [`for_each_chunk`], with `work` told where its slice starts in `items`.
pub fn for_each_chunk_at<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    chunk: usize,
    work: impl Fn(usize, &[T]) -> Vec<R> + Sync,
    collect: &mut dyn FnMut(Vec<R>, usize),
) {
    let threads = threads.max(1);
    let chunk = chunk.max(1);
    let mut done = 0;
    for round in items.chunks(threads * chunk) {
        let results: Vec<Vec<R>> = if threads == 1 || round.len() <= chunk {
            vec![work(done, round)]
        } else {
            std::thread::scope(|s| {
                let work = &work;
                let handles: Vec<_> = round
                    .chunks(chunk)
                    .enumerate()
                    .map(|(i, part)| s.spawn(move || work(done + i * chunk, part)))
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
            })
        };
        done += round.len();
        collect(results.into_iter().flatten().collect(), done);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_reports_progress() {
        let items: Vec<u32> = (0..1000).collect();
        let mut seen = Vec::new();
        let out = map(&items, 3, 70, |x| x * 2, &mut |done| seen.push(done));
        assert_eq!(out, (0..1000).map(|x| x * 2).collect::<Vec<_>>());
        assert_eq!(seen.last(), Some(&1000));
        assert_eq!(seen.len(), 5); // rounds of 210
    }

    #[test]
    fn tells_each_slice_where_it_starts() {
        let items: Vec<usize> = (0..1000).collect();
        let mut out = Vec::new();
        for_each_chunk_at(&items, 3, 70, |start, part| part.iter().map(|x| x - start).collect(), &mut |r, _| {
            out.extend(r)
        });
        // each slice's first item is its start: 0 where a slice begins
        let starts = out.iter().filter(|d| **d == 0).count();
        assert_eq!(starts, 1000usize.div_ceil(70));
        assert!(out.iter().all(|d| *d < 70));
    }
}
