//! The event store: model, partial dates, the id map, parsing, locating and the reference checks.
//! A leaf: nothing here imports the layers above it (see `tests/architecture.rs`).

pub mod date;
pub mod halves;
pub mod ids;
pub mod lex;
#[cfg(test)]
mod lex_agrees;
pub mod load;
pub mod locate;
pub mod model;
pub mod plain;
mod split;
pub mod starts;
pub mod validate;
