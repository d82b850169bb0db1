//! Writing an export off the UI thread, so the app keeps drawing and taking keys while a large
//! export is written.
//!
//! The update asks for a write as a [`crate::tui::task::Task::Export`]; the run loop starts an
//! [`Exporter`], a scoped worker thread that runs [`crate::tui::task::write_export`], reads its
//! [`Exporter::progress`] between frames and passes it on as a
//! [`crate::tui::task::TaskOutcome::ExportProgress`], and applies its outcome when it comes. Esc
//! in the dialog asks for [`crate::tui::task::Task::CancelExport`]: the loop calls
//! [`Exporter::cancel`], the write stops at its next write and its temporary file is removed.
//! Dropping an exporter (quitting while it writes) cancels it too.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread::Scope;
use std::time::Duration;

use crate::export::progress::Progress;
use crate::timeline::Timeline;
use crate::tui::export_dialog::{ExportOutcome, ExportRequest, Written};
use crate::tui::task;

/// An export being written on a worker thread.
#[derive(Debug)]
pub struct Exporter {
    progress: Arc<Progress>,
    total: usize,
    outcome: Receiver<ExportOutcome>,
}

impl Exporter {
    /// Starts writing `request` in `scope`.
    pub fn start<'scope>(
        scope: &'scope Scope<'scope, '_>,
        timeline: &'scope Timeline,
        request: ExportRequest,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let total = request.events.len();
        let (sender, outcome) = channel();
        let watched = Arc::clone(&progress);
        scope.spawn(move || {
            // The receiver is gone only when the app has stopped waiting; nothing to tell then.
            let _ = sender.send(task::write_export(timeline, request, watched));
        });
        Exporter {
            progress,
            total,
            outcome,
        }
    }

    /// How far the write has got.
    #[must_use]
    pub fn progress(&self) -> Written {
        Written {
            events: self.progress.events().min(self.total),
            total: self.total,
            bytes: self.progress.bytes(),
        }
    }

    /// Asks the write to stop; its outcome will be [`ExportOutcome::Cancelled`] unless it had
    /// finished already.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Waits up to `timeout` for the outcome. A worker that stopped without one (it panicked)
    /// is a failure.
    ///
    /// # Errors
    /// [`RecvTimeoutError::Timeout`] when the write is still under way.
    pub fn wait_outcome(&self, timeout: Duration) -> Result<ExportOutcome, RecvTimeoutError> {
        match self.outcome.recv_timeout(timeout) {
            Err(RecvTimeoutError::Disconnected) => Ok(ExportOutcome::Failed(
                "the export stopped unexpectedly; nothing was written".into(),
            )),
            other => other,
        }
    }
}

impl Drop for Exporter {
    /// An export nobody waits for is stopped, so leaving the app never leaves a file half
    /// written (the scope waits for the worker to remove its temporary file).
    fn drop(&mut self) {
        self.progress.cancel();
    }
}
