//! ali-timeline: explore the history of Alibaba's digital entertainment businesses.
//!
//! The library holds everything; the binary only parses arguments and calls [`cli::main`].
//!
//! - [`store`]: the data model, partial dates, the id map, parsing and the reference checks of
//!   `timeline.ron` (a leaf: it imports nothing above it).
//! - [`timeline`]: the loaded, validated whole (store, ids, replayed history); loading, the cache,
//!   and the answers the front ends ask of it.
//! - [`org`]: views of the replayed organisation: the chart as of any date, diffs, careers,
//!   lineage.
//! - [`query`]: the query language shared by search, filters and exports.
//! - [`export`]: one writer per output format.
//! - [`saved`]: saved queries (`queries.toml` in the config folder), for the CLI and the app.
//! - [`tui`]: the terminal app.
//! - [`cli`]: the command line.
//! - [`cleanup`]: what a signal must undo before the process ends (temporary files, the terminal).
//! - [`config`]: the user's settings file (theme, keys, default store, cache).
//! - [`diagnostic`]: positions in a file and located diagnostics (a leaf both `store` and `error` use).
//! - [`text`]: terminal-safe text (sanitising, display width).

pub mod cleanup;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod export;
pub mod org;
pub mod query;
pub mod saved;
pub mod store;
pub mod text;
pub mod timeline;
pub mod tui;

pub use error::{Error, Result};
pub use timeline::Timeline;
