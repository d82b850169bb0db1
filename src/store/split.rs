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
//! A store written in the plain subset is first parsed [without the scan](speculate): each thread
//! starts at a guessed event and the guesses are proven by where the shares before them stop.
//! Otherwise it is scanned faster, in one pass over its bytes, by the
//! [plain scan](super::plain::layout) (which gives the same layout), or by the token scan. Each
//! part is read first by the [plain reader](super::plain), and by `ron` only when that reader is
//! not sure (any part outside the plain subset stores are written in).

use std::ops::Range;

use serde::Deserialize;

use super::lex::{Kind, Token, Tokens};
use super::load::MAX_DEPTH;
use super::model::{Event, Store};
use super::plain;

mod speculate;

/// The only attribute the scan accepts: the one every store starts with.
const IMPLICIT_SOME: &str = "#![enable(implicit_some)]";

/// Parses `text` on up to `threads` threads; `None` when the scan cannot follow the text, the
/// nesting is too deep, or any part fails to parse (the caller then checks and parses the whole
/// text the usual way).
pub fn parse(text: &str, options: &ron::Options, threads: usize) -> Option<Store> {
    if let Some(store) = speculate::parse(text, options, threads.max(1)) {
        return Some(store);
    }
    let layout = Layout::find(text)?;
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
        let store = head(text, layout.list_open, layout.list_close, options);
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
    store.events = events?;
    Some(store)
}

/// The store without its events (`events: [` + `]`, from the events list's `[` at `list_open` and
/// `]` at `list_close`); `None` when it does not parse or has events after all.
fn head(text: &str, list_open: usize, list_close: usize, options: &ron::Options) -> Option<Store> {
    let head = format!("{}{}", &text[..=list_open], &text[list_close..]);
    plain::from_str::<Store>(&head, options)
        .or_else(|| options.from_str::<Store>(&head).ok())
        .filter(|store| store.events.is_empty())
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
    /// The [plain scan](plain::layout) of `text` when it follows the text (any store written in
    /// the plain subset), else the token scan ([`Layout::of`]).
    fn find(text: &str) -> Option<Layout> {
        plain::layout::events(text, MAX_DEPTH)
            .map(|(list_open, list_close, items)| Layout {
                list_open,
                list_close,
                items,
            })
            .or_else(|| Layout::of(text))
    }

    /// Scans `text` token by token; `None` when it holds anything the scan does not follow.
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
mod tests;
