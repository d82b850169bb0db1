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
        // Common scripts with nothing invisible in them: CJK ideographs, Hangul syllables.
        '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7a3}' => false,
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
#[must_use]
pub fn is_clean(text: &str) -> bool {
    if text.is_ascii() {
        // Only controls are unsafe in ASCII: a test the compiler vectorises.
        !text.bytes().any(|b| b < b' ' || b == 0x7f)
    } else {
        !text.chars().any(is_unsafe)
    }
}

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
    fn truncates_by_display_width() {
        assert_eq!(truncate("高晓松 chairman", 7), "高晓松…");
        assert_eq!(width(&truncate("高晓松", 4)), 3);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abc", 0), "");
    }
}
