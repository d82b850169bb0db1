//! The organisation on one day as a Graphviz DOT digraph: one box per unit, labelled with its
//! name and the holders of its roles (see [`super::diagram::node_lines`]), and an edge from each
//! parent to each of its sub-units.
//!
//! Every id and label is a DOT quoted string: backslashes and quotes are escaped, line breaks
//! written as `\n` (so a text can never end the string or the statement), and the label lines are
//! joined with `\l` (left-justified lines).

use std::io::{self, Write};

use crate::org::OrgChart;
use crate::org::diagram::node_lines;
use crate::timeline::Timeline;

/// Writes `chart` as a DOT digraph named `org`, with the day as the graph's label.
///
/// # Errors
/// A failed write.
pub fn write(timeline: &Timeline, chart: &OrgChart, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "digraph org {{")?;
    writeln!(
        out,
        "  graph [label={}, labelloc=t, rankdir=TB];",
        quoted(&format!("Organisation as of {}", chart.date))
    )?;
    writeln!(out, "  node [shape=box, fontname=\"Helvetica\"];")?;
    for node in &chart.nodes {
        let mut label = node_lines(timeline, node)
            .iter()
            .map(|line| escape(line))
            .collect::<Vec<_>>()
            .join("\\l");
        label.push_str("\\l");
        writeln!(out, "  {} [label=\"{label}\"];", quoted(&node.unit))?;
    }
    for node in &chart.nodes {
        if let Some(parent) = &node.parent {
            writeln!(out, "  {} -> {};", quoted(parent), quoted(&node.unit))?;
        }
    }
    writeln!(out, "}}")
}

/// `text` as a DOT quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// `text` escaped for the inside of a DOT quoted string: `\` → `\\`, `"` → `\"`, a line break
/// → `\n`, a carriage return dropped.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn quotes_backslashes_and_line_breaks_cannot_end_the_string() {
        assert_eq!(escape(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(escape("one\ntwo\r"), "one\\ntwo");
    }
}
