//! The event store: model, partial dates, loading and validation. No terminal code here.

pub mod date;
pub mod load;
pub mod locate;
pub mod model;
mod split;
pub mod validate;
