//! The one text-input component every input of the app uses (the search box, the date for the
//! org chart, the export path, a saved query's name): a line of text with a cursor, edited as in
//! a shell (readline's keys: Ctrl-A/E, Ctrl-W, Ctrl-U, Ctrl-K, Alt-B/F).
//!
//! It is plain data: the keys reach it as [`Edit`]s through the key table and the update; the
//! views draw it with its cursor where it is. The cursor counts characters, not bytes,
//! so wide and combined characters are never split.

/// One editing step, as the key table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    /// Cursor one character left (←).
    Left,
    /// Cursor one character right (→).
    Right,
    /// Cursor to the start (Home, Ctrl-A).
    Home,
    /// Cursor to the end (End, Ctrl-E).
    End,
    /// Cursor to the start of this or the previous word (Alt-B).
    WordLeft,
    /// Cursor to the end of this or the next word (Alt-F).
    WordRight,
    /// Delete the character before the cursor (Backspace).
    EraseBack,
    /// Delete the character under the cursor (Delete).
    EraseForward,
    /// Delete back to the space before the cursor's word (Ctrl-W), as a shell does: a whole query
    /// atom such as `kind:acq` goes at once.
    EraseWord,
    /// Delete everything before the cursor (Ctrl-U).
    EraseToStart,
    /// Delete everything from the cursor on (Ctrl-K).
    EraseToEnd,
}

/// A line of text being typed, with its cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    /// What has been typed.
    text: String,
    /// The cursor, in characters from the start (at most the text's length).
    cursor: usize,
    /// The most characters accepted; `None` for no limit.
    max: Option<usize>,
}

impl LineInput {
    /// An empty input that takes any length.
    #[must_use]
    pub fn new() -> Self {
        LineInput::default()
    }

    /// An empty input that takes at most `max` characters (more typed or pasted are dropped).
    #[must_use]
    pub fn with_max(max: usize) -> Self {
        LineInput {
            max: Some(max),
            ..LineInput::default()
        }
    }

    /// `text` (cut to the limit), with the cursor at its end.
    #[must_use]
    pub fn with_text(mut self, text: &str) -> Self {
        self.set(text);
        self
    }

    /// What has been typed.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether nothing has been typed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Replaces the text (cut to the limit) and puts the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.text.clear();
        self.cursor = 0;
        self.insert_str(text);
    }

    /// Puts the cursor before character `at` (at the end past it).
    pub fn set_cursor(&mut self, at: usize) {
        self.cursor = at.min(self.len());
    }

    /// Inserts `c` at the cursor (nothing at the limit); returns whether the text changed.
    pub fn insert(&mut self, c: char) -> bool {
        if self.max.is_some_and(|max| self.len() >= max) {
            return false;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
        true
    }

    /// Inserts `text` at the cursor, as much of it as the limit leaves room for; returns whether
    /// the text changed.
    pub fn insert_str(&mut self, text: &str) -> bool {
        let room = self
            .max
            .map_or(usize::MAX, |max| max.saturating_sub(self.len()));
        let (kept, _) = crate::tui::spans::clip(text, room);
        if kept.is_empty() {
            return false;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, kept);
        self.cursor += kept.chars().count();
        true
    }

    /// Applies one editing step; returns whether the text changed (a cursor move does not).
    pub fn edit(&mut self, edit: Edit) -> bool {
        let len = self.len();
        let (from, to) = match edit {
            Edit::Left => return self.move_to(self.cursor.saturating_sub(1)),
            Edit::Right => return self.move_to((self.cursor + 1).min(len)),
            Edit::Home => return self.move_to(0),
            Edit::End => return self.move_to(len),
            Edit::WordLeft => return self.move_to(self.word_start(char::is_alphanumeric)),
            Edit::WordRight => return self.move_to(self.word_end()),
            Edit::EraseBack => (self.cursor.saturating_sub(1), self.cursor),
            Edit::EraseForward => (self.cursor, (self.cursor + 1).min(len)),
            Edit::EraseWord => (self.word_start(|c| !c.is_whitespace()), self.cursor),
            Edit::EraseToStart => (0, self.cursor),
            Edit::EraseToEnd => (self.cursor, len),
        };
        if from == to {
            return false;
        }
        let range = self.byte_at(from)..self.byte_at(to);
        self.text.replace_range(range, "");
        self.cursor = from;
        true
    }

    fn move_to(&mut self, cursor: usize) -> bool {
        self.cursor = cursor;
        false
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Where the word before the cursor starts: back over non-word characters, then over word
    /// characters (`in_word` tells them apart).
    fn word_start(&self, in_word: impl Fn(char) -> bool) -> usize {
        let before: Vec<char> = self.text.chars().take(self.cursor).collect();
        let mut at = before.len();
        while at > 0 && !in_word(before[at - 1]) {
            at -= 1;
        }
        while at > 0 && in_word(before[at - 1]) {
            at -= 1;
        }
        at
    }

    /// Where the word at or after the cursor ends (words are letters and digits).
    fn word_end(&self) -> usize {
        let mut at = self.cursor;
        let mut after = self.text.chars().skip(self.cursor).peekable();
        while after.next_if(|c| !c.is_alphanumeric()).is_some() {
            at += 1;
        }
        while after.next_if(|c| c.is_alphanumeric()).is_some() {
            at += 1;
        }
        at
    }

    /// The byte offset of character `index` (the text's length past the end).
    fn byte_at(&self, index: usize) -> usize {
        self.text
            .char_indices()
            .nth(index)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

impl PartialEq<str> for LineInput {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<String> for LineInput {
    fn eq(&self, other: &String) -> bool {
        self.text == *other
    }
}

impl PartialEq<&str> for LineInput {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with the cursor where `|` is.
    fn at(text: &str) -> LineInput {
        let cursor = text.find('|').map_or(0, |b| text[..b].chars().count());
        let mut input = LineInput::new().with_text(&text.replace('|', ""));
        input.cursor = cursor;
        input
    }

    fn shown(input: &LineInput) -> String {
        let mut text = input.text.clone();
        text.insert(input.byte_at(input.cursor), '|');
        text
    }

    fn after(text: &str, edit: Edit) -> String {
        let mut input = at(text);
        input.edit(edit);
        shown(&input)
    }

    #[test]
    fn each_edit_works_at_the_cursor() {
        let cases = [
            ("kind:acq @20|16", Edit::Left, "kind:acq @2|016"),
            ("|ab", Edit::Left, "|ab"),
            ("a|b", Edit::Right, "ab|"),
            ("ab|", Edit::Right, "ab|"),
            ("ab|c", Edit::Home, "|abc"),
            ("a|bc", Edit::End, "abc|"),
            ("kind:acq @20|16", Edit::WordLeft, "kind:acq @|2016"),
            ("kind:acq |@2016", Edit::WordLeft, "kind:|acq @2016"),
            ("|kind:acq", Edit::WordRight, "kind|:acq"),
            ("kind|:acq @2016", Edit::WordRight, "kind:acq| @2016"),
            ("高晓|松 x", Edit::WordRight, "高晓松| x"),
            ("ab|c", Edit::EraseBack, "a|c"),
            ("|abc", Edit::EraseBack, "|abc"),
            ("a|bc", Edit::EraseForward, "a|c"),
            ("abc|", Edit::EraseForward, "abc|"),
            ("gao kind:acq @20|16", Edit::EraseWord, "gao kind:acq |16"),
            ("gao kind:acq |16", Edit::EraseWord, "gao |16"),
            ("gao  |", Edit::EraseWord, "|"),
            ("gao x|yz", Edit::EraseToStart, "|yz"),
            ("gao x|yz", Edit::EraseToEnd, "gao x|"),
        ];
        for (before, edit, expected) in cases {
            assert_eq!(after(before, edit), expected, "{edit:?} on {before}");
        }
    }

    #[test]
    fn typing_inserts_at_the_cursor_within_the_limit() {
        let mut input = LineInput::with_max(4).with_text("高松");
        input.edit(Edit::Left);
        assert!(input.insert('晓'));
        assert_eq!(shown(&input), "高晓|松");
        assert!(input.insert_str("ab"), "as much as fits");
        assert_eq!(shown(&input), "高晓a|松");
        assert!(!input.insert('x'), "full");
        assert_eq!(input, "高晓a松");
    }

    #[test]
    fn only_changes_of_the_text_are_reported() {
        let mut input = at("ab|");
        assert!(!input.edit(Edit::Home));
        assert!(!input.edit(Edit::EraseBack), "nothing before the start");
        assert!(input.edit(Edit::EraseForward));
    }
}
