//! A fast reader for the plain RON that stores are written in, used before `ron` and always
//! backed by it.
//!
//! It reads exactly this subset, the way `ron` 0.12 reads it: a leading
//! `#![enable(implicit_some)]`; structs written `Name(field: value, …)` or `(field: value, …)`
//! with the struct's own name; lists `[a, b]`; `"…"` strings with the escapes `ron` decodes
//! (`\"`, `\\`, `\'`, `\n`, `\r`, `\t`, `\0`, `\x00`–`\x7F`, `\u{…}` and the line continuation);
//! enum variants as bare ASCII identifiers (unit variants) or `Variant(field: value, …)` (struct
//! variants); optional values written bare (under `implicit_some`); trailing commas; whitespace
//! (the characters `ron` skips) and `//` and nested `/* */` comments between any two tokens.
//!
//! For anything else — `None`, `Some(…)`, raw strings and identifiers, numbers, booleans,
//! characters, maps, tuples, non-ASCII identifiers, other extensions, or any text `ron` would
//! reject — it answers `None` ("not sure"), never a message: the caller then asks `ron`, which
//! either gives the same value or the error the user sees. So whenever [`from_str`] gives a
//! value, `ron` with the same options gives an equal one; the property tests in `plain/tests.rs`
//! hold it to that (against `ron` 0.12.3, whose parser this follows step by step).
//!
//! For the split parse (`store/split.rs`), [`items`] reads a run of list items from the middle of a
//! store (a thread's share of the events), and `layout` finds the events list without parsing.

use serde::Deserialize;
use serde::de;

use ron::extensions::Extensions;

mod deserializer;
#[cfg(test)]
pub(super) mod generate;
pub(super) mod layout;
#[cfg(test)]
mod tests;

/// The one attribute read: the one every store starts with.
const IMPLICIT_SOME: &str = "#![enable(implicit_some)]";

/// How deep structs, lists and enums may nest here.
const MAX_DEPTH: usize = 16;

/// A bound on the recursion steps `ron` counts for each level of [`MAX_DEPTH`]: two (a struct
/// and its field's value, a list and its element, an enum and its variant), and two more for an
/// optional value and a name being read, with room to spare. With a recursion limit of at least
/// `MAX_DEPTH * RON_STEPS_PER_LEVEL`, `ron` never stops short of what this reader accepts.
const RON_STEPS_PER_LEVEL: usize = 4;

/// The value of type `T` that `text` holds, read as `ron` would read it with `options`; `None`
/// when the text, the type or the options go beyond the plain subset (see the module docs). The
/// whole text must be one value, with only whitespace and comments after it.
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str, options: &ron::Options) -> Option<T> {
    let mut reader = Reader::new(text, options)?;
    reader.skip_ws().ok()?;
    while reader.peek() == Some(b'#') {
        reader.eat_str(IMPLICIT_SOME).ok()?;
        reader.implicit_some = true;
        reader.skip_ws().ok()?;
    }
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_ws().ok()?;
    (reader.pos == text.len()).then_some(value)
}

/// What [`items`] read: the items, where it stopped, and whether the list ended there.
pub struct Run<T> {
    /// The items read, in order.
    pub items: Vec<T>,
    /// The first byte of the item it stopped before, or the list's closing `]`.
    pub stop: usize,
    /// Whether `stop` is the list's `]`.
    pub ended: bool,
}

/// The items of type `T` of a list in a store `text` (a list in the store's fields, such as its
/// events), read from byte `from` — the start of an item or whitespace before one — up to the
/// first item that starts at `until` or after it, or to the end of the list. Read as `ron` would
/// read them with `options`, which must have `implicit_some`; `None` when anything on the way is
/// not plain.
pub fn items<'de, T: Deserialize<'de>>(
    text: &'de str,
    from: usize,
    until: usize,
    options: &ron::Options,
) -> Option<Run<T>> {
    let mut reader = Reader::new(text, options)?;
    if !reader.implicit_some {
        return None;
    }
    reader.pos = from;
    // Inside the store and the list, as `ron` is when it reads them.
    reader.depth = 2;
    text.is_char_boundary(from).then_some(())?;
    let mut items = Vec::new();
    loop {
        reader.skip_ws().ok()?;
        if reader.pos >= until || reader.peek() == Some(b']') {
            break;
        }
        items.push(T::deserialize(&mut reader).ok()?);
        if !reader.comma().ok()? {
            (reader.peek() == Some(b']')).then_some(())?;
            break;
        }
    }
    let ended = reader.peek() == Some(b']');
    Some(Run {
        items,
        stop: reader.pos,
        ended,
    })
}

/// "Not sure": the text (or the type asked for) is not plain; `ron` is to read it.
#[derive(Debug)]
struct Unsure;

impl std::fmt::Display for Unsure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not plain RON")
    }
}

impl std::error::Error for Unsure {}

impl de::Error for Unsure {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unsure
    }
}

type Result<T> = std::result::Result<T, Unsure>;

/// A cursor over the text.
struct Reader<'de> {
    text: &'de str,
    /// Byte offset of the next unread byte (always on a character boundary).
    pos: usize,
    /// Whether an optional value may be written bare.
    implicit_some: bool,
    /// Structs, lists and variants open around the cursor.
    depth: usize,
}

/// Whether `c` is one of the characters `ron` skips as whitespace.
fn is_ron_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

impl<'de> Reader<'de> {
    /// A reader at the start of `text`, allowing bare optional values when `options` do;
    /// `None` when the options are not ones it follows: another extension changes how values
    /// read, and a low recursion limit makes `ron` refuse nesting this reader accepts.
    fn new(text: &'de str, options: &ron::Options) -> Option<Self> {
        let plain = Extensions::IMPLICIT_SOME.contains(options.default_extensions)
            && options
                .recursion_limit
                .is_none_or(|limit| limit >= MAX_DEPTH * RON_STEPS_PER_LEVEL);
        plain.then(|| Reader {
            text,
            pos: 0,
            implicit_some: options
                .default_extensions
                .contains(Extensions::IMPLICIT_SOME),
            depth: 0,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn rest(&self) -> &'de str {
        &self.text[self.pos..]
    }

    fn eat(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Unsure)
        }
    }

    fn eat_str(&mut self, s: &str) -> Result<()> {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            Ok(())
        } else {
            Err(Unsure)
        }
    }

    /// Skips whitespace and comments, as `ron`'s `skip_ws` does; a malformed comment (a lone
    /// `/`, an unclosed `/*`) is [`Unsure`].
    #[inline]
    fn skip_ws(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => self.pos += 1,
                b'/' => self.skip_comment()?,
                0x80.. => match self.rest().chars().next() {
                    Some(c) if is_ron_whitespace(c) => self.pos += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        Ok(())
    }

    /// Skips a comment at the cursor (on its `/`): to the end of the line, or over a block with
    /// nested blocks in it, matching `/*` and `*/` left to right as `ron` does.
    fn skip_comment(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        match bytes.get(self.pos + 1) {
            Some(b'/') => {
                self.pos =
                    memchr::memchr(b'\n', &bytes[self.pos..]).map_or(bytes.len(), |i| self.pos + i);
                Ok(())
            }
            Some(b'*') => {
                self.pos += 2;
                let mut level = 1usize;
                while level > 0 {
                    let at = memchr::memchr2(b'/', b'*', &bytes[self.pos..]).ok_or(Unsure)?;
                    self.pos += at;
                    match (bytes[self.pos], bytes.get(self.pos + 1)) {
                        (b'/', Some(b'*')) => {
                            level += 1;
                            self.pos += 2;
                        }
                        (b'*', Some(b'/')) => {
                            level -= 1;
                            self.pos += 2;
                        }
                        _ => self.pos += 1,
                    }
                }
                Ok(())
            }
            _ => Err(Unsure),
        }
    }

    /// An ASCII identifier (`[A-Za-z_][A-Za-z0-9_]*`) followed by what surely ends it for `ron`
    /// too: punctuation the model's syntax uses, or whitespace (not another non-ASCII character,
    /// `.`, `+`, `-`, `#` or a quote: these make `ron` read a longer identifier, a raw one, or a
    /// string).
    fn ident(&mut self) -> Result<&'de str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        match bytes.get(start) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {}
            _ => return Err(Unsure),
        }
        let len = bytes[start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
            .unwrap_or(bytes.len() - start);
        match bytes.get(start + len) {
            None
            | Some(
                b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'/' | b'(' | b')' | b',' | b':'
                | b']',
            ) => {
                self.pos = start + len;
                Ok(&self.text[start..start + len])
            }
            // Whitespace `ron` skips is not part of a name either.
            Some(0x80..) if self.text[start + len..].starts_with(is_ron_whitespace) => {
                self.pos = start + len;
                Ok(&self.text[start..start + len])
            }
            Some(_) => Err(Unsure),
        }
    }

    /// A `"…"` string: borrowed when it has no escape, decoded when it has.
    fn string(&mut self) -> Result<Text<'de>> {
        self.eat(b'"')?;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let at = memchr::memchr2(b'"', b'\\', &bytes[start..]).ok_or(Unsure)?;
        if bytes[start + at] == b'"' {
            self.pos = start + at + 1;
            return Ok(Text::Borrowed(&self.text[start..start + at]));
        }
        let mut out = String::with_capacity(at + 16);
        out.push_str(&self.text[start..start + at]);
        self.pos = start + at;
        loop {
            // On a `\`.
            self.pos += 1;
            self.escape(&mut out)?;
            let at = memchr::memchr2(b'"', b'\\', &bytes[self.pos..]).ok_or(Unsure)?;
            out.push_str(&self.text[self.pos..self.pos + at]);
            self.pos += at;
            if bytes[self.pos] == b'"' {
                self.pos += 1;
                return Ok(Text::Owned(out));
            }
        }
    }

    /// Decodes the escape after a `\` into `out`, as `ron` does; what this reader does not
    /// decode (`\x80` and above, unknown escapes) is [`Unsure`].
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let bytes = self.text.as_bytes();
        let Some(&b) = bytes.get(self.pos) else {
            return Err(Unsure);
        };
        self.pos += 1;
        let c = match b {
            b'\n' | b'\r' => {
                // A line continuation: `\` + a line break, then spaces, tabs and line breaks.
                if b == b'\r' {
                    self.eat(b'\n')?;
                }
                while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
                    self.pos += 1;
                }
                return Ok(());
            }
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'x' => {
                let high = self.hex_digit()?;
                let low = self.hex_digit()?;
                let byte = high * 16 + low;
                if byte >= 0x80 {
                    return Err(Unsure);
                }
                char::from(byte as u8)
            }
            b'u' => {
                self.eat(b'{')?;
                let mut value = 0u32;
                let mut digits = 0;
                while digits < 6 && self.peek() != Some(b'}') {
                    value = value * 16 + self.hex_digit()?;
                    digits += 1;
                }
                if digits == 0 {
                    return Err(Unsure);
                }
                self.eat(b'}')?;
                char::from_u32(value).ok_or(Unsure)?
            }
            _ => return Err(Unsure),
        };
        out.push(c);
        Ok(())
    }

    fn hex_digit(&mut self) -> Result<u32> {
        let digit = self
            .peek()
            .and_then(|b| char::from(b).to_digit(16))
            .ok_or(Unsure)?;
        self.pos += 1;
        Ok(digit)
    }

    /// After a value: skips whitespace and a comma; whether there was a comma.
    fn comma(&mut self) -> Result<bool> {
        self.skip_ws()?;
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_ws()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }
}

/// A string as read: borrowed from the text, or decoded from escapes.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}
