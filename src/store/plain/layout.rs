//! Where the events list and each event sit in a plain store's text, found in one pass over its
//! bytes (a string is skipped with one search for its closing quote), for the
//! [parallel parse](super::super::split). It follows the same shape as the split's token scan and
//! gives the same answer, or `None` for anything outside the plain subset (a number, a raw string,
//! a character, an escape `ron` does not know, brackets nested deeper than allowed), and the token
//! scan then decides.

use std::ops::Range;

use super::{IMPLICIT_SOME, Reader, Result, Unsure};

/// How a byte outside strings and comments is read inside a bracketed group.
#[derive(Clone, Copy)]
enum Class {
    Space,
    Open,
    Close,
    Quote,
    Slash,
    /// The first byte of an ASCII name.
    Name,
    /// `,` or `:`.
    Punct,
    /// The first byte of a non-ASCII character: whitespace to `ron`, or not plain.
    High,
    /// Anything else: not plain (a digit, `#`, `'`, `.`, …).
    Other,
}

const CLASSES: [Class; 256] = {
    let mut classes = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Class::Space,
            b'(' | b'[' | b'{' => Class::Open,
            b')' | b']' | b'}' => Class::Close,
            b'"' => Class::Quote,
            b'/' => Class::Slash,
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => Class::Name,
            b',' | b':' => Class::Punct,
            0x80.. => Class::High,
            _ => Class::Other,
        };
        b += 1;
    }
    classes
};

/// The events list of the store `text`: where its `[` and `]` are and the byte range of each
/// item in it; `None` when the text is not a plain store or brackets nest deeper than
/// `max_depth` (counting the store's own parentheses).
pub fn events(text: &str, max_depth: usize) -> Option<(usize, usize, Vec<Range<usize>>)> {
    let mut reader = Reader {
        text,
        pos: 0,
        implicit_some: true,
        depth: 0,
    };
    reader.store(max_depth).ok()
}

/// Where the `[` of the events list of the store `text` is, found by scanning only the fields
/// before it; `None` as for [`events`].
pub fn events_open(text: &str, max_depth: usize) -> Option<usize> {
    let mut reader = Reader {
        text,
        pos: 0,
        implicit_some: true,
        depth: 0,
    };
    reader.skip_to_events(max_depth).ok()?;
    (reader.peek() == Some(b'[')).then_some(reader.pos)
}

impl Reader<'_> {
    fn store(&mut self, max_depth: usize) -> Result<(usize, usize, Vec<Range<usize>>)> {
        self.skip_to_events(max_depth)?;
        let events = self.list(max_depth)?;
        self.after_events(max_depth)?;
        Ok(events)
    }

    /// Skips to the value of the store's `events` field, over the fields before it.
    fn skip_to_events(&mut self, max_depth: usize) -> Result<()> {
        self.skip_ws()?;
        while self.peek() == Some(b'#') {
            self.eat_str(IMPLICIT_SOME)?;
            self.skip_ws()?;
        }
        if self.peek() != Some(b'(') {
            self.ident()?;
            self.skip_ws()?;
        }
        self.eat(b'(')?;
        loop {
            self.skip_ws()?;
            let field = self.ident()?;
            self.skip_ws()?;
            self.eat(b':')?;
            self.skip_ws()?;
            if field == "events" {
                return Ok(());
            }
            self.skip_value(1, max_depth)?;
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                _ => return Err(Unsure),
            }
        }
    }

    /// Skips the fields after the events list (none of them another `events`) and checks that
    /// only whitespace and comments follow the store.
    fn after_events(&mut self, max_depth: usize) -> Result<()> {
        loop {
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => {}
                _ => return Err(Unsure),
            }
            self.skip_ws()?;
            if self.peek() == Some(b')') {
                self.pos += 1;
                break;
            }
            let field = self.ident()?;
            self.skip_ws()?;
            self.eat(b':')?;
            self.skip_ws()?;
            if field == "events" {
                return Err(Unsure);
            }
            self.skip_value(1, max_depth)?;
        }
        self.skip_ws()?;
        if self.pos == self.text.len() {
            Ok(())
        } else {
            Err(Unsure)
        }
    }

    /// The list at the cursor: its `[`, its `]` and its items.
    fn list(&mut self, max_depth: usize) -> Result<(usize, usize, Vec<Range<usize>>)> {
        let open = self.pos;
        self.eat(b'[')?;
        let mut items = Vec::new();
        loop {
            self.skip_ws()?;
            if self.peek() == Some(b']') {
                break;
            }
            let start = self.pos;
            self.skip_value(2, max_depth)?;
            items.push(start..self.pos);
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => break,
                _ => return Err(Unsure),
            }
        }
        let close = self.pos;
        self.pos += 1;
        Ok((open, close, items))
    }

    /// Skips one value at nesting `depth`: a string, a bracketed group, or a name with an
    /// optional group after it (the cursor stays right after a name without one).
    fn skip_value(&mut self, depth: usize, max_depth: usize) -> Result<()> {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'(' | b'[' | b'{') => self.skip_group(depth, max_depth),
            Some(_) => {
                self.ident()?;
                let end = self.pos;
                self.skip_ws()?;
                if self.peek() == Some(b'(') {
                    self.skip_group(depth, max_depth)
                } else {
                    self.pos = end;
                    Ok(())
                }
            }
            None => Err(Unsure),
        }
    }

    /// Skips a bracketed group from its opening bracket (bracket kinds are not matched: the
    /// parse checks them).
    fn skip_group(&mut self, depth: usize, max_depth: usize) -> Result<()> {
        let bytes = self.text.as_bytes();
        let mut inside = 0usize;
        while let Some(&b) = bytes.get(self.pos) {
            match CLASSES[usize::from(b)] {
                Class::Space | Class::Punct => self.pos += 1,
                Class::Open => {
                    inside += 1;
                    if depth + inside > max_depth {
                        return Err(Unsure);
                    }
                    self.pos += 1;
                }
                Class::Close => {
                    inside = inside.checked_sub(1).ok_or(Unsure)?;
                    self.pos += 1;
                    if inside == 0 {
                        return Ok(());
                    }
                }
                Class::Quote => self.skip_string()?,
                Class::Slash => self.skip_comment()?,
                Class::Name => {
                    self.ident()?;
                }
                Class::High => {
                    let at = self.pos;
                    self.skip_ws()?;
                    if self.pos == at {
                        return Err(Unsure);
                    }
                }
                Class::Other => return Err(Unsure),
            }
        }
        Err(Unsure)
    }

    /// Skips a `"…"` string from its opening quote, each `\` with the byte after it (which must
    /// start an escape `ron` knows).
    fn skip_string(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        self.pos += 1;
        loop {
            let at = memchr::memchr2(b'"', b'\\', &bytes[self.pos..]).ok_or(Unsure)?;
            self.pos += at + 1;
            if bytes[self.pos - 1] == b'"' {
                return Ok(());
            }
            match bytes.get(self.pos) {
                Some(
                    b'"' | b'\\' | b'\'' | b'n' | b'r' | b't' | b'0' | b'x' | b'u' | b'\n' | b'\r',
                ) => {
                    self.pos += 1;
                }
                _ => return Err(Unsure),
            }
        }
    }
}
