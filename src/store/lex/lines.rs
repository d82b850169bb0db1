//! Byte offsets to lines and columns.

use memchr::memrchr;

use crate::diagnostic::Position;

/// Turns byte offsets into lines and columns (columns count characters, from 1), reading the
/// text once when asked for offsets in increasing order.
#[derive(Debug, Clone)]
pub struct Lines<'t> {
    bytes: &'t [u8],
    at: usize,
    here: Position,
}

impl<'t> Lines<'t> {
    /// Positions in `text`.
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            here: Position { line: 1, col: 1 },
        }
    }

    /// The position of byte `offset` (clamped to the text).
    pub fn at(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            *self = Lines {
                bytes: self.bytes,
                at: 0,
                here: Position { line: 1, col: 1 },
            };
        }
        let span = &self.bytes[self.at..offset];
        let chars = |bytes: &[u8]| bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        match memrchr(b'\n', span) {
            Some(last) => {
                self.here.line += memchr::memchr_iter(b'\n', span).count();
                self.here.col = 1 + chars(&span[last + 1..]);
            }
            None => self.here.col += chars(span),
        }
        self.at = offset;
        self.here
    }
}

/// The position of byte `offset` in `text`.
#[must_use]
pub fn position(text: &str, offset: usize) -> Position {
    Lines::new(text).at(offset)
}
