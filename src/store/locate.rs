//! Where each value of a RON store sits in its file, so semantic errors can name a line and column.
//!
//! serde forgets positions once a value is deserialised. This module re-reads the text with a small
//! scanner that understands only RON's shape (strings, comments, brackets, `field:` keys, commas)
//! and records the line and column where each value starts, keyed by its path
//! (`events[3].sources[1]`). It never fails: text it cannot follow is skipped, and a path it did not
//! record falls back to its nearest recorded ancestor.

use std::collections::HashMap;
use std::fmt;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number, from 1, in characters.
    pub col: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

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
    /// Scans `text` and records where each value starts. Nesting deeper than `max_depth` is not
    /// followed (the loader rejects such files before this runs).
    #[must_use]
    pub fn new(text: &str, max_depth: usize) -> Self {
        let mut scanner = Scanner {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            col: 1,
            map: SourceMap::default(),
            max_depth,
        };
        scanner.skip_trivia_and_attributes();
        scanner.value(&Path::root(), 0);
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

struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    col: usize,
    map: SourceMap,
    max_depth: usize,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.at + offset).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
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
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    let mut depth = 0usize;
                    while let Some(c) = self.bump() {
                        if c == '/' && self.peek() == Some('*') {
                            self.bump();
                            depth += 1;
                        } else if c == '*' && self.peek() == Some('/') {
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
        while self.peek() == Some('#') {
            while self.peek().is_some_and(|c| c != ']') {
                self.bump();
            }
            self.bump();
            self.skip_trivia();
        }
    }

    fn ident(&mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || c == '#' {
                out.push(c);
                self.bump();
            } else {
                break;
            }
        }
        out
    }

    fn string(&mut self) {
        self.bump(); // opening quote
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.bump(); // opening quote
        while let Some(c) = self.bump() {
            if c == '"' && (0..hashes).all(|i| self.peek_at(i) == Some('#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }

    /// Records and skips one value at `path`.
    fn value(&mut self, path: &Path, depth: usize) {
        self.skip_trivia();
        self.map.positions.insert(path.clone(), self.here());
        match self.peek() {
            Some('"') => self.string(),
            Some('r') if matches!(self.peek_at(1), Some('"' | '#')) => self.raw_string(),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.bump() {
                    match c {
                        '\\' => {
                            self.bump();
                        }
                        '\'' => break,
                        _ => {}
                    }
                }
            }
            Some('(' | '[' | '{') => self.group(path, depth),
            Some(c) if c.is_alphanumeric() || c == '_' => {
                self.ident();
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.group(path, depth);
                }
            }
            Some(_) => {
                // Numbers and signs: skip up to the next separator.
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | ')' | ']' | '}') && !c.is_whitespace())
                {
                    self.bump();
                }
            }
            None => {}
        }
    }

    /// Records and skips a bracketed group: `( fields | values )`, `[ values ]` or `{ map }`.
    fn group(&mut self, path: &Path, depth: usize) {
        let Some(open) = self.bump() else { return };
        let close = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if depth >= self.max_depth {
            return;
        }
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                    index += 1;
                    continue;
                }
                Some(c) if c == ')' || c == ']' || c == '}' => return,
                _ => {}
            }
            let child = if open == '(' {
                self.field_or_value(path, index)
            } else {
                path.index(index)
            };
            self.value(&child, depth + 1);
            if open == '{' {
                // map: `key: value`
                self.skip_trivia();
                if self.peek() == Some(':') {
                    self.bump();
                    self.value(&path.index(index), depth + 1);
                }
            }
        }
    }

    /// Inside `( … )`: a `name:` key gives a field path; otherwise a positional value.
    fn field_or_value(&mut self, path: &Path, index: usize) -> Path {
        let start = (self.at, self.line, self.col);
        if self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
            let name = self.ident();
            self.skip_trivia();
            if self.peek() == Some(':') {
                self.bump();
                return path.field(&name);
            }
            (self.at, self.line, self.col) = start;
        }
        path.index(index)
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
        }
    }
}
