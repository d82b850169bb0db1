//! The split parse of a plain store without a scan of its events: each share of the events list
//! starts at a guessed event and is read to where the next share starts, and the guesses are then
//! proven.
//!
//! Only the fields before the events list are scanned (to find its `[`). The list is cut at
//! evenly spaced points, each moved forward to the next `Event(` in the text: a guess, since that
//! may sit inside a string. Each thread reads its share with the [plain reader](super::plain),
//! from its guessed start up to the item that starts at the next guess or after it. The first
//! share starts where the list really starts; reading from a real item start finds the real items
//! after it; so when each share stops exactly at the next share's start, every guess was a real
//! item start, and the shares together are the list. Any other outcome (a share overshooting the
//! next guess, any text outside the plain subset) gives `None`, and the caller scans the store.

use super::{MAX_DEPTH, head, plain};
use crate::store::model::{Event, Store};

/// Parses the plain store `text` on up to `threads` threads; `None` when it is not plain or a
/// guess was wrong.
pub(super) fn parse(text: &str, options: &ron::Options, threads: usize) -> Option<Store> {
    let open = plain::layout::events_open(text, MAX_DEPTH)?;
    let starts = guesses(text, open, threads);
    let end_of = |k: usize| starts.get(k + 1).copied().unwrap_or(text.len());
    // A share that reaches the end of the list also parses the rest of the store: the last share,
    // which has fewer events for that (see `guesses`).
    let share = |k: usize| -> (Option<plain::Run<Event>>, Option<Store>) {
        let run = plain::items::<Event>(text, starts[k], end_of(k), options);
        let head = run
            .as_ref()
            .filter(|run| run.ended)
            .and_then(|run| head(text, open, run.stop, options));
        (run, head)
    };
    let shares = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..starts.len())
            .map(|k| scope.spawn(move || share(k)))
            .collect();
        let mut shares = vec![share(0)];
        shares.extend(
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or((None, None))),
        );
        shares
    });
    let mut events = Vec::new();
    for (k, (run, head)) in shares.into_iter().enumerate() {
        let run = run?;
        // The later shares' items are appended to the first share's vector: only they move.
        if k == 0 {
            events = run.items;
        } else {
            events.extend(run.items);
        }
        if run.ended {
            // The shares after this one started past the list's end; they are not used.
            let mut store = head?;
            store.events = events;
            return Some(store);
        }
        if run.stop != end_of(k) {
            return None;
        }
    }
    None
}

/// Guessed starts of the shares of the events list whose `[` is at `open`: the first right after
/// it, then the first `Event(` after each of `threads - 1` points. The points split the whole text
/// evenly, counting the fields outside the list (parsed by the last share) as list bytes.
fn guesses(text: &str, open: usize, threads: usize) -> Vec<usize> {
    let mut starts = vec![open + 1];
    for k in 1..threads {
        let at = open + text.len() * k / threads;
        let Some(found) = text
            .as_bytes()
            .get(at..)
            .and_then(|rest| memchr::memmem::find(rest, b"Event("))
        else {
            break;
        };
        if at + found > starts[starts.len() - 1] {
            starts.push(at + found);
        }
    }
    starts
}
