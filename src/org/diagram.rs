//! What the org diagrams ([`super::dot`], [`super::mermaid`]) show on a unit's node: its name,
//! then one line per role held there on the chart's day (`role: holder`). Every line is sanitised
//! (no controls, bidi or invisible characters; line breaks become spaces); each format then
//! escapes it for its own syntax.

use crate::org::OrgNode;
use crate::text::sanitize;
use crate::timeline::Timeline;

/// The lines of `node`'s label: `Name (中文) [id]`, then `role: holder` for each role, in chart
/// order.
#[must_use]
pub fn node_lines(timeline: &Timeline, node: &OrgNode) -> Vec<String> {
    let mut lines = vec![sanitize(&format!(
        "{} [{}]",
        timeline.unit_label(&node.unit),
        node.unit
    ))];
    for &ix in &node.roles {
        let tenure = timeline.history.tenure(ix);
        lines.push(sanitize(&format!(
            "{}: {}",
            tenure.role,
            timeline.person_label_at(tenure.person)
        )));
    }
    lines
}
