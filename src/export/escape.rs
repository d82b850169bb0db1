//! Escaping shared by the writers: hidden characters made visible, HTML text, safe link targets,
//! and JSON that shows no raw invisible character.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::text::is_unsafe;

/// Whether `c` is a control, bidi or invisible character that documents show as a code
/// (line feeds and tabs are ordinary text).
fn is_hidden(c: char) -> bool {
    c != '\n' && c != '\t' && is_unsafe(c)
}

/// `text` with CR LF and lone CR turned into LF, and every other control, bidi or zero-width
/// character shown as `<U+XXXX>`, so that a document keeps the information but nothing in it
/// can move a cursor, recolour a terminal or reorder what a reader sees.
#[must_use]
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\r' || is_hidden(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            c if is_hidden(c) => {
                let _ = write!(out, "<U+{:04X}>", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` made visible (see [`visible`]) and on one line: line breaks become spaces.
#[must_use]
pub fn one_line(text: &str) -> String {
    visible(text)
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` made visible, then escaped for HTML text or a quoted attribute value.
#[must_use]
pub fn html(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A URL safe to put in a link: only `http:` and `https:` URLs (anything else, such as
/// `javascript:`, gets no link), with spaces, quotes, brackets, controls and non-ASCII characters
/// percent-encoded so the result is plain printable ASCII.
#[must_use]
pub fn link(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic()
            && !matches!(
                c,
                '"' | '\'' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'
            )
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    Some(out)
}

/// JSON text (as serde_json writes it) with every character [`is_unsafe`] finds above ASCII's
/// controls (DEL, C1 controls, format characters such as bidi, zero-width and tag characters,
/// line and paragraph separators) written as a `\uXXXX` escape (a surrogate pair beyond U+FFFF). Such characters can only occur
/// inside JSON strings (everything outside strings is ASCII), where the escape means the same
/// character, so the data is unchanged while the file is safe to print.
#[must_use]
pub fn json_ascii_safe(json: String) -> String {
    // C0 controls (below U+0020) are escaped by serde_json inside strings and are whitespace
    // outside them, so only the characters above ASCII's controls are needed here.
    let needs = |c: char| c >= '\u{7f}' && is_unsafe(c);
    if !json.chars().any(needs) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_become_codes_and_line_breaks_stay() {
        assert_eq!(
            visible("a\u{1b}[31mb\u{202e}c\u{200b}\r\nd\re\tf"),
            "a<U+001B>[31mb<U+202E>c<U+200B>\nd\ne\tf"
        );
        assert!(matches!(visible("高晓松 plain"), Cow::Borrowed(_)));
        assert_eq!(one_line(" a \n\n b\r\nc "), "a b c");
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<script>alert('x') & \"y\"</script>\u{7}"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;&lt;U+0007&gt;"
        );
    }

    #[test]
    fn links_only_for_web_urls_and_percent_encoded() {
        assert_eq!(link("javascript:alert(1)"), None);
        assert_eq!(link(" data:text/html,x"), None);
        assert_eq!(
            link("HTTPS://a.example/天?q=<b> \"c\"\u{202e}").as_deref(),
            Some("HTTPS://a.example/%E5%A4%A9?q=%3Cb%3E%20%22c%22%E2%80%AE")
        );
    }

    #[test]
    fn json_escapes_invisible_characters_inside_strings() {
        let hidden = "a\u{202e}b\u{7f}c\u{1b}d\u{2028}e\u{e0041}f\u{ad}";
        let json = serde_json::to_string(hidden).unwrap();
        let safe = json_ascii_safe(json.clone());
        assert_eq!(
            safe,
            r#""a\u202eb\u007fc\u001bd\u2028e\udb40\udc41f\u00ad""#
        );
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, hidden);
    }
}
