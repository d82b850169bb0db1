//! Where a search result matched: in an event's title, its summary, a tag, a person or unit it
//! names; in a person's or unit's own names, or through a role. Worked out for the results kept,
//! so a surprising hit explains itself.

use super::filter::{Matcher, Side, pattern_of};
use super::parse::Field;
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
    let mut out = Vec::new();
    for i in 0..matcher.parts().0.len() {
        let atom = &matcher.parts().0[i].atom;
        let Some((field, pattern)) = pattern_of(atom).filter(|_| !atom.negated) else {
            continue;
        };
        let pattern = pattern.clone();
        match target {
            Target::Event(ix) => {
                let i_event = ix.index();
                if matches!(field, Field::Any | Field::Person) {
                    let people = timeline.event_people(i_event).map(PersonIx::new);
                    out.extend(
                        people
                            .filter(|&p| matcher.names_match(i, Side::People, p.index()))
                            .map(Found::Person),
                    );
                }
                if matches!(field, Field::Any | Field::Unit) {
                    let units = timeline.event_units(i_event).map(UnitIx::new);
                    out.extend(
                        units
                            .filter(|&u| matcher.names_match(i, Side::Units, u.index()))
                            .map(Found::Unit),
                    );
                }
                let scorer = matcher.parts().1;
                if field == Field::Any {
                    if scorer
                        .score(&pattern, timeline.event_title(i_event))
                        .is_some()
                    {
                        out.push(Found::Title);
                    } else if scorer
                        .score(&pattern, timeline.event_summary(i_event))
                        .is_some()
                    {
                        out.push(Found::Summary);
                    }
                }
                if field == Field::Tag {
                    out.push(Found::Tag);
                }
            }
            Target::Person(ix) => match field {
                Field::Any | Field::Person if matcher.names_match(i, Side::People, ix.index()) => {
                    out.push(Found::Name);
                }
                Field::Unit => out.extend(
                    timeline
                        .tenures()
                        .map(|(p, u, _, _)| (PersonIx::new(p), UnitIx::new(u)))
                        .filter(|&(p, u)| p == ix && matcher.names_match(i, Side::Units, u.index()))
                        .map(|(_, u)| Found::Unit(u)),
                ),
                _ => {}
            },
            Target::Unit(ix) => match field {
                Field::Any | Field::Unit if matcher.names_match(i, Side::Units, ix.index()) => {
                    out.push(Found::Name);
                }
                Field::Person => out.extend(
                    timeline
                        .tenures()
                        .map(|(p, u, _, _)| (PersonIx::new(p), UnitIx::new(u)))
                        .filter(|&(p, u)| {
                            u == ix && matcher.names_match(i, Side::People, p.index())
                        })
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
