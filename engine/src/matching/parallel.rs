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

/// Runs `work` on every item of the batches `next` produces, on worker
/// threads, while the calling thread produces the next batch (a backend
/// reading rows while its rows so far are cleaned): the results in the
/// order of the items. `next` runs only on the calling thread; it returns
/// `Ok(None)` at the end, and an error stops the production (the batches
/// already produced are finished and dropped). A panic of `next` or of a
/// worker is resumed on the calling thread once every worker has stopped.
pub fn pipeline<T: Send, R: Send, E>(
    threads: usize,
    mut next: impl FnMut() -> Result<Option<Vec<T>>, E>,
    work: impl Fn(T) -> R + Sync,
) -> Result<Vec<R>, E> {
    use std::sync::{mpsc, Mutex};
    let (jobs, job_queue) = mpsc::channel::<(usize, Vec<T>)>();
    let job_queue = Mutex::new(job_queue);
    let (results, done) = mpsc::channel::<(usize, Vec<R>)>();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                let (job_queue, results, work) = (&job_queue, results.clone(), &work);
                s.spawn(move || loop {
                    // The lock is held only to take a job; a poisoned lock
                    // (another worker panicked) ends this one too.
                    let job = job_queue.lock().ok().and_then(|q| q.recv().ok());
                    let Some((k, items)) = job else { break };
                    let out: Vec<R> = items.into_iter().map(work).collect();
                    if results.send((k, out)).is_err() {
                        break;
                    }
                })
            })
            .collect();
        drop(results);
        let mut produced = Ok(());
        let mut k = 0;
        loop {
            match next() {
                Ok(Some(items)) => {
                    // Fails only when every worker is gone (a panic, resumed below).
                    let _ = jobs.send((k, items));
                    k += 1;
                }
                Ok(None) => break,
                Err(e) => {
                    produced = Err(e);
                    break;
                }
            }
        }
        drop(jobs);
        let mut parts: Vec<(usize, Vec<R>)> = done.iter().collect();
        for w in workers {
            if let Err(panic) = w.join() {
                std::panic::resume_unwind(panic);
            }
        }
        produced?;
        parts.sort_unstable_by_key(|(k, _)| *k);
        Ok(parts.into_iter().flat_map(|(_, r)| r).collect())
    })
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

    #[test]
    fn pipeline_keeps_order_across_batches_and_threads() {
        let mut batches = (0..50u32).map(|b| (b * 37..b * 37 + 37).collect::<Vec<u32>>());
        let out: Result<Vec<u32>, ()> = pipeline(3, || Ok(batches.next()), |x| x * 2);
        assert_eq!(out, Ok((0..50 * 37).map(|x| x * 2).collect::<Vec<_>>()));
        let none: Result<Vec<u32>, ()> = pipeline(2, || Ok(None), |x: u32| x);
        assert_eq!(none, Ok(vec![]));
    }

    #[test]
    fn pipeline_stops_at_the_producers_error() {
        let mut n = 0;
        let out: Result<Vec<u32>, &str> = pipeline(
            2,
            || {
                n += 1;
                if n == 3 {
                    Err("fetch failed")
                } else {
                    Ok(Some(vec![n]))
                }
            },
            |x| x,
        );
        assert_eq!(out, Err("fetch failed"));
        assert_eq!(n, 3);
    }

    #[test]
    fn pipeline_resumes_a_workers_panic_on_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            let mut batches = vec![vec![1u32, 2], vec![3, 4]].into_iter();
            let _: Result<Vec<u32>, ()> =
                pipeline(2, || Ok(batches.next()), |x| if x == 3 { panic!("boom") } else { x });
        });
        let message = caught.expect_err("the worker's panic reaches the caller");
        assert_eq!(message.downcast_ref::<&str>(), Some(&"boom"));
    }
}
