//! Tokens with look-ahead, for the scanners that follow RON's shape.

use super::{Kind, Lexer, Token};

/// Tokens with one token of look-ahead, remembering where the last one taken ended.
#[derive(Debug, Clone)]
pub struct Tokens<'t> {
    lexer: Lexer<'t>,
    peeked: Option<Option<Token>>,
    last_end: usize,
}

impl<'t> Tokens<'t> {
    /// The tokens of `text`.
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        Tokens {
            lexer: Lexer::new(text),
            peeked: None,
            last_end: 0,
        }
    }

    /// The next token, without taking it.
    pub fn peek(&mut self) -> Option<Token> {
        *self.peeked.get_or_insert_with(|| self.lexer.next())
    }

    /// The token after the next one, without taking either.
    pub fn peek_second(&mut self) -> Option<Token> {
        self.peek()?;
        self.lexer.clone().next()
    }

    /// Where the last token taken ends (0 before any).
    #[must_use]
    pub fn last_end(&self) -> usize {
        self.last_end
    }

    /// The byte a one-byte token (a bracket or punctuation) is.
    #[must_use]
    pub fn byte(&self, token: Token) -> u8 {
        self.lexer.bytes[token.start]
    }

    /// Whether the next token is the one-byte token `byte`; takes it if so.
    pub fn eat(&mut self, byte: u8) -> bool {
        let matches = self.peek().is_some_and(|t| {
            matches!(t.kind, Kind::Open | Kind::Close | Kind::Punct) && self.byte(t) == byte
        });
        if matches {
            self.next();
        }
        matches
    }

    /// Skips the rest of a bracketed group whose opening bracket was just taken. `false` when the
    /// text ends (or a string or comment is left open) first.
    pub fn skip_group(&mut self) -> bool {
        let mut depth = 1usize;
        for token in self.by_ref() {
            match token.kind {
                Kind::Open => depth += 1,
                Kind::Close => {
                    depth -= 1;
                    if depth == 0 {
                        return true;
                    }
                }
                Kind::Unclosed(_) => return false,
                _ => {}
            }
        }
        false
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let token = match self.peeked.take() {
            Some(token) => token,
            None => self.lexer.next(),
        }?;
        self.last_end = token.end;
        Some(token)
    }
}
