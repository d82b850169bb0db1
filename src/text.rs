//! Text made safe and tidy for a terminal: control and bidi characters removed, widths measured.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether `c` must never reach a terminal: C0/C1 controls (ESC starts escape sequences), bidi
/// overrides and isolates, zero-width and other invisible format characters.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}' // zero-width no-break space
            | '\u{061C}' // Arabic letter mark
        )
}

/// `text` with every unsafe character removed, except that line breaks and tabs become spaces.
#[must_use]
pub fn sanitize(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_string();
    }
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
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
