//! Where each value of a RON store sits in its file, so semantic errors can name a line and column.
//!
//! serde forgets positions once a value is deserialised. This module re-reads the tokens of the
//! text (from the store's [lexer](super::lex)), following RON's shape (brackets, `field:` keys,
//! commas), and records the line and column where each value starts, keyed by its path
//! (`events[3].sources[1]`). It never fails: text it cannot follow is skipped, and a path it did not
//! record falls back to its nearest recorded ancestor.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::lex::{Kind, Lines, Tokens};
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
            text,
            tokens: Tokens::new(text),
            lines: Lines::new(text),
            path: Path::root(),
            keep,
            map: SourceMap::default(),
            max_depth,
        };
        scanner.skip_attributes();
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

/// Walks the tokens of the text, turning the offsets of the values it records into lines and
/// columns.
struct Scanner<'t> {
    text: &'t str,
    tokens: Tokens<'t>,
    lines: Lines<'t>,
    /// The path of the value being scanned.
    path: Path,
    /// Only these paths are recorded and descended into; `None` records everything.
    keep: Option<HashSet<Path>>,
    map: SourceMap,
    max_depth: usize,
}

impl Scanner<'_> {
    /// Whether the next token is the one-byte bracket or punctuation `byte`.
    fn next_is(&mut self, byte: u8) -> bool {
        self.tokens.peek().is_some_and(|t| {
            matches!(t.kind, Kind::Open | Kind::Close | Kind::Punct)
                && self.text.as_bytes()[t.start] == byte
        })
    }

    /// Skips attributes (`#![enable(…)]`) before the value.
    fn skip_attributes(&mut self) {
        while self.tokens.eat(b'#') {
            self.tokens.eat(b'!');
            if self.tokens.eat(b'[') {
                self.tokens.skip_group();
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
        let Some(token) = self.tokens.peek() else {
            return;
        };
        let wanted = self.wanted();
        if wanted {
            let here = self.lines.at(token.start);
            self.map.positions.insert(self.path.clone(), here);
        }
        match token.kind {
            Kind::Open => self.group_or_skip(wanted, depth),
            Kind::Word => {
                self.tokens.next();
                if self.next_is(b'(') {
                    self.group_or_skip(wanted, depth);
                }
            }
            // Left for the enclosing group: a closing bracket or a separator.
            Kind::Close => {}
            Kind::Punct if self.next_is(b',') || self.next_is(b':') => {}
            Kind::Str | Kind::Char | Kind::Punct | Kind::Unclosed(_) => {
                self.tokens.next();
            }
        }
    }

    fn group_or_skip(&mut self, wanted: bool, depth: usize) {
        self.tokens.next();
        if wanted && depth < self.max_depth {
            self.group(depth);
        } else {
            self.tokens.skip_group();
        }
    }

    /// Scans `value` with `step` pushed on the current path.
    fn child(&mut self, step: Step, depth: usize) {
        self.path.0.push(step);
        self.value(depth);
        self.path.0.pop();
    }

    /// Records and skips the rest of a bracketed group whose opening bracket was just taken:
    /// `( fields | values )`, `[ values ]` or `{ map }`.
    fn group(&mut self, depth: usize) {
        let open = self.text.as_bytes()[self.tokens.last_end() - 1];
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        let mut index = 0;
        loop {
            let Some(token) = self.tokens.peek() else {
                return;
            };
            match token.kind {
                Kind::Close => {
                    if self.next_is(close) {
                        self.tokens.next();
                    }
                    return;
                }
                Kind::Punct if self.next_is(b',') => {
                    self.tokens.next();
                    index += 1;
                    continue;
                }
                _ => {}
            }
            let step = if open == b'(' {
                self.field_or_index(index)
            } else {
                Step::Index(index)
            };
            let before = self.tokens.last_end();
            self.child(step, depth + 1);
            if open == b'{' && self.tokens.eat(b':') {
                // map: `key: value`
                self.child(Step::Index(index), depth + 1);
            }
            if self.tokens.last_end() == before {
                // Nothing was taken (a stray `:`): step over it so the scan moves on.
                self.tokens.next();
            }
        }
    }

    /// Inside `( … )`: a `name:` key gives a field step; otherwise a positional one.
    fn field_or_index(&mut self, index: usize) -> Step {
        let Some(word) = self.tokens.peek().filter(|t| t.kind == Kind::Word) else {
            return Step::Index(index);
        };
        let colon = self
            .tokens
            .peek_second()
            .is_some_and(|t| t.kind == Kind::Punct && self.text.as_bytes()[t.start] == b':');
        if !colon {
            return Step::Index(index);
        }
        self.tokens.next();
        self.tokens.next();
        let name = &self.text[word.start..word.end];
        Step::Field(name.strip_prefix("r#").unwrap_or(name).to_string())
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
