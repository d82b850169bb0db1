//! Where a search result matched: in an event's title, its summary, a tag, a person or unit it
//! names; in a person's or unit's own names, or through a role. Worked out for the results kept,
//! so a surprising hit explains itself.

use super::filter::Matcher;
use super::parse::{Field, Test};
use super::rank::Target;
use crate::store::ids::{PersonIx, UnitIx};
use crate::timeline::Searchable;

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
pub(super) fn found_in<S: Searchable>(
    timeline: &S,
    matcher: &mut Matcher<'_, S>,
    target: Target,
) -> Vec<Found> {
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
                let i = ix.index();
                if matches!(field, Field::Any | Field::Person) {
                    let people = timeline.event_people(i).map(PersonIx::new);
                    out.extend(people.filter(|&p| person_matches(p)).map(Found::Person));
                }
                if matches!(field, Field::Any | Field::Unit) {
                    let units = timeline.event_units(i).map(UnitIx::new);
                    out.extend(units.filter(|&u| unit_matches(u)).map(Found::Unit));
                }
                if *field == Field::Any {
                    if scorer.score(pattern, timeline.event_title(i)).is_some() {
                        out.push(Found::Title);
                    } else if scorer.score(pattern, timeline.event_summary(i)).is_some() {
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
                        .tenures()
                        .map(|(p, u, _, _)| (PersonIx::new(p), UnitIx::new(u)))
                        .filter(|&(p, u)| p == ix && unit_matches(u))
                        .map(|(_, u)| Found::Unit(u)),
                ),
                _ => {}
            },
            Target::Unit(ix) => match field {
                Field::Any | Field::Unit if unit_matches(ix) => out.push(Found::Name),
                Field::Person => out.extend(
                    timeline
                        .tenures()
                        .map(|(p, u, _, _)| (PersonIx::new(p), UnitIx::new(u)))
                        .filter(|&(p, u)| u == ix && person_matches(p))
                        .map(|(p, _)| Found::Person(p)),
                ),
                _ => {}
            },
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
