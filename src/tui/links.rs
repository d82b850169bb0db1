//! Opening and copying what the selection cites (`o`, `y`): the sources of an event that have an
//! address, the check that only an http(s) address is ever opened, the citation copied, and the
//! terminal's clipboard sequence (OSC 52) that carries it. Pure: the run loop does the opening
//! ([`crate::tui::browser`]) and writes the sequence.

use crate::export::escape;
use crate::store::model::Event;
use crate::text;
use crate::timeline::Timeline;

/// A source of an event that has an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLink {
    /// The source cited in one line (`Reuters, "Title" (2015-07-15)`), safe to show.
    pub label: String,
    /// Its address, as the store gives it.
    pub url: String,
}

/// The list shown by `o` when the selected event has several sources with addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePicker {
    /// The sources, in the event's order.
    pub links: Vec<SourceLink>,
    /// The highlighted one.
    pub selected: usize,
}

/// The sources of `event` that have an address, in the event's order.
#[must_use]
pub fn source_links(timeline: &Timeline, event: &Event) -> Vec<SourceLink> {
    event
        .sources
        .iter()
        .filter_map(|id| timeline.source(id))
        .filter_map(|source| {
            Some(SourceLink {
                label: text::sanitize(&source.citation()),
                url: source.url.clone()?,
            })
        })
        .collect()
}

/// The address to hand to a browser for `url`: only an `http:` or `https:` URL, with spaces,
/// quotes, brackets, controls and non-ASCII characters percent-encoded (so it is one printable
/// word). Anything else is refused with a one-line reason.
///
/// # Errors
/// The reason, when `url` is not an http(s) address.
pub fn web_address(url: &str) -> Result<String, String> {
    let href = escape::link(url).ok_or_else(|| {
        format!(
            "not opened: {} is not an http(s) address",
            text::truncate(&text::sanitize(url), 40)
        )
    })?;
    let has_host = href
        .split_once("://")
        .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
    if has_host {
        Ok(href)
    } else {
        Err(format!("not opened: {href} names no site"))
    }
}

/// The citation `y` copies: the event's title, date and sources as one line of Markdown, with no
/// control character (see [`crate::export::md::cite`]).
#[must_use]
pub fn citation(timeline: &Timeline, event: &Event) -> String {
    text::sanitize(&crate::export::md::cite(timeline, event))
}

/// The sequence that asks the terminal to put `text` on the system clipboard: OSC 52 with the
/// text in base64, ended by BEL (understood by xterm, kitty, WezTerm, iTerm2, Windows Terminal,
/// foot, Alacritty, and by tmux with `set-clipboard on`; over SSH it reaches the local terminal).
#[must_use]
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_addresses_with_a_site_are_opened_and_as_one_printable_word() {
        assert_eq!(
            web_address("https://example.com/a b\"c"),
            Ok("https://example.com/a%20b%22c".to_string())
        );
        assert_eq!(
            web_address(" HTTP://example.com/;$(id)"),
            Ok("HTTP://example.com/;$(id)".to_string())
        );
        for refused in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "http:///x",
            "ftp://x",
        ] {
            assert!(web_address(refused).is_err(), "{refused}");
        }
        let message = web_address("javascript:alert(1)").unwrap_err();
        assert!(message.contains("not an http(s) address"), "{message}");
    }

    #[test]
    fn the_clipboard_sequence_is_osc_52_in_base64() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
