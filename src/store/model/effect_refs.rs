//! The ids an effect names: the one list of them that the reference checks, the units' starts and
//! the RON export's subset all read.

use super::Effect;

impl Effect {
    /// Every id this effect names, as (field, what it names: `"person"` or `"unit"`, id), in the
    /// order the fields are written.
    #[must_use]
    pub fn refs(&self) -> Vec<(&'static str, &'static str, &str)> {
        match self {
            Effect::StartRole { person, unit, .. }
            | Effect::EndRole { person, unit, .. }
            | Effect::LastRecorded { person, unit, .. } => {
                vec![("person", "person", person), ("unit", "unit", unit)]
            }
            Effect::Found {
                unit,
                parent,
                founders,
            } => {
                let mut refs = vec![("unit", "unit", unit.as_str())];
                refs.extend(parent.as_deref().map(|p| ("parent", "unit", p)));
                refs.extend(founders.iter().map(|f| ("founders", "person", f.as_str())));
                refs
            }
            Effect::Place { unit, parent } => {
                vec![("unit", "unit", unit), ("parent", "unit", parent)]
            }
            Effect::Acquire { unit, by } => vec![("unit", "unit", unit), ("by", "unit", by)],
            Effect::Merge { unit, into } => vec![("unit", "unit", unit), ("into", "unit", into)],
            Effect::Rename { unit, to } => vec![("unit", "unit", unit), ("to", "unit", to)],
            Effect::Dissolve { unit } => vec![("unit", "unit", unit)],
        }
    }

    /// The ids of the units this effect names.
    #[must_use]
    pub fn units(&self) -> Vec<&str> {
        self.refs()
            .into_iter()
            .filter(|&(_, what, _)| what == "unit")
            .map(|(_, _, id)| id)
            .collect()
    }
}
