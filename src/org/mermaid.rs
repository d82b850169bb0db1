//! The organisation on one day as a Mermaid `flowchart TD`: one node per unit (`u0`, `u1`, … in
//! chart order, since unit ids may hold characters Mermaid reads as syntax), labelled with its
//! name and the holders of its roles (see [`super::diagram::node_lines`]), and an edge from each
//! parent to each of its sub-units.
//!
//! Labels are quoted, and every character Mermaid could read as syntax or markup is written as
//! an entity code (`#quot;`, `#lt;`, `#35;` …), so a text can never end the label, open a shape
//! or inject HTML; the label lines are joined with `<br/>`.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::org::OrgChart;
use crate::org::diagram::node_lines;
use crate::timeline::Timeline;

/// Writes `chart` as a Mermaid flowchart, the day in a `%%` comment under the first line.
///
/// # Errors
/// A failed write.
pub fn write(timeline: &Timeline, chart: &OrgChart, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "flowchart TD")?;
    writeln!(out, "    %% Organisation as of {}", chart.date)?;
    let mut names: HashMap<&str, String> = HashMap::new();
    for (i, node) in chart.nodes.iter().enumerate() {
        let name = format!("u{i}");
        let label = node_lines(timeline, node)
            .iter()
            .map(|line| escape(line))
            .collect::<Vec<_>>()
            .join("<br/>");
        writeln!(out, "    {name}[\"{label}\"]")?;
        names.insert(node.unit.as_str(), name);
    }
    for node in &chart.nodes {
        let parent = node.parent.as_deref().and_then(|p| names.get(p));
        if let (Some(parent), Some(child)) = (parent, names.get(node.unit.as_str())) {
            writeln!(out, "    {parent} --> {child}")?;
        }
    }
    Ok(())
}

/// `text` escaped for a quoted Mermaid label: quotes, `#`, `&`, `<`, `>`, brackets, braces, bars,
/// backslashes and backticks as entity codes; a line break as a space.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '#' | '[' | ']' | '{' | '}' | '|' | '\\' | '`' => {
                out.push_str(&format!("#{};", u32::from(c)));
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn syntax_characters_become_entity_codes() {
        assert_eq!(
            escape(r#"a "b" <i>{x}|[y]#"#),
            "a #quot;b#quot; #lt;i#gt;#123;x#125;#124;#91;y#93;#35;"
        );
        assert_eq!(escape("one\ntwo"), "one two");
    }
}
