//! Parsing a large store on several threads.
//!
//! A quick scan finds the `events` list and where each event starts and ends, and checks the
//! bracket nesting against [`MAX_DEPTH`] on the way (so no parser recurses deeper). The rest of the
//! store is parsed with an empty `events: []`, and the events are parsed one by one, in
//! contiguous shares, one share per thread. The scan follows only plain RON (strings, `//`
//! comments, brackets, names, numbers) under a lone `#![enable(implicit_some)]`; anything else
//! (raw strings, characters, block comments, other extensions, a missing comma) and any parse
//! error make [`parse`] give up, and the caller parses the whole text the usual way, which
//! reports errors exactly as it always has.

use std::ops::Range;

use serde::Deserialize;

use super::load::{MAX_DEPTH, quote_or_backslash};
use super::model::{Event, Store};

/// The only attribute the scan accepts: the one every store starts with.
const IMPLICIT_SOME: &[u8] = b"#![enable(implicit_some)]";

/// Parses `text` on up to `threads` threads; `None` when the scan cannot follow the text, the
/// nesting is too deep, or any part fails to parse (the caller then checks and parses the whole
/// text the usual way).
pub fn parse(text: &str, options: &ron::Options, threads: usize) -> Option<Store> {
    let layout = Layout::of(text)?;
    // The store without its events: `events: [` + `]`.
    let head = format!(
        "{}{}",
        &text[..=layout.list_open],
        &text[layout.list_close..]
    );
    let shares = shares(text, &layout.items, threads.max(1));
    let parse_share = |items: &[Range<usize>]| -> Option<Vec<Event>> {
        items
            .iter()
            .map(|range| event(&text[range.clone()], options))
            .collect()
    };
    let (store, events) = std::thread::scope(|scope| {
        let workers: Vec<_> = shares[1..]
            .iter()
            .map(|share| scope.spawn(move || parse_share(share)))
            .collect();
        let store = options.from_str::<Store>(&head).ok();
        let mut events = parse_share(shares[0]);
        for worker in workers {
            let more = worker.join().ok().flatten();
            events = events.zip(more).map(|(mut all, more)| {
                all.extend(more);
                all
            });
        }
        (store, events)
    });
    let mut store = store?;
    if !store.events.is_empty() {
        return None;
    }
    store.events = events?;
    Some(store)
}

/// One event from its own text, which must hold nothing else.
fn event(item: &str, options: &ron::Options) -> Option<Event> {
    let mut de = ron::Deserializer::from_str_with_options(item, options).ok()?;
    let event = Event::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(event)
}

/// `items` cut into `n` contiguous shares of about the same number of bytes.
fn shares<'a>(text: &str, items: &'a [Range<usize>], n: usize) -> Vec<&'a [Range<usize>]> {
    let total: usize = items.iter().map(|r| r.len()).sum();
    let mut shares = Vec::with_capacity(n);
    let (mut start, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        bytes += item.len();
        if bytes * n >= total * (shares.len() + 1) && shares.len() + 1 < n {
            shares.push(&items[start..=i]);
            start = i + 1;
        }
    }
    shares.push(&items[start..]);
    debug_assert!(text.len() >= total);
    shares
}

/// Where the events list and each event sit in the text (byte offsets).
#[derive(Debug, PartialEq)]
struct Layout {
    /// The `[` opening the events list.
    list_open: usize,
    /// The `]` closing it.
    list_close: usize,
    /// Each event, from its first byte to its last (`Event( … )`).
    items: Vec<Range<usize>>,
}

impl Layout {
    /// Scans `text`; `None` when it holds anything the scan does not follow.
    fn of(text: &str) -> Option<Layout> {
        let mut scan = Scan {
            bytes: text.as_bytes(),
            at: 0,
        };
        scan.trivia()?;
        while scan.peek() == Some(b'#') {
            if !scan.bytes[scan.at..].starts_with(IMPLICIT_SOME) {
                return None;
            }
            scan.at += IMPLICIT_SOME.len();
            scan.trivia()?;
        }
        if scan.peek().is_some_and(is_name_byte) {
            scan.name();
            scan.trivia()?;
        }
        scan.expect(b'(')?;
        // Inside `Store(`: values here start at depth 1.
        let mut layout = None;
        loop {
            scan.trivia()?;
            if scan.peek() == Some(b')') {
                scan.at += 1;
                break;
            }
            let field = scan.name();
            scan.trivia()?;
            scan.expect(b':')?;
            scan.trivia()?;
            if field == b"events" {
                if layout.is_some() {
                    return None;
                }
                layout = Some(scan.list()?);
            } else {
                scan.value(1)?;
            }
            scan.trivia()?;
            match scan.peek()? {
                b',' => scan.at += 1,
                b')' => {}
                _ => return None,
            }
        }
        scan.trivia()?;
        (scan.at == scan.bytes.len()).then_some(())?;
        layout
    }
}

/// Whether `b` can be part of a name (ASCII letters, digits, `_`).
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Bytes a group can hold that matter to nothing but the parser: all but brackets, quotes and `/`.
const PLAIN: [bool; 256] = {
    let mut plain = [true; 256];
    let special = *b"\"'()[]{}/";
    let mut i = 0;
    while i < special.len() {
        plain[special[i] as usize] = false;
        i += 1;
    }
    plain
};

/// A cursor over the bytes of the text. Every method returns `None` for what it cannot follow.
struct Scan<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl<'t> Scan<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Skips whitespace and `//` comments; a block comment is not followed.
    fn trivia(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.at += 1,
                Some(b'/') => match self.bytes.get(self.at + 1) {
                    Some(b'/') => {
                        let rest = &self.bytes[self.at..];
                        self.at += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    }
                    _ => return None,
                },
                _ => return Some(()),
            }
        }
    }

    fn name(&mut self) -> &'t [u8] {
        let start = self.at;
        while self.peek().is_some_and(is_name_byte) {
            self.at += 1;
        }
        &self.bytes[start..self.at]
    }

    /// Skips a string from its opening quote to just past its closing one.
    fn string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            self.at += quote_or_backslash(self.bytes.get(self.at..)?)?;
            if self.bytes[self.at] == b'"' {
                self.at += 1;
                return Some(());
            }
            self.at += 2;
        }
    }

    /// Skips one value at nesting `depth`: a string, a name with an optional bracketed group, a
    /// group, a number.
    fn value(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => self.string(),
            b'r' if matches!(self.bytes.get(self.at + 1), Some(b'"' | b'#')) => None,
            b'(' | b'[' | b'{' => self.group(depth),
            b if is_name_byte(b) => {
                self.name();
                if self.peek() == Some(b'"') {
                    return None; // byte strings are not followed
                }
                let before = self.at;
                self.trivia()?;
                if self.peek() == Some(b'(') {
                    self.group(depth)
                } else {
                    self.at = before;
                    Some(())
                }
            }
            b'-' | b'+' | b'.' => {
                self.at += 1;
                self.name();
                Some(())
            }
            _ => None,
        }
    }

    /// Skips a bracketed group opened at nesting `depth` and everything in it, giving up when
    /// brackets nest deeper than [`MAX_DEPTH`] (bracket kinds are not matched: the parser checks
    /// that, and any mistake makes the parallel parse fail and fall back).
    fn group(&mut self, depth: usize) -> Option<()> {
        let mut inside = 0usize;
        loop {
            while self
                .bytes
                .get(self.at)
                .is_some_and(|&b| PLAIN[usize::from(b)])
            {
                self.at += 1;
            }
            match self.peek()? {
                b'(' | b'[' | b'{' => {
                    inside += 1;
                    if depth + inside > MAX_DEPTH {
                        return None;
                    }
                    self.at += 1;
                }
                b')' | b']' | b'}' => {
                    self.at += 1;
                    inside = inside.checked_sub(1)?;
                    if inside == 0 {
                        return Some(());
                    }
                }
                b'"' => {
                    // `r"`, `r#"` (raw) and `b"` (bytes) are not followed.
                    let before = self.at.checked_sub(1).map(|i| self.bytes[i]);
                    if matches!(before, Some(b'r' | b'#' | b'b')) {
                        return None;
                    }
                    self.string()?;
                }
                b'/' if self.bytes.get(self.at + 1) == Some(&b'/') => self.trivia()?,
                _ => return None, // `'`, or `/` opening a block comment
            }
        }
    }

    /// Scans the events list from its `[`: each item must be one value followed by `,` or `]`.
    fn list(&mut self) -> Option<Layout> {
        let list_open = self.at;
        self.expect(b'[')?;
        let mut items = Vec::new();
        loop {
            self.trivia()?;
            if self.peek()? == b']' {
                break;
            }
            let start = self.at;
            self.value(2)?;
            items.push(start..self.at);
            self.trivia()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => break,
                _ => return None,
            }
        }
        let list_close = self.at;
        self.at += 1;
        Some(Layout {
            list_open,
            list_close,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORE: &str = "#![enable(implicit_some)]\n// a comment ( [ \"\nStore(\n  people: [],\n  events: [\n    Event(id: \"a\", date: \"2015\", title: \"t ] ) \\\" (\", summary: \"\", kind: deal, sources: [\"s\"]),\n    Event(id: \"b\", date: \"2016-01\", title: \"u\", summary: \"\", kind: launch, sources: [\"s\"], note: \"x\"), // done\n  ],\n  sources: [Source(id: \"s\", seed: \"001\")],\n)\n";

    #[test]
    fn finds_each_event_and_the_list_around_them() {
        let layout = Layout::of(STORE).unwrap();
        assert_eq!(&STORE[layout.list_open..=layout.list_open], "[");
        assert_eq!(&STORE[layout.list_close..=layout.list_close], "]");
        let items: Vec<&str> = layout.items.iter().map(|r| &STORE[r.clone()]).collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].starts_with("Event(id: \"a\"") && items[0].ends_with("[\"s\"])"));
        assert!(items[1].starts_with("Event(id: \"b\"") && items[1].ends_with("note: \"x\")"));
    }

    #[test]
    fn parses_to_the_same_store_as_one_pass() {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let whole: Store = options.from_str(STORE).unwrap();
        for threads in 1..4 {
            assert_eq!(parse(STORE, &options, threads), Some(whole.clone()));
        }
    }

    #[test]
    fn many_events_in_shares_keep_their_order() {
        let events: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "    Event(\n      id: \"e{i}\",\n      date: \"~20{:02}-0{}\",\n      title: \"高晓松 \\\"{i}\\\" ]\",\n      summary: \"{}\",\n      kind: launch,\n      tags: [\"t{}\"],\n      sources: [\"s\"],\n      effects: [Found(unit: \"u{i}\", parent: \"p\")],\n    ),\n",
                    i % 30,
                    1 + i % 9,
                    "x".repeat(i % 17),
                    i % 4
                )
            })
            .collect();
        let text = format!(
            "#![enable(implicit_some)]\nStore(\n  events: [\n{}  ],\n  people: [Person(id: \"p\", name: \"P\")],\n)\n",
            events.concat()
        );
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let whole: Store = options.from_str(&text).unwrap();
        assert_eq!(whole.events.len(), 300);
        for threads in [2, 3, 4] {
            assert_eq!(parse(&text, &options, threads).as_ref(), Some(&whole));
        }
        // A bad event anywhere makes the parallel parse give up (the caller then reports it).
        let bad = text.replace("id: \"e250\",", "id: \"e250\", kind: deal,");
        assert!(options.from_str::<Store>(&bad).is_err());
        assert_eq!(parse(&bad, &options, 2), None);
    }

    #[test]
    fn gives_up_on_what_it_does_not_follow() {
        let options = ron::Options::default();
        for text in [
            STORE.replace("kind: deal", "kind: deal /* x */"),
            STORE.replace("\"t ]", "r\"t ]"),
            STORE.replace("#![enable(implicit_some)]", "#![enable(unwrap_newtypes)]"),
            STORE.replace("[\"s\"]),\n", "[\"s\"])\n"),
            STORE.replace("kind: deal", "kind: 'd'"),
            STORE.replace("events: [", "events: [[], "),
            format!("{STORE} trailing"),
            STORE.replace("  people: [],\n", "  events: [],\n"),
            STORE.replace(
                "sources: [\"s\"]),\n",
                &format!(
                    "sources: [\"s\"], tags: {}{}),\n",
                    "[".repeat(70),
                    "]".repeat(70)
                ),
            ),
        ] {
            assert_eq!(parse(&text, &options, 2), None, "{text}");
        }
    }

    #[test]
    fn shares_are_contiguous_and_cover_every_item() {
        let items: Vec<Range<usize>> = (0..10).map(|i| i * 10..i * 10 + 9).collect();
        for n in 1..5 {
            let shares = shares(&"x".repeat(100), &items, n);
            assert_eq!(shares.len(), n);
            let joined: Vec<Range<usize>> = shares.concat();
            assert_eq!(joined, items);
        }
    }
}
