//! A map over a slice on as many threads as there are cores and items to share.
//!
//! The threads take the next item from a shared counter, so that one thread is not left with all
//! the large items; each result goes to its item's place, so the output's order is the input's and
//! does not depend on the number of threads.

use std::num::NonZero;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// `items.iter().map(f).collect()`, shared out among up to one thread per `per_thread` items
/// (rounded up; for fewer, starting a thread costs more than it saves).
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    per_thread: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = thread::available_parallelism()
        .map_or(1, NonZero::get)
        .min(items.len().div_ceil(per_thread.max(1)))
        .max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, f(item)));
        }
    };
    let mut results: Vec<Option<R>> = thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
        let mine = work();
        let theirs = helpers.into_iter().flat_map(|helper| {
            helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        for (index, result) in mine.into_iter().chain(theirs) {
            results[index] = Some(result);
        }
        results
    });
    results
        .iter_mut()
        .map(|result| {
            result
                .take()
                .unwrap_or_else(|| unreachable!("every index is taken by one thread"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<usize> = (0..10_000).collect();
        let squares = super::map(&items, 1, |n| n * n);
        assert!(
            squares
                .iter()
                .enumerate()
                .all(|(n, square)| n * n == *square)
        );
        assert_eq!(super::map(&[] as &[u8], 1, |b| *b), Vec::<u8>::new());
    }
}
