//! The event store: model, partial dates, loading and validation. No terminal code here.

pub mod date;
pub mod lex;
#[cfg(test)]
mod lex_agrees;
pub mod load;
pub mod locate;
pub mod model;
mod split;
pub mod validate;
