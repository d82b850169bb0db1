//! Tree guides (`├─ └─ │`) for lines listed in tree pre-order by depth — a chart's units with
//! their roles — as the text chart and the terminal app's org pane draw them.

/// For each line of a tree listed in pre-order by `depths` (0 for roots): for each level from 1
/// to its depth, whether the line's ancestor at that level (at the last level, the line itself)
/// has a later sibling, so that a guide continues below it (`│`, `├─`) rather than ending (`└─`).
/// A root has none.
#[must_use]
pub fn rails(depths: &[usize]) -> Vec<Vec<bool>> {
    // Backwards: whether a line at each depth follows, since the last shallower line.
    let mut later = vec![false; depths.len()];
    let mut seen: Vec<bool> = Vec::new();
    for (i, &depth) in depths.iter().enumerate().rev() {
        seen.resize(depth + 1, false);
        later[i] = seen[depth];
        seen[depth] = true;
    }
    // Forwards: the rails of the ancestors open above each line, then its own.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut all = Vec::with_capacity(depths.len());
    for (i, &depth) in depths.iter().enumerate() {
        while open.last().is_some_and(|&(d, _)| d >= depth) {
            open.pop();
        }
        let mut rails: Vec<bool> = open
            .iter()
            .filter(|&&(d, _)| d > 0)
            .map(|&(_, rail)| rail)
            .collect();
        if depth > 0 {
            // A line deeper than its parent's depth + 1 has no drawn ancestor between them.
            rails.resize(depth - 1, false);
            rails.push(later[i]);
        }
        all.push(rails);
        open.push((depth, later[i]));
    }
    all
}

/// The guides drawn before a line with these `rails` (see [`rails`]), `step` columns a level
/// (at least 2): `│  ├─ ` with 3, `│ ├ ` with 2.
#[must_use]
pub fn guides(rails: &[bool], step: usize) -> String {
    let last = rails.len().saturating_sub(1);
    let mut text = String::new();
    for (level, &continues) in rails.iter().enumerate() {
        text.push(match (level == last, continues) {
            (false, true) => '│',
            (false, false) => ' ',
            (true, true) => '├',
            (true, false) => '└',
        });
        let fill = if level == last { '─' } else { ' ' };
        for _ in 2..step {
            text.push(fill);
        }
        text.push(' ');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guides_continue_past_lines_with_later_siblings_only() {
        // a, ├ b, │ └ c, └ d, e (a second root)
        let rails = rails(&[0, 1, 2, 1, 0]);
        let drawn: Vec<String> = rails.iter().map(|r| guides(r, 3)).collect();
        assert_eq!(drawn, ["", "├─ ", "│  └─ ", "└─ ", ""]);
        assert_eq!(guides(&rails[2], 2), "│ └ ");
    }
}
