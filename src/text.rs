//! Text made safe and tidy for a terminal: controls, format characters (bidi, zero-width, tags)
//! and other invisible characters removed, widths measured.

use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether `c` must never reach a terminal: controls (general category Cc: ESC starts escape
/// sequences), every format character (Cf: bidi marks, overrides and isolates, zero-width
/// characters, the soft hyphen, tag characters that can smuggle hidden text, interlinear
/// annotations, invisible operators), the line and paragraph separators (U+2028, U+2029), the
/// combining grapheme joiner (U+034F) and the Hangul fillers, which show as nothing.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    match c {
        ' '..='~' => false,
        '\0'..='\u{ac}' => c.is_control(),
        // Common text with nothing invisible in it: Latin-1 letters, dashes, quotes and other
        // punctuation, CJK ideographs, Hangul syllables.
        '\u{ae}'..='\u{ff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205f}'
        | '\u{3400}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7a3}' => false,
        '\u{034f}' | '\u{115f}' | '\u{1160}' | '\u{2028}' | '\u{2029}' | '\u{3164}'
        | '\u{ffa0}' => true,
        // Tags, assigned or not: the whole block is invisible.
        '\u{e0000}'..='\u{e007f}' => true,
        c => get_general_category(c) == GeneralCategory::Format,
    }
}

/// `text` with every unsafe character removed, except that line breaks and tabs become spaces.
#[must_use]
pub fn sanitize(text: &str) -> String {
    let mut out = String::new();
    sanitize_into(text, &mut out);
    out
}

/// Whether `text` has no unsafe character (nor line break or tab): [`sanitize`] keeps it as it is.
///
/// Searching asks this of the texts it scores, so it reads 32 bytes at a time with a test the
/// compiler vectorises, and looks closer only at a block holding a control or a non-ASCII byte,
/// decoding only the characters whose first byte can start an unsafe one ([`SUSPECT`]).
#[must_use]
pub fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let clean_at = |at: usize| {
        let b = bytes[at];
        !SUSPECT[usize::from(b)]
            || (b >= 0x80
                && !text
                    .get(at..)
                    .and_then(|s| s.chars().next())
                    .is_some_and(is_unsafe))
    };
    let mut at = 0;
    for block in bytes.chunks(32) {
        let odd = block.iter().fold(false, |odd, &b| {
            odd | (b < b' ') | (b == 0x7f) | (b >= 0x80)
        });
        if odd && !(at..at + block.len()).all(clean_at) {
            return false;
        }
        at += block.len();
    }
    true
}

/// The bytes that can start an unsafe character in UTF-8: ASCII controls, and the lead bytes of
/// the blocks that hold the others (C1 controls and the soft hyphen, U+034F, Arabic and Syriac
/// format characters, Hangul and Mongolian fillers and separators, general punctuation, the
/// specials, and the planes of tags and musical and other format characters).
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let leads = [
        0x7f, 0xc2, 0xcd, 0xd8, 0xdb, 0xdc, 0xdd, 0xe0, 0xe1, 0xe2, 0xe3, 0xef, 0xf0, 0xf3,
    ];
    let mut i = 0;
    while i < leads.len() {
        table[leads[i]] = true;
        i += 1;
    }
    table
};

/// Writes `text` as [`sanitize`] returns it into `out` (cleared first).
pub fn sanitize_into(text: &str, out: &mut String) {
    out.clear();
    if is_clean(text) {
        out.push_str(text);
        return;
    }
    out.extend(text.chars().filter_map(|c| match c {
        '\n' | '\r' | '\t' => Some(' '),
        c if is_unsafe(c) => None,
        c => Some(c),
    }));
}

/// Display width of `text` in terminal columns (CJK characters count two).
#[must_use]
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
#[must_use]
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escapes_bidi_and_zero_width() {
        let hostile = "Gao\u{1b}[31m Xiao\u{202E}song\u{200B}\u{7}\u{9b}2J";
        assert_eq!(sanitize(hostile), "Gao[31m Xiaosong2J");
        assert_eq!(sanitize("line\nbreak"), "line break");
        assert_eq!(sanitize("高晓松"), "高晓松");
    }

    #[test]
    fn every_unsafe_character_starts_with_a_suspect_byte() {
        for c in (0..=0x10_ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe(c))
        {
            let first = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            assert!(SUSPECT[usize::from(first)], "U+{:04X}", u32::from(c));
            // At every offset of an eight-byte word, between ASCII and other text.
            for pad in 0..9 {
                let text = format!("{}{c}高", "x".repeat(pad));
                assert!(!is_clean(&text), "U+{:04X} after {pad}", u32::from(c));
            }
        }
        for clean in [
            "",
            "plain ASCII text, quite long",
            "高晓松 — “quoted” … é ü",
            "~!@",
        ] {
            assert!(is_clean(clean), "{clean}");
        }
        for pad in 0..9 {
            for control in ['\n', '\u{7f}', '\0', '\u{1f}'] {
                assert!(!is_clean(&format!("{}{control}abc", "x".repeat(pad))));
            }
        }
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("高晓松 chairman", 7), "高晓松…");
        assert_eq!(width(&truncate("高晓松", 4)), 3);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abc", 0), "");
    }
}
