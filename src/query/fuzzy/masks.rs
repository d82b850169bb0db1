//! Where each pattern byte occurs in an ASCII text, as bits: one pass over the text, sixteen
//! bytes at a time, then every later question ("the next `o` after position 40") is a few bit
//! operations instead of a scan of the text. The same pass tells whether the text is plain
//! (printable ASCII only), which most texts are and which then needs no other look.

use wide::u8x16;

use super::score::Occurrences;

/// Bits per word of a mask.
const WORD: usize = 64;

/// Bytes compared at once.
const LANES: usize = 16;

/// For each pattern byte, a bit per text byte: set where the text holds it (folding ASCII case
/// when asked). Reused from text to text.
#[derive(Debug, Default)]
pub(super) struct Masks {
    /// Pattern bytes (one row of bits each).
    rows: usize,
    /// The text's length in bytes.
    len: usize,
    /// Word `w` of every row, then word `w + 1` of every row, and so on: written in one pass.
    bits: Vec<u64>,
    /// Each pattern byte, and the bit that folding sets in the text before comparing with it.
    wanted: Vec<(u8x16, u8x16)>,
    /// The pattern and folding `wanted` is for.
    wanted_for: (Vec<u8>, bool),
}

impl Masks {
    /// Marks where each byte of `pattern` occurs in `text` (`b` and `b`'s other case when
    /// `fold_text` and `b` is a lowercase letter, as [`super::byte_eq`] compares).
    pub(super) fn build(&mut self, text: &[u8], pattern: &[u8], fold_text: bool) {
        self.fill(text, pattern, fold_text, false);
    }

    /// [`Masks::build`] when `text` is plain (printable ASCII, `' '` to `'~'`, only); returns
    /// whether it is. It stops at the first block that is not: those masks are not to be used.
    pub(super) fn build_if_plain(&mut self, text: &[u8], pattern: &[u8], fold_text: bool) -> bool {
        self.fill(text, pattern, fold_text, true)
    }

    /// Marks `text` (all of it, or up to its first block that is not plain when `only_plain`);
    /// returns whether every block marked is plain.
    fn fill(&mut self, text: &[u8], pattern: &[u8], fold_text: bool, only_plain: bool) -> bool {
        if self.wanted_for.0 != pattern || self.wanted_for.1 != fold_text {
            self.wanted_for = (pattern.to_vec(), fold_text);
            self.wanted.clear();
            self.wanted.extend(pattern.iter().map(|&p| {
                let set = if fold_text && p.is_ascii_lowercase() {
                    0x20
                } else {
                    0
                };
                (u8x16::splat(p), u8x16::splat(set))
            }));
        }
        self.rows = pattern.len();
        self.len = text.len();
        self.bits.clear();
        let mut plain = true;
        let (blocks, rest) = text.as_chunks::<WORD>();
        for block in blocks {
            plain &= self.mark(block, u64::MAX);
            if only_plain && !plain {
                return false;
            }
        }
        if !rest.is_empty() {
            // A short last block is padded with a plain byte, never marked.
            let mut padded = [b' '; WORD];
            padded[..rest.len()].copy_from_slice(rest);
            plain &= self.mark(&padded, u64::MAX >> (WORD - rest.len()));
        }
        plain
    }

    /// Appends each row's word for a block of 64 bytes (its bits outside `valid` cleared), and
    /// returns whether the block's bytes are all plain.
    fn mark(&mut self, block: &[u8; WORD], valid: u64) -> bool {
        let quarters: &[[u8; LANES]; WORD / LANES] = bytemuck::cast_ref(block);
        let lanes = quarters.map(u8x16::new);
        let (lowest, highest) = (u8x16::splat(b' '), u8x16::splat(b'~'));
        let mut plain = u8x16::splat(u8::MAX);
        for lane in lanes {
            plain &= lane.max(lowest).simd_eq(lane) & lane.min(highest).simd_eq(lane);
        }
        for &(byte, set) in &self.wanted {
            let mut found = 0;
            for (quarter, lane) in lanes.iter().enumerate() {
                let equal = (*lane | set).simd_eq(byte).to_bitmask();
                found |= u64::from(equal) << (quarter * LANES);
            }
            self.bits.push(found & valid);
        }
        plain.to_bitmask() == 0xffff
    }
}

impl Occurrences for Masks {
    fn next(&self, row: usize, from: usize) -> Option<usize> {
        if from >= self.len {
            return None;
        }
        let mut word = from / WORD;
        let mut bits = self.bits.get(word * self.rows + row)? & (u64::MAX << (from % WORD));
        loop {
            if bits != 0 {
                return Some(word * WORD + bits.trailing_zeros() as usize);
            }
            word += 1;
            bits = *self.bits.get(word * self.rows + row)?;
        }
    }

    fn all(&self, row: usize, from: usize, to: usize, out: &mut Vec<usize>) {
        let to = to.min(self.len);
        if from >= to {
            return;
        }
        for word in from / WORD..to.div_ceil(WORD) {
            let Some(&bits) = self.bits.get(word * self.rows + row) else {
                return;
            };
            // The bits of positions in `from..to` within this word.
            let low = from.saturating_sub(word * WORD).min(WORD);
            let high = (to - word * WORD).min(WORD);
            let mut bits = bits & (u64::MAX << low) & (u64::MAX >> (WORD - high));
            while bits != 0 {
                out.push(word * WORD + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_texts_are_printable_ascii_only() {
        let mut masks = Masks::default();
        for (text, plain) in [
            ("", true),
            ("Gao Xiaosong ~ {ok}", true),
            ("line\nbreak", false),
            ("tab\there", false),
            ("delete\u{7f}", false),
            ("高晓松", false),
            (
                "a long plain text that runs past sixteen bytes, then é",
                false,
            ),
        ] {
            assert_eq!(
                masks.build_if_plain(text.as_bytes(), b"g", true),
                plain,
                "{text:?}"
            );
        }
    }
    use crate::query::fuzzy::score::{Occurrences, Scan};

    #[test]
    fn every_occurrence_is_found_as_a_scan_finds_it() {
        let text = "Gao Xiaosong and Song Ke, 2015: the gang of GAO. ".repeat(5);
        for (pattern, fold) in [("gao", true), ("Gao", false), ("s .", true), ("ke", true)] {
            let mut masks = Masks::default();
            assert!(masks.build_if_plain(text.as_bytes(), pattern.as_bytes(), fold));
            let scan = Scan {
                text: text.as_bytes(),
                pattern: pattern.as_bytes(),
                fold_text: fold,
            };
            for row in 0..pattern.len() {
                for from in 0..=text.len() + 1 {
                    assert_eq!(
                        masks.next(row, from),
                        scan.next(row, from),
                        "{pattern} {row} {from}"
                    );
                }
            }
        }
    }
}
