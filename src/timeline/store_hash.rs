//! The SHA-256 of a store's text, which exports print so that a reader can tell exactly which
//! store they came from: taken as the store loads, or, for a store loaded only to be searched,
//! when first asked (a search never asks, and 87 MB take some 50 ms to hash).

use std::sync::{Arc, OnceLock};

use sha2::{Digest, Sha256};

/// A store's SHA-256, in hex: known, or to be taken from the text kept for it.
#[derive(Clone)]
pub(super) enum StoreHash {
    /// Taken as the store loaded.
    Known(String),
    /// To be taken from `text` when first asked (and kept in `hex` from then on).
    Deferred {
        text: Arc<String>,
        hex: OnceLock<String>,
    },
}

impl StoreHash {
    /// The hash of `text`, taken when first asked.
    pub(super) fn deferred(text: Arc<String>) -> StoreHash {
        StoreHash::Deferred {
            text,
            hex: OnceLock::new(),
        }
    }

    /// The hash in hex (taken now if it was deferred).
    pub(super) fn hex(&self) -> &str {
        match self {
            StoreHash::Known(hex) => hex,
            StoreHash::Deferred { text, hex } => hex.get_or_init(|| hash_of(text)),
        }
    }
}

/// The hash when it is known, never the text it would be taken from (a whole store).
impl std::fmt::Debug for StoreHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let known = match self {
            StoreHash::Known(hex) => Some(hex),
            StoreHash::Deferred { hex, .. } => hex.get(),
        };
        f.write_str(known.map_or("(taken when asked)", String::as_str))
    }
}

/// SHA-256 of `text`, in hex.
pub(super) fn hash_of(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::store::load::BUNDLED;
    use crate::timeline::{load_str, load_to_search};

    #[test]
    fn a_hash_taken_when_asked_is_the_hash_taken_at_load() {
        let loaded = load_str("timeline.ron", BUNDLED).expect("the bundled store loads");
        let text = Arc::new(BUNDLED.to_string());
        let searched = load_to_search("timeline.ron", &text).expect("the bundled store loads");
        assert_eq!(loaded.hash().len(), 64);
        assert!(loaded.hash().bytes().all(|b| b.is_ascii_hexdigit()));
        // Debug shows the hash once taken, never the store's text.
        assert_eq!(format!("{:?}", searched.hash), "(taken when asked)");
        assert_eq!(searched.hash(), loaded.hash());
        assert_eq!(format!("{:?}", searched.hash), loaded.hash());
    }
}
