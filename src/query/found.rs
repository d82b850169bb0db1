//! Where a search result matched: in an event's title, its summary, a tag, a person or unit it
//! names; in a person's or unit's own names, or through a role. Worked out for the results kept,
//! so a surprising hit explains itself.

use super::filter::Matcher;
use super::parse::{Field, Test};
use super::rank::Target;
use crate::store::ids::{PersonIx, UnitIx};
use crate::timeline::Timeline;

/// One place a result matched the query's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Found {
    /// An event's title.
    Title,
    /// A person's or unit's own name (English or Chinese name, alias or id).
    Name,
    /// An event's summary.
    Summary,
    /// One of an event's tags.
    Tag,
    /// A person the event names, or who held a role at the unit found.
    Person(PersonIx),
    /// A unit the event names, or where the person found held a role.
    Unit(UnitIx),
}

/// Where `target` matched the positive text atoms of the query `matcher` was prepared for, in
/// the order of [`Found`], each place once. Kind and date atoms match no place.
pub(super) fn found_in(
    timeline: &Timeline,
    matcher: &mut Matcher<'_>,
    target: Target,
) -> Vec<Found> {
    let ids = timeline.ids();
    let (atoms, scorer) = matcher.parts();
    let mut out = Vec::new();
    for prepared in atoms.iter().filter(|p| !p.atom.negated) {
        let Test::Text(field, pattern) = &prepared.atom.test else {
            continue;
        };
        let person_matches = |ix: PersonIx| prepared.people[ix.index()].is_some();
        let unit_matches = |ix: UnitIx| prepared.units[ix.index()].is_some();
        match target {
            Target::Event(ix) => {
                let event = timeline.event_at(ix);
                let people = event.people.iter().filter_map(|id| ids.person(id));
                let units = event.units.iter().filter_map(|id| ids.unit(id));
                if matches!(field, Field::Any | Field::Person) {
                    out.extend(people.filter(|&p| person_matches(p)).map(Found::Person));
                }
                if matches!(field, Field::Any | Field::Unit) {
                    out.extend(units.filter(|&u| unit_matches(u)).map(Found::Unit));
                }
                if *field == Field::Any {
                    if scorer.score(pattern, &event.title).is_some() {
                        out.push(Found::Title);
                    } else if scorer.score(pattern, &event.summary).is_some() {
                        out.push(Found::Summary);
                    }
                }
                if *field == Field::Tag {
                    out.push(Found::Tag);
                }
            }
            Target::Person(ix) => match field {
                Field::Any | Field::Person if person_matches(ix) => out.push(Found::Name),
                Field::Unit => out.extend(
                    timeline
                        .history
                        .tenures()
                        .filter(|(_, t)| t.person == ix && unit_matches(t.unit))
                        .map(|(_, t)| Found::Unit(t.unit)),
                ),
                _ => {}
            },
            Target::Unit(ix) => match field {
                Field::Any | Field::Unit if unit_matches(ix) => out.push(Found::Name),
                Field::Person => out.extend(
                    timeline
                        .history
                        .tenures()
                        .filter(|(_, t)| t.unit == ix && person_matches(t.person))
                        .map(|(_, t)| Found::Person(t.person)),
                ),
                _ => {}
            },
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
