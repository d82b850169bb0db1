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
    /// Words per pattern byte.
    words: usize,
    /// The text's length in bytes.
    len: usize,
    /// `words` words for each pattern byte, in pattern order.
    bits: Vec<u64>,
    /// Each pattern byte, and the bit that folding sets in the text before comparing with it.
    wanted: Vec<(u8x16, u8x16)>,
}

impl Masks {
    /// Marks where each byte of `pattern` occurs in `text` (`b` and `b`'s other case when
    /// `fold_text` and `b` is a lowercase letter, as [`super::byte_eq`] compares); returns
    /// whether `text` is plain: printable ASCII (`' '` to `'~'`) only.
    pub(super) fn build(&mut self, text: &[u8], pattern: &[u8], fold_text: bool) -> bool {
        self.words = text.len().div_ceil(WORD);
        self.len = text.len();
        self.bits.clear();
        self.bits.resize(self.words * pattern.len(), 0);
        let (lowest, highest) = (u8x16::splat(b' '), u8x16::splat(b'~'));
        let mut plain = u8x16::splat(u8::MAX);
        self.wanted.clear();
        self.wanted.extend(pattern.iter().map(|&p| {
            let set = if fold_text && p.is_ascii_lowercase() {
                0x20
            } else {
                0
            };
            (u8x16::splat(p), u8x16::splat(set))
        }));
        for word in 0..self.words {
            let start = word * WORD;
            let block = &text[start..text.len().min(start + WORD)];
            // A short last block is padded with a plain byte, never marked (see `valid`).
            let mut padded = [b' '; WORD];
            let block: &[u8; WORD] = block.try_into().unwrap_or_else(|_| {
                padded[..block.len()].copy_from_slice(block);
                &padded
            });
            let valid = u64::MAX >> (WORD - (text.len() - start).min(WORD));
            let quarters: &[[u8; LANES]; WORD / LANES] = bytemuck::cast_ref(block);
            let lanes = quarters.map(u8x16::new);
            for lane in lanes {
                plain &= lane.max(lowest).simd_eq(lane) & lane.min(highest).simd_eq(lane);
            }
            for (row, &(byte, set)) in self.wanted.iter().enumerate() {
                let mut found = 0;
                for (quarter, lane) in lanes.iter().enumerate() {
                    let equal = (*lane | set).simd_eq(byte).to_bitmask();
                    found |= u64::from(equal) << (quarter * LANES);
                }
                self.bits[row * self.words + word] = found & valid;
            }
        }
        plain.to_bitmask() == 0xffff
    }
}

impl Occurrences for Masks {
    fn next(&self, row: usize, from: usize) -> Option<usize> {
        if from >= self.len {
            return None;
        }
        let row_bits = &self.bits[row * self.words..(row + 1) * self.words];
        let mut word = from / WORD;
        let mut bits = row_bits[word] & (u64::MAX << (from % WORD));
        loop {
            if bits != 0 {
                return Some(word * WORD + bits.trailing_zeros() as usize);
            }
            word += 1;
            bits = *row_bits.get(word)?;
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
            assert_eq!(masks.build(text.as_bytes(), b"g", true), plain, "{text:?}");
        }
    }
    use crate::query::fuzzy::score::{Occurrences, Scan};

    #[test]
    fn every_occurrence_is_found_as_a_scan_finds_it() {
        let text = "Gao Xiaosong and Song Ke, 2015: the gang of GAO. ".repeat(5);
        for (pattern, fold) in [("gao", true), ("Gao", false), ("s .", true), ("ke", true)] {
            let mut masks = Masks::default();
            assert!(masks.build(text.as_bytes(), pattern.as_bytes(), fold));
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
