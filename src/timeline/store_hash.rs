//! The SHA-256 of a store's text, which exports print so that a reader can tell exactly which
//! store they came from: taken as the store loads, or, for a store loaded only to be searched,
//! when first asked (a search never asks, and 87 MB take some 50 ms to hash).

use std::sync::{Arc, OnceLock};

use sha2::{Digest, Sha256};

/// A store's SHA-256, in hex: known, or to be taken from the text kept for it.
#[derive(Clone)]
pub(super) struct StoreHash {
    /// The hash, once taken.
    hex: OnceLock<String>,
    /// The text to hash when first asked (none when the hash was known from the start).
    text: Option<Arc<String>>,
}

impl StoreHash {
    /// A hash already taken.
    pub(super) fn known(hex: String) -> StoreHash {
        StoreHash {
            hex: OnceLock::from(hex),
            text: None,
        }
    }

    /// The hash of `text`, taken when first asked.
    pub(super) fn deferred(text: Arc<String>) -> StoreHash {
        StoreHash {
            hex: OnceLock::new(),
            text: Some(text),
        }
    }

    /// The hash in hex (taken now if it was deferred).
    pub(super) fn hex(&self) -> &str {
        self.hex.get_or_init(|| {
            self.text
                .as_deref()
                .map_or_else(String::new, |t| hash_of(t))
        })
    }
}

/// The hash when it is known, never the text it would be taken from (a whole store).
impl std::fmt::Debug for StoreHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.hex.get() {
            Some(hex) => f.write_str(hex),
            None => f.write_str("(taken when asked)"),
        }
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
