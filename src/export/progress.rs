//! Watching an export from another thread while it is written: how far it has got (events
//! handed to the format's writer, bytes written) and a way to stop it.
//!
//! No format knows about it. [`crate::export::Selection::watched_by`] makes the selection count
//! each event a format reads; [`crate::export::write_file`] wraps the file in a [`Watched`]
//! writer, which counts bytes and fails the next write once [`Progress::cancel`] was called, so
//! the write stops and the temporary file is removed (see [`crate::export::atomic`]).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

/// How far an export has got, shared between the thread writing it and those watching it.
#[derive(Debug, Default)]
pub struct Progress {
    events: AtomicUsize,
    bytes: AtomicU64,
    cancelled: AtomicBool,
}

impl Progress {
    /// Events the format has read so far (a format that reads the events twice counts them
    /// twice: compare with the total, not above it).
    #[must_use]
    pub fn events(&self) -> usize {
        self.events.load(Ordering::Relaxed)
    }

    /// Bytes written so far.
    #[must_use]
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Asks the export to stop: its next write fails and nothing is left behind.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Progress::cancel`] was called.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Counts one event read.
    pub(crate) fn event_read(&self) {
        self.events.fetch_add(1, Ordering::Relaxed);
    }

    /// An error when the export was cancelled.
    ///
    /// # Errors
    /// [`cancelled`] once [`Progress::cancel`] was called.
    pub(crate) fn check(&self) -> io::Result<()> {
        if self.is_cancelled() {
            Err(cancelled())
        } else {
            Ok(())
        }
    }
}

/// The error a cancelled export's writes fail with (not `Interrupted`, which `write_all` retries).
fn cancelled() -> io::Error {
    io::Error::other("the export was cancelled")
}

/// A writer that counts what goes through it into a [`Progress`] and fails once it is cancelled.
#[derive(Debug)]
pub(crate) struct Watched<'p, W> {
    inner: W,
    progress: &'p Progress,
}

impl<'p, W: Write> Watched<'p, W> {
    /// `inner`, watched by `progress`.
    pub(crate) fn new(inner: W, progress: &'p Progress) -> Self {
        Watched { inner, progress }
    }
}

impl<W: Write> Write for Watched<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.progress.check()?;
        let n = self.inner.write(buf)?;
        self.progress
            .bytes
            .fetch_add(u64::try_from(n).unwrap_or(u64::MAX), Ordering::Relaxed);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.progress.check()?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watched_writer_counts_bytes_and_fails_once_cancelled() {
        let progress = Progress::default();
        let mut out = Vec::new();
        let mut watched = Watched::new(&mut out, &progress);
        watched.write_all(b"hello").unwrap();
        assert_eq!(progress.bytes(), 5);
        progress.cancel();
        let err = watched.write_all(b"more").unwrap_err();
        assert_eq!(err.to_string(), "the export was cancelled");
        assert_eq!(out, b"hello");
    }
}
