//! Searching off the UI thread, so typing never waits for the matcher on a large store.
//!
//! The update asks for each query the user types as a [`crate::tui::task::Task::Search`]; the
//! run loop hands it to a [`Searcher`], whose worker thread runs [`crate::query::search`] and
//! sends back a [`Searched`] that [`crate::tui::update::finished`] applies — or drops, when the
//! query has been typed over since. Queries typed over while the worker was busy are skipped: only
//! the newest waiting one is run.

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::Scope;
use std::time::Duration;

use crate::query::{self, Hit, Query};
use crate::timeline::Timeline;

/// The most search results kept.
pub const SEARCH_LIMIT: usize = 200;

/// The results of one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Searched {
    /// The query text, as typed.
    pub text: String,
    /// The results, best first (at most [`SEARCH_LIMIT`]).
    pub hits: Vec<Hit>,
}

/// Runs `query` on `timeline` (on whichever thread calls it).
#[must_use]
pub fn run(timeline: &Timeline, query: &Query) -> Searched {
    Searched {
        text: query.text.clone(),
        hits: query::search(timeline, query, SEARCH_LIMIT),
    }
}

/// Answers queries from `requests` on `results` until either side is gone, running only the
/// newest of the queries waiting each time (the others are stale: typed over already). First it
/// does the work every first search would ([`Timeline::prepare_search`]), before a key comes.
/// A query that only narrows the last one scores just its matches ([`query::Narrowing`]).
pub fn serve(timeline: &Timeline, requests: &Receiver<Query>, results: &Sender<Searched>) {
    timeline.prepare_search();
    let mut narrowing = query::Narrowing::default();
    while let Ok(mut query) = requests.recv() {
        while let Ok(newer) = requests.try_recv() {
            query = newer;
        }
        let searched = Searched {
            text: query.text.clone(),
            hits: narrowing.search(timeline, &query, SEARCH_LIMIT),
        };
        if results.send(searched).is_err() {
            return;
        }
    }
}

/// A worker thread that runs queries in the background.
#[derive(Debug)]
pub struct Searcher {
    requests: Sender<Query>,
    results: Receiver<Searched>,
}

impl Searcher {
    /// Starts the worker in `scope`; it stops when the searcher is dropped (after the search it
    /// is running, if any).
    pub fn start<'scope>(scope: &'scope Scope<'scope, '_>, timeline: &'scope Timeline) -> Self {
        let (requests, inbox) = channel();
        let (outbox, results) = channel();
        scope.spawn(move || serve(timeline, &inbox, &outbox));
        Searcher { requests, results }
    }

    /// Asks for `query` to be run. Returns it back if the worker has stopped (it only stops when
    /// it panicked), so the caller can run it itself.
    ///
    /// # Errors
    /// The query, when the worker is gone.
    pub fn ask(&self, query: Query) -> Result<(), Query> {
        self.requests.send(query).map_err(|e| e.0)
    }

    /// Results that have arrived, if any, without waiting.
    #[must_use]
    pub fn try_results(&self) -> Option<Searched> {
        self.results.try_recv().ok()
    }

    /// Waits up to `timeout` for results.
    ///
    /// # Errors
    /// [`RecvTimeoutError::Timeout`] when none came in time; [`RecvTimeoutError::Disconnected`]
    /// when the worker is gone and none will.
    pub fn wait_results(&self, timeout: Duration) -> Result<Searched, RecvTimeoutError> {
        self.results.recv_timeout(timeout)
    }
}
