//! RON's lexical syntax, in one place: the depth check, the parallel split, the source locator and
//! the "file ends too early" hint all read a store through this lexer, so they agree with each
//! other and with ron on where strings, characters and comments start and end.
//!
//! It knows strings with escapes (`"…"`), raw strings (`r"…"`, `r#"…"#` with any number of `#`),
//! byte strings (`b"…"`, `br#"…"#`), characters (`'x'`, `'\n'`, `'\u{2764}'`, `b'x'`), `//` line
//! comments, nested `/* */` block comments and ron's whitespace. It works on bytes: every byte it
//! looks for is ASCII, and no byte of a multi-byte UTF-8 character is. It never fails: what it does
//! not recognise becomes a one-byte [`Kind::Punct`], and a string or block comment the text ends
//! inside becomes [`Kind::Unclosed`].

use memchr::{memchr, memchr2};

mod lines;
mod tokens;

pub use lines::{Lines, position};
pub use tokens::Tokens;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `(`, `[` or `{`.
    Open,
    /// `)`, `]` or `}`.
    Close,
    /// A string: `"…"`, `r#"…"#`, `b"…"` or `br#"…"#`.
    Str,
    /// A character `'x'` or a byte `b'x'`.
    Char,
    /// A name, raw name (`r#name`), keyword or number: a run of bytes that start nothing else.
    Word,
    /// Any other single byte: `,`, `:`, `#`, `!`, or a stray `'` or `/`.
    Punct,
    /// A string or block comment that the text ends inside; it runs to the end of the text.
    Unclosed(Unclosed),
}

/// What a text ends inside of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unclosed {
    /// A string (of any kind).
    Str,
    /// A `/* */` comment.
    Comment,
}

/// One token: its kind and its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Its first byte.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// How the lexer treats a byte outside strings and comments.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Open,
    Close,
    Quote,
    Apostrophe,
    Slash,
    Punct,
    Word,
    /// A byte of a non-ASCII character: part of a word unless the character is whitespace.
    High,
}

const CLASSES: [Class; 256] = {
    let mut classes = [Class::Word; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Class::Space,
            b'(' | b'[' | b'{' => Class::Open,
            b')' | b']' | b'}' => Class::Close,
            b'"' => Class::Quote,
            b'\'' => Class::Apostrophe,
            b'/' => Class::Slash,
            b',' | b':' | b'#' | b'!' | b';' | b'=' => Class::Punct,
            0x80.. => Class::High,
            _ => Class::Word,
        };
        b += 1;
    }
    classes
};

/// The length of the non-ASCII whitespace character ron skips (U+0085, U+200E, U+200F, U+2028,
/// U+2029) starting at `bytes[0]`, or 0.
fn wide_space(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0x85, ..] => 2,
        [0xE2, 0x80, 0x8E | 0x8F | 0xA8 | 0xA9, ..] => 3,
        _ => 0,
    }
}

/// The tokens of a RON text, with whitespace and comments skipped.
#[derive(Debug, Clone)]
pub struct Lexer<'t> {
    pub(in crate::store) bytes: &'t [u8],
    at: usize,
}

impl<'t> Lexer<'t> {
    /// A lexer at the start of `text`.
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        Lexer {
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    /// Skips whitespace and comments; `Some` with an [`Unclosed::Comment`] token when the text
    /// ends inside a block comment.
    fn skip_trivia(&mut self) -> Option<Token> {
        loop {
            let &b = self.bytes.get(self.at)?;
            match CLASSES[usize::from(b)] {
                Class::Space => self.at += 1,
                Class::High => match wide_space(&self.bytes[self.at..]) {
                    0 => return None,
                    n => self.at += n,
                },
                Class::Slash => match self.bytes.get(self.at + 1) {
                    Some(b'/') => {
                        let rest = &self.bytes[self.at..];
                        self.at += memchr(b'\n', rest).unwrap_or(rest.len());
                    }
                    Some(b'*') => {
                        let start = self.at;
                        match block_comment_end(self.bytes, start) {
                            Some(end) => self.at = end,
                            None => {
                                self.at = self.bytes.len();
                                return Some(Token {
                                    kind: Kind::Unclosed(Unclosed::Comment),
                                    start,
                                    end: self.at,
                                });
                            }
                        }
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
    }

    /// The token starting at `start` (not trivia), and where it ends.
    fn token(&self, start: usize) -> (Kind, usize) {
        let bytes = self.bytes;
        let unclosed = (Kind::Unclosed(Unclosed::Str), bytes.len());
        let string = |from: usize| string_end(bytes, from).map_or(unclosed, |end| (Kind::Str, end));
        let raw = |from: usize| match raw_string_end(bytes, from) {
            RawEnd::End(end) => Some((Kind::Str, end)),
            RawEnd::Unclosed => Some(unclosed),
            RawEnd::NotRawString => None,
        };
        match CLASSES[usize::from(bytes[start])] {
            Class::Open => (Kind::Open, start + 1),
            Class::Close => (Kind::Close, start + 1),
            Class::Quote => string(start),
            Class::Apostrophe => {
                char_end(bytes, start + 1).map_or((Kind::Punct, start + 1), |end| (Kind::Char, end))
            }
            Class::Word | Class::High => {
                let next = bytes.get(start + 1).copied();
                let prefixed = match (bytes[start], next) {
                    (b'b', Some(b'"')) => Some(string(start + 1)),
                    (b'b', Some(b'\'')) => char_end(bytes, start + 2).map(|end| (Kind::Char, end)),
                    (b'b', Some(b'r')) => raw(start + 2),
                    (b'r', Some(b'"' | b'#')) => raw(start + 1),
                    _ => None,
                };
                prefixed.unwrap_or_else(|| (Kind::Word, self.word_end(start)))
            }
            Class::Space | Class::Slash | Class::Punct => (Kind::Punct, start + 1),
        }
    }

    /// The end of the word starting at `start` (a raw name `r#name` included).
    fn word_end(&self, start: usize) -> usize {
        let bytes = self.bytes;
        let mut at = start + 1;
        if bytes[start] == b'r' && bytes.get(at) == Some(&b'#') {
            at += 1;
        }
        while let Some(&b) = bytes.get(at) {
            match CLASSES[usize::from(b)] {
                Class::Word => at += 1,
                Class::High if wide_space(&bytes[at..]) == 0 => at += 1,
                _ => break,
            }
        }
        at
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if let Some(unclosed) = self.skip_trivia() {
            return Some(unclosed);
        }
        let start = self.at;
        if start >= self.bytes.len() {
            return None;
        }
        let (kind, end) = self.token(start);
        self.at = end;
        Some(Token { kind, start, end })
    }
}

/// The end (one past the closing quote) of the string whose opening quote is at `quote`.
fn string_end(bytes: &[u8], quote: usize) -> Option<usize> {
    let mut at = quote + 1;
    loop {
        at += memchr2(b'"', b'\\', bytes.get(at..)?)?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        at += 2; // a backslash and the byte it escapes (an escape never needs a `"` after it)
    }
}

/// Where a raw string ends.
enum RawEnd {
    End(usize),
    Unclosed,
    /// No `"` after the `#`s: not a raw string (e.g. a raw name `r#name`).
    NotRawString,
}

/// A raw string whose `#`s (or opening quote) start at `from`: `#…#"…"#…#`.
fn raw_string_end(bytes: &[u8], from: usize) -> RawEnd {
    let hashes = bytes[from..].iter().take_while(|&&b| b == b'#').count();
    let quote = from + hashes;
    if bytes.get(quote) != Some(&b'"') {
        return RawEnd::NotRawString;
    }
    let mut at = quote + 1;
    while let Some(i) = bytes.get(at..).and_then(|rest| memchr(b'"', rest)) {
        at += i + 1;
        let closing = bytes.get(at..at + hashes);
        if closing.is_some_and(|c| c.iter().all(|&b| b == b'#')) {
            return RawEnd::End(at + hashes);
        }
    }
    RawEnd::Unclosed
}

/// The end of a character literal whose content starts at `from` (just after `'`), or `None`
/// when what follows is not one character or escape and a closing `'`.
fn char_end(bytes: &[u8], from: usize) -> Option<usize> {
    let first = *bytes.get(from)?;
    let after = if first == b'\\' {
        match bytes.get(from + 1..from + 3)? {
            [b'u', b'{'] => {
                let digits = bytes.get(from + 3..)?;
                from + 3 + memchr(b'}', &digits[..digits.len().min(9)])? + 1
            }
            [b'x', _] => from + 4,
            [escaped, _] => from + 1 + utf8_len(*escaped),
            _ => return None,
        }
    } else {
        from + utf8_len(first)
    };
    (bytes.get(after) == Some(&b'\'')).then_some(after + 1)
}

/// The length of the UTF-8 character whose first byte is `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The end of the (nested) block comment opening at `start`, as ron reads it: each `/*` opens a
/// level and each `*/` closes one, with nothing else (not even quotes) special inside.
fn block_comment_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut level = 1usize;
    let mut at = start + 2;
    loop {
        at += memchr2(b'/', b'*', bytes.get(at..)?)?;
        match bytes.get(at..at + 2) {
            Some(b"/*") => {
                level += 1;
                at += 2;
            }
            Some(b"*/") => {
                level -= 1;
                at += 2;
                if level == 0 {
                    return Some(at);
                }
            }
            _ => at += 1,
        }
    }
}

/// The offset of the first bracket that nests deeper than `max` (outside strings and comments),
/// if any. Brackets are counted, not matched, and nothing recurses, so hostile input cannot
/// overflow the stack; the scan stops quietly at a string or comment the text ends inside (the
/// parser reports that).
#[must_use]
pub fn too_deep(text: &str, max: usize) -> Option<usize> {
    let mut depth = 0usize;
    for token in Lexer::new(text) {
        match token.kind {
            Kind::Open => {
                depth += 1;
                if depth > max {
                    return Some(token.start);
                }
            }
            Kind::Close => depth = depth.saturating_sub(1),
            Kind::Unclosed(_) => return None,
            _ => {}
        }
    }
    None
}

/// What is still open where a text ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenAtEnd {
    /// A string or block comment starting at this offset.
    Unclosed(Unclosed, usize),
    /// The innermost bracket left open, at this offset.
    Bracket(usize),
}

/// What `text` ends inside of, if anything: a string or comment, else the innermost bracket
/// that was opened and not closed (brackets counted, not matched).
#[must_use]
pub fn open_at_end(text: &str) -> Option<OpenAtEnd> {
    let mut open = Vec::new();
    for token in Lexer::new(text) {
        match token.kind {
            Kind::Open => open.push(token.start),
            Kind::Close => {
                open.pop();
            }
            Kind::Unclosed(what) => return Some(OpenAtEnd::Unclosed(what, token.start)),
            _ => {}
        }
    }
    open.pop().map(OpenAtEnd::Bracket)
}

#[cfg(test)]
mod tests;
