//! Aligned text columns: a column is as wide as its widest cell, measured as the terminal shows
//! it (wide CJK characters count two), so markers such as "(approx.)" never push a row out of line.

use crate::text::width;

/// The display width of the widest of `cells`, at least `min`.
pub fn widest<'a>(cells: impl IntoIterator<Item = &'a str>, min: usize) -> usize {
    cells.into_iter().map(width).fold(min, usize::max)
}

/// `cell` padded with spaces to `columns` display columns.
pub fn padded(cell: &str, columns: usize) -> String {
    let pad = columns.saturating_sub(width(cell));
    format!("{cell}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(padded("ab", 4), "ab  ");
        assert_eq!(padded("高", 4), "高  ");
        assert_eq!(padded("toolong", 3), "toolong");
        assert_eq!(widest(["a", "2015 (approx.)", "高晓松"], 3), 14);
        assert_eq!(widest([], 3), 3);
    }
}
