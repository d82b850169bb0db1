//! ali-timeline: explore the history of Alibaba's digital entertainment businesses.
//!
//! The library holds everything; the binary only parses arguments and calls [`cli::main`].
//!
//! - [`store`]: the data model, partial dates, loading and validation of `timeline.ron`.
//! - [`timeline`]: the loaded, validated whole with its history and indexes; loading and the cache.
//! - [`org`]: the organisation replayed from event effects, as of any date.
//! - [`query`]: the query language shared by search, filters and exports.
//! - [`export`]: one writer per output format.
//! - [`tui`]: the terminal app.
//! - [`cli`]: the command line.
//! - [`config`]: the user's settings file (theme, keys, default store, cache).
//! - [`diagnostic`]: positions in a file and located diagnostics (a leaf both `store` and `error` use).
//! - [`text`]: terminal-safe text (sanitising, display width).

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod export;
pub mod org;
pub mod query;
pub mod store;
pub mod text;
pub mod timeline;
pub mod tui;

pub use error::{Error, Result};
pub use timeline::Timeline;
