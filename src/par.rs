//! Work spread over the cores, for the few places that touch every note.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` over `items` on up to eight threads, results in the order of
/// `items`. The threads take `chunk` items at a time as they get free, so
/// one slowed down (by another process, or by a file system busy for one
/// of them) does not leave the others idle at the end. Small inputs stay
/// on one thread: starting threads costs more.
pub fn map<T: Sync, R: Send>(items: &[T], chunk: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = chunk.max(1);
    if workers == 1 || items.len() <= chunk {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(chunk, Ordering::Relaxed);
            if start >= items.len() {
                return done;
            }
            let part = &items[start..items.len().min(start + chunk)];
            done.push((start, part.iter().map(&f).collect::<Vec<R>>()));
        }
    };
    let mut parts: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(items.len().div_ceil(chunk)))
            .map(|_| scope.spawn(work))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    parts.sort_unstable_by_key(|(start, _)| *start);
    parts.into_iter().flat_map(|(_, part)| part).collect()
}

/// `f` over `items` on every core, a few at a time: each result goes to
/// `then`, in the order of `items`, before the next few are started, so
/// only as many results as there are cores are ever held at once.
pub fn each<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
    mut then: impl FnMut(usize, R),
) {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (n, few) in items.chunks(workers).enumerate() {
        for (i, r) in map(few, 1, &f).into_iter().enumerate() {
            then(n * workers + i, r);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_hands_every_result_over_in_order() {
        let items: Vec<u32> = (0..101).collect();
        let mut seen = Vec::new();
        super::each(&items, |i| i * 3, |at, r| seen.push((at, r)));
        assert_eq!(
            seen,
            items
                .iter()
                .map(|i| (*i as usize, i * 3))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u32> = (0..10_000).collect();
        assert_eq!(
            super::map(&items, 16, |i| i * 2),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map(&[] as &[u32], 16, |i| *i), Vec::<u32>::new());
        // Chunks that do not divide the items, and chunks of one.
        for chunk in [1, 3, 7, 9_999, 10_001] {
            assert_eq!(
                super::map(&items, chunk, |i| i + 1)[..],
                (1..=10_000).collect::<Vec<_>>()[..]
            );
        }
    }
}
