//! Work over a large store's events shared by two threads: the first half on the caller's
//! thread, the second on another, each answer computed as a single thread would compute it.

use super::model::Event;

/// Lists of at least this many events (8,192) are shared by two threads; shorter ones are not
/// worth a thread.
pub const PARALLEL_EVENTS: usize = 8192;

/// `work` on the first half of `events` and on the second (`work` is given each half and the
/// position of its first event), the second on a thread of its own when `events` is long;
/// the answers in that order. A short list is one half: `(work(events, 0), None)`.
pub fn on_halves<T: Send>(
    events: &[Event],
    work: impl Fn(&[Event], usize) -> T + Sync,
) -> (T, Option<T>) {
    if events.len() < PARALLEL_EVENTS {
        return (work(events, 0), None);
    }
    let (first, second) = events.split_at(events.len() / 2);
    let later = || work(second, first.len());
    std::thread::scope(|scope| {
        let spawned = scope.spawn(later);
        let earlier = work(first, 0);
        // Invariant: `work` does not panic; should it, the second half is worked here.
        let later = spawned.join().unwrap_or_else(|_| later());
        (earlier, Some(later))
    })
}
