//! Who held roles where, as positions, from the replayed tenures: for each person the roles they
//! held, for each unit the roles held there. Each side is one list grouped by owner, with where
//! each owner's group starts, so building it allocates twice, not once per person and unit.

use crate::store::date::PartialDate;
use crate::timeline::Searchable;

/// A role's other side (a unit for a person, a person for a unit) and its dates.
pub(super) type Link = (usize, PartialDate, Option<PartialDate>);

/// Who held roles where.
#[derive(Clone)]
pub(super) struct Roles {
    of_person: Grouped,
    at_unit: Grouped,
}

impl Roles {
    /// The roles of every person and at every unit of `timeline`, each owner's in the order of
    /// the tenures.
    pub(super) fn of<S: Searchable>(timeline: &S) -> Roles {
        let (people, units) = (timeline.person_count(), timeline.unit_count());
        let tenures: Vec<(usize, usize, PartialDate, Option<PartialDate>)> = timeline
            .tenures()
            .filter(|&(p, u, _, _)| p < people && u < units)
            .collect();
        Roles {
            of_person: Grouped::new(people, tenures.iter().map(|&(p, u, s, e)| (p, (u, s, e)))),
            at_unit: Grouped::new(units, tenures.iter().map(|&(p, u, s, e)| (u, (p, s, e)))),
        }
    }

    /// The roles person `index` held.
    pub(super) fn of_person(&self, index: usize) -> &[Link] {
        self.of_person.group(index)
    }

    /// The roles held at unit `index`.
    pub(super) fn at_unit(&self, index: usize) -> &[Link] {
        self.at_unit.group(index)
    }
}

/// Links grouped by owner: owner `i`'s are `links[starts[i]..starts[i + 1]]`.
#[derive(Clone)]
struct Grouped {
    starts: Vec<usize>,
    links: Vec<Link>,
}

impl Grouped {
    /// `items` (owner, link) grouped by owner (each below `owners`), in their order within each:
    /// counted, then placed (no sort).
    fn new(owners: usize, items: impl Iterator<Item = (usize, Link)>) -> Grouped {
        let items: Vec<(usize, Link)> = items.collect();
        let mut starts = vec![0; owners + 1];
        for &(owner, _) in &items {
            starts[owner + 1] += 1;
        }
        for i in 0..owners {
            starts[i + 1] += starts[i];
        }
        // Where each item goes: after the items of earlier owners and its owner's earlier items.
        let mut next = starts.clone();
        let mut order = vec![0; items.len()];
        for (k, &(owner, _)) in items.iter().enumerate() {
            order[next[owner]] = k;
            next[owner] += 1;
        }
        Grouped {
            starts,
            links: order.into_iter().map(|k| items[k].1).collect(),
        }
    }

    /// Owner `i`'s links (none past the last owner).
    fn group(&self, i: usize) -> &[Link] {
        let range =
            self.starts.get(i).copied().unwrap_or(0)..self.starts.get(i + 1).copied().unwrap_or(0);
        self.links.get(range).unwrap_or_default()
    }
}
