//! Where an index's two parts live: in memory when it was just built, or in the index file
//! mapped into memory when it was read — used in place, never copied.
//!
//! Mapping is the crate's one use of `unsafe` ([`map`]): reading the file into memory instead
//! cost ~30 ms of a 100k search, most of it the kernel zeroing and faulting in 58 MB of fresh
//! pages before copying into them. What the mapped bytes say is checked before use (checksums,
//! UTF-8, every record in range), as a read copy would be.

use std::fs::File;

use memmap2::Mmap;
use self_cell::self_cell;

/// The words and the text of an index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Parts<'a> {
    /// The words part, as numbers.
    pub words: &'a [u32],
    /// The text part.
    pub text: &'a str,
}

self_cell!(
    /// A mapped index file with its two parts found in it.
    pub(super) struct Mapped {
        owner: Mmap,
        #[covariant]
        dependent: Parts,
    }
    impl {Debug}
);

/// An index's parts, owned or mapped.
#[derive(Debug)]
pub(super) enum Storage {
    /// Built in memory.
    Owned {
        /// The words part.
        words: Vec<u32>,
        /// The text part.
        text: String,
    },
    /// Mapped from the index file.
    Mapped(Mapped),
}

impl Storage {
    /// The two parts.
    pub(super) fn parts(&self) -> Parts<'_> {
        match self {
            Storage::Owned { words, text } => Parts { words, text },
            Storage::Mapped(mapped) => *mapped.borrow_dependent(),
        }
    }
}

/// Maps the index file `file` into memory, read-only, its pages faulted in at once.
///
/// # Errors
/// When the file cannot be mapped.
#[allow(unsafe_code)]
pub(super) fn map(file: &File) -> std::io::Result<Mmap> {
    // SAFETY: `Mmap::map` is unsafe because the mapped bytes change if the file is changed while
    // mapped, and reading past its end raises SIGBUS if it is truncated. This file is an index
    // in our cache directory, opened without following links and checked to be a regular file;
    // we never write one in place (a new index is written to a temporary file and renamed over
    // the name, which leaves the mapped file as it was), and what is read from it is checked
    // first. Only another program truncating the cache file while a search runs could stop that
    // search, which is the price `docs/cache.md` states for the speed.
    unsafe { memmap2::MmapOptions::new().populate().map(file) }
}
