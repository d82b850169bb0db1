//! Parsing a large store on several threads.
//!
//! A quick scan over the tokens of the store's [lexer](super::lex) finds the `events` list and
//! where each event starts and ends, and checks the bracket nesting against [`MAX_DEPTH`] on the
//! way (so no parser recurses deeper). The rest of the store is parsed with an empty `events: []`,
//! and the events are parsed one by one, in contiguous shares, one share per thread. The scan
//! follows all of RON's tokens under a lone `#![enable(implicit_some)]`; another extension, a
//! shape it does not expect (a missing comma, a stray token) and any parse error make [`parse`]
//! give up, and the caller parses the whole text the usual way, which reports errors exactly as it
//! always has.
//!
//! Each part is read first by the [plain reader](super::plain), and by `ron` only when that reader
//! is not sure (any part outside the plain subset stores are written in).

use std::ops::Range;

use serde::Deserialize;

use super::lex::{Kind, Token, Tokens};
use super::load::MAX_DEPTH;
use super::model::{Event, Store};
use super::plain;

/// The only attribute the scan accepts: the one every store starts with.
const IMPLICIT_SOME: &str = "#![enable(implicit_some)]";

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
    let shares = shares(&layout.items, threads.max(1));
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
        let store = plain::from_str::<Store>(&head, options)
            .or_else(|| options.from_str::<Store>(&head).ok());
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
    if let Some(event) = plain::from_str(item, options) {
        return Some(event);
    }
    let mut de = ron::Deserializer::from_str_with_options(item, options).ok()?;
    let event = Event::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(event)
}

/// `items` cut into `n` contiguous shares of about the same number of bytes.
fn shares(items: &[Range<usize>], n: usize) -> Vec<&[Range<usize>]> {
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
            text,
            tokens: Tokens::new(text),
        };
        while let Some(hash) = scan.tokens.peek() {
            if !scan.is(hash, b'#') {
                break;
            }
            if !text[hash.start..].starts_with(IMPLICIT_SOME) {
                return None;
            }
            // `#`, `!`, `[`, `enable`, `(`, `implicit_some`, `)`, `]`
            for _ in 0..8 {
                scan.tokens.next();
            }
        }
        if scan.tokens.peek()?.kind == Kind::Word {
            scan.tokens.next();
        }
        scan.expect(b'(')?;
        // Inside `Store(`: values here start at depth 1.
        let mut layout = None;
        loop {
            if scan.tokens.eat(b')') {
                break;
            }
            let field = scan.tokens.next().filter(|t| t.kind == Kind::Word)?;
            scan.expect(b':')?;
            if &text[field.start..field.end] == "events" {
                if layout.is_some() {
                    return None;
                }
                layout = Some(scan.list()?);
            } else {
                scan.value(1)?;
            }
            if !scan.tokens.eat(b',') {
                let next = scan.tokens.peek()?;
                if !scan.is(next, b')') {
                    return None;
                }
            }
        }
        scan.tokens.next().is_none().then_some(())?;
        layout
    }
}

/// A cursor over the tokens of the text. Every method returns `None` for what it cannot follow.
struct Scan<'t> {
    text: &'t str,
    tokens: Tokens<'t>,
}

impl Scan<'_> {
    /// Whether `token` is the one-byte bracket or punctuation `byte`.
    fn is(&self, token: Token, byte: u8) -> bool {
        matches!(token.kind, Kind::Open | Kind::Close | Kind::Punct)
            && self.text.as_bytes()[token.start] == byte
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.tokens.eat(byte).then_some(())
    }

    /// Skips one value at nesting `depth`: a string, a character, a name or number with an
    /// optional bracketed group, or a group.
    fn value(&mut self, depth: usize) -> Option<()> {
        match self.tokens.peek()?.kind {
            Kind::Str | Kind::Char => {
                self.tokens.next();
                Some(())
            }
            Kind::Open => self.group(depth),
            Kind::Word => {
                self.tokens.next();
                match self.tokens.peek() {
                    Some(t) if self.is(t, b'(') => self.group(depth),
                    _ => Some(()),
                }
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
            match self.tokens.next()?.kind {
                Kind::Open => {
                    inside += 1;
                    if depth + inside > MAX_DEPTH {
                        return None;
                    }
                }
                Kind::Close => {
                    inside = inside.checked_sub(1)?;
                    if inside == 0 {
                        return Some(());
                    }
                }
                Kind::Unclosed(_) => return None,
                _ => {}
            }
        }
    }

    /// Scans the events list from its `[`: each item must be one value followed by `,` or `]`.
    fn list(&mut self) -> Option<Layout> {
        let list_open = self.tokens.peek()?.start;
        self.expect(b'[')?;
        let mut items = Vec::new();
        let list_close = loop {
            let next = self.tokens.peek()?;
            if self.is(next, b']') {
                break next.start;
            }
            self.value(2)?;
            items.push(next.start..self.tokens.last_end());
            if !self.tokens.eat(b',') {
                let next = self.tokens.peek()?;
                if !self.is(next, b']') {
                    return None;
                }
                break next.start;
            }
        };
        self.tokens.next();
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
    fn follows_comments_raw_strings_and_characters() {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        for text in [
            STORE.replace("kind: deal", "kind: deal /* ( [ \" /* nested ) */ ' */"),
            STORE.replace("\"t ] ) \\\" (\"", "r#\"say \"(((\" ] )\"#"),
            STORE.replace("\"u\"", "r\"(\""),
            STORE.replace("[\"s\"]),\n", "[\"s\"]), // '(' \"\n"),
            STORE.replace("Store(", "Store( /* '(' */"),
        ] {
            let whole: Store = options.from_str(&text).unwrap();
            assert_eq!(parse(&text, &options, 2), Some(whole), "{text}");
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_follow() {
        let options = ron::Options::default();
        for text in [
            STORE.replace("#![enable(implicit_some)]", "#![enable(unwrap_newtypes)]"),
            STORE.replace("[\"s\"]),\n", "[\"s\"])\n"),
            STORE.replace("kind: deal", "kind: 'd'"),
            STORE.replace("events: [", "events: [[], "),
            STORE.replace("events: [", "events: [ , "),
            format!("{STORE} trailing"),
            format!("{STORE} \"open"),
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
            let shares = shares(&items, n);
            assert_eq!(shares.len(), n);
            let joined: Vec<Range<usize>> = shares.concat();
            assert_eq!(joined, items);
        }
    }
}
