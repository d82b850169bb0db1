//! Where each value of a RON store sits in its file, so semantic errors can name a line and column.
//!
//! serde forgets positions once a value is deserialised. This module re-reads the text with a small
//! scanner that understands only RON's shape (strings, comments, brackets, `field:` keys, commas)
//! and records the line and column where each value starts, keyed by its path
//! (`events[3].sources[1]`). It never fails: text it cannot follow is skipped, and a path it did not
//! record falls back to its nearest recorded ancestor.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::diagnostic::Position;

/// One step of a path into the store: a struct field or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// A named field (`events`).
    Field(String),
    /// A position in a list (`[3]`).
    Index(usize),
}

/// A path from the top of the store to one value, e.g. `events[3].sources[1]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Path(Vec<Step>);

impl Path {
    /// The path of the whole store.
    #[must_use]
    pub fn root() -> Self {
        Path(Vec::new())
    }

    /// This path extended by a field.
    #[must_use]
    pub fn field(&self, name: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Field(name.to_string()));
        Path(steps)
    }

    /// This path extended by a list index.
    #[must_use]
    pub fn index(&self, i: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(i));
        Path(steps)
    }

    fn parent(&self) -> Option<Self> {
        let mut steps = self.0.clone();
        steps.pop().map(|_| Path(steps))
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if i == 0 => f.write_str(name)?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Positions of the values of one RON text, by path.
#[derive(Debug, Default)]
pub struct SourceMap {
    positions: HashMap<Path, Position>,
}

impl SourceMap {
    /// Scans `text` and records where every value starts. Nesting deeper than `max_depth` is not
    /// followed (the loader rejects such files before this runs).
    #[must_use]
    pub fn new(text: &str, max_depth: usize) -> Self {
        Self::scan(text, max_depth, None)
    }

    /// Scans `text` and records where the values at `wanted` (and their ancestors) start. Other
    /// values are skipped without tracking their paths, so locating a few problems in a large
    /// file costs one quick pass over its bytes and almost no memory.
    #[must_use]
    pub fn for_paths<'p>(
        text: &str,
        max_depth: usize,
        wanted: impl IntoIterator<Item = &'p Path>,
    ) -> Self {
        let mut keep = HashSet::new();
        for path in wanted {
            let mut current = Some(path.clone());
            while let Some(p) = current {
                if keep.contains(&p) {
                    break;
                }
                current = p.parent();
                keep.insert(p);
            }
        }
        Self::scan(text, max_depth, Some(keep))
    }

    fn scan(text: &str, max_depth: usize, keep: Option<HashSet<Path>>) -> Self {
        let mut scanner = Scanner {
            text: text.as_bytes(),
            at: 0,
            line: 1,
            col: 1,
            path: Path::root(),
            keep,
            map: SourceMap::default(),
            max_depth,
        };
        scanner.skip_trivia_and_attributes();
        scanner.value(0);
        scanner.map
    }

    /// Where the value at `path` starts, or its nearest recorded ancestor, or 1:1.
    #[must_use]
    pub fn position(&self, path: &Path) -> Position {
        let mut current = Some(path.clone());
        while let Some(p) = current {
            if let Some(pos) = self.positions.get(&p) {
                return *pos;
            }
            current = p.parent();
        }
        Position { line: 1, col: 1 }
    }
}

/// Whether `b` can be part of a name: ASCII letters, digits, `_`, `#` (raw names) or any byte of
/// a non-ASCII character.
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'#' || b >= 0x80
}

/// Walks the bytes of the text (every delimiter RON uses is ASCII, and no byte of a multi-byte
/// UTF-8 character is ASCII), counting lines and characters for positions.
struct Scanner<'t> {
    text: &'t [u8],
    at: usize,
    line: usize,
    col: usize,
    /// The path of the value being scanned.
    path: Path,
    /// Only these paths are recorded and descended into; `None` records everything.
    keep: Option<HashSet<Path>>,
    map: SourceMap,
    max_depth: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.text.get(self.at + offset).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        if b == b'\n' {
            self.line += 1;
            self.col = 1;
        } else if b & 0xC0 != 0x80 {
            // Continuation bytes (10xxxxxx) belong to the character already counted.
            self.col += 1;
        }
        Some(b)
    }

    fn here(&self) -> Position {
        Position {
            line: self.line,
            col: self.col,
        }
    }

    /// Skips whitespace and comments (`//…` and nested `/* … */`).
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C), _) => {
                    self.bump();
                }
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.bump();
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    let mut depth = 0usize;
                    while let Some(b) = self.bump() {
                        if b == b'/' && self.peek() == Some(b'*') {
                            self.bump();
                            depth += 1;
                        } else if b == b'*' && self.peek() == Some(b'/') {
                            self.bump();
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_trivia_and_attributes(&mut self) {
        self.skip_trivia();
        while self.peek() == Some(b'#') {
            while self.peek().is_some_and(|b| b != b']') {
                self.bump();
            }
            self.bump();
            self.skip_trivia();
        }
    }

    fn ident(&mut self) -> String {
        let start = self.at;
        while self.peek().is_some_and(is_name_byte) {
            self.bump();
        }
        String::from_utf8_lossy(&self.text[start..self.at]).into_owned()
    }

    fn string(&mut self) {
        self.bump(); // opening quote
        while let Some(b) = self.bump() {
            match b {
                b'\\' => {
                    self.bump();
                }
                b'"' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            self.bump();
            hashes += 1;
        }
        self.bump(); // opening quote
        while let Some(b) = self.bump() {
            if b == b'"' && (0..hashes).all(|i| self.peek_at(i) == Some(b'#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }

    fn char_literal(&mut self) {
        self.bump();
        while let Some(b) = self.bump() {
            match b {
                b'\\' => {
                    self.bump();
                }
                b'\'' => break,
                _ => {}
            }
        }
    }

    /// Whether the value at the current path is recorded and descended into.
    fn wanted(&self) -> bool {
        self.keep
            .as_ref()
            .is_none_or(|keep| keep.contains(&self.path))
    }

    /// Records and skips one value at the current path.
    fn value(&mut self, depth: usize) {
        self.skip_trivia();
        let wanted = self.wanted();
        if wanted {
            self.map.positions.insert(self.path.clone(), self.here());
        }
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'r') if matches!(self.peek_at(1), Some(b'"' | b'#')) => self.raw_string(),
            Some(b'\'') => self.char_literal(),
            Some(b'(' | b'[' | b'{') => self.group_or_skip(wanted, depth),
            Some(b) if is_name_byte(b) && b != b'#' => {
                self.ident();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.group_or_skip(wanted, depth);
                }
            }
            Some(_) => {
                // Numbers and signs: skip up to the next separator.
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b')' | b']' | b'}') && !b.is_ascii_whitespace()
                }) {
                    self.bump();
                }
            }
            None => {}
        }
    }

    fn group_or_skip(&mut self, wanted: bool, depth: usize) {
        if wanted {
            self.group(depth);
        } else {
            self.skip_group();
        }
    }

    /// Skips a bracketed group and everything in it, recording nothing.
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b'"') => self.string(),
                Some(b'\'') => self.char_literal(),
                Some(b'r') if matches!(self.peek_at(1), Some(b'"' | b'#')) => self.raw_string(),
                Some(b) if is_name_byte(b) => {
                    self.ident();
                }
                Some(b) => {
                    self.bump();
                    match b {
                        b'(' | b'[' | b'{' => depth += 1,
                        b')' | b']' | b'}' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                return;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// Scans `value` with `step` pushed on the current path.
    fn child(&mut self, step: Step, depth: usize) {
        self.path.0.push(step);
        self.value(depth);
        self.path.0.pop();
    }

    /// Records and skips a bracketed group: `( fields | values )`, `[ values ]` or `{ map }`.
    fn group(&mut self, depth: usize) {
        let Some(open) = self.bump() else { return };
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if depth >= self.max_depth {
            return;
        }
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b) if b == close => {
                    self.bump();
                    return;
                }
                Some(b',') => {
                    self.bump();
                    index += 1;
                    continue;
                }
                Some(b')' | b']' | b'}') => return,
                _ => {}
            }
            let step = if open == b'(' {
                self.field_or_index(index)
            } else {
                Step::Index(index)
            };
            self.child(step, depth + 1);
            if open == b'{' {
                // map: `key: value`
                self.skip_trivia();
                if self.peek() == Some(b':') {
                    self.bump();
                    self.child(Step::Index(index), depth + 1);
                }
            }
        }
    }

    /// Inside `( … )`: a `name:` key gives a field step; otherwise a positional one.
    fn field_or_index(&mut self, index: usize) -> Step {
        let start = (self.at, self.line, self.col);
        if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b >= 0x80)
        {
            let name = self.ident();
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.bump();
                return Step::Field(name);
            }
            (self.at, self.line, self.col) = start;
        }
        Step::Index(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "#![enable(implicit_some)]\nStore(\n  // comment with ( and \"\n  events: [\n    Event(id: \"a\", sources: [\"x\", \"y\"]),\n    Event(\n      id: \"b(\",\n      sources: [],\n    ),\n  ],\n)\n";

    #[test]
    fn finds_fields_and_list_items() {
        let map = SourceMap::new(TEXT, 64);
        let events = Path::root().field("events");
        assert_eq!(map.position(&events).line, 4);
        let second = events.index(1);
        assert_eq!(map.position(&second), Position { line: 6, col: 5 });
        assert_eq!(
            map.position(&second.field("id")),
            Position { line: 7, col: 11 }
        );
        let y = events.index(0).field("sources").index(1);
        assert_eq!(map.position(&y), Position { line: 5, col: 35 });
    }

    #[test]
    fn unknown_paths_fall_back_to_their_ancestor() {
        let map = SourceMap::new(TEXT, 64);
        let missing = Path::root().field("events").index(1).field("effects");
        assert_eq!(map.position(&missing), Position { line: 6, col: 5 });
        assert_eq!(missing.to_string(), "events[1].effects");
    }

    #[test]
    fn wanted_paths_match_a_full_scan_and_columns_count_characters() {
        let text = "Store(\n  people: [Person(id: \"高晓松\", name: \"x\"), Person(id: \"b\", name: \"高\")],\n  events: [Event(id: \"e\", sources: [\"s\"])],\n)\n";
        let full = SourceMap::new(text, 64);
        let people = Path::root().field("people");
        let name = people.index(1).field("name");
        let source = Path::root()
            .field("events")
            .index(0)
            .field("sources")
            .index(0);
        assert_eq!(full.position(&name), Position { line: 2, col: 64 });
        let some = SourceMap::for_paths(text, 64, [&name, &source]);
        for path in [&name, &source, &people] {
            assert_eq!(some.position(path), full.position(path), "{path}");
        }
        // A path not asked for falls back to the nearest ancestor that was.
        let other = people.index(0).field("id");
        assert_eq!(some.position(&other), full.position(&people));
    }

    #[test]
    fn never_fails_on_garbage() {
        for text in [
            "",
            "(((",
            ")]}",
            "\"unterminated",
            "r#\"x",
            "/* open",
            "a: b: c",
        ] {
            let _ = SourceMap::new(text, 64);
            let _ = SourceMap::for_paths(text, 64, [&Path::root().field("a").index(0)]);
        }
    }
}
